package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/semantic"
	"github.com/skillpulse/skillpulse/analyzer/skilllink"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/load"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// extractLine is one line of `skillpulse extract` output.
type extractLine struct {
	ID          string          `json:"id"`
	Skills      []extract.Match `json:"skills"`
	Boilerplate []extract.Match `json:"boilerplate,omitempty"`
	Error       string          `json:"error,omitempty"`
}

func loadTaxonomy(spec string) (*taxonomy.Taxonomy, error) {
	start := time.Now()
	tax, err := load.Spec(spec)
	if err != nil {
		return nil, fmt.Errorf("load taxonomy %q: %w", spec, err)
	}
	slog.Info("taxonomy loaded", "name", tax.Name, "version", tax.Version, "skills", tax.Len(),
		"labels", tax.LabelCount(), "took", time.Since(start).Round(time.Millisecond))
	return tax, nil
}

func newExtractCmd() *cobra.Command {
	var spec string
	var explain, loose bool
	var scorer, semDir string
	cmd := &cobra.Command{
		Use:   "extract [FILE]",
		Short: "Extract skills from postings (JSON lines, CSV or the Job Bank XML feed; stdin when no FILE) as JSON lines",
		Long: `Reads postings and writes one JSON line per posting: its id and the skills it
asks for, each with taxonomy id, preferred label, type, matched text, byte
offsets in the normalized text, and requirement (required or asset).
Invalid postings are reported on stderr and as a line with "error"; they do
not stop the run.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			tax, err := loadTaxonomy(spec)
			if err != nil {
				return err
			}
			start := time.Now()
			var x *extract.Extractor
			var sc *skilllink.Scorer
			if semDir == "" {
				x, sc, err = skilllink.NewExtractor(spec, tax, skilllink.Mode(scorer), loose)
			} else {
				if semDir == "auto" {
					if semDir = semantic.Dir(); semDir == "" {
						return fmt.Errorf("--semantic auto: sentence encoder not found (scripts/fetch-model.sh, or $%s)", semantic.DirEnv)
					}
				}
				x, sc, err = skilllink.NewSemanticExtractor(spec, tax, skilllink.Mode(scorer), loose, semDir)
			}
			if err != nil {
				return err
			}
			slog.Info("extractor built", "scorer", sc != nil, "took", time.Since(start).Round(time.Millisecond))
			in, name, err := openInput(cmd, args)
			if err != nil {
				return err
			}
			defer in.Close()
			tr := startProgress(cmd, "extract", "postings", 0)
			defer tr.Done()
			n, bad, err := runExtract(x, posting.Open(name, in), cmd.OutOrStdout(), explain, func() { tr.Add(1) })
			if err != nil {
				return err
			}
			slog.Info("extract done", "postings", n, "invalid", bad)
			return nil
		},
	}
	cmd.Flags().StringVar(&spec, "taxonomy", "builtin", "taxonomy: builtin | esco:PATH[,FRENCH_PATH] | onet:PATH | custom:PATH")
	cmd.Flags().StringVar(&scorer, "scorer", string(skilllink.DefaultMode), "learned linker for ESCO taxonomies: off | filter (re-decide dictionary matches) | propose (also paraphrases; slower)")
	cmd.Flags().BoolVar(&loose, "loose", skilllink.DefaultLoose, "with the scorer on, also match loose forms of ESCO labels (a skill's object without its verb, words reordered) for it to judge: more recall, less precision, ~15% slower")
	cmd.Flags().StringVar(&semDir, "semantic", "", "optional semantic stage of the scorer (ESCO): the sentence encoder's directory, or auto (where scripts/fetch-model.sh puts it); much slower per posting. Off by default")
	cmd.Flags().BoolVar(&explain, "explain", false, "also list skills found only in boilerplate (not counted)")
	return cmd
}

// runExtract writes one JSON line per record of r. It is the whole
// per-posting path of the command (decode, normalize, extract, encode), so
// BenchmarkExtractCLI measures what a user gets.
// onRecord, when not nil, is called once per record read (progress).
func runExtract(x *extract.Extractor, r *posting.Reader, w io.Writer, explain bool, onRecord func()) (n, bad int, err error) {
	out := bufio.NewWriterSize(w, 64<<10)
	var buf []byte
	for {
		rec, ok, err := r.Next()
		if err != nil {
			return n, bad, err
		}
		if !ok {
			break
		}
		if onRecord != nil {
			onRecord()
		}
		buf = buf[:0]
		if rec.Err != nil {
			bad++
			slog.Warn("invalid posting", "line", rec.Line, "err", rec.Err)
			buf = appendExtractLine(buf, idOf(rec), nil, nil, fmt.Sprintf("line %d: %v", rec.Line, rec.Err))
		} else {
			res := x.ExtractDoc(extract.Doc{Text: textnorm.Clean(rec.Posting.Description),
				Title: textnorm.Clean(rec.Posting.Title), Employer: rec.Posting.Employer})
			var boiler []extract.Match
			if explain {
				boiler = res.Boilerplate
			}
			buf = appendExtractLine(buf, rec.Posting.ID, res.Skills, boiler, "")
			n++
		}
		if _, err := out.Write(buf); err != nil {
			return n, bad, err
		}
	}
	return n, bad, out.Flush()
}

// idOf recovers the id of a rejected record when its JSON still has one.
func idOf(rec posting.Record) string {
	var v struct {
		ID any `json:"id"`
	}
	if json.Unmarshal(rec.Raw, &v) == nil && v.ID != nil {
		return fmt.Sprint(v.ID)
	}
	return ""
}

// openInput opens the file argument, or stdin when there is none or it is "-".
func openInput(cmd *cobra.Command, args []string) (io.ReadCloser, string, error) {
	if len(args) == 0 || args[0] == "-" {
		return io.NopCloser(cmd.InOrStdin()), "stdin", nil
	}
	f, err := os.Open(args[0])
	if err != nil {
		return nil, "", fmt.Errorf("open input: %w", err)
	}
	return f, args[0], nil
}

func init() { root.AddCommand(newExtractCmd()) }
