package noc

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func touch(t *testing.T, path string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDiscover(t *testing.T) {
	t.Run("a folder per source", func(t *testing.T) {
		root := t.TempDir()
		index := touch(t, filepath.Join(root, "noc", "All examples.csv"))
		titles := touch(t, filepath.Join(root, "onet", "Alternate Titles.txt"))
		tasks := touch(t, filepath.Join(root, "onet", "Task Statements.txt"))
		cw := touch(t, filepath.Join(root, "crosswalks", "noc2021_onet26.csv"))
		lead := touch(t, filepath.Join(root, "oasis", "lead-statement_oasis_2023_v1.0.csv"))
		touch(t, filepath.Join(root, "oasis", "skills_oasis_2023_v1.0.csv"))
		got := Discover([]string{index})
		if got.ONetTitles != titles || !slices.Equal(got.Crosswalks, []string{cw}) || !slices.Equal(got.Descriptions, []string{lead, tasks}) {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("one folder", func(t *testing.T) {
		root := t.TempDir()
		index := touch(t, filepath.Join(root, "All examples.csv"))
		titles := touch(t, filepath.Join(root, "Alternate Titles.txt"))
		cw := touch(t, filepath.Join(root, "bcgov_onet_to_noc2021_mapping_v3.csv"))
		structure := touch(t, filepath.Join(root, "noc_structure_en.csv"))
		got := Discover([]string{index})
		if got.ONetTitles != titles || !slices.Equal(got.Crosswalks, []string{cw}) || !slices.Equal(got.Descriptions, []string{structure}) {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("O*NET needs a crosswalk", func(t *testing.T) {
		root := t.TempDir()
		index := touch(t, filepath.Join(root, "noc", "All examples.csv"))
		touch(t, filepath.Join(root, "onet", "Alternate Titles.txt"))
		touch(t, filepath.Join(root, "onet", "Task Statements.txt"))
		if got := Discover([]string{index}); got.ONetTitles != "" || len(got.Descriptions) != 0 {
			t.Errorf("without a crosswalk: %+v, want nothing", got)
		}
	})
}
