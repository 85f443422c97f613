// Package builtin is skillpulse's built-in skill taxonomy, authored for
// Canadian postings: transversal skills and languages in English and
// French, common software and certifications, and the occupational skills
// of the most posted NOC 2021 unit groups and of health information
// management (12111). The YAML files are split by theme so a reviewer can
// read and extend one trade at a time.
package builtin

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"sync"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

//go:embed *.yaml
var files embed.FS

// Name and Version identify the built-in taxonomy in every extracted skill.
const (
	Name    = "skillpulse-builtin"
	Version = "2026.11"
)

var (
	once    sync.Once
	cached  *taxonomy.Taxonomy
	loadErr error
)

// Load returns the built-in taxonomy, parsed from the embedded files on
// first use and shared afterwards; callers must not modify it.
func Load() (*taxonomy.Taxonomy, error) {
	once.Do(func() { cached, loadErr = parse(files) })
	return cached, loadErr
}

// parse merges every YAML file of fsys into one taxonomy. A skill id in two
// files is an error rather than a silent override: the files are edited
// independently and a clash is almost always a copy-paste mistake.
func parse(fsys fs.FS) (*taxonomy.Taxonomy, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list built-in taxonomy files: %w", err)
	}
	sort.Strings(names)
	var entries []taxonomy.Entry
	fileOf := map[string]string{}
	for _, name := range names {
		part, err := parseFile(fsys, name)
		if err != nil {
			return nil, err
		}
		for _, e := range part.Entries {
			if other, dup := fileOf[e.ID]; dup {
				return nil, fmt.Errorf("built-in taxonomy: skill %q defined in both %s and %s", e.ID, other, name)
			}
			fileOf[e.ID] = name
			entries = append(entries, e)
		}
	}
	tax, err := taxonomy.New(Name, Version, entries)
	if err != nil {
		return nil, fmt.Errorf("built-in taxonomy: %w", err)
	}
	return tax, nil
}

func parseFile(fsys fs.FS, name string) (*taxonomy.Taxonomy, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open built-in taxonomy %s: %w", name, err)
	}
	defer f.Close()
	t, err := taxonomy.ParseCustomYAML(f)
	if err != nil {
		return nil, fmt.Errorf("built-in taxonomy %s: %w", name, err)
	}
	return t, nil
}
