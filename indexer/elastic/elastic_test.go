package elastic

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/internal/testsvc"
)

func TestClassify(t *testing.T) {
	cases := []struct {
		status int
		typ    string
		want   Class
	}{
		{200, "", Success}, {201, "", Success}, {409, "version_conflict_engine_exception", Duplicate},
		{429, "es_rejected_execution_exception", Retry}, {500, "", Retry}, {503, "unavailable_shards_exception", Retry},
		{400, "mapper_parsing_exception", DeadLetter}, {400, "document_parsing_exception", DeadLetter},
		{400, "illegal_argument_exception", DeadLetter}, {400, "", DeadLetter}, {413, "", DeadLetter},
		// What time or an operator fixes is retried, never dead-lettered.
		{403, "cluster_block_exception", Retry}, {404, "index_not_found_exception", Retry},
		{400, "index_closed_exception", Retry}, {401, "security_exception", Retry}, {403, "security_exception", Retry},
	}
	for _, c := range cases {
		if got := Classify(c.status, c.typ); got != c.want {
			t.Errorf("Classify(%d, %q) = %v, want %v", c.status, c.typ, got, c.want)
		}
	}
}

// TestWriteRetriesUntilAccepted drives the retry loop with a server that
// answers 429 for the whole request, then 503 for one item, then accepts:
// nothing may be dropped and nothing sent twice once accepted.
func TestWriteRetriesUntilAccepted(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Elastic-Product", "Elasticsearch")
		w.Header().Set("Content-Type", "application/json")
		var body strings.Builder
		buf := make([]byte, 4096)
		for {
			n, err := r.Body.Read(buf)
			body.Write(buf[:n])
			if err != nil {
				break
			}
		}
		docs := strings.Count(body.String(), `"index":{`)
		switch calls.Add(1) {
		case 1:
			w.WriteHeader(429)
			fmt.Fprint(w, `{"error":"too many requests"}`)
		case 2:
			items := []string{`{"index":{"_id":"a","status":201}}`, `{"index":{"_id":"b","status":503,"error":{"type":"unavailable_shards_exception","reason":"x"}}}`, `{"index":{"_id":"c","status":400,"error":{"type":"mapper_parsing_exception","reason":"bad date"}}}`}
			fmt.Fprintf(w, `{"errors":true,"items":[%s]}`, strings.Join(items[:docs], ","))
		default:
			if docs != 1 {
				t.Errorf("retry sent %d docs, want only the failed one", docs)
			}
			fmt.Fprint(w, `{"errors":false,"items":[{"index":{"_id":"b","status":200}}]}`)
		}
	}))
	defer srv.Close()
	c, err := New(Config{URLs: []string{srv.URL}})
	if err != nil {
		t.Fatal(err)
	}
	c.MinBackoff, c.MaxBackoff = time.Millisecond, 5*time.Millisecond
	var retries atomic.Int32
	c.OnRetry = func(string, int, error) { retries.Add(1) }
	dead, err := c.Write(context.Background(), []Doc{{Index: "i", ID: "a", Body: []byte(`{}`)}, {Index: "i", ID: "b", Body: []byte(`{}`)}, {Index: "i", ID: "c", Body: []byte(`{}`)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].Doc.ID != "c" || !strings.Contains(dead[0].Reason, "mapper_parsing_exception") {
		t.Errorf("dead = %+v, want only c with its reason", dead)
	}
	if calls.Load() != 3 || retries.Load() != 2 {
		t.Errorf("calls %d retries %d, want 3 and 2", calls.Load(), retries.Load())
	}
}

func TestWriteStopsOnContext(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer srv.Close()
	c, _ := New(Config{URLs: []string{srv.URL}})
	c.MinBackoff, c.MaxBackoff = time.Millisecond, 2*time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.Write(ctx, []Doc{{Index: "i", ID: "a", Body: []byte(`{}`)}}); err == nil {
		t.Fatal("Write must fail when the context ends while Elasticsearch is down")
	}
}

func count(t *testing.T, c *Client, index string) int {
	t.Helper()
	if err := c.Refresh(context.Background(), index); err != nil {
		t.Fatal(err)
	}
	res, err := esapi.CountRequest{Index: []string{index}}.Do(context.Background(), c.es)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var v struct{ Count int }
	json.NewDecoder(res.Body).Decode(&v)
	return v.Count
}

// TestRealElasticsearch runs against the real node: templates apply,
// replays overwrite, malformed documents come back as dead letters, and
// retention drops whole monthly indices.
func TestRealElasticsearch(t *testing.T) {
	url := testsvc.ElasticsearchURL(t)
	c, err := New(Config{URLs: []string{url}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	n := Indices{Prefix: fmt.Sprintf("sptest%d", time.Now().UnixNano()%1e9), RefreshInterval: 7 * time.Second}
	defer esapi.IndicesDeleteRequest{Index: []string{n.Prefix + "-*"}}.Do(ctx, c.es)
	if err := c.EnsureTemplates(ctx, n); err != nil {
		t.Fatal(err)
	}
	if err := c.EnsureTemplates(ctx, n); err != nil {
		t.Fatalf("templates must be idempotent: %v", err)
	}
	may := n.Postings(time.Date(2025, 5, 3, 0, 0, 0, 0, time.UTC))
	docs := []Doc{
		{Index: may, ID: "jobbank:1", Body: []byte(`{"key":"jobbank:1","posted_at":"2025-05-03T00:00:00Z","occupation":{"code":"12111"}}`)},
		{Index: may, ID: "jobbank:2", Body: []byte(`{"key":"jobbank:2","posted_at":"2025-05-04T00:00:00Z","occupation":{"code":"12111"}}`)},
		{Index: may, ID: "jobbank:3", Body: []byte(`{"key":"jobbank:3","posted_at":"not a date"}`)},
	}
	for round := 0; round < 2; round++ { // the second round is a replay
		dead, err := c.Write(ctx, docs)
		if err != nil {
			t.Fatal(err)
		}
		if len(dead) != 1 || dead[0].Doc.ID != "jobbank:3" || dead[0].Status != 400 {
			t.Fatalf("round %d: dead = %+v, want jobbank:3 rejected with 400", round, dead)
		}
	}
	if got := count(t, c, may); got != 2 {
		t.Errorf("%s holds %d documents after a replay, want 2", may, got)
	}
	res, err := c.es.Indices.GetSettings(c.es.Indices.GetSettings.WithIndex(may), c.es.Indices.GetSettings.WithName("index.refresh_interval"))
	if err != nil {
		t.Fatal(err)
	}
	settings, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(settings), `"refresh_interval":"7000ms"`) {
		t.Errorf("index settings %s, want the configured refresh interval", settings)
	}
	old := n.Postings(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	if _, err := c.Write(ctx, []Doc{{Index: old, ID: "x:1", Body: []byte(`{"key":"x:1"}`)}}); err != nil {
		t.Fatal(err)
	}
	dropped, err := c.DropOldPostings(ctx, n, 36, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(dropped) != 1 || dropped[0] != old {
		t.Errorf("dropped %v, want only %s", dropped, old)
	}
	if got := count(t, c, may); got != 2 {
		t.Errorf("retention touched a recent index: %d docs", got)
	}
}

// The action line must be the JSON object the map form gave, for any id.
func TestAppendIndexAction(t *testing.T) {
	for _, id := range []string{"jobbank:1", `quote"d\back`, "é\u2028\x01", ""} {
		line := appendIndexAction(nil, Doc{Index: "skillpulse-postings-2025.03", ID: id})
		if line[len(line)-1] != '\n' {
			t.Fatalf("%q: action line does not end in a newline", line)
		}
		var got map[string]map[string]string
		if err := json.Unmarshal(line, &got); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		want := map[string]map[string]string{"index": {"_index": "skillpulse-postings-2025.03", "_id": id}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("action %s, want %v", line, want)
		}
	}
}

// TestWriteBlockIsRetried: a write block on the index (what a disk
// watermark or an operator sets) answers every item 403
// cluster_block_exception; the writer must wait it out, not dead-letter.
func TestWriteBlockIsRetried(t *testing.T) {
	c, n := realIndices(t, "spblock")
	c.MinBackoff, c.MaxBackoff = 50*time.Millisecond, 300*time.Millisecond
	ctx := context.Background()
	idx := n.Postings(time.Date(2025, 5, 3, 0, 0, 0, 0, time.UTC))
	doc := func(i int) Doc {
		return Doc{Index: idx, ID: fmt.Sprint(i), Body: []byte(fmt.Sprintf(`{"key":"%d","posted_at":"2025-05-03T00:00:00Z"}`, i)), Stamp: true}
	}
	if dead, err := c.Write(ctx, []Doc{doc(0)}); err != nil || len(dead) > 0 {
		t.Fatalf("first write: %v %v", dead, err)
	}
	block := func(on bool) {
		if _, err := c.call(ctx, http.MethodPut, "/"+idx+"/_settings", map[string]any{"index.blocks.write": on}, nil); err != nil {
			t.Fatal(err)
		}
	}
	block(true)
	var retries atomic.Int32
	c.OnRetry = func(string, int, error) { retries.Add(1) }
	go func() { time.Sleep(2 * time.Second); block(false) }()
	dead, err := c.Write(ctx, []Doc{doc(1), doc(2), doc(3)})
	if err != nil || len(dead) > 0 {
		t.Fatalf("writes during a block: dead %+v, err %v; want all retried until the block lifts", dead, err)
	}
	if retries.Load() == 0 {
		t.Error("the block was never hit: the test did not test anything")
	}
	c.Refresh(ctx, idx)
	if got := count(t, c, idx); got != 4 {
		t.Errorf("%d documents after the block lifted, want 4", got)
	}
}

// TestRecallStopsBeforeOffset: a worker recalling a partition sees only
// what was indexed from offsets below the batch it is about to analyze.
func TestRecallStopsBeforeOffset(t *testing.T) {
	c, n := realIndices(t, "sprecall")
	ctx := context.Background()
	now := time.Now().UTC()
	var docs []Doc
	for off := 0; off < 6; off++ {
		docs = append(docs, Doc{Index: n.Postings(now), ID: fmt.Sprint(off), Body: []byte(fmt.Sprintf(
			`{"key":"%d","posted_at":%q,"analyzed_at":%q,"kafka":{"topic":"t","partition":2,"offset":%d}}`,
			off, now.Format(time.RFC3339), now.Format(time.RFC3339), off))})
	}
	if dead, err := c.Write(ctx, docs); err != nil || len(dead) > 0 {
		t.Fatal(dead, err)
	}
	var got []string
	r := &Records{Client: c, Indices: n}
	if err := r.Recall(ctx, "t", 2, 3, now.Add(-time.Hour), func(a *analyzer.Analysis) { got = append(got, a.Key) }); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[0 1 2]" {
		t.Errorf("recalled %v below offset 3, want [0 1 2]", got)
	}
}

// TestCellsPageThroughManyBuckets: a pair with more distinct counted
// values than one composite page holds (here wages, as in the
// all-occupations cell of a busy month) is counted in full.
func TestCellsPageThroughManyBuckets(t *testing.T) {
	c, n := realIndices(t, "sppage")
	ctx := context.Background()
	const docs = compositePage + 1500
	day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	var batch []Doc
	for i := 0; i < docs; i++ {
		at := day.Add(time.Duration(i%28) * 24 * time.Hour).Format(time.RFC3339)
		batch = append(batch, Doc{Index: n.Postings(day), ID: fmt.Sprint(i), Stamp: true, Body: []byte(fmt.Sprintf(
			`{"key":"%d","posted_at":%q,"occupation":{"code":"12111"},"region":{"key":"1010","province":"NL"},`+
				`"skills":[{"id":"s%d"}],"wage_cents":{"low":%d,"high":%d,"sum":%d}}`, i, at, i%7, 1000+i, 5000+i, 6000+2*i))})
	}
	if dead, err := c.Write(ctx, batch); err != nil || len(dead) > 0 {
		t.Fatal(dead, err)
	}
	c.Refresh(ctx, n.PostingsPattern())
	m := rank.MonthOf(day)
	if _, err := c.RecomputeCells(ctx, n, []Dirty{{"12111", m}, {rank.AllOccupations, m}}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	c.Refresh(ctx, n.Aggregates())
	for _, occ := range []string{"12111", rank.AllOccupations} {
		for _, scope := range []string{"1010", "NL", "CA"} {
			k := rank.CellKey{Occupation: occ, Scope: scope, Month: m}
			cells, err := (&CellStore{Client: c, Indices: n}).Cells(ctx, []rank.CellKey{k})
			if err != nil {
				t.Fatal(err)
			}
			cell := cells[k]
			if cell == nil || cell.Postings != docs || len(cell.Lows) != docs || len(cell.Sums) != docs || len(cell.Days) != 28 ||
				len(cell.Skills) != 7 || cell.Skills["s3"].N != docs/7+1 {
				t.Fatalf("cell %s: %+v; want %d postings, %d distinct wages, 28 days, 7 skills", k.ID(), summary(cell), docs, docs)
			}
		}
	}
}

func summary(c *rank.Cell) string {
	if c == nil {
		return "missing"
	}
	return fmt.Sprintf("postings %d, lows %d, sums %d, days %d, skills %d (s3 %d)", c.Postings, len(c.Lows), len(c.Sums), len(c.Days), len(c.Skills), c.Skills["s3"].N)
}

// realIndices is a client of the real node and a fresh set of indices
// (templates installed), deleted when the test ends.
func realIndices(t *testing.T, name string) (*Client, Indices) {
	t.Helper()
	c, err := New(Config{URLs: []string{testsvc.ElasticsearchURL(t)}})
	if err != nil {
		t.Fatal(err)
	}
	n := Indices{Prefix: fmt.Sprintf("%s%d", name, time.Now().UnixNano()%1e9)}
	t.Cleanup(func() { esapi.IndicesDeleteRequest{Index: []string{n.Prefix + "-*"}}.Do(context.Background(), c.es) })
	if err := c.EnsureTemplates(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	return c, n
}
