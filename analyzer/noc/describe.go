package noc

import (
	"math"
	"regexp"
	"strings"
)

// GroupText is reference text about one unit group: its definition, a
// main duty, an O*NET task statement of an occupation the crosswalks map
// to it. Source names where it came from ("onet:11-1011.00"), so that an
// evaluation can leave out what its cases were drawn from.
type GroupText struct {
	Code   string
	Text   string
	Source string
}

// describer scores a posting's description (or the industry a person
// reports beside their job title) against each unit group: the dot
// product of its tf-idf word vector (of length 1) with the group's (of
// the square root of its length), learnt from the group's
// training titles, the qualifiers inside them ("manager, retail store",
// "supervisor - food processing") and reference texts. The coder adds the
// scaled similarity to the title scores (see addDescription).
type describer struct {
	words map[string]int32 // stemmed word -> id
	// surface: the ids (idf > 0) of each raw word of the training text,
	// so that coding a description rarely stems a word.
	surface   map[string][]int32
	titleFeat []int32 // word -> its title word feature, -1 for none (see linkTitles)
	idf       []float32
	post      [][]entry // word -> groups whose vector has it, with its weight there (tf-idf, vectors of length 1)
}

// Source weights, in term-frequency units: a qualifier inside a title
// ("- food processing") and the sentence of a definition that says where
// the occupation works are what an industry looks like; titles name the
// occupation; definitions and duties describe the work. (Qualifier
// weights 0, 2 and 4 and reference text weights 0 to 2 came within a
// point of each other on the held-out qualified titles, which favour
// title words; reference texts are what descriptions unlike titles meet.)
const (
	industryTextWeight  = 2
	titleTextWeight     = 1
	qualifierTextWeight = 2
	referenceTextWeight = 1
)

// maxDescriptionIDFShare drops words found in more than this share of
// the unit groups from descriptions: they say nothing about which one,
// and their long postings are most of the cost of a long description.
const maxDescriptionIDFShare = 0.4

// newDescriber builds the description model over the coder's classes.
func newDescriber(codes []string, titles []Title, texts []GroupText) *describer {
	class := make(map[string]int32, len(codes))
	for k, code := range codes {
		class[code] = int32(k)
	}
	tf := make([]map[string]float32, len(codes))
	raw := map[string]bool{}
	add := func(k int32, text string, w float32) {
		if tf[k] == nil {
			tf[k] = map[string]float32{}
		}
		var words []string
		eachRawWord(text, func(r string) {
			raw[r] = true
			words = appendWord(words[:0], r)
			for _, word := range words {
				tf[k][word] += w
			}
		})
	}
	for _, t := range titles {
		k, ok := class[t.Code]
		if !ok {
			continue
		}
		w := t.Weight
		if w <= 0 || w > 1 {
			w = 1
		}
		text := dropExceptions(t.Text)
		add(k, text, w*titleTextWeight)
		if _, q := splitQualifier(text); q != "" {
			add(k, q, w*qualifierTextWeight)
		}
	}
	for _, g := range texts {
		k, ok := class[g.Code]
		if !ok {
			continue
		}
		add(k, g.Text, referenceTextWeight)
		// The sentence of a definition that says where the occupation
		// works ("They are employed by retail stores") is what an
		// industry looks like.
		for _, sentence := range splitSentences(g.Text) {
			if industrySentence(sentence) {
				add(k, sentence, industryTextWeight)
			}
		}
	}
	d := &describer{words: map[string]int32{}, surface: make(map[string][]int32, len(raw))}
	var df []int
	for _, m := range tf {
		for w := range m {
			id, ok := d.words[w]
			if !ok {
				id = int32(len(df))
				d.words[w] = id
				df = append(df, 0)
			}
			df[id]++
		}
	}
	n := float64(len(codes))
	d.idf = make([]float32, len(df))
	for id, c := range df {
		if float64(c) <= maxDescriptionIDFShare*n {
			d.idf[id] = float32(math.Log(n / float64(c)))
		}
	}
	d.post = make([][]entry, len(df))
	for k, m := range tf {
		var norm float64
		weight := func(w string, f float32) float64 {
			idf := float64(d.idf[d.words[w]])
			if f < 1 {
				return float64(f) * idf
			}
			return (1 + math.Log(float64(f))) * idf
		}
		for w, f := range m {
			x := weight(w, f)
			norm += x * x
		}
		if norm == 0 {
			continue
		}
		// Divided by the square root of its length, not its length: a
		// group of many titles and texts (60020 has 133 titles) would
		// otherwise fall below a small one that names the industry once
		// (60010's "retail district manager"). On the held-out qualified
		// titles +3.4 points, the described O*NET titles +0.9, the
		// unrelated qualifiers -0.2 (a quarter power: +4.4, +0.6, -0.2).
		norm = math.Sqrt(math.Sqrt(norm))
		for w, f := range m {
			id := d.words[w]
			if d.idf[id] == 0 {
				continue
			}
			d.post[id] = append(d.post[id], entry{int32(k), float32(weight(w, f) / norm)})
		}
	}
	for r := range raw {
		d.surface[r] = d.ids(r, nil)
	}
	return d
}

