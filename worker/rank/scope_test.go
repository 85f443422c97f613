package rank

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/internal/shareddata"
)

func TestParseScope(t *testing.T) {
	tests := []struct {
		in      string
		want    Scope
		wantErr string
	}{
		{"CA", Scope{Canada, "CA"}, ""},
		{"ca", Scope{Canada, "CA"}, ""},
		{" nl ", Scope{Province, "NL"}, ""},
		{"NU", Scope{Province, "NU"}, ""},
		{"1010", Scope{Region, "1010"}, ""},
		{"6210", Scope{Region, "6210"}, ""},
		{"NL-unspecified", Scope{Unspecified, "NL-unspecified"}, ""},
		{"nl-UNSPECIFIED", Scope{Unspecified, "NL-unspecified"}, ""},
		{"CA-unspecified", Scope{Unspecified, "CA-unspecified"}, ""},
		{"", Scope{}, "empty"},
		{"XX", Scope{}, "not a province"},
		{"XX-unspecified", Scope{}, "not CA or a province"},
		{"101", Scope{}, "4 digits"},
		{"10100", Scope{}, "4 digits"},
		{"9910", Scope{}, "SGC code"},
		{"Newfoundland", Scope{}, "want CA"},
		{"NL-1010", Scope{}, "want CA"},
	}
	for _, tt := range tests {
		got, err := ParseScope(tt.in)
		switch {
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("ParseScope(%q) error %v, want one mentioning %q", tt.in, err, tt.wantErr)
		case tt.wantErr == "" && (err != nil || got != tt.want):
			t.Errorf("ParseScope(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestScopeContains(t *testing.T) {
	avalon := &Record{Province: "NL", Region: "1010"}
	unplaced := &Record{Province: "NL", Region: "NL-unspecified"}
	nowhere := &Record{Region: "CA-unspecified"}
	tests := []struct {
		scope string
		r     *Record
		want  bool
	}{
		{"CA", avalon, true},
		{"CA", nowhere, true},
		{"NL", avalon, true},
		{"NL", unplaced, true},
		{"NL", nowhere, false},
		{"ON", avalon, false},
		{"1010", avalon, true},
		{"1010", unplaced, false},
		{"NL-unspecified", unplaced, true},
		{"NL-unspecified", avalon, false},
		{"CA-unspecified", nowhere, true},
		{"CA-unspecified", unplaced, false},
	}
	for _, tt := range tests {
		if got := mustScope(t, tt.scope).Contains(tt.r); got != tt.want {
			t.Errorf("%s contains %+v = %v, want %v", tt.scope, *tt.r, got, tt.want)
		}
	}
}

func FuzzParseScope(f *testing.F) {
	for _, s := range []string{"CA", "nl", "1010", "NL-unspecified", "", "9999", "x-unspecified"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sc, err := ParseScope(s)
		if err != nil {
			return
		}
		again, err := ParseScope(sc.String())
		if err != nil || again != sc {
			t.Fatalf("%q → %+v → %q → %+v, %v", s, sc, sc.String(), again, err)
		}
	})
}

// TestProvincesMatchStatCan checks the built-in table against the Open
// Civic Data list of provinces and territories (name, SGC code).
func TestProvincesMatchStatCan(t *testing.T) {
	path := shareddata.Require(t, "geography", "opencivicdata_ca", "ca_provinces_and_territories.csv")
	rows := readCSV(t, path)
	if len(rows)-1 != len(Provinces) {
		t.Fatalf("%d provinces in the file, %d built in", len(rows)-1, len(Provinces))
	}
	for _, row := range rows[1:] { // id,name,abbreviation,abbreviation_fr,sgc
		code := strings.ToUpper(row[0][strings.LastIndex(row[0], ":")+1:])
		p, ok := provinceByCode(code)
		if !ok || p.Name != row[1] || p.SGC != row[4] {
			t.Errorf("%s: built in %+v, file says %s / %s", code, p, row[1], row[4])
		}
	}
}

// TestRegionProvinceOnESDCRegions checks that every economic region in
// ESDC's wage table maps to the province the table names.
func TestRegionProvinceOnESDCRegions(t *testing.T) {
	path := shareddata.Require(t, "geography", "esdc_wages_by_er_wagecan", "merged_wages_2016_2024_mapped_to_NOC2021.csv")
	rows := readCSV(t, path)
	seen := map[string]bool{}
	for _, row := range rows[1:] { // ER_Code, ..., Province (col 12)
		er := strings.TrimPrefix(row[0], "ER")
		if len(er) != 4 || seen[er] {
			continue // national and province-wide rows
		}
		seen[er] = true
		prov := RegionProvince(er)
		p, _ := provinceByCode(prov)
		if prov == "" || !strings.HasPrefix(row[12], p.Name) { // the file says "Yukon Territory"
			t.Errorf("ER %s (%s) → %q", er, row[12], prov)
		}
	}
	if len(seen) < 70 {
		t.Errorf("only %d economic regions read", len(seen))
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return rows
}
