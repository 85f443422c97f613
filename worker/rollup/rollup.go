// Package rollup is the scheduled job that computes occupation profiles
// with the shared ranking code and indexes them into Elasticsearch under
// deterministic ids (occupation|scope|period), so a rerun overwrites.
package rollup

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/skillpulse/skillpulse/indexer"
	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/analyzer/rank"
)

// Job computes and indexes profiles.
type Job struct {
	Source   indexer.RecordSource
	Client   *elastic.Client
	Indices  elastic.Indices
	TopN     int
	MinCount int
	Now      func() time.Time
}

// Doc is one indexed profile.
type Doc struct {
	Occupation string          `json:"occupation"`
	Scope      string          `json:"scope"`
	Period     string          `json:"period"`
	Postings   int             `json:"postings"`
	Suppressed bool            `json:"suppressed"`
	ComputedAt time.Time       `json:"computed_at"`
	TopSkills  []skillSummary  `json:"top_skills"`
	Profile    rank.Profile `json:"profile"`
}

type skillSummary struct {
	ID       string  `json:"id"`
	Label    string  `json:"label"`
	Share    float64 `json:"share"`
	Postings int     `json:"postings"`
}

// ID is the aggregate document id.
func (d Doc) ID() string { return d.Occupation + "|" + d.Scope + "|" + d.Period }

// Profiles computes every profile worth indexing: each occupation with
// postings, in Canada, each province and each region where it has
// postings, for each calendar year with postings.
func Profiles(recs []rank.Record, topN, minCount int, now time.Time) []Doc {
	type combo struct{ occ, scope, year string }
	seen := map[combo]bool{}
	for _, r := range recs {
		if r.Duplicate {
			continue
		}
		y := strconv.Itoa(r.PostedAt.Year())
		for _, sc := range []string{"CA", r.Province, r.Region} {
			if sc != "" {
				seen[combo{r.Occupation, sc, y}] = true
			}
		}
	}
	combos := make([]combo, 0, len(seen))
	for c := range seen {
		combos = append(combos, c)
	}
	sort.Slice(combos, func(i, j int) bool {
		a, b := combos[i], combos[j]
		return a.occ+"|"+a.scope+"|"+a.year < b.occ+"|"+b.scope+"|"+b.year
	})
	out := make([]Doc, 0, len(combos))
	for _, c := range combos {
		scope, err := rank.ParseScope(c.scope)
		if err != nil {
			continue
		}
		period, err := rank.ParsePeriod(c.year)
		if err != nil {
			continue
		}
		p := rank.Compute(recs, rank.Query{Occupation: c.occ, Scope: scope, Period: period, TopN: topN, MinCount: minCount})
		d := Doc{Occupation: c.occ, Scope: c.scope, Period: c.year, Postings: p.Postings, Suppressed: p.Suppressed,
			ComputedAt: now, Profile: p, TopSkills: []skillSummary{}}
		for _, s := range p.TopSkills {
			d.TopSkills = append(d.TopSkills, skillSummary{ID: s.ID, Label: s.Label, Share: s.Share, Postings: s.Postings})
		}
		out = append(out, d)
	}
	return out
}

// Run reads every record, computes the profiles and indexes them.
func (j *Job) Run(ctx context.Context) error {
	recs, err := j.Source.Records(ctx)
	if err != nil {
		return fmt.Errorf("rollup: %w", err)
	}
	now := time.Now
	if j.Now != nil {
		now = j.Now
	}
	docs := Profiles(recs, j.TopN, j.MinCount, now().UTC())
	batch := make([]elastic.Doc, 0, 500)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		dead, err := j.Client.Write(ctx, batch)
		if err != nil {
			return fmt.Errorf("rollup: index aggregates: %w", err)
		}
		if len(dead) > 0 {
			return fmt.Errorf("rollup: %d aggregates rejected, first: %s", len(dead), dead[0].Reason)
		}
		batch = batch[:0]
		return nil
	}
	for _, d := range docs {
		body, err := json.Marshal(d)
		if err != nil {
			return fmt.Errorf("rollup: encode %s: %w", d.ID(), err)
		}
		batch = append(batch, elastic.Doc{Index: j.Indices.Aggregates(), ID: d.ID(), Body: body})
		if len(batch) == cap(batch) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}
