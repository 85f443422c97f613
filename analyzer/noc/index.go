package noc

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// LoadIndex reads a title index: the NOC 2021 "All examples.csv"
// (noc_code, type_english, name_english, type_french, name_french) or the
// OaSIS example titles (OaSIS profile code, …, Job title text), detected
// by header.
func LoadIndex(path string) ([]Title, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open title index: %w", err)
	}
	defer f.Close()
	t, err := ReadIndex(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// ReadIndex reads a title index from r.
func ReadIndex(r io.Reader) ([]Title, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	var out []Title
	add := func(code, text, lang string) {
		code, text = strings.TrimSpace(code), strings.TrimSpace(text)
		if len(code) >= 5 && text != "" {
			out = append(out, Title{Code: code[:5], Text: text, Lang: lang})
		}
	}
	_, nocFmt := col["noc_code"]
	_, oasisFmt := col["oasis profile code"]
	if !nocFmt && !oasisFmt {
		return nil, errors.New("unknown title index: want noc_code/name_english or OaSIS profile code/Job title text columns")
	}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(row) {
				return row[i]
			}
			return ""
		}
		if nocFmt {
			code := fmt.Sprintf("%05s", strings.TrimSpace(get("noc_code")))
			add(code, get("name_english"), "en")
			// French names are not aligned row by row with the English
			// ones, but they belong to the same unit group.
			add(code, get("name_french"), "fr")
		} else {
			add(get("oasis profile code"), get("job title text"), "en")
		}
	}
}

// readStructure reads unit group titles (level 5) from the NOC structure CSV.
func readStructure(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	out := map[string]string{}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if len(row) >= 4 && strings.TrimSpace(row[0]) == "5" {
			out[strings.TrimSpace(row[2])] = strings.Join(strings.Fields(row[3]), " ")
		}
	}
}
