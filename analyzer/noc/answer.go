package noc

import (
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// A coder's answer for one posting: the title cleaned and read as a query
// (tails it does not know dropped, typos and feminine forms corrected),
// scored, a verbatim index title given its due, the result calibrated.

// Evidence is what a posting says about its occupation: its title and,
// beside it, a description (a posting body, or an industry a survey
// respondent gives), its industry and its employer's name.
type Evidence struct {
	Title, Description, Industry, Employer string
}

// Code codes one posting: its given code when it is a NOC 2021 unit
// group, else its title; the description adds weak evidence. The
// confidence is calibrated (see Calibration); below the threshold the
// posting is unclassified.
func (c *Coder) Code(title, description string, given *posting.OccupationCode) Result {
	return c.CodeEvidence(Evidence{Title: title, Description: description}, given)
}

// CodeEvidence is Code with all the evidence a posting has about its
// occupation besides the title (see Evidence).
func (c *Coder) CodeEvidence(e Evidence, given *posting.OccupationCode) Result {
	if given != nil && (given.System == "" || strings.EqualFold(given.System, "noc2021")) {
		code := strings.TrimSpace(given.Code)
		if t, ok := TitleOf(code); ok {
			return Result{Code: code, Title: t, Confidence: 1, Method: "source"}
		}
	}
	a := c.assessEvidence(e)
	if a.best < 0 {
		return Result{Code: Unclassified, Method: "unclassified"}
	}
	conf := round2(a.prob)
	if conf < c.opts.Threshold {
		// "Unclassified" is never the right code: its confidence is 0;
		// Candidates still give the likeliest groups with theirs.
		return Result{Code: Unclassified, Method: "unclassified"}
	}
	return Result{Code: c.codes[a.best], Title: c.titles[a.best], Confidence: conf, Method: "title",
		LowConfidence: conf < c.opts.LowConfidence}
}

// Scored is a coder's first answer for a title before calibration, for
// fitting a calibration.
type Scored struct {
	Code  string
	Raw   float64
	Exact bool // a verbatim index title
}

// Score is the first answer for a title and its raw score ("" when the
// coder knows none of its words).
func (c *Coder) Score(title, description string) Scored {
	a := c.assess(title, description)
	if a.best < 0 {
		return Scored{}
	}
	return Scored{Code: c.codes[a.best], Raw: a.raw, Exact: a.exact}
}

// assessment is the first answer for a title: its class (-1 for none),
// raw score, calibrated probability, and the unit group scores behind it.
type assessment struct {
	best      int32
	raw, prob float64
	exact     bool
	scores    []float32
}

// verbatimMargin is what a verbatim title that stands against the
// model's best group scores above it: odds of 2 to 1 in the tempered
// posterior (temperature × ln 2). Raised only to a tie, the title's own
// group and the one an industry lifted ("soudeur" in metal fabrication:
// welders and metal labourers) came out at 0.5 each before calibration,
// unclassified, and in an arbitrary order among the candidates.
const verbatimMargin = temperature * 0.6931

// rawTemperature is the posterior's temperature in the raw score; 5 and
// 10 calibrated no better on the held-out O*NET titles (ECE 0.024 and
// 0.033 against 0.031) and classified fewer.
const rawTemperature = temperature

// assess finds the first answer: a verbatim index title's group, else the
// best-scoring one; its raw score is the share of known words times its
// tempered posterior against the runners-up, which the calibration turns
// into a probability.
func (c *Coder) assess(title, description string) assessment {
	return c.assessEvidence(Evidence{Title: title, Description: description})
}

func (c *Coder) assessEvidence(e Evidence) assessment {
	title, description := e.Title, e.Description
	clean := cleanTitle(c.dropUnknownTails(title))
	query := ownersAsManagers(c.activityWorker(aidAsAide(c.corrected(clean))))
	sectors := e.sectors()
	byIndustry := false
	if query == "" && e.Industry != "" {
		// A title of nothing but noise ("self employed", "travailleur
		// autonome") says the job is the industry's own: its words stand
		// for the title, at half their weight (see below).
		query, byIndustry = c.corrected(cleanTitle(e.Industry)), true
	}
	scores, share := c.scores(query, description, sectors)
	if byIndustry {
		share /= 2
	}
	if scores == nil {
		return assessment{best: -1}
	}
	a := assessment{best: argmax(scores), scores: scores}
	// A verbatim title's group stands unless the description speaks
	// against it: a generic verbatim title ("manager", the cleaned
	// "contract manager") is decided by the description. One the title's
	// words alone place beyond an industry's reach stands too: a cook in
	// health care is still a cook (see sectorCannotMove).
	if k, ok := c.exact[clean]; ok && (description == "" || k == a.best || !c.descriptionAgainst(description, k, !namesLead(query) && industryLike(description)) || c.sectorCannotMove(query, sectors, k)) {
		a.best, a.exact = k, true
		// A verbatim title is at least as likely as the model's best: the
		// model scores the words, which for a generic title ("personal
		// support worker", "production worker") other groups' titles share
		// far more often, so its posterior would leave the title's own
		// group next to nothing and the answer unclassified.
		if top := scores[argmax(scores)]; scores[k] < top {
			scores[k] = top + verbatimMargin
			// Displaced only by the evidence beside the title (an industry
			// lifting its sector's other groups), not by the title's own
			// words: the title is as sure as it is alone. Calibrated as a
			// tie with the group the industry lifted, "soudeur" in metal
			// fabrication or "mayor" in municipal government came out
			// unclassified.
			if alone, s := c.scores(query, "", namedSectors{}); alone != nil && argmax(alone) == k {
				a.raw = s * posteriorAt(alone, k, rawTemperature)
			}
		}
	}
	if a.raw == 0 {
		a.raw = share * posteriorAt(scores, a.best, rawTemperature)
	}
	curve := c.calib.Model
	if a.exact && len(c.calib.Exact.Raw) > 0 {
		curve = c.calib.Exact
	}
	a.prob = min(max(curve.Apply(a.raw), 0), 1)
	return a
}

// dropUnknownTails removes the parts after " - ", " | ", " @ ", " at "
// or " chez " none of whose words the coder knows, even one typo away,
// ("Cook - Halifax", "Cook | Sobeys", "Cashier at Walmart"): a place or
// an employer, no evidence, which would only lower the share of known
// words and so the confidence. A qualifier it knows ("Manager -
// Marketing", "research assistant at university level") stays.
func (c *Coder) dropUnknownTails(title string) string {
	if !strings.ContainsAny(title, "-–—|@") && !hasTailWord(title) {
		return title
	}
	parts := splitTails(title)
	if len(parts) == 1 {
		return title
	}
	keep := parts[:1:1]
	for _, p := range parts[1:] {
		// Spelling-corrected: a typo in a qualifier is still evidence.
		for _, w := range strings.Fields(c.corrected(cleanTitle(p))) {
			if _, ok := c.feat["w:"+stem(w)]; ok {
				keep = append(keep, p)
				break
			}
		}
	}
	if len(keep) == len(parts) {
		return title
	}
	return strings.Join(keep, " - ")
}

// corrected replaces the words of a cleaned title the index does not know
// by the known word one typo away, when there is one.
func (c *Coder) corrected(clean string) string {
	words := strings.Fields(clean)
	changed := false
	for i, w := range words {
		if noise[w] {
			continue
		}
		st := stem(w)
		if _, ok := c.feat["w:"+st]; ok {
			continue
		}
		if fix := c.masculine(st); fix != "" {
			words[i], changed = fix, true
			continue
		}
		if fix := c.spell.correct(c, st); fix != "" && stem(fix) == fix {
			words[i], changed = fix, true
		}
	}
	if !changed {
		return clean
	}
	return strings.Join(words, " ")
}

// masculine is the known word a French feminine form the stemmer leaves
// alone writes with a final "e" ("avocate", "ingénieure", "superviseure"
// for "avocat", "ingénieur", "superviseur"), or "" when there is none.
// Only for unknown words: English words ending in "e" are left as they are.
func (c *Coder) masculine(w string) string {
	m, ok := strings.CutSuffix(w, "e")
	if !ok || len(m) < 4 {
		return ""
	}
	if _, ok := c.feat["w:"+m]; ok && stem(m) == m {
		return m
	}
	return ""
}
