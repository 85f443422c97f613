package skilllink

import (
	"fmt"

	"golang.org/x/sync/errgroup"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/semantic"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// NewExtractor builds the extractor for tax with the scorer spec and mode
// ask for (ForSpec), proposing loose matches to it unless loose is false.
// The dictionary index (and its loose table) and the scorer's ESCO
// features are independent, so they are built side by side: on two cores
// a scorer's start-up costs the slower of the two, not their sum. The
// extractor is the same as one built step by step.
func NewExtractor(spec string, tax *taxonomy.Taxonomy, mode Mode, loose bool) (*extract.Extractor, *Scorer, error) {
	var x *extract.Extractor
	var sc *Scorer
	var g errgroup.Group
	g.Go(func() error {
		x = extract.New(tax)
		if loose && mode != Off && IsESCO(spec) {
			x.SetLoose(true) // the loose table, built once, while the features load
		}
		return nil
	})
	g.Go(func() error {
		var err error
		sc, err = ForSpec(spec, tax, mode)
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	if sc != nil {
		sc.SetLoose(loose)
		x.SetRescorer(sc)
	}
	return x, sc, nil
}

// NewSemanticExtractor is NewExtractor with the optional semantic stage:
// the sentence encoder in modelDir (scripts/fetch-model.sh) and the
// shipped "<mode>+semantic" weights. Concept embeddings are read from
// (or, the first time, written to) semantic.CacheRoot().
func NewSemanticExtractor(spec string, tax *taxonomy.Taxonomy, mode Mode, loose bool, modelDir string) (*extract.Extractor, *Scorer, error) {
	if !IsESCO(spec) || (mode != Filter && mode != Propose) {
		return nil, nil, fmt.Errorf("semantic stage: needs an ESCO taxonomy and scorer mode filter or propose (have %q, %q)", spec, mode)
	}
	md, err := DefaultModel(mode + "+semantic")
	if err != nil {
		return nil, nil, err
	}
	enc, err := semantic.Load(modelDir)
	if err != nil {
		return nil, nil, err
	}
	sem, err := NewSemanticWith(enc, tax, semantic.CacheRoot(), SemanticOptions{AllLabels: md.SemanticLabels == "all", TextsInMemory: true})
	if err != nil {
		return nil, nil, err
	}
	x, plain, err := NewExtractor(spec, tax, mode, loose)
	if err != nil {
		return nil, nil, err
	}
	sc, err := NewSemanticScorer(plain.meta, md, mode == Propose, sem)
	if err != nil {
		return nil, nil, err
	}
	sc.SetLoose(loose)
	x.SetRescorer(sc)
	return x, sc, nil
}
