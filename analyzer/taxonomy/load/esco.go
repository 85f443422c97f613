// Package load reads skill taxonomies in their public formats — ESCO CSV,
// O*NET text files — and resolves taxonomy specs ("builtin",
// "esco:PATH", "onet:PATH", "custom:PATH") for the command line and the
// configuration.
package load

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

var versionRe = regexp.MustCompile(`v\d+\.\d+(\.\d+)?`)

func versionOf(path, def string) string {
	if v := versionRe.FindString(path); v != "" {
		return v
	}
	return def
}

// ESCO reads ESCO's skills_<lang>.csv; frPath, when not empty, adds the
// French labels of the same concepts (joined by conceptUri): a
// skills_fr.csv, or a directory whose French skill files (skills_fr.csv
// and the *SkillsCollection_fr.csv of later releases, which carry
// alternative labels) are all read, in any subdirectory.
func ESCO(enPath, frPath string) (*taxonomy.Taxonomy, error) {
	f, err := os.Open(enPath)
	if err != nil {
		return nil, fmt.Errorf("open ESCO skills: %w", err)
	}
	defer f.Close()
	entries, err := parseESCO(f, "en", nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", enPath, err)
	}
	if frPath != "" {
		files, err := frenchFiles(frPath)
		if err != nil {
			return nil, err
		}
		for _, p := range files {
			if err := addLabels(p, entries); err != nil {
				return nil, err
			}
		}
	}
	addAliases(entries, escoAliasesTSV)
	foldLanguageSkills(entries)
	return taxonomy.New("esco", versionOf(enPath, "unknown"), entries)
}

func addLabels(path string, entries []taxonomy.Entry) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open ESCO French skills: %w", err)
	}
	defer f.Close()
	if _, err := parseESCO(f, "fr", entries); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// frenchFiles lists the French skill label files at path: the file
// itself, or every skills_fr.csv and *SkillsCollection_fr.csv below the
// directory, in lexical order so that loading is deterministic.
func frenchFiles(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("ESCO French labels: %w", err)
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if !d.IsDir() && (name == "skills_fr.csv" || strings.HasSuffix(name, "SkillsCollection_fr.csv")) {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ESCO French labels: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("ESCO French labels: no skills_fr.csv or *SkillsCollection_fr.csv under %s", path)
	}
	return out, nil
}

// ParseESCO reads one ESCO skills CSV in lang.
func ParseESCO(r io.Reader, lang string) (*taxonomy.Taxonomy, error) {
	entries, err := parseESCO(r, lang, nil)
	if err != nil {
		return nil, err
	}
	return taxonomy.New("esco", "unknown", entries)
}

// parseESCO reads rows into entries; with existing entries (another
// language), it adds labels to the matching concept URIs instead.
func parseESCO(r io.Reader, lang string, existing []taxonomy.Entry) ([]taxonomy.Entry, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, need := range []string{"conceptUri", "preferredLabel"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("not an ESCO skills file: no %s column", need)
		}
	}
	get := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return row[i]
		}
		return ""
	}
	index := map[string]int{}
	for i := range existing {
		index[existing[i].ID] = i
	}
	entries := existing
	for line := 2; ; line++ {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		uri, pref := strings.TrimSpace(get(row, "conceptUri")), strings.TrimSpace(get(row, "preferredLabel"))
		if uri == "" || pref == "" || strings.EqualFold(get(row, "status"), "obsolete") {
			continue
		}
		labels := []taxonomy.Label{{Text: pref, Lang: lang, Kind: taxonomy.Preferred}}
		for _, a := range split(get(row, "altLabels")) {
			labels = append(labels, taxonomy.Label{Text: a, Lang: lang, Kind: taxonomy.Alternative})
		}
		for _, h := range split(get(row, "hiddenLabels")) {
			labels = append(labels, taxonomy.Label{Text: h, Lang: lang, Kind: taxonomy.Hidden})
		}
		if existing != nil {
			if i, ok := index[uri]; ok {
				entries[i].Labels = mergeLabels(entries[i].Labels, labels)
			}
			continue
		}
		entries = append(entries, taxonomy.Entry{ID: uri, Label: pref, Type: escoType(get(row, "skillType"), get(row, "reuseLevel")), Labels: labels})
	}
	return entries, nil
}

// mergeLabels adds labels another file gives the same concept: a label
// already there (same language, same text up to case) is not repeated,
// and a second preferred label in a language becomes an alternative.
func mergeLabels(have, add []taxonomy.Label) []taxonomy.Label {
	for _, l := range add {
		dup, pref := false, false
		for _, h := range have {
			if h.Lang != l.Lang {
				continue
			}
			dup = dup || strings.EqualFold(h.Text, l.Text)
			pref = pref || h.Kind == taxonomy.Preferred
		}
		if dup {
			continue
		}
		if l.Kind == taxonomy.Preferred && pref {
			l.Kind = taxonomy.Alternative
		}
		have = append(have, l)
	}
	return have
}

func escoType(skillType, reuse string) taxonomy.Type {
	switch {
	case strings.EqualFold(reuse, "transversal"):
		return taxonomy.Transversal
	case strings.EqualFold(skillType, "knowledge"):
		return taxonomy.Knowledge
	default:
		return taxonomy.Skill
	}
}

// split reads ESCO's newline-separated label lists.
func split(s string) []string {
	var out []string
	for _, x := range strings.Split(s, "\n") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// escoFiles resolves a spec path "EN[,FR]": EN is the English skills file
// or the directory holding it; FR, when given, is a French skills file or
// a directory of them (such as ../shared/data/taxonomy/esco_fr). Without
// FR, a skills_fr.csv beside the English file is used.
func escoFiles(spec string) (en, fr string, err error) {
	path, frPath, hasFR := strings.Cut(spec, ",")
	if hasFR {
		if frPath = strings.TrimSpace(frPath); frPath == "" {
			return "", "", fmt.Errorf("ESCO taxonomy %q: empty French path after the comma", spec)
		}
		if _, err := os.Stat(frPath); err != nil {
			return "", "", fmt.Errorf("ESCO French labels: %w", err)
		}
	}
	st, err := os.Stat(path)
	if err != nil {
		return "", "", fmt.Errorf("ESCO taxonomy: %w", err)
	}
	en = path
	if st.IsDir() {
		en = filepath.Join(path, "skills_en.csv")
	}
	if hasFR {
		return en, frPath, nil
	}
	if cand := filepath.Join(filepath.Dir(en), "skills_fr.csv"); fileExists(cand) {
		fr = cand
	}
	return en, fr, nil
}

func fileExists(p string) bool { st, err := os.Stat(p); return err == nil && !st.IsDir() }
