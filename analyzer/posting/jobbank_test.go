package posting

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenRecord is what the golden file holds for one record.
type goldenRecord struct {
	Line    int      `json:"line"`
	Posting *Posting `json:"posting,omitempty"`
	Error   string   `json:"error,omitempty"`
}

func readAll(t testing.TB, r *Reader) []Record {
	t.Helper()
	var out []Record
	for {
		rec, ok, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return out
		}
		out = append(out, rec)
	}
}

func TestJobBankGolden(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "jobbank.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []goldenRecord
	for _, rec := range readAll(t, Open(f.Name(), f)) {
		g := goldenRecord{Line: rec.Line, Posting: rec.Posting}
		if rec.Err != nil {
			g.Error = rec.Err.Error()
		}
		got = append(got, g)
	}
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "jobbank.golden.json")
	if *update {
		if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.TrimSpace(want), b) {
		t.Errorf("parsed feed differs from %s (go test -run TestJobBankGolden -update to accept):\n%s", golden, b)
	}
}

// doc wraps Document fields in a feed.
func doc(inner ...string) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<SolrResponse><Documents>\n")
	for _, d := range inner {
		b.WriteString("<Document>" + d + "</Document>\n")
	}
	b.WriteString("</Documents></SolrResponse>\n")
	return b.String()
}

const tasks = `<skill_categories><skill_category><category_name>Tasks</category_name><skills><skill><name>Drive trucks</name></skill></skills></skill_category></skill_categories>`

