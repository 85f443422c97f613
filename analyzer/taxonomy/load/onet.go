package load

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// ONet reads O*NET's "Technology Skills.txt": each distinct Example
// (case-insensitively) is one software skill.
func ONet(path string) (*taxonomy.Taxonomy, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open O*NET technology skills: %w", err)
	}
	defer f.Close()
	t, err := ParseONetTechnology(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if v := versionRe.FindString(strings.ReplaceAll(path, "onet_", "v")); v != "" {
		t.Version = strings.TrimPrefix(v, "v")
	}
	return t, nil
}

// ParseONetTechnology reads the tab-separated file (BOM and CRLF allowed).
func ParseONetTechnology(r io.Reader) (*taxonomy.Taxonomy, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	if !sc.Scan() {
		return nil, fmt.Errorf("empty O*NET file")
	}
	header := strings.Split(strings.TrimRight(strings.TrimPrefix(sc.Text(), "\ufeff"), "\r"), "\t")
	ex := -1
	for i, h := range header {
		if strings.TrimSpace(h) == "Example" {
			ex = i
		}
	}
	if ex < 0 {
		return nil, fmt.Errorf("not an O*NET Technology Skills file: no Example column")
	}
	seen := map[string]bool{}
	var entries []taxonomy.Entry
	for sc.Scan() {
		cols := strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t")
		if ex >= len(cols) {
			continue
		}
		name := strings.TrimSpace(cols[ex])
		id := "onet:" + slug(name)
		if name == "" || seen[id] {
			continue
		}
		seen[id] = true
		entries = append(entries, taxonomy.Entry{ID: id, Label: name, Type: taxonomy.Software,
			Labels: []taxonomy.Label{{Text: name, Lang: "en", Kind: taxonomy.Preferred}}})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return taxonomy.New("onet", "unknown", entries)
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '+', r == '#':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
