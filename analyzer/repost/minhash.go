package repost

// signature is the MinHash of the word shingles of text: for each of the
// Hashes permutations, the smallest permuted shingle hash.
func (d *Detector) signature(words []string) []uint64 {
	sig := make([]uint64, d.cfg.Hashes)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	n := d.cfg.Shingle
	if len(words) < n {
		n = max(len(words), 1)
	}
	for i := 0; i+n <= len(words); i++ {
		h := shingleHash(words[i : i+n])
		for j, a := range d.seeds {
			// Multiply-xorshift: a cheap, well-mixed permutation per seed.
			x := (h ^ a) * 0xbf58476d1ce4e5b9
			x ^= x >> 31
			if x < sig[j] {
				sig[j] = x
			}
		}
	}
	return sig
}

// shingleHash is FNV-1a over the words: deterministic across processes,
// unlike maphash, so stored signatures stay comparable.
func shingleHash(ws []string) uint64 {
	h := uint64(14695981039346656037)
	for _, w := range ws {
		for i := 0; i < len(w); i++ {
			h ^= uint64(w[i])
			h *= 1099511628211
		}
		h ^= ' '
		h *= 1099511628211
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
