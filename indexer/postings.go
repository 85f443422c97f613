package indexer

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/employer"
	"github.com/skillpulse/skillpulse/analyzer/rank"
)

// PostingReader lists and shows stored postings: the evidence behind the
// figures. Both stores answer with bounded work per call: one page of an
// index ordered newest first, never a scan of the history.
type PostingReader interface {
	// Postings returns one page of the unique postings matching q,
	// newest first (ties by key descending).
	Postings(ctx context.Context, q PostingQuery) (PostingPage, error)
	// Posting returns one stored posting (a repost too) and every member
	// of its repost group, oldest first; ErrNoPosting when unknown.
	Posting(ctx context.Context, key string) (*analyzer.Analysis, []*analyzer.Analysis, error)
}

// ErrNoPosting is returned for an unknown posting key.
var ErrNoPosting = errors.New("no such posting")

// ErrBadCursor is returned for a cursor the store did not hand out.
var ErrBadCursor = errors.New("malformed cursor")

// MaxPage bounds a page of postings.
const MaxPage = 100

// PostingQuery selects postings. Zero fields do not filter.
type PostingQuery struct {
	Occupation string // NOC code
	Skill      string // skill id
	Scope      rank.Scope
	// From and To bound posted_at (To exclusive); zero: unbounded.
	From, To time.Time
	// Reposted keeps, when set, only postings whose repost group has (true)
	// or has not (false) other members.
	Reposted *bool
	Limit    int
	Cursor   string // from the previous page's NextCursor
}

// PostingPage is one page; NextCursor is "" after the last.
type PostingPage struct {
	Postings   []PostingView `json:"postings"`
	NextCursor string        `json:"next_cursor"`
}

// PostingView is what the API shows of a posting.
type PostingView struct {
	ID           string     `json:"id"`
	Title        string     `json:"title"`
	Employer     string     `json:"employer"`
	EmployerKey  string     `json:"employer_key,omitempty"`
	Occupation   string     `json:"occupation"`
	Region       string     `json:"region"`
	RegionName   string     `json:"region_name,omitempty"`
	PostedAt     time.Time  `json:"posted_at"`
	Group        string     `json:"group"`
	Duplicate    bool       `json:"duplicate"`
	Sources      []Source   `json:"sources"`
	Evidence     []Evidence `json:"evidence"`
	DateGuessed  bool       `json:"posted_at_estimated,omitempty"`
	OccupationBy string     `json:"occupation_method,omitempty"`
}

// Source is one board that carried a member of a repost group.
type Source struct {
	ID       string    `json:"id"`
	Source   string    `json:"source"`
	URL      string    `json:"url,omitempty"`
	PostedAt time.Time `json:"posted_at"`
}

// Evidence is a skill found in a posting: the words matched and the
// sentence around them.
type Evidence struct {
	Skill    string `json:"skill"`
	Label    string `json:"label"`
	Text     string `json:"text"`
	Sentence string `json:"sentence"`
	Start    int    `json:"start"` // byte offsets of Text in the normalized description
	End      int    `json:"end"`
	Required bool   `json:"required"`
}

// maxSentence bounds the context shown around a matched skill.
const maxSentence = 300

// View is what the API shows of a, with its group's members as sources
// (a itself when the group is unknown), and evidence for skill only when
// skill is given.
func View(a *analyzer.Analysis, group []*analyzer.Analysis, skill string) PostingView {
	v := PostingView{ID: a.Key, Title: a.Title, Employer: a.Employer, Occupation: a.Occupation.Code,
		Region: a.Region.Key, RegionName: a.Region.Name, PostedAt: a.PostedAt.UTC(), Group: a.Duplicate.Group,
		Duplicate: a.Duplicate.Duplicate, Sources: []Source{}, Evidence: []Evidence{}, DateGuessed: a.DateGuessed,
		OccupationBy: a.Occupation.Method}
	if v.Group == "" {
		v.Group = a.Key
	}
	if e := employer.Normalize(a.Employer); e.Key != "" {
		v.EmployerKey = e.Key
	}
	if len(group) == 0 {
		group = []*analyzer.Analysis{a}
	}
	for _, m := range group {
		v.Sources = append(v.Sources, Source{ID: m.Key, Source: m.Source, URL: m.URL, PostedAt: m.PostedAt.UTC()})
	}
	for _, s := range a.Skills {
		if skill != "" && s.ID != skill {
			continue
		}
		v.Evidence = append(v.Evidence, Evidence{Skill: s.ID, Label: s.Label, Text: s.Text, Sentence: sentence(a.Text, s.Start, s.End),
			Start: s.Start, End: s.End, Required: s.Requirement == "required"})
	}
	return v
}

// sentence is the sentence of text holding [start, end), at most about
// maxSentence bytes of it.
func sentence(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	lo := strings.LastIndexAny(text[:start], ".!?\n") + 1
	hi := strings.IndexAny(text[end:], ".!?\n")
	if hi < 0 {
		hi = len(text)
	} else {
		hi += end + 1
	}
	lo = max(lo, start-maxSentence/2)
	hi = min(hi, end+maxSentence/2)
	for lo > 0 && lo < len(text) && text[lo]&0xC0 == 0x80 {
		lo++
	}
	for hi < len(text) && text[hi]&0xC0 == 0x80 {
		hi--
	}
	return strings.TrimSpace(text[lo:hi])
}

// Matches reports whether a unique posting's record passes q's filters
// (all but Reposted, which needs the group).
func (q PostingQuery) Matches(r rank.Record) bool {
	if r.Duplicate || q.Occupation != "" && r.Occupation != q.Occupation || !q.Scope.Contains(r) {
		return false
	}
	if !q.From.IsZero() && r.PostedAt.Before(q.From) || !q.To.IsZero() && !r.PostedAt.Before(q.To) {
		return false
	}
	if q.Skill != "" {
		for _, s := range r.Skills {
			if s.ID == q.Skill {
				return true
			}
		}
		return false
	}
	return true
}
