package geo

import "testing"

func TestNormalizeKey(t *testing.T) {
	cases := []struct{ in, want string }{
		{"St. John's", "saint johns"},
		{"St Johns", "saint johns"},
		{"Saint John’s", "saint johns"},
		{"Saint John", "saint john"},
		{"MONTRÉAL", "montreal"},
		{"Trois-Rivières", "trois rivieres"},
		{"Î.-P.-É.", "i p e"},
		{"Newfoundland & Labrador", "newfoundland and labrador"},
		{"Ste-Foy", "sainte foy"},
		{"Ft. McMurray", "fort mcmurray"},
		{"Baie-D'Urfé", "baie durfe"},
		{"Œuf  Île", "oeuf ile"},
		{"Saint-Lin--Laurentides", "saint lin laurentides"},
		{"  ,;  ", ""},
		{"Iqaluit ᐃᖃᓗᐃᑦ", "iqaluit ᐃᖃᓗᐃᑦ"},
	}
	for _, tc := range cases {
		if got := normalizeKey(tc.in); got != tc.want {
			t.Errorf("normalizeKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTokenFlags(t *testing.T) {
	var tk tokens
	tk.tokenize("Toronto ON, Sask (qc) M5V 3L9")
	want := []struct {
		text                 string
		upper, title, segEnd bool
		postal               bool
	}{
		{"toronto", false, true, false, false},
		{"on", true, true, true, false},
		{"sask", false, true, true, false}, // "(" ends the part
		{"qc", false, false, true, false},
		{"m5v", true, true, false, true},
		{"3l9", true, true, true, true},
	}
	if len(tk.toks) != len(want) {
		t.Fatalf("got %d tokens (%q), want %d", len(tk.toks), tk.buf, len(want))
	}
	for i, w := range want {
		got := tk.toks[i]
		if string(tk.text(i)) != w.text || got.upper != w.upper || got.title != w.title || got.segEnd != w.segEnd || got.postal != w.postal {
			t.Errorf("token %d = %q %+v, want %+v", i, tk.text(i), got, w)
		}
	}
	// A postal code ends the part before it, like a comma.
	tk.tokenize("Regina SK S4P 3Y2")
	if !tk.toks[1].segEnd {
		t.Error("a postal code should end the part before it")
	}
}
