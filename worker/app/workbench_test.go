package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer"
	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/indexer/localstore"
	"github.com/skillpulse/skillpulse/internal/testsvc"
	"github.com/skillpulse/skillpulse/worker/httpapi"
)

// TestWorkbenchSameOnBothStores indexes the same analyzed postings into
// the embedded store and into Elasticsearch (cells built by the rollup's
// recompute), and requires every workbench endpoint to answer the same
// on both, and, for the figures, the same as rankings over every record
// held in memory (rank.Memory, the per-record oracle).
func TestWorkbenchSameOnBothStores(t *testing.T) {
	esURL := testsvc.ElasticsearchURL(t)
	ctx := context.Background()
	st := stagesWith(t, config.Default())
	p := analyzer.New(st)
	cfg := sample.DefaultConfig()
	cfg.Count = 2500
	var as []*analyzer.Analysis
	if err := sample.Generate(cfg, func(post *posting.Posting) error {
		as = append(as, p.Analyze(post))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"Eastern Health", "EASTERN HEALTH INC.", "Eastern Regional Health Authority", "The Eastern Health",
		"eastern health", "Eastern Regional Health Authority"} {
		as = append(as, p.Analyze(&posting.Posting{ID: fmt.Sprintf("eh-%d", i), Source: "test-board", Title: "Registered nurse",
			Description: fmt.Sprintf("Registered nurse, unit %d. Patient care and medication administration. Shift %d of %d.", i*37, i, i*i),
			Employer:    name, Location: &posting.Location{City: "St. John's", Province: "NL"},
			PostedAt: time.Date(2025, 3, 2+i, 9, 0, 0, 0, time.UTC)}))
	}
	recs := make([]rank.Record, len(as))
	for i, a := range as {
		recs[i] = indexer.ToRecord(a)
	}

	local, err := localstore.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer local.Close()
	for i := 0; i < len(as); i += 250 {
		if _, err := local.Index(ctx, as[i:min(i+250, len(as))]); err != nil {
			t.Fatal(err)
		}
	}

	run := fmt.Sprintf("wb%d", time.Now().UnixNano()%1e9)
	es, err := elastic.New(elastic.Config{URLs: []string{esURL}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { es.Raw().Indices.Delete([]string{run + "-*"}) })
	idx := elastic.Indices{Prefix: run}
	if err := es.EnsureTemplates(ctx, idx); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(as); i += 250 {
		if rej, err := (&elastic.PostingSink{Client: es, Indices: idx}).Index(ctx, as[i:min(i+250, len(as))]); err != nil || len(rej) > 0 {
			t.Fatalf("index: %v %v", rej, err)
		}
	}
	// The rollup as the worker runs it: every changed pair, and the
	// all-occupations cells of their months.
	if tk := tick(t, testRollup(t, es, idx, "workbench"), es, idx); !tk.Leader || tk.Cells == 0 {
		t.Fatalf("rollup: %+v", tk)
	}
	cells := &elastic.CellStore{Client: es, Indices: idx}

	server := func(reader rank.Reader, postings indexer.PostingReader) string {
		s := &httpapi.Server{Reader: reader, Gatherer: prometheus.NewRegistry(), Log: quiet, TopN: 10, MinCount: 5,
			OccupationTitle: OccupationTitle, Coder: st.Occupations, Taxonomy: st.Extractor.Taxonomy(), Postings: postings}
		srv := httptest.NewServer(s.Handler())
		t.Cleanup(srv.Close)
		return srv.URL
	}
	embedded, production := server(local.Reader(), local), server(cells.Reader(), cells)
	oracle := server(rank.Reader{Store: rank.NewMemory(recs)}, nil)

	occ := busiestOccupation(recs, 2025)
	var skill string
	for _, r := range recs {
		if r.Occupation == occ && len(r.Skills) > 0 && !r.Duplicate {
			skill = r.Skills[0].ID
			break
		}
	}
	figures := []string{
		"/api/v1/occupations/" + occ + "/trend?interval=month&from=2024-01&to=2025-12",
		"/api/v1/occupations/" + occ + "/trend?interval=quarter&region=NL&lang=fr",
		"/api/v1/occupations/" + occ + "/trend?interval=year&region=1010&from=2023&to=2025",
		"/api/v1/occupations/" + occ + "/employers?period=2025&min_count=2",
		"/api/v1/occupations/" + occ + "/employers?period=2024-Q3&region=ON&min_count=1",
		"/api/v1/occupations/" + occ + "/employers?period=recent:50&min_count=1",
		"/api/v1/occupations/31301/employers?period=2025-03&region=1010",
		"/api/v1/occupations/" + occ + "/profile?period=2025&lang=fr",
		"/api/v1/occupations/" + occ + "/report?period=2025",
		"/api/v1/occupations/" + occ + "/report?period=2025&format=csv",
		"/api/v1/occupations/" + occ + "/report?period=2024&format=html&region=QC",
		"/api/v1/compare?noc=" + occ + "&regions=NL,NS,ON,QC,1010&period=2025",
		"/api/v1/compare?regions=NL,PE&period=2024-Q2",
		"/api/v1/skills/" + url.PathEscape(skill) + "/demand?period=2025",
		"/api/v1/skills?q=care&lang=fr",
		"/api/v1/occupations/99999/trend",
	}
	for _, path := range figures {
		want := fetch(t, oracle+path)
		for name, base := range map[string]string{"embedded": embedded, "production": production} {
			if got := fetch(t, base+path); !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s differs from the rankings over every record:\n got  %.1500s\n want %.1500s", name, path, js(got), js(want))
			}
		}
	}
	// Kibana's employer table (its saved object's field) counts what the
	// API's employers endpoint does.
	var api struct {
		Employers []struct {
			Name     string `json:"name"`
			Postings int    `json:"postings"`
		} `json:"employers"`
	}
	res, err := http.Get(production + "/api/v1/occupations/" + occ + "/employers?period=2025&min_count=1&limit=200")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(res.Body).Decode(&api)
	res.Body.Close()
	kib := kibanaTerms(t, es, idx, "sp-employers", occ, 2025)
	if len(api.Employers) == 0 || len(kib) != len(api.Employers) {
		t.Errorf("Kibana's employer table has %d employers, the API %d", len(kib), len(api.Employers))
	}
	for _, e := range api.Employers {
		if kib[e.Name] != e.Postings {
			t.Errorf("employer %q: API %d postings, Kibana's table %d", e.Name, e.Postings, kib[e.Name])
		}
	}

	// Postings: the same pages, in the same order, on both stores.
	var dup string
	for _, a := range as {
		if a.Duplicate.Duplicate {
			dup = a.Key
			break
		}
	}
	for _, filter := range []string{"noc=" + occ + "&period=2025", "region=NL&period=2024", "reposted=true&noc=" + occ,
		"reposted=false&region=1010", "skill=" + url.QueryEscape(skill) + "&region=ON"} {
		e, pe := walkPostings(t, embedded, filter), walkPostings(t, production, filter)
		if len(e) == 0 || !reflect.DeepEqual(e, pe) {
			t.Errorf("postings %s: embedded %d, production %d, or they differ:\n embedded   %.1500s\n production %.1500s", filter, len(e), len(pe), js(e), js(pe))
		}
	}
	for _, path := range []string{"/api/v1/postings/" + url.PathEscape(dup), "/api/v1/postings/nope:nope"} {
		if e, pe := fetch(t, embedded+path), fetch(t, production+path); !reflect.DeepEqual(e, pe) {
			t.Errorf("%s: embedded %.1500s, production %.1500s", path, js(e), js(pe))
		}
	}
}

// fetch is a status and a decoded body (JSON) or its text.
func fetch(t *testing.T, u string) any {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	var v any
	if json.Unmarshal(body, &v) != nil {
		v = string(body)
	}
	return []any{res.StatusCode, res.Header.Get("Content-Type"), v}
}

// walkPostings follows next_cursor to the end, keeping the postings.
func walkPostings(t *testing.T, base, filter string) []any {
	t.Helper()
	var out []any
	cursor := ""
	for page := 0; page < 200; page++ {
		res, err := http.Get(base + "/api/v1/postings?limit=9&" + filter + "&cursor=" + url.QueryEscape(cursor))
		if err != nil {
			t.Fatal(err)
		}
		var p struct {
			Postings []any  `json:"postings"`
			Next     string `json:"next_cursor"`
		}
		err = json.NewDecoder(res.Body).Decode(&p)
		res.Body.Close()
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("%s %s: %d %v", base, filter, res.StatusCode, err)
		}
		out = append(out, p.Postings...)
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	return out
}

func busiestOccupation(recs []rank.Record, year int) string {
	n := map[string]int{}
	for _, r := range recs {
		if !r.Duplicate && r.PostedAt.Year() == year && r.Occupation != "unclassified" {
			n[r.Occupation]++
		}
	}
	best := ""
	for o, c := range n {
		if best == "" || c > n[best] || c == n[best] && o < best {
			best = o
		}
	}
	return best
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// kibanaTerms runs a saved visualization's first terms aggregation (its
// field, and its query: unique postings) over one occupation's year.
func kibanaTerms(t *testing.T, es *elastic.Client, idx elastic.Indices, visID, occ string, year int) map[string]int {
	t.Helper()
	raw, err := os.ReadFile("../../dashboards/kibana/skillpulse.ndjson")
	if err != nil {
		t.Fatal(err)
	}
	field := ""
	for _, line := range strings.Split(string(raw), "\n") {
		var o struct {
			ID         string `json:"id"`
			Attributes struct {
				VisState string `json:"visState"`
			} `json:"attributes"`
		}
		if json.Unmarshal([]byte(line), &o) != nil || o.ID != visID {
			continue
		}
		var vis struct {
			Aggs []struct {
				Type   string `json:"type"`
				Params struct {
					Field string `json:"field"`
				} `json:"params"`
			} `json:"aggs"`
		}
		json.Unmarshal([]byte(o.Attributes.VisState), &vis)
		for _, a := range vis.Aggs {
			if a.Type == "terms" && field == "" {
				field = a.Params.Field
			}
		}
	}
	if field == "" {
		t.Fatalf("no saved visualization %s with a terms aggregation", visID)
	}
	q := fmt.Sprintf(`{"size":0,"query":{"bool":{"must_not":[{"term":{"duplicate.duplicate":true}}],
		"filter":[{"term":{"occupation.code":%q}},{"range":{"posted_at":{"gte":"%d-01-01T00:00:00Z","lt":"%d-01-01T00:00:00Z"}}}]}},
		"aggs":{"t":{"terms":{"field":%q,"size":1000}}}}`, occ, year, year+1, field)
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
