package rank

import (
	"fmt"
	"math"
	"time"
)

// AllOccupations is the occupation of the cells that count every
// occupation together: the baseline distinctive skills are measured against.
const AllOccupations = "*"

// Month is a calendar month as months since year 0 (2025-03 = 2025*12+2),
// so consecutive months are consecutive numbers.
type Month int

// MonthOf is the UTC calendar month of t.
func MonthOf(t time.Time) Month {
	t = t.UTC()
	return Month(t.Year()*12 + int(t.Month()) - 1)
}

// Year and Mon split a month into its calendar year and month (1-12).
func (m Month) Year() int { return int(m) / 12 }

// Mon is the month of the year, 1 to 12.
func (m Month) Mon() int { return int(m)%12 + 1 }

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year(), m.Mon()) }

// ParseMonth reads "2025-03".
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return 0, fmt.Errorf("month %q: want YYYY-MM", s)
	}
	return MonthOf(t), nil
}

// CellKey names one aggregate cell: an occupation (or AllOccupations) in
// one scope (CA, a province, an economic region or a PROV-unspecified
// bucket) in one calendar month.
type CellKey struct {
	Occupation string
	Scope      string
	Month      Month
}

// ID is the cell's deterministic document id, "12111|NL|2025-03".
func (k CellKey) ID() string { return k.Occupation + "|" + k.Scope + "|" + k.Month.String() }

// SkillCount is how many unique postings of a cell ask for one skill, and
// how many of them require it.
type SkillCount struct {
	Label    string `json:"label"`
	Type     string `json:"type"`
	N        int    `json:"n"`
	Required int    `json:"required"`
}

// Cell holds everything a profile needs of the unique postings of one
// occupation × scope × month. Every field is a count, so cells over
// disjoint sets of postings add up, and a posting is taken back out by
// adding it with sign -1: a repost found later, or a posting re-analyzed
// differently, corrects the cells it was counted in.
type Cell struct {
	Postings int
	// Children counts postings by the next finer place: provinces (and
	// CA-unspecified) in a CA cell, economic regions (and PROV-unspecified)
	// in a province cell, the region itself in a region cell.
	Children map[string]int
	Skills   map[string]SkillCount
	// Days counts postings by UTC day (days since 1970-01-01): the first
	// and last posting dates of any combination of cells.
	Days map[int32]int
	// Wages count postings by hourly wage in cents: Lows by the low end
	// (the high end when there is none), Highs by the high end, Sums by
	// low+high (twice the midpoint), so medians of any combination are
	// exact.
	Lows, Highs, Sums map[int32]int
	// Employers counts postings by normalized employer key, in the cells
	// of one occupation only: the all-occupations cells would hold every
	// employer of the country each month, and no question needs them.
	Employers map[string]int
	// LowConfidence counts postings whose occupation coding was below the
	// coder's confidence threshold.
	LowConfidence int
}

// NewCell is an empty cell.
func NewCell() *Cell {
	return &Cell{Children: map[string]int{}, Skills: map[string]SkillCount{}, Days: map[int32]int{},
		Lows: map[int32]int{}, Highs: map[int32]int{}, Sums: map[int32]int{}, Employers: map[string]int{}}
}

// Empty reports whether the cell counts nothing.
func (c *Cell) Empty() bool {
	return c.Postings == 0 && len(c.Children) == 0 && len(c.Skills) == 0 && len(c.Days) == 0 && len(c.Lows) == 0 &&
		len(c.Employers) == 0 && c.LowConfidence == 0
}

// Cents is an hourly wage in whole cents, the unit cells count wages in.
func Cents(w float64) int32 { return int32(math.Round(w * 100)) }

