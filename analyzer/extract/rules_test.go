package extract

import (
	"fmt"
	"slices"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// idCase is a text and the skill ids the extractor must find in it, in order.
type idCase struct {
	text string
	want []string
}

// checkIDs extracts each case with a taxonomy of entries.
func checkIDs(t *testing.T, entries []taxonomy.Entry, cases []idCase) {
	t.Helper()
	tax, err := taxonomy.New("test", "1", entries)
	if err != nil {
		t.Fatal(err)
	}
	x := New(tax)
	for _, c := range cases {
		var got []string
		for _, m := range x.Extract(c.text).Skills {
			got = append(got, m.ID)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}

// entry is a test concept with a preferred label and alternatives.
func entry(id string, typ taxonomy.Type, pref string, alts ...string) taxonomy.Entry {
	e := taxonomy.Entry{ID: id, Label: pref, Type: typ, Labels: []taxonomy.Label{{Text: pref, Kind: taxonomy.Preferred}}}
	for _, a := range alts {
		e.Labels = append(e.Labels, taxonomy.Label{Text: a, Kind: taxonomy.Alternative})
	}
	return e
}

// A label's next word never comes from across a conjunction unless the
// label has the conjunction too.
func TestConjunctionInLabels(t *testing.T) {
	checkIDs(t, []taxonomy.Entry{
		entry("insight", taxonomy.Skill, "customer insight", "customer understanding"),
		entry("hs", taxonomy.Knowledge, "health and safety"),
	}, []idCase{
		{"Interfaces between customers and understanding their needs.", nil},
		{"Deep customer understanding.", []string{"insight"}},
		{"Knowledge of health and safety.", []string{"hs"}},
		{"Health & safety training.", []string{"hs"}},
		{"Health/safety rules.", []string{"hs"}},
	})
}

// A field of knowledge is named whole: no words inside it. A skill's verb
// and object may stand apart.
func TestKnowledgeLabelsHaveNoGaps(t *testing.T) {
	checkIDs(t, []taxonomy.Entry{
		entry("langs", taxonomy.Knowledge, "modern languages"),
		entry("solve", taxonomy.Skill, "solve problems"),
	}, []idCase{
		{"Experience with modern programming languages.", nil},
		{"Degree in modern languages.", []string{"langs"}},
		{"Solving business problems.", []string{"solve"}},
	})
}

// An acronym postings use in an everyday sense ("POS", a point of sale)
// names the taxonomy's skill only beside a word of its name.
func TestPostingAcronymsNeedTheirConcept(t *testing.T) {
	checkIDs(t, []taxonomy.Entry{
		entry("pos", taxonomy.Knowledge, "blockchain consensus mechanisms", "POS"),
		entry("crm", taxonomy.Knowledge, "customer relationship management", "CRM"),
	}, []idCase{
		{"Operate the POS and handle cash.", nil},
		{"Blockchain developer: POS and PoW consensus.", []string{"pos"}},
		{"Experience with a CRM.", []string{"crm"}},
	})
}

// namedSubject filters tokens by hiringVerbs' stemmed hashes before it
// reads the written verb: every written verb must pass that filter.
func TestNamedHiringVerbsPassTheHashFilter(t *testing.T) {
	for w := range namedHiringVerbs {
		for _, tk := range tokenize(w, nil) {
			if !hiringHashes()[tk.hash] {
				t.Errorf("%q is not among hiringVerbs: namedSubject would never see it", w)
			}
		}
	}
}

// An authored taxonomy keeps a one-word label however many skills come
// to use its word; a reference taxonomy (ESCO) treats such a word as
// too generic to name one of them.
func TestAuthoredOneWordLabelsStay(t *testing.T) {
	entries := []taxonomy.Entry{entry("communication-skills", taxonomy.Transversal, "communication skills", "communication")}
	for i := 0; i <= genericDF; i++ {
		entries = append(entries, entry(fmt.Sprintf("other-%d", i), taxonomy.Skill, fmt.Sprintf("communication tool %d", i)))
	}
	for _, c := range []struct {
		name string
		want []string
	}{{"custom", []string{"communication-skills"}}, {"esco", nil}} {
		tax, err := taxonomy.New(c.name, "1", entries)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range New(tax).Extract("Good communication.").Skills {
			got = append(got, m.ID)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

// A head after a list of modifiers is each one's ("residential,
// commercial and industrial wiring"), and the first words of a label
// before a list of single words are each item's ("accounts payable,
// receivable and payroll"); an item that ends a label of its own is that
// label's, not a modifier of the head.
func TestListsShareTheirHead(t *testing.T) {
	checkIDs(t, []taxonomy.Entry{
		entry("res", taxonomy.Skill, "residential wiring"),
		entry("com", taxonomy.Skill, "commercial wiring"),
		entry("ind", taxonomy.Skill, "industrial wiring"),
		entry("ap", taxonomy.Skill, "accounts payable"),
		entry("ar", taxonomy.Skill, "accounts receivable"),
		entry("cs", taxonomy.Skill, "customer service"),
		entry("inv", taxonomy.Skill, "inventory management"),
		entry("svc", taxonomy.Skill, "service management"),
	}, []idCase{
		{"Install residential, commercial and industrial wiring.", []string{"res", "com", "ind"}},
		{"Install residential, commercial, and industrial wiring.", []string{"res", "com", "ind"}},
		{"Install residential wiring, commercial and industrial.", []string{"res"}},
		{"Accounts payable, receivable and payroll.", []string{"ap", "ar"}},
		{"Accounts payable, receivable, and payroll.", []string{"ap", "ar"}},
		// Two-word items are no list of single words.
		{"Accounts payable, office receivable and payroll.", []string{"ap"}},
		{"Customer service, sales and inventory management.", []string{"cs", "inv"}},
	})
}

// FuzzSerialItems: any text's list reading stays within its tokens.
func FuzzSerialItems(f *testing.F) {
	for _, s := range []string{"a b, c and d", "x, y, z", ", ,", "a,b,", "é, ü et ô e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := tokenize(s, nil)
		for k := 1; k < len(toks); k++ {
			if last := serialItems(s, toks, k); last != -1 && (last < k || last >= len(toks)) {
				t.Fatalf("%q from %d: last item %d", s, k, last)
			}
			commaBefore(s, toks, k)
		}
	})
}
