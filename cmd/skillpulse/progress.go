package main

import (
	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/internal/progress"
)

// startProgress reports a command's progress on its stderr: a bar on a
// terminal, log lines otherwise. total is zero when unknown.
func startProgress(cmd *cobra.Command, what, unit string, total int64) *progress.Tracker {
	return progress.Start(what, unit, total, progress.Options{Writer: cmd.ErrOrStderr()})
}
