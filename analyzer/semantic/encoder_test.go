package semantic

import (
	"encoding/json"
	"math"
	"os"
	"slices"
	"sync"
	"testing"
)

var (
	loadOnce sync.Once
	shared   *Encoder
	loadErr  error
)

// model loads the encoder once per test binary (90 MB of weights).
func model(tb testing.TB) *Encoder {
	tb.Helper()
	dir := Require(tb)
	loadOnce.Do(func() { shared, loadErr = Load(dir) })
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return shared
}

type golden struct {
	Phrases []struct {
		Text string    `json:"text"`
		IDs  []int32   `json:"ids"`
		Head []float64 `json:"head"`
	} `json:"phrases"`
	Cosine [][]float64 `json:"cosine"`
}

func readGolden(t *testing.T) golden {
	b, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// The golden figures come from an independent implementation
// (scripts/semantic-golden.py: Hugging Face tokenizers on tokenizer.json,
// the forward pass in numpy float64).
func TestMatchesReference(t *testing.T) {
	e := model(t)
	g := readGolden(t)
	embs := make([][]float32, len(g.Phrases))
	for i, p := range g.Phrases {
		if ids := e.tok.Encode(nil, p.Text, MaxTokens); !slices.Equal(ids, p.IDs) {
			t.Errorf("%q: ids %v, reference %v", p.Text, ids, p.IDs)
		}
		embs[i] = e.Encode(nil, p.Text)
		for d, want := range p.Head {
			if got := float64(embs[i][d]); math.Abs(got-want) > 1e-4 {
				t.Errorf("%q dim %d: %.6f, reference %.6f", p.Text, d, got, want)
			}
		}
	}
	for i := range embs {
		for j := range embs {
			if got, want := float64(Cosine(embs[i], embs[j])), g.Cosine[i][j]; math.Abs(got-want) > 1e-4 {
				t.Errorf("cos(%q, %q) = %.6f, reference %.6f", g.Phrases[i].Text, g.Phrases[j].Text, got, want)
			}
		}
	}
}

func TestParaphrasesCloser(t *testing.T) {
	e := model(t)
	for _, c := range []struct{ a, near, far string }{
		{"teamwork", "work in teams", "SQL Server"},
		{"good communicator", "communication", "operate forklift"},
		{"partner with your stakeholders", "manage relationships with stakeholders", "bake bread"},
		{"motivated", "show determination", "Java"},
	} {
		a, n, f := e.Encode(nil, c.a), e.Encode(nil, c.near), e.Encode(nil, c.far)
		if cn, cf := Cosine(a, n), Cosine(a, f); cn <= cf {
			t.Errorf("cos(%q, %q) = %.3f not above cos(%q, %q) = %.3f", c.a, c.near, cn, c.a, c.far, cf)
		}
	}
}

func TestConcurrentEncode(t *testing.T) {
	e := model(t)
	texts := []string{"data pipelines in Python", "teamwork", "customer service skills and a friendly manner"}
	want := make([][]float32, len(texts))
	for i, s := range texts {
		want[i] = e.Encode(nil, s)
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 5; r++ {
				for i, s := range texts {
					if got := e.Encode(nil, s); !slices.Equal(got, want[i]) {
						t.Errorf("%q: concurrent encoding differs", s)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestEmptyAndLongText(t *testing.T) {
	e := model(t)
	for _, s := range []string{"", "   ", string(make([]byte, 5000))} {
		v := e.Encode(nil, s)
		if len(v) != Dim {
			t.Fatalf("%q: %d dims", s[:min(len(s), 10)], len(v))
		}
	}
	long := ""
	for i := 0; i < 400; i++ {
		long += "word "
	}
	if n := e.Tokens(long); n != MaxTokens {
		t.Errorf("long text: %d tokens, want the cap %d", n, MaxTokens)
	}
}

func BenchmarkEncodePhrase(b *testing.B) {
	b.Run("kernel", func(b *testing.B) { benchPhrases(b) })
	if useAVX {
		// What a machine without AVX2+FMA (or another architecture) gets.
		b.Run("portable", func(b *testing.B) {
			useAVX = false
			defer func() { useAVX = true }()
			benchPhrases(b)
		})
	}
}

func benchPhrases(b *testing.B) {
	e := model(b)
	phrases := []string{"manage relationships with stakeholders", "teamwork", "SQL Server", "work in teams", "customer service"}
	toks := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := phrases[i%len(phrases)]
		e.Encode(nil, p)
		toks += e.Tokens(p)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "phrases/s")
	b.ReportMetric(float64(toks)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkEncodeSentence(b *testing.B) {
	e := model(b)
	s := "You will design, build and maintain scalable data pipelines in Python and Spark for our analytics team."
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Encode(nil, s)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(b.N*e.Tokens(s))/b.Elapsed().Seconds(), "tokens/s")
}

func TestStoreRoundTrip(t *testing.T) {
	e := model(t)
	dir := t.TempDir()
	s, err := OpenStore(e, dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"teamwork", "SQL Server", "teamwork"}
	first, err := s.All(texts)
	if err != nil {
		t.Fatal(err)
	}
	again, err := OpenStore(e, dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(again.vecs); n != 2 {
		t.Fatalf("reopened store holds %d vectors, want 2", n)
	}
	second, err := again.All(texts)
	if err != nil {
		t.Fatal(err)
	}
	for i := range texts {
		if !slices.Equal(first[i], second[i]) {
			t.Errorf("%q: stored vector differs", texts[i])
		}
	}
}

func TestBatchMatchesSingle(t *testing.T) {
	e := model(t)
	g := readGolden(t)
	var texts []string
	for r := 0; r < 3; r++ { // ~360 tokens: more than one pass
		for _, p := range g.Phrases {
			texts = append(texts, p.Text)
		}
	}
	batch := e.EncodeBatch(nil, texts)
	if len(batch) != len(texts)*Dim {
		t.Fatalf("%d values for %d texts", len(batch), len(texts))
	}
	for i, s := range texts[:len(g.Phrases)+1] {
		one := e.Encode(nil, s)
		for d := range one {
			if math.Abs(float64(one[d]-batch[i*Dim+d])) > 1e-6 {
				t.Fatalf("%q dim %d: batch %v, alone %v", s, d, batch[i*Dim+d], one[d])
			}
		}
	}
}

// BenchmarkEncodeBatch: ESCO labels' length, many at once (how concept
// embeddings are built).
func BenchmarkEncodeBatch(b *testing.B) {
	e := model(b)
	phrases := []string{"manage relationships with stakeholders", "teamwork", "SQL Server", "work in teams", "customer service"}
	var texts []string
	for len(texts) < 64 {
		texts = append(texts, phrases...)
	}
	toks := 0
	for _, p := range texts {
		toks += e.Tokens(p)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.EncodeBatch(nil, texts)
	}
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "phrases/s")
	b.ReportMetric(float64(b.N*toks)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkEncodeBatchParallel: batches on every core (-cpu), as the
// store builds concept embeddings.
func BenchmarkEncodeBatchParallel(b *testing.B) {
	e := model(b)
	phrases := []string{"manage relationships with stakeholders", "teamwork", "SQL Server", "work in teams", "customer service"}
	var texts []string
	for len(texts) < 48 {
		texts = append(texts, phrases...)
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var dst []float32
		for pb.Next() {
			dst = e.EncodeBatch(dst[:0], texts)
		}
	})
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "phrases/s")
}

func TestStoreBatch(t *testing.T) {
	e := model(t)
	s, err := OpenStore(e, "", "test")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"teamwork", "SQL Server", "teamwork", "work in teams"}
	got := s.Batch(texts)
	if len(s.vecs) != 3 {
		t.Errorf("store holds %d vectors after a batch of 3 distinct texts", len(s.vecs))
	}
	for i, tx := range texts {
		one := e.Encode(nil, tx)
		if c := Cosine(one, got[i]); c < 0.99999 {
			t.Errorf("%q: batch vector's cosine with its own encoding %.6f", tx, c)
		}
	}
}
