package repost

// Keeping the detector's state across restarts and workers: snapshots,
// postings remembered from a store, and forgetting old ones.

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
)

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
	d.restoring = true
	for _, e := range state.Entries {
		d.insert(e)
	}
	d.restoring, d.inserted = false, 0
	return nil
}

// retireEvery is how many insertions pass between retirement sweeps: a
// sweep walks the whole index, so it runs rarely, and retired postings
// wait at most this many insertions.
const retireEvery = 5000

// retire drops the signatures and index entries of postings older than
// twice the window before the newest one: no posting within the window of
// the stream's present can match them, and the slack keeps postings that
// arrive a little out of order matchable. Their keys and verdicts stay,
// so a replay of an old posting still gets its first verdict, and the
// detector's memory follows the window, not the history.
func (d *Detector) retire() {
	d.inserted = 0
	cutoff := d.newest.Add(-2 * d.cfg.Window)
	old := func(e *entry) bool { return e.PostedAt.Before(cutoff) }
	any := false
	for _, e := range d.byKey {
		if e.Sig != nil && old(e) {
			e.Sig, e.Employer, e.Title, e.Location = nil, "", "", ""
			any = true
		}
	}
	if !any {
		return
	}
	for _, m := range []map[uint64][]*entry{d.exact, d.bands} {
		for k, list := range m {
			kept := list[:0]
			for _, e := range list {
				if e.Sig != nil {
					kept = append(kept, e)
				}
			}
			clear(list[len(kept):])
			if len(kept) == 0 {
				delete(m, k)
			} else {
				m[k] = kept
			}
		}
	}
}

// Live is the number of postings that new ones are still compared with.
func (d *Detector) Live() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := 0
	for _, e := range d.byKey {
		if e.Sig != nil {
			n++
		}
	}
	return n
}

// Remember records a posting with the verdict it was given earlier (read
// back from a store after a restart), so later postings and replays are
// judged against the same groups as before.
func (d *Detector) Remember(doc Doc, v Verdict) {
	e := d.Sign(doc).e // outside the lock: signing is the costly part
	e.Verdict = v
	if e.Verdict.Group == "" {
		e.Verdict.Group = doc.Key
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.byKey[doc.Key]; !ok {
		d.insert(e)
	}
}
