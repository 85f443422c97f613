package noc

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var (
	parens    = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)
	dashSplit = regexp.MustCompile(`\s+[-–—|]\s+`)
	placeTail = regexp.MustCompile(`^[\p{L} .'-]+,?\s*\(?(AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\)?$|^(?i:remote|hybrid)\b`)
	slashAlt  = regexp.MustCompile(`(\p{L}+)/(\p{L}+)`)
)

// noise words say nothing about the occupation: seniority, schedule,
// contract and generic words of unit group titles.
var noise = set(`sr senior jr junior lead i ii iii iv 1 2 3 night day evening weekend shift shifts full part time
fulltime parttime permanent temporary temp casual contract seasonal term position job opportunity urgent
immediate start hiring wanted needed required remote hybrid bilingual entry level experienced
temps plein partiel poste emploi permanent temporaire occasionnel contractuel urgent immediate entree immediatement
occupations occupation n e c nec other related and or of the a an in for de la le les du des et en a l d au aux
h f e ne`)

// expansions of common abbreviations in titles.
var expansions = map[string]string{
	"mgr": "manager", "asst": "assistant", "admin": "administrative", "tech": "technician", "techs": "technician",
	"rep": "representative", "reps": "representative", "csr": "customer service representative",
	"rn": "registered nurse", "lpn": "licensed practical nurse", "rpn": "registered practical nurse",
	"psw": "personal support worker", "ece": "early childhood educator", "it": "information technology",
	"hr": "human resources", "az": "truck driver", "dz": "truck driver", "cook's": "cook", "dev": "developer",
	"eng": "engineer", "coord": "coordinator", "supv": "supervisor", "svc": "service", "acct": "accounting",
}

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// newFold strips accents. A transformer keeps state, so each call makes
// its own: a shared one is a data race under concurrent coding.
func newFold() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// cleanTitle lower-cases, drops accents, parenthesized notes, suffixes
// after " - " (shift, place) and French gender alternatives, expands
// abbreviations and removes noise words.
func cleanTitle(s string) string {
	// Tail segments after " - " are kept when they qualify the occupation
	// ("- trade, broadcasting and other services") and dropped when they
	// are a place or schedule ("- St. John's, NL", "- Night Shift").
	parts := dashSplit.Split(s, -1)
	keep := parts[:1]
	for _, p := range parts[1:] {
		p = strings.TrimSpace(parens.ReplaceAllString(p, " "))
		if placeTail.MatchString(p) || allNoise(p) {
			continue
		}
		keep = append(keep, p)
	}
	s = strings.ToLower(strings.Join(keep, " "))
	s = parens.ReplaceAllString(s, " ")
	s = slashAlt.ReplaceAllString(s, "$1")
	if f, _, err := transform.String(newFold(), s); err == nil {
		s = f
	}
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' }) {
		w = strings.Trim(w, "'")
		if strings.HasPrefix(w, "l'") || strings.HasPrefix(w, "d'") {
			w = w[2:]
		}
		if e, ok := expansions[w]; ok {
			out = append(out, e)
			continue
		}
		if w == "" || noise[w] {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func allNoise(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !noise[w] {
			return false
		}
	}
	return true
}

// tokens are the words of a cleaned title, lightly stemmed (plural and
// French feminine endings) so "records"/"record" and
// "technicienne"/"technicien" meet.
func tokens(clean string) []string {
	var out []string
	for _, w := range strings.Fields(clean) {
		if noise[w] {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

func stem(w string) string {
	for _, suf := range []struct{ from, to string }{
		{"iennes", "ien"}, {"ienne", "ien"}, {"euses", "eur"}, {"euse", "eur"}, {"trices", "teur"}, {"trice", "teur"},
		{"ieres", "ier"}, {"iere", "ier"}, {"ies", "y"}, {"ees", "e"}, {"ee", "e"},
	} {
		if len(w) > len(suf.from)+2 && strings.HasSuffix(w, suf.from) {
			return strings.TrimSuffix(w, suf.from) + suf.to
		}
	}
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}
