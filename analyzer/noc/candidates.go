package noc

import (
	"math"
	"slices"
)

// MaxCandidates bounds Candidates: past it the posterior is noise.
const MaxCandidates = 10

// Candidates are the n likeliest unit groups for a posting's title (and
// description), best first, for a person to choose from when Code is
// unsure: on held-out titles the right unit group is among the first
// three far more often than it is first (see skillpulse eval). The first
// is Code's answer with Code's confidence (also when Code leaves the
// posting unclassified); the others share what that confidence leaves,
// in proportion to their tempered posterior, each capped at the first's,
// so the confidences never sum above 1. Unlike Code, Candidates ignores
// a posting's own NOC code and applies no threshold.
func (c *Coder) Candidates(title, description string, n int) []Result {
	return c.CandidatesEvidence(Evidence{Title: title, Description: description}, n)
}

// CandidatesEvidence is Candidates with all the evidence of Evidence.
func (c *Coder) CandidatesEvidence(e Evidence, n int) []Result {
	n = min(n, MaxCandidates, len(c.codes))
	if n <= 0 {
		return nil
	}
	a := c.assessEvidence(e)
	if a.best < 0 {
		return nil
	}
	scores := a.scores
	top := round2(a.prob)
	out := make([]Result, 0, n)
	out = append(out, Result{Code: c.codes[a.best], Title: c.titles[a.best], Confidence: top, Method: "title"})
	if n == 1 {
		return out
	}
	order := make([]int32, 0, len(scores)-1)
	for k := range scores {
		if int32(k) != a.best {
			order = append(order, int32(k))
		}
	}
	// Best first; ties in class order, as argmax breaks them.
	slices.SortStableFunc(order, func(x, y int32) int {
		switch {
		case scores[x] > scores[y]:
			return -1
		case scores[x] < scores[y]:
			return 1
		}
		return 0
	})
	// The others' tempered posterior among themselves.
	head := float64(scores[order[0]])
	sum := 0.0
	for _, k := range order {
		sum += math.Exp((float64(scores[k]) - head) / temperature)
	}
	rest := 1 - a.prob
	for _, k := range order[:n-1] {
		conf := rest * math.Exp((float64(scores[k])-head)/temperature) / sum
		// Floored, so that with the first rounded the sum stays <= 1.
		conf = min(math.Floor(conf*100)/100, top)
		out = append(out, Result{Code: c.codes[k], Title: c.titles[k], Confidence: conf, Method: "title"})
	}
	return out
}
