package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/rank"
)

// The rollup's side of the cells: which (occupation, month) pairs changed,
// and their cells recomputed from the postings by aggregation. Recomputing
// (rather than adding deltas) makes a tick idempotent: a replay, a repost
// found late or a tick run twice all end in the counts of the postings as
// they are now.

// Dirty is an occupation's month whose postings changed.
type Dirty struct {
	Occupation string
	Month      rank.Month
}

// Changed lists the (occupation, month) pairs with a posting indexed at or
// after since, by a paged composite aggregation (no scroll).
func (c *Client) Changed(ctx context.Context, n Indices, since time.Time) ([]Dirty, error) {
	var out []Dirty
	var after map[string]any
	for {
		comp := map[string]any{"size": 2000, "sources": []any{
			map[string]any{"occ": map[string]any{"terms": map[string]any{"field": "occupation.code"}}},
			map[string]any{"month": map[string]any{"date_histogram": map[string]any{"field": "posted_at", "calendar_interval": "month"}}},
		}}
		if after != nil {
			comp["after"] = after
		}
		// From the beginning: every posting, also those indexed by a
		// version that did not stamp indexed_at.
		query := map[string]any{"match_all": map[string]any{}}
		if !since.IsZero() {
			query = map[string]any{"range": map[string]any{"indexed_at": map[string]any{"gte": since.UTC().Format(time.RFC3339Nano)}}}
		}
		body := map[string]any{"size": 0, "query": query, "aggs": map[string]any{"pairs": map[string]any{"composite": comp}}}
		var res struct {
			Aggregations struct {
				Pairs struct {
					AfterKey map[string]any `json:"after_key"`
					Buckets  []struct {
						Key struct {
							Occ   string `json:"occ"`
							Month int64  `json:"month"`
						} `json:"key"`
					} `json:"buckets"`
				} `json:"pairs"`
			} `json:"aggregations"`
		}
		if err := c.search(ctx, n.PostingsPattern(), body, &res); err != nil {
			return nil, fmt.Errorf("changed cells: %w", err)
		}
		for _, b := range res.Aggregations.Pairs.Buckets {
			out = append(out, Dirty{b.Key.Occ, rank.MonthOf(time.UnixMilli(b.Key.Month))})
		}
		if len(res.Aggregations.Pairs.Buckets) == 0 || res.Aggregations.Pairs.AfterKey == nil {
			return out, nil
		}
		after = res.Aggregations.Pairs.AfterKey
	}
}

// Labels names a skill id (the worker's taxonomy).
type Labels func(id string) (label, typ string)

type keyBucket struct {
	Key      string `json:"key"`
	DocCount int    `json:"doc_count"`
}

// msearch runs several searches over index in one request; outs[i]
// receives the answer to bodies[i].
func (c *Client) msearch(ctx context.Context, index string, bodies []any, outs []any) error {
	var nd bytes.Buffer
	for _, b := range bodies {
		nd.WriteString(`{"index":"` + index + `","allow_no_indices":true,"ignore_unavailable":true}` + "\n")
		j, err := json.Marshal(b)
		if err != nil {
			return fmt.Errorf("msearch: encode: %w", err)
		}
		nd.Write(j)
		nd.WriteByte('\n')
	}
	var res struct {
		Responses []json.RawMessage `json:"responses"`
	}
	if _, err := c.call(ctx, http.MethodPost, "/_msearch", nd.Bytes(), &res); err != nil {
		return err
	}
	if len(res.Responses) != len(bodies) {
		return fmt.Errorf("msearch: %d answers to %d searches", len(res.Responses), len(bodies))
	}
	for i, raw := range res.Responses {
		var e struct {
			Error  json.RawMessage `json:"error"`
			Status int             `json:"status"`
		}
		if err := json.Unmarshal(raw, &e); err == nil && len(e.Error) > 0 {
			return fmt.Errorf("msearch %d: %d: %.500s", i, e.Status, e.Error)
		}
		if err := json.Unmarshal(raw, outs[i]); err != nil {
			return fmt.Errorf("msearch %d: decode: %w", i, err)
		}
	}
	return nil
}

