package noc

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestFitIsotonic(t *testing.T) {
	// Accuracy falls between 0.2 and 0.4 then rises: the violators pool.
	raw := []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.6}
	right := []bool{false, true, false, false, true, true, false}
	c := FitIsotonic(raw, right)
	for i := 1; i < len(c.Raw); i++ {
		if c.Raw[i] <= c.Raw[i-1] || c.Prob[i] < c.Prob[i-1] {
			t.Fatalf("not monotone: %+v", c)
		}
	}
	// Blocks: {0.1}=0, {0.2,0.3,0.4}=1/3, {0.5}=1 then tie {0.6,0.6}=1/2 pools with it: 2/3.
	want := Curve{Raw: []float64{0.1, 0.3, 17.0 / 30}, Prob: []float64{0, 1.0 / 3, 2.0 / 3}}
	if len(c.Raw) != len(want.Raw) {
		t.Fatalf("curve %+v, want %+v", c, want)
	}
	for i := range want.Raw {
		if d := c.Raw[i] - want.Raw[i]; d*d > 1e-12 || (c.Prob[i]-want.Prob[i])*(c.Prob[i]-want.Prob[i]) > 1e-12 {
			t.Fatalf("curve %+v, want %+v", c, want)
		}
	}
	if got := c.Apply(0.05); got != 0 {
		t.Errorf("below the first step: %v", got)
	}
	if got := c.Apply(0.2); got < 1.0/6-1e-9 || got > 1.0/6+1e-9 {
		t.Errorf("halfway between the first two steps: %v, want 1/6", got)
	}
	if got := c.Apply(0.99); got != 2.0/3 {
		t.Errorf("past the last step: %v", got)
	}
}

// A weight of k is k copies of the answer; a zero weight leaves it out.
func TestFitIsotonicWeightedIsDuplication(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	var raw, dupRaw, w []float64
	var right, dupRight []bool
	for i := 0; i < 300; i++ {
		x := float64(r.IntN(40)) / 40 // ties, as calibrated scores have
		ok := r.Float64() < x
		k := r.IntN(4) // 0 to 3 copies
		raw, right, w = append(raw, x), append(right, ok), append(w, float64(k))
		for j := 0; j < k; j++ {
			dupRaw, dupRight = append(dupRaw, x), append(dupRight, ok)
		}
	}
	got, want := FitIsotonicWeighted(raw, right, w), FitIsotonic(dupRaw, dupRight)
	if len(got.Raw) != len(want.Raw) {
		t.Fatalf("weighted curve has %d steps, duplicated %d", len(got.Raw), len(want.Raw))
	}
	for i := range want.Raw {
		if d, e := got.Raw[i]-want.Raw[i], got.Prob[i]-want.Prob[i]; d*d > 1e-18 || e*e > 1e-18 {
			t.Fatalf("step %d: weighted (%v, %v), duplicated (%v, %v)", i, got.Raw[i], got.Prob[i], want.Raw[i], want.Prob[i])
		}
	}
}

