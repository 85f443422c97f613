package skilllink

import (
	"math"
	"sort"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// Proposals find concepts for paraphrases the dictionary cannot match:
// a label whose content words mostly occur in one sentence, in any order
// and form ("solving complex problems" → solve problems), is a candidate.
// The learned model, not the proposer, decides which candidates stay.

const (
	maxLabelWords = 6
	minCoverage   = 0.66
)

type plabel struct {
	entry  int32
	kind   taxonomy.LabelKind
	words  []uint64
	idfSum float64
}

type proposer struct {
	labels []plabel
	post   map[uint64][]int32 // word → labels containing it
	idf    map[uint64]float64 // over concepts' labels
}

func newProposer(tax *taxonomy.Taxonomy) *proposer {
	p := &proposer{post: map[uint64][]int32{}, idf: map[uint64]float64{}}
	df := map[uint64]int{}
	type key struct {
		e int32
		w string
	}
	var buf []byte
	for i := range tax.Entries {
		e := &tax.Entries[i]
		seen := map[uint64]bool{}
		sets := map[string]bool{}
		for _, l := range e.Labels {
			if l.Lang != "" && l.Lang != "en" {
				continue
			}
			var ws []uint64
			buf = words(l.Text, buf, func(h uint64, _, _ int) {
				if !stop[h] {
					ws = append(ws, h)
				}
			})
			sort.Slice(ws, func(a, b int) bool { return ws[a] < ws[b] })
			ws = compact(ws)
			if len(ws) == 0 || len(ws) > maxLabelWords {
				continue
			}
			sig := string(u64bytes(ws))
			if sets[sig] {
				continue
			}
			sets[sig] = true
			p.labels = append(p.labels, plabel{entry: int32(i), kind: l.Kind, words: ws})
			for _, h := range ws {
				if !seen[h] {
					seen[h] = true
					df[h]++
				}
			}
		}
	}
	n := float64(len(tax.Entries))
	for h, d := range df {
		p.idf[h] = math.Log(1 + n/float64(d))
	}
	for li := range p.labels {
		l := &p.labels[li]
		for _, h := range l.words {
			l.idfSum += p.idf[h]
		}
		// A label reaches minCoverage only if one of its k rarest words
		// is present, so it is indexed under those alone: posting lists
		// of common words ("manage", "management") stay short.
		need := int(math.Ceil(minCoverage * float64(len(l.words))))
		k := len(l.words) - need + 1
		byRarity := append([]uint64(nil), l.words...)
		sort.Slice(byRarity, func(a, b int) bool { return p.idf[byRarity[a]] > p.idf[byRarity[b]] })
		for _, h := range byRarity[:k] {
			p.post[h] = append(p.post[h], int32(li))
		}
	}
	return p
}

func compact(ws []uint64) []uint64 {
	out := ws[:0]
	for i, h := range ws {
		if i == 0 || h != ws[i-1] {
			out = append(out, h)
		}
	}
	return out
}

func u64bytes(ws []uint64) []byte {
	b := make([]byte, 0, 8*len(ws))
	for _, h := range ws {
		for k := 0; k < 8; k++ {
			b = append(b, byte(h>>(8*k)))
		}
	}
	return b
}

// Cand is one candidate link: a dictionary match or a proposal.
type Cand struct {
	Match      extract.Match
	Dict       bool    // the dictionary matched it
	Cov        float64 // share of the label's content words in the sentence
	IdfCov     float64 // the same, weighted by word rarity over labels
	LabelWords int
	Contig     float64 // covered words / words spanned: 1 when contiguous
	Kind       taxonomy.LabelKind
	sent       [2]int
	label      int32     // proposing label, for a deterministic choice
	semCos     float32   // semantic proposal: its phrase's cosine with the concept,
	semTop     float32   // the phrase's cosine with its nearest concept,
	semRank    int       // and the concept's rank among the phrase's neighbours
	semVec     []float32 // the phrase's embedding
}

type propBuf struct {
	ws    []ctxWord
	first map[uint64]int // word → first index in ws
	count map[int32]int
	best  map[int32]int // entry → index in out
	buf   []byte
}

// propose appends the proposals of sentence text[s:e].
func (p *proposer) propose(tax *taxonomy.Taxonomy, text string, s, e int, b *propBuf, out []Cand) []Cand {
	if b.first == nil {
		b.first, b.count, b.best = map[uint64]int{}, map[int32]int{}, map[int32]int{}
	}
	clear(b.first)
	clear(b.count)
	clear(b.best)
	b.ws = b.ws[:0]
	b.buf = words(text[s:e], b.buf, func(h uint64, ws, we int) {
		if stop[h] {
			return
		}
		if _, ok := b.first[h]; !ok {
			b.first[h] = len(b.ws)
		}
		b.ws = append(b.ws, ctxWord{h: h, start: s + ws, end: s + we})
	})
	for h := range b.first {
		for _, li := range p.post[h] {
			if _, done := b.count[li]; done {
				continue
			}
			n := 0
			for _, w := range p.labels[li].words {
				if _, ok := b.first[w]; ok {
					n++
				}
			}
			b.count[li] = n
		}
	}
	for li, n := range b.count {
		l := &p.labels[li]
		cov := float64(n) / float64(len(l.words))
		if cov < minCoverage {
			continue
		}
		var idfHit float64
		lo, hi := len(b.ws), -1
		for _, h := range l.words {
			if i, ok := b.first[h]; ok {
				idfHit += p.idf[h]
				lo, hi = min(lo, i), max(hi, i)
			}
		}
		c := Cand{Cov: cov, IdfCov: idfHit / l.idfSum, LabelWords: len(l.words), Contig: float64(n) / float64(hi-lo+1), Kind: l.kind, sent: [2]int{s, e}, label: li}
		if j, ok := b.best[l.entry]; ok {
			// The order is total, so map order never decides a tie.
			o := &out[j]
			if o.IdfCov > c.IdfCov || o.IdfCov == c.IdfCov && (o.Contig > c.Contig || o.Contig == c.Contig && o.label < c.label) {
				continue
			}
		}
		en := &tax.Entries[l.entry]
		st, nd := b.ws[lo].start, b.ws[hi].end
		c.Match = extract.Match{ID: en.ID, Label: en.Label, Type: string(en.Type), Text: text[st:nd], Start: st, End: nd,
			Requirement: extract.Required, Mentions: 1, Taxonomy: tax.Name, TaxonomyVersion: tax.Version}
		if j, ok := b.best[l.entry]; ok {
			out[j] = c
		} else {
			b.best[l.entry] = len(out)
			out = append(out, c)
		}
	}
	return out
}

// sentences calls f with the byte range of each sentence of text, with the
// boundaries window uses.
func sentences(text string, f func(s, e int)) {
	s := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		end := c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ';') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n'))
		if end {
			if i > s {
				f(s, i)
			}
			s = i + 1
		}
	}
	if s < len(text) {
		f(s, len(text))
	}
}
