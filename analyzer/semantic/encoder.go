// Package semantic is a small sentence encoder in Go: all-MiniLM-L6-v2 (a
// 6-layer, 384-wide BERT fine-tuned for sentence similarity) read from
// its safetensors weights, with BERT's WordPiece tokenizer, mean pooling
// and L2 normalisation, so that the cosine of two embeddings is their dot
// product. It is the optional semantic stage of skill linking
// (analyzer/skilllink): no cgo, no Python at run time.
package semantic

import (
	"crypto/sha256"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sync"
)

// Dim is the embedding width.
const Dim = 384

// MaxTokens bounds a sequence, [CLS] and [SEP] included (the model's
// tokenizer.json truncates at 128; postings' sentences rarely reach it).
const MaxTokens = 128

const (
	hidden  = Dim
	heads   = 12
	headDim = hidden / heads
	ffn     = 1536
	layers  = 6
	lnEps   = 1e-12
)

type layer struct {
	q, k, v, ao, i, o       []float32 // [out, in] weights
	qb, kb, vb, aob, ib, ob []float32
	ln1g, ln1b, ln2g, ln2b  []float32
}

// Encoder embeds text. It is safe for concurrent use: the weights are
// read-only and each call takes its scratch from a pool.
type Encoder struct {
	tok            *Tokenizer
	word, pos, typ []float32
	embLNg, embLNb []float32
	layers         [layers]layer
	pool           sync.Pool
	// Name identifies the model (its directory's base name) and
	// Fingerprint its weights and vocabulary (sha256), for caches.
	Name        string
	Fingerprint [32]byte
}

// Load reads a model directory as scripts/fetch-model.sh unpacks it
// (model.safetensors, vocab.txt).
func Load(dir string) (*Encoder, error) {
	tok, err := LoadTokenizer(filepath.Join(dir, "vocab.txt"))
	if err != nil {
		return nil, err
	}
	ts, err := readSafetensors(filepath.Join(dir, "model.safetensors"))
	if err != nil {
		return nil, err
	}
	e := &Encoder{tok: tok, Name: filepath.Base(filepath.Clean(dir))}
	if e.Fingerprint, err = fingerprint(dir); err != nil {
		return nil, err
	}
	get := func(name string, shape ...int) ([]float32, error) {
		t, ok := ts[name]
		if !ok {
			return nil, fmt.Errorf("model weights: no tensor %s", name)
		}
		if fmt.Sprint(t.shape) != fmt.Sprint(shape) {
			return nil, fmt.Errorf("model weights: %s has shape %v, want %v", name, t.shape, shape)
		}
		return t.data, nil
	}
	var errs []error
	must := func(dst *[]float32, name string, shape ...int) {
		v, err := get(name, shape...)
		if err != nil {
			errs = append(errs, err)
		}
		*dst = v
	}
	vocab := tok.size
	must(&e.word, "embeddings.word_embeddings.weight", vocab, hidden)
	must(&e.pos, "embeddings.position_embeddings.weight", 512, hidden)
	must(&e.typ, "embeddings.token_type_embeddings.weight", 2, hidden)
	must(&e.embLNg, "embeddings.LayerNorm.weight", hidden)
	must(&e.embLNb, "embeddings.LayerNorm.bias", hidden)
	for n := range e.layers {
		l := &e.layers[n]
		p := fmt.Sprintf("encoder.layer.%d.", n)
		must(&l.q, p+"attention.self.query.weight", hidden, hidden)
		must(&l.qb, p+"attention.self.query.bias", hidden)
		must(&l.k, p+"attention.self.key.weight", hidden, hidden)
		must(&l.kb, p+"attention.self.key.bias", hidden)
		must(&l.v, p+"attention.self.value.weight", hidden, hidden)
		must(&l.vb, p+"attention.self.value.bias", hidden)
		must(&l.ao, p+"attention.output.dense.weight", hidden, hidden)
		must(&l.aob, p+"attention.output.dense.bias", hidden)
		must(&l.ln1g, p+"attention.output.LayerNorm.weight", hidden)
		must(&l.ln1b, p+"attention.output.LayerNorm.bias", hidden)
		must(&l.i, p+"intermediate.dense.weight", ffn, hidden)
		must(&l.ib, p+"intermediate.dense.bias", ffn)
		must(&l.o, p+"output.dense.weight", hidden, ffn)
		must(&l.ob, p+"output.dense.bias", hidden)
		must(&l.ln2g, p+"output.LayerNorm.weight", hidden)
		must(&l.ln2b, p+"output.LayerNorm.bias", hidden)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s: %w (and %d more)", dir, errs[0], len(errs)-1)
	}
	e.pool.New = func() any { return &scratch{} }
	return e, nil
}

