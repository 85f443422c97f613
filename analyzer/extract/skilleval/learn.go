package skilleval

import (
	"fmt"
	"hash/fnv"
	"log/slog"
	"sort"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/skilllink"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// Candidate is one candidate link on a validation sentence (a dictionary
// match or a paraphrase proposal), with its features and whether its
// label is gold there.
type Candidate struct {
	Sent  int
	Match extract.Match
	Dict  bool
	Label string // lower-cased preferred label
	X     []float64
	Y     bool
}

// Candidates runs x (which must have no rescorer) on every sentence and
// gathers the candidates the scorer would see; with propose, paraphrase
// proposals too. One candidate per (sentence, label): the dictionary's,
// else the best-covered proposal. With sem (nil: none) the vectors carry
// the semantic features too.
func Candidates(x *extract.Extractor, meta *skilllink.Meta, sem *skilllink.Semantic, sents []Sentence, propose bool) []Candidate {
	var out []Candidate
	texts := make([]string, len(sents))
	all := make([][]skilllink.Cand, len(sents))
	for i, s := range sents {
		texts[i] = textnorm.Clean(s.Text)
		// Meta.Candidates reuses nothing across calls: the slice is ours.
		all[i] = meta.Candidates(texts[i], x.Extract(texts[i]), propose)
	}
	if sem != nil && sem.ProposeMin > 0 {
		var phrases []string
		for _, t := range texts {
			phrases = sem.SemanticTexts(phrases, t)
		}
		if err := sem.Warm(phrases); err != nil {
			slog.Warn("semantic text store not saved", "err", err)
		}
		for i, t := range texts {
			all[i] = sem.Propose(t, all[i])
		}
	}
	warm(sem, texts, all)
	for i, s := range sents {
		text, cs := texts[i], all[i]
		xs := meta.Vectors(text, cs, propose)
		if sem != nil {
			sem.Extend(xs, text, cs)
		}
		at := map[string]int{}
		for k, c := range cs {
			l := strings.ToLower(c.Match.Label)
			cand := Candidate{Sent: i, Match: c.Match, Dict: c.Dict, Label: l, X: xs[k], Y: s.Gold[l]}
			j, seen := at[l]
			switch {
			case !seen:
				at[l] = len(out)
				out = append(out, cand)
			case c.Dict && !out[j].Dict:
				out[j] = cand
			}
		}
	}
	return out
}

// warm embeds every text the semantic features will need at once (on
// every core), rather than one by one as Extend asks for them.
func warm(sem *skilllink.Semantic, texts []string, cands [][]skilllink.Cand) {
	if sem == nil {
		return
	}
	var need []string
	for i, t := range texts {
		need = sem.Texts(need, t, cands[i])
	}
	if err := sem.Warm(need); err != nil {
		// Only the on-disk cache failed: the vectors are in memory.
		slog.Warn("semantic text store not saved", "err", err)
	}
}

// Counts are micro counts over (sentence, label) pairs.
type Counts struct {
	Gold, Predicted, Correct int
}

// P, R and F1 of the counts.
func (c Counts) P() float64 { return ratio(c.Correct, c.Predicted) }

// R is recall.
func (c Counts) R() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of P and R.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Add sums counts.
func (c Counts) Add(o Counts) Counts {
	return Counts{c.Gold + o.Gold, c.Predicted + o.Predicted, c.Correct + o.Correct}
}

// BySet counts the kept candidates per validation set ("tech", "house")
// and over all (""), restricted to sentences in (nil: all).
func BySet(sents []Sentence, cands []Candidate, keep []bool, in func(sent int) bool) map[string]Counts {
	out := map[string]Counts{}
	for i, s := range sents {
		if in != nil && !in(i) {
			continue
		}
		c := out[s.Set]
		c.Gold += len(s.Gold)
		out[s.Set] = c
	}
	for i, c := range cands {
		if !keep[i] || (in != nil && !in(c.Sent)) {
			continue
		}
		set := sents[c.Sent].Set
		n := out[set]
		n.Predicted++
		if c.Y {
			n.Correct++
		}
		out[set] = n
	}
	var all Counts
	for _, c := range out {
		all = all.Add(c)
	}
	out[""] = all
	return out
}

// Fold is the cross-validation fold of a sentence: a hash of its text
// (salted by seed, for repeated cross-validation; 0 is unsalted), so
// folds do not depend on file order.
func Fold(s Sentence, k, seed int) int {
	h := fnv.New32a()
	if seed != 0 {
		fmt.Fprintf(h, "%d|", seed)
	}
	h.Write([]byte(s.Text))
	return int(h.Sum32() % uint32(k))
}

// Fit says how the scorer is fitted.
type Fit struct {
	L2 float64 // penalty on the weights
	// MinPrecision: the threshold maximizes micro F1 among those whose
	// precision reaches it (on the sentences fitted), the highest-F1
	// threshold when none does. A wrong skill in the top-skills list
	// costs more than a missing one.
	MinPrecision float64
	// PriorStrength > 0 turns on the per-concept prior features, learned
	// from the candidates fitted on (each training candidate sees the
	// counts without its own sentence), shrunk by this pseudo-count.
	PriorStrength float64
	// Seed salts the folds of CrossValidate.
	Seed int
}

// priorCounts counts right and wrong candidates per concept id over the
// sentences in.
func priorCounts(cands []Candidate, in func(int) bool) map[string][2]int {
	out := map[string][2]int{}
	for _, c := range cands {
		if !in(c.Sent) {
			continue
		}
		n := out[c.Match.ID]
		if c.Y {
			n[0]++
		} else {
			n[1]++
		}
		out[c.Match.ID] = n
	}
	return out
}

// withPrior is c's features with the prior of its concept, without its
// own candidate when own (a training example must not see its label).
func withPrior(c Candidate, counts map[string][2]int, own bool, strength float64) []float64 {
	x := append([]float64(nil), c.X...)
	n := counts[c.Match.ID]
	if own {
		if c.Y {
			n[0]--
		} else {
			n[1]--
		}
	}
	skilllink.PriorFeatures(x, n, strength)
	return x
}

// examples are the training examples of the candidates in (with their
// priors when fit asks for them), and the features to score every
// candidate with.
func examples(cands []Candidate, in func(int) bool, fit Fit) (ex []skilllink.Example, score [][]float64, counts map[string][2]int) {
	score = make([][]float64, len(cands))
	if fit.PriorStrength > 0 {
		counts = priorCounts(cands, in)
	}
	for i, c := range cands {
		x := c.X
		if counts != nil {
			x = withPrior(c, counts, false, fit.PriorStrength)
		}
		score[i] = x
		if in(c.Sent) {
			tx := x
			if counts != nil {
				tx = withPrior(c, counts, true, fit.PriorStrength)
			}
			ex = append(ex, skilllink.Example{X: tx, Y: c.Y})
		}
	}
	return ex, score, counts
}

// BestThreshold picks the probability threshold that maximizes micro F1
// of the candidates (probs) over sentences in (with their full gold),
// among thresholds of precision at least minP when there are any.
func BestThreshold(sents []Sentence, cands []Candidate, probs []float64, in func(int) bool, minP float64) float64 {
	gold := 0
	for i, s := range sents {
		if in(i) {
			gold += len(s.Gold)
		}
	}
	type pc struct {
		p float64
		y bool
	}
	var ps []pc
	for i, c := range cands {
		if in(c.Sent) {
			ps = append(ps, pc{probs[i], c.Y})
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].p > ps[j].p })
	best, bestF := 1.0, -2.0
	correct := 0
	for i, x := range ps {
		if x.y {
			correct++
		}
		if i+1 < len(ps) && ps[i+1].p == x.p {
			continue
		}
		f := 2 * float64(correct) / float64(i+1+gold)
		if float64(correct) < minP*float64(i+1) {
			f-- // below every threshold that reaches minP
		}
		if f > bestF {
			bestF = f
			best = x.p
			if i+1 < len(ps) {
				best = (x.p + ps[i+1].p) / 2
			}
		}
	}
	return best
}

