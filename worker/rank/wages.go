package rank

import (
	"math"
	"slices"
)

// WageStats summarize the hourly wages (CAD) stated by a profile's
// postings. Low is the median of the postings' low ends, High the median
// of their high ends and Median the median of their midpoints. Medians
// rather than 10th/90th percentiles because a profile often rests on a
// few dozen postings, where a percentile is one posting's number and a
// single mistyped salary would move it; a posting that states one figure
// counts it as both ends.
type WageStats struct {
	Low    float64 `json:"low"`
	Median float64 `json:"median"`
	High   float64 `json:"high"`
	Count  int     `json:"count"` // postings with a usable wage
}

// wageStats returns the statistics over the records idx that state a wage,
// and how many did; nil when none did.
func wageStats(records []Record, idx []int) (*WageStats, int) {
	var lows, highs, mids []float64
	for _, i := range idx {
		lo, hi, ok := wageRange(records[i].WageLow, records[i].WageHigh)
		if !ok {
			continue
		}
		lows, highs, mids = append(lows, lo), append(highs, hi), append(mids, (lo+hi)/2)
	}
	if len(lows) == 0 {
		return nil, 0
	}
	return &WageStats{Low: median(lows), Median: median(mids), High: median(highs), Count: len(lows)}, len(lows)
}

// wageRange cleans one posting's wage: unknown (zero), negative or
// non-finite ends are dropped, a single figure stands for both ends, and
// swapped ends are put back in order.
func wageRange(lo, hi float64) (float64, float64, bool) {
	usable := func(w float64) bool { return w > 0 && !math.IsInf(w, 0) && !math.IsNaN(w) }
	switch {
	case usable(lo) && usable(hi):
		return min(lo, hi), max(lo, hi), true
	case usable(lo):
		return lo, lo, true
	case usable(hi):
		return hi, hi, true
	}
	return 0, 0, false
}

// median of xs (sorted in place), rounded to the cent.
func median(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	m := xs[n/2]
	if n%2 == 0 {
		m = (xs[n/2-1] + xs[n/2]) / 2
	}
	return math.Round(m*100) / 100
}

// round1 rounds to one decimal.
func round1(x float64) float64 { return math.Round(x*10) / 10 }
