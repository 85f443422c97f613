package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
)

func newPublishCmd() *cobra.Command {
	var cfgPath, topic string
	var brokers []string
	var partitions int
	cmd := &cobra.Command{
		Use:     "publish FILE",
		Aliases: []string{"ingest"},
		Short:   "Produce postings from a JSON-lines, CSV or Job Bank XML file onto the Kafka topic (backfills, load tests)",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := config.Load(cfgPath)
			if err != nil {
				return err
			}
			if len(brokers) > 0 {
				cfg.Kafka.Brokers = brokers
			}
			if topic != "" {
				cfg.Kafka.Topic = topic
			}
			if len(cfg.Kafka.Brokers) == 0 {
				return fmt.Errorf("no Kafka brokers: pass --brokers or set SKILLPULSE_KAFKA_BROKERS")
			}
			f, err := os.Open(args[0])
			if err != nil {
				return fmt.Errorf("open input: %w", err)
			}
			defer f.Close()
			if !cmd.Flags().Changed("partitions") {
				partitions = cfg.Kafka.Partitions
			}
			if err := kafkaio.EnsureTopic(cmd.Context(), cfg.Kafka.Brokers, cfg.Kafka.Topic, partitions, cfg.Kafka.ReplicationFactor, nil); err != nil {
				return err
			}
			tr := startProgress(cmd, "publish", "postings", 0)
			n, err := kafkaio.Publish(cmd.Context(), cfg.Kafka.Brokers, cfg.Kafka.Topic, args[0], f, tr.Add)
			tr.Done()
			fmt.Fprintf(cmd.ErrOrStderr(), "published %d postings to %s\n", n, cfg.Kafka.Topic)
			return err
		},
	}
	cmd.Flags().StringVar(&cfgPath, "config", "", "YAML config file")
	cmd.Flags().StringSliceVar(&brokers, "brokers", nil, "Kafka brokers (overrides config)")
	cmd.Flags().StringVar(&topic, "topic", "", "topic (default from config: postings)")
	cmd.Flags().IntVar(&partitions, "partitions", 0, "partitions when the topic has to be created (default from config: kafka.partitions, 4)")
	return cmd
}

func init() { root.AddCommand(newPublishCmd()) }
