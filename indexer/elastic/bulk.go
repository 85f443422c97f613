// Package elastic indexes postings and aggregates into Elasticsearch with
// go-elasticsearch v8. Every bulk item's status is classified; retryable
// items (429, 5xx, transport errors) are retried with capped exponential
// backoff and jitter until they succeed or the context ends — never
// dropped — and malformed documents are returned for dead-lettering.
package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
	segjson "github.com/segmentio/encoding/json"

	"github.com/skillpulse/skillpulse/internal/backoff"
)

// Doc is one document to index under a deterministic id.
type Doc struct {
	Index string
	ID    string
	Body  []byte // a JSON object
	// Stamp adds "indexed_at", the time of the bulk request that carries
	// the document, on every attempt: the rollup finds changed postings by
	// it, so a batch retried through an outage is stamped when it lands.
	Stamp bool
}

// Class is what a bulk item's status means for the writer.
type Class int

// Item classes.
const (
	Success    Class = iota // 200/201: durable
	Duplicate               // 409 on create: already there, as durable as a success
	Retry                   // 429, 5xx: try again later
	DeadLetter              // 4xx: the document itself is bad
)

// Classify maps a bulk item's status and error type to its class. Only
// errors that are the document's own fault are dead-lettered; anything an
// operator or time can fix (a write block, a closed or missing index, a
// tripped breaker, auth) is retried, so a 60 s index block loses nothing.
func Classify(status int, errType string) Class {
	switch {
	case status == http.StatusOK || status == http.StatusCreated:
		return Success
	case status == http.StatusConflict:
		return Duplicate
	case status == http.StatusTooManyRequests || status >= 500:
		return Retry
	case documentFaults[errType]:
		return DeadLetter
	case errType == "" && (status == http.StatusBadRequest || status == http.StatusRequestEntityTooLarge):
		return DeadLetter
	default:
		return Retry
	}
}

// documentFaults are the error types that say the document itself is bad.
// Everything else a bulk item can fail with — cluster_block_exception,
// index_closed_exception, index_not_found_exception (auto-create off),
// circuit_breaking_exception, unavailable shards, security — is retried.
var documentFaults = map[string]bool{
	"mapper_parsing_exception":         true,
	"document_parsing_exception":       true,
	"strict_dynamic_mapping_exception": true,
	"illegal_argument_exception":       true,
	"mapper_exception":                 true,
	"x_content_parse_exception":        true,
	"json_parse_exception":             true,
	"parse_exception":                  true,
}

// Client wraps the go-elasticsearch client.
type Client struct {
	es *elasticsearch.Client
	// Backoff bounds retry waits.
	MinBackoff, MaxBackoff time.Duration
	// OnRetry is called for every retried request or batch of items, with
	// how many documents wait and why (metrics and a Warn log: a retry
	// that nobody sees is an outage nobody sees).
	OnRetry func(reason string, n int, cause error)
}

// Config is how to reach Elasticsearch.
type Config struct {
	URLs               []string
	Username, Password string
}

// New connects (lazily) to Elasticsearch. The transport's own retries are
// off: this package retries with backoff and without a retry cap.
func New(cfg Config) (*Client, error) {
	es, err := elasticsearch.NewClient(elasticsearch.Config{
		Addresses: cfg.URLs, Username: cfg.Username, Password: cfg.Password, DisableRetry: true,
	})
	if err != nil {
		return nil, fmt.Errorf("elasticsearch client: %w", err)
	}
	return &Client{es: es, MinBackoff: 100 * time.Millisecond, MaxBackoff: 30 * time.Second}, nil
}

// Raw exposes the underlying client for requests this package does not wrap.
func (c *Client) Raw() *elasticsearch.Client { return c.es }

type bulkResponse struct {
	Errors bool `json:"errors"`
	Items  []map[string]struct {
		ID     string `json:"_id"`
		Status int    `json:"status"`
		Error  *struct {
			Type   string `json:"type"`
			Reason string `json:"reason"`
		} `json:"error"`
	} `json:"items"`
}

// appendIndexAction appends the action line of d:
// {"index":{"_index":…,"_id":…}} and a newline.
func appendIndexAction(b []byte, d Doc) []byte {
	b = append(b, `{"index":{"_index":`...)
	b, _ = segjson.Append(b, d.Index, 0) // strings always encode
	b = append(b, `,"_id":`...)
	b, _ = segjson.Append(b, d.ID, 0)
	return append(b, "}}\n"...)
}

