package geo

import "strings"

// fsaRegions maps forward-sortation-area prefixes to the economic region
// that contains all of them. Only prefixes that stay inside one region are
// listed: most FSAs outside big cities straddle several census divisions.
var fsaRegions = map[string]string{
	"A1": "1010", // St. John's, Mount Pearl, Conception Bay South, Paradise
	"B3": "1250", // Halifax Regional Municipality
	"G1": "2420", // Québec City
	"G2": "2420",
	"H":  "2440", // Montréal island...
	"H7": "2445", // ...except Laval
	"K1": "3510", // Ottawa
	"K2": "3510",
	"M":  "3530", // Toronto
	"R2": "4650", // Winnipeg
	"R3": "4650",
	"T2": "4830", // Calgary
	"T3": "4830",
	"T5": "4860", // Edmonton
	"T6": "4860",
	"V5": "5920", // Vancouver and Burnaby
	"V6": "5920", // Vancouver and Richmond
}

// nunavutFSAs share the letter X with the Northwest Territories.
var nunavutFSAs = map[string]bool{"X0A": true, "X0B": true, "X0C": true}

// PostalProvince returns the province of a postal code or forward
// sortation area ("A1C 5M2", "a1c"), or "" when it is not one.
func PostalProvince(code string) string {
	fsa := normalizeFSA(code)
	if fsa == "" {
		return ""
	}
	return fsaProvince(fsa)
}

// PostalRegion returns the economic region of a postal code when its
// forward sortation area lies in a single region, or "".
func PostalRegion(code string) string {
	fsa := normalizeFSA(code)
	if fsa == "" {
		return ""
	}
	return fsaRegion(fsa)
}

// normalizeFSA returns the upper-case FSA of a postal code, or "".
func normalizeFSA(code string) string {
	var t tokens
	t.tokenize(code)
	if len(t.toks) == 0 || !t.toks[0].postal {
		return ""
	}
	return t.toks[0].fsa
}

// fsaProvince maps an upper-case FSA to a province code.
func fsaProvince(fsa string) string {
	if fsa == "" {
		return ""
	}
	if fsa[0] == 'X' {
		if nunavutFSAs[fsa] {
			return "NU"
		}
		return "NT"
	}
	for i := range provinces {
		if strings.IndexByte(provinces[i].PostalLetters, fsa[0]) >= 0 {
			return provinces[i].Code
		}
	}
	return ""
}

// fsaRegion maps an upper-case FSA to an economic region by its longest
// listed prefix.
func fsaRegion(fsa string) string {
	for n := min(len(fsa), 2); n >= 1; n-- {
		if code, ok := fsaRegions[fsa[:n]]; ok {
			return code
		}
	}
	return ""
}
