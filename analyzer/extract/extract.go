// Package extract finds the skills a job posting asks for, against a skill
// taxonomy, with the matched text as evidence. The text is tokenized once;
// every token start then costs one or two lookups in a flat hash table of
// label n-grams, so throughput stays near memory speed with ~100k labels.
package extract

import (
	"sort"
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
	tgt         uint32 // target index + 1, or cue index + 1
}

// scratch is per-call working memory, pooled so that steady-state
// extraction allocates only its results.
type scratch struct {
	toks       []token
	hits, cues []hit
	lineStarts []int32
	ctx        docContext
	aggs       []agg
	aggIndex   map[int32]int
}

// agg folds the hits of one skill.
type agg struct {
	m       Match
	counted bool
}

// Extract finds the skills in text, which must already be normalized
// (textnorm.Clean): offsets refer to it.
func (x *Extractor) Extract(text string) Result {
	sc := x.pool.Get().(*scratch)
	defer x.pool.Put(sc)
	x.scan(text, sc)
	var res Result
	if len(sc.hits) != 0 {
		res = x.resolve(text, sc)
	}
	if x.rescorer != nil {
		res = x.rescorer.Rescore(text, res)
	}
	return res
}

// scan tokenizes text and records leftmost-longest label hits and cue hits.
func (x *Extractor) scan(text string, sc *scratch) {
	toks := tokenize(text, sc.toks[:0])
	sc.toks = toks
	sc.hits, sc.cues = sc.hits[:0], sc.cues[:0]
	sc.lineStarts = append(sc.lineStarts[:0], 0)
	tab := x.ix.tab
	var sent, line int32
	for i := 0; i < len(toks); {
		switch toks[i].brk {
		case brkLine:
			line++
			sc.lineStarts = append(sc.lineStarts, int32(i))
			sent++
		case brkSentence:
			sent++
		}
		if !tab.mayStart(toks, i) {
			i++
			continue
		}
		var bestT, bestC uint32
		var endT, endC int
		k := seqKey(0, toks[i].hash)
		v, ok := tab.get(k)
		for j, gaps := i, 0; ok; {
			if t := v & targetMask; t != 0 {
				bestT, endT = t, j
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
			for g := 0; g <= maxGap-gaps; g++ {
				nj := j + 1 + g
				if nj >= len(toks) || toks[nj].brk != brkNone {
					break
				}
				nk := seqKey(k, toks[nj].hash)
				if !hasBit(tab.multi, nk) {
					continue
				}
				if nv, found := tab.get(nk); found {
					k, v, ok, j, gaps = nk, nv, true, nj, gaps+g
					break
				}
			}
		}
		lenT, lenC := endT-i+1, endC-i+1
		if bestT == 0 {
			lenT = 0
		}
		if bestC != 0 && lenC >= lenT {
			sc.cues = append(sc.cues, hit{first: int32(i), last: int32(i + lenC - 1), sent: sent, line: line, tgt: bestC})
		}
		switch {
		case bestT != 0:
			sc.hits = append(sc.hits, hit{first: int32(i), last: int32(i + lenT - 1), sent: sent, line: line, tgt: bestT})
			i += lenT
		case bestC != 0:
			i += lenC
		default:
			i++
		}
	}
}

// resolve applies sections, sentence cues and the ambiguity guard, and
// folds hits into one Match per skill.
func (x *Extractor) resolve(text string, sc *scratch) Result {
	ctx := sc.ctx.reset(x.ix, sc)
	tax := x.ix.tax
	if sc.aggIndex == nil {
		sc.aggIndex = map[int32]int{}
	}
	clear(sc.aggIndex)
	sc.aggs = sc.aggs[:0]
	for _, h := range sc.hits {
		tg := x.ix.targets[h.tgt-1]
		if tg.guarded && !ctx.supports(tg, h) {
			continue
		}
		boiler, asset := ctx.classify(h)
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
		if !a.counted {
			// Evidence is the first counted mention.
			a.m.Text, a.m.Start, a.m.End = x.span(text, sc, h)
			a.counted = true
		}
		a.m.Mentions++
		if !asset {
			a.m.Requirement = Required
		}
	}
	var res Result
	for i := range sc.aggs {
		a := &sc.aggs[i]
		if a.counted {
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
