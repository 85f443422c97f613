package rank

import (
	"math"
	"testing"
)

func TestWageStats(t *testing.T) {
	tests := []struct {
		name   string
		wages  [][2]float64
		want   *WageStats
		wanted int
	}{
		{"none", [][2]float64{{0, 0}, {0, 0}}, nil, 0},
		// Even count: medians average the middle two. Lows 15 17 19 21 → 18,
		// highs 20 22 25 30 → 23.5, midpoints 17.5 19.5 22 25.5 → 20.75.
		{"even", [][2]float64{{15, 20}, {17, 22}, {19, 25}, {21, 30}}, &WageStats{Low: 18, Median: 20.75, High: 23.5, Count: 4}, 4},
		// Unusable ends are dropped, not read as zero wages: only 20-30
		// survives intact, NaN-25 reads as 25-25.
		{"junk", [][2]float64{{20, 30}, {math.NaN(), 25}, {-5, math.Inf(1)}, {0, 0}}, &WageStats{Low: 22.5, Median: 25, High: 27.5, Count: 2}, 2},
		// Rounded to the cent (binary-exact inputs): lows 10.25 10.5 →
		// 10.375 → 10.38; midpoints 11.125 11.25 → 11.1875 → 11.19.
		{"cents", [][2]float64{{10.25, 12}, {10.5, 12}}, &WageStats{Low: 10.38, Median: 11.19, High: 12, Count: 2}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var recs []Record
			var idx []int
			for i, w := range tt.wages {
				recs = append(recs, Record{WageLow: w[0], WageHigh: w[1]})
				idx = append(idx, i)
			}
			got, n := wageStats(recs, idx)
			if n != tt.wanted || (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
				t.Errorf("got %+v (%d), want %+v (%d)", got, n, tt.want, tt.wanted)
			}
		})
	}
}
