package elastic

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/skillpulse/skillpulse/internal/testsvc"
)

// TestTemplateShards runs against the real node: indices created from the
// templates get the configured shards and replicas.
func TestTemplateShards(t *testing.T) {
	c, err := New(Config{URLs: []string{testsvc.ElasticsearchURL(t)}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	n := Indices{Prefix: fmt.Sprintf("spshards%d", time.Now().UnixNano()%1e9), Shards: 2, Replicas: 0}
	defer func() {
		esapi.IndicesDeleteRequest{Index: []string{n.Prefix + "-*"}}.Do(ctx, c.es)
		esapi.IndicesDeleteIndexTemplateRequest{Name: n.Prefix + "-postings"}.Do(ctx, c.es)
		esapi.IndicesDeleteIndexTemplateRequest{Name: n.Prefix + "-aggregates"}.Do(ctx, c.es)
	}()
	if err := c.EnsureTemplates(ctx, n); err != nil {
		t.Fatal(err)
	}
	for _, index := range []string{n.Postings(time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)), n.Aggregates()} {
		res, err := esapi.IndicesCreateRequest{Index: index}.Do(ctx, c.es)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.IsError() {
			t.Fatalf("create %s: %s", index, res.Status())
		}
		res, err = esapi.IndicesGetSettingsRequest{Index: []string{index}}.Do(ctx, c.es)
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]struct {
			Settings struct {
				Index struct {
					Shards   string `json:"number_of_shards"`
					Replicas string `json:"number_of_replicas"`
				} `json:"index"`
			} `json:"settings"`
		}
		err = json.NewDecoder(res.Body).Decode(&got)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if s := got[index].Settings.Index; s.Shards != "2" || s.Replicas != "0" {
			t.Errorf("%s: %s shards, %s replicas; want 2 and 0", index, s.Shards, s.Replicas)
		}
	}
}
