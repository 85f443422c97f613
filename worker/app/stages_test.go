package app

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/internal/shareddata"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func stagesWith(t *testing.T, cfg config.Config) analyzer.Stages {
	t.Helper()
	st, err := Stages(cfg, quiet)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestStagesLearnConfiguredTitles checks that a title index in the
// configuration reaches the coder the pipeline uses: a title only that
// index has is coded, and the built-in coder leaves it unclassified.
func TestStagesLearnConfiguredTitles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "All examples.csv")
	index := "\ufeffnoc_code,type_english,name_english,type_french,name_french\n" +
		"12111,All examples,zorqlet vupkin,Tous les exemples,vupkineur de zorqlets\n"
	if err := os.WriteFile(path, []byte(index), 0o644); err != nil {
		t.Fatal(err)
	}
	builtin := stagesWith(t, config.Default())
	if got := builtin.Occupations.Code("Zorqlet Vupkin", "", nil); got.Code != "unclassified" {
		t.Fatalf("built-in coder: %+v, want unclassified (the test title must be unknown to it)", got)
	}
	cfg := config.Default()
	cfg.OccupationTitles = []string{path}
	st := stagesWith(t, cfg)
	for _, title := range []string{"Zorqlet Vupkin", "Vupkineur/vupkineuse de zorqlets (H/F)"} {
		if got := st.Occupations.Code(title, "", nil); got.Code != "12111" {
			t.Errorf("Code(%q) with the index configured: %+v, want 12111", title, got)
		}
	}
	// The built-in titles are still learnt.
	if got := st.Occupations.Code("Line cook", "", nil); got.Code != "63200" {
		t.Errorf("Code(Line cook) = %+v, want 63200", got)
	}
}

func TestStagesRejectMissingTitleIndex(t *testing.T) {
	cfg := config.Default()
	cfg.OccupationTitles = []string{filepath.Join(t.TempDir(), "missing.csv")}
	_, err := Stages(cfg, quiet)
	if err == nil || !strings.Contains(err.Error(), "occupation_titles") || !strings.Contains(err.Error(), "missing.csv") {
		t.Fatalf("error %v, want one naming the setting and the file", err)
	}
}

