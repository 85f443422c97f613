package rank

import (
	"math"
	"sort"
	"time"
)

// RegionRef names an economic region.
type RegionRef struct{ Code, Name string }

// Query selects what to profile.
type Query struct {
	Occupation string // "" = all occupations
	Scope      Scope
	Period     Period
	TopN       int // default 10
	MinCount   int // suppression threshold, default 5
	// KnownRegions lists, per province, every economic region (and under
	// "CA", every province), so a profile can show places without postings
	// ("Labrador 0%").
	KnownRegions map[string][]RegionRef
}

// Profile is an occupation profile.
type Profile struct {
	OccupationCode string        `json:"occupation_code,omitempty"`
	Scope          string        `json:"scope"`
	Period         string        `json:"period"`
	Postings       int           `json:"postings"`
	From           *time.Time    `json:"from,omitempty"`
	To             *time.Time    `json:"to,omitempty"`
	Regions        []RegionShare `json:"regions"`
	TopSkills      []SkillShare  `json:"top_skills"`
	Distinctive    []SkillShare  `json:"distinctive_skills"`
	Wages          *WageStats    `json:"wages,omitempty"`
	Trend          *Trend        `json:"trend,omitempty"`
	Flags          []string      `json:"flags"`
	Suppressed     bool          `json:"suppressed"`
}

// RegionShare is one region's part of the postings.
type RegionShare struct {
	Code    string  `json:"code"`
	Name    string  `json:"name,omitempty"`
	Count   int     `json:"count"`
	Share   float64 `json:"share"`   // raw fraction
	Percent float64 `json:"percent"` // one decimal; the list sums to exactly 100.0
	Flag    string  `json:"flag,omitempty"`
}

// SkillShare is how many postings ask for a skill.
type SkillShare struct {
	ID              string   `json:"id"`
	Label           string   `json:"label"`
	Type            string   `json:"type"`
	Postings        int      `json:"postings"`
	Share           float64  `json:"share"`
	RequiredShare   float64  `json:"required_share"` // of the postings asking for it, how many require it
	PreviousShare   *float64 `json:"previous_share"`
	Change          *float64 `json:"change"` // share points (fraction) vs the previous period
	Distinctiveness float64  `json:"distinctiveness"`
}

// WageStats summarize hourly wages. Low is the median of the postings'
// low ends, High the median of their high ends, Median the median of
// their midpoints: robust to the odd outlier, and comparable with Job
// Bank's low/median/high.
type WageStats struct {
	Low    float64 `json:"low"`
	Median float64 `json:"median"`
	High   float64 `json:"high"`
	Count  int     `json:"count"`
}

// Trend compares with the previous period.
type Trend struct {
	PreviousPeriod   string   `json:"previous_period"`
	PreviousPostings int      `json:"previous_postings"`
	Change           *float64 `json:"change"` // fraction; nil when the previous period had none
}

// Flags.
const (
	FlagLowCount = "low_count"
)

func (q *Query) defaults() {
	if q.TopN <= 0 {
		q.TopN = 10
	}
	if q.MinCount < 0 {
		q.MinCount = 0
	}
}

// selectRecords returns the unique postings of occupation (all when "")
// in scope and period, newest first for Recent periods.
func selectRecords(records []Record, occupation string, scope Scope, period Period) []Record {
	var out []Record
	for _, r := range records {
		if r.Duplicate || (occupation != "" && r.Occupation != occupation) || !scope.Contains(r) || !period.Contains(r.PostedAt) {
			continue
		}
		out = append(out, r)
	}
	if period.Kind != Recent {
		return out
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].PostedAt.Equal(out[j].PostedAt) {
			return out[i].PostedAt.After(out[j].PostedAt)
		}
		return out[i].Key > out[j].Key
	})
	if period.Skip >= len(out) {
		return nil
	}
	out = out[period.Skip:]
	return out[:min(period.N, len(out))]
}

// Compute builds the profile for q.
func Compute(records []Record, q Query) Profile {
	q.defaults()
	sel := selectRecords(records, q.Occupation, q.Scope, q.Period)
	p := Profile{OccupationCode: q.Occupation, Scope: q.Scope.Code, Period: q.Period.String(), Postings: len(sel),
		Regions: []RegionShare{}, TopSkills: []SkillShare{}, Distinctive: []SkillShare{}, Flags: []string{}}
	for _, r := range sel {
		t := r.PostedAt
		if p.From == nil || t.Before(*p.From) {
			p.From = &t
		}
		if p.To == nil || t.After(*p.To) {
			t2 := r.PostedAt
			p.To = &t2
		}
	}
	prevPeriod := q.Period.Previous()
	prev := selectRecords(records, q.Occupation, q.Scope, prevPeriod)
	p.Trend = &Trend{PreviousPeriod: prevPeriod.String(), PreviousPostings: len(prev)}
	if len(prev) > 0 {
		c := float64(len(sel)-len(prev)) / float64(len(prev))
		p.Trend.Change = &c
	}
	if p.Postings < 2*q.MinCount {
		p.Flags = append(p.Flags, FlagLowCount)
	}
	if p.Postings < q.MinCount || p.Postings == 0 {
		p.Suppressed = p.Postings < q.MinCount
		return p
	}
	p.Regions = regionShares(sel, q)
	all := selectRecords(records, "", q.Scope, q.Period)
	p.TopSkills, p.Distinctive = skillShares(sel, prev, all, q.TopN)
	p.Wages = wageStats(sel)
	return p
}

