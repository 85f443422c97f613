package rank

import (
	"context"
	"sort"
)

// Memory is a Store over records held in memory: the CLI's `rank` over a
// file, and tests.
type Memory struct {
	cells  map[CellKey]*Cell
	recent map[string][]Record // per occupation and AllOccupations, newest first
	last   Month
	any    bool
}

// NewMemory counts records into cells.
func NewMemory(records []Record) *Memory {
	m := &Memory{cells: map[CellKey]*Cell{}, recent: map[string][]Record{}}
	for i := range records {
		r := &records[i]
		Diff(nil, r, m.cells)
		if mo := MonthOf(r.PostedAt); !m.any || mo > m.last {
			m.last, m.any = mo, true
		}
		if !r.Duplicate {
			m.recent[r.Occupation] = append(m.recent[r.Occupation], *r)
			m.recent[AllOccupations] = append(m.recent[AllOccupations], *r)
		}
	}
	for _, recs := range m.recent {
		SortNewestFirst(recs)
	}
	return m
}

// SortNewestFirst orders records as recent:N reads them.
func SortNewestFirst(recs []Record) {
	sort.Slice(recs, func(i, j int) bool {
		if !recs[i].PostedAt.Equal(recs[j].PostedAt) {
			return recs[i].PostedAt.After(recs[j].PostedAt)
		}
		return recs[i].Key > recs[j].Key
	})
}

// Cells implements Store.
func (m *Memory) Cells(_ context.Context, keys []CellKey) (map[CellKey]*Cell, error) {
	out := make(map[CellKey]*Cell, len(keys))
	for _, k := range keys {
		if c := m.cells[k]; c != nil && c.Postings > 0 {
			out[k] = c
		}
	}
	return out, nil
}

// OccupationCounts implements Store.
func (m *Memory) OccupationCounts(_ context.Context, scope string, months []Month) (map[string]int, error) {
	want := map[Month]bool{}
	for _, mo := range months {
		want[mo] = true
	}
	out := map[string]int{}
	for k, c := range m.cells {
		if k.Scope == scope && k.Occupation != AllOccupations && (months == nil || want[k.Month]) && c.Postings > 0 {
			out[k.Occupation] += c.Postings
		}
	}
	return out, nil
}

// Recent implements Store.
func (m *Memory) Recent(_ context.Context, occupation string, scope Scope, n int) ([]Record, error) {
	var out []Record
	for _, r := range m.recent[occupation] {
		if len(out) == n {
			break
		}
		if scope.Contains(r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// LastMonth implements Store.
func (m *Memory) LastMonth(context.Context) (Month, bool, error) { return m.last, m.any, nil }
