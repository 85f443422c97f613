package geo

import "testing"

func TestParseRegionParam(t *testing.T) {
	cases := []struct {
		in       string
		kind     ParamKind
		code     string
		province string
	}{
		{"CA", KindCountry, "", ""},
		{"Canada", KindCountry, "", ""},
		{"NL", KindProvince, "NL", "NL"},
		{"nl", KindProvince, "NL", "NL"},
		{"on", KindProvince, "ON", "ON"},
		{"Newfoundland and Labrador", KindProvince, "NL", "NL"},
		{"Terre-Neuve-et-Labrador", KindProvince, "NL", "NL"},
		{"Québec", KindProvince, "QC", "QC"},
		{"Nunavut", KindProvince, "NU", "NU"}, // a province before the region of the same name
		{"1010", KindRegion, "1010", "NL"},
		{"ER1010", KindRegion, "1010", "NL"},
		{"er2440", KindRegion, "2440", "QC"},
		{"Avalon Peninsula", KindRegion, "1010", "NL"},
		{"avalon peninsula", KindRegion, "1010", "NL"},
		{"Montérégie", KindRegion, "2435", "QC"},
		{"Monteregie", KindRegion, "2435", "QC"},
		{"Lower Mainland", KindRegion, "5920", "BC"},
		{"Lower Mainland--Southwest", KindRegion, "5920", "BC"},
		{"Toronto", KindRegion, "3530", "ON"},
		{"NL-unspecified", KindUnspecified, "NL-unspecified", "NL"},
		{"nl-UNSPECIFIED", KindUnspecified, "NL-unspecified", "NL"},
		{"CA-unspecified", KindUnspecified, "CA-unspecified", ""},
		{" 3510 ", KindRegion, "3510", "ON"},
	}
	for _, tc := range cases {
		got, err := ParseRegionParam(tc.in)
		if err != nil {
			t.Errorf("ParseRegionParam(%q): %v", tc.in, err)
			continue
		}
		if got.Kind != tc.kind || got.Code != tc.code || got.Province != tc.province {
			t.Errorf("ParseRegionParam(%q) = %+v, want %v %q %q", tc.in, got, tc.kind, tc.code, tc.province)
		}
	}
	for _, bad := range []string{"", "  ", "Atlantis", "9999", "ER99", "XX-unspecified", "Northeast", "-unspecified"} {
		if got, err := ParseRegionParam(bad); err == nil {
			t.Errorf("ParseRegionParam(%q) = %+v, want an error", bad, got)
		}
	}
}

// TestParamRoundTrip checks that every key the resolver can produce parses
// back to itself, so the API can filter by any stored key.
func TestParamRoundTrip(t *testing.T) {
	keys := []string{CountryKey}
	for _, p := range Provinces() {
		keys = append(keys, p.Code+"-unspecified")
	}
	for _, er := range Regions() {
		keys = append(keys, er.Code)
	}
	for _, key := range keys {
		got, err := ParseRegionParam(key)
		if err != nil || got.Code != key {
			t.Errorf("ParseRegionParam(%q) = %+v, %v", key, got, err)
		}
	}
}

func TestParamKindString(t *testing.T) {
	for k, want := range map[ParamKind]string{KindCountry: "country", KindProvince: "province",
		KindRegion: "region", KindUnspecified: "unspecified", 0: "unknown"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(k), got, want)
		}
	}
}
