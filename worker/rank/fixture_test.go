package rank

import (
	"fmt"
	"math"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

var (
	comm   = Skill{ID: "comm", Label: "communication skills", Type: "transversal"}
	commRq = Skill{ID: "comm", Label: "communication skills", Type: "transversal", Required: true}
	recm   = Skill{ID: "recm", Label: "records management", Type: "skill", Required: true}
	qa     = Skill{ID: "qa", Label: "quality assurance", Type: "skill"}
	acute  = Skill{ID: "acute", Label: "acute care", Type: "knowledge", Required: true}
	attn   = Skill{ID: "attn", Label: "attention to detail", Type: "transversal"}
)

var nlRegions = map[string][]RegionRef{"NL": {
	{"1010", "Avalon Peninsula"}, {"1020", "South Coast--Burin Peninsula"},
	{"1030", "West Coast--Northern Peninsula--Labrador"}, {"1040", "Notre Dame--Central Bonavista Bay"},
}}

// fixture is a small labour market, laid out so every number in the tests
// can be worked out by hand:
//
//	12111 in NL, 2025: 11 unique postings — a1..a8 in Avalon (1010) on the
//	  10th of Jan..Aug, w1 in 1030 on Sep 15, u1 and u2 NL-unspecified on
//	  Oct 1 and Nov 20 — plus a repost on Dec 1 (excluded).
//	  Skills: communication in all 11 (required in a1..a8), records
//	  management a1..a6, quality assurance a1..a3, acute care w1 u1 u2,
//	  attention to detail a8.
//	  Wages (low-high): a1 20-30, a2 22-28, a3 25 only, a4 40 only (high),
//	  a5 30-20 (swapped), a6 18-26, w1 24-36.
//	12111 in NL, 2024: 4 postings (Mar/Jun/Sep/Dec 1), all communication,
//	  the first two quality assurance.
//	13110 in NL, 2025: 9 postings on the 15th of Jan..Sep in 1010, all
//	  communication, records management in the first 3, acute care in the
//	  last; wages on the first 2 only.
//	12111 outside NL, 2025: 1 in Ontario (3530), 1 with no province.
func fixture() []Record {
	var recs []Record
	add := func(key, occ, prov, region, name, date string, lo, hi float64, skills ...Skill) {
		recs = append(recs, Record{Key: key, Occupation: occ, Province: prov, Region: region, RegionName: name,
			PostedAt: day(date), WageLow: lo, WageHigh: hi, Skills: skills})
	}
	wages := [][2]float64{{20, 30}, {22, 28}, {25, 0}, {0, 40}, {30, 20}, {18, 26}, {0, 0}, {0, 0}}
	for i := range 8 {
		sk := []Skill{commRq}
		if i < 6 {
			sk = append(sk, recm)
		}
		if i < 3 {
			sk = append(sk, qa)
		}
		if i == 7 {
			sk = append(sk, attn)
		}
		add(fmt.Sprintf("jb:a%d", i+1), "12111", "NL", "1010", "Avalon Peninsula",
			fmt.Sprintf("2025-%02d-10", i+1), wages[i][0], wages[i][1], sk...)
	}
	add("jb:w1", "12111", "NL", "1030", "West Coast--Northern Peninsula--Labrador", "2025-09-15", 24, 36, comm, acute)
	add("jb:u1", "12111", "NL", "NL-unspecified", "", "2025-10-01", 0, 0, comm, acute)
	add("ind:u2", "12111", "NL", "NL-unspecified", "", "2025-11-20", 0, 0, acute, comm)
	recs = append(recs, Record{Key: "ind:dup", Occupation: "12111", Province: "NL", Region: "1010",
		PostedAt: day("2025-12-01"), Skills: []Skill{comm, attn}, WageLow: 99, WageHigh: 99, Duplicate: true})
	for i, date := range []string{"2024-03-01", "2024-06-01", "2024-09-01", "2024-12-01"} {
		sk := []Skill{comm}
		if i < 2 {
			sk = append(sk, qa)
		}
		add(fmt.Sprintf("jb:old%d", i), "12111", "NL", "1010", "Avalon Peninsula", date, 0, 0, sk...)
	}
	for i := range 9 {
		sk := []Skill{comm}
		if i < 3 {
			sk = append(sk, recm)
		}
		if i == 8 {
			sk = append(sk, acute)
		}
		lo := 0.0
		if i < 2 {
			lo = 17
		}
		add(fmt.Sprintf("jb:b%d", i), "13110", "NL", "1010", "Avalon Peninsula", fmt.Sprintf("2025-%02d-15", i+1), lo, 0, sk...)
	}
	add("jb:on1", "12111", "ON", "3530", "Toronto", "2025-05-05", 0, 0, comm)
	add("jb:ca1", "12111", "", "CA-unspecified", "", "2025-06-06", 0, 0, comm)
	// Out of order on purpose: Compute must not depend on input order.
	for i, j := 0, len(recs)-1; i < j; i, j = i+2, j-2 {
		recs[i], recs[j] = recs[j], recs[i]
	}
	return recs
}

func mustScope(t testing.TB, s string) Scope {
	t.Helper()
	sc, err := ParseScope(s)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func mustPeriod(t testing.TB, s string) Period {
	t.Helper()
	p, err := ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func ptr(x float64) *float64 { return &x }

func nearPtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return near(*a, *b)
}

func fmtPtr(p *float64) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprintf("%.6f", *p)
}
