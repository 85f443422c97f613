package elastic

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/indexer"
)

// PostingSink indexes analyses into monthly postings indices, one document
// per posting key: a replay overwrites the same document.
type PostingSink struct {
	Client  *Client
	Indices Indices
}

// Index implements indexer.Sink.
func (s *PostingSink) Index(ctx context.Context, batch []*analyzer.Analysis) ([]indexer.Rejected, error) {
	docs := make([]Doc, 0, len(batch))
	var rejected []indexer.Rejected
	// One buffer for the batch's documents: fewer allocations for the
	// collector, whose work comes out of Elasticsearch's CPU share.
	buf := make([]byte, 0, len(batch)*8<<10)
	for _, a := range batch {
		start := len(buf)
		buf = appendCellFields(append(buf, '{'), a)
		mark := len(buf)
		var err error
		if buf, err = analyzer.AppendJSON(buf, a); err != nil || len(buf) <= mark+2 || buf[mark] != '{' {
			buf = buf[:start]
			rejected = append(rejected, indexer.Rejected{Key: a.Key, Reason: fmt.Sprintf("encode: %v", err)})
			continue
		}
		// One object: the cell fields, then the analysis's own fields.
		copy(buf[mark:], buf[mark+1:])
		buf = buf[:len(buf)-1]
		docs = append(docs, Doc{Index: s.Indices.Postings(a.PostedAt), ID: a.Key, Body: buf[start:len(buf):len(buf)], Stamp: true})
	}
	dead, err := s.Client.Write(ctx, docs)
	if err != nil {
		return nil, fmt.Errorf("index postings: %w", err)
	}
	for _, d := range dead {
		rejected = append(rejected, indexer.Rejected{Key: d.Doc.ID, Reason: fmt.Sprintf("elasticsearch %d: %s", d.Status, d.Reason)})
	}
	return rejected, nil
}

// appendCellFields appends, as the first fields of a posting document,
// what the rollup's aggregations count beside the analysis: the ids of
// required skills (skills are objects, not nested, so one skill's id and
// requirement cannot be paired at query time) and the wage in cents, both
// as indexer.ToRecord reduces them for the embedded store's cells.
func appendCellFields(b []byte, a *analyzer.Analysis) []byte {
	r := indexer.ToRecord(a)
	req := []string{}
	for _, s := range r.Skills {
		if s.Required {
			req = append(req, s.ID)
		}
	}
	ids, _ := json.Marshal(req) // strings always encode
	b = append(append(append(b, `"skills_required":`...), ids...), ',')
	if r.Employer != "" {
		k, _ := json.Marshal(r.Employer)
		n, _ := json.Marshal(r.EmployerName)
		b = append(append(append(append(append(b, `"employer_key":`...), k...), `,"employer_name":`...), n...), ',')
	}
	if r.LowConfidence {
		b = append(b, `"low_confidence":true,`...)
	}
	if r.WageHigh > 0 {
		hi := rank.Cents(r.WageHigh)
		lo := hi
		if r.WageLow > 0 {
			lo = rank.Cents(r.WageLow)
		}
		b = fmt.Appendf(b, `"wage_cents":{"low":%d,"high":%d,"sum":%d},`, lo, hi, lo+hi)
	}
	return b
}
