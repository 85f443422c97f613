package taxonomy

import "testing"

func testTaxonomy(t *testing.T) *Taxonomy {
	tax, err := New("test", "1", []Entry{
		{ID: "a", Label: "patient care", Labels: []Label{{Text: "patient care", Lang: "en", Kind: Preferred}, {Text: "soins aux patients", Lang: "fr", Kind: Preferred}, {Text: "caring for patients", Lang: "en", Kind: Alternative}}},
		{ID: "b", Label: "customer service", Labels: []Label{{Text: "customer service", Lang: "en", Kind: Preferred}, {Text: "service à la clientèle", Lang: "fr", Kind: Preferred}}},
		{ID: "c", Label: "Python", Type: Software, Labels: []Label{{Text: "Python", Lang: "en", Kind: Preferred}, {Text: "pythonic", Lang: "en", Kind: Hidden}}},
		{ID: "d", Label: "care planning", Labels: []Label{{Text: "care planning", Lang: "en", Kind: Preferred}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

func TestLabelIn(t *testing.T) {
	tax := testTaxonomy(t)
	a, _ := tax.Lookup("a")
	d, _ := tax.Lookup("d")
	for _, c := range []struct {
		e          *Entry
		lang, want string
		has        bool
	}{{a, "fr", "soins aux patients", true}, {a, "en", "patient care", true}, {a, "", "patient care", false},
		{d, "fr", "care planning", false}, {a, "de", "patient care", false}} {
		if got := c.e.LabelIn(c.lang); got != c.want {
			t.Errorf("%s in %q: %q, want %q", c.e.ID, c.lang, got, c.want)
		}
		if c.lang != "" && c.e.HasLabelIn(c.lang) != c.has {
			t.Errorf("%s has %q: %v", c.e.ID, c.lang, !c.has)
		}
	}
}

func TestSearch(t *testing.T) {
	tax := testTaxonomy(t)
	ids := func(es []*Entry) (out []string) {
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"care", []string{"d", "a"}}, // prefix first, then a word match ("patient care")
		{"CLIENTELE", []string{"b"}}, // French, case and accents ignored
		{"soins", []string{"a"}},     // a French label's prefix
		{"pythonic", nil},            // hidden labels are not offered
		{"  ", nil},
		{"xyz", nil},
	} {
		got := ids(tax.Search(c.q, 10))
		if len(got) != len(c.want) {
			t.Errorf("%q: %v, want %v", c.q, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: %v, want %v", c.q, got, c.want)
			}
		}
	}
	if got := tax.Search("c", 1); len(got) != 1 {
		t.Errorf("limit 1: %d entries", len(got))
	}
}
