package rank

import "sort"

// OccupationSummary is one occupation's unique posting count.
type OccupationSummary struct {
	Code     string `json:"code"`
	Postings int    `json:"postings"`
}

// Occupations counts unique postings per occupation in q's scope and
// period, most postings first.
func Occupations(records []Record, q Query) []OccupationSummary {
	counts := map[string]int{}
	if q.Period.Kind == Recent {
		// "The N most recent" is per occupation: select each one's window.
		seen := map[string]bool{}
		for _, r := range records {
			if !r.Duplicate && !seen[r.Occupation] {
				seen[r.Occupation] = true
				counts[r.Occupation] = len(selectRecords(records, r.Occupation, q.Scope, q.Period))
			}
		}
	} else {
		for _, r := range selectRecords(records, "", q.Scope, q.Period) {
			counts[r.Occupation]++
		}
	}
	out := make([]OccupationSummary, 0, len(counts))
	for code, n := range counts {
		if n > 0 {
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

// SkillDemand measures one skill in scope and period.
func SkillDemand(records []Record, skillID string, scope Scope, period Period) Demand {
	d := Demand{SkillID: skillID, Scope: scope.Code, Period: period.String(), ByOccupation: []DemandShare{}, ByRegion: []DemandShare{}}
	sel := selectRecords(records, "", scope, period)
	d.AllPostings = len(sel)
	occAll, occHit := map[string]int{}, map[string]int{}
	regAll, regHit, regName := map[string]int{}, map[string]int{}, map[string]string{}
	for _, r := range sel {
		occAll[r.Occupation]++
		regAll[r.Region]++
		regName[r.Region] = r.RegionName
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
	d.ByOccupation = shares(occHit, occAll, nil, 20)
	d.ByRegion = shares(regHit, regAll, regName, 0)
	return d
}

func shares(hit, all map[string]int, names map[string]string, limit int) []DemandShare {
	out := []DemandShare{}
	for code, n := range hit {
		out = append(out, DemandShare{Code: code, Name: names[code], Postings: n, Share: float64(n) / float64(all[code])})
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
