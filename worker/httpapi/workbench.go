package httpapi

import (
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/skillpulse/skillpulse/analyzer/employer"
	"github.com/skillpulse/skillpulse/analyzer/rank"
)

// The analyst's workbench: trends, employers, region comparison, skill
// search, postings and reports.

// apiRoutes lists every JSON API route once; the OpenAPI description is
// checked against this list.
func (s *Server) apiRoutes() map[string]http.HandlerFunc {
	return map[string]http.HandlerFunc{
		"GET /api/v1/occupations":                 s.handle(s.occupations),
		"GET /api/v1/occupations/code":            s.handle(s.code),
		"GET /api/v1/occupations/{noc}/profile":   s.handle(s.profile),
		"GET /api/v1/skills/{id}/demand":          s.handle(s.skillDemand),
		"GET /api/v1/regions":                     s.handle(s.regions),
		"GET /api/v1/occupations/{noc}/trend":     s.handle(s.trend),
		"GET /api/v1/occupations/{noc}/employers": s.handle(s.employers),
		"GET /api/v1/occupations/{noc}/report":    s.report,
		"GET /api/v1/compare":                     s.handle(s.compare),
		"GET /api/v1/skills":                      s.handle(s.skills),
		"GET /api/v1/postings":                    s.handle(s.postings),
		"GET /api/v1/postings/{id}":               s.handle(s.posting),
		"GET /api/v1/openapi.json":                s.openAPI,
	}
}

func (s *Server) trend(r *http.Request) (any, error) {
	occ, err := s.occupation(r, r.PathValue("noc"))
	if err != nil {
		return nil, err
	}
	q, err := s.parse(r)
	if err != nil {
		return nil, err
	}
	iv, err := rank.ParseInterval(r.URL.Query().Get("interval"))
	if err != nil {
		return nil, badRequest("interval: %v", err)
	}
	lang, err := langOf(r)
	if err != nil {
		return nil, err
	}
	from, hasFrom, err := monthParam(r, "from")
	if err != nil {
		return nil, err
	}
	to, hasTo, err := monthParam(r, "to")
	if err != nil {
		return nil, err
	}
	if !hasTo {
		last, ok, err := s.Reader.Store.LastMonth(r.Context())
		if err != nil {
			return nil, fmt.Errorf("latest month: %w", err)
		}
		if to = last; !ok {
			to = rank.MonthOf(timeNow())
		}
		if hasFrom && to < from {
			to = from
		}
	}
	if !hasFrom {
		from = to - 23
	}
	from, to = periodStart(from, iv), periodEnd(to, iv)
	if to < from || int(to-from) >= rank.MaxTrendMonths {
		return nil, badRequest("from %s to %s: want a range of 1 to %d months", from, to, rank.MaxTrendMonths)
	}
	top, err := intParam(r, "skills", 5, 0, 50)
	if err != nil {
		return nil, err
	}
	points, err := s.Reader.Trend(r.Context(), rank.TrendQuery{Occupation: occ, Scope: q.scope, Interval: iv, From: from, To: to,
		TopN: top, MinCount: q.min})
	if err != nil {
		return nil, err
	}
	if top == 0 {
		for i := range points {
			points[i].Skills = []rank.TrendSkill{}
		}
	}
	if lang != "" {
		for i := range points {
			for j := range points[i].Skills {
				if e, ok := s.lookupSkill(points[i].Skills[j].ID); ok {
					points[i].Skills[j].Label = e.LabelIn(lang)
				}
			}
		}
	}
	return struct {
		Occupation map[string]string `json:"occupation"`
		Scope      string            `json:"scope"`
		ScopeName  string            `json:"scope_name"`
		Interval   string            `json:"interval"`
		From       string            `json:"from"`
		To         string            `json:"to"`
		MinCount   int               `json:"min_count"`
		Points     []rank.TrendPoint `json:"points"`
	}{map[string]string{"code": occ, "title": s.title(occ)}, q.scope.Code, q.scopeName, []string{"month", "quarter", "year"}[iv],
		from.String(), to.String(), q.min, points}, nil
}

