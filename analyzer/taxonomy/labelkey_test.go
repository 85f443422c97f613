package taxonomy

import (
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// The ASCII fast paths must key and fold exactly as the general path
// does, or an alias would stop finding (or start shadowing) the ESCO
// label it was written against.
func FuzzLabelKeyASCII(f *testing.F) {
	for _, s := range []string{"Customer-Service", "C++ and C#", "  a--b  ", "MS Excel (advanced)", "x\x00y", "", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !textnorm.IsASCII(s) {
			return
		}
		if got, want := asciiLabelKey(s), labelKeyFolded(s); got != want {
			t.Fatalf("asciiLabelKey(%q) = %q, general path %q", s, got, want)
		}
	})
}
