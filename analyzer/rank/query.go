// Package rank computes occupation profiles from analyzed postings:
// unique posting counts per occupation × region × period, regional shares
// (unspecified bucket included, summing to 100%), top skills as the share
// of postings asking for them, their change, distinctive skills, wages and
// small-count flags. It is the one implementation behind the JSON API, the
// CLI table and the Elasticsearch aggregates.
package rank

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Record is what rankings need of one analyzed posting.
type Record struct {
	Key        string    `json:"key"`
	Occupation string    `json:"occupation"`            // NOC 2021 unit group or "unclassified"
	Province   string    `json:"province,omitempty"`    // "NL", or "" when unknown
	Region     string    `json:"region"`                // ER code, "NL-unspecified" or "CA-unspecified"
	RegionName string    `json:"region_name,omitempty"` // for display
	PostedAt   time.Time `json:"posted_at"`
	Skills     []Skill   `json:"skills,omitempty"` // unique per record, counted skills only
	WageLow    float64   `json:"wage_low,omitempty"`
	WageHigh   float64   `json:"wage_high,omitempty"`
	Duplicate  bool      `json:"duplicate,omitempty"` // a repost: excluded from every count
	// LowConfidence: the occupation is classified, but with a confidence
	// below the configured occupation.low_confidence.
	LowConfidence bool `json:"low_confidence,omitempty"`
	// Employer is the normalized employer key (analyzer/employer),
	// EmployerName its display name; "" when the posting names none.
	Employer     string `json:"employer,omitempty"`
	EmployerName string `json:"employer_name,omitempty"`
	// Group is the repost group (the key of its first posting).
	Group string `json:"group,omitempty"`
}

// Skill is a skill a posting asks for.
type Skill struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	Type     string `json:"type"`
	Required bool   `json:"required"`
}

// ScopeKind says what a Scope covers.
type ScopeKind int

// Scope kinds.
const (
	Country ScopeKind = iota
	Province
	Region
	Unspecified
)

// Scope is the geography of a query: Canada, a province, an economic
// region, or a province's unspecified bucket.
type Scope struct {
	Kind ScopeKind
	Code string // "CA", "NL", "1010", "NL-unspecified"
}

var (
	provinceRe = regexp.MustCompile(`^[A-Z]{2}$`)
	regionRe   = regexp.MustCompile(`^\d{4}$`)
)

// ParseScope reads the code forms of a scope: "CA", "NL", "1010",
// "NL-unspecified", "CA-unspecified".
func ParseScope(s string) (Scope, error) {
	s = strings.TrimSpace(s)
	switch u := strings.ToUpper(s); {
	case u == "CA" || u == "":
		return Scope{Country, "CA"}, nil
	case strings.HasSuffix(u, "-UNSPECIFIED") && provinceRe.MatchString(strings.TrimSuffix(u, "-UNSPECIFIED")):
		return Scope{Unspecified, strings.TrimSuffix(u, "-UNSPECIFIED") + "-unspecified"}, nil
	case provinceRe.MatchString(u):
		return Scope{Province, u}, nil
	case regionRe.MatchString(s):
		return Scope{Region, s}, nil
	}
	return Scope{}, fmt.Errorf("%q is not CA, a province code (NL), an economic region code (1010) or PROV-unspecified", s)
}

// Contains reports whether a record falls in the scope.
func (s Scope) Contains(r Record) bool {
	switch s.Kind {
	case Country:
		return true
	case Province:
		return r.Province == s.Code
	default:
		return r.Region == s.Code
	}
}

func (s Scope) String() string { return s.Code }

// PeriodKind says what a Period covers.
type PeriodKind int

// Period kinds.
const (
	Yearly PeriodKind = iota
	Quarterly
	Monthly
	Recent
)

// Period is a calendar year, quarter or month, or "the N most recent
// postings" (Skip of them passed over, for the previous window).
type Period struct {
	Kind  PeriodKind
	Year  int
	Part  int // quarter 1-4 or month 1-12
	N     int // Recent: how many postings
	Skip  int // Recent: how many newer postings to pass over
	start time.Time
	end   time.Time
}

