// Package extract finds the skills a job posting asks for, against a skill
// taxonomy, with the matched text as evidence. The text is tokenized once;
// every token start then costs one or two lookups in a flat hash table of
// label n-grams, so throughput stays near memory speed with ~100k labels.
package extract

import (
	"cmp"
	"slices"
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
	// BoilerSpans are the byte ranges of the text that are boilerplate
	// (sentences with a boilerplate cue, sections under a boilerplate
	// header), in order and disjoint: what says nothing of the job, for
	// the stages after extraction to leave out (see Content). Only when
	// the Doc asks for them.
	BoilerSpans [][2]int `json:"-"`
}

// Content is text without its boilerplate spans: what a posting says of
// its job.
func (r Result) Content(text string) string {
	if len(r.BoilerSpans) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	at := 0
	for _, s := range r.BoilerSpans {
		if s[0] < at || s[1] > len(text) || s[0] > s[1] {
			return text // spans of another text
		}
		b.WriteString(text[at:s[0]])
		b.WriteByte(' ')
		at = s[1]
	}
	b.WriteString(text[at:])
	return b.String()
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
	// people are the tokens of job nouns managed by a people verb
	// ("train new cooks"): people, not the skill a one-word label of
	// theirs names ("cook").
	people   []int32
	aggs     []agg
	aggIndex map[int32]int
	order    []int32 // counted aggs by evidence offset
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
	// BoilerSpans asks for Result.BoilerSpans.
	BoilerSpans bool
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
	} else if d.BoilerSpans && len(sc.cues) != 0 {
		sc.ctx.reset(x.ix, sc, d.Text)
	}
	if x.rescorer != nil {
		res = x.rescorer.Rescore(d.Text, res)
	}
	if d.BoilerSpans && len(sc.cues) != 0 {
		res.BoilerSpans = sc.boilerSpans(&sc.ctx)
	}
	return res
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
		if tg.french && ctx.englishAt(text, h.sent, int(sc.toks[h.first].start)) {
			continue
		}
		if tg.verbFirst && objectGoesOn(text, sc.toks, int(h.last)) {
			continue
		}
		// The stem joins "received" to "receiving", but a participle names
		// a state of something ("payments received", "orders shipped",
		// "trained staff"), not the activity a one-word gerund label is.
		if tg.gerund && h.first == h.last && participle(text, sc.toks[h.first]) {
			continue
		}
		// After a determiner, a participle describes the noun: "a
		// motivated team" does not motivate the team.
		if !tg.edFirst && h.first < h.last && participle(text, sc.toks[h.first]) && determinerBefore(text, int(sc.toks[h.first].start)) {
			continue
		}
		if h.first == h.last && (tax.Entries[tg.entry].Type == taxonomy.Transversal || traitWordHashes()[sc.toks[h.first].hash]) &&
			describesThing(sc.toks, int(h.first)) {
			continue
		}
		if sc.inName(text, h) {
			continue
		}
		if h.first == h.last && slices.Contains(sc.people, h.first) {
			continue
		}
		boiler, asset, negated := ctx.classify(h)
		if negated || deniedBefore(text, sc.toks[h.first]) {
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
	// Counted skills in order of evidence, ties in order of first
	// mention: their indices are sorted (stable), not the large Match
	// values.
	sc.order = sc.order[:0]
	for i := range sc.aggs {
		a := &sc.aggs[i]
		if a.counted {
			a.m.Loose = !a.exact
			sc.order = append(sc.order, int32(i))
		} else {
			a.m.Requirement = ""
			res.Boilerplate = append(res.Boilerplate, a.m)
		}
	}
	slices.SortStableFunc(sc.order, func(i, j int32) int { return cmp.Compare(sc.aggs[i].m.Start, sc.aggs[j].m.Start) })
	if len(sc.order) > 0 {
		res.Skills = make([]Match, len(sc.order))
		for k, i := range sc.order {
			res.Skills[k] = sc.aggs[i].m
		}
	}
	return res
}

func (x *Extractor) span(text string, sc *scratch, h hit) (string, int, int) {
	s, e := int(sc.toks[h.first].start), int(sc.toks[h.last].end)
	return text[s:e], s, e
}
