package noc

import (
	"fmt"
	"io"
	"math"
)

// SplitONet splits crosswalked O*NET titles by hash of code and text, so
// the split does not depend on file order: of the titles whose occupation
// maps to one unit group, one in five is held out, half of those
// (Calibrate) to fit the calibration, half (Test) to measure it. Of the
// titles the crosswalks disagree on but most of them map to one unit
// group, as many are held out into Majority, a wider test. The rest may
// train a coder, with the titles split over several unit groups, when
// their cleaned text is not held out. Held-out titles are deduplicated on
// their cleaned text and code, and none is used for training.
func SplitONet(titles []Title) (train []Title, calibrate, test, majority []Case) {
	seen := map[bool]map[string]bool{false: {}, true: {}} // per test set
	held := map[string]bool{}
	var split []Title
	for _, t := range titles {
		if t.Ambiguous && t.Weight > 0 && t.Weight < 1 {
			split = append(split, t)
			continue
		}
		h := hash(t.Code + "|" + t.Text)
		if h%5 != 0 {
			split = append(split, t)
			continue
		}
		clean := cleanTitle(t.Text)
		held[clean] = true
		key := t.Code + "|" + clean
		if seen[t.Ambiguous][key] {
			continue
		}
		seen[t.Ambiguous][key] = true
		k := Case{Title: t.Text, Code: t.Code, Lang: t.Lang}
		switch {
		case t.Ambiguous:
			majority = append(majority, k)
		case (h/5)%2 == 0:
			calibrate = append(calibrate, k)
		default:
			test = append(test, k)
		}
	}
	for _, t := range split {
		if !held[cleanTitle(t.Text)] {
			train = append(train, t)
		}
	}
	return train, calibrate, test, majority
}

// HalveCases splits cases by hash of title and code into one half to fit
// a calibration on and one to measure it on.
func HalveCases(cases []Case) (calibrate, test []Case) {
	for _, k := range cases {
		if hash(k.Code+"#"+k.Title)%2 == 0 {
			calibrate = append(calibrate, k)
		} else {
			test = append(test, k)
		}
	}
	return calibrate, test
}

// Fit fits a calibration to the coder's raw scores on cases it was not
// trained on.
func Fit(c *Coder, cases []Case) Calibration {
	var o Outcomes
	o.Score(c, cases, 1)
	return o.Fit()
}

// Outcomes are a coder's raw scores on held-out cases and whether each
// answer was right, verbatim index hits apart, each with a weight: what a
// calibration is fitted on.
type Outcomes struct {
	model, exact scored
	total        float64
}

type scored struct {
	raw, weight []float64
	right       []bool
}

// Score adds the answers of c on cases, each at weight w.
func (o *Outcomes) Score(c *Coder, cases []Case, w float64) {
	for _, k := range cases {
		s := c.Score(k.Title, "")
		set := &o.model
		if s.Exact {
			set = &o.exact
		}
		set.raw = append(set.raw, s.Raw)
		set.right = append(set.right, s.Code == k.Code)
		set.weight = append(set.weight, w)
		o.total += w
	}
}

// Weight is the summed weight of the answers added so far.
func (o *Outcomes) Weight() float64 { return o.total }

// Fit fits the calibration to the answers.
func (o *Outcomes) Fit() Calibration {
	k := Calibration{Model: FitIsotonicWeighted(o.model.raw, o.model.right, o.model.weight)}
	// Too few verbatim hits to fit their own curve: they share the model's.
	if len(o.exact.raw) >= 30 {
		k.Exact = FitIsotonicWeighted(o.exact.raw, o.exact.right, o.exact.weight)
	}
	return k
}

