package skilllink

import (
	"math"
	"strings"
	"unicode"
	"unsafe"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// FeatureNames name the features in the order Features writes them; the
// weights file records them so a stale file is caught at load time.
var FeatureNames = []string{
	"bias",
	"kind_alt", "kind_hidden", "kind_inexact",
	"one_token", "three_plus_tokens", "short_text",
	"log_ambiguity",
	"type_knowledge", "type_transversal",
	"reuse_cross", "reuse_sector", "reuse_occupation",
	"case_capitalized", "case_all_caps",
	"surface_desc_freq", "label_desc_freq",
	"ctx_idf_overlap", "ctx_any_overlap",
	"log_other_matches", "log_sentence_words",
	"proposal_only", "coverage", "idf_coverage", "contiguity", "log_label_words",
	"proposal_rank_top", "log_proposals_sharing_words",
	"occupations_essential", "occupations_optional",
	"pref_overlap", "log_extra_words", "extra_idf_max", "log_concept_labels", "text_has_conj", "qualifier_name",
	"concept_prior", "concept_seen",
	"loose_match", "loose_pref_overlap", "log_loose_rivals",
}

// Loose matches of the extractor (the label's stems in another order, or
// a skill's object without its verb): a mark, its preferred-label overlap
// (the object of the concept's own name, or a neighbour's), and the other
// concepts matched on the same words ("services for customers" is
// customer service, communicate with customers, …), which like nearby
// depends on the other matches and stays out of the filter's cache.
const (
	fLoose = 38 + iota
	fLoosePref
	fLooseRivals
)

// nearbyFeature is the one feature of the fast path that depends on the
// other matches; the rest is cached per (concept, text).
const nearbyFeature = 19

// NumFeatures is len(FeatureNames).
var NumFeatures = len(FeatureNames)

// window is the sentence around a match: the matcher has no sentence
// boundaries to hand over, so the scorer finds them again.
func window(text string, start, end int) (int, int) {
	const reach = 100 // bytes each side: enough for the clause, cheap
	s := start
	for s > 0 && start-s < reach {
		c := text[s-1]
		if c == '\n' || (c == ' ' && s >= 2 && (text[s-2] == '.' || text[s-2] == '!' || text[s-2] == '?' || text[s-2] == ';')) {
			break
		}
		s--
	}
	e := end
	for e < len(text) && e-end < reach {
		c := text[e]
		if c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ';') && (e+1 == len(text) || text[e+1] == ' ' || text[e+1] == '\n')) {
			break
		}
		e++
	}
	return s, e
}

// featBuf is per-call scratch.
type featBuf struct {
	buf    []byte
	lbuf   []byte
	text   []uint64 // content words of the matched text
	label  []uint64 // words of the concept's preferred label
	ctx    []ctxWord
	ctxFor [2]int // the window ctx holds, +1 (zero: none)
	doc    string
}

type ctxWord struct {
	h          uint64
	start, end int
	idf        float64 // 0 for stop words
}

