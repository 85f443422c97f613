package elastic

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Lease is a lock document with an expiry in the locks index: of all the
// workers of a consumer group, the one holding it runs the job. Every
// change is a compare-and-set on the document's sequence number, so two
// workers can never both win; a holder that dies loses it when it expires.
// The document also carries the job's watermark, so the next holder goes
// on where the last one stopped.
type Lease struct {
	Client  *Client
	Indices Indices
	Name    string // the job, the document id
	Owner   string // this worker
	TTL     time.Duration
	Now     func() time.Time
}

// LeaseState is the lock document.
type LeaseState struct {
	Owner     string    `json:"owner"`
	ExpiresAt time.Time `json:"expires_at"`
	Watermark time.Time `json:"watermark"`
}

// Held is a lease this worker holds, with the version it was written at.
type Held struct {
	LeaseState
	seqNo, primaryTerm int64
}

// ErrLeaseLost means another worker holds the lease.
var ErrLeaseLost = errors.New("lease held by another worker")

func (l *Lease) now() time.Time {
	if l.Now != nil {
		return l.Now()
	}
	return time.Now()
}

func (l *Lease) docPath() string { return "/" + l.Indices.Locks() + "/_doc/" + url.PathEscape(l.Name) }

// State reads the lease as stored (zero when nobody ever took it): who
// holds it, until when, and its watermark.
func (l *Lease) State(ctx context.Context) (LeaseState, error) {
	var doc struct {
		Source LeaseState `json:"_source"`
	}
	if _, err := l.Client.call(ctx, http.MethodGet, l.docPath(), nil, &doc, http.StatusNotFound); err != nil {
		return LeaseState{}, fmt.Errorf("read lease %s: %w", l.Name, err)
	}
	return doc.Source, nil
}

// Acquire takes the lease if it is free, expired or already this worker's,
// and renews it; ErrLeaseLost when another worker holds it.
func (l *Lease) Acquire(ctx context.Context) (*Held, error) {
	var doc struct {
		Found       bool       `json:"found"`
		SeqNo       int64      `json:"_seq_no"`
		PrimaryTerm int64      `json:"_primary_term"`
		Source      LeaseState `json:"_source"`
	}
	if _, err := l.Client.call(ctx, http.MethodGet, l.docPath(), nil, &doc, http.StatusNotFound); err != nil {
		return nil, fmt.Errorf("read lease %s: %w", l.Name, err)
	}
	now := l.now()
	if doc.Found && doc.Source.Owner != l.Owner && now.Before(doc.Source.ExpiresAt) {
		return nil, ErrLeaseLost
	}
	st := LeaseState{Owner: l.Owner, ExpiresAt: now.Add(l.TTL), Watermark: doc.Source.Watermark}
	if !doc.Found {
		return l.write(ctx, st, "?op_type=create&refresh=false")
	}
	return l.write(ctx, st, fmt.Sprintf("?if_seq_no=%d&if_primary_term=%d", doc.SeqNo, doc.PrimaryTerm))
}

// Renew extends a held lease, optionally moving its watermark (zero keeps
// it); ErrLeaseLost if another worker took it meanwhile.
func (l *Lease) Renew(ctx context.Context, h *Held, watermark time.Time) (*Held, error) {
	st := h.LeaseState
	st.ExpiresAt = l.now().Add(l.TTL)
	if !watermark.IsZero() {
		st.Watermark = watermark
	}
	return l.write(ctx, st, fmt.Sprintf("?if_seq_no=%d&if_primary_term=%d", h.seqNo, h.primaryTerm))
}

func (l *Lease) write(ctx context.Context, st LeaseState, query string) (*Held, error) {
	var res struct {
		SeqNo       int64 `json:"_seq_no"`
		PrimaryTerm int64 `json:"_primary_term"`
	}
	status, err := l.Client.call(ctx, http.MethodPut, l.docPath()+query, st, &res, http.StatusConflict)
	if err != nil {
		return nil, fmt.Errorf("write lease %s: %w", l.Name, err)
	}
	if status == http.StatusConflict {
		return nil, ErrLeaseLost
	}
	return &Held{LeaseState: st, seqNo: res.SeqNo, primaryTerm: res.PrimaryTerm}, nil
}
