package main

import (
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/worker/ingest"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
)

func newReplayCmd() *cobra.Command {
	var cfgPath, dlqTopic, topic, group, file, out string
	var brokers, classes []string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "replay",
		Short: "Re-publish dead-lettered postings after a fix (dead-letter topic, or a dead-letter file with --file)",
		Long: `replay sends dead-lettered postings back through the worker once what made
them fail is fixed (an index write block lifted, a mapping corrected,
max_posting_bytes raised).

From Kafka, it reads the dead-letter topic as a consumer group of its own
(default <group_id>-replay) up to the topic's end as of the start, and
re-publishes each entry to the topic it came from, keyed as publish keys
postings. An entry's offset is committed only once its posting is
acknowledged, so a second replay publishes nothing, and an interrupted one
resumes. Entries cut to fit the dead-letter topic (oversized postings)
cannot be replayed: they are skipped and listed.

With --file, it reads a dead-letter file of the embedded default
(data/dead-letter.jsonl) and writes the replayable postings as JSON lines
to stdout or --out, for 'skillpulse run --input'. Move the dead-letter
file aside first: postings that fail again are appended to it.

Re-indexing a posting is harmless: document ids are the postings' own.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			classes = splitClasses(classes)
			if file != "" {
				return replayFile(cmd, file, out, classes, dryRun)
			}
			cfg, err := config.Load(cfgPath)
			if err != nil {
				return err
			}
			if len(brokers) > 0 {
				cfg.Kafka.Brokers = brokers
			}
			if len(cfg.Kafka.Brokers) == 0 {
				return fmt.Errorf("no Kafka brokers: pass --brokers or set SKILLPULSE_KAFKA_BROKERS (or --file for a dead-letter file)")
			}
			rc := kafkaio.ReplayConfig{Brokers: cfg.Kafka.Brokers, DeadLetterTopic: cfg.Kafka.DeadLetterTopic,
				Topic: cfg.Kafka.Topic, GroupID: replayGroup(cfg.Kafka.GroupID, classes), Classes: classes, DryRun: dryRun,
				Log: slog.Default()}
			if dlqTopic != "" {
				rc.DeadLetterTopic = dlqTopic
			}
			if topic != "" {
				rc.Topic = topic
			}
			if group != "" {
				rc.GroupID = group
			}
			return replayKafka(cmd, rc)
		},
	}
	cmd.Flags().StringVar(&cfgPath, "config", "", "YAML config file")
	cmd.Flags().StringSliceVar(&brokers, "brokers", nil, "Kafka brokers (overrides config)")
	cmd.Flags().StringVar(&dlqTopic, "dead-letter-topic", "", "dead-letter topic to replay (default from config: postings-dlq)")
	cmd.Flags().StringVar(&topic, "topic", "", "topic for entries that name no original topic (default from config: postings)")
	cmd.Flags().StringVar(&group, "group", "", "the replay's consumer group (default <group_id>-replay, plus the classes with --class)")
	cmd.Flags().StringSliceVar(&classes, "class", nil, "replay only entries of these error classes (invalid_json, validation, too_large, rejected_by_index)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "list what would be replayed; publish, write and commit nothing")
	cmd.Flags().StringVar(&file, "file", "", "dead-letter file of the embedded default to replay instead of the topic")
	cmd.Flags().StringVar(&out, "out", "", "with --file: write the postings here (default stdout)")
	return cmd
}

func init() { root.AddCommand(newReplayCmd()) }

// replayGroup names the replay's consumer group. A replay limited to some
// classes commits past the entries of the others, so it keeps its own
// position: a later replay of all classes still finds them (and replays
// the limited run's entries again, which is harmless).
func replayGroup(groupID string, classes []string) string {
	g := groupID + "-replay"
	if len(classes) > 0 {
		g += "-" + strings.Join(classes, "+")
	}
	return g
}

// splitClasses sorts and de-duplicates the --class values, so that one
// set of classes always names one group.
func splitClasses(classes []string) []string {
	var out []string
	for _, c := range classes {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func replayKafka(cmd *cobra.Command, rc kafkaio.ReplayConfig) error {
	plan, err := kafkaio.PlanReplay(cmd.Context(), rc)
	if err != nil {
		return err
	}
	rc.Log.Info("replaying dead letters", "dead_letter_topic", rc.DeadLetterTopic, "group", rc.GroupID,
		"pending", plan.Pending, "classes", rc.Classes, "dry_run", rc.DryRun)
	if rc.DryRun {
		rc.Each = listEntry(cmd.OutOrStdout())
	}
	tr := startProgress(cmd, "replay", "dead letters", int64(plan.Pending))
	rc.Progress = tr.Add
	sum, err := kafkaio.Replay(cmd.Context(), rc, plan)
	tr.Done()
	printSummary(cmd.ErrOrStderr(), sum, rc.DeadLetterTopic+" (group "+rc.GroupID+")")
	return err
}

func replayFile(cmd *cobra.Command, file, out string, classes []string, dryRun bool) error {
	in, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("open dead-letter file: %w", err)
	}
	defer in.Close()
	w := cmd.OutOrStdout()
	var each func(ingest.ReplayEntry)
	var outFile *os.File
	switch {
	case dryRun:
		w, each = io.Discard, listEntry(cmd.OutOrStdout())
	case out != "":
		if outFile, err = os.Create(out); err != nil {
			return fmt.Errorf("create %s: %w", out, err)
		}
		defer outFile.Close()
		w = outFile
	}
	tr := startProgress(cmd, "replay", "dead letters", 0)
	progress := func(e ingest.ReplayEntry) {
		tr.Add(1)
		if dryRun && e.Action == ingest.ReplayReplayed {
			e.Action = ingest.ReplayWouldReplay
		}
		if each != nil {
			each(e)
		}
	}
	sum, err := ingest.ReplayFile(file, in, w, classes, progress)
	tr.Done()
	sum.DryRun = dryRun
	if err == nil && outFile != nil {
		if err = outFile.Close(); err != nil {
			err = fmt.Errorf("close %s: %w", out, err)
		}
	}
	printSummary(cmd.ErrOrStderr(), sum, file)
	if err == nil && out != "" && !dryRun && sum.Replayed > 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "next: move %s aside, then skillpulse run --input %s\n", file, out)
	}
	return err
}

// listEntry prints a dry run's entries, one line each.
func listEntry(w io.Writer) func(ingest.ReplayEntry) {
	return func(e ingest.ReplayEntry) {
		line := fmt.Sprintf("%s\t%s\t%s\tfrom %s", e.Action, e.From, e.Class, e.Origin)
		if e.Action == ingest.ReplayWouldReplay && e.Target != "" {
			line += fmt.Sprintf("\tto %s key %q", e.Target, e.Key)
		}
		fmt.Fprintln(w, line)
	}
}

func printSummary(w io.Writer, sum ingest.ReplaySummary, from string) {
	verb := "replayed"
	if sum.DryRun {
		verb = "would replay"
	}
	var byClass []string
	for _, c := range slices.Sorted(maps.Keys(sum.ByClass)) {
		byClass = append(byClass, fmt.Sprintf("%s=%d", c, sum.ByClass[c]))
	}
	fmt.Fprintf(w, "%s %d dead letters from %s", verb, sum.Replayed, from)
	if len(byClass) > 0 {
		fmt.Fprintf(w, " (%s)", strings.Join(byClass, " "))
	}
	fmt.Fprintf(w, "; skipped %d of other classes, %d truncated", sum.SkippedClass, sum.SkippedTruncated)
	if sum.SkippedNotJSONLine > 0 {
		fmt.Fprintf(w, ", %d not one JSON line", sum.SkippedNotJSONLine)
	}
	fmt.Fprintln(w)
	for _, e := range sum.Truncated {
		fmt.Fprintf(w, "  truncated, cannot be replayed: %s (from %s, %s, %d bytes)\n", e.From, e.Origin, e.Class, e.Size)
	}
}
