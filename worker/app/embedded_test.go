package app

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer/localstore"
)

func startEmbedded(t *testing.T, dataDir string) (string, context.CancelFunc, <-chan error) {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir, cfg.Listen = dataDir, "127.0.0.1:0"
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	errc := make(chan error, 1)
	go func() { errc <- RunEmbedded(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), ready) }()
	select {
	case addr := <-ready:
		return addr, cancel, errc
	case err := <-errc:
		cancel()
		t.Fatalf("embedded default failed: %v", err)
	case <-time.After(2 * time.Minute):
		cancel()
		t.Fatal("embedded default did not start")
	}
	return "", cancel, errc
}

func getJSON(t *testing.T, url string, wantStatus int, v any) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != wantStatus {
		t.Fatalf("GET %s: %d %s, want %d", url, res.StatusCode, body, wantStatus)
	}
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Errorf("GET %s: content type %q", url, res.Header.Get("Content-Type"))
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v in %s", url, err, body)
		}
	}
}

type apiProfile struct {
	Postings int `json:"postings"`
	Regions  []struct {
		Code    string  `json:"code"`
		Count   int     `json:"count"`
		Share   float64 `json:"share"`
		Percent float64 `json:"percent"`
	} `json:"regions"`
	TopSkills []struct {
		ID       string  `json:"id"`
		Postings int     `json:"postings"`
		Share    float64 `json:"share"`
	} `json:"top_skills"`
	Suppressed bool `json:"suppressed"`
}

// TestEmbeddedDefault is the first README command end to end: bundled
// sample → local store → API. Figures must be non-empty and consistent
// with the stored postings, bad input must get 400, and a restart on the
// same data directory must add nothing.
func TestEmbeddedDefault(t *testing.T) {
	dir := t.TempDir()
	addr, stop, done := startEmbedded(t, dir)

	var occ struct {
		Occupations []struct {
			Code     string `json:"code"`
			Postings int    `json:"postings"`
		} `json:"occupations"`
	}
	getJSON(t, addr+"/api/v1/occupations?region=CA&period=2025", 200, &occ)
	if len(occ.Occupations) < 10 {
		t.Fatalf("only %d occupations with 2025 postings", len(occ.Occupations))
	}
	top := occ.Occupations[0]

	var p apiProfile
	getJSON(t, addr+"/api/v1/occupations/"+top.Code+"/profile?region=CA&period=2025", 200, &p)
	if p.Postings != top.Postings || p.Postings == 0 || p.Suppressed {
		t.Fatalf("profile of %s: %d postings (suppressed %v), list says %d", top.Code, p.Postings, p.Suppressed, top.Postings)
	}
	sumCount, sumPct := 0, 0.0
	for _, r := range p.Regions {
		sumCount += r.Count
		sumPct += r.Percent
	}
	if sumCount != p.Postings || math.Abs(sumPct-100) > 1e-6 {
		t.Errorf("regions count %d (want %d) and sum to %.3f%% (want 100)", sumCount, p.Postings, sumPct)
	}
	if len(p.TopSkills) == 0 {
		t.Fatal("no skills in the profile")
	}
	for _, s := range p.TopSkills {
		if s.Postings > p.Postings || math.Abs(s.Share-float64(s.Postings)/float64(p.Postings)) > 1e-9 {
			t.Errorf("skill %s: %d postings, share %v of %d", s.ID, s.Postings, s.Share, p.Postings)
		}
	}

	var prov apiProfile
	getJSON(t, addr+"/api/v1/occupations/"+top.Code+"/profile?region=ON&period=2025", 200, &prov)
	var demand struct {
		Postings     int                     `json:"postings"`
		AllPostings  int                     `json:"all_postings"`
		ByOccupation []struct{ Code string } `json:"by_occupation"`
	}
	getJSON(t, addr+"/api/v1/skills/"+p.TopSkills[0].ID+"/demand?period=2025", 200, &demand)
	if demand.Postings == 0 || demand.Postings > demand.AllPostings || len(demand.ByOccupation) == 0 {
		t.Errorf("demand for %s: %+v", p.TopSkills[0].ID, demand)
	}

	for _, bad := range []string{
		"/api/v1/occupations/12111/profile?region=Atlantis",
		"/api/v1/occupations/12111/profile?period=20x5",
		"/api/v1/occupations/12111/profile?period=2025-13",
		"/api/v1/occupations/abc/profile",
		"/api/v1/occupations/12111/profile?top=-1",
		"/api/v1/occupations?region=ZZ",
		"/api/v1/skills/communication/demand?period=soon",
		"/api/v1/occupations/code",
		"/api/v1/occupations/code?title=+",
		"/api/v1/occupations/code?title=cook&candidates=11",
		"/api/v1/occupations/code?title=cook&candidates=x",
		"/api/v1/occupations/code?title=" + strings.Repeat("cook+", 101),
	} {
		var e struct{ Error string }
		getJSON(t, addr+bad, 400, &e)
		if e.Error == "" {
			t.Errorf("%s: 400 without a message", bad)
		}
	}
	getJSON(t, addr+"/api/v1/skills/no-such-skill/demand", 404, nil)
	checkCodeEndpoint(t, addr)
	var regions struct {
		Provinces []map[string]string `json:"provinces"`
		Regions   []map[string]string `json:"regions"`
	}
	getJSON(t, addr+"/api/v1/regions", 200, &regions)
	if len(regions.Provinces) != 13 || len(regions.Regions) != 76 {
		t.Errorf("regions: %d provinces, %d economic regions", len(regions.Provinces), len(regions.Regions))
	}
	checkPromtool(t, metricsPage(t, addr))

	stop()
	if err := <-done; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	before := storeCount(t, dir)

	// The same input again on the same data directory adds nothing.
	addr, stop, done = startEmbedded(t, dir)
	var again struct {
		Occupations []struct {
			Code     string `json:"code"`
			Postings int    `json:"postings"`
		} `json:"occupations"`
	}
	getJSON(t, addr+"/api/v1/occupations?region=CA&period=2025", 200, &again)
	if again.Occupations[0] != top {
		t.Errorf("after a re-run: %+v, before %+v", again.Occupations[0], top)
	}
	stop()
	<-done
	if after := storeCount(t, dir); after != before {
		t.Errorf("re-running the same input changed the store from %d to %d postings", before, after)
	}
}

