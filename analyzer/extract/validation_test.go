package extract_test

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// validationCase is one Job Bank–style posting sentence with the built-in
// skills it asks for. Each French sentence has an English equivalent
// (same pair number), so the two languages are scored on the same content.
type validationCase struct {
	Pair   int      `json:"pair"`
	Lang   string   `json:"lang"`
	Text   string   `json:"text"`
	Skills []string `json:"skills"`
}

type prf struct{ gold, predicted, correct int }

func (s prf) precision() float64 { return ratio(s.correct, s.predicted) }
func (s prf) recall() float64    { return ratio(s.correct, s.gold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestFrenchOnParWithEnglish scores the built-in default, micro over
// (sentence, skill), per language, on two sets of French sentences with
// English equivalents: validation_fr_en.jsonl, which built-in labels were
// added from after its first run (a development set: its figures are
// optimistic), and validation_fr_en_heldout.jsonl, written afterwards and
// never tuned on. Thresholds are the figures reached, rounded down;
// French must stay within the slack of English.
func TestFrenchOnParWithEnglish(t *testing.T) {
	tax, err := builtin.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(tax)
	for _, set := range []struct {
		file              string
		minCases          int
		minP, minR, slack float64
	}{
		{"testdata/validation_fr_en.jsonl", 100, devMinPrecision, devMinRecall, 0.05},
		// Held out, French recall lags English by 0.13: French duties are
		// verbs ("surveiller les caméras") where labels are nouns
		// ("surveillance des caméras"), which stemming does not join.
		{"testdata/validation_fr_en_heldout.jsonl", 48, heldoutMinPrecision, heldoutMinRecall, 0.15},
	} {
		t.Run(set.file, func(t *testing.T) {
			scoreSet(t, x, set.file, set.minCases, set.minP, set.minR, set.slack)
		})
	}
}

func scoreSet(t *testing.T, x *extract.Extractor, file string, minCases int, minPrecision, minRecall, slack float64) {
	tax := x.Taxonomy()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	scores := map[string]*prf{"en": {}, "fr": {}}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var c validationCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		n++
		s := scores[c.Lang]
		want := map[string]bool{}
		for _, id := range c.Skills {
			if _, ok := tax.Lookup(id); !ok {
				t.Fatalf("pair %d: unknown skill %q", c.Pair, id)
			}
			want[id] = true
		}
		got := map[string]bool{}
		for _, m := range x.Extract(textnorm.Clean(c.Text)).Skills {
			got[m.ID] = true
		}
		s.gold += len(want)
		s.predicted += len(got)
		var miss, extra []string
		for id := range want {
			if got[id] {
				s.correct++
			} else {
				miss = append(miss, id)
			}
		}
		for id := range got {
			if !want[id] {
				extra = append(extra, id)
			}
		}
		sort.Strings(miss)
		sort.Strings(extra)
		if len(miss)+len(extra) > 0 {
			t.Logf("%s %2d %q: missed %v, extra %v", c.Lang, c.Pair, c.Text, miss, extra)
		}
	}
	if n < minCases {
		t.Fatalf("only %d cases", n)
	}
	for _, lang := range []string{"en", "fr"} {
		s := scores[lang]
		t.Logf("%s: %d gold, %d predicted, %d correct: P %.3f R %.3f", lang, s.gold, s.predicted, s.correct, s.precision(), s.recall())
	}
	en, fr := scores["en"], scores["fr"]
	for lang, s := range scores {
		if s.precision() < minPrecision || s.recall() < minRecall {
			t.Errorf("%s: P %.3f R %.3f, want P ≥ %.2f and R ≥ %.2f", lang, s.precision(), s.recall(), minPrecision, minRecall)
		}
	}
	if fr.recall() < en.recall()-slack || fr.precision() < en.precision()-slack {
		t.Errorf("French P %.3f R %.3f lags English P %.3f R %.3f by more than %.2f", fr.precision(), fr.recall(), en.precision(), en.recall(), slack)
	}
}

const (
	devMinPrecision, devMinRecall         = 0.93, 0.95
	heldoutMinPrecision, heldoutMinRecall = 0.85, 0.60
)
