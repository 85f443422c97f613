// Package httpapi serves the JSON API, the built-in dashboard and
// /metrics. Every figure comes from the shared ranking code over the
// store's aggregate cells (rank.Reader), so the API, the CLI table and the
// embedded and production stores agree.
package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/dashboards"
)

// Server is the HTTP front end.
type Server struct {
	// Reader answers from the store's aggregates.
	Reader   rank.Reader
	Gatherer prometheus.Gatherer
	Log      *slog.Logger
	TopN     int
	MinCount int
	// Titles names occupations and skills for display.
	OccupationTitle func(code string) string
	// Coder codes titles for /api/v1/occupations/code: the pipeline's
	// own, so the answer is what a posting with that title gets.
	Coder *noc.Coder
	// Ready are the checks of /readyz.
	Ready []Check
}

// Handler routes every endpoint.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/occupations", s.handle(s.occupations))
	mux.HandleFunc("GET /api/v1/occupations/code", s.handle(s.code))
	mux.HandleFunc("GET /api/v1/occupations/{noc}/profile", s.handle(s.profile))
	mux.HandleFunc("GET /api/v1/skills/{id}/demand", s.handle(s.skillDemand))
	mux.HandleFunc("GET /api/v1/regions", s.handle(s.regions))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.Gatherer, promhttp.HandlerOpts{}))
	web, _ := fs.Sub(dashboards.Web, "web")
	mux.Handle("GET /", http.FileServerFS(web))
	return mux
}

// handle adapts an endpoint that returns its body or an error.
func (s *Server) handle(f func(r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := f(r)
		s.write(w, v, err)
	}
}

// apiError is a client mistake, answered with 400 and its message.
type apiError struct{ msg string }

func (e apiError) Error() string { return e.msg }

func badRequest(f string, a ...any) error { return apiError{fmt.Sprintf(f, a...)} }

func (s *Server) write(w http.ResponseWriter, v any, err error) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if err != nil {
		var ae apiError
		status := http.StatusInternalServerError
		msg := "internal error"
		if errors.As(err, &ae) {
			status, msg = http.StatusBadRequest, ae.msg
		} else if errors.Is(err, errNotFound) {
			status, msg = http.StatusNotFound, err.Error()
		} else {
			s.Log.Error("api", "err", err)
		}
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]string{"error": msg})
		return
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

var errNotFound = errors.New("not found")

// query holds the parsed common parameters.
type query struct {
	scope     rank.Scope
	scopeName string
	period    rank.Period
	top       int
	min       int
}

// parse validates the common parameters before anything is read.
func (s *Server) parse(r *http.Request) (query, error) {
	q := query{top: s.TopN, min: s.MinCount}
	region := strings.TrimSpace(r.URL.Query().Get("region"))
	if region == "" {
		region = "CA"
	}
	rp, err := geo.ParseRegionParam(region)
	if err != nil {
		return q, badRequest("region: %v", err)
	}
	q.scope, q.scopeName, err = scopeOf(rp)
	if err != nil {
		return q, badRequest("region: %v", err)
	}
	period := strings.TrimSpace(r.URL.Query().Get("period"))
	if period != "" {
		if q.period, err = rank.ParsePeriod(period); err != nil {
			return q, badRequest("period: %v", err)
		}
		if q.period.Kind == rank.Recent && q.period.N > rank.MaxRecent {
			return q, badRequest("period: recent:N takes N up to %d", rank.MaxRecent)
		}
	}
	for name, dst := range map[string]*int{"top": &q.top, "min_count": &q.min} {
		if v := r.URL.Query().Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > 1000 {
				return q, badRequest("%s: %q must be a whole number from 0 to 1000", name, v)
			}
			*dst = n
		}
	}
	if period != "" {
		return q, nil
	}
	// No period: the latest calendar year with postings.
	year, ok, err := s.Reader.LatestYear(r.Context())
	if err != nil {
		return q, fmt.Errorf("latest year: %w", err)
	}
	if !ok {
		year = time.Now().Year()
	}
	q.period, _ = rank.ParsePeriod(strconv.Itoa(year))
	return q, nil
}

