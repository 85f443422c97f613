package geo

import (
	"slices"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/internal/shareddata"
)

func loadSubdivisions(t *testing.T) []Place {
	t.Helper()
	path := shareddata.Require(t, "geography", "opencivicdata_ca", "ca_census_subdivisions.csv")
	places, err := LoadCensusSubdivisions(path)
	if err != nil {
		t.Fatalf("LoadCensusSubdivisions: %v", err)
	}
	return places
}

func TestLoadCensusSubdivisions(t *testing.T) {
	places := loadSubdivisions(t)
	if len(places) < 5000 {
		t.Fatalf("loaded %d subdivisions, want over 5,000", len(places))
	}
	perRegion := map[string]int{}
	for _, p := range places {
		er, ok := LookupRegion(p.Region)
		if !ok || er.Province != p.Province {
			t.Errorf("%s %q: region %q invalid for %s", p.Code, p.Name, p.Region, p.Province)
		}
		perRegion[p.Region]++
	}
	for _, er := range Regions() {
		if perRegion[er.Code] == 0 {
			t.Errorf("no census subdivision in region %s %s", er.Code, er.Name)
		}
	}

	byCode := map[string]Place{}
	for _, p := range places {
		byCode[p.Code] = p
	}
	// Spot checks against known SGC codes and ER boundaries.
	for _, tc := range []struct{ code, name, region string }{
		{"1005018", "Corner Brook", "1030"},
		{"1301006", "Saint John", "1330"},
		{"2423027", "Québec", "2420"},
		{"3520005", "Toronto", "3530"},
		{"3537039", "Windsor", "3570"},
		{"4806016", "Calgary", "4830"},
		{"4811061", "Edmonton", "4860"},
		{"5915022", "Vancouver", "5920"},
	} {
		p, ok := byCode[tc.code]
		if !ok || p.Name != tc.name || p.Region != tc.region {
			t.Errorf("CSD %s: got %q in %q, want %q in %s", tc.code, p.Name, p.Region, tc.name, tc.region)
		}
	}

	r := New()
	if err := r.Add(places...); err != nil {
		t.Fatalf("Add: %v", err)
	}
	for _, tc := range []struct{ in, want string }{
		{"Corner Brook, NL", "1030"},
		{"Toronto, ON", "3530"},
		{"Montréal, QC", "2440"},
		{"Vancouver, BC", "5920"},
		{"Calgary, AB", "4830"},
		{"Edmonton, AB", "4860"},
		{"Gatineau, QC", "2460"},
		{"Portugal Cove South, NL", "1010"},
		{"Low, QC", "2460"},
		{"Low", "CA-unspecified"}, // a common word: needs its province
	} {
		if got := r.ResolveText(tc.in).Key(); got != tc.want {
			t.Errorf("subdivisions only: %q = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestGazetteerAgreesWithSubdivisions cross-checks the authored gazetteer:
// where a built-in name is also a census subdivision of the same province,
// the subdivision's region (from its census division) must be among the
// regions that name has in that province.
func TestGazetteerAgreesWithSubdivisions(t *testing.T) {
	csds := map[string][]Place{} // normalized name + province → subdivisions
	for _, p := range loadSubdivisions(t) {
		for _, name := range append([]string{p.Name}, p.Aliases...) {
			key := normalizeKey(name) + "|" + p.Province
			csds[key] = append(csds[key], p)
		}
	}
	gazetteer := map[string][]string{} // normalized name + province → regions
	for _, p := range builtinPlaces() {
		for _, name := range append([]string{p.Name}, p.Aliases...) {
			key := normalizeKey(name) + "|" + p.Province
			gazetteer[key] = append(gazetteer[key], p.Region)
		}
	}
	matched := 0
	for key, regions := range gazetteer {
		subs := csds[key]
		if len(subs) == 0 {
			continue
		}
		matched++
		var found []string
		agree := false
		for _, s := range subs {
			found = append(found, s.Region+" ("+s.Code+")")
			agree = agree || slices.Contains(regions, s.Region)
		}
		if !agree {
			t.Errorf("%s: gazetteer says %v, census subdivisions say %s", key, regions, strings.Join(found, ", "))
		}
	}
	t.Logf("%d gazetteer names are census subdivisions", matched)
	if matched < 400 {
		t.Errorf("only %d gazetteer names matched a census subdivision", matched)
	}
}

// TestSubdivisionsKeepResolutionRules adds every census subdivision to the
// built-in resolver and re-runs the resolution table: five thousand small
// places must not pull well-known names away or turn words into places.
func TestSubdivisionsKeepResolutionRules(t *testing.T) {
	r := NewBuiltin()
	if err := r.Add(loadSubdivisions(t)...); err != nil {
		t.Fatal(err)
	}
	for _, tc := range resolveCases {
		if got := r.ResolveText(tc.in).Key(); got != tc.want {
			t.Errorf("with subdivisions: ResolveText(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestReadCensusSubdivisionsErrors(t *testing.T) {
	in := "id,name,name_fr\n" +
		"ocd-division/country:ca/csd:1001105,Portugal Cove South,Portugal Cove South\n" +
		"ocd-division/country:ca/csd:9901105,Nowhere,Nowhere\n" +
		"ocd-division/country:ca/csd:2466023,Montreal,Montréal\n" +
		"ocd-division/country:ca/cd:1001,Division No. 1,Division No. 1\n"
	places, err := ReadCensusSubdivisions(strings.NewReader(in))
	if err == nil {
		t.Error("want an error for the unknown province and the non-subdivision row")
	}
	if len(places) != 2 {
		t.Fatalf("got %d places, want the 2 valid rows", len(places))
	}
	if p := places[1]; p.Region != "2440" || len(p.Aliases) != 1 || p.Aliases[0] != "Montréal" {
		t.Errorf("Montréal row = %+v", p)
	}
	if _, err := ReadCensusSubdivisions(strings.NewReader("code,label\n")); err == nil {
		t.Error("want an error for a header without id and name")
	}
}

func BenchmarkResolveWithSubdivisions(b *testing.B) {
	path := shareddata.Require(b, "geography", "opencivicdata_ca", "ca_census_subdivisions.csv")
	places, err := LoadCensusSubdivisions(path)
	if err != nil {
		b.Fatal(err)
	}
	r := NewBuiltin()
	if err := r.Add(places...); err != nil {
		b.Fatal(err)
	}
	inputs := []string{"St. John's, Newfoundland and Labrador, Canada", "Montréal (QC) H2X 1Y4",
		"Hybrid remote in Halifax, NS", "Remote", "Portugal Cove South, NL", "Saint-Isidore, QC"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r.ResolveText(inputs[i%len(inputs)])
	}
}
