package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/indexer"
	"github.com/skillpulse/skillpulse/worker/profile"
)

// Records reads every stored posting back as a ranking record, through
// the scroll API (core Elasticsearch: no point-in-time or plugins needed).
type Records struct {
	Client  *Client
	Indices Indices
}

var recordFields = []string{"key", "occupation.code", "region.*", "posted_at", "skills.id", "skills.label",
	"skills.type", "skills.requirement", "wage.low", "wage.high", "duplicate.duplicate"}

// Records implements indexer.RecordSource.
func (r *Records) Records(ctx context.Context) ([]profile.Record, error) {
	es := r.Client.es
	res, err := esapi.SearchRequest{
		Index: []string{r.Indices.PostingsPattern()}, Size: ptr(2000), Scroll: time.Minute,
		SourceIncludes: recordFields, Sort: []string{"_doc"}, AllowNoIndices: ptr(true),
		IgnoreUnavailable: ptr(true),
	}.Do(ctx, es)
	if err != nil {
		return nil, fmt.Errorf("search postings: %w", err)
	}
	var out []profile.Record
	scrollID, n, err := decodeHits(res, &out)
	for err == nil && n > 0 {
		res, err = esapi.ScrollRequest{ScrollID: scrollID, Scroll: time.Minute}.Do(ctx, es)
		if err != nil {
			return nil, fmt.Errorf("scroll postings: %w", err)
		}
		scrollID, n, err = decodeHits(res, &out)
	}
	if scrollID != "" {
		if cr, cerr := (esapi.ClearScrollRequest{ScrollID: []string{scrollID}}).Do(context.WithoutCancel(ctx), es); cerr == nil {
			cr.Body.Close()
		}
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func decodeHits(res *esapi.Response, out *[]profile.Record) (string, int, error) {
	defer res.Body.Close()
	if res.IsError() {
		b, _ := io.ReadAll(io.LimitReader(res.Body, 2048))
		return "", 0, fmt.Errorf("search postings: %s: %s", res.Status(), b)
	}
	var body struct {
		ScrollID string `json:"_scroll_id"`
		Hits     struct {
			Hits []struct {
				Source json.RawMessage `json:"_source"`
			} `json:"hits"`
		} `json:"hits"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return "", 0, fmt.Errorf("decode search response: %w", err)
	}
	for _, h := range body.Hits.Hits {
		var a analyzer.Analysis
		dec := json.NewDecoder(bytes.NewReader(h.Source))
		if err := dec.Decode(&a); err != nil {
			return "", 0, fmt.Errorf("decode posting: %w", err)
		}
		*out = append(*out, indexer.ToRecord(&a))
	}
	return body.ScrollID, len(body.Hits.Hits), nil
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
