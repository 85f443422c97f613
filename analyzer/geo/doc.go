// Package geo resolves the free-text location of a job posting to a Canadian
// province or territory and, where the place is known, to one of Statistics
// Canada's 76 economic regions (SGC 2021).
//
// A location that names no place below the province resolves to the
// province alone (key "NL-unspecified"), and one that names no province
// resolves to the country ("CA-unspecified"): postings are never dropped for
// being vague. Prince Edward Island and the three territories are each a
// single economic region, so naming them is enough to resolve the region.
//
// The built-in gazetteer (gazetteer.txt) covers towns of about 5,000 people
// and more, the main places of every region, big-city neighbourhoods and
// region names. LoadCensusSubdivisions adds all ~5,000 census subdivisions
// through the census-division → economic-region table in regions.go.
package geo
