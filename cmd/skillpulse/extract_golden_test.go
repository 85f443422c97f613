package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/skilllink"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/load"
	"github.com/skillpulse/skillpulse/internal/shareddata"
)

// TestExtractDefaultPathUnchanged pins what `skillpulse extract
// --taxonomy esco:…` writes by default (learned filter, loose matches as DefaultLoose says)
// for the SkillSpan postings and 2,000 generated ones: the SHA-256 of the
// whole output, with and without --explain. Speed work must not move it;
// the data stays in ../shared/data, only the digests live here. A change
// meant to alter what is extracted updates the digests, and says so;
// SKILLPULSE_GOLDEN_DUMP=DIR writes the outputs there to review it.
func TestExtractDefaultPathUnchanged(t *testing.T) {
	path := shareddata.Require(t, "taxonomy", "esco_v1.1.1", "skills_en.csv")
	tax, err := load.ESCO(path, "")
	if err != nil {
		t.Fatal(err)
	}
	// The command's own constructor, loose matches as its --loose default.
	x, sc, err := skilllink.NewExtractor("esco:"+path, tax, skilllink.DefaultMode, skilllink.DefaultLoose)
	if err != nil || sc == nil {
		t.Fatalf("scorer: %v", err)
	}
	ss, _ := skillspanPostings(t)
	sample := samplePostings(t, 2000)
	for _, c := range []struct {
		name    string
		in      []byte
		explain bool
		want    string
	}{
		{"skillspan", ss, false, "2a9a7307c418e0cc038b36a59306a3576cdf368b4e771f8e26edf266ad6dbf02"},
		{"skillspan/explain", ss, true, "6b972a0f1bc72d2d3d3c5e1e874213969c6980f41e008215d9d8af584a778e50"},
		{"sample", sample, false, "6d5c42ae4f7a947751be6d50163cd3d9e0988221293e5827ac1eee5baab2fbf7"},
		{"sample/explain", sample, true, "62d0554e4dbb6a8797d264c7a20fad1607a14cb53dff6dda6e380221e383b191"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			if _, _, err := runExtract(x, posting.Open("in.jsonl", bytes.NewReader(c.in)), &out, c.explain, nil); err != nil {
				t.Fatal(err)
			}
			if dir := os.Getenv("SKILLPULSE_GOLDEN_DUMP"); dir != "" {
				// To review what a change moved: diff two dumps.
				name := filepath.Join(dir, strings.ReplaceAll(c.name, "/", "_")+".jsonl")
				if err := os.WriteFile(name, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := fmt.Sprintf("%x", sha256.Sum256(out.Bytes())); got != c.want {
				t.Errorf("output digest %s, want %s: the default extraction changed (%d bytes)", got, c.want, out.Len())
			}
		})
	}
}
