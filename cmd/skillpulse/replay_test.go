package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/skillpulse/skillpulse/worker/ingest"
)

// resetReplayFlags puts the replay command's flags back to their
// defaults: the root command, and its flags, outlive one Execute.
func resetReplayFlags(t *testing.T) {
	t.Helper()
	cmd, _, err := root.Find([]string{"replay"})
	if err != nil {
		t.Fatal(err)
	}
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if s, ok := f.Value.(pflag.SliceValue); ok {
			s.Replace(nil)
		} else if err := f.Value.Set(f.DefValue); err != nil {
			t.Fatal(err)
		}
		f.Changed = false
	})
}

func TestReplayGroup(t *testing.T) {
	cases := []struct {
		classes []string
		want    string
	}{
		{nil, "skillpulse-replay"},
		{[]string{"rejected_by_index"}, "skillpulse-replay-rejected_by_index"},
		// One set of classes, one group, however it is spelled.
		{[]string{"too_large", " rejected_by_index", "too_large", ""}, "skillpulse-replay-rejected_by_index+too_large"},
	}
	for _, c := range cases {
		if got := replayGroup("skillpulse", splitClasses(c.classes)); got != c.want {
			t.Errorf("replayGroup(%q) = %q, want %q", c.classes, got, c.want)
		}
	}
}

// The file mode end to end through the command line: a dead-letter file
// written by the embedded default's sink becomes a postings file that
// run --input reads, and a dry run lists without writing.
func TestReplayCommandFile(t *testing.T) {
	dir := t.TempDir()
	dlPath, outPath := filepath.Join(dir, "dead-letter.jsonl"), filepath.Join(dir, "replay.jsonl")
	rejected := `{"id":"1","source":"jb","title":"Cook","description":"Meals."}`
	sink := &ingest.FileDeadLetters{Path: dlPath}
	err := sink.DeadLetter(context.Background(), []ingest.DeadLetter{
		{Raw: []byte(rejected + "\n"), Class: "rejected_by_index", Reason: "cluster_block_exception", Size: len(rejected) + 1, Origin: "in.jsonl:1"},
		{Raw: []byte(`{"id":"2","de`), Class: "invalid_json", Reason: "line longer than 4194304 bytes", Size: 13, Truncated: true, Origin: "in.jsonl:2"},
		{Raw: []byte(`{"id":"3","source":"jb","description":"d"}`), Class: "validation", Field: "title", Reason: "title: is required", Size: 41, Origin: "in.jsonl:3"},
	})
	if err != nil {
		t.Fatal(err)
	}

	t.Cleanup(func() { resetReplayFlags(t) })
	stdout, _ := runCmd(t, "replay", "--file", dlPath, "--class", "rejected_by_index", "--dry-run")
	if !strings.Contains(stdout, "would_replay\t"+dlPath+":1\trejected_by_index\tfrom in.jsonl:1") ||
		!strings.Contains(stdout, "skipped_truncated\t"+dlPath+":2") || !strings.Contains(stdout, "skipped_class\t"+dlPath+":3") {
		t.Errorf("dry run listed:\n%s", stdout)
	}
	if _, err := os.Stat(outPath); !os.IsNotExist(err) {
		t.Errorf("dry run wrote %s", outPath)
	}

	resetReplayFlags(t)
	stdout, _ = runCmd(t, "replay", "--file", dlPath, "--class", "rejected_by_index", "--out", outPath)
	b, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != rejected+"\n" || stdout != "" {
		t.Errorf("--out holds %q and stdout %q, want the rejected posting alone in the file", b, stdout)
	}

	resetReplayFlags(t)
	stdout, _ = runCmd(t, "replay", "--file", dlPath)
	if want := rejected + "\n" + `{"id":"3","source":"jb","description":"d"}` + "\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
}
