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
)

var recentFields = []string{"key", "source", "employer", "title", "region.key", "region.province", "text",
	"posted_at", "duplicate"}

// Analyzed calls fn for every posting analyzed since the given time, oldest
// posting first, with the fields duplicate detection needs. The worker
// uses it at start-up to remember the groups it had formed before.
func (r *Records) Analyzed(ctx context.Context, since time.Time, fn func(a *analyzer.Analysis)) error {
	q := fmt.Sprintf(`{"query":{"range":{"analyzed_at":{"gte":%q}}},"sort":[{"posted_at":"asc"},{"key":"asc"}]}`, since.UTC().Format(time.RFC3339))
	es := r.Client.es
	res, err := esapi.SearchRequest{Index: []string{r.Indices.PostingsPattern()}, Body: strings.NewReader(q), Size: ptr(2000),
		Scroll: time.Minute, SourceIncludes: recentFields, AllowNoIndices: ptr(true), IgnoreUnavailable: ptr(true)}.Do(ctx, es)
	if err != nil {
		return fmt.Errorf("search recent postings: %w", err)
	}
	for {
		id, n, err := decodeAnalyses(res, fn)
		if err != nil {
			return err
		}
		if n == 0 {
			if id != "" {
				if cr, err := (esapi.ClearScrollRequest{ScrollID: []string{id}}).Do(context.WithoutCancel(ctx), es); err == nil {
					cr.Body.Close()
				}
			}
			return nil
		}
		if res, err = (esapi.ScrollRequest{ScrollID: id, Scroll: time.Minute}).Do(ctx, es); err != nil {
			return fmt.Errorf("scroll recent postings: %w", err)
		}
	}
}

func decodeAnalyses(res *esapi.Response, fn func(a *analyzer.Analysis)) (string, int, error) {
	defer res.Body.Close()
	if res.IsError() {
		b, _ := io.ReadAll(io.LimitReader(res.Body, 2048))
		return "", 0, fmt.Errorf("search recent postings: %s: %s", res.Status(), b)
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
		if err := json.NewDecoder(bytes.NewReader(h.Source)).Decode(&a); err != nil {
			return "", 0, fmt.Errorf("decode posting: %w", err)
		}
		fn(&a)
	}
	return body.ScrollID, len(body.Hits.Hits), nil
}
