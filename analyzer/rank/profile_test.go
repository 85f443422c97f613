package rank

import (
	"fmt"
	"math"
	"testing"
	"time"
)

func d(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

var (
	comm = Skill{ID: "communication", Label: "communication", Type: "transversal", Required: true}
	recm = Skill{ID: "records-management", Label: "records management", Type: "skill", Required: true}
	qa   = Skill{ID: "quality-assurance", Label: "quality assurance", Type: "skill"}
	cook = Skill{ID: "knife-skills", Label: "knife skills", Type: "skill", Required: true}
)

var nlRegions = map[string][]RegionRef{"NL": {{"1010", "Avalon Peninsula"}, {"1020", "South Coast--Burin Peninsula"},
	{"1030", "West Coast--Northern Peninsula--Labrador"}, {"1040", "Notre Dame--Central Bonavista Bay"}}}

// fixture: 11 unique 2025 postings for 12111 in NL — 8 Avalon, 1 West
// Coast, 2 without a place below the province — plus a repost (excluded),
// 3 postings from 2024, 4 cook postings, and 1 from Ontario.
func fixture() []Record {
	var recs []Record
	add := func(key, occ, prov, reg, name, date string, low, high float64, skills ...Skill) {
		recs = append(recs, Record{Key: key, Occupation: occ, Province: prov, Region: reg, RegionName: name,
			PostedAt: d(date), WageLow: low, WageHigh: high, Skills: skills})
	}
	for i := 0; i < 8; i++ {
		sk := []Skill{comm, recm}
		if i < 3 {
			sk = append(sk, qa)
		}
		add(fmt.Sprintf("jb:a%d", i), "12111", "NL", "1010", "Avalon Peninsula", fmt.Sprintf("2025-0%d-15", i+1), 24+float64(i), 30+float64(i), sk...)
	}
	add("jb:w1", "12111", "NL", "1030", "West Coast--Northern Peninsula--Labrador", "2025-09-01", 0, 0, comm)
	add("jb:u1", "12111", "NL", "NL-unspecified", "", "2025-10-01", 0, 0, recm)
	add("jb:u2", "12111", "NL", "NL-unspecified", "", "2025-12-31", 0, 0)
	recs = append(recs, Record{Key: "indeed:a0", Occupation: "12111", Province: "NL", Region: "1010", PostedAt: d("2025-01-16"), Duplicate: true, Skills: []Skill{comm}})
	for i := 0; i < 3; i++ {
		add(fmt.Sprintf("jb:p%d", i), "12111", "NL", "1010", "Avalon Peninsula", "2024-06-01", 0, 0, recm)
	}
	for i := 0; i < 4; i++ {
		add(fmt.Sprintf("jb:c%d", i), "63200", "NL", "1010", "Avalon Peninsula", "2025-05-01", 0, 0, cook, comm)
	}
	add("jb:on", "12111", "ON", "3530", "Toronto", "2025-05-01", 0, 0, comm)
	return recs
}

func mustQuery(t *testing.T, occ, scope, period string, min int) Query {
	t.Helper()
	s, err := ParseScope(scope)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	return Query{Occupation: occ, Scope: s, Period: p, TopN: 10, MinCount: min, KnownRegions: nlRegions}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestProfileNL2025(t *testing.T) {
	p := Compute(fixture(), mustQuery(t, "12111", "NL", "2025", 5))
	if p.Postings != 11 {
		t.Fatalf("postings = %d, want 11 (the repost and other years excluded)", p.Postings)
	}
	if p.From.Format("2006-01-02") != "2025-01-15" || p.To.Format("2006-01-02") != "2025-12-31" {
		t.Errorf("from/to = %v/%v", p.From, p.To)
	}
	// 8/11 = 72.73%, 1/11 = 9.09%, 2/11 = 18.18%: floors 72.7+9.0+18.1 = 99.8;
	// the two missing tenths go to the largest remainders (.909 and .818).
	want := map[string]float64{"1010": 72.7, "1030": 9.1, "NL-unspecified": 18.2, "1020": 0, "1040": 0}
	sum := 0.0
	for _, r := range p.Regions {
		w, ok := want[r.Code]
		if !ok || !near(r.Percent, w) {
			t.Errorf("region %s: %.1f%% (ok=%v), want %.1f%%", r.Code, r.Percent, ok, w)
		}
		sum += r.Percent
	}
	if len(p.Regions) != 5 || !near(math.Round(sum*10)/10, 100) {
		t.Errorf("regions %+v sum to %.1f, want 5 summing to 100.0", p.Regions, sum)
	}
	if p.Regions[0].Code != "1010" || p.Regions[0].Name != "Avalon Peninsula" || p.Regions[1].Code != "NL-unspecified" {
		t.Errorf("order/names: %+v", p.Regions)
	}
	if p.Regions[1].Flag != FlagLowCount {
		t.Errorf("a region with 2 postings (< 5) should be flagged: %+v", p.Regions[1])
	}
	// communication: 8 Avalon + West Coast = 9/11; records management: 8 + 1 = 9/11;
	// ties broken by label; quality assurance 3/11.
	if len(p.TopSkills) != 3 || p.TopSkills[0].ID != "communication" || p.TopSkills[1].ID != "records-management" || p.TopSkills[2].ID != "quality-assurance" {
		t.Fatalf("top skills %+v", p.TopSkills)
	}
	if !near(p.TopSkills[0].Share, 9.0/11) || !near(p.TopSkills[2].Share, 3.0/11) || p.TopSkills[2].RequiredShare != 0 {
		t.Errorf("shares %+v", p.TopSkills)
	}
	// 2024: 3 postings, all with records management → 100%; change = 9/11 - 1.
	rm := p.TopSkills[1]
	if rm.PreviousShare == nil || !near(*rm.PreviousShare, 1) || !near(*rm.Change, 9.0/11-1) {
		t.Errorf("records management trend %+v", rm)
	}
	if p.Trend.PreviousPostings != 3 || !near(*p.Trend.Change, (11.0-3)/3) {
		t.Errorf("trend %+v", p.Trend)
	}
	// Distinctiveness: all NL 2025 postings = 11 + 4 cooks = 15; communication
	// in 9 + 4 = 13 of them → (9/11)/(13/15).
	if !near(p.TopSkills[0].Distinctiveness, (9.0/11)/(13.0/15)) {
		t.Errorf("distinctiveness %v", p.TopSkills[0].Distinctiveness)
	}
	if p.Distinctive[0].ID != "records-management" { // (9/11)/(9/15) beats communication and QA
		t.Errorf("distinctive %+v", p.Distinctive)
	}
	// wages from the 8 Avalon postings: lows 24..31 → median 27.5; highs 30..37 → 33.5.
	if p.Wages == nil || p.Wages.Count != 8 || !near(p.Wages.Low, 27.5) || !near(p.Wages.High, 33.5) || !near(p.Wages.Median, 30.5) {
		t.Errorf("wages %+v", p.Wages)
	}
	if p.Suppressed || len(p.Flags) != 0 {
		t.Errorf("11 postings ≥ 2×5: no flags expected, got %v suppressed=%v", p.Flags, p.Suppressed)
	}
}

func TestSuppression(t *testing.T) {
	p := Compute(fixture(), mustQuery(t, "63200", "NL", "2025", 5))
	if p.Postings != 4 || !p.Suppressed || len(p.TopSkills) != 0 || p.Wages != nil || len(p.Regions) != 0 {
		t.Errorf("4 postings < 5: counts shown, details withheld; got %+v", p)
	}
	if len(p.Flags) != 1 || p.Flags[0] != FlagLowCount {
		t.Errorf("flags %v", p.Flags)
	}
	p = Compute(fixture(), mustQuery(t, "63200", "NL", "2025", 2))
	if p.Suppressed || len(p.TopSkills) != 2 {
		t.Errorf("with min 2 the profile is shown: %+v", p)
	}
}

func TestRecentAndCanada(t *testing.T) {
	// The 5 newest: Dec 31, Oct 1, Sep 1, Aug 15, Jul 15.
	p := Compute(fixture(), mustQuery(t, "12111", "CA", "recent:5", 0))
	if p.Postings != 5 || p.To.Format("2006-01-02") != "2025-12-31" || p.From.Format("2006-01-02") != "2025-07-15" {
		t.Errorf("recent:5 = %d postings %v..%v", p.Postings, p.From, p.To)
	}
	if p.Trend.PreviousPostings != 5 {
		t.Errorf("previous window of 5: %+v", p.Trend)
	}
	p = Compute(fixture(), mustQuery(t, "12111", "CA", "2025", 0))
	if p.Postings != 12 || len(p.Regions) != 2 || p.Regions[0].Code != "NL" || p.Regions[1].Code != "ON" {
		t.Errorf("Canada: %d postings, regions %+v", p.Postings, p.Regions)
	}
	p = Compute(fixture(), mustQuery(t, "12111", "NL-unspecified", "2025", 0))
	if p.Postings != 2 {
		t.Errorf("unspecified bucket = %d, want 2", p.Postings)
	}
}

func TestOccupationsAndDemand(t *testing.T) {
	q := mustQuery(t, "", "NL", "2025", 0)
	occ := Occupations(fixture(), q)
	if len(occ) != 2 || occ[0] != (OccupationSummary{"12111", 11}) || occ[1] != (OccupationSummary{"63200", 4}) {
		t.Errorf("occupations %+v", occ)
	}
	dm := SkillDemand(fixture(), "communication", q.Scope, q.Period)
	if dm.Postings != 13 || dm.AllPostings != 15 || dm.ByOccupation[0].Code != "12111" || dm.ByOccupation[0].Postings != 9 || !near(dm.ByOccupation[1].Share, 1) {
		t.Errorf("demand %+v", dm)
	}
}

func TestParse(t *testing.T) {
	for _, s := range []string{"2025", "2025-Q2", "2025-03", "recent:11"} {
		p, err := ParsePeriod(s)
		if err != nil || p.String() != s {
			t.Errorf("ParsePeriod(%q) = %v, %v", s, p, err)
		}
	}
	for _, s := range []string{"", "25", "2025-13", "2025-Q5", "recent:0", "last year", "recent:x"} {
		if _, err := ParsePeriod(s); err == nil {
			t.Errorf("ParsePeriod(%q) should fail", s)
		}
	}
	prev := map[string]string{"2025": "2024", "2025-Q1": "2024-Q4", "2025-01": "2024-12", "2025-Q3": "2025-Q2"}
	for s, want := range prev {
		p, _ := ParsePeriod(s)
		if got := p.Previous().String(); got != want {
			t.Errorf("%s.Previous() = %s, want %s", s, got, want)
		}
	}
	for s, kind := range map[string]ScopeKind{"CA": Country, "nl": Province, "1010": Region, "NL-unspecified": Unspecified} {
		sc, err := ParseScope(s)
		if err != nil || sc.Kind != kind {
			t.Errorf("ParseScope(%q) = %+v, %v", s, sc, err)
		}
	}
	for _, s := range []string{"Newfoundland", "10100", "N1"} {
		if _, err := ParseScope(s); err == nil {
			t.Errorf("ParseScope(%q) should fail", s)
		}
	}
}

func BenchmarkCompute(b *testing.B) {
	base := fixture()
	recs := make([]Record, 0, 100_000)
	for i := 0; len(recs) < 100_000; i++ {
		r := base[i%len(base)]
		r.Key = fmt.Sprint(i)
		recs = append(recs, r)
	}
	q := Query{Occupation: "12111", Scope: Scope{Province, "NL"}, Period: Period{Kind: Yearly, Year: 2025}, MinCount: 5}
	q.Period, _ = ParsePeriod("2025")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Compute(recs, q)
	}
}
