package extract

import (
	"slices"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// The loose pass finds multi-word labels written in another order or with
// other words between theirs ("problem solving" for solve problems,
// "relationship with your stakeholders" for manage relationships with
// stakeholders), and the object of a verb-object skill named alone ("code
// reviews" for conduct ICT code review, "automated testing" for develop
// automated software tests). It compares stems (the tokenizer's, EN and
// FR inflections folded), not surface forms. Its matches are candidates
// for a learned rescorer, marked Loose: on its own it links too many
// wrong concepts, so it runs only when a rescorer asks for it.

const (
	minLooseWords = 2
	maxLooseWords = 4
	// looseSlack is how many other words may stand inside a loose match.
	looseSlack = 3
)

// looseSet is the stems one loose label needs, sorted.
type looseSet struct {
	tgt   uint32 // target index + 1
	n     uint8
	stems [maxLooseWords]uint64
}

// looseIndex finds loose sets from any two of their words: each set is
// filed under its two smallest stems, and a text probes every pair of
// words close together, behind two bitsets.
type looseIndex struct {
	words, pairs []uint64 // bitsets: stems of any set, anchor pairs
	byPair       map[uint64][]int32
	sets         []looseSet
}

// looseFunction are words a loose label does without: prepositions,
// possessives and copulas ("work in teams", "be open to change").
var looseFunction = []string{
	"in", "on", "for", "with", "to", "of", "by", "at", "from", "as", "into", "within", "across",
	"through", "over", "under", "per", "via", "be", "is", "are", "your", "our", "their", "its",
	"this", "that", "these", "those", "own", "one", "all", "any", "other", "new",
	"pour", "avec", "dans", "sur", "par", "au", "aux", "en", "son", "sa", "ses", "leur", "leurs",
	"votre", "vos", "notre", "nos", "etre", "ce", "cet", "cette", "ces",
}

// looseGeneric are words ESCO adds to a skill that postings leave out
// ("ICT code review", "data warehousing techniques").
var looseGeneric = []string{
	"ict", "software", "technique", "method", "principle", "procedure", "system", "tool", "process",
	"tic", "logiciel", "methode", "principe", "systeme", "outil", "processus",
}

func stemSet(ws []string) map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range ws {
		for _, t := range tokenize(w, nil) {
			m[t.hash] = true
		}
	}
	return m
}

func pairKey(a, b uint64) uint64 {
	if a > b {
		a, b = b, a
	}
	return seqKey(seqKey(0, a), b)
}

// buildLoose files the loose sets of every entry's labels (hidden ones
// excepted, as for the dictionary) as new targets of ix.
func (ix *index) buildLoose() {
	function, generic := stemSet(looseFunction), stemSet(looseGeneric)
	lx := &looseIndex{words: make([]uint64, singleBits/64), pairs: make([]uint64, multiBits/64), byPair: map[uint64][]int32{}}
	var toks []token
	var content []uint64
	seen := map[[maxLooseWords]uint64]bool{}
	add := func(ei int, kind taxonomy.LabelKind, stems []uint64) {
		if len(stems) < minLooseWords || len(stems) > maxLooseWords {
			return
		}
		var s looseSet
		copy(s.stems[:], stems)
		slices.Sort(s.stems[:len(stems)])
		if hasRepeat(s.stems[:len(stems)]) || seen[s.stems] {
			return
		}
		seen[s.stems] = true
		s.n = uint8(len(stems))
		ix.targets = append(ix.targets, target{entry: int32(ei), kind: kind, numTokens: s.n, loose: true})
		s.tgt = uint32(len(ix.targets))
		for _, h := range stems {
			setBit(lx.words, h)
		}
		pk := pairKey(s.stems[0], s.stems[1])
		setBit(lx.pairs, pk)
		lx.byPair[pk] = append(lx.byPair[pk], int32(len(lx.sets)))
		lx.sets = append(lx.sets, s)
	}
	for ei := range ix.tax.Entries {
		e := &ix.tax.Entries[ei]
		clear(seen)
		for _, l := range e.Labels {
			if l.Kind == taxonomy.Hidden {
				continue
			}
			toks = tokenize(l.Text, toks[:0])
			content = content[:0]
			for _, t := range toks {
				if !function[t.hash] && !generic[t.hash] {
					content = append(content, t.hash)
				}
			}
			if len(toks) < 2 {
				continue // one word: the dictionary's, guards and all
			}
			add(ei, l.Kind, content)
			// A skill's label opens with its verb: the object alone is
			// how postings often name it.
			if e.Type == taxonomy.Skill && len(content) >= 3 && len(toks) > 0 && toks[0].hash == content[0] {
				add(ei, l.Kind, content[1:])
			}
		}
	}
	ix.loose = lx
}

