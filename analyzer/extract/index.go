package extract

import (
	"strings"
	"sync"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// maxLabelTokens bounds the n-gram length looked up at each position.
// Longer labels are descriptions rather than names and are not indexed.
const maxLabelTokens = 10

// maxGap is how many words may stand between the words of a label.
const maxGap = 2

// target is what an indexed label resolves to.
type target struct {
	entry     int32 // index into Taxonomy.Entries
	kind      taxonomy.LabelKind
	guarded   bool // counts only with supporting context (see guard.go)
	capital   bool // guarded and capitalized in the taxonomy: must be in the text too
	verbish   bool // guarded everyday word: not when used as a verb ("excel in")
	bare      bool // the preferred label without its qualifier ("SaaS" of "SaaS (service-oriented modelling)")
	derived   bool // the preferred label without a generic head ("cloud" of "cloud technologies")
	verbFirst bool // derived verb-first form ("repair engines"): its object must end there (see verbFirst)
	loose     bool // a loose set (loose.go), never in the table
	gerund    bool // one-word English label in -ing ("receiving"): not met by a participle in -ed (see resolve)
	edFirst   bool // the label's first word ends in -ed ("advanced Excel")
	french    bool // only French labels give this form: not in English text (language.go)
	numTokens uint8
	// looseContent is a loose form's count of content words: its gaps
	// may hold function words only (see looseTight).
	looseContent uint8
	looseConj    bool // the loose form's label joins words with "and", "or" ("opening and closing")
}

// index is the compiled form of a taxonomy.
type index struct {
	tab     *table
	targets []target
	tax     *taxonomy.Taxonomy
	// context holds, per entry with Context words, their token hashes.
	context map[int32][]uint64
	cues    []cueDef
	// loose holds the loose labels (loose.go), apart so that they never
	// change what the dictionary's own labels match.
	loose      *table
	looseWords *looseWords
	looseOnce  sync.Once
	// peopleVerbs: verbs of labels with a generic staff object, and
	// their filter bits (see people.go).
	peopleVerbs map[uint64]uint32
	peopleBits  []uint64
}

// cueDef is what a cue phrase means as a header and inside a sentence.
type cueDef struct{ header, sentence cueKind }

// builder collects n-gram values before they are frozen into a table.
type builder struct {
	vals           map[uint64]uint32
	singles, multi []uint64
	toks           []token
}

// add registers the n-grams of phrase; it returns the key of the whole
// phrase, or false when the phrase has no tokens or is too long.
func (b *builder) add(phrase string) (uint64, bool) {
	b.toks = tokenize(phrase, b.toks[:0])
	if len(b.toks) == 0 || len(b.toks) > maxLabelTokens {
		return 0, false
	}
	if len(b.toks) == 1 {
		b.singles = append(b.singles, b.toks[0].hash)
	}
	k := uint64(0)
	for i, tk := range b.toks {
		h := tk.hash
		if i > 0 && tk.conj {
			h ^= conjSalt // as table.keyHash reads the text
		}
		k = seqKey(k, h)
		if i > 0 {
			b.multi = append(b.multi, k)
		}
		if i < len(b.toks)-1 {
			b.vals[k] |= prefixBit
		} else {
			b.vals[k] |= 0
		}
	}
	return k, true
}

// genericDF: a one-word alternative label whose word occurs in the labels
// of this many other skills is a generic word ("data", "design",
// "processes"), not a name for the skill it is attached to; matching it
// would credit every posting that uses the word.
const genericDF = 8

func buildIndex(tax *taxonomy.Taxonomy) *index {
	ix := &index{tax: tax, context: map[int32][]uint64{}}
	var people []peopleLabel // labels of people verbs (see people.go)
	b := &builder{vals: make(map[uint64]uint32, tax.LabelCount()*2)}
	df := wordSpread(tax)
	reference := tax.Reference()
	for ei := range tax.Entries {
		e := &tax.Entries[ei]
		for _, c := range e.Context {
			for _, tk := range tokenize(c, nil) {
				ix.context[int32(ei)] = append(ix.context[int32(ei)], tk.hash)
			}
		}
		labels := expandLabels(e.Labels)
		nReal := len(labels)
		if e.Type == taxonomy.Knowledge {
			labels = append(labels[:len(labels):len(labels)], headless(e.Label)...)
		}
		labels = append(labels[:len(labels):len(labels)], othersAsPeople(e.Labels)...)
		nVerbFirst := len(labels)
		labels = append(labels[:len(labels):len(labels)], verbFirst(e.Labels)...)
		for li, l := range labels {
			b.toks = tokenize(l.Text, b.toks[:0])
			// Hidden labels are ESCO's search aids (misspellings, outdated
			// terms); matched in text they cost more precision than they
			// add recall on the validation sets.
			if l.Kind == taxonomy.Hidden {
				continue
			}
			// A skill with context words guards its one-word names itself
			// ("Windows" beside "install windows"; "Teams"). An authored
			// taxonomy's labels are all written for the matcher: a label
			// is not switched off because other skills came to use its word.
			if len(b.toks) == 1 && l.Kind != taxonomy.Preferred && !l.Authored && reference && len(e.Context) == 0 && df[b.toks[0].hash] > genericDF {
				continue
			}
			k, ok := b.add(l.Text)
			if !ok {
				continue
			}
			people = notePeopleLabel(people, b.toks, k)
			tg := target{entry: int32(ei), kind: l.Kind, numTokens: uint8(len(b.toks)), guarded: needsGuard(l.Text, b.toks, e), bare: isBareName(l.Text, e.Label), derived: li >= nReal, verbFirst: li >= nVerbFirst,
				gerund:  len(b.toks) == 1 && len(l.Text) > 5 && strings.EqualFold(l.Text[len(l.Text)-3:], "ing"),
				edFirst: participle(l.Text, b.toks[0]), french: l.Lang == "fr"}
			if len(b.toks) == 1 && l.Kind == taxonomy.Alternative && postingAcronyms[strings.TrimSpace(l.Text)] && len(e.Context) == 0 {
				// "POS" is proof of stake to ESCO and a point of sale to a
				// cashier: such an acronym needs a word of the concept's
				// name nearby ("blockchain", "consensus").
				tg.guarded = true
				if _, ok := ix.context[int32(ei)]; !ok {
					ix.context[int32(ei)] = nameWords(e.Label)
				}
			}
			if tg.guarded && selfSupported(b.toks[0].hash, ix.context[int32(ei)]) {
				// "Golang" is a context word of Go: it supports itself.
				tg.guarded = false
			}
			if tg.guarded {
				tg.capital = upperAt(l.Text, int(b.toks[0].start))
				tg.verbish = commonWords[strings.ToLower(strings.TrimSpace(l.Text))]
			}
			if cur := b.vals[k] & targetMask; cur != 0 {
				// Two skills share this surface form: keep the one whose
				// preferred label it is, else the first loaded.
				old := &ix.targets[cur-1]
				if old.entry == tg.entry && !tg.capital {
					old.capital = false // also written lower case ("ojibwé")
				}
				if old.entry == tg.entry && !tg.french {
					old.french = false // an English label of the concept too
				}
				// A concept's own name, qualifier dropped, beats another's
				// alternative label: "SaaS" is SaaS (service-oriented
				// modelling), not service-oriented modelling.
				if tg.rank() < old.rank() {
					// The same concept's forms stay English if any of them is.
					french := tg.french
					if old.entry == tg.entry {
						french = old.french && tg.french
					}
					*old = tg
					old.french = french
				}
				continue
			}
			if len(ix.targets)+1 >= targetMask {
				continue // beyond 4M labels; never reached by real taxonomies
			}
			ix.targets = append(ix.targets, tg)
			b.vals[k] |= uint32(len(ix.targets))
		}
	}
	ix.addCues(b)
	ix.addPeopleVerbs(b, people)
	ix.tab = newFrozenTable(b.vals, b.singles, b.multi)
	ix.tab.verbPairs = !tax.Reference()
	ix.tab.conjAware = true
	return ix
}

// wordSpread counts, per word, the skills whose labels use it.
func wordSpread(tax *taxonomy.Taxonomy) map[uint64]int {
	df := map[uint64]int{}
	seen := map[uint64]bool{}
	var toks []token
	for ei := range tax.Entries {
		clear(seen)
		for _, l := range tax.Entries[ei].Labels {
			for _, t := range tokenize(l.Text, toks[:0]) {
				if !seen[t.hash] {
					seen[t.hash] = true
					df[t.hash]++
				}
			}
		}
	}
	return df
}

// rank orders the targets of one surface form, lowest kept: by label
// kind, then a concept's bare name, its labels, its derived labels.
func (t *target) rank() int {
	r := 3*int(t.kind) + 1
	switch {
	case t.loose:
		r += 3 // after every label of every kind
	case t.bare:
		r--
	case t.derived:
		r++
	}
	return r
}

// addCues indexes the section and sentence cue phrases beside the labels,
// so one lookup per n-gram finds both.
func (ix *index) addCues(b *builder) {
	defs := map[uint64]int{}
	// Every kind, headers first: a phrase both header and sentence cue
	// ("Benefits") keeps both meanings.
	for kind := cueBoilerHeader; kind < cueKindEnd; kind++ {
		for _, p := range cuePhrases[kind] {
			k, ok := b.add(p)
			if !ok {
				continue
			}
			ci, seen := defs[k]
			if !seen {
				ix.cues = append(ix.cues, cueDef{})
				ci = len(ix.cues) - 1
				defs[k] = ci
				b.vals[k] |= uint32(ci+1) << cueShift
			}
			if isHeaderKind(kind) {
				ix.cues[ci].header = kind
				if kind == cueNegatedHeader {
					ix.cues[ci].sentence = cueNegatedSentence
				}
			} else if ix.cues[ci].sentence == 0 || kind == cueNegatedSentence {
				ix.cues[ci].sentence = kind
			}
		}
	}
}
