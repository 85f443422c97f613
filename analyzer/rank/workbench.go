package rank

import (
	"context"
	"fmt"
	"sort"
)

// The analyst's questions beyond one profile: a series of periods, the
// employers of an occupation, several regions side by side. Each reads a
// bounded set of cells (months × scopes), never the postings.

// Interval is the length of a trend's periods.
type Interval int

// Intervals.
const (
	ByMonth Interval = iota
	ByQuarter
	ByYear
)

// ParseInterval reads month, quarter or year ("" is month).
func ParseInterval(s string) (Interval, error) {
	switch s {
	case "", "month":
		return ByMonth, nil
	case "quarter":
		return ByQuarter, nil
	case "year":
		return ByYear, nil
	}
	return 0, fmt.Errorf("%q is not month, quarter or year", s)
}

// label names the period of interval holding month m.
func (iv Interval) label(m Month) string {
	switch iv {
	case ByQuarter:
		return fmt.Sprintf("%d-Q%d", m.Year(), (m.Mon()-1)/3+1)
	case ByYear:
		return fmt.Sprintf("%d", m.Year())
	}
	return m.String()
}

// MaxTrendMonths bounds a trend's range: ten years of monthly cells.
const MaxTrendMonths = 120

// TrendQuery selects a trend: occupation (AllOccupations for all) in scope,
// months From to To inclusive, grouped by Interval.
type TrendQuery struct {
	Occupation string
	Scope      Scope
	Interval   Interval
	From, To   Month
	TopN       int // skills followed, default 5
	MinCount   int
}

// TrendPoint is one period of a trend. Skills are the same TopN skills
// (the most asked for over the whole range) in every point, so each can
// be drawn as a line; a point below MinCount postings has none.
type TrendPoint struct {
	Period     string       `json:"period"`
	Postings   int          `json:"postings"`
	Skills     []TrendSkill `json:"skills"`
	Suppressed bool         `json:"suppressed,omitempty"`
}

// TrendSkill is one skill's share of a period's postings.
type TrendSkill struct {
	ID       string  `json:"id"`
	Label    string  `json:"label"`
	Postings int     `json:"postings"`
	Share    float64 `json:"share"`
}

// Trend reads the monthly cells of the range.
func (rd Reader) Trend(ctx context.Context, q TrendQuery) ([]TrendPoint, error) {
	if q.To < q.From || int(q.To-q.From) >= MaxTrendMonths {
		return nil, fmt.Errorf("trend from %s to %s: want 1 to %d months", q.From, q.To, MaxTrendMonths)
	}
	if q.TopN <= 0 {
		q.TopN = 5
	}
	occ := q.Occupation
	if occ == "" {
		occ = AllOccupations
	}
	var months []Month
	for m := q.From; m <= q.To; m++ {
		months = append(months, m)
	}
	keys := keysFor(occ, q.Scope.Code, months)
	cells, err := rd.Store.Cells(ctx, keys)
	if err != nil {
		return nil, fmt.Errorf("trend cells: %w", err)
	}
	var order []string
	byPeriod := map[string]*Cell{}
	for _, k := range keys {
		l := q.Interval.label(k.Month)
		if byPeriod[l] == nil {
			byPeriod[l] = NewCell()
			order = append(order, l)
		}
		byPeriod[l].Merge(cells[k])
	}
	total := sumCells(cells, keys)
	top, _ := skillShares(total, NewCell(), NewCell(), q.TopN)
	out := make([]TrendPoint, 0, len(order))
	for _, l := range order {
		c := byPeriod[l]
		pt := TrendPoint{Period: l, Postings: c.Postings, Skills: []TrendSkill{}}
		if c.Postings < max(q.MinCount, 1) {
			pt.Suppressed = c.Postings > 0
			out = append(out, pt)
			continue
		}
		for _, s := range top {
			n := c.Skills[s.ID].N
			pt.Skills = append(pt.Skills, TrendSkill{ID: s.ID, Label: s.Label, Postings: n, Share: float64(n) / float64(c.Postings)})
		}
		out = append(out, pt)
	}
	return out, nil
}

// EmployerShare is one employer's postings in an occupation.
type EmployerShare struct {
	Key      string  `json:"key"`
	Postings int     `json:"postings"`
	Share    float64 `json:"share"` // of the occupation's postings in scope and period
}

// Employers is the employer breakdown of an occupation.
type Employers struct {
	Postings int `json:"postings"` // unique postings of the occupation
	// Unnamed postings name no employer; Other sums employers below
	// MinCount postings each, folded together so no small one shows.
	Unnamed   int             `json:"unnamed"`
	Other     int             `json:"other"`
	Employers []EmployerShare `json:"employers"`
}

