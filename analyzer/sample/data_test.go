package sample

import (
	"strings"
	"testing"
)

func TestEmbeddedDataLoads(t *testing.T) {
	occs, err := Occupations()
	if err != nil {
		t.Fatal(err)
	}
	if len(occs) < 40 {
		t.Fatalf("%d occupations, want at least 40", len(occs))
	}
	byCode := map[string]Occupation{}
	for _, o := range occs {
		byCode[o.Code] = o
	}
	him, ok := byCode["12111"]
	if !ok {
		t.Fatal("12111 health information management is missing")
	}
	for _, want := range []string{"records management", "ICD-10-CA coding", "release of information", "privacy legislation (PHIPA)", "Meditech", "data quality"} {
		if !contains(him.Skills.EN, want) {
			t.Errorf("12111 lacks the skill phrase %q", want)
		}
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// TestValidateCatchesAuthoringMistakes breaks a copy of the real data one
// way at a time and checks validate names the problem.
func TestValidateCatchesAuthoringMistakes(t *testing.T) {
	real, err := loadData()
	if err != nil {
		t.Fatal(err)
	}
	clone := func() *dataset {
		d := *real
		d.occupations = append([]Occupation(nil), real.occupations...)
		d.provinces = append([]Province(nil), real.provinces...)
		return &d
	}
	tests := []struct {
		name    string
		corrupt func(d *dataset)
		want    string
	}{
		{"short code", func(d *dataset) { d.occupations[0].Code = "6410" }, "5-digit"},
		{"duplicate code", func(d *dataset) { d.occupations[1].Code = d.occupations[0].Code }, "duplicate"},
		{"inverted wage", func(d *dataset) { d.occupations[0].Wage = [2]float64{30, 20} }, "wage range"},
		{"unknown sector", func(d *dataset) { d.occupations[0].Sector = "space" }, "unknown sector"},
		{"few French skills", func(d *dataset) { d.occupations[0].Skills.FR = []string{"a"} }, "fr skills"},
		{"bad pay", func(d *dataset) { d.occupations[0].Pay = "week" }, "pay must be"},
		{"missing province", func(d *dataset) { d.provinces = d.provinces[1:] }, "13 provinces"},
		{"FSA in wrong province", func(d *dataset) {
			p := d.provinces[0]
			p.Cities = []City{{Name: "Nowhere", Weight: 1, FSA: []string{"M5V"}}}
			d.provinces[0] = p
		}, "does not belong"},
	}
	if err := clone().validate(); err != nil {
		t.Fatalf("unmodified data fails validation: %v", err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := clone()
			tc.corrupt(d)
			err := d.validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("validate() = %v, want an error mentioning %q", err, tc.want)
			}
		})
	}
}
