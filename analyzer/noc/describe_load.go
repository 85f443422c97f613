package noc

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// LoadDescriptions reads reference texts about unit groups, each file's
// kind told by its header: the NOC 2021 structure CSV (its unit group
// class definitions), the noc.json of unit groups with a description,
// OaSIS lead statements or main duties (profile code, text), O*NET task
// statements or occupation descriptions (tab-separated, O*NET-SOC code),
// which reach a unit group through the crosswalks: only occupations most
// crosswalks map to one unit group teach (as for the O*NET titles).
func LoadDescriptions(paths []string, crosswalks ...string) ([]GroupText, error) {
	load()
	var onet map[string]string
	var out []GroupText
	for _, p := range paths {
		var err error
		if strings.EqualFold(filepath.Ext(p), ".json") {
			out, err = readNOCJSON(p, out)
		} else {
			if onet == nil && len(crosswalks) > 0 {
				if onet, err = onetUnitGroups(crosswalks); err != nil {
					return nil, err
				}
			}
			out, err = readDescriptionTable(p, onet, out)
		}
		if err != nil {
			return nil, fmt.Errorf("occupation descriptions: %w", err)
		}
	}
	return out, nil
}

// readNOCJSON reads {"nocs": [{"noc_code", "description"}]}.
func readNOCJSON(path string, out []GroupText) ([]GroupText, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return out, err
	}
	var doc struct {
		NOCs []struct {
			Code        string `json:"noc_code"`
			Description string `json:"description"`
		} `json:"nocs"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return out, fmt.Errorf("%s: %w", path, err)
	}
	for _, n := range doc.NOCs {
		if _, ok := groups[n.Code]; ok && n.Description != "" {
			out = append(out, GroupText{Code: n.Code, Text: n.Description, Source: "noc"})
		}
	}
	return out, nil
}

// readDescriptionTable reads a CSV or tab-separated table of texts.
func readDescriptionTable(path string, onet map[string]string, out []GroupText) ([]GroupText, error) {
	f, err := os.Open(path)
	if err != nil {
		return out, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord, cr.LazyQuotes = -1, true
	if strings.HasSuffix(strings.ToLower(path), ".txt") || strings.HasSuffix(strings.ToLower(path), ".tsv") {
		cr.Comma = '\t'
	}
	header, err := cr.Read()
	if err != nil {
		return out, fmt.Errorf("%s: read header: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	// code column, text column, and how a code becomes a unit group.
	var codeCol, textCol int
	level5, kind := -1, "noc"
	pick := func(code, text string) bool {
		c, ok1 := col[code]
		t, ok2 := col[text]
		codeCol, textCol = c, t
		return ok1 && ok2
	}
	switch {
	case pick("code - noc 2021 v1.0", "class definition"):
		level5 = col["level"]
	case pick("oasis profile code", "lead statement"), pick("oasis profile code", "main duties"):
		kind = "oasis"
	case pick("o*net-soc code", "task"), pick("o*net-soc code", "description"):
		kind = "onet"
		if onet == nil {
			return out, fmt.Errorf("%s: O*NET texts need the crosswalks", path)
		}
	default:
		return out, fmt.Errorf("%s: unknown description table: want the NOC structure, OaSIS lead statements or main duties, or O*NET tasks or occupation data", path)
	}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, fmt.Errorf("%s: %w", path, err)
		}
		if codeCol >= len(row) || textCol >= len(row) {
			continue
		}
		if level5 >= 0 && (level5 >= len(row) || strings.TrimSpace(row[level5]) != "5") {
			continue
		}
		code, text := strings.TrimSpace(row[codeCol]), strings.TrimSpace(row[textCol])
		source := kind
		switch {
		case kind == "onet":
			source, code = "onet:"+code, onet[code]
		case len(code) > 5: // OaSIS profile 41200.01 of unit group 41200
			code = code[:5]
		}
		if _, ok := groups[code]; ok && text != "" {
			out = append(out, GroupText{Code: code, Text: text, Source: source})
		}
	}
}

// onetUnitGroups maps each O*NET-SOC code to the unit group most of the
// crosswalks name for it, when that is one group.
func onetUnitGroups(crosswalks []string) (map[string]string, error) {
	votes, err := crosswalkVotes(crosswalks)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for o, v := range votes {
		most := 0
		var best []string
		for c, n := range v {
			switch {
			case n > most:
				most, best = n, []string{c}
			case n == most:
				best = append(best, c)
			}
		}
		slices.Sort(best)
		if len(best) == 1 {
			out[o] = best[0]
		}
	}
	return out, nil
}

// SourcedCase is a test case with where its description came from
// ("onet:11-1011.00").
type SourcedCase struct {
	Case
	Source string
}

// ONetDescribedCases are O*NET's alternate and short titles with their
// occupation's description (O*NET "Occupation Data.txt") as the
// description, for the occupations most crosswalks map to one unit group:
// a real-looking title with a posting-like text about the work.
func ONetDescribedCases(altTitles, occupationData string, crosswalks ...string) ([]SourcedCase, error) {
	onet, err := onetUnitGroups(crosswalks)
	if err != nil {
		return nil, err
	}
	desc := map[string]string{}
	if err := eachTabRow(occupationData, func(row []string) {
		if len(row) >= 3 {
			desc[strings.TrimSpace(row[0])] = strings.TrimSpace(row[2])
		}
	}); err != nil {
		return nil, err
	}
	var out []SourcedCase
	err = eachTabRow(altTitles, func(row []string) {
		if len(row) < 3 {
			return
		}
		o := strings.TrimSpace(row[0])
		code, d := onet[o], desc[o]
		if code == "" || d == "" {
			return
		}
		for _, text := range row[1:3] {
			if text = strings.TrimSpace(text); text != "" && text != "n/a" {
				out = append(out, SourcedCase{Case{Title: text, Code: code, Lang: "en", Description: d}, "onet:" + o})
			}
		}
	})
	return out, err
}

// eachTabRow calls fn with each row of a tab-separated file after its
// header.
func eachTabRow(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord = '\t', true, -1
	if _, err := cr.Read(); err != nil {
		return fmt.Errorf("%s: read header: %w", path, err)
	}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		fn(row)
	}
}
