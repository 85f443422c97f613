package semantic

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
)

// tensor is one F32 tensor of a safetensors file, row-major.
type tensor struct {
	shape []int
	data  []float32
}

// maxHeader bounds the JSON header: a real one is a few KB, a corrupt
// length must not make us allocate gigabytes.
const maxHeader = 64 << 20

// readSafetensors reads every F32 tensor of a safetensors file: an 8-byte
// little-endian header length, a JSON header of name → dtype, shape and
// byte offsets into the data that follows. Tensors of other dtypes
// (position_ids is I64) are skipped: the encoder needs none.
func readSafetensors(path string) (map[string]tensor, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read model weights: %w", err)
	}
	ts, err := parseSafetensors(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ts, nil
}

func parseSafetensors(b []byte) (map[string]tensor, error) {
	if len(b) < 8 {
		return nil, errors.New("not a safetensors file: shorter than its header length")
	}
	n := binary.LittleEndian.Uint64(b)
	if n > maxHeader || n > uint64(len(b)-8) {
		return nil, fmt.Errorf("not a safetensors file: header length %d of a %d-byte file", n, len(b))
	}
	var header map[string]json.RawMessage
	if err := json.Unmarshal(b[8:8+n], &header); err != nil {
		return nil, fmt.Errorf("parse safetensors header: %w", err)
	}
	data := b[8+n:]
	out := map[string]tensor{}
	for name, raw := range header {
		if name == "__metadata__" {
			continue
		}
		var h struct {
			Dtype   string   `json:"dtype"`
			Shape   []int    `json:"shape"`
			Offsets [2]int64 `json:"data_offsets"`
		}
		if err := json.Unmarshal(raw, &h); err != nil {
			return nil, fmt.Errorf("tensor %s: %w", name, err)
		}
		if h.Dtype != "F32" {
			continue
		}
		count := 1
		for _, d := range h.Shape {
			if d < 0 || (d > 0 && count > math.MaxInt32/d) {
				return nil, fmt.Errorf("tensor %s: bad shape %v", name, h.Shape)
			}
			count *= d
		}
		s, e := h.Offsets[0], h.Offsets[1]
		if s < 0 || e < s || e > int64(len(data)) || e-s != int64(4*count) {
			return nil, fmt.Errorf("tensor %s: offsets %v do not hold shape %v in %d data bytes", name, h.Offsets, h.Shape, len(data))
		}
		v := make([]float32, count)
		for i := range v {
			v[i] = math.Float32frombits(binary.LittleEndian.Uint32(data[s+int64(4*i):]))
		}
		out[name] = tensor{shape: h.Shape, data: v}
	}
	return out, nil
}
