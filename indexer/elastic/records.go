package elastic

import (
	"context"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/indexer"
)

// Records reads stored postings back from Elasticsearch.
type Records struct {
	Client  *Client
	Indices Indices
}

var recordFields = []string{"key", "occupation.code", "region.*", "posted_at", "skills.id", "skills.label",
	"skills.type", "skills.requirement", "wage.low", "wage.high", "duplicate.duplicate",
	"duplicate.group", "employer", "occupation.low_confidence"}

// Records reads every stored posting's ranking record back by scrolling:
// for checks and exports only. The API never calls it: it answers from
// cells (CellStore).
func (r *Records) Records(ctx context.Context) ([]rank.Record, error) {
	var out []rank.Record
	err := r.scrollPostings(ctx, esapi.SearchRequest{SourceIncludes: recordFields, Sort: []string{"_doc"}},
		func(a *analyzer.Analysis) { out = append(out, indexer.ToRecord(a)) })
	if err != nil {
		return nil, err
	}
	return out, nil
}

func ptr[T any](v T) *T { return &v }
