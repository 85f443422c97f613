package elastic

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/indexer"
)

// CellDoc is one aggregate cell as indexed: the searchable counts Kibana
// and aggregations use, and the whole cell, encoded, for the API.
type CellDoc struct {
	Occupation string    `json:"occupation"`
	Scope      string    `json:"scope"`
	Level      string    `json:"level"` // country, province or region
	Month      string    `json:"month"` // "2025-03"
	MonthStart time.Time `json:"month_start"`
	Postings   int       `json:"postings"`
	Cell       []byte    `json:"cell"` // rank.AppendCell, base64 in JSON
	ComputedAt time.Time `json:"computed_at"`
	// Versions are those of the postings counted (Indices.Versions).
	Versions analyzer.Versions `json:"versions"`
}

func levelOf(scope string) string {
	switch {
	case scope == "CA":
		return "country"
	case len(scope) == 2:
		return "province"
	}
	return "region"
}

func newCellDoc(k rank.CellKey, c *rank.Cell, now time.Time, v analyzer.Versions) CellDoc {
	return CellDoc{Versions: v, Occupation: k.Occupation, Scope: k.Scope, Level: levelOf(k.Scope), Month: k.Month.String(),
		MonthStart: time.Date(k.Month.Year(), time.Month(k.Month.Mon()), 1, 0, 0, 0, 0, time.UTC),
		Postings:   c.Postings, Cell: rank.AppendCell(nil, c), ComputedAt: now}
}

// CellStore answers the read side from the aggregate cells the rollup
// keeps in the aggregates index (and, for recent:N and one skill's demand,
// from bounded searches of the postings). It implements rank.Store and
// rank.DemandStore; no call holds a scroll context.
type CellStore struct {
	Client  *Client
	Indices Indices
	// CacheFor keeps cells read for this long (0: DefaultCellCache). Cells
	// change only when the rollup ticks, and every profile of a scope and
	// period reads the same all-occupations cells, the largest there are.
	CacheFor time.Duration

	mu    sync.Mutex
	cache map[rank.CellKey]cachedCell
}

// DefaultCellCache is how long read cells are reused.
const DefaultCellCache = 5 * time.Second

// maxCachedCells bounds the cache; past it, the cache starts over.
const maxCachedCells = 50_000

type cachedCell struct {
	cell *rank.Cell // nil: no such cell
	at   time.Time
}

