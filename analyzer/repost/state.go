package repost

// Keeping the detector's state across restarts and workers: snapshots,
// postings remembered from a store, and forgetting old ones.

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"
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
