package elastic

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/skillpulse/skillpulse/analyzer"
)

// Indices names the project's indices under one prefix.
type Indices struct {
	Prefix string
	// RefreshInterval is how soon indexed postings become searchable;
	// zero means DefaultRefreshInterval.
	RefreshInterval time.Duration
	// Shards and Replicas are the primary shards and the replicas of each
	// shard of indices created from the templates; zero Shards means 1.
	Shards, Replicas int
	// Versions are those of the postings the indices hold, written on
	// every cell the rollup computes.
	Versions analyzer.Versions
}

// DefaultRefreshInterval trades freshness for indexing throughput: at 1s a
// node indexing a steady stream spent a fifth more CPU per posting (more,
// smaller segments to write and merge) than one given a whole batch at
// once, and profiles are rolled up every few minutes anyway.
const DefaultRefreshInterval = 5 * time.Second

// RefreshIntervalOrDefault is the refresh interval in effect.
func (n Indices) RefreshIntervalOrDefault() time.Duration {
	if n.RefreshInterval <= 0 {
		return DefaultRefreshInterval
	}
	return n.RefreshInterval
}

func (n Indices) refreshInterval() string {
	return fmt.Sprintf("%dms", n.RefreshIntervalOrDefault().Milliseconds())
}

// Postings is the monthly index a posting dated t goes to. Monthly indices
// make retention a matter of dropping whole indices, which works on every
// distribution (delete-by-query does not).
func (n Indices) Postings(t time.Time) string {
	return fmt.Sprintf("%s-postings-%s", n.Prefix, t.UTC().Format("2006.01"))
}

// PostingsPattern matches every postings index.
func (n Indices) PostingsPattern() string { return n.Prefix + "-postings-*" }

// Aggregates is the index of computed profiles.
func (n Indices) Aggregates() string { return n.Prefix + "-aggregates" }

// keyword fields are exact-match strings; ignore_above keeps an absurdly
// long value from getting the whole document rejected.
var keyword = map[string]any{"type": "keyword", "ignore_above": 1024}

func postingsMapping() map[string]any {
	kw := func() map[string]any { return keyword }
	text := map[string]any{"type": "text"}
	return map[string]any{
		// Unknown posting fields stay in _source but are not indexed: a
		// source sending odd fields cannot cause mapping conflicts.
		"dynamic": false,
		"properties": map[string]any{
			"key": kw(), "id": kw(), "source": kw(), "url": map[string]any{"type": "keyword", "index": false},
			"title":               map[string]any{"type": "text", "fields": map[string]any{"raw": keyword}},
			"employer":            map[string]any{"type": "text", "fields": map[string]any{"raw": keyword}},
			"location":            text,
			"posted_at":           map[string]any{"type": "date"},
			"posted_at_estimated": map[string]any{"type": "boolean"},
			"analyzed_at":         map[string]any{"type": "date"},
			// Added at indexing (sink.go, Doc.Stamp): what the cell
			// aggregations count, and when the posting was written.
			"indexed_at":      map[string]any{"type": "date"},
			"skills_required": kw(),
			// The normalized employer (analyzer/employer) the cells and
			// Kibana's employer table count by, and its display name.
			"employer_key": kw(), "employer_name": kw(),
			"low_confidence": map[string]any{"type": "boolean"},
			"wage_cents": map[string]any{"properties": map[string]any{
				"low": map[string]any{"type": "integer"}, "high": map[string]any{"type": "integer"}, "sum": map[string]any{"type": "integer"}}},
			"language": kw(),
			"text":     text,
			"taxonomy": kw(), "taxonomy_version": kw(),
			"versions": versionsMapping(),
			"occupation": map[string]any{"properties": map[string]any{
				"code": kw(), "title": kw(), "method": kw(), "confidence": map[string]any{"type": "float"},
				"low_confidence": map[string]any{"type": "boolean"}}},
			"region": map[string]any{"properties": map[string]any{
				"key": kw(), "province": kw(), "province_name": kw(), "code": kw(), "name": kw(),
				"unspecified": map[string]any{"type": "boolean"}}},
			"skills": map[string]any{"properties": map[string]any{
				"id": kw(), "label": kw(), "type": kw(), "requirement": kw(), "text": text,
				"taxonomy": kw(), "taxonomy_version": kw(),
				"start": map[string]any{"type": "integer", "index": false}, "end": map[string]any{"type": "integer", "index": false},
				"mentions": map[string]any{"type": "integer"}}},
			"wage": map[string]any{"properties": map[string]any{
				"low": map[string]any{"type": "float"}, "high": map[string]any{"type": "float"},
				"period": kw(), "currency": kw(), "raw": kw()}},
			"duplicate": map[string]any{"properties": map[string]any{
				"group": kw(), "duplicate": map[string]any{"type": "boolean"}, "exact": map[string]any{"type": "boolean"},
				"similarity": map[string]any{"type": "float"}}},
			"posting": map[string]any{"type": "object", "enabled": false},
			"kafka": map[string]any{"properties": map[string]any{
				"topic": kw(), "partition": map[string]any{"type": "integer"}, "offset": map[string]any{"type": "long"}}},
		},
	}
}