// KeysOf lists the cells a unique posting counts in: its occupation and
// AllOccupations, each in its region, its province (when known) and CA.
// A duplicate counts in none.
func KeysOf(r Record) []CellKey {
	if r.Duplicate {
		return nil
	}
	m := MonthOf(r.PostedAt)
	var scopes []string
	if r.Region != "" {
		scopes = append(scopes, r.Region)
	}
	if r.Province != "" {
		scopes = append(scopes, r.Province)
	}
	scopes = append(scopes, "CA")
	keys := make([]CellKey, 0, 2*len(scopes))
	for _, occ := range []string{r.Occupation, AllOccupations} {
		for _, s := range scopes {
			keys = append(keys, CellKey{occ, s, m})
		}
	}
	return keys
}

// childOf is the finer place a record counts under in a cell of scope.
func childOf(r Record, scope string) string {
	switch {
	case scope == "CA" && r.Province == "":
		return "CA-unspecified"
	case scope == "CA":
		return r.Province
	}
	return r.Region
}

// Add counts r into the cell of occupation occ and scope with sign +1, or
// takes it out with -1.
func (c *Cell) Add(r Record, occ, scope string, sign int) {
	c.Postings += sign
	if r.LowConfidence {
		c.LowConfidence += sign
	}
	if occ != AllOccupations && r.Employer != "" {
		bump(c.Employers, r.Employer, sign)
	}
	bump(c.Children, childOf(r, scope), sign)
	bump(c.Days, int32(r.PostedAt.UTC().Unix()/86400), sign)
	for _, s := range r.Skills {
		sc := c.Skills[s.ID]
		sc.Label, sc.Type = s.Label, s.Type
		sc.N += sign
		if s.Required {
			sc.Required += sign
		}
		if sc.N == 0 && sc.Required == 0 {
			delete(c.Skills, s.ID)
		} else {
			c.Skills[s.ID] = sc
		}
	}
	if r.WageHigh > 0 {
		lo, hi := Cents(r.WageLow), Cents(r.WageHigh)
		if r.WageLow <= 0 {
			lo = hi
		}
		bump(c.Lows, lo, sign)
		bump(c.Highs, hi, sign)
		bump(c.Sums, lo+hi, sign)
	}
}

// Merge adds every count of o into c.
func (c *Cell) Merge(o *Cell) {
	if o == nil {
		return
	}
	c.Postings += o.Postings
	c.LowConfidence += o.LowConfidence
	for k, n := range o.Employers {
		bump(c.Employers, k, n)
	}
	for k, n := range o.Children {
		bump(c.Children, k, n)
	}
	for k, n := range o.Days {
		bump(c.Days, k, n)
	}
	for id, s := range o.Skills {
		sc := c.Skills[id]
		if sc.Label == "" {
			sc.Label, sc.Type = s.Label, s.Type
		}
		sc.N += s.N
		sc.Required += s.Required
		if sc.N == 0 && sc.Required == 0 {
			delete(c.Skills, id)
		} else {
			c.Skills[id] = sc
		}
	}
	for _, p := range [][2]map[int32]int{{c.Lows, o.Lows}, {c.Highs, o.Highs}, {c.Sums, o.Sums}} {
		for k, n := range p[1] {
			bump(p[0], k, n)
		}
	}
}

func bump[K comparable](m map[K]int, k K, n int) {
	if v := m[k] + n; v == 0 {
		delete(m, k)
	} else {
		m[k] = v
	}
}

// Diff adds to deltas what replacing old with new changes in every cell:
// old (nil for a new posting) counted out, new counted in. A replayed
// posting changes nothing; a posting found to be a repost later is taken
// out of the cells it was counted in.
func Diff(old, new *Record, deltas map[CellKey]*Cell) {
	for _, side := range []struct {
		r    *Record
		sign int
	}{{old, -1}, {new, 1}} {
		if side.r == nil {
			continue
		}
		for _, k := range KeysOf(*side.r) {
			c := deltas[k]
			if c == nil {
				c = NewCell()
				deltas[k] = c
			}
			c.Add(*side.r, k.Occupation, k.Scope, side.sign)
		}
	}
}
