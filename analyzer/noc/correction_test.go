package noc

import (
	"math"
	"testing"

	"github.com/skillpulse/skillpulse/internal/shareddata"
)

// TestLeaveOneOutIsTheCoderWithoutTheTitle checks naiveBayes leaving a title out against its
// definition: the scores a coder built without the title gives it. The
// title is a second copy, so the vocabulary and class order stay the same.
func TestLeaveOneOutIsTheCoderWithoutTheTitle(t *testing.T) {
	titles := []Title{
		{Code: "12111", Text: "health records technician"},
		{Code: "12111", Text: "medical records clerk"},
		{Code: "14101", Text: "records clerk"},
		{Code: "14101", Text: "filing clerk"},
		{Code: "22221", Text: "computer technician"},
		{Code: "12111", Text: "health records technician"}, // left out
		{Code: "13110", Text: "medical secretary"},
	}
	const out = 5
	opts := Options{noCorrection: true}
	with := NewCoder(titles, opts)
	rest := append(append([]Title(nil), titles[:out]...), titles[out+1:]...)
	without := NewCoder(rest, opts)
	without.prior = nil // the prior is no part of naive Bayes
	if len(with.feat) != len(without.feat) || len(with.codes) != len(without.codes) {
		t.Fatalf("vocabulary %d vs %d, classes %d vs %d: the test needs them equal", len(with.feat), len(without.feat), len(with.codes), len(without.codes))
	}
	clean := cleanTitle(titles[out].Text)
	ids, mass, _ := with.lookup(clean)
	var e example
	for _, f := range ids {
		e.add(f.id, f.weight)
	}
	e.class = 0 // 12111 is the first class
	if e.mass != mass || with.codes[0] != "12111" {
		t.Fatalf("example mass %v, lookup %v; class 0 is %s", e.mass, mass, with.codes[0])
	}
	got := make([]float32, len(with.codes))
	with.naiveBayes(e.feats, e.mass, e.class, got, with.groupScratch())
	want, _ := without.scores(clean, "", namedSectors{})
	for k := range want {
		if math.Abs(float64(got[k]-want[k])) > 1e-3 {
			t.Errorf("class %s: leave-one-out %v, coder without the title %v", with.codes[k], got[k], want[k])
		}
	}
}

func TestTopRivals(t *testing.T) {
	scores := make([]float32, 50)
	for i := range scores {
		scores[i] = float32((i * 37) % 50) // a permutation of 0..49
	}
	top := topRivals(scores, 0)
	if len(top) != correctionRivals+1 || top[len(top)-1].class != 0 {
		t.Fatalf("truth with the lowest score must be appended: %d rivals, last %+v", len(top), top[len(top)-1])
	}
	for i := 0; i < correctionRivals; i++ {
		if top[i].score != float32(49-i) {
			t.Fatalf("rival %d scores %v, want %v (best first)", i, top[i].score, 49-i)
		}
	}
	best := int32(argmax(scores))
	if got := topRivals(scores, best); len(got) != correctionRivals || got[0].class != best {
		t.Errorf("truth among the best: %d rivals, first %+v", len(got), got[0])
	}
}

// TestCorrectionOnHeldOut: the correction must add accuracy on held-out
// titles, and two coders built from the same titles must agree exactly
// (training is parallel; its result must not depend on scheduling).
func TestCorrectionOnHeldOut(t *testing.T) {
	idx, err := LoadIndex(shareddata.Require(t, "occupations", "noc2021_index_cannocdata", "All examples.csv"))
	if err != nil {
		t.Fatal(err)
	}
	train, test := HoldOut(idx)
	train = append(BuiltinTitles(), train...)
	a, b := NewCoder(train, Options{}), NewCoder(train, Options{})
	plain := NewCoder(train, Options{noCorrection: true})
	if a.correction == nil {
		t.Fatal("no correction learnt over the full index")
	}
	for _, k := range test[:1000] {
		if ra, rb := a.Code(k.Title, "", nil), b.Code(k.Title, "", nil); ra != rb {
			t.Fatalf("%q: %+v from one coder, %+v from another built the same way", k.Title, ra, rb)
		}
	}
	with, without := Evaluate(a, test), Evaluate(plain, test)
	t.Logf("with the correction %s", with)
	t.Logf("without             %s", without)
	if with.Accuracy < without.Accuracy+0.01 || with.MajorAccuracy < without.MajorAccuracy+0.005 {
		t.Errorf("correction adds %.3f exact, %.3f major; measured +0.015 / +0.012",
			with.Accuracy-without.Accuracy, with.MajorAccuracy-without.MajorAccuracy)
	}
}
