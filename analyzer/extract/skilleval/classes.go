package skilleval

import (
	"regexp"
	"sort"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/skilllink"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// Error classes, so a reader sees why precision and recall are lost.
const (
	FPWrongConcept = "wrong concept on a span annotated with another ESCO label"
	FPNoLabel      = "span annotated LABEL NOT PRESENT / UNDERSPECIFIED"
	FPOutside      = "outside every annotated span (unannotated mention or not a skill)"

	MissWrongConcept = "span matched, but to another concept"
	MissLabelInText  = "a label of the concept is in the sentence, not kept"
	MissParaphrase   = "paraphrase sharing a word with a label of the concept"
	MissNoOverlap    = "paraphrase with no word of any label"
	MissNotInTax     = "gold label not in the taxonomy"
)

// Breakdown counts errors by class, with examples.
type Breakdown struct {
	FalsePositives, Misses map[string]int
	// Examples are a few errors per class: "matched text → label".
	Examples map[string][]string
}

// Classify sorts the false positives and misses of the kept candidates.
func Classify(tax *taxonomy.Taxonomy, sents []Sentence, cands []Candidate, keep []bool) Breakdown {
	b := Breakdown{FalsePositives: map[string]int{}, Misses: map[string]int{}, Examples: map[string][]string{}}
	byLabel := map[string]*taxonomy.Entry{}
	for i := range tax.Entries {
		byLabel[strings.ToLower(tax.Entries[i].Label)] = &tax.Entries[i]
	}
	ex := func(class, s string) {
		if len(b.Examples[class]) < 6 {
			b.Examples[class] = append(b.Examples[class], s)
		}
	}
	kept := map[int][]Candidate{}
	for i, c := range cands {
		if keep[i] {
			kept[c.Sent] = append(kept[c.Sent], c)
		}
	}
	for si, s := range sents {
		low := strings.ToLower(s.Text)
		for _, c := range kept[si] {
			if c.Y {
				continue
			}
			class := FPOutside
			for _, sp := range s.Spans {
				if !overlaps(sp.Text, c.Match.Text) {
					continue
				}
				if sp.Label == "LABEL NOT PRESENT" || sp.Label == "UNDERSPECIFIED" {
					if class == FPOutside {
						class = FPNoLabel
					}
					continue
				}
				class = FPWrongConcept
				ex(class, c.Match.Text+" → "+c.Match.Label+" (gold: "+sp.Label+")")
				break
			}
			if class != FPWrongConcept {
				ex(class, c.Match.Text+" → "+c.Match.Label)
			}
			b.FalsePositives[class]++
		}
		got := map[string]bool{}
		for _, c := range kept[si] {
			got[c.Label] = true
		}
		for g := range s.Gold {
			if got[g] {
				continue
			}
			span := ""
			for _, sp := range s.Spans {
				if strings.EqualFold(sp.Label, g) {
					span = sp.Text
					break
				}
			}
			class := ""
			e := byLabel[g]
			switch {
			case e == nil:
				class = MissNotInTax
			case wrongOn(span, kept[si]):
				class = MissWrongConcept
			case labelInText(e, low):
				class = MissLabelInText
			case sharesWord(e, span):
				class = MissParaphrase
			default:
				class = MissNoOverlap
			}
			b.Misses[class]++
			ex(class, "“"+span+"” ⇒ "+g)
		}
	}
	return b
}

// Sorted lists a class count map, largest first.
func Sorted(m map[string]int) []LabelCount {
	var out []LabelCount
	for k, v := range m {
		out = append(out, LabelCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Count > out[j].Count || out[i].Count == out[j].Count && out[i].Label < out[j].Label
	})
	return out
}

func overlaps(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	return a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a))
}

func wrongOn(span string, kept []Candidate) bool {
	for _, c := range kept {
		if overlaps(span, c.Match.Text) {
			return true
		}
	}
	return false
}

func labelInText(e *taxonomy.Entry, low string) bool {
	for _, l := range e.Labels {
		re, err := regexp.Compile(`\b` + regexp.QuoteMeta(strings.ToLower(l.Text)) + `\b`)
		if err == nil && re.MatchString(low) {
			return true
		}
	}
	return false
}

func sharesWord(e *taxonomy.Entry, span string) bool {
	sw := skilllink.ContentWords(span)
	for _, l := range e.Labels {
		for h := range skilllink.ContentWords(l.Text) {
			if sw[h] {
				return true
			}
		}
	}
	return false
}
