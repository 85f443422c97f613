package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/indexer"
)

// periodBounds is the time range of a calendar period.
func periodBounds(p rank.Period) (time.Time, time.Time) {
	ms := p.Months()
	if len(ms) == 0 {
		return time.Time{}, time.Time{}
	}
	start := func(m rank.Month) time.Time { return time.Date(m.Year(), time.Month(m.Mon()), 1, 0, 0, 0, 0, time.UTC) }
	return start(ms[0]), start(ms[len(ms)-1]).AddDate(0, 1, 0)
}

func (s *Server) postings(r *http.Request) (any, error) {
	if s.Postings == nil {
		return nil, fmt.Errorf("postings: %w in this store", errNotFound)
	}
	v := r.URL.Query()
	q := indexer.PostingQuery{Cursor: v.Get("cursor")}
	if occ := v.Get("noc"); occ != "" {
		var err error
		if q.Occupation, err = s.occupation(r, occ); err != nil {
			return nil, err
		}
	}
	if sk := v.Get("skill"); sk != "" {
		if len(sk) > 200 {
			return nil, badRequest("skill: at most 200 characters")
		}
		if s.Taxonomy != nil {
			if _, ok := s.Taxonomy.Lookup(sk); !ok {
				return nil, fmt.Errorf("skill %q: %w in the taxonomy", clip(sk), errNotFound)
			}
		}
		q.Skill = sk
	}
	if reg := strings.TrimSpace(v.Get("region")); reg != "" {
		rp, err := parseRegion(reg)
		if err != nil {
			return nil, err
		}
		if q.Scope, _, err = scopeOf(rp); err != nil {
			return nil, badRequest("region: %v", err)
		}
	}
	if per := strings.TrimSpace(v.Get("period")); per != "" {
		p, err := rank.ParsePeriod(per)
		if err != nil || p.Kind == rank.Recent {
			return nil, badRequest("period: %q is not a year (2025), quarter (2025-Q2) or month (2025-03)", clip(per))
		}
		q.From, q.To = periodBounds(p)
	}
	switch rp := v.Get("reposted"); rp {
	case "":
	case "true", "false":
		b := rp == "true"
		q.Reposted = &b
	default:
		return nil, badRequest("reposted: %q is not true or false", clip(rp))
	}
	var err error
	if q.Limit, err = intParam(r, "limit", 20, 1, indexer.MaxPage); err != nil {
		return nil, err
	}
	if len(q.Cursor) > 2000 {
		return nil, badRequest("cursor: not one this server handed out")
	}
	page, err := s.Postings.Postings(r.Context(), q)
	if errors.Is(err, indexer.ErrBadCursor) {
		return nil, badRequest("cursor: not one this server handed out for these filters")
	}
	if err != nil {
		return nil, err
	}
	return page, nil
}

func (s *Server) posting(r *http.Request) (any, error) {
	if s.Postings == nil {
		return nil, fmt.Errorf("postings: %w in this store", errNotFound)
	}
	key := r.PathValue("id")
	if key == "" || len(key) > 1000 {
		return nil, badRequest("posting id: 1 to 1000 characters")
	}
	a, group, err := s.Postings.Posting(r.Context(), key)
	if errors.Is(err, indexer.ErrNoPosting) {
		return nil, fmt.Errorf("posting %q: %w", clip(key), errNotFound)
	}
	if err != nil {
		return nil, err
	}
	return struct {
		indexer.PostingView
		Text     string `json:"text"`
		Language string `json:"language"`
	}{indexer.View(a, group, ""), a.Text, a.Language}, nil
}
