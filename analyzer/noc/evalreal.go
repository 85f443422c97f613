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
	var model, exact struct {
		raw   []float64
		right []bool
	}
	for _, k := range cases {
		s := c.Score(k.Title, "")
		set := &model
		if s.Exact {
			set = &exact
		}
		set.raw = append(set.raw, s.Raw)
		set.right = append(set.right, s.Code == k.Code)
	}
	k := Calibration{Model: FitIsotonic(model.raw, model.right)}
	// Too few verbatim hits to fit their own curve: they share the model's.
	if len(exact.raw) >= 30 {
		k.Exact = FitIsotonic(exact.raw, exact.right)
	}
	return k
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
		r := c.Code(k.Title, "", nil)
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