func hasRepeat(sorted []uint64) bool {
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			return true
		}
	}
	return false
}

// scanLoose appends the loose hits of the scanned text: every loose set
// whose stems all occur within a clause, at most looseSlack other words
// apart, unless the dictionary matched the same words.
func (x *Extractor) scanLoose(sc *scratch) {
	lx := x.ix.loose
	toks := sc.toks
	nExact := len(sc.hits)
	var sent, line, clause int32
	seg := 0 // first token of the current clause
	for i := 0; i < len(toks); i++ {
		switch toks[i].brk {
		case brkLine:
			line++
			sent++
			clause++
			seg = i
		case brkSentence:
			sent++
			clause++
			seg = i
		case brkClause, brkColon:
			clause++
			seg = i
		}
		hi := toks[i].hash
		if !hasBit(lx.words, hi) {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+1+looseSlack && toks[j].brk == brkNone; j++ {
			hj := toks[j].hash
			if hj == hi || !hasBit(lx.words, hj) {
				continue
			}
			pk := pairKey(hi, hj)
			if !hasBit(lx.pairs, pk) {
				continue
			}
			for _, si := range lx.byPair[pk] {
				s := &lx.sets[si]
				first, last, ok := looseSpan(toks, seg, i, j, s)
				if !ok || x.looseKnown(sc, nExact, first, last, s.tgt) {
					continue
				}
				sc.hits = append(sc.hits, hit{first: int32(first), last: int32(last), sent: sent, line: line, clause: clause, tgt: s.tgt})
			}
		}
	}
}

// looseSpan finds the other stems of s near the pair (i, j) in the clause
// starting at seg, and the token range they span.
func looseSpan(toks []token, seg, i, j int, s *looseSet) (int, int, bool) {
	n := int(s.n)
	// The pair are the set's two smallest stems; the rest must fall
	// within a span of n+looseSlack words around them.
	first, last := i, j
	for _, h := range s.stems[2:n] {
		lo, hi := max(seg, last-(n+looseSlack-1)), first+(n+looseSlack-1)
		found := -1
		for k := lo; k <= hi && k < len(toks); k++ {
			if k > seg && k > lo && toks[k].brk != brkNone {
				break
			}
			if toks[k].hash == h {
				found = k
				break
			}
		}
		if found < 0 {
			return 0, 0, false
		}
		first, last = min(first, found), max(last, found)
	}
	return first, last, last-first+1 <= n+looseSlack
}

// looseKnown says whether the dictionary already decided these words (a
// hit over the same range) or the same concept (a hit of its entry
// overlapping them), or this loose hit was already recorded.
func (x *Extractor) looseKnown(sc *scratch, nExact, first, last int, tgt uint32) bool {
	e := x.ix.targets[tgt-1].entry
	for hi, h := range sc.hits {
		same := x.ix.targets[h.tgt-1].entry == e
		overlap := int(h.first) <= last && int(h.last) >= first
		if hi < nExact && (int(h.first) == first && int(h.last) == last || same && overlap) {
			return true
		}
		if hi >= nExact && same && overlap {
			return true
		}
	}
	return false
}
