package httpapi

// Profile exports in HTML, CSV and JSON.

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/rank"
)

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
