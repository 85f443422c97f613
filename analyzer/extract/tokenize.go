package extract

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of the normalized text. The text is tokenized once; all
// label lookups afterwards work on the 64-bit hashes, which is what makes
// matching ~100k labels run at memory speed instead of automaton speed.
type token struct {
	start, end int32
	hash       uint64 // hash of the folded, stemmed form
	brk        uint8  // strongest boundary before this token (brkNone..brkLine)
	// conj: a coordinating conjunction ("and", "or", "et", "ou", "&",
	// "/") stands right before this token; ellipsis repair uses it.
	conj bool
	// list: a serial list's comma stands right before this token (see
	// joinLists); it coordinates like conj, but the words on its two
	// sides are two items, never one label.
	list bool
	// capital: the word starts with an ASCII capital letter.
	capital bool
}

// Boundary levels. No label spans any boundary; sentences scope asset cues
// ("… is an asset."), lines scope section headers ("Benefits:").
const (
	brkNone uint8 = iota
	brkClause
	brkColon
	brkSentence
	brkLine
)

// position counts the lines, sentences and clauses a scan has passed:
// hits carry them so cues can scope to their sentence or clause.
type position struct{ line, sent, clause int32 }

// advance moves past a token's boundary and says whether a line starts.
func (p *position) advance(brk uint8) (newLine bool) {
	switch brk {
	case brkLine:
		p.line++
		p.sent++
		p.clause++
		return true
	case brkSentence:
		p.sent++
		p.clause++
	case brkClause, brkColon:
		p.clause++
	}
	return false
}

// byte classes for the ASCII fast path.
const (
	clsOther = iota
	clsWord
)

var asciiClass [128]uint8

// asciiBreak holds the boundary level of a byte, with conjFlag for "&" and "/".
var asciiBreak [128]uint8

const conjFlag = 0x80

// wordLower maps ASCII letters and digits to their lower case and every
// other byte to 0; indexed by a byte, it needs no bounds check.
var wordLower [256]byte
var asciiLower [128]byte

func init() {
	for c := 0; c < 128; c++ {
		b := byte(c)
		asciiLower[c] = b
		switch {
		case b >= 'a' && b <= 'z', b >= '0' && b <= '9':
			asciiClass[c] = clsWord
		case b >= 'A' && b <= 'Z':
			asciiClass[c] = clsWord
			asciiLower[c] = b + 'a' - 'A'
		}
		if asciiClass[c] == clsWord {
			wordLower[c] = asciiLower[c]
		}
	}
	for _, b := range []byte(",()[]{}|\t\"") {
		asciiBreak[b] = brkClause
	}
	asciiBreak[':'] = brkColon
	asciiBreak['&'], asciiBreak['/'] = conjFlag, conjFlag
	for _, b := range []byte(".;!?") {
		asciiBreak[b] = brkSentence
	}
	asciiBreak['\n'], asciiBreak['\r'] = brkLine, brkLine
}

// Function words, by wordKind. skipWords are dropped from both labels and
// text so "manage the budget" meets the label "manage budget" and
// "gestion des projets" meets "gestion de projet". Only function words:
// dropping content words would merge distinct skills. Coordinating
// conjunctions ("and", "or", "et", "ou") are dropped too, but mark the next
// token so that "accounts payable and receivable" can be repaired.
const (
	kindWord = iota
	kindSkip
	kindConj
)

