package rank

// The reference: profiles computed directly from every record, the way
// skillpulse did before cells. Cells must give the same answers.

import (
	"math"
	"sort"
)

// refSelect returns the unique postings of occupation (all when "")
// in scope and period, newest first for Recent periods.
func refSelect(records []Record, occupation string, scope Scope, period Period) []Record {
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
func refCompute(records []Record, q Query) Profile {
	q.defaults()
	sel := refSelect(records, q.Occupation, q.Scope, q.Period)
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
	prev := refSelect(records, q.Occupation, q.Scope, prevPeriod)
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
	p.Regions = refRegionShares(sel, q)
	all := refSelect(records, "", q.Scope, q.Period)
	p.TopSkills, p.Distinctive = refSkillShares(sel, prev, all, q.TopN)
	p.Wages = refWageStats(sel)
	low := 0
	for _, r := range sel {
		if r.LowConfidence {
			low++
		}
	}
	p.LowConfidenceShare = float64(low) / float64(len(sel))
	return p
}

func refRegionShares(sel []Record, q Query) []RegionShare {
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
	refLargestRemainder(out)
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
func refLargestRemainder(rs []RegionShare) {
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

type refSkillCount struct {
	s       Skill
	n, nReq int
}

func refCountSkills(recs []Record) map[string]*refSkillCount {
	m := map[string]*refSkillCount{}
	for _, r := range recs {
		for _, s := range r.Skills {
			c := m[s.ID]
			if c == nil {
				c = &refSkillCount{s: s}
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

func refSkillShares(sel, prev, all []Record, topN int) (top, distinctive []SkillShare) {
	cur, before, everyone := refCountSkills(sel), refCountSkills(prev), refCountSkills(all)
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

func refWageStats(sel []Record) *WageStats {
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
	return &WageStats{Low: refMedian(lows), Median: refMedian(mids), High: refMedian(highs), Count: len(lows)}
}

func refMedian(xs []float64) float64 {
	sort.Float64s(xs)
	n := len(xs)
	m := xs[n/2]
	if n%2 == 0 {
		m = (xs[n/2-1] + xs[n/2]) / 2
	}
	return math.Round(m*100) / 100
}

// Occupations counts unique postings per occupation in q's scope and
// period, most postings first.
func refOccupations(records []Record, q Query) []OccupationSummary {
	counts := map[string]int{}
	if q.Period.Kind == Recent {
		// "The N most recent" is per occupation: select each one's window.
		seen := map[string]bool{}
		for _, r := range records {
			if !r.Duplicate && !seen[r.Occupation] {
				seen[r.Occupation] = true
				counts[r.Occupation] = len(refSelect(records, r.Occupation, q.Scope, q.Period))
			}
		}
	} else {
		for _, r := range refSelect(records, "", q.Scope, q.Period) {
			counts[r.Occupation]++
		}
	}
	out := make([]OccupationSummary, 0, len(counts))
	for code, n := range counts {
		if n > 0 {
			out = append(out, OccupationSummary{Code: code, Postings: n})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Postings != out[j].Postings {
			return out[i].Postings > out[j].Postings
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// SkillDemand measures one skill in scope and period.
func refSkillDemand(records []Record, skillID string, scope Scope, period Period) Demand {
	d := Demand{SkillID: skillID, Scope: scope.Code, Period: period.String(), ByOccupation: []DemandShare{}, ByRegion: []DemandShare{}}
	sel := refSelect(records, "", scope, period)
	d.AllPostings = len(sel)
	occAll, occHit := map[string]int{}, map[string]int{}
	regAll, regHit, regName := map[string]int{}, map[string]int{}, map[string]string{}
	for _, r := range sel {
		occAll[r.Occupation]++
		regAll[r.Region]++
		regName[r.Region] = r.RegionName
		for _, s := range r.Skills {
			if s.ID == skillID {
				d.Label, d.Type = s.Label, s.Type
				d.Postings++
				occHit[r.Occupation]++
				regHit[r.Region]++
				break
			}
		}
	}
	if d.AllPostings > 0 {
		d.Share = float64(d.Postings) / float64(d.AllPostings)
	}
	d.ByOccupation = refShares(occHit, occAll, nil, 20)
	d.ByRegion = refShares(regHit, regAll, regName, 0)
	return d
}

func refShares(hit, all map[string]int, names map[string]string, limit int) []DemandShare {
	out := []DemandShare{}
	for code, n := range hit {
		out = append(out, DemandShare{Code: code, Name: names[code], Postings: n, Share: float64(n) / float64(all[code])})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Postings != out[j].Postings {
			return out[i].Postings > out[j].Postings
		}
		return out[i].Code < out[j].Code
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
