package skilllink

import (
	"errors"

	"github.com/skillpulse/skillpulse/analyzer/extract"
)

// NewSemanticScorer is NewScorer with the optional semantic stage: model
// must have been fitted with the semantic features (Model.Semantic), and
// its semantic proposer settings are applied to a copy of sem. Every
// candidate is then scored in full (no per-surface cache: the features
// depend on the sentence), at the cost of encoding each sentence.
func NewSemanticScorer(meta *Meta, model *Model, propose bool, sem *Semantic) (*Scorer, error) {
	if sem == nil || !model.Semantic() {
		return nil, errors.New("semantic scorer: needs the sentence encoder and a model fitted with the semantic features")
	}
	s := NewScorer(meta, model, propose)
	own := *sem
	// The filter may take semantic proposals too (without the lexical
	// ones): the model says what it was fitted with.
	own.ProposeMin, own.ProposeK = model.SemanticMin, model.SemanticK
	s.sem = &own
	return s, nil
}

// rescoreSemantic scores every candidate with the semantic features, as
// `eval --only skills` fits them (skilleval.Candidates): the filter keeps
// each dictionary match that reaches the threshold, propose one
// candidate per concept.
func (s *Scorer) rescoreSemantic(text string, res extract.Result) extract.Result {
	cands := s.meta.Candidates(text, res, s.propose)
	proposals := s.propose || s.sem.ProposeMin > 0
	cands = s.sem.Propose(text, cands)
	xs := s.meta.Vectors(text, cands, s.propose)
	s.sem.Extend(xs, text, cands)
	probs := make([]float64, len(cands))
	for i, c := range cands {
		s.model.SetPrior(xs[i], c.Match.ID)
		probs[i] = s.model.Prob(xs[i])
	}
	if proposals {
		res.Skills = s.keepBest(cands, probs)
		return res
	}
	kept := res.Skills[:0]
	for i, c := range cands {
		if probs[i] >= s.model.Threshold {
			kept = append(kept, c.Match)
		}
	}
	res.Skills = kept
	return res
}
