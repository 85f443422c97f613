// Package rank computes occupation profiles from analyzed postings: unique
// posting counts per NOC 2021 unit group × region × period, regional
// shares that sum to exactly 100% (the unspecified bucket included), the
// most frequently sought skills with their change since the previous
// period, distinctive skills, wages, trends and small-count suppression.
//
// It is pure Go and the single implementation behind the local store, the
// JSON API, the CLI table and the Elasticsearch aggregates job, so every
// surface shows the same numbers for the same records.
package rank

import "time"

// Record is what rankings need of one analyzed posting; it is the contract
// between the stores and this package.
type Record struct {
	Key        string    `json:"key"`                   // source:id, unique per posting
	Occupation string    `json:"occupation"`            // NOC 2021 unit group "12111" or "unclassified"
	Province   string    `json:"province,omitempty"`    // "NL", or "" when unknown
	Region     string    `json:"region"`                // ER code "1010", "NL-unspecified" or "CA-unspecified"
	RegionName string    `json:"region_name,omitempty"` // "Avalon Peninsula", for display
	PostedAt   time.Time `json:"posted_at"`
	Skills     []Skill   `json:"skills,omitempty"`    // unique per record; counted (non-boilerplate) skills only
	WageLow    float64   `json:"wage_low,omitempty"`  // hourly CAD, 0 when unknown
	WageHigh   float64   `json:"wage_high,omitempty"` // hourly CAD, 0 when unknown
	Duplicate  bool      `json:"duplicate,omitempty"` // a repost of another record: excluded from every count
}

// Skill is one skill a posting asks for.
type Skill struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	Type     string `json:"type"`
	Required bool   `json:"required"`
}

// FlagLowCount marks a profile with fewer than 2×MinCount postings, or a
// region with fewer than MinCount (but some) postings.
const FlagLowCount = "low_count"

// FlagFewWages marks a profile whose wage statistics were withheld because
// fewer than MinCount postings state a wage.
const FlagFewWages = "few_wages"

// unique returns, for each record, whether it counts: not a repost, and
// the one kept when several records share a Key (the most recently posted,
// then the first given). Keys are meant to be unique, but a store that
// re-ingests a posting must not make it count twice.
func unique(records []Record) []bool {
	keep := make([]bool, len(records))
	byKey := make(map[string]int, len(records))
	for i := range records {
		r := &records[i]
		if r.Duplicate {
			continue
		}
		if r.Key == "" {
			keep[i] = true
			continue
		}
		j, seen := byKey[r.Key]
		if !seen {
			byKey[r.Key] = i
			keep[i] = true
			continue
		}
		if r.PostedAt.After(records[j].PostedAt) {
			keep[j], keep[i] = false, true
			byKey[r.Key] = i
		}
	}
	return keep
}
