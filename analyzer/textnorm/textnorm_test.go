package textnorm

import (
	"flag"
	"golang.org/x/text/unicode/norm"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestCleanGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/posting.html")
	if err != nil {
		t.Fatal(err)
	}
	got := Clean(string(in))
	if *update {
		os.WriteFile("testdata/posting.golden", []byte(got), 0o644)
	}
	want, err := os.ReadFile("testdata/posting.golden")
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if got != string(want) {
		t.Errorf("Clean differs from golden:\n%s", got)
	}
	for _, bad := range []string{"tracking", "color", "<", "&amp;", "\u00a0", "\u200b", "“", "—"} {
		if strings.Contains(got, bad) {
			t.Errorf("output still contains %q", bad)
		}
	}
	for _, good := range []string{"Commis à l'archivage médical", "CIM-10-CA", "\"Gestion\" des dossiers & qualité", "Excel and filing skills", "\nSouci du détail\nEsprit d'équipe"} {
		if !strings.Contains(got, good) {
			t.Errorf("output lacks %q", good)
		}
	}
}

func TestPlainTextUntouchedButNormalized(t *testing.T) {
	if got := Clean("  a   b \n\n\n c  "); got != "a b\nc" {
		t.Errorf("got %q", got)
	}
	if got := Clean("5 < 6 and AT&T"); got != "5 < 6 and AT&T" {
		t.Errorf("text that merely contains < or & must survive: %q", got)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"<p>a</p>", "&amp;&nbsp;", "ﬁ\u200b•x", "<script>x</script>y", "a\r\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		// Clean runs once per posting and offsets point into its output, so
		// what matters is that the output is stable under normalization.
		// (Clean itself is not idempotent, by design: decoded text such as
		// "&lt;b&gt;" legitimately reads as markup on a second pass.)
		if again := Normalize(out); again != out {
			t.Fatalf("output not normalized: %q -> %q -> %q", s, out, again)
		}
	})
}

// FuzzNormalizeRuns checks the run-copying Normalize against the plain
// rune-by-rune definition it replaced.
func FuzzNormalizeRuns(f *testing.F) {
	for _, s := range []string{"a  b\n\n c", "Tenir à jour – les “dossiers”\u00a0• x", " \t\r\n", "ﬁ\u200bx", "\xff a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Normalize(s), normalizeByRune(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
	})
}
func normalizeByRune(s string) string {
	// Invalid bytes first: NFKC does not compose across them, which would
	// leave the output unstable under a second normalization.
	if !IsASCII(s) { // ASCII is its own NFKC form: most postings skip a costly pass
		s = norm.NFKC.String(strings.ToValidUTF8(s, " "))
	}
	var b strings.Builder
	b.Grow(len(s))
	space, newline := false, false
	for _, r := range s {
		if r <= ' ' || r >= 0x7f { // printable ASCII needs no mapping: most text skips this
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
		}
		if newline {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
		} else if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		newline, space = false, false
		b.WriteRune(r)
	}
	return b.String()
}
