package skilllink

import (
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/extract"
)

// Semantic proposals: every short phrase of a sentence (1 to
// maxSemWords words, starting and ending on a content word, not crossing
// punctuation) is embedded, and the concept nearest to it of all ESCO
// becomes a candidate when their cosine reaches ProposeMin: "teamwork"
// → work in teams, which shares no stem with any of its labels. As with
// the lexical proposals, the learned model decides which stay.

const maxSemWords = 4

type semWord struct {
	stop       bool
	start, end int
}

// SemanticPhrases are the phrases of text[s:e] the semantic proposer
// embeds, as byte ranges of text.
func SemanticPhrases(text string, s, e int) [][2]int {
	var ws []semWord
	var buf []byte
	buf = words(text[s:e], buf, func(h uint64, a, b int) {
		ws = append(ws, semWord{stop: stop[h], start: s + a, end: s + b})
	})
	var out [][2]int
	for i := range ws {
		if ws[i].stop {
			continue
		}
		for j := i; j < len(ws) && j < i+maxSemWords; j++ {
			if j > i && !joinable(text[ws[j-1].end:ws[j].start]) {
				break
			}
			if !ws[j].stop {
				out = append(out, [2]int{ws[i].start, ws[j].end})
			}
		}
	}
	return out
}

// joinable: words separated by spaces, hyphens or slashes belong to one
// phrase; a comma, a bracket or a colon ends it.
func joinable(gap string) bool {
	return strings.Trim(gap, " -/") == ""
}

// SemanticTexts are the phrases Propose embeds for text, to Warm at once.
func (s *Semantic) SemanticTexts(dst []string, text string) []string {
	sentences(text, func(a, b int) {
		for _, p := range SemanticPhrases(text, a, b) {
			dst = append(dst, text[p[0]:p[1]])
		}
	})
	return dst
}

// Propose appends the semantic proposals of every sentence of text to
// cands, leaving out concepts a candidate of the same sentence already
// links.
func (s *Semantic) Propose(text string, cands []Cand) []Cand {
	if s.ProposeMin <= 0 {
		return cands
	}
	sentences(text, func(a, b int) {
		best := map[string]int{} // concept → index in cands of its proposal
		taken := map[string]bool{}
		for _, c := range cands {
			if c.Match.Start >= a && c.Match.End <= b {
				taken[c.Match.ID] = true
			}
		}
		var nb []Neighbour
		spans := SemanticPhrases(text, a, b)
		phrases := make([]string, len(spans))
		for i, p := range spans {
			phrases[i] = text[p[0]:p[1]]
		}
		vecs := s.texts.Batch(phrases)
		for pi, p := range spans {
			phrase, v := phrases[pi], vecs[pi]
			nb = s.NearestK(v, max(s.ProposeK, 1), nb)
			for rank, n := range nb {
				if n.Cos < s.ProposeMin || taken[n.ID] {
					continue
				}
				if j, ok := best[n.ID]; ok && cands[j].semCos >= n.Cos {
					continue
				}
				en, ok := s.tax.Lookup(n.ID)
				if !ok {
					continue
				}
				c := Cand{
					Match: extract.Match{ID: en.ID, Label: en.Label, Type: string(en.Type), Text: phrase, Start: p[0], End: p[1],
						Requirement: extract.Required, Mentions: 1, Taxonomy: s.tax.Name, TaxonomyVersion: s.tax.Version},
					sent: [2]int{a, b}, semCos: n.Cos, semTop: nb[0].Cos, semRank: rank, semVec: v,
				}
				if j, ok := best[n.ID]; ok {
					cands[j] = c
				} else {
					best[n.ID] = len(cands)
					cands = append(cands, c)
				}
			}
		}
	})
	return cands
}
