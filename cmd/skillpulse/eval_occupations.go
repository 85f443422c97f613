package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/analyzer/noc"
)

func init() {
	registerEval(evalSuite{
		name: "occupations",
		help: "NOC 2021 coding of noisy held-out index titles, of held-out O*NET alternate titles through the crosswalks and of OaSIS titles unseen in the index, with a reliability table of the calibrated confidence",
		run:  runOccupationsEval,
	})
}

// occupationSets are the titles of the occupations evaluation.
type occupationSets struct {
	idx, train, onetTrain []noc.Title
	// Each held-out set in a half that fits the calibration and one that
	// measures it.
	noisyCal, noisyTest, onetCal, onetTest, onetMajority, unseen, otherForms []noc.Case
	// The description evaluation's: reference texts, held-out qualified
	// index titles, O*NET titles with their occupation's description.
	texts         []noc.GroupText
	qualified     []noc.Case
	onetDescribed []noc.SourcedCase
}

func loadOccupationSets(dir string) (occupationSets, error) {
	var s occupationSets
	occ := filepath.Join(dir, "occupations")
	idx, err := noc.LoadIndex(filepath.Join(occ, "noc2021_index_cannocdata", "All examples.csv"))
	if err != nil {
		return s, fmt.Errorf("load NOC title index: %w", err)
	}
	oasis, err := noc.LoadIndex(filepath.Join(occ, "oasis_2023", "example-titles_oasis_2023_v1.0.csv"))
	if err != nil {
		return s, fmt.Errorf("load OaSIS titles: %w", err)
	}
	onet, err := noc.LoadONetTitles(filepath.Join(occ, "onet_29.2", "Alternate Titles.txt"),
		filepath.Join(occ, "crosswalks", "noc2021_onet26.csv"),
		filepath.Join(occ, "crosswalks", "bcgov_onet_to_noc2021_mapping_v3.csv"))
	if err != nil {
		return s, fmt.Errorf("load O*NET titles: %w", err)
	}
	train, test := noc.HoldOut(idx)
	s.idx, s.train = idx, train
	s.noisyCal, s.noisyTest = noc.HalveCases(test)
	s.onetTrain, s.onetCal, s.onetTest, s.onetMajority = noc.SplitONet(onet)
	s.unseen = noc.Unseen(append(noc.BuiltinTitles(), idx...), oasis)
	s.otherForms = noc.OtherForms(idx)
	s.qualified = noc.QualifierCases(idx)
	if s.texts, err = loadDescriptionTexts(occ); err != nil {
		return s, err
	}
	s.onetDescribed, err = noc.ONetDescribedCases(filepath.Join(occ, "onet_29.2", "Alternate Titles.txt"),
		filepath.Join(occ, "onet_29.2", "Occupation Data.txt"), onetCrosswalks(occ)...)
	if err != nil {
		return s, fmt.Errorf("load O*NET occupation descriptions: %w", err)
	}
	return s, nil
}

