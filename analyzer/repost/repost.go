// Package repost finds duplicate postings: the same job posted on several
// boards, or reposted later with small edits. Exact copies are caught by a
// hash of the normalized text; near copies by MinHash signatures over word
// shingles with LSH banding, confirmed by the estimated Jaccard similarity
// and by compatible employer, title and place. Duplicates join the group
// of the first posting seen, which keeps the number of sources.
package repost

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
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

// sameJobThreshold is the lower similarity accepted when employer, title
// and place all agree: a repost with an edited paragraph.
const sameJobThreshold = 0.55

type entry struct {
	Key      string    `json:"k"`
	Source   string    `json:"s"`
	Employer string    `json:"e"`
	Title    string    `json:"t"`
	Location string    `json:"l"`
	Province string    `json:"r"`
	TextHash uint64    `json:"h"`
	Sig      []uint64  `json:"g"`
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
	d.exact[e.TextHash] = append(d.exact[e.TextHash], e)
	for _, bk := range d.bandKeys(e.Sig) {
		d.bands[bk] = append(d.bands[bk], e)
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

func (d *Detector) inWindow(a, b *entry) bool {
	if a.PostedAt.IsZero() || b.PostedAt.IsZero() {
		return true
	}
	diff := a.PostedAt.Sub(b.PostedAt)
	return diff <= d.cfg.Window && diff >= -d.cfg.Window
}

// compatible: two postings can be the same job only if what both state
// about employer and place agrees. A place known only to the province (or
// not at all) agrees with any place in it: boards blur locations
// differently. Titles must be alike unless the employer is known and
// the same — boards retitle jobs ("Technologiste médical(e)" /
// "Technologiste en biologie médicale").
func compatible(a, b *entry) bool {
	if a.Employer != "" && b.Employer != "" && a.Employer != b.Employer {
		return false
	}
	if !placesAgree(a, b) {
		return false
	}
	if a.Employer != "" && a.Employer == b.Employer {
		return true
	}
	return titleSimilar(a.Title, b.Title)
}

func vague(loc string) bool { return loc == "" || strings.HasSuffix(loc, "unspecified") }

func placesAgree(a, b *entry) bool {
	if a.Location == b.Location || a.Location == "" || b.Location == "" {
		return true
	}
	if a.Province != "" && b.Province != "" && a.Province != b.Province {
		return false
	}
	return vague(a.Location) || vague(b.Location)
}

func sameJob(a, b *entry) bool {
	return a.Employer != "" && a.Employer == b.Employer && titleSimilar(a.Title, b.Title) && a.Location == b.Location
}

// titleSimilar: equal, or sharing at least half their words (reposts
// change "Sr." or add "- Night Shift", not the job).
func titleSimilar(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	set := map[string]bool{}
	for _, w := range wa {
		set[w] = true
	}
	common := 0
	for _, w := range wb {
		if set[w] {
			common++
			delete(set, w)
		}
	}
	return float64(common) >= 0.5*float64(max(len(wa), len(wb)))
}

// snapshot is the detector's state as saved. Signature names the signature
// scheme: signatures of another scheme (or shape) cannot be compared.
type snapshot struct {
	Config    Config   `json:"config"`
	Signature string   `json:"signature"`
	Entries   []*entry `json:"entries"`
}

// ErrIncompatibleSnapshot is returned by Restore for a snapshot whose
// signatures were computed another way (an older version, another
// config); the caller can rebuild the state with Remember instead.
var ErrIncompatibleSnapshot = errors.New("incompatible duplicate snapshot")

// Snapshot serializes the detector's state for a restart.
func (d *Detector) Snapshot() ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	state := snapshot{Config: d.cfg, Signature: signatureScheme}
	for _, e := range d.byKey {
		state.Entries = append(state.Entries, e)
	}
	sort.Slice(state.Entries, func(i, j int) bool { return state.Entries[i].Key < state.Entries[j].Key })
	return json.Marshal(state)
}

// Restore replaces the state with a snapshot taken with the same config.
func (d *Detector) Restore(b []byte) error {
	var state snapshot
	if err := json.Unmarshal(b, &state); err != nil {
		return fmt.Errorf("restore duplicates: %w", err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if state.Signature != signatureScheme || state.Config.Hashes != d.cfg.Hashes || state.Config.Bands != d.cfg.Bands || state.Config.Shingle != d.cfg.Shingle {
		return fmt.Errorf("restore duplicates: snapshot signatures (%q, %+v) differ from %q, %+v: %w",
			state.Signature, state.Config, signatureScheme, d.cfg, ErrIncompatibleSnapshot)
	}
	d.reset()
	// Group founders first, so every group exists before its members.
	sort.SliceStable(state.Entries, func(i, j int) bool {
		return !state.Entries[i].Verdict.Duplicate && state.Entries[j].Verdict.Duplicate
	})
	for _, e := range state.Entries {
		d.insert(e)
	}
	return nil
}

// Prune forgets postings older than the window before the newest one.
func (d *Detector) Prune() {
	d.mu.Lock()
	defer d.mu.Unlock()
	var newest time.Time
	for _, e := range d.byKey {
		if e.PostedAt.After(newest) {
			newest = e.PostedAt
		}
	}
	old := d.byKey
	d.reset()
	for _, e := range old {
		if newest.Sub(e.PostedAt) <= d.cfg.Window {
			d.insert(e)
		}
	}
}

// Window is how far apart in time two duplicates can be.
func (d *Detector) Window() time.Duration { return d.cfg.Window }

// Len is the number of remembered postings.
func (d *Detector) Len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.byKey)
}

// PartitionKey is the Kafka message key under which producers should
// publish a posting: its employer, or its title when the employer is
// unknown. Postings can only repeat postings of the same employer (or of
// none), so keyed this way all candidates meet on one partition, and with
// it in one group member's detector, in arrival order.
func PartitionKey(employer, title string) string {
	if e := normKey(employer); e != "" {
		return "employer:" + e
	}
	return "title:" + normKey(title)
}

func normKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// textHashes hashes the words of s, lowercased letters and digits, in one
// pass that copies nothing: the FNV-1a hash of each word, and the FNV-1a
// hash of all of them, each followed by a zero byte (the exact-text hash).
// It is what FieldsFunc over strings.ToLower(s), then hashing, gives.
func textHashes(s string, words []uint64) ([]uint64, uint64) {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	text, word := uint64(offset), uint64(offset)
	in := false
	var enc [utf8.UTFMax]byte
	end := func() {
		if in {
			words = append(words, word)
			text *= prime // the zero byte: text ^= 0 changes nothing
			word, in = offset, false
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if !asciiWord[c] {
				end()
				continue
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			text, word, in = (text^uint64(c))*prime, (word^uint64(c))*prime, true
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if size == 1 { // invalid UTF-8 lowercases to U+FFFD: a separator
			end()
			continue
		}
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			end()
			continue
		}
		for _, b := range enc[:utf8.EncodeRune(enc[:], r)] {
			text, word, in = (text^uint64(b))*prime, (word^uint64(b))*prime, true
		}
	}
	end()
	return words, text
}

// asciiWord marks the ASCII letters and digits: most postings are ASCII,
// and a table is cheaper than the Unicode categories.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// Remember records a posting with the verdict it was given earlier (read
// back from a store after a restart), so later postings and replays are
// judged against the same groups as before.
func (d *Detector) Remember(doc Doc, v Verdict) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.byKey[doc.Key]; ok {
		return
	}
	words, textHash := textHashes(doc.Text, make([]uint64, 0, len(doc.Text)/6))
	e := &entry{Key: doc.Key, Source: doc.Source, Employer: normKey(doc.Employer), Title: normKey(doc.Title),
		Location: normKey(doc.Location), Province: strings.ToUpper(doc.Province), TextHash: textHash,
		PostedAt: doc.PostedAt, Verdict: v}
	if e.Verdict.Group == "" {
		e.Verdict.Group = doc.Key
	}
	e.Sig = d.signature(words)
	d.insert(e)
}
