package dedup

import (
	"math"
	"strings"
	"testing"
)

// similarity is the estimate: the share of agreeing bins.
func similarity(a, b []uint32) float64 {
	same, _ := agreeing(a, b, 0)
	return float64(same) / float64(max(len(a), 1))
}

// exactJaccard computes the true Jaccard similarity of the shingle sets
// the signatures summarize.
func exactJaccard(a, b string, k int) float64 {
	set := func(text string) map[uint64]bool {
		w, m := wordHashes(text, nil), map[uint64]bool{}
		for start := 0; start < len(w); {
			end := start
			for end < len(w) && w[end] != boundary {
				end++
			}
			seg := w[start:end]
			n := min(k, len(seg))
			for i := 0; n > 0 && i+n <= len(seg); i++ {
				s := seg[i]
				for _, x := range seg[i+1 : i+n] {
					s = s*fnvPrime ^ x
				}
				m[s] = true
			}
			start = end + 1
		}
		return m
	}
	sa, sb := set(a), set(b)
	in := 0
	for x := range sa {
		if sb[x] {
			in++
		}
	}
	return float64(in) / float64(len(sa)+len(sb)-in)
}

func TestEstimateTracksJaccard(t *testing.T) {
	det := New(DefaultConfig())
	docs := corpus(21, 200)
	var n int
	var sum, sq float64
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if docs[i].job != docs[j].job {
				continue
			}
			a, b := det.Signature(docs[i].doc), det.Signature(docs[j].doc)
			err := similarity(a.MinHash, b.MinHash) - exactJaccard(docs[i].doc.Text, docs[j].doc.Text, 3)
			n, sum, sq = n+1, sum+err, sq+err*err
		}
	}
	bias, rmse := sum/float64(n), math.Sqrt(sq/float64(n))
	t.Logf("%d pairs: bias %+.4f, rmse %.4f", n, bias, rmse)
	// Binomial error of 120 bins at J = 0.8 is 0.037; pairs nearer 1 have less.
	if math.Abs(bias) > 0.01 || rmse > 0.04 {
		t.Errorf("estimate off: bias %+.4f, rmse %.4f", bias, rmse)
	}
}

func TestWordHashes(t *testing.T) {
	h := func(s string) []uint64 { return wordHashes(s, nil) }
	a := h("Prepare MEAL plans. Cost: $29.51!\nClean-up")
	if len(a) != 10 || a[3] != boundary || a[7] != boundary {
		t.Fatalf("got %v; want prepare meal plans | cost 29 51 | clean up", a)
	}
	if a[0] != h("prepare")[0] || a[9] != h("UP")[0] || a[5] != h("29")[0] {
		t.Error("words must hash the same whatever their case")
	}
	if got := h("Développeur"); len(got) != 1 || got[0] != h("DÉVELOPPEUR")[0] {
		t.Errorf("accented word split or case-sensitive: %v", got)
	}
	if len(h(" \n - . ")) != 0 {
		t.Error("text without words gave hashes")
	}
}

func TestTextHashIgnoresFormatting(t *testing.T) {
	hash := func(s string) uint64 { return textHash(wordHashes(s, nil)) }
	base := hash("Prepare meals.\nClean the kitchen.")
	for _, s := range []string{"prepare meals clean the kitchen", "• PREPARE MEALS\n• CLEAN THE KITCHEN!", "Prepare  meals; clean the kitchen"} {
		if hash(s) != base {
			t.Errorf("%q hashes differently from the same words", s)
		}
	}
	if hash("Clean the kitchen. Prepare meals.") == base {
		t.Error("reordered text has the same exact hash")
	}
	if hash("") != 0 {
		t.Error("empty text must hash to 0")
	}
}

func TestMovedLinesKeepTheSignature(t *testing.T) {
	det := New(DefaultConfig())
	lines := strings.Split(cookText, "\n")
	moved := append([]string{lines[5]}, append(append([]string{}, lines[:5]...), lines[6:]...)...)
	a := det.Signature(Doc{Text: cookText}).MinHash
	b := det.Signature(Doc{Text: strings.Join(moved, "\n")}).MinHash
	if similarity(a, b) != 1 {
		t.Errorf("moving a line changed the signature: similarity %.3f", similarity(a, b))
	}
}

func TestShortTextSignature(t *testing.T) {
	det := New(DefaultConfig())
	// Two words: one shingle, every bin densified from it.
	a := det.Signature(Doc{Text: "Line cook"}).MinHash
	b := det.Signature(Doc{Text: "LINE COOK!"}).MinHash
	c := det.Signature(Doc{Text: "Prep cook"}).MinHash
	if similarity(a, b) != 1 || similarity(a, c) != 0 {
		t.Errorf("short texts: same %.2f (want 1), different %.2f (want 0)", similarity(a, b), similarity(a, c))
	}
}
