package repost

import (
	"hash/fnv"
	"strings"
	"testing"
	"unicode"
)

// FuzzTextHashes checks the one-pass hashing against the definitions it
// replaces: the words of strings.ToLower(s) split by FieldsFunc, each
// hashed with FNV-1a, and exact-text hashes as stored by earlier versions.
func FuzzTextHashes(f *testing.F) {
	for _, s := range []string{"Health Records Technician, night shift", "Commis à l'archivage médical — 55 000 $", "", "  x  ", "İstanbul ǅ ß", "a\xffb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		words, text := textHashes(s, nil)
		if len(words) != len(want) {
			t.Fatalf("textHashes(%q): %d words, want %d (%q)", s, len(words), len(want), want)
		}
		all := fnv.New64a()
		for i, w := range want {
			h := fnv.New64a()
			h.Write([]byte(w))
			if words[i] != h.Sum64() {
				t.Fatalf("textHashes(%q): word %d (%q) hashes differently", s, i, w)
			}
			all.Write([]byte(w))
			all.Write([]byte{0})
		}
		if text != all.Sum64() {
			t.Fatalf("textHashes(%q): text hash differs from FNV-1a of the words", s)
		}
	})
}
