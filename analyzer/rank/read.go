package rank

import (
	"context"
	"fmt"
)

// Store is what the read side needs of a store of aggregates. The embedded
// store keeps cells in bbolt, production in an Elasticsearch index; both
// answer with a bounded amount of work per call, whatever the history.
type Store interface {
	// Cells returns the cells of keys that hold postings; the others are
	// absent from the map.
	Cells(ctx context.Context, keys []CellKey) (map[CellKey]*Cell, error)
	// OccupationCounts counts unique postings per occupation (not
	// AllOccupations) in scope over months; nil months means all time.
	OccupationCounts(ctx context.Context, scope string, months []Month) (map[string]int, error)
	// Recent returns the n most recent unique postings of occupation
	// (AllOccupations: of any occupation) in scope, newest first, ties by
	// key descending.
	Recent(ctx context.Context, occupation string, scope Scope, n int) ([]Record, error)
	// LastMonth is the latest month with postings; ok is false when there
	// are none.
	LastMonth(ctx context.Context) (m Month, ok bool, err error)
}

// DemandStore is a Store that measures one skill's demand itself (an
// Elasticsearch aggregation) instead of through every occupation's cells.
type DemandStore interface {
	SkillDemand(ctx context.Context, skillID string, scope Scope, period Period) (Demand, bool, error)
}

// Reader answers the API's questions from a Store's cells.
type Reader struct{ Store Store }

// MaxRecent bounds recent:N: a recent profile is computed from the postings
// themselves (2N of them, for the trend), so N must stay small enough for
// one request to fetch.
const MaxRecent = 5000

// Months lists the calendar months of a calendar period.
func (p Period) Months() []Month {
	if p.Kind == Recent {
		return nil
	}
	var out []Month
	for m := MonthOf(p.start); m < MonthOf(p.end); m++ {
		out = append(out, m)
	}
	return out
}

func keysFor(occ, scope string, months []Month) []CellKey {
	out := make([]CellKey, len(months))
	for i, m := range months {
		out[i] = CellKey{occ, scope, m}
	}
	return out
}

func sumCells(cells map[CellKey]*Cell, keys []CellKey) *Cell {
	c := NewCell()
	for _, k := range keys {
		c.Merge(cells[k])
	}
	return c
}

// CellsOf counts records into one cell (of occupation occ and scope).
func CellsOf(recs []Record, occ, scope string) *Cell {
	c := NewCell()
	for _, r := range recs {
		c.Add(r, occ, scope, 1)
	}
	return c
}

// Profile builds the profile of q.
func (rd Reader) Profile(ctx context.Context, q Query) (Profile, error) {
	q.defaults()
	occ := q.Occupation
	if occ == "" {
		occ = AllOccupations
	}
	var cur, prev, all *Cell
	if q.Period.Kind == Recent {
		if q.Period.N > MaxRecent {
			return Profile{}, fmt.Errorf("recent:%d: at most %d", q.Period.N, MaxRecent)
		}
		recs, err := rd.Store.Recent(ctx, occ, q.Scope, 2*q.Period.N)
		if err != nil {
			return Profile{}, fmt.Errorf("recent postings: %w", err)
		}
		n := min(q.Period.N, len(recs))
		cur, prev = CellsOf(recs[:n], occ, q.Scope.Code), CellsOf(recs[n:], occ, q.Scope.Code)
		everyone, err := rd.Store.Recent(ctx, AllOccupations, q.Scope, q.Period.N)
		if err != nil {
			return Profile{}, fmt.Errorf("recent postings: %w", err)
		}
		all = CellsOf(everyone, AllOccupations, q.Scope.Code)
	} else {
		ck := keysFor(occ, q.Scope.Code, q.Period.Months())
		pk := keysFor(occ, q.Scope.Code, q.Period.Previous().Months())
		ak := keysFor(AllOccupations, q.Scope.Code, q.Period.Months())
		cells, err := rd.Store.Cells(ctx, append(append(append([]CellKey{}, ck...), pk...), ak...))
		if err != nil {
			return Profile{}, fmt.Errorf("read cells: %w", err)
		}
		cur, prev, all = sumCells(cells, ck), sumCells(cells, pk), sumCells(cells, ak)
	}
	return build(cur, prev, all, q), nil
}

// Occupations counts unique postings per occupation in q's scope and
// period, most postings first. For recent:N each occupation counts at most
// its N most recent postings.
func (rd Reader) Occupations(ctx context.Context, q Query) ([]OccupationSummary, error) {
	months := q.Period.Months()
	counts, err := rd.Store.OccupationCounts(ctx, q.Scope.Code, months)
	if err != nil {
		return nil, fmt.Errorf("count occupations: %w", err)
	}
	if q.Period.Kind == Recent {
		for k, n := range counts {
			counts[k] = min(n, q.Period.N)
		}
	}
	return summaries(counts), nil
}