// RecomputeCells recomputes the cells of the pairs from the postings and
// indexes them; a cell of those pairs that no longer holds any posting is
// written empty, so no stale count survives. It returns how many cells
// it wrote.
func (c *Client) RecomputeCells(ctx context.Context, n Indices, pairs []Dirty, labels Labels, now time.Time) (int, error) {
	cells, err := c.pairCells(ctx, n, pairs, labels)
	if err != nil {
		return 0, fmt.Errorf("recompute cells: %w", err)
	}
	olds, oldOuts := make([]any, len(pairs)), make([]any, len(pairs))
	for i, p := range pairs {
		olds[i] = map[string]any{"size": 1000, "_source": false, "query": map[string]any{"bool": map[string]any{"filter": []any{
			term("occupation", p.Occupation), term("month", p.Month.String())}}}}
		oldOuts[i] = &cellIDs{}
	}
	if err := c.msearch(ctx, n.Aggregates(), olds, oldOuts); err != nil {
		return 0, fmt.Errorf("recompute cells: existing: %w", err)
	}
	var docs []Doc
	written := map[string]bool{}
	for i := range pairs {
		for k, cell := range cells[i] {
			body, err := json.Marshal(newCellDoc(k, cell, now, n.Versions))
			if err != nil {
				return 0, fmt.Errorf("encode cell %s: %w", k.ID(), err)
			}
			docs = append(docs, Doc{Index: n.Aggregates(), ID: k.ID(), Body: body})
			written[k.ID()] = true
		}
		for _, h := range oldOuts[i].(*cellIDs).Hits.Hits {
			if written[h.ID] {
				continue
			}
			k, ok := parseCellID(h.ID)
			if !ok {
				continue
			}
			body, _ := json.Marshal(newCellDoc(k, rank.NewCell(), now, n.Versions))
			docs = append(docs, Doc{Index: n.Aggregates(), ID: h.ID, Body: body})
		}
	}
	dead, err := c.Write(ctx, docs)
	if err != nil {
		return 0, fmt.Errorf("index cells: %w", err)
	}
	if len(dead) > 0 {
		return 0, fmt.Errorf("index cells: %d rejected, first: %s", len(dead), dead[0].Reason)
	}
	return len(docs), nil
}

type cellIDs struct {
	Hits struct {
		Hits []struct {
			ID string `json:"_id"`
		} `json:"hits"`
	} `json:"hits"`
}

// parseCellID reads "occupation|scope|YYYY-MM".
func parseCellID(id string) (rank.CellKey, bool) {
	parts := bytes.Split([]byte(id), []byte("|"))
	if len(parts) != 3 {
		return rank.CellKey{}, false
	}
	m, err := rank.ParseMonth(string(parts[2]))
	if err != nil {
		return rank.CellKey{}, false
	}
	return rank.CellKey{Occupation: string(parts[0]), Scope: string(parts[1]), Month: m}, true
}

// EmptyCellsBefore writes empty every cell with postings that was last
// computed before t: after a rebuild recomputed every pair with postings,
// those are the cells whose postings all went elsewhere. It pages through
// them with search_after (no scroll) and returns how many it emptied.
func (c *Client) EmptyCellsBefore(ctx context.Context, n Indices, t time.Time) (int, error) {
	// The rebuild's own writes must be searchable first, or their older
	// versions would be taken for stale cells.
	if err := c.Refresh(ctx, n.Aggregates()); err != nil {
		return 0, err
	}
	emptied := 0
	var after []any
	for {
		body := map[string]any{"size": 1000, "_source": false,
			"query": map[string]any{"bool": map[string]any{"filter": []any{
				map[string]any{"range": map[string]any{"computed_at": map[string]any{"lt": t.UTC().Format(time.RFC3339Nano)}}},
				map[string]any{"range": map[string]any{"postings": map[string]any{"gt": 0}}}}}},
			"sort": []any{map[string]any{"month": "asc"}, map[string]any{"occupation": "asc"}, map[string]any{"scope": "asc"}}}
		if after != nil {
			body["search_after"] = after
		}
		var res struct {
			Hits struct {
				Hits []struct {
					ID   string `json:"_id"`
					Sort []any  `json:"sort"`
				} `json:"hits"`
			} `json:"hits"`
		}
		if err := c.search(ctx, n.Aggregates(), body, &res); err != nil {
			return emptied, fmt.Errorf("stale cells: %w", err)
		}
		hits := res.Hits.Hits
		if len(hits) == 0 {
			return emptied, nil
		}
		var docs []Doc
		for _, h := range hits {
			if k, ok := parseCellID(h.ID); ok {
				b, _ := json.Marshal(newCellDoc(k, rank.NewCell(), t, n.Versions))
				docs = append(docs, Doc{Index: n.Aggregates(), ID: h.ID, Body: b})
			}
		}
		dead, err := c.Write(ctx, docs)
		if err != nil {
			return emptied, fmt.Errorf("empty stale cells: %w", err)
		}
		if len(dead) > 0 {
			return emptied, fmt.Errorf("empty stale cells: %d rejected, first: %s", len(dead), dead[0].Reason)
		}
		emptied += len(docs)
		after = hits[len(hits)-1].Sort
	}
}
