package sample

import "math/rand/v2"

// rng draws everything from a PCG stream through its own integer and float
// helpers rather than rand.Rand's IntN/Float64, whose derivations the Go
// team may change between releases. Only the PCG bit stream is specified,
// so output stays byte-identical across Go versions.
type rng struct{ src *rand.PCG }

// newRNG gives every (seed, stream, slot) triple its own independent stream,
// so any posting can be regenerated from its slot alone.
func newRNG(seed int64, stream, slot uint64) *rng {
	return &rng{src: rand.NewPCG(mix(uint64(seed)^stream), mix(slot+0x9e3779b97f4a7c15*stream))}
}

// mix is the splitmix64 finaliser: a bijection, so distinct inputs never
// collide (ids built from it are unique).
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// intn returns a value in [0, n); n must be positive. The modulo bias is
// below 2^-40 for the small n used here.
func (r *rng) intn(n int) int {
	return int(r.src.Uint64() % uint64(n))
}

// between returns a value in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// float returns a value in [0, 1).
func (r *rng) float() float64 { return float64(r.src.Uint64()>>11) / (1 << 53) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// pick returns a random element of s; s must not be empty.
func pick[T any](r *rng, s []T) T { return s[r.intn(len(s))] }

// sampleN returns up to n distinct elements of s in random order, leaving s
// untouched.
func sampleN[T any](r *rng, s []T, n int) []T {
	if n > len(s) {
		n = len(s)
	}
	idx := make([]int, len(s))
	for i := range idx {
		idx[i] = i
	}
	out := make([]T, n)
	for i := 0; i < n; i++ {
		j := i + r.intn(len(idx)-i)
		idx[i], idx[j] = idx[j], idx[i]
		out[i] = s[idx[i]]
	}
	return out
}

// weighted picks an index with probability proportional to its weight using
// a precomputed cumulative table.
type weighted struct{ cum []float64 }

func newWeighted(weights []float64) weighted {
	cum := make([]float64, len(weights))
	total := 0.0
	for i, w := range weights {
		total += w
		cum[i] = total
	}
	return weighted{cum: cum}
}

func (w weighted) draw(r *rng) int {
	x := r.float() * w.cum[len(w.cum)-1]
	lo, hi := 0, len(w.cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if x < w.cum[mid] {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
