package httpapi

import (
	"bytes"
	"embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"github.com/skillpulse/skillpulse/analyzer/rank"
)

// A report is one occupation's profile laid out as the published
// occupation pages are: postings, where they are, the skills asked for,
// wages, the period, and how the figures were made and suppressed.

//go:embed report.html.tmpl
var reportFS embed.FS

var reportTmpl = template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
	"pct":   func(f float64) string { return strconv.FormatFloat(100*f, 'f', 1, 64) + "%" },
	"money": func(f float64) string { return "$" + strconv.FormatFloat(f, 'f', 2, 64) },
}).ParseFS(reportFS, "report.html.tmpl"))

// Report is the JSON form of a report; the HTML and CSV forms show the
// same fields.
type Report struct {
	Occupation struct {
		Code  string `json:"code"`
		Title string `json:"title"`
	} `json:"occupation"`
	Region     string             `json:"region"`
	RegionName string             `json:"region_name"`
	Period     string             `json:"period"`
	Postings   int                `json:"postings"`
	From       string             `json:"from,omitempty"`
	To         string             `json:"to,omitempty"`
	Trend      *rank.Trend        `json:"trend,omitempty"`
	Regions    []rank.RegionShare `json:"regions"`
	TopSkills  []rank.SkillShare  `json:"top_skills"`
	Wages      *rank.WageStats    `json:"wages,omitempty"`
	Suppressed bool               `json:"suppressed"`
	MinCount   int                `json:"min_count"`
	LowConf    float64            `json:"low_confidence_share"`
	Notes      []string           `json:"notes"`
}

func (s *Server) buildReport(r *http.Request) (Report, error) {
	var rep Report
	occ, err := s.occupation(r, r.PathValue("noc"))
	if err != nil {
		return rep, err
	}
	q, err := s.parse(r)
	if err != nil {
		return rep, err
	}
	lang, err := langOf(r)
	if err != nil {
		return rep, err
	}
	p, err := s.Reader.Profile(r.Context(), rank.Query{Occupation: occ, Scope: q.scope, Period: q.period, TopN: q.top, MinCount: q.min,
		KnownRegions: knownRegions()})
	if err != nil {
		return rep, err
	}
	s.relabel(p.TopSkills, lang)
	rep.Occupation.Code, rep.Occupation.Title = occ, s.title(occ)
	rep.Region, rep.RegionName, rep.Period, rep.Postings = q.scope.Code, q.scopeName, p.Period, p.Postings
	if p.From != nil {
		rep.From, rep.To = p.From.Format("2006-01-02"), p.To.Format("2006-01-02")
	}
	rep.Trend, rep.Regions, rep.TopSkills, rep.Wages = p.Trend, p.Regions, p.TopSkills, p.Wages
	rep.Suppressed, rep.MinCount, rep.LowConf = p.Suppressed, q.min, p.LowConfidenceShare
	rep.Notes = []string{
		"Counts are unique job postings: a posting republished on another board or reposted later is counted once.",
		"Skill shares are the share of postings asking for the skill; required share is how many of those require it rather than list it as an asset.",
		"Wages are hourly medians of the postings that state a wage, converted from the period they state.",
		fmt.Sprintf("Figures based on fewer than %d postings are suppressed; regions below that are flagged.", q.min),
		"Regions are ESDC economic regions; postings that name only a province count under that province, unspecified.",
	}
	if p.Suppressed {
		rep.Notes = append([]string{fmt.Sprintf("Only %d postings: below the %d needed to publish figures, so only the count is shown.", p.Postings, q.min)}, rep.Notes...)
	}
	return rep, nil
}

// report answers format=json (default), csv or html, as a download named
// after the occupation, region and period.
func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "json"
	}
	if format != "json" && format != "csv" && format != "html" {
		s.write(w, nil, badRequest("format: %q is not html, csv or json", clip(format)))
		return
	}
	rep, err := s.buildReport(r)
	if err != nil {
		s.write(w, nil, err)
		return
	}
	var body bytes.Buffer
	ctype := map[string]string{"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8", "html": "text/html; charset=utf-8"}[format]
	switch format {
	case "json":
		enc := json.NewEncoder(&body)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	case "csv":
		err = writeReportCSV(&body, rep)
	case "html":
		err = reportTmpl.Execute(&body, rep)
	}
	if err != nil {
		s.write(w, nil, fmt.Errorf("report: %w", err))
		return
	}
	name := fmt.Sprintf("skillpulse-%s-%s-%s.%s", rep.Occupation.Code, rep.Region, rep.Period, format)
	w.Header().Set("Content-Type", ctype)
	disposition := "attachment"
	if format == "html" {
		disposition = "inline" // to read and print in the browser
	}
	w.Header().Set("Content-Disposition", fmt.Sprintf("%s; filename=%q", disposition, name))
	w.Write(body.Bytes())
}

// writeReportCSV writes one row per figure: section, code, label, count,
// share — a shape every spreadsheet opens.
func writeReportCSV(b *bytes.Buffer, rep Report) error {
	w := csv.NewWriter(b)
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
	rows := [][]string{{"section", "code", "label", "postings", "share"},
		{"occupation", rep.Occupation.Code, rep.Occupation.Title, strconv.Itoa(rep.Postings), ""},
		{"region", rep.Region, rep.RegionName, "", ""},
		{"period", rep.Period, rep.From + " to " + rep.To, "", ""},
	}
	for _, rg := range rep.Regions {
		rows = append(rows, []string{"regional_share", rg.Code, rg.Name, strconv.Itoa(rg.Count), f(rg.Share)})
	}
	for _, sk := range rep.TopSkills {
		rows = append(rows, []string{"top_skill", sk.ID, sk.Label, strconv.Itoa(sk.Postings), f(sk.Share)})
	}
	if rep.Wages != nil {
		for _, wv := range []struct {
			k string
			v float64
		}{{"wage_low", rep.Wages.Low}, {"wage_median", rep.Wages.Median}, {"wage_high", rep.Wages.High}} {
			rows = append(rows, []string{wv.k, "", "hourly, CAD", strconv.Itoa(rep.Wages.Count), strconv.FormatFloat(wv.v, 'f', 2, 64)})
		}
	}
	for _, n := range rep.Notes {
		rows = append(rows, []string{"note", "", n, "", ""})
	}
	if err := w.WriteAll(rows); err != nil {
		return err
	}
	return w.Error()
}
