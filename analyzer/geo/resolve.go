package geo

import "slices"

// dominance is how many times larger the most populous of several
// same-named places must be to win when no province is given: Windsor, ON
// (230,000) beats Windsor, NS (3,700), but Lloydminster, AB (20,000)
// against Lloydminster, SK (12,000) stays undecided. Places loaded without
// a population count as small, so a built-in town beats a namesake that
// only the census subdivision list knows.
const dominance = 3

// hit is one phrase found in the text.
type hit struct {
	ph            *phrase
	dual          bool // the phrase also names a province ("Québec")
	provinceAfter bool // a dual phrase directly followed by a province
}

// resolveTokens applies the resolution rules, in order:
//
//  1. Provinces named in the text (or, failing that, the postal code's)
//     restrict which places count: "Windsor, NS" is never Windsor, ON, and
//     "Toronto, QC" stays at QC-unspecified rather than jumping province.
//  2. The last place in the text that decides wins, because addresses run
//     from street to city ("1 Dundas St, London, ON" is London). A name
//     shared by several places decides when only one is in an allowed
//     province, or, with no province given, when one place dominates by
//     population.
//  3. A phrase that is both a province and a place ("Québec") is the place
//     only when a province follows it ("Québec, QC", "Québec (Québec)"),
//     and only if no other place decides ("Lévis, Québec, QC" is Lévis).
//  4. Otherwise: the postal code's region when its FSA lies in one region,
//     then a province-level result, then the country.
//  5. A foreign country with no Canadian province ("London, UK") resolves
//     to the country, not to London, ON.
func (r *Resolver) resolveTokens(t *tokens) Region {
	var hitBuf [16]hit
	var provBuf [4]string
	hits, provs := hitBuf[:0], provBuf[:0]
	postalFSA, postalProv := "", ""
	foreign := false

	n := len(t.toks)
	for i := 0; i < n; {
		if t.toks[i].postal {
			if t.toks[i].fsa != "" && postalFSA == "" {
				postalFSA = t.toks[i].fsa
				postalProv = fsaProvince(postalFSA)
			}
			i++
			continue
		}
		matched := 0
		for l := min(r.firstMax[string(t.text(i))], n-i); l >= 1; l-- {
			ph := r.phrases[string(t.span(i, i+l-1))]
			if ph == nil {
				continue
			}
			abbrevOK := !ph.short || looksLikeAbbrev(t, i, i+l-1)
			isProv := ph.province != "" && abbrevOK
			isForeign := ph.foreign && abbrevOK
			if !isProv && !isForeign && !ph.stop && len(ph.places) == 0 {
				continue
			}
			if isProv {
				if len(hits) > 0 && hits[len(hits)-1].dual {
					hits[len(hits)-1].provinceAfter = true
				}
				if !slices.Contains(provs, ph.province) {
					provs = append(provs, ph.province)
				}
			}
			foreign = foreign || isForeign
			if len(ph.places) > 0 {
				hits = append(hits, hit{ph: ph, dual: isProv})
			}
			matched = l
			break
		}
		i += max(matched, 1)
	}

	allowed := provs
	if len(allowed) == 0 && postalProv != "" {
		allowed = []string{postalProv}
	}
	if len(allowed) == 0 && foreign {
		return Region{}
	}

	var fallback Region
	for _, duals := range []bool{false, true} {
		for k := len(hits) - 1; k >= 0; k-- {
			h := hits[k]
			if h.dual != duals || (h.dual && !h.provinceAfter) {
				continue
			}
			reg, decided := choose(h.ph.places, allowed)
			if decided {
				return reg
			}
			if fallback.Province == "" {
				fallback = reg
			}
		}
	}
	if postalProv != "" && (len(provs) == 0 || slices.Contains(provs, postalProv)) {
		if code := fsaRegion(postalFSA); code != "" && regionByCode[code].Province == postalProv {
			return regionOf(code)
		}
	}
	if fallback.Province != "" {
		return fallback
	}
	if len(allowed) > 0 {
		return provinceOnly(allowed[0])
	}
	return Region{}
}

// looksLikeAbbrev accepts a short province or country abbreviation only
// where it reads as one: written in capitals ("ON"), capitalised when three
// letters or more ("Sask"), or a two-letter code ending a part of the
// address ("toronto, on"). This keeps "work on site" out of Ontario.
func looksLikeAbbrev(t *tokens, i, j int) bool {
	allUpper := true
	for k := i; k <= j; k++ {
		allUpper = allUpper && t.toks[k].upper
	}
	if allUpper {
		return true
	}
	if i == j && t.toks[i].end-t.toks[i].start >= 3 {
		// Word-like abbreviations ("Man", "Que", "Alta") need a capital:
		// "delivery man" is not Manitoba.
		return t.toks[i].title
	}
	return t.toks[j].segEnd
}

// choose picks among the places a name may denote. decided is false when
// the name stays ambiguous; the returned Region is then the shared
// province, if any, for use as a fallback.
func choose(places []placeRef, allowed []string) (Region, bool) {
	var best, second *placeRef
	count, sameRegion, sameProvince := 0, true, true
	for i := range places {
		p := &places[i]
		if len(allowed) > 0 && !slices.Contains(allowed, p.province) {
			continue
		}
		if p.needsProvince && len(allowed) == 0 {
			continue
		}
		if best != nil {
			sameRegion = sameRegion && p.region == best.region
			sameProvince = sameProvince && p.province == best.province
		}
		count++
		if best == nil || p.population > best.population {
			if best != nil && best.region != p.region {
				second = best
			}
			best = p
		} else if p.region != best.region && (second == nil || p.population > second.population) {
			second = p
		}
	}
	switch {
	case count == 0:
		return Region{}, false
	case sameRegion && best.region != "":
		return regionOf(best.region), true
	case !sameRegion && best.region != "" && best.population > 0 && best.population >= dominance*second.population:
		return regionOf(best.region), true
	case sameProvince:
		return provinceOnly(best.province), false
	}
	return Region{}, false
}
