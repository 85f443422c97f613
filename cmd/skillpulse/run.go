package main

import (
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/worker/app"
)

func newRunCmd() *cobra.Command {
	var cfgPath, input, listen, dataDir string
	cmd := &cobra.Command{
		Use:   "run [FILE]",
		Short: "Run the service: embedded default (file → local store → dashboard), or Kafka → Elasticsearch when configured",
		Long: `With no Kafka or Elasticsearch configured, run reads postings from FILE (the
bundled sample when none is given), analyzes them into a local store under
the data directory and serves the dashboard, JSON API and /metrics on
127.0.0.1:8080.

With kafka.brokers and elasticsearch.urls set (config file or
SKILLPULSE_KAFKA_BROKERS / SKILLPULSE_ES_URL), run is a worker of the
consumer group: postings topic → analysis → Elasticsearch, plus the rollup
and retention jobs. SIGTERM drains, commits and exits.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := config.Load(cfgPath)
			if err != nil {
				return err
			}
			if len(args) == 1 {
				cfg.Input = args[0]
			}
			if input != "" {
				cfg.Input = input
			}
			if listen != "" {
				cfg.Listen = listen
			}
			if dataDir != "" {
				cfg.DataDir = dataDir
			}
			log := slog.Default()
			if cfg.Production() {
				return app.RunProduction(cmd.Context(), cfg, log, nil)
			}
			return app.RunEmbedded(cmd.Context(), cfg, log, nil)
		},
	}
	cmd.Flags().StringVar(&cfgPath, "config", "", "YAML config file (SKILLPULSE_* environment variables override it)")
	cmd.Flags().StringVar(&input, "input", "", "postings file for the embedded default (JSON lines, CSV or Job Bank XML)")
	cmd.Flags().StringVar(&listen, "listen", "", "HTTP address (default 127.0.0.1:8080)")
	cmd.Flags().StringVar(&dataDir, "data-dir", "", "local store directory (default ./data)")
	return cmd
}

func init() { root.AddCommand(newRunCmd()) }
