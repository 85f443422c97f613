package skilllink

import (
	"golang.org/x/sync/errgroup"

	"github.com/skillpulse/skillpulse/analyzer/extract"
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
