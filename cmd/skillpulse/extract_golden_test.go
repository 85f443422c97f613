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
		{"skillspan", ss, false, "efb27199e6105528429bedfacdbaa8a64377ad42e38396b6afae0a4a4eb0b27e"},
		{"skillspan/explain", ss, true, "d345b5951cd79c05e2c389cff975ec29b86660ad5f093383fcb85e047081d7a1"},
		{"sample", sample, false, "af8377006beb0c89276f4986beb97de173a71f6de05d7a8173a01a7c4a97c4b5"},
		{"sample/explain", sample, true, "bb51a4e9b3b340e25216db18e02fc1eaceb3a7dd048a3e714c13471722bd00a1"},
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
