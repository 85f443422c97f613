package progress

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer the ticker goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func logLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("log line %q: %v", l, err)
		}
		out = append(out, m)
	}
	return out
}

func TestLogLinesWhenNotATerminal(t *testing.T) {
	var logBuf syncBuffer
	var bar bytes.Buffer
	no := false
	tr := Start("ingest", "postings", 100, Options{Writer: &bar, Log: slog.New(slog.NewJSONHandler(&logBuf, nil)),
		Interval: 10 * time.Millisecond, Terminal: &no})
	tr.Add(40)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(logBuf.String(), "ingest progress") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	tr.Add(60)
	tr.Done()
	tr.Done() // idempotent
	if bar.Len() != 0 {
		t.Errorf("no bar off a terminal, got %q", bar.String())
	}
	lines := logLines(t, logBuf.String())
	if len(lines) < 2 {
		t.Fatalf("want periodic lines and a final one, got %v", lines)
	}
	first := lines[0]
	if first["msg"] != "ingest progress" || first["done"] != 40.0 || first["total"] != 100.0 || first["percent"] != 40.0 || first["unit"] != "postings" {
		t.Errorf("first line %v", first)
	}
	if _, ok := first["eta"]; !ok {
		t.Errorf("a line with a known total says the eta: %v", first)
	}
	last := lines[len(lines)-1]
	if last["msg"] != "ingest finished" || last["done"] != 100.0 {
		t.Errorf("last line %v", last)
	}
	for _, l := range lines[:len(lines)-1] {
		if l["msg"] == "ingest finished" {
			t.Errorf("finished written twice: %v", lines)
		}
	}
}

func TestUnknownTotalHasNoETA(t *testing.T) {
	var logBuf bytes.Buffer
	no := false
	tr := Start("extract", "postings", 0, Options{Log: slog.New(slog.NewJSONHandler(&logBuf, nil)), Interval: time.Hour, Terminal: &no})
	tr.Add(7)
	tr.Done()
	lines := logLines(t, logBuf.String())
	if len(lines) != 1 || lines[0]["done"] != 7.0 {
		t.Fatalf("lines %v", lines)
	}
	for _, k := range []string{"total", "eta", "percent"} {
		if _, ok := lines[0][k]; ok {
			t.Errorf("unknown total, yet %s in %v", k, lines[0])
		}
	}
}

func TestSnapshotRateAndETA(t *testing.T) {
	no := false
	tr := Start("x", "items", 300, Options{Interval: time.Hour, Terminal: &no, Log: slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))})
	defer tr.Done()
	t0 := tr.start
	tr.now = func() time.Time { return t0.Add(10 * time.Second) }
	tr.Add(100)
	s := tr.Snapshot()
	if s.Rate != 10 || s.ETA != 20*time.Second || s.Done != 100 {
		t.Errorf("snapshot %+v, want rate 10/s and eta 20s", s)
	}
}

func TestBarOnATerminal(t *testing.T) {
	var bar bytes.Buffer
	var logBuf bytes.Buffer
	yes := true
	tr := Start("generate", "postings", 10, Options{Writer: &bar, Log: slog.New(slog.NewTextHandler(&logBuf, nil)), Terminal: &yes})
	for i := 0; i < 10; i++ {
		tr.Add(1)
	}
	tr.Done()
	out := bar.String()
	if !strings.Contains(out, "generate") || !strings.Contains(out, "100%") || !strings.Contains(out, "10/10") {
		t.Errorf("bar output %q", out)
	}
	if logBuf.Len() != 0 {
		t.Errorf("no log lines with a bar, got %q", logBuf.String())
	}
}

func TestIsTerminal(t *testing.T) {
	if IsTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is not a terminal")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if IsTerminal(w) {
		t.Error("a pipe is not a terminal")
	}
}

func TestWriterCountsLines(t *testing.T) {
	var logBuf, out bytes.Buffer
	no := false
	tr := Start("extract", "postings", 0, Options{Log: slog.New(slog.NewJSONHandler(&logBuf, nil)), Interval: time.Hour, Terminal: &no})
	w := Writer{W: &out, T: tr}
	w.Write([]byte("{}\n{}\n{"))
	w.Write([]byte("}\n"))
	if s := tr.Snapshot(); s.Done != 3 {
		t.Errorf("done %d, want 3", s.Done)
	}
	tr.Done()
	if out.String() != "{}\n{}\n{}\n" {
		t.Errorf("output %q", out.String())
	}
}

func TestNilTrackerIsANoOp(t *testing.T) {
	var tr *Tracker
	tr.Add(3)
	tr.SetTotal(5)
	tr.Done()
}

// Work that ends early says it stopped, not finished, and how far it got;
// a Done after it writes nothing more.
func TestStopSaysStopped(t *testing.T) {
	var logBuf bytes.Buffer
	no := false
	tr := Start("reprocess", "postings", 100, Options{Log: slog.New(slog.NewJSONHandler(&logBuf, nil)), Interval: time.Hour, Terminal: &no})
	tr.Add(60)
	tr.Stop()
	tr.Done()
	lines := logLines(t, logBuf.String())
	if len(lines) != 1 || lines[0]["msg"] != "reprocess stopped" || lines[0]["done"] != 60.0 || lines[0]["percent"] != 60.0 {
		t.Fatalf("lines %v, want one 'reprocess stopped' line at 60 of 100", lines)
	}
}
