package noc

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// crosswalkVotes counts, per O*NET-SOC code, the crosswalks that name
// each unit group for it.
func crosswalkVotes(crosswalks []string) (map[string]map[string]int, error) {
	votes := map[string]map[string]int{}
	for _, p := range crosswalks {
		to := map[string]map[string]bool{}
		if err := readCrosswalk(p, to); err != nil {
			return nil, err
		}
		for o, nocs := range to {
			if votes[o] == nil {
				votes[o] = map[string]int{}
			}
			for c := range nocs {
				votes[o][c]++
			}
		}
	}
	return votes, nil
}

// LoadONetTitles reads O*NET's "Alternate Titles.txt" (O*NET-SOC code,
// alternate title, short title, sources; tab-separated) and gives each
// title the NOC 2021 unit groups the given NOC–O*NET crosswalks map its
// O*NET occupation to. Where the crosswalks disagree, the unit groups most
// of them name win ("Registered Nurses": 31301 in both, 31300 in one
// only); an occupation still split over k unit groups gives each of them
// the title with weight 1/k: the crosswalks say the title is one of them,
// not which. Occupations split over more than maxCrosswalkSplit groups say
// too little and are left out. Titles the crosswalks do not all map to the
// same one unit group are marked Ambiguous. Short titles ("RN") count as
// titles of their own.
func LoadONetTitles(altTitles string, crosswalks ...string) ([]Title, error) {
	votes, err := crosswalkVotes(crosswalks)
	if err != nil {
		return nil, err
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
	type mapping struct {
		codes     []string
		ambiguous bool
	}
	mapped := map[string]mapping{}
	for o, v := range votes {
		most := 0
		for _, n := range v {
			most = max(most, n)
		}
		var m mapping
		for c, n := range v {
			if n == most {
				m.codes = append(m.codes, c)
			}
		}
		slices.Sort(m.codes) // the same titles in the same order on every run
		m.ambiguous = len(v) > 1
		mapped[o] = m
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
		m := mapped[strings.TrimSpace(row[0])]
		if len(m.codes) == 0 || len(m.codes) > maxCrosswalkSplit {
			continue
		}
		w := float32(1) / float32(len(m.codes))
		for _, text := range row[1:3] {
			if text = strings.TrimSpace(text); text != "" && text != "n/a" {
				for _, code := range m.codes {
					out = append(out, Title{Code: code, Text: text, Lang: "en", Weight: w, Ambiguous: m.ambiguous})
				}
			}
		}
	}
}

// maxCrosswalkSplit is the most unit groups an O*NET occupation may be
// split over and still teach the coder. Set on the held-out evaluation:
// titles split over 2 (or up to 6) unit groups at weight 1/k cost 1.3 (or
// 2.9) points of unit group on the O*NET and crosswalk-majority test sets,
// because under the coder's light smoothing a feature seen even with a
// small weight is strong evidence.
const maxCrosswalkSplit = 1

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

// Weighted is titles with their weight (zero meaning one) scaled by w.
func Weighted(titles []Title, w float32) []Title {
	out := make([]Title, len(titles))
	for i, t := range titles {
		if t.Weight <= 0 {
			t.Weight = 1
		}
		t.Weight *= w
		out[i] = t
	}
	return out
}
