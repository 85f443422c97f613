package elastic

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/indexer"
)

// Postings implements indexer.PostingReader: a search ordered newest
// first, paged with search_after (no scroll, no deep from/size), so a
// page costs the same however deep it is. With the reposted filter each
// round asks Elasticsearch how many members the candidates' groups have
// and keeps going, a bounded number of rounds, until the page is full.
func (s *CellStore) Postings(ctx context.Context, q indexer.PostingQuery) (indexer.PostingPage, error) {
	page := indexer.PostingPage{Postings: []indexer.PostingView{}}
	filters := scopeFilter(q.Scope)
	if q.Occupation != "" {
		filters = append(filters, term("occupation.code", q.Occupation))
	}
	if q.Skill != "" {
		filters = append(filters, term("skills.id", q.Skill))
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		r := map[string]any{}
		if !q.From.IsZero() {
			r["gte"] = q.From.UTC().Format(time.RFC3339Nano)
		}
		if !q.To.IsZero() {
			r["lt"] = q.To.UTC().Format(time.RFC3339Nano)
		}
		filters = append(filters, map[string]any{"range": map[string]any{"posted_at": r}})
	}
	var after []any
	if q.Cursor != "" {
		b, err := base64.RawURLEncoding.DecodeString(q.Cursor)
		if err != nil || json.Unmarshal(b, &after) != nil || len(after) != 2 {
			return page, indexer.ErrBadCursor
		}
	}
	limit := min(max(q.Limit, 1), indexer.MaxPage)
	size := limit
	if q.Reposted != nil {
		size = 200
	}
	var picked []*analyzer.Analysis
	var lastSort []any
	scanned := 0
	for round := 0; len(picked) < limit; round++ {
		hits, err := s.Client.postingsPage(ctx, s.Indices, map[string]any{"size": size, "track_total_hits": false,
			"_source": map[string]any{"excludes": []string{"posting"}},
			"query":   map[string]any{"bool": map[string]any{"filter": filters}},
			"sort":    []any{map[string]any{"posted_at": "desc"}, map[string]any{"key": "desc"}}}, after)
		if err != nil {
			return page, fmt.Errorf("postings: %w", err)
		}
		var sizes map[string]int
		if q.Reposted != nil && len(hits) > 0 {
			var groups []string
			for i := range hits {
				groups = append(groups, groupID(&hits[i].Source))
			}
			var err error
			if sizes, err = s.groupSizes(ctx, groups); err != nil {
				return page, err
			}
		}
		for i := range hits {
			a := &hits[i].Source
			scanned++
			lastSort = hits[i].Sort
			if q.Reposted != nil && (sizes[groupID(a)] > 1) != *q.Reposted {
				if scanned == maxScan {
					break
				}
				continue
			}
			picked = append(picked, a)
			if len(picked) == limit || scanned == maxScan {
				break
			}
		}
		if len(hits) < size || scanned >= maxScan {
			if scanned >= maxScan && lastSort != nil {
				page.NextCursor = cursorOf(lastSort)
			}
			break
		}
		after = lastSort
	}
	if len(picked) == limit && lastSort != nil {
		page.NextCursor = cursorOf(lastSort)
	}
	groups, err := s.groups(ctx, picked)
	if err != nil {
		return page, err
	}
	for _, a := range picked {
		page.Postings = append(page.Postings, indexer.View(a, groups[groupID(a)], q.Skill))
	}
	return page, nil
}

// maxScan matches the embedded store's localstore.MaxScan.
const maxScan = 50_000

func cursorOf(sort []any) string {
	b, _ := json.Marshal(sort)
	return base64.RawURLEncoding.EncodeToString(b)
}

func groupID(a *analyzer.Analysis) string {
	if a.Duplicate.Group != "" {
		return a.Duplicate.Group
	}
	return a.Key
}

// groupSizes counts the members of each group in one aggregation.
func (s *CellStore) groupSizes(ctx context.Context, groups []string) (map[string]int, error) {
	body := map[string]any{"size": 0, "query": terms("duplicate.group", groups),
		"aggs": map[string]any{"g": map[string]any{"terms": map[string]any{"field": "duplicate.group", "size": len(groups)}}}}
	var res struct {
		Aggregations struct {
			G struct {
				Buckets []keyBucket `json:"buckets"`
			} `json:"g"`
		} `json:"aggregations"`
	}
	if err := s.Client.search(ctx, s.Indices.PostingsPattern(), body, &res); err != nil {
		return nil, fmt.Errorf("repost groups: %w", err)
	}
	out := map[string]int{}
	for _, b := range res.Aggregations.G.Buckets {
		out[b.Key] = b.DocCount
	}
	return out, nil
}

// maxGroupMembers bounds the members read of a page's groups.
const maxGroupMembers = 5000

// groups reads the members of the postings' repost groups, oldest first,
// in one search.
func (s *CellStore) groups(ctx context.Context, as []*analyzer.Analysis) (map[string][]*analyzer.Analysis, error) {
	out := map[string][]*analyzer.Analysis{}
	if len(as) == 0 {
		return out, nil
	}
	var ids []string
	for _, a := range as {
		ids = append(ids, groupID(a))
	}
	body := map[string]any{"size": maxGroupMembers, "_source": []string{"key", "source", "url", "posted_at", "duplicate.group"},
		"query": terms("duplicate.group", ids),
		"sort":  []any{map[string]any{"posted_at": "asc"}, map[string]any{"key": "asc"}}}
	var res struct {
		Hits struct {
			Hits []struct {
				Source analyzer.Analysis `json:"_source"`
			} `json:"hits"`
		} `json:"hits"`
	}
	if err := s.Client.search(ctx, s.Indices.PostingsPattern(), body, &res); err != nil {
		return nil, fmt.Errorf("repost groups: %w", err)
	}
	for i := range res.Hits.Hits {
		m := &res.Hits.Hits[i].Source
		out[m.Duplicate.Group] = append(out[m.Duplicate.Group], m)
	}
	return out, nil
}

// Posting implements indexer.PostingReader.
func (s *CellStore) Posting(ctx context.Context, key string) (*analyzer.Analysis, []*analyzer.Analysis, error) {
	body := map[string]any{"size": 1, "_source": map[string]any{"excludes": []string{"posting"}}, "query": term("key", key)}
	var res struct {
		Hits struct {
			Hits []struct {
				Source analyzer.Analysis `json:"_source"`
			} `json:"hits"`
		} `json:"hits"`
	}
	if err := s.Client.search(ctx, s.Indices.PostingsPattern(), body, &res); err != nil {
		return nil, nil, fmt.Errorf("posting: %w", err)
	}
	if len(res.Hits.Hits) == 0 {
		return nil, nil, indexer.ErrNoPosting
	}
	a := &res.Hits.Hits[0].Source
	groups, err := s.groups(ctx, []*analyzer.Analysis{a})
	if err != nil {
		return nil, nil, err
	}
	return a, groups[groupID(a)], nil
}
