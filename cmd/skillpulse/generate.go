package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/internal/progress"
)

func newGenerateCmd() *cobra.Command {
	def := sample.DefaultConfig()
	var (
		cfg            = def
		from, to       string
		out, truthPath string
	)
	cmd := &cobra.Command{
		Use:   "generate",
		Short: "Write deterministic sample job postings as JSON lines",
		Long: `Writes realistic synthetic Canadian job postings (English and French, all
provinces and territories, 50+ NOC 2021 occupations, reposts across boards)
as JSON lines that "skillpulse extract" and the ingest pipeline read. The same
flags always produce byte-identical output. --truth writes, line for line,
what the generator knows about each posting (occupation, province, skills
asked for, which posting a repost duplicates) for evaluation.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if cfg.Start, err = time.Parse(time.DateOnly, from); err != nil {
				return fmt.Errorf("--from: want YYYY-MM-DD: %w", err)
			}
			if cfg.End, err = time.Parse(time.DateOnly, to); err != nil {
				return fmt.Errorf("--to: want YYYY-MM-DD: %w", err)
			}
			w := cmd.OutOrStdout()
			if out != "" && out != "-" {
				f, cerr := os.Create(out)
				if cerr != nil {
					return fmt.Errorf("create output: %w", cerr)
				}
				defer closeInto(f, &err)
				w = f
			}
			var tw io.Writer
			if truthPath != "" {
				f, cerr := os.Create(truthPath)
				if cerr != nil {
					return fmt.Errorf("create truth file: %w", cerr)
				}
				defer closeInto(f, &err)
				tw = f
			}
			start := time.Now()
			tr := startProgress(cmd, "generate", "postings", int64(cfg.Count))
			err = sample.WriteJSONLWithTruth(progress.Writer{W: w, T: tr}, tw, cfg)
			tr.Done()
			if err != nil {
				return fmt.Errorf("generate: %w", err)
			}
			slog.Info("generated sample postings", "count", cfg.Count, "seed", cfg.Seed,
				"took", time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&cfg.Count, "count", def.Count, "number of postings, reposts included")
	f.Int64Var(&cfg.Seed, "seed", def.Seed, "seed; the same seed and flags give the same postings")
	f.StringVar(&from, "from", def.Start.Format(time.DateOnly), "first posting date (YYYY-MM-DD)")
	f.StringVar(&to, "to", def.End.Format(time.DateOnly), "last posting date, inclusive (YYYY-MM-DD)")
	f.Float64Var(&cfg.RepostRate, "repost-rate", def.RepostRate, "share of postings that re-publish an earlier one")
	f.Float64Var(&cfg.SiblingRate, "sibling-rate", def.SiblingRate, "share of postings that are another role at an earlier posting's employer")
	f.StringVar(&truthPath, "truth", "", "also write ground truth as JSON lines to this file")
	f.StringVarP(&out, "output", "o", "", "write postings to this file instead of stdout")
	return cmd
}

// closeInto closes a written file and reports a failed close (a full disk
// often shows up only here) unless an earlier error is already returned.
func closeInto(f *os.File, err *error) {
	if cerr := f.Close(); cerr != nil && *err == nil {
		*err = fmt.Errorf("close %s: %w", f.Name(), cerr)
	}
}

func init() { root.AddCommand(newGenerateCmd()) }
