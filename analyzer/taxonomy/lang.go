package taxonomy

import (
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// LabelIn is the entry's preferred label in lang ("fr"), or its default
// label when the taxonomy has none in that language.
func (e *Entry) LabelIn(lang string) string {
	if lang == "" || lang == "en" && e.Label != "" {
		return e.Label
	}
	for _, l := range e.Labels {
		if l.Lang == lang && l.Kind == Preferred {
			return l.Text
		}
	}
	return e.Label
}

// HasLabelIn reports whether the entry has a preferred label in lang.
func (e *Entry) HasLabelIn(lang string) bool {
	for _, l := range e.Labels {
		if l.Lang == lang && l.Kind == Preferred {
			return true
		}
	}
	return false
}

// foldLabel lowercases and strips accents, so "competence" finds
// "compétence".
func foldLabel(s string) string {
	out, err := textnorm.StripAccents(s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// LabelKey is a label as compared across taxonomies: case, accents,
// punctuation and spacing aside ("Customer-service" is "customer
// service"), but not the signs that name languages (C, C++, C#).
func LabelKey(s string) string {
	if textnorm.IsASCII(s) {
		return asciiLabelKey(s)
	}
	return labelKeyFolded(s)
}

func labelKeyFolded(s string) string {
	return strings.Join(strings.FieldsFunc(foldLabel(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '+' && r != '#'
	}), " ")
}

// Search finds skills whose preferred or alternative labels (any
// language) start with q or have a word starting with q, case and accents
// ignored: label prefix matches first, then word matches, each by label.
// It returns at most limit entries.
func (t *Taxonomy) Search(q string, limit int) []*Entry {
	q = strings.TrimSpace(foldLabel(q))
	if q == "" || limit <= 0 {
		return nil
	}
	type hit struct {
		e    *Entry
		rank int // 0: a label starts with q, 1: a word of one does
	}
	var hits []hit
	for i, labels := range t.folded() {
		e := &t.Entries[i]
		best := 2
		for _, f := range labels {
			if strings.HasPrefix(f, q) {
				best = 0
				break
			}
			if strings.Contains(f, " "+q) || strings.Contains(f, "-"+q) || strings.Contains(f, "("+q) {
				best = min(best, 1)
			}
		}
		if best < 2 {
			hits = append(hits, hit{e, best})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].rank != hits[j].rank {
			return hits[i].rank < hits[j].rank
		}
		if hits[i].e.Label != hits[j].e.Label {
			return hits[i].e.Label < hits[j].e.Label
		}
		return hits[i].e.ID < hits[j].e.ID
	})
	out := make([]*Entry, 0, min(limit, len(hits)))
	for _, h := range hits[:min(limit, len(hits))] {
		out = append(out, h.e)
	}
	return out
}

// foldedLabels caches, per taxonomy, every entry's shown labels folded:
// a search then folds only the query.
var foldedLabels sync.Map // *Taxonomy -> [][]string

func (t *Taxonomy) folded() [][]string {
	if v, ok := foldedLabels.Load(t); ok {
		return v.([][]string)
	}
	out := make([][]string, len(t.Entries))
	for i := range t.Entries {
		e := &t.Entries[i]
		out[i] = append(out[i], foldLabel(e.Label))
		for _, l := range e.Labels {
			if l.Kind != Hidden {
				out[i] = append(out[i], foldLabel(l.Text))
			}
		}
	}
	v, _ := foldedLabels.LoadOrStore(t, out)
	return v.([][]string)
}

// asciiLabelKey is LabelKey of an ASCII label in one pass and one
// allocation: loading ESCO keys every one of its labels.
func asciiLabelKey(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '+', c == '#':
		default:
			if len(b) > 0 && b[len(b)-1] != ' ' {
				b = append(b, ' ')
			}
			continue
		}
		b = append(b, c)
	}
	if len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b)
}
