package httpapi

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/employer"
	"github.com/skillpulse/skillpulse/analyzer/geo"
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

func TestPostingsPagesAgreeWithRecords(t *testing.T) {
	f := newFixture(t)
	occ := busiest(f, 2025)
	for _, filter := range []string{"noc=" + occ + "&period=2025", "region=NL&period=2024-Q3", "noc=" + occ + "&reposted=true",
		"skill=" + topSkill(f, occ) + "&noc=" + occ} {
		var keys []string
		cursor := ""
		for page := 0; ; page++ {
			var p struct {
				Postings []struct {
					ID       string `json:"id"`
					Sources  []struct{ ID, Source string }
					Evidence []struct {
						Skill, Text, Sentence string
						Start, End            int
					}
				} `json:"postings"`
				Next string `json:"next_cursor"`
			}
			get(t, "/api/v1/postings?limit=7&"+filter+"&cursor="+url.QueryEscape(cursor), 200, &p)
			for _, x := range p.Postings {
				keys = append(keys, x.ID)
				if len(x.Sources) == 0 {
					t.Errorf("%s: no sources", x.ID)
				}
				for _, ev := range x.Evidence {
					a := f.byKey(x.ID)
					if ev.Start < 0 || ev.End > len(a.Text) || a.Text[ev.Start:ev.End] != ev.Text || !strings.Contains(ev.Sentence, ev.Text) {
						t.Errorf("%s: evidence %+v not in the text", x.ID, ev)
					}
				}
			}
			if p.Next == "" || page > 500 {
				break
			}
			cursor = p.Next
		}
		want := expectPostings(t, f, filter)
		if !reflect.DeepEqual(keys, want) {
			t.Errorf("%s: %d postings paged, the records give %d\n got  %.300v\n want %.300v", filter, len(keys), len(want), keys, want)
		}
		if len(want) == 0 {
			t.Errorf("%s: nothing to page through", filter)
		}
	}
}

func topSkill(f fixture, occ string) string {
	n := map[string]int{}
	for _, r := range f.recs {
		if r.Occupation == occ {
			for _, s := range r.Skills {
				n[s.ID]++
			}
		}
	}
	best := ""
	for id, c := range n {
		if c > n[best] && c < 40 || best == "" {
			best = id
		}
	}
	return best
}

// expectPostings applies a filter to every record: the oracle.
func expectPostings(t *testing.T, f fixture, filter string) []string {
	v, _ := url.ParseQuery(filter)
	group := map[string]int{}
	for _, r := range f.recs {
		group[r.Group]++
	}
	var sel []rank.Record
	for _, r := range f.recs {
		if r.Duplicate || v.Get("noc") != "" && r.Occupation != v.Get("noc") {
			continue
		}
		if reg := v.Get("region"); reg != "" && r.Province != reg {
			continue
		}
		if per := v.Get("period"); per != "" {
			p, _ := rank.ParsePeriod(per)
			if !p.Contains(r.PostedAt) {
				continue
			}
		}
		if v.Get("reposted") == "true" && group[r.Group] < 2 {
			continue
		}
		if sk := v.Get("skill"); sk != "" && !hasSkill(r, sk) {
			continue
		}
		sel = append(sel, r)
	}
	rank.SortNewestFirst(sel)
	out := []string{}
	for _, r := range sel {
		out = append(out, r.Key)
	}
	sort.SliceStable(out, func(i, j int) bool { return false })
	return out
}

func hasSkill(r rank.Record, id string) bool {
	for _, s := range r.Skills {
		if s.ID == id {
			return true
		}
	}
	return false
}

