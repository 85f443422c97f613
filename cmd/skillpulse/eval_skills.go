package main

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/extract/skilleval"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/load"
	"github.com/skillpulse/skillpulse/internal/shareddata"
)

// dataDir is the shared reference data: --data, else ../shared/data.
func dataDir(cmd *cobra.Command) (string, error) {
	d, _ := cmd.Flags().GetString("data")
	if d == "" {
		d = shareddata.Dir()
	}
	if d == "" {
		return "", fmt.Errorf("shared data not found: pass --data DIR or set %s", shareddata.EnvVar)
	}
	return d, nil
}

func init() {
	registerEval(evalSuite{
		name: "skills",
		help: "skill extraction vs ESCO-linked TECH/HOUSE validation sets (sentence level, micro P/R/F1)",
		run: func(cmd *cobra.Command, out io.Writer) error {
			dir, err := dataDir(cmd)
			if err != nil {
				return err
			}
			start := time.Now()
			tax, err := load.ESCO(filepath.Join(dir, "taxonomy", "esco_v1.1.1", "skills_en.csv"), "")
			if err != nil {
				return err
			}
			x := extract.New(tax)
			build := time.Since(start)
			sents, err := skilleval.Load(filepath.Join(dir, "skill_extraction", "decorte_esco_benchmark"))
			if err != nil {
				return err
			}
			r := skilleval.Score(x, sents)
			fmt.Fprintf(out, "taxonomy   %s %s: %d skills, %d labels (load+build %s)\n", tax.Name, tax.Version, tax.Len(), tax.LabelCount(), build.Round(time.Millisecond))
			fmt.Fprintf(out, "sentences  %d   gold labels %d   predicted %d   correct %d\n", r.Sentences, r.Gold, r.Predicted, r.Correct)
			fmt.Fprintf(out, "precision  %.3f\nrecall     %.3f\nF1         %.3f\n", r.Precision, r.Recall, r.F1)
			if v, _ := cmd.Flags().GetBool("verbose"); v {
				for i, fp := range r.FalsePositives {
					if i == 25 {
						break
					}
					fmt.Fprintf(out, "  false positive %3d× %s\n", fp.Count, fp.Label)
				}
			}
			return nil
		},
	})
}
