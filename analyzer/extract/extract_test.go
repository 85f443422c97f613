package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

var update = flag.Bool("update", false, "rewrite golden files")

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	f, err := os.Open("testdata/taxonomy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tax, err := taxonomy.ParseCustomYAML(f)
	if err != nil {
		t.Fatal(err)
	}
	return New(tax)
}

func extractPosting(t *testing.T, x *Extractor, path string) (string, Result) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := posting.Parse(raw)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	text := textnorm.Clean(p.Description)
	return text, x.Extract(text)
}

// TestGolden pins the full output on hand-written EN and FR postings; the
// targeted tests below say which parts of it matter and why.
func TestGolden(t *testing.T) {
	x := testExtractor(t)
	files, _ := filepath.Glob("testdata/golden/*.json")
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, in := range files {
		if strings.HasSuffix(in, ".golden.json") {
			continue
		}
		t.Run(filepath.Base(in), func(t *testing.T) {
			text, res := extractPosting(t, x, in)
			for _, m := range append(append([]Match{}, res.Skills...), res.Boilerplate...) {
				if text[m.Start:m.End] != m.Text {
					t.Errorf("%s: offsets [%d:%d] give %q, want %q", m.ID, m.Start, m.End, text[m.Start:m.End], m.Text)
				}
			}
			got, _ := json.MarshalIndent(res, "", "  ")
			golden := strings.TrimSuffix(in, ".json") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
				t.Errorf("output differs from %s (go test -update to accept):\n%s", golden, got)
			}
		})
	}
}

func skillSet(ms []Match) map[string]Match {
	out := map[string]Match{}
	for _, m := range ms {
		out[m.ID] = m
	}
	return out
}

func TestRules(t *testing.T) {
	x := testExtractor(t)
	cases := []struct {
		name        string
		text        string
		want        map[string]Requirement // counted skills and their requirement
		absent      []string               // must not be counted
		boilerplate []string               // reported as boilerplate-only
	}{
		{name: "cook gets no React, Go or Excel",
			text:   "Line cook: react quickly, go above and beyond, excel under pressure. Knife skills required.",
			want:   map[string]Requirement{"knife-skills": Required},
			absent: []string{"react", "golang", "ms-excel"}},
		{name: "developer context admits React and Go",
			text: "Backend developer: Go microservices and React frontend.",
			want: map[string]Requirement{"golang": Required, "react": Required}},
		{name: "Excel needs spreadsheet context",
			text: "Build pivot tables in Excel.",
			want: map[string]Requirement{"ms-excel": Required}},
		{name: "a short tool name counts with technical words around it",
			text: "Statistical programming in R for the analytics team.",
			want: map[string]Requirement{"r-lang": Required}},
		{name: "and not without them",
			text:   "Grade R beef and section R of the form.",
			absent: []string{"r-lang"}},
		{name: "tech tokens stay whole",
			text: "C++, C#, Node.js and .NET; not C or Node or NET alone.",
			want: map[string]Requirement{"cpp": Required, "csharp": Required, "nodejs": Required, "dotnet": Required}},
		{name: "plurals and inflections",
			text: "Knowledge of relational database; staff schedules.",
			want: map[string]Requirement{"databases": Required, "scheduling": Required}},
		{name: "longest match wins",
			text: "Health records management experience.",
			want: map[string]Requirement{"records-management": Required}},
		{name: "asset cue scopes to its sentence",
			text: "Medical coding required. Meditech is an asset. Data quality.",
			want: map[string]Requirement{"medical-coding": Required, "meditech": Asset, "data-quality": Required}},
		{name: "nice to have and preferred",
			text: "Nice to have: acute care. Quality assurance preferred.",
			want: map[string]Requirement{"acute-care": Asset, "quality-assurance": Asset}},
		{name: "asset header section",
			text: "Requirements\nteamwork\nAssets\nMeditech\nacute care",
			want: map[string]Requirement{"teamwork": Required, "meditech": Asset, "acute-care": Asset}},
		{name: "French asset cue",
			text: "La codification médicale est requise. La connaissance de la CIM-10-CA constitue un atout.",
			want: map[string]Requirement{"medical-coding": Required, "icd-10-ca": Asset}},
		{name: "boilerplate sections and EEO sentences do not count",
			text:        "Duties\nrecords management\nAbout us\nWe are a leader in acute care.\nWe are an equal opportunity employer and value teamwork.",
			want:        map[string]Requirement{"records-management": Required},
			absent:      []string{"acute-care", "teamwork"},
			boilerplate: []string{"acute-care", "teamwork"}},
		{name: "a skill also in boilerplate still counts from the body",
			text: "Strong communication skills.\nBenefits\nWe value open communication.",
			want: map[string]Requirement{"communication": Required}},
		{name: "French boilerplate",
			text:   "Exigences\nsouci du détail\nAvantages\nEsprit d'équipe et régime de retraite.",
			want:   map[string]Requirement{"attention-to-detail": Required},
			absent: []string{"teamwork"}},
		{name: "accents optional in French",
			text: "Competences en communication, qualite des donnees.",
			want: map[string]Requirement{"communication": Required, "data-quality": Required}},
		{name: "required wins over asset across mentions",
			text: "Meditech is an asset. Daily Meditech use is required.",
			want: map[string]Requirement{"meditech": Required}},
		{name: "a gap joins the words of a label",
			text: "Solving business problems.",
			want: map[string]Requirement{"solve-problems": Required}},
		{name: "a verb governs the head past coordinated modifiers",
			text: "Maintaining build and deployment pipelines.",
			want: map[string]Requirement{"maintain-pipelines": Required}},
		{name: "a conjunct that is a label of its own is no ellipsis",
			text:   "Computer vision and machine learning services.",
			want:   map[string]Requirement{"computer-vision": Required, "machine-learning": Required},
			absent: []string{"computer-machinery"}},
		{name: "a one-word conjunct shares the head",
			text: "Accounts payable and receivable.",
			want: map[string]Requirement{"accounts-payable": Required, "accounts-receivable": Required}},
		{name: "a concept's own name without its qualifier beats another's alternative label",
			text: "Financial technology SaaS.",
			want: map[string]Requirement{"saas": Required}},
		{name: "a field of knowledge named without ESCO's generic head",
			text:   "Experience with cloud and artificial intelligence; mechanical aptitude.",
			want:   map[string]Requirement{"cloud-tech": Required, "ai-principles": Required},
			absent: []string{"mechanical-systems"}},
		{name: "a real label beats a derived one",
			text: "Respond to the alarm.",
			want: map[string]Requirement{"alarm-handling": Required}},
		{name: "others are people",
			text: "Ability to lead and motivate people.",
			want: map[string]Requirement{"lead-others": Required, "motivate-others": Required}},
		{name: "labels never span a clause break",
			text:   "Data, quality and records.",
			absent: []string{"data-quality"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := x.Extract(textnorm.Clean(c.text))
			got := skillSet(res.Skills)
			for id, req := range c.want {
				m, ok := got[id]
				if !ok {
					t.Errorf("missing %s; got %v", id, res.Skills)
					continue
				}
				if m.Requirement != req {
					t.Errorf("%s: requirement %s, want %s", id, m.Requirement, req)
				}
			}
			for _, id := range c.absent {
				if _, ok := got[id]; ok {
					t.Errorf("%s must not be counted: %+v", id, got[id])
				}
			}
			bp := skillSet(res.Boilerplate)
			for _, id := range c.boilerplate {
				if _, ok := bp[id]; !ok {
					t.Errorf("%s should be reported as boilerplate-only; got %v", id, res.Boilerplate)
				}
			}
			if len(c.absent) == 0 && len(c.want) != len(got) {
				t.Errorf("got %d skills %v, want exactly %v", len(got), res.Skills, c.want)
			}
		})
	}
}

