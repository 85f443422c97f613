package rank

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodKind says what a Period covers.
type PeriodKind int

// Period kinds.
const (
	Year    PeriodKind = iota // a calendar year, "2025"
	Quarter                   // a calendar quarter, "2025-Q2"
	Month                     // a calendar month, "2025-03"
	Recent                    // the N most recent unique postings, "recent:N"
)

// maxRecent bounds recent:N so a typo cannot ask for a billion postings.
const maxRecent = 1_000_000

// Period is a calendar year, quarter or month, or the N most recent unique
// postings of the occupation in the scope (passing over the Skip newest,
// which is how Previous expresses "the N before them").
type Period struct {
	Kind PeriodKind
	Year int // calendar periods
	Part int // quarter 1-4 or month 1-12
	N    int // Recent: how many postings
	Skip int // Recent: how many newer postings to pass over
}

// ParsePeriod reads "2025", "2025-Q2" (or "2025-q2"), "2025-03",
// "recent:N", or "recent:N,skip:M" as written by String for a previous
// recent window.
func ParsePeriod(s string) (Period, error) {
	in := strings.TrimSpace(s)
	switch {
	case in == "":
		return Period{}, fmt.Errorf("parse period: empty; want 2025, 2025-Q2, 2025-03 or recent:N")
	case strings.HasPrefix(in, "recent:"):
		return parseRecent(s, strings.TrimPrefix(in, "recent:"))
	case len(in) == 4:
		y, err := parseYear(s, in)
		return Period{Kind: Year, Year: y}, err
	case len(in) == 7 && in[4] == '-' && (in[5] == 'Q' || in[5] == 'q'):
		y, err := parseYear(s, in[:4])
		if err != nil {
			return Period{}, err
		}
		if in[6] < '1' || in[6] > '4' {
			return Period{}, fmt.Errorf("parse period %q: quarter must be Q1 to Q4", s)
		}
		return Period{Kind: Quarter, Year: y, Part: int(in[6] - '0')}, nil
	case len(in) == 7 && in[4] == '-':
		y, err := parseYear(s, in[:4])
		if err != nil {
			return Period{}, err
		}
		m, err := strconv.Atoi(in[5:])
		if err != nil || !allDigits(in[5:]) || m < 1 || m > 12 {
			return Period{}, fmt.Errorf("parse period %q: month must be 01 to 12", s)
		}
		return Period{Kind: Month, Year: y, Part: m}, nil
	}
	return Period{}, fmt.Errorf("parse period %q: want a year (2025), quarter (2025-Q2), month (2025-03) or recent:N", s)
}

func parseYear(orig, s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || !allDigits(s) || y < 1900 || y > 2999 {
		return 0, fmt.Errorf("parse period %q: year must be four digits from 1900 to 2999", orig)
	}
	return y, nil
}

func parseRecent(orig, rest string) (Period, error) {
	nPart, skipPart, hasSkip := strings.Cut(rest, ",skip:")
	n, err := strconv.Atoi(nPart)
	if err != nil || !allDigits(nPart) || n < 1 || n > maxRecent {
		return Period{}, fmt.Errorf("parse period %q: recent:N needs N from 1 to %d", orig, maxRecent)
	}
	p := Period{Kind: Recent, N: n}
	if hasSkip {
		skip, err := strconv.Atoi(skipPart)
		if err != nil || !allDigits(skipPart) || skip > maxRecent*10 {
			return Period{}, fmt.Errorf("parse period %q: skip must be a whole number up to %d", orig, maxRecent*10)
		}
		p.Skip = skip
	}
	return p, nil
}

// Bounds returns the calendar period's half-open interval [start, end) in
// UTC dates; ok is false for Recent periods, which select by rank.
func (p Period) Bounds() (start, end time.Time, ok bool) {
	switch p.Kind {
	case Year:
		start = time.Date(p.Year, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(1, 0, 0), true
	case Quarter:
		start = time.Date(p.Year, time.Month(3*(p.Part-1)+1), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 3, 0), true
	case Month:
		start = time.Date(p.Year, time.Month(p.Part), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 1, 0), true
	}
	return time.Time{}, time.Time{}, false
}

// Contains reports whether t's calendar date falls in the period. The date
// is read in t's own location, so a posting stamped 2025-03-31 21:00 in
// Newfoundland time stays in March. Recent periods have no calendar bounds
// (they select by rank) and contain every time.
func (p Period) Contains(t time.Time) bool {
	y, m, _ := t.Date()
	switch p.Kind {
	case Year:
		return y == p.Year
	case Quarter:
		return y == p.Year && (int(m)-1)/3+1 == p.Part
	case Month:
		return y == p.Year && int(m) == p.Part
	}
	return true
}

// Previous is the period just before: last year, quarter or month, or for
// recent:N the N postings before the N most recent.
func (p Period) Previous() Period {
	switch p.Kind {
	case Year:
		return Period{Kind: Year, Year: p.Year - 1}
	case Quarter:
		if p.Part == 1 {
			return Period{Kind: Quarter, Year: p.Year - 1, Part: 4}
		}
		return Period{Kind: Quarter, Year: p.Year, Part: p.Part - 1}
	case Month:
		if p.Part == 1 {
			return Period{Kind: Month, Year: p.Year - 1, Part: 12}
		}
		return Period{Kind: Month, Year: p.Year, Part: p.Part - 1}
	}
	return Period{Kind: Recent, N: p.N, Skip: p.Skip + p.N}
}

// String writes the period in the form ParsePeriod reads.
func (p Period) String() string {
	switch p.Kind {
	case Year:
		return fmt.Sprintf("%04d", p.Year)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.Part)
	case Month:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Part)
	}
	if p.Skip > 0 {
		return fmt.Sprintf("recent:%d,skip:%d", p.N, p.Skip)
	}
	return fmt.Sprintf("recent:%d", p.N)
}

// MarshalText writes the period as String does, so periods read well in JSON.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads a period with ParsePeriod.
func (p *Period) UnmarshalText(b []byte) error {
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