// LatestYear is the latest calendar year with postings.
func (rd Reader) LatestYear(ctx context.Context) (int, bool, error) {
	m, ok, err := rd.Store.LastMonth(ctx)
	return m.Year(), ok, err
}

// SkillDemand measures one skill in scope and period; known is false when
// no stored posting ever asked for it.
func (rd Reader) SkillDemand(ctx context.Context, skillID string, scope Scope, period Period) (Demand, bool, error) {
	if period.Kind == Recent {
		recs, err := rd.Store.Recent(ctx, AllOccupations, scope, min(period.N, MaxRecent))
		if err != nil {
			return Demand{}, false, err
		}
		d := demandOf(recs, skillID, scope, period)
		if d.Label != "" {
			return d, true, nil
		}
		known, err := rd.skillKnown(ctx, skillID)
		return d, known, err
	}
	if ds, ok := rd.Store.(DemandStore); ok {
		return ds.SkillDemand(ctx, skillID, scope, period)
	}
	d, err := rd.demandFromCells(ctx, skillID, scope, period)
	if err != nil || d.Label != "" {
		return d, d.Label != "", err
	}
	known, err := rd.skillKnown(ctx, skillID)
	return d, known, err
}

func (rd Reader) demandFromCells(ctx context.Context, skillID string, scope Scope, period Period) (Demand, error) {
	d := Demand{SkillID: skillID, Scope: scope.Code, Period: period.String(), ByOccupation: []DemandShare{}, ByRegion: []DemandShare{}}
	months := period.Months()
	counts, err := rd.Store.OccupationCounts(ctx, scope.Code, months)
	if err != nil {
		return d, err
	}
	var keys []CellKey
	for occ := range counts {
		keys = append(keys, keysFor(occ, scope.Code, months)...)
	}
	// The finest places in scope: regions by way of provinces for CA.
	top, err := rd.Store.Cells(ctx, keysFor(AllOccupations, scope.Code, months))
	if err != nil {
		return d, err
	}
	regions := map[string]bool{}
	for _, c := range top {
		for child := range c.Children {
			regions[child] = true
		}
	}
	if scope.Kind == Country {
		provs := regions
		regions = map[string]bool{}
		pc, err := rd.Store.Cells(ctx, scopeKeys(provs, months))
		if err != nil {
			return d, err
		}
		// A CA-unspecified cell names itself as its child.
		for _, c := range pc {
			for child := range c.Children {
				regions[child] = true
			}
		}
	}
	keys = append(keys, scopeKeys(regions, months)...)
	cells, err := rd.Store.Cells(ctx, keys)
	if err != nil {
		return d, err
	}
	occAll, occHit := map[string]int{}, map[string]int{}
	regAll, regHit := map[string]int{}, map[string]int{}
	for k, c := range cells {
		s, ok := c.Skills[skillID]
		if ok && d.Label == "" {
			d.Label, d.Type = s.Label, s.Type
		}
		if k.Occupation == AllOccupations {
			regAll[k.Scope] += c.Postings
			regHit[k.Scope] += s.N
			continue
		}
		occAll[k.Occupation] += c.Postings
		occHit[k.Occupation] += s.N
		d.AllPostings += c.Postings
		d.Postings += s.N
	}
	if d.AllPostings > 0 {
		d.Share = float64(d.Postings) / float64(d.AllPostings)
	}
	d.ByOccupation = Shares(occHit, occAll, 20)
	d.ByRegion = Shares(regHit, regAll, 0)
	return d, nil
}

func scopeKeys(scopes map[string]bool, months []Month) []CellKey {
	var out []CellKey
	for s := range scopes {
		out = append(out, keysFor(AllOccupations, s, months)...)
	}
	return out
}

// skillKnown reports whether any stored posting asks for the skill.
func (rd Reader) skillKnown(ctx context.Context, skillID string) (bool, error) {
	last, ok, err := rd.Store.LastMonth(ctx)
	if err != nil || !ok {
		return false, err
	}
	// Ten years of Canada-wide cells: a few hundred small reads at most.
	var keys []CellKey
	for m := last - 119; m <= last; m++ {
		keys = append(keys, CellKey{AllOccupations, "CA", m})
	}
	cells, err := rd.Store.Cells(ctx, keys)
	if err != nil {
		return false, err
	}
	for _, c := range cells {
		if _, ok := c.Skills[skillID]; ok {
			return true, nil
		}
	}
	return false, nil
}