// CrossFit fits a calibration on out-of-fold scores, many more than one
// held-out half gives: pool (crosswalked O*NET titles) is split into folds
// by hash of cleaned text, and each fold's titles whose unit group the
// crosswalks agree on are scored by a coder over base and the other folds
// (at weight); the cases of also are scored by the coder c. The fold
// coders learn from a little less than c does, so the curve errs on the
// side of modesty.
func CrossFit(c *Coder, also []Case, base, pool []Title, weight float32, folds int) Calibration {
	var o Outcomes
	o.Score(c, also, 1)
	o.CrossScore(c, base, pool, weight, folds)
	return o.Fit()
}

// CrossScore adds out-of-fold answers on pool, as CrossFit describes, at
// weight 1 each.
func (o *Outcomes) CrossScore(c *Coder, base, pool []Title, weight float32, folds int) {
	for f := 0; f < folds && len(pool) > 0; f++ {
		train := append([]Title(nil), base...)
		var rest, held []Title
		for _, t := range pool {
			if int(hash(cleanTitle(t.Text))%uint32(folds)) != f {
				rest = append(rest, t)
			} else {
				held = append(held, t)
			}
		}
		train = append(train, Weighted(rest, weight)...)
		o.Score(NewCoder(train, c.opts), TitleCases(held), 1)
	}
}

// TitleCases are titles as test cases: those whose unit group their
// source is sure of, each cleaned text once per group.
func TitleCases(titles []Title) []Case {
	var cases []Case
	seen := map[string]bool{}
	for _, t := range titles {
		clean := cleanTitle(t.Text)
		if key := t.Code + "|" + clean; !t.Ambiguous && clean != "" && !seen[key] {
			seen[key] = true
			cases = append(cases, Case{Title: t.Text, Code: t.Code, Lang: t.Lang})
		}
	}
	return cases
}

// SetCalibration replaces the coder's calibration; call it before the
// coder is shared.
func (c *Coder) SetCalibration(k Calibration) { c.calib = k }

// Bin is one row of a reliability table.
type Bin struct {
	Lo, Hi         float64
	Count          int
	MeanConfidence float64
	Accuracy       float64
}

// Reliability bins the coder's confidence on cases in ten equal-width
// bins, with the expected calibration error (the count-weighted mean gap
// between confidence and accuracy) and the accuracy among answers of
// confidence at least 0.9. An unclassified answer counts as wrong at the
// confidence its best group had.
func Reliability(c *Coder, cases []Case) (bins []Bin, ece, acc90 float64, n90 int) {
	bins = make([]Bin, 10)
	for i := range bins {
		bins[i].Lo, bins[i].Hi = float64(i)/10, float64(i+1)/10
	}
	right90 := 0
	for _, k := range cases {
		r := c.Code(k.Title, k.Description, nil)
		b := &bins[min(int(r.Confidence*10), 9)]
		b.Count++
		b.MeanConfidence += r.Confidence
		ok := r.Code == k.Code
		if ok {
			b.Accuracy++
		}
		if r.Confidence >= 0.9 {
			n90++
			if ok {
				right90++
			}
		}
	}
	for i := range bins {
		b := &bins[i]
		if b.Count == 0 {
			continue
		}
		gap := math.Abs(b.MeanConfidence - b.Accuracy)
		ece += gap / float64(len(cases))
		b.MeanConfidence /= float64(b.Count)
		b.Accuracy /= float64(b.Count)
	}
	if n90 > 0 {
		acc90 = float64(right90) / float64(n90)
	}
	return bins, ece, acc90, n90
}

// WriteReliability prints a reliability table.
func WriteReliability(w io.Writer, bins []Bin, ece, acc90 float64, n90 int) {
	fmt.Fprintln(w, "  confidence   count  mean conf  accuracy")
	for _, b := range bins {
		if b.Count == 0 {
			continue
		}
		fmt.Fprintf(w, "  %.1f-%.1f   %7d     %.3f     %.3f\n", b.Lo, b.Hi, b.Count, b.MeanConfidence, b.Accuracy)
	}
	fmt.Fprintf(w, "  expected calibration error %.3f; accuracy at confidence >= 0.9: %.3f (%d answers)\n", ece, acc90, n90)
}
