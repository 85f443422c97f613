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
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/dashboards"
	"github.com/skillpulse/skillpulse/indexer"
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
	// Taxonomy is the pipeline's: skill search and labels in a language.
	Taxonomy *taxonomy.Taxonomy
	// Postings lists and shows stored postings (nil: those endpoints 404).
	Postings indexer.PostingReader
	// Ready are the checks of /readyz.
	Ready []Check
}

// Handler routes every endpoint.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for pattern, h := range s.apiRoutes() {
		mux.HandleFunc(pattern, h)
	}
	// Anything else under /api/ is an unknown endpoint: a JSON 404 too.
	mux.HandleFunc("GET /api/", s.handle(func(r *http.Request) (any, error) {
		return nil, fmt.Errorf("no endpoint %s %s: %w (see /api/v1/openapi.json)", r.Method, clip(r.URL.Path), errNotFound)
	}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.Gatherer, promhttp.HandlerOpts{}))
	web, _ := fs.Sub(dashboards.Web, "web")
	mux.Handle("GET /", http.FileServerFS(web))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The API only reads: any other method gets a JSON 405, not the
		// mux's plain-text one.
		if strings.HasPrefix(r.URL.Path, "/api/") && r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			s.write(w, nil, errMethod)
			return
		}
		mux.ServeHTTP(w, r)
	})
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
		} else if errors.Is(err, errMethod) {
			status, msg = http.StatusMethodNotAllowed, err.Error()
		} else {
			s.Log.Error("api", "err", err)
		}
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]string{"error": clipMessage(msg)})
		return
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

var (
	errNotFound = errors.New("not found")
	errMethod   = errors.New("method not allowed: the API answers GET")
)

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
	if code == noc.Unclassified {
		return "Unclassified (occupation not coded)"
	}
	if s.OccupationTitle != nil {
		if t := s.OccupationTitle(code); t != "" {
			return t
		}
	}
	return code
}

func (s *Server) regions(r *http.Request) (any, error) {
	lang, err := langOf(r)
	if err != nil {
		return nil, err
	}
	var out struct {
		Provinces []map[string]string `json:"provinces"`
		Regions   []map[string]string `json:"regions"`
	}
	for _, p := range geo.Provinces() {
		out.Provinces = append(out.Provinces, map[string]string{"code": p.Code, "name": placeIn(p.Code, p.Name, lang)})
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
	// Busiest first; postings left uncoded are not an occupation and come
	// last however many they are (they are often the largest group).
	sort.SliceStable(out.Occupations, func(i, j int) bool {
		a, b := out.Occupations[i], out.Occupations[j]
		if (a.Code == noc.Unclassified) != (b.Code == noc.Unclassified) {
			return b.Code == noc.Unclassified
		}
		return a.Postings > b.Postings
	})
	return out, nil
}

// nocCode accepts a 5-digit NOC 2021 unit group or "unclassified".
func nocCode(s string) (string, error) {
	if s == noc.Unclassified {
		return s, nil
	}
	if len(s) != 5 || strings.Trim(s, "0123456789") != "" {
		return "", badRequest("occupation %q: want a 5-digit NOC 2021 unit group such as 12111", clip(s))
	}
	return s, nil
}

// occupation reads a NOC code and requires it to be known: a NOC 2021 unit
// group, or a code some stored posting carries (a source may send codes
// the built-in structure lacks). Only an unlisted code costs the lookup,
// one count of occupations over the Canada-wide cells.
func (s *Server) occupation(r *http.Request, raw string) (string, error) {
	code, err := nocCode(raw)
	if err != nil || code == noc.Unclassified {
		return code, err
	}
	if _, ok := noc.TitleOf(code); ok {
		return code, nil
	}
	counts, err := s.Reader.Store.OccupationCounts(r.Context(), "CA", nil)
	if err != nil {
		return "", fmt.Errorf("occupation %s: %w", code, err)
	}
	if counts[code] > 0 {
		return code, nil
	}
	return "", fmt.Errorf("occupation %s: %w in NOC 2021 or any stored posting", code, errNotFound)
}

func (s *Server) profile(r *http.Request) (any, error) {
	noc, err := s.occupation(r, r.PathValue("noc"))
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
	lang, err := langOf(r)
	if err != nil {
		return nil, err
	}
	s.relabel(out.TopSkills, lang)
	s.relabel(out.Distinctive, lang)
	out.ScopeName = placeIn(q.scope.Code, out.ScopeName, lang)
	for i := range out.Regions {
		out.Regions[i].Name = placeIn(out.Regions[i].Code, out.Regions[i].Name, lang)
	}
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
		return nil, fmt.Errorf("skill %q: %w in any stored posting", clip(id), errNotFound)
	}
	lang, err := langOf(r)
	if err != nil {
		return nil, err
	}
	if e, ok := s.lookupSkill(id); ok && lang != "" {
		d.Label = e.LabelIn(lang)
	}
	// Suppression as in profiles: below min_count postings only the count
	// shows; a breakdown row below it is left out.
	out := struct {
		ScopeName  string   `json:"scope_name"`
		MinCount   int      `json:"min_count"`
		Suppressed bool     `json:"suppressed"`
		Flags      []string `json:"flags"`
		rank.Demand
	}{ScopeName: q.scopeName, MinCount: q.min, Flags: []string{}, Demand: d}
	if d.Postings < 2*q.min {
		out.Flags = append(out.Flags, rank.FlagLowCount)
	}
	if d.Postings < q.min {
		out.Suppressed = true
		out.Share = 0
		out.ByOccupation, out.ByRegion = []rank.DemandShare{}, []rank.DemandShare{}
		return out, nil
	}
	keep := func(rows []rank.DemandShare, name func(string) string) []rank.DemandShare {
		kept := []rank.DemandShare{}
		for _, row := range rows {
			if row.Postings >= q.min {
				row.Name = name(row.Code)
				kept = append(kept, row)
			}
		}
		return kept
	}
	out.ByOccupation = keep(d.ByOccupation, s.title)
	out.ByRegion = keep(d.ByRegion, func(code string) string { return placeIn(code, regionName(code), lang) })
	return out, nil
}
