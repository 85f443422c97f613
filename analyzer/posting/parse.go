package posting

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	// segmentio/encoding is a drop-in encoding/json about twice as fast on
	// postings: parsing and writing them are a fifth of a worker's CPU.
	"github.com/segmentio/encoding/json"
)

// FieldError says which field of a posting is wrong and why. It is the
// error class a dead-letter record carries.
type FieldError struct {
	Field  string
	Reason string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Reason }

// ErrInvalid is wrapped by every validation error so callers can tell bad
// input from an infrastructure failure with errors.Is.
var ErrInvalid = errors.New("invalid posting")

type invalid struct{ err error }

func (e invalid) Error() string            { return e.err.Error() }
func (e invalid) Unwrap() []error          { return []error{ErrInvalid, e.err} }
func bad(field, reason string) error       { return invalid{&FieldError{Field: field, Reason: reason}} }
func badf(field, f string, a ...any) error { return bad(field, fmt.Sprintf(f, a...)) }

// Limits keep one hostile posting from exhausting memory downstream.
const (
	MaxIDLen          = 256
	MaxTitleLen       = 1000
	MaxDescriptionLen = 200_000
)

var knownFields = map[string]bool{
	"id": true, "title": true, "description": true, "source": true, "url": true,
	"employer": true, "location": true, "posted_at": true, "occupation": true,
	"salary": true, "language": true,
}

// Parse decodes one JSON posting and validates it. The returned error wraps
// ErrInvalid and a *FieldError naming the offending field.
func Parse(data []byte) (*Posting, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return nil, bad("posting", "empty line")
	}
	if !utf8.Valid(data) {
		return nil, bad("posting", "not valid UTF-8")
	}
	raw, err := splitObject(data)
	if err != nil {
		return nil, bad("posting", "not a JSON object: "+err.Error())
	}
	p := &Posting{}
	if p.ID, err = requiredString(raw, "id", MaxIDLen); err != nil {
		return nil, err
	}
	if p.Title, err = requiredString(raw, "title", MaxTitleLen); err != nil {
		return nil, err
	}
	if p.Description, err = requiredString(raw, "description", MaxDescriptionLen); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"source", &p.Source}, {"url", &p.URL}, {"employer", &p.Employer}} {
		if *f.dst, err = optionalString(raw, f.name); err != nil {
			return nil, err
		}
	}
	if p.Language, err = optionalString(raw, "language"); err != nil {
		return nil, err
	}
	p.Language = strings.ToLower(strings.TrimSpace(p.Language))
	if p.Language != "" && p.Language != "en" && p.Language != "fr" {
		return nil, badf("language", "must be \"en\" or \"fr\", got %q", p.Language)
	}
	if p.Location, err = parseLocation(raw["location"]); err != nil {
		return nil, err
	}
	if p.PostedAt, err = parsePostedAt(raw["posted_at"]); err != nil {
		return nil, err
	}
	if p.Occupation, err = parseOccupation(raw["occupation"]); err != nil {
		return nil, err
	}
	if p.Salary, err = parseSalary(raw["salary"]); err != nil {
		return nil, err
	}
	for k, v := range raw {
		if !knownFields[k] {
			if p.Extra == nil {
				p.Extra = map[string]json.RawMessage{}
			}
			// A copy: v points into data, which the caller may reuse.
			p.Extra[k] = append(json.RawMessage(nil), v...)
		}
	}
	return p, nil
}

func isNull(v json.RawMessage) bool { return len(v) == 0 || string(v) == "null" }

func requiredString(raw map[string]json.RawMessage, name string, max int) (string, error) {
	v, ok := raw[name]
	if !ok || isNull(v) {
		return "", bad(name, "is required")
	}
	s, err := jsonString(v)
	if err != nil {
		// Numeric ids are common in feeds; accept them as their decimal text.
		if name == "id" {
			var n json.Number
			if json.Unmarshal(v, &n) == nil {
				return n.String(), nil
			}
		}
		return "", bad(name, "must be a string")
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "", bad(name, "must not be empty")
	}
	if len(s) > max {
		return "", badf(name, "is %d bytes, longer than the limit of %d", len(s), max)
	}
	return s, nil
}

func optionalString(raw map[string]json.RawMessage, name string) (string, error) {
	v := raw[name]
	if isNull(v) {
		return "", nil
	}
	s, err := jsonString(v)
	if err != nil {
		return "", bad(name, "must be a string")
	}
	return strings.TrimSpace(s), nil
}

