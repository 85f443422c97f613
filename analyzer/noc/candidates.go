package noc

import (
	"math"
	"slices"
)

// MaxCandidates bounds Candidates: past it the posterior is noise.
const MaxCandidates = 10

// Candidates are the n likeliest unit groups for a posting's title (and
// description), best first, for a person to choose from when Code is
// unsure: on held-out index titles the right unit group is among the first
// three far more often than it is first (see skillpulse eval). Each
// confidence is the one Code would give that group were it the best, so
// the first matches Code's, except for titles the index has verbatim,
// which Code trusts outright. Unlike Code, Candidates ignores a posting's
// own NOC code and applies no threshold.
func (c *Coder) Candidates(title, description string, n int) []Result {
	n = min(n, MaxCandidates, len(c.codes))
	if n <= 0 {
		return nil
	}
	scores, share := c.scores(c.corrected(cleanTitle(title)), description)
	if scores == nil {
		return nil
	}
	order := make([]int32, len(scores))
	for k := range order {
		order[k] = int32(k)
	}
	// Best first; ties in class order, as argmax breaks them for Code.
	slices.SortStableFunc(order, func(a, b int32) int {
		switch {
		case scores[a] > scores[b]:
			return -1
		case scores[a] < scores[b]:
			return 1
		}
		return 0
	})
	// Code's confidence for the best, scaled by each one's tempered odds
	// against it.
	best := scores[order[0]]
	first := share * posterior(scores, order[0])
	out := make([]Result, 0, n)
	for _, k := range order[:n] {
		conf := first * math.Exp(float64(scores[k]-best)/temperature)
		out = append(out, Result{Code: c.codes[k], Title: c.titles[k], Confidence: round2(conf), Method: "title"})
	}
	return out
}
