package rank

import (
	"context"
	"sort"
)

// OccupationSummary is one occupation's unique posting count.
type OccupationSummary struct {
	Code     string `json:"code"`
	Postings int    `json:"postings"`
}

// Occupations counts unique postings per occupation of records in q's
// scope and period, most postings first.
func Occupations(records []Record, q Query) []OccupationSummary {
	out, _ := Reader{NewMemory(records)}.Occupations(context.Background(), q)
	return out
}

func summaries(counts map[string]int) []OccupationSummary {
	out := make([]OccupationSummary, 0, len(counts))
	for code, n := range counts {
		if n > 0 && code != AllOccupations {
			out = append(out, OccupationSummary{Code: code, Postings: n})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Postings != out[j].Postings {
			return out[i].Postings > out[j].Postings
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// Demand is the demand for one skill across occupations and regions.
type Demand struct {
	SkillID      string        `json:"skill_id"`
	Label        string        `json:"label"`
	Type         string        `json:"type"`
	Scope        string        `json:"scope"`
	Period       string        `json:"period"`
	Postings     int           `json:"postings"`      // unique postings asking for the skill
	Share        float64       `json:"share"`         // of all unique postings in scope and period
	AllPostings  int           `json:"all_postings"`  // unique postings in scope and period
	ByOccupation []DemandShare `json:"by_occupation"` // top 20
	ByRegion     []DemandShare `json:"by_region"`
}

// DemandShare is the skill's demand within one occupation or region.
type DemandShare struct {
	Code     string  `json:"code"`
	Name     string  `json:"name,omitempty"`
	Postings int     `json:"postings"` // postings asking for the skill
	Share    float64 `json:"share"`    // of that occupation's or region's postings
}

// SkillDemand measures one skill over records in scope and period.
func SkillDemand(records []Record, skillID string, scope Scope, period Period) Demand {
	d, _, _ := Reader{NewMemory(records)}.SkillDemand(context.Background(), skillID, scope, period)
	return d
}

// demandOf measures one skill over already selected unique postings.
func demandOf(sel []Record, skillID string, scope Scope, period Period) Demand {
	d := Demand{SkillID: skillID, Scope: scope.Code, Period: period.String(), ByOccupation: []DemandShare{}, ByRegion: []DemandShare{}}
	d.AllPostings = len(sel)
	occAll, occHit := map[string]int{}, map[string]int{}
	regAll, regHit := map[string]int{}, map[string]int{}
	for _, r := range sel {
		occAll[r.Occupation]++
		regAll[r.Region]++
		for _, s := range r.Skills {
			if s.ID == skillID {
				d.Label, d.Type = s.Label, s.Type
				d.Postings++
				occHit[r.Occupation]++
				regHit[r.Region]++
				break
			}
		}
	}
	if d.AllPostings > 0 {
		d.Share = float64(d.Postings) / float64(d.AllPostings)
	}
	d.ByOccupation = Shares(occHit, occAll, 20)
	d.ByRegion = Shares(regHit, regAll, 0)
	return d
}

// Shares is each code's hits as a share of its postings, most hits first,
// the first limit of them (all when limit is 0).
func Shares(hit, all map[string]int, limit int) []DemandShare {
	out := []DemandShare{}
	for code, n := range hit {
		if n <= 0 || all[code] <= 0 {
			continue
		}
		out = append(out, DemandShare{Code: code, Postings: n, Share: float64(n) / float64(all[code])})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Postings != out[j].Postings {
			return out[i].Postings > out[j].Postings
		}
		return out[i].Code < out[j].Code
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
