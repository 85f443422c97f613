package elastic

import (
	"context"
	"fmt"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/rank"
)

// The counts of one (occupation, month) pair come from composite
// aggregations, each keyed by region and one counted value, paged with
// after_key: the all-occupations pair of a busy month has more (region,
// skill) and (region, wage) buckets than one response may hold
// (search.max_buckets), so nothing here depends on how many there are.

// compositePage bounds each composite page; the nine of them stay below the
// default search.max_buckets (65,536).
const compositePage = 5000

// cellSources are the composite aggregations of a pair: the region and,
// but for "regions", one more key.
var cellSources = map[string]map[string]any{
	"regions":  {"terms": map[string]any{"field": "region.province", "missing_bucket": true}},
	"skills":   {"terms": map[string]any{"field": "skills.id"}},
	"required": {"terms": map[string]any{"field": "skills_required"}},
	"lows":     {"terms": map[string]any{"field": "wage_cents.low"}},
	"highs":    {"terms": map[string]any{"field": "wage_cents.high"}},
	"sums":     {"terms": map[string]any{"field": "wage_cents.sum"}},
	"days":     {"date_histogram": map[string]any{"field": "posted_at", "calendar_interval": "day"}},
	// Only pairs of one occupation count employers (rank.Cell.Employers).
	"employers": {"terms": map[string]any{"field": "employer_key"}},
	"lowconf":   {"terms": map[string]any{"field": "low_confidence"}},
}

// pairQuery is one page of the named composite aggregations of a pair.
func pairQuery(d Dirty, after map[string]map[string]any) map[string]any {
	from := time.Date(d.Month.Year(), time.Month(d.Month.Mon()), 1, 0, 0, 0, 0, time.UTC)
	filters := []any{map[string]any{"range": map[string]any{"posted_at": map[string]any{
		"gte": from.Format(time.RFC3339), "lt": from.AddDate(0, 1, 0).Format(time.RFC3339)}}}}
	if d.Occupation != rank.AllOccupations {
		filters = append(filters, term("occupation.code", d.Occupation))
	}
	aggs := map[string]any{}
	for name, after := range after {
		comp := map[string]any{"size": compositePage, "sources": []any{
			map[string]any{"r": map[string]any{"terms": map[string]any{"field": "region.key"}}},
			map[string]any{"v": cellSources[name]},
		}}
		if after != nil {
			comp["after"] = after
		}
		aggs[name] = map[string]any{"composite": comp}
	}
	return map[string]any{"size": 0, "query": map[string]any{"bool": map[string]any{"filter": filters,
		"must_not": term("duplicate.duplicate", true)}}, "aggs": aggs}
}

type compositeAnswer struct {
	Aggregations map[string]struct {
		AfterKey map[string]any `json:"after_key"`
		Buckets  []struct {
			Key      map[string]any `json:"key"`
			DocCount int            `json:"doc_count"`
		} `json:"buckets"`
	} `json:"aggregations"`
}

// regionCounts is what a pair's aggregations say of one region.
type regionCounts struct {
	province string
	postings int
	values   map[string][]valueCount // aggregation name -> counted values
}

type valueCount struct {
	v any // string (ids) or float64 (cents, day start in ms)
	n int
}

