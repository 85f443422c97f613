// Command loadprobe issues GET requests against a running skillpulse API and
// prints one JSON object: requests, errors (non-200 answers and transport
// errors) and latency percentiles in milliseconds. `make bench-scale` uses
// it; it is a measuring tool, not a load generator with pacing.
//
//	loadprobe -base http://127.0.0.1:8080 -c 50 -n 500 \
//	    -paths '/api/v1/occupations?period=2025' -profiles 2025
//
// -paths are used as given; -profiles YEAR asks /api/v1/occupations for that
// year and adds the profile of its -top largest occupations in each of
// -regions. Request i goes to path i mod len(paths), so a run is the same
// mix whatever the concurrency. Latencies cover every request, failed ones
// included.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Result is what a run prints.
type Result struct {
	Requests    int     `json:"requests"`
	Errors      int     `json:"errors"`
	Concurrency int     `json:"concurrency"`
	Paths       int     `json:"paths"`
	P50         float64 `json:"p50_ms"`
	P95         float64 `json:"p95_ms"`
	P99         float64 `json:"p99_ms"`
	Max         float64 `json:"max_ms"`
	WallSeconds float64 `json:"wall_s"`
	FirstError  string  `json:"first_error,omitempty"`
}

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "API base URL")
	paths := flag.String("paths", "", "comma-separated URL paths (with query) to request")
	profiles := flag.String("profiles", "", "period (e.g. 2025): add profile paths of the largest occupations of that period")
	top := flag.Int("top", 10, "with -profiles: how many occupations")
	regions := flag.String("regions", "CA,ON,QC,BC,NL", "with -profiles: comma-separated regions")
	c := flag.Int("c", 1, "concurrent requests")
	n := flag.Int("n", 200, "total requests")
	timeout := flag.Duration("timeout", 2*time.Minute, "per-request timeout")
	flag.Parse()

	client := &http.Client{Timeout: *timeout, Transport: &http.Transport{MaxIdleConnsPerHost: *c}}
	list := split(*paths)
	if *profiles != "" {
		more, err := profilePaths(client, *base, *profiles, *top, split(*regions))
		if err != nil {
			fmt.Fprintln(os.Stderr, "loadprobe:", err)
			os.Exit(1)
		}
		list = append(list, more...)
	}
	if len(list) == 0 || *n <= 0 || *c <= 0 {
		fmt.Fprintln(os.Stderr, "loadprobe: need -paths or -profiles, and positive -n and -c")
		os.Exit(2)
	}
	res := Run(client, *base, list, *c, *n)
	json.NewEncoder(os.Stdout).Encode(res)
}

// Run issues n GETs, c at a time, request i to base+paths[i%len(paths)].
func Run(client *http.Client, base string, paths []string, c, n int) Result {
	lat := make([]time.Duration, n)
	var next, errs atomic.Int64
	var firstErr sync.Once
	res := Result{Requests: n, Concurrency: c, Paths: len(paths)}
	start := time.Now()
	var wg sync.WaitGroup
	for range c {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				t := time.Now()
				err := get(client, base+paths[i%len(paths)])
				lat[i] = time.Since(t)
				if err != nil {
					errs.Add(1)
					firstErr.Do(func() { res.FirstError = err.Error() })
				}
			}
		})
	}
	wg.Wait()
	res.WallSeconds = round(time.Since(start).Seconds())
	res.Errors = int(errs.Load())
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	res.P50, res.P95, res.P99 = ms(Percentile(lat, 50)), ms(Percentile(lat, 95)), ms(Percentile(lat, 99))
	res.Max = ms(lat[n-1])
	return res
}

// Percentile is the nearest-rank percentile of sorted durations: the
// smallest value with at least p% of the values at or below it.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	k := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(k, 1), len(sorted))-1]
}

// get fetches u and reads the whole body; anything but 200 is an error.
func get(client *http.Client, u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return fmt.Errorf("GET %s: reading body: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return nil
}

// profilePaths lists the profile paths of the top occupations of a period.
func profilePaths(client *http.Client, base, period string, top int, regions []string) ([]string, error) {
	u := base + "/api/v1/occupations?period=" + url.QueryEscape(period)
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	var body struct {
		Occupations []struct {
			Code string `json:"code"`
		} `json:"occupations"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	if len(body.Occupations) == 0 {
		return nil, fmt.Errorf("GET %s: no occupations", u)
	}
	var out []string
	for i, o := range body.Occupations {
		if i == top {
			break
		}
		for _, r := range regions {
			out = append(out, fmt.Sprintf("/api/v1/occupations/%s/profile?period=%s&region=%s",
				url.PathEscape(o.Code), url.QueryEscape(period), url.QueryEscape(r)))
		}
	}
	return out, nil
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func ms(d time.Duration) float64 { return round(float64(d) / float64(time.Millisecond)) }

func round(x float64) float64 { return math.Round(x*100) / 100 }
