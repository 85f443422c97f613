package main

import (
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/analyzer/noc"
)

func init() {
	registerEval(evalSuite{
		name: "occupations",
		help: "NOC 2021 coding of noisy held-out titles (NOC index, 1 in 10 by hash) and of OaSIS titles unseen in the index",
		run:  runOccupationsEval,
	})
}

func runOccupationsEval(cmd *cobra.Command, out io.Writer) error {
	dir, err := dataDir(cmd)
	if err != nil {
		return err
	}
	idx, err := noc.LoadIndex(filepath.Join(dir, "occupations", "noc2021_index_cannocdata", "All examples.csv"))
	if err != nil {
		return fmt.Errorf("load NOC title index: %w", err)
	}
	oasis, err := noc.LoadIndex(filepath.Join(dir, "occupations", "oasis_2023", "example-titles_oasis_2023_v1.0.csv"))
	if err != nil {
		return fmt.Errorf("load OaSIS titles: %w", err)
	}
	train, test := noc.HoldOut(idx)
	held := noc.NewCoder(append(noc.BuiltinTitles(), train...), noc.Options{})
	all := append(noc.BuiltinTitles(), idx...)
	unseen := noc.Unseen(all, oasis)

	rows := []struct {
		name  string
		coder *noc.Coder
		cases []noc.Case
	}{
		{"held-out NOC titles, built-in + other 90%", held, test},
		{"held-out NOC titles, built-in only", noc.NewBuiltin(), test},
		{"unseen OaSIS titles, built-in + NOC index", noc.NewCoder(all, noc.Options{}), unseen},
	}
	fmt.Fprintf(out, "NOC index titles %d (train %d, held out %d); OaSIS titles %d (unseen in the index %d); threshold %.2f\n",
		len(idx), len(train), len(test), len(oasis), len(unseen), noc.DefaultThreshold)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "coder\tcases\texact unit group\tmajor group\tcoverage\tprecision\t")
	for _, r := range rows {
		rep := noc.Evaluate(r.coder, r.cases)
		fmt.Fprintf(tw, "%s\t%d\t%.1f%%\t%.1f%%\t%.1f%%\t%.1f%%\t\n", r.name, rep.Cases,
			100*rep.Accuracy, 100*rep.MajorAccuracy, 100*rep.Coverage, 100*rep.Precision)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out, "target: 85% exact unit group, 95% major group (held-out, built-in + other 90%)")
	// How far off the misses are: a reviewer choosing among the candidates
	// the API offers finds the right group this often.
	fmt.Fprintln(out, "held-out, right group among the first candidates (GET /api/v1/occupations/code):")
	for _, n := range []int{1, 2, 3, 5} {
		exact, major := noc.Within(held, test, n)
		fmt.Fprintf(out, "  first %d: unit group %.1f%%, major group %.1f%%\n", n, 100*exact, 100*major)
	}
	if v, _ := cmd.Flags().GetBool("verbose"); v {
		fmt.Fprintln(out, "most frequent miscodings (held-out, built-in + other 90%):")
		for _, c := range noc.Confusions(held, test, 15) {
			want, _ := noc.TitleOf(c.Want)
			got, _ := noc.TitleOf(c.Got)
			fmt.Fprintf(out, "  %3d  %s %s -> %s %s\n", c.Count, c.Want, want, c.Got, got)
		}
	}
	return nil
}
