package elastic

import (
	"context"
	"fmt"

	"github.com/skillpulse/skillpulse/analyzer"
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
		var err error
		if buf, err = analyzer.AppendJSON(buf, a); err != nil {
			buf = buf[:start]
			rejected = append(rejected, indexer.Rejected{Key: a.Key, Reason: "encode: " + err.Error()})
			continue
		}
		docs = append(docs, Doc{Index: s.Indices.Postings(a.PostedAt), ID: a.Key, Body: buf[start:len(buf):len(buf)]})
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
