package rank

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// cellCodecVersion is the first byte of an encoded cell. Version 2 added
// employers and the low-confidence count after the skills; version 1
// cells (stores written before) still decode, without them.
const cellCodecVersion = 2

// AppendCell encodes c compactly (varints, sorted keys): the same counts
// always give the same bytes, so a store can tell an unchanged cell and
// skip the write. A profile reads a few dozen cells, some with thousands of
// skills, so decoding speed matters more than the format's readability.
func AppendCell(b []byte, c *Cell) []byte {
	b = append(b, cellCodecVersion)
	b = binary.AppendVarint(b, int64(c.Postings))
	b = appendStrCounts(b, c.Children)
	for _, m := range []map[int32]int{c.Days, c.Lows, c.Highs, c.Sums} {
		b = appendIntCounts(b, m)
	}
	ids := slices.Sorted(maps.Keys(c.Skills))
	b = binary.AppendUvarint(b, uint64(len(ids)))
	for _, id := range ids {
		s := c.Skills[id]
		b = appendStr(appendStr(appendStr(b, id), s.Label), s.Type)
		b = binary.AppendVarint(binary.AppendVarint(b, int64(s.N)), int64(s.Required))
	}
	b = appendStrCounts(b, c.Employers)
	return binary.AppendVarint(b, int64(c.LowConfidence))
}

func appendStr(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendStrCounts(b []byte, m map[string]int) []byte {
	b = binary.AppendUvarint(b, uint64(len(m)))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		b = binary.AppendVarint(appendStr(b, k), int64(m[k]))
	}
	return b
}

func appendIntCounts(b []byte, m map[int32]int) []byte {
	b = binary.AppendUvarint(b, uint64(len(m)))
	keys := slices.SortedFunc(maps.Keys(m), cmp.Compare[int32])
	for _, k := range keys {
		b = binary.AppendVarint(binary.AppendVarint(b, int64(k)), int64(m[k]))
	}
	return b
}

var errCell = errors.New("malformed cell")

// cellReader decodes with bounds checks: a damaged store value is an
// error, never a panic.
type cellReader struct {
	b   []byte
	err error
}

func (r *cellReader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errCell
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *cellReader) count() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	// Every entry takes at least two bytes: a larger count is damage.
	if n <= 0 || v > uint64(len(r.b)) {
		r.err = errCell
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *cellReader) str() string {
	l := r.count()
	if r.err != nil || l > len(r.b) {
		r.err = errCell
		return ""
	}
	s := string(r.b[:l])
	r.b = r.b[l:]
	return s
}

// DecodeCell is the inverse of AppendCell.
func DecodeCell(b []byte) (*Cell, error) {
	if len(b) == 0 || b[0] < 1 || b[0] > cellCodecVersion {
		return nil, fmt.Errorf("%w: unknown version", errCell)
	}
	r := &cellReader{b: b[1:]}
	c := NewCell()
	c.Postings = int(r.varint())
	for n := r.count(); n > 0 && r.err == nil; n-- {
		k := r.str()
		c.Children[k] = int(r.varint())
	}
	for _, m := range []map[int32]int{c.Days, c.Lows, c.Highs, c.Sums} {
		for n := r.count(); n > 0 && r.err == nil; n-- {
			k := int32(r.varint())
			m[k] = int(r.varint())
		}
	}
	for n := r.count(); n > 0 && r.err == nil; n-- {
		id, label, typ := r.str(), r.str(), r.str()
		c.Skills[id] = SkillCount{Label: label, Type: typ, N: int(r.varint()), Required: int(r.varint())}
	}
	if b[0] >= 2 {
		for n := r.count(); n > 0 && r.err == nil; n-- {
			k := r.str()
			c.Employers[k] = int(r.varint())
		}
		c.LowConfidence = int(r.varint())
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", errCell, len(r.b))
	}
	return c, nil
}

// CellPostings reads only the posting count of an encoded cell: listing
// occupations needs no more.
func CellPostings(b []byte) (int, error) {
	if len(b) == 0 || b[0] < 1 || b[0] > cellCodecVersion {
		return 0, fmt.Errorf("%w: unknown version", errCell)
	}
	r := &cellReader{b: b[1:]}
	n := r.varint()
	return int(n), r.err
}
