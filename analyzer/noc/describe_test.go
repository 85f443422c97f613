package noc

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/skillpulse/skillpulse/internal/shareddata"
)

func occupationsFile(tb testing.TB, parts ...string) string {
	return shareddata.Require(tb, append([]string{"occupations"}, parts...)...)
}

func loadDescriptionsTB(tb testing.TB) []GroupText {
	texts, err := LoadDescriptions([]string{
		occupationsFile(tb, "noc2021_statcan_esdc", "noc_structure_en.csv"),
		occupationsFile(tb, "noc2021_sagunji", "noc.json"),
		occupationsFile(tb, "oasis_2023", "lead-statement_oasis_2023_v1.0.csv"),
		occupationsFile(tb, "oasis_2023", "main-duties_oasis-2023_v1.0.csv"),
		occupationsFile(tb, "onet_29.2", "Task Statements.txt"),
	}, occupationsFile(tb, "crosswalks", "noc2021_onet26.csv"), occupationsFile(tb, "crosswalks", "bcgov_onet_to_noc2021_mapping_v3.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	return texts
}

var (
	referenceCoderOnce sync.Once
	referenceCoder     *Coder
)

// referenceCoderTB is the coder the worker builds from the reference
// data: built-in titles, the NOC index, down-weighted O*NET titles and
// the description texts.
func referenceCoderTB(tb testing.TB) *Coder {
	titles := loadIndexTB(tb) // skips (or fails under CI) without the data
	referenceCoderOnce.Do(func() {
		onet, err := LoadONetTitles(occupationsFile(tb, "onet_29.2", "Alternate Titles.txt"),
			occupationsFile(tb, "crosswalks", "noc2021_onet26.csv"), occupationsFile(tb, "crosswalks", "bcgov_onet_to_noc2021_mapping_v3.csv"))
		if err != nil {
			tb.Fatal(err)
		}
		referenceCoder = NewCoder(append(titles, Weighted(onet, ONetWeight)...), Options{Descriptions: loadDescriptionsTB(tb)})
	})
	if referenceCoder == nil {
		tb.Fatal("the reference coder could not be built")
	}
	return referenceCoder
}

// A generic title is decided by the industry a person reports beside it
// (Statistics Canada industry names), and a specific title keeps its
// group whatever the industry. Cases the coder misses are listed apart:
// they document what the description model does not yet do.
func TestGenericTitleTakesTheIndustry(t *testing.T) {
	c := referenceCoderTB(t)
	for _, tc := range []struct{ title, industry, want string }{
		// Generic titles, decided by the industry.
		{"Manager", "Retail trade", "60020"},
		{"Manager", "Banking", "10021"},
		{"Owner", "Full-service restaurants", "60030"},
		{"Driver", "Truck transportation", "73300"},
		{"Operator", "Sawmills", "94120"},
		{"Assistant", "Offices of dentists", "33100"},
		{"Clerk", "Grocery stores", "65102"},
		{"Mechanic", "Automotive repair and maintenance", "72410"},
		{"Salesperson", "Clothing stores", "64100"},
		// The same in French, as Statistics Canada names the industries.
		{"Gérant", "Commerce de détail", "60020"},
		{"Directeur", "Banques", "10021"},
		{"Chauffeur", "Transport par camion", "73300"},
		{"Superviseur", "Fabrication d'aliments", "92012"},
		// Specific titles in an industry that is not theirs keep their group.
		{"Cook", "Hospitals", "63200"},
		{"Accountant", "Construction", "11100"},
		{"Line cook", "Software publishers", "63200"},
		{"Truck driver", "Retail trade", "73300"},
		{"Registered nurse", "Educational services", "31301"},
		{"Cashier", "Gasoline stations", "65100"},
	} {
		got := c.Code(tc.title, tc.industry, nil)
		if got.Code != tc.want {
			t.Errorf("%q in %q: %s %s (%.2f), want %s; title alone %s; candidates %+v", tc.title, tc.industry, got.Code, got.Title,
				got.Confidence, tc.want, c.Code(tc.title, "", nil).Code, c.Candidates(tc.title, tc.industry, 3))
		}
	}
}

// TestIndustryMovesGenericTitles: over generic titles, the industry makes
// the first answer right far more often than the title alone does.
func TestIndustryMovesGenericTitles(t *testing.T) {
	c := referenceCoderTB(t)
	cases := []Case{
		{Title: "Manager", Description: "Retail trade", Code: "60020"},
		{Title: "Manager", Description: "Banking", Code: "10021"},
		{Title: "Owner", Description: "Full-service restaurants", Code: "60030"},
		{Title: "Driver", Description: "Truck transportation", Code: "73300"},
		{Title: "Teacher", Description: "Elementary and secondary schools", Code: "41221"},
		{Title: "Supervisor", Description: "Food manufacturing", Code: "92012"},
		{Title: "Operator", Description: "Sawmills", Code: "94120"},
		{Title: "Assistant", Description: "Offices of dentists", Code: "33100"},
		{Title: "Labourer", Description: "Construction", Code: "75110"},
		{Title: "Technician", Description: "Computer systems design and related services", Code: "22220"},
		{Title: "Clerk", Description: "Grocery stores", Code: "65102"},
		{Title: "Mechanic", Description: "Automotive repair and maintenance", Code: "72410"},
		{Title: "Salesperson", Description: "Clothing stores", Code: "64100"},
		{Title: "Secretary", Description: "Legal services", Code: "13111"},
		{Title: "Officer", Description: "Police protection", Code: "42100"},
	}
	first := func(cases []Case) int {
		n := 0
		for _, k := range cases {
			cs := c.Candidates(k.Title, k.Description, 1)
			if len(cs) > 0 && cs[0].Code == k.Code {
				n++
			} else if k.Description != "" && len(cs) > 0 {
				t.Logf("missed: %q in %q: %s %s, want %s", k.Title, k.Description, cs[0].Code, cs[0].Title, k.Code)
			}
		}
		return n
	}
	with, alone := first(cases), first(WithoutDescriptions(cases))
	t.Logf("first answer right: %d of %d with the industry, %d with the title alone", with, len(cases), alone)
	// 12 with, 7 alone (6 before a bare "Manager" stopped being the
	// purchasing manager of "contract manager"; 5 before an owner alone was
	// coded as a manager).
	if with < 12 || with-alone < 5 {
		t.Errorf("the industry adds too little: %d of %d right with it, %d without", with, len(cases), alone)
	}
}

// The description is bounded: what follows its first words changes
// nothing, however long it is.
func TestLongDescriptionBounded(t *testing.T) {
	c := NewBuiltin()
	head := strings.Repeat("Maintain patient health records, medical coding and chart abstraction. ", 60)
	tail := strings.Repeat("Drive forklifts and load trucks in the warehouse. ", 20000)
	if a, b := c.Candidates("Technician", head, 3), c.Candidates("Technician", head+tail, 3); !sameResults(a, b) {
		t.Errorf("a 1 MB tail moved the answer: %+v, then %+v", a, b)
	}
}

func sameResults(a, b []Result) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDropExceptions(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"sales manager (except retail and wholesale)", "sales manager"},
		{"directeur/directrice des ventes (sauf commerce de détail et de gros)", "directeur/directrice des ventes"},
		{"labourer - except construction", "labourer"},
		{"retail store manager", "retail store manager"},
		{"exceptional children teacher", "exceptional children teacher"},
	} {
		if got := dropExceptions(tc.title); got != tc.want {
			t.Errorf("dropExceptions(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

func TestSplitQualifier(t *testing.T) {
	for _, tc := range []struct{ title, head, qualifier string }{
		{"manager, retail store", "manager", "retail store"},
		{"supervisor - food processing", "supervisor", "food processing"},
		{"labourer (construction)", "labourer", "construction"},
		{"assistant manager - retail trade", "assistant manager", "retail trade"},
		{"retail store manager", "retail store manager", ""},
	} {
		if h, q := splitQualifier(tc.title); h != tc.head || q != tc.qualifier {
			t.Errorf("splitQualifier(%q) = %q, %q; want %q, %q", tc.title, h, q, tc.head, tc.qualifier)
		}
	}
}

// QualifierCases come from held-out titles only: a coder over HoldOut's
// training titles has seen none of them.
func TestQualifierCasesAreHeldOut(t *testing.T) {
	titles := []Title{}
	for i := 0; i < 400; i++ {
		titles = append(titles, Title{Code: "60020", Text: fmt.Sprintf("manager %d, retail store", i), Lang: "en"})
	}
	train, _ := HoldOut(titles)
	trained := map[string]bool{}
	for _, t := range train {
		trained[t.Text] = true
	}
	cases := QualifierCases(titles)
	if len(cases) == 0 {
		t.Fatal("no qualified cases")
	}
	for _, k := range cases {
		if trained[k.Title+", "+k.Description] {
			t.Errorf("%q, %q is a training title", k.Title, k.Description)
		}
		if k.Description != "retail store" {
			t.Errorf("qualifier %q", k.Description)
		}
	}
}

func TestDistractedTakesAnotherBroadCategory(t *testing.T) {
	cases := []Case{{Title: "cook", Code: "63200"}, {Title: "nurse", Code: "31301"}, {Title: "baker", Code: "63202"}}
	descriptions := []Case{{Code: "63200", Description: "restaurant"}, {Code: "31301", Description: "hospital"}}
	for _, k := range Distracted(cases, descriptions) {
		for _, d := range descriptions {
			if d.Description == k.Description && BroadCategory(d.Code) == BroadCategory(k.Code) {
				t.Errorf("%s got %q, of its own broad category", k.Title, k.Description)
			}
		}
		if k.Description == "" {
			t.Errorf("%s got no description", k.Title)
		}
	}
}

func TestLoadDescriptions(t *testing.T) {
	texts := loadDescriptionsTB(t)
	bySource := map[string]int{}
	groupsWithText := map[string]bool{}
	for _, g := range texts {
		if _, ok := TitleOf(g.Code); !ok {
			t.Fatalf("text for unknown unit group %q", g.Code)
		}
		src, _, _ := strings.Cut(g.Source, ":")
		bySource[src]++
		groupsWithText[g.Code] = true
	}
	// 516 NOC definitions twice (structure CSV and noc.json), about 900
	// OaSIS lead statements and 5,000 main duties, O*NET tasks of the
	// occupations the crosswalks map to one group.
	if bySource["noc"] < 1000 || bySource["oasis"] < 5000 || bySource["onet"] < 5000 || len(groupsWithText) < 510 {
		t.Errorf("texts by source %v, %d unit groups", bySource, len(groupsWithText))
	}
	if _, err := LoadDescriptions([]string{occupationsFile(t, "onet_29.2", "Task Statements.txt")}); err == nil {
		t.Error("O*NET tasks without crosswalks: no error")
	}
	if _, err := LoadDescriptions([]string{occupationsFile(t, "onet_29.2", "Alternate Titles.txt")}, occupationsFile(t, "crosswalks", "noc2021_onet26.csv")); err == nil {
		t.Error("a file of another kind: no error")
	}
}

// A description that resembles its best group less than descriptionFloor
// adds less than DescriptionWeight to it, in proportion: relative to its
// best group any text, also a body of benefits and how to apply, makes one
// group best.
func TestWeakDescriptionWeighsLess(t *testing.T) {
	c := referenceCoderTB(t)
	for _, d := range append(append([]string(nil), boilerplate["en"]...), "Maintain patient health records and code charts using ICD-10-CA") {
		sim, _ := c.describe.similarity(d, len(c.codes))
		var top float32
		for _, s := range sim {
			top = max(top, s)
		}
		scores := make([]float32, len(c.codes))
		c.addDescription(scores, d, false)
		// What the word evidence adds is the same with and without the
		// similarity's weight: take it out by scoring the words alone.
		words := make([]float32, len(c.codes))
		_, ids := c.describe.similarity(d, len(c.codes))
		c.addWordEvidence(words, ids)
		var most float32
		for k := range scores {
			most = max(most, scores[k]-words[k])
		}
		want := c.opts.DescriptionWeight * min(1, top/descriptionFloor)
		if diff := most - want; diff > 1e-3 || diff < -1e-3 {
			t.Errorf("%.40q: similarity %.2f adds %.2f at most, want %.2f", d, top, most, want)
		}
		if top < descriptionFloor && most >= c.opts.DescriptionWeight {
			t.Errorf("%.40q: similarity %.2f below the floor adds the full weight", d, top)
		}
	}
}
