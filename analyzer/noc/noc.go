// Package noc codes job postings to NOC 2021 unit groups: the posting's own
// code when it is valid, else the best match of its title against an index
// of occupation titles (the 516 unit group titles and authored example
// titles built in; the full NOC and OaSIS title indexes loadable), with a
// confidence, and "unclassified" below a threshold.
package noc

import (
	"bufio"
	_ "embed"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// Unclassified is the code of postings no unit group fits.
const Unclassified = "unclassified"

// Result is a coded occupation.
type Result struct {
	Code       string  `json:"code"`
	Title      string  `json:"title"`
	Confidence float64 `json:"confidence"`
	Method     string  `json:"method"` // source, title, unclassified
}

// Title is one occupation title of an index.
type Title struct {
	Code string
	Text string
	Lang string
}

//go:embed unitgroups.tsv
var unitGroupsTSV string

//go:embed examples.tsv
var examplesTSV string

var (
	groupsOnce sync.Once
	groups     map[string]string
	builtin    []Title
)

func load() {
	groupsOnce.Do(func() {
		groups = map[string]string{}
		sc := bufio.NewScanner(strings.NewReader(unitGroupsTSV))
		for sc.Scan() {
			code, title, ok := strings.Cut(sc.Text(), "\t")
			if ok {
				groups[code] = title
				builtin = append(builtin, Title{Code: code, Text: title, Lang: "en"})
			}
		}
		sc = bufio.NewScanner(strings.NewReader(examplesTSV))
		for sc.Scan() {
			f := strings.Split(sc.Text(), "\t")
			if len(f) == 3 {
				builtin = append(builtin, Title{Code: f[0], Lang: f[1], Text: f[2]})
			}
		}
	})
}

// TitleOf is the English title of a unit group.
func TitleOf(code string) (string, bool) {
	load()
	t, ok := groups[code]
	return t, ok
}

// UnitGroups returns every built-in unit group code, sorted.
func UnitGroups() []string {
	load()
	out := make([]string, 0, len(groups))
	for c := range groups {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// BuiltinTitles are the built-in titles (unit group titles and examples).
func BuiltinTitles() []Title { load(); return append([]Title(nil), builtin...) }

// Options tune a coder.
type Options struct {
	// Threshold is the lowest confidence that still codes a posting.
	Threshold float64
}

// DefaultThreshold was chosen on the held-out evaluation.
const DefaultThreshold = 0.45

// Coder matches titles. It is safe for concurrent use.
type Coder struct {
	opts  Options
	exact map[string]string // cleaned title -> code
	docs  []doc
	post  map[string][]int // token -> docs
	idf   map[string]float64
}

type doc struct {
	code string
	w    map[string]float64
	norm float64
}

var (
	builtinOnce  sync.Once
	builtinCoder *Coder
)

// NewBuiltin is the coder over the built-in titles (built once, shared).
func NewBuiltin() *Coder {
	builtinOnce.Do(func() { builtinCoder = NewCoder(BuiltinTitles(), Options{}) })
	return builtinCoder
}

// NewCoder builds a coder over titles (with the built-in unit group
// titles always known for validation).
func NewCoder(titles []Title, opts Options) *Coder {
	load()
	if opts.Threshold <= 0 {
		opts.Threshold = DefaultThreshold
	}
	c := &Coder{opts: opts, exact: map[string]string{}, post: map[string][]int{}, idf: map[string]float64{}}
	df := map[string]int{}
	var toks [][]string
	for _, t := range titles {
		if _, ok := groups[t.Code]; !ok {
			continue
		}
		clean := cleanTitle(t.Text)
		if clean == "" {
			continue
		}
		if _, dup := c.exact[clean]; !dup {
			c.exact[clean] = t.Code
		}
		tk := tokens(clean)
		toks = append(toks, tk)
		c.docs = append(c.docs, doc{code: t.Code})
		seen := map[string]bool{}
		for _, w := range tk {
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	n := float64(len(c.docs))
	for w, d := range df {
		c.idf[w] = math.Log(1 + n/float64(d))
	}
	for i, tk := range toks {
		c.docs[i].w = c.weights(tk)
		for w := range c.docs[i].w {
			c.post[w] = append(c.post[w], i)
		}
		c.docs[i].norm = vnorm(c.docs[i].w)
	}
	return c
}

func (c *Coder) weights(tk []string) map[string]float64 {
	w := map[string]float64{}
	for _, t := range tk {
		if idf, ok := c.idf[t]; ok {
			w[t] = idf
		}
	}
	return w
}

func vnorm(w map[string]float64) float64 {
	s := 0.0
	for _, v := range w {
		s += v * v
	}
	return math.Sqrt(s)
}

// Code codes one posting.
func (c *Coder) Code(title, description string, given *posting.OccupationCode) Result {
	if given != nil && (given.System == "" || given.System == "noc2021") {
		code := strings.TrimSpace(given.Code)
		if t, ok := TitleOf(code); ok {
			return Result{Code: code, Title: t, Confidence: 1, Method: "source"}
		}
	}
	clean := cleanTitle(title)
	if code, ok := c.exact[clean]; ok {
		t, _ := TitleOf(code)
		return Result{Code: code, Title: t, Confidence: 1, Method: "title"}
	}
	code, score := c.best(tokens(clean))
	if code == "" || score < c.opts.Threshold {
		return Result{Code: Unclassified, Confidence: round2(score), Method: "unclassified"}
	}
	t, _ := TitleOf(code)
	return Result{Code: code, Title: t, Confidence: round2(score), Method: "title"}
}

// best is the cosine-nearest title's code, ties broken by the number of
// titles of that code among the best matches.
func (c *Coder) best(tk []string) (string, float64) {
	q := c.weights(tk)
	qn := vnorm(q)
	if qn == 0 {
		return "", 0
	}
	dots := map[int]float64{}
	for w, qv := range q {
		for _, i := range c.post[w] {
			dots[i] += qv * c.docs[i].w[w]
		}
	}
	// Vote: a code's score is its best title's similarity, plus a little
	// for each further similar title of the same code — titles that share
	// words with many of one group's titles belong to it.
	top := map[string][]float64{}
	for i, dot := range dots {
		s := dot / (qn * c.docs[i].norm)
		if s > 0.3 {
			top[c.docs[i].code] = append(top[c.docs[i].code], s)
		}
	}
	bestCode, bestScore, bestRank := "", 0.0, 0.0
	for code, ss := range top {
		sort.Sort(sort.Reverse(sort.Float64Slice(ss)))
		rank := ss[0]
		for k := 1; k < len(ss) && k < 4; k++ {
			rank += voteWeight * ss[k]
		}
		if rank > bestRank+1e-12 || (math.Abs(rank-bestRank) <= 1e-12 && code < bestCode) {
			bestCode, bestScore, bestRank = code, ss[0], rank
		}
	}
	return bestCode, bestScore
}

// voteWeight is how much each further matching title of a code adds.
const voteWeight = 0.15

func round2(x float64) float64 { return math.Round(x*100) / 100 }
