package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/extract/skilleval"
	"github.com/skillpulse/skillpulse/analyzer/semantic"
	"github.com/skillpulse/skillpulse/analyzer/skilllink"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/load"
	"github.com/skillpulse/skillpulse/internal/shareddata"
)

// dataDir is the shared reference data: --data, else ../shared/data.
func dataDir(cmd *cobra.Command) (string, error) {
	d, _ := cmd.Flags().GetString("data")
	if d == "" {
		d = shareddata.Dir()
	}
	if d == "" {
		return "", fmt.Errorf("shared data not found: pass --data DIR or set %s", shareddata.EnvVar)
	}
	return d, nil
}

func init() {
	registerEval(evalSuite{
		name: "skills",
		help: "skill extraction vs ESCO-linked TECH/HOUSE validation sets (sentence level, micro P/R/F1)",
		run:  runSkillEval,
	})
}

func runSkillEval(cmd *cobra.Command, out io.Writer) error {
	dir, err := dataDir(cmd)
	if err != nil {
		return err
	}
	start := time.Now()
	skills := filepath.Join(dir, "taxonomy", "esco_v1.1.1", "skills_en.csv")
	tax, err := load.ESCO(skills, "")
	if err != nil {
		return err
	}
	x := extract.New(tax)
	x.SetLoose(true) // the scorer judges loose matches; the dictionary row counts them too
	meta, err := skilllink.LoadMeta(skills, tax)
	if err != nil {
		return err
	}
	build := time.Since(start)
	sents, err := skilleval.Load(filepath.Join(dir, "skill_extraction", "decorte_esco_benchmark"))
	if err != nil {
		return err
	}
	spanSents, err := skilleval.LoadSkillSpanSentences(filepath.Join(dir, "skill_extraction", "skillspan"), sents)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "taxonomy   %s %s: %d skills, %d labels (load+build+meta %s)\n", tax.Name, tax.Version, tax.Len(), tax.LabelCount(), build.Round(time.Millisecond))
	weakW, _ := cmd.Flags().GetFloat64("weak-weight")
	folds, _ := cmd.Flags().GetInt("folds")
	repeats, _ := cmd.Flags().GetInt("repeats")
	verbose, _ := cmd.Flags().GetBool("verbose")
	minP, _ := cmd.Flags().GetFloat64("min-precision")
	priorK, _ := cmd.Flags().GetFloat64("prior-strength")
	fmt.Fprintf(out, "sentences  %d validation; %d SkillSpan sentences not in validation for the weak model\n", len(sents), len(spanSents))
	fmt.Fprintf(out, "%-42s %-20s %-20s %-20s\n", "", "TECH P/R/F1", "HOUSE P/R/F1", "micro P/R/F1")
	models := map[string]*skilllink.Model{}
	type breakdown struct {
		name  string
		cands []skilleval.Candidate
		keep  []bool
	}
	var breakdowns []breakdown
	sem, err := evalSemantic(cmd, tax, meta, out)
	if err != nil {
		return err
	}
	type run struct {
		mode skilllink.Mode
		sem  *skilllink.Semantic
	}
	runs := []run{{skilllink.Filter, nil}, {skilllink.Propose, nil}}
	if sem != nil {
		withProp := *sem
		withProp.ProposeMin, _ = cmd.Flags().GetFloat32("semantic-min")
		withProp.ProposeK, _ = cmd.Flags().GetInt("semantic-k")
		runs = append(runs, run{skilllink.Filter, sem}, run{skilllink.Filter, &withProp}, run{skilllink.Propose, &withProp})
	}
	for _, rn := range runs {
		mode := rn.mode
		propose := mode == skilllink.Propose
		label := string(mode)
		if rn.sem != nil {
			label += " + semantic"
			if mode == skilllink.Filter && rn.sem.ProposeMin > 0 {
				label += " proposals"
			}
		}
		candStart, held := time.Now(), 0
		if rn.sem != nil {
			held = rn.sem.TextCount()
		}
		cands := skilleval.Candidates(x, meta, rn.sem, sents, propose)
		candTime := time.Since(candStart)
		// The weak examples serve the filter's fit and the row without
		// validation data; with semantic proposals they would mean
		// encoding the proposals of 5,768 more sentences for that row
		// alone, so propose + semantic goes without it.
		withWeak := !(propose && rn.sem != nil)
		// A model of the weak labels alone never saw a semantic proposal.
		weakRow := withWeak && (rn.sem == nil || rn.sem.ProposeMin == 0)
		var weak []skilllink.Example
		if withWeak {
			weakSem := rn.sem
			if rn.sem != nil && rn.sem.ProposeMin > 0 {
				// The weak labels are for the dictionary's matches.
				noProp := *rn.sem
				noProp.ProposeMin = 0
				weakSem = &noProp
			}
			weak = skilleval.WeakExamples(x, meta, weakSem, spanSents, propose, 1)
		}
		var extra []skilllink.Example
		// Weak span labels say "a skill is here", which nearly every
		// proposal satisfies: in cross-validation they helped the filter
		// and ruined proposals, so only the filter learns from them.
		if weakW > 0 && !propose {
			for _, e := range weak {
				e.Weight = weakW
				extra = append(extra, e)
			}
		}
		dict := make([]bool, len(cands))
		for i, c := range cands {
			dict[i] = c.Dict && !c.Match.Loose // without a scorer the loose pass is off
		}
		fit := skilleval.Fit{L2: 1, MinPrecision: minP, PriorStrength: priorK}
		cv := skilleval.CrossValidate(sents, cands, extra, folds, fit)
		// Repeated with other folds: 178 sentences make one split's
		// figures move by a few points.
		cvCounts := skilleval.BySet(sents, cands, cv, nil)
		// The same decisions without the loose matches: what
		// `extract --loose=false` keeps.
		exactOnly := func(keep []bool) []bool {
			out := make([]bool, len(keep))
			for i := range keep {
				out[i] = keep[i] && !cands[i].Match.Loose
			}
			return out
		}
		cvExact := skilleval.BySet(sents, cands, exactOnly(cv), nil)
		for r := 1; r < repeats; r++ {
			fit.Seed = r
			keep := skilleval.CrossValidate(sents, cands, extra, folds, fit)
			for set, c := range skilleval.BySet(sents, cands, keep, nil) {
				cvCounts[set] = cvCounts[set].Add(c)
			}
			for set, c := range skilleval.BySet(sents, cands, exactOnly(keep), nil) {
				cvExact[set] = cvExact[set].Add(c)
			}
		}
		fit.Seed = 0
		// Without the validation halves at all: weak SkillSpan labels only.
		var noVal []bool
		if weakRow {
			weakModel := skilllink.Train(weak, 1)
			th := skilleval.WeakThreshold(weakModel, weak)
			noVal = make([]bool, len(cands))
			for i, c := range cands {
				noVal[i] = weakModel.Prob(c.X) >= th
			}
		}
		cvName := fmt.Sprintf("%s, %d-fold CV", label, folds)
		if repeats > 1 {
			cvName = fmt.Sprintf("%s, %d-fold CV ×%d", label, folds, repeats)
		}
		// Which of the two `extract` runs by default (skilllink.DefaultLoose).
		withLoose, noLoose := cvName+", loose", cvName+", no loose"
		if mode == skilllink.Filter && rn.sem == nil {
			if skilllink.DefaultLoose {
				withLoose += " (default)"
			} else {
				noLoose += " (default)"
			}
		}
		rows := []struct {
			name   string
			counts map[string]skilleval.Counts
		}{
			{withLoose, cvCounts},
			{noLoose, cvExact},
		}
		if weakRow {
			rows = append(rows, struct {
				name   string
				counts map[string]skilleval.Counts
			}{fmt.Sprintf("%s, no validation data", label), skilleval.BySet(sents, cands, noVal, nil)})
		}
		if mode == skilllink.Filter && rn.sem == nil {
			rows = append(rows[:0:0], append([]struct {
				name   string
				counts map[string]skilleval.Counts
			}{{"dictionary (no scorer)", skilleval.BySet(sents, cands, dict, nil)}}, rows...)...)
			breakdowns = append(breakdowns, breakdown{"dictionary (no scorer)", cands, dict})
		}
		breakdowns = append(breakdowns, breakdown{fmt.Sprintf("%s, %d-fold CV", label, folds), cands, cv})
		for _, r := range rows {
			c := r.counts
			fmt.Fprintf(out, "%-42s %s %s %s\n", r.name, prf(c["tech"]), prf(c["house"]), prf(c[""]))
		}
		if rn.sem != nil {
			// The sentences' candidates and features; texts already in the
			// store cost a lookup, so this is the cost of a repeated run:
			// BenchmarkSemanticSentence measures it without the store.
			fmt.Fprintf(out, "%-42s %s per sentence (candidates and features, %d sentences, texts encoded this run: %d)\n", "", (candTime / time.Duration(len(sents))).Round(time.Microsecond), len(sents), rn.sem.TextCount()-held)
		}
		md := skilleval.FitAll(sents, cands, extra, fit)
		md.Trained = fmt.Sprintf("skillpulse eval --only skills --train, mode %s: logistic regression (L2 1) on %d Decorte TECH+HOUSE validation candidates (and %d SkillSpan weak examples at weight %g), threshold maximizing micro F1 on the validation candidates among those of precision >= %g; concept priors from the validation candidates, pseudo-count %g", mode, len(cands), len(extra), weakW, minP, priorK)
		if rn.sem != nil {
			md.Trained += "; with the semantic features (sentence encoder " + semantic.ModelName + ")"
			md.SemanticMin, md.SemanticK = rn.sem.ProposeMin, rn.sem.ProposeK
			if md.SemanticMin > 0 {
				md.SemanticLabels, _ = cmd.Flags().GetString("semantic-labels")
			}
			// The filter with semantic proposals is a row to compare, not
			// a shipped mode.
			if !(mode == skilllink.Filter && md.SemanticMin > 0) {
				models[string(mode)+"+semantic"] = md
			}
		} else {
			models[string(mode)] = md
		}
	}
	for _, b := range breakdowns {
		cl := skilleval.Classify(tax, sents, b.cands, b.keep)
		fmt.Fprintf(out, "%s — false positives by class:\n", b.name)
		printClasses(out, cl, cl.FalsePositives, verbose)
		fmt.Fprintf(out, "%s — misses by class:\n", b.name)
		printClasses(out, cl, cl.Misses, verbose)
	}
	if train, _ := cmd.Flags().GetString("train"); train != "" {
		b, err := json.MarshalIndent(models, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(train, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("write weights: %w", err)
		}
		fmt.Fprintf(out, "weights    written to %s\n", train)
	}
	return nil
}

