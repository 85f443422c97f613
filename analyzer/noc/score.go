package noc

import (
	"math"
	"strings"
	"unicode"
)

// temperature flattens the naive Bayes posterior, which is overconfident
// because title features are far from independent.
const temperature = 2

// runnersUp is how many next-best classes compete for the confidence.
const runnersUp = 4

// scores are the unit group scores of a cleaned title (nil when the index
// knows none of its words) and the share of its words the index knows.
func (c *Coder) scores(clean, description string, sectors namedSectors) ([]float32, float64) {
	if len(c.codes) == 0 {
		return nil, 0
	}
	ids, mass, share := c.lookup(clean)
	if share == 0 {
		return nil, 0
	}
	scores := make([]float32, len(c.codes))
	c.naiveBayes(ids, mass, -1, scores, c.groupScratch())
	c.addCorrection(scores, ids)
	c.addPrior(scores)
	lead := namesLead(clean)
	c.addSectors(scores, sectors.named, lead)
	if description != "" {
		c.addDescription(scores, description, !lead && industryLike(description))
	}
	return scores, share
}

// naiveBayes adds to scores what each unit group scores for a title's
// features at every level of the hierarchy. With leaveOut a class, the
// title is scored as if it were not among that class's training titles:
// its features' weights (each id once, then) leave their counts and the
// group totals (leave-one-out, for training the correction). gs is one
// scratch slice per level.
func (c *Coder) naiveBayes(feats []known, mass float32, leaveOut int32, scores []float32, gs [][]float32) {
	for j, l := range c.levels {
		g := gs[j]
		clear(g)
		for _, f := range feats {
			for _, e := range l.post[f.id] {
				g[e.class] += f.weight * e.w
			}
		}
		own, ownBase := int32(-1), float32(0)
		if leaveOut >= 0 {
			own = l.group[leaveOut]
			g[own] -= c.ownEvidence(l, own, feats)
			ownBase = float32(math.Log(alpha / (l.total[own] - float64(mass) + alpha*l.vocab)))
		}
		for k := range scores {
			grp := l.group[k]
			base := l.base[grp]
			if grp == own {
				base = ownBase
			}
			scores[k] += l.weight * (g[grp] + mass*base)
		}
	}
}

// ownEvidence is how much of group own's evidence for feats comes from
// the title itself: each entry is log1p(count/alpha), so undo it, take the
// title's weight out of the count, and redo it.
func (c *Coder) ownEvidence(l level, own int32, feats []known) float32 {
	var d float32
	for _, f := range feats {
		for _, e := range l.post[f.id] {
			if e.class == own {
				count := alpha * math.Expm1(float64(e.w))
				without := math.Log1p(max(count-float64(f.weight), 0) / alpha)
				d += f.weight * (e.w - float32(without))
				break
			}
		}
	}
	return d
}

// groupScratch is one zeroed score slice per level, for naiveBayes.
func (c *Coder) groupScratch() [][]float32 {
	gs := make([][]float32, len(c.levels))
	for j, l := range c.levels {
		gs[j] = make([]float32, len(l.base))
	}
	return gs
}

// known is a title feature the index has.
type known struct {
	id     int32
	weight float32
}

// lookup finds the title's features in the index, their total weight, and
// the share of the title's words the index knows.
func (c *Coder) lookup(clean string) (ids []known, mass float32, share float64) {
	var words, seen float32
	grams := map[string][2]int{} // word -> 4-grams known, 4-grams
	eachFeature(clean, func(key []byte, weight float32, word string) {
		id, ok := c.feat[string(key)]
		switch key[0] {
		case wordFeature:
			words++
			if ok {
				seen++
			}
		case gramFeature:
			g := grams[word]
			g[1]++
			if ok {
				g[0]++
			}
			grams[word] = g
		}
		if ok {
			ids = append(ids, known{id, weight})
			mass += weight
		}
	})
	// An unseen word most of whose 4-grams are known ("neuropsychiatrist")
	// still half counts as known.
	for w, g := range grams {
		if _, ok := c.feat["w:"+w]; !ok && 2*g[0] >= g[1] {
			seen += 0.5 * float32(g[0]) / float32(g[1])
		}
	}
	if words == 0 {
		return nil, 0, 0
	}
	return ids, mass, float64(seen / words)
}

// posterior is the tempered probability of the best class among the
// runners-up: the many hopeless classes of a large index would otherwise
// drown it, making confidence depend on the index size.
func posterior(scores []float32, best int32) float64 {
	return posteriorAt(scores, best, temperature)
}

// posteriorAt is posterior at another temperature.
func posteriorAt(scores []float32, best int32, temperature float64) float64 {
	// Keep the runnersUp+1 largest differences by insertion: a full sort of
	// every class was half of the cost of coding a title.
	var top [runnersUp + 1]float64
	n := 0
	for _, s := range scores {
		d := float64(s-scores[best]) / temperature
		if n == len(top) && d <= top[n-1] {
			continue
		}
		i := min(n, len(top)-1)
		for i > 0 && top[i-1] < d {
			top[i] = top[i-1]
			i--
		}
		top[i] = d
		n = min(n+1, len(top))
	}
	sum := 0.0
	for _, d := range top[:n] {
		sum += math.Exp(d)
	}
	return 1 / sum
}

func argmax(scores []float32) int32 {
	best := int32(0)
	for k, s := range scores {
		if s > scores[best] {
			best = int32(k)
		}
	}
	return best
}

