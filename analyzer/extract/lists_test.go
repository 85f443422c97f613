package extract

import (
	"slices"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

func TestJoinLists(t *testing.T) {
	// Each case lists, per token of the text, whether a boundary stands
	// before it after joinLists ("|" marks one; the first token's is the
	// text's start and not shown).
	cases := []struct{ text, want string }{
		{"Supervise, train and schedule staff.", "supervise train schedule staff"},
		{"Sweep, mop, wash and polish floors.", "sweep mop wash polish floors"},
		{"Java, Python and Go required.", "java python go required"},
		{"Class 1 (AZ) licence required.", "class 1 az licence required"},
		{"Monitor inventory levels (stock) and reorder.", "monitor inventory levels stock reorder"},
		// Not a list of single words: the clauses stay apart.
		{"Prepare food, clean and sanitize.", "prepare food |clean sanitize"},
		{"Java is required, Python is an asset.", "java is required |python is asset"},
		{"Word, Excel, and Outlook.", "word excel outlook"},
		{"Sweep, mop.", "sweep |mop"},
		// A long aside, or one that ends a clause, stays a clause.
		{"Office suite (Word Excel Outlook Teams) skills.", "office suite |word excel outlook teams |skills"},
		{"Forklift (counterbalance), reach truck.", "forklift |counterbalance |reach truck"},
		{"bio(chemistry) or food science", "bio |chemistry |food science"},
	}
	for _, c := range cases {
		toks := tokenize(c.text, nil)
		joinLists(c.text, toks)
		got := ""
		for i, tk := range toks {
			if i > 0 {
				got += " "
				if tk.brk != brkNone {
					got += "|"
				}
			}
			got += c.text[tk.start:tk.end]
		}
		if got2 := lower(got); got2 != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got2, c.want)
		}
	}
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// FuzzJoinLists: any text keeps its tokens and never panics.
func FuzzJoinLists(f *testing.F) {
	for _, s := range []string{"A, B and C", "x (y) z", "(", ",,(", "a (b, c) d", "é, ü et ô"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := tokenize(s, nil)
		n := len(toks)
		joinLists(s, toks)
		if len(toks) != n {
			t.Fatal("token count changed")
		}
	})
}

// A label's next word never comes from across a conjunction unless the
// label has the conjunction too.
func TestConjunctionInLabels(t *testing.T) {
	tax, err := taxonomy.New("test", "1", []taxonomy.Entry{
		{ID: "insight", Label: "customer insight", Type: taxonomy.Skill, Labels: []taxonomy.Label{
			{Text: "customer insight", Kind: taxonomy.Preferred}, {Text: "customer understanding", Kind: taxonomy.Alternative}}},
		{ID: "hs", Label: "health and safety", Type: taxonomy.Knowledge, Labels: []taxonomy.Label{{Text: "health and safety", Kind: taxonomy.Preferred}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	x := New(tax)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Interfaces between customers and understanding their needs.", nil},
		{"Deep customer understanding.", []string{"insight"}},
		{"Knowledge of health and safety.", []string{"hs"}},
		{"Health & safety training.", []string{"hs"}},
		{"Health/safety rules.", []string{"hs"}},
	} {
		var got []string
		for _, m := range x.Extract(c.text).Skills {
			got = append(got, m.ID)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}

// A field of knowledge is named whole: no words inside it. A skill's verb
// and object may stand apart.
func TestKnowledgeLabelsHaveNoGaps(t *testing.T) {
	tax, err := taxonomy.New("test", "1", []taxonomy.Entry{
		{ID: "langs", Label: "modern languages", Type: taxonomy.Knowledge, Labels: []taxonomy.Label{{Text: "modern languages", Kind: taxonomy.Preferred}}},
		{ID: "solve", Label: "solve problems", Type: taxonomy.Skill, Labels: []taxonomy.Label{{Text: "solve problems", Kind: taxonomy.Preferred}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	x := New(tax)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Experience with modern programming languages.", nil},
		{"Degree in modern languages.", []string{"langs"}},
		{"Solving business problems.", []string{"solve"}},
	} {
		var got []string
		for _, m := range x.Extract(c.text).Skills {
			got = append(got, m.ID)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}

// An acronym postings use in an everyday sense ("POS", a point of sale)
// names the taxonomy's skill only beside a word of its name.
func TestPostingAcronymsNeedTheirConcept(t *testing.T) {
	tax, err := taxonomy.New("test", "1", []taxonomy.Entry{
		{ID: "pos", Label: "blockchain consensus mechanisms", Type: taxonomy.Knowledge, Labels: []taxonomy.Label{
			{Text: "blockchain consensus mechanisms", Kind: taxonomy.Preferred}, {Text: "POS", Kind: taxonomy.Alternative}}},
		{ID: "crm", Label: "customer relationship management", Type: taxonomy.Knowledge, Labels: []taxonomy.Label{
			{Text: "customer relationship management", Kind: taxonomy.Preferred}, {Text: "CRM", Kind: taxonomy.Alternative}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	x := New(tax)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Operate the POS and handle cash.", nil},
		{"Blockchain developer: POS and PoW consensus.", []string{"pos"}},
		{"Experience with a CRM.", []string{"crm"}},
	} {
		var got []string
		for _, m := range x.Extract(c.text).Skills {
			got = append(got, m.ID)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}
