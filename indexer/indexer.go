// Package indexer stores analyzed postings. Sink is the seam between the
// analysis pipeline and a store: the embedded default writes to a local
// file store, production to Elasticsearch. Both use deterministic document
// ids (source:id) so a replay overwrites instead of duplicating.
package indexer

import (
	"context"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/employer"
	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/analyzer/rank"
)

// Sink durably stores a batch of analyzed postings. When Index returns a
// nil error every posting of the batch is either durable or listed in
// rejected (the store refused it as malformed: retrying cannot help, so the
// caller dead-letters it); only then may input offsets be committed.
type Sink interface {
	Index(ctx context.Context, batch []*analyzer.Analysis) (rejected []Rejected, err error)
}

// Rejected is a posting the store refused, with its reason.
type Rejected struct {
	Key    string
	Reason string
}

// ToRecord reduces an analysis to what rankings need.
func ToRecord(a *analyzer.Analysis) rank.Record {
	r := rank.Record{
		Key:        a.Key,
		Occupation: a.Occupation.Code,
		Province:   a.Region.Province,
		Region:     a.Region.Key,
		RegionName: a.Region.Name,
		PostedAt:   a.PostedAt,
		Duplicate:  a.Duplicate.Duplicate,
		Group:      a.Duplicate.Group,
		// The coder flagged it against its configured threshold when it
		// analyzed the posting; an unclassified one is not "low".
		LowConfidence: a.Occupation.LowConfidence && a.Occupation.Code != noc.Unclassified,
	}
	if e := employer.Normalize(a.Employer); e.Key != "" {
		r.Employer, r.EmployerName = e.Key, e.Display
	}
	if a.Wage != nil {
		r.WageLow, r.WageHigh = a.Wage.Low, a.Wage.High
	}
	seen := make(map[string]bool, len(a.Skills))
	for _, s := range a.Skills {
		if seen[s.ID] {
			continue
		}
		seen[s.ID] = true
		r.Skills = append(r.Skills, rank.Skill{ID: s.ID, Label: s.Label, Type: s.Type, Required: s.Requirement == "required"})
	}
	return r
}