// ItemResult is the outcome of one document of a bulk request.
type ItemResult struct {
	Doc    Doc
	Status int
	Class  Class
	Reason string
}

// errRetryable marks whole-request failures worth retrying.
type errRetryable struct{ err error }

func (e errRetryable) Error() string { return e.err.Error() }
func (e errRetryable) Unwrap() error { return e.err }

// bulk sends one _bulk request with "index" actions (replays overwrite).
func (c *Client) bulk(ctx context.Context, docs []Doc) ([]ItemResult, error) {
	var body bytes.Buffer
	size := 0
	for _, d := range docs {
		size += len(d.Body) + len(d.Index) + len(d.ID) + 40
	}
	body.Grow(size)
	var meta []byte
	stamp := `{"indexed_at":"` + time.Now().UTC().Format(time.RFC3339Nano) + `",`
	for _, d := range docs {
		meta = appendIndexAction(meta[:0], d)
		body.Write(meta)
		b := bytes.TrimSpace(d.Body)
		if d.Stamp && len(b) > 2 && b[0] == '{' {
			body.WriteString(stamp)
			b = b[1:]
		}
		body.Write(b)
		body.WriteByte('\n')
	}
	res, err := esapi.BulkRequest{Body: &body}.Do(ctx, c.es)
	if err != nil {
		return nil, errRetryable{fmt.Errorf("bulk request: %w", err)}
	}
	defer res.Body.Close()
	// A whole request refused is not the documents' fault (a bad document
	// fails its own item): retry it, unless it is too large to ever pass.
	if res.IsError() {
		b, _ := io.ReadAll(io.LimitReader(res.Body, 1024))
		err := fmt.Errorf("bulk request: %s: %s", res.Status(), b)
		if res.StatusCode == http.StatusRequestEntityTooLarge {
			return nil, err
		}
		return nil, errRetryable{err}
	}
	var br bulkResponse
	if err := json.NewDecoder(res.Body).Decode(&br); err != nil {
		return nil, errRetryable{fmt.Errorf("decode bulk response: %w", err)}
	}
	if len(br.Items) != len(docs) {
		return nil, fmt.Errorf("bulk response has %d items for %d documents", len(br.Items), len(docs))
	}
	out := make([]ItemResult, len(docs))
	for i, item := range br.Items {
		for _, r := range item { // one key: the action name
			typ := ""
			if r.Error != nil {
				typ = r.Error.Type
				out[i].Reason = r.Error.Type + ": " + r.Error.Reason
			}
			out[i].Doc, out[i].Status, out[i].Class = docs[i], r.Status, Classify(r.Status, typ)
		}
	}
	return out, nil
}

// Write indexes docs until each one is durable or classified dead-letter.
// It retries whole-request failures and retryable items forever with capped
// exponential backoff and jitter; it returns early only when ctx ends, with
// ctx's error, in which case nothing may be treated as written.
func (c *Client) Write(ctx context.Context, docs []Doc) (dead []ItemResult, err error) {
	pending := docs
	for attempt := 0; len(pending) > 0; attempt++ {
		if attempt > 0 {
			if err := c.sleep(ctx, attempt); err != nil {
				return nil, err
			}
		}
		results, err := c.bulk(ctx, pending)
		if err != nil {
			var r errRetryable
			if errors.As(err, &r) && ctx.Err() == nil {
				c.retried("request", len(pending), err)
				continue
			}
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, err
		}
		var again []Doc
		var why error
		for _, r := range results {
			switch r.Class {
			case Retry:
				if why == nil {
					why = fmt.Errorf("status %d: %s", r.Status, r.Reason)
				}
				again = append(again, r.Doc)
			case DeadLetter:
				dead = append(dead, r)
			}
		}
		if len(again) > 0 {
			c.retried("item", len(again), why)
		}
		pending = again
	}
	return dead, nil
}

func (c *Client) retried(reason string, n int, cause error) {
	if c.OnRetry != nil {
		c.OnRetry(reason, n, cause)
	}
}

// sleep waits the project's retry policy (internal/backoff) before
// retry number attempt.
func (c *Client) sleep(ctx context.Context, attempt int) error {
	return backoff.Sleep(ctx, backoff.Policy{Min: c.MinBackoff, Max: c.MaxBackoff}.Delay(attempt))
}
