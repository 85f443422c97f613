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
		{"skillspan", ss, false, "4c9edbf3ed7e5b84f1ee414875c9a6229acca175f1959b81e755d64d5ae4895b"},
		{"skillspan/explain", ss, true, "52417c62668cb0352836a626b6a88f64d2f1d781678b377db847ca86eb55b585"},
		{"sample", sample, false, "f10aa9591d4204fac27415aa04751f21912c6a08c7c133638c6bc77d4fe94122"},
		{"sample/explain", sample, true, "880da4024aeab54e66b25f4dc9b296694f3685be0fbbe55bf1d3058dc61a65c8"},
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
