package skilllink

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/semantic"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// SemanticFeatureNames extend FeatureNames when the optional semantic
// stage is on: what a sentence encoder (analyzer/semantic) says of a
// candidate. A model fitted with them records them; the default models do
// not, and their scorer never loads the encoder.
var SemanticFeatureNames = []string{
	// cosine of the candidate's sentence (its window) and the concept's
	// preferred label: is the sentence about this concept?
	"sem_ctx",
	// sem_ctx minus the best of the other concepts carrying the matched
	// text as a label ("SQL" is SQL and SQL Server's label): which
	// reading of an ambiguous surface the sentence supports.
	"sem_ctx_margin",
	// sem_ctx minus the sentence's nearest concept of all of ESCO.
	"sem_ctx_gap",
	// cosine of the matched text itself and the preferred label: near 1
	// for the label as written, lower for paraphrases and loose matches.
	"sem_span",
	// the candidate comes from the semantic proposer alone (one of its
	// phrase's nearest concepts; see Propose) ...
	"sem_proposed",
	// ... the nearest of them ...
	"sem_prop_top1",
	// ... or this much less close to the phrase than the nearest;
	"sem_prop_gap",
	// the phrase's cosine with the concept (its nearest label).
	"sem_prop_cos",
}

// Semantic embeds sentences and concepts for the semantic features. Safe
// for concurrent use.
type Semantic struct {
	tax     *taxonomy.Taxonomy
	texts   *semantic.Store      // sentences and spans
	concept map[string][]float32 // entry id → embedding of its preferred label
	ctxVec  map[string][]float32 // entry id → what sentences are compared with (concept, or with Descriptions the described label)
	ids     []string             // entries, by index
	matrix  []float32            // label embeddings, row by row: every preferred label, then (AllLabels) the alternative ones
	rowOf   []int32              // matrix row → index in ids
	surface map[string][]string  // lower-cased label → entry ids carrying it
	// Built says how long the concept embeddings took (0 when all came
	// from the store).
	Built time.Duration
	// Encoded counts the concepts encoded rather than read from the store.
	Encoded int
	// ProposeMin > 0 turns on semantic proposals: a phrase's ProposeK
	// nearest concepts are candidates when their cosine reaches it.
	ProposeMin float32
	ProposeK   int
}

// ConceptText is what stands for a concept: its preferred label.
func ConceptText(e *taxonomy.Entry) string { return e.Label }

// SemanticOptions say what the semantic stage embeds.
type SemanticOptions struct {
	// AllLabels: proposals compare a phrase with every English
	// preferred and alternative label of a concept (the nearest counts)
	// rather than the preferred label alone: "team-working" is work in
	// teams' alternative label. 97,000 more texts to embed, once.
	AllLabels bool
	// TextsInMemory keeps sentence and span embeddings in memory only
	// (bounded), as a scorer on a stream of postings should; otherwise
	// they are stored beside the concepts' (evaluation runs repeat the
	// same sentences).
	TextsInMemory bool
	// MaxTexts bounds the in-memory text store (0: maxTexts).
	MaxTexts int
	// Descriptions (entry id → ESCO description): the sentence features
	// compare a sentence with "label. first sentence of the description"
	// rather than the bare label (sentence to sentence, what the encoder
	// was trained on). Proposals still compare phrases with labels.
	Descriptions map[string]string
}

// maxTexts bounds the in-memory text store: ~6 MB of vectors.
const maxTexts = 1 << 12

// NewSemantic embeds every concept of tax (reading and filling the
// stores under cacheDir: "" keeps them in memory).
func NewSemantic(enc *semantic.Encoder, tax *taxonomy.Taxonomy, cacheDir string) (*Semantic, error) {
	return NewSemanticWith(enc, tax, cacheDir, SemanticOptions{})
}