func wordKind(form []byte) int {
	// The form packed into an integer: an integer switch is a few
	// comparisons where a string switch compares bytes.
	var k uint32
	switch len(form) {
	case 1:
		k = uint32(form[0])
	case 2:
		k = uint32(form[0])<<8 | uint32(form[1])
	case 3:
		k = uint32(form[0])<<16 | uint32(form[1])<<8 | uint32(form[2])
	default:
		return kindWord
	}
	switch k {
	case 't'<<16 | 'h'<<8 | 'e',
		'a',
		'a'<<8 | 'n',
		'l'<<8 | 'e',
		'l'<<8 | 'a',
		'l'<<16 | 'e'<<8 | 's',
		'l',
		'u'<<8 | 'n',
		'u'<<16 | 'n'<<8 | 'e',
		'd'<<16 | 'e'<<8 | 's',
		'd'<<8 | 'u',
		'd'<<8 | 'e',
		'd',
		's',
		'e'<<16 | 't'<<8 | 'c':
		return kindSkip
	case 'a'<<16 | 'n'<<8 | 'd', 'o'<<8 | 'r', 'e'<<8 | 't', 'o'<<8 | 'u':
		return kindConj
	}
	return kindWord
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnv(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// tokenizer appends the tokens of s to dst. scratch holds the folded form
// of the current token; it is reused to keep tokenization allocation-free.
func tokenize(s string, dst []token) []token {
	var scratch [64]byte
	n := len(s)
	brk := brkLine
	conj := false
	for i := 0; i < n; {
		c := s[i]
		if c < utf8.RuneSelf {
			cls := asciiClass[c]
			// ".NET": a leading dot joins a word only at a word start.
			leadingDot := c == '.' && i+1 < n && isASCIILetter(s[i+1]) && (i == 0 || !isWordByte(s[i-1]))
			if cls != clsWord && !leadingDot {
				b := asciiBreak[c]
				if c == '-' && i > 0 && s[i-1] == ' ' && i+1 < n && s[i+1] == ' ' {
					b = brkClause // a spaced dash sets a clause apart, as a comma does
				}
				if b&conjFlag != 0 {
					conj = true
					b &^= conjFlag
				}
				if b > brk {
					brk = b
				}
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				if r == '\u2026' && brk < brkSentence { // ellipsis
					brk = brkSentence
				}
				if (r == '\u2013' || r == '\u2014') && brk < brkClause { // en and em dashes
					brk = brkClause
				}
				i += size
				continue
			}
		}
		start := i
		w := 0
		for i < n {
			// Fast path: a run of ASCII letters and digits. Past 64 bytes
			// the scratch wraps; such tokens still hash consistently.
			for i < n {
				lc := wordLower[s[i]]
				if lc == 0 {
					break
				}
				scratch[w&63] = lc
				w++
				i++
			}
			if i >= n {
				break
			}
			c := s[i]
			if c < utf8.RuneSelf {
				// "co-ordinate" is "coordinate", as Job Bank spells its duties,
				// "co-worker" "coworker", "e-mail" "email".
				if c == '-' && i+1 < n && isASCIILetter(s[i+1]) && hyphenPrefix(scratch[:min(w, len(scratch))]) {
					i++
					continue
				}
				// Keep tech tokens whole: "C++", "C#", "Node.js", "ASP.NET", ".NET".
				if c == '.' && i+1 < n && isWordByte(s[i+1]) && (i > start || isASCIILetter(s[i+1])) {
					if w < len(scratch) {
						scratch[w] = '.'
						w++
					}
					i++
					continue
				}
				if (c == '+' || c == '#') && i > start {
					j := i
					for j < n && j-i < 2 && s[j] == c {
						j++
					}
					if j >= n || !isWordByte(s[j]) {
						for ; i < j; i++ {
							if w < len(scratch) {
								scratch[w] = c
								w++
							}
						}
					}
				}
				break
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			w = appendFolded(scratch[:], w, r)
			i += size
		}
		if start == i { // a lone "." or "+" that did not form a token
			i++
			continue
		}
		w = min(w, len(scratch))
		form := scratch[:w]
		// A four-letter acronym ending in S is a name, not a plural:
		// "IFRS" is no "IFR" (visual flight rules), where "IFRs" is.
		if !(w == 4 && i-start == 4 && allUpper(s[start:i])) {
			form = stem(form)
		}
		if len(form) <= 3 { // the length test inline: most words are longer
			switch wordKind(form) {
			case kindSkip:
				continue
			case kindConj:
				conj = true
				continue
			}
		}
		h := fnv(form)
		c0 := s[start]
		dst = append(dst, token{start: int32(start), end: int32(i), hash: h, brk: brk, conj: conj && brk == brkNone, capital: c0 >= 'A' && c0 <= 'Z'})
		brk, conj = brkNone, false
	}
	return dst
}

func allUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func isWordByte(c byte) bool { return c >= utf8.RuneSelf || asciiClass[c] == clsWord }

// appendFolded writes r lower-cased and without accents, so "Compétences"
// and "competences" meet: French postings often drop accents.
func appendFolded(buf []byte, w int, r rune) int {
	r = unicode.ToLower(r)
	if f, ok := foldMap[r]; ok {
		for i := 0; i < len(f) && w < len(buf); i++ {
			buf[w] = f[i]
			w++
		}
		return w
	}
	if w+utf8.RuneLen(r) <= len(buf) {
		w += utf8.EncodeRune(buf[w:], r)
	}
	return w
}

var foldMap = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'æ': "ae",
	'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ø': "o", 'œ': "oe",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss",
}

// hyphenPrefix: a prefix that its word writes with or without a hyphen.
func hyphenPrefix(w []byte) bool {
	return len(w) == 2 && w[0] == 'c' && w[1] == 'o' || len(w) == 1 && w[0] == 'e'
}
