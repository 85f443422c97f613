package rank

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

var propRegions = map[string][]RegionRef{
	"CA": {{"NL", "Newfoundland and Labrador"}, {"NS", "Nova Scotia"}, {"ON", "Ontario"}},
	"NL": {{"1010", "Avalon Peninsula"}, {"1020", "South Coast--Burin Peninsula"}},
	"NS": {{"1210", "Cape Breton"}},
	"ON": {{"3530", "Toronto"}, {"3560", "Ottawa"}},
}

// randomRecords makes postings over three occupations, three provinces
// (with economic regions, unspecified buckets and Canada-unspecified), two
// years, overlapping skills, cent wages and some reposts.
func randomRecords(seed uint64, n int) []Record {
	rng := rand.New(rand.NewPCG(seed, 1))
	places := [][2]string{{"NL", "1010"}, {"NL", "1020"}, {"NL", "NL-unspecified"}, {"NS", "1210"}, {"NS", "NS-unspecified"},
		{"ON", "3530"}, {"ON", "3560"}, {"", "CA-unspecified"}}
	skills := make([]Skill, 9)
	for i := range skills {
		skills[i] = Skill{ID: fmt.Sprintf("s%d", i), Label: fmt.Sprintf("skill %c", 'a'+i), Type: "skill"}
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	recs := make([]Record, n)
	for i := range recs {
		pl := places[rng.IntN(len(places))]
		r := Record{Key: fmt.Sprintf("k%04d", i), Occupation: []string{"12111", "63200", "unclassified"}[rng.IntN(3)],
			Province: pl[0], Region: pl[1], PostedAt: start.Add(time.Duration(rng.IntN(730*24)) * time.Hour),
			Duplicate: rng.IntN(8) == 0, LowConfidence: rng.IntN(5) == 0}
		if e := rng.IntN(6); e > 0 {
			r.Employer = fmt.Sprintf("employer %d", e)
			r.EmployerName = fmt.Sprintf("Employer %d", e)
		}
		for _, s := range skills {
			// Skewed by occupation so distinctiveness has something to find.
			if rng.IntN(4) == 0 || (r.Occupation == "12111" && s.ID < "s3" && rng.IntN(2) == 0) {
				s.Required = rng.IntN(2) == 0
				r.Skills = append(r.Skills, s)
			}
		}
		if rng.IntN(2) == 0 {
			r.WageHigh = float64(2000+rng.IntN(3000)) / 100
			if rng.IntN(3) > 0 {
				r.WageLow = r.WageHigh - float64(rng.IntN(800))/100
			}
		}
		recs[i] = r
	}
	return recs
}

// forCompare strips what the reference computes differently by design:
// region names (cells name places from the known list), posting times
// (cells keep days) and wage rounding (cells count whole cents).
func forCompare(t *testing.T, p Profile) (Profile, *WageStats) {
	t.Helper()
	w := p.Wages
	p.Wages = nil
	for i := range p.Regions {
		p.Regions[i].Name = ""
	}
	day := func(x *time.Time) *time.Time {
		if x == nil {
			return nil
		}
		d := x.UTC().Truncate(24 * time.Hour)
		return &d
	}
	p.From, p.To = day(p.From), day(p.To)
	return p, w
}

func TestCellsAgreeWithReference(t *testing.T) {
	ctx := context.Background()
	for seed := uint64(1); seed <= 4; seed++ {
		recs := randomRecords(seed, 400)
		rd := Reader{NewMemory(recs)}
		for _, occ := range []string{"12111", "63200", "", "00000"} {
			for _, sc := range []string{"CA", "NL", "ON", "1010", "NL-unspecified", "CA-unspecified", "3560"} {
				for _, per := range []string{"2025", "2024", "2025-Q2", "2024-Q1", "2025-03", "recent:5", "recent:60"} {
					q := mustQuery(t, occ, sc, per, 3)
					q.KnownRegions = propRegions
					want, ww := forCompare(t, refCompute(recs, q))
					got0, err := rd.Profile(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					got, gw := forCompare(t, got0)
					if !reflect.DeepEqual(got, want) {
						wj, _ := json.Marshal(want)
						gj, _ := json.Marshal(got)
						t.Fatalf("seed %d %s %s %s:\n cells     %s\n reference %s", seed, occ, sc, per, gj, wj)
					}
					if (ww == nil) != (gw == nil) || ww != nil && (ww.Count != gw.Count ||
						math.Abs(ww.Low-gw.Low) > 0.011 || math.Abs(ww.High-gw.High) > 0.011 || math.Abs(ww.Median-gw.Median) > 0.011) {
						t.Fatalf("seed %d %s %s %s: wages %+v, reference %+v", seed, occ, sc, per, gw, ww)
					}
				}
			}
		}
		for _, sc := range []string{"CA", "NL", "1010", "CA-unspecified"} {
			for _, per := range []string{"2025", "2024-Q3", "recent:40"} {
				q := mustQuery(t, "", sc, per, 0)
				if got, want := summaries(mustOcc(t, rd, q)), refOccupations(recs, q); !reflect.DeepEqual(got, want) {
					t.Errorf("seed %d occupations %s %s = %v, reference %v", seed, sc, per, got, want)
				}
				for _, skill := range []string{"s0", "s5", "nope"} {
					got, known, err := rd.SkillDemand(ctx, skill, q.Scope, q.Period)
					if err != nil {
						t.Fatal(err)
					}
					want := refSkillDemand(recs, skill, q.Scope, q.Period)
					for i := range want.ByRegion {
						want.ByRegion[i].Name = ""
					}
					if !reflect.DeepEqual(got, want) || known != (skill != "nope") {
						t.Errorf("seed %d demand %s %s %s (known %v):\n cells     %+v\n reference %+v", seed, skill, sc, per, known, got, want)
					}
				}
			}
		}
	}
}

func mustOcc(t *testing.T, rd Reader, q Query) map[string]int {
	t.Helper()
	list, err := rd.Occupations(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]int{}
	for _, o := range list {
		m[o.Code] = o.Postings
	}
	return m
}

// A posting re-analyzed as a repost, or replayed unchanged, must leave the
// cells exactly as if it had arrived that way once.
func TestDiffCorrectsAndReplaysCountOnce(t *testing.T) {
	recs := randomRecords(9, 200)
	applied := map[CellKey]*Cell{}
	for i := range recs {
		Diff(nil, &recs[i], applied)
	}
	final := append([]Record(nil), recs...)
	for i := range final {
		old := final[i]
		switch i % 3 {
		case 0: // replayed unchanged
			Diff(&old, &final[i], applied)
		case 1: // found to be a repost later
			final[i].Duplicate = true
			Diff(&old, &final[i], applied)
		}
	}
	want := map[CellKey]*Cell{}
	for i := range final {
		Diff(nil, &final[i], want)
	}
	for k, c := range applied {
		if c.Empty() {
			delete(applied, k)
		}
	}
	if len(applied) != len(want) {
		t.Fatalf("%d cells after corrections, %d counted fresh", len(applied), len(want))
	}
	for k, c := range want {
		if !reflect.DeepEqual(applied[k], c) {
			t.Fatalf("cell %s: corrected %+v, fresh %+v", k.ID(), applied[k], c)
		}
	}
}

func TestCellCodecRoundTrip(t *testing.T) {
	cells := map[CellKey]*Cell{}
	recs := randomRecords(3, 300)
	for i := range recs {
		Diff(nil, &recs[i], cells)
	}
	for k, c := range cells {
		b := AppendCell(nil, c)
		got, err := DecodeCell(b)
		if err != nil {
			t.Fatalf("%s: %v", k.ID(), err)
		}
		if !reflect.DeepEqual(got, c) {
			t.Fatalf("%s: decoded %+v, encoded %+v", k.ID(), got, c)
		}
		if n, _ := CellPostings(b); n != c.Postings {
			t.Fatalf("%s: CellPostings %d, want %d", k.ID(), n, c.Postings)
		}
		if string(AppendCell(nil, got)) != string(b) {
			t.Fatalf("%s: encoding is not deterministic", k.ID())
		}
	}
}

func FuzzDecodeCell(f *testing.F) {
	c := NewCell()
	c.Add(randomRecords(1, 1)[0], "12111", "CA", 1)
	f.Add(AppendCell(nil, c))
	f.Add([]byte{1, 0, 200})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := DecodeCell(b)
		if err != nil {
			return
		}
		// Whatever decodes survives a round trip unchanged.
		again, err := DecodeCell(AppendCell(nil, c))
		if err != nil || !reflect.DeepEqual(again, c) {
			t.Fatalf("round trip of a decoded cell: %v, %+v vs %+v", err, again, c)
		}
	})
}
