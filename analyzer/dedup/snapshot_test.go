package dedup

import (
	"strings"
	"testing"
)

func filled(t testing.TB) (*Detector, []synthDoc) {
	t.Helper()
	docs := corpus(3, 120)
	det := New(DefaultConfig())
	for _, d := range docs {
		det.Add(d.doc)
	}
	return det, docs
}

func TestSnapshotRestore(t *testing.T) {
	det, docs := filled(t)
	snap, err := det.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d postings, %d bytes, %d bytes a posting", det.Len(), len(snap), len(snap)/det.Len())
	back := New(DefaultConfig())
	if err := back.Restore(snap); err != nil {
		t.Fatal(err)
	}
	if back.Len() != det.Len() {
		t.Fatalf("restored %d postings, want %d", back.Len(), det.Len())
	}
	for _, d := range docs {
		want, got := det.Add(d.doc), back.Add(d.doc)
		if got != want {
			t.Fatalf("%s: restored verdict %+v, want %+v", d.doc.Key, got, want)
		}
		wg, _ := det.Group(want.Group)
		bg, ok := back.Group(want.Group)
		if !ok || !equalInfo(wg, bg) {
			t.Fatalf("group %s restored as %+v, want %+v", want.Group, bg, wg)
		}
	}
	// New postings meet the restored signatures as they would the originals.
	probe := docs[0].doc
	probe.Key, probe.Source = "new:1", "new"
	probe.Text = strings.Replace(probe.Text, "team", "crew", 1)
	if want, got := det.Add(probe), back.Add(probe); got != want || !got.Duplicate {
		t.Errorf("new copy after restore: %+v, want %+v (a duplicate)", got, want)
	}
	// Snapshots of equal states are equal.
	again, _ := back.Snapshot()
	now, _ := det.Snapshot()
	if string(again) != string(now) {
		t.Error("snapshot of the restored detector differs from the original's")
	}
}

func TestRestoreRejects(t *testing.T) {
	det, _ := filled(t)
	snap, _ := det.Snapshot()
	tests := []struct {
		name string
		into *Detector
		data []byte
		want string
	}{
		{"other hash count", New(Config{Hashes: 60, Bands: 12}), snap, "hashes"},
		{"truncated", New(DefaultConfig()), snap[:len(snap)-7], "truncated"},
		{"trailing bytes", New(DefaultConfig()), append(append([]byte{}, snap...), 1, 2), "after the last"},
		{"not a snapshot", New(DefaultConfig()), []byte(`{"entries":[]}`), "not a snapshot"},
		{"huge count", New(DefaultConfig()), append([]byte(snapshotMagic), 3, 120, 24, 0xff, 0xff, 0xff, 0xff, 0x0f), "cannot fit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep := edit(cook(), "keep:1", "keep", nil)
			tt.into.Add(keep)
			err := tt.into.Restore(tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Restore error %v, want one mentioning %q", err, tt.want)
			}
			if tt.into.Len() != 1 {
				t.Errorf("failed restore changed the state: Len %d", tt.into.Len())
			}
		})
	}
}

func FuzzRestore(f *testing.F) {
	det := New(DefaultConfig())
	det.Add(cook())
	det.Add(edit(cook(), "jobbank:9", "jobbank", nil))
	snap, _ := det.Snapshot()
	f.Add(snap)
	f.Add(snap[:len(snap)/2])
	f.Add([]byte(snapshotMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := New(DefaultConfig())
		if err := d.Restore(data); err != nil {
			return
		}
		// Whatever was accepted must round-trip and stay usable.
		again, err := d.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		d2 := New(DefaultConfig())
		if err := d2.Restore(again); err != nil {
			t.Fatalf("re-restoring an accepted snapshot: %v", err)
		}
		if d2.Len() != d.Len() {
			t.Fatalf("round trip changed Len: %d vs %d", d2.Len(), d.Len())
		}
		d.Add(cook())
		d.Prune()
	})
}
