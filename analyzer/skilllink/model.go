package skilllink

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

// Model is a logistic regression over Features: the probability that a
// candidate links the right concept, kept when it reaches Threshold.
type Model struct {
	Features  []string  `json:"features"`
	Weights   []float64 `json:"weights"`
	Threshold float64   `json:"threshold"`
	// Trained says on what and how, so the file explains itself.
	Trained string `json:"trained"`
}

// Prob is the model's probability for one feature vector.
func (md *Model) Prob(x []float64) float64 { return sigmoid(md.Logit(x)) }

// Logit is the model's log-odds for one feature vector.
func (md *Model) Logit(x []float64) float64 {
	z := 0.0
	for i, w := range md.Weights {
		z += w * x[i]
	}
	return z
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// ParseModel reads a weights file and checks it matches this build's
// features.
func ParseModel(b []byte) (*Model, error) {
	var md Model
	if err := json.Unmarshal(b, &md); err != nil {
		return nil, fmt.Errorf("parse scorer weights: %w", err)
	}
	if !slices.Equal(md.Features, FeatureNames) || len(md.Weights) != len(FeatureNames) {
		return nil, fmt.Errorf("scorer weights are for features %v, this build computes %v: regenerate them (skillpulse eval --only skills --train)", md.Features, FeatureNames)
	}
	return &md, nil
}

// Example is one labelled candidate.
type Example struct {
	X      []float64
	Y      bool
	Weight float64 // 0 counts as 1
}

// Train fits a logistic regression with an L2 penalty (not on the bias) by
// Newton's method: with a few dozen features and a few thousand examples
// it converges in a handful of steps and needs no learning rate.
func Train(ex []Example, l2 float64) *Model {
	d := NumFeatures
	w := make([]float64, d)
	for iter := 0; iter < 25; iter++ {
		g := make([]float64, d)
		h := make([]float64, d*d)
		for _, e := range ex {
			p := (&Model{Weights: w}).Prob(e.X)
			y := 0.0
			if e.Y {
				y = 1
			}
			sw := e.Weight
			if sw == 0 {
				sw = 1
			}
			for i := 0; i < d; i++ {
				g[i] += sw * (p - y) * e.X[i]
				for j := 0; j <= i; j++ {
					h[i*d+j] += sw * p * (1 - p) * e.X[i] * e.X[j]
				}
			}
		}
		for i := 0; i < d; i++ {
			for j := 0; j < i; j++ {
				h[j*d+i] = h[i*d+j]
			}
			reg := l2
			if i == 0 {
				reg = 1e-6
			}
			g[i] += reg * w[i]
			h[i*d+i] += reg
		}
		step, ok := solve(h, g, d)
		if !ok {
			break
		}
		delta := 0.0
		for i := range w {
			w[i] -= step[i]
			delta = max(delta, math.Abs(step[i]))
		}
		if delta < 1e-6 {
			break
		}
	}
	return &Model{Features: slices.Clone(FeatureNames), Weights: w, Threshold: 0.5}
}

// solve solves a·x = b for a symmetric positive definite a (Cholesky).
func solve(a, b []float64, n int) ([]float64, bool) {
	l := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			s := a[i*n+j]
			for k := 0; k < j; k++ {
				s -= l[i*n+k] * l[j*n+k]
			}
			if i == j {
				if s <= 0 {
					return nil, false
				}
				l[i*n+i] = math.Sqrt(s)
			} else {
				l[i*n+j] = s / l[j*n+j]
			}
		}
	}
	y := make([]float64, n)
	for i := 0; i < n; i++ {
		s := b[i]
		for k := 0; k < i; k++ {
			s -= l[i*n+k] * y[k]
		}
		y[i] = s / l[i*n+i]
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := y[i]
		for k := i + 1; k < n; k++ {
			s -= l[k*n+i] * x[k]
		}
		x[i] = s / l[i*n+i]
	}
	return x, true
}
