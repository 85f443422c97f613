package main

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestPercentileNearestRank(t *testing.T) {
	var hundred []time.Duration
	for i := 1; i <= 100; i++ {
		hundred = append(hundred, time.Duration(i)*time.Millisecond)
	}
	ten := hundred[:10]
	for _, c := range []struct {
		vals []time.Duration
		p    float64
		want time.Duration
	}{
		{hundred, 50, 50 * time.Millisecond},
		{hundred, 95, 95 * time.Millisecond},
		{hundred, 99, 99 * time.Millisecond},
		{hundred, 100, 100 * time.Millisecond},
		{ten, 50, 5 * time.Millisecond},
		{ten, 95, 10 * time.Millisecond},
		{ten, 0, 1 * time.Millisecond},
		{hundred[:1], 99, 1 * time.Millisecond},
		{nil, 50, 0},
	} {
		if got := Percentile(c.vals, c.p); got != c.want {
			t.Errorf("Percentile(%d values, %v) = %v, want %v", len(c.vals), c.p, got, c.want)
		}
	}
}

// A server where one path in ten is slow, one answers 500 and one drops
// the connection: the errors are counted exactly, and the percentiles see
// the slow tenth at p95 and p99 but not at p50.
func TestRunCountsErrorsAndOrdersPercentiles(t *testing.T) {
	const slow = 60 * time.Millisecond
	mux := http.NewServeMux()
	mux.HandleFunc("/fast", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, _ *http.Request) { time.Sleep(slow); w.Write([]byte("ok")) })
	mux.HandleFunc("/fail", func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	mux.HandleFunc("/drop", func(w http.ResponseWriter, _ *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	paths := []string{"/fast", "/fast", "/fast", "/fail", "/fast", "/fast", "/drop", "/fast", "/fast", "/slow"}
	res := Run(srv.Client(), srv.URL, paths, 4, 200)

	if res.Requests != 200 || res.Concurrency != 4 || res.Paths != len(paths) {
		t.Errorf("requests/concurrency/paths = %d/%d/%d, want 200/4/%d", res.Requests, res.Concurrency, res.Paths, len(paths))
	}
	if res.Errors != 40 {
		t.Errorf("errors = %d, want 40 (20 answers of 500, 20 dropped connections)", res.Errors)
	}
	if res.FirstError == "" {
		t.Error("first_error is empty")
	}
	if !(res.P50 <= res.P95 && res.P95 <= res.P99 && res.P99 <= res.Max) {
		t.Errorf("percentiles out of order: p50 %v p95 %v p99 %v max %v", res.P50, res.P95, res.P99, res.Max)
	}
	slowMS := float64(slow / time.Millisecond)
	if res.P50 >= slowMS {
		t.Errorf("p50 = %v ms, want below %v ms: only a tenth of the requests are slow", res.P50, slowMS)
	}
	if res.P95 < slowMS || res.P99 < slowMS {
		t.Errorf("p95 = %v ms, p99 = %v ms, want both at least %v ms: the slowest tenth is slow", res.P95, res.P99, slowMS)
	}
}

func TestProfilePathsFromOccupations(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v1/occupations" || r.URL.Query().Get("period") != "2025" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(`{"occupations":[{"code":"12111","postings":9},{"code":"21231","postings":3},{"code":"unclassified","postings":1}]}`))
	}))
	defer srv.Close()
	got, err := profilePaths(srv.Client(), srv.URL, "2025", 2, []string{"CA", "NL-unspecified"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"/api/v1/occupations/12111/profile?period=2025&region=CA",
		"/api/v1/occupations/12111/profile?period=2025&region=NL-unspecified",
		"/api/v1/occupations/21231/profile?period=2025&region=CA",
		"/api/v1/occupations/21231/profile?period=2025&region=NL-unspecified",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("path %d = %q, want %q", i, got[i], want[i])
		}
	}
}
