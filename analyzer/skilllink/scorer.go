// Package skilllink decides, for each skill the dictionary matcher found,
// whether it links the right ESCO concept, and optionally proposes
// concepts for paraphrases the dictionary cannot match: a small logistic
// regression over features of each candidate (label kind, ambiguity of the
// surface form, how common its words are in ESCO descriptions, overlap of
// the sentence with the concept's description, concept type and reuse
// level, label-word coverage, competing candidates). Its weights are
// learned by `skillpulse eval --only skills --train` and shipped in
// weights.json.
package skilllink

import (
	"crypto/sha256"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/skillpulse/skillpulse/analyzer/extract"
)

//go:embed weights.json
var defaultWeights []byte

// DefaultModel is the model shipped with this build for a mode (filter
// or propose: each has its own weights and threshold).
func DefaultModel(mode Mode) (*Model, error) {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(defaultWeights, &all); err != nil {
		return nil, fmt.Errorf("parse shipped scorer weights: %w", err)
	}
	b, ok := all[string(mode)]
	if !ok {
		return nil, fmt.Errorf("no shipped scorer weights for mode %q", mode)
	}
	return ParseModel(b)
}

// Version names the model and mode: "skilllink/filter#<hash of the
// weights>", with "+loose" when it judges loose matches.
func (s *Scorer) Version() string {
	b, _ := json.Marshal(s.model) // encoding/json sorts map keys: the same weights give the same bytes
	sum := sha256.Sum256(b)
	mode := "filter"
	if s.propose {
		mode = "propose"
	}
	if s.sem != nil {
		mode += "+semantic"
	}
	v := fmt.Sprintf("skilllink/%s#%x", mode, sum[:6])
	if !s.noLoose {
		v += "+loose"
	}
	return v
}

// Scorer re-decides the dictionary's matches and, with Propose, adds
// paraphrase candidates the model trusts. It implements extract.Rescorer.
type Scorer struct {
	meta    *Meta
	model   *Model
	propose bool
	noLoose bool
	pool    sync.Pool
	sem     *Semantic // the optional semantic stage (nil: off)

	// static caches the fast path's score without the nearby term, per
	// (concept, text as written): postings repeat the same few thousand
	// surface forms, so scoring is mostly one lookup.
	mu     sync.RWMutex
	static map[staticKey]float64
}

type staticKey struct {
	id, text string
	loose    bool
}

// maxStatic bounds the cache; it is emptied when full.
const maxStatic = 1 << 18

// NewScorer pairs ESCO metadata with a model; propose turns on paraphrase
// proposals (slower: every sentence is looked up in a word index).
func NewScorer(meta *Meta, model *Model, propose bool) *Scorer {
	s := &Scorer{meta: meta, model: model, propose: propose, static: map[staticKey]float64{}}
	s.pool.New = func() any { return &scoreBuf{} }
	if propose {
		meta.proposals()
	}
	return s
}

type scoreBuf struct {
	fb    featBuf
	pb    propBuf
	x     []float64
	probs []float64
	cands []Cand
	near  []int
}

// Candidates are the dictionary's counted matches, and with propose the
// paraphrase proposals of every sentence, merged by concept and sentence.
func (m *Meta) Candidates(text string, res extract.Result, propose bool) []Cand {
	return m.candidates(text, res, propose, &scoreBuf{})
}

func (m *Meta) candidates(text string, res extract.Result, propose bool, b *scoreBuf) []Cand {
	out := b.cands[:0]
	if propose {
		p := m.proposals()
		sentences(text, func(s, e int) { out = p.propose(m.tax, text, s, e, &b.pb, out) })
	}
	nProp := len(out)
	for _, mt := range res.Skills {
		ws, we := window(text, mt.Start, mt.End)
		merged := false
		for i := range out[:nProp] {
			c := &out[i]
			if !c.Dict && c.Match.ID == mt.ID && c.sent[0] <= mt.Start && mt.End <= c.sent[1] {
				c.Dict, c.Match, merged = true, mt, true
				break
			}
		}
		if !merged {
			out = append(out, Cand{Match: mt, Dict: true, Cov: 1, IdfCov: 1, Contig: 1, sent: [2]int{ws, we}})
		}
	}
	b.cands = out
	return out
}

