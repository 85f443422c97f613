package rank

import (
	"cmp"
	"slices"
	"time"
)

// Defaults applied by Compute to a zero Query.
const (
	DefaultTopN     = 10
	DefaultMinCount = 5
)

// RegionRef names one place a breakdown may list even without postings.
type RegionRef struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Query selects what to profile.
type Query struct {
	Occupation string // NOC 2021 unit group; "" = all occupations
	Scope      Scope
	Period     Period
	TopN       int // skills to list; 0 means DefaultTopN
	// MinCount is the suppression threshold: 0 means DefaultMinCount, a
	// negative value turns suppression and low-count flags off.
	MinCount int
	// KnownRegions lists every economic region of a province, keyed by
	// province code ("NL"), so a province breakdown can show regions
	// without postings ("Labrador 0%"); its names also win over the
	// records' RegionName. Provinces themselves are built in.
	KnownRegions map[string][]RegionRef
}

// Profile is one occupation (or all occupations) in one scope and period.
// When Suppressed, only the counts (Postings, From, To, Trend) are given:
// regions, skills and wages of fewer than MinCount postings could point at
// a single employer, and are too noisy to read anyway.
type Profile struct {
	Occupation  string        `json:"occupation"` // "" for all occupations
	Scope       Scope         `json:"scope"`
	Period      Period        `json:"period"`
	Postings    int           `json:"postings"`      // unique postings counted
	From        time.Time     `json:"from,omitzero"` // earliest posting counted
	To          time.Time     `json:"to,omitzero"`   // latest posting counted
	Regions     []RegionShare `json:"regions"`       // shares sum to 100.0
	TopSkills   []SkillShare  `json:"top_skills"`    // most postings first
	Distinctive []SkillShare  `json:"distinctive_skills"`
	Wages       *WageStats    `json:"wages,omitempty"` // nil without (enough) stated wages
	Trend       Trend         `json:"trend"`
	Flags       []string      `json:"flags"`
	Suppressed  bool          `json:"suppressed"`
	MinCount    int           `json:"min_count"` // threshold applied, 0 when off
}

// Trend compares the posting count with the previous period.
type Trend struct {
	PreviousPeriod   Period    `json:"previous_period"`
	PreviousPostings int       `json:"previous_postings"`
	PreviousFrom     time.Time `json:"previous_from,omitzero"`
	PreviousTo       time.Time `json:"previous_to,omitzero"`
	// ChangePct is (postings − previous) ÷ previous × 100, rounded to one
	// decimal; nil when the previous period had no postings.
	ChangePct *float64 `json:"change_pct"`
}

func (q Query) normalized() Query {
	if q.TopN <= 0 {
		q.TopN = DefaultTopN
	}
	switch {
	case q.MinCount == 0:
		q.MinCount = DefaultMinCount
	case q.MinCount < 0:
		q.MinCount = 0
	}
	return q
}

// Compute builds the profile for q. Records may come in any order; reposts
// and repeated keys count once. The result depends only on the records and
// q, never on their order.
func Compute(records []Record, q Query) Profile {
	q = q.normalized()
	keep := unique(records)
	cur, prev := windows(records, keep, q.Occupation, q.Scope, q.Period)
	p := Profile{
		Occupation: q.Occupation, Scope: q.Scope, Period: q.Period, Postings: len(cur), MinCount: q.MinCount,
		Regions: []RegionShare{}, TopSkills: []SkillShare{}, Distinctive: []SkillShare{}, Flags: []string{},
	}
	p.From, p.To = span(records, cur)
	p.Trend = Trend{PreviousPeriod: q.Period.Previous(), PreviousPostings: len(prev)}
	p.Trend.PreviousFrom, p.Trend.PreviousTo = span(records, prev)
	if len(prev) > 0 {
		c := round1(float64(len(cur)-len(prev)) * 100 / float64(len(prev)))
		p.Trend.ChangePct = &c
	}
	if p.Postings < 2*q.MinCount {
		p.Flags = append(p.Flags, FlagLowCount)
	}
	if p.Postings < q.MinCount {
		p.Suppressed = true
		return p
	}
	if p.Postings == 0 {
		return p
	}
	p.Regions = regionShares(records, cur, q)
	asked := countSkills(records, cur)
	prevPostings := countPrevious(records, prev, asked)
	allPostings := 0 // a profile of all occupations is its own baseline
	if q.Occupation != "" {
		allPostings = countBaseline(records, keep, q, p.From, p.To, asked)
	}
	p.TopSkills, p.Distinctive = skillShares(asked, len(cur), prevPostings, allPostings, q.TopN)
	wages, n := wageStats(records, cur)
	if n > 0 && n < q.MinCount {
		p.Flags = append(p.Flags, FlagFewWages)
	} else {
		p.Wages = wages
	}
	return p
}

// windows returns the indices of the counted records of occupation ("" =
// all) in scope for period and for the period before it.
func windows(records []Record, keep []bool, occupation string, scope Scope, period Period) (cur, prev []int) {
	if period.Kind == Recent {
		ranked := newestFirst(records, keep, occupation, scope)
		return slice(ranked, period.Skip, period.N), slice(ranked, period.Skip+period.N, period.N)
	}
	before := period.Previous()
	for i := range records {
		r := &records[i]
		if !keep[i] || (occupation != "" && r.Occupation != occupation) || !scope.Contains(r) {
			continue
		}
		switch {
		case period.Contains(r.PostedAt):
			cur = append(cur, i)
		case before.Contains(r.PostedAt):
			prev = append(prev, i)
		}
	}
	return cur, prev
}

// newestFirst ranks the counted records of occupation in scope, newest
// first; equal times fall back to the key so the ranking never depends on
// input order.
func newestFirst(records []Record, keep []bool, occupation string, scope Scope) []int {
	var idx []int
	for i := range records {
		r := &records[i]
		if keep[i] && (occupation == "" || r.Occupation == occupation) && scope.Contains(r) {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := records[b].PostedAt.Compare(records[a].PostedAt); c != 0 {
			return c
		}
		if c := cmp.Compare(records[a].Key, records[b].Key); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return idx
}

func slice(idx []int, skip, n int) []int {
	if skip >= len(idx) {
		return nil
	}
	return idx[skip:min(len(idx), skip+n)]
}

func span(records []Record, idx []int) (from, to time.Time) {
	for k, i := range idx {
		t := records[i].PostedAt
		if k == 0 || t.Before(from) {
			from = t
		}
		if k == 0 || t.After(to) {
			to = t
		}
	}
	return from, to
}
