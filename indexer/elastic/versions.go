package elastic

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/indexer"
)

// The versions the indices under a prefix hold live in one document of
// the meta index, with an unfinished reprocess's target and cursor.

// Meta is the meta index (one document, "versions").
func (n Indices) Meta() string { return n.Prefix + "-meta" }

const metaDoc = "/_doc/versions"

// StoreMeta is the versions document.
type StoreMeta struct {
	Versions  *analyzer.Versions `json:"versions,omitempty"`
	Reprocess *ReprocessState    `json:"reprocess,omitempty"`
	UpdatedAt time.Time          `json:"updated_at"`
}

// ReprocessState is a reprocess under way: its target, and the last
// posting (in posted_at, key order) written with it.
type ReprocessState struct {
	Target analyzer.Versions `json:"target"`
	After  indexer.Cursor    `json:"after"`
}

// LoadMeta reads the versions document (zero when there is none).
func (c *Client) LoadMeta(ctx context.Context, n Indices) (StoreMeta, error) {
	var res struct {
		Found  bool      `json:"found"`
		Source StoreMeta `json:"_source"`
	}
	if _, err := c.call(ctx, http.MethodGet, "/"+n.Meta()+metaDoc, nil, &res, http.StatusNotFound); err != nil {
		return StoreMeta{}, fmt.Errorf("read store versions: %w", err)
	}
	return res.Source, nil
}

// SaveMeta writes the versions document.
func (c *Client) SaveMeta(ctx context.Context, n Indices, m StoreMeta) error {
	m.UpdatedAt = time.Now().UTC()
	if _, err := c.call(ctx, http.MethodPut, "/"+n.Meta()+metaDoc+"?refresh=true", m, nil); err != nil {
		return fmt.Errorf("write store versions: %w", err)
	}
	return nil
}

// PostingCount counts the documents of the postings indices.
func (c *Client) PostingCount(ctx context.Context, n Indices) (int, error) {
	if err := c.Refresh(ctx, n.PostingsPattern()); err != nil {
		return 0, err
	}
	var res struct {
		Count int `json:"count"`
	}
	if _, err := c.call(ctx, http.MethodGet, "/"+n.PostingsPattern()+"/_count?allow_no_indices=true&ignore_unavailable=true", nil, &res); err != nil {
		return 0, fmt.Errorf("count postings: %w", err)
	}
	return res.Count, nil
}

// CheckVersions is a worker's start-up check: it refuses indices holding
// postings of other versions than current (or of none recorded, or with
// a reprocess unfinished), naming both and the fix, and records current
// when there are no postings yet. Workers starting together record the
// same document; one of other versions is then refused.
func (c *Client) CheckVersions(ctx context.Context, n Indices, current analyzer.Versions) error {
	m, err := c.LoadMeta(ctx, n)
	if err != nil {
		return err
	}
	store := "index prefix " + n.Prefix
	if m.Reprocess != nil {
		return &analyzer.VersionMismatch{Store: store, Current: current, Pending: true}
	}
	count, err := c.PostingCount(ctx, n)
	if err != nil {
		return err
	}
	if err := analyzer.CheckStore(store, m.Versions, count, current); err != nil {
		return err
	}
	if m.Versions != nil {
		return nil
	}
	_, err = c.call(ctx, http.MethodPut, "/"+n.Meta()+"/_create/versions?refresh=true", StoreMeta{Versions: &current, UpdatedAt: time.Now().UTC()}, nil, http.StatusConflict)
	if err != nil {
		return fmt.Errorf("record store versions: %w", err)
	}
	// Another worker may have recorded first: its versions decide.
	if m, err = c.LoadMeta(ctx, n); err != nil {
		return err
	}
	if m.Versions == nil {
		return errors.New("record store versions: the document is missing after creating it")
	}
	return analyzer.CheckStore(store, m.Versions, count, current)
}
