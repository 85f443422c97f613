package rank

import (
	"cmp"
	"slices"
	"time"
)

// SkillShare is how often an occupation's postings ask for one skill.
type SkillShare struct {
	ID       string  `json:"id"`
	Label    string  `json:"label"`
	Type     string  `json:"type"`
	Postings int     `json:"postings"` // unique postings asking for it
	Share    float64 `json:"share"`    // Postings ÷ unique postings, a fraction
	// RequiredShare is, of the postings asking for the skill, the fraction
	// that require it (rather than list it as an asset).
	RequiredShare float64 `json:"required_share"`
	// PreviousShare is the share in the previous period and Change the
	// difference in share points (fractions); both nil when the previous
	// period had no postings.
	PreviousShare *float64 `json:"previous_share"`
	Change        *float64 `json:"change"`
	// Distinctiveness is the share in this occupation ÷ the share across
	// all occupations in the same scope and period: 1 is typical of every
	// job, 3 means three times as common here. Always 1 for a profile of
	// all occupations.
	Distinctiveness float64 `json:"distinctiveness"`
}

// skillCount counts one skill: n postings ask for it (nReq require it);
// prevN and allN count it in the previous period and in the baseline.
type skillCount struct {
	label, typ  string
	n, nReq     int
	prevN, allN int
}

// countSkills counts, per skill ID, the postings asking for it. A skill's
// label and type are the smallest non-empty ones seen, so that differing
// spellings across records cannot make the output depend on input order.
func countSkills(records []Record, idx []int) map[string]*skillCount {
	m := map[string]*skillCount{}
	for _, i := range idx {
		for _, s := range records[i].Skills {
			c := m[s.ID]
			if c == nil {
				c = &skillCount{label: s.Label, typ: s.Type}
				m[s.ID] = c
			}
			c.n++
			if s.Required {
				c.nReq++
			}
			c.label = smallestNonEmpty(c.label, s.Label)
			c.typ = smallestNonEmpty(c.typ, s.Type)
		}
	}
	return m
}

func smallestNonEmpty(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

// countPrevious counts, among the records idx, the skills already in
// asked, and returns how many postings it looked at. Other skills are
// skipped: one map lookup per skill and no allocation.
func countPrevious(records []Record, idx []int, asked map[string]*skillCount) int {
	for _, i := range idx {
		for _, s := range records[i].Skills {
			if c := asked[s.ID]; c != nil {
				c.prevN++
			}
		}
	}
	return len(idx)
}

// countBaseline counts the skills in asked across all occupations in q's
// scope and period, and returns how many postings that is. For recent:N
// there is no calendar period, so the baseline is every posting in scope
// dated within the window's own From–To.
func countBaseline(records []Record, keep []bool, q Query, from, to time.Time, asked map[string]*skillCount) int {
	postings := 0
	for i := range records {
		r := &records[i]
		if !keep[i] || !q.Scope.Contains(r) {
			continue
		}
		if q.Period.Kind == Recent {
			if r.PostedAt.Before(from) || r.PostedAt.After(to) {
				continue
			}
		} else if !q.Period.Contains(r.PostedAt) {
			continue
		}
		postings++
		for _, s := range r.Skills {
			if c := asked[s.ID]; c != nil {
				c.allN++
			}
		}
	}
	return postings
}

// skillShares turns counts into the top-N list (most postings, then label)
// and the top-N distinctive list among skills asked by at least max(2,
// 10% of postings), so that a skill seen once cannot top it.
func skillShares(asked map[string]*skillCount, postings, prevPostings, allPostings, topN int) (top, distinctive []SkillShare) {
	list := make([]SkillShare, 0, len(asked))
	for id, c := range asked {
		s := SkillShare{ID: id, Label: c.label, Type: c.typ, Postings: c.n,
			Share: float64(c.n) / float64(postings), RequiredShare: float64(c.nReq) / float64(c.n), Distinctiveness: 1}
		if prevPostings > 0 {
			ps := float64(c.prevN) / float64(prevPostings)
			ch := s.Share - ps
			s.PreviousShare, s.Change = &ps, &ch
		}
		if c.allN > 0 && allPostings > 0 {
			// Integer cross-products make equal ratios equal floats, so
			// ties sort the same way every time.
			s.Distinctiveness = float64(int64(c.n)*int64(allPostings)) / float64(int64(postings)*int64(c.allN))
		}
		list = append(list, s)
	}
	slices.SortFunc(list, func(a, b SkillShare) int {
		if c := cmp.Compare(b.Postings, a.Postings); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Label, b.Label); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	top = slices.Clone(list[:min(topN, len(list))])

	floor := max(2, (postings+9)/10) // ceil(10%) in integers: 0.1*30 is not 3 in floats
	distinctive = []SkillShare{}
	for _, s := range list {
		if s.Postings >= floor {
			distinctive = append(distinctive, s)
		}
	}
	// Stable over list's order: equal distinctiveness keeps most postings,
	// then label, first.
	slices.SortStableFunc(distinctive, func(a, b SkillShare) int {
		return cmp.Compare(b.Distinctiveness, a.Distinctiveness)
	})
	return top, distinctive[:min(topN, len(distinctive))]
}
