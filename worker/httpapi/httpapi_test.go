package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
	"github.com/skillpulse/skillpulse/indexer"
	"github.com/skillpulse/skillpulse/indexer/localstore"
)

// fixture is a real embedded store over generated postings run through
// the real pipeline, and the server over it.
type fixture struct {
	srv   *httptest.Server
	store *localstore.Store
	recs  []rank.Record
	as    []*analyzer.Analysis
	tax   *taxonomy.Taxonomy
}

var (
	fixOnce sync.Once
	fix     fixture
	fixErr  error
)

// analyses runs the pipeline over n generated postings and extra ones.
func analyses(tax *taxonomy.Taxonomy, n int, extra []*posting.Posting) ([]*analyzer.Analysis, error) {
	p := analyzer.New(analyzer.Stages{Extractor: extract.New(tax), Occupations: noc.NewBuiltin(), Places: geo.NewBuiltin(),
		Dedup: repost.New(repost.DefaultConfig())})
	cfg := sample.DefaultConfig()
	cfg.Count = n
	var out []*analyzer.Analysis
	err := sample.Generate(cfg, func(post *posting.Posting) error {
		out = append(out, p.Analyze(post))
		return nil
	})
	for _, post := range extra {
		out = append(out, p.Analyze(post))
	}
	return out, err
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	fixOnce.Do(func() {
		tax, err := builtin.Load()
		if err != nil {
			fixErr = err
			return
		}
		as, err := analyses(tax, 2500, employerPostings())
		if err != nil {
			fixErr = err
			return
		}
		dir, err := tempDir()
		if err != nil {
			fixErr = err
			return
		}
		st, err := localstore.Open(dir)
		if err != nil {
			fixErr = err
			return
		}
		for i := 0; i < len(as); i += 200 {
			if _, err := st.Index(context.Background(), as[i:min(i+200, len(as))]); err != nil {
				fixErr = err
				return
			}
		}
		recs := make([]rank.Record, len(as))
		for i, a := range as {
			recs[i] = indexer.ToRecord(a)
		}
		s := &Server{Reader: st.Reader(), Gatherer: prometheus.NewRegistry(), Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
			TopN: 10, MinCount: 5, OccupationTitle: func(c string) string { t, _ := noc.TitleOf(c); return t },
			Coder: noc.NewBuiltin(), Taxonomy: tax, Postings: st}
		fix = fixture{srv: httptest.NewServer(s.Handler()), store: st, recs: recs, as: as, tax: tax}
	})
	if fixErr != nil {
		t.Fatal(fixErr)
	}
	return fix
}

// get fetches path and decodes its JSON body into v, requiring status.
func get(t *testing.T, path string, status int, v any) []byte {
	t.Helper()
	f := newFixture(t)
	res, err := http.Get(f.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != status {
		t.Fatalf("GET %s: %d %.500s, want %d", path, res.StatusCode, body, status)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: content type %q", path, ct)
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v in %.500s", path, err, body)
		}
	}
	return body
}

func TestErrorsAreJSON(t *testing.T) {
	long := strings.Repeat("x", 5000)
	for _, c := range []struct {
		path   string
		status int
	}{
		{"/api/v1/occupations/99999/profile", 404},
		{"/api/v1/occupations/99999/trend", 404},
		{"/api/v1/occupations/99999/employers", 404},
		{"/api/v1/occupations/99999/report", 404},
		{"/api/v1/occupations/12x/profile", 400},
		{"/api/v1/nothing/here", 404},
		{"/api/v2/occupations", 404},
		{"/api/v1/skills/no-such-skill/demand", 404},
		{"/api/v1/postings/no:such", 404},
		{"/api/v1/postings?skill=no-such-skill", 404},
		{"/api/v1/postings?cursor=%21%21", 400},
		{"/api/v1/postings?reposted=maybe", 400},
		{"/api/v1/occupations/31301/profile?period=" + long, 400},
		{"/api/v1/occupations/31301/profile?region=" + long, 400},
		{"/api/v1/occupations/" + long + "/profile", 400},
		{"/api/v1/occupations/31301/trend?interval=week", 400},
		{"/api/v1/occupations/31301/trend?from=2020-01&to=2035-01", 400},
		{"/api/v1/compare?regions=", 400},
		{"/api/v1/compare?regions=NL,XX", 400},
		{"/api/v1/skills?q=", 400},
		{"/api/v1/skills?q=care&lang=de", 400},
		{"/api/v1/occupations/31301/report?format=pdf", 400},
	} {
		var e struct {
			Error string `json:"error"`
		}
		get(t, c.path, c.status, &e)
		if e.Error == "" {
			t.Errorf("%.80s: no error message", c.path)
		}
		if len(e.Error) > 320 {
			t.Errorf("%.80s: error message of %d bytes echoes the input", c.path, len(e.Error))
		}
	}
}

