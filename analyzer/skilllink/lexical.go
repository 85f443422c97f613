package skilllink

import (
	"math"
	"slices"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// Indexes of the lexical features in FeatureNames.
const (
	fPrefOverlap = 30 + iota
	fExtraWords
	fExtraIDF
	fConceptLabels
	fTextConj
	fQualifierName
)

// lexical compares the matched text with the concept's own labels: an
// alternative label sharing no word with the preferred one ("agile" for
// ICT project management methodologies, "PowerShell" for computer
// programming) names a neighbour or an instance rather than the concept;
// words of the text in no label of the concept are the words the matcher
// skipped ("manage Azure resources" for manage resources), and a rare one
// among them usually makes it another skill; a concept with very many
// labels is a broad one that annotators seldom choose for a specific
// mention. Only the text and the concept are read, so the filter's
// per-(concept, text) cache still holds.
func (m *Meta) lexical(dst []float64, text string, e *taxonomy.Entry, fb *featBuf) {
	fb.text = fb.text[:0]
	conj := false
	fb.buf = words(text, fb.buf, func(h uint64, _, _ int) {
		if conjWord[h] {
			conj = true
		}
		if !stop[h] {
			fb.text = append(fb.text, h)
		}
	})
	if conj || strings.ContainsAny(text, "&/") {
		dst[fTextConj] = 1
	}
	dst[fConceptLabels] = math.Log1p(float64(len(e.Labels))) / 4
	pref := strings.TrimSpace(e.Label)
	if i := strings.LastIndexByte(pref, '('); i > 0 && strings.HasSuffix(pref, ")") && strings.EqualFold(strings.TrimSpace(pref[:i]), strings.TrimSpace(text)) {
		dst[fQualifierName] = 1
	}
	if len(fb.text) == 0 {
		return
	}
	// The preferred label in every language: a French match is compared
	// with the French preferred label.
	fb.label = fb.label[:0]
	add := func(h uint64, _, _ int) { fb.label = append(fb.label, h) }
	fb.lbuf = words(e.Label, fb.lbuf, add)
	for _, l := range e.Labels {
		if l.Kind == taxonomy.Preferred && l.Text != e.Label {
			fb.lbuf = words(l.Text, fb.lbuf, add)
		}
	}
	inPref, extra, maxIDF := 0, 0, 0.0
	for _, h := range fb.text {
		if slices.Contains(fb.label, h) {
			inPref++
			continue
		}
		if m.inSomeLabel(e, h, fb) {
			continue
		}
		extra++
		idf := m.maxIDF
		if v, ok := m.idf[h]; ok {
			idf = float64(max(v, 0))
		}
		maxIDF = max(maxIDF, idf)
	}
	dst[fPrefOverlap] = float64(inPref) / float64(len(fb.text))
	dst[fExtraWords] = math.Log1p(float64(extra))
	if m.maxIDF > 0 {
		dst[fExtraIDF] = maxIDF / m.maxIDF
	}
}

// inSomeLabel reports whether word h is a word of one of e's labels.
func (m *Meta) inSomeLabel(e *taxonomy.Entry, h uint64, fb *featBuf) bool {
	found := false
	for _, l := range e.Labels {
		fb.lbuf = words(l.Text, fb.lbuf, func(lh uint64, _, _ int) { found = found || lh == h })
		if found {
			return true
		}
	}
	return false
}

// conjWord are the coordinating words: a match across one joined two
// phrases ("computer vision and machine learning").
var conjWord = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range []string{"and", "or", "et", "ou", "nor"} {
		m[bytesHash(stem([]byte(w)))] = true
	}
	return m
}()