// Rescore keeps the candidates whose probability reaches the model's
// threshold, one per concept (the dictionary's evidence first, else the
// most probable proposal). Boilerplate mentions are left as they are.
func (s *Scorer) Rescore(text string, res extract.Result) extract.Result {
	if len(res.Skills) == 0 && !s.propose {
		return res
	}
	b := s.pool.Get().(*scoreBuf)
	defer s.pool.Put(b)
	if s.sem != nil {
		return s.rescoreSemantic(text, res)
	}
	if !s.propose {
		return s.filter(text, res, b)
	}
	cands := s.meta.candidates(text, res, true, b)
	probs := b.probs[:0]
	for _, c := range cands {
		b.x = s.meta.Features(b.x, text, c, cands, true, 0, &b.fb)
		s.model.SetPrior(b.x, c.Match.ID)
		probs = append(probs, s.model.Prob(b.x))
	}
	b.probs = probs
	res.Skills = s.keepBest(cands, probs)
	return res
}

// keepBest keeps the candidates whose probability reaches the threshold,
// one per concept (the dictionary's evidence first, else the most
// probable proposal), in text order.
func (s *Scorer) keepBest(cands []Cand, probs []float64) []extract.Match {
	var kept []extract.Match
	var fromDict []bool
	for i, c := range cands {
		if probs[i] < s.model.Threshold {
			continue
		}
		j := -1
		for i := range kept {
			if kept[i].ID == c.Match.ID {
				j = i
				break
			}
		}
		switch {
		case j < 0:
			kept = append(kept, c.Match)
			fromDict = append(fromDict, c.Dict)
		case c.Dict && !fromDict[j]:
			// The dictionary's match carries the exact evidence and the
			// requirement its clause gave it.
			c.Match.Mentions += kept[j].Mentions
			kept[j], fromDict[j] = c.Match, true
		default:
			kept[j].Mentions++
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].Start < kept[j].Start })
	return kept
}

// filter is the fast path: dictionary matches only, no sentence reading.
func (s *Scorer) filter(text string, res extract.Result, b *scoreBuf) extract.Result {
	cands := b.cands[:0]
	for _, mt := range res.Skills {
		cands = append(cands, Cand{Match: mt, Dict: true, Cov: 1, IdfCov: 1, Contig: 1})
	}
	b.cands = cands
	if cap(b.near) < len(cands) {
		b.near = make([]int, len(cands))
	}
	b.near = b.near[:len(cands)]
	nearby(cands, b.near)
	// The matches are the caller's fresh slice: filter it in place.
	kept := res.Skills[:0]
	w := s.model.Weights[nearbyFeature]
	for i, c := range cands {
		k := staticKey{c.Match.ID, c.Match.Text, c.Match.Loose}
		s.mu.RLock()
		z, ok := s.static[k]
		s.mu.RUnlock()
		if !ok {
			b.x = s.meta.Features(b.x, text, c, cands, false, 0, &b.fb)
			s.model.SetPrior(b.x, c.Match.ID)
			z = s.model.Logit(b.x) - s.model.Weights[fLooseRivals]*b.x[fLooseRivals]
			s.mu.Lock()
			if len(s.static) >= maxStatic {
				clear(s.static)
			}
			// The key's text is a piece of this posting: a copy keeps the
			// posting from staying alive in the cache, and the keys
			// compared on later hits close together in memory.
			k.text = strings.Clone(k.text)
			s.static[k] = z
			s.mu.Unlock()
		}
		if c.Match.Loose {
			z += s.model.Weights[fLooseRivals] * math.Log1p(float64(looseRivals(c, cands)))
		}
		if sigmoid(z+w*math.Log1p(float64(b.near[i]))) >= s.model.Threshold {
			kept = append(kept, c.Match)
		}
	}
	res.Skills = kept
	return res
}

// JudgesLoose: the model has features for the extractor's loose matches
// and was fitted with them, so the extractor proposes them unless told
// not to (SetLoose).
func (s *Scorer) JudgesLoose() bool { return !s.noLoose }

// SetLoose says whether the extractor should propose loose matches to
// this scorer (default yes: more recall, ~25% more extraction time). Call
// it before installing the scorer (extract.Extractor.SetRescorer).
func (s *Scorer) SetLoose(on bool) { s.noLoose = !on }

var (
	_ extract.Rescorer   = (*Scorer)(nil)
	_ extract.LooseJudge = (*Scorer)(nil)
)
