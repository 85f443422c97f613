package repost

import (
	"hash/fnv"
	"strings"
	"testing"
	"unicode"
)

// FuzzNormText checks the hand-written splitter and hash against the
// definitions they replace: stored signatures and exact-text hashes must
// not change between versions.
func FuzzNormText(f *testing.F) {
	for _, s := range []string{"Health Records Technician, night shift", "Commis à l'archivage médical — 55 000 $", "", "  x  ", "İstanbul ǅ ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		got := normText(s)
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
			t.Fatalf("normText(%q) = %q, want %q", s, got, want)
		}
		h := fnv.New64a()
		for _, w := range want {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		if hash64(got) != h.Sum64() {
			t.Fatalf("hash64(%q) differs from FNV-1a", got)
		}
	})
}
