package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/skillpulse/skillpulse/analyzer"
	"io"
	"net/http"
)

// call sends one request with a JSON body (nil for none) and decodes the
// JSON answer into out (nil to discard it). A status in allow is not an
// error; its body is still decoded.
func (c *Client) call(ctx context.Context, method, path string, body, out any, allow ...int) (int, error) {
	var rd io.Reader
	if body != nil {
		switch b := body.(type) {
		case []byte:
			rd = bytes.NewReader(b)
		default:
			j, err := json.Marshal(body)
			if err != nil {
				return 0, fmt.Errorf("%s %s: encode: %w", method, path, err)
			}
			rd = bytes.NewReader(j)
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, path, rd)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", method, path, err)
	}
	if rd != nil {
		ct := "application/json"
		if _, nd := body.([]byte); nd {
			ct = "application/x-ndjson"
		}
		req.Header.Set("Content-Type", ct)
	}
	res, err := c.es.Perform(req)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	ok := res.StatusCode < 300
	for _, s := range allow {
		ok = ok || res.StatusCode == s
	}
	if !ok {
		b, _ := io.ReadAll(io.LimitReader(res.Body, 2048))
		return res.StatusCode, fmt.Errorf("%s %s: %d: %s", method, path, res.StatusCode, b)
	}
	if out == nil {
		io.Copy(io.Discard, res.Body)
		return res.StatusCode, nil
	}
	if err := json.NewDecoder(res.Body).Decode(out); err != nil {
		return res.StatusCode, fmt.Errorf("%s %s: decode: %w", method, path, err)
	}
	return res.StatusCode, nil
}

// search runs one search over index (missing indices are no error).
func (c *Client) search(ctx context.Context, index string, body, out any) error {
	_, err := c.call(ctx, http.MethodPost, "/"+index+"/_search?allow_no_indices=true&ignore_unavailable=true", body, out)
	return err
}

// Ping asks the cluster for its health: an error when no node answers, or
// when the cluster is red (primaries missing: writes to them fail).
func (c *Client) Ping(ctx context.Context) error {
	var h struct {
		Status string `json:"status"`
	}
	if _, err := c.call(ctx, http.MethodGet, "/_cluster/health", nil, &h); err != nil {
		return err
	}
	if h.Status == "red" {
		return fmt.Errorf("cluster health is red")
	}
	return nil
}

// sortedHit is a posting found by a sorted search, with the sort values
// the next page starts after.
type sortedHit struct {
	Source analyzer.Analysis `json:"_source"`
	Sort   []any             `json:"sort"`
}

// postingsPage runs one page of a sorted search over the postings,
// starting after the sort values of the previous page's last hit (none
// for the first page): search_after, never scroll or deep from/size.
func (c *Client) postingsPage(ctx context.Context, n Indices, body map[string]any, after []any) ([]sortedHit, error) {
	if after != nil {
		body["search_after"] = after
	}
	var res struct {
		Hits struct {
			Hits []sortedHit `json:"hits"`
		} `json:"hits"`
	}
	if err := c.search(ctx, n.PostingsPattern(), body, &res); err != nil {
		return nil, err
	}
	return res.Hits.Hits, nil
}
