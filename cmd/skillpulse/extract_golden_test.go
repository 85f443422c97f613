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
		{"skillspan", ss, false, "5ae02cf442a99d264bfdbc40a81dd2093a13b8df817acd821f17ce3b5e8e3a92"},
		{"skillspan/explain", ss, true, "8e24809db768537c7a8ac0af812898e1f1eccdfe3bfa95f04d2d5e65da0eca01"},
		{"sample", sample, false, "869d7176cdc21c079d7a6f4195de15173545fdb03fa7ae0fe504e47feb939c9e"},
		{"sample/explain", sample, true, "be2fab78a74b32aad87c75e2b609160c43336441a6c54f3ed6fb3f26aa0dd740"},
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