var (
	yearRe    = regexp.MustCompile(`^(\d{4})$`)
	quarterRe = regexp.MustCompile(`^(\d{4})-[Qq]([1-4])$`)
	monthRe   = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	recentRe  = regexp.MustCompile(`^recent:(\d+)$`)
)

// ParsePeriod reads "2025", "2025-Q2", "2025-03" or "recent:N".
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	switch {
	case yearRe.MatchString(s):
		return newPeriod(Yearly, atoi(s), 0)
	case quarterRe.MatchString(s):
		m := quarterRe.FindStringSubmatch(s)
		return newPeriod(Quarterly, atoi(m[1]), atoi(m[2]))
	case monthRe.MatchString(s):
		m := monthRe.FindStringSubmatch(s)
		if mo := atoi(m[2]); mo < 1 || mo > 12 {
			return Period{}, fmt.Errorf("%q: month must be 01 to 12", s)
		}
		return newPeriod(Monthly, atoi(m[1]), atoi(m[2]))
	case recentRe.MatchString(s):
		n := atoi(recentRe.FindStringSubmatch(s)[1])
		if n < 1 || n > 1_000_000 {
			return Period{}, fmt.Errorf("%q: N must be from 1 to 1000000", s)
		}
		return Period{Kind: Recent, N: n}, nil
	}
	return Period{}, fmt.Errorf("%q is not a year (2025), quarter (2025-Q2), month (2025-03) or recent:N", s)
}

func newPeriod(k PeriodKind, year, part int) (Period, error) {
	if year < 1900 || year > 2200 {
		return Period{}, fmt.Errorf("year %d out of range", year)
	}
	p := Period{Kind: k, Year: year, Part: part}
	switch k {
	case Yearly:
		p.start = time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
		p.end = p.start.AddDate(1, 0, 0)
	case Quarterly:
		p.start = time.Date(year, time.Month(3*(part-1)+1), 1, 0, 0, 0, 0, time.UTC)
		p.end = p.start.AddDate(0, 3, 0)
	case Monthly:
		p.start = time.Date(year, time.Month(part), 1, 0, 0, 0, 0, time.UTC)
		p.end = p.start.AddDate(0, 1, 0)
	}
	return p, nil
}

// Contains reports whether t falls in a calendar period (always true for
// Recent, which selects by rank instead).
func (p Period) Contains(t time.Time) bool {
	if p.Kind == Recent {
		return true
	}
	t = t.UTC()
	return !t.Before(p.start) && t.Before(p.end)
}

// Previous is the period before: last year, quarter or month, or the N
// postings before the N most recent.
func (p Period) Previous() Period {
	switch p.Kind {
	case Yearly:
		q, _ := newPeriod(Yearly, p.Year-1, 0)
		return q
	case Quarterly:
		if p.Part == 1 {
			q, _ := newPeriod(Quarterly, p.Year-1, 4)
			return q
		}
		q, _ := newPeriod(Quarterly, p.Year, p.Part-1)
		return q
	case Monthly:
		t := p.start.AddDate(0, -1, 0)
		q, _ := newPeriod(Monthly, t.Year(), int(t.Month()))
		return q
	}
	return Period{Kind: Recent, N: p.N, Skip: p.Skip + p.N}
}

func (p Period) String() string {
	switch p.Kind {
	case Yearly:
		return strconv.Itoa(p.Year)
	case Quarterly:
		return fmt.Sprintf("%d-Q%d", p.Year, p.Part)
	case Monthly:
		return fmt.Sprintf("%d-%02d", p.Year, p.Part)
	}
	if p.Skip > 0 {
		return fmt.Sprintf("recent:%d (skipping %d)", p.N, p.Skip)
	}
	return fmt.Sprintf("recent:%d", p.N)
}
