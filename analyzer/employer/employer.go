// Package employer normalizes employer names so that one employer written
// several ways ("Eastern Health", "EASTERN HEALTH INC.", "Eastern Regional
// Health Authority") counts as one: case, accents, punctuation, a leading
// "The" and legal suffixes are dropped, and a small authored alias list
// maps known other names to one.
package employer

import (
	"strings"
	"unicode"

	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// Name is a normalized employer: Key merges spellings, Display is what a
// person reads. Display is a function of Key alone, so every store that
// counts by key names the employer the same way.
type Name struct {
	Key     string
	Display string
}

// legalSuffixes are dropped from the end of a name (after folding), as
// many times as they occur ("Foo Holdings Ltd. Inc.").
var legalSuffixes = map[string]bool{
	"inc": true, "incorporated": true, "ltd": true, "limited": true, "ltee": true, "limitee": true,
	"corp": true, "corporation": true, "llc": true, "llp": true, "lp": true, "senc": true, "sencrl": true,
	"co": true, "company": true, "plc": true, "ulc": true, "cie": true,
}

// aliases maps the folded key of a known other name to the folded key of
// the name it is counted under. Authored by hand, kept small: only names
// known to be the same organisation.
var aliases = map[string]string{
	"eastern regional health authority":           "eastern health",
	"central regional health authority":           "central health",
	"western regional health authority":           "western health",
	"labrador grenfell regional health authority": "labrador grenfell health",
	"nova scotia health authority":                "nova scotia health",
	"nshealth":                                    "nova scotia health",
	"iwk health centre":                           "iwk health",
	"alberta health services ahs":                 "alberta health services",
	"ahs":                                         "alberta health services",
	"tim hortons restaurant":                      "tim hortons",
	"wal mart canada":                             "walmart canada",
	"walmart":                                     "walmart canada",
}

// display names a key when the title-cased key reads wrongly.
var display = map[string]string{
	"iwk health":         "IWK Health",
	"walmart canada":     "Walmart Canada",
	"nova scotia health": "Nova Scotia Health",
}

var articles = map[string]bool{"the": true, "la": true, "le": true, "les": true}

// Normalize folds a raw employer name; an empty or meaningless name gives
// a zero Name.
func Normalize(raw string) Name {
	// Most names are ASCII: nothing to fold, and no transformer to make
	// for every posting the indexer writes.
	s, err := textnorm.StripAccents(raw)
	if err != nil {
		return Name{}
	}
	s = strings.ToLower(s)
	// "&" reads as "and"; other punctuation separates words, but the
	// dots and apostrophes inside a word join it ("L.L.C.", "Tim Horton's").
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString(" and ")
		case r == '.' || r == '\'' || r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	for len(words) > 1 && (articles[words[0]] || legalSuffixes[words[len(words)-1]]) {
		if articles[words[0]] {
			words = words[1:]
		} else {
			words = words[:len(words)-1]
		}
	}
	// "Tim Hortons" and "Tim Horton's" fold alike once the apostrophe is gone.
	key := strings.Join(words, " ")
	if key == "" {
		return Name{}
	}
	if to, ok := aliases[key]; ok {
		key = to
	}
	return Name{Key: key, Display: Display(key)}
}

// Display is the name shown for a key: an authored one, or the key's
// words capitalized.
func Display(key string) string {
	if d, ok := display[key]; ok {
		return d
	}
	words := strings.Fields(key)
	for i, w := range words {
		if i > 0 && (w == "and" || w == "of" || w == "de" || w == "du" || w == "des" || w == "et") {
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
