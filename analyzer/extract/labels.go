package extract

// Derived labels: the names postings use for a concept that ESCO does not
// list as labels (a field of knowledge without its generic head, "others"
// as "people").

import (
	"strings"
	"sync"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// genericHeadPrefixes and genericHeadSuffixes are words ESCO wraps around
// a field of knowledge; postings name the field alone ("cloud",
// "artificial intelligence", "e-commerce").
var (
	genericHeadPrefixes = []string{"principles of "}
	genericHeadSuffixes = []string{" technology", " technologies", " systems"}
)

// headless is the knowledge label pref without its generic head, as a
// derived alternative label (none when it has none). A single word left
// must be a noun-like name of a field: "automation", "cloud", not a
// modifier ("mechanical", "cutting", "marine").
func headless(pref string) []taxonomy.Label {
	pref = strings.TrimSpace(pref)
	rest := ""
	for _, p := range genericHeadPrefixes {
		if len(pref) > len(p) && strings.EqualFold(pref[:len(p)], p) {
			rest = pref[len(p):]
		}
	}
	for _, sfx := range genericHeadSuffixes {
		if n := len(pref) - len(sfx); rest == "" && n > 0 && strings.EqualFold(pref[n:], sfx) {
			rest = pref[:n]
		}
	}
	rest = strings.TrimSpace(rest)
	if rest == "" || !strings.ContainsRune(rest, ' ') && modifierLike(strings.ToLower(rest)) {
		return nil
	}
	return []taxonomy.Label{{Text: rest, Lang: "en", Kind: taxonomy.Alternative}}
}

// othersAsPeople: ESCO's transversal skills act on "others" ("lead
// others", "motivate others"); postings say "people".
func othersAsPeople(labels []taxonomy.Label) []taxonomy.Label {
	var out []taxonomy.Label
	for _, l := range labels {
		if (l.Lang == "" || l.Lang == "en") && l.Kind != taxonomy.Hidden && strings.HasSuffix(l.Text, " others") {
			out = append(out, taxonomy.Label{Text: strings.TrimSuffix(l.Text, "others") + "people", Lang: l.Lang, Kind: taxonomy.Alternative})
		}
	}
	return out
}

// modifierLike says whether a word reads as an adjective or a gerund.
func modifierLike(w string) bool {
	for _, sfx := range []string{"ing", "al", "ic", "ive", "ous", "ary", "ar", "ine"} {
		if strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return commonWords[w]
}

// isBareName says whether text is the preferred label pref without its
// trailing qualifier.
func isBareName(text, pref string) bool {
	pref = strings.TrimSpace(pref)
	i := strings.LastIndexByte(pref, '(')
	return i > 0 && strings.HasSuffix(pref, ")") && strings.EqualFold(strings.TrimSpace(pref[:i]), strings.TrimSpace(text))
}

// expandLabels adds, for a label with a trailing qualifier such as ESCO's
// "Python (computer programming)", the bare name "Python" as an
// alternative: postings never write the qualifier.
func expandLabels(labels []taxonomy.Label) []taxonomy.Label {
	out := labels
	for _, l := range labels {
		t := strings.TrimSpace(l.Text)
		if i := strings.LastIndexByte(t, '('); i > 0 && strings.HasSuffix(t, ")") {
			if bare := strings.TrimSpace(t[:i]); bare != "" {
				if len(out) == len(labels) {
					out = append([]taxonomy.Label(nil), labels...)
				}
				out = append(out, taxonomy.Label{Text: bare, Lang: l.Lang, Kind: taxonomy.Alternative})
			}
		}
	}
	return out
}

// actionVerbs maps the action noun that ends a label ("heavy equipment
// repair", "food preparation") to the verbs postings write first, as duty
// statements do ("repair heavy equipment", "prepare food").
var actionVerbs = map[string][]string{
	"repair": {"repair"}, "repairs": {"repair"}, "maintenance": {"maintain"},
	"installation": {"install"}, "inspection": {"inspect"}, "inspections": {"inspect"},
	"operation": {"operate"}, "cleaning": {"clean"}, "preparation": {"prepare"},
	"management": {"manage"}, "development": {"develop"}, "testing": {"test"},
	"analysis": {"analyse", "analyze"}, "scheduling": {"schedule"}, "assembly": {"assemble"},
	"monitoring": {"monitor"}, "administration": {"administer"}, "processing": {"process"},
	"handling": {"handle"}, "evaluation": {"evaluate"}, "assessment": {"assess"},
	"sales": {"sell"}, "care": {"care for"},
	"supervision": {"supervise"}, "planning": {"plan"}, "coordination": {"coordinate"},
	"delivery": {"deliver"}, "facilitation": {"facilitate"}, "disinfection": {"disinfect"},
}

// frenchActionVerbs maps the action noun that opens a French label
// ("contrôle des entrées", "installation de solutés") to the infinitive
// duty statements write ("contrôler les entrées", "installer les
// solutés"); the articles and "de" between are function words the
// tokenizer drops.
var frenchActionVerbs = map[string]string{
	"contrôle": "contrôler", "installation": "installer", "animation": "animer", "désinfection": "désinfecter",
	"surveillance": "surveiller", "préparation": "préparer", "nettoyage": "nettoyer", "entretien": "entretenir",
	"réparation": "réparer", "gestion": "gérer", "planification": "planifier", "supervision": "superviser",
	"vérification": "vérifier", "inspection": "inspecter", "livraison": "livrer", "vente": "vendre",
	"conduite": "conduire", "montage": "monter", "assemblage": "assembler", "tenue": "tenir",
	"traitement": "traiter", "saisie": "saisir", "rédaction": "rédiger", "coordination": "coordonner",
	"encadrement": "encadrer", "évaluation": "évaluer", "analyse": "analyser", "administration": "administrer",
	"entreposage": "entreposer", "emballage": "emballer", "étiquetage": "étiqueter", "cuisson": "cuire",
	"lavage": "laver", "tri": "trier", "pose": "poser", "réception": "recevoir", "organisation": "organiser",
	"distribution": "distribuer", "manipulation": "manipuler", "réapprovisionnement": "réapprovisionner",
	"accueil": "accueillir", "programmation": "programmer", "conception": "concevoir", "soudage": "souder",
	"accompagnement": "accompagner", "formation": "former", "embauche": "embaucher", "recrutement": "recruter",
}

// objectGoesOn says whether the word after toks[last] continues the noun
// phrase a verb-first label ends ("maintain web applications" is not web
// maintenance): a content word right after it, not a function word, a
// conjunction or a boundary. A French complement after a dropped "de" ends
// the object: "planifier les horaires de la semaine".
func objectGoesOn(text string, toks []token, last int) bool {
	n := last + 1
	if n >= len(toks) {
		return false
	}
	t := toks[n]
	return t.brk == brkNone && !t.conj && !t.list && !functionWordHashes()[t.hash] && !genericHeadHashes()[t.hash] &&
		!frenchComplement(text[toks[last].end:t.start])
}

// frenchComplement: the words between two tokens open a French complement
// ("de la", "des", "du", "d'").
func frenchComplement(gap string) bool {
	g := strings.ToLower(gap)
	return strings.HasPrefix(g, " de ") || strings.HasPrefix(g, " des ") || strings.HasPrefix(g, " du ") ||
		strings.HasPrefix(g, " d'") || strings.HasPrefix(g, " d’")
}

// genericHeads are nouns after an object that name its kind, not another
// thing: "monitor alarm systems" is alarm monitoring, as "repair engine
// parts" is not engine repair.
var genericHeadHashes = sync.OnceValue(func() map[uint64]bool {
	return hashSet(toSet(`system systems equipment systèmes système équipement équipements`))
})

// verbFirst derives, for a label naming an action by its noun, the
// verb-first form duty statements write: English "heavy equipment
// repair" as "repair heavy equipment", French "contrôle des entrées" as
// "contrôler les entrées".
func verbFirst(labels []taxonomy.Label) []taxonomy.Label {
	var out []taxonomy.Label
	for _, l := range labels {
		if l.Kind == taxonomy.Hidden || strings.ContainsAny(l.Text, "(),/") {
			continue
		}
		t := strings.TrimSpace(l.Text)
		switch l.Lang {
		case "fr":
			first, rest, ok := strings.Cut(t, " ")
			if v := frenchActionVerbs[strings.ToLower(first)]; ok && v != "" && !coordinated(rest) {
				out = append(out, taxonomy.Label{Text: v + " " + rest, Lang: l.Lang, Kind: taxonomy.Alternative})
			}
		case "", "en":
			i := strings.LastIndexByte(t, ' ')
			if i <= 0 {
				continue
			}
			obj, noun := t[:i], strings.ToLower(t[i+1:])
			if coordinated(obj) {
				continue
			}
			for _, v := range actionVerbs[noun] {
				out = append(out, taxonomy.Label{Text: v + " " + obj, Lang: l.Lang, Kind: taxonomy.Alternative})
			}
		}
	}
	return out
}

// coordinated: the words join two things, which one verb-first form would
// not read as the label does.
func coordinated(words string) bool {
	padded := " " + strings.ToLower(words) + " "
	for _, c := range []string{" and ", " or ", " et ", " ou "} {
		if strings.Contains(padded, c) {
			return true
		}
	}
	return false
}

// functionWordHashes are the words after which an object has ended: the
// loose matcher's function words and a few clause openers. Articles and
// conjunctions need no entry: the tokenizer drops them (a conjunction
// marks the next token, which objectGoesOn reads).
var functionWordHashes = sync.OnceValue(func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range append(looseFunction, "using", "including", "when", "if") {
		for _, t := range tokenize(w, nil) {
			m[t.hash] = true
		}
	}
	return m
})
