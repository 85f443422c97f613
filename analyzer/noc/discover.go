package noc

import (
	"os"
	"path/filepath"
	"slices"
)

// Sources are the reference files a coder learns from besides its title
// indexes: O*NET alternate titles and the crosswalks that map them to
// unit groups, and the texts its description model reads.
type Sources struct {
	ONetTitles   string
	Crosswalks   []string
	Descriptions []string
}

// The public files' own names, as their publishers release them.
const onetTitlesName = "Alternate Titles.txt"

var (
	crosswalkNames   = []string{"noc2021_onet26.csv", "bcgov_onet_to_noc2021_mapping_v3.csv"}
	descriptionNames = []string{"noc_structure_en.csv", "lead-statement_oasis_*.csv", "main-duties_oasis*.csv"}
	// Task statements need the crosswalks, as the alternate titles do.
	onetTextNames = []string{"Task Statements.txt"}
)

// Discover finds, beside the given title index files, the other public
// reference files of the same release: in each index's directory, its
// parent, and the parent's other directories (the layout of a download
// of each source into a folder of its own). A user who points skillpulse
// at the NOC index of such a tree gets a coder that also learns O*NET's
// titles and the reference texts, the coder every figure was measured
// with; one that sets any of these explicitly keeps what it set.
func Discover(indexes []string) Sources {
	var dirs []string
	for _, p := range indexes {
		d := filepath.Dir(p)
		for _, dir := range []string{d, filepath.Dir(d)} {
			if !slices.Contains(dirs, dir) {
				dirs = append(dirs, dir)
			}
		}
	}
	find := func(pattern string) []string {
		var out []string
		for _, d := range dirs {
			for _, glob := range []string{filepath.Join(d, pattern), filepath.Join(d, "*", pattern)} {
				m, _ := filepath.Glob(glob)
				for _, f := range m {
					if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() && !slices.Contains(out, f) {
						out = append(out, f)
					}
				}
			}
		}
		slices.Sort(out)
		return out
	}
	var s Sources
	for _, n := range crosswalkNames {
		s.Crosswalks = append(s.Crosswalks, find(n)...)
	}
	for _, n := range descriptionNames {
		s.Descriptions = append(s.Descriptions, find(n)...)
	}
	if len(s.Crosswalks) == 0 {
		return s
	}
	if t := find(onetTitlesName); len(t) > 0 {
		s.ONetTitles = t[0]
	}
	for _, n := range onetTextNames {
		s.Descriptions = append(s.Descriptions, find(n)...)
	}
	return s
}