// Features describes candidate c found in text; others are the other
// candidates of the same text (competition within the sentence). dst is
// reused. Without full, the sentence is not read (no description overlap,
// no sentence length, no competing proposals) and nearby, the number of
// other matches close by, stands for the competition: the filter scores
// ~20,000 matches per MB, so it can afford little more than lookups.
func (m *Meta) Features(dst []float64, text string, c Cand, others []Cand, full bool, nearby int, fb *featBuf) []float64 {
	dst = append(dst[:0], make([]float64, NumFeatures)...)
	dst[0] = 1
	mt := c.Match
	e, ok := m.tax.Lookup(mt.ID)
	con := m.concepts[mt.ID]
	low := strings.ToLower(mt.Text)
	kind, exact := c.Kind, false
	if ok {
		for _, l := range e.Labels {
			if strings.EqualFold(l.Text, mt.Text) {
				kind, exact = l.Kind, true
				break
			}
		}
	}
	if !exact {
		dst[3] = 1
	}
	switch kind {
	case taxonomy.Alternative:
		dst[1] = 1
	case taxonomy.Hidden:
		dst[2] = 1
	}
	nTok, content := 0, 0
	fb.buf = words(mt.Text, fb.buf, func(h uint64, _, _ int) {
		nTok++
		if !stop[h] {
			content++
		}
	})
	if nTok <= 1 {
		dst[4] = 1
	}
	// Content words: French labels carry articles ("préparer les
	// sandwichs") that make them longer than their English twins.
	if content >= 3 {
		dst[5] = 1
	}
	if len(mt.Text) <= 3 {
		dst[6] = 1
	}
	if n := m.surface[low]; n > 1 {
		dst[7] = math.Log(float64(n))
	}
	switch mt.Type {
	case string(taxonomy.Knowledge):
		dst[8] = 1
	case string(taxonomy.Transversal):
		dst[9] = 1
	}
	if con != nil {
		if con.knowledge {
			dst[8] = 1
		}
		switch con.reuse {
		case reuseCross:
			dst[10] = 1
		case reuseSector:
			dst[11] = 1
		case reuseOccupation:
			dst[12] = 1
		}
	}
	upper, lower := 0, 0
	for _, r := range mt.Text {
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
	}
	if upper > 0 && lower > 0 {
		dst[13] = 1
	}
	if upper > 1 && lower == 0 {
		dst[14] = 1
	}
	dst[15] = freqFeature(m.phraseFreq(mt.Text, &fb.buf))
	if con != nil {
		dst[16] = freqFeature(con.labelDF)
	}
	if !c.Dict {
		dst[21] = 1
	}
	if mt.Loose {
		dst[fLoose] = 1
	}
	dst[22] = c.Cov
	dst[23] = c.IdfCov
	dst[24] = c.Contig
	lw := c.LabelWords
	if c.Dict && lw == 0 {
		lw = content // the dictionary matched the label's words
	}
	dst[25] = math.Log(float64(max(lw, 1)))
	if con != nil {
		// ~3,000 occupations: scaled to about [0,1].
		dst[28] = math.Log1p(float64(con.essential)) / 8
		dst[29] = math.Log1p(float64(con.optional)) / 8
	}
	if ok {
		m.lexical(dst, mt.Text, e, fb)
	}
	if mt.Loose {
		dst[fLoosePref] = dst[fPrefOverlap]
		dst[fLooseRivals] = math.Log1p(float64(looseRivals(c, others)))
	}
	if !full {
		dst[nearbyFeature] = math.Log1p(float64(nearby))
		dst[26] = 1
		return dst
	}
	ws, we := window(text, mt.Start, mt.End)
	// Matches of one sentence share its words: tokenize it once.
	if fb.ctxFor != [2]int{ws + 1, we + 1} || unsafe.StringData(fb.doc) != unsafe.StringData(text) || len(fb.doc) != len(text) {
		fb.ctxFor, fb.doc = [2]int{ws + 1, we + 1}, text
		fb.ctx = fb.ctx[:0]
		fb.buf = words(text[ws:we], fb.buf, func(h uint64, s, e int) {
			w := ctxWord{h: h, start: ws + s, end: ws + e}
			switch v, ok := m.idf[h]; {
			case !ok:
				w.idf = m.maxIDF
			case v > 0:
				w.idf = float64(v)
			}
			fb.ctx = append(fb.ctx, w)
		})
	}
	var hit, total float64
	for _, w := range fb.ctx {
		if w.idf == 0 || (w.start >= mt.Start && w.end <= mt.End) {
			continue
		}
		total += w.idf
		if con != nil && con.has(w.h) {
			hit += w.idf
			dst[18] = 1
		}
	}
	if total > 0 {
		dst[17] = hit / total
	}
	n, sharing, better := 0, 0, 0
	for _, o := range others {
		if o.Match.ID == mt.ID || o.Match.Start < ws || o.Match.End > we {
			continue
		}
		if o.Dict {
			n++
		}
		if o.Match.Start < mt.End && mt.Start < o.Match.End {
			sharing++
			if o.IdfCov*o.Contig > c.IdfCov*c.Contig {
				better++
			}
		}
	}
	dst[19] = math.Log1p(float64(n))
	dst[20] = math.Log1p(float64(len(fb.ctx)))
	if better == 0 {
		dst[26] = 1
	}
	dst[27] = math.Log1p(float64(sharing))
	return dst
}

// looseRivals counts the other concepts' matches, loose or not,
// overlapping c.
func looseRivals(c Cand, others []Cand) int {
	n := 0
	for _, o := range others {
		if o.Match.Start < c.Match.End && c.Match.Start < o.Match.End && o.Match.ID != c.Match.ID {
			n++
		}
	}
	return n
}

// freqFeature maps a share of descriptions to [0,1]: 0 for phrases no
// description uses, near 1 for everyday words.
func freqFeature(f float32) float64 {
	if f <= 0 {
		return 0
	}
	return 1 + math.Log10(float64(f))/4.2 // 1/13,939 → ~0
}

// Vectors are the features of every candidate of one text, as the scorer
// computes them (full for proposals, the fast path for the filter).
func (m *Meta) Vectors(text string, cands []Cand, full bool) [][]float64 {
	near := Nearby(cands)
	out := make([][]float64, len(cands))
	fb := &featBuf{}
	for i, c := range cands {
		out[i] = m.Features(nil, text, c, cands, full, near[i], fb)
	}
	return out
}

// nearReach is how close (bytes) another match must start to compete.
const nearReach = 100

// Nearby counts, for each candidate, the other dictionary candidates that
// start within nearReach bytes of it (candidates sorted by start, as the
// extractor returns them).
func Nearby(cands []Cand) []int {
	out := make([]int, len(cands))
	nearby(cands, out)
	return out
}

func nearby(cands []Cand, out []int) {
	lo := 0
	for i := range cands {
		s := cands[i].Match.Start
		for lo < i && cands[lo].Match.Start < s-nearReach {
			lo++
		}
		n := 0
		for j := lo; j < len(cands) && cands[j].Match.Start <= cands[i].Match.End+nearReach; j++ {
			if j != i && cands[j].Dict && cands[j].Match.ID != cands[i].Match.ID {
				n++
			}
		}
		out[i] = n
	}
}

// Vector is Features with fresh buffers (nearby 0), for tests.
func (m *Meta) Vector(text string, c Cand, others []Cand, full bool) []float64 {
	return m.Features(nil, text, c, others, full, 0, &featBuf{})
}
