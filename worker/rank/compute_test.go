package rank

import (
	"slices"
	"testing"
)

// wantSkill is a SkillShare worked out by hand.
type wantSkill struct {
	id              string
	postings        int
	share, required float64
	change          *float64
	distinctiveness float64
}

func checkSkills(t *testing.T, what string, got []SkillShare, want []wantSkill) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d skills %v, want %d", what, len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.id || g.Postings != w.postings || !near(g.Share, w.share) || !near(g.RequiredShare, w.required) ||
			!nearPtr(g.Change, w.change) || !near(g.Distinctiveness, w.distinctiveness) {
			t.Errorf("%s[%d] = %s n=%d share=%.4f req=%.4f change=%s dist=%.4f; want %+v",
				what, i, g.ID, g.Postings, g.Share, g.RequiredShare, fmtPtr(g.Change), g.Distinctiveness, w)
		}
	}
}

func TestComputeProvinceYear(t *testing.T) {
	p := Compute(fixture(), Query{Occupation: "12111", Scope: mustScope(t, "NL"), Period: mustPeriod(t, "2025"), KnownRegions: nlRegions})

	// 11 unique postings; the Dec 1 repost would have made To Dec 1.
	if p.Postings != 11 || !p.From.Equal(day("2025-01-10")) || !p.To.Equal(day("2025-11-20")) {
		t.Errorf("postings %d from %v to %v; want 11 from 2025-01-10 to 2025-11-20", p.Postings, p.From, p.To)
	}
	// 11 ≥ 2×5: no low_count; 7 stated wages ≥ 5: no few_wages.
	if p.Suppressed || len(p.Flags) != 0 || p.MinCount != 5 {
		t.Errorf("suppressed %v flags %v min %d; want false [] 5", p.Suppressed, p.Flags, p.MinCount)
	}
	// 2024 had 4: (11−4)/4 = +175%.
	if p.Trend.PreviousPostings != 4 || p.Trend.PreviousPeriod.String() != "2024" || !nearPtr(p.Trend.ChangePct, ptr(175)) {
		t.Errorf("trend %+v change %s; want 4 in 2024, +175", p.Trend, fmtPtr(p.Trend.ChangePct))
	}

	// Shares of 11 with changes from 2024's 4 postings (comm 4/4, qa 2/4)
	// and distinctiveness against all 20 NL 2025 postings (13110 adds 9:
	// comm 9, recm 3, acute 1):
	//   comm   11/11, required 8/11, change 0,            dist (11/11)/(20/20) = 1
	//   recm    6/11, required 1,    change 6/11,         dist (6/11)/(9/20)  = 120/99
	//   acute   3/11, required 1,    change 3/11,         dist (3/11)/(4/20)  = 60/44
	//   qa      3/11, required 0,    change 3/11−2/4,     dist (3/11)/(3/20)  = 60/33
	//   attn    1/11, required 0,    change 1/11,         dist (1/11)/(1/20)  = 20/11
	// acute and qa tie at 3 postings: label order puts "acute care" first.
	checkSkills(t, "top", p.TopSkills, []wantSkill{
		{"comm", 11, 1, 8.0 / 11, ptr(0), 1},
		{"recm", 6, 6.0 / 11, 1, ptr(6.0 / 11), 120.0 / 99},
		{"acute", 3, 3.0 / 11, 1, ptr(3.0 / 11), 60.0 / 44},
		{"qa", 3, 3.0 / 11, 0, ptr(3.0/11 - 0.5), 60.0 / 33},
		{"attn", 1, 1.0 / 11, 0, ptr(1.0 / 11), 20.0 / 11},
	})
	if ps := p.TopSkills[3].PreviousShare; ps == nil || !near(*ps, 0.5) {
		t.Errorf("qa previous share %s, want 0.5", fmtPtr(ps))
	}
	// attn (1 posting) is under the floor max(2, ceil(1.1)) = 2, although
	// its ratio 20/11 would rank second.
	checkSkills(t, "distinctive", p.Distinctive, []wantSkill{
		{"qa", 3, 3.0 / 11, 0, ptr(3.0/11 - 0.5), 60.0 / 33},
		{"acute", 3, 3.0 / 11, 1, ptr(3.0 / 11), 60.0 / 44},
		{"recm", 6, 6.0 / 11, 1, ptr(6.0 / 11), 120.0 / 99},
		{"comm", 11, 1, 8.0 / 11, ptr(0), 1},
	})

	// Lows 18 20 20 22 24 25 40, highs 25 26 28 30 30 36 40, midpoints
	// 22 25 25 25 25 30 40 (a5's swapped 30-20 read as 20-30, a3 and a4's
	// single figures as both ends; the repost's 99 excluded).
	if w := p.Wages; w == nil || *w != (WageStats{Low: 22, Median: 25, High: 30, Count: 7}) {
		t.Errorf("wages %+v, want 22/25/30 over 7", w)
	}
}

