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
		{"skillspan", ss, false, "d48dd39256668a10052d01d29db73e0f608e47f1c1112437837ee70426da7c7f"},
		{"skillspan/explain", ss, true, "08e22142885e141f9ede1146afa53cd86158fa23075243de8a36db9d18a59203"},
		{"sample", sample, false, "570e43c1d052f22599689c0af517940c29c6cd7ac9d677369537a13bca4332e6"},
		{"sample/explain", sample, true, "f2f0648f191882385554e5dcdea303857fd7292247e443900d92402ca9c23c2f"},
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
