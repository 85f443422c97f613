package noc

import "strings"

// QualifierCases are the titles HoldOut holds out that carry a qualifier
// ("manager, retail store", "supervisor - food processing", "labourer
// (construction)"), as a person reporting their job and its industry
// writes them: the head as the title, the qualifier as the description.
// Each head, qualifier and code once.
func QualifierCases(titles []Title) []Case {
	seen := map[string]bool{}
	var out []Case
	for _, t := range titles {
		if hash(t.Code+"|"+t.Text)%10 != 0 {
			continue
		}
		head, q := splitQualifier(t.Text)
		if q == "" || cleanTitle(head) == "" || len(descriptionWords(q)) == 0 {
			continue
		}
		key := t.Code + "|" + strings.ToLower(head) + "|" + strings.ToLower(q)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, Case{Title: head, Code: t.Code, Lang: t.Lang, Description: q})
	}
	return out
}

// WithoutDescriptions are the cases with their descriptions left out.
func WithoutDescriptions(cases []Case) []Case {
	out := make([]Case, len(cases))
	for i, k := range cases {
		k.Description = ""
		out[i] = k
	}
	return out
}

// Distracted are cases each given the description of a case of another
// broad category (the next such one in order): a posting whose industry
// says nothing of the occupation ("Accountant" in "Construction"), where
// the description should move the answer as little as possible.
func Distracted(cases, descriptions []Case) []Case {
	if len(descriptions) == 0 {
		return nil
	}
	out := make([]Case, 0, len(cases))
	j := 0
	for _, k := range cases {
		for n := 0; n < len(descriptions); n++ {
			d := descriptions[(j+n)%len(descriptions)]
			if BroadCategory(d.Code) != BroadCategory(k.Code) {
				k.Description = d.Description
				j = (j + n + 1) % len(descriptions)
				break
			}
		}
		out = append(out, k)
	}
	return out
}

// Related are the cases whose unit group has a qualified case among
// descriptions, each given that case's qualifier (the next one in order,
// never its own title's): a posting whose industry fits the occupation
// without naming it ("Chef" in "Hotel"), where the description should
// help or stay out of the way, not pull the title towards the group the
// industry describes best.
func Related(cases, descriptions []Case) []Case {
	byCode := map[string][]Case{}
	for _, d := range descriptions {
		byCode[d.Code] = append(byCode[d.Code], d)
	}
	next := map[string]int{}
	out := make([]Case, 0, len(cases))
	for _, k := range cases {
		ds := byCode[k.Code]
		for n := 0; n < len(ds); n++ {
			d := ds[(next[k.Code]+n)%len(ds)]
			if strings.EqualFold(d.Title, k.Title) {
				continue
			}
			k.Description = d.Description
			next[k.Code] = (next[k.Code] + n + 1) % len(ds)
			out = append(out, k)
			break
		}
	}
	return out
}

// SourceFold is the fold (of n) of a description's source, by hash: an
// evaluation codes a fold's cases with a coder whose description model
// did not learn from that fold's sources.
func SourceFold(source string, n int) int { return int(hash(source) % uint32(n)) }

// WithoutFold are the texts whose source is not in fold f of n.
func WithoutFold(texts []GroupText, f, n int) []GroupText {
	var out []GroupText
	for _, g := range texts {
		if !strings.HasPrefix(g.Source, "onet:") || SourceFold(g.Source, n) != f {
			out = append(out, g)
		}
	}
	return out
}

// Merge adds up reports of disjoint case sets.
func Merge(rs ...Report) Report {
	var r Report
	for _, x := range rs {
		r.Cases += x.Cases
		r.Classified += x.Classified
		r.Exact += x.Exact
		r.Major += x.Major
	}
	return r.withRates()
}

// boilerplate are posting paragraphs that say nothing of the occupation,
// written for the evaluation: benefits, equity, how to apply, schedules.
var boilerplate = map[string][]string{
	"en": {
		"We offer competitive wages, a comprehensive benefits package, paid vacation and opportunities for advancement. Apply today by submitting your resume and cover letter. Only candidates selected for an interview will be contacted.",
		"We are an equal opportunity employer committed to diversity and inclusion. Accommodations are available upon request for candidates taking part in all aspects of the selection process.",
		"Full-time and part-time positions are available, including days, evenings and weekends. You are reliable, punctual and a team player with a positive attitude. Immediate start for the right candidate.",
		"Join a growing, family-owned company with a friendly team and a great work environment. We value honesty, respect and hard work, and we reward our people with stable hours and a group benefits plan.",
		"Must be legally entitled to work in Canada. A criminal record check may be required. Please send your resume by email; we thank all applicants for their interest.",
		"Benefits include dental and health coverage, an RRSP matching program, an employee discount and free parking. Training is provided. Start date: as soon as possible.",
	},
	"fr": {
		"Nous offrons un salaire concurrentiel, des avantages sociaux complets, des vacances payées et des possibilités d'avancement. Faites parvenir votre CV dès aujourd'hui. Seules les personnes retenues seront contactées.",
		"Nous souscrivons au principe de l'équité en matière d'emploi et encourageons toutes les personnes qualifiées à postuler. Des mesures d'adaptation sont offertes sur demande.",
		"Postes à temps plein et à temps partiel, de jour, de soir et de fin de semaine. Vous êtes fiable, ponctuel et vous aimez le travail d'équipe. Entrée en fonction immédiate.",
		"Joignez-vous à une entreprise familiale en pleine croissance, une équipe chaleureuse et un milieu de travail stimulant. Assurances collectives, régime de retraite et stationnement gratuit.",
	},
}

// WithBoilerplate are cases each given a posting's boilerplate paragraph
// in its language (by hash of its title): a body that says nothing of the
// occupation, which should move the answer as little as possible.
func WithBoilerplate(cases []Case) []Case {
	out := make([]Case, 0, len(cases))
	for _, k := range cases {
		ps := boilerplate["en"]
		if k.Lang == "fr" {
			ps = boilerplate["fr"]
		}
		k.Description = ps[hash(k.Title)%uint32(len(ps))]
		out = append(out, k)
	}
	return out
}