// pairCells computes the cells of every pair: the first page of all of
// them in one multi-search, further pages only where a page came back full.
func (c *Client) pairCells(ctx context.Context, n Indices, pairs []Dirty, labels Labels) ([]map[rank.CellKey]*rank.Cell, error) {
	regions := make([]map[string]*regionCounts, len(pairs))
	pending := make([]map[string]map[string]any, len(pairs)) // per pair: aggregation -> after key
	for i := range pairs {
		regions[i] = map[string]*regionCounts{}
		pending[i] = map[string]map[string]any{}
		for name := range cellSources {
			if name == "employers" && pairs[i].Occupation == rank.AllOccupations {
				continue
			}
			pending[i][name] = nil
		}
	}
	for round := 0; ; round++ {
		var idx []int
		var bodies, outs []any
		for i := range pairs {
			if len(pending[i]) > 0 {
				idx = append(idx, i)
				bodies = append(bodies, pairQuery(pairs[i], pending[i]))
				outs = append(outs, &compositeAnswer{})
			}
		}
		if len(idx) == 0 {
			break
		}
		if round > 10_000 {
			return nil, fmt.Errorf("cell aggregations did not finish paging")
		}
		if err := c.msearch(ctx, n.PostingsPattern(), bodies, outs); err != nil {
			return nil, err
		}
		for k, i := range idx {
			ans := outs[k].(*compositeAnswer)
			next := map[string]map[string]any{}
			for name := range pending[i] {
				agg := ans.Aggregations[name]
				for _, b := range agg.Buckets {
					r, _ := b.Key["r"].(string)
					rc := regions[i][r]
					if rc == nil {
						rc = &regionCounts{values: map[string][]valueCount{}}
						regions[i][r] = rc
					}
					if name == "regions" {
						rc.province, _ = b.Key["v"].(string)
						rc.postings += b.DocCount
						continue
					}
					rc.values[name] = append(rc.values[name], valueCount{b.Key["v"], b.DocCount})
				}
				if len(agg.Buckets) == compositePage && agg.AfterKey != nil {
					next[name] = agg.AfterKey
				}
			}
			pending[i] = next
		}
	}
	out := make([]map[rank.CellKey]*rank.Cell, len(pairs))
	for i, p := range pairs {
		out[i] = cellsOf(p, regions[i], labels)
	}
	return out, nil
}

// cellsOf builds the region, province and CA cells of a pair. Regions
// partition the postings, so the coarser cells are sums of the finer.
func cellsOf(d Dirty, regions map[string]*regionCounts, labels Labels) map[rank.CellKey]*rank.Cell {
	out := map[rank.CellKey]*rank.Cell{}
	get := func(scope string) *rank.Cell {
		k := rank.CellKey{Occupation: d.Occupation, Scope: scope, Month: d.Month}
		if out[k] == nil {
			out[k] = rank.NewCell()
		}
		return out[k]
	}
	for region, rc := range regions {
		if rc.postings == 0 {
			continue
		}
		// c is the region's counts without children: each level names
		// its own children below.
		c := rank.NewCell()
		c.Postings = rc.postings
		req := map[string]int{}
		for _, vc := range rc.values["required"] {
			id, _ := vc.v.(string)
			req[id] = vc.n
		}
		for _, vc := range rc.values["skills"] {
			id, _ := vc.v.(string)
			label, typ := id, ""
			if labels != nil {
				if l, t := labels(id); l != "" {
					label, typ = l, t
				}
			}
			c.Skills[id] = rank.SkillCount{Label: label, Type: typ, N: vc.n, Required: req[id]}
		}
		for name, m := range map[string]map[int32]int{"lows": c.Lows, "highs": c.Highs, "sums": c.Sums} {
			for _, vc := range rc.values[name] {
				if f, ok := vc.v.(float64); ok {
					m[int32(f)] = vc.n
				}
			}
		}
		for _, vc := range rc.values["employers"] {
			if k, ok := vc.v.(string); ok {
				c.Employers[k] = vc.n
			}
		}
		for _, vc := range rc.values["lowconf"] {
			// A boolean terms key comes back as true or as 1.
			if b, ok := vc.v.(bool); ok && b || vc.v == float64(1) {
				c.LowConfidence += vc.n
			}
		}
		for _, vc := range rc.values["days"] {
			if ms, ok := vc.v.(float64); ok {
				c.Days[int32(int64(ms)/86_400_000)] = vc.n
			}
		}
		rcell := get(region)
		rcell.Merge(c)
		rcell.Children[region] += rc.postings
		if rc.province != "" && rc.province != region {
			pc := get(rc.province)
			pc.Merge(c)
			pc.Children[region] += rc.postings
		}
		ca := get("CA")
		ca.Merge(c)
		child := rc.province
		if child == "" {
			child = "CA-unspecified"
		}
		ca.Children[child] += rc.postings
	}
	return out
}
