package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/analyzer/noc"
)

func init() {
	registerEval(evalSuite{
		name: "occupations",
		help: "NOC 2021 coding of held-out, noisy titles from the NOC title index",
		run: func(cmd *cobra.Command, out io.Writer) error {
			dir, err := dataDir(cmd)
			if err != nil {
				return err
			}
			idx, err := noc.LoadIndex(filepath.Join(dir, "occupations", "noc2021_index_cannocdata", "All examples.csv"))
			if err != nil {
				return err
			}
			train, test := noc.HoldOut(idx)
			full := noc.Evaluate(noc.NewCoder(append(noc.BuiltinTitles(), train...), noc.Options{}), test)
			base := noc.Evaluate(noc.NewBuiltin(), test)
			fmt.Fprintf(out, "index titles %d (train %d, held out %d)\n", len(idx), len(train), len(test))
			fmt.Fprintf(out, "built-in + index coder  %s\n", full)
			fmt.Fprintf(out, "built-in only           %s\n", base)
			return nil
		},
	})
}
