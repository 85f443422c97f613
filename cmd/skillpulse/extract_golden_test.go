package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
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
// meant to alter what is extracted updates the digests, and says so.
func TestExtractDefaultPathUnchanged(t *testing.T) {
	path := shareddata.Require(t, "taxonomy", "esco_v1.1.1", "skills_en.csv")
	tax, err := load.ESCO(path, "")
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(tax)
	sc, err := skilllink.ForSpec("esco:"+path, tax, skilllink.DefaultMode)
	if err != nil || sc == nil {
		t.Fatalf("scorer: %v", err)
	}
	x.SetRescorer(sc) // loose matches on, as the command's --loose default
	ss, _ := skillspanPostings(t)
	sample := samplePostings(t, 2000)
	for _, c := range []struct {
		name    string
		in      []byte
		explain bool
		want    string
	}{
		{"skillspan", ss, false, "74b4b91f87c39d8ca9b0cd8d5a893455502f06736322a4af2992df262219be53"},
		{"skillspan/explain", ss, true, "919843adf5d30401d53ff7af14f184128d911324fe1418ac60b2ea1b58861f95"},
		{"sample", sample, false, "0e74ed8685bb41df161d9aa4117157afa513ed908d7b7a9f4eddb4048b66254c"},
		{"sample/explain", sample, true, "7fbe9143d9fb4a74b95cb331759106b094a14262877dabdeaa0bfe9cb09adf90"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			if _, _, err := runExtract(x, posting.Open("in.jsonl", bytes.NewReader(c.in)), &out, c.explain, nil); err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprintf("%x", sha256.Sum256(out.Bytes())); got != c.want {
				t.Errorf("output digest %s, want %s: the default extraction changed (%d bytes)", got, c.want, out.Len())
			}
		})
	}
}
