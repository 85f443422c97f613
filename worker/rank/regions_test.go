package rank

import (
	"fmt"
	"testing"
)

type wantRegion struct {
	code    string
	count   int
	percent float64
	flag    string
}

func checkRegions(t *testing.T, got []RegionShare, want []wantRegion) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d regions %+v, want %d", len(got), got, len(want))
	}
	tenths := 0
	for i, w := range want {
		g := got[i]
		if g.Code != w.code || g.Count != w.count || g.Percent != w.percent || g.Flag != w.flag {
			t.Errorf("region[%d] = %s %d %.1f%% %q; want %+v", i, g.Code, g.Count, g.Percent, g.Flag, w)
		}
		tenths += int(g.Percent*10 + 0.5)
	}
	if tenths != 1000 {
		t.Errorf("percents sum to %d tenths, want 1000", tenths)
	}
}

func TestRegionsProvince(t *testing.T) {
	p := Compute(fixture(), Query{Occupation: "12111", Scope: mustScope(t, "NL"), Period: mustPeriod(t, "2025"), KnownRegions: nlRegions})
	// 8, 1 and 2 of 11: 72.727 → 72.7, 9.0909 → 9.1, 18.1818 → 18.2. In
	// tenths the floors are 727 + 90 + 181 = 998; the two missing tenths go
	// to the largest remainders, 1030 (1000 mod 11 = 10) and the bucket
	// (2000 mod 11 = 9), not Avalon (8000 mod 11 = 3). Regions under
	// MinCount 5 are flagged; the ERs without postings still show, and
	// the unspecified bucket comes last.
	checkRegions(t, p.Regions, []wantRegion{
		{"1010", 8, 72.7, ""},
		{"1030", 1, 9.1, FlagLowCount},
		{"1020", 0, 0, ""},
		{"1040", 0, 0, ""},
		{"NL-unspecified", 2, 18.2, FlagLowCount},
	})
	if !near(p.Regions[0].Share, 8.0/11) || !near(p.Regions[4].Share, 2.0/11) {
		t.Errorf("raw shares %v %v, want 8/11 and 2/11", p.Regions[0].Share, p.Regions[4].Share)
	}
	names := map[string]string{}
	for _, r := range p.Regions {
		names[r.Code] = r.Name
	}
	if names["1020"] != "South Coast--Burin Peninsula" || names["1010"] != "Avalon Peninsula" ||
		names["NL-unspecified"] != "Newfoundland and Labrador (region not specified)" {
		t.Errorf("names %v", names)
	}
}

func TestRegionsCanada(t *testing.T) {
	p := Compute(fixture(), Query{Occupation: "12111", Scope: mustScope(t, "CA"), Period: mustPeriod(t, "2025")})
	// 13 postings: NL 11, ON 1, no province 1. Tenths: 11000/13 = 846 r 2,
	// 1000/13 = 76 r 12 twice; floors sum to 998, so ON and CA-unspecified
	// (remainder 12) get the two missing tenths: 84.6 + 7.7 + 7.7.
	want := []wantRegion{{"NL", 11, 84.6, ""}, {"ON", 1, 7.7, FlagLowCount}}
	for _, p := range []string{"AB", "BC", "MB", "NB", "NS", "NT", "NU", "PE", "QC", "SK", "YT"} {
		want = append(want, wantRegion{p, 0, 0, ""})
	}
	want = append(want, wantRegion{"CA-unspecified", 1, 7.7, FlagLowCount})
	checkRegions(t, p.Regions, want)
}

func TestRegionsSingleArea(t *testing.T) {
	for _, scope := range []string{"1030", "NL-unspecified"} {
		p := Compute(fixture(), Query{Occupation: "12111", Scope: mustScope(t, scope), Period: mustPeriod(t, "2025"), MinCount: -1})
		want := map[string]int{"1030": 1, "NL-unspecified": 2}[scope]
		checkRegions(t, p.Regions, []wantRegion{{scope, want, 100, ""}})
	}
}

func TestRegionOfMisplacedRecord(t *testing.T) {
	// A record claiming NL with an Ontario ER, or no region at all, lands in
	// NL's unspecified bucket rather than in a row of its own.
	nl := mustScope(t, "NL")
	for _, region := range []string{"3530", "", "CA-unspecified", "NL-unspecified"} {
		if code, _ := regionOf(nl, &Record{Province: "NL", Region: region}); code != "NL-unspecified" {
			t.Errorf("region %q → %s, want NL-unspecified", region, code)
		}
	}
	if code, _ := regionOf(mustScope(t, "CA"), &Record{Province: "XX"}); code != "CA-unspecified" {
		t.Errorf("unknown province → %s", code)
	}
}

func TestSetPercents(t *testing.T) {
	tests := []struct {
		counts []int
		want   []float64
	}{
		{[]int{1, 1, 1}, []float64{33.4, 33.3, 33.3}}, // 333 r 1 each: the tie goes by code, "a" first
		{[]int{2, 1}, []float64{66.7, 33.3}},          // 666 r 2, 333 r 1
		{[]int{1, 0}, []float64{100, 0}},
		{[]int{1, 1, 1, 1, 1, 1}, []float64{16.7, 16.7, 16.7, 16.7, 16.6, 16.6}}, // 166 r 4 each, 4 tenths missing
		{[]int{997, 1, 1, 1}, []float64{99.7, 0.1, 0.1, 0.1}},
		// 999 r 5000 beats 0 r 1000: five places with 0.01% each show 0.0,
		// the price of a total of exactly 100.0.
		{[]int{9995, 1, 1, 1, 1, 1}, []float64{100, 0, 0, 0, 0, 0}},
	}
	for _, tt := range tests {
		rs := make([]RegionShare, len(tt.counts))
		total := 0
		for i, c := range tt.counts {
			rs[i] = RegionShare{Code: string(rune('a' + i)), Count: c}
			total += c
		}
		setPercents(rs, total)
		got := make([]float64, len(rs))
		for i := range rs {
			got[i] = rs[i].Percent
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("counts %v → %v, want %v", tt.counts, got, tt.want)
		}
	}
}
