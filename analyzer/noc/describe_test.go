package noc

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/internal/shareddata"
)

func loadDescriptionsTB(tb testing.TB) []GroupText {
	occ := func(parts ...string) string { return shareddata.Require(tb, append([]string{"occupations"}, parts...)...) }
	texts, err := LoadDescriptions([]string{
		occ("noc2021_statcan_esdc", "noc_structure_en.csv"),
		occ("oasis_2023", "lead-statement_oasis_2023_v1.0.csv"),
		occ("oasis_2023", "main-duties_oasis-2023_v1.0.csv"),
		occ("onet_29.2", "Task Statements.txt"),
	}, occ("crosswalks", "noc2021_onet26.csv"), occ("crosswalks", "bcgov_onet_to_noc2021_mapping_v3.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	return texts
}

func floats(env string, def []float32) []float32 {
	s := os.Getenv(env)
	if s == "" {
		return def
	}
	var out []float32
	for _, f := range strings.Split(s, ",") {
		x, _ := strconv.ParseFloat(f, 32)
		out = append(out, float32(x))
	}
	return out
}

func TestDescribeProxy(t *testing.T) {
	if os.Getenv("DESCRIBE_PROXY") == "" {
		t.Skip("set DESCRIBE_PROXY")
	}
	idx, err := LoadIndex(filepath.Join(shareddata.Dir(), "occupations", "noc2021_index_cannocdata", "All examples.csv"))
	if err != nil {
		t.Fatal(err)
	}
	train, noisy := HoldOut(idx)
	titles := append(BuiltinTitles(), train...)
	texts := loadDescriptionsTB(t)
	c := NewCoder(titles, Options{Descriptions: texts})
	cases := QualifierCases(idx)
	t.Logf("title only: %s", Evaluate(c, WithoutDescriptions(cases)))
	distracted := Distracted(noisy, cases)
	t.Logf("noisy title only: %s", Evaluate(c, noisy))
	for _, rw := range floats("RW", []float32{1}) {
		for _, qw := range floats("QW", []float32{2}) {
			titleTextWeight, qualifierTextWeight, referenceTextWeight = 1, qw, rw
			c.describe = newDescriber(c.codes, titles, texts)
			for _, reach := range floats("R", []float32{1e9}) {
				for _, w := range floats("W", []float32{12, 24, 48}) {
					c.opts.DescriptionWeight, descriptionReach = w, reach
					a, d := Evaluate(c, cases), Evaluate(c, distracted)
					t.Logf("rw=%v qw=%v w=%v reach=%v with: %.1f%% / %.1f%%   distracted %.1f%% / %.1f%%", rw, qw, w, reach, 100*a.Accuracy, 100*a.MajorAccuracy, 100*d.Accuracy, 100*d.MajorAccuracy)
				}
			}
		}
	}
	if os.Getenv("SHOW") == "" {
		return
	}
	for _, tc := range [][2]string{{"Manager", "Retail trade"}, {"Owner", "Full-service restaurants"}, {"Driver", "Truck transportation"},
		{"Teacher", "Elementary and secondary schools"}, {"Supervisor", "Food manufacturing"}, {"Clerk", "Hospitals"},
		{"Labourer", "Construction"}, {"Technician", "Computer systems design and related services"}, {"Operator", "Sawmills"},
		{"Assistant", "Offices of dentists"}, {"Manager", "Banking"}, {"Line cook", "Software publishers"}} {
		r := c.Code(tc[0], tc[1], nil)
		r0 := c.Code(tc[0], "", nil)
		t.Logf("%-12s %-40s -> %s %s (%.2f)   [title only %s %s]", tc[0], tc[1], r.Code, r.Title, r.Confidence, r0.Code, r0.Title)
		for _, x := range c.Candidates(tc[0], tc[1], 4) {
			t.Logf("      %s %s %.2f", x.Code, x.Title, x.Confidence)
		}
	}
}
