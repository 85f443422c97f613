package sample

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// generated is one posting as written by WriteJSONLWithTruth and read back.
type generated struct {
	line  []byte
	raw   map[string]any
	p     *posting.Posting
	truth Truth
}

// generateDefault writes the default sample through the public writer and
// parses every line back, failing the test on any line posting.Parse
// rejects.
func generateDefault(t *testing.T) []generated {
	t.Helper()
	return generateParsed(t, DefaultConfig())
}

func generateParsed(t testing.TB, cfg Config) []generated {
	t.Helper()
	var out, truth bytes.Buffer
	if err := WriteJSONLWithTruth(&out, &truth, cfg); err != nil {
		t.Fatalf("WriteJSONLWithTruth: %v", err)
	}
	var gs []generated
	ps := bufio.NewScanner(&out)
	ps.Buffer(nil, 1<<20)
	ts := bufio.NewScanner(&truth)
	ts.Buffer(nil, 1<<20)
	for ps.Scan() {
		if !ts.Scan() {
			t.Fatalf("truth has fewer lines than postings")
		}
		line := append([]byte(nil), ps.Bytes()...)
		p, err := posting.Parse(line)
		if err != nil {
			t.Fatalf("line %d does not parse: %v\n%s", len(gs)+1, err, line)
		}
		g := generated{line: line, p: p}
		if err := json.Unmarshal(line, &g.raw); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(ts.Bytes(), &g.truth); err != nil {
			t.Fatalf("truth line %d: %v", len(gs)+1, err)
		}
		gs = append(gs, g)
	}
	if ts.Scan() {
		t.Fatalf("truth has more lines than postings")
	}
	if len(gs) != cfg.Count {
		t.Fatalf("got %d postings, want %d", len(gs), cfg.Count)
	}
	return gs
}

