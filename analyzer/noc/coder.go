package noc

import (
	"math"
	"slices"
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
	inCharge   []bool     // per class: managers or supervisors (see leads.go)
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
	c.inCharge = inCharge(c.codes)
	c.describe = newDescriber(c.codes, titles, opts.Descriptions)
	c.describe.linkTitles(c.feat)
	if opts.Calibration != nil {
		c.calib = *opts.Calibration
	} else {
		c.calib = DefaultCalibration(kindOf(titles, len(examples)))
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
