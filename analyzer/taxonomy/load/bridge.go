package load

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
)

// The ESCO French release at hand has preferred labels for nearly every
// concept but alternative labels for one in ten, so French postings,
// which name skills as Job Bank duties do ("service à la clientèle",
// "travail d'équipe"), match few of them. The built-in taxonomy has
// French labels written for such postings beside English ones. Where a
// built-in skill's English labels are labels of one ESCO concept, its
// French labels are that concept's too: bridgeFrench adds them, as
// alternative labels, to the ESCO entries.

// escoWithFrench is ESCO with its French labels and the bridged ones.
func escoWithFrench(en, fr string) (*taxonomy.Taxonomy, error) {
	tax, err := ESCO(en, fr)
	if err != nil {
		return nil, err
	}
	b, err := builtin.Load()
	if err != nil {
		return nil, fmt.Errorf("French labels from the built-in taxonomy: %w", err)
	}
	bridgeFrench(tax.Entries, b)
	return taxonomy.New(tax.Name, tax.Version, tax.Entries)
}

// minBridgeVotes: the skill's own name, or two of its other labels, must
// be labels of the concept.
const minBridgeVotes = 2

// minBridgeLetters keeps short one-word French labels ("caisse") out:
// the built-in guards them with context words ESCO entries lack.
const minBridgeLetters = 6

// bridgeFrench adds to entries (ESCO) the French labels of each built-in
// skill whose English labels name one ESCO concept more often than any
// other, and returns how many concepts gained labels. Built-in skills
// that need context words to count are left out.
func bridgeFrench(entries []taxonomy.Entry, builtin *taxonomy.Taxonomy) int {
	byLabel := map[string][]int32{}
	for i := range entries {
		for _, l := range entries[i].Labels {
			if l.Lang == "en" && l.Kind != taxonomy.Hidden {
				k := taxonomy.LabelKey(l.Text)
				if ids := byLabel[k]; len(ids) == 0 || ids[len(ids)-1] != int32(i) {
					byLabel[k] = append(ids, int32(i))
				}
			}
		}
	}
	gained := map[int32]bool{}
	for _, b := range builtin.Entries {
		if len(b.Context) > 0 {
			continue
		}
		target, ok := bridgeTarget(b, byLabel)
		if !ok {
			continue
		}
		var add []taxonomy.Label
		for _, l := range b.Labels {
			if l.Lang == "fr" && bridgeable(l.Text) {
				add = append(add, taxonomy.Label{Text: l.Text, Lang: "fr", Kind: taxonomy.Alternative})
			}
		}
		if len(add) == 0 {
			continue
		}
		before := len(entries[target].Labels)
		entries[target].Labels = mergeLabels(entries[target].Labels, add)
		if len(entries[target].Labels) > before {
			gained[target] = true
		}
	}
	return len(gained)
}

// bridgeTarget is the ESCO concept b's English labels vote for (see
// minBridgeVotes), counting only labels of a single concept; none when
// two concepts tie.
func bridgeTarget(b taxonomy.Entry, byLabel map[string][]int32) (int32, bool) {
	votes := map[int32]int{}
	for _, l := range b.Labels {
		if l.Lang != "en" {
			continue
		}
		ids := byLabel[taxonomy.LabelKey(l.Text)]
		if len(ids) != 1 {
			// A surface form of several concepts says nothing of which.
			continue
		}
		// The skill's own name counts twice: one of its other labels
		// alone ("collect fares" of cash handling, "Security+" of CompTIA
		// certifications) names something narrower or beside it.
		if l.Kind == taxonomy.Preferred {
			votes[ids[0]] += 2
		} else {
			votes[ids[0]]++
		}
	}
	best, bestN, tie := int32(-1), 0, false
	for id, n := range votes {
		switch {
		case n > bestN:
			best, bestN, tie = id, n, false
		case n == bestN:
			tie = true
		}
	}
	if best < 0 || tie || bestN < minBridgeVotes {
		return 0, false
	}
	return best, true
}

// bridgeable: several words, or one long enough not to be an everyday one.
func bridgeable(text string) bool {
	words := strings.Fields(text)
	if len(words) > 1 {
		return true
	}
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= minBridgeLetters
}
