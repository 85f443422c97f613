// Package posting defines the job-posting input model and parses it from
// JSON lines. Parsing is strict about the few required fields and lenient
// about everything else: unknown fields are kept so that a downstream index
// never loses what a source sent.
package posting

import (
	"encoding/json"
	"time"
)

// Location is where a posting says the job is. Raw keeps the string form
// ("St. John's, NL"); the structured fields are filled when the source sent
// an object.
type Location struct {
	Raw        string `json:"raw,omitempty"`
	City       string `json:"city,omitempty"`
	Province   string `json:"province,omitempty"`
	PostalCode string `json:"postal_code,omitempty"`
}

// String renders the location for matching against a gazetteer.
func (l *Location) String() string {
	if l == nil {
		return ""
	}
	if l.Raw != "" {
		return l.Raw
	}
	s := l.City
	if l.Province != "" {
		if s != "" {
			s += ", "
		}
		s += l.Province
	}
	if l.PostalCode != "" {
		if s != "" {
			s += " "
		}
		s += l.PostalCode
	}
	return s
}

// OccupationCode is a code the source itself assigned.
type OccupationCode struct {
	System string `json:"system"`
	Code   string `json:"code"`
}

// Salary keeps what the source sent. Raw is the string form; the numeric
// fields are filled when the source sent an object.
type Salary struct {
	Raw      string   `json:"raw,omitempty"`
	Min      *float64 `json:"min,omitempty"`
	Max      *float64 `json:"max,omitempty"`
	Currency string   `json:"currency,omitempty"`
	Period   string   `json:"period,omitempty"` // hour, day, week, month, year
}

// Posting is one job posting as received.
type Posting struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	Description string          `json:"description"`
	Source      string          `json:"source,omitempty"`
	URL         string          `json:"url,omitempty"`
	Employer    string          `json:"employer,omitempty"`
	Location    *Location       `json:"location,omitempty"`
	PostedAt    time.Time       `json:"posted_at,omitzero"`
	Occupation  *OccupationCode `json:"occupation,omitempty"`
	Salary      *Salary         `json:"salary,omitempty"`
	Language    string          `json:"language,omitempty"`

	// Extra holds fields this model does not know, verbatim.
	Extra map[string]json.RawMessage `json:"-"`
}

// Key is the posting's identity across sources: a replay of the same
// source and id must map to the same document.
func (p *Posting) Key() string {
	src := p.Source
	if src == "" {
		src = "unknown"
	}
	return src + ":" + p.ID
}