func TestOtherMethodsGetJSON405(t *testing.T) {
	f := newFixture(t)
	res, err := http.Post(f.srv.URL+"/api/v1/occupations", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var e struct{ Error string }
	if err := json.NewDecoder(res.Body).Decode(&e); err != nil || res.StatusCode != 405 || e.Error == "" || res.Header.Get("Allow") == "" {
		t.Errorf("POST: %d %q (%v), Allow %q", res.StatusCode, e.Error, err, res.Header.Get("Allow"))
	}
}

func TestSkillDemandSuppressed(t *testing.T) {
	f := newFixture(t)
	// The skills asked for by the fewest postings: 1 or 2 of them.
	counts := map[string]int{}
	for _, r := range f.recs {
		if !r.Duplicate && r.PostedAt.Year() == 2025 {
			for _, s := range r.Skills {
				counts[s.ID]++
			}
		}
	}
	rare, common := "", ""
	for id, n := range counts {
		if n < 5 && (rare == "" || n < counts[rare]) {
			rare = id
		}
		if n >= 50 && (common == "" || n > counts[common]) {
			common = id
		}
	}
	if rare == "" || common == "" {
		t.Fatalf("no rare or common skill in 2025: %v", counts)
	}
	var d struct {
		Postings     int     `json:"postings"`
		Share        float64 `json:"share"`
		Suppressed   bool    `json:"suppressed"`
		ByOccupation []struct {
			Code, Name string
			Postings   int
		} `json:"by_occupation"`
		ByRegion []any `json:"by_region"`
	}
	get(t, "/api/v1/skills/"+rare+"/demand?period=2025", 200, &d)
	if !d.Suppressed || d.Share != 0 || len(d.ByOccupation)+len(d.ByRegion) != 0 || d.Postings != counts[rare] {
		t.Errorf("%s with %d postings: %+v, want suppressed", rare, counts[rare], d)
	}
	get(t, "/api/v1/skills/"+common+"/demand?period=2025", 200, &d)
	if d.Suppressed || d.Postings != counts[common] || len(d.ByOccupation) == 0 {
		t.Fatalf("%s with %d postings: %+v", common, counts[common], d)
	}
	for _, o := range d.ByOccupation {
		if o.Postings < 5 {
			t.Errorf("occupation row below min_count shown: %+v", o)
		}
		if want, _ := noc.TitleOf(o.Code); o.Code != noc.Unclassified && (o.Name != want || want == "") {
			t.Errorf("occupation %s named %q, want %q", o.Code, o.Name, want)
		}
	}
}

var testDir string

func tempDir() (string, error) { return testDir, nil }

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "httpapi-test-")
	if err != nil {
		panic(err)
	}
	testDir = dir
	code := m.Run()
	if fix.store != nil {
		fix.store.Close()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// employerPostings are nurses in St. John's at one employer written five
// ways, and at another once.
func employerPostings() []*posting.Posting {
	names := []string{"Eastern Health", "EASTERN HEALTH INC.", "Eastern Regional Health Authority", "The Eastern Health", "eastern health",
		"Eastern Regional Health Authority", "Western Health"}
	var out []*posting.Posting
	for i, n := range names {
		out = append(out, &posting.Posting{ID: fmt.Sprintf("eh-%d", i), Source: "test-board", Title: "Registered nurse",
			Description: fmt.Sprintf("Registered nurse for the %d unit. Patient care and medication administration required. Shift %d.", i*37, i),
			Employer:    n, Location: &posting.Location{City: "St. John's", Province: "NL"},
			PostedAt: time.Date(2025, 3, 2+i, 9, 0, 0, 0, time.UTC)})
	}
	return out
}

// A code outside NOC 2021 that stored postings carry is known: 200, not 404.
func TestStoredCodeOutsideNOCIsKnown(t *testing.T) {
	recs := []rank.Record{{Key: "a", Occupation: "99998", Region: "CA-unspecified", PostedAt: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)}}
	s := &Server{Reader: rank.Reader{Store: rank.NewMemory(recs)}, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), MinCount: 5}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	for path, want := range map[string]int{"/api/v1/occupations/99998/profile?period=2025": 200, "/api/v1/occupations/99999/profile?period=2025": 404,
		"/api/v1/occupations/99998/trend": 200} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("%s: %d, want %d", path, res.StatusCode, want)
		}
	}
}

// The occupation list is busiest first, with the uncoded postings last
// (whatever their number) under a title that says what they are.
func TestOccupationListPutsUnclassifiedLast(t *testing.T) {
	var out struct {
		Occupations []struct {
			Code, Title string
			Postings    int
		} `json:"occupations"`
	}
	get(t, "/api/v1/occupations?period=2025", 200, &out)
	n := len(out.Occupations)
	if n < 3 {
		t.Fatalf("%d occupations", n)
	}
	uncoded := -1
	for i, o := range out.Occupations {
		if o.Code == noc.Unclassified {
			uncoded = i
		}
	}
	if uncoded == -1 {
		t.Fatal("the fixture has no unclassified postings: the case tests nothing")
	}
	if uncoded != n-1 || out.Occupations[uncoded].Title != "Unclassified (occupation not coded)" {
		t.Errorf("unclassified at %d of %d as %q", uncoded, n, out.Occupations[uncoded].Title)
	}
	for i := 1; i < n-1; i++ {
		if out.Occupations[i].Postings > out.Occupations[i-1].Postings {
			t.Errorf("not busiest first at %d: %+v after %+v", i, out.Occupations[i], out.Occupations[i-1])
		}
	}
}
