package builtin

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// targetNOC are the unit groups the sample generator draws occupational
// skills for: the 30 with the most postings in Canada plus the seed
// occupation, health information management (12111).
var targetNOC = []string{
	"12111",
	"64100", "63200", "65201", "64409", "73300", "31301", "32101", "33102", "42202", "13110",
	"13100", "12200", "11100", "21232", "21231", "22221", "21222", "22220", "72310", "72200",
	"72401", "72410", "75101", "65310", "64410", "65100", "62010", "60030", "44101", "42201",
}

// alsoTaggedNOC are further high-volume unit groups the taxonomy covers as
// well; the generator may use them, so they get the same floor.
var alsoTaggedNOC = []string{
	"72106", "75110", "14100", "14400", "64401", "33100", "32124", "62020", "65102", "95109", "41221",
}

// typeFloors are the minimum skill counts per type.
var typeFloors = map[taxonomy.Type]int{
	taxonomy.Transversal:   50,
	taxonomy.Software:      150,
	taxonomy.Certification: 40,
	taxonomy.Language:      10,
	taxonomy.Knowledge:     100,
	taxonomy.Skill:         250,
}

// ambiguousWords are everyday English words that are also names of tools
// or languages; as labels they need context words.
var ambiguousWords = set(`go swift react excel access word outlook teams chef puppet shell spring rust ruby
git python java sage oracle epic windows office project visio publisher paint notes pages numbers
slack zoom box drive unity spark hive pig tableau bridge express ember angular vue next flask
docker helm salt jenkins kafka snowflake sketch julia dart scala perl elixir cobol kotlin
paragon square clover toast lightspeed micros aloha kronos workday dayforce jira
confluence trello asana monday notion linux unix android ios terraform ansible redis mongo`)