// DefaultDescriptionWeight is what a description adds, in title score
// units, to the unit group it resembles most (see describer); another
// group gets it times the square of its similarity relative to that
// group's (squared, the runners-up among a generic title's groups fall
// back: 12111 against 12112 for a health records description). Enough to
// decide between the groups a generic title ("Manager", "Technician")
// leaves open, whose scores lie within a few units, too little to move a
// specific one. Set on the held-out evaluation (see README): higher
// weights gain on the qualified and described titles and lose on the
// titles with an unrelated qualifier.
const DefaultDescriptionWeight = 24

// descriptionFloor is the similarity to its best group below which a
// description adds less than DescriptionWeight, in proportion. Set on the
// held-out evaluation: a posting's boilerplate (benefits, equity, how to
// apply) resembles its best group at 0.6 to 0.9 (median 0.8), an index
// qualifier at 2.1 (a tenth below 1.2); at 1 the boilerplate rows (f), (g)
// lose half what they did (−0.6 → −0.2, −1.0 → −0.5 points) and no other
// row moves more than 0.1; at 1.5 they lose nothing and (b), (e) 0.8.
const descriptionFloor = 1.0

// maxDescriptionWords bounds the work on long descriptions; the duties
// that name the occupation usually come first.
const maxDescriptionWords = 200

// addDescription adds the description's evidence to the unit group
// scores: DescriptionWeight times the square of each group's similarity to
// it relative to the most similar group's (see describer), and the title
// evidence of its words (addWordEvidence).
func (c *Coder) addDescription(scores []float32, description string, noneInCharge bool) {
	if c.describe == nil {
		return
	}
	sim, words := c.describe.similarity(truncateDescription(description), len(scores))
	c.addWordEvidence(scores, words)
	c.dropInCharge(sim, noneInCharge)
	var top float32
	for _, s := range sim {
		top = max(top, s)
	}
	if top <= 0 {
		return
	}
	// Relative to the best group, any description makes one group best,
	// also a body of benefits and how to apply: one that resembles no
	// group much weighs less (see descriptionFloor).
	w := c.opts.DescriptionWeight * min(1, top/descriptionFloor)
	for k, s := range sim {
		r := s / top
		scores[k] += w * r * r
	}
}

// descriptionAgainst: the description resembles class k less than half
// as much as the group it resembles most.
func (c *Coder) descriptionAgainst(description string, k int32, noneInCharge bool) bool {
	if c.describe == nil {
		return false
	}
	sim, _ := c.describe.similarity(truncateDescription(description), len(c.codes))
	c.dropInCharge(sim, noneInCharge)
	var top float32
	for _, s := range sim {
		top = max(top, s)
	}
	return top > 0 && sim[k] < top/2
}

// truncateDescription keeps the first words of a long description: clean
// no more text than they need.
func truncateDescription(description string) string {
	if limit := maxDescriptionWords * 16; len(description) > limit {
		if cut := strings.LastIndexByte(description[:limit], ' '); cut > 0 {
			description = description[:cut]
		}
	}
	return description
}

// wordEvidenceWeight is the total weight of a description's words that
// titles have, spread over them, as title evidence (the coder's first
// description model, at 4): beside the similarity it adds what a word's
// mere presence in a group's titles says ("retail", "sawmill"). Set on
// the held-out evaluation: at 2 with the similarity at 24, both the
// qualified and the described held-out titles gain over either alone at
// a cost of about a point on titles with an unrelated qualifier (see
// README).
const wordEvidenceWeight = 2

// addWordEvidence adds the title model's unit group evidence for the
// description's words the titles have, at a total weight of
// wordEvidenceWeight spread over them.
func (c *Coder) addWordEvidence(scores []float32, words []int32) {
	n := 0
	for _, id := range words {
		if c.describe.titleFeat[id] >= 0 {
			n++
		}
	}
	if n == 0 {
		return
	}
	weight := wordEvidenceWeight / float32(n)
	unit := c.levels[0]
	for _, id := range words {
		if f := c.describe.titleFeat[id]; f >= 0 {
			for _, e := range unit.post[f] {
				scores[e.class] += weight * e.w
			}
		}
	}
	for k := range scores {
		scores[k] += wordEvidenceWeight * unit.base[unit.group[k]]
	}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// descriptionWords are the stemmed words of running text: what tokens
// gives for a cleaned title, without the title-only steps (dash tails,
// parenthesized notes, slash alternatives) that cost most on long text.
func descriptionWords(text string) []string {
	var out []string
	eachRawWord(text, func(w string) { out = appendWord(out, w) })
	return out
}

// eachRawWord calls fn with each word of text, lower-cased and without
// accents, before appendWord's steps.
func eachRawWord(text string, fn func(string)) {
	text = fold(strings.ToLower(text))
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\''
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			fn(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(text[start:])
	}
}

// appendWord appends a word of text the way cleanTitle and tokens treat it.
func appendWord(out []string, w string) []string {
	w = strings.Trim(w, "'")
	if strings.HasPrefix(w, "l'") || strings.HasPrefix(w, "d'") {
		w = w[2:]
	}
	if e, ok := expansions[w]; ok {
		for _, x := range strings.Fields(e) {
			out = append(out, stem(x))
		}
		return out
	}
	if w == "" || noise[w] {
		return out
	}
	return append(out, stem(w))
}

// dropInCharge leaves the managers' and supervisors' groups out of what
// an industry given as the description resembles, as the sector lift
// does (see leads.go): "Residential building construction" reads most
// like the contractors who direct it, not the framer beside it.
func (c *Coder) dropInCharge(sim []float32, drop bool) {
	if !drop {
		return
	}
	for k := range sim {
		if c.inCharge[k] {
			sim[k] = 0
		}
	}
}

// industryLike: a description short enough to be an industry (see
// maxSectorWords), not a posting body.
func industryLike(description string) bool {
	return wordCount(description, maxSectorWords+1) <= maxSectorWords
}
