package repost

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// shingleJaccard is the exact Jaccard similarity of two texts' shingle
// sets, the quantity signatures estimate.
func shingleJaccard(a, b []uint64, n int) float64 {
	set := func(ws []uint64) map[uint64]bool {
		m := map[uint64]bool{}
		for i := 0; i+n <= len(ws); i++ {
			m[shingleHash(ws[i:i+n])] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	inter := 0
	for h := range sa {
		if sb[h] {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}

// edited replaces a share of the words of base with fresh ones.
func edited(r *rand.Rand, base []uint64, share float64) []uint64 {
	out := append([]uint64(nil), base...)
	for i := range out {
		if r.Float64() < share {
			out[i] = wordHash(fmt.Sprintf("new%d", r.IntN(1e9)))
		}
	}
	return out
}

func words(r *rand.Rand, n int) []uint64 {
	out := make([]uint64, n)
	for i := range out {
		out[i] = wordHash(fmt.Sprintf("w%d", r.IntN(5000)))
	}
	return out
}

func wordHash(w string) uint64 {
	hs, _ := textHashes(w, nil)
	return hs[0]
}

// Signatures must estimate the shingle Jaccard similarity without bias,
// for long texts (every bin reached) and short ones (densified), or the
// threshold means something else than it says.
func TestSignatureEstimatesJaccard(t *testing.T) {
	d := New(DefaultConfig())
	r := rand.New(rand.NewPCG(1, 2))
	for _, length := range []int{12, 40, 400} {
		for _, share := range []float64{0, 0.02, 0.1, 0.3, 1} {
			var sumErr, sumBias float64
			const pairs = 200
			for range pairs {
				a := words(r, length)
				b := edited(r, a, share)
				want := shingleJaccard(a, b, d.cfg.Shingle)
				got := similarity(d.signature(a), d.signature(b))
				sumErr += math.Abs(got - want)
				sumBias += got - want
			}
			mae, bias := sumErr/pairs, sumBias/pairs
			t.Logf("length %d, edited %.0f%%: mean abs error %.3f, bias %+.3f", length, 100*share, mae, bias)
			if mae > 0.08 || math.Abs(bias) > 0.03 {
				t.Errorf("length %d, edited %.0f%%: mean abs error %.3f, bias %+.3f; want ≤ 0.08 and |bias| ≤ 0.03",
					length, 100*share, mae, bias)
			}
		}
	}
}

func TestSignatureEdgeCases(t *testing.T) {
	d := New(DefaultConfig())
	empty := d.signature(nil)
	one := d.signature([]uint64{wordHash("cook")})
	if similarity(one, d.signature([]uint64{wordHash("cook")})) != 1 {
		t.Error("a one-word text does not match itself")
	}
	if s := similarity(one, d.signature([]uint64{wordHash("baker")})); s > 0.1 {
		t.Errorf("different one-word texts: similarity %.2f", s)
	}
	if s := similarity(empty, one); s != 0 {
		t.Errorf("empty vs one word: similarity %.2f", s)
	}
	for _, v := range one {
		if v == ^uint64(0) {
			t.Fatal("densification left an empty bin")
		}
	}
}