func aggregatesMapping() map[string]any {
	return map[string]any{
		"dynamic": false,
		"properties": map[string]any{
			"occupation": keyword, "scope": keyword, "level": keyword, "month": keyword,
			"month_start": map[string]any{"type": "date"}, "postings": map[string]any{"type": "integer"},
			"computed_at": map[string]any{"type": "date"},
			"cell":        map[string]any{"type": "binary"},
			"versions":    versionsMapping(),
		},
	}
}

// versionsMapping maps analyzer.Versions: exact strings, to filter on.
func versionsMapping() map[string]any {
	return map[string]any{"properties": map[string]any{
		"taxonomy": keyword, "coder": keyword, "gazetteer": keyword, "analyzer": keyword}}
}

func metaMapping() map[string]any {
	return map[string]any{"dynamic": false, "properties": map[string]any{}}
}

func locksMapping() map[string]any {
	return map[string]any{"dynamic": false, "properties": map[string]any{
		"owner": keyword, "expires_at": map[string]any{"type": "date"}, "watermark": map[string]any{"type": "date"}}}
}

// Locks is the index of leases (one document per leased job).
func (n Indices) Locks() string { return n.Prefix + "-locks" }

// EnsureTemplates installs the index templates; re-running is harmless.
func (c *Client) EnsureTemplates(ctx context.Context, n Indices) error {
	settings := map[string]any{"number_of_shards": max(n.Shards, 1), "number_of_replicas": n.Replicas, "refresh_interval": n.refreshInterval()}
	for name, tmpl := range map[string]map[string]any{
		n.Prefix + "-postings": {"index_patterns": []string{n.PostingsPattern()}, "priority": 200,
			"template": map[string]any{"settings": settings, "mappings": postingsMapping()}},
		n.Prefix + "-locks": {"index_patterns": []string{n.Locks()}, "priority": 200,
			"template": map[string]any{"settings": settings, "mappings": locksMapping()}},
		n.Prefix + "-meta": {"index_patterns": []string{n.Meta()}, "priority": 200,
			"template": map[string]any{"settings": settings, "mappings": metaMapping()}},
		n.Prefix + "-aggregates": {"index_patterns": []string{n.Aggregates()}, "priority": 200,
			"template": map[string]any{"settings": settings, "mappings": aggregatesMapping()}},
	} {
		body, _ := json.Marshal(tmpl)
		res, err := esapi.IndicesPutIndexTemplateRequest{Name: name, Body: strings.NewReader(string(body))}.Do(ctx, c.es)
		if err != nil {
			return fmt.Errorf("put index template %s: %w", name, err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.IsError() {
			return fmt.Errorf("put index template %s: %s: %s", name, res.Status(), b)
		}
	}
	// Templates shape new indices only: add fields a newer version maps
	// (kafka, say) to the posting indices that already exist.
	body, _ := json.Marshal(map[string]any{"properties": postingsMapping()["properties"]})
	res, err := esapi.IndicesPutMappingRequest{Index: []string{n.PostingsPattern()}, Body: strings.NewReader(string(body)),
		AllowNoIndices: ptr(true), IgnoreUnavailable: ptr(true)}.Do(ctx, c.es)
	if err != nil {
		return fmt.Errorf("update postings mappings: %w", err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.IsError() {
		return fmt.Errorf("update postings mappings: %s: %s", res.Status(), b)
	}
	// An aggregates index made by an older version gets the cell fields.
	opts := "?allow_no_indices=true&ignore_unavailable=true"
	if _, err := c.call(ctx, "PUT", "/"+n.Aggregates()+"/_mapping"+opts,
		map[string]any{"properties": aggregatesMapping()["properties"]}, nil, 404); err != nil {
		return fmt.Errorf("update aggregates mapping: %w", err)
	}
	return nil
}

// Refresh makes recent writes searchable (tests, on-demand rollups).
func (c *Client) Refresh(ctx context.Context, index string) error {
	res, err := esapi.IndicesRefreshRequest{Index: []string{index}}.Do(ctx, c.es)
	if err != nil {
		return fmt.Errorf("refresh %s: %w", index, err)
	}
	defer res.Body.Close()
	if res.IsError() && res.StatusCode != 404 {
		return fmt.Errorf("refresh %s: %s", index, res.Status())
	}
	return nil
}

// DropOldPostings deletes monthly postings indices older than keep months
// before now, returning the names dropped.
func (c *Client) DropOldPostings(ctx context.Context, n Indices, keep int, now time.Time) ([]string, error) {
	res, err := esapi.CatIndicesRequest{Index: []string{n.PostingsPattern()}, Format: "json", H: []string{"index"}}.Do(ctx, c.es)
	if err != nil {
		return nil, fmt.Errorf("list indices: %w", err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return nil, fmt.Errorf("list indices: %s", res.Status())
	}
	var rows []struct {
		Index string `json:"index"`
	}
	if err := json.NewDecoder(res.Body).Decode(&rows); err != nil {
		return nil, fmt.Errorf("decode index list: %w", err)
	}
	cutoff := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -keep, 0)
	var drop []string
	for _, r := range rows {
		month, err := time.Parse("2006.01", strings.TrimPrefix(r.Index, n.Prefix+"-postings-"))
		if err != nil {
			continue // not one of ours
		}
		if month.Before(cutoff) {
			drop = append(drop, r.Index)
		}
	}
	sort.Strings(drop)
	for _, idx := range drop {
		res, err := esapi.IndicesDeleteRequest{Index: []string{idx}}.Do(ctx, c.es)
		if err != nil {
			return nil, fmt.Errorf("delete %s: %w", idx, err)
		}
		res.Body.Close()
		if res.IsError() && res.StatusCode != 404 {
			return nil, fmt.Errorf("delete %s: %s", idx, res.Status())
		}
	}
	return drop, nil
}

// PostingsFieldTypes lists every mapped field of the postings indices
// (dotted path → type), so dashboards can be checked against the mapping.
func PostingsFieldTypes() map[string]string {
	out := map[string]string{}
	var walk func(prefix string, props map[string]any)
	walk = func(prefix string, props map[string]any) {
		for name, v := range props {
			m, _ := v.(map[string]any)
			path := prefix + name
			if sub, ok := m["properties"].(map[string]any); ok {
				walk(path+".", sub)
				continue
			}
			if t, ok := m["type"].(string); ok {
				out[path] = t
			}
			if fields, ok := m["fields"].(map[string]any); ok {
				for f, fv := range fields {
					if fm, ok := fv.(map[string]any); ok {
						out[path+"."+f], _ = fm["type"].(string)
					}
				}
			}
		}
	}
	walk("", postingsMapping()["properties"].(map[string]any))
	return out
}
