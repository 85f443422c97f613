package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
)

// stdLine is what `skillpulse extract` wrote with encoding/json.
func stdLine(t testing.TB, id string, skills, boiler []extract.Match, errMsg string) []byte {
	var buf bytes.Buffer
	line := extractLine{ID: id, Skills: skills, Boilerplate: boiler, Error: errMsg}
	if errMsg == "" && line.Skills == nil {
		line.Skills = []extract.Match{}
	}
	if errMsg != "" {
		line.Skills = nil
	}
	if err := json.NewEncoder(&buf).Encode(line); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestExtractLineMatchesEncodingJSON(t *testing.T) {
	m := extract.Match{ID: "http://data.europa.eu/esco/skill/1", Label: "C++ <b> & \"quotes\"", Type: "skill",
		Text: "tab\there\nline\u2028sep é 😀 \x01", Start: 3, End: 12, Requirement: extract.Asset, Mentions: 2,
		Taxonomy: "esco", TaxonomyVersion: "v1.1.1"}
	loose := m
	loose.Loose = true
	cases := []struct {
		id             string
		skills, boiler []extract.Match
		err            string
	}{
		{"p-1", []extract.Match{m, m}, nil, ""},
		{"p-loose", []extract.Match{m, loose}, nil, ""},
		{"p-2", nil, nil, ""},
		{"p-3", []extract.Match{m}, []extract.Match{m}, ""},
		{"", nil, nil, "line 3: invalid posting: title: is required"},
		{"bad\xffutf8", nil, nil, "x\xfe"},
	}
	for _, c := range cases {
		got := appendExtractLine(nil, c.id, c.skills, c.boiler, c.err)
		want := stdLine(t, c.id, c.skills, c.boiler, c.err)
		if !bytes.Equal(got, want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"plain", "<&>", "\u2028\u2029", "\xff\xfe", "\x00\x1f\"\\", "é😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("appendString(%q) = %s, want %s", s, got, want)
		}
	})
}
