package sample

import (
	"testing"
)

func TestGroupThousands(t *testing.T) {
	tests := []struct {
		n    int64
		sep  string
		want string
	}{
		{0, ",", "0"},
		{999, ",", "999"},
		{1000, ",", "1,000"},
		{55000, ",", "55,000"},
		{123456, " ", "123 456"},
		{1234567, "\u00a0", "1\u00a0234\u00a0567"},
	}
	for _, tc := range tests {
		if got := groupThousands(tc.n, tc.sep); got != tc.want {
			t.Errorf("groupThousands(%d, %q) = %q, want %q", tc.n, tc.sep, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		tmpl, phrase, lang, want string
	}{
		{"Experience with {s}", "ICD-10-CA coding", "en", "Experience with ICD-10-CA coding"},
		{"{S}", "records management", "en", "Records management"},
		{"{S}", "PHIPA compliance", "en", "PHIPA compliance"},
		{"Connaissance de {s}", "Excel", "fr", "Connaissance d'Excel"},
		{"Connaissance de {s}", "hématologie", "fr", "Connaissance d'hématologie"},
		{"Connaissance de {s}", "soins de plaies", "fr", "Connaissance de soins de plaies"},
		{"Expérience en {s}", "assurance", "fr", "Expérience en assurance"},
		// English never elides.
		{"Knowledge of {s}", "Excel", "en", "Knowledge of Excel"},
	}
	for _, tc := range tests {
		if got := wrap(tc.tmpl, tc.phrase, tc.lang); got != tc.want {
			t.Errorf("wrap(%q, %q) = %q, want %q", tc.tmpl, tc.phrase, got, tc.want)
		}
	}
}

func TestSwapTwoCopies(t *testing.T) {
	r := newRNG(1, 9, 0)
	in := []string{"a", "b", "c"}
	for range 20 {
		out := swapTwo(r, in)
		if in[0] != "a" || in[1] != "b" || in[2] != "c" {
			t.Fatal("swapTwo modified its input")
		}
		diff := 0
		for i := range in {
			if in[i] != out[i] {
				diff++
			}
		}
		if diff != 2 {
			t.Fatalf("swapTwo(%v) = %v, want exactly two elements exchanged", in, out)
		}
	}
}

func TestWeightedFollowsWeights(t *testing.T) {
	w := newWeighted([]float64{1, 0, 3})
	r := newRNG(7, 9, 0)
	counts := make([]int, 3)
	for range 40000 {
		counts[w.draw(r)]++
	}
	if counts[1] != 0 {
		t.Errorf("zero-weight index drawn %d times", counts[1])
	}
	if ratio := float64(counts[2]) / float64(counts[0]); ratio < 2.8 || ratio > 3.2 {
		t.Errorf("index 2 drawn %.2f× as often as index 0, want about 3", ratio)
	}
}

func TestSampleNDistinct(t *testing.T) {
	r := newRNG(3, 9, 0)
	s := []int{1, 2, 3, 4, 5}
	for range 50 {
		got := sampleN(r, s, 3)
		seen := map[int]bool{}
		for _, v := range got {
			if seen[v] {
				t.Fatalf("sampleN returned a duplicate: %v", got)
			}
			seen[v] = true
		}
		if len(got) != 3 {
			t.Fatalf("got %d elements, want 3", len(got))
		}
	}
	if got := sampleN(r, s, 9); len(got) != 5 {
		t.Fatalf("asking for more than there are returned %d, want all 5", len(got))
	}
}

func TestIDsAreUniqueAcrossSlotsAndShapedPerSource(t *testing.T) {
	g := &generator{cfg: DefaultConfig()}
	for _, src := range []string{srcJobBank, srcIndeed, srcLinkedIn, srcWorkopol} {
		seen := map[string]bool{}
		for slot := range 5000 {
			id := g.newID(src, slot)
			if seen[id] {
				t.Fatalf("%s id %s repeats", src, id)
			}
			seen[id] = true
		}
	}
	if g.newID(srcJobBank, 42) != g.newID(srcGuichet, 42) {
		t.Error("Job Bank and guichet-emplois must share one id space")
	}
}
