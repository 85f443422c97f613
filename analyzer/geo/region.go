package geo

// Region is where a posting resolved to: an economic region when the place
// is known, otherwise a province alone, otherwise the whole country.
type Region struct {
	Province     string // two-letter code, "" when not even the province is known
	ProvinceName string // English province name, "" with Province
	Code         string // economic region code such as "1010", "" below region level
	Name         string // economic region name, "" with Code
}

// CountryKey is the key of a location that resolved to no province.
const CountryKey = "CA-unspecified"

// unspecifiedSuffix marks a province-level key such as "NL-unspecified".
const unspecifiedSuffix = "-unspecified"

// Key is the aggregation key: the region code, "<PROV>-unspecified" or
// "CA-unspecified".
func (r Region) Key() string {
	switch {
	case r.Code != "":
		return r.Code
	case r.Province != "":
		return r.Province + unspecifiedSuffix
	default:
		return CountryKey
	}
}

// Unspecified reports whether the location did not resolve to an economic
// region.
func (r Region) Unspecified() bool { return r.Code == "" }

// regionOf builds the Region of an economic region code known to exist.
func regionOf(code string) Region {
	er, ok := regionByCode[code]
	if !ok {
		return Region{}
	}
	return Region{Province: er.Province, ProvinceName: provinceName(er.Province), Code: er.Code, Name: er.Name}
}

// provinceOnly builds the province-level Region of a province code. A
// province that is a single economic region (PEI and the territories)
// resolves to that region: knowing the province is knowing the region.
func provinceOnly(code string) Region {
	if _, ok := provinceByCode[code]; !ok {
		return Region{}
	}
	if er, ok := soleRegion[code]; ok {
		return regionOf(er)
	}
	return Region{Province: code, ProvinceName: provinceName(code)}
}

// soleRegion maps provinces made of one economic region to its code.
var soleRegion = func() map[string]string {
	count := map[string]int{}
	last := map[string]string{}
	for _, er := range economicRegions {
		count[er.Province]++
		last[er.Province] = er.Code
	}
	m := map[string]string{}
	for prov, n := range count {
		if n == 1 {
			m[prov] = last[prov]
		}
	}
	return m
}()