// genericWords must never be labels: they occur in almost every posting
// without naming any particular skill.
var genericWords = set(`management service services care safety data sales support training cleaning
delivery maintenance quality security design development operations experience work customer
customers team skills responsible driven dynamic dynamique responsable motivation`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func mustLoad(t *testing.T) *taxonomy.Taxonomy {
	t.Helper()
	tax, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return tax
}

func TestLoadIdentityAndSize(t *testing.T) {
	tax := mustLoad(t)
	if tax.Name != Name || tax.Version != Version {
		t.Errorf("identity %s %s, want %s %s", tax.Name, tax.Version, Name, Version)
	}
	if tax.Len() < 800 {
		t.Errorf("%d skills, want ≥ 800", tax.Len())
	}
	again := mustLoad(t)
	if again != tax {
		t.Error("Load parsed the files twice; want the cached taxonomy")
	}
	counts := map[taxonomy.Type]int{}
	for _, e := range tax.Entries {
		counts[e.Type]++
	}
	for typ, floor := range typeFloors {
		if counts[typ] < floor {
			t.Errorf("%d %s skills, want ≥ %d", counts[typ], typ, floor)
		}
	}
	t.Logf("%d skills, %d labels: %v", tax.Len(), tax.LabelCount(), counts)
}

func TestFrenchLabels(t *testing.T) {
	tax := mustLoad(t)
	withFR := map[taxonomy.Type]int{}
	for _, e := range tax.Entries {
		has := false
		for _, l := range e.Labels {
			has = has || l.Lang == "fr"
		}
		if has {
			withFR[e.Type]++
		}
		if !has && (e.Type == taxonomy.Transversal || e.Type == taxonomy.Language || hasNOC(e, "12111")) {
			t.Errorf("%s (%s) has no French label", e.ID, e.Type)
		}
	}
	t.Logf("skills with French labels by type: %v", withFR)
}

func TestNOCTags(t *testing.T) {
	tax := mustLoad(t)
	per := map[string]int{}
	nocCode := regexp.MustCompile(`^[0-9]{5}$`)
	for _, e := range tax.Entries {
		if e.Type == taxonomy.Transversal && len(e.NOC) > 0 {
			t.Errorf("transversal skill %s is tagged %v; transversal skills belong to no occupation", e.ID, e.NOC)
		}
		for _, n := range e.NOC {
			if !nocCode.MatchString(n) {
				t.Errorf("%s: NOC tag %q is not a 5-digit unit group", e.ID, n)
			}
			per[n]++
		}
	}
	for _, n := range append(append([]string{}, targetNOC...), alsoTaggedNOC...) {
		if per[n] < 10 {
			t.Errorf("unit group %s has %d tagged skills, want ≥ 10", n, per[n])
		}
	}
	t.Logf("%d unit groups tagged; 12111 has %d skills", len(per), per["12111"])
}

func hasNOC(e taxonomy.Entry, code string) bool {
	for _, n := range e.NOC {
		if n == code {
			return true
		}
	}
	return false
}

// TestLabelsAreUnambiguous: a surface form naming two skills would make the
// extractor's choice arbitrary. The extractor matches labels whatever their
// language, so an English label of one skill must not be the French label
// of another either; hyphens and spacing are folded as its tokenizer does.
func TestLabelsAreUnambiguous(t *testing.T) {
	tax := mustLoad(t)
	owner := map[string]string{}
	for _, e := range tax.Entries {
		for _, l := range e.Labels {
			k := foldLabel(l.Text)
			if o, ok := owner[k]; ok && o != e.ID {
				t.Errorf("%s label %q names both %s and %s", l.Lang, l.Text, o, e.ID)
			}
			owner[k] = e.ID
		}
	}
}

func foldLabel(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("-", " ", "/", " ", "’", "'").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func TestIDsAreSlugs(t *testing.T) {
	slug := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, e := range mustLoad(t).Entries {
		if !slug.MatchString(e.ID) || len(e.ID) > 40 {
			t.Errorf("id %q is not a short slug", e.ID)
		}
	}
}

func TestLabelHygiene(t *testing.T) {
	for _, e := range mustLoad(t).Entries {
		if len(e.Labels) < 2 {
			t.Errorf("%s has a single label; add synonyms or spelling variants", e.ID)
		}
		for _, l := range e.Labels {
			low := strings.ToLower(l.Text)
			if genericWords[low] {
				t.Errorf("%s: %q is too generic to be a label", e.ID, l.Text)
			}
			if (utf8.RuneCountInString(low) <= 3 || ambiguousWords[low]) && len(e.Context) == 0 {
				t.Errorf("%s: short or ambiguous label %q needs context words", e.ID, l.Text)
			}
			if l.Text != strings.TrimSpace(l.Text) || strings.Contains(l.Text, "  ") {
				t.Errorf("%s: label %q has stray spaces", e.ID, l.Text)
			}
		}
		for _, c := range e.Context {
			if strings.ContainsRune(c, ' ') {
				t.Errorf("%s: context %q must be one word; the extractor matches context word by word", e.ID, c)
			}
		}
	}
}

func TestParseRejectsDuplicateIDsAcrossFiles(t *testing.T) {
	skill := "skills:\n- id: same\n  en: [same skill, same ability]\n"
	fsys := fstest.MapFS{
		"a.yaml": {Data: []byte(skill)},
		"b.yaml": {Data: []byte(skill)},
	}
	_, err := parse(fsys)
	if err == nil || !strings.Contains(err.Error(), `"same"`) || !strings.Contains(err.Error(), "b.yaml") {
		t.Fatalf("parse = %v, want an error naming the skill and the second file", err)
	}
}

func TestParseReportsTheBrokenFile(t *testing.T) {
	fsys := fstest.MapFS{
		"good.yaml":   {Data: []byte("skills:\n- id: ok\n  en: [ok skill, fine skill]\n")},
		"broken.yaml": {Data: []byte("skills:\n- id: x\n  type: nonsense\n  en: [x]\n")},
	}
	_, err := parse(fsys)
	if err == nil || !strings.Contains(err.Error(), "broken.yaml") {
		t.Fatalf("parse = %v, want an error naming broken.yaml", err)
	}
}

func TestParseMergesFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yaml": {Data: []byte("skills:\n- id: one\n  type: software\n  en: [one tool, tool one]\n  noc: ['12111']\n")},
		"b.yaml": {Data: []byte("skills:\n- id: two\n  en: [two skill]\n  fr: [compétence deux]\n")},
	}
	tax, err := parse(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if tax.Len() != 2 || tax.Name != Name || tax.Version != Version {
		t.Fatalf("got %d skills named %s %s", tax.Len(), tax.Name, tax.Version)
	}
	one, ok := tax.Lookup("one")
	if !ok || one.Type != taxonomy.Software || one.Label != "one tool" || len(one.NOC) != 1 {
		t.Errorf("one = %+v", one)
	}
	two, ok := tax.Lookup("two")
	if !ok || len(two.Labels) != 2 || two.Labels[1].Lang != "fr" {
		t.Errorf("two = %+v", two)
	}
}

// BenchmarkParse measures what the first Load costs at start-up.
func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := parse(files); err != nil {
			b.Fatal(err)
		}
	}
}