func TestPostingShowsRepostGroup(t *testing.T) {
	f := newFixture(t)
	members := map[string][]string{}
	for _, a := range f.as {
		members[a.Duplicate.Group] = append(members[a.Duplicate.Group], a.Key)
	}
	checked := 0
	for _, a := range f.as {
		if !a.Duplicate.Duplicate || checked == 5 {
			continue
		}
		checked++
		var p struct {
			ID      string `json:"id"`
			Group   string `json:"group"`
			Text    string `json:"text"`
			Sources []struct {
				ID, Source, URL string
				PostedAt        time.Time `json:"posted_at"`
			} `json:"sources"`
		}
		get(t, "/api/v1/postings/"+url.PathEscape(a.Key), 200, &p)
		var got []string
		for _, s := range p.Sources {
			got = append(got, s.ID)
			if s.Source == "" || s.PostedAt.IsZero() {
				t.Errorf("%s: source %+v without board or date", a.Key, s)
			}
		}
		want := append([]string(nil), members[a.Duplicate.Group]...)
		sort.Strings(got)
		sort.Strings(want)
		if p.ID != a.Key || p.Group != a.Duplicate.Group || !reflect.DeepEqual(got, want) || p.Text == "" {
			t.Errorf("%s: group %s sources %v, want %v", a.Key, p.Group, got, want)
		}
	}
	if checked == 0 {
		t.Fatal("no reposts in the sample")
	}
}

func TestReportFormats(t *testing.T) {
	f := newFixture(t)
	occ := busiest(f, 2025)
	var profile rank.Profile
	get(t, "/api/v1/occupations/"+occ+"/profile?period=2025", 200, &profile)
	for _, c := range []struct{ format, ctype, disp string }{
		{"html", "text/html", "inline"}, {"csv", "text/csv", "attachment"}, {"json", "application/json", "attachment"}} {
		res, err := http.Get(f.srv.URL + "/api/v1/occupations/" + occ + "/report?period=2025&format=" + c.format)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), c.ctype) {
			t.Fatalf("%s: %d %s", c.format, res.StatusCode, res.Header.Get("Content-Type"))
		}
		cd := res.Header.Get("Content-Disposition")
		if !strings.HasPrefix(cd, c.disp) || !strings.Contains(cd, "skillpulse-"+occ+"-CA-2025."+c.format) {
			t.Errorf("%s: Content-Disposition %q", c.format, cd)
		}
		text := string(body)
		switch c.format {
		case "csv":
			rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(rows[0], ",") != "section,code,label,postings,share" {
				t.Errorf("csv header %v", rows[0])
			}
			if rows[1][0] != "occupation" || rows[1][3] != fmt.Sprint(profile.Postings) {
				t.Errorf("csv occupation row %v, want %d postings", rows[1], profile.Postings)
			}
			skills := 0
			for _, r := range rows {
				if r[0] == "top_skill" {
					if r[1] != profile.TopSkills[skills].ID {
						t.Errorf("csv skill %d: %v, want %s", skills, r, profile.TopSkills[skills].ID)
					}
					skills++
				}
			}
			if skills != len(profile.TopSkills) {
				t.Errorf("csv has %d skills, the profile %d", skills, len(profile.TopSkills))
			}
		case "html":
			for _, want := range []string{"@media print", fmt.Sprintf("<strong>%d</strong>", profile.Postings), "Notes on method",
				template.HTMLEscapeString(profile.TopSkills[0].Label), "suppressed"} {
				if !strings.Contains(text, want) {
					t.Errorf("html report lacks %q", want)
				}
			}
		case "json":
			var rep Report
			if err := json.Unmarshal(body, &rep); err != nil {
				t.Fatal(err)
			}
			if rep.Postings != profile.Postings || len(rep.TopSkills) != len(profile.TopSkills) || len(rep.Notes) < 3 || rep.Wages == nil {
				t.Errorf("json report %+v disagrees with the profile", rep)
			}
		}
	}
	// A suppressed profile says so and shows no figures.
	res, _ := http.Get(f.srv.URL + "/api/v1/occupations/" + occ + "/report?period=2025&format=html&min_count=1000")
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || (!strings.Contains(string(body), "figures are suppressed") || strings.Contains(string(body), "Skills employers ask for")) {
		t.Errorf("suppressed report: %d %.300s", res.StatusCode, body)
	}
}

