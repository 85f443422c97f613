// Package textnorm turns posting text (often HTML from a job board) into the
// plain, normalized text that every analysis stage works on. Extracted skill
// offsets refer to this text, so it must be deterministic.
package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// blockTags end a line: postings put one requirement per <li> or <p>, and
// keeping those breaks lets later stages see sections and bullets.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Br: true, atom.Li: true, atom.Div: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Table: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Hr: true, atom.Dt: true, atom.Dd: true,
}

// StripHTML removes tags, drops script/style content, decodes entities and
// turns block elements into line breaks. Text without markup passes through
// with only entities decoded.
func StripHTML(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	if out, ok := stripSimple(s); ok {
		return out
	}
	return stripTokenizer(s)
}

// stripTokenizer is StripHTML by the HTML5 tokenizer, for any markup.
func stripTokenizer(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	b.Grow(len(s))
	skip := 0
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			// TagName, unlike Token, does not copy the attributes, which
			// no stage reads.
			name, _ := z.TagName()
			tag := atom.Lookup(name)
			if tag == atom.Script || tag == atom.Style {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if blockTags[tag] {
				b.WriteByte('\n')
			}
		}
	}
}

// Normalize applies NFKC (full-width letters, ligatures, non-breaking
// spaces), maps typographic quotes and dashes to ASCII, collapses runs of
// spaces within a line and blank-line runs to one line break, and trims.
func Normalize(s string) string {
	// Invalid bytes first: NFKC does not compose across them, which would
	// leave the output unstable under a second normalization.
	if !IsASCII(s) { // ASCII is its own NFKC form: most postings skip a costly pass
		if !utf8.ValidString(s) { // ValidString is the faster test; ToValidUTF8 would decode every rune
			s = strings.ToValidUTF8(s, " ")
		}
		s = norm.NFKC.String(s)
	} else if isNormalASCII(s) {
		return s // plain text already in this form: no copy
	}
	return normalize(s)
}

func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space, newline := false, false
	flush := func() {
		if newline {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
		} else if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		newline, space = false, false
	}
	for i := 0; i < len(s); {
		// Runs of printable ASCII need no mapping: copy them whole, which
		// is most of most postings. A single space between two such words
		// is already normal, so the run goes on over it: one copy per
		// line rather than per word.
		if c := s[i]; c > ' ' && c < 0x7f {
			j := runEnd(s, i+1)
			flush()
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '\u2018', '\u2019', '\u201B', '\u2032':
			r = '\''
		case '\u201C', '\u201D', '\u201F', '\u2033', '\u00AB', '\u00BB':
			r = '"'
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			r = '-'
		case '\u2022', '\u25CF', '\u25AA', '\u2023', '\u2043', '\u00B7':
			// Bullets start a new item.
			r = '\n'
		case '\u200B', '\u200C', '\u200D', '\uFEFF', '\u00AD':
			continue
		}
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			newline, space = true, false
			continue
		case unicode.IsSpace(r), unicode.IsControl(r), r == unicode.ReplacementChar:
			space = true
			continue
		}
		flush()
		b.WriteRune(r)
	}
	return b.String()
}

// runEnd returns where a run of printable ASCII words with single
// spaces between them, going on at j, ends: before a byte that is not
// printable ASCII, before a space not followed by such a word, or at
// len(s). Eight bytes at a time first (the tests of Bit Twiddling Hacks:
// "has a byte less than n" and "has a zero byte", exact as to whether any
// byte qualifies; the exact per-byte zero test for spaces), then byte by
// byte from the first word that needs a closer look.
func runEnd(s string, j int) int {
	const ones, highs, low7 = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	for ; j+8 <= len(s); j += 8 {
		x := uint64(s[j]) | uint64(s[j+1])<<8 | uint64(s[j+2])<<16 | uint64(s[j+3])<<24 |
			uint64(s[j+4])<<32 | uint64(s[j+5])<<40 | uint64(s[j+6])<<48 | uint64(s[j+7])<<56
		del := x ^ (ones * 0x7f)
		unprintable := ((x-ones*0x20)&^x | x | (del-ones)&^del) & highs
		t := x ^ (ones * ' ')
		spaces := ^(((t & low7) + low7) | t | low7) // high bit of each space byte
		// A space ending the word depends on the next byte: look closer.
		if unprintable|spaces&(spaces>>8)|spaces>>63 != 0 {
			break
		}
	}
	for j < len(s) {
		if c := s[j]; c > ' ' && c < 0x7f {
			j++
		} else if c == ' ' && j+1 < len(s) && s[j+1] > ' ' && s[j+1] < 0x7f {
			j += 2
		} else {
			break
		}
	}
	return j
}

// Clean is StripHTML followed by Normalize: the text analysis sees.
func Clean(s string) string { return Normalize(StripHTML(s)) }

// isNormalASCII reports whether the ASCII text s is already what Normalize
// returns: printable characters and single spaces or line breaks between
// words, nothing around them.
func isNormalASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[0] == '\n' || s[len(s)-1] == ' ' || s[len(s)-1] == '\n' {
		return s == ""
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\n':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c < ' ' || c == 0x7f:
			return false
		default:
			prevSpace = false
		}
	}
	return true
}
