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
// --taxonomy esco:…` writes by default (learned filter, loose matches)
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
	// The command's own constructor, loose matches on as its --loose default.
	x, sc, err := skilllink.NewExtractor("esco:"+path, tax, skilllink.DefaultMode, true)
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
		{"skillspan", ss, false, "1a4587107c35a027da9855562aa1c2b33f5452f01fd12efe5637283deb48f7fd"},
		{"skillspan/explain", ss, true, "aeb8637eef04aafae18f0f95d5a2e3fe73fcdad7d2c7e64b752fd2da96e1ac26"},
		{"sample", sample, false, "128932e4ac8d8b33edf4281262a6342152d747c76c530fb33b2ff6f11f4f45ed"},
		{"sample/explain", sample, true, "2469161ee2bffcdc60a8fef0c1afe860ec8c92aa7e5f710f311f1d69092f3574"},
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
