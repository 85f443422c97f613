package semantic

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Tokenizer is BERT's uncased WordPiece tokenizer: the basic tokenizer
// (clean, lower-case, strip accents, split on whitespace and punctuation)
// then greedy longest-match-first word pieces from vocab.txt. Chinese
// characters get no special treatment: postings here are English.
type Tokenizer struct {
	vocab              map[string]int32
	size               int // lines of vocab.txt: ids are below it
	cls, sep, unk, pad int32
}

// maxWordChars: longer words are [UNK], as in BERT.
const maxWordChars = 100

// LoadTokenizer reads vocab.txt (one token a line, the line number its id).
func LoadTokenizer(path string) (*Tokenizer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open vocabulary: %w", err)
	}
	defer f.Close()
	t := &Tokenizer{vocab: map[string]int32{}}
	sc := bufio.NewScanner(f)
	for id := int32(0); sc.Scan(); id++ {
		tok := strings.TrimRight(sc.Text(), "\r")
		if _, dup := t.vocab[tok]; !dup {
			t.vocab[tok] = id
		}
		t.size++
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read vocabulary %s: %w", path, err)
	}
	for _, sp := range []struct {
		name string
		id   *int32
	}{{"[CLS]", &t.cls}, {"[SEP]", &t.sep}, {"[UNK]", &t.unk}, {"[PAD]", &t.pad}} {
		id, ok := t.vocab[sp.name]
		if !ok {
			return nil, fmt.Errorf("vocabulary %s has no %s token", path, sp.name)
		}
		*sp.id = id
	}
	return t, nil
}

// Encode appends the ids of [CLS] text [SEP] to dst, at most maxLen ids
// (the text's pieces are truncated, [SEP] is always last).
func (t *Tokenizer) Encode(dst []int32, text string, maxLen int) []int32 {
	dst = append(dst[:0], t.cls)
	room := maxLen - 2
	for _, w := range basicTokens(text) {
		if len(dst)-1 >= room {
			break
		}
		dst = t.wordPieces(dst, w)
	}
	if len(dst)-1 > room {
		dst = dst[:room+1]
	}
	return append(dst, t.sep)
}

// Tokens is Encode as strings, for tests and debugging.
func (t *Tokenizer) Tokens(text string) []string {
	inv := map[int32]string{}
	for s, id := range t.vocab {
		inv[id] = s
	}
	var out []string
	for _, id := range t.Encode(nil, text, 1<<30) {
		out = append(out, inv[id])
	}
	return out
}

func (t *Tokenizer) wordPieces(dst []int32, w string) []int32 {
	if len([]rune(w)) > maxWordChars {
		return append(dst, t.unk)
	}
	start := len(dst)
	var sb strings.Builder
	for s := 0; s < len(w); {
		e := len(w)
		found := int32(-1)
		for e > s {
			sb.Reset()
			if s > 0 {
				sb.WriteString("##")
			}
			sb.WriteString(w[s:e])
			if id, ok := t.vocab[sb.String()]; ok {
				found = id
				break
			}
			// Step back one rune, never into the middle of one.
			e--
			for e > s && !isRuneStart(w[e]) {
				e--
			}
		}
		if found < 0 {
			return append(dst[:start], t.unk)
		}
		dst = append(dst, found)
		s = e
	}
	return dst
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// basicTokens is BERT's basic tokenizer with do_lower_case: control
// characters dropped, whitespace split, lower-cased, accents stripped
// (NFD, marks removed), punctuation split off as tokens of its own.
func basicTokens(text string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range norm.NFD.String(strings.ToLower(text)) {
		switch {
		case r == 0 || r == 0xFFFD || (isControl(r)):
			continue
		case isWhitespace(r):
			flush()
		case unicode.Is(unicode.Mn, r):
			continue
		case isPunct(r):
			flush()
			out = append(out, string(r))
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

func isWhitespace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || unicode.Is(unicode.Zs, r)
}

func isControl(r rune) bool {
	if r == '\t' || r == '\n' || r == '\r' {
		return false
	}
	return unicode.In(r, unicode.Cc, unicode.Cf)
}

// isPunct follows BERT: every non-alphanumeric ASCII symbol ($, ^, `)
// counts, besides Unicode's punctuation.
func isPunct(r rune) bool {
	if (r >= 33 && r <= 47) || (r >= 58 && r <= 64) || (r >= 91 && r <= 96) || (r >= 123 && r <= 126) {
		return true
	}
	return unicode.IsPunct(r)
}
