package load

import (
	"slices"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

func en(text string, kind taxonomy.LabelKind) taxonomy.Label {
	return taxonomy.Label{Text: text, Lang: "en", Kind: kind}
}

func fr(text string) taxonomy.Label {
	return taxonomy.Label{Text: text, Lang: "fr", Kind: taxonomy.Alternative}
}

// labelsIn are e's label texts in lang, in order.
func labelsIn(e taxonomy.Entry, lang string) []string {
	var out []string
	for _, l := range e.Labels {
		if l.Lang == lang {
			out = append(out, l.Text)
		}
	}
	return out
}

func TestBridgeFrench(t *testing.T) {
	esco := []taxonomy.Entry{
		{ID: "esco:customer-service", Label: "customer service", Labels: []taxonomy.Label{en("customer service", taxonomy.Preferred), {Text: "service client", Lang: "fr", Kind: taxonomy.Preferred}}},
		{ID: "esco:collect-fares", Label: "collect fares", Labels: []taxonomy.Label{en("collect fares", taxonomy.Preferred)}},
		{ID: "esco:work-in-teams", Label: "work in teams", Labels: []taxonomy.Label{en("work in teams", taxonomy.Preferred), en("teamwork", taxonomy.Alternative)}},
		{ID: "esco:lead-a-team", Label: "lead a team", Labels: []taxonomy.Label{en("lead a team", taxonomy.Preferred), en("lead teams", taxonomy.Alternative)}},
		{ID: "esco:manage-staff", Label: "manage staff", Labels: []taxonomy.Label{en("manage staff", taxonomy.Preferred), en("leadership", taxonomy.Alternative)}},
		{ID: "esco:plan", Label: "plan", Labels: []taxonomy.Label{en("plan", taxonomy.Preferred)}},
		{ID: "esco:plan-2", Label: "plan operations", Labels: []taxonomy.Label{en("plan operations", taxonomy.Preferred), en("Plan", taxonomy.Alternative)}},
	}
	builtin, err := taxonomy.New("builtin", "test", []taxonomy.Entry{
		// Its own name is an ESCO label: bridged, case and hyphens aside.
		{ID: "customer-service", Label: "Customer-Service", Labels: []taxonomy.Label{en("Customer-Service", taxonomy.Preferred), fr("service à la clientèle"), fr("aide")}},
		// Only another of its labels is: too little to bridge.
		{ID: "cash-handling", Label: "cash handling", Labels: []taxonomy.Label{en("cash handling", taxonomy.Preferred), en("collect fares", taxonomy.Alternative), fr("manipuler de l'argent")}},
		// Two of its other labels are.
		{ID: "leadership", Label: "leading people", Labels: []taxonomy.Label{en("leading people", taxonomy.Preferred), en("lead a team", taxonomy.Alternative), en("lead teams", taxonomy.Alternative), en("leadership", taxonomy.Alternative), fr("diriger une équipe")}},
		// Guarded by context words: left out.
		{ID: "teamwork", Label: "teamwork", Context: []string{"team"}, Labels: []taxonomy.Label{en("teamwork", taxonomy.Preferred), fr("travail d'équipe")}},
		// Its name is a label of two concepts: says nothing of which.
		{ID: "planning", Label: "plan", Labels: []taxonomy.Label{en("plan", taxonomy.Preferred), fr("planification du travail")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := bridgeFrench(esco, builtin); n != 2 {
		t.Errorf("bridged %d concepts, want 2", n)
	}
	want := map[string][]string{
		// "aide" is one short word: left out; the French preferred label stays.
		"esco:customer-service": {"service client", "service à la clientèle"},
		"esco:collect-fares":    nil,
		"esco:work-in-teams":    nil,
		"esco:lead-a-team":      {"diriger une équipe"},
		"esco:manage-staff":     nil,
		"esco:plan":             nil,
		"esco:plan-2":           nil,
	}
	for _, e := range esco {
		if got := labelsIn(e, "fr"); !slices.Equal(got, want[e.ID]) {
			t.Errorf("%s: French labels %q, want %q", e.ID, got, want[e.ID])
		}
		for _, l := range e.Labels[1:] {
			if l.Lang == "fr" && l.Kind == taxonomy.Preferred && l.Text != "service client" {
				t.Errorf("%s: bridged label %q made preferred", e.ID, l.Text)
			}
		}
	}
}

func TestLabelKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Customer-Service", "customer service"},
		{"  Santé et  sécurité ", "sante et securite"},
		{"C++", "c++"}, {"C#", "c#"},
		{"Person-centred care", "person centred care"},
	} {
		if got := taxonomy.LabelKey(tc.in); got != tc.want {
			t.Errorf("LabelKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
