package extract_test

import (
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
)

// Boilerplate spans cover the sentences with a boilerplate cue and the
// sections under a boilerplate header, and Content leaves them out.
func TestBoilerSpansAndContent(t *testing.T) {
	tax, err := builtin.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(tax)
	text := "Prepare and cook meals for our guests. We offer competitive wages and a pension plan.\n" +
		"Clean the kitchen and work areas.\nBenefits:\nDental coverage\nEmployee discount\n"
	res := x.ExtractDoc(extract.Doc{Text: text, Title: "Cook", BoilerSpans: true})
	got := res.Content(text)
	for _, gone := range []string{"competitive wages", "pension plan", "Benefits", "Dental coverage", "Employee discount"} {
		if strings.Contains(got, gone) {
			t.Errorf("content keeps %q: %q", gone, got)
		}
	}
	for _, kept := range []string{"Prepare and cook meals for our guests.", "Clean the kitchen and work areas."} {
		if !strings.Contains(got, kept) {
			t.Errorf("content lost %q: %q", kept, got)
		}
	}
	// A text without boilerplate is its own content, and spans of another
	// text leave it whole.
	plain := "Prepare and cook meals."
	if r := x.ExtractDoc(extract.Doc{Text: plain, BoilerSpans: true}); r.Content(plain) != plain || len(r.BoilerSpans) != 0 {
		t.Errorf("plain text: spans %v, content %q", r.BoilerSpans, r.Content(plain))
	}
	if res.Content("short") != "short" {
		t.Errorf("spans applied to another text")
	}
	// Only when asked: the extract command has no use for them.
	if r := x.ExtractDoc(extract.Doc{Text: text, Title: "Cook"}); r.BoilerSpans != nil {
		t.Errorf("spans %v not asked for", r.BoilerSpans)
	}
}
