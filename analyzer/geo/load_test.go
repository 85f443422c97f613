package geo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadPlacesTellsFormatsApart(t *testing.T) {
	dir := t.TempDir()
	csd := filepath.Join(dir, "subdivisions.csv")
	gaz := filepath.Join(dir, "places.txt")
	os.WriteFile(csd, []byte("\ufeffid,name,name_fr\nocd-division/country:ca/csd:1005018,Corner Brook,Corner Brook\n"), 0o644)
	os.WriteFile(gaz, []byte("# my places\nNL 1030 19000 Corner Brook | The Brook\n"), 0o644)
	for _, path := range []string{csd, gaz} {
		places, err := LoadPlaces(path)
		if err != nil || len(places) != 1 || places[0].Name != "Corner Brook" || places[0].Region != "1030" || places[0].Province != "NL" {
			t.Errorf("LoadPlaces(%s) = %+v, %v", filepath.Base(path), places, err)
		}
	}
	r := New()
	places, _ := LoadPlaces(gaz)
	if err := r.Add(places...); err != nil {
		t.Fatal(err)
	}
	if got := r.ResolveText("The Brook, NL"); got.Code != "1030" {
		t.Errorf("alias from a loaded gazetteer: %+v", got)
	}
}

func TestLoadPlacesErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadPlaces(filepath.Join(dir, "missing.txt")); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file: %v", err)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("NL 1030 19000 Corner Brook\nXX 9999 1 Nowhere\n"), 0o644)
	places, err := LoadPlaces(bad)
	if err == nil || !strings.Contains(err.Error(), "bad.txt") || len(places) != 1 {
		t.Errorf("one bad line: %d places, %v; want the good one and an error naming the file", len(places), err)
	}
}