func TestDefaultSampleRoundTripsThroughParse(t *testing.T) {
	var models []*posting.Posting
	if err := Generate(DefaultConfig(), func(p *posting.Posting) error {
		models = append(models, p)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	gs := generateDefault(t)
	if len(models) != len(gs) {
		t.Fatalf("Generate gave %d postings, WriteJSONL %d", len(models), len(gs))
	}
	for i, m := range models {
		got := gs[i].p
		if got.Key() != m.Key() || got.Title != m.Title || got.Description != m.Description ||
			got.Employer != m.Employer || got.URL != m.URL || got.Language != m.Language {
			t.Fatalf("posting %d changed in the round trip:\nmodel %+v\nparsed %+v", i, m, got)
		}
		if got.Location.String() != m.Location.String() {
			t.Errorf("posting %d location %q, want %q", i, got.Location.String(), m.Location.String())
		}
		if !got.PostedAt.Equal(m.PostedAt) {
			t.Errorf("posting %d posted_at %v, want %v", i, got.PostedAt, m.PostedAt)
		}
		if fmt.Sprint(salaryText(got.Salary)) != fmt.Sprint(salaryText(m.Salary)) {
			t.Errorf("posting %d salary %v, want %v", i, salaryText(got.Salary), salaryText(m.Salary))
		}
		if (got.Occupation == nil) != (m.Occupation == nil) || (m.Occupation != nil && *got.Occupation != *m.Occupation) {
			t.Errorf("posting %d occupation %v, want %v", i, got.Occupation, m.Occupation)
		}
		if gs[i].truth.Key != m.Key() {
			t.Fatalf("truth %d is for %s, posting is %s", i, gs[i].truth.Key, m.Key())
		}
	}
}

func salaryText(s *posting.Salary) string {
	if s == nil {
		return "<nil>"
	}
	if s.Raw != "" {
		return s.Raw
	}
	return fmt.Sprintf("%v-%v %s/%s", *s.Min, *s.Max, s.Currency, s.Period)
}

func TestSameConfigIsByteIdentical(t *testing.T) {
	hash := func(cfg Config) string {
		h := sha256.New()
		if err := WriteJSONLWithTruth(h, h, cfg); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%x", h.Sum(nil))
	}
	cfg := DefaultConfig()
	a, b := hash(cfg), hash(cfg)
	if a != b {
		t.Fatalf("two runs of the same config differ: %s vs %s", a, b)
	}
	cfg.Seed = 2
	if c := hash(cfg); c == a {
		t.Fatalf("seed 2 produced the same output as seed 1")
	}
}

func TestDistribution(t *testing.T) {
	gs := generateDefault(t)
	n := float64(len(gs))
	occs, provs, langs := map[string]int{}, map[string]int{}, map[string]int{}
	var reposts, coded, withSalary, noLocation, frInQCNB int
	for _, g := range gs {
		occs[g.truth.Occupation]++
		provs[g.truth.Province]++
		langs[g.p.Language]++
		if g.truth.OriginalKey != "" {
			reposts++
		}
		if g.p.Occupation != nil {
			coded++
		}
		if g.p.Salary != nil {
			withSalary++
		}
		if g.p.Location == nil {
			noLocation++
		}
		if g.p.Language == "fr" && (g.truth.Province == "QC" || g.truth.Province == "NB") {
			frInQCNB++
		}
	}
	if len(occs) < 40 {
		t.Errorf("%d occupations present, want at least 40", len(occs))
	}
	for _, code := range []string{"12111", "64100", "63200", "65201", "64409", "73300", "31301", "32101", "33102", "42202", "13110", "21232", "72200", "72310"} {
		if occs[code] == 0 {
			t.Errorf("occupation %s missing from the default sample", code)
		}
	}
	// Retail and food service dominate real boards; specialists are rare.
	if occs["64100"] <= occs["12111"]*2 {
		t.Errorf("retail salespersons (%d) should far outnumber health information staff (%d)", occs["64100"], occs["12111"])
	}
	if len(provs) != 13 {
		t.Errorf("provinces present: %v, want all 13", provs)
	}
	if !(provs["ON"] > provs["QC"] && provs["QC"] > provs["BC"] && provs["BC"] > provs["NS"] && provs["NS"] > provs["NU"]) {
		t.Errorf("province counts do not follow population: %v", provs)
	}
	within := func(name string, got, want, tol float64) {
		t.Helper()
		if got < want-tol || got > want+tol {
			t.Errorf("%s = %.3f, want %.2f ± %.2f", name, got, want, tol)
		}
	}
	within("repost rate", float64(reposts)/n, DefaultConfig().RepostRate, 0.03)
	within("share with occupation code", float64(coded)/n, 0.30, 0.05)
	within("share with salary", float64(withSalary)/n, 0.70, 0.05)
	within("share without location", float64(noLocation)/n, 0.05, 0.025)
	within("French share", float64(langs["fr"])/n, 0.22, 0.07)
	if frac := float64(frInQCNB) / float64(langs["fr"]); frac < 0.85 {
		t.Errorf("only %.2f of French postings are in QC or NB", frac)
	}
}

func TestTruthIsConsistent(t *testing.T) {
	gs := generateDefault(t)
	cfg := DefaultConfig()
	byKey := map[string]generated{}
	var siblings, mirrored int
	for i, g := range gs {
		tr := g.truth
		if _, dup := byKey[tr.Key]; dup {
			t.Fatalf("key %s generated twice", tr.Key)
		}
		byKey[tr.Key] = g
		day := g.p.PostedAt.UTC()
		if day.Before(cfg.Start) || !day.Before(cfg.End.AddDate(0, 0, 1)) {
			t.Errorf("posting %d dated %v, outside the configured period", i, g.p.PostedAt)
		}
		if g.p.Occupation != nil && g.p.Occupation.Code != tr.Occupation {
			t.Errorf("posting %d states occupation %s but truth says %s", i, g.p.Occupation.Code, tr.Occupation)
		}
		text := strings.ToLower(html.UnescapeString(g.p.Description))
		for _, s := range append(append([]string(nil), tr.Required...), tr.Assets...) {
			if !strings.Contains(text, strings.ToLower(s)) {
				t.Errorf("posting %d: skill %q is in the truth but not in the description", i, s)
			}
		}
		if len(tr.Required) < 3 {
			t.Errorf("posting %d asks for only %v", i, tr.Required)
		}
		if tr.OriginalKey != "" {
			orig, ok := byKey[tr.OriginalKey]
			if !ok {
				t.Fatalf("posting %d reposts %s, which was not generated before it", i, tr.OriginalKey)
			}
			if orig.truth.OriginalKey != "" {
				t.Errorf("posting %d points at %s, itself a repost", i, tr.OriginalKey)
			}
			if orig.truth.Occupation != tr.Occupation || orig.truth.Language != tr.Language || orig.p.Employer != g.p.Employer {
				t.Errorf("repost %s changed occupation, language or employer of %s", tr.Key, tr.OriginalKey)
			}
			if fmt.Sprint(sorted(orig.truth.Required)) != fmt.Sprint(sorted(tr.Required)) {
				t.Errorf("repost %s asks for %v, original asked for %v", tr.Key, tr.Required, orig.truth.Required)
			}
			if g.p.PostedAt.Before(dayOf(orig.p.PostedAt)) {
				t.Errorf("repost %s dated %v, before its original %v", tr.Key, g.p.PostedAt, orig.p.PostedAt)
			}
			if g.p.ID == orig.p.ID {
				mirrored++
			}
		}
		if tr.SiblingOf != "" {
			siblings++
			base, ok := byKey[tr.SiblingOf]
			if !ok {
				t.Fatalf("posting %d is a sibling of unknown %s", i, tr.SiblingOf)
			}
			if base.p.Employer != g.p.Employer || base.truth.Occupation == tr.Occupation {
				t.Errorf("sibling %s should share %s's employer but not its occupation", tr.Key, tr.SiblingOf)
			}
		}
	}
	if siblings == 0 {
		t.Error("no same-employer, different-role postings")
	}
	if mirrored == 0 {
		t.Error("no repost kept its id on another source")
	}
}

func sorted(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

func TestBoilerplateMentionsSkillWords(t *testing.T) {
	// The extractor must learn to ignore company values: make sure the
	// sample actually contains "communication" outside any requirement.
	found := 0
	for _, g := range generateDefault(t) {
		asked := strings.ToLower(strings.Join(g.truth.Required, " "))
		if !strings.Contains(asked, "communication") && strings.Contains(strings.ToLower(g.p.Description), "communication") {
			found++
		}
	}
	if found < 20 {
		t.Errorf("only %d postings mention communication in boilerplate alone", found)
	}
}

func TestGenerateStopsAtEmitError(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := Generate(DefaultConfig(), func(*posting.Posting) error {
		calls++
		if calls == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 5 {
		t.Fatalf("err %v after %d calls, want the emit error after 5", err, calls)
	}
}

func TestConfigValidate(t *testing.T) {
	good := DefaultConfig()
	tests := []struct {
		name   string
		mutate func(*Config)
		ok     bool
	}{
		{"default", func(*Config) {}, true},
		{"zero count", func(c *Config) { c.Count = 0 }, true},
		{"one day", func(c *Config) { c.End = c.Start }, true},
		{"negative count", func(c *Config) { c.Count = -1 }, false},
		{"end before start", func(c *Config) { c.End = c.Start.AddDate(0, 0, -1) }, false},
		{"no start", func(c *Config) { c.Start = time.Time{} }, false},
		{"repost rate above 1", func(c *Config) { c.RepostRate = 1.5 }, false},
		{"negative sibling rate", func(c *Config) { c.SiblingRate = -0.1 }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := good
			tc.mutate(&c)
			err := c.Validate()
			if (err == nil) != tc.ok {
				t.Fatalf("Validate() = %v, want ok=%v", err, tc.ok)
			}
			if !tc.ok && Generate(c, func(*posting.Posting) error { return nil }) == nil {
				t.Fatal("Generate accepted an invalid config")
			}
		})
	}
}

func TestOneDayPeriodKeepsEveryPostingOnThatDay(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Count = 200
	cfg.End = cfg.Start
	for _, g := range generateParsed(t, cfg) {
		if y, m, d := g.p.PostedAt.UTC().Date(); y != 2023 || m != 1 || d != 1 {
			t.Fatalf("posting %s dated %v, want 2023-01-01", g.p.Key(), g.p.PostedAt)
		}
	}
}
