package sample

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata golden files")

// TestGolden pins the first postings of the default sample. It fails when
// a change to the generator or its data alters the bundled sample; if the
// change is intended, rerun with -update and review the diff.
func TestGolden(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Count = 12
	var out, truth bytes.Buffer
	if err := WriteJSONLWithTruth(&out, &truth, cfg); err != nil {
		t.Fatal(err)
	}
	check(t, "seed1_first12.jsonl", out.Bytes())
	check(t, "seed1_first12.truth.jsonl", truth.Bytes())
}

func check(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; rerun with -update if the change is intended", name)
	}
}
