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
		{"skillspan", ss, false, "4e251961b2a4576cadbbb2aa785299c02c8bfc038d763d7722defb6a0d123da6"},
		{"skillspan/explain", ss, true, "4236dfa146a34ef119e7d10bbe845ed81548b43c1a4c5dcdf20154a83ab1f4ac"},
		{"sample", sample, false, "a8c872cc1e746f85a91acf8c948f497995232a0a3f4cc89ad74e9312f84569db"},
		{"sample/explain", sample, true, "e56715d5d78b91151fb77224e5842e3cf88580df046003c159cd8f03a7d74bbc"},
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
