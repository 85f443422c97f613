package extract

import (
	"slices"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

func TestVerbFirst(t *testing.T) {
	for _, c := range []struct {
		label taxonomy.Label
		want  []string
	}{
		{taxonomy.Label{Text: "heavy equipment repair", Lang: "en"}, []string{"repair heavy equipment"}},
		{taxonomy.Label{Text: "data analysis"}, []string{"analyse data", "analyze data"}},
		{taxonomy.Label{Text: "risk management", Kind: taxonomy.Preferred}, []string{"manage risk"}},
		{taxonomy.Label{Text: "repair", Lang: "en"}, nil}, // no object
		{taxonomy.Label{Text: "contrôle des entrées", Lang: "fr"}, []string{"contrôler des entrées"}},
		{taxonomy.Label{Text: "gestion de projet et de budget", Lang: "fr"}, nil}, // coordinated object
		{taxonomy.Label{Text: "project management", Lang: "fr"}, nil},             // French labels open with their noun
		{taxonomy.Label{Text: "staff supervision", Lang: "en"}, []string{"supervise staff"}},
		{taxonomy.Label{Text: "sales and marketing management", Lang: "en"}, nil},       // coordinated object
		{taxonomy.Label{Text: "quality assurance", Lang: "en"}, nil},                    // not an action noun
		{taxonomy.Label{Text: "engine repair", Lang: "en", Kind: taxonomy.Hidden}, nil}, // hidden labels stay unmatched
		{taxonomy.Label{Text: "SaaS (software) development", Lang: "en"}, nil},
	} {
		var got []string
		for _, l := range verbFirst([]taxonomy.Label{c.label}) {
			if l.Kind != taxonomy.Alternative {
				t.Errorf("%q: derived %q is %v, want an alternative label", c.label.Text, l.Text, l.Kind)
			}
			got = append(got, l.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("verbFirst(%q) = %q, want %q", c.label.Text, got, c.want)
		}
	}
}

func TestVerbFirstMatches(t *testing.T) {
	tax := &taxonomy.Taxonomy{Name: "t", Entries: []taxonomy.Entry{
		{ID: "engine-repair", Label: "engine repair", Type: taxonomy.Skill, Labels: []taxonomy.Label{{Text: "engine repair", Kind: taxonomy.Preferred}}},
		{ID: "web-maintenance", Label: "web maintenance", Type: taxonomy.Skill, Labels: []taxonomy.Label{{Text: "web maintenance", Kind: taxonomy.Preferred}}},
	}}
	x := New(tax)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Repair engines.", []string{"engine-repair"}},
		{"Repair engines and transmissions.", []string{"engine-repair"}},
		{"Repair engines in the shop.", []string{"engine-repair"}},
		{"Repair engine parts.", nil}, // the object goes on: not engine repair
		{"Maintain web applications.", nil},
		{"Repair engine systems.", []string{"engine-repair"}}, // a generic head names the object's kind
	} {
		var got []string
		for _, m := range x.ExtractDoc(Doc{Text: c.text}).Skills {
			got = append(got, m.ID)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}