// Employers counts q's occupation's postings by employer, most first, at
// most limit employers (0: all at or above MinCount).
func (rd Reader) Employers(ctx context.Context, q Query, limit int) (Employers, error) {
	q.defaults()
	if q.Occupation == "" || q.Occupation == AllOccupations {
		return Employers{}, fmt.Errorf("employers: one occupation at a time")
	}
	var cur *Cell
	if q.Period.Kind == Recent {
		if q.Period.N > MaxRecent {
			return Employers{}, fmt.Errorf("recent:%d: at most %d", q.Period.N, MaxRecent)
		}
		recs, err := rd.Store.Recent(ctx, q.Occupation, q.Scope, q.Period.N)
		if err != nil {
			return Employers{}, fmt.Errorf("recent postings: %w", err)
		}
		cur = CellsOf(recs, q.Occupation, q.Scope.Code)
	} else {
		keys := keysFor(q.Occupation, q.Scope.Code, q.Period.Months())
		cells, err := rd.Store.Cells(ctx, keys)
		if err != nil {
			return Employers{}, fmt.Errorf("read cells: %w", err)
		}
		cur = sumCells(cells, keys)
	}
	out := Employers{Postings: cur.Postings, Unnamed: cur.Postings, Employers: []EmployerShare{}}
	for k, n := range cur.Employers {
		out.Unnamed -= n
		if n < max(q.MinCount, 1) {
			out.Other += n
			continue
		}
		out.Employers = append(out.Employers, EmployerShare{Key: k, Postings: n, Share: float64(n) / float64(cur.Postings)})
	}
	sort.Slice(out.Employers, func(i, j int) bool {
		a, b := out.Employers[i], out.Employers[j]
		if a.Postings != b.Postings {
			return a.Postings > b.Postings
		}
		return a.Key < b.Key
	})
	if limit > 0 && len(out.Employers) > limit {
		for _, e := range out.Employers[limit:] {
			out.Other += e.Postings
		}
		out.Employers = out.Employers[:limit]
	}
	return out, nil
}

// RegionComparison is one region of a comparison.
type RegionComparison struct {
	Code     string `json:"code"`
	Postings int    `json:"postings"` // the occupation's unique postings there
	// AllPostings is every occupation's postings there, Share the
	// occupation's part of them.
	AllPostings int          `json:"all_postings"`
	Share       float64      `json:"share"`
	TopSkills   []SkillShare `json:"top_skills"`
	Suppressed  bool         `json:"suppressed"`
}

// MaxCompare bounds how many regions one comparison reads.
const MaxCompare = 20

// Compare profiles q's occupation in each scope over q's calendar period.
func (rd Reader) Compare(ctx context.Context, q Query, scopes []Scope) ([]RegionComparison, error) {
	q.defaults()
	if q.Period.Kind == Recent {
		return nil, fmt.Errorf("compare: a calendar period, not %s", q.Period)
	}
	if len(scopes) == 0 || len(scopes) > MaxCompare {
		return nil, fmt.Errorf("compare: 1 to %d regions", MaxCompare)
	}
	occ := q.Occupation
	if occ == "" {
		occ = AllOccupations
	}
	months := q.Period.Months()
	var keys []CellKey
	for _, sc := range scopes {
		keys = append(keys, keysFor(occ, sc.Code, months)...)
		keys = append(keys, keysFor(AllOccupations, sc.Code, months)...)
	}
	cells, err := rd.Store.Cells(ctx, keys)
	if err != nil {
		return nil, fmt.Errorf("compare cells: %w", err)
	}
	out := make([]RegionComparison, 0, len(scopes))
	for _, sc := range scopes {
		cur := sumCells(cells, keysFor(occ, sc.Code, months))
		all := sumCells(cells, keysFor(AllOccupations, sc.Code, months))
		rc := RegionComparison{Code: sc.Code, Postings: cur.Postings, AllPostings: all.Postings, TopSkills: []SkillShare{}}
		if all.Postings > 0 {
			rc.Share = float64(cur.Postings) / float64(all.Postings)
		}
		if cur.Postings < max(q.MinCount, 1) {
			rc.Suppressed = cur.Postings > 0
			rc.Share = 0
		} else {
			rc.TopSkills, _ = skillShares(cur, NewCell(), all, q.TopN)
		}
		out = append(out, rc)
	}
	return out, nil
}
