package skilllink

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// Mode says what the scorer does.
type Mode string

// Modes: off; filter (re-decide dictionary matches only); propose
// (filter, and add paraphrase proposals, slower).
const (
	Off     Mode = "off"
	Filter  Mode = "filter"
	Propose Mode = "propose"
)

// ForSpec builds the shipped scorer for a taxonomy spec ("esco:PATH"), or
// returns nil when the taxonomy is not ESCO or mode is Off: the model's
// features are ESCO's (descriptions, reuse levels).
func ForSpec(spec string, tax *taxonomy.Taxonomy, mode Mode) (*Scorer, error) {
	_, path, _ := strings.Cut(strings.TrimSpace(spec), ":")
	if !IsESCO(spec) || mode == Off || mode == "" {
		return nil, nil
	}
	if mode != Filter && mode != Propose {
		return nil, fmt.Errorf("skill scorer mode %q: want off, filter or propose", mode)
	}
	path, _, _ = strings.Cut(path, ",") // "esco:EN,FR": the English files hold the features
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, "skills_en.csv")
	}
	meta, err := LoadMeta(path, tax)
	if err != nil {
		return nil, err
	}
	md, err := DefaultModel(mode)
	if err != nil {
		return nil, err
	}
	return NewScorer(meta, md, mode == Propose), nil
}

// IsESCO says whether a taxonomy spec names ESCO, the only taxonomy the
// scorer has features for.
func IsESCO(spec string) bool {
	kind, _, _ := strings.Cut(strings.TrimSpace(spec), ":")
	return kind == "esco"
}

// DefaultMode is what `skillpulse extract --taxonomy esco:…` uses unless
// told otherwise.
const DefaultMode = Filter

// DefaultLoose says whether the extractor proposes its loose forms of
// ESCO labels to the scorer by default. Off: in cross-validation on the
// validation halves (eval --only skills, 2026-12-07) the filter with them
// reached TECH 0.755/0.434/0.551 and HOUSE 0.671/0.470/0.553 (P/R/F1),
// without them 0.753/0.391/0.515 and 0.715/0.463/0.562. The HOUSE loose
// matches the filter kept were wrong, and precision is the figure that
// must hold first. `extract --loose` turns them on.
const DefaultLoose = false
