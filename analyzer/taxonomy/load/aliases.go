package load

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

//go:embed esco_aliases.tsv
var escoAliasesTSV string

// addAliases adds to ESCO entries the authored aliases of
// esco_aliases.tsv, each to the concept of that English preferred label.
// An alias already a label of some concept is skipped (it would make
// that label ambiguous), unless it is only a hidden search label of the
// same concept, which the extractor does not match: then it is matched.
// "-label" takes an alternative label off the concept, for one ESCO
// gives a concept postings mean another by (its preferred label becomes a
// search label the extractor does not match); a line removing a label
// comes before the line adding it elsewhere. "+word" is a context word
// of the concept (taxonomy.Entry.Context). Concepts the release lacks
// are skipped. It returns how many labels it added.
func addAliases(entries []taxonomy.Entry, tsv string) int {
	byName := byConceptName(entries)
	taken := map[string]int{} // label key -> entry, -1 for several
	hidden := map[string]int{}
	for i := range entries {
		for _, l := range entries[i].Labels {
			m := taken
			if l.Kind == taxonomy.Hidden {
				m = hidden
			}
			key := labelKey(l)
			if j, ok := m[key]; ok && j != i {
				m[key] = -1
			} else {
				m[key] = i
			}
		}
	}
	added := 0
	for _, line := range parseAliases(tsv) {
		i, ok := byName[strings.ToLower(line.concept)]
		if !ok {
			continue
		}
		for _, a := range line.items {
			if ctx, ok := strings.CutPrefix(a, "+"); ok {
				// A context word: the concept's one-word labels that are
				// everyday words too ("Excel") count only beside one.
				if !slices.Contains(entries[i].Context, ctx) {
					entries[i].Context = append(entries[i].Context, ctx)
				}
				continue
			}
			if drop, ok := strings.CutPrefix(a, "-"); ok {
				// A label ESCO gives a concept postings mean another by.
				key := labelKey(taxonomy.Label{Text: drop, Lang: line.lang})
				entries[i].Labels = slices.DeleteFunc(entries[i].Labels, func(l taxonomy.Label) bool {
					return l.Kind == taxonomy.Alternative && labelKey(l) == key
				})
				// The preferred label names the concept still, but as a
				// search label: not matched in text.
				for j, l := range entries[i].Labels {
					if l.Kind == taxonomy.Preferred && labelKey(l) == key {
						entries[i].Labels[j].Kind = taxonomy.Hidden
					}
				}
				if taken[key] == i {
					delete(taken, key)
				}
				continue
			}
			alias := taxonomy.Label{Text: a, Lang: line.lang, Kind: taxonomy.Alternative, Authored: true}
			key := labelKey(alias)
			if _, ok := taken[key]; ok {
				continue
			}
			if j, ok := hidden[key]; ok && j != i {
				continue
			}
			taken[key] = i
			entries[i].Labels = append(entries[i].Labels, alias)
			added++
		}
	}
	return added
}

// aliasLine is one line of the alias file: a concept's English preferred
// label, a language, and its items (aliases, "-label", "+word").
type aliasLine struct {
	concept, lang string
	items         []string
}

// parseAliases reads the alias file's lines; comments and lines without
// three tab-separated fields are skipped, as are empty items.
func parseAliases(tsv string) []aliasLine {
	var out []aliasLine
	for _, line := range strings.Split(tsv, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || strings.HasPrefix(line, "#") {
			continue
		}
		l := aliasLine{concept: strings.TrimSpace(f[0]), lang: strings.TrimSpace(f[1])}
		for _, a := range strings.Split(f[2], "|") {
			if a = strings.TrimSpace(a); a != "" {
				l.items = append(l.items, a)
			}
		}
		out = append(out, l)
	}
	return out
}

// labelKey is a label's identity across concepts: language and folded
// text.
func labelKey(l taxonomy.Label) string { return l.Lang + "|" + taxonomy.LabelKey(l.Text) }

// byConceptName finds a concept by its English preferred label, lower
// case (ESCO has some with a trailing space: "plan ").
func byConceptName(entries []taxonomy.Entry) map[string]int {
	m := make(map[string]int, len(entries))
	for i := range entries {
		m[strings.ToLower(strings.TrimSpace(entries[i].Label))] = i
	}
	return m
}

// AliasConcepts are the preferred labels the alias file names.
func AliasConcepts() []string {
	var out []string
	for _, l := range parseAliases(escoAliasesTSV) {
		out = append(out, l.concept)
	}
	return out
}

// languageSkillForms are ESCO's skills of using a language L, which
// annotators (and analysts counting languages) read as the language
// itself: "speak and write fluently English" is English.
var languageSkillForms = []string{"interact verbally in ", "write ", "understand spoken ", "understand written "}

// foldLanguageSkills gives each language concept ("English", "Danish")
// the labels of ESCO's skills of speaking, writing and understanding it
// ("speak English", "read Danish"), which no longer match on their own:
// a posting that asks for a language asks for it once, and the
// ESCO-linked validation sets link every such mention to the language.
// It returns how many skill concepts it folded.
func foldLanguageSkills(entries []taxonomy.Entry) int {
	byName := byConceptName(entries)
	// A language is what ESCO has a concept of speaking: "write code" is
	// no language skill, "interact verbally in Danish" is.
	isLanguage := func(name string) bool {
		_, ok := byName[languageSkillForms[0]+name]
		return ok
	}
	folded := 0
	for i := range entries {
		name := strings.ToLower(strings.TrimSpace(entries[i].Label))
		for _, form := range languageSkillForms {
			lang, ok := strings.CutPrefix(name, form)
			j, known := byName[lang]
			if !ok || !known || j == i || !isLanguage(lang) {
				continue
			}
			var moved []taxonomy.Label
			for k, l := range entries[i].Labels {
				if l.Kind == taxonomy.Hidden {
					continue
				}
				moved = append(moved, taxonomy.Label{Text: l.Text, Lang: l.Lang, Kind: taxonomy.Alternative})
				entries[i].Labels[k].Kind = taxonomy.Hidden
			}
			entries[j].Labels = mergeLabels(entries[j].Labels, moved)
			folded++
			break
		}
	}
	return folded
}