// fingerprint hashes the files that decide an embedding (~0.2 s).
func fingerprint(dir string) ([32]byte, error) {
	h := sha256.New()
	for _, name := range []string{"vocab.txt", "model.safetensors"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return [32]byte{}, fmt.Errorf("fingerprint model: %w", err)
		}
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return [32]byte{}, fmt.Errorf("fingerprint model: %w", err)
		}
	}
	var out [32]byte
	h.Sum(out[:0])
	return out, nil
}

// Tokenizer is the encoder's tokenizer.
func (e *Encoder) Tokenizer() *Tokenizer { return e.tok }

type scratch struct {
	ids, one             []int32
	segs                 []int // lengths of the batch's sequences in ids
	h, q, k, v, ctx, tmp []float32
	inter, scores        []float32
}

func grow(b []float32, n int) []float32 {
	if cap(b) < n {
		return make([]float32, n)
	}
	return b[:n]
}

// Encode appends the L2-normalised embedding of text to dst (Dim values).
func (e *Encoder) Encode(dst []float32, text string) []float32 {
	return e.EncodeBatch(dst, []string{text})
}

// maxBatchTokens bounds the tokens of one batched pass: enough rows to
// reuse each weight row from cache many times, few enough that the
// activations stay in L2.
const maxBatchTokens = 256

// EncodeBatch appends the embeddings of texts to dst, Dim values each, in
// order. Short texts are run through the layers together: a phrase of six
// tokens alone would stream all 90 MB of weights from memory for little
// arithmetic, a batch shares that stream (attention stays per text).
func (e *Encoder) EncodeBatch(dst []float32, texts []string) []float32 {
	s := e.pool.Get().(*scratch)
	defer e.pool.Put(s)
	for i := 0; i < len(texts); {
		s.ids, s.segs = s.ids[:0], s.segs[:0]
		for i < len(texts) {
			n := len(s.ids)
			s.one = e.tok.Encode(s.one, texts[i], MaxTokens)
			if n > 0 && n+len(s.one) > maxBatchTokens {
				break
			}
			s.ids = append(s.ids, s.one...)
			s.segs = append(s.segs, len(s.one))
			i++
		}
		dst = e.forward(dst, s)
	}
	return dst
}

// Tokens is the number of tokens Encode runs text through, [CLS] and
// [SEP] included: the cost of an encoding is about proportional to it.
func (e *Encoder) Tokens(text string) int {
	return len(e.tok.Encode(nil, text, MaxTokens))
}

