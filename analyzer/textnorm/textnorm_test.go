package textnorm

import (
	"flag"
	"os"
	"strings"
	"testing"
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
