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
		{"skillspan", ss, false, "24db398b12dcd8fda1c70e754bdfef37ab654011960ef4594ed24d600de2f524"},
		{"skillspan/explain", ss, true, "d8b9d78ef39521931e8e64ce7ac99ee68051eb0808707fc58e00289037595569"},
		{"sample", sample, false, "a694421cfe2202a45c8e94156112fff490da7dc136c4c3f293543d6032ddf689"},
		{"sample/explain", sample, true, "6f6c8495cd5a29713e091973579b0fd13908c0ed8a859d52d5ea21ba1e05e248"},
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
