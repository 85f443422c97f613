// Package taxonomy holds skill taxonomies: the model, loaders for the public
// formats (ESCO, O*NET, a simple custom CSV/YAML) and the built-in default.
package taxonomy

import (
	"fmt"
	"strings"
)

// Type classifies a skill; dashboards group by it.
type Type string

// Skill types. ESCO's "skill/competence" maps to Skill, its "knowledge" to
// Knowledge; O*NET technology examples are Software.
const (
	Skill         Type = "skill"
	Knowledge     Type = "knowledge"
	Software      Type = "software"
	Certification Type = "certification"
	Transversal   Type = "transversal"
	Language      Type = "language"
)

// ValidType reports whether t is one of the known types.
func ValidType(t Type) bool {
	switch t {
	case Skill, Knowledge, Software, Certification, Transversal, Language:
		return true
	}
	return false
}

// LabelKind tells a preferred label from an alternative one.
type LabelKind uint8

// Label kinds.
const (
	Preferred LabelKind = iota
	Alternative
	Hidden
)

// Label is one surface form of a skill in one language.
type Label struct {
	Text string
	Lang string // "en", "fr"
	Kind LabelKind
	// Authored: written for skillpulse beside the taxonomy's own labels
	// (load's ESCO aliases), so the extractor keeps it even as one word
	// it would otherwise think too generic to be this skill's.
	Authored bool
}

// Entry is one skill of a taxonomy.
type Entry struct {
	ID    string
	Label string // preferred English label (or the first preferred label)
	Type  Type
	// Labels are every surface form, preferred ones included.
	Labels []Label
	// Context lists words that must occur in a posting before an ambiguous
	// label of this skill (see the extractor's guard) counts.
	Context []string
	// NOC lists NOC 2021 unit groups this skill is typical of (built-in
	// taxonomy only); the sample generator draws on it.
	NOC []string
}

// Taxonomy is a loaded skill taxonomy. Every extracted skill carries Name
// and Version so figures can be traced to the taxonomy that produced them.
type Taxonomy struct {
	Name    string
	Version string
	Entries []Entry
	byID    map[string]int
}

// Reference reports whether t is one of the large public reference
// taxonomies the loaders read (ESCO, O*NET), rather than an authored one
// (built-in, custom), whose labels are written for the matcher's rules.
func (t *Taxonomy) Reference() bool { return t.Name == "esco" || t.Name == "onet" }

// New builds a taxonomy and checks ids are unique and labels present.
func New(name, version string, entries []Entry) (*Taxonomy, error) {
	t := &Taxonomy{Name: name, Version: version, Entries: entries, byID: make(map[string]int, len(entries))}
	for i := range entries {
		e := &entries[i]
		if e.ID == "" {
			return nil, fmt.Errorf("taxonomy %s: entry %d has no id", name, i)
		}
		if _, dup := t.byID[e.ID]; dup {
			return nil, fmt.Errorf("taxonomy %s: duplicate id %q", name, e.ID)
		}
		if e.Label == "" {
			for _, l := range e.Labels {
				if l.Kind == Preferred {
					e.Label = l.Text
					break
				}
			}
		}
		if e.Label == "" {
			return nil, fmt.Errorf("taxonomy %s: skill %q has no preferred label", name, e.ID)
		}
		if e.Type == "" {
			e.Type = Skill
		}
		t.byID[e.ID] = i
	}
	return t, nil
}

// Lookup returns the entry with the given id.
func (t *Taxonomy) Lookup(id string) (*Entry, bool) {
	i, ok := t.byID[id]
	if !ok {
		return nil, false
	}
	return &t.Entries[i], true
}

// Len is the number of skills.
func (t *Taxonomy) Len() int { return len(t.Entries) }

// LabelCount is the number of surface forms over all skills.
func (t *Taxonomy) LabelCount() int {
	n := 0
	for i := range t.Entries {
		n += len(t.Entries[i].Labels)
	}
	return n
}

// splitAlt splits a list of alternative labels as the public files write
// them (newline-separated in ESCO, "|" in the custom CSV) and drops blanks.
func splitAlt(s string, seps string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) })
	out := f[:0]
	for _, x := range f {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}
