package app

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/worker/rollup"
)

// testRollup is a rollup job as the worker makes it (the built-in
// taxonomy names skills), with a short lease and margin.
func testRollup(t *testing.T, es *elastic.Client, idx elastic.Indices, owner string) *rollup.Job {
	st := stagesWith(t, config.Default())
	return &rollup.Job{Client: es, Indices: idx, Margin: time.Second, Labels: skillLabels(st),
		Lease: &elastic.Lease{Client: es, Indices: idx, Name: "rollup", Owner: owner, TTL: 2 * time.Second}}
}

func tick(t *testing.T, j *rollup.Job, es *elastic.Client, idx elastic.Indices) rollup.Tick {
	t.Helper()
	ctx := context.Background()
	es.Refresh(ctx, idx.PostingsPattern())
	tk, err := j.Tick(ctx)
	if err != nil {
		t.Fatal(err)
	}
	es.Refresh(ctx, idx.Aggregates())
	return tk
}

func allKnownRegions() map[string][]rank.RegionRef {
	known := map[string][]rank.RegionRef{}
	for _, p := range geo.Provinces() {
		known["CA"] = append(known["CA"], rank.RegionRef{Code: p.Code, Name: p.Name})
	}
	for _, er := range geo.Regions() {
		known[er.Province] = append(known[er.Province], rank.RegionRef{Code: er.Code, Name: er.Name})
	}
	return known
}

// readSideCase is one question the API answers.
type readSideCase struct{ occ, region, period string }

