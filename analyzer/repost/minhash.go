package repost

import "math/bits"

// signatureScheme names how signatures are computed; snapshots taken with
// another scheme cannot be compared with new signatures.
const signatureScheme = "oph-densified-v2"

// signature is the one-permutation MinHash of the word shingles of text
// (Li, Owen and Zhang 2012): each shingle's mixed hash picks one of the
// Hashes bins by its top bits and competes for that bin's minimum, so a
// shingle costs one hash instead of one per bin (k-permutation MinHash
// was the most expensive stage of analysis). Bins no shingle reached are
// filled by densification (Shrivastava 2017): each empty bin copies the
// first non-empty bin of its own fixed probe sequence, which keeps two
// signatures' agreement an estimate of their shingle sets' Jaccard
// similarity.
func (d *Detector) signature(words []uint64) []uint64 {
	k := uint64(d.cfg.Hashes)
	sig := make([]uint64, k)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	n := d.cfg.Shingle
	if len(words) < n {
		n = max(len(words), 1)
	}
	filled := 0
	for i := 0; i+n <= len(words); i++ {
		x := mix(shingleHash(words[i : i+n]))
		// The high bits choose the bin (multiply-shift: unbiased for any
		// k), the whole value competes within it.
		bin := mulHigh(x, k)
		if sig[bin] == ^uint64(0) {
			filled++
		}
		if x < sig[bin] {
			sig[bin] = x
		}
	}
	if filled == 0 || filled == len(sig) {
		return sig
	}
	return densify(sig)
}

// densify fills each empty bin from the first non-empty bin of a probe
// sequence seeded by the empty bin's index; the probes depend only on the
// bin, not on the text, so two similar texts copy from the same places.
func densify(sig []uint64) []uint64 {
	empty := make([]bool, len(sig))
	for i, v := range sig {
		empty[i] = v == ^uint64(0)
	}
	k := uint64(len(sig))
	for i := range sig {
		if !empty[i] {
			continue
		}
		for attempt := uint64(1); ; attempt++ {
			j := mulHigh(mix(uint64(i)<<32|attempt), k)
			if !empty[j] {
				// Mixing in the attempt keeps a copied value from matching
				// its source bin by construction.
				sig[i] = mix(sig[j] ^ attempt*0x9E3779B97F4A7C15)
				break
			}
		}
	}
	return sig
}

// mix is the splitmix64 finalizer: a well-mixed bijection of 64 bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// mulHigh maps x uniformly onto [0, k).
func mulHigh(x, k uint64) uint64 {
	hi, _ := bits.Mul64(x, k)
	return hi
}

// shingleHash combines the hashes of a shingle's words, in order; word
// hashes are FNV-1a, deterministic across processes (unlike maphash), so
// stored signatures stay comparable.
func shingleHash(ws []uint64) uint64 {
	h := uint64(len(ws))
	for _, w := range ws {
		h = bits.RotateLeft64(h, 23) ^ w
		h *= 0x9E3779B97F4A7C15
	}
	return h
}

// bandKeys hashes each band of rows; postings sharing a band key are
// candidates.
func (d *Detector) bandKeys(sig []uint64) []uint64 {
	rows := len(sig) / d.cfg.Bands
	keys := make([]uint64, d.cfg.Bands)
	for b := range keys {
		h := uint64(b+1) * 0x9E3779B97F4A7C15
		for _, v := range sig[b*rows : (b+1)*rows] {
			h = (h ^ v) * 1099511628211
		}
		keys[b] = h
	}
	return keys
}

// similarity estimates the Jaccard similarity of two shingle sets.
func similarity(a, b []uint64) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}