// forward runs the sequences s.ids (concatenated, lengths s.segs) and
// appends one pooled, normalised embedding per sequence to dst.
func (e *Encoder) forward(dst []float32, s *scratch) []float32 {
	t := len(s.ids)
	s.h, s.q, s.k, s.v = grow(s.h, t*hidden), grow(s.q, t*hidden), grow(s.k, t*hidden), grow(s.v, t*hidden)
	s.ctx, s.tmp, s.inter, s.scores = grow(s.ctx, t*hidden), grow(s.tmp, t*hidden), grow(s.inter, t*ffn), grow(s.scores, MaxTokens)
	for base, seg := 0, 0; seg < len(s.segs); base, seg = base+s.segs[seg], seg+1 {
		for i := 0; i < s.segs[seg]; i++ {
			row := s.h[(base+i)*hidden : (base+i+1)*hidden]
			w, p, ty := e.word[int(s.ids[base+i])*hidden:], e.pos[i*hidden:], e.typ[:hidden]
			for j := range row {
				row[j] = w[j] + p[j] + ty[j]
			}
			layerNorm(row, e.embLNg, e.embLNb)
		}
	}
	for n := range e.layers {
		l := &e.layers[n]
		linear(s.q, s.h, t, hidden, l.q, l.qb, hidden)
		linear(s.k, s.h, t, hidden, l.k, l.kb, hidden)
		linear(s.v, s.h, t, hidden, l.v, l.vb, hidden)
		for base, seg := 0, 0; seg < len(s.segs); base, seg = base+s.segs[seg], seg+1 {
			attend(s, base, s.segs[seg])
		}
		linear(s.tmp, s.ctx, t, hidden, l.ao, l.aob, hidden)
		for i := range s.h {
			s.h[i] += s.tmp[i]
		}
		for i := 0; i < t; i++ {
			layerNorm(s.h[i*hidden:(i+1)*hidden], l.ln1g, l.ln1b)
		}
		linear(s.inter, s.h, t, hidden, l.i, l.ib, ffn)
		for i, x := range s.inter {
			s.inter[i] = gelu(x)
		}
		linear(s.tmp, s.inter, t, ffn, l.o, l.ob, hidden)
		for i := range s.h {
			s.h[i] += s.tmp[i]
		}
		for i := 0; i < t; i++ {
			layerNorm(s.h[i*hidden:(i+1)*hidden], l.ln2g, l.ln2b)
		}
	}
	for base, seg := 0, 0; seg < len(s.segs); base, seg = base+s.segs[seg], seg+1 {
		dst = pool(dst, s.h[base*hidden:(base+s.segs[seg])*hidden], s.segs[seg])
	}
	return dst
}

// attend is multi-head self-attention of the sequence of n tokens at
// row base of s.q, s.k, s.v into s.ctx. One sequence, no padding: every
// token attends to every token of its own text.
func attend(s *scratch, base, n int) {
	scale := float32(1 / math.Sqrt(headDim))
	for hd := 0; hd < heads; hd++ {
		off := hd * headDim
		for i := base; i < base+n; i++ {
			qi := s.q[i*hidden+off : i*hidden+off+headDim]
			mx := float32(math.Inf(-1))
			sc := s.scores[:n]
			for j := range sc {
				r := (base + j) * hidden
				sc[j] = dot(qi, s.k[r+off:r+off+headDim]) * scale
				mx = max(mx, sc[j])
			}
			var sum float32
			for j := range sc {
				sc[j] = float32(math.Exp(float64(sc[j] - mx)))
				sum += sc[j]
			}
			out := s.ctx[i*hidden+off : i*hidden+off+headDim]
			clear(out)
			for j := range sc {
				p := sc[j] / sum
				r := (base + j) * hidden
				vj := s.v[r+off : r+off+headDim]
				for d := range out {
					out[d] += p * vj[d]
				}
			}
		}
	}
}

// pool appends the mean of the n rows of h, L2-normalised, to dst: mean
// pooling over every token ([CLS] and [SEP] are in the attention mask,
// so sentence-transformers averages them too).
func pool(dst, h []float32, n int) []float32 {
	at := len(dst)
	dst = append(dst, make([]float32, hidden)...)
	out := dst[at:]
	for i := 0; i < n; i++ {
		row := h[i*hidden : (i+1)*hidden]
		for j := range out {
			out[j] += row[j]
		}
	}
	var norm float64
	for j := range out {
		out[j] /= float32(n)
		norm += float64(out[j]) * float64(out[j])
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for j := range out {
			out[j] *= inv
		}
	}
	return dst
}

// layerNorm normalises x in place (statistics in float64: 384 values).
func layerNorm(x, g, b []float32) {
	var mean float64
	for _, v := range x {
		mean += float64(v)
	}
	mean /= float64(len(x))
	var varr float64
	for _, v := range x {
		d := float64(v) - mean
		varr += d * d
	}
	varr /= float64(len(x))
	inv := 1 / math.Sqrt(varr+lnEps)
	for i, v := range x {
		x[i] = float32((float64(v)-mean)*inv)*g[i] + b[i]
	}
}

// gelu is BERT's exact GELU, x·Φ(x) with erf.
func gelu(x float32) float32 {
	return float32(0.5 * float64(x) * (1 + math.Erf(float64(x)/math.Sqrt2)))
}

// Cosine of two embeddings (they are unit length: their dot product).
func Cosine(a, b []float32) float32 { return dot(a, b) }
