package dedup

import (
	"testing"
)

// pairScore counts the pairs of postings put in one group by truth and by
// the detector.
type pairScore struct{ truePos, predicted, actual int }

func (s pairScore) precision() float64 { return float64(s.truePos) / float64(max(s.predicted, 1)) }
func (s pairScore) recall() float64    { return float64(s.truePos) / float64(max(s.actual, 1)) }

func scorePairs(docs []synthDoc, groups []string) pairScore {
	var s pairScore
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			same, found := docs[i].job == docs[j].job, groups[i] == groups[j]
			if same {
				s.actual++
			}
			if found {
				s.predicted++
			}
			if same && found {
				s.truePos++
			}
		}
	}
	return s
}

func TestPrecisionRecallOnGeneratedReposts(t *testing.T) {
	docs := corpus(7, 600)
	det := New(DefaultConfig())
	groups := make([]string, len(docs))
	uniques := 0
	for i, d := range docs {
		v := det.Add(d.doc)
		groups[i] = v.Group
		if !v.Duplicate {
			uniques++
		}
	}
	s := scorePairs(docs, groups)
	hard, hardSameTitle := hardNegatives(det, docs)
	t.Logf("%d postings of 600 jobs: %d counted once; pairs: %d true, %d found, %d correct; precision %.3f, recall %.3f; "+
		"hard negatives: %d same-employer pairs in window, %d of them with compatible titles",
		len(docs), uniques, s.actual, s.predicted, s.truePos, s.precision(), s.recall(), hard, hardSameTitle)
	if s.actual < 500 || hard < 500 || hardSameTitle < 50 {
		t.Fatalf("corpus too easy to measure: %d true pairs, %d hard negatives, %d with compatible titles", s.actual, hard, hardSameTitle)
	}
	if s.precision() < 0.95 || s.recall() < 0.95 {
		t.Errorf("precision %.3f, recall %.3f; want both >= 0.95", s.precision(), s.recall())
	}
}

// hardNegatives counts pairs of different jobs by one employer posted
// within the window: shared boilerplate, different role or place.
func hardNegatives(det *Detector, docs []synthDoc) (pairs, sameTitle int) {
	sigs := make([]Sig, len(docs))
	for i, d := range docs {
		sigs[i] = det.Signature(d.doc)
	}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			a, b := sigs[i], sigs[j]
			if docs[i].job == docs[j].job || a.Employer == "" || a.Employer != b.Employer || !det.inWindow(a, b) {
				continue
			}
			pairs++
			if titlesCompatible(a.Title, b.Title) {
				sameTitle++
			}
		}
	}
	return pairs, sameTitle
}
