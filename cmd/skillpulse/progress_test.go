package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs the command line with stderr a buffer (not a terminal), so
// progress comes as log lines, and returns stdout and the log lines.
func runCmd(t *testing.T, args ...string) (string, []map[string]any) {
	t.Helper()
	var logs bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(&logs, nil)))
	defer slog.SetDefault(prev)
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	defer root.SetArgs(nil)
	if err := root.Execute(); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	var lines []map[string]any
	sc := bufio.NewScanner(&logs)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, m)
	}
	return out.String(), lines
}

func finished(t *testing.T, lines []map[string]any, msg string) map[string]any {
	t.Helper()
	for _, l := range lines {
		if l["msg"] == msg {
			return l
		}
	}
	t.Fatalf("no %q line in %v", msg, lines)
	return nil
}

func TestGenerateReportsProgress(t *testing.T) {
	out := filepath.Join(t.TempDir(), "p.jsonl")
	_, lines := runCmd(t, "generate", "--count", "40", "-o", out)
	if l := finished(t, lines, "generate finished"); l["done"] != 40.0 || l["total"] != 40.0 || l["unit"] != "postings" {
		t.Errorf("generate finished %v, want 40 of 40", l)
	}
	b, err := os.ReadFile(out)
	if err != nil || bytes.Count(b, []byte("\n")) != 40 {
		t.Errorf("output: %v, %d lines", err, bytes.Count(b, []byte("\n")))
	}
}

// extract reads the Job Bank XML feed and counts every record, the
// rejected ones included.
func TestExtractReadsTheXMLFeedWithProgress(t *testing.T) {
	out, lines := runCmd(t, "extract", filepath.Join("..", "..", "analyzer", "posting", "testdata", "jobbank.xml"))
	if l := finished(t, lines, "extract finished"); l["done"] != 6.0 {
		t.Errorf("extract finished %v, want 6 records", l)
	}
	var ids, errs []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var e extractLine
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatal(err)
		}
		if e.Error != "" {
			errs = append(errs, e.Error)
		} else {
			ids = append(ids, e.ID)
		}
	}
	if strings.Join(ids, ",") != "41230001,41230002,41230003,41230006" || len(errs) != 2 {
		t.Errorf("ids %v errors %v", ids, errs)
	}
}
