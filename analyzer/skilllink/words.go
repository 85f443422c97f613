package skilllink

import (
	"unicode"
	"unicode/utf8"
)

// stop words carry no evidence about which concept a sentence is about.
var stop = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range []string{
		"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "as", "at", "by", "from",
		"is", "are", "be", "been", "being", "it", "its", "this", "that", "these", "those", "their", "they",
		"we", "you", "your", "our", "will", "can", "may", "such", "other", "into", "within", "all", "any",
		"who", "which", "what", "when", "where", "how", "not", "no", "also", "well", "more", "most", "use",
		"using", "used", "etc", "e", "g", "i", "ie", "eg", "have", "has", "had", "do", "does", "including",
		"le", "la", "les", "de", "des", "du", "et", "ou", "un", "une", "en", "au", "aux", "pour", "par", "sur", "avec", "dans",
	} {
		m[bytesHash(stem([]byte(w)))] = true // as words() hashes them
	}
	return m
}()

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func wordHash(w string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= fnvPrime
	}
	return h
}

// stem folds the most common English inflections so that "planning",
// "plans" and "planned" share a word with "plan", and "solving" one with
// "solve"; it is deliberately crude:
// features only count overlaps. It works in place on a lower-cased word.
func stem(w []byte) []byte {
	n := len(w)
	switch {
	case n > 5 && string(w[n-3:]) == "ing":
		w = w[:n-3]
	case n > 4 && string(w[n-2:]) == "ed":
		w = w[:n-2]
	case n > 4 && string(w[n-3:]) == "ies":
		w = append(w[:n-3], 'y')
	case n > 3 && w[n-1] == 's' && w[n-2] != 's':
		w = w[:n-1]
	}
	// "planning" → "plann" → "plan".
	if n := len(w); n > 3 && w[n-1] == w[n-2] && w[n-1] != 'l' && w[n-1] != 's' {
		w = w[:n-1]
	}
	// "solve", "solving", "solved" → "solv".
	if n := len(w); n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}

func bytesHash(w []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range w {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// words calls f with the hash of each lower-cased, stemmed word of s and
// its byte offsets; buf is reused between calls. ASCII, the bulk of
// postings, takes a fast path: this runs on every sentence scored.
func words(s string, buf []byte, f func(h uint64, start, end int)) []byte {
	start := -1
	buf = buf[:0]
	flush := func(end int) {
		if start < 0 {
			return
		}
		f(bytesHash(stem(buf)), start, end)
		buf, start = buf[:0], -1
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '#':
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			default:
				flush(i)
				i++
				continue
			}
			if start < 0 {
				start = i
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		} else {
			flush(i)
		}
		i += size
	}
	flush(len(s))
	return buf
}

// phraseKey folds a sequence of word hashes into one key, so a label and
// the same words in a description meet in one table.
func phraseKey(k, h uint64) uint64 { return (k ^ h) * fnvPrime }

// ContentWords is the set of stemmed, non-stop words of s.
func ContentWords(s string) map[uint64]bool {
	out := map[uint64]bool{}
	words(s, nil, func(h uint64, _, _ int) {
		if !stop[h] {
			out[h] = true
		}
	})
	return out
}

// sortKeys sorts hash keys by LSD radix over 16-bit digits: four linear
// passes, several times faster than a comparison sort on the million
// phrase keys of ESCO's descriptions.
func sortKeys(keys []uint64) {
	tmp := make([]uint64, len(keys))
	src, dst := keys, tmp
	var count [1 << 16]int
	for shift := 0; shift < 64; shift += 16 {
		clear(count[:])
		for _, k := range src {
			count[(k>>shift)&0xffff]++
		}
		pos := 0
		for i, c := range count {
			count[i] = pos
			pos += c
		}
		for _, k := range src {
			d := (k >> shift) & 0xffff
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	// Four passes: the sorted keys are back in keys.
}
