package httpapi

// The answer's language: Accept-Language, and French place names.

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/rank"
)

func TestAcceptLanguage(t *testing.T) {
	for h, want := range map[string]string{
		"":                        "",
		"fr-CA,fr;q=0.9,en;q=0.8": "fr",
		"en-US,en;q=0.9":          "en",
		"de-DE,de;q=0.9":          "",
		"de;q=0.9,fr;q=0.5":       "fr",
		"en;q=0.3, fr;q=0.8":      "fr",
		"not a header;;;":         "",
		"*":                       "",
	} {
		if got := acceptLanguage(h); got != want {
			t.Errorf("Accept-Language %q -> %q, want %q", h, got, want)
		}
	}
}

// A client that asks for French in Accept-Language gets the labels
// ?lang=fr gives; ?lang= wins over the header.
func TestAcceptLanguageLabels(t *testing.T) {
	f := newFixture(t)
	occ := busiest(f, 2025)
	fetch := func(path, accept string) []byte {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, f.srv.URL+path, nil)
		if accept != "" {
			req.Header.Set("Accept-Language", accept)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", path, res.StatusCode, b)
		}
		return b
	}
	base := "/api/v1/occupations/" + occ + "/trend?interval=year&from=2025&to=2025"
	fr := fetch(base+"&lang=fr", "")
	en := fetch(base+"&lang=en", "")
	if bytes.Equal(fr, en) {
		t.Fatal("French and English answers are the same: the fixture has no French labels to tell them apart")
	}
	if got := fetch(base, "fr-CA,fr;q=0.9"); !bytes.Equal(got, fr) {
		t.Errorf("Accept-Language fr-CA: %.300s\nwant the ?lang=fr answer %.300s", got, fr)
	}
	if got := fetch(base+"&lang=en", "fr-CA"); !bytes.Equal(got, en) {
		t.Errorf("?lang=en with Accept-Language fr-CA: %.300s, want English", got)
	}
}

// In French, provinces carry their French names in every answer that
// names places; economic regions keep their one official name.
func TestFrenchPlaceNames(t *testing.T) {
	f := newFixture(t)
	occ := busiest(f, 2025)
	var regions struct {
		Provinces []struct{ Code, Name string } `json:"provinces"`
	}
	get(t, "/api/v1/regions?lang=fr", 200, &regions)
	names := map[string]string{}
	for _, p := range regions.Provinces {
		names[p.Code] = p.Name
	}
	for code, want := range map[string]string{"NL": "Terre-Neuve-et-Labrador", "NS": "Nouvelle-Écosse", "BC": "Colombie-Britannique", "ON": "Ontario"} {
		if names[code] != want {
			t.Errorf("regions?lang=fr: %s is %q, want %q", code, names[code], want)
		}
	}
	var prof struct {
		ScopeName string             `json:"scope_name"`
		Regions   []rank.RegionShare `json:"regions"`
	}
	get(t, "/api/v1/occupations/"+occ+"/profile?period=2025&lang=fr", 200, &prof)
	var en struct {
		Regions []rank.RegionShare `json:"regions"`
	}
	get(t, "/api/v1/occupations/"+occ+"/profile?period=2025&lang=en", 200, &en)
	if len(prof.Regions) == 0 || len(prof.Regions) != len(en.Regions) {
		t.Fatalf("%d French and %d English regional shares", len(prof.Regions), len(en.Regions))
	}
	for i, r := range prof.Regions {
		if p, ok := geo.LookupProvince(r.Code); ok && p.Code == r.Code && r.Name != p.NameFR {
			t.Errorf("profile?lang=fr: %s named %q, want %q", r.Code, r.Name, p.NameFR)
		}
		if r.Count != en.Regions[i].Count || r.Code != en.Regions[i].Code {
			t.Errorf("French and English shares differ at %d: %+v vs %+v", i, r, en.Regions[i])
		}
	}
	get(t, "/api/v1/occupations/"+occ+"/profile?period=2025&region=NS&lang=fr", 200, &prof)
	if prof.ScopeName != "Nouvelle-Écosse" {
		t.Errorf("scope_name %q, want Nouvelle-Écosse", prof.ScopeName)
	}
	get(t, "/api/v1/occupations/"+occ+"/profile?period=2025&region=NS", 200, &prof)
	if prof.ScopeName != "Nova Scotia" {
		t.Errorf("scope_name without lang %q, want Nova Scotia", prof.ScopeName)
	}
}
