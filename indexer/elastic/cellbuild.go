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
		body := map[string]any{"size": 0, "query": map[string]any{"range": map[string]any{"indexed_at": map[string]any{"gte": since.UTC().Format(time.RFC3339Nano)}}},
			"aggs": map[string]any{"pairs": map[string]any{"composite": comp}}}
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

// cellQuery aggregates the unique postings of one occupation (or all) in
// one month by region: everything a region cell holds.
func cellQuery(d Dirty) map[string]any {
	from := time.Date(d.Month.Year(), time.Month(d.Month.Mon()), 1, 0, 0, 0, 0, time.UTC)
	filters := []any{map[string]any{"range": map[string]any{"posted_at": map[string]any{
		"gte": from.Format(time.RFC3339), "lt": from.AddDate(0, 1, 0).Format(time.RFC3339)}}}}
	if d.Occupation != rank.AllOccupations {
		filters = append(filters, term("occupation.code", d.Occupation))
	}
	counts := func(field string) map[string]any {
		return map[string]any{"terms": map[string]any{"field": field, "size": 65000}}
	}
	return map[string]any{"size": 0, "query": map[string]any{"bool": map[string]any{"filter": filters,
		"must_not": term("duplicate.duplicate", true)}},
		"aggs": map[string]any{"region": map[string]any{"terms": map[string]any{"field": "region.key", "size": 1000},
			"aggs": map[string]any{
				"province": map[string]any{"terms": map[string]any{"field": "region.province", "size": 1}},
				"skills":   counts("skills.id"),
				"required": counts("skills_required"),
				"lows":     counts("wage_cents.low"),
				"highs":    counts("wage_cents.high"),
				"sums":     counts("wage_cents.sum"),
				"days":     map[string]any{"date_histogram": map[string]any{"field": "posted_at", "calendar_interval": "day", "min_doc_count": 1}},
			}}}}
}

type bucket struct {
	Key      json.Number `json:"key"`
	DocCount int         `json:"doc_count"`
}

type keyBucket struct {
	Key      string `json:"key"`
	DocCount int    `json:"doc_count"`
}

type cellAggs struct {
	Aggregations struct {
		Region struct {
			Buckets []struct {
				Key      string `json:"key"`
				DocCount int    `json:"doc_count"`
				Province struct {
					Buckets []struct {
						Key string `json:"key"`
					} `json:"buckets"`
				} `json:"province"`
				Skills, Required struct {
					Buckets []keyBucket `json:"buckets"`
				}
				Lows, Highs, Sums, Days struct {
					Buckets []bucket `json:"buckets"`
				}
			} `json:"buckets"`
		} `json:"region"`
	} `json:"aggregations"`
}

// cellsOf turns one cellQuery answer into the region, province and CA
// cells of the pair. Regions partition the postings, so the coarser cells
// are sums of the finer.
func cellsOf(d Dirty, a cellAggs, labels Labels) map[rank.CellKey]*rank.Cell {
	out := map[rank.CellKey]*rank.Cell{}
	get := func(scope string) *rank.Cell {
		k := rank.CellKey{Occupation: d.Occupation, Scope: scope, Month: d.Month}
		if out[k] == nil {
			out[k] = rank.NewCell()
		}
		return out[k]
	}
	ca := get("CA")
	for _, rb := range a.Aggregations.Region.Buckets {
		// c is the region's counts without children: each level names
		// its own children below.
		c := rank.NewCell()
		c.Postings = rb.DocCount
		req := map[string]int{}
		for _, b := range rb.Required.Buckets {
			req[b.Key] = b.DocCount
		}
		for _, b := range rb.Skills.Buckets {
			id := b.Key
			label, typ := id, ""
			if labels != nil {
				if l, t := labels(id); l != "" {
					label, typ = l, t
				}
			}
			c.Skills[id] = rank.SkillCount{Label: label, Type: typ, N: b.DocCount, Required: req[id]}
		}
		for _, p := range []struct {
			m  map[int32]int
			bs []bucket
		}{{c.Lows, rb.Lows.Buckets}, {c.Highs, rb.Highs.Buckets}, {c.Sums, rb.Sums.Buckets}} {
			for _, b := range p.bs {
				if v, err := b.Key.Int64(); err == nil {
					p.m[int32(v)] = b.DocCount
				} else if f, err := b.Key.Float64(); err == nil {
					p.m[int32(f)] = b.DocCount
				}
			}
		}
		for _, b := range rb.Days.Buckets {
			if ms, err := b.Key.Int64(); err == nil {
				c.Days[int32(ms/86_400_000)] = b.DocCount
			}
		}
		rc := get(rb.Key)
		rc.Merge(c)
		rc.Children[rb.Key] += rb.DocCount
		prov := ""
		if len(rb.Province.Buckets) > 0 {
			prov = rb.Province.Buckets[0].Key
		}
		if prov != "" && prov != rb.Key {
			pc := get(prov)
			pc.Merge(c)
			pc.Children[rb.Key] += rb.DocCount
		}
		ca.Merge(c)
		child := prov
		if child == "" {
			child = "CA-unspecified"
		}
		ca.Children[child] += rb.DocCount
	}
	if ca.Postings == 0 {
		delete(out, rank.CellKey{Occupation: d.Occupation, Scope: "CA", Month: d.Month})
	}
	return out
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
	bodies, aggs := make([]any, len(pairs)), make([]any, len(pairs))
	olds, oldOuts := make([]any, len(pairs)), make([]any, len(pairs))
	for i, p := range pairs {
		bodies[i], aggs[i] = cellQuery(p), &cellAggs{}
		olds[i] = map[string]any{"size": 1000, "_source": false, "query": map[string]any{"bool": map[string]any{"filter": []any{
			term("occupation", p.Occupation), term("month", p.Month.String())}}}}
		oldOuts[i] = &struct {
			Hits struct {
				Hits []struct {
					ID string `json:"_id"`
				} `json:"hits"`
			} `json:"hits"`
		}{}
	}
	if err := c.msearch(ctx, n.PostingsPattern(), bodies, aggs); err != nil {
		return 0, fmt.Errorf("recompute cells: %w", err)
	}
	if err := c.msearch(ctx, n.Aggregates(), olds, oldOuts); err != nil {
		return 0, fmt.Errorf("recompute cells: existing: %w", err)
	}
	var docs []Doc
	written := map[string]bool{}
	for i, p := range pairs {
		for k, cell := range cellsOf(p, *aggs[i].(*cellAggs), labels) {
			body, err := json.Marshal(newCellDoc(k, cell, now))
			if err != nil {
				return 0, fmt.Errorf("encode cell %s: %w", k.ID(), err)
			}
			docs = append(docs, Doc{Index: n.Aggregates(), ID: k.ID(), Body: body})
			written[k.ID()] = true
		}
		old := oldOuts[i].(*struct {
			Hits struct {
				Hits []struct {
					ID string `json:"_id"`
				} `json:"hits"`
			} `json:"hits"`
		})
		for _, h := range old.Hits.Hits {
			if written[h.ID] {
				continue
			}
			k, ok := parseCellID(h.ID)
			if !ok {
				continue
			}
			body, _ := json.Marshal(newCellDoc(k, rank.NewCell(), now))
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
