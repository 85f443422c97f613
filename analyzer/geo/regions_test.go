package geo

import (
	"encoding/csv"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/internal/shareddata"
)

func TestRegionTableShape(t *testing.T) {
	ers := Regions()
	if len(ers) != 76 {
		t.Fatalf("got %d economic regions, want 76", len(ers))
	}
	divisions := map[string]string{}
	for _, er := range ers {
		p, ok := provinceByCode[er.Province]
		if !ok {
			t.Errorf("%s: unknown province %s", er.Code, er.Province)
			continue
		}
		if !strings.HasPrefix(er.Code, p.SGC) {
			t.Errorf("%s: code does not start with %s's SGC %s", er.Code, er.Province, p.SGC)
		}
		if len(er.Divisions) == 0 {
			t.Errorf("%s: no census divisions", er.Code)
		}
		for _, cd := range er.Divisions {
			if !strings.HasPrefix(cd, p.SGC) {
				t.Errorf("%s: division %s is outside %s", er.Code, cd, er.Province)
			}
			if other, dup := divisions[cd]; dup {
				t.Errorf("division %s in both %s and %s", cd, other, er.Code)
			}
			divisions[cd] = er.Code
		}
	}
	if len(divisions) != 293 {
		t.Errorf("got %d census divisions, want 293", len(divisions))
	}
	if er, ok := RegionForDivision("1001"); !ok || er.Code != "1010" {
		t.Errorf("RegionForDivision(1001) = %v %v, want 1010", er.Code, ok)
	}
	if _, ok := LookupRegion("9999"); ok {
		t.Error("LookupRegion(9999) should fail")
	}
}

func TestProvinces(t *testing.T) {
	ps := Provinces()
	if len(ps) != 13 {
		t.Fatalf("got %d provinces, want 13", len(ps))
	}
	for _, tc := range []struct{ in, want string }{
		{"NL", "NL"}, {"10", "NL"}, {"Terre-Neuve-et-Labrador", "NL"}, {"nfld.", "NL"},
		{"Que.", "QC"}, {"québec", "QC"}, {"P.E.I.", "PE"}, {"Î.-P.-É.", "PE"}, {"N.-B.", "NB"},
		{"Ont", "ON"}, {"Alta", "AB"}, {"Sask", "SK"}, {"B.C.", "BC"}, {"C.-B.", "BC"},
		{"T.N.-O.", "NT"}, {"62", "NU"}, {"Yukon Territory", "YT"},
	} {
		p, ok := LookupProvince(tc.in)
		if !ok || p.Code != tc.want {
			t.Errorf("LookupProvince(%q) = %q %v, want %q", tc.in, p.Code, ok, tc.want)
		}
	}
	if _, ok := LookupProvince("Ontarioo"); ok {
		t.Error("misspelling should not resolve")
	}
}

// TestRegionsMatchWageTable checks the table against ESDC's wage file,
// which names every economic region: each code and name there must be
// ours, in the same province.
func TestRegionsMatchWageTable(t *testing.T) {
	path := shareddata.Require(t, "geography", "esdc_wages_by_er_wagecan", "merged_wages_2016_2024_mapped_to_NOC2021.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	header, err := cr.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	seen := map[string]bool{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		code := strings.TrimPrefix(rec[col["ER_Code"]], "ER")
		if len(code) != 4 || seen[code] {
			continue // national and provincial rows, repeats
		}
		seen[code] = true
		er, ok := LookupRegion(code)
		if !ok {
			t.Errorf("wage file region %s %q missing", code, rec[col["Region"]])
			continue
		}
		name := rec[col["Region"]]
		if name != er.Name && !slices.Contains(er.AltNames, name) {
			t.Errorf("region %s: wage file calls it %q, table %q (alt %v)", code, name, er.Name, er.AltNames)
		}
		prov, ok := LookupProvince(rec[col["Province"]])
		if !ok || prov.Code != er.Province {
			t.Errorf("region %s: wage file province %q, table %s", code, rec[col["Province"]], er.Province)
		}
	}
	if len(seen) != 76 {
		t.Errorf("wage file has %d regions, want 76", len(seen))
	}
}

// TestDivisionsMatchCensusTable checks that the census divisions in the
// CD→ER table are exactly the published ones.
func TestDivisionsMatchCensusTable(t *testing.T) {
	path := shareddata.Require(t, "geography", "opencivicdata_ca", "ca_census_divisions.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	published := map[string]bool{}
	for _, rec := range recs[1:] {
		_, cd, _ := strings.Cut(rec[0], "/cd:")
		published[cd] = true
		if _, ok := RegionForDivision(cd); !ok {
			t.Errorf("census division %s %q has no economic region", cd, rec[1])
		}
	}
	for cd := range regionByDivision {
		if !published[cd] {
			t.Errorf("table lists census division %s, which is not published", cd)
		}
	}
}
