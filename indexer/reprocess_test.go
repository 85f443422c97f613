package indexer

import (
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
)

func TestCursorCovers(t *testing.T) {
	day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	c := Cursor{PostedAt: day, Key: "jobbank:5"}
	for _, tc := range []struct {
		name   string
		cursor Cursor
		at     time.Time
		key    string
		want   bool
	}{
		{"earlier day", c, day.Add(-time.Hour), "zzz:9", true},
		{"same day, smaller key", c, day, "jobbank:4", true},
		{"the cursor itself", c, day, "jobbank:5", true},
		{"same day, larger key", c, day, "jobbank:6", false},
		{"later day", c, day.Add(time.Hour), "a:1", false},
		{"zero cursor covers nothing", Cursor{}, time.Time{}, "", false},
		{"same instant in another zone", c, day.In(time.FixedZone("NST", -12600)), "jobbank:5", true},
	} {
		if got := tc.cursor.Covers(&analyzer.Analysis{PostedAt: tc.at, Key: tc.key}); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
