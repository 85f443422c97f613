package noc

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPosteriorKeepsTheLargest checks the selection in posterior against
// the definition: the best class's share among the runnersUp+1 largest
// tempered scores.
func TestPosteriorKeepsTheLargest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, runnersUp, runnersUp + 1, runnersUp + 2, 516} {
		for trial := 0; trial < 50; trial++ {
			scores := make([]float32, n)
			for i := range scores {
				scores[i] = float32(rng.NormFloat64() * 3)
				if trial%5 == 0 && i%3 == 0 {
					scores[i] = 1 // ties
				}
			}
			best := argmax(scores)
			d := make([]float64, n)
			for i, s := range scores {
				d[i] = float64(s-scores[best]) / temperature
			}
			sort.Sort(sort.Reverse(sort.Float64Slice(d)))
			want := 0.0
			for _, x := range d[:min(n, runnersUp+1)] {
				want += math.Exp(x)
			}
			want = 1 / want
			if got := posterior(scores, best); math.Abs(got-want) > 1e-12 {
				t.Fatalf("n=%d trial %d: posterior %v, want %v", n, trial, got, want)
			}
		}
	}
}

// FuzzDescriptionWords checks the running-text tokenizer against the title
// cleaner on text where the title-only steps do nothing. addDescription
// uses the words as a set, so they are compared as sets: the title
// cleaner also drops an abbreviation's words the title already has.
func FuzzDescriptionWords(f *testing.F) {
	for _, s := range []string{"Maintain patient health records; RN and PSW staff.", "Tenir à jour les dossiers médicaux de l'hôpital", "Sr. Mgr, IT", "  ", "d'l''x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "-–—|([/") || !utf8.ValidString(s) {
			return
		}
		got, want := descriptionWords(s), tokens(cleanTitle(s))
		if !sameWords(got, want) {
			t.Fatalf("descriptionWords(%q) = %q, title cleaning gives %q", s, got, want)
		}
	})
}

func sameWords(a, b []string) bool {
	set := func(ws []string) map[string]bool {
		m := map[string]bool{}
		for _, w := range ws {
			m[w] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	if len(sa) != len(sb) {
		return false
	}
	for w := range sa {
		if !sb[w] {
			return false
		}
	}
	return true
}
