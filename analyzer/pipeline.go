// Package analyzer runs every analysis stage on a posting: normalization,
// skill extraction, occupation coding, region resolution, wage
// normalization and duplicate detection. The embedded default and the
// Kafka worker share this code; only sources and sinks differ.
package analyzer

import (
	"time"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/lang"
	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/analyzer/salary"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// Analysis is an analyzed posting: what is indexed and ranked.
type Analysis struct {
	Key         string          `json:"key"` // source:id, the document id
	ID          string          `json:"id"`
	Source      string          `json:"source"`
	Title       string          `json:"title"`
	Employer    string          `json:"employer,omitempty"`
	URL         string          `json:"url,omitempty"`
	Location    string          `json:"location,omitempty"`
	PostedAt    time.Time       `json:"posted_at"`
	DateGuessed bool            `json:"posted_at_estimated,omitempty"` // no date given: ingestion date used
	Language    string          `json:"language"`
	Text        string          `json:"text"` // normalized description
	Occupation  Occupation      `json:"occupation"`
	Region      Region          `json:"region"`
	Skills      []extract.Match `json:"skills"`
	Wage        *salary.Wage    `json:"wage,omitempty"`
	Duplicate   repost.Verdict  `json:"duplicate"`
	// Kafka is where the posting was consumed from, when it was: a worker
	// taking over a partition recalls the partition's recent postings.
	Kafka      *KafkaOrigin     `json:"kafka,omitempty"`
	Taxonomy   string           `json:"taxonomy"`
	TaxVersion string           `json:"taxonomy_version"`
	Versions   Versions         `json:"versions"` // what produced this analysis
	AnalyzedAt time.Time        `json:"analyzed_at"`
	Posting    *posting.Posting `json:"posting"` // as received, unknown fields included

	signed repost.Signed // computed by Describe, consumed by Deduplicate
}

// Occupation is the coded occupation.
type Occupation = noc.Result

// KafkaOrigin is a message's topic, partition and offset.
type KafkaOrigin struct {
	Topic     string `json:"topic"`
	Partition int    `json:"partition"`
	Offset    int64  `json:"offset"`
}

// Region is where the job is, flattened for indexing.
type Region struct {
	Key          string `json:"key"` // ER code, "<PROV>-unspecified" or "CA-unspecified"
	Province     string `json:"province,omitempty"`
	ProvinceName string `json:"province_name,omitempty"`
	Code         string `json:"code,omitempty"`
	Name         string `json:"name,omitempty"`
	Unspecified  bool   `json:"unspecified"`
}

// Stages are the analysis components; build them once and share.
type Stages struct {
	Extractor   *extract.Extractor
	Occupations *noc.Coder
	Places      *geo.Resolver
	Dedup       *repost.Detector
}

// Pipeline analyzes postings. Analyze is safe for concurrent use: every
// stage but duplicate detection is stateless, and the detector serializes
// itself.
type Pipeline struct {
	st       Stages
	versions Versions
	now      func() time.Time
}

// New builds a pipeline from its stages.
func New(st Stages) *Pipeline {
	return &Pipeline{st: st, versions: StageVersions(st), now: time.Now}
}

// StageVersions are the versions of the stages' reference data and of the
// analysis code.
func StageVersions(st Stages) Versions {
	v := Versions{Analyzer: AnalyzerVersion}
	if st.Extractor != nil {
		v.Taxonomy = st.Extractor.Taxonomy().Fingerprint()
		if r := st.Extractor.RescorerVersion(); r != "" {
			v.Taxonomy += " " + r
		}
	}
	if st.Occupations != nil {
		v.Coder = st.Occupations.Version()
	}
	if st.Places != nil {
		v.Gazetteer = st.Places.Version()
	}
	if st.Dedup != nil {
		// Repost verdicts are part of the analysis: the settings that
		// decide them version it too.
		v.Analyzer += " " + st.Dedup.Version()
	}
	return v
}

// Versions are what every analysis of this pipeline carries.
func (p *Pipeline) Versions() Versions { return p.versions }

// Stages returns the pipeline's components.
func (p *Pipeline) Stages() Stages { return p.st }

// Analyze runs every stage on a valid posting received now.
func (p *Pipeline) Analyze(post *posting.Posting) *Analysis { return p.AnalyzeAt(post, time.Time{}) }

// AnalyzeAt runs every stage on a valid posting. received (the Kafka
// message time, or zero for now) dates a posting that carries no date, so
// that a replay files it under the same date and document.
func (p *Pipeline) AnalyzeAt(post *posting.Posting, received time.Time) *Analysis {
	a := p.Describe(post, received)
	p.Deduplicate(a)
	return a
}

// Describe runs every stage but duplicate detection. It keeps no state, so
// batches can be described in parallel and then deduplicated in order.
func (p *Pipeline) Describe(post *posting.Posting, received time.Time) *Analysis {
	text := textnorm.Clean(post.Description)
	title := textnorm.Clean(post.Title)
	a := &Analysis{
		Key: post.Key(), ID: post.ID, Source: post.Source, Title: title, Employer: post.Employer,
		URL: post.URL, Location: post.Location.String(), PostedAt: post.PostedAt, Language: post.Language,
		Text: text, AnalyzedAt: p.now().UTC(), Posting: post, Versions: p.versions,
	}
	if a.Source == "" {
		a.Source = "unknown"
	}
	if a.PostedAt.IsZero() {
		if received.IsZero() {
			received = a.AnalyzedAt
		}
		a.PostedAt = received.UTC().Truncate(24 * time.Hour)
		a.DateGuessed = true
	}
	if a.Language == "" {
		a.Language = lang.Of(title + "\n" + text)
	}
	res := p.st.Extractor.ExtractDoc(extract.Doc{Text: text, Title: title, Employer: post.Employer, BoilerSpans: true})
	a.Skills = res.Skills
	if a.Skills == nil {
		a.Skills = []extract.Match{}
	}
	tax := p.st.Extractor.Taxonomy()
	a.Taxonomy, a.TaxVersion = tax.Name, tax.Version
	// The employer's name can name the sector ("ABC Trucking", "Eastern
	// Health"), which decides what a generic title leaves open.
	// Boilerplate (benefits, equity, how to apply) says nothing of the
	// occupation and would decide what a generic title leaves open.
	a.Occupation = p.st.Occupations.CodeEvidence(noc.Evidence{Title: title, Description: res.Content(text), Employer: post.Employer}, post.Occupation)
	a.Region = regionOf(p.st.Places.Resolve(post.Location))
	a.Wage = wageOf(post.Salary)
	if p.st.Dedup != nil {
		a.signed = p.st.Dedup.Sign(dedupDoc(a))
	}
	return a
}

// Remember makes the duplicate detector know a posting analyzed earlier
// (by this process before a restart, or by another worker), with the
// verdict it was given then.
func (p *Pipeline) Remember(a *Analysis) {
	if p.st.Dedup != nil {
		p.st.Dedup.Remember(dedupDoc(a), a.Duplicate)
	}
}

// Window is how far back the duplicate detector looks; zero without one.
func (p *Pipeline) Window() time.Duration {
	if p.st.Dedup == nil {
		return 0
	}
	return p.st.Dedup.Window()
}

func dedupDoc(a *Analysis) repost.Doc {
	return repost.Doc{Key: a.Key, Source: a.Source, Employer: a.Employer, Title: a.Title,
		Location: a.Region.Key, Province: a.Region.Province, Text: a.Text, PostedAt: a.PostedAt}
}

// Deduplicate decides whether a described posting repeats an earlier one;
// call it in arrival order.
func (p *Pipeline) Deduplicate(a *Analysis) {
	if p.st.Dedup == nil {
		return
	}
	if a.signed == (repost.Signed{}) {
		a.signed = p.st.Dedup.Sign(dedupDoc(a))
	}
	a.Duplicate = p.st.Dedup.AddSigned(a.signed)
}

func regionOf(r geo.Region) Region {
	return Region{Key: r.Key(), Province: r.Province, ProvinceName: r.ProvinceName, Code: r.Code, Name: r.Name, Unspecified: r.Unspecified()}
}

func wageOf(s *posting.Salary) *salary.Wage {
	if s == nil {
		return nil
	}
	if s.Min != nil || s.Max != nil {
		if w, ok := salary.FromFields(s.Min, s.Max, s.Period, s.Currency); ok {
			return &w
		}
	}
	if s.Raw != "" {
		if w, ok := salary.Parse(s.Raw); ok {
			return &w
		}
	}
	return nil
}
