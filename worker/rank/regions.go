package rank

import (
	"cmp"
	"slices"
	"strings"
)

// RegionShare is one place's part of a profile's postings. A province
// breakdown lists its economic regions and its unspecified bucket; a
// Canada breakdown lists provinces and territories and "CA-unspecified".
type RegionShare struct {
	Code  string  `json:"code"`
	Name  string  `json:"name,omitempty"`
	Count int     `json:"count"`
	Share float64 `json:"share"` // raw fraction of the profile's postings
	// Percent is Share in percent with one decimal, rounded by largest
	// remainder so that a breakdown always sums to exactly 100.0.
	Percent float64 `json:"percent"`
	// Flag is FlagLowCount when the place has some but fewer than MinCount
	// postings: shown, not hidden, so the shares still add up.
	Flag string `json:"flag,omitempty"`
}

// regionOf returns where a record falls in a breakdown of scope: its
// province for Canada, its economic region for a province (or the
// province's unspecified bucket when the region is missing or belongs
// elsewhere), its own region otherwise.
func regionOf(scope Scope, r *Record) (code, name string) {
	switch scope.Kind {
	case Canada:
		if p, ok := provinceByCode(r.Province); ok {
			return p.Code, p.Name
		}
		return unspecifiedOf("CA")
	case Province:
		if RegionProvince(r.Region) == scope.Code {
			return r.Region, r.RegionName
		}
		return unspecifiedOf(scope.Code)
	}
	return r.Region, r.RegionName
}

// unspecifiedOf names a province's (or Canada's) unspecified bucket.
func unspecifiedOf(place string) (code, name string) {
	if p, ok := provinceByCode(place); ok {
		return place + unspecifiedSuffix, p.Name + " (region not specified)"
	}
	return "CA" + unspecifiedSuffix, "Canada (province not specified)"
}

// regionShares breaks the postings idx down by place (see regionOf),
// listing known places without postings too, and flags small counts.
func regionShares(records []Record, idx []int, q Query) []RegionShare {
	byCode := map[string]*RegionShare{}
	known := map[string]bool{}
	seed := func(code, name string) {
		byCode[code] = &RegionShare{Code: code, Name: name}
		known[code] = name != ""
	}
	switch q.Scope.Kind {
	case Canada:
		for _, p := range Provinces {
			seed(p.Code, p.Name)
		}
		seed(unspecifiedOf("CA"))
	case Province:
		for _, ref := range q.KnownRegions[q.Scope.Code] {
			seed(ref.Code, ref.Name)
		}
		seed(unspecifiedOf(q.Scope.Code))
	}
	for _, i := range idx {
		code, name := regionOf(q.Scope, &records[i])
		rs := byCode[code]
		if rs == nil {
			rs = &RegionShare{Code: code, Name: name}
			byCode[code] = rs
		}
		if !known[code] {
			rs.Name = smallestNonEmpty(rs.Name, name)
		}
		rs.Count++
	}
	out := make([]RegionShare, 0, len(byCode))
	for _, rs := range byCode {
		rs.Share = float64(rs.Count) / float64(len(idx))
		if rs.Count > 0 && rs.Count < q.MinCount {
			rs.Flag = FlagLowCount
		}
		out = append(out, *rs)
	}
	setPercents(out, len(idx))
	slices.SortFunc(out, func(a, b RegionShare) int {
		ua, ub := strings.HasSuffix(a.Code, unspecifiedSuffix), strings.HasSuffix(b.Code, unspecifiedSuffix)
		if ua != ub { // the unspecified bucket comes last, as on the published profiles
			if ua {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Code, b.Code)
	})
	return out
}

// setPercents rounds shares to tenths of a percent by largest remainder,
// in integers so no float error can make the total 99.9 or 100.1: each
// place gets floor(count×1000/total) tenths, and the tenths still missing
// go to the largest remainders (ties: larger count, then code).
func setPercents(rs []RegionShare, total int) {
	if total <= 0 {
		return
	}
	tenths := make([]int, len(rs))
	rems := make([]int, len(rs))
	order := make([]int, len(rs))
	given := 0
	for i := range rs {
		tenths[i] = rs[i].Count * 1000 / total
		rems[i] = rs[i].Count * 1000 % total
		given += tenths[i]
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(rems[b], rems[a]); c != 0 {
			return c
		}
		if c := cmp.Compare(rs[b].Count, rs[a].Count); c != 0 {
			return c
		}
		return cmp.Compare(rs[a].Code, rs[b].Code)
	})
	for k := 0; given < 1000 && k < len(order); k++ {
		tenths[order[k]]++
		given++
	}
	for i := range rs {
		rs[i].Percent = float64(tenths[i]) / 10
	}
}
