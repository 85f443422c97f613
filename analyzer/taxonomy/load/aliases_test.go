package load

import (
	"slices"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

func TestAddAliases(t *testing.T) {
	entries := []taxonomy.Entry{
		{ID: "esco:teams", Label: "work in teams", Labels: []taxonomy.Label{en("work in teams", taxonomy.Preferred), en("teamwork", taxonomy.Alternative)}},
		{ID: "esco:initiative", Label: "show initiative", Labels: []taxonomy.Label{en("show initiative", taxonomy.Preferred), en("self starter", taxonomy.Hidden)}},
		{ID: "esco:independent", Label: "work independently", Labels: []taxonomy.Label{en("work independently", taxonomy.Preferred)}},
		{ID: "esco:detail", Label: "attend to detail", Labels: []taxonomy.Label{en("attend to detail", taxonomy.Preferred), en("detail oriented", taxonomy.Hidden)}},
		{ID: "esco:methods", Label: "ICT project management methodologies", Labels: []taxonomy.Label{en("ICT project management methodologies", taxonomy.Preferred), en("agile", taxonomy.Alternative), en("scrum", taxonomy.Alternative)}},
		{ID: "esco:agile", Label: "Agile project management", Labels: []taxonomy.Label{en("Agile project management", taxonomy.Preferred)}},
		{ID: "esco:plan", Label: "plan ", Labels: []taxonomy.Label{en("plan ", taxonomy.Preferred), en("plan activities", taxonomy.Alternative)}},
	}
	tsv := strings.Join([]string{
		"# a comment\tline\tskipped",
		"Work in Teams\ten\tteam player|Teamwork|collaboration skills",
		"work independently\ten\tself-starter|independence||independence",
		"attend to detail\ten\tdetail-oriented",
		"a concept this release lacks\ten\tanything",
		"ICT project management methodologies\ten\t-Agile|-ICT project management methodologies",
		"Agile project management\ten\tagile",
		"plan\ten\t-plan",
		"work in teams\ten\t+team|+team",
		"malformed line",
	}, "\n")
	if n := addAliases(entries, tsv); n != 5 {
		t.Errorf("added %d labels, want 5 (team player, collaboration skills, independence, detail-oriented, agile)", n)
	}
	for _, c := range []struct {
		entry int
		want  []string
	}{
		// "Teamwork" is its label already: not repeated.
		{0, []string{"work in teams", "teamwork", "team player", "collaboration skills"}},
		{1, []string{"show initiative", "self starter"}},
		// "self-starter" is a label (hidden, hyphen aside) of another
		// concept: adding it here would make it ambiguous.
		{2, []string{"work independently", "independence"}},
		// A hidden search label of its own concept: now matched.
		{3, []string{"attend to detail", "detail oriented", "detail-oriented"}},
		// A label taken off (never the preferred one) and given to the
		// concept postings mean by it.
		{4, []string{"ICT project management methodologies", "scrum"}},
		{5, []string{"Agile project management", "agile"}},
		{6, []string{"plan ", "plan activities"}},
	} {
		if got := labelsIn(entries[c.entry], "en"); !slices.Equal(got, c.want) {
			t.Errorf("%s: labels %q, want %q", entries[c.entry].Label, got, c.want)
		}
	}
	if got := entries[0].Context; !slices.Equal(got, []string{"team"}) {
		t.Errorf("work in teams: context %q, want [team] (once)", got)
	}
	// A preferred label taken off still names the concept, unmatched.
	if k := entries[6].Labels[0].Kind; k != taxonomy.Hidden {
		t.Errorf("plan's preferred label is kind %v after -plan, want hidden", k)
	}
	for _, l := range entries[0].Labels[2:] {
		if l.Kind != taxonomy.Alternative {
			t.Errorf("alias %q is kind %v, want alternative", l.Text, l.Kind)
		}
	}
}

// TestShippedAliasesParse: every line of the shipped file names a
// concept and aliases, so a typo in it is caught here rather than
// silently skipped against a real ESCO release.
func TestShippedAliasesParse(t *testing.T) {
	lines := 0
	for i, line := range strings.Split(escoAliasesTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] == "" || (f[1] != "en" && f[1] != "fr") || f[2] == "" {
			t.Errorf("line %d: want preferred label, en|fr, aliases: %q", i+1, line)
		}
		lines++
	}
	if lines < 15 {
		t.Errorf("%d alias lines, want the transversal skills postings name (≥ 15)", lines)
	}
}

func TestFoldLanguageSkills(t *testing.T) {
	entries := []taxonomy.Entry{
		{ID: "esco:en", Label: "English", Labels: []taxonomy.Label{en("English", taxonomy.Preferred), en("competent in English", taxonomy.Alternative)}},
		{ID: "esco:speak-en", Label: "interact verbally in English", Labels: []taxonomy.Label{en("interact verbally in English", taxonomy.Preferred), en("speak English", taxonomy.Alternative)}},
		{ID: "esco:write-en", Label: "write English", Labels: []taxonomy.Label{en("write English", taxonomy.Preferred), en("writing English", taxonomy.Alternative), en("show English", taxonomy.Hidden)}},
		// "code" is a concept, but no language: ESCO has no speaking of it.
		{ID: "esco:code", Label: "code", Labels: []taxonomy.Label{en("code", taxonomy.Preferred)}},
		{ID: "esco:write-code", Label: "write code", Labels: []taxonomy.Label{en("write code", taxonomy.Preferred)}},
	}
	if n := foldLanguageSkills(entries); n != 2 {
		t.Errorf("folded %d skills, want 2 (speaking and writing English)", n)
	}
	want := []string{"English", "competent in English", "interact verbally in English", "speak English", "write English", "writing English"}
	if got := labelsIn(entries[0], "en"); !slices.Equal(got, want) {
		t.Errorf("English: labels %q, want %q", got, want)
	}
	for _, e := range entries[1:3] {
		for _, l := range e.Labels {
			if l.Kind != taxonomy.Hidden {
				t.Errorf("%s: label %q still matched (kind %v)", e.Label, l.Text, l.Kind)
			}
		}
	}
	if k := entries[4].Labels[0].Kind; k != taxonomy.Preferred {
		t.Errorf("write code: kind %v, want preferred (not a language)", k)
	}
}
