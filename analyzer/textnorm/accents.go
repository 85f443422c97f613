package textnorm

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// StripAccents removes the accents of s ("Compétence" is "Competence"),
// case kept; invalid UTF-8 becomes spaces. ASCII, most of what postings,
// labels and names are, is returned as it is: the transform chain is made
// per call (a transformer keeps state, so a shared one would race), and
// making it for every label was most of loading ESCO.
func StripAccents(s string) (string, error) {
	if IsASCII(s) {
		return s, nil
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, strings.ToValidUTF8(s, " "))
	return out, err
}

// IsASCII says whether s is all ASCII bytes.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
