package geo

import (
	"encoding/binary"
	"fmt"
	"strconv"
)

// Version identifies the gazetteer: a short hash of every place added
// (built-in and loaded), in the order added. Provinces, postal codes and
// the resolving rules are code, covered by analyzer.AnalyzerVersion.
func (r *Resolver) Version() string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return fmt.Sprintf("geo#%012x", r.added.Sum64()>>16)
}

// hashPlace adds a place to the version hash; r.mu is held.
func (r *Resolver) hashPlace(p Place) {
	var b []byte
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(p.Name)
	for _, a := range p.Aliases {
		str(a)
	}
	b = append(b, 0xff)
	str(p.Province)
	str(p.Region)
	str(strconv.Itoa(p.Population))
	str(strconv.FormatBool(p.NeedsProvince))
	str(p.Code)
	r.added.Write(b)
}
