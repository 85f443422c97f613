package httpapi

import (
	"fmt"
	"sync"

	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/worker/profile"
)

// scopeOf turns a parsed ?region= into a profile scope and its display name.
func scopeOf(rp geo.RegionParam) (profile.Scope, string, error) {
	switch rp.Kind {
	case geo.KindCountry:
		return profile.Scope{Kind: profile.Country, Code: "CA"}, "Canada", nil
	case geo.KindProvince:
		p, _ := geo.LookupProvince(rp.Code)
		return profile.Scope{Kind: profile.Province, Code: rp.Code}, p.Name, nil
	case geo.KindRegion:
		er, _ := geo.LookupRegion(rp.Code)
		return profile.Scope{Kind: profile.Region, Code: rp.Code}, er.Name, nil
	case geo.KindUnspecified:
		return profile.Scope{Kind: profile.Unspecified, Code: rp.Code}, rp.Code, nil
	}
	return profile.Scope{}, "", fmt.Errorf("unsupported region kind %v", rp.Kind)
}

var (
	knownOnce sync.Once
	known     map[string][]profile.RegionRef
)

// knownRegions lists every economic region per province, so profiles show
// regions without postings too.
func knownRegions() map[string][]profile.RegionRef {
	knownOnce.Do(func() {
		known = map[string][]profile.RegionRef{}
		for _, p := range geo.Provinces() {
			known["CA"] = append(known["CA"], profile.RegionRef{Code: p.Code, Name: p.Name})
		}
		for _, er := range geo.Regions() {
			known[er.Province] = append(known[er.Province], profile.RegionRef{Code: er.Code, Name: er.Name})
		}
	})
	return known
}
