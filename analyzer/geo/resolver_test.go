package geo

import (
	"fmt"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// resolveCases pair posting locations with the key they must aggregate
// under. Expected regions come from StatCan's ER boundaries (census
// divisions listed in regions.go), not from running the resolver.
var resolveCases = []struct {
	in   string
	want string
}{
	// The brief's cases.
	{"St. John's, NL", "1010"},
	{"St. John's, Newfoundland and Labrador, Canada", "1010"},
	{"St Johns NL", "1010"},
	{"Saint John's, Newfoundland", "1010"},
	{"Corner Brook NL A2H 1A1", "1030"},
	{"Corner Brook, Newfoundland and Labrador", "1030"},
	{"Montréal (QC)", "2440"},
	{"Montreal, Quebec", "2440"},
	{"Montréal (QC) H2X 1Y4", "2440"},
	{"MONTRÉAL", "2440"},
	{"Toronto ON", "3530"},
	{"TORONTO, ON M5V 3L9", "3530"},
	{"Remote in Ontario", "ON-unspecified"},
	{"Remote", "CA-unspecified"},
	{"Canada", "CA-unspecified"},
	{"Remote - Canada", "CA-unspecified"},
	{"Hybrid remote in Halifax, NS", "1250"},
	{"Saint John, NB", "1330"},
	{"London, ON", "3560"},
	{"London, UK", "CA-unspecified"},
	{"London, England", "CA-unspecified"},
	{"Windsor, NS", "1230"},
	{"Windsor, ON", "3570"},
	{"Windsor", "3570"}, // Windsor, ON outnumbers Windsor, NS sixty to one
	{"Windsor (Québec)", "2430"},
	{"A1C 5M2", "1010"},
	{"Ville de Québec", "2420"},
	{"Lévis (Québec)", "2425"},
	{"Québec, QC", "2420"},
	{"Québec (Québec)", "2420"},
	{"Québec", "QC-unspecified"}, // alone, the province is the likelier reading
	{"Quebec City", "2420"},
	{"Trois-Rivières, QC", "2470"},
	{"trois rivieres", "2470"},
	{"Grand Falls-Windsor, NL", "1040"},
	{"Grand Falls, NB", "1350"},
	// Shared names, provinces that exclude, words that are not places.
	{"Toronto, QC", "QC-unspecified"},
	{"Springfield, ON", "ON-unspecified"},
	{"work on site", "CA-unspecified"},
	{"Calgary NE", "4830"},
	{"Richmond, BC", "5920"},
	{"Richmond, QC", "2430"},
	{"Stratford, PE", "1110"},
	{"Paradise, NL", "1010"},
	{"Paradise", "CA-unspecified"},
	{"Mission, BC", "5920"},
	{"Mission", "CA-unspecified"},
	{"Paris, France", "CA-unspecified"},
	{"Paris, ON", "3550"},
	{"Lloydminster", "CA-unspecified"}, // straddles AB and SK, neither dominates
	{"Lloydminster, AB", "4820"},
	{"Lloydminster, SK", "4750"},
	{"1 Dundas St, London, ON N6A 1A1", "3560"},
	{"Remote, USA", "CA-unspecified"},
	{"Laval (Québec) H7N 5H9", "2445"},
	{"Lévis, Québec, QC", "2425"},
	{"Québec G1R 4P5", "2420"}, // the province name, then Québec City's FSA
	{"ON-SITE Vancouver", "5920"},
	{"On-site, Vancouver", "5920"},
	{"Delivery man", "CA-unspecified"},
	{"Major cities across Canada", "CA-unspecified"},
	{"Head office - Price Street", "CA-unspecified"},
	{"Toronto on", "3530"},
	{"Burnaby/Vancouver, BC", "5920"},
	{"Ottawa-Gatineau", "3510"},
	{"Eastern Townships", "2430"},
	{"GTA", "3530"},
	{"Sherwood Park, Alberta", "4860"},
	{"Sainte-Foy, Québec", "2420"},
	{"Halifax, Nova Scotia B3H 4R2", "1250"},
	{"Yukon", "6010"},
	{"Newfoundland", "NL-unspecified"},
	{"Labrador", "1030"},
	{"Prince Edward County", "3515"},
	{"Sackville", "1320"},
	// Provinces alone, abbreviations in both languages.
	{"Nfld", "NL-unspecified"},
	{"Nouveau-Brunswick", "NB-unspecified"},
	{"Colombie-Britannique", "BC-unspecified"},
	{"P.E.I.", "1110"}, // PEI is a single economic region
	{"Î.-P.-É.", "1110"},
	{"Moncton, N.-B.", "1320"},
	{"Kelowna, B.C.", "5930"},
	{"Red Deer, Alta", "4850"},
	{"Regina, Sask.", "4710"},
	{"Regina Sask Canada", "4710"},
	{"Whitehorse, YT", "6010"},
	{"Yellowknife, N.W.T.", "6110"},
	{"Iqaluit, NU", "6210"},
	// Postal codes alone.
	{"X0A 0H0", "6210"},
	{"H7T 2K8", "2445"},
	{"M5V", "3530"},
	{"T2P1J9", "4830"},
	{"E1C 4M3", "NB-unspecified"},
	// One or more places in every province.
	{"Marystown", "1020"},
	{"Gander, Newfoundland", "1040"},
	{"Happy Valley-Goose Bay", "1030"},
	{"Charlottetown, PEI", "1110"},
	{"Sydney, NS", "1210"},
	{"Truro, NS", "1220"},
	{"Kentville", "1230"},
	{"Yarmouth, N.S.", "1240"},
	{"Dartmouth, Nova Scotia", "1250"},
	{"Bathurst, NB", "1310"},
	{"Fredericton, New Brunswick", "1340"},
	{"Edmundston", "1350"},
	{"Gaspé", "2410"},
	{"Îles-de-la-Madeleine", "2410"},
	{"Rimouski, QC", "2415"},
	{"Sherbrooke (Québec)", "2430"},
	{"Drummondville", "2433"},
	{"Saint-Jean-sur-Richelieu", "2435"},
	{"St-Jean-sur-Richelieu, Qc", "2435"},
	{"Brossard, Québec", "2435"},
	{"Laval, QC", "2445"},
	{"Terrebonne", "2450"},
	{"Saint-Jérôme", "2455"},
	{"Gatineau, QC", "2460"},
	{"Val-d'Or, QC", "2465"},
	{"Rouyn-Noranda", "2465"},
	{"Shawinigan", "2470"},
	{"Chicoutimi", "2475"},
	{"Saguenay, Québec", "2475"},
	{"Sept Iles", "2480"},
	{"Chibougamau", "2490"},
	{"Ottawa, ON", "3510"},
	{"Kingston, ON", "3515"},
	{"Peterborough", "3520"},
	{"Mississauga, Ontario, Canada", "3530"},
	{"Kitchener, ON", "3540"},
	{"Barrie ON", "3540"},
	{"Hamilton, ON", "3550"},
	{"St. Catharines", "3550"},
	{"Sarnia", "3570"},
	{"Owen Sound", "3580"},
	{"Sault Ste. Marie, ON", "3590"},
	{"Sudbury, ON", "3590"},
	{"Thunder Bay, Ontario", "3595"},
	{"Steinbach, MB", "4610"},
	{"Winkler", "4620"},
	{"Brandon, MB", "4630"},
	{"Portage la Prairie", "4640"},
	{"Winnipeg, MB", "4650"},
	{"Selkirk, MB", "4660"},
	{"Dauphin", "4670"},
	{"Thompson, MB", "4680"},
	{"Moose Jaw", "4720"},
	{"Saskatoon SK", "4730"},
	{"Yorkton", "4740"},
	{"Prince Albert, SK", "4750"},
	{"La Ronge", "4760"},
	{"Lethbridge, AB", "4810"},
	{"Calgary, AB", "4830"},
	{"Canmore", "4840"},
	{"Edmonton, Alberta", "4860"},
	{"Grande Prairie", "4870"},
	{"Fort McMurray, AB", "4880"},
	{"Ft. McMurray", "4880"},
	{"Victoria, BC", "5910"},
	{"Nanaimo", "5910"},
	{"Vancouver, BC", "5920"},
	{"Kamloops", "5930"},
	{"Cranbrook", "5940"},
	{"Prince George, BC", "5950"},
	{"Prince Rupert", "5960"},
	{"Smithers", "5970"},
	{"Fort St. John", "5980"},
}

func TestResolveText(t *testing.T) {
	r := NewBuiltin()
	for _, tc := range resolveCases {
		if got := r.ResolveText(tc.in).Key(); got != tc.want {
			t.Errorf("ResolveText(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestResolveStructured(t *testing.T) {
	r := NewBuiltin()
	cases := []struct {
		loc  *posting.Location
		want string
	}{
		{nil, "CA-unspecified"},
		{&posting.Location{}, "CA-unspecified"},
		{&posting.Location{City: "Gander", Province: "NL"}, "1040"},
		{&posting.Location{City: "Québec", Province: "QC"}, "2420"},
		{&posting.Location{City: "Windsor", Province: "Nova Scotia"}, "1230"},
		{&posting.Location{Province: "on"}, "ON-unspecified"},
		{&posting.Location{PostalCode: "T2P 1J9"}, "4830"},
		{&posting.Location{Raw: "St. John's, NL"}, "1010"},
		{&posting.Location{Raw: "Remote", Province: "BC"}, "BC-unspecified"},
	}
	for _, tc := range cases {
		if got := r.Resolve(tc.loc).Key(); got != tc.want {
			t.Errorf("Resolve(%+v) = %s, want %s", tc.loc, got, tc.want)
		}
	}
}

func TestRegionFields(t *testing.T) {
	r := NewBuiltin()
	got := r.ResolveText("Corner Brook, NL")
	want := Region{Province: "NL", ProvinceName: "Newfoundland and Labrador", Code: "1030", Name: "West Coast--Northern Peninsula--Labrador"}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got.Unspecified() {
		t.Error("a resolved region must not be unspecified")
	}
	prov := r.ResolveText("Remote in Ontario")
	if !prov.Unspecified() || prov.ProvinceName != "Ontario" || prov.Name != "" {
		t.Errorf("province-level result = %+v", prov)
	}
	if (Region{}).Key() != CountryKey || !(Region{}).Unspecified() {
		t.Error("the zero Region must be the unspecified country")
	}
}

// TestBuiltinPlacesResolveToThemselves writes every gazetteer entry the
// way postings do ("Name, PROV") and checks it lands in its own region,
// which catches two entries fighting over one name in one province.
func TestBuiltinPlacesResolveToThemselves(t *testing.T) {
	// Names shared inside one province, where the larger place wins.
	shadowed := map[string]string{
		"Ville-Marie|2465": "Montréal's downtown borough (89,000) outweighs the Témiscamingue town (2,600)",
	}
	r := NewBuiltin()
	for _, p := range builtinPlaces() {
		for _, name := range append([]string{p.Name}, p.Aliases...) {
			if _, ok := shadowed[name+"|"+p.Region]; ok {
				continue
			}
			got := r.ResolveText(name + ", " + p.Province)
			want := provinceOnly(p.Province)
			if p.Region != "" {
				want = regionOf(p.Region)
			}
			if got != want {
				t.Errorf("%q, %s resolved to %s, want %s", name, p.Province, got.Key(), want.Key())
			}
		}
	}
}

func TestEveryRegionHasBuiltinPlaces(t *testing.T) {
	seen := map[string]int{}
	for _, p := range builtinPlaces() {
		seen[p.Region]++
	}
	for _, er := range Regions() {
		if seen[er.Code] == 0 {
			t.Errorf("region %s %s has no gazetteer entry", er.Code, er.Name)
		}
	}
	if n := len(builtinPlaces()); n < 500 {
		t.Errorf("gazetteer has %d places, want several hundred", n)
	}
}

func TestAddValidates(t *testing.T) {
	r := New()
	err := r.Add(
		Place{Name: "Nowhere", Province: "XX", Region: "1010"},
		Place{Name: "Wrongplace", Province: "NS", Region: "1010"},
		Place{Name: "Testville", Province: "NL", Region: "1040", Population: 10},
	)
	if err == nil {
		t.Fatal("want an error for the invalid places")
	}
	if got := r.ResolveText("Testville").Key(); got != "1040" {
		t.Errorf("valid place beside invalid ones: got %s, want 1040", got)
	}
	if got := r.ResolveText("Wrongplace, NS").Key(); got != "NS-unspecified" {
		t.Errorf("invalid place was added: got %s", got)
	}
}

func TestConcurrentResolveAndAdd(t *testing.T) {
	r := NewBuiltin()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 200 {
			_ = r.Add(Place{Name: fmt.Sprintf("Testville %d", i), Province: "NL", Region: "1040"})
		}
	}()
	for range 2000 {
		if got := r.ResolveText("St. John's, NL").Key(); got != "1010" {
			t.Fatalf("got %s during concurrent Add", got)
		}
	}
	<-done
	if got := r.ResolveText("Testville 199").Key(); got != "1040" {
		t.Errorf("place added concurrently: got %s, want 1040", got)
	}
}

func BenchmarkNewBuiltin(b *testing.B) {
	for b.Loop() {
		NewBuiltin()
	}
}

func BenchmarkResolveText(b *testing.B) {
	r := NewBuiltin()
	inputs := []string{"St. John's, Newfoundland and Labrador, Canada", "Montréal (QC) H2X 1Y4",
		"Hybrid remote in Halifax, NS", "Remote", "Windsor, ON", "Lévis (Québec)"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r.ResolveText(inputs[i%len(inputs)])
	}
}