// evalSemantic loads the sentence encoder and the concepts' embeddings
// for the semantic rows (nil when --semantic is off, or auto and no model
// is found).
func evalSemantic(cmd *cobra.Command, tax *taxonomy.Taxonomy, meta *skilllink.Meta, out io.Writer) (*skilllink.Semantic, error) {
	mode, _ := cmd.Flags().GetString("semantic")
	dir, _ := cmd.Flags().GetString("model-dir")
	switch mode {
	case "off":
		return nil, nil
	case "auto", "on":
	default:
		return nil, fmt.Errorf("--semantic %q: want auto, on or off", mode)
	}
	if dir == "" {
		dir = semantic.Dir()
	}
	if dir == "" {
		if mode == "on" {
			return nil, fmt.Errorf("--semantic on: sentence encoder not found (run scripts/fetch-model.sh, or pass --model-dir)")
		}
		fmt.Fprintf(out, "semantic   rows skipped: sentence encoder %s not found (scripts/fetch-model.sh)\n", semantic.ModelName)
		return nil, nil
	}
	start := time.Now()
	enc, err := semantic.Load(dir)
	if err != nil {
		return nil, err
	}
	loaded := time.Since(start)
	labels, _ := cmd.Flags().GetString("semantic-labels")
	if labels != "preferred" && labels != "all" {
		return nil, fmt.Errorf("--semantic-labels %q: want preferred or all", labels)
	}
	opt := skilllink.SemanticOptions{AllLabels: labels == "all"}
	if d, _ := cmd.Flags().GetBool("semantic-desc"); d {
		opt.Descriptions = meta.Descriptions()
	}
	sem, err := skilllink.NewSemanticWith(enc, tax, semantic.CacheRoot(), opt)
	if err != nil {
		return nil, err
	}
	built := "from the cache"
	if sem.Encoded > 0 {
		built = fmt.Sprintf("%d encoded in %s on %d cores", sem.Encoded, sem.Built.Round(time.Millisecond), runtime.GOMAXPROCS(0))
	}
	fmt.Fprintf(out, "semantic   %s loaded in %s; concept embeddings %s\n", enc.Name, loaded.Round(time.Millisecond), built)
	return sem, nil
}

func prf(c skilleval.Counts) string {
	return fmt.Sprintf("%.3f %.3f %.3f   ", c.P(), c.R(), c.F1())
}

func printClasses(out io.Writer, b skilleval.Breakdown, m map[string]int, verbose bool) {
	for _, lc := range skilleval.Sorted(m) {
		fmt.Fprintf(out, "  %4d  %s\n", lc.Count, lc.Label)
		if verbose {
			for _, e := range b.Examples[lc.Label] {
				fmt.Fprintf(out, "          %s\n", e)
			}
		}
	}
}
