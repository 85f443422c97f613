// Package extract finds the skills a job posting asks for, against a skill
// taxonomy, with the matched text as evidence. The text is tokenized once;
// every token start then costs one or two lookups in a flat hash table of
// label n-grams, so throughput stays near memory speed with ~100k labels.
package extract

import (
	"sort"
	"strings"
	"sync"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// Requirement tells a must-have skill from a nice-to-have one.
type Requirement string

// Requirement values.
const (
	Required Requirement = "required"
	Asset    Requirement = "asset"
)

// Match is one skill found in a posting.
type Match struct {
	ID              string      `json:"id"`
	Label           string      `json:"label"`
	Type            string      `json:"type"`
	Text            string      `json:"text"`  // the matched text, as written
	Start           int         `json:"start"` // byte offsets in the normalized text
	End             int         `json:"end"`
	Requirement     Requirement `json:"requirement"`
	Mentions        int         `json:"mentions"`
	Taxonomy        string      `json:"taxonomy"`
	TaxonomyVersion string      `json:"taxonomy_version"`
	// Loose: every counted mention is a loose match (loose.go), the
	// label's words in another order or form, for a rescorer to judge.
	Loose bool `json:"loose,omitempty"`
}

// Result is what Extract found: the counted skills, and the skills that
// occur only in boilerplate (company blurb, benefits, EEO, how to apply),
// which are reported for transparency but never counted.
type Result struct {
	Skills      []Match `json:"skills"`
	Boilerplate []Match `json:"boilerplate,omitempty"`
}

// Extractor matches one taxonomy. It is safe for concurrent use.
type Extractor struct {
	ix       *index
	pool     sync.Pool
	rescorer Rescorer
	loose    bool
}

// New compiles a taxonomy for matching.
func New(tax *taxonomy.Taxonomy) *Extractor {
	x := &Extractor{ix: buildIndex(tax)}
	x.pool.New = func() any { return &scratch{} }
	return x
}

// Taxonomy is the taxonomy this extractor matches.
func (x *Extractor) Taxonomy() *taxonomy.Taxonomy { return x.ix.tax }

type hit struct {
	first, last int32 // token range, inclusive
	sent, line  int32
	clause      int32
	tgt         uint32 // target index + 1, or cue index + 1
}

// scratch is per-call working memory, pooled so that steady-state
// extraction allocates only its results.
type scratch struct {
	toks       []token
	hits, cues []hit
	lineStarts []int32
	ctx        docContext
	title      []token
	employer   []token
	excluded   []span // token ranges of the employer's name
	aggs       []agg
	aggIndex   map[int32]int
}

// agg folds the hits of one skill.
type agg struct {
	m       Match
	counted bool
	exact   bool // a counted mention came from the dictionary
}

// span is an inclusive token range.
type span struct{ first, last int32 }

// Doc is a posting as the extractor reads it.
type Doc struct {
	// Text is the description, already normalized (textnorm.Clean):
	// offsets refer to it.
	Text string
	// Title supports ambiguous labels ("Go" in a "Software Developer"
	// posting); no skill is extracted from it.
	Title string
	// Employer's name never yields a skill ("CIUSSS …", "Oracle").
	Employer string
}

// Extract finds the skills in text, which must already be normalized
// (textnorm.Clean): offsets refer to it.
func (x *Extractor) Extract(text string) Result { return x.ExtractDoc(Doc{Text: text}) }

// ExtractDoc finds the skills of a posting.
func (x *Extractor) ExtractDoc(d Doc) Result {
	sc := x.pool.Get().(*scratch)
	defer x.pool.Put(sc)
	x.scan(d.Text, sc)
	if x.loose {
		x.scanLoose(sc)
	}
	var res Result
	if len(sc.hits) != 0 {
		sc.title = tokenize(d.Title, sc.title[:0])
		sc.markEmployer(d.Text, d.Employer)
		res = x.resolve(d.Text, sc)
	}
	if x.rescorer != nil {
		res = x.rescorer.Rescore(d.Text, res)
	}
	return res
}

// markEmployer records where the employer's name occurs in the text: the
// whole name without its legal suffix, or its first word alone when that
// is a distinctive capitalized word ("CIUSSS" for "CIUSSS du
// Centre-Sud").
func (sc *scratch) markEmployer(text, employer string) {
	sc.excluded = sc.excluded[:0]
	if employer == "" {
		return
	}
	name := tokenize(employer, sc.employer[:0])
	sc.employer = name
	for len(name) > 1 && orgSuffixHashes()[name[len(name)-1].hash] {
		name = name[:len(name)-1]
	}
	if len(name) == 0 {
		return
	}
	first := employer[name[0].start:name[0].end]
	distinctive := len(first) >= 4 && !commonWords[strings.ToLower(first)]
	toks := sc.toks
	for i := 0; i < len(toks); i++ {
		if toks[i].hash != name[0].hash {
			continue
		}
		j := 1
		for j < len(name) && i+j < len(toks) && toks[i+j].hash == name[j].hash {
			j++
		}
		if j == len(name) || distinctive && upperAt(text, int(toks[i].start)) {
			sc.excluded = append(sc.excluded, span{int32(i), int32(i + j - 1)})
			i += j - 1
		}
	}
}

// inName reports whether a hit is part of an organization's name: the
// employer's, or a capitalized name ending in a legal suffix ("Excel
// Logistics Inc.").
func (sc *scratch) inName(text string, h hit) bool {
	for _, e := range sc.excluded {
		if h.first <= e.last && h.last >= e.first {
			return true
		}
	}
	toks := sc.toks
	if !upperAt(text, int(toks[h.first].start)) {
		return false
	}
	for k := h.last + 1; int(k) < len(toks) && k <= h.last+3 && toks[k].brk <= brkClause; k++ {
		if orgSuffixHashes()[toks[k].hash] {
			return true
		}
		if !upperAt(text, int(toks[k].start)) {
			return false
		}
	}
	return false
}

// scan tokenizes text and records leftmost-longest label hits and cue hits.
func (x *Extractor) scan(text string, sc *scratch) {
	toks := tokenize(text, sc.toks[:0])
	sc.toks = toks
	sc.hits, sc.cues = sc.hits[:0], sc.cues[:0]
	sc.lineStarts = append(sc.lineStarts[:0], 0)
	tab := x.ix.tab
	var pos position
	// gapLast/gapTgt: the last hit that skipped words ("advanced SQL and
	// Excel" is "advanced Excel" around SQL). The skipped words are
	// scanned too; a later hit of the same label inside it is the same
	// mention.
	gapLast, gapTgt := int32(-1), uint32(0)
	for i := 0; i < len(toks); {
		if pos.advance(toks[i].brk) {
			sc.lineStarts = append(sc.lineStarts, int32(i))
		}
		if !tab.mayStart(toks, i) {
			i++
			continue
		}
		// The first lookup inline: most candidates end here (no entry, or
		// a one-word label nothing extends).
		k0 := seqKey(0, toks[i].hash)
		v0, ok0 := tab.get(k0)
		if !ok0 {
			i++
			continue
		}
		var bestT, bestC uint32
		var endT, gapsT, endC int
		if v0&prefixBit == 0 {
			bestT, endT = v0&targetMask, i
			if c := (v0 >> cueShift) & cueMask; c != 0 {
				bestC, endC = c, i
			}
		} else {
			bestT, endT, gapsT, bestC, endC = longestFrom(tab, toks, i, k0, v0)
		}
		lenT, lenC := endT-i+1, endC-i+1
		if bestT == 0 {
			lenT = 0
		}
		if bestC != 0 && lenC >= lenT {
			sc.cues = append(sc.cues, hit{first: int32(i), last: int32(i + lenC - 1), sent: pos.sent, line: pos.line, clause: pos.clause, tgt: bestC})
		}
		switch {
		case bestT != 0:
			h := hit{first: int32(i), last: int32(i + lenT - 1), sent: pos.sent, line: pos.line, clause: pos.clause, tgt: bestT}
			if !(h.last <= gapLast && x.sameEntry(bestT, gapTgt)) {
				sc.hits = append(sc.hits, h)
				if gapsT == 0 && lenT >= 2 {
					x.ellipsis(sc, h)
					x.overlap(sc, h)
				}
			}
			if gapsT > 0 {
				gapLast, gapTgt = h.last, bestT
				i++
			} else {
				i += lenT
			}
		case bestC != 0:
			i += lenC
		default:
			i++
		}
	}
}

// longest finds the longest label (with the words it skipped) and the
// longest cue that start at toks[i].
func (x *Extractor) longest(toks []token, i int) (bestT uint32, endT, gapsT int, bestC uint32, endC int) {
	k := seqKey(0, toks[i].hash)
	v, ok := x.ix.tab.get(k)
	if !ok {
		return 0, 0, 0, 0, 0
	}
	return longestFrom(x.ix.tab, toks, i, k, v)
}

// longestFrom is longest in tab given the lookup of toks[i] alone (key
// k, value v).
func longestFrom(tab *table, toks []token, i int, k uint64, v uint32) (bestT uint32, endT, gapsT int, bestC uint32, endC int) {
	ok := true
	for j, gaps := i, 0; ok; {
		if t := v & targetMask; t != 0 {
			bestT, endT, gapsT = t, j, gaps
		}
		if c := (v >> cueShift) & cueMask; c != 0 && gaps == 0 {
			bestC, endC = c, j
		}
		if v&prefixBit == 0 || j-i+1 >= maxLabelTokens {
			break
		}
		// Extend by the next token; failing that, let up to maxGap
		// words in between ("solving business problems" is "solve
		// problems"), never across a clause boundary.
		ok = false
		var pk uint64
		var pv uint32
		var pj, pg int
		budget := maxGap - gaps
		free := j == i && j+1 < len(toks) && toks[j+1].conj
		if free {
			// A coordinated verb after the first word is free: "prepare
			// and cook meals", "supervise and co-ordinate staff".
			budget += 2
		}
		for g := 0; g <= budget; g++ {
			nj := j + 1 + g
			if nj >= len(toks) || toks[nj].brk != brkNone {
				break
			}
			// Otherwise a gap stops at a conjunction: the words on its
			// two sides belong to two phrases ("computer vision and
			// machine learning" is not computer machinery, "maintaining
			// build and deployment pipelines" not maintain pipelines).
			if g > 0 && (crossesConj(toks, nj, j, free) || crossesConj(toks, nj-1, j, free)) {
				break
			}
			nk := seqKey(k, toks[nj].hash)
			if !hasBit(tab.multi, nk) {
				continue
			}
			if nv, found := tab.get(nk); found {
				// Take the next word, else the first word past a gap that
				// completes a label, else the first that continues one
				// ("supervise and
				// co-ordinate sales staff" is "supervise staff", not a
				// dead end at "supervise sales associates").
				if !ok || nv&targetMask != 0 {
					pk, pv, pj, pg = nk, nv, nj, min(gaps+g, maxGap)
					ok = true
				}
				if g == 0 || nv&targetMask != 0 {
					break // the next word itself always wins
				}
			}
		}
		if ok {
			k, v, j, gaps = pk, pv, pj, pg
		}
	}
	return bestT, endT, gapsT, bestC, endC
}

// crossesConj says whether token k, reached from label word j past a
// gap, follows a conjunction; the free coordinated verb right after the
// first word does not count.
func crossesConj(toks []token, k, j int, free bool) bool {
	return toks[k].conj && !(free && k == j+1)
}

func (x *Extractor) sameEntry(a, b uint32) bool {
	return b != 0 && x.ix.targets[a-1].entry == x.ix.targets[b-1].entry
}

// overlap finds a label of two or more words that starts on the last
// word of hit h, which leftmost-longest matching would skip: "gestion des
// comptes fournisseurs" is account management and accounts payable.
func (x *Extractor) overlap(sc *scratch, h hit) {
	i := int(h.last)
	if !x.ix.tab.mayStart(sc.toks, i) {
		return
	}
	t, end, gaps, _, _ := x.longest(sc.toks, i)
	if t == 0 || end == i || gaps > 0 || x.sameEntry(t, h.tgt) {
		return
	}
	o := hit{first: h.last, last: int32(end), sent: h.sent, line: h.line, clause: h.clause, tgt: t}
	sc.hits = append(sc.hits, o)
	x.ellipsis(sc, o)
}

// longerFrom says whether a label of its own starts at toks[k] and runs
// past end: then the conjunct is that phrase, not a word sharing the
// head before the conjunction ("computer vision and machine learning" is
// not computer machinery).
func (x *Extractor) longerFrom(toks []token, k, end int) bool {
	if !x.ix.tab.mayStart(toks, k) {
		return false
	}
	t, e, gaps, _, _ := x.longest(toks, k)
	return t != 0 && gaps == 0 && e > end
}

// ellipsis repairs coordination that shares a word between two labels:
// "accounts payable and receivable" (head first: "accounts receivable"),
// "comptes fournisseurs et clients", and "written and verbal
// communication" (head last: "written communication"). A repaired label
// counts only when the taxonomy has it, so nothing is invented.
func (x *Extractor) ellipsis(sc *scratch, h hit) {
	toks := sc.toks
	tab := x.ix.tab
	// Head first: replace the last word by each conjoined word after it.
	prefix := uint64(0)
	for t := h.first; t < h.last; t++ {
		prefix = seqKey(prefix, toks[t].hash)
	}
	for k := h.last + 1; int(k) < len(toks) && toks[k].conj && toks[k].brk == brkNone; k++ {
		// The conjoined part may be longer: "clean kitchen and work areas".
		key, best, end := prefix, uint32(0), k
		for e := k; int(e) < len(toks) && e < k+3 && (e == k || toks[e].brk == brkNone); e++ {
			key = seqKey(key, toks[e].hash)
			v, ok := tab.get(key)
			if !ok {
				break
			}
			if v&targetMask != 0 {
				best, end = v&targetMask, e
			}
			if v&prefixBit == 0 {
				break
			}
		}
		if best != 0 && !x.longerFrom(toks, int(k), int(end)) {
			sc.hits = append(sc.hits, hit{first: h.first, last: end, sent: h.sent, line: h.line, clause: h.clause, tgt: best})
		}
	}
	// Head last: the word before the conjunction takes the first word's place.
	if p := h.first - 1; p >= 0 && toks[h.first].conj && toks[h.first].brk == brkNone {
		k := seqKey(0, toks[p].hash)
		for t := h.first + 1; t <= h.last; t++ {
			k = seqKey(k, toks[t].hash)
		}
		if v, ok := tab.get(k); ok && v&targetMask != 0 {
			sc.hits = append(sc.hits, hit{first: p, last: h.last, sent: h.sent, line: h.line, clause: h.clause, tgt: v & targetMask})
		}
	}
}

// resolve applies sections, sentence cues and the ambiguity guard, and
// folds hits into one Match per skill.
func (x *Extractor) resolve(text string, sc *scratch) Result {
	ctx := sc.ctx.reset(x.ix, sc, text)
	tax := x.ix.tax
	if sc.aggIndex == nil {
		sc.aggIndex = map[int32]int{}
	}
	clear(sc.aggIndex)
	sc.aggs = sc.aggs[:0]
	for hi, h := range sc.hits {
		tg := x.ix.targets[h.tgt-1]
		if tg.guarded && !ctx.supports(tg, h, hi, text) {
			continue
		}
		if sc.inName(text, h) {
			continue
		}
		boiler, asset, negated := ctx.classify(h)
		if negated {
			continue
		}
		ai, ok := sc.aggIndex[tg.entry]
		if !ok {
			e := &tax.Entries[tg.entry]
			sc.aggs = append(sc.aggs, agg{m: Match{ID: e.ID, Label: e.Label, Type: string(e.Type), Requirement: Asset,
				Taxonomy: tax.Name, TaxonomyVersion: tax.Version}})
			ai = len(sc.aggs) - 1
			sc.aggIndex[tg.entry] = ai
		}
		a := &sc.aggs[ai]
		if boiler {
			if !a.counted && a.m.Text == "" {
				a.m.Text, a.m.Start, a.m.End = x.span(text, sc, h)
			}
			continue
		}
		if !a.counted || !tg.loose && !a.exact {
			// Evidence is the first counted mention, the dictionary's
			// before a loose one's.
			a.m.Text, a.m.Start, a.m.End = x.span(text, sc, h)
			a.counted = true
		}
		a.exact = a.exact || !tg.loose
		a.m.Mentions++
		if !asset {
			a.m.Requirement = Required
		}
	}
	var res Result
	counted := 0
	for i := range sc.aggs {
		if sc.aggs[i].counted {
			counted++
		}
	}
	if counted > 0 {
		res.Skills = make([]Match, 0, counted)
	}
	for i := range sc.aggs {
		a := &sc.aggs[i]
		if a.counted {
			a.m.Loose = !a.exact
			res.Skills = append(res.Skills, a.m)
		} else {
			a.m.Requirement = ""
			res.Boilerplate = append(res.Boilerplate, a.m)
		}
	}
	sort.SliceStable(res.Skills, func(i, j int) bool { return res.Skills[i].Start < res.Skills[j].Start })
	return res
}

func (x *Extractor) span(text string, sc *scratch, h hit) (string, int, int) {
	s, e := int(sc.toks[h.first].start), int(sc.toks[h.last].end)
	return text[s:e], s, e
}
