package analyzer_test

import (
	stdjson "encoding/json"
	"reflect"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// AppendJSON must write the very document json.Marshal writes, with and
// without unknown posting fields.
func TestAppendJSONIsMarshal(t *testing.T) {
	for _, raw := range []string{
		`{"id":"1","title":"Cook <b>","description":"<p>Prepare & cook meals.</p>","source":"jobbank","employer":"Bistro","location":"Halifax, NS","posted_at":"2025-03-01","salary":"$18.50 hourly"}`,
		`{"id":"2","title":"Commis","description":"Tenir à jour les dossiers","source":"guichet","board_rank":7,"tags":["a","b"]}`,
	} {
		p, err := posting.Parse([]byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		a := pipeline(t).Analyze(p)
		want, err := stdjson.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		got, err := analyzer.AppendJSON(nil, a)
		if err != nil {
			t.Fatal(err)
		}
		var w, g any
		if err := stdjson.Unmarshal(want, &w); err != nil {
			t.Fatal(err)
		}
		if err := stdjson.Unmarshal(got, &g); err != nil {
			t.Fatalf("AppendJSON wrote invalid JSON: %v\n%s", err, got)
		}
		if !reflect.DeepEqual(w, g) {
			t.Errorf("AppendJSON differs from json.Marshal:\n got %s\nwant %s", got, want)
		}
		if len(p.Extra) > 0 && !reflect.DeepEqual(g.(map[string]any)["posting"].(map[string]any)["board_rank"], 7.0) {
			t.Errorf("unknown posting field lost: %s", got)
		}
	}
}
