package extract

import (
	"math/bits"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// maxLabelTokens bounds the n-gram length looked up at each position.
// Longer labels are descriptions rather than names and are not indexed.
const maxLabelTokens = 10

// target is what an indexed label resolves to.
type target struct {
	entry     int32 // index into Taxonomy.Entries
	kind      taxonomy.LabelKind
	guarded   bool // counts only with supporting context (see guard.go)
	numTokens uint8
}

// table is an open-addressing hash table from n-gram keys to a value that
// says whether the n-gram is a label (target index + 1) and whether longer
// labels extend it. A flat table keeps lookups to one or two cache lines,
// which a Go map or an automaton over 100k labels does not.
type table struct {
	keys []uint64
	vals []uint32
	mask uint64
	used int
}

// A table value packs: bit 31, longer labels extend this n-gram; bits
// 22-30, cue index + 1; bits 0-21, label target index + 1.
const (
	prefixBit  = 1 << 31
	cueShift   = 22
	cueMask    = 1<<9 - 1
	targetMask = 1<<cueShift - 1
)

func newTable(expected int) *table {
	size := 1 << bits.Len(uint(expected*2))
	if size < 1024 {
		size = 1024
	}
	return &table{keys: make([]uint64, size), vals: make([]uint32, size), mask: uint64(size - 1)}
}

func slot(k uint64) uint64 { return (k ^ k>>29) * 0xbf58476d1ce4e5b9 }

func (t *table) get(k uint64) (uint32, bool) {
	for i := slot(k) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// upsert returns a pointer to the value for k, inserting a zero value.
func (t *table) upsert(k uint64) *uint32 {
	if (t.used+1)*2 > len(t.keys) {
		t.grow()
	}
	for i := slot(k) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return &t.vals[i]
		case 0:
			t.keys[i] = k
			t.used++
			return &t.vals[i]
		}
	}
}

func (t *table) grow() {
	old := *t
	*t = *newTable(len(old.keys))
	for i, k := range old.keys {
		if k != 0 {
			*t.upsert(k) = old.vals[i]
		}
	}
}

// seqKey extends an n-gram key by one token hash. Zero is the empty slot,
// so keys are forced odd.
func seqKey(k, h uint64) uint64 { return (bits.RotateLeft64(k, 27)*0x9E3779B97F4A7C15 ^ h) | 1 }

// index is the compiled form of a taxonomy.
type index struct {
	tab     *table
	targets []target
	tax     *taxonomy.Taxonomy
	// context holds, per entry with Context words, their token hashes.
	context map[int32][]uint64
	cues    []cueDef
}

// cueDef is what a cue phrase means as a header and inside a sentence.
type cueDef struct{ header, sentence cueKind }

func buildIndex(tax *taxonomy.Taxonomy) *index {
	ix := &index{tab: newTable(tax.LabelCount() * 2), tax: tax, context: map[int32][]uint64{}}
	var toks []token
	for ei := range tax.Entries {
		e := &tax.Entries[ei]
		for _, c := range e.Context {
			for _, tk := range tokenize(c, toks[:0]) {
				ix.context[int32(ei)] = append(ix.context[int32(ei)], tk.hash)
			}
		}
		for _, l := range e.Labels {
			toks = tokenize(l.Text, toks[:0])
			if len(toks) == 0 || len(toks) > maxLabelTokens {
				continue
			}
			k := uint64(0)
			for i, tk := range toks {
				k = seqKey(k, tk.hash)
				v := ix.tab.upsert(k)
				if i < len(toks)-1 {
					*v |= prefixBit
					continue
				}
				tg := target{entry: int32(ei), kind: l.Kind, numTokens: uint8(len(toks)), guarded: needsGuard(l.Text, toks, e)}
				if cur := *v & targetMask; cur != 0 {
					// Two skills share this surface form: keep the one whose
					// preferred label it is, else the first loaded.
					if old := ix.targets[cur-1]; old.kind <= tg.kind {
						continue
					}
					ix.targets[cur-1] = tg
					continue
				}
				if len(ix.targets)+1 >= targetMask {
					continue // beyond 4M labels; never reached by real taxonomies
				}
				ix.targets = append(ix.targets, tg)
				*v |= uint32(len(ix.targets))
			}
		}
	}
	return ix
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
func (ix *index) addCues() {
	defs := map[uint64]int{}
	var toks []token
	for kind, phrases := range cuePhrases {
		for _, p := range phrases {
			toks = tokenize(p, toks[:0])
			if len(toks) == 0 || len(toks) > maxLabelTokens {
				continue
			}
			k := uint64(0)
			for i, tk := range toks {
				k = seqKey(k, tk.hash)
				v := ix.tab.upsert(k)
				if i < len(toks)-1 {
					*v |= prefixBit
					continue
				}
				ci, ok := defs[k]
				if !ok {
					ix.cues = append(ix.cues, cueDef{})
					ci = len(ix.cues) - 1
					defs[k] = ci
					*v |= uint32(ci+1) << cueShift
				}
				switch kind {
				case cueBoilerHeader, cueContentHeader, cueAssetHeader:
					ix.cues[ci].header = kind
				default:
					ix.cues[ci].sentence = kind
				}
			}
		}
	}
}
