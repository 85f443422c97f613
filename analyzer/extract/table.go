package extract

import "math/bits"

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
	// verbPairs: a label of two coordinated verbs that leads nowhere
	// falls back on the first verb's own label (see freeTarget). Only
	// authored taxonomies: on ESCO it found as many wrong labels as right.
	verbPairs bool
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