func runOccupationsEval(cmd *cobra.Command, out io.Writer) error {
	dir, err := dataDir(cmd)
	if err != nil {
		return err
	}
	s, err := loadOccupationSets(dir)
	if err != nil {
		return err
	}
	if out, _ := cmd.Flags().GetString("write-prior"); out != "" {
		if err := writePrior(dir, filepath.Join(out, "commonness.tsv")); err != nil {
			return err
		}
	}
	weight, _ := cmd.Flags().GetFloat32("onet-weight")
	if weight < 0 {
		weight = noc.ONetWeight
	}
	trainWith := func(w float32) []noc.Title {
		t := append(noc.BuiltinTitles(), s.train...)
		if w > 0 {
			t = append(t, noc.Weighted(s.onetTrain, w)...)
		}
		return t
	}
	dw, _ := cmd.Flags().GetFloat32("description-weight")
	held := noc.NewCoder(trainWith(weight), noc.Options{Descriptions: s.texts, DescriptionWeight: dw})
	builtin := noc.NewCoder(noc.BuiltinTitles(), noc.Options{})
	// Fit on calibration halves, measure on the test halves. At the same
	// raw score an O*NET title (its code only as good as the crosswalk) is
	// right less often than a noisy index title; real titles lie between
	// (the 0.54 against 0.80 and 0.28 for the coder of then), so
	// the two kinds weigh alike (--calibration-mix).
	cal := s.onetCal
	var o noc.Outcomes
	o.Score(held, cal, 1)
	// Without O*NET titles (weight 0) there are no out-of-fold titles to
	// score: a zero weight would mean full weight to the fold coders.
	if folds, _ := cmd.Flags().GetInt("calibration-folds"); folds > 1 && weight > 0 {
		// Out-of-fold scores of the O*NET titles the coder trains on too.
		o.CrossScore(held, trainWith(0), s.onetTrain, weight, folds)
	}
	if mix, _ := cmd.Flags().GetFloat64("calibration-mix"); mix > 0 && mix < 1 && len(s.noisyCal) > 0 {
		o.Score(held, s.noisyCal, o.Weight()*mix/(1-mix)/float64(len(s.noisyCal)))
	}
	fitted := o.Fit()
	// A coder over the index alone (no O*NET titles configured or found)
	// has never seen any O*NET title: all of them calibrate it, with the
	// noisy index titles at the same share.
	var without *noc.Coder
	fittedOnly := noc.Calibration{}
	if weight > 0 {
		without = noc.NewCoder(trainWith(0), noc.Options{})
		var oo noc.Outcomes
		oo.Score(without, append(append([]noc.Case(nil), cal...), noc.TitleCases(s.onetTrain)...), 1)
		if mix, _ := cmd.Flags().GetFloat64("calibration-mix"); mix > 0 && mix < 1 && len(s.noisyCal) > 0 {
			oo.Score(without, s.noisyCal, oo.Weight()*mix/(1-mix)/float64(len(s.noisyCal)))
		}
		fittedOnly = oo.Fit()
		without.SetCalibration(fittedOnly)
	}
	// The built-in titles alone have too few verbatim hits among the
	// O*NET titles to fit their curve: that coder is fitted on both halves.
	fittedBuiltin := noc.Fit(builtin, append(append([]noc.Case(nil), s.noisyCal...), s.onetCal...))
	if dir, _ := cmd.Flags().GetString("write-calibration"); dir != "" {
		for name, k := range map[string]noc.Calibration{"calibration_index.tsv": fitted, "calibration_builtin.tsv": fittedBuiltin,
			"calibration_index_only.tsv": fittedOnly} {
			if len(k.Model.Raw) == 0 {
				return fmt.Errorf("write calibration %s: not fitted (--onet-weight 0 fits no index-only coder)", name)
			}
			if err := writeCalibration(filepath.Join(dir, name), k); err != nil {
				return err
			}
		}
	}
	held.SetCalibration(fitted)
	builtin.SetCalibration(fittedBuiltin)

	fmt.Fprintf(out, "NOC index titles %d (train %d; noisy held out %d calibration + %d test); O*NET alternate and short titles with one unit group through the crosswalks (or one most of them name) %d train (weight %.2f) + %d calibration + %d test (+ %d where the crosswalks disagree but most name one group); OaSIS titles unseen in the index %d; threshold %.2f\n",
		len(s.idx), len(s.train), len(s.noisyCal), len(s.noisyTest), len(s.onetTrain), weight, len(s.onetCal), len(s.onetTest), len(s.onetMajority), len(s.unseen), noc.DefaultThreshold)
	rows := []struct {
		name  string
		coder *noc.Coder
		cases []noc.Case
	}{
		{"noisy held-out NOC titles", held, s.noisyTest},
		{"held-out O*NET titles (real-looking)", held, s.onetTest},
		{"held-out O*NET titles, crosswalk majority", held, s.onetMajority},
		{"OaSIS titles unseen in the index", held, s.unseen},
		{"held-out NOC titles in their other form (waitress)", held, s.otherForms},
		{"noisy held-out NOC titles, built-in only", builtin, s.noisyTest},
		{"held-out O*NET titles, built-in only", builtin, s.onetTest},
	}
	if without != nil {
		rows = append(rows[:5], append([]struct {
			name  string
			coder *noc.Coder
			cases []noc.Case
		}{
			{"noisy held-out NOC titles, without O*NET", without, s.noisyTest},
			{"held-out O*NET titles, without O*NET", without, s.onetTest},
			{"O*NET crosswalk majority, without O*NET", without, s.onetMajority},
		}, rows[5:]...)...)
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "coder (built-in + 90% index + 80% O*NET unless said)\tcases\texact unit group\tmajor group\tcoverage\tprecision\tECE\tacc @>=0.9\t")
	for _, r := range rows {
		rep := noc.Evaluate(r.coder, r.cases)
		_, ece, acc90, n90 := noc.Reliability(r.coder, r.cases)
		fmt.Fprintf(tw, "%s\t%d\t%.1f%%\t%.1f%%\t%.1f%%\t%.1f%%\t%.3f\t%.3f (%d)\t\n", r.name, rep.Cases,
			100*rep.Accuracy, 100*rep.MajorAccuracy, 100*rep.Coverage, 100*rep.Precision, ece, acc90, n90)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out, "target: 85% exact unit group (noisy held-out); real titles >= 75% unit group, ECE <= 0.05")
	for _, set := range []struct {
		name  string
		cases []noc.Case
	}{{"held-out O*NET titles", s.onetTest}, {"held-out O*NET titles, crosswalk majority", s.onetMajority}, {"noisy held-out NOC titles", s.noisyTest}, {"unseen OaSIS titles", s.unseen}} {
		fmt.Fprintf(out, "reliability, %s (calibration fitted on the other halves):\n", set.name)
		bins, ece, acc90, n90 := noc.Reliability(held, set.cases)
		noc.WriteReliability(out, bins, ece, acc90, n90)
	}
	// How far off the misses are: a reviewer choosing among the candidates
	// the API offers finds the right group this often.
	fmt.Fprintln(out, "right group among the first candidates (GET /api/v1/occupations/code), noisy NOC / O*NET:")
	for _, n := range []int{1, 2, 3, 5} {
		exact, major := noc.Within(held, s.noisyTest, n)
		oe, om := noc.Within(held, s.onetTest, n)
		fmt.Fprintf(out, "  first %d: unit group %.1f%% / %.1f%%, major group %.1f%% / %.1f%%\n", n, 100*exact, 100*oe, 100*major, 100*om)
	}
	if err := writeDescriptionRows(out, s, held, builtin, func(texts []noc.GroupText) *noc.Coder {
		c := noc.NewCoder(trainWith(weight), noc.Options{Descriptions: texts, DescriptionWeight: dw})
		c.SetCalibration(fitted)
		return c
	}); err != nil {
		return err
	}
	if v, _ := cmd.Flags().GetBool("verbose"); v {
		for _, set := range []struct {
			name  string
			cases []noc.Case
		}{{"noisy held-out NOC", s.noisyTest}, {"held-out O*NET", s.onetTest}} {
			fmt.Fprintf(out, "most frequent miscodings (%s):\n", set.name)
			for _, c := range noc.Confusions(held, set.cases, 15) {
				want, _ := noc.TitleOf(c.Want)
				got, _ := noc.TitleOf(c.Got)
				fmt.Fprintf(out, "  %3d  %s %s -> %s %s\n", c.Count, c.Want, want, c.Got, got)
			}
		}
	}
	return nil
}

func writeCalibration(path string, k noc.Calibration) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write calibration: %w", err)
	}
	fmt.Fprintln(f, "# fitted by `skillpulse eval --only occupations --write-calibration DIR`: curve, raw score, probability")
	if err := k.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("write calibration: %w", err)
	}
	return f.Close()
}

// writePrior writes the unit groups' commonness the coder's prior is
// built from (see analyzer/noc/prior.go).
func writePrior(dataDir, path string) error {
	counts, err := noc.WageRegions(filepath.Join(dataDir, "geography", "esdc_wages_by_er_wagecan", "merged_wages_2016_2024_mapped_to_NOC2021.csv"))
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write prior: %w", err)
	}
	if err := noc.WriteCommonness(f, counts); err != nil {
		f.Close()
		return fmt.Errorf("write prior: %w", err)
	}
	return f.Close()
}
