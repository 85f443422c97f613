package sample

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/internal/shareddata"
)

// TestOccupationsMatchNOC2021 checks every authored occupation against the
// official NOC 2021 structure: the code must be a unit group (level 5) and
// the name its class title.
func TestOccupationsMatchNOC2021(t *testing.T) {
	path := shareddata.Require(t, "occupations", "noc2021_statcan_esdc", "noc_structure_en.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read NOC structure: %v", err)
	}
	unitGroups := map[string]string{}
	for _, r := range rows[1:] {
		if len(r) >= 4 && strings.TrimSpace(r[0]) == "5" {
			unitGroups[r[2]] = r[3]
		}
	}
	if len(unitGroups) < 400 {
		t.Fatalf("only %d unit groups read from %s; has the file's layout changed?", len(unitGroups), path)
	}
	occs, err := Occupations()
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range occs {
		title, ok := unitGroups[o.Code]
		if !ok {
			t.Errorf("%s (%s) is not a NOC 2021 unit group", o.Code, o.Name)
			continue
		}
		if title != o.Name {
			t.Errorf("%s is named %q, NOC 2021 calls it %q", o.Code, o.Name, title)
		}
	}
}
