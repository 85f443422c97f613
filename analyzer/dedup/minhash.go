package dedup

import (
	"unicode"
	"unicode/utf8"
)

// mix64 is the SplitMix64 finalizer: every input bit affects every output
// bit, so bins and values of a shingle hash are independent.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// boundary separates segments (lines, sentences) in a word hash stream.
// Word hashes are never zero.
const boundary = 0

// wordHashes returns one hash per word of text (letters and digits,
// lower-cased), so case, punctuation and spacing never make two postings
// differ. Line breaks and sentence ends become a boundary between words:
// shingles do not cross them, so moving a bullet or adding a line changes
// only the shingles of that line. Hashing while scanning avoids building
// the words.
func wordHashes(text string, buf []uint64) []uint64 {
	h, inWord, pendingBreak := uint64(fnvOffset), false, false
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		switch class := asciiClass[c]; class {
		case classLower:
			r = rune(c)
			i++
		case classUpper:
			r = rune(c) + 'a' - 'A'
			i++
		case classOther:
			var n int
			r, n = utf8.DecodeRuneInString(text[i:])
			i += n
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				if inWord {
					buf = append(buf, max(h, 1))
					h, inWord = fnvOffset, false
				}
				continue
			}
			r = unicode.ToLower(r)
		default: // separators
			i++
			if inWord {
				buf = append(buf, max(h, 1))
				h, inWord = fnvOffset, false
			}
			// "29.51" and "e.g" keep going; ". " and a line end do not.
			if class == classLineEnd || (class == classSentenceEnd && (i == len(text) || !isASCIIAlnum(text[i]))) {
				pendingBreak = true
			}
			continue
		}
		if pendingBreak {
			if len(buf) > 0 && buf[len(buf)-1] != boundary {
				buf = append(buf, boundary)
			}
			pendingBreak = false
		}
		inWord = true
		// FNV-1a over the rune value; runes above a byte fold in twice.
		h = (h ^ uint64(r&0xff)) * fnvPrime
		if r > 0xff {
			h = (h ^ uint64(r>>8)) * fnvPrime
		}
	}
	if inWord {
		buf = append(buf, max(h, 1))
	}
	return buf
}

// Byte classes for wordHashes; bytes from 0x80 up start or continue a
// multi-byte rune.
const (
	classSeparator = iota
	classLower     // a-z, 0-9
	classUpper     // A-Z
	classLineEnd
	classSentenceEnd
	classOther
)

var asciiClass = func() (t [256]byte) {
	for c := 0x80; c < 0x100; c++ {
		t[c] = classOther
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLower
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = classUpper
	}
	t['\n'] = classLineEnd
	for _, c := range ".!?;" {
		t[c] = classSentenceEnd
	}
	return t
}()

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// textHash identifies the word sequence: equal for texts that differ only
// in case, punctuation, spacing or line breaks. Zero is kept for "no
// words".
func textHash(words []uint64) uint64 {
	h, any := uint64(fnvOffset), false
	for _, w := range words {
		if w != boundary {
			h, any = mix64(h^w), true
		}
	}
	if !any {
		return 0
	}
	return max(h, 1)
}

// minhash fills sig with a one-permutation MinHash of the shingles of
// words: runs of k consecutive words within a segment, or the whole
// segment when it is shorter than k. Each shingle is hashed once; the high
// bits pick a bin and each bin keeps its smallest low bits, so the cost
// does not grow with len(sig). Two signatures agree on a bin with
// probability equal to the Jaccard similarity of the shingle sets (Li,
// Owen and Zhang, 2012); empty bins are filled by optimal densification
// (Shrivastava, 2017) so the estimate stays unbiased for short texts.
func minhash(words []uint64, k int, sig []uint32) {
	for i := range sig {
		sig[i] = empty
	}
	bins := uint64(len(sig))
	filled := 0
	for start := 0; start < len(words); {
		end := start
		for end < len(words) && words[end] != boundary {
			end++
		}
		seg := words[start:end]
		n := min(k, len(seg))
		for i := 0; n > 0 && i+n <= len(seg); i++ {
			s := seg[i]
			for _, w := range seg[i+1 : i+n] {
				s = s*fnvPrime ^ w
			}
			s = mix64(s)
			bin := (s >> 32) * bins >> 32
			v := min(uint32(s), empty-1)
			if sig[bin] == empty {
				filled++
			}
			sig[bin] = min(sig[bin], v)
		}
		start = end + 1
	}
	if filled > 0 {
		densify(sig)
	}
}

// empty marks a bin no shingle fell in; real values stay below it.
const empty = ^uint32(0)

// densify fills each empty bin from a non-empty bin chosen by a fixed
// pseudo-random sequence of that bin's index. Both postings of a pair
// follow the same sequence, so a filled bin agrees exactly when its source
// bin agrees. At least one bin must be non-empty.
func densify(sig []uint32) {
	orig := make([]bool, len(sig))
	for i, v := range sig {
		orig[i] = v != empty
	}
	bins := uint64(len(sig))
	for i := range sig {
		if orig[i] {
			continue
		}
		src := uint64(i)
		for attempt := uint64(1); !orig[src]; attempt++ {
			if attempt > 8*bins {
				// Vanishingly rare; a fixed walk still ends the search.
				src = (src + 1) % bins
				continue
			}
			src = (mix64(uint64(i)<<32|attempt) >> 32) * bins >> 32
		}
		sig[i] = sig[src]
	}
}

// agreeing counts the bins on which a and b agree, giving up (ok false)
// once fewer than need can agree: most candidates are far below the
// threshold and are rejected after a few dozen bins.
func agreeing(a, b []uint32, need int) (same int, ok bool) {
	if len(a) != len(b) {
		return 0, false
	}
	allowed := len(a) - need // disagreements that still leave need
	for i := range a {
		if a[i] == b[i] {
			same++
		} else if allowed--; allowed < 0 {
			return same, false
		}
	}
	return same, true
}

// bandKeys returns one key per LSH band: a hash of the band's rows mixed
// with the band number, so equal rows in different bands do not collide.
func bandKeys(sig []uint32, bands int, keys []uint64) []uint64 {
	rows := len(sig) / bands
	for b := range bands {
		h := mix64(uint64(b) + 1)
		for _, v := range sig[b*rows : (b+1)*rows] {
			h = mix64(h ^ uint64(v))
		}
		keys = append(keys, h)
	}
	return keys
}
