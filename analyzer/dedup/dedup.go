// Package dedup finds repeated job postings: the same job on several
// boards, or reposted later with small edits, so that it counts once.
//
// Exact repeats share the hash of their word sequence; near repeats are
// found with one-permutation MinHash signatures over word shingles (which
// do not cross line or sentence ends) and LSH banding, then confirmed by
// the estimated Jaccard similarity. Either way the two
// postings must also agree on employer, title and place, and be posted
// within Window of each other. A repeat joins the group of the posting it
// repeats; a group is named by the Key of its first member.
package dedup

import (
	"math"
	"sync"
	"time"
)

// Doc is a posting as duplicate detection sees it.
type Doc struct {
	Key      string // source:id, unique per posting
	Source   string
	Employer string
	Title    string
	Location string // "Toronto, ON", "Montréal (Québec)", a region name…
	Text     string // normalized description
	PostedAt time.Time
}

// Config tunes detection.
type Config struct {
	Window    time.Duration // how far apart in time two copies may be
	Threshold float64       // minimum estimated Jaccard similarity of a near copy
	Shingle   int           // words per shingle
	Hashes    int           // signature length (MinHash bins)
	Bands     int           // LSH bands; Hashes/Bands rows each
}

// DefaultConfig returns the settings used in production. With 24 bands of
// 5 rows, pairs at similarity 0.8 become candidates with probability
// 0.9999, pairs at 0.5 about half the time and pairs at 0.3 one time in
// twenty, which keeps candidate checks few. 120 bins estimate a
// similarity near 0.8 within about ±0.04 (one standard deviation).
func DefaultConfig() Config {
	return Config{Window: 60 * 24 * time.Hour, Threshold: 0.8, Shingle: 3, Hashes: 120, Bands: 24}
}

// withDefaults fills zero fields and makes Hashes a multiple of Bands.
func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.Window <= 0 {
		c.Window = d.Window
	}
	if c.Threshold <= 0 || c.Threshold > 1 {
		c.Threshold = d.Threshold
	}
	if c.Shingle <= 0 {
		c.Shingle = d.Shingle
	}
	if c.Hashes <= 0 {
		c.Hashes = d.Hashes
	}
	if c.Bands <= 0 || c.Bands > c.Hashes {
		c.Bands = min(d.Bands, c.Hashes)
	}
	c.Hashes -= c.Hashes % c.Bands
	return c
}

// Verdict says whether a posting repeats an earlier one.
type Verdict struct {
	Group      string  `json:"group"` // Key of the group's first member
	Duplicate  bool    `json:"duplicate"`
	Exact      bool    `json:"exact,omitempty"`
	Similarity float64 `json:"similarity,omitempty"` // estimated Jaccard with the closest member
}

// GroupInfo lists the postings of a group still held (within Window of the
// newest posting) and their distinct sources, in order of arrival.
type GroupInfo struct {
	ID      string   `json:"id"`
	Members []string `json:"members"`
	Sources []string `json:"sources"`
}

// Detector holds recent signatures and assigns groups. It is safe for
// concurrent use.
type Detector struct {
	mu     sync.Mutex
	cfg    Config
	slots  []*entry // by slot number; nil when free
	free   []uint32 // free slots, reused after Prune
	seq    uint64   // arrival counter
	byKey  map[string]uint32
	index  index
	groups map[string]*group
	newest time.Time
	stamp  uint64 // marks text nodes already checked during one Add
}

type entry struct {
	slot    uint32
	seq     uint64 // arrival order: groups and snapshots list members by it
	sig     Sig
	verdict Verdict
}

type group struct {
	members []uint32
}

// New returns an empty detector; zero Config fields take their defaults.
func New(cfg Config) *Detector {
	cfg = cfg.withDefaults()
	d := &Detector{cfg: cfg}
	d.reset()
	return d
}

func (d *Detector) reset() {
	d.slots, d.free, d.seq = nil, nil, 0
	d.byKey = map[string]uint32{}
	d.index = newIndex(d.cfg.Bands)
	d.groups = map[string]*group{}
	d.newest = time.Time{}
}

// Config returns the settings in use, defaults filled in.
func (d *Detector) Config() Config { return d.cfg }

