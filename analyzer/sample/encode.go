package sample

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// wire is a posting as a job feed sends it. Unlike posting.Posting's own
// MarshalJSON, it writes a location or salary that is only text as a plain
// JSON string and a date without a time of day as YYYY-MM-DD, so the
// sample exercises every input form the parser accepts.
type wire struct {
	ID          string                  `json:"id"`
	Title       string                  `json:"title"`
	Description string                  `json:"description"`
	Source      string                  `json:"source,omitempty"`
	URL         string                  `json:"url,omitempty"`
	Employer    string                  `json:"employer,omitempty"`
	Location    any                     `json:"location,omitempty"`
	PostedAt    string                  `json:"posted_at,omitempty"`
	Occupation  *posting.OccupationCode `json:"occupation,omitempty"`
	Salary      any                     `json:"salary,omitempty"`
	Language    string                  `json:"language,omitempty"`
}

func toWire(p *posting.Posting) wire {
	w := wire{
		ID: p.ID, Title: p.Title, Description: p.Description, Source: p.Source,
		URL: p.URL, Employer: p.Employer, Occupation: p.Occupation, Language: p.Language,
	}
	if l := p.Location; l != nil {
		if l.Raw != "" {
			w.Location = l.Raw
		} else {
			w.Location = l
		}
	}
	if s := p.Salary; s != nil {
		if s.Raw != "" && s.Min == nil && s.Max == nil {
			w.Salary = s.Raw
		} else {
			w.Salary = s
		}
	}
	if t := p.PostedAt; !t.IsZero() {
		if t.Location() == time.UTC && t.Equal(dayOf(t)) {
			w.PostedAt = t.Format(time.DateOnly)
		} else {
			w.PostedAt = t.Format(time.RFC3339)
		}
	}
	return w
}

// newEncoder writes one JSON value per line, leaving <, > and & alone so
// HTML descriptions stay readable.
func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// EncodeJSON renders one posting as a feed would send it, without a
// trailing newline. posting.Parse reads it back.
func EncodeJSON(p *posting.Posting) ([]byte, error) {
	var b bytes.Buffer
	if err := newEncoder(&b).Encode(toWire(p)); err != nil {
		return nil, fmt.Errorf("encode posting %s: %w", p.Key(), err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// WriteJSONL writes the sample cfg describes to w, one posting per line.
func WriteJSONL(w io.Writer, cfg Config) error {
	return WriteJSONLWithTruth(w, nil, cfg)
}

// WriteJSONLWithTruth writes postings to w and, when truth is not nil,
// their ground truth to truth, line for line.
func WriteJSONLWithTruth(w, truth io.Writer, cfg Config) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := newEncoder(bw)
	var tw *bufio.Writer
	var tenc *json.Encoder
	if truth != nil {
		tw = bufio.NewWriterSize(truth, 64<<10)
		tenc = newEncoder(tw)
	}
	err := GenerateWithTruth(cfg, func(p *posting.Posting, t Truth) error {
		if err := enc.Encode(toWire(p)); err != nil {
			return fmt.Errorf("write posting: %w", err)
		}
		if tenc != nil {
			if err := tenc.Encode(t); err != nil {
				return fmt.Errorf("write truth: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write postings: %w", err)
	}
	if tw != nil {
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("write truth: %w", err)
		}
	}
	return nil
}
