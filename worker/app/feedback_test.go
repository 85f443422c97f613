package app

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer/localstore"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) lines(t *testing.T) []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(l.b.Bytes()))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("log line %q: %v", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

// The embedded default on the Job Bank XML fixture: it serves while it
// ingests, reports progress, says how many postings it dated itself and
// where the invalid ones went, and the stored record says the date was
// assumed.
func TestEmbeddedReportsWhatItIngested(t *testing.T) {
	dir := t.TempDir()
	cfg := config.Default()
	cfg.DataDir, cfg.Listen = dir, "127.0.0.1:0"
	cfg.Input = filepath.Join("..", "..", "analyzer", "posting", "testdata", "jobbank.xml")
	var logs lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	errc := make(chan error, 1)
	go func() { errc <- RunEmbedded(ctx, cfg, slog.New(slog.NewJSONHandler(&logs, nil)), ready) }()
	select {
	case <-ready:
	case err := <-errc:
		t.Fatalf("embedded default failed: %v", err)
	case <-time.After(2 * time.Minute):
		t.Fatal("embedded default did not start")
	}
	cancel()
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	lines := logs.lines(t)
	index := func(msg string) int {
		for i, l := range lines {
			if l["msg"] == msg {
				return i
			}
		}
		t.Errorf("no %q in the log: %v", msg, lines)
		return -1
	}
	serving, finished := index("serving"), index("ingest finished")
	if serving < 0 || finished < 0 || serving > finished {
		t.Errorf("serving at line %d, ingest finished at %d: the API must serve while the input is ingested", serving, finished)
	}
	if i := index("ingest finished"); i >= 0 && lines[i]["done"] != 6.0 {
		t.Errorf("finished line %v, want done=6", lines[i])
	}
	dlPath := filepath.Join(dir, "dead-letter.jsonl")
	if i := index("invalid posting dead-lettered; the others go to the same file"); i >= 0 && lines[i]["dead_letter_file"] != dlPath {
		t.Errorf("first dead letter line %v, want the path %s", lines[i], dlPath)
	}
	if i := index("invalid postings were dead-lettered"); i >= 0 && (lines[i]["count"] != 2.0 || lines[i]["dead_letter_file"] != dlPath) {
		t.Errorf("dead-letter summary %v", lines[i])
	}
	today := time.Now().UTC().Format(time.DateOnly)
	if i := index("postings without posted_at were dated at ingest (posted_at_estimated=true in the store)"); i >= 0 &&
		(lines[i]["count"] != 1.0 || lines[i]["level"] != "WARN" || lines[i]["date_used"] != today) {
		t.Errorf("assumed-date summary %v, want count 1 dated %s", lines[i], today)
	}
	store, err := localstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	guessed := map[string]bool{}
	if err := store.Each(func(a *analyzer.Analysis) error { guessed[a.ID] = a.DateGuessed; return nil }); err != nil {
		t.Fatal(err)
	}
	if len(guessed) != 4 || !guessed["41230003"] || guessed["41230001"] {
		t.Errorf("stored posted_at_estimated by id: %v, want only 41230003 of 4", guessed)
	}
}
