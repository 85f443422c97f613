package builtin_test

import (
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// TestEveryLabelFindsItsSkill writes each label into a one-line
// requirement (with one of its skill's context words when it has any) and
// checks the extractor credits that skill. It catches what a string
// comparison cannot: two labels that differ only in inflection and stem to
// the same form, labels the extractor drops as too generic, and longer
// labels of another skill swallowing this one.
func TestEveryLabelFindsItsSkill(t *testing.T) {
	tax, err := builtin.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(tax)
	failed := 0
	for _, e := range tax.Entries {
		support := "software programming"
		if len(e.Context) > 0 {
			support = e.Context[0]
		}
		for _, l := range e.Labels {
			text := textnorm.Clean("Requirements:\n- " + l.Text + " (" + support + ").\n")
			res := x.Extract(text)
			if !credits(res, e.ID) {
				failed++
				t.Errorf("%s label %q: extracted %v", e.ID, l.Text, ids(res))
			}
		}
	}
	if failed > 0 {
		t.Logf("%d of %d labels not credited to their skill", failed, tax.LabelCount())
	}
}

func credits(res extract.Result, id string) bool {
	for _, m := range append(res.Skills, res.Boilerplate...) {
		if m.ID == id {
			return true
		}
	}
	return false
}

func ids(res extract.Result) string {
	var out []string
	for _, m := range append(res.Skills, res.Boilerplate...) {
		out = append(out, m.ID)
	}
	return strings.Join(out, ",")
}

// TestPostings runs the extractor with the built-in taxonomy on short
// postings written for the purpose: the skills they ask for are found, and
// everyday words that are also tool names ("react quickly", "go-getter",
// "excel under pressure", "outlook on life", "unload containers") are not.
func TestPostings(t *testing.T) {
	tax, err := builtin.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(tax)
	cases := []struct {
		name, text   string
		want, absent []string
	}{
		{"cook",
			"Line Cook. React quickly to tickets, go the extra mile and excel under pressure. Prepare food according to recipes, follow food safety standards. Requirements: knife skills, FoodSafe certificate.",
			[]string{"line-cooking", "food-preparation", "food-safety", "knife-skills", "food-safety-certificate"},
			[]string{"react", "go-lang", "ms-excel"}},
		{"health records",
			"The HIM professional codes charts using ICD-10-CA and CCI, abstracts data to the Discharge Abstract Database (DAD) per CIHI standards, processes release of information requests under PHIPA. CHIM designation, acute care, medical terminology, Meditech Expanse. Attention to detail.",
			[]string{"icd-10-ca", "cci", "abstracting", "discharge-abstract-database", "cihi-standards", "release-of-information", "privacy-legislation", "health-information-certification", "acute-care", "medical-terminology", "meditech", "attention-to-detail"},
			[]string{"software-development", "auditing"}},
		{"archiviste",
			"Archiviste médicale. Sous la responsabilité de la chef de service : codification des diagnostics selon la CIM-10-CA et la CCI, saisie des abrégés, traitement des demandes d'accès. Souci du détail, bilinguisme, suite Office.",
			[]string{"medical-coding", "icd-10-ca", "cci", "abstracting", "release-of-information", "attention-to-detail", "bilingual-en-fr", "ms-office"},
			[]string{"kitchen-leadership"}},
		{"warehouse",
			"Warehouse Associate. Unload containers from trucks, pick and pack orders with an RF scanner, operate a forklift, cycle counts, shipping and receiving. Able to lift 50 lbs. Go-getter attitude!",
			[]string{"loading-and-unloading", "order-picking", "rf-scanner", "forklift-operation", "inventory-control", "shipping-and-receiving", "physical-stamina"},
			[]string{"docker", "go-lang"}},
		{"truck driver",
			"AZ Driver, long haul. Valid Class 1 licence, clean driver's abstract, FAST card an asset, hours of service and electronic logging devices, pre-trip inspections, load securement.",
			[]string{"class-1-licence", "class-5-licence", "fast-card", "hours-of-service", "eld", "safety-inspections-vehicles", "load-securement"},
			nil},
		{"developer",
			"Backend Developer: microservices in Go and Python on Kubernetes (AWS), PostgreSQL, Docker, CI/CD with GitHub Actions, unit tests. React is a plus.",
			[]string{"go-lang", "python", "kubernetes", "aws", "postgresql", "docker", "ci-cd", "react"},
			nil},
		{"security guard",
			"Security Guard. Conduct foot patrols, monitor CCTV, control access, write incident reports. Valid Ontario security guard licence. Reliable and punctual. Outlook on life: positive!",
			[]string{"patrolling", "access-control", "incident-reporting", "security-licence", "reliability", "punctuality"},
			[]string{"ms-outlook"}},
		{"administrative assistant",
			"Manage calendars, prepare correspondence in Word, maintain spreadsheets in Excel, answer phones, greet visitors, data entry. Proficient in Microsoft Office. Bilingual English and French.",
			[]string{"calendar-management", "correspondence", "ms-word", "ms-excel", "telephone-skills", "receptionist-duties", "data-entry", "ms-office", "bilingual-en-fr"},
			nil},
	}
	for _, c := range cases {
		res := x.Extract(textnorm.Clean(c.text))
		for _, id := range c.want {
			if !credits(res, id) {
				t.Errorf("%s: missing %s (got %s)", c.name, id, ids(res))
			}
		}
		for _, id := range c.absent {
			if credits(res, id) {
				t.Errorf("%s: %s must not be found (got %s)", c.name, id, ids(res))
			}
		}
	}
}
