// Package skilleval scores skill extraction against the ESCO-linked
// validation sets of Decorte et al. (TECH and HOUSE, which extend
// SkillSpan): for each sentence, the predicted ESCO preferred labels are
// compared with the gold labels, ignoring spans annotated UNDERSPECIFIED or
// LABEL NOT PRESENT.
package skilleval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// Sentence is one annotated sentence and its gold ESCO labels.
type Sentence struct {
	Set  string
	Text string
	Gold map[string]bool // lower-cased ESCO preferred labels
	// Spans are the annotated spans with their label as written (also
	// UNDERSPECIFIED and LABEL NOT PRESENT), for the error classes.
	Spans []Span
}

// Span is one annotated span of a sentence.
type Span struct {
	Text, Label string
}

// Files are the validation sets, relative to the benchmark directory.
var Files = []string{"tech_validation_annotations.csv", "house_validation_annotations.csv"}

// Load reads the validation sets from dir. Every annotated sentence is kept,
// also those whose spans are all unlabeled: predictions there count as false
// positives, as they would in a posting.
func Load(dir string) ([]Sentence, error) {
	var out []Sentence
	for _, name := range Files {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("open validation set: %w", err)
		}
		s, err := parse(f, strings.SplitN(name, "_", 2)[0])
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, s...)
	}
	return out, nil
}

func parse(r io.Reader, set string) ([]Sentence, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	pi, okP := col["span"]
	si, okS := col["sentence"]
	li, okL := col["label"]
	if !okS || !okL {
		return nil, errors.New("need columns sentence and label")
	}
	index := map[string]int{}
	var out []Sentence
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		text, label := row[si], strings.TrimSpace(row[li])
		i, ok := index[text]
		if !ok {
			out = append(out, Sentence{Set: set, Text: text, Gold: map[string]bool{}})
			i = len(out) - 1
			index[text] = i
		}
		if okP && strings.TrimSpace(row[pi]) != "" {
			out[i].Spans = append(out[i].Spans, Span{Text: strings.TrimSpace(row[pi]), Label: label})
		}
		if label == "" || label == "UNDERSPECIFIED" || label == "LABEL NOT PRESENT" {
			continue
		}
		out[i].Gold[strings.ToLower(label)] = true
	}
	return out, nil
}

// Report holds micro-averaged scores over (sentence, label) pairs.
type Report struct {
	Sentences, Gold, Predicted, Correct int
	Precision, Recall, F1               float64
	// FalsePositives counts wrong predicted labels, most frequent first,
	// to show where precision goes.
	FalsePositives []LabelCount
}

// LabelCount is a label and how often it occurred.
type LabelCount struct {
	Label string
	Count int
}

// Score runs the extractor on every sentence and scores its predictions.
func Score(x *extract.Extractor, sentences []Sentence) Report {
	var r Report
	fp := map[string]int{}
	for _, s := range sentences {
		res := x.Extract(textnorm.Clean(s.Text))
		pred := map[string]bool{}
		for _, m := range res.Skills {
			pred[strings.ToLower(m.Label)] = true
		}
		r.Sentences++
		r.Gold += len(s.Gold)
		r.Predicted += len(pred)
		for l := range pred {
			if s.Gold[l] {
				r.Correct++
			} else {
				fp[l]++
			}
		}
	}
	if r.Predicted > 0 {
		r.Precision = float64(r.Correct) / float64(r.Predicted)
	}
	if r.Gold > 0 {
		r.Recall = float64(r.Correct) / float64(r.Gold)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	for l, n := range fp {
		r.FalsePositives = append(r.FalsePositives, LabelCount{l, n})
	}
	sort.Slice(r.FalsePositives, func(i, j int) bool {
		a, b := r.FalsePositives[i], r.FalsePositives[j]
		return a.Count > b.Count || a.Count == b.Count && a.Label < b.Label
	})
	return r
}
