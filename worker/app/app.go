// Package app assembles skillpulse from its configuration: the analysis
// stages, a source, a store, the scheduled jobs and the HTTP front end.
// cmd/skillpulse only parses flags and calls Run.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/analyzer/skilllink"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/load"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer"
	"github.com/skillpulse/skillpulse/worker/httpapi"
	"github.com/skillpulse/skillpulse/worker/metrics"
)

// Stages builds the analysis components the configuration asks for.
func Stages(cfg config.Config, log *slog.Logger) (analyzer.Stages, error) {
	start := time.Now()
	tax, err := load.Spec(cfg.Taxonomy)
	if err != nil {
		return analyzer.Stages{}, fmt.Errorf("load taxonomy %q: %w", cfg.Taxonomy, err)
	}
	// The figures stored are the ones `extract` prints: the same learned
	// filter judges ESCO matches (its precision is the product's headline).
	mode := skilllink.DefaultMode
	if cfg.SkillScorer != "" {
		mode = skilllink.Mode(cfg.SkillScorer)
	}
	x, sc, err := skilllink.NewExtractor(cfg.Taxonomy, tax, mode, skilllink.DefaultLoose)
	if err != nil {
		return analyzer.Stages{}, fmt.Errorf("skill_scorer %q: %w", mode, err)
	}
	dc := repost.DefaultConfig()
	if cfg.Dedup.Window > 0 {
		dc.Window = cfg.Dedup.Window
	}
	if cfg.Dedup.Threshold > 0 {
		dc.Threshold = cfg.Dedup.Threshold
	}
	oc := cfg.Occupation
	if oc.Discover && len(cfg.OccupationTitles) > 0 {
		oc = discoverSources(cfg.OccupationTitles, oc, log)
	}
	occ, titles, err := occupationCoder(cfg.OccupationTitles, oc)
	if err != nil {
		return analyzer.Stages{}, err
	}
	places, added, err := placeResolver(cfg.Places, log)
	if err != nil {
		return analyzer.Stages{}, err
	}
	st := analyzer.Stages{Extractor: x, Occupations: occ, Places: places, Dedup: repost.New(dc)}
	log.Info("analysis stages ready", "taxonomy", tax.Name, "version", tax.Version, "skills", tax.Len(), "skill_scorer", sc != nil,
		"occupation_titles", titles, "places_loaded", added, "took", time.Since(start).Round(time.Millisecond))
	return st, nil
}

// occupationCoder is the shared built-in coder when no title index or
// description text is configured (and the defaults are kept), else a
// coder over the built-in titles, every index and the crosswalked O*NET
// titles (down-weighted), with the description texts, and the number of
// titles it learnt from.
func occupationCoder(paths []string, oc config.Occupation) (*noc.Coder, int, error) {
	titles := noc.BuiltinTitles()
	// A zero setting would mean the coder's default: keep 0 as "none".
	opts := noc.Options{Threshold: max(oc.MinConfidence, 1e-9), LowConfidence: max(oc.LowConfidence, 1e-9)}
	if oc.ONetTitles != "" {
		more, err := noc.LoadONetTitles(oc.ONetTitles, oc.Crosswalks...)
		if err != nil {
			return nil, 0, fmt.Errorf("occupation.onet_titles: %w", err)
		}
		titles = append(titles, noc.Weighted(more, noc.ONetWeight)...)
	}
	if len(oc.Descriptions) > 0 {
		texts, err := noc.LoadDescriptions(oc.Descriptions, oc.Crosswalks...)
		if err != nil {
			return nil, 0, fmt.Errorf("occupation.descriptions: %w", err)
		}
		opts.Descriptions = texts
	}
	if len(paths) == 0 && oc.ONetTitles == "" && len(oc.Descriptions) == 0 {
		if oc.MinConfidence == noc.DefaultThreshold && oc.LowConfidence == noc.DefaultLowConfidence {
			return noc.NewBuiltin(), len(titles), nil
		}
		return noc.NewCoder(titles, opts), len(titles), nil
	}
	for _, p := range paths {
		more, err := noc.LoadIndex(p)
		if err != nil {
			return nil, 0, fmt.Errorf("occupation_titles: %w", err)
		}
		titles = append(titles, more...)
	}
	return noc.NewCoder(titles, opts), len(titles), nil
}

