package main

import (
	"fmt"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/internal/progress"
	"github.com/skillpulse/skillpulse/worker/app"
	"github.com/skillpulse/skillpulse/worker/reprocess"
)

func newReprocessCmd() *cobra.Command {
	var cfgPath, dataDir string
	var batch int
	cmd := &cobra.Command{
		Use:   "reprocess",
		Short: "Re-analyze the stored postings with the current taxonomy, coder, gazetteer and analyzer versions",
		Long: `A store holds postings of one set of versions (taxonomy, occupation coder,
gazetteer, analyzer), and run refuses a store built with others. reprocess
re-analyzes every stored posting, as it was received, with the versions the
configuration gives now, corrects the aggregates and records the new
versions: the local store in the data directory, or, when
elasticsearch.urls is set, the indices under elasticsearch.index_prefix
(then the cells are rebuilt; stop the workers first).

Duplicates are judged again in posting-date order. Progress is saved with
every batch: an interrupted run, started again, continues where it stopped.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := config.Load(cfgPath)
			if err != nil {
				return err
			}
			if dataDir != "" {
				cfg.DataDir = dataDir
			}
			st, err := app.Reprocess(cmd.Context(), cfg, slog.Default(), reprocess.Options{Batch: batch,
				Progress: progress.Options{Writer: cmd.ErrOrStderr()}})
			if err != nil {
				return err
			}
			if st.UpToDate {
				fmt.Fprintln(cmd.OutOrStdout(), "nothing to reprocess: the store is empty or already holds the current versions")
				return nil
			}
			fmt.Fprintf(cmd.OutOrStdout(), "reprocessed %d postings (%d in this run) in %v\n", st.Postings, st.Reanalyzed, st.Took.Round(1e6))
			return nil
		},
	}
	cmd.Flags().StringVar(&cfgPath, "config", "", "YAML config file (SKILLPULSE_* environment variables override it)")
	cmd.Flags().StringVar(&dataDir, "data-dir", "", "local store directory (default ./data)")
	cmd.Flags().IntVar(&batch, "batch", reprocess.DefaultBatch, "postings per write; an interruption loses at most one batch")
	return cmd
}

func init() { root.AddCommand(newReprocessCmd()) }
