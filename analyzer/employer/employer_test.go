package employer

import (
	"fmt"
	"sync"
	"testing"
)

func TestNormalizeMerges(t *testing.T) {
	groups := [][]string{
		{"Eastern Health", "EASTERN HEALTH", "Eastern Health Inc.", "Eastern Regional Health Authority", "The Eastern Health"},
		{"Tim Hortons", "Tim Horton's", "TIM HORTONS INC", "Tim Hortons Restaurant", "tim-hortons ltd."},
		{"Boulangerie Légère Ltée", "boulangerie legere ltee", "Boulangerie Légère S.E.N.C."},
		{"Acme Corp.", "ACME Corporation", "Acme, LLC", "Acme L.L.C."},
		{"Smith & Sons", "Smith and Sons Co."},
	}
	seen := map[string]int{}
	for gi, g := range groups {
		want := Normalize(g[0])
		if want.Key == "" {
			t.Fatalf("%q: empty key", g[0])
		}
		for _, raw := range g[1:] {
			if got := Normalize(raw); got != want {
				t.Errorf("%q -> %+v, want %+v (as %q)", raw, got, want, g[0])
			}
		}
		if other, dup := seen[want.Key]; dup {
			t.Errorf("groups %d and %d share key %q", other, gi, want.Key)
		}
		seen[want.Key] = gi
	}
}

func TestNormalizeKeepsDistinct(t *testing.T) {
	for _, pair := range [][2]string{{"Eastern Health", "Western Health"}, {"Inc Solutions", "Solutions"}, {"The Keg", "Keg Lodge"}} {
		if a, b := Normalize(pair[0]), Normalize(pair[1]); a.Key == b.Key {
			t.Errorf("%q and %q merged as %q", pair[0], pair[1], a.Key)
		}
	}
	for _, raw := range []string{"", "   ", "...", "Inc."} {
		if n := Normalize(raw); raw != "Inc." && n.Key != "" {
			t.Errorf("%q -> %+v, want empty", raw, n)
		}
	}
	// A one-word name that is a suffix stays: it is all there is.
	if n := Normalize("Inc."); n.Key != "inc" {
		t.Errorf("Inc. -> %+v", n)
	}
}

func TestDisplay(t *testing.T) {
	for raw, want := range map[string]string{
		"EASTERN REGIONAL HEALTH AUTHORITY": "Eastern Health",
		"iwk health centre":                 "IWK Health",
		"hôpital général de montréal inc":   "Hopital General de Montreal",
		"smith & sons":                      "Smith and Sons",
	} {
		if got := Normalize(raw).Display; got != want {
			t.Errorf("%q: display %q, want %q", raw, got, want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Eastern Health", "Ltée", "&&&", "The", "é.'’"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if again := Normalize(n.Key); n.Key != "" && again.Key != n.Key {
			t.Errorf("not idempotent: %q -> %q -> %q", s, n.Key, again.Key)
		}
	})
}

// The indexer normalizes names from concurrent batches; a transformer
// shared between calls once corrupted its buffers there and panicked.
func TestNormalizeConcurrent(t *testing.T) {
	names := []string{"Boulangerie Légère Ltée", "Café Dépôt Inc.", "Hôpital Général", "Eastern Health", "Société Énergie"}
	want := make([]Name, len(names))
	for i, n := range names {
		want[i] = Normalize(n)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				k := i % len(names)
				if got := Normalize(names[k]); got != want[k] {
					select {
					case errs <- fmt.Sprintf("%q -> %+v, want %+v", names[k], got, want[k]):
					default:
					}
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func BenchmarkNormalize(b *testing.B) {
	names := []string{"Eastern Health Inc.", "Tim Hortons", "Boulangerie Légère Ltée", "ACME Corporation"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Normalize(names[i%len(names)])
	}
}