func TestComputeTopN(t *testing.T) {
	p := Compute(fixture(), Query{Occupation: "12111", Scope: mustScope(t, "NL"), Period: mustPeriod(t, "2025"), TopN: 2})
	got := []string{}
	for _, s := range p.TopSkills {
		got = append(got, s.ID)
	}
	dist := []string{}
	for _, s := range p.Distinctive {
		dist = append(dist, s.ID)
	}
	if !slices.Equal(got, []string{"comm", "recm"}) || !slices.Equal(dist, []string{"qa", "acute"}) {
		t.Errorf("top 2 %v distinctive %v; want [comm recm] [qa acute]", got, dist)
	}
}

func TestComputeSmallCounts(t *testing.T) {
	nl, y2025 := mustScope(t, "NL"), mustPeriod(t, "2025")
	tests := []struct {
		name        string
		q           Query
		postings    int
		suppressed  bool
		flags       []string
		wantDetails bool
	}{
		// 11 < 12: counts only.
		{"under MinCount", Query{Occupation: "12111", Scope: nl, Period: y2025, MinCount: 12}, 11, true, []string{FlagLowCount}, false},
		// 11 ≥ 6 but < 12: shown, flagged.
		{"under twice MinCount", Query{Occupation: "12111", Scope: nl, Period: y2025, MinCount: 6}, 11, false, []string{FlagLowCount}, true},
		// 9 postings: low_count; only 2 state a wage (< 5): wages withheld.
		{"few wages", Query{Occupation: "13110", Scope: nl, Period: y2025}, 9, false, []string{FlagLowCount, FlagFewWages}, true},
		// Suppression off.
		{"off", Query{Occupation: "12111", Scope: nl, Period: y2025, MinCount: -1}, 11, false, []string{}, true},
		// Nothing at all: suppressed, not an error.
		{"empty", Query{Occupation: "99999", Scope: nl, Period: y2025}, 0, true, []string{FlagLowCount}, false},
		{"empty, suppression off", Query{Occupation: "99999", Scope: nl, Period: y2025, MinCount: -1}, 0, false, []string{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Compute(fixture(), tt.q)
			if p.Postings != tt.postings || p.Suppressed != tt.suppressed || !slices.Equal(p.Flags, tt.flags) {
				t.Errorf("postings %d suppressed %v flags %v; want %d %v %v", p.Postings, p.Suppressed, p.Flags, tt.postings, tt.suppressed, tt.flags)
			}
			hasDetails := len(p.Regions) > 0 && len(p.TopSkills) > 0
			if hasDetails != tt.wantDetails {
				t.Errorf("regions %d skills %d; details wanted: %v", len(p.Regions), len(p.TopSkills), tt.wantDetails)
			}
			if !tt.wantDetails && (len(p.Distinctive) > 0 || p.Wages != nil) {
				t.Errorf("withheld profile leaks distinctive %v or wages %v", p.Distinctive, p.Wages)
			}
			if p.Regions == nil || p.TopSkills == nil || p.Distinctive == nil || p.Flags == nil {
				t.Error("nil slice would marshal as null")
			}
		})
	}
	// Withheld details must not hide the trend: 2024 had 4.
	if p := Compute(fixture(), tests[0].q); p.Trend.PreviousPostings != 4 || p.Wages != nil {
		t.Errorf("suppressed trend %+v wages %v", p.Trend, p.Wages)
	}
}

