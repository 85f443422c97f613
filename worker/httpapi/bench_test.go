package httpapi

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
	"github.com/skillpulse/skillpulse/indexer/localstore"
)

// BenchmarkWorkbench times each endpoint against a 20,000-posting embedded
// store, the existing profile endpoint first as the yardstick. Requests go
// straight to the handler: the figure is the server's work, not the
// loopback's.
func BenchmarkWorkbench(b *testing.B) {
	tax, err := builtin.Load()
	if err != nil {
		b.Fatal(err)
	}
	as, err := analyses(tax, 20000, nil)
	if err != nil {
		b.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "httpapi-bench-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	st, err := localstore.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for i := 0; i < len(as); i += 500 {
		if _, err := st.Index(context.Background(), as[i:min(i+500, len(as))]); err != nil {
			b.Fatal(err)
		}
	}
	s := &Server{Reader: st.Reader(), Gatherer: prometheus.NewRegistry(), Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		TopN: 10, MinCount: 5, OccupationTitle: func(c string) string { t, _ := noc.TitleOf(c); return t },
		Taxonomy: tax, Postings: st}
	h := s.Handler()
	var dup string
	for _, a := range as {
		if a.Duplicate.Duplicate {
			dup = a.Key
			break
		}
	}
	occ := "31301"
	for _, c := range []struct{ name, path string }{
		{"profile", "/api/v1/occupations/" + occ + "/profile?period=2025"},
		{"trend_24_months", "/api/v1/occupations/" + occ + "/trend"},
		{"trend_quarters_NL", "/api/v1/occupations/" + occ + "/trend?interval=quarter&region=NL"},
		{"employers", "/api/v1/occupations/" + occ + "/employers?period=2025"},
		{"compare_4_regions", "/api/v1/compare?noc=" + occ + "&regions=NL,NS,ON,QC&period=2025"},
		{"skills_search", "/api/v1/skills?q=care"},
		{"postings_page", "/api/v1/postings?noc=" + occ + "&period=2025"},
		{"postings_skill_filter", "/api/v1/postings?skill=medication-administration&region=ON"},
		{"postings_reposted", "/api/v1/postings?reposted=true"},
		{"posting_with_group", "/api/v1/postings/" + dup},
		{"report_html", "/api/v1/occupations/" + occ + "/report?period=2025&format=html"},
		{"report_csv", "/api/v1/occupations/" + occ + "/report?period=2025&format=csv"},
	} {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, c.path, nil)
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatalf("%s: %d %s", c.path, w.Code, w.Body)
				}
			}
		})
	}
}
