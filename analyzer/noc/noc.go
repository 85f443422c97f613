// Package noc codes job postings to NOC 2021 unit groups: the posting's own
// code when it is valid, else a hierarchical naive Bayes classification of
// its cleaned title (and, weakly, its description) trained on an index of
// occupation titles (the 516 unit group titles and authored English and
// French example titles built in; the full NOC and OaSIS title indexes
// loadable), with a confidence, and "unclassified" below a threshold.
package noc

import (
	"bufio"
	_ "embed"
	"sort"
	"strings"
	"sync"
)

// Unclassified is the code of postings no unit group fits.
const Unclassified = "unclassified"

// Result is a coded occupation.
type Result struct {
	Code       string  `json:"code"`
	Title      string  `json:"title"`
	Confidence float64 `json:"confidence"`
	Method     string  `json:"method"` // source, title, unclassified
	// LowConfidence marks a classified answer whose confidence is below
	// the coder's LowConfidence setting: counted, but flagged in profiles.
	LowConfidence bool `json:"low_confidence,omitempty"`
}

// Title is one occupation title of an index.
type Title struct {
	Code string
	Text string
	Lang string
	// Weight is how much the title counts against the others (zero means
	// one): titles from a looser source (O*NET through a crosswalk) teach
	// with less weight, and never as verbatim index hits.
	Weight float32
	// Ambiguous marks a title whose source does not say its unit group
	// for certain (an O*NET title the crosswalks disagree on): it may
	// teach a coder but is no test of one.
	Ambiguous bool
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

// BroadCategory is the first digit of a unit group code (0 to 9).
func BroadCategory(code string) string { return prefix(code, 1) }

// MajorGroup is the two-digit major group of a unit group code.
func MajorGroup(code string) string { return prefix(code, 2) }

// SubMajorGroup is the three-digit sub-major group of a unit group code.
func SubMajorGroup(code string) string { return prefix(code, 3) }

// MinorGroup is the four-digit minor group of a unit group code.
func MinorGroup(code string) string { return prefix(code, 4) }

// prefix guards against short or foreign codes: they have no group.
func prefix(code string, n int) string {
	if len(code) < n {
		return ""
	}
	return code[:n]
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
