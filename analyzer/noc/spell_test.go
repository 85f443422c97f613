package noc

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTyposStillCode checks titles with one typo in a word are read as
// the spelled-out title and land where it does, on the built-in coder.
func TestTyposStillCode(t *testing.T) {
	c := NewBuiltin()
	for _, tc := range []struct{ title, spelled, want string }{
		{"Adminstrative Assistant", "administrative assistant", "13110"},                     // letter dropped
		{"Administrative Assisstant", "administrative assistant", "13110"},                   // letter added
		{"Sr. Health Recrods Technician - Night Shift", "health record technician", "12111"}, // letters swapped
		{"Health Records Techncian", "health record technician", "12111"},
		{"Line Cok", "line cok", "63200"}, // too short to correct
	} {
		if got := c.corrected(cleanTitle(tc.title)); strings.Join(tokens(got), " ") != tc.spelled {
			t.Errorf("corrected(%q) = %q, want %q", tc.title, got, tc.spelled)
		}
		// The built-in coder may be too unsure to classify; its first
		// candidate is still its answer.
		if got := c.Candidates(tc.title, "", 1); len(got) == 0 || got[0].Code != tc.want {
			t.Errorf("Candidates(%q) = %+v, want %s first", tc.title, got, tc.want)
		}
	}
}

func TestSpellerCorrect(t *testing.T) {
	c := NewBuiltin()
	for _, tc := range []struct{ word, want string }{
		{"adminstrative", "administrative"},
		{"administrativ", "administrative"},
		{"adminsitrative", "administrative"},
		{"administratixe", "administrative"},
		{"administrative", "administrative"}, // known words correct to themselves
		{"adminstrativ", ""},                 // two edits
		{"xqzvw", ""},
		{"cok", ""}, // shorter than minCorrectable
	} {
		if got := c.spell.correct(c, tc.word); got != tc.want {
			t.Errorf("correct(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

// osaDistance is the textbook dynamic programme editDistance shortcuts.
func osaDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func FuzzEditDistance(f *testing.F) {
	for _, p := range [][2]string{{"supervisor", "supevrisor"}, {"cook", "cooks"}, {"", "a"}, {"ab", "ba"}, {"abc", "acb"}, {"aa", "a"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		want := min(osaDistance(a, b), 2)
		if got := editDistance(a, b); got != want {
			t.Fatalf("editDistance(%q, %q) = %d, want %d", a, b, got, want)
		}
	})
}

// TestFeminineFormsMeetTheMasculine checks French feminine forms the
// stemmer leaves alone ("avocate", "ingénieure") are read as the known
// masculine word, and that a known word ending in "e" is left alone.
func TestFeminineFormsMeetTheMasculine(t *testing.T) {
	c := NewCoder([]Title{
		{Code: "41101", Text: "avocat"}, {Code: "21300", Text: "ingénieur civil"},
		{Code: "42201", Text: "advocate"}, {Code: "64409", Text: "associate"},
	}, Options{})
	for _, tc := range []struct{ title, read, want string }{
		{"Avocate", "avocat", "41101"},
		{"Ingénieure civile", "ingenieur civil", "21300"},
		{"Advocate", "advocate", "42201"},
		{"Associate", "associate", "64409"},
	} {
		if got := strings.Join(tokens(c.corrected(cleanTitle(tc.title))), " "); got != tc.read {
			t.Errorf("%q read as %q, want %q", tc.title, got, tc.read)
		}
		if got := c.Score(tc.title, ""); got.Code != tc.want {
			t.Errorf("%q: %s, want %s", tc.title, got.Code, tc.want)
		}
	}
}

func TestBetterCorrection(t *testing.T) {
	s := &speller{
		words:  []string{"plumber", "flumer", "cashier", "caster", "abcdf", "abcdg", "abcdh"},
		freq:   []float32{-5, 0, 0, -3, 1, 1, 1},
		groups: []int{1, 1, 1, 1, 2, 2, 3},
	}
	for _, c := range []struct {
		w    string
		a, b int32
		want bool
	}{
		{"plumer", 0, 1, true},  // the first letter kept beats a commoner word
		{"cashere", 2, 3, true}, // then the commoner occupation
		{"cashere", 3, 2, false},
		{"abcde", 6, 4, true}, // then more groups
		{"abcde", 4, 5, true}, // then alphabetical
	} {
		if got := s.better(c.w, c.a, c.b); got != c.want {
			t.Errorf("better(%q, %s, %s) = %v, want %v", c.w, s.words[c.a], s.words[c.b], got, c.want)
		}
	}
}
