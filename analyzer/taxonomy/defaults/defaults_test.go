package defaults

import (
	"regexp"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

func TestLoad(t *testing.T) {
	tax, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if tax.Len() < 800 || tax.Name != Name || tax.Version != Version {
		t.Fatalf("%s %s: %d skills, want ≥ 800", tax.Name, tax.Version, tax.Len())
	}
	types := map[taxonomy.Type]int{}
	slug := regexp.MustCompile(`^[a-z0-9][a-z0-9+#-]*$`)
	perNOC := map[string]int{}
	for _, e := range tax.Entries {
		types[e.Type]++
		if !slug.MatchString(e.ID) {
			t.Errorf("id %q is not a slug", e.ID)
		}
		hasFR := false
		for _, l := range e.Labels {
			hasFR = hasFR || l.Lang == "fr"
		}
		if (e.Type == taxonomy.Transversal || e.Type == taxonomy.Language) && !hasFR {
			t.Errorf("%s (%s) has no French label", e.ID, e.Type)
		}
		for _, n := range e.NOC {
			perNOC[n]++
		}
	}
	floors := map[taxonomy.Type]int{taxonomy.Transversal: 50, taxonomy.Software: 150, taxonomy.Certification: 40, taxonomy.Language: 8, taxonomy.Skill: 150, taxonomy.Knowledge: 100}
	for typ, floor := range floors {
		if types[typ] < floor {
			t.Errorf("%d %s skills, want ≥ %d", types[typ], typ, floor)
		}
	}
	if perNOC["12111"] < 15 {
		t.Errorf("12111 has %d tagged skills", perNOC["12111"])
	}
	if len(perNOC) < 31 {
		t.Errorf("skills tagged for %d unit groups, want ≥ 31", len(perNOC))
	}
	t.Logf("%d skills: %v; %d occupations tagged", tax.Len(), types, len(perNOC))
}

// TestNoSharedLabels: a surface form naming two skills would make the
// extractor's choice arbitrary.
func TestNoSharedLabels(t *testing.T) {
	tax, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	owner := map[string]string{}
	for _, e := range tax.Entries {
		for _, l := range e.Labels {
			k := l.Lang + ":" + strings.ToLower(l.Text)
			if o, ok := owner[k]; ok && o != e.ID {
				t.Errorf("label %q names both %s and %s", l.Text, o, e.ID)
			}
			owner[k] = e.ID
		}
	}
}
