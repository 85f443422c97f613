package rank

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"
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
	// LowConfidenceShare is the share of the counted postings whose
	// occupation coding fell below the coder's confidence threshold.
	LowConfidenceShare float64 `json:"low_confidence_share"`
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

// Compute builds the profile for q from records in memory (the CLI's
// `rank` over a file). The stores answer the same question from cells
// kept as postings arrive; this is the same code over cells built here.
func Compute(records []Record, q Query) Profile {
	p, err := Reader{NewMemory(records)}.Profile(context.Background(), q)
	if err != nil {
		// Only recent:N above MaxRecent fails: answer it with what fits.
		q.Period.N = MaxRecent
		p, _ = Reader{NewMemory(records)}.Profile(context.Background(), q)
	}
	return p
}

// build turns the cells of the period (cur), the period before (prev) and
// every occupation in the period (all) into a profile.
func build(cur, prev, all *Cell, q Query) Profile {
	p := Profile{OccupationCode: q.Occupation, Scope: q.Scope.Code, Period: q.Period.String(), Postings: cur.Postings,
		Regions: []RegionShare{}, TopSkills: []SkillShare{}, Distinctive: []SkillShare{}, Flags: []string{}}
	if len(cur.Days) > 0 {
		lo, hi := int32(math.MaxInt32), int32(math.MinInt32)
		for d := range cur.Days {
			lo, hi = min(lo, d), max(hi, d)
		}
		from, to := time.Unix(int64(lo)*86400, 0).UTC(), time.Unix(int64(hi)*86400, 0).UTC()
		p.From, p.To = &from, &to
	}
	prevPeriod := q.Period.Previous()
	p.Trend = &Trend{PreviousPeriod: prevPeriod.String(), PreviousPostings: prev.Postings}
	if prev.Postings > 0 {
		c := float64(cur.Postings-prev.Postings) / float64(prev.Postings)
		p.Trend.Change = &c
	}
	if p.Postings < 2*q.MinCount {
		p.Flags = append(p.Flags, FlagLowCount)
	}
	if p.Postings < q.MinCount || p.Postings == 0 {
		p.Suppressed = p.Postings < q.MinCount
		return p
	}
	p.Regions = regionShares(cur, q)
	p.TopSkills, p.Distinctive = skillShares(cur, prev, all, q.TopN)
	p.Wages = wageStats(cur)
	p.LowConfidenceShare = float64(cur.LowConfidence) / float64(cur.Postings)
	return p
}

// regionNames names every known place, and the unspecified buckets.
func regionNames(known map[string][]RegionRef, code string) string {
	for _, refs := range known {
		for _, r := range refs {
			if r.Code == code {
				return r.Name
			}
		}
	}
	if code == "CA-unspecified" {
		return "Canada, unspecified"
	}
	if prov, ok := strings.CutSuffix(code, "-unspecified"); ok {
		return prov + ", unspecified"
	}
	return ""
}

func regionShares(cur *Cell, q Query) []RegionShare {
	counts := map[string]*RegionShare{}
	add := func(code string, n int) {
		rs := counts[code]
		if rs == nil {
			rs = &RegionShare{Code: code, Name: regionNames(q.KnownRegions, code)}
			counts[code] = rs
		}
		rs.Count += n
	}
	switch q.Scope.Kind {
	case Country:
		for _, ref := range q.KnownRegions["CA"] {
			add(ref.Code, 0)
		}
	case Province:
		for _, ref := range q.KnownRegions[q.Scope.Code] {
			add(ref.Code, 0)
		}
	}
	for code, n := range cur.Children {
		add(code, n)
	}
	out := make([]RegionShare, 0, len(counts))
	for _, rs := range counts {
		rs.Share = float64(rs.Count) / float64(cur.Postings)
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

func skillShares(cur, prev, all *Cell, topN int) (top, distinctive []SkillShare) {
	list := make([]SkillShare, 0, len(cur.Skills))
	for id, c := range cur.Skills {
		if c.N <= 0 {
			continue
		}
		share := float64(c.N) / float64(cur.Postings)
		ss := SkillShare{ID: id, Label: c.Label, Type: c.Type, Postings: c.N, Share: share,
			RequiredShare: float64(c.Required) / float64(c.N)}
		if prev.Postings > 0 {
			ps := float64(prev.Skills[id].N) / float64(prev.Postings)
			ch := share - ps
			ss.PreviousShare, ss.Change = &ps, &ch
		}
		if e := all.Skills[id]; e.N > 0 && all.Postings > 0 {
			ss.Distinctiveness = share / (float64(e.N) / float64(all.Postings))
		}
		list = append(list, ss)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Postings != list[j].Postings {
			return list[i].Postings > list[j].Postings
		}
		if list[i].Label != list[j].Label {
			return list[i].Label < list[j].Label
		}
		return list[i].ID < list[j].ID
	})
	top = append([]SkillShare{}, list[:min(topN, len(list))]...)
	floor := max(2, int(math.Ceil(0.1*float64(cur.Postings))))
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

func wageStats(c *Cell) *WageStats {
	n := 0
	for _, k := range c.Highs {
		n += k
	}
	if n == 0 {
		return nil
	}
	return &WageStats{Low: medianOf(c.Lows, 1), Median: medianOf(c.Sums, 2), High: medianOf(c.Highs, 1), Count: n}
}

// medianOf is the median of a histogram of cents (divided by div: sums of
// two ends give midpoints), in dollars rounded to the cent.
func medianOf(h map[int32]int, div float64) float64 {
	keys := make([]int32, 0, len(h))
	n := 0
	for k, c := range h {
		if c > 0 {
			keys = append(keys, k)
			n += c
		}
	}
	slices.Sort(keys)
	// at(i) is the i-th smallest value (0-based).
	at := func(i int) float64 {
		for _, k := range keys {
			if i < h[k] {
				return float64(k)
			}
			i -= h[k]
		}
		return 0
	}
	m := at(n / 2)
	if n%2 == 0 {
		m = (at(n/2-1) + m) / 2
	}
	return math.Round(m/div) / 100
}
