package noc

import (
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/internal/shareddata"
)

// TestBuiltinTitles codes posting-style titles (none of them verbatim
// built-in titles) with the built-in coder alone.
func TestBuiltinTitles(t *testing.T) {
	c := NewBuiltin()
	cases := []struct{ title, want string }{
		{"Sr. Health Records Technician - Night Shift (Full-time)", "12111"},
		{"Commis à l'archivage médical", "12111"},
		{"technicienne en gestion de l'information de santé", "12111"},
		{"Archiviste médical(e) - temps partiel", "12111"},
		{"Medical Records Technician - Part Time", "12111"},
		{"Line Cook - Full Time", "63200"},
		{"Cuisinier(ère) - temps plein", "63200"},
		{"Registered Nurse (RN) - ICU", "31301"},
		{"Registered Nurse, Emergency Department", "31301"},
		{"Infirmier(ère) auxiliaire - CHSLD", "32101"},
		{"RPN - Long Term Care", "32101"},
		{"Préposée aux bénéficiaires - temps plein", "33102"},
		{"AZ Driver - Long Haul", "73300"},
		{"Chauffeur de camion classe 1", "73300"},
		{"School Bus Driver - Casual", "73301"},
		{"Software Developer II", "21232"},
		{"Sr. Software Developer (Java)", "21232"},
		{"Développeur(euse) web", "21234"},
		{"IT Support Tech", "22221"},
		{"Administrative Asst", "13110"},
		{"Adjoint(e) administratif(ve)", "13110"},
		{"Staff Accountant - Toronto, ON", "11100"},
		{"Warehouse Picker/Packer - Day Shift", "75101"},
		{"Forklift Driver", "75101"},
		{"Customer Service Rep - Bilingual", "64409"},
		{"DevOps Engineer", "21231"},
		{"Development and Operations (DevOps) Engineer - Remote", "21231"},
		{"Accounts Payable Clerk", "14200"},
		{"Machine Learning Engineer", "21211"},
		{"UX Designer", "52120"},
		{"Personal Support Worker (PSW)", "33102"},
		{"Serveur/Serveuse", "65200"},
		{"Conseiller(ère) aux ventes", "64100"},
		{"Agent(e) de sécurité", "64410"},
		{"Janitor - Evening Shift", "65312"},
		{"Housekeeping Room Attendant", "65310"},
		{"Early Childhood Educator (ECE) - Full Time", "42202"},
		{"Éducatrice en garderie", "42202"},
		{"Journeyman Electrician - Commercial", "72200"},
		{"Heavy Duty Mechanic - Mining", "72401"},
		{"Medical Office Receptionist", "14101"},
		{"Pharmacien(ne)", "31120"},
		{"Physiotherapist - Outpatient", "31202"},
		{"Farm Worker - Seasonal", "85101"},
	}
	for _, tc := range cases {
		if got := c.Code(tc.title, "", nil); got.Code != tc.want || got.Method != "title" || got.Confidence < DefaultThreshold {
			t.Errorf("Code(%q) = %+v, want %s", tc.title, got, tc.want)
		}
	}
	for _, nonsense := range []string{"xyzzy plugh", "", "!!!", "- Night Shift (Full-time)"} {
		if got := c.Code(nonsense, "", nil); got.Code != Unclassified || got.Method != "unclassified" {
			t.Errorf("Code(%q) = %+v, want unclassified", nonsense, got)
		}
	}
}

func TestSourceCode(t *testing.T) {
	c := NewBuiltin()
	cases := []struct {
		given      posting.OccupationCode
		title      string
		wantCode   string
		wantMethod string
	}{
		{posting.OccupationCode{System: "noc2021", Code: "12111"}, "anything", "12111", "source"},
		{posting.OccupationCode{System: "NOC2021", Code: " 12111 "}, "anything", "12111", "source"},
		{posting.OccupationCode{Code: "31301"}, "Line cook", "31301", "source"},
		// Invalid or foreign codes are ignored and the title is coded.
		{posting.OccupationCode{System: "noc2021", Code: "99999"}, "Line cook", "63200", "title"},
		{posting.OccupationCode{System: "noc2021", Code: "1211"}, "Line cook", "63200", "title"},
		{posting.OccupationCode{System: "onet", Code: "12111"}, "Line cook", "63200", "title"},
	}
	for _, tc := range cases {
		got := c.Code(tc.title, "", &tc.given)
		if got.Code != tc.wantCode || got.Method != tc.wantMethod {
			t.Errorf("given %+v: %+v, want %s by %s", tc.given, got, tc.wantCode, tc.wantMethod)
		}
		if got.Method == "source" && (got.Confidence != 1 || got.Title == "") {
			t.Errorf("given %+v: %+v", tc.given, got)
		}
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
	// on English and French held-out titles (README). The floor guards
	// against regressions until it gets there.
	if full.Accuracy < 0.75 || full.MajorAccuracy < 0.81 || full.Precision < 0.76 || full.Accuracy <= base.Accuracy {
		t.Errorf("exact %.3f, major %.3f, precision %.3f; regression below 0.75 / 0.81 / 0.76",
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

func TestGroupPrefixes(t *testing.T) {
	if BroadCategory("12111") != "1" || MajorGroup("12111") != "12" || SubMajorGroup("12111") != "121" || MinorGroup("12111") != "1211" {
		t.Error("prefixes of 12111")
	}
	if MajorGroup("1") != "" {
		t.Error("a one-digit code has no major group")
	}
}

// TestDescriptionEvidence: a description decides what a generic title
// leaves open, and does not override a specific title.
func TestDescriptionEvidence(t *testing.T) {
	c := NewBuiltin()
	// Health information management is a rare occupation (the prior), so
	// the answer may stay below the threshold: its first candidate is
	// still what the description says, where the title alone says another.
	const records = "Maintain patient health records, medical coding and chart abstraction."
	if got := c.Candidates("Technician", records, 1); len(got) == 0 || got[0].Code != "12111" {
		t.Errorf("generic title with a health records description: %+v", got)
	}
	if got := c.Candidates("Technician", "", 1); len(got) == 0 || got[0].Code == "12111" {
		t.Errorf("generic title alone: %+v, want another group than the description's", got)
	}
	if got := c.Code("Line Cook", "Join our team: customer service, cleaning, dishes, IT support.", nil); got.Code != "63200" {
		t.Errorf("specific title with a distracting description: %+v", got)
	}
}

// TestUnseenOaSISTitles codes OaSIS example titles absent from the NOC
// index (about 150: OaSIS mostly repeats the index) with a coder built
// from the whole NOC index.
func TestUnseenOaSISTitles(t *testing.T) {
	idx, err := LoadIndex(shareddata.Require(t, "occupations", "noc2021_index_cannocdata", "All examples.csv"))
	if err != nil {
		t.Fatal(err)
	}
	oasis, err := LoadIndex(shareddata.Require(t, "occupations", "oasis_2023", "example-titles_oasis_2023_v1.0.csv"))
	if err != nil {
		t.Fatal(err)
	}
	titles := append(BuiltinTitles(), idx...)
	cases := Unseen(titles, oasis)
	r := Evaluate(NewCoder(titles, Options{}), cases)
	t.Logf("unseen OaSIS titles: %s", r)
	if r.Cases < 100 || r.Accuracy < 0.65 {
		t.Errorf("%s", r)
	}
}
