package rank

import (
	"context"
	"reflect"
	"sort"
	"testing"
)

// The workbench's answers from cells against the same questions answered
// from every record (refSelect).

func TestTrendAgreesWithRecords(t *testing.T) {
	ctx := context.Background()
	recs := randomRecords(7, 3000)
	rd := Reader{NewMemory(recs)}
	from, _ := ParseMonth("2024-01")
	to, _ := ParseMonth("2025-12")
	for _, occ := range []string{"12111", "", "unclassified"} {
		for _, sc := range []string{"CA", "NL", "1010", "NL-unspecified"} {
			scope, _ := ParseScope(sc)
			for _, iv := range []Interval{ByMonth, ByQuarter, ByYear} {
				got, err := rd.Trend(ctx, TrendQuery{Occupation: occ, Scope: scope, Interval: iv, From: from, To: to, TopN: 3, MinCount: 5})
				if err != nil {
					t.Fatal(err)
				}
				// The skills followed: the top 3 over the whole range.
				whole := refSelect(recs, occ, scope, mustParse(t, "2024"))
				whole = append(whole, refSelect(recs, occ, scope, mustParse(t, "2025"))...)
				top := refTopSkills(whole, 3)
				var want []TrendPoint
				seen := map[string]bool{}
				for m := from; m <= to; m++ {
					l := iv.label(m)
					if seen[l] {
						continue
					}
					seen[l] = true
					sel := refSelect(recs, occ, scope, mustParse(t, l))
					pt := TrendPoint{Period: l, Postings: len(sel), Skills: []TrendSkill{}}
					if len(sel) < 5 {
						pt.Suppressed = len(sel) > 0
					} else {
						for _, id := range top {
							n := 0
							for _, r := range sel {
								for _, s := range r.Skills {
									if s.ID == id {
										n++
									}
								}
							}
							pt.Skills = append(pt.Skills, TrendSkill{ID: id, Label: "skill " + string(rune('a'+id[1]-'0')), Postings: n, Share: float64(n) / float64(len(sel))})
						}
					}
					want = append(want, pt)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s %s %v:\n got  %+v\n want %+v", occ, sc, iv, got, want)
				}
			}
		}
	}
	if _, err := rd.Trend(ctx, TrendQuery{Scope: Scope{Country, "CA"}, From: to, To: from}); err == nil {
		t.Error("a trend ending before it starts was accepted")
	}
	if _, err := rd.Trend(ctx, TrendQuery{Scope: Scope{Country, "CA"}, From: from - 200, To: to}); err == nil {
		t.Errorf("a trend of %d months was accepted", to-from+200)
	}
}

func mustParse(t *testing.T, s string) Period {
	p, err := ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// refTopSkills is the ids of the n skills most asked for, ties by label.
func refTopSkills(sel []Record, n int) []string {
	count := map[string]int{}
	label := map[string]string{}
	for _, r := range sel {
		for _, s := range r.Skills {
			count[s.ID]++
			label[s.ID] = s.Label
		}
	}
	var ids []string
	for id := range count {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if count[ids[i]] != count[ids[j]] {
			return count[ids[i]] > count[ids[j]]
		}
		return label[ids[i]] < label[ids[j]]
	})
	return ids[:min(n, len(ids))]
}

func TestEmployersAgreeWithRecords(t *testing.T) {
	ctx := context.Background()
	recs := randomRecords(9, 3000)
	rd := Reader{NewMemory(recs)}
	for _, sc := range []string{"CA", "NS", "3530"} {
		for _, per := range []string{"2024", "2025-Q1", "2024-07", "recent:40"} {
			scope, _ := ParseScope(sc)
			q := Query{Occupation: "63200", Scope: scope, Period: mustParse(t, per), MinCount: 5}
			got, err := rd.Employers(ctx, q, 3)
			if err != nil {
				t.Fatal(err)
			}
			sel := refSelect(recs, "63200", scope, q.Period)
			count := map[string]int{}
			unnamed := 0
			for _, r := range sel {
				if r.Employer == "" {
					unnamed++
				} else {
					count[r.Employer]++
				}
			}
			want := Employers{Postings: len(sel), Unnamed: unnamed, Employers: []EmployerShare{}}
			var keys []string
			for k, n := range count {
				if n >= 5 {
					keys = append(keys, k)
				} else {
					want.Other += n
				}
			}
			sort.Slice(keys, func(i, j int) bool {
				if count[keys[i]] != count[keys[j]] {
					return count[keys[i]] > count[keys[j]]
				}
				return keys[i] < keys[j]
			})
			for i, k := range keys {
				if i >= 3 {
					want.Other += count[k]
					continue
				}
				want.Employers = append(want.Employers, EmployerShare{Key: k, Postings: count[k], Share: float64(count[k]) / float64(len(sel))})
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s %s:\n got  %+v\n want %+v", sc, per, got, want)
			}
			if sum := got.Unnamed + got.Other; sum > got.Postings {
				t.Fatalf("%s %s: parts exceed the total: %+v", sc, per, got)
			}
		}
	}
	if _, err := rd.Employers(ctx, Query{Scope: Scope{Country, "CA"}, Period: mustParse(t, "2024")}, 0); err == nil {
		t.Error("employers of every occupation at once were answered (the cells do not hold them)")
	}
}

func TestCompareAgreesWithRecords(t *testing.T) {
	ctx := context.Background()
	recs := randomRecords(11, 3000)
	rd := Reader{NewMemory(recs)}
	var scopes []Scope
	for _, sc := range []string{"NL", "NS", "ON", "1010", "CA-unspecified"} {
		s, _ := ParseScope(sc)
		scopes = append(scopes, s)
	}
	q := Query{Occupation: "12111", Period: mustParse(t, "2025"), TopN: 4, MinCount: 5}
	got, err := rd.Compare(ctx, q, scopes)
	if err != nil {
		t.Fatal(err)
	}
	for i, sc := range scopes {
		sel := refSelect(recs, "12111", sc, q.Period)
		all := refSelect(recs, "", sc, q.Period)
		g := got[i]
		if g.Code != sc.Code || g.Postings != len(sel) || g.AllPostings != len(all) {
			t.Fatalf("%s: %+v, want %d of %d postings", sc.Code, g, len(sel), len(all))
		}
		if len(sel) >= 5 {
			if want := float64(len(sel)) / float64(len(all)); g.Share != want {
				t.Errorf("%s: share %v, want %v", sc.Code, g.Share, want)
			}
			top := refTopSkills(sel, 4)
			if len(g.TopSkills) != len(top) {
				t.Fatalf("%s: top skills %+v, want %v", sc.Code, g.TopSkills, top)
			}
			for j, id := range top {
				if g.TopSkills[j].ID != id {
					t.Errorf("%s: top skill %d is %s, want %s", sc.Code, j, g.TopSkills[j].ID, id)
				}
			}
		} else if g.Share != 0 || len(g.TopSkills) != 0 {
			t.Errorf("%s: %d postings not suppressed: %+v", sc.Code, len(sel), g)
		}
	}
	if _, err := rd.Compare(ctx, Query{Period: mustParse(t, "recent:5")}, scopes); err == nil {
		t.Error("compare over recent:N was accepted")
	}
}
