// Package repost finds duplicate postings: the same job posted on several
// boards, or reposted later with small edits. Exact copies are caught by a
// hash of the normalized text; near copies by MinHash signatures over word
// shingles with LSH banding, confirmed by the estimated Jaccard similarity
// and by compatible employer, title and place. Duplicates join the group
// of the first posting seen, which keeps the number of sources.
package repost

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// Doc is what duplicate detection looks at.
type Doc struct {
	Key      string // source:id
	Source   string
	Employer string
	Title    string
	Location string // a place key, e.g. an economic region or "NL-unspecified"
	Province string // two-letter province, when known
	Text     string // normalized description
	PostedAt time.Time
}

// Verdict says whether a posting repeats an earlier one.
type Verdict struct {
	Group      string  `json:"group"` // key of the group's first posting
	Duplicate  bool    `json:"duplicate"`
	Exact      bool    `json:"exact,omitempty"`
	Similarity float64 `json:"similarity,omitempty"`
}

// Config tunes detection.
type Config struct {
	Window    time.Duration // only postings this close in time can be duplicates
	Threshold float64       // estimated Jaccard needed for a near duplicate
	Shingle   int           // words per shingle
	Hashes    int           // MinHash signature length (Bands × rows)
	Bands     int
}

// DefaultConfig: 60 days, Jaccard 0.8 over 3-word shingles, 64 hashes in
// 16 bands of 4 rows — pairs above ~0.5 similarity become candidates,
// which the threshold and the key checks then confirm.
func DefaultConfig() Config {
	return Config{Window: 60 * 24 * time.Hour, Threshold: 0.8, Shingle: 3, Hashes: 64, Bands: 16}
}

type entry struct {
	Key      string    `json:"k"`
	Source   string    `json:"s"`
	Employer string    `json:"e"`
	Title    string    `json:"t"`
	Location string    `json:"l"`
	Province string    `json:"r"`
	TextHash uint64    `json:"h"`
	Sig      []uint64  `json:"g,omitempty"` // nil once retired
	PostedAt time.Time `json:"p"`
	Verdict  Verdict   `json:"v"`
}

// Detector holds recent postings. It is safe for concurrent use.
type Detector struct {
	cfg    Config
	mu     sync.Mutex
	byKey  map[string]*entry
	exact  map[uint64][]*entry
	bands  map[uint64][]*entry
	groups map[string]*GroupInfo
	// newest is the latest posting date seen; inserted counts insertions
	// since the last retirement sweep.
	newest    time.Time
	inserted  int
	restoring bool // a snapshot comes back exactly as it was saved
}

// GroupInfo lists a group's members and distinct sources.
type GroupInfo struct {
	ID      string   `json:"id"`
	Members []string `json:"members"`
	Sources []string `json:"sources"`
}

// New makes an empty detector.
func New(cfg Config) *Detector {
	d := cfg
	def := DefaultConfig()
	if d.Window <= 0 {
		d.Window = def.Window
	}
	if d.Threshold <= 0 || d.Threshold > 1 {
		d.Threshold = def.Threshold
	}
	if d.Shingle <= 0 {
		d.Shingle = def.Shingle
	}
	if d.Hashes <= 0 || d.Bands <= 0 || d.Hashes%d.Bands != 0 {
		d.Hashes, d.Bands = def.Hashes, def.Bands
	}
	det := &Detector{cfg: d}
	det.reset()
	return det
}

func (d *Detector) reset() {
	d.newest, d.inserted = time.Time{}, 0
	d.byKey = map[string]*entry{}
	d.exact = map[uint64][]*entry{}
	d.bands = map[uint64][]*entry{}
	d.groups = map[string]*GroupInfo{}
}

// Add records a posting and says whether it duplicates an earlier one.
// Adding the same key again returns the first verdict: replays are
// idempotent.
func (d *Detector) Add(doc Doc) Verdict {
	return d.AddSigned(d.Sign(doc))
}

// Signed is a posting with its MinHash signature computed, ready to add.
type Signed struct{ e *entry }

