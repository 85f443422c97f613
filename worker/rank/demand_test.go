package rank

import (
	"fmt"
	"testing"
)

func TestOccupations(t *testing.T) {
	tests := []struct {
		scope, period, occupation string
		want                      string
	}{
		{"NL", "2025", "", "[{12111 11} {13110 9}]"},
		{"CA", "2025", "", "[{12111 13} {13110 9}]"}, // ON and no-province postings added
		{"NL", "2024", "", "[{12111 4}]"},
		{"NL", "2025", "13110", "[{13110 9}]"},
		{"1030", "2025", "", "[{12111 1}]"},
		{"NL", "2023", "", "[]"},
		{"NL", "recent:5", "", "[{12111 5} {13110 5}]"},          // a tie, by code
		{"NL", "recent:10,skip:5", "", "[{12111 10} {13110 4}]"}, // 15 and 9 postings
	}
	for _, tt := range tests {
		q := Query{Occupation: tt.occupation, Scope: mustScope(t, tt.scope), Period: mustPeriod(t, tt.period)}
		got := Occupations(fixture(), q)
		if s := fmt.Sprint(got); s != tt.want {
			t.Errorf("%s %s %q: %s, want %s", tt.scope, tt.period, tt.occupation, s, tt.want)
		}
		// The listing must agree with the profiles it links to.
		for _, o := range got {
			q.Occupation = o.Code
			if p := Compute(fixture(), q); p.Postings != o.Postings {
				t.Errorf("%s %s: listing says %d, profile %d", o.Code, tt.period, o.Postings, p.Postings)
			}
		}
	}
}

func TestSkillDemand(t *testing.T) {
	// Acute care in NL 2025: w1, u1, u2 (12111) and 13110's Sep 15 posting
	// — 4 of 20. By place: the bucket 2 of 2, 1030 1 of 1, Avalon 1 of 17
	// (8 + 9 postings).
	d := SkillDemand(fixture(), "acute", mustScope(t, "NL"), mustPeriod(t, "2025"))
	if d.Label != "acute care" || d.Type != "knowledge" || d.Postings != 4 || d.AllPostings != 20 || !near(d.Share, 0.2) {
		t.Errorf("demand %s %s %d/%d %.3f", d.Label, d.Type, d.Postings, d.AllPostings, d.Share)
	}
	checkDemand(t, "occupations", d.ByOccupation, []DemandShare{
		{Code: "12111", Postings: 3, Share: 3.0 / 11, OfSkill: 0.75},
		{Code: "13110", Postings: 1, Share: 1.0 / 9, OfSkill: 0.25},
	})
	checkDemand(t, "regions", d.ByRegion, []DemandShare{
		{Code: "NL-unspecified", Postings: 2, Share: 1, OfSkill: 0.5},
		{Code: "1030", Postings: 1, Share: 1, OfSkill: 0.25},
		{Code: "1010", Postings: 1, Share: 1.0 / 17, OfSkill: 0.25},
	})

	// A skill nobody asks for: zero, with the places still listed.
	none := SkillDemand(fixture(), "welding", mustScope(t, "NL"), mustPeriod(t, "2025"))
	if none.Postings != 0 || none.Share != 0 || len(none.ByOccupation) != 0 || len(none.ByRegion) != 3 {
		t.Errorf("unknown skill: %+v", none)
	}
}

func TestSkillDemandTop20(t *testing.T) {
	// occ00 has 1 posting asking, occ24 has 25: the top 20 are occ24..occ05.
	var recs []Record
	for o := range 25 {
		for k := range o + 1 {
			recs = append(recs, Record{Key: fmt.Sprintf("%d-%d", o, k), Occupation: fmt.Sprintf("occ%02d", o), Province: "NL",
				Region: "1010", PostedAt: day("2025-05-01"), Skills: []Skill{comm}})
		}
	}
	d := SkillDemand(recs, "comm", mustScope(t, "CA"), mustPeriod(t, "2025-Q2"))
	if len(d.ByOccupation) != 20 || d.ByOccupation[0].Code != "occ24" || d.ByOccupation[19].Code != "occ05" {
		t.Errorf("got %d occupations, first %+v", len(d.ByOccupation), d.ByOccupation[0])
	}
	if d.Postings != 325 || len(d.ByRegion) != 1 || d.ByRegion[0].Code != "NL" {
		t.Errorf("postings %d regions %+v", d.Postings, d.ByRegion)
	}
}

func checkDemand(t *testing.T, what string, got, want []DemandShare) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %+v, want %+v", what, got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Code != w.Code || g.Postings != w.Postings || !near(g.Share, w.Share) || !near(g.OfSkill, w.OfSkill) {
			t.Errorf("%s[%d] = %+v, want %+v", what, i, g, w)
		}
	}
}
