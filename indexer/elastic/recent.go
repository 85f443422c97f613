package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/skillpulse/skillpulse/analyzer"
)

var recentFields = []string{"key", "source", "employer", "title", "region.key", "region.province", "text",
	"posted_at", "duplicate"}

// Analyzed calls fn for every posting analyzed since the given time, oldest
// posting first, with the fields duplicate detection needs. The worker
// uses it at start-up to remember the groups it had formed before.
func (r *Records) Analyzed(ctx context.Context, since time.Time, fn func(a *analyzer.Analysis)) error {
	q := fmt.Sprintf(`{"query":{"range":{"analyzed_at":{"gte":%q}}},"sort":[{"posted_at":"asc"},{"key":"asc"}]}`, since.UTC().Format(time.RFC3339))
	return r.scrollPostings(ctx, esapi.SearchRequest{Body: strings.NewReader(q), SourceIncludes: recentFields}, fn)
}

// Recall calls fn for every posting consumed from a Kafka partition below
// offset before and analyzed since the given time: what the partition's
// previous owner analyzed, for a worker taking it over (ingest.Recaller). Takeovers are
// rare, so it first refreshes the indices: the previous owner's last
// writes are then searchable.
func (r *Records) Recall(ctx context.Context, topic string, partition int, before int64, since time.Time, fn func(a *analyzer.Analysis)) error {
	if err := r.Client.Refresh(ctx, r.Indices.PostingsPattern()); err != nil {
		return err
	}
	q, err := json.Marshal(map[string]any{
		"query": map[string]any{"bool": map[string]any{"filter": []any{
			map[string]any{"term": map[string]any{"kafka.topic": topic}},
			map[string]any{"term": map[string]any{"kafka.partition": partition}},
			map[string]any{"range": map[string]any{"kafka.offset": map[string]any{"lt": before}}},
			map[string]any{"range": map[string]any{"analyzed_at": map[string]any{"gte": since.UTC().Format(time.RFC3339)}}},
		}}},
		"sort": []any{map[string]any{"posted_at": "asc"}, map[string]any{"key": "asc"}},
	})
	if err != nil {
		return fmt.Errorf("recall query: %w", err)
	}
	return r.scrollPostings(ctx, esapi.SearchRequest{Body: bytes.NewReader(q), SourceIncludes: recentFields}, fn)
}
