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
		{"skillspan", ss, false, "442332641102d8a0c031783c9e71b1cbd5532f952dbd202b26de0a645fca9883"},
		{"skillspan/explain", ss, true, "550f10f8d89a40e94ce5671407e0315c6b3c4141791483f82ba22c280be5bb60"},
		{"sample", sample, false, "ee6f8b069283780cad58e7f38080259b1014ad9487873e7d802afac4d9eb8b12"},
		{"sample/explain", sample, true, "e8180b8ddf5f34fb3ee82da9663f147cd17c585060523ac85d589c89e66f181f"},
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
