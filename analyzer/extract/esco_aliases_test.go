package extract_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/load"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
	"github.com/skillpulse/skillpulse/internal/shareddata"
)

// TestESCOTraitAliases: postings name ESCO's transversal skills by nouns
// and adjectives ("team player", "analytical") its verb-phrase labels
// lack; the authored aliases find them, and a trait word describing a
// thing ("reliable transportation", "a motivated company") stays no
// skill even where ESCO files the concept as cross-sector, not
// transversal.
func TestESCOTraitAliases(t *testing.T) {
	tax, err := load.Spec("esco:" + shareddata.Require(t, "taxonomy", "esco_v1.1.1", "skills_en.csv"))
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(tax)
	for _, c := range []struct {
		text      string
		want, not []string
	}{
		{"You are a team player with strong analytical skills.", []string{"work in teams", "think analytically"}, nil},
		{"We are looking for a proactive, highly motivated and reliable person.", []string{"think proactively", "show determination", "act reliably"}, nil},
		{"You are numerate, solution-oriented and detail-oriented.", []string{"apply numeracy skills", "create solutions to problems", "attend to detail"}, nil},
		{"A valid driver's licence is required.", []string{"drive vehicles"}, nil},
		// One-word aliases whose word many ESCO labels share ("analytical
		// chemistry", "analytical methods"): authored, they still count.
		{"You are curious and analytical.", []string{"demonstrate curiosity", "think analytically"}, nil},
		{"Experience in web development; Microsoft Excel; solve challenges.", []string{"web programming", "use spreadsheets software", "solve problems"}, nil},
		// Speaking or writing a language is the language, once.
		{"You speak and write fluently English and read Danish.", []string{"English", "Danish"}, []string{"interact verbally in English", "write English", "understand written Danish"}},
		// "Excel" is an everyday word too: it counts beside its context
		// words ("Word", "pivot tables"), never as a verb.
		{"Proficient in Excel and Word.", []string{"use spreadsheets software"}, nil},
		{"Advanced Excel (pivot tables, VLOOKUP).", []string{"use spreadsheets software"}, nil},
		{"You excel at customer service.", nil, []string{"use spreadsheets software"}},
		// Not "JS" alone: "Node JS" and "React JS" are other tools.
		{"Node JS and React JS experience.", nil, []string{"JavaScript"}},
		// Not "motivated" alone: stemmed, it would be "motivate your team".
		{"Motivate your team to reach targets.", nil, []string{"show determination"}},
		{"Strong leadership, a curious and open-minded attitude, customer focus.", []string{"lead others", "demonstrate curiosity", "keep an open mind", "ensure customer orientation"}, nil},
		{"Good communicator, eager to learn, able to work with minimal supervision.", []string{"communication", "demonstrate willingness to learn", "work independently"}, nil},
		{"Must have reliable transportation.", nil, []string{"act reliably"}},
		// Labels ESCO files under concepts postings do not mean by them
		// (issue 13's wrong-concept links).
		{"You will be responsible for the planning of releases. Knowledge of security best practices in an agile team.", nil,
			[]string{"assume responsibility", "plan", "securities", "ICT project management methodologies"}},
		{"Join an innovative and proactive company.", nil, []string{"think innovately", "think proactively"}},
	} {
		var got []string
		for _, m := range x.Extract(textnorm.Clean(c.text)).Skills {
			got = append(got, m.Label)
		}
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: got %q, want %q among them", c.text, got, w)
			}
		}
		for _, n := range c.not {
			if slices.Contains(got, n) {
				t.Errorf("%q: got %q, want no %q", c.text, got, n)
			}
		}
	}
}

// TestESCOAliasConceptsExist: every concept the alias file names is a
// preferred label of the ESCO release the project measures with, so no
// line is skipped for a typo.
func TestESCOAliasConceptsExist(t *testing.T) {
	tax, err := load.ESCO(shareddata.Require(t, "taxonomy", "esco_v1.1.1", "skills_en.csv"), "")
	if err != nil {
		t.Fatal(err)
	}
	pref := map[string]bool{}
	for _, e := range tax.Entries {
		pref[strings.ToLower(e.Label)] = true
	}
	for _, c := range load.AliasConcepts() {
		if !pref[strings.ToLower(c)] {
			t.Errorf("alias file names %q, not a preferred label of ESCO v1.1.1", c)
		}
	}
}