func TestCalibrationRoundTrip(t *testing.T) {
	k := Calibration{Model: Curve{Raw: []float64{0.1, 0.5}, Prob: []float64{0.05, 0.4}}, Exact: Curve{Raw: []float64{0.9}, Prob: []float64{0.8}}}
	var b bytes.Buffer
	if err := k.Write(&b); err != nil {
		t.Fatal(err)
	}
	got, err := ReadCalibration(&b)
	if err != nil || len(got.Model.Raw) != 2 || got.Model.Prob[1] != 0.4 || got.Exact.Raw[0] != 0.9 {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
	// Steps close to 1 survive the file: a verbatim hit's raw scores differ
	// in the fifth decimal.
	near := Calibration{Exact: Curve{Raw: []float64{0.99981, 0.999987, 0.9999991, 1}, Prob: []float64{0.53, 0.77, 0.87, 0.93}}}
	b.Reset()
	if err := near.Write(&b); err != nil {
		t.Fatal(err)
	}
	if got, err := ReadCalibration(&b); err != nil || !sameCalibration(got, near) || got.Exact.Apply(0.9999991) != 0.87 {
		t.Fatalf("steps near 1: %+v, %v", got, err)
	}
	for _, bad := range []string{"model\t0.5\n", "model\t0.5\t1.5\n", "other\t0.1\t0.1\n", "model\t0.5\t0.5\nmodel\t0.4\t0.6\n"} {
		if _, err := ReadCalibration(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	for _, kind := range []CoderKind{BuiltinCoder, IndexCoder, IndexOnlyCoder} {
		if k := DefaultCalibration(kind); len(k.Model.Raw) < 5 || len(k.Exact.Raw) == 0 {
			t.Errorf("built-in calibration (kind %d) missing or short: %+v", kind, k)
		}
	}
}

// checkCoherent: the first candidate is Code's answer with Code's
// confidence when Code classifies (and below the threshold when not);
// confidences are probabilities, best first, summing to at most 1.
func checkCoherent(t *testing.T, c *Coder, title string) {
	t.Helper()
	code := c.Code(title, "", nil)
	got := c.Candidates(title, "", MaxCandidates)
	if len(got) == 0 {
		if code.Code != Unclassified {
			t.Errorf("%q: no candidates, Code %+v", title, code)
		}
		return
	}
	if code.Code != Unclassified && (got[0].Code != code.Code || got[0].Confidence != code.Confidence) {
		t.Errorf("%q: first candidate %+v, Code %+v", title, got[0], code)
	}
	if code.Code == Unclassified && (code.Confidence != 0 || got[0].Confidence >= DefaultThreshold) {
		t.Errorf("%q: unclassified %+v with first candidate %+v", title, code, got[0])
	}
	sum := 0.0
	for i, r := range got {
		sum += r.Confidence
		if r.Confidence < 0 || r.Confidence > 1 || (i > 0 && r.Confidence > got[i-1].Confidence) {
			t.Errorf("%q: candidates not monotone probabilities: %+v", title, got)
		}
	}
	if sum > 1+1e-9 {
		t.Errorf("%q: confidences sum to %v: %+v", title, sum, got)
	}
}

// TestCoherentProperty checks every answer over random titles made of
// built-in title words, noise and verbatim titles.
func TestCoherentProperty(t *testing.T) {
	c := NewBuiltin()
	titles := BuiltinTitles()
	var words []string
	for _, x := range titles {
		words = append(words, strings.Fields(x.Text)...)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		var title string
		switch i % 3 {
		case 0:
			title = titles[rng.IntN(len(titles))].Text
		case 1:
			x := titles[rng.IntN(len(titles))]
			title = Noisy(x.Text, x.Lang, rng.Uint32())
		default:
			n := 1 + rng.IntN(4)
			parts := make([]string, n)
			for j := range parts {
				parts[j] = words[rng.IntN(len(words))]
			}
			title = strings.Join(parts, " ")
		}
		checkCoherent(t, c, title)
	}
}

// TestLowConfidenceFlag: Code flags a classified answer below the
// configured LowConfidence, and only then.
func TestLowConfidenceFlag(t *testing.T) {
	titles := BuiltinTitles()
	low := NewCoder(titles, Options{Threshold: 0.01, LowConfidence: 0.99})
	high := NewCoder(titles, Options{Threshold: 0.01, LowConfidence: 0.01})
	flagged := 0
	for _, x := range titles[:300] {
		a, b := low.Code(x.Text, "", nil), high.Code(x.Text, "", nil)
		if a.Code == Unclassified {
			continue
		}
		if a.LowConfidence != (a.Confidence < 0.99) || b.LowConfidence != (b.Confidence < 0.01) {
			t.Fatalf("%q: %+v / %+v", x.Text, a, b)
		}
		if a.LowConfidence {
			flagged++
		}
	}
	if flagged == 0 {
		t.Error("no answer below 0.99: the test tells nothing")
	}
}

// CrossFit scores each pool title with a coder that never learnt it, and
// only titles with a certain unit group.
func TestCrossFitScoresOutOfFold(t *testing.T) {
	base := BuiltinTitles()
	c := NewCoder(base, Options{})
	also := []Case{{Title: "Registered nurse", Code: "31301"}, {Title: "Baker", Code: "63202"}}
	want := Fit(c, also)
	if got := CrossFit(c, also, base, nil, 1, 5); !sameCalibration(got, want) {
		t.Fatalf("no pool: %+v, want Fit's %+v", got, want)
	}
	// Pool titles spelled like no built-in title, each in one fold only:
	// every fold coder must code them from their words, never verbatim.
	var pool, ambiguous []Title
	for _, t := range base[:400] {
		pool = append(pool, Title{Code: t.Code, Text: t.Text + " specialist", Lang: t.Lang, Weight: 1})
		ambiguous = append(ambiguous, Title{Code: t.Code, Text: t.Text + " specialist", Lang: t.Lang, Weight: 1, Ambiguous: true})
	}
	k := CrossFit(c, nil, base, pool, 1, 5)
	if len(k.Exact.Raw) != 0 {
		t.Errorf("out-of-fold titles scored as verbatim hits: %+v", k.Exact)
	}
	if len(k.Model.Raw) == 0 {
		t.Fatal("no model curve")
	}
	// Ambiguous titles train the fold coders but are never cases.
	if got := CrossFit(c, also, base, ambiguous, 1, 5); !sameCalibration(got, want) {
		t.Errorf("ambiguous pool scored: %+v, want Fit's %+v", got, want)
	}
}

func sameCalibration(a, b Calibration) bool {
	eq := func(x, y Curve) bool {
		if len(x.Raw) != len(y.Raw) {
			return false
		}
		for i := range x.Raw {
			if x.Raw[i] != y.Raw[i] || x.Prob[i] != y.Prob[i] {
				return false
			}
		}
		return true
	}
	return eq(a.Model, b.Model) && eq(a.Exact, b.Exact)
}
