package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"
)

// evalSuite scores one analysis stage against reference data. Suites
// register themselves from their own files so each stage owns its
// evaluation.
type evalSuite struct {
	name string
	help string
	run  func(cmd *cobra.Command, out io.Writer) error
}

var evalSuites = map[string]evalSuite{}

func registerEval(s evalSuite) { evalSuites[s.name] = s }

func newEvalCmd() *cobra.Command {
	var only []string
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score the analysis stages against public reference data (../shared/data)",
		RunE: func(cmd *cobra.Command, args []string) error {
			names := only
			if len(names) == 0 {
				for n := range evalSuites {
					names = append(names, n)
				}
				sort.Strings(names)
			}
			tr := startProgress(cmd, "eval", "suites", int64(len(names)))
			defer tr.Done()
			for _, n := range names {
				s, ok := evalSuites[n]
				if !ok {
					return fmt.Errorf("unknown eval suite %q (have: %s)", n, strings.Join(suiteNames(), ", "))
				}
				fmt.Fprintf(cmd.OutOrStdout(), "== %s: %s\n", s.name, s.help)
				if err := s.run(cmd, cmd.OutOrStdout()); err != nil {
					return fmt.Errorf("eval %s: %w", n, err)
				}
				tr.Add(1)
			}
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&only, "only", nil, "run only these suites (comma-separated)")
	cmd.Flags().BoolP("verbose", "v", false, "show the most frequent errors")
	cmd.Flags().String("train", "", "skills: also fit the learned scorer on all data and write its weights to this file (analyzer/skilllink/weights.json)")
	cmd.Flags().Int("folds", 5, "skills: cross-validation folds for the learned scorer")
	cmd.Flags().Int("repeats", 5, "skills: cross-validation repeated with this many fold assignments, counts summed")
	cmd.Flags().Float64("weak-weight", 0.3, "skills: weight of the weak SkillSpan examples beside the validation candidates (filter mode)")
	cmd.Flags().Float64("min-precision", 0.7, "skills: the scorer's threshold maximizes F1 among those reaching this precision on the sentences it is fitted on (0: F1 alone)")
	cmd.Flags().Float64("prior-strength", 1, "skills: pseudo-count shrinking the per-concept prior learned from the validation candidates (0: no prior)")
	cmd.Flags().String("semantic", "auto", "skills: rows with the optional semantic stage (sentence encoder features): auto (when the model is found), on, off")
	cmd.Flags().Float32("semantic-min", 0.5, "skills: propose + semantic proposes a phrase's nearest concept when their cosine reaches this (0: no semantic proposals, features only)")
	cmd.Flags().Int("semantic-k", 5, "skills: propose + semantic proposes each phrase's this many nearest concepts (those reaching --semantic-min)")
	cmd.Flags().String("semantic-labels", "preferred", "skills: semantic proposals compare phrases with concepts' preferred labels, or all their English labels (preferred and alternative: 97,000 more to embed once)")
	cmd.Flags().Bool("semantic-desc", false, "skills: the semantic sentence features compare a sentence with the concept's label and the first sentence of its description (13,896 more texts to embed once) rather than the label alone")
	cmd.Flags().String("model-dir", "", "skills: sentence encoder directory (default: $SKILLPULSE_MODEL_DIR, else where scripts/fetch-model.sh puts it)")
	cmd.Flags().String("write-calibration", "", "occupations: write the fitted calibrations into this directory (analyzer/noc to regenerate the built-in ones)")
	cmd.Flags().Float64("calibration-mix", 0.3, "occupations: share of the calibration's weight given to the noisy index titles, the rest to the O*NET titles (0: O*NET alone)")
	cmd.Flags().String("write-prior", "", "occupations: write the unit groups' commonness (Job Bank wage regions) into this directory (analyzer/noc to regenerate the built-in one)")
	cmd.Flags().Int("calibration-folds", 5, "occupations: fit the calibration also on out-of-fold scores of the O*NET training titles, in this many folds (0 or 1: on the held-out calibration half alone, 8 times faster)")
	cmd.Flags().Float32("onet-weight", -1, "occupations: weight of the O*NET titles trained on (default: the built-in noc.ONetWeight; 0 leaves them out)")
	cmd.Flags().Float32("description-weight", 0, "occupations: what a description adds to the unit group it resembles most, in title score units (default: the built-in noc.DefaultDescriptionWeight)")
	cmd.PersistentFlags().String("data", "", "shared data directory (default: ../shared/data beside the project, or $SKILLPULSE_SHARED_DATA)")
	return cmd
}

func suiteNames() []string {
	var n []string
	for k := range evalSuites {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

func init() { root.AddCommand(newEvalCmd()) }