func TestJobBankFields(t *testing.T) {
	f64 := func(v float64) *float64 { return &v }
	cases := []struct {
		name  string
		in    string
		check func(t *testing.T, p *Posting)
	}{
		{"hourly salary and NOC", doc(`<jobs_id>1</jobs_id><title>Driver</title><noc2021>73300</noc2021><salary_hourly>25</salary_hourly>` + tasks),
			func(t *testing.T, p *Posting) {
				if p.Occupation == nil || *p.Occupation != (OccupationCode{"noc2021", "73300"}) {
					t.Errorf("occupation %+v", p.Occupation)
				}
				if p.Salary == nil || *p.Salary.Min != 25 || *p.Salary.Max != 25 || p.Salary.Period != "hour" {
					t.Errorf("salary %+v", p.Salary)
				}
				if p.Source != JobBankSource || p.Key() != "jobbank:1" || p.URL != "https://www.jobbank.gc.ca/jobsearch/jobposting/1" {
					t.Errorf("source %q key %q url %q", p.Source, p.Key(), p.URL)
				}
			}},
		{"hourly wins over yearly, a zero hourly does not", doc(`<jobs_id>2</jobs_id><title>x</title><salary_hourly>0</salary_hourly><salary_yearly>$52,000</salary_yearly>` + tasks),
			func(t *testing.T, p *Posting) {
				if p.Salary == nil || *p.Salary.Min != 52000 || p.Salary.Period != "year" {
					t.Errorf("salary %+v", p.Salary)
				}
			}},
		{"salary range", doc(`<jobs_id>3</jobs_id><title>x</title><salary_hourly>18.50 - 22</salary_hourly>` + tasks),
			func(t *testing.T, p *Posting) {
				if p.Salary == nil || *p.Salary.Min != *f64(18.5) || *p.Salary.Max != 22 {
					t.Errorf("salary %+v", p.Salary)
				}
			}},
		{"salary text kept for the wage parser", doc(`<jobs_id>4</jobs_id><title>x</title><salary_hourly>competitive</salary_hourly>` + tasks),
			func(t *testing.T, p *Posting) {
				if p.Salary == nil || p.Salary.Raw != "competitive" || p.Salary.Min != nil {
					t.Errorf("salary %+v", p.Salary)
				}
			}},
		{"location", doc(`<jobs_id>5</jobs_id><title>x</title><city_name>Gander</city_name><postal_code>A1V 1P7</postal_code>` + tasks),
			func(t *testing.T, p *Posting) {
				if p.Location == nil || p.Location.City != "Gander" || p.Location.PostalCode != "A1V 1P7" || p.Location.String() != "Gander A1V 1P7" {
					t.Errorf("location %+v", p.Location)
				}
			}},
		{"date with a time and no zone is UTC", doc(`<jobs_id>6</jobs_id><title>x</title><date_posted>2025-04-02T13:45:00</date_posted>` + tasks),
			func(t *testing.T, p *Posting) {
				if want := time.Date(2025, 4, 2, 13, 45, 0, 0, time.UTC); !p.PostedAt.Equal(want) {
					t.Errorf("posted_at %v, want %v", p.PostedAt, want)
				}
			}},
		{"no date stays unset", doc(`<jobs_id>7</jobs_id><title>x</title>` + tasks),
			func(t *testing.T, p *Posting) {
				if !p.PostedAt.IsZero() {
					t.Errorf("posted_at %v", p.PostedAt)
				}
			}},
		{"lang F is French", doc(`<jobs_id>8</jobs_id><title>x</title><lang>F</lang>` + tasks),
			func(t *testing.T, p *Posting) {
				if p.Language != "fr" {
					t.Errorf("language %q", p.Language)
				}
			}},
		{"tasks first in the description, under their heading", doc(`<jobs_id>9</jobs_id><title>x</title><skill_categories>` +
			`<skill_category><category_name>Experience</category_name><skills><skill><name>2 years</name></skill></skills></skill_category>` +
			`<skill_category name="Tâches"><skills><skill><name>Tenir les registres</name></skill><skill><name>Préparer la paie</name></skill></skills></skill_category>` +
			`</skill_categories>`),
			func(t *testing.T, p *Posting) {
				want := "Tâches:\n- Tenir les registres\n- Préparer la paie\n\nExperience:\n- 2 years"
				if p.Description != want {
					t.Errorf("description %q, want %q", p.Description, want)
				}
			}},
		{"no lists: the title is the description", doc(`<jobs_id>10</jobs_id><title>Welder</title>`),
			func(t *testing.T, p *Posting) {
				if p.Description != "Welder" {
					t.Errorf("description %q", p.Description)
				}
			}},
		{"unknown elements kept", doc(`<jobs_id>11</jobs_id><title>x</title><remote>yes</remote>` + tasks),
			func(t *testing.T, p *Posting) {
				if string(p.Extra["remote"]) != `"yes"` {
					t.Errorf("extra %v", p.Extra)
				}
			}},
		{"entities and whitespace", doc(`<jobs_id> 12 </jobs_id><title>  Nurse&nbsp;(RN)&amp;co
			</title>` + tasks),
			func(t *testing.T, p *Posting) {
				if p.ID != "12" || p.Title != "Nurse (RN)&co" {
					t.Errorf("id %q title %q", p.ID, p.Title)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs := readAll(t, NewJobBankReader(strings.NewReader(c.in)))
			if len(recs) != 1 || recs[0].Err != nil {
				t.Fatalf("records %+v", recs)
			}
			c.check(t, recs[0].Posting)
			// Raw is the posting as JSON: what publish sends to Kafka.
			if p, err := Parse(recs[0].Raw); err != nil || p.ID != recs[0].Posting.ID {
				t.Errorf("raw does not parse back: %v", err)
			}
		})
	}
}

func TestJobBankBadDocuments(t *testing.T) {
	cases := []struct {
		name      string
		in        string
		wantField string // of the error of the first record
		wantGood  []string
	}{
		{"missing title", doc(`<jobs_id>1</jobs_id>`, `<jobs_id>2</jobs_id><title>x</title>`+tasks), "title", []string{"2"}},
		{"missing id", doc(`<title>x</title>` + tasks), "id", nil},
		{"unclosed element, next document still read", doc(`<jobs_id>1</jobs_id><title>x</title><noc2021>1</noc2021x>`, `<jobs_id>2</jobs_id><title>y</title>`+tasks), "posting", []string{"2"}},
		{"bad language", doc(`<jobs_id>1</jobs_id><title>x</title><lang>de</lang>` + tasks), "language", nil},
		{"empty document", "<Documents><Document/><Document><jobs_id>2</jobs_id><title>y</title></Document></Documents>", "posting", []string{"2"}},
		{"feed cut inside a document", "<Documents><Document><jobs_id>1</jobs_id><title>x", "posting", nil},
		{"document too long", doc(`<jobs_id>1</jobs_id><title>`+strings.Repeat("<b>x</b>", maxDocument/8+1)+`</title>`, `<jobs_id>2</jobs_id><title>y</title>`), "posting", []string{"2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs := readAll(t, NewJobBankReader(strings.NewReader(c.in)))
			if len(recs) == 0 {
				t.Fatal("no records")
			}
			var fe *FieldError
			if !errors.As(recs[0].Err, &fe) || fe.Field != c.wantField || !errors.Is(recs[0].Err, ErrInvalid) {
				t.Fatalf("first record error %v, want field %q", recs[0].Err, c.wantField)
			}
			if len(recs[0].Raw) == 0 {
				t.Error("a rejected document must keep its bytes for the dead letter")
			}
			var good []string
			for _, r := range recs[1:] {
				if r.Err == nil {
					good = append(good, r.Posting.ID)
				}
			}
			if strings.Join(good, ",") != strings.Join(c.wantGood, ",") {
				t.Errorf("good %v, want %v", good, c.wantGood)
			}
		})
	}
}

func TestJobBankLineNumbers(t *testing.T) {
	// A comment that mentions <Document> is not one.
	in := "<?xml version=\"1.0\"?>\n<Documents><!-- one <Document>\nper posting -->\n  <Document>\n<jobs_id>1</jobs_id><title>x</title>\n</Document>\n  <!--<Document>-->\n  <Document><jobs_id>2</jobs_id><title>y</title></Document>\n</Documents>\n"
	recs := readAll(t, NewJobBankReader(strings.NewReader(in)))
	if len(recs) != 2 || recs[0].Line != 4 || recs[1].Line != 8 {
		for _, r := range recs {
			t.Logf("line %d err %v", r.Line, r.Err)
		}
		t.Fatal("want documents on lines 4 and 8")
	}
}

func TestJobBankLatin1(t *testing.T) {
	in := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Documents><Document><jobs_id>1</jobs_id><title>Caf\xe9 serveur</title></Document></Documents>"
	recs := readAll(t, NewJobBankReader(strings.NewReader(in)))
	if len(recs) != 1 || recs[0].Err != nil || recs[0].Posting.Title != "Café serveur" {
		t.Fatalf("records %+v", recs)
	}
}

// The reader holds one document at a time: a feed of many documents is
// read through a pipe without the feed ever being in memory.
func TestJobBankStreams(t *testing.T) {
	pr, pw := io.Pipe()
	const n = 2000
	go func() {
		io.WriteString(pw, "<Documents>\n")
		for i := 0; i < n; i++ {
			io.WriteString(pw, "<Document><jobs_id>"+strings.Repeat("9", 1+i%5)+"</jobs_id><title>t</title>"+tasks+"</Document>\n")
		}
		io.WriteString(pw, "</Documents>\n")
		pw.Close()
	}()
	if recs := readAll(t, NewJobBankReader(pr)); len(recs) != n {
		t.Fatalf("%d records, want %d", len(recs), n)
	}
}

func TestDetect(t *testing.T) {
	cases := []struct {
		name, head string
		want       Format
	}{
		{"feed.xml", "", JobBank},
		{"FEED.XML", "{", JobBank},
		{"a.csv", "<", CSV},
		{"a.jsonl", "<", JSONL},
		{"stdin", "\ufeff  <?xml version='1.0'?>", JobBank},
		{"stdin", "\n{\"id\":1}", JSONL},
		{"stdin", "id,title,description\n1,a,b", CSV},
		{"stdin", "garbage", JSONL},
		{"stdin", "", JSONL},
	}
	for _, c := range cases {
		if got := Detect(c.name, []byte(c.head)); got != c.want {
			t.Errorf("Detect(%q, %q) = %s, want %s", c.name, c.head, got, c.want)
		}
	}
	// Open sniffs what has no telling extension.
	recs := readAll(t, Open("stdin", strings.NewReader(doc(`<jobs_id>1</jobs_id><title>x</title>`))))
	if len(recs) != 1 || recs[0].Err != nil || recs[0].Posting.Source != JobBankSource {
		t.Fatalf("sniffed feed: %+v", recs)
	}
}

func FuzzJobBank(f *testing.F) {
	fixture, _ := os.ReadFile(filepath.Join("testdata", "jobbank.xml"))
	f.Add(fixture)
	f.Add([]byte(doc(`<jobs_id>1</jobs_id><title>x</title>` + tasks)))
	f.Add([]byte("<Document><Document></Document></Document>"))
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"latin1\"?><Document/>"))
	f.Add([]byte("<Document><skill_categories><skill_category><name>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewJobBankReader(bytes.NewReader(data))
		for i := 0; ; i++ {
			rec, ok, err := r.Next()
			if err != nil || !ok {
				return
			}
			if i > len(data) {
				t.Fatal("more records than input bytes")
			}
			if rec.Err == nil {
				if rec.Posting == nil || rec.Posting.ID == "" || rec.Posting.Title == "" || rec.Posting.Description == "" {
					t.Fatalf("valid record without its required fields: %+v", rec.Posting)
				}
			} else if !errors.Is(rec.Err, ErrInvalid) {
				t.Fatalf("record error %v does not wrap ErrInvalid", rec.Err)
			}
		}
	})
}
