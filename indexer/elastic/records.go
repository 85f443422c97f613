package elastic

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/indexer"
)

// Records reads stored postings back from Elasticsearch.
type Records struct {
	Client  *Client
	Indices Indices
}

var recordFields = []string{"key", "occupation.code", "region.*", "posted_at", "skills.id", "skills.label",
	"skills.type", "skills.requirement", "wage.low", "wage.high", "duplicate.duplicate"}

// Records implements indexer.RecordSource.
func (r *Records) Records(ctx context.Context) ([]rank.Record, error) {
	var out []rank.Record
	err := r.scrollPostings(ctx, esapi.SearchRequest{SourceIncludes: recordFields, Sort: []string{"_doc"}},
		func(a *analyzer.Analysis) { out = append(out, indexer.ToRecord(a)) })
	if err != nil {
		return nil, err
	}
	return out, nil
}

func ptr[T any](v T) *T { return &v }

// CountByOccupation asks Elasticsearch itself — a terms aggregation over
// unique (non-duplicate) postings — how many postings each occupation has
// in the years [from, to). It cross-checks the Go rankings.
func (r *Records) CountByOccupation(ctx context.Context, from, to time.Time) (map[string]int, error) {
	q := fmt.Sprintf(`{"size":0,"query":{"bool":{"filter":[{"range":{"posted_at":{"gte":%q,"lt":%q}}}],
		"must_not":[{"term":{"duplicate.duplicate":true}}]}},
		"aggs":{"occ":{"terms":{"field":"occupation.code","size":1000}}}}`, from.Format(time.RFC3339), to.Format(time.RFC3339))
	res, err := esapi.SearchRequest{Index: []string{r.Indices.PostingsPattern()}, Body: strings.NewReader(q),
		AllowNoIndices: ptr(true), IgnoreUnavailable: ptr(true)}.Do(ctx, r.Client.es)
	if err != nil {
		return nil, fmt.Errorf("aggregate postings: %w", err)
	}
	defer res.Body.Close()
	if res.IsError() {
		b, _ := io.ReadAll(io.LimitReader(res.Body, 2048))
		return nil, fmt.Errorf("aggregate postings: %s: %s", res.Status(), b)
	}
	var body struct {
		Aggregations struct {
			Occ struct {
				Buckets []struct {
					Key      string `json:"key"`
					DocCount int    `json:"doc_count"`
				} `json:"buckets"`
			} `json:"occ"`
		} `json:"aggregations"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("decode aggregation: %w", err)
	}
	out := map[string]int{}
	for _, b := range body.Aggregations.Occ.Buckets {
		out[b.Key] = b.DocCount
	}
	return out, nil
}
