package posting

import (
	"errors"
	"strings"
	"testing"
)

func drain(t *testing.T, r *Reader) (good []string, bad []int) {
	t.Helper()
	for {
		rec, ok, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return
		}
		if rec.Err != nil {
			bad = append(bad, rec.Line)
			continue
		}
		good = append(good, rec.Posting.ID)
	}
}

func TestJSONLKeepsGoing(t *testing.T) {
	in := `{"id":"a","title":"t","description":"d"}

not json
{"id":"b","title":"t"}
` + `{"id":"c","title":"` + strings.Repeat("y", maxLine) + `","description":"d"}
{"id":"d","title":"t","description":"last line, no newline"}`
	good, bad := drain(t, NewJSONLReader(strings.NewReader(in)))
	if strings.Join(good, ",") != "a,d" {
		t.Errorf("good %v", good)
	}
	if len(bad) != 3 || bad[0] != 3 || bad[1] != 4 || bad[2] != 5 {
		t.Errorf("bad lines %v, want [3 4 5]", bad)
	}
}

func TestCSV(t *testing.T) {
	in := "\ufeffID,Title,Description,Location,occupation_code,extra\n1,Clerk,\"Keeps, records\",\"Gander, NL\",12111,x\n2,,no title,,,\n"
	r := NewCSVReader(strings.NewReader(in))
	rec, ok, err := r.Next()
	if err != nil || !ok || rec.Err != nil {
		t.Fatalf("first row: %v %v %v", ok, err, rec.Err)
	}
	p := rec.Posting
	if p.ID != "1" || p.Description != "Keeps, records" || p.Location.Raw != "Gander, NL" || p.Occupation.Code != "12111" || string(p.Extra["extra"]) != `"x"` {
		t.Errorf("row %+v", p)
	}
	rec, _, _ = r.Next()
	var fe *FieldError
	if !errors.As(rec.Err, &fe) || fe.Field != "title" {
		t.Errorf("second row: %v", rec.Err)
	}
	if _, ok, _ := r.Next(); ok {
		t.Error("expected end of input")
	}
}
