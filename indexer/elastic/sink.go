package elastic

import (
	"context"
	"fmt"

	"github.com/segmentio/encoding/json"

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
	for _, a := range batch {
		body, err := json.Marshal(a)
		if err != nil {
			rejected = append(rejected, indexer.Rejected{Key: a.Key, Reason: "encode: " + err.Error()})
			continue
		}
		docs = append(docs, Doc{Index: s.Indices.Postings(a.PostedAt), ID: a.Key, Body: body})
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
