package posting

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseErrors(t *testing.T) {
	cases := []struct{ in, field string }{
		{``, "posting"},
		{`not json`, "posting"},
		{`[1,2]`, "posting"},
		{`{"title":"t","description":"d"}`, "id"},
		{`{"id":"","title":"t","description":"d"}`, "id"},
		{`{"id":"1","description":"d"}`, "title"},
		{`{"id":"1","title":"   ","description":"d"}`, "title"},
		{`{"id":"1","title":7,"description":"d"}`, "title"},
		{`{"id":"1","title":"t"}`, "description"},
		{`{"id":"1","title":"t","description":null}`, "description"},
		{`{"id":"1","title":"t","description":"d","language":"de"}`, "language"},
		{`{"id":"1","title":"t","description":"d","posted_at":"yesterday"}`, "posted_at"},
		{`{"id":"1","title":"t","description":"d","posted_at":20250101}`, "posted_at"},
		{`{"id":"1","title":"t","description":"d","location":5}`, "location"},
		{`{"id":"1","title":"t","description":"d","occupation":{"system":"noc2021"}}`, "occupation.code"},
		{`{"id":"1","title":"t","description":"d","occupation":"12111"}`, "occupation"},
		{`{"id":"1","title":"t","description":"d","salary":{"min":30,"max":20}}`, "salary"},
		{`{"id":"1","title":"t","description":"d","salary":{"min":-1}}`, "salary"},
		{`{"id":"1","title":"t","description":"d","source":["a"]}`, "source"},
		{`{"id":"1","title":"` + strings.Repeat("x", MaxTitleLen+1) + `","description":"d"}`, "title"},
		{"{\"id\":\"1\",\"title\":\"t\",\"description\":\"\xff\"}", "posting"},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.in))
		var fe *FieldError
		if !errors.As(err, &fe) || !errors.Is(err, ErrInvalid) {
			t.Errorf("Parse(%.60q): %v, want a FieldError wrapping ErrInvalid", c.in, err)
			continue
		}
		if fe.Field != c.field || fe.Reason == "" {
			t.Errorf("Parse(%.60q): field %q (%s), want %q", c.in, fe.Field, fe.Reason, c.field)
		}
	}
}

func TestParseFields(t *testing.T) {
	p, err := Parse([]byte(`{"id":42,"title":" Clerk ","description":"<p>x</p>","source":"jobbank",
		"location":{"city":"St. John's","province":"NL","postal_code":"A1C 5M2"},"posted_at":"2025-03-04",
		"occupation":{"code":"12111"},"salary":"$29.51 to $35.17 hourly","language":"FR","remote":true,"tags":["a"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "42" || p.Title != "Clerk" || p.Key() != "jobbank:42" || p.Language != "fr" {
		t.Errorf("basic fields %+v", p)
	}
	if p.Location.String() != "St. John's, NL A1C 5M2" || !p.PostedAt.Equal(time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("location %q posted %v", p.Location.String(), p.PostedAt)
	}
	if p.Occupation.System != "noc2021" || p.Occupation.Code != "12111" || p.Salary.Raw != "$29.51 to $35.17 hourly" {
		t.Errorf("occupation %+v salary %+v", p.Occupation, p.Salary)
	}
	if string(p.Extra["remote"]) != "true" || string(p.Extra["tags"]) != `["a"]` {
		t.Errorf("unknown fields not kept: %v", p.Extra)
	}
	out, _ := json.Marshal(p)
	if !strings.Contains(string(out), `"remote":true`) || !strings.Contains(string(out), `"tags":["a"]`) {
		t.Errorf("unknown fields not re-emitted: %s", out)
	}
	q, err := Parse([]byte(`{"id":"1","title":"t","description":"d","location":"Gander, NL","posted_at":"2025-03-04T10:00:00-03:30","salary":55000}`))
	if err != nil {
		t.Fatal(err)
	}
	if q.Location.Raw != "Gander, NL" || q.PostedAt.Hour() != 13 || *q.Salary.Min != 55000 || q.Key() != "unknown:1" {
		t.Errorf("string location / RFC 3339 / numeric salary: %+v %v %+v", q.Location, q.PostedAt, q.Salary)
	}
}

// FuzzParse: no input panics, and a parsed posting survives a JSON round
// trip unchanged.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"id":"1","title":"t","description":"d"}`,
		`{"id":1,"title":"t","description":"d","location":{"city":"x"},"salary":{"min":1,"max":2},"x":[1]}`,
		`{"id":"1","title":"t","description":"d","posted_at":"2025-01-01","occupation":{"code":"1"},"language":"en"}`,
		`{}`, `null`, `"x"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Parse(b)
		if err != nil {
			return
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("marshal %+v: %v", p, err)
		}
		q, err := Parse(out)
		if err != nil {
			t.Fatalf("re-parse %s: %v", out, err)
		}
		if !reflect.DeepEqual(p, q) {
			t.Fatalf("round trip changed the posting:\n%+v\n%+v", p, q)
		}
	})
}

// FuzzJSONString checks the unescaped fast path against encoding/json.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{`"plain"`, `"with \"quote\""`, `"tab\tand\u00e9"`, `""`, `"x"y"`, `12`, `"é à"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var want string
		wantErr := json.Unmarshal([]byte(in), &want)
		if wantErr != nil || !utf8.ValidString(in) {
			return // Parse validates the document before it decodes fields
		}
		got, err := jsonString(json.RawMessage(in))
		if err != nil || got != want {
			t.Errorf("jsonString(%q) = %q, %v; encoding/json says %q", in, got, err, want)
		}
	})
}
