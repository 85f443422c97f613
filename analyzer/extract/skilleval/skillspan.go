package skilleval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// LoadSkillSpanPostings rebuilds the SkillSpan postings (sentences grouped
// by source and idx, one sentence per line) from the JSON-lines splits in
// dir. They are real posting text, which is what throughput is measured on.
func LoadSkillSpanPostings(dir string) ([]string, error) {
	var out []string
	for _, split := range []string{"train.json", "dev.json", "test.json"} {
		f, err := os.Open(filepath.Join(dir, split))
		if err != nil {
			return nil, fmt.Errorf("open SkillSpan: %w", err)
		}
		type key struct {
			source string
			idx    int
		}
		index := map[key]int{}
		var docs []*strings.Builder
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var s struct {
				Idx    int      `json:"idx"`
				Tokens []string `json:"tokens"`
				Source string   `json:"source"`
			}
			if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s: %w", split, err)
			}
			k := key{s.Source, s.Idx}
			i, ok := index[k]
			if !ok {
				docs = append(docs, &strings.Builder{})
				i = len(docs) - 1
				index[k] = i
			}
			docs[i].WriteString(strings.Join(s.Tokens, " "))
			docs[i].WriteByte('\n')
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", split, err)
		}
		for _, d := range docs {
			out = append(out, d.String())
		}
	}
	return out, nil
}
