package httpapi

import (
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/employer"
	"github.com/skillpulse/skillpulse/analyzer/rank"
)

// busiest is the occupation with the most unique postings in year.
func busiest(f fixture, year int) string {
	n := map[string]int{}
	for _, r := range f.recs {
		if !r.Duplicate && r.PostedAt.Year() == year && r.Occupation != "unclassified" {
			n[r.Occupation]++
		}
	}
	best := ""
	for o, c := range n {
		if best == "" || c > n[best] || c == n[best] && o < best {
			best = o
		}
	}
	return best
}

func TestTrendSumsToProfiles(t *testing.T) {
	f := newFixture(t)
	occ := busiest(f, 2025)
	var tr struct {
		From, To string
		Points   []rank.TrendPoint `json:"points"`
	}
	get(t, "/api/v1/occupations/"+occ+"/trend?interval=quarter&from=2024-02&to=2025-11", 200, &tr)
	if tr.From != "2024-01" || tr.To != "2025-12" || len(tr.Points) != 8 {
		t.Fatalf("quarters of 2024-2025: %s..%s, %d points", tr.From, tr.To, len(tr.Points))
	}
	for _, p := range tr.Points {
		want := 0
		for _, r := range f.recs {
			if !r.Duplicate && r.Occupation == occ && rank.MonthOf(r.PostedAt) >= mustMonth(t, p.Period) && r.PostedAt.Before(quarterEnd(t, p.Period)) {
				want++
			}
		}
		if p.Postings != want {
			t.Errorf("%s: %d postings, the records say %d", p.Period, p.Postings, want)
		}
		if !p.Suppressed && p.Postings >= 5 && len(p.Skills) != 5 {
			t.Errorf("%s: %d skills followed, want 5", p.Period, len(p.Skills))
		}
	}
	// French labels where the taxonomy has them.
	var fr struct {
		Points []rank.TrendPoint `json:"points"`
	}
	get(t, "/api/v1/occupations/"+occ+"/trend?interval=year&from=2025&to=2025&lang=fr", 200, &fr)
	if len(fr.Points) != 1 || len(fr.Points[0].Skills) == 0 {
		t.Fatalf("2025: %+v", fr.Points)
	}
	for _, s := range fr.Points[0].Skills {
		e, _ := f.tax.Lookup(s.ID)
		if s.Label != e.LabelIn("fr") {
			t.Errorf("%s: label %q, want %q", s.ID, s.Label, e.LabelIn("fr"))
		}
	}
}

func mustMonth(t *testing.T, quarter string) rank.Month {
	var y, q int
	if _, err := fmt.Sscanf(quarter, "%d-Q%d", &y, &q); err != nil {
		t.Fatal(err)
	}
	return rank.Month(y*12 + 3*(q-1))
}

func quarterEnd(t *testing.T, quarter string) time.Time {
	m := mustMonth(t, quarter) + 3
	return time.Date(m.Year(), time.Month(m.Mon()), 1, 0, 0, 0, 0, time.UTC)
}

func TestEmployersMerged(t *testing.T) {
	var e struct {
		Postings  int `json:"postings"`
		Employers []struct {
			Key, Name string
			Postings  int
		} `json:"employers"`
		Other int `json:"other"`
	}
	get(t, "/api/v1/occupations/31301/employers?region=1010&period=2025-03", 200, &e)
	f := newFixture(t)
	spellings := map[string]bool{}
	unique := 0
	for _, a := range f.as {
		if strings.HasPrefix(a.Key, "test-board:eh-") && !a.Duplicate.Duplicate && a.Employer != "Western Health" {
			spellings[a.Employer] = true
			unique++
		}
	}
	if len(spellings) < 4 {
		t.Fatalf("only %d spellings of Eastern Health are unique postings", len(spellings))
	}
	found := false
	for _, row := range e.Employers {
		if row.Name == "Eastern Health" {
			found = true
			if row.Postings < unique {
				t.Errorf("Eastern Health: %d postings, want its %d unique postings under %d spellings merged", row.Postings, unique, len(spellings))
			}
		}
		if row.Postings < 5 {
			t.Errorf("employer below min_count shown: %+v", row)
		}
		if strings.Contains(strings.ToLower(row.Name), "regional health authority") {
			t.Errorf("alias not merged: %+v", row)
		}
	}
	if !found {
		t.Fatalf("no Eastern Health among %+v", e)
	}
	if e.Other < 1 {
		t.Errorf("Western Health's one posting should be folded into other: %+v", e)
	}
}