func TestAcceptLanguage(t *testing.T) {
	for h, want := range map[string]string{
		"":                        "",
		"fr-CA,fr;q=0.9,en;q=0.8": "fr",
		"en-US,en;q=0.9":          "en",
		"de-DE,de;q=0.9":          "",
		"de;q=0.9,fr;q=0.5":       "fr",
		"en;q=0.3, fr;q=0.8":      "fr",
		"not a header;;;":         "",
		"*":                       "",
	} {
		if got := acceptLanguage(h); got != want {
			t.Errorf("Accept-Language %q -> %q, want %q", h, got, want)
		}
	}
}

// A client that asks for French in Accept-Language gets the labels
// ?lang=fr gives; ?lang= wins over the header.
func TestAcceptLanguageLabels(t *testing.T) {
	f := newFixture(t)
	occ := busiest(f, 2025)
	fetch := func(path, accept string) []byte {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, f.srv.URL+path, nil)
		if accept != "" {
			req.Header.Set("Accept-Language", accept)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", path, res.StatusCode, b)
		}
		return b
	}
	base := "/api/v1/occupations/" + occ + "/trend?interval=year&from=2025&to=2025"
	fr := fetch(base+"&lang=fr", "")
	en := fetch(base+"&lang=en", "")
	if bytes.Equal(fr, en) {
		t.Fatal("French and English answers are the same: the fixture has no French labels to tell them apart")
	}
	if got := fetch(base, "fr-CA,fr;q=0.9"); !bytes.Equal(got, fr) {
		t.Errorf("Accept-Language fr-CA: %.300s\nwant the ?lang=fr answer %.300s", got, fr)
	}
	if got := fetch(base+"&lang=en", "fr-CA"); !bytes.Equal(got, en) {
		t.Errorf("?lang=en with Accept-Language fr-CA: %.300s, want English", got)
	}
}

// In French, provinces carry their French names in every answer that
// names places; economic regions keep their one official name.
func TestFrenchPlaceNames(t *testing.T) {
	f := newFixture(t)
	occ := busiest(f, 2025)
	var regions struct {
		Provinces []struct{ Code, Name string } `json:"provinces"`
	}
	get(t, "/api/v1/regions?lang=fr", 200, &regions)
	names := map[string]string{}
	for _, p := range regions.Provinces {
		names[p.Code] = p.Name
	}
	for code, want := range map[string]string{"NL": "Terre-Neuve-et-Labrador", "NS": "Nouvelle-Écosse", "BC": "Colombie-Britannique", "ON": "Ontario"} {
		if names[code] != want {
			t.Errorf("regions?lang=fr: %s is %q, want %q", code, names[code], want)
		}
	}
	var prof struct {
		ScopeName string             `json:"scope_name"`
		Regions   []rank.RegionShare `json:"regions"`
	}
	get(t, "/api/v1/occupations/"+occ+"/profile?period=2025&lang=fr", 200, &prof)
	var en struct {
		Regions []rank.RegionShare `json:"regions"`
	}
	get(t, "/api/v1/occupations/"+occ+"/profile?period=2025&lang=en", 200, &en)
	if len(prof.Regions) == 0 || len(prof.Regions) != len(en.Regions) {
		t.Fatalf("%d French and %d English regional shares", len(prof.Regions), len(en.Regions))
	}
	for i, r := range prof.Regions {
		if p, ok := geo.LookupProvince(r.Code); ok && p.Code == r.Code && r.Name != p.NameFR {
			t.Errorf("profile?lang=fr: %s named %q, want %q", r.Code, r.Name, p.NameFR)
		}
		if r.Count != en.Regions[i].Count || r.Code != en.Regions[i].Code {
			t.Errorf("French and English shares differ at %d: %+v vs %+v", i, r, en.Regions[i])
		}
	}
	get(t, "/api/v1/occupations/"+occ+"/profile?period=2025&region=NS&lang=fr", 200, &prof)
	if prof.ScopeName != "Nouvelle-Écosse" {
		t.Errorf("scope_name %q, want Nouvelle-Écosse", prof.ScopeName)
	}
	get(t, "/api/v1/occupations/"+occ+"/profile?period=2025&region=NS", 200, &prof)
	if prof.ScopeName != "Nova Scotia" {
		t.Errorf("scope_name without lang %q, want Nova Scotia", prof.ScopeName)
	}
}
