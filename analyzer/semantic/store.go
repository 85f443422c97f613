package semantic

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"
)

// Store remembers embeddings by text on disk, so that ESCO's 13,896
// labels (a minute and a half of encoding on one core) and the
// evaluation's sentences are encoded once per model. Records are a
// 16-byte hash of the text and Dim little-endian float32s; the file name
// carries the model's fingerprint, so another model never reads them.
type Store struct {
	enc  *Encoder
	path string

	mu    sync.RWMutex
	vecs  map[[16]byte][]float32
	fresh [][16]byte // encoded since the last Save
	limit int        // memory-only store: emptied when it holds this many (0: never)
}

// SetLimit empties a store kept in memory only whenever it reaches n
// vectors: a scorer reading a stream of postings must not keep every
// sentence it saw.
func (s *Store) SetLimit(n int) {
	s.mu.Lock()
	s.limit = n
	s.mu.Unlock()
}

const recordSize = 16 + 4*Dim

// OpenStore opens (or starts) the store named name under dir for enc's
// model; dir "" keeps it in memory only.
func OpenStore(enc *Encoder, dir, name string) (*Store, error) {
	s := &Store{enc: enc, vecs: map[[16]byte][]float32{}}
	if dir == "" {
		return s, nil
	}
	s.path = filepath.Join(dir, fmt.Sprintf("%s-%s-%x.vec", enc.Name, name, enc.Fingerprint[:6]))
	f, err := os.Open(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open embedding store: %w", err)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	rec := make([]byte, recordSize)
	for {
		if _, err := io.ReadFull(r, rec); err != nil {
			// A torn last record (an interrupted Save) is dropped, not fatal.
			break
		}
		var k [16]byte
		copy(k[:], rec)
		v := make([]float32, Dim)
		for i := range v {
			v[i] = math.Float32frombits(binary.LittleEndian.Uint32(rec[16+4*i:]))
		}
		s.vecs[k] = v
	}
	return s, nil
}

func key(text string) [16]byte {
	h := sha256.Sum256([]byte(text))
	var k [16]byte
	copy(k[:], h[:])
	return k
}

// Get is the stored embedding of text, encoding it on a miss.
func (s *Store) Get(text string) []float32 {
	k := key(text)
	s.mu.RLock()
	v, ok := s.vecs[k]
	s.mu.RUnlock()
	if ok {
		return v
	}
	v = s.enc.Encode(nil, text)
	s.mu.Lock()
	if s.path == "" && s.limit > 0 && len(s.vecs) >= s.limit {
		clear(s.vecs)
		s.fresh = s.fresh[:0]
	}
	if _, dup := s.vecs[k]; !dup {
		s.vecs[k] = v
		s.fresh = append(s.fresh, k)
	}
	s.mu.Unlock()
	return v
}

// Batch is the embeddings of texts, the missing ones encoded together in
// one batched pass on the calling goroutine (a scorer's sentence: its
// phrases cost far less together than one by one). Not saved.
func (s *Store) Batch(texts []string) [][]float32 {
	out := make([][]float32, len(texts))
	var miss []string
	var at [][]int // texts[at[k]...] are miss[k]
	first := map[string]int{}
	s.mu.RLock()
	for i, t := range texts {
		if v, ok := s.vecs[key(t)]; ok {
			out[i] = v
		} else if k, dup := first[t]; dup {
			at[k] = append(at[k], i)
		} else {
			first[t] = len(miss)
			miss, at = append(miss, t), append(at, []int{i})
		}
	}
	s.mu.RUnlock()
	if len(miss) == 0 {
		return out
	}
	vecs := s.enc.EncodeBatch(nil, miss)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.path == "" && s.limit > 0 && len(s.vecs)+len(miss) > s.limit {
		clear(s.vecs)
		s.fresh = s.fresh[:0]
	}
	for k, is := range at {
		v := vecs[k*Dim : (k+1)*Dim : (k+1)*Dim]
		for _, i := range is {
			out[i] = v
		}
		key := key(miss[k])
		if _, dup := s.vecs[key]; !dup {
			s.vecs[key] = v
			s.fresh = append(s.fresh, key)
		}
	}
	return out
}

// Len is the number of stored embeddings.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.vecs)
}

// Missing counts the texts not in the store yet.
func (s *Store) Missing(texts []string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	n := 0
	for _, t := range texts {
		if _, ok := s.vecs[key(t)]; !ok {
			n++
		}
	}
	return n
}

// All returns the embeddings of texts, encoding the missing ones on every
// core, and saves the store when it learned something.
func (s *Store) All(texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	var todo []int
	s.mu.RLock()
	for i, t := range texts {
		if v, ok := s.vecs[key(t)]; ok {
			out[i] = v
		} else {
			todo = append(todo, i)
		}
	}
	s.mu.RUnlock()
	if len(todo) == 0 {
		return out, nil
	}
	start := time.Now()
	// Texts of similar length batch together: batches fill evenly.
	sort.Slice(todo, func(a, b int) bool { return len(texts[todo[a]]) < len(texts[todo[b]]) })
	const chunk = 48
	var wg sync.WaitGroup
	next := make(chan []int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var batch []string
			var vecs []float32
			for idx := range next {
				batch = batch[:0]
				for _, i := range idx {
					batch = append(batch, texts[i])
				}
				vecs = s.enc.EncodeBatch(vecs[:0], batch)
				for k, i := range idx {
					out[i] = slices.Clone(vecs[k*Dim : (k+1)*Dim])
				}
			}
		}()
	}
	for a := 0; a < len(todo); a += chunk {
		next <- todo[a:min(len(todo), a+chunk)]
	}
	close(next)
	wg.Wait()
	s.mu.Lock()
	for _, i := range todo {
		k := key(texts[i])
		if _, dup := s.vecs[k]; !dup {
			s.vecs[k] = out[i]
			s.fresh = append(s.fresh, k)
		}
	}
	s.mu.Unlock()
	slog.Info("texts encoded", "store", filepath.Base(s.path), "count", len(todo), "elapsed", time.Since(start).Round(time.Millisecond))
	return out, s.Save()
}

// Save appends the embeddings encoded since the last Save.
func (s *Store) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.path == "" || len(s.fresh) == 0 {
		s.fresh = s.fresh[:0]
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return fmt.Errorf("embedding store: %w", err)
	}
	f, err := os.OpenFile(s.path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("embedding store: %w", err)
	}
	// The buffer holds whole records, so each write(2) appends whole
	// records: two processes saving at once do not tear each other's.
	w := bufio.NewWriterSize(f, recordSize*512)
	rec := make([]byte, recordSize)
	for _, k := range s.fresh {
		copy(rec, k[:])
		for i, x := range s.vecs[k] {
			binary.LittleEndian.PutUint32(rec[16+4*i:], math.Float32bits(x))
		}
		w.Write(rec)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write embedding store %s: %w", s.path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write embedding store %s: %w", s.path, err)
	}
	s.fresh = s.fresh[:0]
	return nil
}