func TestEmployersAgreeWithRecords(t *testing.T) {
	f := newFixture(t)
	occ := busiest(f, 2024)
	var e struct {
		Postings  int `json:"postings"`
		Unnamed   int `json:"unnamed"`
		Other     int `json:"other"`
		Employers []struct {
			Key, Name string
			Postings  int
			Share     float64
		} `json:"employers"`
	}
	get(t, "/api/v1/occupations/"+occ+"/employers?period=2024&min_count=2&limit=200", 200, &e)
	count := map[string]int{}
	total := 0
	for _, r := range f.recs {
		if !r.Duplicate && r.Occupation == occ && r.PostedAt.Year() == 2024 {
			total++
			count[employer.Normalize(f.byKey(r.Key).Employer).Key]++
		}
	}
	if e.Postings != total || len(e.Employers) == 0 {
		t.Fatalf("%s 2024: %d postings (want %d), %d employers", occ, e.Postings, total, len(e.Employers))
	}
	sum := e.Unnamed + e.Other
	for _, row := range e.Employers {
		sum += row.Postings
		if count[row.Key] != row.Postings || row.Name != employer.Display(row.Key) {
			t.Errorf("%+v: the records count %d", row, count[row.Key])
		}
	}
	if sum != total {
		t.Errorf("rows, other and unnamed sum to %d, want %d", sum, total)
	}
}

func (f fixture) byKey(key string) *analyzer.Analysis {
	for _, a := range f.as {
		if a.Key == key {
			return a
		}
	}
	return nil
}

func TestCompare(t *testing.T) {
	f := newFixture(t)
	occ := busiest(f, 2025)
	var c struct {
		Regions []struct {
			Code, Name  string
			Postings    int
			AllPostings int `json:"all_postings"`
			Share       float64
			TopSkills   []rank.SkillShare `json:"top_skills"`
		} `json:"regions"`
	}
	get(t, "/api/v1/compare?noc="+occ+"&regions=NL,NS,ON,QC&period=2025", 200, &c)
	if len(c.Regions) != 4 {
		t.Fatalf("%d regions", len(c.Regions))
	}
	for _, rg := range c.Regions {
		var profile rank.Profile
		get(t, "/api/v1/occupations/"+occ+"/profile?period=2025&region="+rg.Code, 200, &profile)
		if rg.Postings != profile.Postings || rg.Name == "" {
			t.Errorf("%s: %d postings, the profile %d", rg.Code, rg.Postings, profile.Postings)
		}
		if rg.Postings >= 5 && !reflect.DeepEqual(ids(rg.TopSkills), ids(profile.TopSkills)) {
			t.Errorf("%s: top skills %v, the profile's %v", rg.Code, ids(rg.TopSkills), ids(profile.TopSkills))
		}
		if rg.Postings >= 5 && (rg.Share <= 0 || rg.Share > 1 || rg.AllPostings < rg.Postings) {
			t.Errorf("%s: share %v of %d", rg.Code, rg.Share, rg.AllPostings)
		}
	}
}

func ids(ss []rank.SkillShare) []string {
	out := []string{}
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

func TestSkillSearch(t *testing.T) {
	var res struct {
		Skills []struct {
			ID, Label, Type string
			LabelFr         string `json:"label_fr"`
		} `json:"skills"`
	}
	get(t, "/api/v1/skills?q=patient", 200, &res)
	if len(res.Skills) == 0 {
		t.Fatal("no skill for 'patient'")
	}
	for _, s := range res.Skills {
		if !strings.Contains(strings.ToLower(s.Label+" "+s.LabelFr), "patient") && s.ID == "" {
			t.Errorf("%+v does not match", s)
		}
	}
	// French labels find the skill too, and lang=fr labels in French.
	f := newFixture(t)
	var fr string
	var id string
	for i := range f.tax.Entries {
		e := &f.tax.Entries[i]
		if e.HasLabelIn("fr") && e.LabelIn("fr") != e.Label {
			fr, id = e.LabelIn("fr"), e.ID
			break
		}
	}
	if fr == "" {
		t.Skip("the built-in taxonomy has no French labels yet")
	}
	get(t, "/api/v1/skills?lang=fr&limit=100&q="+url.QueryEscape(fr), 200, &res)
	hit := false
	for _, s := range res.Skills {
		if s.ID == id {
			hit = s.Label == fr && s.LabelFr == fr
		}
	}
	if !hit {
		t.Errorf("searching %q in French: %+v", fr, res.Skills)
	}
}