// TestStagesWithSharedIndexes codes titles of the public NOC index and
// OaSIS files that the built-in titles do not cover.
func TestStagesWithSharedIndexes(t *testing.T) {
	cfg := config.Default()
	cfg.OccupationTitles = []string{
		shareddata.Require(t, "occupations", "noc2021_index_cannocdata", "All examples.csv"),
		shareddata.Require(t, "occupations", "oasis_2023", "example-titles_oasis_2023_v1.0.csv"),
	}
	var logged strings.Builder
	st, err := Stages(cfg, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	// Stages discovers the reference files beside the index.
	if !strings.Contains(logged.String(), "Alternate Titles.txt") {
		t.Errorf("no O*NET titles discovered beside the index; log:\n%s", logged.String())
	}
	// The examples stay in 12111 with the full indexes learnt.
	for _, title := range []string{"Sr. Health Records Technician - Night Shift (Full-time)", "Commis à l'archivage médical"} {
		if got := st.Occupations.Code(title, "", nil); got.Code != "12111" {
			t.Errorf("Code(%q) with the shared indexes: %+v, want 12111", title, got)
		}
	}
	builtin := stagesWith(t, config.Default())
	for _, tc := range []struct{ title, want string }{
		{"Centrifuge Operator - Textile Manufacturing", "94130"},
		{"Chicle centrifuge operator - food and beverage processing", "94140"},
	} {
		if got := st.Occupations.Code(tc.title, "", nil); got.Code != tc.want {
			t.Errorf("Code(%q) with the shared indexes: %+v, want %s", tc.title, got, tc.want)
		}
		if got := builtin.Occupations.Code(tc.title, "", nil); got.Code == tc.want && got.Confidence == 1 {
			t.Errorf("Code(%q) built-in: %+v: the title must need the index", tc.title, got)
		}
	}
}

// TestStagesLearnConfiguredDescriptions: with the reference texts
// configured, the coder the pipeline uses decides a generic title by the
// industry beside it, and a description file of an unknown kind is an
// error naming the setting.
func TestStagesLearnConfiguredDescriptions(t *testing.T) {
	occ := func(parts ...string) string {
		return shareddata.Require(t, append([]string{"occupations"}, parts...)...)
	}
	cfg := config.Default()
	cfg.OccupationTitles = []string{occ("noc2021_index_cannocdata", "All examples.csv")}
	cfg.Occupation.Discover = false
	without := stagesWith(t, cfg)
	cfg.Occupation.Crosswalks = []string{occ("crosswalks", "noc2021_onet26.csv"), occ("crosswalks", "bcgov_onet_to_noc2021_mapping_v3.csv")}
	cfg.Occupation.Descriptions = []string{occ("noc2021_statcan_esdc", "noc_structure_en.csv"),
		occ("oasis_2023", "main-duties_oasis-2023_v1.0.csv"), occ("onet_29.2", "Task Statements.txt")}
	st := stagesWith(t, cfg)
	if a, b := without.Occupations.Version(), st.Occupations.Version(); a == b {
		t.Errorf("the description texts do not change the coder's version (%s)", a)
	}
	for _, tc := range []struct{ title, industry, want string }{
		{"Operator", "Sawmills", "94120"},
		{"Manager", "Banking", "10021"},
		{"Line cook", "Software publishers", "63200"},
	} {
		if got := st.Occupations.Candidates(tc.title, tc.industry, 1); len(got) == 0 || got[0].Code != tc.want {
			t.Errorf("%q in %q: %+v, want %s", tc.title, tc.industry, got, tc.want)
		}
	}
	cfg.Occupation.Descriptions = []string{occ("onet_29.2", "Alternate Titles.txt")}
	if _, err := Stages(cfg, quiet); err == nil || !strings.Contains(err.Error(), "occupation.descriptions") {
		t.Errorf("a title file as descriptions: %v, want an error naming occupation.descriptions", err)
	}
}

// TestStagesKnowConfiguredPlaces: a place only a configured list has is
// resolved to its economic region; without the list it counts as its
// province's unspecified share.
func TestStagesKnowConfiguredPlaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "places.txt")
	if err := os.WriteFile(path, []byte("# authored for this test\nNL 1010 120 Zorqlet Harbour\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	builtin := stagesWith(t, config.Default())
	if got := builtin.Places.ResolveText("Zorqlet Harbour, NL"); got.Key() != "NL-unspecified" {
		t.Fatalf("built-in gazetteer: %+v, want NL-unspecified (the place must be unknown to it)", got)
	}
	cfg := config.Default()
	cfg.Places = []string{path}
	st := stagesWith(t, cfg)
	if got := st.Places.ResolveText("Zorqlet Harbour, NL"); got.Code != "1010" {
		t.Errorf("with the list configured: %+v, want 1010", got)
	}
	if got := st.Places.ResolveText("Corner Brook, NL"); got.Code != "1030" {
		t.Errorf("built-in places must stay: %+v", got)
	}
	cfg.Places = []string{filepath.Join(t.TempDir(), "missing.txt")}
	if _, err := Stages(cfg, quiet); err == nil || !strings.Contains(err.Error(), "places") || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing list: %v, want an error naming the setting and the file", err)
	}
}

// TestStagesWithSharedSubdivisions resolves small towns the built-in
// gazetteer leaves out through the public census subdivision table.
func TestStagesWithSharedSubdivisions(t *testing.T) {
	cfg := config.Default()
	cfg.Places = []string{shareddata.Require(t, "geography", "opencivicdata_ca", "ca_census_subdivisions.csv")}
	st := stagesWith(t, cfg)
	builtin := stagesWith(t, config.Default())
	for _, place := range []string{"Trepassey, NL", "Fermeuse, NL"} {
		if got := builtin.Places.ResolveText(place); got.Code != "" {
			t.Fatalf("%s built-in: %+v, want it unknown below the province", place, got)
		}
		if got := st.Places.ResolveText(place); got.Code != "1010" {
			t.Errorf("%s with subdivisions: %+v, want 1010 Avalon Peninsula", place, got)
		}
	}
}

