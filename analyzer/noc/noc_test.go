package noc

import (
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/internal/shareddata"
)

func TestRequiredTitles(t *testing.T) {
	c := NewBuiltin()
	cases := map[string]string{
		"Sr. Health Records Technician - Night Shift (Full-time)": "12111",
		"Commis à l'archivage médical":                            "12111",
		"technicienne en gestion de l'information de santé":       "12111",
		"Line Cook":                   "63200",
		"Registered Nurse (RN) - ICU": "31301",
		"Préposée aux bénéficiaires - temps plein": "33102",
		"AZ Driver - Long Haul":                    "73300",
		"Software Developer II":                    "21232",
	}
	for title, want := range cases {
		if got := c.Code(title, "", nil); got.Code != want || got.Method != "title" || got.Confidence <= 0 {
			t.Errorf("Code(%q) = %+v, want %s", title, got, want)
		}
	}
	if got := c.Code("xyzzy plugh", "", nil); got.Code != Unclassified {
		t.Errorf("nonsense title coded as %+v", got)
	}
}

func TestSourceCode(t *testing.T) {
	c := NewBuiltin()
	got := c.Code("anything", "", &posting.OccupationCode{System: "noc2021", Code: "12111"})
	if got.Code != "12111" || got.Method != "source" || got.Confidence != 1 || got.Title != "Health information management occupations" {
		t.Errorf("%+v", got)
	}
	got = c.Code("Line cook", "", &posting.OccupationCode{System: "noc2021", Code: "99999"})
	if got.Code != "63200" || got.Method != "title" {
		t.Errorf("an invalid given code must be ignored: %+v", got)
	}
}

// TestBuiltinMatchesStatCan checks all 516 unit groups against the NOC
// 2021 structure file.
func TestBuiltinMatchesStatCan(t *testing.T) {
	path := shareddata.Require(t, "occupations", "noc2021_statcan_esdc", "noc_structure_en.csv")
	titles, err := readStructure(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(titles) != 516 || len(UnitGroups()) != 516 {
		t.Fatalf("%d unit groups in the file, %d built in", len(titles), len(UnitGroups()))
	}
	for code, want := range titles {
		if got, ok := TitleOf(code); !ok || got != want {
			t.Errorf("%s: built in %q, StatCan %q", code, got, want)
		}
	}
}

// TestHeldOutAccuracy codes held-out, noisy titles from the NOC index with
// a coder built from the rest.
func TestHeldOutAccuracy(t *testing.T) {
	path := shareddata.Require(t, "occupations", "noc2021_index_cannocdata", "All examples.csv")
	idx, err := LoadIndex(path)
	if err != nil {
		t.Fatal(err)
	}
	train, test := HoldOut(idx)
	full := Evaluate(NewCoder(append(BuiltinTitles(), train...), Options{}), test)
	base := Evaluate(NewBuiltin(), test)
	t.Logf("index coder:    %s", full)
	t.Logf("built-in only:  %s", base)
	if full.Cases < 300 {
		t.Fatalf("only %d held-out cases", full.Cases)
	}
	// The target is 85% / 95%; this coder reaches about 78% / 84%
	// (README). The floor guards against regressions until it gets there.
	if full.Accuracy < 0.76 || full.MajorAccuracy < 0.82 || full.Precision < 0.78 || full.Accuracy <= base.Accuracy {
		t.Errorf("exact %.3f, major %.3f, precision %.3f; regression below 0.76 / 0.82 / 0.78",
			full.Accuracy, full.MajorAccuracy, full.Precision)
	}
}

// TestConcurrentCoding: the pipeline codes postings from several
// goroutines at once (run with -race to see the data race it guards).
func TestConcurrentCoding(t *testing.T) {
	c := NewBuiltin()
	done := make(chan string)
	for g := 0; g < 8; g++ {
		go func() {
			code := ""
			for i := 0; i < 200; i++ {
				code = c.Code("Préposée aux bénéficiaires - temps plein", "", nil).Code
			}
			done <- code
		}()
	}
	for g := 0; g < 8; g++ {
		if code := <-done; code != "33102" {
			t.Errorf("concurrent coding gave %s", code)
		}
	}
}
