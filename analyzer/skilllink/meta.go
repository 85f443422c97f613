package skilllink

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// maxPhrase is the longest description n-gram counted for label frequency.
const maxPhrase = 4

// concept is what the features need to know about one taxonomy entry.
type concept struct {
	desc      []uint64 // sorted distinct content-word hashes of the description
	text      string   // the description itself, for the semantic stage (Descriptions)
	reuse     uint8    // reuseLevel, see reuse*
	knowledge bool
	labelDF   float32 // share of descriptions that mention the preferred label
	// essential and optional count the occupations listing the skill.
	essential, optional int32
}

const (
	reuseUnknown uint8 = iota
	reuseTransversal
	reuseCross
	reuseSector
	reuseOccupation
)

// Meta is the ESCO knowledge the scorer draws on besides the labels:
// descriptions, reuse levels, how often a phrase occurs in descriptions,
// and how many concepts share a surface form.
type Meta struct {
	tax      *taxonomy.Taxonomy
	concepts map[string]*concept // by entry id
	idf      map[uint64]float32  // content word → inverse document frequency over descriptions; stop word → −1
	phraseDF map[uint64]float32  // phrase key → share of descriptions containing it
	surface  map[string]int32    // lower-cased label → number of concepts carrying it
	nDocs    int
	maxIDF   float64 // of a word no description has

	hasRelations bool

	propOnce sync.Once
	prop     *proposer
}

// proposals builds the paraphrase index on first use: the filter alone
// does not need it.
func (m *Meta) proposals() *proposer {
	m.propOnce.Do(func() { m.prop = newProposer(m.tax) })
	return m.prop
}

// LoadMeta reads skills_en.csv (the file the taxonomy came from) for the
// columns the taxonomy does not keep, and ESCO's relations archive beside
// it when present (without it the occupation priors are zero).
func LoadMeta(path string, tax *taxonomy.Taxonomy) (*Meta, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open ESCO skills: %w", err)
	}
	defer f.Close()
	m, err := ParseMeta(f, tax)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if z := relationsBeside(path); z != "" {
		if err := m.loadRelations(z); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Descriptions are the concepts' ESCO descriptions (entry id →
// description), those that have one, for SemanticOptions.Descriptions.
func (m *Meta) Descriptions() map[string]string {
	out := make(map[string]string, len(m.concepts))
	for id, c := range m.concepts {
		if c.text != "" {
			out[id] = c.text
		}
	}
	return out
}

// ParseMeta reads ESCO skill rows (columns conceptUri, description,
// reuseLevel, skillType).
func ParseMeta(r io.Reader, tax *taxonomy.Taxonomy) (*Meta, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	if _, ok := col["conceptUri"]; !ok {
		return nil, errors.New("not an ESCO skills file: no conceptUri column")
	}
	get := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return row[i]
		}
		return ""
	}
	m := &Meta{tax: tax, concepts: map[string]*concept{}, idf: map[uint64]float32{}, phraseDF: map[uint64]float32{}, surface: map[string]int32{}}
	df := map[uint64]int{}
	// Phrase keys, once per description, counted by sorting: a map of
	// counts over every n-gram of 13,896 descriptions was the largest
	// start-up cost of a scorer.
	var phrases []uint64
	var buf []byte
	var toks []uint64
	seen := map[uint64]bool{}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		id := strings.TrimSpace(get(row, "conceptUri"))
		if _, ok := tax.Lookup(id); !ok {
			continue
		}
		c := &concept{reuse: reuseOf(get(row, "reuseLevel")), knowledge: strings.EqualFold(get(row, "skillType"), "knowledge")}
		m.concepts[id] = c
		m.nDocs++
		toks = toks[:0]
		clear(seen)
		c.text = strings.TrimSpace(get(row, "description"))
		buf = words(c.text, buf, func(h uint64, _, _ int) { toks = append(toks, h) })
		for i, h := range toks {
			if !stop[h] && !seen[h] {
				seen[h] = true
				c.desc = append(c.desc, h)
				df[h]++
			}
			k := uint64(fnvOffset)
			for j := i; j < len(toks) && j < i+maxPhrase; j++ {
				k = phraseKey(k, toks[j])
				if !seen[k^1] {
					seen[k^1] = true
					phrases = append(phrases, k)
				}
			}
		}
		sort.Slice(c.desc, func(i, j int) bool { return c.desc[i] < c.desc[j] })
	}
	n := float64(max(m.nDocs, 1))
	m.maxIDF = math.Log(n)
	for h, d := range df {
		m.idf[h] = float32(math.Log(n / float64(d)))
	}
	// One lookup tells a stop word (−1) from a content word's idf.
	for h := range stop {
		m.idf[h] = -1
	}
	sortKeys(phrases)
	for i := 0; i < len(phrases); {
		j := i + 1
		for j < len(phrases) && phrases[j] == phrases[i] {
			j++
		}
		if d := j - i; d > 1 {
			m.phraseDF[phrases[i]] = float32(d) / float32(n)
		}
		i = j
	}
	for i := range tax.Entries {
		e := &tax.Entries[i]
		once := map[string]bool{}
		for _, l := range e.Labels {
			s := strings.ToLower(l.Text)
			if !once[s] {
				once[s] = true
				m.surface[s]++
			}
		}
		if c, ok := m.concepts[e.ID]; ok {
			c.labelDF = m.phraseFreq(e.Label, &buf)
		}
	}
	return m, nil
}

// phraseFreq is the share of descriptions in which the words of s occur
// together (0 for phrases longer than maxPhrase words).
func (m *Meta) phraseFreq(s string, buf *[]byte) float32 {
	k, n := uint64(fnvOffset), 0
	*buf = words(s, *buf, func(h uint64, _, _ int) { k = phraseKey(k, h); n++ })
	if n == 0 || n > maxPhrase {
		return 0
	}
	return m.phraseDF[k]
}

func reuseOf(s string) uint8 {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "transversal":
		return reuseTransversal
	case "cross-sector":
		return reuseCross
	case "sector-specific":
		return reuseSector
	case "occupation-specific":
		return reuseOccupation
	}
	return reuseUnknown
}

func (c *concept) has(h uint64) bool {
	i := sort.Search(len(c.desc), func(i int) bool { return c.desc[i] >= h })
	return i < len(c.desc) && c.desc[i] == h
}

// HasRelations says whether occupation–skill relations were loaded.
func (m *Meta) HasRelations() bool { return m.hasRelations }
