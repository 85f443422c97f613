package rank

import (
	"fmt"
	"strings"
)

// ScopeKind says what geography a Scope covers.
type ScopeKind int

// Scope kinds.
const (
	Canada      ScopeKind = iota // the whole country, "CA"
	Province                     // a province or territory, "NL"
	Region                       // an economic region, "1010"
	Unspecified                  // postings placed no finer than a province (or Canada), "NL-unspecified"
)

// Scope is the geography of a query. The zero value is Canada.
type Scope struct {
	Kind ScopeKind
	Code string // "CA", "NL", "1010", "NL-unspecified", "CA-unspecified"
}

// ProvinceRef describes a province or territory.
type ProvinceRef struct {
	Code string // postal abbreviation, "NL"
	SGC  string // Standard Geographical Classification code, "10"; economic region codes start with it
	Name string // English name
}

// Provinces lists Canada's provinces and territories in SGC order.
var Provinces = []ProvinceRef{
	{"NL", "10", "Newfoundland and Labrador"},
	{"PE", "11", "Prince Edward Island"},
	{"NS", "12", "Nova Scotia"},
	{"NB", "13", "New Brunswick"},
	{"QC", "24", "Quebec"},
	{"ON", "35", "Ontario"},
	{"MB", "46", "Manitoba"},
	{"SK", "47", "Saskatchewan"},
	{"AB", "48", "Alberta"},
	{"BC", "59", "British Columbia"},
	{"YT", "60", "Yukon"},
	{"NT", "61", "Northwest Territories"},
	{"NU", "62", "Nunavut"},
}

const unspecifiedSuffix = "-unspecified"

func provinceByCode(code string) (ProvinceRef, bool) {
	for _, p := range Provinces {
		if p.Code == code {
			return p, true
		}
	}
	return ProvinceRef{}, false
}

func provinceBySGC(sgc string) (ProvinceRef, bool) {
	for _, p := range Provinces {
		if p.SGC == sgc {
			return p, true
		}
	}
	return ProvinceRef{}, false
}

// RegionProvince returns the province of an economic region code ("1010"
// is in NL), or "" when code is not a four-digit ER code of a known
// province.
func RegionProvince(code string) string {
	if len(code) != 4 || !allDigits(code) {
		return ""
	}
	p, _ := provinceBySGC(code[:2])
	return p.Code
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// ParseScope reads the code forms of a scope: "CA", a province or
// territory ("NL", any case), an economic region ("1010") or an
// unspecified bucket ("NL-unspecified", "CA-unspecified"). Place names are
// resolved elsewhere (the geo package); an empty string is an error so a
// missing parameter is not silently read as Canada.
func ParseScope(s string) (Scope, error) {
	code := strings.TrimSpace(s)
	upper := strings.ToUpper(code)
	switch {
	case code == "":
		return Scope{}, fmt.Errorf("parse scope: empty; want CA, a province code (NL), an economic region code (1010) or NL-unspecified")
	case upper == "CA":
		return Scope{Canada, "CA"}, nil
	case strings.HasSuffix(upper, strings.ToUpper(unspecifiedSuffix)):
		prov := strings.TrimSuffix(upper, strings.ToUpper(unspecifiedSuffix))
		if _, ok := provinceByCode(prov); !ok && prov != "CA" {
			return Scope{}, fmt.Errorf("parse scope %q: %q is not CA or a province or territory code", s, prov)
		}
		return Scope{Unspecified, prov + unspecifiedSuffix}, nil
	case allDigits(code):
		if len(code) != 4 {
			return Scope{}, fmt.Errorf("parse scope %q: an economic region code has 4 digits", s)
		}
		if RegionProvince(code) == "" {
			return Scope{}, fmt.Errorf("parse scope %q: economic region code does not start with a province's SGC code (10 to 62)", s)
		}
		return Scope{Region, code}, nil
	case len(upper) == 2:
		if _, ok := provinceByCode(upper); !ok {
			return Scope{}, fmt.Errorf("parse scope %q: not a province or territory code", s)
		}
		return Scope{Province, upper}, nil
	}
	return Scope{}, fmt.Errorf("parse scope %q: want CA, a province code (NL), an economic region code (1010) or NL-unspecified", s)
}

// Contains reports whether a record falls in the scope: Canada holds every
// record, a province those whose Province matches, an economic region or
// unspecified bucket those whose Region matches.
func (s Scope) Contains(r *Record) bool {
	switch s.Kind {
	case Canada:
		return true
	case Province:
		return r.Province == s.Code
	default:
		return r.Region == s.Code
	}
}

// String returns the scope's code.
func (s Scope) String() string {
	if s.Kind == Canada && s.Code == "" {
		return "CA"
	}
	return s.Code
}

// MarshalText writes the scope's code, so scopes read well in JSON.
func (s Scope) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a scope code with ParseScope.
func (s *Scope) UnmarshalText(b []byte) error {
	v, err := ParseScope(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