func storeCount(t *testing.T, dir string) int {
	t.Helper()
	s, err := localstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return s.Count()
}

// checkCodeEndpoint: the coding a title gets from the API is the
// pipeline's, with candidates best first.
func checkCodeEndpoint(t *testing.T, addr string) {
	t.Helper()
	type result struct {
		Code       string  `json:"code"`
		Title      string  `json:"title"`
		Confidence float64 `json:"confidence"`
		Method     string  `json:"method"`
	}
	var c struct {
		Title      string   `json:"title"`
		Occupation result   `json:"occupation"`
		Candidates []result `json:"candidates"`
	}
	for _, tc := range []struct {
		query, want string
		n           int
	}{
		{"title=Sr.+Health+Records+Technician+-+Night+Shift+(Full-time)", "12111", 5},
		{"title=Commis+%C3%A0+l%27archivage+m%C3%A9dical&candidates=3", "12111", 3},
		{"title=Technician&description=Maintain+patient+health+records+and+code+charts", "12111", 5},
		// The industry is evidence as the description is.
		{"title=Technician&industry=Patient+health+records+and+chart+coding", "12111", 5},
		// An industry that names a sector counts beside a body too long to
		// be one, and so does an employer's name that names one.
		{"title=Labourer&industry=Construction&description=" + neutralBody, "75110", 5},
		{"title=Labourer&employer=ABC+Construction+Ltd.&description=" + neutralBody, "75110", 5},
	} {
		getJSON(t, addr+"/api/v1/occupations/code?"+tc.query, 200, &c)
		// A calibrated coder may leave a vague title unclassified (below
		// its threshold), but its first candidate is still the answer.
		chosen := c.Occupation.Code == tc.want && c.Occupation.Title != ""
		abstained := c.Occupation.Code == noc.Unclassified && len(c.Candidates) > 0 && c.Candidates[0].Confidence < noc.DefaultThreshold
		if !chosen && !abstained || len(c.Candidates) != tc.n || c.Candidates[0].Code != tc.want {
			t.Errorf("code?%s: %+v, want %d candidates, %s first", tc.query, c, tc.n, tc.want)
		}
		for i := 1; i < len(c.Candidates); i++ {
			if c.Candidates[i].Confidence > c.Candidates[i-1].Confidence {
				t.Errorf("code?%s: candidates out of order: %+v", tc.query, c.Candidates)
			}
		}
	}
	// Words sharing no 4-gram with a title ("plugh" half resembles
	// "plumber" and "rough", and gets faint candidates).
	getJSON(t, addr+"/api/v1/occupations/code?title=xyzzy+qwghlm", 200, &c)
	if c.Occupation.Code != "unclassified" || len(c.Candidates) != 0 {
		t.Errorf("unknown words: %+v, want unclassified and no candidates", c)
	}
}

// neutralBody is a posting body that says nothing of the occupation,
// URL-encoded.
const neutralBody = "We+are+hiring+for+an+immediate+start.+Full-time+and+part-time+positions+are+available%2C+days+and+evenings.+" +
	"You+are+reliable%2C+punctual+and+a+team+player.+We+offer+competitive+pay+and+benefits.+Apply+today+with+your+resume."
