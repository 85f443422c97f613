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

// postingBody is a realistic 2 KB posting description.
const postingBody = `About the role: Our regional hospital is looking for a Health Records Technician to join the Health Information
Services team on a full-time, permanent basis. Reporting to the Manager of Health Information, you will maintain
accurate and complete patient health records in our electronic charting system, code diagnoses and interventions
using ICD-10-CA and CCI, abstract clinical data for the Discharge Abstract Database, and release information in
accordance with privacy legislation (PHIPA). Responsibilities: review inpatient and day surgery charts for
completeness; assign codes and abstract data according to CIHI standards; respond to requests for release of
information from patients, physicians, lawyers and insurers; scan and index documents; maintain the master patient
index and resolve duplicate records; participate in data quality audits and chart reviews; support physicians with
incomplete chart notifications; train new staff on departmental procedures. Qualifications: diploma in Health
Information Management from a CHIMA-accredited program; CHIMA certification (CHIM) or eligibility; two years of
coding experience in an acute care setting; working knowledge of medical terminology, anatomy and physiology;
experience with Meditech or Cerner; strong attention to detail and the ability to meet deadlines; excellent
communication skills; bilingualism (English and French) is an asset. What we offer: competitive wages from $28.50
to $34.10 per hour, a defined benefit pension plan, health and dental benefits, paid vacation and professional
development. Our hospital is committed to an inclusive, barrier-free recruitment process; accommodations are
available on request. We thank all applicants; only those selected for an interview will be contacted.`

// BenchmarkCodeIndexDescription codes titles with a 2 KB posting body
// over the full index and the reference texts.
func BenchmarkCodeIndexDescription(b *testing.B) {
	c := NewCoder(loadIndexTB(b), Options{Descriptions: loadDescriptionsTB(b)})
	b.ReportAllocs()
	b.SetBytes(int64(len(postingBody)))
	i := 0
	for b.Loop() {
		c.Code(benchTitles[i%len(benchTitles)], postingBody, nil)
		i++
	}
}
