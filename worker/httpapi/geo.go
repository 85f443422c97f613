package httpapi

import (
	"fmt"
	"strings"
	"sync"

	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/rank"
)

// scopeOf turns a parsed ?region= into a profile scope and its display name.
func scopeOf(rp geo.RegionParam) (rank.Scope, string, error) {
	switch rp.Kind {
	case geo.KindCountry:
		return rank.Scope{Kind: rank.Country, Code: "CA"}, "Canada", nil
	case geo.KindProvince:
		p, _ := geo.LookupProvince(rp.Code)
		return rank.Scope{Kind: rank.Province, Code: rp.Code}, p.Name, nil
	case geo.KindRegion:
		er, _ := geo.LookupRegion(rp.Code)
		return rank.Scope{Kind: rank.Region, Code: rp.Code}, er.Name, nil
	case geo.KindUnspecified:
		return rank.Scope{Kind: rank.Unspecified, Code: rp.Code}, rp.Code, nil
	}
	return rank.Scope{}, "", fmt.Errorf("unsupported region kind %v", rp.Kind)
}

var (
	knownOnce sync.Once
	known     map[string][]rank.RegionRef
)

// knownRegions lists every economic region per province, so profiles show
// regions without postings too.
func knownRegions() map[string][]rank.RegionRef {
	knownOnce.Do(func() {
		known = map[string][]rank.RegionRef{}
		for _, p := range geo.Provinces() {
			known["CA"] = append(known["CA"], rank.RegionRef{Code: p.Code, Name: p.Name})
		}
		for _, er := range geo.Regions() {
			known[er.Province] = append(known[er.Province], rank.RegionRef{Code: er.Code, Name: er.Name})
		}
	})
	return known
}

// regionName names a region key: an economic region, a province, or an
// unspecified bucket ("NL, unspecified").
func regionName(code string) string {
	for _, refs := range knownRegions() {
		for _, r := range refs {
			if r.Code == code {
				return r.Name
			}
		}
	}
	if prov, ok := strings.CutSuffix(code, "-unspecified"); ok {
		if prov == "CA" {
			return "Canada, unspecified"
		}
		return prov + ", unspecified"
	}
	return ""
}

// placeIn names a place in lang: provinces and territories have official
// French names; economic regions keep their one official name (Quebec's
// are French already, the others are place names the reference data
// publishes in English only).
func placeIn(code, name, lang string) string {
	if lang != "fr" {
		return name
	}
	if p, ok := geo.LookupProvince(code); ok && p.NameFR != "" && p.Code == code {
		return p.NameFR
	}
	if prov, ok := strings.CutSuffix(code, "-unspecified"); ok {
		if prov == "CA" {
			return "Canada, non précisé"
		}
		return prov + ", non précisé"
	}
	return name
}
