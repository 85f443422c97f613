package noc

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

// A posting's industry ("Construction", "Health care and social
// assistance") is evidence of a different kind from a description: it
// names a sector, which many occupations work in, and says nothing of
// which one. Compared with the groups' definitions like a description,
// its two or three words pick one group by accident ("Educational
// services" reads most like teacher assistants, "social assistance" like
// social workers for a cook). sectors.tsv lists, per industry, the groups
// that mostly work in it; a short description that names industries
// lifts those groups by sectorWeight, enough to decide between the groups
// a generic title leaves within a few units ("Owner" in construction:
// construction managers rather than retail managers) and too little to
// move a specific title ("Accountant" in construction stays an
// accountant).
//
//go:embed sectors.tsv
var sectorsTSV string

// sectorWeight is what naming a sector adds to its groups, in title score
// units: about the commonness prior's range between a common and a rare
// group (priorWeight × log 17), not fitted (no set at hand codes titles
// with their industry; see README).
const sectorWeight = 9

// maxSectorWords: longer descriptions are posting bodies, where an
// industry word is as likely incidental ("our retail partners").
const maxSectorWords = 12

type sector struct {
	// names are the sector's own names, narrow the words of industries
	// within it ("trucking", "grocery"); folded, lower case, padded with
	// spaces.
	names, narrow []string
	prefixes      []string
	naics         []string // two-digit NAICS sector codes
}

var (
	sectorsOnce sync.Once
	sectorList  []sector
)

func loadSectors() []sector {
	sectorsOnce.Do(func() {
		for _, line := range strings.Split(sectorsTSV, "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 5 {
				continue
			}
			s := sector{names: padded(f[1]), narrow: padded(f[2]), prefixes: strings.Fields(f[3]), naics: strings.Fields(f[4])}
			sectorList = append(sectorList, s)
		}
	})
	return sectorList
}

// padded are a sectors.tsv column's phrases as industryText writes them.
func padded(phrases string) []string {
	var out []string
	for _, p := range strings.Split(phrases, ";") {
		if p != "" {
			out = append(out, industryText(p))
		}
	}
	return out
}

// industryText is text folded, in lower case, with every character but
// letters, digits and apostrophes a space between words, one space each
// and one at either end: "Retail trade / Commerce de détail" and
// "Professional, scientific and technical services" meet phrases as whole
// words.
func industryText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\'' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return ' '
	}, fold(strings.ToLower(s)))
	return " " + strings.Join(strings.Fields(s), " ") + " "
}

// newSectorGroups is, per sector, whether each class works in it.
func newSectorGroups(codes []string) [][]bool {
	list := loadSectors()
	out := make([][]bool, len(list))
	for i, s := range list {
		in := make([]bool, len(codes))
		for k, code := range codes {
			for _, p := range s.prefixes {
				if strings.HasPrefix(code, p) {
					in[k] = true
					break
				}
			}
		}
		out[i] = in
	}
	return out
}

// sectorsNamed are the sectors a short description names (nil for none or
// a long description), and whether it names them only by their own names
// ("Health care and social assistance", not "Offices of dentists").
func sectorsNamed(description string) (named []int, broad bool) {
	// Posting bodies are the common case: count words before folding.
	if n := wordCount(description, maxSectorWords+1); n == 0 || n > maxSectorWords {
		return nil, false
	}
	if code, ok := naicsCode(description); ok {
		for i, s := range loadSectors() {
			if slices.Contains(s.naics, code) {
				return []int{i}, true
			}
		}
		return nil, false
	}
	text := industryText(description)
	broad = true
	for i, s := range loadSectors() {
		byName, byNarrow := containsAny(text, s.names), containsAny(text, s.narrow)
		if byName || byNarrow {
			named = append(named, i)
			broad = broad && !byNarrow
		}
	}
	return named, broad && named != nil
}

// naicsCode is the two-digit sector of a description that is a NAICS
// code alone ("23", "722511", "NAICS 4451", "44-45"), as industry fields
// often hold one.
func naicsCode(description string) (string, bool) {
	d := strings.TrimSpace(description)
	if len(d) > 6 && strings.EqualFold(d[:6], "naics ") {
		d = strings.TrimSpace(d[6:])
	}
	digits := 0
	for i := 0; i < len(d); i++ {
		switch {
		case d[i] >= '0' && d[i] <= '9':
			digits++
		case d[i] == '-' && i == 2:
		default:
			return "", false
		}
	}
	if digits < 2 || digits > 6 {
		return "", false
	}
	return d[:2], true
}

// wordCount counts the space-separated words of s, stopping at limit.
func wordCount(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s) && n < limit; i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

func containsAny(text string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

// namedSectors are the sectors some evidence names, and whether only by
// the sectors' own names (see sectorsNamed).
type namedSectors struct {
	named []int
	broad bool
}

// sectors are the sectors the evidence names: in its industry, in its
// employer's name ("ABC Construction Ltd", "Eastern Health", "Toronto
// District School Board") or in a description short enough to be an
// industry.
func (e Evidence) sectors() namedSectors {
	var out namedSectors
	broad := true
	for _, text := range [...]string{e.Industry, e.Employer, e.Description} {
		named, b := sectorsNamed(text)
		if named == nil {
			continue
		}
		broad = broad && b
		for _, i := range named {
			if !slices.Contains(out.named, i) {
				out.named = append(out.named, i)
			}
		}
	}
	out.broad = broad && out.named != nil
	return out
}

// addSectors lifts the groups that work in any of the named sectors
// (those in charge only for a title that names someone in charge, see
// leads.go).
func (c *Coder) addSectors(scores []float32, named []int, lead bool) {
	if len(named) == 0 {
		return
	}
	for k := range scores {
		if !lead && c.inCharge[k] {
			continue
		}
		for _, i := range named {
			if c.sectors[i][k] {
				scores[k] += sectorWeight
				break
			}
		}
	}
}

// sectorCannotMove: the description names industries, and by the title's
// words alone class k leads every other group that works in them by at
// least sectorWeight, so the industry could not move the title by
// its own weight. Its words still read like other groups' definitions
// ("health care" like health care managers), which must not overrule a
// verbatim title: "Cook" in health care stays a cook, while "Caissier" at
// a bank, where tellers are within reach, becomes a teller.
func (c *Coder) sectorCannotMove(query string, sectors namedSectors, k int32) bool {
	// A narrower industry's words can speak for one group ("Legal
	// services": legal assistants, not administrative ones), as a
	// description does.
	named := sectors.named
	if !sectors.broad {
		return false
	}
	lead := namesLead(query)
	inSector := func(j int) bool {
		if !lead && c.inCharge[j] {
			return false
		}
		for _, i := range named {
			if c.sectors[i][j] {
				return true
			}
		}
		return false
	}
	alone, _ := c.scores(query, "", namedSectors{})
	if alone == nil {
		return false
	}
	for j, s := range alone {
		if j != int(k) && inSector(j) && alone[k]-s < sectorWeight {
			return false
		}
	}
	return true
}
