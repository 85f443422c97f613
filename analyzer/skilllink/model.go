package skilllink

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Model is a logistic regression over Features: the probability that a
// candidate links the right concept, kept when it reaches Threshold.
type Model struct {
	Features  []string  `json:"features"`
	Weights   []float64 `json:"weights"`
	Threshold float64   `json:"threshold"`
	// Priors count, per concept (its id without escoSkillPrefix), the
	// validation candidates of the concept that were right and wrong, as
	// "right/wrong" (see SetPrior): some concepts are reached mostly by
	// wrong links ("computer programming" from "PowerShell"), others are
	// nearly always right ("English").
	Priors        map[string]string `json:"priors,omitempty"`
	PriorStrength float64           `json:"prior_strength,omitempty"`
	prior         map[string][2]int // Priors parsed, by full id
	// Trained says on what and how, so the file explains itself.
	Trained string `json:"trained"`
	// The semantic proposer a model with the semantic features was
	// fitted with (see Semantic): cosine floor, neighbours per phrase,
	// "all" labels or the preferred ones. Zero: no semantic proposals.
	SemanticMin    float32 `json:"semantic_min,omitempty"`
	SemanticK      int     `json:"semantic_k,omitempty"`
	SemanticLabels string  `json:"semantic_labels,omitempty"`
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

// Indexes of the prior features in FeatureNames; Features leaves them
// zero, the model fills them from its Priors.
const (
	fConceptPrior = 36 + iota
	fConceptSeen
)

// escoSkillPrefix starts every ESCO skill id; the weights file leaves it
// out.
const escoSkillPrefix = "http://data.europa.eu/esco/skill/"

// SetPriors records right and wrong counts per concept id.
func (md *Model) SetPriors(counts map[string][2]int, strength float64) {
	md.Priors, md.prior, md.PriorStrength = map[string]string{}, counts, strength
	for id, n := range counts {
		md.Priors[strings.TrimPrefix(id, escoSkillPrefix)] = fmt.Sprintf("%d/%d", n[0], n[1])
	}
}

func (md *Model) parsePriors() error {
	md.prior = map[string][2]int{}
	for k, v := range md.Priors {
		var n [2]int
		if _, err := fmt.Sscanf(v, "%d/%d", &n[0], &n[1]); err != nil || n[0] < 0 || n[1] < 0 {
			return fmt.Errorf("scorer prior %q of %s: want right/wrong counts", v, k)
		}
		id := k
		if !strings.Contains(k, ":") { // a bare ESCO UUID
			id = escoSkillPrefix + k
		}
		md.prior[id] = n
	}
	return nil
}

// SetPrior writes the prior features of concept id into x.
func (md *Model) SetPrior(x []float64, id string) {
	if len(md.prior) == 0 {
		return
	}
	PriorFeatures(x, md.prior[id], md.PriorStrength)
}

// PriorFeatures writes the prior features of a concept seen right and
// wrong counts[0] and counts[1] times: (right − wrong) / (right + wrong +
// strength), shrunk towards 0 when the concept was seen little, and
// whether it was seen at all.
func PriorFeatures(x []float64, counts [2]int, strength float64) {
	x[fConceptPrior], x[fConceptSeen] = 0, 0
	if n := counts[0] + counts[1]; n > 0 {
		x[fConceptPrior] = float64(counts[0]-counts[1]) / (float64(n) + strength)
		x[fConceptSeen] = 1
	}
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// ParseModel reads a weights file and checks it matches this build's
// features.
func ParseModel(b []byte) (*Model, error) {
	var md Model
	if err := json.Unmarshal(b, &md); err != nil {
		return nil, fmt.Errorf("parse scorer weights: %w", err)
	}
	if want := featureNames(len(md.Features) > len(FeatureNames)); !slices.Equal(md.Features, want) || len(md.Weights) != len(want) {
		return nil, fmt.Errorf("scorer weights are for features %v, this build computes %v: regenerate them (skillpulse eval --only skills --train)", md.Features, want)
	}
	if err := md.parsePriors(); err != nil {
		return nil, err
	}
	return &md, nil
}

// Example is one labelled candidate.
type Example struct {
	X      []float64
	Y      bool
	Weight float64 // 0 counts as 1
}

// Semantic says whether the model was fitted with the semantic features
// (SemanticFeatureNames after FeatureNames).
func (md *Model) Semantic() bool { return len(md.Features) > len(FeatureNames) }

// featureNames are the features of a model without or with the semantic
// ones.
func featureNames(sem bool) []string {
	if !sem {
		return FeatureNames
	}
	return append(slices.Clone(FeatureNames), SemanticFeatureNames...)
}

// Train fits a logistic regression with an L2 penalty (not on the bias) by
// Newton's method: with a few dozen features and a few thousand examples
// it converges in a handful of steps and needs no learning rate. The
// examples' width says whether the semantic features are in.
func Train(ex []Example, l2 float64) *Model {
	d := NumFeatures
	if len(ex) > 0 && len(ex[0].X) == NumFeatures+len(SemanticFeatureNames) {
		d = len(ex[0].X)
	}
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
	return &Model{Features: slices.Clone(featureNames(d > NumFeatures)), Weights: w, Threshold: 0.5}
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
