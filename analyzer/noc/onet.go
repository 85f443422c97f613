package noc

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// LoadONetTitles reads O*NET's "Alternate Titles.txt" (O*NET-SOC code,
// alternate title, short title, sources; tab-separated) and keeps the
// titles of the O*NET occupations every given NOC–O*NET crosswalk maps to
// one and the same NOC 2021 unit group: an occupation split over several
// unit groups says nothing certain about any of them. Short titles ("RN")
// count as titles of their own.
func LoadONetTitles(altTitles string, crosswalks ...string) ([]Title, error) {
	to := map[string]map[string]bool{} // O*NET-SOC code -> unit groups
	for _, p := range crosswalks {
		if err := readCrosswalk(p, to); err != nil {
			return nil, err
		}
	}
	f, err := os.Open(altTitles)
	if err != nil {
		return nil, fmt.Errorf("open O*NET titles: %w", err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord = '\t', true, -1
	if _, err := cr.Read(); err != nil {
		return nil, fmt.Errorf("%s: read header: %w", altTitles, err)
	}
	var out []Title
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", altTitles, err)
		}
		if len(row) < 3 {
			continue
		}
		nocs := to[strings.TrimSpace(row[0])]
		if len(nocs) != 1 {
			continue
		}
		var code string
		for c := range nocs {
			code = c
		}
		for _, text := range row[1:3] {
			if text = strings.TrimSpace(text); text != "" && text != "n/a" {
				out = append(out, Title{Code: code, Text: text, Lang: "en"})
			}
		}
	}
}

// readCrosswalk adds the O*NET → NOC 2021 pairs of a crosswalk: the
// ESDC one (noc, noc_title, onet, onet_title) or the BC government one
// (onet_soc_code, …, noc_2021, …), told apart by header.
func readCrosswalk(path string, to map[string]map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open crosswalk: %w", err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s: read header: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	onetCol, nocCol := -1, -1
	for _, names := range [][2]string{{"onet", "noc"}, {"onet_soc_code", "noc_2021"}} {
		o, ok1 := col[names[0]]
		n, ok2 := col[names[1]]
		if ok1 && ok2 {
			onetCol, nocCol = o, n
			break
		}
	}
	if onetCol < 0 {
		return fmt.Errorf("%s: unknown crosswalk: want onet/noc or onet_soc_code/noc_2021 columns", path)
	}
	load()
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if onetCol >= len(row) || nocCol >= len(row) {
			continue
		}
		code := fmt.Sprintf("%05s", strings.TrimSpace(row[nocCol]))
		if _, ok := groups[code]; !ok {
			continue
		}
		o := strings.TrimSpace(row[onetCol])
		if to[o] == nil {
			to[o] = map[string]bool{}
		}
		to[o][code] = true
	}
}

// ONetWeight is how much a crosswalked O*NET title counts against an
// index title when both train a coder: O*NET titles are American and
// their unit group comes through a crosswalk, but they are worded the way
// people report their jobs. Set by the held-out evaluation (see README).
const ONetWeight = 0.3

// Weighted is titles with the given weight.
func Weighted(titles []Title, w float32) []Title {
	out := make([]Title, len(titles))
	for i, t := range titles {
		t.Weight = w
		out[i] = t
	}
	return out
}
