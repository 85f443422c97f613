package textnorm

import (
	"strings"
	"testing"

	"golang.org/x/net/html/atom"
)

// FuzzNormalASCIIFastPath: text the fast path returns unchanged is exactly
// what the full pass would return.
func FuzzNormalASCIIFastPath(f *testing.F) {
	for _, s := range []string{"a b\nc", "a  b", " a", "a\n", "a\n\nb", "a \nb", "a\tb", "", "x\x7fy", "one line."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !IsASCII(s) {
			return
		}
		if full := normalize(s); isNormalASCII(s) != (full == s) && s != "" {
			t.Fatalf("%q: fast path %v, full pass gives %q", s, isNormalASCII(s), full)
		}
	})
}

// FuzzStripSimple: whenever the simple stripper takes a text, it gives
// what the HTML5 tokenizer gives once normalized.
func FuzzStripSimple(f *testing.F) {
	for _, s := range []string{"<p>a &amp; b</p><ul><li>x</li></ul>", "a < b", "<br/>x<BR>y", "</p>", "<b", "a<3", "<p class=x>t</p>",
		"&lt;p&gt;", "x\r\ny\rz", "<!-- c -->", "<a href=\"x\">", "</ b>", "<p\n>x", "&notit; &#x41;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := stripSimple(s)
		if !ok {
			return
		}
		if want := stripTokenizer(s); Normalize(got) != Normalize(want) {
			t.Fatalf("%q: simple %q, tokenizer %q", s, got, want)
		}
	})
}

// FuzzRunEnd holds the word-at-a-time runEnd to its byte-by-byte
// definition.
func FuzzRunEnd(f *testing.F) {
	for _, s := range []string{"", "plain text, longer than eight", "abcdefg  hij klmnopq", "abcdefg hijklmno ", "abc\x7fdef ghijkl", "0123456\x1fx", "élève é", "a b c d e f g h i j"} {
		f.Add(s, 1)
	}
	f.Fuzz(func(t *testing.T, s string, j int) {
		if j < 1 || j > len(s) || s[j-1] <= ' ' || s[j-1] >= 0x7f {
			return // runEnd continues a run of which s[j-1] is a word byte
		}
		want := j
		for want < len(s) {
			if c := s[want]; c > ' ' && c < 0x7f {
				want++
			} else if c == ' ' && want+1 < len(s) && s[want+1] > ' ' && s[want+1] < 0x7f {
				want += 2
			} else {
				break
			}
		}
		if got := runEnd(s, j); got != want {
			t.Fatalf("runEnd(%q, %d) = %d, want %d", s, j, got, want)
		}
	})
}

// TestTagAtom: the stack-lowered lookup agrees with atom.Lookup of
// strings.ToLower, for ASCII, long and non-ASCII names.
func TestTagAtom(t *testing.T) {
	for _, name := range []string{"p", "LI", "Br", "ORGANIZATION", "tablexyzabcdefghij", "blockquote", "", "İ", "dİv", "scrİpt"} {
		if got, want := tagAtom(name), atom.Lookup([]byte(strings.ToLower(name))); got != want {
			t.Errorf("tagAtom(%q) = %v, want %v", name, got, want)
		}
	}
}
