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

	"github.com/skillpulse/skillpulse/internal/testsvc"
)

func TestClassify(t *testing.T) {
	cases := map[int]Class{200: Success, 201: Success, 409: Duplicate, 429: Retry, 500: Retry, 503: Retry, 400: DeadLetter, 404: DeadLetter, 413: DeadLetter}
	for status, want := range cases {
		if got := Classify(status); got != want {
			t.Errorf("Classify(%d) = %v, want %v", status, got, want)
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
	c.OnRetry = func(string, int) { retries.Add(1) }
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
