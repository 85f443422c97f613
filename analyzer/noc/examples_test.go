package noc

import (
	"bufio"
	"strings"
	"testing"
)

// authored is one authored line of examples.tsv.
type authored struct {
	line             int
	code, lang, text string
}

// readExamples parses examples.tsv strictly: a malformed line is an
// authoring error the loader would skip in silence.
func readExamples(t *testing.T) []authored {
	t.Helper()
	var out []authored
	sc := bufio.NewScanner(strings.NewReader(examplesTSV))
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 || strings.TrimSpace(f[2]) != f[2] || f[2] == "" {
			t.Errorf("examples.tsv:%d: want code<TAB>lang<TAB>title, got %q", n, sc.Text())
			continue
		}
		out = append(out, authored{n, f[0], f[1], f[2]})
	}
	return out
}

// Every example names a NOC 2021 unit group of unitgroups.tsv, each
// group taught has English and French titles (a group with one language
// only is found by half its users), and a title has one code, written
// and cleaned: a title taught under two groups pulls the coder both ways.
func TestExamplesWellFormed(t *testing.T) {
	seen, cleaned := map[string]authored{}, map[string]authored{}
	langs := map[string]map[string]bool{}
	for _, e := range readExamples(t) {
		if _, ok := TitleOf(e.code); !ok {
			t.Errorf("examples.tsv:%d: %s is no unit group of unitgroups.tsv (%q)", e.line, e.code, e.text)
		}
		if e.lang != "en" && e.lang != "fr" {
			t.Errorf("examples.tsv:%d: language %q, want en or fr", e.line, e.lang)
		}
		if langs[e.code] == nil {
			langs[e.code] = map[string]bool{}
		}
		langs[e.code][e.lang] = true
		key := e.lang + "\t" + strings.ToLower(e.text)
		if p, ok := seen[key]; ok {
			if p.code != e.code {
				t.Errorf("examples.tsv:%d: %q under %s, but line %d has it under %s", e.line, e.text, e.code, p.line, p.code)
			} else {
				t.Errorf("examples.tsv:%d: %q repeats line %d", e.line, e.text, p.line)
			}
			continue
		}
		seen[key] = e
		// The coder sees the cleaned title: "auditeur de nuit" is
		// "auditeur" once the schedule word goes, "lead carpenter" is
		// "carpenter".
		ckey := e.lang + "\t" + cleanTitle(e.text)
		if p, ok := cleaned[ckey]; ok && p.code != e.code {
			t.Errorf("examples.tsv:%d: %q under %s cleans to %q, as line %d %q under %s does", e.line, e.text, e.code, cleanTitle(e.text), p.line, p.text, p.code)
		}
		cleaned[ckey] = e
	}
	if len(langs) < 60 {
		t.Errorf("examples cover %d unit groups, want at least 60", len(langs))
	}
	for code, l := range langs {
		if !l["en"] || !l["fr"] {
			t.Errorf("%s: examples in %v only", code, l)
		}
	}
}

// indexDisagreements are examples whose code the NOC 2021 index
// contradicts on purpose. Keep it tiny: an entry needs a reason the
// index is wrong for NOC 2021, not a preference. Keyed by the example's
// title as examples.tsv writes it; the value is the index's group it
// overrides, so an entry stops excusing anything once the index changes.
var indexDisagreements = map[string]string{}

// An example the NOC 2021 index lists verbatim under one unit group only
// must have that group: this is what caught "bartender" under servers
// (65200; the index has 64301 Bartenders) and "data entry clerk" under
// general office workers (14100; the index has 14111). French names are
// checked against the index's French names, a list of their own per
// group (not translations of the English ones on the same row).
func TestExamplesAgreeWithTheIndex(t *testing.T) {
	idx := loadIndexTB(t)[len(BuiltinTitles()):] // skips (or fails under CI) without the data
	codes := map[string]map[string]bool{}
	for _, ti := range idx {
		k := ti.Lang + "\t" + strings.ToLower(ti.Text)
		if codes[k] == nil {
			codes[k] = map[string]bool{}
		}
		codes[k][ti.Code] = true
	}
	for _, e := range readExamples(t) {
		in := codes[e.lang+"\t"+strings.ToLower(e.text)]
		if len(in) != 1 || in[e.code] {
			continue
		}
		var want string
		for c := range in {
			want = c
		}
		if indexDisagreements[e.text] == want {
			continue
		}
		g, _ := TitleOf(want)
		t.Errorf("examples.tsv:%d: %q under %s, the NOC 2021 index lists it under %s %s only", e.line, e.text, e.code, want, g)
	}
}