// discoverSources fills the occupation settings left unset with the
// reference files found beside the title indexes (noc.Discover).
func discoverSources(indexes []string, oc config.Occupation, log *slog.Logger) config.Occupation {
	s := noc.Discover(indexes)
	var found []string
	if oc.ONetTitles == "" && len(oc.Crosswalks) == 0 && s.ONetTitles != "" {
		oc.ONetTitles = s.ONetTitles
		found = append(found, s.ONetTitles)
	}
	if len(oc.Crosswalks) == 0 && len(s.Crosswalks) > 0 {
		oc.Crosswalks = s.Crosswalks
		found = append(found, s.Crosswalks...)
	}
	if len(oc.Descriptions) == 0 && len(s.Descriptions) > 0 {
		oc.Descriptions = s.Descriptions
		found = append(found, s.Descriptions...)
	}
	if len(found) > 0 {
		log.Info("occupation: reference files found beside the title index (occupation.discover: false to ignore them)", "files", found)
	}
	return oc
}

// placeResolver is the built-in gazetteer plus the configured place lists,
// with the number of places loaded. A list with some bad rows still adds
// the good ones (the bad are logged); one with none fails.
func placeResolver(paths []string, log *slog.Logger) (*geo.Resolver, int, error) {
	r := geo.NewBuiltin()
	added := 0
	for _, p := range paths {
		places, err := geo.LoadPlaces(p)
		if err != nil && len(places) == 0 {
			return nil, 0, fmt.Errorf("places: %w", err)
		}
		if err != nil {
			log.Warn("places: rows skipped", "file", p, "err", err)
		}
		if err := r.Add(places...); err != nil {
			log.Warn("places: entries skipped", "file", p, "err", err)
		}
		added += len(places)
	}
	return r, added, nil
}

// OccupationTitle names a NOC 2021 unit group.
func OccupationTitle(code string) string {
	if t, ok := noc.TitleOf(code); ok {
		return t
	}
	return ""
}

// listen binds the API address. It comes before any other work, so a
// taken port stops start-up at once with the address in the message.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	return ln, nil
}

// serve runs the HTTP front end on ln until ctx ends, then shuts it down;
// ready (if not nil) gets the address once it serves.
func serve(ctx context.Context, cfg config.Config, st analyzer.Stages, reader rank.Reader, postings indexer.PostingReader, reg *prometheus.Registry, log *slog.Logger, ln net.Listener, ready chan<- string, checks ...httpapi.Check) error {
	api := &httpapi.Server{Reader: reader, Gatherer: reg, Log: log, TopN: cfg.Rank.TopN, MinCount: cfg.Rank.MinCount,
		OccupationTitle: OccupationTitle, Coder: st.Occupations, Taxonomy: st.Extractor.Taxonomy(), Postings: postings, Ready: checks}
	srv := &http.Server{Handler: api.Handler(), ReadHeaderTimeout: 10 * time.Second}
	addr := "http://" + ln.Addr().String()
	log.Info("serving", "dashboard", addr+"/", "api", addr+"/api/v1/occupations", "metrics", addr+"/metrics", "ready", addr+"/readyz")
	if ready != nil {
		ready <- addr
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("http shutdown: %w", err)
	}
	return nil
}

// newMetrics makes a registry with the pipeline's metrics.
func newMetrics() (*prometheus.Registry, *metrics.Metrics) {
	reg := prometheus.NewRegistry()
	return reg, metrics.New(reg)
}