func TestTokenizerKeepsTechTokens(t *testing.T) {
	cases := map[string][]string{
		"C++ and C#":            {"C++", "C#"},
		"Node.js/.NET, ASP.NET": {"Node.js", ".NET", "ASP.NET"},
		"end. Next":             {"end", "Next"},
		"d'équipe":              {"équipe"},
		"x == y":                {"x", "y"},
	}
	for in, want := range cases {
		toks := tokenize(in, nil)
		var got []string
		for _, tk := range toks {
			got = append(got, in[tk.start:tk.end])
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("tokenize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStemMeetsInflections(t *testing.T) {
	same := [][2]string{{"databases", "database"}, {"scheduling", "schedule"}, {"scheduled", "schedule"},
		{"programming", "program"}, {"skills", "skill"}, {"processes", "process"}, {"compétences", "competence"},
		{"policies", "policy"}, {"IFRs", "IFR"},
		// Short verbs that drop their e: "make decisions", "making decisions".
		{"making", "make"}, {"moving", "move"}, {"hired", "hire"}, {"giving", "give"}, {"wiped", "wipe"},
		// Prefixes written with or without a hyphen.
		{"co-ordinate", "coordinate"}, {"co-workers", "coworker"}, {"e-mail", "email"}}
	// A four-letter acronym ending in S names something else than the
	// three letters before it: IFRS (financial reporting) is not IFR
	// (flight rules).
	differ := [][2]string{{"analysis", "analyse"}, {"business", "busines"}, {"care", "car"}, {"IFRS", "IFR"}, {"GAAS", "GAA"},
		// Their -ing forms name skills of their own.
		{"typing", "type"}, {"coding", "code"}, {"filing", "file"}, {"wiring", "wire"},
		{"x-ray", "xray"}, {"re-stock", "restock"}}
	h := func(s string) uint64 { return tokenize(s, nil)[0].hash }
	for _, p := range same {
		if h(p[0]) != h(p[1]) {
			t.Errorf("%q and %q should match", p[0], p[1])
		}
	}
	for _, p := range differ {
		if h(p[0]) == h(p[1]) {
			t.Errorf("%q and %q should not match", p[0], p[1])
		}
	}
}

func FuzzExtract(f *testing.F) {
	x := testExtractor(f)
	for _, s := range []string{"C++ .NET Node.js", "Benefits\nteamwork", "é…ﬁ\u00a0#+.", "a.b.c..d++##"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := textnorm.Clean(s)
		res := x.Extract(text)
		for _, m := range append(res.Skills, res.Boilerplate...) {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad span %+v in %q", m, text)
			}
		}
	})
}
