package taxonomy

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
)

// Fingerprint identifies the taxonomy's content: name@version plus a
// short hash of every skill's id, type, labels and context words. Two
// files that both call themselves "esco@1.1.1" but differ in one label
// (a French file joined, an edited custom list) get different
// fingerprints, so stores built from them are not mixed.
func (t *Taxonomy) Fingerprint() string {
	h := fnv.New64a()
	field := func(s string) {
		h.Write(binary.AppendUvarint(nil, uint64(len(s))))
		h.Write([]byte(s))
	}
	for i := range t.Entries {
		e := &t.Entries[i]
		field(e.ID)
		field(e.Label)
		field(string(e.Type))
		for _, l := range e.Labels {
			field(l.Text)
			field(l.Lang)
			h.Write([]byte{byte(l.Kind)})
		}
		h.Write([]byte{0xff})
		for _, c := range e.Context {
			field(c)
		}
		h.Write([]byte{0xfe})
	}
	return fmt.Sprintf("%s@%s#%012x", t.Name, t.Version, h.Sum64()>>16)
}
