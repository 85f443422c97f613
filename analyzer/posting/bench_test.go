package posting

import (
	"strings"
	"testing"
)

// BenchmarkParse parses a posting of typical size: a few kilobytes of
// description dominate the work.
func BenchmarkParse(b *testing.B) {
	desc := strings.Repeat("We are looking for a health records technician to maintain patient records. ", 40)
	line := []byte(`{"id":"p-1","source":"board","title":"Health Records Technician","employer":"Eastern Health",` +
		`"location":"St. John's, NL","posted_at":"2025-03-01","salary":"$29.51 to $35.17 hourly","description":"` + desc + `"}`)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		if _, err := Parse(line); err != nil {
			b.Fatal(err)
		}
	}
}