// ids appends the ids of a raw word's stems that count (idf > 0).
func (d *describer) ids(raw string, out []int32) []int32 {
	var buf [4]string
	for _, w := range appendWord(buf[:0], raw) {
		if id, ok := d.words[w]; ok && d.idf[id] > 0 {
			out = append(out, id)
		}
	}
	return out
}

// similarity is each class's similarity (see describer) to the description's distinct
// known words (the first maxDescriptionWords of them), weighted by idf,
// and those words' ids in order; nil when none is known.
func (d *describer) similarity(description string, nclass int) ([]float32, []int32) {
	seen := make(map[int32]bool, 64)
	var order, scratch []int32
	var qnorm float64
	eachRawWord(description, func(r string) {
		if len(order) >= maxDescriptionWords {
			return
		}
		ids, ok := d.surface[r]
		if !ok {
			scratch = d.ids(r, scratch[:0])
			ids = scratch
		}
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				order = append(order, id)
				qnorm += float64(d.idf[id]) * float64(d.idf[id])
			}
		}
	})
	if len(order) == 0 {
		return nil, nil
	}
	sim := make([]float32, nclass)
	for _, id := range order {
		q := d.idf[id]
		for _, e := range d.post[id] {
			sim[e.class] += q * e.w
		}
	}
	inv := float32(1 / math.Sqrt(qnorm))
	for k := range sim {
		sim[k] *= inv
	}
	return sim, order
}

// linkTitles notes, for each word, its word feature among a coder's
// title features (-1 for none), for addWordEvidence.
func (d *describer) linkTitles(feat map[string]int32) {
	d.titleFeat = make([]int32, len(d.idf))
	for w, id := range d.words {
		d.titleFeat[id] = -1
		if f, ok := feat["w:"+w]; ok {
			d.titleFeat[id] = f
		}
	}
}

// splitQualifier splits an index title into its head and the qualifier
// that says the industry or field: "manager, retail store", "supervisor
// - food processing", "labourer (construction)"; qualifier is "" when
// there is none.
func splitQualifier(title string) (head, qualifier string) {
	t := strings.TrimSpace(title)
	if i := strings.Index(t, " - "); i > 0 {
		return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+3:])
	}
	if i := strings.IndexByte(t, '('); i > 0 {
		if j := strings.IndexByte(t[i:], ')'); j > 1 {
			head := strings.TrimSpace(t[:i] + t[i+j+1:])
			return head, strings.TrimSpace(t[i+1 : i+j])
		}
	}
	if i := strings.Index(t, ", "); i > 0 {
		return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+2:])
	}
	return t, ""
}

// exceptionRe matches the part of an index title that names what the
// group leaves out ("sales manager (except retail and wholesale)",
// "directeur des ventes (sauf commerce de détail)"): its words are
// another group's.
var exceptionRe = regexp.MustCompile(`(?i)\s*(?:\((?:except|excluding|sauf)\b[^)]*\)|[,-]\s*(?:except|excluding|sauf)\b.*$)`)

// dropExceptions removes what an index title says it excludes.
func dropExceptions(title string) string {
	if !strings.Contains(title, "xcept") && !strings.Contains(title, "xcluding") && !strings.Contains(title, "sauf") {
		return title
	}
	return exceptionRe.ReplaceAllString(title, "")
}

// industrySentence: a sentence that says where an occupation works.
func industrySentence(s string) bool {
	l := strings.ToLower(s)
	for _, m := range []string{"employed", "work in ", "work for ", "travaillent", "employés", "employées"} {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// splitSentences splits reference text at its sentence ends.
func splitSentences(text string) []string { return strings.SplitAfter(text, ". ") }
