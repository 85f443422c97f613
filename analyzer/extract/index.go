package extract

import (
	"math/bits"
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
	loose     bool // a loose set (loose.go), never in the table
	numTokens uint8
}

// table is an open-addressing hash table from n-gram keys to a value that
// says whether the n-gram is a label and whether longer labels extend it.
// Each slot is one uint64 — a 32-bit fingerprint of the key and the 32-bit
// value — so a lookup touches one cache line; with the slot index taken
// from other key bits, a false hit needs ~50 bits to collide.
type table struct {
	slots []uint64
	mask  uint64
	used  int
	// single and multi are bitset filters in front of the table: single
	// holds one-token labels, multi every n-gram key of two or more
	// tokens. Half of all posting words begin some ESCO label ("manage",
	// "use"), but few begin one together with the next word, so most
	// probes end at a cache-resident bit test instead of the table.
	single, multi []uint64
	// conjAware: a word after a conjunction extends a key only as the
	// next word of a label that has the conjunction too (see keyHash).
	conjAware bool
}

// A table value packs: bit 31, longer labels extend this n-gram; bits
// 22-30, cue index + 1; bits 0-21, label target index + 1.
const (
	prefixBit  = 1 << 31
	cueShift   = 22
	cueMask    = 1<<9 - 1
	targetMask = 1<<cueShift - 1
)

const (
	singleBits = 1 << 18 // 32 KiB
	multiBits  = 1 << 21 // 256 KiB
)

func newTable(expected int) *table {
	size := 1 << bits.Len(uint(expected*2))
	if size < 1024 {
		size = 1024
	}
	return &table{slots: make([]uint64, size), mask: uint64(size - 1),
		single: make([]uint64, singleBits/64), multi: make([]uint64, multiBits/64)}
}

func slot(k uint64) uint64 { return (k ^ k>>29) * 0xbf58476d1ce4e5b9 }

// fingerprint is the upper key half, never zero (zero marks an empty slot).
func fingerprint(k uint64) uint64 { return (k >> 32) | 1 }

func (t *table) get(k uint64) (uint32, bool) {
	fp := fingerprint(k)
	for i := slot(k) & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		switch s >> 32 {
		case fp:
			return uint32(s), true
		case 0:
			return 0, false
		}
	}
}

// newFrozenTable lays out the n-gram values collected by the builder.
func newFrozenTable(vals map[uint64]uint32, singles, multi []uint64) *table {
	t := newTable(len(vals))
	for k, v := range vals {
		fp := fingerprint(k)
		for i := slot(k) & t.mask; ; i = (i + 1) & t.mask {
			if t.slots[i] == 0 {
				t.slots[i] = fp<<32 | uint64(v)
				break
			}
		}
	}
	t.used = len(vals)
	for _, h := range singles {
		setBit(t.single, h)
	}
	for _, k := range multi {
		setBit(t.multi, k)
	}
	return t
}

func setBit(set []uint64, h uint64) {
	i := (h >> 40) & (uint64(len(set))*64 - 1)
	set[i>>6] |= 1 << (i & 63)
}

func hasBit(set []uint64, h uint64) bool {
	i := (h >> 40) & (uint64(len(set))*64 - 1)
	return set[i>>6]&(1<<(i&63)) != 0
}

// mayStart reports whether a label or cue may start at toks[i].
func (t *table) mayStart(toks []token, i int) bool {
	h := toks[i].hash
	if hasBit(t.single, h) {
		return true
	}
	k := seqKey(0, h)
	reach := i + 1 + maxGap
	if i+1 < len(toks) && toks[i+1].conj {
		reach += 2 // a coordinated verb is skipped for free (see longest)
	}
	for j := i + 1; j < len(toks) && j <= reach && toks[j].brk == brkNone; j++ {
		if hasBit(t.multi, seqKey(k, t.keyHash(toks[j]))) {
			return true
		}
	}
	return false
}

// conjSalt marks, in a key, a word that follows a conjunction.
const conjSalt = 0x5bd1e9955bd1e995

// keyHash is the hash a token adds to a key of the dictionary's table
// after the first word: a word after "and", "or", "&" or "/" differs from
// the same word without it, so "health and safety" meets the label
// "health and safety" (or "health & safety") while "customers and
// understanding" is not the label "customer understanding". Ellipsis
// repair and the loose table build their keys from plain hashes.
func (t *table) keyHash(tk token) uint64 {
	if t.conjAware && tk.conj {
		return tk.hash ^ conjSalt
	}
	return tk.hash
}

// seqKey extends an n-gram key by one token hash.
func seqKey(k, h uint64) uint64 { return bits.RotateLeft64(k, 27)*0x9E3779B97F4A7C15 ^ h }

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
	loose     *table
	looseOnce sync.Once
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
	b := &builder{vals: make(map[uint64]uint32, tax.LabelCount()*2)}
	df := wordSpread(tax)
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
		for li, l := range labels {
			b.toks = tokenize(l.Text, b.toks[:0])
			// Hidden labels are ESCO's search aids (misspellings, outdated
			// terms); matched in text they cost more precision than they
			// add recall on the validation sets.
			if l.Kind == taxonomy.Hidden {
				continue
			}
			if len(b.toks) == 1 && l.Kind != taxonomy.Preferred && df[b.toks[0].hash] > genericDF {
				continue
			}
			k, ok := b.add(l.Text)
			if !ok {
				continue
			}
			tg := target{entry: int32(ei), kind: l.Kind, numTokens: uint8(len(b.toks)), guarded: needsGuard(l.Text, b.toks, e), bare: isBareName(l.Text, e.Label), derived: li >= nReal}
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
				// A concept's own name, qualifier dropped, beats another's
				// alternative label: "SaaS" is SaaS (service-oriented
				// modelling), not service-oriented modelling.
				if tg.rank() < old.rank() {
					*old = tg
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
	ix.tab = newFrozenTable(b.vals, b.singles, b.multi)
	ix.tab.conjAware = true
	return ix
}

// postingAcronyms are acronyms that postings use in another, everyday
// sense than the skill a taxonomy may give them: a point of sale, the
// time of day, full or part time, overtime, an ID.
var postingAcronyms = toSet(`POS PM AM FT PT OT ID ER OR PR PD EA`)

// nameWords are the token hashes of the words of a concept's name.
func nameWords(name string) []uint64 {
	var out []uint64
	for _, t := range tokenize(name, nil) {
		out = append(out, t.hash)
	}
	return out
}

func selfSupported(h uint64, context []uint64) bool {
	for _, c := range context {
		if c == h {
			return true
		}
	}
	return false
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

// needsGuard decides whether a label is too ambiguous to count on its own:
// one token that is very short or an everyday word ("Go", "React",
// "Excel"), or any single-token label of a skill the taxonomy gave context
// words for.
func needsGuard(text string, toks []token, e *taxonomy.Entry) bool {
	if len(toks) != 1 {
		return false
	}
	w := strings.ToLower(strings.TrimSpace(text))
	if len([]rune(w)) <= 2 {
		return true
	}
	if len(e.Context) > 0 {
		return true
	}
	return commonWords[w]
}

// addCues indexes the section and sentence cue phrases beside the labels,
// so one lookup per n-gram finds both.
func (ix *index) addCues(b *builder) {
	defs := map[uint64]int{}
	kinds := []cueKind{cueBoilerHeader, cueContentHeader, cueAssetHeader, cueNegatedHeader,
		cueBoilerSentence, cueAssetSentence, cueRequiredSentence, cueNegationWord, cueNegatedSentence}
	for _, kind := range kinds {
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
