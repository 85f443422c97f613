package geo

import (
	"strings"
	"testing"
)

// checkRegion asserts the invariants every resolved Region must hold.
func checkRegion(t *testing.T, in string, reg Region) {
	t.Helper()
	switch {
	case reg.Code != "":
		er, ok := LookupRegion(reg.Code)
		if !ok || er.Province != reg.Province || er.Name != reg.Name || reg.ProvinceName == "" {
			t.Fatalf("ResolveText(%q) = inconsistent region %+v", in, reg)
		}
	case reg.Province != "":
		if reg.Name != "" || provinceName(reg.Province) != reg.ProvinceName {
			t.Fatalf("ResolveText(%q) = inconsistent province %+v", in, reg)
		}
		if _, single := soleRegion[reg.Province]; single {
			t.Fatalf("ResolveText(%q) = %s-unspecified for a single-region province", in, reg.Province)
		}
	default:
		if reg != (Region{}) {
			t.Fatalf("ResolveText(%q) = half-empty %+v", in, reg)
		}
	}
	if _, err := ParseRegionParam(reg.Key()); err != nil {
		t.Fatalf("key %q of %q does not parse back: %v", reg.Key(), in, err)
	}
}

func FuzzResolveText(f *testing.F) {
	for _, tc := range resolveCases {
		f.Add(tc.in)
	}
	for _, s := range []string{"", ",,,", "((()))", "A1C", "X0A", "Québec Québec Québec", "\xff\xfe", "St.", "on on on ON"} {
		f.Add(s)
	}
	r := NewBuiltin()
	f.Fuzz(func(t *testing.T, s string) {
		checkRegion(t, s, r.ResolveText(s))
	})
}

func FuzzParseRegionParam(f *testing.F) {
	for _, s := range []string{"CA", "NL", "1010", "ER1010", "Avalon Peninsula", "NL-unspecified", "CA-unspecified", "Northeast", "", "-unspecified", "er"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseRegionParam(s)
		if err != nil {
			return
		}
		switch p.Kind {
		case KindCountry:
			if p.Code != "" {
				t.Fatalf("%q: country with code %q", s, p.Code)
			}
			return
		case KindProvince:
			if _, ok := provinceByCode[p.Code]; !ok || p.Province != p.Code {
				t.Fatalf("%q: bad province %+v", s, p)
			}
		case KindRegion:
			if er, ok := LookupRegion(p.Code); !ok || er.Province != p.Province {
				t.Fatalf("%q: bad region %+v", s, p)
			}
		case KindUnspecified:
			if !strings.HasSuffix(p.Code, unspecifiedSuffix) {
				t.Fatalf("%q: bad unspecified %+v", s, p)
			}
		default:
			t.Fatalf("%q: unknown kind %+v", s, p)
		}
		again, err := ParseRegionParam(p.Code)
		if err != nil || again != p {
			t.Fatalf("%q: code %q does not round-trip: %+v %v", s, p.Code, again, err)
		}
	})
}

func FuzzParseGazetteer(f *testing.F) {
	f.Add("NL 1010 100 St. John's | Saint-Jean\n")
	f.Add("# comment\n\nQC 2440 5 ~Mtl\nXX 1010 1 Bad\nNL 1010 -1 Neg\nNL 1010\n")
	f.Add(gazetteerText[:2000])
	f.Fuzz(func(t *testing.T, text string) {
		places, _ := ParseGazetteer(strings.NewReader(text))
		for _, p := range places {
			if err := validatePlace(p); err != nil {
				t.Fatalf("returned invalid place: %v", err)
			}
		}
	})
}

func FuzzReadCensusSubdivisions(f *testing.F) {
	f.Add("id,name,name_fr\nocd-division/country:ca/csd:1001105,Portugal Cove South,Portugal Cove South\n")
	f.Add("name,id\nX,ocd-division/country:ca/csd:99\n\"unterminated\n")
	f.Add("id,name\nocd-division/country:ca/csd:2466023,\n")
	f.Fuzz(func(t *testing.T, text string) {
		places, _ := ReadCensusSubdivisions(strings.NewReader(text))
		for _, p := range places {
			if err := validatePlace(p); err != nil || p.Region == "" {
				t.Fatalf("returned invalid place %+v: %v", p, err)
			}
		}
	})
}

func TestParseGazetteerErrors(t *testing.T) {
	in := "NL 1010 100 Good | Alias\nXX 1010 1 BadProvince\nNL 1010 x BadPop\nNS 1010 1 WrongRegion\nNL 1010\nNL - 5 ~Province Level\n"
	places, err := ParseGazetteer(strings.NewReader(in))
	if err == nil {
		t.Error("want an error naming the bad lines")
	} else {
		for _, line := range []string{"line 2", "line 3", "line 4", "line 5"} {
			if !strings.Contains(err.Error(), line) {
				t.Errorf("error %q does not name %s", err, line)
			}
		}
	}
	if len(places) != 2 {
		t.Fatalf("got %d places, want 2", len(places))
	}
	if p := places[0]; p.Name != "Good" || len(p.Aliases) != 1 || p.Population != 100 || p.NeedsProvince {
		t.Errorf("first place = %+v", p)
	}
	if p := places[1]; p.Name != "Province Level" || p.Region != "" || !p.NeedsProvince {
		t.Errorf("second place = %+v", p)
	}
}

func TestBuiltinGazetteerParses(t *testing.T) {
	if _, err := ParseGazetteer(strings.NewReader(gazetteerText)); err != nil {
		t.Fatal(err)
	}
}