// jsonString decodes a JSON string value. The document was validated as a
// whole (JSON and UTF-8) before, so a string without escapes is its bytes
// between the quotes: descriptions are most of a posting, and decoding
// them a second time cost more than the rest of parsing.
func jsonString(v json.RawMessage) (string, error) {
	if n := len(v); n >= 2 && v[0] == '"' && v[n-1] == '"' && bytes.IndexByte(v[1:n-1], '\\') < 0 && bytes.IndexByte(v[1:n-1], '"') < 0 {
		return string(v[1 : n-1]), nil
	}
	// unquote accepts exactly the one-string literals scanString does
	// (no bare quote or control character inside, valid escapes), so it
	// checks v on its way rather than after another pass over it.
	if len(v) >= 2 && v[0] == '"' {
		if s, err := unquote(v); err == nil {
			return s, nil
		}
	}
	var s string
	err := json.Unmarshal(v, &s)
	return s, err
}

func parseLocation(v json.RawMessage) (*Location, error) {
	if isNull(v) {
		return nil, nil
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		s = strings.TrimSpace(s)
		if s == "" {
			return nil, nil
		}
		return &Location{Raw: s}, nil
	}
	var l Location
	if err := json.Unmarshal(v, &l); err != nil {
		return nil, bad("location", "must be a string or an object with city, province, postal_code")
	}
	l.City, l.Province, l.PostalCode = strings.TrimSpace(l.City), strings.TrimSpace(l.Province), strings.TrimSpace(l.PostalCode)
	if l.Raw == "" && l.City == "" && l.Province == "" && l.PostalCode == "" {
		return nil, nil
	}
	return &l, nil
}

func parsePostedAt(v json.RawMessage) (time.Time, error) {
	if isNull(v) {
		return time.Time{}, nil
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return time.Time{}, bad("posted_at", "must be a string (RFC 3339 or YYYY-MM-DD)")
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, badf("posted_at", "%q is neither RFC 3339 nor YYYY-MM-DD", s)
}

func parseOccupation(v json.RawMessage) (*OccupationCode, error) {
	if isNull(v) {
		return nil, nil
	}
	var o OccupationCode
	if err := json.Unmarshal(v, &o); err != nil {
		return nil, bad("occupation", `must be an object like {"system":"noc2021","code":"12111"}`)
	}
	o.System = strings.ToLower(strings.TrimSpace(o.System))
	o.Code = strings.TrimSpace(o.Code)
	if o.Code == "" {
		return nil, bad("occupation.code", "is required when occupation is given")
	}
	if o.System == "" {
		o.System = "noc2021"
	}
	return &o, nil
}

func parseSalary(v json.RawMessage) (*Salary, error) {
	if isNull(v) {
		return nil, nil
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		s = strings.TrimSpace(s)
		if s == "" {
			return nil, nil
		}
		return &Salary{Raw: s}, nil
	}
	var n json.Number
	if json.Unmarshal(v, &n) == nil {
		f, err := strconv.ParseFloat(n.String(), 64)
		if err != nil {
			return nil, bad("salary", "is not a number")
		}
		return &Salary{Raw: n.String(), Min: &f, Max: &f}, nil
	}
	var sal Salary
	if err := json.Unmarshal(v, &sal); err != nil {
		return nil, bad("salary", "must be a string, a number or an object with min, max, currency, period")
	}
	if sal.Min != nil && sal.Max != nil && *sal.Min > *sal.Max {
		return nil, badf("salary", "min %v is greater than max %v", *sal.Min, *sal.Max)
	}
	if (sal.Min != nil && *sal.Min < 0) || (sal.Max != nil && *sal.Max < 0) {
		return nil, bad("salary", "must not be negative")
	}
	return &sal, nil
}

// MarshalJSON writes the posting back out, unknown fields included.
func (p *Posting) MarshalJSON() ([]byte, error) {
	type plain Posting
	b, err := json.Marshal((*plain)(p))
	if err != nil || len(p.Extra) == 0 {
		return b, err
	}
	m := map[string]json.RawMessage{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for k, v := range p.Extra {
		if _, known := m[k]; !known && !knownFields[k] {
			m[k] = v
		}
	}
	return json.Marshal(m)
}

// KnownFields lists, sorted, the input fields Parse reads; the others are
// kept as Extra.
func KnownFields() []string {
	out := make([]string, 0, len(knownFields))
	for k := range knownFields {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
