package noc

import (
	"math"
	"slices"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// Options tune a coder.
type Options struct {
	// Threshold is the lowest confidence that still codes a posting;
	// zero means DefaultThreshold.
	Threshold float64
	// LowConfidence is the confidence below which a classified answer is
	// flagged LowConfidence; zero means DefaultLowConfidence.
	LowConfidence float64
	// Calibration maps raw scores to probabilities; nil means the
	// built-in one for the coder's kind (DefaultCalibration).
	Calibration *Calibration
	// Descriptions are reference texts about unit groups (definitions,
	// duties, tasks; see LoadDescriptions) the description model learns
	// from besides the titles.
	Descriptions []GroupText
	// DescriptionWeight is what a description adds to the group it
	// resembles most (see addDescription); zero means
	// DefaultDescriptionWeight.
	DescriptionWeight float32
	// noCorrection leaves out the discriminative correction, for tests
	// that measure what it adds.
	noCorrection bool
}

// DefaultThreshold is the calibrated probability below which a posting
// is unclassified: its best group is more likely wrong than right four
// times out of five.
const DefaultThreshold = 0.2

// DefaultLowConfidence flags answers more likely wrong than right.
const DefaultLowConfidence = 0.5

// Coder codes titles with a hierarchical multinomial naive Bayes model
// over title features, trained on an index of titles: a unit group's score
// adds the evidence for its minor, sub-major and major groups, so a title
// whose words are spread over sibling unit groups still lands in the right
// family. It is safe for concurrent use.
type Coder struct {
	opts   Options
	calib  Calibration
	exact  map[string]int32 // cleaned title -> class, only when unambiguous
	feat   map[string]int32
	levels []level // unit group first, then ever broader groups
	codes  []string
	titles []string
	spell  speller
	// correction: per feature, learnt weights for unit groups (see train).
	correction [][]entry
	describe   *describer // see addDescription
	prior      []float32  // per class, see newPrior
	sectors    [][]bool   // per sector, per class: works in it (see sectors.go)
	version    string     // see Version
}

// level is the naive Bayes model at one level of the NOC hierarchy.
type level struct {
	weight float32
	group  []int32   // unit group class -> group at this level
	post   [][]entry // feature -> groups that have it
	base   []float32 // per group: log of the smoothed probability of an unseen feature
	total  []float64 // per group: feature weight, to take a title out of (naiveBayes with leaveOut)
	vocab  float64
}

// levelWeights weigh the unit group, minor, sub-major and major group
// models (code prefixes of 5, 4, 3 and 2 digits); set on the held-out
// evaluation.
var levelWeights = []struct {
	digits int
	weight float32
}{{5, 1}, {4, 1}, {3, 0.5}, {2, 0.25}}

// entry is one feature's evidence for a class: log(1 + count/alpha), what
// the feature adds over the unseen-feature baseline.
type entry struct {
	class int32
	w     float32
}

// alpha is the additive smoothing; small because titles are short and
// a feature seen once in a group is strong evidence.
const alpha = 0.01

// NewCoder builds a coder over titles. Titles whose code is not one of
// the 516 unit groups are skipped.
func NewCoder(titles []Title, opts Options) *Coder {
	load()
	if opts.Threshold <= 0 {
		opts.Threshold = DefaultThreshold
	}
	if opts.LowConfidence <= 0 {
		opts.LowConfidence = DefaultLowConfidence
	}
	if opts.DescriptionWeight <= 0 {
		opts.DescriptionWeight = DefaultDescriptionWeight
	}
	c := &Coder{opts: opts, exact: make(map[string]int32, len(titles)), feat: make(map[string]int32, 4*len(titles))}
	class := map[string]int32{}
	ambiguous := map[string]bool{}
	var total []float32
	var post [][]entry // feature -> weighted counts per class
	var examples []example
	for _, t := range titles {
		title, ok := groups[t.Code]
		if !ok {
			continue
		}
		clean, shortened := cleanNoting(t.Text)
		if clean == "" {
			continue
		}
		k, ok := class[t.Code]
		if !ok {
			k = int32(len(c.codes))
			class[t.Code] = k
			c.codes = append(c.codes, t.Code)
			c.titles = append(c.titles, title)
			total = append(total, 0)
		}
		tw := t.Weight
		if tw <= 0 || tw >= 1 {
			tw = 1
			// Verbatim only as the index writes it: "contract manager"
			// (purchasing) is no verbatim "manager", though a posting's
			// "Contract" is an employment term the cleaning drops.
			if !shortened {
				if prev, seen := c.exact[clean]; seen && prev != k {
					ambiguous[clean] = true
				}
				c.exact[clean] = k
			}
		}
		ex := example{class: k}
		eachFeature(clean, func(key []byte, weight float32, _ string) {
			weight *= tw
			id, ok := c.feat[string(key)]
			if !ok {
				id = int32(len(post))
				c.feat[string(key)] = id
				post = append(post, nil)
			}
			// Index files list titles code by code, so a feature's counts
			// mostly merge here and mergeCounts rarely sorts.
			if es := post[id]; len(es) > 0 && es[len(es)-1].class == k {
				es[len(es)-1].w += weight
			} else {
				post[id] = append(es, entry{k, weight})
			}
			total[k] += weight
			ex.add(id, weight)
		})
		examples = append(examples, ex)
	}
	for clean := range ambiguous {
		delete(c.exact, clean)
	}
	for _, lw := range levelWeights {
		c.levels = append(c.levels, newLevel(c.codes, lw.digits, lw.weight, post, total, len(post)))
	}
	if !opts.noCorrection {
		c.train(examples)
	}
	// After training: the correction learns from the index's titles, which
	// follow the index's group sizes, not the workforce's.
	c.prior = newPrior(c.codes)
	c.sectors = newSectorGroups(c.codes)
	c.describe = newDescriber(c.codes, titles, opts.Descriptions)
	c.describe.linkTitles(c.feat)
	if opts.Calibration != nil {
		c.calib = *opts.Calibration
	} else {
		c.calib = DefaultCalibration(len(examples) >= minCorrectionTitles)
	}
	c.version = fingerprint(titles, opts, c.calib)
	return c
}

// newLevel groups the classes by their first digits and sums their counts.
func newLevel(codes []string, digits int, weight float32, post [][]entry, total []float32, vocab int) level {
	l := level{weight: weight, group: make([]int32, len(codes))}
	index := map[string]int32{}
	for k, code := range codes {
		g, ok := index[code[:digits]]
		if !ok {
			g = int32(len(index))
			index[code[:digits]] = g
		}
		l.group[k] = g
	}
	gtotal := make([]float64, len(index))
	for k, t := range total {
		gtotal[l.group[k]] += float64(t)
	}
	l.base = make([]float32, len(index))
	l.total, l.vocab = gtotal, float64(vocab)
	for g, t := range gtotal {
		l.base[g] = float32(math.Log(alpha / (t + alpha*float64(vocab))))
	}
	// One backing array for all features: fewer, larger allocations.
	n := 0
	for _, es := range post {
		n += len(es)
	}
	all := make([]entry, 0, n)
	scratch := []entry{}
	l.post = make([][]entry, len(post))
	for id, es := range post {
		scratch = scratch[:0]
		for _, e := range es {
			scratch = append(scratch, entry{l.group[e.class], e.w})
		}
		start := len(all)
		all = mergeCounts(scratch, all)
		l.post[id] = all[start:len(all):len(all)]
	}
	return l
}

// mergeCounts sums one feature's weighted counts per class into out and
// turns them into log evidence.
func mergeCounts(es, out []entry) []entry {
	if !slices.IsSortedFunc(es, func(a, b entry) int { return int(a.class - b.class) }) {
		es = slices.Clone(es)
		slices.SortFunc(es, func(a, b entry) int { return int(a.class - b.class) })
	}
	start := len(out)
	for _, e := range es {
		if n := len(out); n > start && out[n-1].class == e.class {
			out[n-1].w += e.w
			continue
		}
		out = append(out, e)
	}
	for i := start; i < len(out); i++ {
		out[i].w = float32(math.Log1p(float64(out[i].w) / alpha))
	}
	return out
}

// Code codes one posting: its given code when it is a NOC 2021 unit
// group, else its title; the description adds weak evidence. The
// confidence is calibrated (see Calibration); below the threshold the
// posting is unclassified.
func (c *Coder) Code(title, description string, given *posting.OccupationCode) Result {
	return c.CodeEvidence(Evidence{Title: title, Description: description}, given)
}

// CodeEvidence is Code with all the evidence a posting has about its
// occupation besides the title (see Evidence).
func (c *Coder) CodeEvidence(e Evidence, given *posting.OccupationCode) Result {
	if given != nil && (given.System == "" || strings.EqualFold(given.System, "noc2021")) {
		code := strings.TrimSpace(given.Code)
		if t, ok := TitleOf(code); ok {
			return Result{Code: code, Title: t, Confidence: 1, Method: "source"}
		}
	}
	a := c.assessEvidence(e)
	if a.best < 0 {
		return Result{Code: Unclassified, Method: "unclassified"}
	}
	conf := round2(a.prob)
	if conf < c.opts.Threshold {
		// "Unclassified" is never the right code: its confidence is 0;
		// Candidates still give the likeliest groups with theirs.
		return Result{Code: Unclassified, Method: "unclassified"}
	}
	return Result{Code: c.codes[a.best], Title: c.titles[a.best], Confidence: conf, Method: "title",
		LowConfidence: conf < c.opts.LowConfidence}
}

// Scored is a coder's first answer for a title before calibration, for
// fitting a calibration.
type Scored struct {
	Code  string
	Raw   float64
	Exact bool // a verbatim index title
}

// Score is the first answer for a title and its raw score ("" when the
// coder knows none of its words).
func (c *Coder) Score(title, description string) Scored {
	a := c.assess(title, description)
	if a.best < 0 {
		return Scored{}
	}
	return Scored{Code: c.codes[a.best], Raw: a.raw, Exact: a.exact}
}

// assessment is the first answer for a title: its class (-1 for none),
// raw score, calibrated probability, and the unit group scores behind it.
type assessment struct {
	best      int32
	raw, prob float64
	exact     bool
	scores    []float32
}

// rawTemperature is the posterior's temperature in the raw score; 5 and
// 10 calibrated no better on the held-out O*NET titles (ECE 0.024 and
// 0.033 against 0.031) and classified fewer.
const rawTemperature = temperature

// assess finds the first answer: a verbatim index title's group, else the
// best-scoring one; its raw score is the share of known words times its
// tempered posterior against the runners-up, which the calibration turns
// into a probability.
func (c *Coder) assess(title, description string) assessment {
	return c.assessEvidence(Evidence{Title: title, Description: description})
}

func (c *Coder) assessEvidence(e Evidence) assessment {
	title, description := e.Title, e.Description
	clean := cleanTitle(c.dropUnknownTails(title))
	query := ownersAsManagers(c.corrected(clean))
	sectors := e.sectors()
	scores, share := c.scores(query, description, sectors)
	if scores == nil {
		return assessment{best: -1}
	}
	a := assessment{best: argmax(scores), scores: scores}
	// A verbatim title's group stands unless the description speaks
	// against it: a generic verbatim title ("manager", the cleaned
	// "contract manager") is decided by the description. One the title's
	// words alone place beyond an industry's reach stands too: a cook in
	// health care is still a cook (see sectorCannotMove).
	if k, ok := c.exact[clean]; ok && (description == "" || k == a.best || !c.descriptionAgainst(description, k) || c.sectorCannotMove(query, sectors, k)) {
		a.best, a.exact = k, true
		// A verbatim title is at least as likely as the model's best: the
		// model scores the words, which for a generic title ("personal
		// support worker", "production worker") other groups' titles share
		// far more often, so its posterior would leave the title's own
		// group next to nothing and the answer unclassified.
		if top := scores[argmax(scores)]; scores[k] < top {
			scores[k] = top
		}
	}
	a.raw = share * posteriorAt(scores, a.best, rawTemperature)
	curve := c.calib.Model
	if a.exact && len(c.calib.Exact.Raw) > 0 {
		curve = c.calib.Exact
	}
	a.prob = min(max(curve.Apply(a.raw), 0), 1)
	return a
}

// dropUnknownTails removes the parts after " - ", " | ", " @ ", " at "
// or " chez " none of whose words the coder knows, even one typo away,
// ("Cook - Halifax", "Cook | Sobeys", "Cashier at Walmart"): a place or
// an employer, no evidence, which would only lower the share of known
// words and so the confidence. A qualifier it knows ("Manager -
// Marketing", "research assistant at university level") stays.
func (c *Coder) dropUnknownTails(title string) string {
	if !strings.ContainsAny(title, "-–—|@") && !hasTailWord(title) {
		return title
	}
	parts := splitTails(title)
	if len(parts) == 1 {
		return title
	}
	keep := parts[:1:1]
	for _, p := range parts[1:] {
		// Spelling-corrected: a typo in a qualifier is still evidence.
		for _, w := range strings.Fields(c.corrected(cleanTitle(p))) {
			if _, ok := c.feat["w:"+stem(w)]; ok {
				keep = append(keep, p)
				break
			}
		}
	}
	if len(keep) == len(parts) {
		return title
	}
	return strings.Join(keep, " - ")
}

// corrected replaces the words of a cleaned title the index does not know
// by the known word one typo away, when there is one.
func (c *Coder) corrected(clean string) string {
	words := strings.Fields(clean)
	changed := false
	for i, w := range words {
		if noise[w] {
			continue
		}
		st := stem(w)
		if _, ok := c.feat["w:"+st]; ok {
			continue
		}
		if fix := c.masculine(st); fix != "" {
			words[i], changed = fix, true
			continue
		}
		if fix := c.spell.correct(c, st); fix != "" && stem(fix) == fix {
			words[i], changed = fix, true
		}
	}
	if !changed {
		return clean
	}
	return strings.Join(words, " ")
}

// masculine is the known word a French feminine form the stemmer leaves
// alone writes with a final "e" ("avocate", "ingénieure", "superviseure"
// for "avocat", "ingénieur", "superviseur"), or "" when there is none.
// Only for unknown words: English words ending in "e" are left as they are.
func (c *Coder) masculine(w string) string {
	m, ok := strings.CutSuffix(w, "e")
	if !ok || len(m) < 4 {
		return ""
	}
	if _, ok := c.feat["w:"+m]; ok && stem(m) == m {
		return m
	}
	return ""
}
