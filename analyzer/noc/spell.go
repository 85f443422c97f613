package noc

import (
	"math"
	"strings"
	"sync"
)

// minCorrectable is the shortest word a coder corrects: one edit turns a
// short word into another real word too easily ("cook"/"book").
const minCorrectable = 5

// speller corrects a title word the index does not know to a known word
// one edit away (a letter dropped, added, changed, or two swapped), the
// typos of hand-typed posting titles ("Adminstrative", "supevrisor").
// Candidates meet on single-letter deletions of both words (the symmetric
// delete method), so a lookup costs a few map probes instead of a scan of
// the vocabulary.
type speller struct {
	once    sync.Once
	deletes map[string][]int32 // one-letter deletion of a known word -> words
	index   map[string]int32   // known word -> its place in words
	words   []string
	freq    []float32 // how common the commonest group with the word is: breaks ties
	groups  []int     // unit groups that have the word: breaks the ties left
}

// build indexes the coder's words; it runs on the first unknown word, so
// coders that never meet one (exact titles, tests) never pay for it.
func (s *speller) build(c *Coder) {
	s.deletes = map[string][]int32{}
	s.index = map[string]int32{}
	for key, id := range c.feat {
		w, ok := strings.CutPrefix(key, "w:")
		if !ok || len(w) < minCorrectable-1 {
			continue
		}
		k := int32(len(s.words))
		s.index[w] = k
		s.words = append(s.words, w)
		s.freq = append(s.freq, c.commonestWith(id))
		s.groups = append(s.groups, len(c.levels[0].post[id]))
		for _, d := range deletions(w) {
			if list := s.deletes[d]; len(list) == 0 || list[len(list)-1] != k {
				s.deletes[d] = append(list, k)
			}
		}
	}
}

// correct returns the known word one edit from w, or "" when there is
// none. Among several, one that keeps w's first letter wins (people
// seldom mistype it: "plumer" is a plumber, not a "flumer"), then the
// word of the most common occupation ("cashere" is a cashier, not a
// caster nor a washer), then the one in most unit groups, then the first
// in alphabetical order, so the choice does not depend on map order.
func (s *speller) correct(c *Coder, w string) string {
	if len(w) < minCorrectable {
		return ""
	}
	s.once.Do(func() { s.build(c) })
	best := int32(-1)
	consider := func(list []int32) {
		for _, k := range list {
			if editDistance(w, s.words[k]) > 1 {
				continue
			}
			if best < 0 || s.better(w, k, best) {
				best = k
			}
		}
	}
	consider(s.deletes[w]) // w lacks a letter
	for _, d := range deletions(w) {
		consider(s.deletes[d]) // a letter changed or swapped
		if k, ok := s.index[d]; ok {
			consider([]int32{k}) // w has a letter too many
		}
	}
	if best < 0 {
		return ""
	}
	return s.words[best]
}

// better: correction a of w beats b (see correct).
func (s *speller) better(w string, a, b int32) bool {
	wa, wb := s.words[a], s.words[b]
	switch {
	case (wa[0] == w[0]) != (wb[0] == w[0]):
		return wa[0] == w[0]
	case s.freq[a] != s.freq[b]:
		return s.freq[a] > s.freq[b]
	case s.groups[a] != s.groups[b]:
		return s.groups[a] > s.groups[b]
	}
	return wa < wb
}

// deletions are the distinct strings w gives with one byte removed. Titles
// are folded to ASCII before they get here, so bytes are letters.
func deletions(w string) []string {
	out := make([]string, 0, len(w))
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] {
			continue // deleting either of a double letter gives the same string
		}
		out = append(out, w[:i]+w[i+1:])
	}
	return out
}

// editDistance is the optimal string alignment distance (Levenshtein with
// adjacent transpositions), stopping early: callers only ask whether it
// is at most one.
func editDistance(a, b string) int {
	if a == b {
		return 0
	}
	if d := len(a) - len(b); d > 1 || d < -1 {
		return 2
	}
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	ra, rb := a[i:], b[i:]
	switch {
	case len(ra) == len(rb) && len(ra) >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2:] == rb[2:]:
		return 1 // swap
	case len(ra) == len(rb) && ra[1:] == rb[1:]:
		return 1 // change
	case len(ra) == len(rb)+1 && ra[1:] == rb:
		return 1 // a has one more
	case len(rb) == len(ra)+1 && rb[1:] == ra:
		return 1 // b has one more
	}
	return 2
}

// commonestWith is the prior (see newPrior) of the commonest unit group
// whose titles have feature id; the number of such groups before the
// prior is set.
func (c *Coder) commonestWith(id int32) float32 {
	es := c.levels[0].post[id]
	if len(c.prior) == 0 {
		return float32(len(es))
	}
	best := float32(math.Inf(-1))
	for _, e := range es {
		best = max(best, c.prior[e.class])
	}
	return best
}