func regionShares(sel []Record, q Query) []RegionShare {
	counts := map[string]*RegionShare{}
	add := func(code, name string, n int) {
		rs := counts[code]
		if rs == nil {
			rs = &RegionShare{Code: code, Name: name}
			counts[code] = rs
		}
		if rs.Name == "" {
			rs.Name = name
		}
		rs.Count += n
	}
	switch q.Scope.Kind {
	case Country:
		for _, ref := range q.KnownRegions["CA"] {
			add(ref.Code, ref.Name, 0)
		}
		for _, r := range sel {
			if r.Province == "" {
				add("CA-unspecified", "Canada, unspecified", 1)
			} else {
				add(r.Province, "", 1)
			}
		}
	case Province:
		for _, ref := range q.KnownRegions[q.Scope.Code] {
			add(ref.Code, ref.Name, 0)
		}
		for _, r := range sel {
			name := r.RegionName
			if name == "" && r.Region == q.Scope.Code+"-unspecified" {
				name = q.Scope.Code + ", unspecified"
			}
			add(r.Region, name, 1)
		}
	default:
		for _, r := range sel {
			add(r.Region, r.RegionName, 1)
		}
	}
	out := make([]RegionShare, 0, len(counts))
	for _, rs := range counts {
		rs.Share = float64(rs.Count) / float64(len(sel))
		if rs.Count > 0 && rs.Count < q.MinCount {
			rs.Flag = FlagLowCount
		}
		out = append(out, *rs)
	}
	largestRemainder(out)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// largestRemainder sets Percent to one decimal so the list sums to exactly
// 100.0: floor every share in tenths of a percent, then hand the missing
// tenths to the largest remainders (ties to the larger count, then code).
func largestRemainder(rs []RegionShare) {
	total := 0
	type rem struct {
		i int
		r float64
	}
	rems := make([]rem, len(rs))
	for i := range rs {
		tenths := rs[i].Share * 1000
		f := math.Floor(tenths + 1e-9)
		rs[i].Percent = f / 10
		total += int(f)
		rems[i] = rem{i, tenths - f}
	}
	sort.Slice(rems, func(a, b int) bool {
		ra, rb := rems[a], rems[b]
		if math.Abs(ra.r-rb.r) > 1e-9 {
			return ra.r > rb.r
		}
		if rs[ra.i].Count != rs[rb.i].Count {
			return rs[ra.i].Count > rs[rb.i].Count
		}
		return rs[ra.i].Code < rs[rb.i].Code
	})
	for k := 0; total < 1000 && k < len(rems); k++ {
		rs[rems[k].i].Percent = (math.Round(rs[rems[k].i].Percent*10) + 1) / 10
		total++
	}
}

type skillCount struct {
	s       Skill
	n, nReq int
}

func countSkills(recs []Record) map[string]*skillCount {
	m := map[string]*skillCount{}
	for _, r := range recs {
		for _, s := range r.Skills {
			c := m[s.ID]
			if c == nil {
				c = &skillCount{s: s}
				m[s.ID] = c
			}
			c.n++
			if s.Required {
				c.nReq++
			}
		}
	}
	return m
}

func skillShares(sel, prev, all []Record, topN int) (top, distinctive []SkillShare) {
	cur, before, everyone := countSkills(sel), countSkills(prev), countSkills(all)
	list := make([]SkillShare, 0, len(cur))
	for id, c := range cur {
		share := float64(c.n) / float64(len(sel))
		ss := SkillShare{ID: id, Label: c.s.Label, Type: c.s.Type, Postings: c.n, Share: share,
			RequiredShare: float64(c.nReq) / float64(c.n)}
		if len(prev) > 0 {
			ps := 0.0
			if b := before[id]; b != nil {
				ps = float64(b.n) / float64(len(prev))
			}
			ch := share - ps
			ss.PreviousShare, ss.Change = &ps, &ch
		}
		if e := everyone[id]; e != nil && len(all) > 0 {
			ss.Distinctiveness = share / (float64(e.n) / float64(len(all)))
		}
		list = append(list, ss)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Postings != list[j].Postings {
			return list[i].Postings > list[j].Postings
		}
		return list[i].Label < list[j].Label
	})
	top = append([]SkillShare{}, list[:min(topN, len(list))]...)
	floor := max(2, int(math.Ceil(0.1*float64(len(sel)))))
	for _, s := range list {
		if s.Postings >= floor {
			distinctive = append(distinctive, s)
		}
	}
	sort.SliceStable(distinctive, func(i, j int) bool {
		return distinctive[i].Distinctiveness > distinctive[j].Distinctiveness+1e-12
	})
	distinctive = append([]SkillShare{}, distinctive[:min(topN, len(distinctive))]...)
	return top, distinctive
}

func wageStats(sel []Record) *WageStats {
	var lows, highs, mids []float64
	for _, r := range sel {
		if r.WageHigh > 0 {
			lo := r.WageLow
			if lo <= 0 {
				lo = r.WageHigh
			}
			lows, highs, mids = append(lows, lo), append(highs, r.WageHigh), append(mids, (lo+r.WageHigh)/2)
		}
	}
	if len(lows) == 0 {
		return nil
	}
	return &WageStats{Low: median(lows), Median: median(mids), High: median(highs), Count: len(lows)}
}

func median(xs []float64) float64 {
	sort.Float64s(xs)
	n := len(xs)
	m := xs[n/2]
	if n%2 == 0 {
		m = (xs[n/2-1] + xs[n/2]) / 2
	}
	return math.Round(m*100) / 100
}
