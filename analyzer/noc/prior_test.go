package noc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/internal/shareddata"
)

func TestPriorFavoursCommonOccupations(t *testing.T) {
	prior := newPrior([]string{"65100", "73300", "73301", "53121", "00010"})
	cashiers, truck, bus, actors, legislators := prior[0], prior[1], prior[2], prior[3], prior[4]
	if cashiers != 0 {
		t.Errorf("cashiers, the commonest group, have prior %v, want 0", cashiers)
	}
	if !(truck > bus && bus > actors && actors > legislators) {
		t.Errorf("priors truck %v, bus %v, actors %v, legislators %v: want them in that order", truck, bus, actors, legislators)
	}
	// Smoothed: a group without a published wage is unlikely, not ruled out.
	if legislators < -10 {
		t.Errorf("legislators' prior %v rules them out", legislators)
	}
}

// A title whose words two unit groups share equally goes to the commoner.
func TestPriorBreaksTiesBetweenGroups(t *testing.T) {
	c := NewCoder([]Title{{Code: "85100", Text: "labourer"}, {Code: "95109", Text: "labourer"}}, Options{})
	if got := c.Score("labourer", ""); got.Code != "95109" {
		t.Errorf("labourer: %s, want 95109 (published wage in 64 regions, livestock labourers in none)", got.Code)
	}
}

func TestWageRegions(t *testing.T) {
	csv := "ER_Code,NOC_2016,NOC_2021,Median_Wage_2016,Median_Wage_2024\n" +
		"ER00,6611,65100,11.5,16.0\n" +
		"ER1010,6611,65100,,15.5\n" +
		"ER1010,6611,65100,11.0,\n" + // the same region again (two 2016 codes)
		"ER1020,6611,65100,,\n" + // no wage published there
		"ER00,0011,00010,,\n"
	path := filepath.Join(t.TempDir(), "wages.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := WageRegions(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["65100"] != 2 {
		t.Errorf("WageRegions = %v, want 65100 in 2 regions and nothing else", got)
	}
	var b strings.Builder
	if err := WriteCommonness(&b, got); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), "\n65100\t2\n") {
		t.Errorf("WriteCommonness wrote %q", b.String())
	}
}

// The embedded counts are the shared wage table's.
func TestCommonnessMatchesWageTable(t *testing.T) {
	counts, err := WageRegions(shareddata.Require(t, "geography", "esdc_wages_by_er_wagecan", "merged_wages_2016_2024_mapped_to_NOC2021.csv"))
	if err != nil {
		t.Fatal(err)
	}
	embedded := commonness()
	if len(embedded) != len(counts) {
		t.Fatalf("commonness.tsv has %d groups, the wage table %d: regenerate it (eval --write-prior)", len(embedded), len(counts))
	}
	for code, n := range counts {
		if embedded[code] != n {
			t.Errorf("%s: %d regions embedded, %d in the wage table", code, embedded[code], n)
		}
	}
}