func (s *Server) title(code string) string {
	if s.OccupationTitle != nil {
		if t := s.OccupationTitle(code); t != "" {
			return t
		}
	}
	return code
}

func (s *Server) regions(*http.Request) (any, error) {
	var out struct {
		Provinces []map[string]string `json:"provinces"`
		Regions   []map[string]string `json:"regions"`
	}
	for _, p := range geo.Provinces() {
		out.Provinces = append(out.Provinces, map[string]string{"code": p.Code, "name": p.Name})
	}
	for _, e := range geo.Regions() {
		out.Regions = append(out.Regions, map[string]string{"code": e.Code, "name": e.Name, "province": e.Province})
	}
	return out, nil
}

func (s *Server) occupations(r *http.Request) (any, error) {
	q, err := s.parse(r)
	if err != nil {
		return nil, err
	}
	list, err := s.Reader.Occupations(r.Context(), rank.Query{Scope: q.scope, Period: q.period})
	if err != nil {
		return nil, err
	}
	type item struct {
		Code     string `json:"code"`
		Title    string `json:"title"`
		Postings int    `json:"postings"`
	}
	out := struct {
		Scope       string `json:"scope"`
		Period      string `json:"period"`
		Occupations []item `json:"occupations"`
	}{Scope: q.scopeName, Period: q.period.String(), Occupations: []item{}}
	for _, o := range list {
		out.Occupations = append(out.Occupations, item{Code: o.Code, Title: s.title(o.Code), Postings: o.Postings})
	}
	sort.SliceStable(out.Occupations, func(i, j int) bool { return out.Occupations[i].Postings > out.Occupations[j].Postings })
	return out, nil
}

// nocCode accepts a 5-digit NOC 2021 unit group or "unclassified".
func nocCode(s string) (string, error) {
	if s == noc.Unclassified {
		return s, nil
	}
	if len(s) != 5 || strings.Trim(s, "0123456789") != "" {
		return "", badRequest("occupation %q: want a 5-digit NOC 2021 unit group such as 12111", s)
	}
	return s, nil
}

func (s *Server) profile(r *http.Request) (any, error) {
	noc, err := nocCode(r.PathValue("noc"))
	if err != nil {
		return nil, err
	}
	q, err := s.parse(r)
	if err != nil {
		return nil, err
	}
	p, err := s.Reader.Profile(r.Context(), rank.Query{Occupation: noc, Scope: q.scope, Period: q.period, TopN: q.top, MinCount: q.min,
		KnownRegions: knownRegions()})
	if err != nil {
		return nil, err
	}
	out := struct {
		Occupation map[string]string `json:"occupation"`
		ScopeName  string            `json:"scope_name"`
		MinCount   int               `json:"min_count"`
		rank.Profile
	}{Occupation: map[string]string{"code": noc, "title": s.title(noc)}, ScopeName: q.scopeName, MinCount: q.min, Profile: p}
	return out, nil
}

func (s *Server) skillDemand(r *http.Request) (any, error) {
	id := r.PathValue("id")
	if id == "" || len(id) > 200 {
		return nil, badRequest("skill id: must be 1 to 200 characters")
	}
	q, err := s.parse(r)
	if err != nil {
		return nil, err
	}
	d, known, err := s.Reader.SkillDemand(r.Context(), id, q.scope, q.period)
	if err != nil {
		return nil, err
	}
	if !known {
		return nil, fmt.Errorf("skill %q: %w in any stored posting", id, errNotFound)
	}
	for i := range d.ByRegion {
		d.ByRegion[i].Name = regionName(d.ByRegion[i].Code)
	}
	return struct {
		ScopeName string `json:"scope_name"`
		rank.Demand
	}{q.scopeName, d}, nil
}
