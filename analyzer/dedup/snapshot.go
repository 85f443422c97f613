package dedup

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// snapshotMagic starts every snapshot and names its format version.
const snapshotMagic = "SPDEDUP1"

// Snapshot encodes the postings held, with their verdicts, in a compact
// binary form (about Hashes×4 + 100 bytes a posting) for Restore after a
// restart.
func (d *Detector) Snapshot() ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	live := make([]*entry, 0, len(d.byKey))
	for _, e := range d.slots {
		if e != nil {
			live = append(live, e)
		}
	}
	// In arrival order, so restored groups list members as before.
	slices.SortFunc(live, func(a, b *entry) int { return cmp.Compare(a.seq, b.seq) })
	b := make([]byte, 0, 64+len(live)*(d.cfg.Hashes*4+128))
	b = append(b, snapshotMagic...)
	b = binary.AppendUvarint(b, uint64(d.cfg.Shingle))
	b = binary.AppendUvarint(b, uint64(d.cfg.Hashes))
	b = binary.AppendUvarint(b, uint64(d.cfg.Bands))
	b = binary.AppendUvarint(b, uint64(len(live)))
	for _, e := range live {
		s := e.sig
		for _, str := range []string{s.Key, s.Source, s.Employer, s.Title, s.City, s.Province, e.verdict.Group} {
			b = appendString(b, str)
		}
		if s.PostedAt.IsZero() {
			b = append(b, 0)
		} else {
			b = append(b, 1)
			b = binary.AppendVarint(b, s.PostedAt.UnixNano())
		}
		var flags byte
		if e.verdict.Duplicate {
			flags |= 1
		}
		if e.verdict.Exact {
			flags |= 2
		}
		b = append(b, flags)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(e.verdict.Similarity))
		b = binary.LittleEndian.AppendUint64(b, s.TextHash)
		if s.TextHash != 0 {
			for _, v := range s.MinHash {
				b = binary.LittleEndian.AppendUint32(b, v)
			}
		}
	}
	return b, nil
}

// Restore replaces the detector's state with a snapshot. The snapshot must
// come from a detector with the same Shingle, Hashes and Bands (signatures
// are not comparable otherwise); Window and Threshold are the restoring
// detector's own. On error the state is left unchanged.
func (d *Detector) Restore(data []byte) error {
	r := reader{b: data}
	if string(r.bytes(len(snapshotMagic))) != snapshotMagic {
		return errors.New("restore dedup snapshot: not a snapshot or unknown version")
	}
	shingle, hashes, bands := r.uvarint(), r.uvarint(), r.uvarint()
	if r.err != nil {
		return fmt.Errorf("restore dedup snapshot: header: %w", r.err)
	}
	if int(shingle) != d.cfg.Shingle || int(hashes) != d.cfg.Hashes || int(bands) != d.cfg.Bands {
		return fmt.Errorf("restore dedup snapshot: made with shingle %d, hashes %d, bands %d; detector uses %d, %d, %d",
			shingle, hashes, bands, d.cfg.Shingle, d.cfg.Hashes, d.cfg.Bands)
	}
	n := r.uvarint()
	// Each posting takes at least 25 bytes; a larger count is corrupt and
	// must not size an allocation.
	if r.err == nil && n > uint64(len(data))/25 {
		return fmt.Errorf("restore dedup snapshot: %d postings cannot fit in %d bytes", n, len(data))
	}
	sigs := make([]Sig, 0, n)
	verdicts := make([]Verdict, 0, n)
	seen := make(map[string]bool, n)
	for i := uint64(0); i < n && r.err == nil; i++ {
		var s Sig
		var v Verdict
		strs := []*string{&s.Key, &s.Source, &s.Employer, &s.Title, &s.City, &s.Province, &v.Group}
		for _, p := range strs {
			*p = r.string()
		}
		if r.byte() == 1 {
			s.PostedAt = time.Unix(0, r.varint()).UTC()
		}
		flags := r.byte()
		v.Duplicate, v.Exact = flags&1 != 0, flags&2 != 0
		v.Similarity = math.Float64frombits(r.uint64())
		s.TextHash = r.uint64()
		if s.TextHash != 0 {
			raw := r.bytes(4 * d.cfg.Hashes)
			if r.err == nil {
				s.MinHash = make([]uint32, d.cfg.Hashes)
				for j := range s.MinHash {
					s.MinHash[j] = binary.LittleEndian.Uint32(raw[4*j:])
				}
			}
		}
		if r.err == nil && seen[s.Key] {
			r.err = fmt.Errorf("posting %q twice", s.Key)
		}
		seen[s.Key] = true
		sigs = append(sigs, s)
		verdicts = append(verdicts, v)
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = fmt.Errorf("%d bytes after the last posting", len(r.b))
	}
	if r.err != nil {
		return fmt.Errorf("restore dedup snapshot: %w", r.err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.reset()
	for i, s := range sigs {
		d.insert(s, verdicts[i])
	}
	return nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// reader decodes a snapshot; the first error sticks and later reads
// return zero values, so decoding code need not check each step.
type reader struct {
	b   []byte
	err error
}

var errShort = errors.New("truncated")

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = errShort
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) byte() byte {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) uint64() uint64 {
	if b := r.bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.err = errShort
		return ""
	}
	return string(r.bytes(int(n)))
}
