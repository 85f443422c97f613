package repost

// Normalizing and hashing what postings are compared by.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// PartitionKey is the Kafka message key under which producers should
// publish a posting: its employer, or its title when the employer is
// unknown. Postings can only repeat postings of the same employer (or of
// none), so keyed this way all candidates meet on one partition, and with
// it in one group member's detector, in arrival order.
func PartitionKey(employer, title string) string {
	if e := normKey(employer); e != "" {
		return "employer:" + e
	}
	return "title:" + normKey(title)
}

func normKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// textHashes hashes the words of s, lowercased letters and digits, in one
// pass that copies nothing: the FNV-1a hash of each word, and the FNV-1a
// hash of all of them, each followed by a zero byte (the exact-text hash).
// It is what FieldsFunc over strings.ToLower(s), then hashing, gives.
func textHashes(s string, words []uint64) ([]uint64, uint64) {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	text, word := uint64(offset), uint64(offset)
	in := false
	var enc [utf8.UTFMax]byte
	end := func() {
		if in {
			words = append(words, word)
			text *= prime // the zero byte: text ^= 0 changes nothing
			word, in = offset, false
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if !asciiWord[c] {
				end()
				continue
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			text, word, in = (text^uint64(c))*prime, (word^uint64(c))*prime, true
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if size == 1 { // invalid UTF-8 lowercases to U+FFFD: a separator
			end()
			continue
		}
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			end()
			continue
		}
		for _, b := range enc[:utf8.EncodeRune(enc[:], r)] {
			text, word, in = (text^uint64(b))*prime, (word^uint64(b))*prime, true
		}
	}
	end()
	return words, text
}

// asciiWord marks the ASCII letters and digits: most postings are ASCII,
// and a table is cheaper than the Unicode categories.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
