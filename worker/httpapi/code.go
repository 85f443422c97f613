package httpapi

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/skillpulse/skillpulse/analyzer/noc"
)

// Limits on what a caller may ask to code: a title, and a description
// long enough for the duties the coder reads (it uses the first words).
const (
	maxTitleBytes       = 500
	maxDescriptionBytes = 20000
	defaultCandidates   = 5
)

// code answers "which unit group is this title?": the coding a posting
// with that title and description gets, and the likeliest unit groups
// for a person to choose from.
func (s *Server) code(r *http.Request) (any, error) {
	if s.Coder == nil {
		return nil, fmt.Errorf("occupation coding: %w", errNotFound)
	}
	q := r.URL.Query()
	title := strings.TrimSpace(q.Get("title"))
	// The industry and the employer are evidence like the description:
	// they decide what a generic title ("Manager", "Owner") leaves open.
	description := strings.TrimSpace(strings.Join([]string{q.Get("industry"), q.Get("employer"), q.Get("description")}, " "))
	switch {
	case title == "":
		return nil, badRequest("title: required, e.g. ?title=Health+records+technician")
	case len(title) > maxTitleBytes:
		return nil, badRequest("title: %d bytes, at most %d", len(title), maxTitleBytes)
	case len(description) > maxDescriptionBytes:
		return nil, badRequest("description, industry and employer: %d bytes together, at most %d", len(description), maxDescriptionBytes)
	case !utf8.ValidString(title) || !utf8.ValidString(description):
		return nil, badRequest("title and description must be UTF-8")
	}
	n := defaultCandidates
	if v := q.Get("candidates"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 0 || n > noc.MaxCandidates {
			return nil, badRequest("candidates: %q must be a whole number from 0 to %d", v, noc.MaxCandidates)
		}
	}
	// Apart too, for the sectors they name when a long description
	// comes with them.
	ev := noc.Evidence{Title: title, Description: description, Industry: q.Get("industry"), Employer: q.Get("employer")}
	candidates := s.Coder.CandidatesEvidence(ev, n)
	if candidates == nil {
		candidates = []noc.Result{}
	}
	return struct {
		Title      string       `json:"title"`
		Occupation noc.Result   `json:"occupation"`
		Candidates []noc.Result `json:"candidates"`
	}{title, s.Coder.CodeEvidence(ev, nil), candidates}, nil
}
