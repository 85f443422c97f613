package rank

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// synthetic builds n postings over 500 occupations, NL/ON/QC regions and
// 2024–2025, each with 3 to 12 of 400 skills — roughly the shape of a
// year of Canadian postings from one source.
func synthetic(n int) []Record {
	rng := rand.New(rand.NewPCG(1, 2))
	skills := make([]Skill, 400)
	for i := range skills {
		skills[i] = Skill{ID: fmt.Sprintf("s%03d", i), Label: fmt.Sprintf("skill %03d", i), Type: "skill", Required: i%3 == 0}
	}
	regions := []struct{ prov, code string }{{"NL", "1010"}, {"NL", "1030"}, {"NL", "NL-unspecified"}, {"ON", "3530"}, {"ON", "3510"}, {"QC", "2440"}, {"", "CA-unspecified"}}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	recs := make([]Record, n)
	for i := range recs {
		reg := regions[rng.IntN(len(regions))]
		occ := fmt.Sprintf("%05d", 10000+rng.IntN(500)*7)
		if i%3 == 0 {
			occ = "12111" // one big occupation, as health and trades are
		}
		k := 3 + rng.IntN(10)
		sk := make([]Skill, 0, k)
		for _, j := range rng.Perm(len(skills))[:k] {
			sk = append(sk, skills[j])
		}
		recs[i] = Record{Key: fmt.Sprintf("src:%d", i), Occupation: occ, Province: reg.prov, Region: reg.code,
			PostedAt: start.Add(time.Duration(rng.IntN(730*24)) * time.Hour), Skills: sk,
			WageLow: 15 + float64(rng.IntN(20)), WageHigh: 35 + float64(rng.IntN(20)), Duplicate: i%20 == 0}
	}
	return recs
}

func BenchmarkCompute(b *testing.B) {
	recs := synthetic(100_000)
	cases := []struct {
		name string
		q    Query
	}{
		{"occupation_CA_year", Query{Occupation: "12111", Scope: Scope{Canada, "CA"}, Period: Period{Kind: Year, Year: 2025}}},
		{"occupation_NL_quarter", Query{Occupation: "12111", Scope: Scope{Province, "NL"}, Period: Period{Kind: Quarter, Year: 2025, Part: 2}}},
		{"occupation_CA_recent1000", Query{Occupation: "12111", Scope: Scope{Canada, "CA"}, Period: Period{Kind: Recent, N: 1000}}},
		{"all_CA_year", Query{Scope: Scope{Canada, "CA"}, Period: Period{Kind: Year, Year: 2025}}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if p := Compute(recs, c.q); p.Postings == 0 {
					b.Fatal("empty profile")
				}
			}
		})
	}
}

func BenchmarkOccupations(b *testing.B) {
	recs := synthetic(100_000)
	q := Query{Scope: Scope{Canada, "CA"}, Period: Period{Kind: Year, Year: 2025}}
	b.ReportAllocs()
	for b.Loop() {
		Occupations(recs, q)
	}
}

func BenchmarkSkillDemand(b *testing.B) {
	recs := synthetic(100_000)
	b.ReportAllocs()
	for b.Loop() {
		SkillDemand(recs, "s007", Scope{Canada, "CA"}, Period{Kind: Year, Year: 2025})
	}
}