// Sign computes what Add needs from a posting apart from the other
// postings: the costly part (normalizing and MinHashing the text), which
// callers can run in parallel while AddSigned runs in arrival order.
func (d *Detector) Sign(doc Doc) Signed {
	words, textHash := textHashes(doc.Text, make([]uint64, 0, len(doc.Text)/6))
	e := &entry{Key: doc.Key, Source: doc.Source, Employer: normKey(doc.Employer), Title: normKey(doc.Title),
		Location: normKey(doc.Location), Province: strings.ToUpper(doc.Province), TextHash: textHash, PostedAt: doc.PostedAt}
	e.Sig = d.signature(words)
	return Signed{e}
}

// AddSigned is Add for a posting signed by this detector.
func (d *Detector) AddSigned(s Signed) Verdict {
	d.mu.Lock()
	defer d.mu.Unlock()
	if e, ok := d.byKey[s.e.Key]; ok {
		return e.Verdict
	}
	e := *s.e // the caller's Signed stays reusable
	e.Verdict = d.match(&e)
	d.insert(&e)
	return e.Verdict
}

func (d *Detector) match(e *entry) Verdict {
	for _, c := range d.exact[e.TextHash] {
		if d.inWindow(e, c) && compatible(e, c) {
			return Verdict{Group: c.Verdict.Group, Duplicate: true, Exact: true, Similarity: 1}
		}
	}
	best, bestSim := (*entry)(nil), 0.0
	seen := map[*entry]bool{}
	for _, bk := range d.bandKeys(e.Sig) {
		for _, c := range d.bands[bk] {
			if seen[c] || !d.inWindow(e, c) || !compatible(e, c) {
				continue
			}
			seen[c] = true
			sim := similarity(e.Sig, c.Sig)
			need := d.cfg.Threshold
			if sameJob(e, c) {
				need = min(need, sameJobThreshold)
			}
			if sim >= need && sim > bestSim {
				best, bestSim = c, sim
			}
		}
	}
	if best != nil {
		return Verdict{Group: best.Verdict.Group, Duplicate: true, Similarity: round3(bestSim)}
	}
	return Verdict{Group: e.Key}
}

func (d *Detector) insert(e *entry) {
	d.byKey[e.Key] = e
	if e.Sig != nil {
		d.exact[e.TextHash] = append(d.exact[e.TextHash], e)
		for _, bk := range d.bandKeys(e.Sig) {
			d.bands[bk] = append(d.bands[bk], e)
		}
	}
	if e.PostedAt.After(d.newest) {
		d.newest = e.PostedAt
	}
	if d.inserted++; d.inserted >= retireEvery && !d.restoring {
		d.retire()
	}
	g := d.groups[e.Verdict.Group]
	if g == nil {
		g = &GroupInfo{ID: e.Verdict.Group}
		d.groups[g.ID] = g
	}
	g.Members = append(g.Members, e.Key)
	if !contains(g.Sources, e.Source) {
		g.Sources = append(g.Sources, e.Source)
		sort.Strings(g.Sources)
	}
}

// Group returns a group's members and sources.
func (d *Detector) Group(id string) (GroupInfo, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	g, ok := d.groups[id]
	if !ok {
		return GroupInfo{}, false
	}
	return GroupInfo{ID: g.ID, Members: append([]string(nil), g.Members...), Sources: append([]string(nil), g.Sources...)}, true
}

// Window is how far apart in time two duplicates can be.
func (d *Detector) Window() time.Duration { return d.cfg.Window }

// Version names the settings that decide verdicts: a store judged with
// another window or threshold would count reposts differently.
func (d *Detector) Version() string {
	c := d.cfg
	return fmt.Sprintf("dedup(window=%v,threshold=%g,shingle=%d,hashes=%d,bands=%d)", c.Window, c.Threshold, c.Shingle, c.Hashes, c.Bands)
}

// Len is the number of remembered postings.
func (d *Detector) Len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.byKey)
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }
