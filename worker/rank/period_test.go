package rank

import (
	"strings"
	"testing"
	"time"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in      string
		want    Period
		wantErr string // a fragment of the error
	}{
		{"2025", Period{Kind: Year, Year: 2025}, ""},
		{" 2025-Q2 ", Period{Kind: Quarter, Year: 2025, Part: 2}, ""},
		{"2025-q4", Period{Kind: Quarter, Year: 2025, Part: 4}, ""},
		{"2025-03", Period{Kind: Month, Year: 2025, Part: 3}, ""},
		{"2025-12", Period{Kind: Month, Year: 2025, Part: 12}, ""},
		{"recent:11", Period{Kind: Recent, N: 11}, ""},
		{"recent:10,skip:10", Period{Kind: Recent, N: 10, Skip: 10}, ""},
		{"", Period{}, "empty"},
		{"25", Period{}, "want a year"},
		{"1899", Period{}, "1900 to 2999"},
		{"20x5", Period{}, "four digits"},
		{"2025-13", Period{}, "month must be 01 to 12"},
		{"2025-00", Period{}, "month must be 01 to 12"},
		{"2025-+1", Period{}, "month must be 01 to 12"},
		{"2025-3", Period{}, "want a year"},
		{"2025/03", Period{}, "want a year"},
		{"2025-Q5", Period{}, "Q1 to Q4"},
		{"2025-Q0", Period{}, "Q1 to Q4"},
		{"recent:0", Period{}, "N from 1"},
		{"recent:-3", Period{}, "N from 1"},
		{"recent:", Period{}, "N from 1"},
		{"recent:ten", Period{}, "N from 1"},
		{"recent:2000000", Period{}, "N from 1"},
		{"recent:5,skip:x", Period{}, "skip must be"},
		{"last:5", Period{}, "want a year"},
	}
	for _, tt := range tests {
		got, err := ParsePeriod(tt.in)
		switch {
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("ParsePeriod(%q) error %v, want one mentioning %q", tt.in, err, tt.wantErr)
		case tt.wantErr == "" && (err != nil || got != tt.want):
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestPeriodPreviousAndString(t *testing.T) {
	tests := []struct{ in, prev string }{
		{"2025", "2024"},
		{"2025-Q1", "2024-Q4"},
		{"2025-Q3", "2025-Q2"},
		{"2025-01", "2024-12"},
		{"2025-03", "2025-02"},
		{"recent:10", "recent:10,skip:10"},
		{"recent:10,skip:10", "recent:10,skip:20"},
	}
	for _, tt := range tests {
		p := mustPeriod(t, tt.in)
		if p.String() != tt.in {
			t.Errorf("%q prints as %q", tt.in, p.String())
		}
		if got := p.Previous().String(); got != tt.prev {
			t.Errorf("%s.Previous() = %s, want %s", tt.in, got, tt.prev)
		}
	}
}

func TestPeriodContains(t *testing.T) {
	// Newfoundland time is UTC−2:30: 21:00 on Mar 31 there is already
	// Apr 1 in UTC, but the posting's own date is March.
	nst := time.FixedZone("NDT", -(2*3600 + 1800))
	lateMarch := time.Date(2025, 3, 31, 21, 0, 0, 0, nst)
	tests := []struct {
		period string
		t      time.Time
		want   bool
	}{
		{"2025", day("2025-01-01"), true},
		{"2025", day("2024-12-31"), false},
		{"2025-Q2", day("2025-04-01"), true},
		{"2025-Q2", day("2025-06-30"), true},
		{"2025-Q2", day("2025-07-01"), false},
		{"2025-Q2", day("2025-03-31"), false},
		{"2025-Q4", day("2025-12-31"), true},
		{"2025-03", lateMarch, true},
		{"2025-04", lateMarch, false},
		{"2025-03", day("2024-03-15"), false},
		{"recent:5", day("1999-01-01"), true},
	}
	for _, tt := range tests {
		if got := mustPeriod(t, tt.period).Contains(tt.t); got != tt.want {
			t.Errorf("%s.Contains(%v) = %v, want %v", tt.period, tt.t, got, tt.want)
		}
	}
}

func TestPeriodBounds(t *testing.T) {
	tests := []struct {
		period     string
		start, end string
	}{
		{"2025", "2025-01-01", "2026-01-01"},
		{"2025-Q4", "2025-10-01", "2026-01-01"},
		{"2024-02", "2024-02-01", "2024-03-01"},
	}
	for _, tt := range tests {
		s, e, ok := mustPeriod(t, tt.period).Bounds()
		if !ok || !s.Equal(day(tt.start)) || !e.Equal(day(tt.end)) {
			t.Errorf("%s bounds %v %v %v", tt.period, s, e, ok)
		}
	}
	if _, _, ok := mustPeriod(t, "recent:3").Bounds(); ok {
		t.Error("recent:3 has no calendar bounds")
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2025", "2025-Q2", "2025-03", "recent:5", "recent:5,skip:5", "", "2025-13", "recent:0", "recent:5,skip:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		// Whatever parses prints back to something that parses the same.
		q, err := ParsePeriod(p.String())
		if err != nil || q != p {
			t.Fatalf("%q → %+v → %q → %+v, %v", s, p, p.String(), q, err)
		}
		if p.Kind != Recent && !p.Previous().Contains(p.Previous().start()) {
			t.Fatalf("%q: previous period does not contain its own start", s)
		}
	})
}

// start is the period's first instant, for the fuzz check.
func (p Period) start() time.Time { s, _, _ := p.Bounds(); return s }
