package geo

import "sync"

// provinceAliasIndex maps the normalized names and abbreviations of every
// province to its code.
var provinceAliasIndex = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, p := range provinces {
		for _, name := range append([]string{p.Code, p.Name, p.NameFR}, p.Aliases...) {
			m[normalizeKey(name)] = p.Code
		}
	}
	return m
})

// regionNameIndex maps normalized economic region names (official and
// alternative) to the regions bearing them; a few names ("Northeast") occur
// in two provinces.
var regionNameIndex = sync.OnceValue(func() map[string][]*ER {
	m := map[string][]*ER{}
	for i := range economicRegions {
		er := &economicRegions[i]
		for _, name := range append([]string{er.Name}, er.AltNames...) {
			key := normalizeKey(name)
			m[key] = append(m[key], er)
		}
	}
	return m
})
