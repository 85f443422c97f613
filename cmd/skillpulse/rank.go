package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer"
	"github.com/skillpulse/skillpulse/indexer/localstore"
	"github.com/skillpulse/skillpulse/worker/app"
)

func newRankCmd() *cobra.Command {
	var occ, region, period, dataDir, cfgPath string
	var top, minCount int
	cmd := &cobra.Command{
		Use:   "rank --occupation NOC [--region R] [--period P] [FILE]",
		Short: "Print an occupation profile as a table (from FILE, or from the local store)",
		Example: `  skillpulse rank --occupation 12111 --region NL --period 2025 postings.jsonl
  skillpulse rank --occupation 63200 --region "Avalon Peninsula" --period recent:20`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rp, err := geo.ParseRegionParam(region)
			if err != nil {
				return fmt.Errorf("--region: %w", err)
			}
			scope, err := rank.ParseScope(scopeCode(rp))
			if err != nil {
				return fmt.Errorf("--region: %w", err)
			}
			per, err := rank.ParsePeriod(period)
			if err != nil {
				return fmt.Errorf("--period: %w", err)
			}
			var reader rank.Reader
			if len(args) == 1 {
				recs, err := recordsFromFile(cmd.Context(), cfgPath, args[0])
				if err != nil {
					return err
				}
				reader = rank.Reader{Store: rank.NewMemory(recs)}
			} else {
				s, err := openStore(dataDir)
				if err != nil {
					return err
				}
				defer s.Close()
				reader = s.Reader()
			}
			known := map[string][]rank.RegionRef{}
			for _, pr := range geo.Provinces() {
				known["CA"] = append(known["CA"], rank.RegionRef{Code: pr.Code, Name: pr.Name})
			}
			for _, er := range geo.Regions() {
				known[er.Province] = append(known[er.Province], rank.RegionRef{Code: er.Code, Name: er.Name})
			}
			p, err := reader.Profile(cmd.Context(), rank.Query{Occupation: occ, Scope: scope, Period: per, TopN: top, MinCount: minCount, KnownRegions: known})
			if err != nil {
				return err
			}
			printProfile(cmd.OutOrStdout(), occ, p, minCount)
			return nil
		},
	}
	cmd.Flags().StringVar(&occ, "occupation", "", "NOC 2021 unit group, e.g. 12111 (required)")
	cmd.Flags().StringVar(&region, "region", "CA", "CA, a province (NL), an economic region (1010 or its name) or NL-unspecified")
	cmd.Flags().StringVar(&period, "period", "2025", "2025, 2025-Q2, 2025-03 or recent:N")
	cmd.Flags().StringVar(&dataDir, "data-dir", "data", "local store to read when no FILE is given")
	cmd.Flags().StringVar(&cfgPath, "config", "", "YAML config file for analyzing FILE: taxonomy, occupation_titles (SKILLPULSE_* environment variables override it)")
	cmd.Flags().IntVar(&top, "top", 10, "how many skills to list")
	cmd.Flags().IntVar(&minCount, "min-count", 5, "suppress figures below this many postings")
	cmd.MarkFlagRequired("occupation")
	return cmd
}

func scopeCode(rp geo.RegionParam) string {
	if rp.Kind == geo.KindCountry {
		return "CA"
	}
	return rp.Code
}

// recordsFromFile analyzes a postings file in memory.
func recordsFromFile(ctx context.Context, cfgPath, path string) ([]rank.Record, error) {
	cfg, err := config.Load(cfgPath)
	if err != nil {
		return nil, err
	}
	st, err := app.Stages(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open input: %w", err)
	}
	defer f.Close()
	p := analyzer.New(st)
	r := posting.Open(path, f)
	var recs []rank.Record
	for ctx.Err() == nil {
		rec, ok, err := r.Next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if rec.Err != nil {
			slog.Warn("invalid posting skipped", "line", rec.Line, "err", rec.Err)
			continue
		}
		recs = append(recs, indexer.ToRecord(p.Analyze(rec.Posting)))
	}
	return recs, ctx.Err()
}

func openStore(dir string) (*localstore.Store, error) {
	s, err := localstore.Open(dir)
	if err != nil {
		return nil, err
	}
	if s.Count() == 0 {
		s.Close()
		return nil, fmt.Errorf("the local store in %s is empty: run `skillpulse run` first, or pass a FILE", dir)
	}
	return s, nil
}
func printProfile(out io.Writer, occ string, p rank.Profile, minCount int) {
	title := app.OccupationTitle(occ)
	fmt.Fprintf(out, "%s (NOC %s) — %s, %s\n", title, occ, p.Scope, p.Period)
	fmt.Fprintf(out, "Job postings: %d", p.Postings)
	if p.From != nil {
		fmt.Fprintf(out, ", collected between %s and %s", p.From.Format("Jan 02, 2006"), p.To.Format("Jan 02, 2006"))
	}
	fmt.Fprintln(out)
	if len(p.Flags) > 0 {
		fmt.Fprintf(out, "Flags: %s\n", strings.Join(p.Flags, ", "))
	}
	if p.Suppressed {
		fmt.Fprintf(out, "Fewer than %d postings: regional shares and skills are withheld.\n", minCount)
		return
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(out, "\nWhere the postings are")
	for _, r := range p.Regions {
		name := r.Name
		if name == "" {
			name = r.Code
		}
		fmt.Fprintf(tw, "  %s\t%d\t%.1f%%\t %s\n", name, r.Count, r.Percent, r.Flag)
	}
	tw.Flush()
	fmt.Fprintln(out, "\nMost frequently sought skills")
	for i, s := range p.TopSkills {
		change := ""
		if s.Change != nil {
			change = fmt.Sprintf("%+.1f pts", *s.Change*100)
		}
		fmt.Fprintf(tw, "  %d.\t%s\t%s\t%.1f%%\t %s\n", i+1, s.Label, s.Type, s.Share*100, change)
	}
	tw.Flush()
	if w := p.Wages; w != nil {
		fmt.Fprintf(out, "\nWages (hourly, %d postings): low $%.2f, median $%.2f, high $%.2f\n", w.Count, w.Low, w.Median, w.High)
	}
}

func init() { root.AddCommand(newRankCmd()) }
