package skilleval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/skilllink"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// SpanSentence is one SkillSpan sentence with the byte ranges of its
// annotated skill and knowledge spans.
type SpanSentence struct {
	Text  string
	Spans [][2]int
}

// WeakSplits are the SkillSpan splits weak examples come from. Not
// test.json: Decorte et al. drew their ESCO-linked TECH and HOUSE sets
// (the validation halves here, and the held-out halves a model is judged
// on) from SkillSpan's test split, so its span labels would teach the
// model the held-out sentences.
var WeakSplits = []string{"train.json", "dev.json"}

// LoadSkillSpanSentences reads the WeakSplits of SkillSpan, dropping
// sentences that are also validation sentences (exclude), so a model
// trained on them has never seen a validation sentence.
func LoadSkillSpanSentences(dir string, exclude []Sentence) ([]SpanSentence, error) {
	skip := map[string]bool{}
	for _, s := range exclude {
		skip[normKey(s.Text)] = true
	}
	var out []SpanSentence
	for _, split := range WeakSplits {
		f, err := os.Open(filepath.Join(dir, split))
		if err != nil {
			return nil, fmt.Errorf("open SkillSpan: %w", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var s struct {
				Tokens    []string `json:"tokens"`
				Skill     []string `json:"tags_skill"`
				Knowledge []string `json:"tags_knowledge"`
			}
			if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s: %w", split, err)
			}
			text := strings.Join(s.Tokens, " ")
			if skip[normKey(text)] || textnorm.Clean(text) != text {
				continue
			}
			out = append(out, SpanSentence{Text: text, Spans: spans(s.Tokens, s.Skill, s.Knowledge)})
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", split, err)
		}
	}
	return out, nil
}

func normKey(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// spans turns BIO tags into byte ranges of the space-joined tokens.
func spans(toks []string, tagSets ...[]string) [][2]int {
	off := make([]int, len(toks)+1)
	for i, t := range toks {
		off[i+1] = off[i] + len(t) + 1
	}
	var out [][2]int
	for _, tags := range tagSets {
		start := -1
		for i := 0; i <= len(toks); i++ {
			tag := "O"
			if i < len(tags) && i < len(toks) {
				tag = tags[i]
			}
			if start >= 0 && tag != "I" {
				out = append(out, [2]int{off[start], off[i] - 1})
				start = -1
			}
			if tag == "B" {
				start = i
			}
		}
	}
	return out
}

// WeakExamples labels the dictionary matches on SkillSpan sentences: a
// match overlapping an annotated span is a (weak) positive, one outside
// every span a negative. It says "is a skill here", not "is it the right
// concept", so it is weighted by weight. sem as in Candidates.
func WeakExamples(x *extract.Extractor, meta *skilllink.Meta, sem *skilllink.Semantic, sents []SpanSentence, propose bool, weight float64) []skilllink.Example {
	var out []skilllink.Example
	texts := make([]string, len(sents))
	all := make([][]skilllink.Cand, len(sents))
	for i, s := range sents {
		texts[i] = s.Text
		all[i] = meta.Candidates(s.Text, x.Extract(s.Text), propose)
	}
	warm(sem, texts, all)
	for i, s := range sents {
		cs := all[i]
		xs := meta.Vectors(s.Text, cs, propose)
		if sem != nil {
			sem.Extend(xs, s.Text, cs)
		}
		for k, c := range cs {
			if c.Match.Loose {
				// "A skill is here" says nothing of which concept: nearly
				// every loose match of a span would be taught right.
				continue
			}
			y := false
			for _, sp := range s.Spans {
				if c.Match.Start < sp[1] && sp[0] < c.Match.End {
					y = true
					break
				}
			}
			out = append(out, skilllink.Example{X: xs[k], Y: y, Weight: weight})
		}
	}
	return out
}
