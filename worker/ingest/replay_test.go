package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// A file ingest dead-letters postings of every class into a real
// FileDeadLetters file; replaying it writes back exactly the records that
// can be replayed, byte for byte, and those read back by the file reader
// (what `run --input` does) index once the fault is gone.
func TestReplayFileRoundTrip(t *testing.T) {
	rejected := `{"id":"3","source":"jb","title":"Clerk","description":"Filing and communication."}`
	tooLarge := `{"id":"4","source":"jb","title":"Writer","description":"` + strings.Repeat("words ", 400) + `"}`
	invalid := `not json at all`
	noTitle := `{"id":"6","source":"jb","description":"no title"}`
	overlong := `{"id":"7","source":"jb","title":"Cook","description":"` + strings.Repeat("x", posting.MaxLine) + `"}`
	lines := []string{
		`{"id":"1","source":"jb","title":"Cook","description":"Cooking and communication."}`,
		`{"id":"2","source":"jb","title":"Nurse","description":"Patient care."}`,
		rejected, tooLarge, invalid, noTitle, overlong,
	}
	in := strings.Join(lines, "\n") + "\n"
	dlPath := filepath.Join(t.TempDir(), "dead-letter.jsonl")
	sink := &rejectingSink{reject: map[string]bool{"jb:3": true}}
	p, _ := newProcessor(t, sink, &FileDeadLetters{Path: dlPath})
	p.MaxBytes = 2000
	st, err := File(context.Background(), p, "in.jsonl", strings.NewReader(in), 10)
	if err != nil {
		t.Fatal(err)
	}
	if st.Indexed != 2 || st.Invalid != 5 {
		t.Fatalf("ingest stats %+v, want 2 indexed and 5 dead-lettered", st)
	}

	cases := []struct {
		name    string
		classes []string
		want    []string // lines written, in order
		byClass map[string]int
		skipped int // of another class
	}{
		// In the order they were dead-lettered: records that fail to
		// parse as the batch is analyzed, those the index refuses after.
		{"all classes", nil, []string{tooLarge, invalid, noTitle, rejected},
			map[string]int{"rejected_by_index": 1, "too_large": 1, "invalid_json": 1, "validation": 1}, 0},
		{"one class", []string{"rejected_by_index"}, []string{rejected}, map[string]int{"rejected_by_index": 1}, 3},
		{"two classes", []string{"too_large", "rejected_by_index"}, []string{tooLarge, rejected},
			map[string]int{"rejected_by_index": 1, "too_large": 1}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := os.Open(dlPath)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var out bytes.Buffer
			var seen []string
			sum, err := ReplayFile("dead-letter.jsonl", f, &out, c.classes, func(e ReplayEntry) { seen = append(seen, e.Action) })
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n"); !slices.Equal(got, c.want) {
				t.Errorf("wrote %d lines %.300q, want %d %.300q", len(got), got, len(c.want), c.want)
			}
			if sum.Replayed != len(c.want) || sum.SkippedClass != c.skipped || sum.SkippedTruncated != 1 || fmt.Sprint(sum.ByClass) != fmt.Sprint(c.byClass) {
				t.Errorf("summary %+v, want %d replayed %v, %d of other classes, 1 truncated", sum, len(c.want), c.byClass, c.skipped)
			}
			if len(sum.Truncated) != 1 || sum.Truncated[0].Origin != "in.jsonl:7" || sum.Truncated[0].From != "dead-letter.jsonl:4" {
				t.Errorf("truncated entries %+v, want the overlong line in.jsonl:7, line 4 of the dead-letter file", sum.Truncated)
			}
			if len(seen) != 5 {
				t.Errorf("each called for %d entries (%v), want all 5", len(seen), seen)
			}
		})
	}

	// The fault fixed (index accepts, limit raised), the replayed file is
	// read as any input: the two recoverable postings index, the two
	// broken ones go back to the dead letters with their reasons.
	var out bytes.Buffer
	f, err := os.Open(dlPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ReplayFile("dead-letter.jsonl", f, &out, nil, nil); err != nil {
		t.Fatal(err)
	}
	fixed := &keepingSink{}
	again := &deadLetters{}
	p2, _ := newProcessor(t, fixed, again)
	st, err = File(context.Background(), p2, "replay.jsonl", &out, 10)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range fixed.got {
		ids = append(ids, a.Key)
	}
	if !slices.Equal(ids, []string{"jb:4", "jb:3"}) || len(again.got) != 2 {
		t.Errorf("re-ingest indexed %v and dead-lettered %d, want [jb:4 jb:3] and 2", ids, len(again.got))
	}
}

func TestReplayable(t *testing.T) {
	cases := []struct {
		name    string
		entry   FileEntry
		classes []string
		want    string
		action  string
	}{
		{"whole posting", FileEntry{Class: "rejected_by_index", Raw: `{"id":"1"}`, Size: 10}, nil, `{"id":"1"}`, ReplayReplayed},
		{"flagged truncated", FileEntry{Class: "invalid_json", Raw: `{"id":"1","de`, Size: 13, Truncated: true}, nil, "", ReplaySkippedTruncated},
		{"shorter than its size", FileEntry{Class: "too_large", Raw: `{"id":"1"`, Size: 5000}, nil, "", ReplaySkippedTruncated},
		{"class not asked for", FileEntry{Class: "validation", Raw: `{"id":"1"}`, Size: 10}, []string{"rejected_by_index"}, "", ReplaySkippedClass},
		{"class asked for", FileEntry{Class: "validation", Raw: `{"id":"1"}`, Size: 10}, []string{"too_large", "validation"}, `{"id":"1"}`, ReplayReplayed},
		{"multi-line JSON made one line", FileEntry{Class: "validation", Raw: "{\n  \"id\": \"1\"\n}", Size: 15}, nil, `{"id":"1"}`, ReplayReplayed},
		{"one-line non-JSON kept", FileEntry{Class: "invalid_json", Raw: "not json\n", Size: 9}, nil, `not json`, ReplayReplayed},
		{"multi-line non-JSON", FileEntry{Class: "invalid_json", Raw: "<Document>\n<Title>x</Document>", Size: 30}, nil, "", ReplaySkippedNotJSONLine},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, action := replayable(c.entry, c.classes)
			if string(got) != c.want || action != c.action {
				t.Errorf("replayable = %q, %s; want %q, %s", got, action, c.want, c.action)
			}
		})
	}
}

func TestReplayFileRefusesOtherFiles(t *testing.T) {
	for _, second := range []string{`{"id":"1","title":"Cook"}`, `not json`} {
		in := `{"origin":"in.jsonl:1","class":"validation","size":2,"raw":"{}"}` + "\n" + second + "\n"
		_, err := ReplayFile("postings.jsonl", strings.NewReader(in), &bytes.Buffer{}, nil, nil)
		if err == nil || !strings.Contains(err.Error(), "postings.jsonl:2: not a dead-letter entry") {
			t.Errorf("line %s: err %v, want one naming line 2 as not a dead-letter entry", second, err)
		}
	}
}
