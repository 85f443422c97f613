package noc

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
)

// Version identifies what the coder learnt from: a short hash of its
// titles (code, text, language, weight), thresholds and calibration
// curves, computed once when it is built. The model's code is covered by
// analyzer.AnalyzerVersion.
func (c *Coder) Version() string { return c.version }

func fingerprint(titles []Title, opts Options, k Calibration) string {
	h := fnv.New64a()
	var buf []byte
	str := func(s string) {
		buf = binary.AppendUvarint(buf[:0], uint64(len(s)))
		h.Write(buf)
		h.Write([]byte(s))
	}
	num := func(f float64) {
		buf = binary.BigEndian.AppendUint64(buf[:0], math.Float64bits(f))
		h.Write(buf)
	}
	for _, t := range titles {
		str(t.Code)
		str(t.Text)
		str(t.Lang)
		num(float64(t.Weight))
	}
	for _, g := range opts.Descriptions {
		str(g.Code)
		str(g.Text)
	}
	num(float64(opts.DescriptionWeight))
	num(opts.Threshold)
	num(opts.LowConfidence)
	if opts.noCorrection {
		str("no-correction")
	}
	for _, curve := range []Curve{k.Model, k.Exact} {
		str("curve")
		for i := range curve.Raw {
			num(curve.Raw[i])
			num(curve.Prob[i])
		}
	}
	return fmt.Sprintf("noc#%012x", h.Sum64()>>16)
}