// CrossValidate trains on k−1 folds of the validation candidates (plus
// extra examples, e.g. weak SkillSpan ones, in every fold), picks the
// threshold on those folds, and decides the held-out fold. It returns the
// out-of-fold keep decisions: what a model trained without those
// sentences would do on them.
func CrossValidate(sents []Sentence, cands []Candidate, extra []skilllink.Example, k int, fit Fit) []bool {
	keep := make([]bool, len(cands))
	for f := 0; f < k; f++ {
		inTrain := func(i int) bool { return Fold(sents[i], k, fit.Seed) != f }
		ex, score, _ := examples(cands, inTrain, fit)
		md := skilllink.Train(append(ex, extra...), fit.L2)
		// The threshold is chosen on the training folds' probabilities as
		// the model saw them in training (own sentence left out of the prior).
		th := BestThreshold(sents, cands, trainProbs(md, cands, inTrain, ex), inTrain, fit.MinPrecision)
		for i, c := range cands {
			if !inTrain(c.Sent) {
				keep[i] = md.Prob(score[i]) >= th
			}
		}
	}
	return keep
}

// FitAll trains on every validation candidate plus extra, with the
// threshold chosen on them: the model that is shipped (its quality is the
// cross-validated figure, never this fit's in-sample one).
func FitAll(sents []Sentence, cands []Candidate, extra []skilllink.Example, fit Fit) *skilllink.Model {
	all := func(int) bool { return true }
	ex, _, counts := examples(cands, all, fit)
	md := skilllink.Train(append(ex, extra...), fit.L2)
	md.Threshold = BestThreshold(sents, cands, trainProbs(md, cands, all, ex), all, fit.MinPrecision)
	if counts != nil {
		md.SetPriors(counts, fit.PriorStrength)
	}
	return md
}

// trainProbs are the model's probabilities of the training candidates
// (those in, in order, whose examples are ex), indexed like cands (0 for
// the others).
func trainProbs(md *skilllink.Model, cands []Candidate, in func(int) bool, ex []skilllink.Example) []float64 {
	out := make([]float64, len(cands))
	k := 0
	for i, c := range cands {
		if in(c.Sent) {
			out[i] = md.Prob(ex[k].X)
			k++
		}
	}
	return out
}

// WeakThreshold picks the threshold that maximizes F1 on weak examples
// (positives: candidates inside an annotated span), for the model that
// never sees a validation sentence.
func WeakThreshold(md *skilllink.Model, ex []skilllink.Example) float64 {
	type pc struct {
		p float64
		y bool
	}
	ps := make([]pc, len(ex))
	pos := 0
	for i, e := range ex {
		ps[i] = pc{md.Prob(e.X), e.Y}
		if e.Y {
			pos++
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].p > ps[j].p })
	best, bestF, correct := 0.5, -1.0, 0
	for i, x := range ps {
		if x.y {
			correct++
		}
		if i+1 < len(ps) && ps[i+1].p == x.p {
			continue
		}
		if f := 2 * float64(correct) / float64(i+1+pos); f > bestF {
			bestF, best = f, x.p
		}
	}
	return best
}