// NewSemanticWith is NewSemantic with options.
func NewSemanticWith(enc *semantic.Encoder, tax *taxonomy.Taxonomy, cacheDir string, opt SemanticOptions) (*Semantic, error) {
	cs, err := semantic.OpenStore(enc, cacheDir, "concepts")
	if err != nil {
		return nil, err
	}
	textDir := cacheDir
	if opt.TextsInMemory {
		textDir = ""
	}
	ts, err := semantic.OpenStore(enc, textDir, "texts")
	if err != nil {
		return nil, err
	}
	if opt.TextsInMemory {
		ts.SetLimit(cmp.Or(opt.MaxTexts, maxTexts))
	}
	s := &Semantic{tax: tax, texts: ts, concept: map[string][]float32{}, surface: map[string][]string{}}
	texts := make([]string, len(tax.Entries))
	for i := range tax.Entries {
		texts[i] = ConceptText(&tax.Entries[i])
	}
	missing := cs.Missing(texts)
	start := time.Now()
	vecs, err := cs.All(texts)
	if err != nil {
		return nil, fmt.Errorf("embed concepts: %w", err)
	}
	if missing > 0 {
		s.Built, s.Encoded = time.Since(start), missing
	}
	s.matrix = make([]float32, 0, len(vecs)*semantic.Dim)
	for i := range tax.Entries {
		e := &tax.Entries[i]
		s.concept[e.ID] = vecs[i]
		s.ids = append(s.ids, e.ID)
		s.matrix = append(s.matrix, vecs[i]...)
		s.rowOf = append(s.rowOf, int32(i))
		seen := map[string]bool{}
		for _, l := range e.Labels {
			k := strings.ToLower(l.Text)
			if !seen[k] {
				seen[k] = true
				s.surface[k] = append(s.surface[k], e.ID)
			}
		}
	}
	if opt.AllLabels {
		if err := s.addLabels(cs); err != nil {
			return nil, err
		}
	}
	s.ctxVec = s.concept
	if len(opt.Descriptions) > 0 {
		if err := s.addDescriptions(cs, opt.Descriptions); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// addLabels adds a row to the matrix for each English alternative label
// not already a preferred one of the same concept.
func (s *Semantic) addLabels(cs *semantic.Store) error {
	var texts []string
	var rows []int32
	for i := range s.tax.Entries {
		e := &s.tax.Entries[i]
		seen := map[string]bool{strings.ToLower(e.Label): true}
		for _, l := range e.Labels {
			k := strings.ToLower(l.Text)
			if l.Kind != taxonomy.Alternative || (l.Lang != "" && l.Lang != "en") || seen[k] {
				continue
			}
			seen[k] = true
			texts = append(texts, l.Text)
			rows = append(rows, int32(i))
		}
	}
	start, missing := time.Now(), cs.Missing(texts)
	vecs, err := cs.All(texts)
	if err != nil {
		return fmt.Errorf("embed alternative labels: %w", err)
	}
	if missing > 0 {
		s.Built += time.Since(start)
		s.Encoded += missing
	}
	for k, v := range vecs {
		s.matrix = append(s.matrix, v...)
		s.rowOf = append(s.rowOf, rows[k])
	}
	return nil
}

// addDescriptions embeds each concept's label with its description's
// first sentence, for the sentence features.
func (s *Semantic) addDescriptions(cs *semantic.Store, desc map[string]string) error {
	texts := make([]string, len(s.ids))
	for i, id := range s.ids {
		texts[i] = DescribedLabel(s.tax.Entries[i].Label, desc[id])
	}
	start, missing := time.Now(), cs.Missing(texts)
	vecs, err := cs.All(texts)
	if err != nil {
		return fmt.Errorf("embed descriptions: %w", err)
	}
	if missing > 0 {
		s.Built += time.Since(start)
		s.Encoded += missing
	}
	s.ctxVec = make(map[string][]float32, len(s.ids))
	for i, id := range s.ids {
		s.ctxVec[id] = vecs[i]
	}
	return nil
}

// DescribedLabel is "label. first sentence of desc" (the label alone
// without a description).
func DescribedLabel(label, desc string) string {
	desc = strings.TrimSpace(desc)
	if i := strings.Index(desc, ". "); i >= 0 {
		desc = desc[:i+1]
	}
	if desc == "" {
		return label
	}
	return label + ". " + desc
}

// Text is the (stored) embedding of a text.
func (s *Semantic) Text(t string) []float32 { return s.texts.Get(t) }

// TextCount is the number of sentence and span embeddings held.
func (s *Semantic) TextCount() int { return s.texts.Len() }

// Save writes the texts encoded so far to the store.
func (s *Semantic) Save() error { return s.texts.Save() }

// Nearest is the concept nearest to v of all ESCO and its cosine.
func (s *Semantic) Nearest(v []float32) (string, float32) {
	n := s.NearestK(v, 1, nil)
	if len(n) == 0 {
		return "", 0
	}
	return n[0].ID, n[0].Cos
}

// Neighbour is a concept and its cosine with some text.
type Neighbour struct {
	ID  string
	Cos float32
}

// NearestK appends to dst the k concepts nearest to v, nearest first,
// a concept as near as its nearest label (a pass over every label row:
// ~1 ms for the preferred labels alone, ~8 with the alternative ones).
func (s *Semantic) NearestK(v []float32, k int, dst []Neighbour) []Neighbour {
	top := dst[:0]
	push := func(id string, c float32) {
		for i := range top {
			if top[i].ID == id { // a second label of a concept in the list
				if c <= top[i].Cos {
					return
				}
				top = append(top[:i], top[i+1:]...)
				break
			}
		}
		if len(top) == k && c <= top[k-1].Cos {
			return
		}
		if len(top) < k {
			top = append(top, Neighbour{})
		}
		j := len(top) - 1
		for j > 0 && top[j-1].Cos < c {
			top[j] = top[j-1]
			j--
		}
		top[j] = Neighbour{id, c}
	}
	for r, ci := range s.rowOf {
		c := semantic.Cosine(v, s.matrix[r*semantic.Dim:(r+1)*semantic.Dim])
		if len(top) == k && c <= top[k-1].Cos {
			continue
		}
		push(s.ids[ci], c)
	}
	return top
}

// Texts are the texts Extend embeds for the candidates of text (their
// windows and matched texts), to Warm many at once.
func (s *Semantic) Texts(dst []string, text string, cands []Cand) []string {
	for _, c := range cands {
		ws, we := window(text, c.Match.Start, c.Match.End)
		dst = append(dst, text[ws:we], c.Match.Text)
	}
	return dst
}

// Warm embeds texts on every core (those not stored yet) and saves them.
func (s *Semantic) Warm(texts []string) error {
	_, err := s.texts.All(texts)
	return err
}

// Extend appends the semantic features of each candidate of text to its
// vector in xs (as Meta.Vectors wrote them).
func (s *Semantic) Extend(xs [][]float64, text string, cands []Cand) {
	type ctx struct {
		v    []float32
		best float32
	}
	// Every window and span of the text in one batched pass.
	var need []string
	for _, c := range cands {
		ws, we := window(text, c.Match.Start, c.Match.End)
		need = append(need, text[ws:we])
		if c.semVec == nil {
			need = append(need, c.Match.Text)
		}
	}
	s.texts.Batch(need)
	ctxs := map[[2]int]ctx{}
	for i, c := range cands {
		ws, we := window(text, c.Match.Start, c.Match.End)
		k := [2]int{ws, we}
		cx, ok := ctxs[k]
		if !ok {
			cx.v = s.Text(text[ws:we])
			_, cx.best = s.Nearest(cx.v)
			ctxs[k] = cx
		}
		xs[i] = append(xs[i], s.features(cx.v, cx.best, c)...)
	}
}

func (s *Semantic) features(ctx []float32, best float32, c Cand) []float64 {
	out := make([]float64, len(SemanticFeatureNames))
	cv, ok := s.concept[c.Match.ID]
	if !ok {
		return out
	}
	own := semantic.Cosine(ctx, s.ctxVec[c.Match.ID])
	out[0] = float64(own)
	rival := float32(-2)
	for _, id := range s.surface[strings.ToLower(c.Match.Text)] {
		if id != c.Match.ID {
			rival = max(rival, semantic.Cosine(ctx, s.ctxVec[id]))
		}
	}
	if rival > -2 {
		out[1] = float64(own - rival)
	}
	out[2] = float64(own - best)
	span := c.semVec
	if span == nil {
		span = s.Text(c.Match.Text)
	}
	out[3] = float64(semantic.Cosine(span, cv))
	if c.semCos > 0 {
		out[4] = 1
		if c.semRank == 0 {
			out[5] = 1
		}
		out[6] = float64(c.semCos - c.semTop)
		out[7] = float64(c.semCos)
	}
	return out
}

// Concept is the embedding of a concept (nil when unknown).
func (s *Semantic) Concept(id string) []float32 { return s.concept[id] }