// Add records a posting and says whether it repeats one already held.
// Adding a Key again returns the verdict it got the first time, so a
// replayed stream creates no new duplicates.
func (d *Detector) Add(doc Doc) Verdict {
	return d.AddSig(d.Signature(doc))
}

// AddSig is Add for a signature computed earlier (by Signature, possibly
// in another process with the same Config): re-loading a store costs no
// text processing.
func (d *Detector) AddSig(s Sig) Verdict {
	d.mu.Lock()
	defer d.mu.Unlock()
	if id, ok := d.byKey[s.Key]; ok {
		return d.slots[id].verdict
	}
	if len(s.MinHash) != d.cfg.Hashes {
		// From another configuration: it cannot be compared, so it
		// stands alone rather than matching by accident.
		s.MinHash, s.TextHash = nil, 0
	}
	v := d.match(s)
	d.insert(s, v)
	return v
}

// match finds the group s repeats, preferring an exact copy, then the
// most similar near copy; ties go to the earlier posting.
func (d *Detector) match(s Sig) Verdict {
	alone := Verdict{Group: s.Key}
	if s.TextHash == 0 {
		return alone // no words: nothing to compare
	}
	d.stamp++
	if n := d.index.byText[s.TextHash]; n != nil {
		n.checked = d.stamp
		if e := d.firstCompatible(n, s); e != nil {
			return Verdict{Group: e.verdict.Group, Duplicate: true, Exact: true, Similarity: 1}
		}
	}
	// Agreeing bins needed to reach the threshold; a candidate is dropped
	// as soon as it cannot.
	need := int(math.Ceil(d.cfg.Threshold*float64(len(s.MinHash)) - 1e-9))
	var best *entry
	bestSame := 0
	var keys [64]uint64
	for _, k := range bandKeys(s.MinHash, d.cfg.Bands, keys[:0]) {
		for _, n := range d.index.buckets[k] {
			if n.checked == d.stamp {
				continue
			}
			n.checked = d.stamp
			// Most candidates are one posting of another employer that
			// shares boilerplate: its keys reject it faster than its
			// signature. A crowded text is compared once instead.
			var e *entry
			if len(n.ids) == 1 {
				if e = d.firstCompatible(n, s); e == nil {
					continue
				}
			}
			same, ok := agreeing(n.minhash, s.MinHash, need)
			if !ok || same < bestSame {
				continue
			}
			if e == nil {
				if e = d.firstCompatible(n, s); e == nil {
					continue
				}
			}
			if same > bestSame || best == nil || e.seq < best.seq {
				best, bestSame = e, same
			}
		}
	}
	if best == nil {
		return alone
	}
	return Verdict{Group: best.verdict.Group, Duplicate: true, Similarity: float64(bestSame) / float64(len(s.MinHash))}
}

// firstCompatible returns the earliest posting with text n that is within
// the window of s and agrees with it on employer, title and place.
func (d *Detector) firstCompatible(n *textNode, s Sig) *entry {
	for _, id := range n.ids {
		e := d.slots[id]
		if d.inWindow(e.sig, s) && compatible(e.sig, s) {
			return e
		}
	}
	return nil
}

// inWindow accepts copies posted within Window of each other, in either
// order: boards deliver late and out of order.
func (d *Detector) inWindow(a, b Sig) bool {
	gap := a.PostedAt.Sub(b.PostedAt)
	return gap <= d.cfg.Window && gap >= -d.cfg.Window
}

// insert stores s with its verdict and indexes it.
func (d *Detector) insert(s Sig, v Verdict) {
	d.seq++
	e := &entry{seq: d.seq, sig: s, verdict: v}
	if n := len(d.free); n > 0 {
		e.slot, d.free = d.free[n-1], d.free[:n-1]
		d.slots[e.slot] = e
	} else {
		e.slot = uint32(len(d.slots))
		d.slots = append(d.slots, e)
	}
	d.byKey[s.Key] = e.slot
	if s.TextHash != 0 {
		// Copies of one text share its signature.
		e.sig.MinHash = d.index.add(e.slot, s).minhash
	}
	g := d.groups[v.Group]
	if g == nil {
		g = &group{}
		d.groups[v.Group] = g
	}
	g.members = append(g.members, e.slot)
	if s.PostedAt.After(d.newest) {
		d.newest = s.PostedAt
	}
}
