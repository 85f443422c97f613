package taxonomy

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// customFile is the custom YAML format, also used by the built-in default:
//
//	name: my-taxonomy
//	version: "1"
//	skills:
//	  - id: communication
//	    type: transversal
//	    en: [communication skills, communication]   # first is preferred
//	    fr: [compétences en communication]
//	    context: [programming]                       # optional, see Entry.Context
//	    noc: ["12111"]                               # optional, see Entry.NOC
type customFile struct {
	Name    string        `yaml:"name"`
	Version string        `yaml:"version"`
	Skills  []customSkill `yaml:"skills"`
}

type customSkill struct {
	ID      string   `yaml:"id"`
	Type    string   `yaml:"type"`
	EN      []string `yaml:"en"`
	FR      []string `yaml:"fr"`
	Context []string `yaml:"context"`
	NOC     []string `yaml:"noc"`
}

// ParseCustomYAML reads the custom YAML format.
func ParseCustomYAML(r io.Reader) (*Taxonomy, error) {
	var f customFile
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("parse custom taxonomy YAML: %w", err)
	}
	if f.Name == "" {
		f.Name = "custom"
	}
	entries := make([]Entry, 0, len(f.Skills))
	for i, s := range f.Skills {
		if len(s.EN) == 0 && len(s.FR) == 0 {
			return nil, fmt.Errorf("custom taxonomy: skill %d (%q) has no labels", i, s.ID)
		}
		typ := Type(strings.ToLower(s.Type))
		if typ == "" {
			typ = Skill
		}
		if !ValidType(typ) {
			return nil, fmt.Errorf("custom taxonomy: skill %q has unknown type %q", s.ID, s.Type)
		}
		e := Entry{ID: s.ID, Type: typ, Context: s.Context, NOC: s.NOC}
		e.Labels = append(e.Labels, langLabels(s.EN, "en")...)
		e.Labels = append(e.Labels, langLabels(s.FR, "fr")...)
		if len(s.EN) > 0 {
			e.Label = s.EN[0]
		}
		entries = append(entries, e)
	}
	return New(f.Name, f.Version, entries)
}

func langLabels(texts []string, lang string) []Label {
	out := make([]Label, 0, len(texts))
	for i, t := range texts {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		kind := Alternative
		if i == 0 {
			kind = Preferred
		}
		out = append(out, Label{Text: t, Lang: lang, Kind: kind})
	}
	return out
}

// ParseCustomCSV reads a CSV with a header row and columns id, label, type,
// alt_labels ("|"-separated), and optionally lang (default en), context
// ("|"-separated). Rows with the same id add labels in another language.
func ParseCustomCSV(r io.Reader) (*Taxonomy, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("custom taxonomy CSV header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"id", "label"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("custom taxonomy CSV: missing column %q", need)
		}
	}
	get := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	var entries []Entry
	index := map[string]int{}
	for line := 2; ; line++ {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("custom taxonomy CSV line %d: %w", line, err)
		}
		id, label := get(row, "id"), get(row, "label")
		if id == "" || label == "" {
			return nil, fmt.Errorf("custom taxonomy CSV line %d: id and label are required", line)
		}
		lang := get(row, "lang")
		if lang == "" {
			lang = "en"
		}
		texts := append([]string{label}, splitAlt(get(row, "alt_labels"), "|")...)
		i, seen := index[id]
		if !seen {
			typ := Type(strings.ToLower(get(row, "type")))
			if typ == "" {
				typ = Skill
			}
			if !ValidType(typ) {
				return nil, fmt.Errorf("custom taxonomy CSV line %d: unknown type %q", line, typ)
			}
			entries = append(entries, Entry{ID: id, Type: typ, Context: splitAlt(get(row, "context"), "|")})
			i = len(entries) - 1
			index[id] = i
		}
		if lang == "en" && entries[i].Label == "" {
			entries[i].Label = label
		}
		entries[i].Labels = append(entries[i].Labels, langLabels(texts, lang)...)
	}
	return New("custom", "", entries)
}

// LoadCustom reads a custom taxonomy file, YAML or CSV by extension.
func LoadCustom(path string) (*Taxonomy, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open custom taxonomy: %w", err)
	}
	defer f.Close()
	var t *Taxonomy
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		t, err = ParseCustomCSV(f)
	default:
		t, err = ParseCustomYAML(f)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if t.Name == "custom" {
		t.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	return t, nil
}
