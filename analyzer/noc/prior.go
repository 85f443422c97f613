package noc

import (
	"bufio"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
)

// The coder's prior is how common an occupation is where people work, not
// how many titles the index lists for it (the index spells out hundreds of
// machine tenders and few cashiers). The honest public measure at hand is
// how many of the economic regions of ESDC's Job Bank wage tables publish
// a wage for the unit group: a wage is published where the survey finds
// enough workers, so cashiers, cooks and truck drivers have one in 84 to
// 86 regions, bus drivers in 49, instructors of persons with disabilities
// in 21, legislators in none. commonness.tsv holds those counts, written by
// `skillpulse eval --only occupations --write-prior analyzer/noc`.
//
//go:embed commonness.tsv
var commonnessTSV string

// priorWeight scales the log prior against the title evidence, set on the
// held-out evaluation. Its sets are drawn from the index, not from the
// workforce, so they mostly say what the prior costs: 0.5 to 2 leave first
// answers within ±0.3 points of none on every set (3: −0.5 on the index
// titles, 5: −0.8, 8: −1.7), and with the calibration refitted 2 did a
// little better than 1 (−0.2 to +0.4 points classified right per set, +0.1
// to +0.6 at major group). It decides between groups a generic
// title leaves open ("labourer", "éducatrice", "engineer") and, being part
// of the posterior, lets an answer for a common group be surer.
const priorWeight = 2

// priorSmoothing keeps groups without a published wage (69, rare or new in
// NOC 2021) from being ruled out.
const priorSmoothing = 5

// commonness is the number of wage regions per unit group.
func commonness() map[string]int {
	out := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(commonnessTSV))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		code, n, ok := strings.Cut(line, "\t")
		if v, err := strconv.Atoi(n); ok && err == nil {
			out[code] = v
		}
	}
	return out
}

// newPrior is the log prior of each class, 0 for the commonest.
func newPrior(codes []string) []float32 {
	counts := commonness()
	most := 0
	for _, n := range counts {
		most = max(most, n)
	}
	prior := make([]float32, len(codes))
	for k, code := range codes {
		prior[k] = float32(priorWeight * math.Log(float64(counts[code]+priorSmoothing)/float64(most+priorSmoothing)))
	}
	return prior
}

// addPrior adds the class prior to the unit group scores.
func (c *Coder) addPrior(scores []float32) {
	for k, p := range c.prior {
		scores[k] += p
	}
}

// WageRegions counts, per NOC 2021 unit group, the regions with a published
// wage in an ESDC Job Bank wage table by economic region (the WageCAN
// merge: columns ER_Code, NOC_2021 and Median_Wage_<year>).
func WageRegions(path string) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("wage regions: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("wage regions: header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	region, okR := col["ER_Code"]
	code, okC := col["NOC_2021"]
	if !okR || !okC {
		return nil, errors.New("wage regions: no ER_Code or NOC_2021 column")
	}
	var wages []int
	for h, i := range col {
		if strings.HasPrefix(h, "Median_Wage_") {
			wages = append(wages, i)
		}
	}
	seen := map[[2]string]bool{}
	out := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("wage regions: %w", err)
		}
		published := false
		for _, i := range wages {
			published = published || (i < len(rec) && strings.TrimSpace(rec[i]) != "")
		}
		key := [2]string{rec[code], rec[region]}
		if !published || seen[key] {
			continue
		}
		seen[key] = true
		out[rec[code]]++
	}
	return out, nil
}

// WriteCommonness writes counts as commonness.tsv.
func WriteCommonness(w io.Writer, counts map[string]int) error {
	codes := make([]string, 0, len(counts))
	for c := range counts {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var b strings.Builder
	b.WriteString("# unit group, economic regions with a published Job Bank wage; written by `skillpulse eval --only occupations --write-prior DIR`\n")
	for _, c := range codes {
		fmt.Fprintf(&b, "%s\t%d\n", c, counts[c])
	}
	_, err := io.WriteString(w, b.String())
	return err
}