func (s *Server) employers(r *http.Request) (any, error) {
	occ, err := s.occupation(r, r.PathValue("noc"))
	if err != nil {
		return nil, err
	}
	q, err := s.parse(r)
	if err != nil {
		return nil, err
	}
	limit, err := intParam(r, "limit", 20, 1, 200)
	if err != nil {
		return nil, err
	}
	e, err := s.Reader.Employers(r.Context(), rank.Query{Occupation: occ, Scope: q.scope, Period: q.period, MinCount: q.min}, limit)
	if err != nil {
		return nil, err
	}
	type row struct {
		Key      string  `json:"key"`
		Name     string  `json:"name"`
		Postings int     `json:"postings"`
		Share    float64 `json:"share"`
	}
	out := struct {
		Occupation map[string]string `json:"occupation"`
		Scope      string            `json:"scope"`
		ScopeName  string            `json:"scope_name"`
		Period     string            `json:"period"`
		MinCount   int               `json:"min_count"`
		Postings   int               `json:"postings"`
		Unnamed    int               `json:"unnamed"`
		Other      int               `json:"other"`
		Employers  []row             `json:"employers"`
	}{map[string]string{"code": occ, "title": s.title(occ)}, q.scope.Code, q.scopeName, q.period.String(), q.min,
		e.Postings, e.Unnamed, e.Other, []row{}}
	for _, x := range e.Employers {
		out.Employers = append(out.Employers, row{x.Key, employer.Display(x.Key), x.Postings, x.Share})
	}
	return out, nil
}

func (s *Server) compare(r *http.Request) (any, error) {
	occ := r.URL.Query().Get("noc")
	if occ != "" {
		var err error
		if occ, err = s.occupation(r, occ); err != nil {
			return nil, err
		}
	}
	q, err := s.parse(r)
	if err != nil {
		return nil, err
	}
	if q.period.Kind == rank.Recent {
		return nil, badRequest("period: compare takes a year, quarter or month, not recent:N")
	}
	lang, err := langOf(r)
	if err != nil {
		return nil, err
	}
	raw := strings.Split(r.URL.Query().Get("regions"), ",")
	var scopes []rank.Scope
	var names []string
	for _, reg := range raw {
		if reg = strings.TrimSpace(reg); reg == "" {
			continue
		}
		rp, err := parseRegion(reg)
		if err != nil {
			return nil, err
		}
		sc, name, err := scopeOf(rp)
		if err != nil {
			return nil, badRequest("regions: %v", err)
		}
		scopes = append(scopes, sc)
		names = append(names, placeIn(sc.Code, name, lang))
	}
	if len(scopes) == 0 || len(scopes) > rank.MaxCompare {
		return nil, badRequest("regions: give 1 to %d comma-separated regions, e.g. regions=NL,NS,PE", rank.MaxCompare)
	}
	rows, err := s.Reader.Compare(r.Context(), rank.Query{Occupation: occ, Period: q.period, TopN: q.top, MinCount: q.min}, scopes)
	if err != nil {
		return nil, err
	}
	type region struct {
		Name string `json:"name"`
		rank.RegionComparison
	}
	out := struct {
		Occupation map[string]string `json:"occupation"`
		Period     string            `json:"period"`
		MinCount   int               `json:"min_count"`
		Regions    []region          `json:"regions"`
	}{map[string]string{"code": occ, "title": s.title(occ)}, q.period.String(), q.min, []region{}}
	if occ == "" {
		out.Occupation = map[string]string{"code": "", "title": "All occupations"}
	}
	for i, rc := range rows {
		s.relabel(rc.TopSkills, lang)
		out.Regions = append(out.Regions, region{names[i], rc})
	}
	return out, nil
}

// maxSkillQuery bounds a skill search's text.
const maxSkillQuery = 100

func (s *Server) skills(r *http.Request) (any, error) {
	if s.Taxonomy == nil {
		return nil, fmt.Errorf("skill search: %w (no taxonomy)", errNotFound)
	}
	text := strings.TrimSpace(r.URL.Query().Get("q"))
	switch {
	case text == "":
		return nil, badRequest("q: required, e.g. ?q=patient")
	case len(text) > maxSkillQuery || !utf8.ValidString(text):
		return nil, badRequest("q: 1 to %d bytes of UTF-8", maxSkillQuery)
	}
	lang, err := langOf(r)
	if err != nil {
		return nil, err
	}
	limit, err := intParam(r, "limit", 20, 1, 100)
	if err != nil {
		return nil, err
	}
	type skill struct {
		ID      string `json:"id"`
		Label   string `json:"label"`
		LabelFr string `json:"label_fr,omitempty"`
		Type    string `json:"type"`
	}
	out := struct {
		Query  string  `json:"q"`
		Skills []skill `json:"skills"`
	}{text, []skill{}}
	for _, e := range s.Taxonomy.Search(text, limit) {
		sk := skill{ID: e.ID, Label: e.LabelIn(lang), Type: string(e.Type)}
		if e.HasLabelIn("fr") {
			sk.LabelFr = e.LabelIn("fr")
		}
		out.Skills = append(out.Skills, sk)
	}
	return out, nil
}

// timeNow is the clock for defaults when the store is empty.
var timeNow = time.Now