func TestComputeRecent(t *testing.T) {
	p := Compute(fixture(), Query{Occupation: "12111", Scope: mustScope(t, "NL"), Period: mustPeriod(t, "recent:5"), MinCount: 2})
	// Newest 5: u2 Nov 20, u1 Oct 1, w1 Sep 15, a8 Aug 10, a7 Jul 10 (the
	// Dec 1 repost does not count). The 5 before: a6..a2, Jun 10 to Feb 10.
	if p.Postings != 5 || !p.From.Equal(day("2025-07-10")) || !p.To.Equal(day("2025-11-20")) {
		t.Errorf("postings %d from %v to %v; want 5 from Jul 10 to Nov 20", p.Postings, p.From, p.To)
	}
	tr := p.Trend
	if tr.PreviousPeriod.String() != "recent:5,skip:5" || tr.PreviousPostings != 5 || !tr.PreviousFrom.Equal(day("2025-02-10")) ||
		!tr.PreviousTo.Equal(day("2025-06-10")) || !nearPtr(tr.ChangePct, ptr(0)) {
		t.Errorf("trend %+v", tr)
	}
	// Regions: 1010 a7 a8 = 2/5, 1030 w1 = 1/5, unspecified u1 u2 = 2/5.
	wantRegions := map[string]float64{"1010": 40, "1030": 20, "NL-unspecified": 40}
	for _, r := range p.Regions {
		if r.Percent != wantRegions[r.Code] {
			t.Errorf("region %s %.1f%%, want %.1f", r.Code, r.Percent, wantRegions[r.Code])
		}
	}
	// Previous window a2..a6: comm 5/5, recm 5/5, qa 2/5.
	// Baseline: every NL posting dated Jul 10..Nov 20 — these 5 plus 13110's
	// Jul 15, Aug 15, Sep 15 (comm in all, acute on Sep 15) = 8 postings:
	// comm 8/8, acute 4/8, attn 1/8.
	checkSkills(t, "top", p.TopSkills, []wantSkill{
		{"comm", 5, 1, 2.0 / 5, ptr(0), 1},
		{"acute", 3, 3.0 / 5, 1, ptr(3.0 / 5), (3.0 / 5) / (4.0 / 8)},
		{"attn", 1, 1.0 / 5, 0, ptr(1.0 / 5), (1.0 / 5) / (1.0 / 8)},
	})
	// Floor max(2, ceil(0.5)) = 2 drops attn.
	checkSkills(t, "distinctive", p.Distinctive, []wantSkill{
		{"acute", 3, 3.0 / 5, 1, ptr(3.0 / 5), 1.2},
		{"comm", 5, 1, 2.0 / 5, ptr(0), 1},
	})

	// recent:20 only finds the 15 there are (11 in 2025, 4 in 2024), from
	// the oldest 2024 one; nothing is left before them.
	all := Compute(fixture(), Query{Occupation: "12111", Scope: mustScope(t, "NL"), Period: mustPeriod(t, "recent:20")})
	if all.Postings != 15 || !all.From.Equal(day("2024-03-01")) || all.Trend.PreviousPostings != 0 || all.Trend.ChangePct != nil {
		t.Errorf("recent:20: %d postings from %v, trend %+v", all.Postings, all.From, all.Trend)
	}
	for _, s := range all.TopSkills {
		if s.PreviousShare != nil || s.Change != nil {
			t.Errorf("%s has a change without a previous window", s.ID)
		}
	}
}

func TestComputeRepeatedKeyCountsOnce(t *testing.T) {
	// The same posting ingested twice: the later version (moved to 1030)
	// is the one counted.
	recs := []Record{
		{Key: "jb:1", Occupation: "12111", Province: "NL", Region: "1010", PostedAt: day("2025-01-01"), Skills: []Skill{comm}},
		{Key: "jb:1", Occupation: "12111", Province: "NL", Region: "1030", PostedAt: day("2025-01-02"), Skills: []Skill{comm}},
		{Key: "jb:2", Occupation: "12111", Province: "NL", Region: "1010", PostedAt: day("2025-01-03"), Skills: []Skill{comm}},
	}
	for _, order := range [][]Record{recs, {recs[2], recs[1], recs[0]}} {
		p := Compute(order, Query{Occupation: "12111", Scope: mustScope(t, "NL"), Period: mustPeriod(t, "2025"), MinCount: -1})
		if p.Postings != 2 || p.TopSkills[0].Postings != 2 || len(p.Regions) != 3 || p.Regions[0].Count != 1 || p.Regions[1].Count != 1 {
			t.Errorf("postings %d regions %+v; want 2 postings, 1010 and 1030 one each", p.Postings, p.Regions)
		}
	}
}

func TestComputeAllOccupations(t *testing.T) {
	// All occupations in NL 2025: 11 + 9 = 20; distinctiveness is 1 by
	// definition. comm 20/20, recm 9/20, acute 4/20, qa 3/20, attn 1/20.
	p := Compute(fixture(), Query{Scope: mustScope(t, "NL"), Period: mustPeriod(t, "2025")})
	checkSkills(t, "top", p.TopSkills, []wantSkill{
		{"comm", 20, 1, 8.0 / 20, ptr(0), 1},
		{"recm", 9, 9.0 / 20, 1, ptr(9.0 / 20), 1},
		{"acute", 4, 4.0 / 20, 1, ptr(4.0 / 20), 1},
		{"qa", 3, 3.0 / 20, 0, ptr(3.0/20 - 2.0/4), 1},
		{"attn", 1, 1.0 / 20, 0, ptr(1.0 / 20), 1},
	})
}

func TestComputeIgnoresInputOrder(t *testing.T) {
	q := Query{Occupation: "12111", Scope: mustScope(t, "NL"), Period: mustPeriod(t, "recent:7"), KnownRegions: nlRegions, MinCount: 2}
	recs := fixture()
	want := Compute(recs, q)
	slices.Reverse(recs)
	got := Compute(recs, q)
	if a, b := mustJSON(t, want), mustJSON(t, got); a != b {
		t.Errorf("order changed the profile:\n%s\n%s", a, b)
	}
}
