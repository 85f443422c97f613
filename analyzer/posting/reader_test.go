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

// A long posting is read whole, however far past the read buffer; only one
// past MaxLine is cut, and says so.
func TestJSONLLongLines(t *testing.T) {
	long := `{"id":"a","title":"t","description":"` + strings.Repeat("z", 150<<10) + `"}`
	over := `{"id":"b","title":"t","description":"` + strings.Repeat("z", MaxLine) + `"}`
	r := NewJSONLReader(strings.NewReader(long + "\n" + over + "\n"))
	rec, ok, err := r.Next()
	if err != nil || !ok || rec.Err != nil || rec.Truncated || string(rec.Raw) != long+"\n" && string(rec.Raw) != long {
		t.Fatalf("150 KiB line: ok %v err %v rec.Err %v truncated %v, %d bytes of %d", ok, err, rec.Err, rec.Truncated, len(rec.Raw), len(long))
	}
	rec, ok, _ = r.Next()
	if !ok || !rec.Truncated || rec.Err == nil || len(rec.Raw) != 1024 {
		t.Fatalf("line over MaxLine: truncated %v err %v, %d bytes kept", rec.Truncated, rec.Err, len(rec.Raw))
	}
}
