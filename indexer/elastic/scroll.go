package elastic

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/skillpulse/skillpulse/analyzer"
)

// scrollPostings runs a search over the postings indices and calls fn
// with every hit, decoded, page by page through the scroll API (core
// Elasticsearch: no point-in-time or plugins needed).
func (r *Records) scrollPostings(ctx context.Context, req esapi.SearchRequest, fn func(a *analyzer.Analysis)) error {
	es := r.Client.es
	req.Index = []string{r.Indices.PostingsPattern()}
	req.Size, req.Scroll = ptr(2000), time.Minute
	req.AllowNoIndices, req.IgnoreUnavailable = ptr(true), ptr(true)
	res, err := req.Do(ctx, es)
	if err != nil {
		return fmt.Errorf("search postings: %w", err)
	}
	id := ""
	defer func() {
		if id != "" {
			if cr, err := (esapi.ClearScrollRequest{ScrollID: []string{id}}).Do(context.WithoutCancel(ctx), es); err == nil {
				cr.Body.Close()
			}
		}
	}()
	for {
		var n int
		if id, n, err = decodePage(res, fn); err != nil || n == 0 {
			return err
		}
		if res, err = (esapi.ScrollRequest{ScrollID: id, Scroll: time.Minute}).Do(ctx, es); err != nil {
			return fmt.Errorf("scroll postings: %w", err)
		}
	}
}

func decodePage(res *esapi.Response, fn func(a *analyzer.Analysis)) (string, int, error) {
	defer res.Body.Close()
	if res.IsError() {
		b, _ := io.ReadAll(io.LimitReader(res.Body, 2048))
		return "", 0, fmt.Errorf("search postings: %s: %s", res.Status(), b)
	}
	var body struct {
		ScrollID string `json:"_scroll_id"`
		Hits     struct {
			Hits []struct {
				Source analyzer.Analysis `json:"_source"`
			} `json:"hits"`
		} `json:"hits"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return "", 0, fmt.Errorf("decode search response: %w", err)
	}
	for i := range body.Hits.Hits {
		fn(&body.Hits.Hits[i].Source)
	}
	return body.ScrollID, len(body.Hits.Hits), nil
}
