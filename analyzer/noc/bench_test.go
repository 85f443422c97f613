package noc

import (
	"testing"

	"github.com/skillpulse/skillpulse/internal/shareddata"
)

func loadIndexTB(tb testing.TB) []Title {
	idx, err := LoadIndex(shareddata.Require(tb, "occupations", "noc2021_index_cannocdata", "All examples.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	return append(BuiltinTitles(), idx...)
}

// BenchmarkNewCoder builds a coder over the full NOC index (about 60k
// English and French titles) plus the built-in ones.
func BenchmarkNewCoder(b *testing.B) {
	titles := loadIndexTB(b)
	b.ReportAllocs()
	for b.Loop() {
		NewCoder(titles, Options{})
	}
	b.ReportMetric(float64(len(titles)), "titles")
}

var benchTitles = []string{
	"Sr. Health Records Technician - Night Shift (Full-time)",
	"Commis à l'archivage médical",
	"Préposé(e) aux bénéficiaires - temps plein",
	"Junior financial management officer - pension plan analysis",
	"Registered Nurse (RN) - ICU",
}

func BenchmarkCodeIndex(b *testing.B) {
	c := NewCoder(loadIndexTB(b), Options{})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Code(benchTitles[i%len(benchTitles)], "", nil)
		i++
	}
}

func BenchmarkCodeBuiltin(b *testing.B) {
	c := NewBuiltin()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Code(benchTitles[i%len(benchTitles)], "", nil)
		i++
	}
}

// BenchmarkCodeTypo codes titles with a misspelled word over the full
// index, the speller already built.
func BenchmarkCodeTypo(b *testing.B) {
	c := NewCoder(loadIndexTB(b), Options{})
	typos := []string{"Sr. Health Recrods Technician", "Adminstrative Assistant", "Registered Nurse (RN) - ICU"}
	c.Code(typos[0], "", nil)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Code(typos[i%len(typos)], "", nil)
		i++
	}
}

// BenchmarkSpellerBuild is what the first unknown word costs a coder over
// the full index.
func BenchmarkSpellerBuild(b *testing.B) {
	c := NewCoder(loadIndexTB(b), Options{})
	b.ReportAllocs()
	for b.Loop() {
		var s speller
		s.build(c)
	}
}
