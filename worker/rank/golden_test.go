package rank

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// TestProfileJSONGolden pins the JSON shape the API and the aggregates
// index serve (snake_case names, scope and period as codes, [] not null).
// Its numbers are the ones worked out by hand in TestComputeProvinceYear
// and TestRegionsProvince.
func TestProfileJSONGolden(t *testing.T) {
	tests := []struct {
		file string
		q    Query
	}{
		{"profile_nl_12111_2025.json", Query{Occupation: "12111", Scope: mustScope(t, "NL"), Period: mustPeriod(t, "2025"),
			TopN: 3, KnownRegions: nlRegions}},
		{"profile_nl_12111_2025_suppressed.json", Query{Occupation: "12111", Scope: mustScope(t, "NL"), Period: mustPeriod(t, "2025"),
			MinCount: 12}},
	}
	for _, tt := range tests {
		got := mustJSON(t, Compute(fixture(), tt.q))
		path := filepath.Join("testdata", tt.file)
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs:\n%s", path, got)
		}
	}
}

func TestProfileJSONRoundTrip(t *testing.T) {
	in := Compute(fixture(), Query{Occupation: "12111", Scope: mustScope(t, "NL"), Period: mustPeriod(t, "recent:5"), MinCount: 2})
	var out Profile
	if err := json.Unmarshal([]byte(mustJSON(t, in)), &out); err != nil {
		t.Fatal(err)
	}
	if mustJSON(t, out) != mustJSON(t, in) {
		t.Error("profile does not survive a JSON round trip")
	}
	if out.Period != in.Period || out.Scope != in.Scope {
		t.Errorf("period %v scope %v after round trip", out.Period, out.Scope)
	}
}