// cached splits keys into the cells the cache holds (fresh) and the keys
// to fetch.
func (s *CellStore) cached(keys []rank.CellKey, now time.Time) (map[rank.CellKey]*rank.Cell, []rank.CellKey) {
	ttl := s.CacheFor
	if ttl <= 0 {
		ttl = DefaultCellCache
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[rank.CellKey]*rank.Cell{}
	var missing []rank.CellKey
	for _, k := range keys {
		if c, ok := s.cache[k]; ok && now.Sub(c.at) < ttl {
			if c.cell != nil {
				out[k] = c.cell
			}
			continue
		}
		missing = append(missing, k)
	}
	return out, missing
}

func (s *CellStore) remember(keys []rank.CellKey, got map[rank.CellKey]*rank.Cell, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cache == nil || len(s.cache)+len(keys) > maxCachedCells {
		s.cache = map[rank.CellKey]cachedCell{}
	}
	for _, k := range keys {
		s.cache[k] = cachedCell{got[k], now}
	}
}

// Reader answers the API from Elasticsearch.
func (s *CellStore) Reader() rank.Reader { return rank.Reader{Store: s} }

// Cells implements rank.Store with one multi-get of the cells not cached.
// Callers share the cells: they must not change them.
func (s *CellStore) Cells(ctx context.Context, keys []rank.CellKey) (map[rank.CellKey]*rank.Cell, error) {
	now := time.Now()
	out, missing := s.cached(keys, now)
	if len(missing) == 0 {
		return out, nil
	}
	got, err := s.fetchCells(ctx, missing)
	if err != nil {
		return nil, err
	}
	s.remember(missing, got, now)
	for k, c := range got {
		out[k] = c
	}
	return out, nil
}

func (s *CellStore) fetchCells(ctx context.Context, keys []rank.CellKey) (map[rank.CellKey]*rank.Cell, error) {
	out := map[rank.CellKey]*rank.Cell{}
	ids := make([]string, len(keys))
	byID := make(map[string]rank.CellKey, len(keys))
	for i, k := range keys {
		ids[i] = k.ID()
		byID[ids[i]] = k
	}
	var res struct {
		Docs []struct {
			ID     string  `json:"_id"`
			Found  bool    `json:"found"`
			Source CellDoc `json:"_source"`
		} `json:"docs"`
	}
	path := "/" + s.Indices.Aggregates() + "/_mget?_source_includes=postings,cell"
	if _, err := s.Client.call(ctx, http.MethodPost, path, map[string]any{"ids": ids}, &res, http.StatusNotFound); err != nil {
		return nil, fmt.Errorf("read cells: %w", err)
	}
	for _, d := range res.Docs {
		if !d.Found || d.Source.Postings <= 0 {
			continue
		}
		c, err := rank.DecodeCell(d.Source.Cell)
		if err != nil {
			return nil, fmt.Errorf("cell %s: %w", d.ID, err)
		}
		out[byID[d.ID]] = c
	}
	return out, nil
}

func monthStrings(months []rank.Month) []string {
	out := make([]string, len(months))
	for i, m := range months {
		out[i] = m.String()
	}
	return out
}

type sumBuckets struct {
	Aggregations struct {
		By struct {
			Buckets []struct {
				Key      string `json:"key"`
				Postings struct {
					Value float64 `json:"value"`
				} `json:"postings"`
			} `json:"buckets"`
		} `json:"by"`
	} `json:"aggregations"`
}

// sumBy sums cell postings grouped by field, over the cells filters select.
func (s *CellStore) sumBy(ctx context.Context, field string, size int, filters ...any) (map[string]int, error) {
	body := map[string]any{"size": 0, "query": map[string]any{"bool": map[string]any{"filter": filters}},
		"aggs": map[string]any{"by": map[string]any{"terms": map[string]any{"field": field, "size": size},
			"aggs": map[string]any{"postings": map[string]any{"sum": map[string]any{"field": "postings"}}}}}}
	var res sumBuckets
	if err := s.Client.search(ctx, s.Indices.Aggregates(), body, &res); err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, b := range res.Aggregations.By.Buckets {
		if n := int(b.Postings.Value); n > 0 {
			out[b.Key] = n
		}
	}
	return out, nil
}

func term(field string, v any) any  { return map[string]any{"term": map[string]any{field: v}} }
func terms(field string, v any) any { return map[string]any{"terms": map[string]any{field: v}} }

// OccupationCounts implements rank.Store: one terms aggregation over cells.
func (s *CellStore) OccupationCounts(ctx context.Context, scope string, months []rank.Month) (map[string]int, error) {
	filters := []any{term("scope", scope)}
	if months != nil {
		filters = append(filters, terms("month", monthStrings(months)))
	}
	out, err := s.sumBy(ctx, "occupation", 10000, filters...)
	if err != nil {
		return nil, fmt.Errorf("count occupations: %w", err)
	}
	delete(out, rank.AllOccupations)
	return out, nil
}

// scopeFilter selects the unique postings of a scope.
func scopeFilter(sc rank.Scope) []any {
	f := []any{map[string]any{"bool": map[string]any{"must_not": term("duplicate.duplicate", true)}}}
	switch sc.Kind {
	case rank.Province:
		f = append(f, term("region.province", sc.Code))
	case rank.Region, rank.Unspecified:
		f = append(f, term("region.key", sc.Code))
	}
	return f
}

// Recent implements rank.Store: one search of at most n postings, newest
// first (n is at most 2×rank.MaxRecent, within Elasticsearch's window).
func (s *CellStore) Recent(ctx context.Context, occupation string, scope rank.Scope, n int) ([]rank.Record, error) {
	filters := scopeFilter(scope)
	if occupation != rank.AllOccupations {
		filters = append(filters, term("occupation.code", occupation))
	}
	body := map[string]any{"size": n, "_source": recordFields, "track_total_hits": false,
		"query": map[string]any{"bool": map[string]any{"filter": filters}},
		"sort":  []any{map[string]any{"posted_at": "desc"}, map[string]any{"key": "desc"}}}
	var res struct {
		Hits struct {
			Hits []struct {
				Source analyzer.Analysis `json:"_source"`
			} `json:"hits"`
		} `json:"hits"`
	}
	if err := s.Client.search(ctx, s.Indices.PostingsPattern(), body, &res); err != nil {
		return nil, fmt.Errorf("recent postings: %w", err)
	}
	out := make([]rank.Record, len(res.Hits.Hits))
	for i := range res.Hits.Hits {
		out[i] = indexer.ToRecord(&res.Hits.Hits[i].Source)
	}
	return out, nil
}

// LastMonth implements rank.Store.
func (s *CellStore) LastMonth(ctx context.Context) (rank.Month, bool, error) {
	body := map[string]any{"size": 0, "query": map[string]any{"range": map[string]any{"postings": map[string]any{"gt": 0}}},
		"aggs": map[string]any{"last": map[string]any{"max": map[string]any{"field": "month_start"}}}}
	var res struct {
		Aggregations struct {
			Last struct {
				Value *float64 `json:"value"`
			} `json:"last"`
		} `json:"aggregations"`
	}
	if err := s.Client.search(ctx, s.Indices.Aggregates(), body, &res); err != nil {
		return 0, false, fmt.Errorf("latest month: %w", err)
	}
	if res.Aggregations.Last.Value == nil {
		return 0, false, nil
	}
	return rank.MonthOf(time.UnixMilli(int64(*res.Aggregations.Last.Value))), true, nil
}

// SkillDemand implements rank.DemandStore: the postings asking for the
// skill counted by occupation and region in one aggregation, and the
// occupations' and regions' totals from the cells in two more.
func (s *CellStore) SkillDemand(ctx context.Context, skillID string, scope rank.Scope, period rank.Period) (rank.Demand, bool, error) {
	d := rank.Demand{SkillID: skillID, Scope: scope.Code, Period: period.String(), ByOccupation: []rank.DemandShare{}, ByRegion: []rank.DemandShare{}}
	months := period.Months()
	if len(months) == 0 {
		return d, false, fmt.Errorf("skill demand over %s: not a calendar period", period)
	}
	from := time.Date(months[0].Year(), time.Month(months[0].Mon()), 1, 0, 0, 0, 0, time.UTC)
	last := months[len(months)-1]
	to := time.Date(last.Year(), time.Month(last.Mon()), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	filters := append(scopeFilter(scope), term("skills.id", skillID),
		map[string]any{"range": map[string]any{"posted_at": map[string]any{"gte": from.Format(time.RFC3339), "lt": to.Format(time.RFC3339)}}})
	body := map[string]any{"size": 0, "track_total_hits": true, "query": map[string]any{"bool": map[string]any{"filter": filters}},
		"aggs": map[string]any{
			"occ": map[string]any{"terms": map[string]any{"field": "occupation.code", "size": 10000}},
			"reg": map[string]any{"terms": map[string]any{"field": "region.key", "size": 1000}}}}
	var res struct {
		totalHits
		Aggregations map[string]struct {
			Buckets []keyBucket `json:"buckets"`
		} `json:"aggregations"`
	}
	if err := s.Client.search(ctx, s.Indices.PostingsPattern(), body, &res); err != nil {
		return d, false, fmt.Errorf("skill demand: %w", err)
	}
	occAll, err := s.OccupationCounts(ctx, scope.Code, months)
	if err != nil {
		return d, false, err
	}
	occHit, regHit := map[string]int{}, map[string]int{}
	var regions []string
	for _, b := range res.Aggregations["occ"].Buckets {
		occHit[b.Key] = b.DocCount
	}
	for _, b := range res.Aggregations["reg"].Buckets {
		regHit[b.Key] = b.DocCount
		regions = append(regions, b.Key)
	}
	regAll := map[string]int{}
	if len(regions) > 0 {
		if regAll, err = s.sumBy(ctx, "scope", 1000, term("occupation", rank.AllOccupations), terms("scope", regions),
			terms("month", monthStrings(months))); err != nil {
			return d, false, fmt.Errorf("skill demand: region totals: %w", err)
		}
	}
	for _, n := range occAll {
		d.AllPostings += n
	}
	d.Postings = res.Hits.Total.Value
	if d.AllPostings > 0 {
		d.Share = float64(d.Postings) / float64(d.AllPostings)
	}
	d.ByOccupation = rank.Shares(occHit, occAll, 20)
	d.ByRegion = rank.Shares(regHit, regAll, 0)
	// The label: from the cells of the months asked about, or any month.
	keys := make([]rank.CellKey, 0, len(months))
	for _, m := range months {
		keys = append(keys, rank.CellKey{Occupation: rank.AllOccupations, Scope: scope.Code, Month: m})
	}
	if d.Postings > 0 {
		cells, err := s.Cells(ctx, keys)
		if err != nil {
			return d, false, err
		}
		for _, c := range cells {
			if sk, ok := c.Skills[skillID]; ok {
				d.Label, d.Type = sk.Label, sk.Type
				break
			}
		}
		return d, true, nil
	}
	known, err := s.skillEverSeen(ctx, skillID)
	return d, known, err
}

// skillEverSeen reports whether any stored posting asks for the skill.
func (s *CellStore) skillEverSeen(ctx context.Context, skillID string) (bool, error) {
	body := map[string]any{"size": 0, "track_total_hits": 1, "query": term("skills.id", skillID)}
	var res totalHits
	if err := s.Client.search(ctx, s.Indices.PostingsPattern(), body, &res); err != nil {
		return false, fmt.Errorf("skill lookup: %w", err)
	}
	return res.Hits.Total.Value > 0, nil
}

// totalHits is the hit count of a search answer.
type totalHits struct {
	Hits struct {
		Total struct {
			Value int `json:"value"`
		} `json:"total"`
	} `json:"hits"`
}