// With an ESCO taxonomy the pipeline's extractor is judged by the learned
// filter, as `skillpulse extract` is: the stored figures are the ones
// the eval measures. skill_scorer: off gives the bare dictionary back.
func TestStagesJudgeESCOMatchesWithTheFilter(t *testing.T) {
	path := shareddata.Require(t, "taxonomy", "esco_v1.1.1", "skills_en.csv")
	texts := []string{
		"We follow agile practices and sprint planning.",
		"You will be responsible for the security of the premises.",
		"Strong problem solving and planning skills; experience with SQL and Excel.",
		"Develop automated software tests and manage quality.",
		"Work in teams, show commitment and solve problems.",
	}
	labels := func(scorer string) string {
		cfg := config.Default()
		cfg.Taxonomy, cfg.SkillScorer = "esco:"+path, scorer
		st := stagesWith(t, cfg)
		var out []string
		for _, text := range texts {
			for _, m := range st.Extractor.Extract(text).Skills {
				out = append(out, m.ID)
			}
		}
		return strings.Join(out, " ")
	}
	filtered, bare := labels(""), labels("off")
	if filtered == bare {
		t.Fatalf("the filter changed nothing on these sentences (%q): is it wired into the pipeline?", filtered)
	}
	if n, m := len(strings.Fields(filtered)), len(strings.Fields(bare)); n == 0 || n >= m+5 {
		t.Errorf("%d skills with the filter, %d without", n, m)
	}
	cfg := config.Default()
	cfg.Taxonomy, cfg.SkillScorer = "esco:"+path, "sometimes"
	if _, err := Stages(cfg, quiet); err == nil || !strings.Contains(err.Error(), "skill_scorer") {
		t.Errorf("an unknown scorer: %v, want an error naming skill_scorer", err)
	}
}

// The learned filter is part of the stored versions: a store built
// without it is not mixed with analyses judged by it.
func TestStagesVersionTheFilter(t *testing.T) {
	path := shareddata.Require(t, "taxonomy", "esco_v1.1.1", "skills_en.csv")
	versions := func(scorer string) analyzer.Versions {
		cfg := config.Default()
		cfg.Taxonomy, cfg.SkillScorer = "esco:"+path, scorer
		return analyzer.StageVersions(stagesWith(t, cfg))
	}
	on, off := versions(""), versions("off")
	if on.Taxonomy == off.Taxonomy || !strings.Contains(on.Taxonomy, "skilllink/filter#") {
		t.Errorf("taxonomy version with the filter %q, without %q", on.Taxonomy, off.Taxonomy)
	}
	if again := versions(""); again != on {
		t.Errorf("same configuration, versions %v then %v", on, again)
	}
}

// TestStagesDiscoverReferenceFiles: given only the NOC index of the public
// reference tree, the occupation settings left unset are filled with the
// O*NET titles, crosswalks and reference texts beside it, as configuring
// them by hand would; settings given are kept.
func TestStagesDiscoverReferenceFiles(t *testing.T) {
	occ := func(parts ...string) string {
		return shareddata.Require(t, append([]string{"occupations"}, parts...)...)
	}
	index := occ("noc2021_index_cannocdata", "All examples.csv")
	got := discoverSources([]string{index}, config.Default().Occupation, quiet)
	if want := occ("onet_29.2", "Alternate Titles.txt"); got.ONetTitles != want {
		t.Errorf("onet_titles %q, want %q", got.ONetTitles, want)
	}
	if want := []string{occ("crosswalks", "noc2021_onet26.csv"), occ("crosswalks", "bcgov_onet_to_noc2021_mapping_v3.csv")}; !slices.Equal(got.Crosswalks, want) {
		t.Errorf("crosswalks %q, want %q", got.Crosswalks, want)
	}
	want := []string{occ("noc2021_statcan_esdc", "noc_structure_en.csv"), occ("oasis_2023", "lead-statement_oasis_2023_v1.0.csv"),
		occ("oasis_2023", "main-duties_oasis-2023_v1.0.csv"), occ("onet_29.2", "Task Statements.txt")}
	if !slices.Equal(got.Descriptions, want) {
		t.Errorf("descriptions %q, want %q", got.Descriptions, want)
	}
	set := config.Default().Occupation
	set.Descriptions = []string{"/elsewhere/noc.json"}
	if kept := discoverSources([]string{index}, set, quiet); !slices.Equal(kept.Descriptions, set.Descriptions) || kept.ONetTitles == "" {
		t.Errorf("configured descriptions %q became %q; the unset O*NET titles must still be found (%q)", set.Descriptions, kept.Descriptions, kept.ONetTitles)
	}
}
