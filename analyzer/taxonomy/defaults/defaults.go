// Package defaults is skillpulse's built-in skill taxonomy, authored for
// Canadian postings: transversal skills and languages (English and
// French), common software and certifications, and the occupational
// skills of the most posted NOC 2021 unit groups and of health information
// management (12111). It is small enough to read and to extend.
package defaults

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
	once   sync.Once
	cached *taxonomy.Taxonomy
	err    error
)

// Load parses the embedded YAML files into one taxonomy (once).
func Load() (*taxonomy.Taxonomy, error) {
	once.Do(func() { cached, err = load() })
	return cached, err
}

func load() (*taxonomy.Taxonomy, error) {
	names, err := fs.Glob(files, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var entries []taxonomy.Entry
	seen := map[string]string{}
	for _, n := range names {
		f, err := files.Open(n)
		if err != nil {
			return nil, err
		}
		t, err := taxonomy.ParseCustomYAML(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("built-in taxonomy %s: %w", n, err)
		}
		for _, e := range t.Entries {
			if other, dup := seen[e.ID]; dup {
				return nil, fmt.Errorf("built-in taxonomy: skill %q in both %s and %s", e.ID, other, n)
			}
			seen[e.ID] = n
			entries = append(entries, e)
		}
	}
	return taxonomy.New(Name, Version, entries)
}
