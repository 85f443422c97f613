package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one word of a normalized location. Offsets point into the
// normalized buffer, where tokens are separated by single spaces so that a
// run of tokens is itself a lookup key.
type token struct {
	start, end int
	upper      bool // every letter was upper case in the source ("ON", "N.-B.")
	title      bool // the first letter was upper case ("Sask")
	segEnd     bool // a comma, parenthesis, postal code or the end follows
	postal     bool // part of a postal code
	fsa        string
}

// tokens is a reusable normalization result.
type tokens struct {
	buf  []byte
	toks []token
}

// expansions spell out abbreviations so that "St. John's", "St Johns" and
// "Saint John's" share one key, as do "Ste-Foy" and "Sainte-Foy".
var expansions = map[string]string{"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}

// foldTable maps Latin-1 and Latin Extended-A letters to lower-case ASCII.
var foldTable = buildFoldTable()

func buildFoldTable() [0x250]string {
	var t [0x250]string
	special := map[rune]string{'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
		'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l", 'ı': "i", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th"}
	for r := rune(0x80); r < 0x250; r++ {
		if s, ok := special[r]; ok {
			t[r] = s
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		var b strings.Builder
		for _, d := range norm.NFD.String(string(r)) {
			if d < 0x80 {
				b.WriteRune(unicode.ToLower(d))
			}
		}
		t[r] = b.String()
	}
	return t
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', '`', '´', 'ʼ', 'ʻ':
		return true
	}
	return false
}

// isBoundary reports whether r separates parts of an address, as in
// "Halifax, NS" or "Montréal (QC)", as opposed to words of one name.
func isBoundary(r rune) bool {
	switch r {
	case ',', ';', ':', '(', ')', '[', ']', '{', '}', '/', '\\', '|', '\n', '\r', '\t', '•', '·', '–', '—', '"', '«', '»':
		return true
	}
	return false
}

// tokenize lower-cases, strips accents and splits s into words. Apostrophes
// join ("St. John's" → "saint johns"); periods and hyphens separate.
func (t *tokens) tokenize(s string) {
	t.buf, t.toks = t.buf[:0], t.toks[:0]
	var cur token
	in, hasLetter := false, false
	begin := func() {
		if len(t.buf) > 0 {
			t.buf = append(t.buf, ' ')
		}
		cur = token{start: len(t.buf), upper: true}
		in, hasLetter = true, false
	}
	end := func() {
		if !in {
			return
		}
		in = false
		cur.end = len(t.buf)
		if !hasLetter {
			cur.upper = false
		}
		if exp, ok := expansions[string(t.buf[cur.start:cur.end])]; ok {
			t.buf = append(t.buf[:cur.start], exp...)
			cur.end = len(t.buf)
		}
		t.toks = append(t.toks, cur)
	}
	letter := func(upper bool) {
		if !hasLetter {
			cur.title = upper
		}
		hasLetter = true
		if !upper {
			cur.upper = false
		}
	}
	boundary := func() {
		end()
		if n := len(t.toks); n > 0 {
			t.toks[n-1].segEnd = true
		}
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if !in {
				begin()
			}
			if r >= 'a' {
				letter(false)
			}
			t.buf = append(t.buf, byte(r))
		case r >= 'A' && r <= 'Z':
			if !in {
				begin()
			}
			letter(true)
			t.buf = append(t.buf, byte(r+'a'-'A'))
		case isApostrophe(r):
			// Joins: "St. John's" and "St Johns" must meet.
		case r == '&':
			end()
			begin()
			t.buf = append(t.buf, "and"...)
			end()
		case isBoundary(r):
			boundary()
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if !in {
				begin()
			}
			if unicode.IsLetter(r) {
				letter(unicode.IsUpper(r))
			}
			if r < rune(len(foldTable)) && foldTable[r] != "" {
				t.buf = append(t.buf, foldTable[r]...)
			} else {
				t.buf = utf8.AppendRune(t.buf, unicode.ToLower(r))
			}
		case r == utf8.RuneError:
			end()
		default:
			end()
		}
	}
	boundary()
	t.markPostal()
}

// text returns the normalized text of token i.
func (t *tokens) text(i int) []byte { return t.buf[t.toks[i].start:t.toks[i].end] }

// span returns the normalized text of tokens i..j inclusive.
func (t *tokens) span(i, j int) []byte { return t.buf[t.toks[i].start:t.toks[j].end] }

// markPostal flags postal codes ("A1C 5M2", "A1C5M2", or a bare "A1C") and
// treats them, like the word "Canada", as the end of the preceding part.
func (t *tokens) markPostal() {
	for i := range t.toks {
		w := t.text(i)
		switch {
		case len(w) == 6 && isFSA(w[:3]) && isLDU(w[3:]):
			t.toks[i].postal, t.toks[i].fsa = true, strings.ToUpper(string(w[:3]))
		case len(w) == 3 && isFSA(w):
			t.toks[i].postal, t.toks[i].fsa = true, strings.ToUpper(string(w))
			if i+1 < len(t.toks) && isLDU(t.text(i+1)) {
				t.toks[i+1].postal = true
			}
		case string(w) == "canada":
		default:
			continue
		}
		if i > 0 {
			t.toks[i-1].segEnd = true
		}
	}
}

// isFSA reports whether w (lower case) is a forward sortation area such as
// "a1c": the first letter must be one Canada Post uses.
func isFSA(w []byte) bool {
	return len(w) == 3 && strings.IndexByte("abceghjklmnprstvxy", w[0]) >= 0 &&
		isDigit(w[1]) && isLower(w[2])
}

// isLDU reports whether w is a local delivery unit such as "5m2".
func isLDU(w []byte) bool { return len(w) == 3 && isDigit(w[0]) && isLower(w[1]) && isDigit(w[2]) }

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
func isLower(b byte) bool { return b >= 'a' && b <= 'z' }

// normalizeKey is the lookup form of a name: lower case, no accents, words
// separated by single spaces.
func normalizeKey(s string) string {
	var t tokens
	t.tokenize(s)
	return string(t.buf)
}
