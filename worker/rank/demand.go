package rank

import (
	"cmp"
	"slices"
)

// OccupationSummary is one occupation's unique posting count.
type OccupationSummary struct {
	Code     string `json:"code"`
	Postings int    `json:"postings"`
}

// Occupations counts unique postings per occupation in q's scope and
// period (only q.Occupation when set), most postings first, then by code.
// For recent:N each occupation counts its own N most recent postings, as
// its profile would.
func Occupations(records []Record, q Query) []OccupationSummary {
	keep := unique(records)
	counts := map[string]int{}
	for i := range records {
		r := &records[i]
		if !keep[i] || (q.Occupation != "" && r.Occupation != q.Occupation) || !q.Scope.Contains(r) || !q.Period.Contains(r.PostedAt) {
			continue
		}
		counts[r.Occupation]++
	}
	out := make([]OccupationSummary, 0, len(counts))
	for code, n := range counts {
		if q.Period.Kind == Recent {
			n = max(0, min(q.Period.N, n-q.Period.Skip))
		}
		if n > 0 {
			out = append(out, OccupationSummary{Code: code, Postings: n})
		}
	}
	slices.SortFunc(out, func(a, b OccupationSummary) int {
		if c := cmp.Compare(b.Postings, a.Postings); c != 0 {
			return c
		}
		return cmp.Compare(a.Code, b.Code)
	})
	return out
}

// maxDemandOccupations bounds Demand.ByOccupation.
const maxDemandOccupations = 20

// Demand is how much one skill is asked for in a scope and period.
type Demand struct {
	SkillID      string        `json:"skill_id"`
	Label        string        `json:"label"`
	Type         string        `json:"type"`
	Scope        Scope         `json:"scope"`
	Period       Period        `json:"period"`
	Postings     int           `json:"postings"`      // unique postings asking for the skill
	AllPostings  int           `json:"all_postings"`  // unique postings in scope and period
	Share        float64       `json:"share"`         // Postings ÷ AllPostings
	ByOccupation []DemandShare `json:"by_occupation"` // the 20 occupations with most postings asking for it
	ByRegion     []DemandShare `json:"by_region"`     // every place with postings, as in a profile breakdown
}

// DemandShare is the skill's demand within one occupation or place.
type DemandShare struct {
	Code     string  `json:"code"`
	Name     string  `json:"name,omitempty"`
	Postings int     `json:"postings"` // postings there asking for the skill
	Share    float64 `json:"share"`    // of all postings there
	OfSkill  float64 `json:"of_skill"` // of all postings asking for the skill
}

// SkillDemand measures one skill across all occupations in scope and
// period (recent:N meaning the N most recent postings in scope). No
// suppression is applied: callers showing small counts publicly should
// hide rows under their threshold.
func SkillDemand(records []Record, skillID string, scope Scope, period Period) Demand {
	keep := unique(records)
	sel, _ := windows(records, keep, "", scope, period)
	d := Demand{SkillID: skillID, Scope: scope, Period: period, AllPostings: len(sel),
		ByOccupation: []DemandShare{}, ByRegion: []DemandShare{}}
	type group struct {
		name     string
		all, hit int
	}
	occ, reg := map[string]*group{}, map[string]*group{}
	bump := func(m map[string]*group, code, name string, asks bool) {
		g := m[code]
		if g == nil {
			g = &group{}
			m[code] = g
		}
		g.name = smallestNonEmpty(g.name, name)
		g.all++
		if asks {
			g.hit++
		}
	}
	for _, i := range sel {
		r := &records[i]
		asks := false
		for _, s := range r.Skills {
			if s.ID == skillID {
				asks = true
				d.Label, d.Type = smallestNonEmpty(d.Label, s.Label), smallestNonEmpty(d.Type, s.Type)
				break
			}
		}
		if asks {
			d.Postings++
		}
		bump(occ, r.Occupation, "", asks)
		code, name := regionOf(scope, r)
		bump(reg, code, name, asks)
	}
	if d.AllPostings > 0 {
		d.Share = float64(d.Postings) / float64(d.AllPostings)
	}
	rows := func(m map[string]*group, withoutHits bool) []DemandShare {
		out := []DemandShare{}
		for code, g := range m {
			if g.hit == 0 && !withoutHits {
				continue
			}
			ds := DemandShare{Code: code, Name: g.name, Postings: g.hit, Share: float64(g.hit) / float64(g.all)}
			if d.Postings > 0 {
				ds.OfSkill = float64(g.hit) / float64(d.Postings)
			}
			out = append(out, ds)
		}
		slices.SortFunc(out, func(a, b DemandShare) int {
			if c := cmp.Compare(b.Postings, a.Postings); c != 0 {
				return c
			}
			if c := cmp.Compare(b.Share, a.Share); c != 0 {
				return c
			}
			return cmp.Compare(a.Code, b.Code)
		})
		return out
	}
	d.ByOccupation = rows(occ, false)
	d.ByOccupation = d.ByOccupation[:min(maxDemandOccupations, len(d.ByOccupation))]
	d.ByRegion = rows(reg, true)
	return d
}
