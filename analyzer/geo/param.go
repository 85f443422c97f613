package geo

import (
	"fmt"
	"strings"
)

// ParamKind says what level of geography a region parameter selects.
type ParamKind int

// The kinds of region parameter.
const (
	KindCountry     ParamKind = iota + 1 // the whole country
	KindProvince                         // one province or territory, all its regions
	KindRegion                           // one economic region
	KindUnspecified                      // postings placed no lower than a province (or the country)
)

// String names the kind for logs and API responses.
func (k ParamKind) String() string {
	switch k {
	case KindCountry:
		return "country"
	case KindProvince:
		return "province"
	case KindRegion:
		return "region"
	case KindUnspecified:
		return "unspecified"
	}
	return "unknown"
}

// RegionParam is a parsed "?region=" value.
type RegionParam struct {
	Kind ParamKind
	// Code is "" for the country, the province code ("NL"), the region
	// code ("1010"), or the unspecified key ("NL-unspecified",
	// "CA-unspecified"), matching Region.Key.
	Code string
	// Province is the province the selection lies in, "" for the country
	// and for "CA-unspecified".
	Province string
}

// ParseRegionParam parses what a user may pass to select a geography:
// "CA" or "Canada"; a province code or name ("NL", "Newfoundland and
// Labrador", "Nfld"); a region code or name ("1010", "ER1010", "Avalon
// Peninsula"); or an unspecified key ("NL-unspecified", "CA-unspecified").
// Region names shared by two provinces ("Northeast") need the code.
func ParseRegionParam(s string) (RegionParam, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return RegionParam{}, fmt.Errorf("parse region %q: empty", s)
	}
	if head, ok := cutSuffixFold(s, unspecifiedSuffix); ok {
		head = strings.TrimSpace(head)
		if strings.EqualFold(head, "CA") || strings.EqualFold(head, "Canada") {
			return RegionParam{Kind: KindUnspecified, Code: CountryKey}, nil
		}
		p, ok := LookupProvince(strings.ToUpper(head))
		if !ok {
			p, ok = LookupProvince(head)
		}
		if !ok {
			return RegionParam{}, fmt.Errorf("parse region %q: unknown province %q", s, head)
		}
		return RegionParam{Kind: KindUnspecified, Code: p.Code + unspecifiedSuffix, Province: p.Code}, nil
	}
	key := normalizeKey(s)
	switch key {
	case "ca", "canada", "national", "all":
		return RegionParam{Kind: KindCountry}, nil
	}
	code := strings.TrimPrefix(key, "er")
	if er, ok := regionByCode[strings.TrimSpace(code)]; ok {
		return RegionParam{Kind: KindRegion, Code: er.Code, Province: er.Province}, nil
	}
	if p, ok := LookupProvince(strings.ToUpper(s)); ok {
		return RegionParam{Kind: KindProvince, Code: p.Code, Province: p.Code}, nil
	}
	if p, ok := LookupProvince(s); ok {
		return RegionParam{Kind: KindProvince, Code: p.Code, Province: p.Code}, nil
	}
	switch ers := regionNameIndex()[key]; len(ers) {
	case 0:
	case 1:
		return RegionParam{Kind: KindRegion, Code: ers[0].Code, Province: ers[0].Province}, nil
	default:
		return RegionParam{}, fmt.Errorf("parse region %q: name shared by regions %s and %s; use the code", s, ers[0].Code, ers[1].Code)
	}
	return RegionParam{}, fmt.Errorf("parse region %q: not a province, economic region or country", s)
}

func cutSuffixFold(s, suffix string) (string, bool) {
	if len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}