// apiAgrees requires the worker's API, answering from the rollup's cells
// in Elasticsearch, to give exactly the profiles the rankings compute
// from every stored posting (read back here by scrolling, the oracle).
func apiAgrees(t *testing.T, es *elastic.Client, idx elastic.Indices, addr string, cases []readSideCase) []rank.Record {
	t.Helper()
	ctx := context.Background()
	recs, err := (&elastic.Records{Client: es, Indices: idx}).Records(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mem := rank.Reader{Store: rank.NewMemory(recs)}
	for _, c := range cases {
		scope, _ := rank.ParseScope(c.region)
		period, _ := rank.ParsePeriod(c.period)
		want, err := mem.Profile(ctx, rank.Query{Occupation: c.occ, Scope: scope, Period: period, TopN: 10, MinCount: 5, KnownRegions: allKnownRegions()})
		if err != nil {
			t.Fatal(err)
		}
		var got rank.Profile
		getJSON(t, fmt.Sprintf("%s/api/v1/occupations/%s/profile?region=%s&period=%s", addr, c.occ, c.region, url.QueryEscape(c.period)), 200, &got)
		wj, _ := json.Marshal(want)
		gj, _ := json.Marshal(got)
		var w2 rank.Profile
		json.Unmarshal(wj, &w2)
		if !reflect.DeepEqual(got, w2) {
			t.Errorf("%+v: the API (cells) and the rankings over every posting differ in %s", c, fieldDiff(gj, wj))
		}
	}
	return recs
}

// checkReadSide: a rollup tick builds the cells; the API answers from them
// exactly what the rankings compute from every posting; Kibana's
// occupation table shows the API's numbers; a repost found late corrects
// the counts; a tick with nothing new recomputes nothing; one worker of
// the group holds the lease, another takes over when it lapses.
func checkReadSide(t *testing.T, es *elastic.Client, idx elastic.Indices, addr string) (*rollup.Job, []readSideCase) {
	t.Helper()
	ctx := context.Background()
	// a is the running worker itself (same process, same owner: it took
	// the lease at start-up); b is another worker of the group.
	a, b := testRollup(t, es, idx, leaseOwner(t, es, idx)), testRollup(t, es, idx, "worker-b")
	if tk := tick(t, a, es, idx); !tk.Leader || tk.Pairs == 0 || tk.Cells == 0 {
		t.Fatalf("first tick: %+v (the worker's start-up tick ran before the postings arrived)", tk)
	}
	if tk := tick(t, b, es, idx); tk.Leader {
		t.Fatalf("a second worker ran the rollup while the first held the lease: %+v", tk)
	}

	var occs struct {
		Occupations []struct {
			Code     string `json:"code"`
			Postings int    `json:"postings"`
		} `json:"occupations"`
	}
	getJSON(t, addr+"/api/v1/occupations?period=2024", 200, &occs)
	if len(occs.Occupations) < 3 {
		t.Fatalf("occupations for 2024: %+v", occs)
	}
	kibana := kibanaOccupationCounts(t, es, idx, 2024)
	for _, o := range occs.Occupations {
		if k, ok := kibana[o.Code]; ok && k != o.Postings || !ok && len(kibana) < 50 {
			t.Errorf("occupation %s: API %d postings in 2024, Kibana's table %d", o.Code, o.Postings, kibana[o.Code])
		}
	}
	var cases []readSideCase
	for _, o := range occs.Occupations[:3] {
		for _, r := range []string{"CA", "ON", "QC", "NL-unspecified", "3520"} {
			for _, p := range []string{"2024", "2024-Q2", "2025-03", "recent:25"} {
				cases = append(cases, readSideCase{o.Code, r, p})
			}
		}
	}
	recs := apiAgrees(t, es, idx, addr, cases)

	// A repost found late: re-index one counted posting as a duplicate.
	top := occs.Occupations[0]
	var victim *rank.Record
	for i := range recs {
		if r := recs[i]; r.Occupation == top.Code && !r.Duplicate && r.PostedAt.Year() == 2024 {
			victim = &recs[i]
			break
		}
	}
	doc := postingDoc(t, es, idx, victim.Key)
	doc.Duplicate.Duplicate = true
	if _, err := (&elastic.PostingSink{Client: es, Indices: idx}).Index(ctx, []*analyzer.Analysis{doc}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Second) // a's lease lapses: b takes over
	if tk := tick(t, b, es, idx); !tk.Leader || tk.Pairs < 2 {
		t.Fatalf("tick after a late repost: %+v (want b leading, the posting's pair and the all-occupations pair)", tk)
	}
	if tk := tick(t, a, es, idx); tk.Leader {
		t.Errorf("worker a ran while b held the lease: %+v", tk)
	}
	time.Sleep(elastic.DefaultCellCache) // the API reuses cells it read for this long
	var after struct{ Postings int }
	getJSON(t, fmt.Sprintf("%s/api/v1/occupations/%s/profile?period=2024", addr, top.Code), 200, &after)
	if after.Postings != top.Postings-1 {
		t.Errorf("after a repost found late %s has %d postings in 2024, want %d", top.Code, after.Postings, top.Postings-1)
	}
	apiAgrees(t, es, idx, addr, cases[:8])

	// Nothing new: once the margin has passed, a tick recomputes nothing.
	time.Sleep(1500 * time.Millisecond)
	if tk := tick(t, b, es, idx); !tk.Leader || tk.Pairs != 0 {
		t.Errorf("a tick with no new postings: %+v, want no pairs recomputed", tk)
	}
	checkRebuild(t, es, idx, addr, b)

	// The worker process's own owner id: a restarted worker in this
	// process takes the lease back at start-up.
	return a, cases
}

// kibanaOccupationCounts runs the query of the Kibana table "Postings by
// occupation" (its saved object's field, size and query) over a year.
func kibanaOccupationCounts(t *testing.T, es *elastic.Client, idx elastic.Indices, year int) map[string]int {
	t.Helper()
	raw, err := os.ReadFile("../../dashboards/kibana/skillpulse.ndjson")
	if err != nil {
		t.Fatal(err)
	}
	var field, kql string
	size := 0
	for _, line := range strings.Split(string(raw), "\n") {
		var o struct {
			ID         string `json:"id"`
			Attributes struct {
				VisState string `json:"visState"`
				Meta     struct {
					Search string `json:"searchSourceJSON"`
				} `json:"kibanaSavedObjectMeta"`
			} `json:"attributes"`
		}
		if json.Unmarshal([]byte(line), &o) != nil || o.ID != "sp-occupations" {
			continue
		}
		var vis struct {
			Aggs []struct {
				Type   string `json:"type"`
				Params struct {
					Field string `json:"field"`
					Size  int    `json:"size"`
				} `json:"params"`
			} `json:"aggs"`
		}
		json.Unmarshal([]byte(o.Attributes.VisState), &vis)
		for _, a := range vis.Aggs {
			if a.Type == "terms" && field == "" {
				field, size = a.Params.Field, a.Params.Size
			}
		}
		var ss struct {
			Query struct {
				Query string `json:"query"`
			} `json:"query"`
		}
		json.Unmarshal([]byte(o.Attributes.Meta.Search), &ss)
		kql = ss.Query.Query
	}
	if field != "occupation.code" || kql != "NOT duplicate.duplicate:true" {
		t.Fatalf("the Kibana occupation table changed (field %q, query %q): update this test's translation", field, kql)
	}
	q := fmt.Sprintf(`{"size":0,"query":{"bool":{"must_not":[{"term":{"duplicate.duplicate":true}}],
		"filter":[{"range":{"posted_at":{"gte":"%d-01-01T00:00:00Z","lt":"%d-01-01T00:00:00Z"}}}]}},
		"aggs":{"t":{"terms":{"field":%q,"size":%d}}}}`, year, year+1, field, size)
	res, err := es.Raw().Search(es.Raw().Search.WithIndex(idx.PostingsPattern()), es.Raw().Search.WithBody(strings.NewReader(q)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		Aggregations struct {
			T struct {
				Buckets []struct {
					Key      string `json:"key"`
					DocCount int    `json:"doc_count"`
				} `json:"buckets"`
			} `json:"t"`
		} `json:"aggregations"`
	}
	json.NewDecoder(res.Body).Decode(&body)
	out := map[string]int{}
	for _, b := range body.Aggregations.T.Buckets {
		out[b.Key] = b.DocCount
	}
	return out
}

func postingDoc(t *testing.T, es *elastic.Client, idx elastic.Indices, key string) *analyzer.Analysis {
	t.Helper()
	q := fmt.Sprintf(`{"query":{"term":{"key":%q}}}`, key)
	res, err := es.Raw().Search(es.Raw().Search.WithIndex(idx.PostingsPattern()), es.Raw().Search.WithBody(strings.NewReader(q)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		Hits struct {
			Hits []struct {
				Source analyzer.Analysis `json:"_source"`
			} `json:"hits"`
		} `json:"hits"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil || len(body.Hits.Hits) != 1 {
		t.Fatalf("posting %s: %v, %d hits", key, err, len(body.Hits.Hits))
	}
	return &body.Hits.Hits[0].Source
}

// checkRebuild: a posting re-analyzed into another occupation, the only
// one of its (occupation, month): the rebuild recomputes the new pair and
// empties the old one's cells, and the API agrees with every posting again.
func checkRebuild(t *testing.T, es *elastic.Client, idx elastic.Indices, addr string, job *rollup.Job) {
	t.Helper()
	ctx := context.Background()
	recs, err := (&elastic.Records{Client: es, Indices: idx}).Records(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pairs := map[string]int{}
	key := func(r rank.Record) string { return r.Occupation + "|" + rank.MonthOf(r.PostedAt).String() }
	for _, r := range recs {
		if !r.Duplicate {
			pairs[key(r)]++
		}
	}
	var lone *rank.Record
	for i := range recs {
		if !recs[i].Duplicate && pairs[key(recs[i])] == 1 {
			lone = &recs[i]
			break
		}
	}
	if lone == nil {
		t.Fatal("no (occupation, month) with a single posting to move")
	}
	doc := postingDoc(t, es, idx, lone.Key)
	doc.Occupation.Code = "99999"
	if _, err := (&elastic.PostingSink{Client: es, Indices: idx}).Index(ctx, []*analyzer.Analysis{doc}); err != nil {
		t.Fatal(err)
	}
	es.Refresh(ctx, idx.PostingsPattern())
	tk, err := job.Rebuild(ctx)
	if err != nil || !tk.Leader {
		t.Fatalf("rebuild: %+v, %v", tk, err)
	}
	es.Refresh(ctx, idx.Aggregates())
	time.Sleep(elastic.DefaultCellCache)
	month := rank.MonthOf(lone.PostedAt).String()
	var occs struct {
		Occupations []struct {
			Code     string `json:"code"`
			Postings int    `json:"postings"`
		} `json:"occupations"`
	}
	getJSON(t, addr+"/api/v1/occupations?period="+month, 200, &occs)
	moved := false
	for _, o := range occs.Occupations {
		if o.Code == lone.Occupation {
			t.Errorf("after the rebuild %s still has %d postings in %s; its only posting moved to 99999", o.Code, o.Postings, month)
		}
		moved = moved || o.Code == "99999" && o.Postings == 1
	}
	if !moved {
		t.Errorf("after the rebuild 99999 is not listed with its posting in %s: %+v", month, occs.Occupations)
	}
	apiAgrees(t, es, idx, addr, []readSideCase{{"99999", "CA", month}, {lone.Occupation, "CA", month[:4]}})
}

// fieldDiff names the top-level fields of two JSON objects that differ,
// with both values, so a mismatch deep in a long profile is readable.
func fieldDiff(got, want []byte) string {
	var g, w map[string]json.RawMessage
	json.Unmarshal(got, &g)
	json.Unmarshal(want, &w)
	var out []string
	for k := range w {
		if string(g[k]) != string(w[k]) {
			out = append(out, fmt.Sprintf("\n %s: api %.600s\n %s: want %.600s", k, g[k], k, w[k]))
		}
	}
	for k := range g {
		if _, ok := w[k]; !ok {
			out = append(out, fmt.Sprintf("\n %s: api %.600s, want none", k, g[k]))
		}
	}
	sort.Strings(out)
	return strings.Join(out, "")
}

// leaseOwner is the worker holding the rollup lease: the running worker,
// which takes it at start-up.
func leaseOwner(t *testing.T, es *elastic.Client, idx elastic.Indices) string {
	t.Helper()
	held, err := (&elastic.Lease{Client: es, Indices: idx, Name: "rollup"}).State(context.Background())
	if err != nil || held.Owner == "" {
		t.Fatalf("no worker holds the rollup lease: %+v %v", held, err)
	}
	return held.Owner
}
