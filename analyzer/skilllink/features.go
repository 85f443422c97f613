package skilllink

import (
	"math"
	"strings"
	"unicode"

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
}

// NumFeatures is len(FeatureNames).
var NumFeatures = len(FeatureNames)

// window is the sentence around a match: the matcher has no sentence
// boundaries to hand over, so the scorer finds them again.
func window(text string, start, end int) (int, int) {
	const reach = 300
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
	buf   []byte
	ctx   []ctxWord
	label map[string]taxonomy.LabelKind
}

type ctxWord struct {
	h          uint64
	start, end int
}

// Features describes candidate c found in text; others are the other
// candidates of the same text (competition within the sentence). dst is
// reused.
func (m *Meta) Features(dst []float64, text string, c Cand, others []Cand, fb *featBuf) []float64 {
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
	nTok := 0
	fb.buf = words(mt.Text, fb.buf, func(uint64, int, int) { nTok++ })
	if nTok <= 1 {
		dst[4] = 1
	}
	if nTok >= 3 {
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
	ws, we := window(text, mt.Start, mt.End)
	fb.ctx = fb.ctx[:0]
	fb.buf = words(text[ws:we], fb.buf, func(h uint64, s, e int) {
		fb.ctx = append(fb.ctx, ctxWord{h, ws + s, ws + e})
	})
	var hit, total float64
	for _, w := range fb.ctx {
		if stop[w.h] || (w.start >= mt.Start && w.end <= mt.End) {
			continue
		}
		idf := float64(m.idf[w.h])
		if idf == 0 {
			idf = math.Log(float64(max(m.nDocs, 1)))
		}
		total += idf
		if con != nil && con.has(w.h) {
			hit += idf
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
	if !c.Dict {
		dst[21] = 1
	}
	dst[22] = c.Cov
	dst[23] = c.IdfCov
	dst[24] = c.Contig
	dst[25] = math.Log(float64(max(c.LabelWords, 1)))
	if better == 0 {
		dst[26] = 1
	}
	dst[27] = math.Log1p(float64(sharing))
	if con != nil {
		// ~3,000 occupations: scaled to about [0,1].
		dst[28] = math.Log1p(float64(con.essential)) / 8
		dst[29] = math.Log1p(float64(con.optional)) / 8
	}
	return dst
}

// freqFeature maps a share of descriptions to [0,1]: 0 for phrases no
// description uses, near 1 for everyday words.
func freqFeature(f float32) float64 {
	if f <= 0 {
		return 0
	}
	return 1 + math.Log10(float64(f))/4.2 // 1/13,939 → ~0
}

// Vector is Features with fresh buffers, for training and tests.
func (m *Meta) Vector(text string, c Cand, others []Cand) []float64 {
	return m.Features(nil, text, c, others, &featBuf{})
}
