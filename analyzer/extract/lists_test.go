package extract

import "testing"

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
		// A verb and its objects, all plural: one list.
		{"Clean offices, boardrooms and washrooms.", "clean offices boardrooms washrooms"},
		{"Repair engines, transmissions, and brakes.", "repair engines transmissions brakes"},
		// Not a list of single words: the clauses stay apart.
		{"Prepare food, clean and sanitize.", "prepare food |clean sanitize"},
		{"Clean tables, sweep and mop.", "clean tables |sweep mop"},
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
