package geo

import (
	"errors"
	"fmt"
	"hash"
	"hash/fnv"
	"strings"
	"sync"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// Place is a gazetteer entry: a named place inside one economic region.
type Place struct {
	Name    string
	Aliases []string // other spellings and languages ("Montreal", "Ville de Montréal")
	// Province is the two-letter province code.
	Province string
	// Region is the economic region code; "" when only the province is known.
	Region string
	// Population decides between same-named places when a posting gives no
	// province; 0 means unknown (treated as small).
	Population int
	// NeedsProvince marks names that are also common words ("Paradise",
	// "Mission", "Hope"): they count only when the province is given too.
	NeedsProvince bool
	// Code is the SGC census subdivision code when the place is one.
	Code string
}

// placeRef is what a phrase knows about one place it may name.
type placeRef struct {
	province      string
	region        string
	population    int
	needsProvince bool
}

// phrase is everything a normalized word sequence can mean.
type phrase struct {
	province string // the phrase names this province
	short    bool   // province or country abbreviation that must look like one
	foreign  bool   // the phrase names a country other than Canada
	stop     bool   // a phrase that means nothing here ("on site") but must not be split
	places   []placeRef
}

// Resolver maps location text to regions. It is safe for concurrent use;
// Add may run while other goroutines resolve.
type Resolver struct {
	mu       sync.RWMutex
	phrases  map[string]*phrase
	firstMax map[string]int // first word → longest phrase starting with it
	pool     sync.Pool
	added    hash.Hash64 // every place added, in order (see Version)
}

// foreignNames are countries whose mention, without any Canadian province,
// means the posting is not placed in Canada ("London, UK").
var foreignNames = []string{"USA", "U.S.A.", "US", "U.S.", "United States", "United States of America",
	"UK", "U.K.", "United Kingdom", "England", "Scotland", "Ireland", "France", "Germany", "India",
	"Australia", "Mexico", "États-Unis", "Royaume-Uni"}

// stopPhrases contain a province abbreviation as an ordinary word; matched
// whole, "ON-SITE" cannot read as Ontario.
var stopPhrases = []string{"on site", "onsite", "on call", "on the road", "on location", "on premise", "on premises", "on the job"}

// New returns a resolver that knows provinces and postal codes but no
// places; NewBuiltin adds the embedded gazetteer.
func New() *Resolver {
	r := &Resolver{phrases: map[string]*phrase{}, firstMax: map[string]int{}, added: fnv.New64a()}
	r.pool.New = func() any { return &tokens{} }
	for _, p := range provinces {
		for _, name := range append([]string{p.Code, p.Name, p.NameFR}, p.Aliases...) {
			key := normalizeKey(name)
			ph := r.phrase(key)
			ph.province = p.Code
			ph.short = ph.short || isShort(key)
		}
	}
	for _, name := range stopPhrases {
		r.phrase(normalizeKey(name)).stop = true
	}
	for _, name := range foreignNames {
		key := normalizeKey(name)
		ph := r.phrase(key)
		ph.foreign = true
		ph.short = ph.short || isShort(key)
	}
	return r
}

// NewBuiltin returns a resolver loaded with the embedded gazetteer: every
// sizeable town, the main places of every economic region, and well-known
// neighbourhoods and region names.
func NewBuiltin() *Resolver {
	r := New()
	// The embedded table is checked by tests; an error here is a build bug.
	_ = r.Add(builtinPlaces()...)
	return r
}

// isShort reports whether a key is an abbreviation of four letters or
// fewer ("on", "qc", "p e i", "sask"), which English words can collide with.
func isShort(key string) bool {
	return len(strings.ReplaceAll(key, " ", "")) <= 4
}

func (r *Resolver) phrase(key string) *phrase {
	ph, ok := r.phrases[key]
	if !ok {
		ph = &phrase{}
		r.phrases[key] = ph
		first, _, _ := strings.Cut(key, " ")
		r.firstMax[first] = max(r.firstMax[first], strings.Count(key, " ")+1)
	}
	return ph
}

// Add puts places into the gazetteer. A name already known for the same
// province and region is merged (keeping the larger population); a place
// with an unknown province or a region outside its province is skipped and
// reported in the returned error, while the valid ones are still added.
func (r *Resolver) Add(places ...Place) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var errs []error
	for _, p := range places {
		if err := validatePlace(p); err != nil {
			errs = append(errs, err)
			continue
		}
		r.hashPlace(p)
		ref := placeRef{province: p.Province, region: p.Region, population: p.Population, needsProvince: p.NeedsProvince}
		for _, name := range append([]string{p.Name}, p.Aliases...) {
			if key := normalizeKey(name); key != "" {
				r.phrase(key).merge(ref)
			}
		}
	}
	return errors.Join(errs...)
}

func validatePlace(p Place) error {
	if _, ok := provinceByCode[p.Province]; !ok {
		return fmt.Errorf("place %q: unknown province %q", p.Name, p.Province)
	}
	if p.Region != "" {
		er, ok := regionByCode[p.Region]
		if !ok {
			return fmt.Errorf("place %q: unknown economic region %q", p.Name, p.Region)
		}
		if er.Province != p.Province {
			return fmt.Errorf("place %q: region %s is in %s, not %s", p.Name, p.Region, er.Province, p.Province)
		}
	}
	if normalizeKey(p.Name) == "" {
		return fmt.Errorf("place %q: empty name", p.Name)
	}
	return nil
}

func (ph *phrase) merge(ref placeRef) {
	for i := range ph.places {
		old := &ph.places[i]
		if old.province == ref.province && old.region == ref.region {
			old.population = max(old.population, ref.population)
			old.needsProvince = old.needsProvince && ref.needsProvince
			return
		}
	}
	ph.places = append(ph.places, ref)
}

// Resolve maps a posting location to a region. Structured fields (city,
// province, postal code) are used alongside the raw text.
func (r *Resolver) Resolve(loc *posting.Location) Region {
	if loc == nil {
		return Region{}
	}
	if loc.City == "" && loc.Province == "" && loc.PostalCode == "" {
		return r.ResolveText(loc.Raw)
	}
	// Commas make each field its own part, so a structured "on" counts as
	// Ontario as surely as "ON" would.
	return r.ResolveText(loc.City + ", " + loc.Province + ", " + loc.PostalCode + ", " + loc.Raw)
}

// ResolveText maps free location text ("St. John's, NL", "Remote in
// Ontario", "A1C 5M2") to a region.
func (r *Resolver) ResolveText(s string) Region {
	t := r.pool.Get().(*tokens)
	defer r.pool.Put(t)
	t.tokenize(s)
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.resolveTokens(t)
}
