// Command skillpulse turns job postings into labour-market intelligence.
// main only wires: each subcommand lives in its own file and registers
// itself on the root command.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

var root = &cobra.Command{
	Use:   "skillpulse",
	Short: "Labour-market intelligence from job postings",
	Long: `skillpulse reads job postings (files or Kafka), extracts skills against a
taxonomy, codes occupations (NOC 2021) and economic regions, and ranks skill
demand per occupation, region and period.`,
	SilenceUsage:  true,
	SilenceErrors: true,
}

func main() {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo})))
	// SIGTERM/SIGINT cancel the context; long-running commands drain and exit.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "skillpulse:", err)
		os.Exit(1)
	}
}
