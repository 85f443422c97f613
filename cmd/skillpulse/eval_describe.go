package main

import (
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"

	"github.com/skillpulse/skillpulse/analyzer/noc"
)

// descriptionFiles are the reference texts the description model learns
// from, relative to the shared data's occupations directory.
var descriptionFiles = [][]string{
	{"noc2021_statcan_esdc", "noc_structure_en.csv"},
	{"oasis_2023", "lead-statement_oasis_2023_v1.0.csv"},
	{"oasis_2023", "main-duties_oasis-2023_v1.0.csv"},
	{"onet_29.2", "Task Statements.txt"},
}

func loadDescriptionTexts(occ string) ([]noc.GroupText, error) {
	var paths []string
	for _, f := range descriptionFiles {
		paths = append(paths, filepath.Join(append([]string{occ}, f...)...))
	}
	texts, err := noc.LoadDescriptions(paths, onetCrosswalks(occ)...)
	if err != nil {
		return nil, fmt.Errorf("load occupation descriptions: %w", err)
	}
	return texts, nil
}

func onetCrosswalks(occ string) []string {
	return []string{filepath.Join(occ, "crosswalks", "noc2021_onet26.csv"),
		filepath.Join(occ, "crosswalks", "bcgov_onet_to_noc2021_mapping_v3.csv")}
}

// describeFolds is how many folds of O*NET occupations the described
// O*NET titles are coded in: each fold by a coder whose description model
// learnt no task statement of that fold's occupations.
const describeFolds = 2

// writeDescriptionRows measures what a description adds, each set coded
// with and without it by the same coder: (a) held-out index titles with a
// qualifier, coded as their head with the qualifier as the description
// (an industry); (b) held-out O*NET titles with their occupation's O*NET
// description, each O*NET fold coded by a coder whose description model
// did not learn that fold's task statements; (c) the noisy held-out
// titles with another broad category's qualifier (a description that
// says nothing of the occupation), which should move them little; (d) and
// (e) the noisy and O*NET held-out titles with a qualifier of another
// held-out title of their unit group (an industry that fits); (f) and (g)
// the same titles with a posting's boilerplate paragraph (benefits,
// equity, how to apply), a body that says nothing of the occupation.
func writeDescriptionRows(out io.Writer, s occupationSets, held, builtin *noc.Coder, build func([]noc.GroupText) *noc.Coder) error {
	type row struct {
		name        string
		with, title noc.Report
		ece         float64 // of the confidence with the description; -1 when not measured
	}
	both := func(name string, c *noc.Coder, cases []noc.Case) row {
		_, ece, _, _ := noc.Reliability(c, cases)
		return row{name, noc.Evaluate(c, cases), noc.Evaluate(c, noc.WithoutDescriptions(cases)), ece}
	}
	rows := []row{
		both("(a) held-out index titles, head + qualifier as industry", held, s.qualified),
		both("(a) the same, built-in titles only (no reference texts)", builtin, s.qualified),
	}
	heldONet := map[string]bool{}
	for _, k := range s.onetTest {
		heldONet[k.Code+"|"+k.Title] = true
	}
	var with, title []noc.Report
	n := 0
	for f := 0; f < describeFolds; f++ {
		var cases []noc.Case
		seen := map[string]bool{}
		for _, k := range s.onetDescribed {
			key := k.Code + "|" + k.Title
			if heldONet[key] && !seen[key] && noc.SourceFold(k.Source, describeFolds) == f {
				seen[key] = true
				cases = append(cases, k.Case)
			}
		}
		c := build(noc.WithoutFold(s.texts, f, describeFolds))
		with = append(with, noc.Evaluate(c, cases))
		title = append(title, noc.Evaluate(c, noc.WithoutDescriptions(cases)))
		n += len(cases)
	}
	rows = append(rows, row{"(b) held-out O*NET titles + their occupation's O*NET description", noc.Merge(with...), noc.Merge(title...), -1})
	rows = append(rows, both("(c) noisy held-out NOC titles + an unrelated qualifier", held, noc.Distracted(s.noisyTest, s.qualified)))
	rows = append(rows, both("(d) noisy held-out NOC titles + a qualifier of their group", held, noc.Related(s.noisyTest, s.qualified)))
	rows = append(rows, both("(e) held-out O*NET titles + a qualifier of their group", held, noc.Related(s.onetTest, s.qualified)))
	rows = append(rows, both("(f) noisy held-out NOC titles + a posting's boilerplate", held, noc.WithBoilerplate(s.noisyTest)))
	rows = append(rows, both("(g) held-out O*NET titles + a posting's boilerplate", held, noc.WithBoilerplate(s.onetTest)))
	fmt.Fprintf(out, "what the description adds (reference texts: %d; (b) in %d folds of O*NET occupations):\n", len(s.texts), describeFolds)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tcases\tunit, title only\tunit, + description\tmajor, title only\tmajor, + description\tcoverage + description\tECE + description\t")
	for _, r := range rows {
		ece := "—"
		if r.ece >= 0 {
			ece = fmt.Sprintf("%.3f", r.ece)
		}
		fmt.Fprintf(tw, "%s\t%d\t%.1f%%\t%.1f%%\t%.1f%%\t%.1f%%\t%.1f%%\t%s\t\n", r.name, r.with.Cases,
			100*r.title.Accuracy, 100*r.with.Accuracy, 100*r.title.MajorAccuracy, 100*r.with.MajorAccuracy, 100*r.with.Coverage, ece)
	}
	return tw.Flush()
}
