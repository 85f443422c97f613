package noc

import (
	"slices"
	"strings"
	"testing"
)

func sectorNames(named []int) []string {
	var out []string
	for _, i := range named {
		out = append(out, sectorKeys()[i])
	}
	return out
}

// sectorKeys are the sectors' first column, in sectors.tsv order.
func sectorKeys() []string {
	var out []string
	for _, line := range strings.Split(sectorsTSV, "\n") {
		if line != "" && line[0] != '#' {
			key, _, _ := strings.Cut(line, "\t")
			out = append(out, key)
		}
	}
	return out
}

func TestSectorsNamed(t *testing.T) {
	for _, tc := range []struct {
		description string
		want        []string
	}{
		{"Construction", []string{"construction"}},
		{"Health care and social assistance", []string{"health"}},
		{"Accommodation and food services", []string{"accommodation"}},
		{"Wholesale and retail trade", []string{"wholesale", "retail"}},
		{"Commerce de détail", []string{"retail"}},
		{"Soins de santé et assistance sociale", []string{"health"}},
		{"Retail trade / Commerce de détail", []string{"retail"}},
		{"Professional, scientific and technical services", []string{"professional"}},
		{"Food manufacturing", []string{"manufacturing"}},
		// "Health" alone is as often health and safety as health care.
		{"Follow health and safety procedures", nil},
		{"Eastern Health Authority", []string{"health"}},
		{"Legal services", []string{"professional"}},
		// A NAICS code alone names its sector.
		{"23", []string{"construction"}},
		{"722511", []string{"accommodation"}},
		{"NAICS 4451", []string{"retail"}},
		{"44-45", []string{"retail"}},
		{"41", []string{"wholesale"}},
		{"99", nil},
		{"1", nil},
		{"23 years of service", nil},
		{"Grocery stores", []string{"retail"}},
		{"Truck transportation", []string{"transportation"}},
		{"Nettoyage", nil},
		// Words inside others do not count: "retailer" is not "retail",
		// "constructive" not "construction".
		{"Constructive retailers", nil},
		// A posting body is no industry, whatever words it holds.
		{"We are a growing construction company looking for a labourer to join our crew on sites across the region", nil},
		{"", nil},
	} {
		named, _ := sectorsNamed(tc.description)
		if got := sectorNames(named); !slices.Equal(got, tc.want) {
			t.Errorf("sectorsNamed(%q) = %v, want %v", tc.description, got, tc.want)
		}
	}
}

// Only a sector's own names make it broad: the words of a narrower
// industry may speak for one occupation, as a description does.
func TestSectorsNamedBroad(t *testing.T) {
	for description, want := range map[string]bool{
		"Construction": true, "Health care and social assistance": true, "Commerce de détail": true,
		"Legal services": false, "Truck transportation": false, "Retail trade, grocery": false, "Nettoyage": false,
	} {
		if _, broad := sectorsNamed(description); broad != want {
			t.Errorf("sectorsNamed(%q): broad %v, want %v", description, broad, want)
		}
	}
}

// Every sector's prefixes name unit groups: a typo in sectors.tsv would
// silently lift nothing.
func TestSectorPrefixesNameGroups(t *testing.T) {
	load()
	codes := make([]string, 0, len(groups))
	for code := range groups {
		codes = append(codes, code)
	}
	in := newSectorGroups(codes)
	list := loadSectors()
	if len(list) < 19 {
		t.Fatalf("%d sectors loaded, want the 20 NAICS sectors", len(list))
	}
	for i, s := range list {
		for _, p := range s.prefixes {
			found := false
			for _, code := range codes {
				if strings.HasPrefix(code, p) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("sector %s: prefix %s names no unit group", sectorKeys()[i], p)
			}
		}
		n := 0
		for _, ok := range in[i] {
			if ok {
				n++
			}
		}
		if n == 0 || n > len(codes)/3 {
			t.Errorf("sector %s lifts %d of %d groups", sectorKeys()[i], n, len(codes))
		}
	}
}

// An industry decides what a generic title leaves open and leaves a
// specific title alone; it is measured against the same titles without it.
func TestIndustryNamesTheSector(t *testing.T) {
	c := NewBuiltin()
	for _, tc := range []struct{ title, industry, want string }{
		{"Owner", "Construction", "70010"},
		{"Manager", "Construction", "70010"},
		{"Manager", "Manufacturing", "90010"},
		{"Labourer", "Construction", "75110"},
		{"Supervisor", "Retail trade", "62010"},
		{"Supervisor", "Accommodation and food services", "62020"},
		{"Owner", "Transportation and warehousing", "70020"},
		{"Manager", "722511", "60030"}, // a NAICS code: full-service restaurants
		{"Labourer", "23", "75110"},
		{"Manager", "Health care and social assistance", "30010"},
		{"Operator", "Utilities", "921"}, // power engineers or water plant operators
		{"Engineer", "Construction", "21300"},
		{"Clerk", "Finance and insurance", "14201"},
		{"Labourer", "Manufacturing", "95109"},
		// Specific titles stay what they are in any industry.
		{"Accountant", "Construction", "11100"},
		{"Cook", "Health care and social assistance", "63200"},
		{"Registered nurse", "Educational services", "31301"},
	} {
		// The first candidate is Code's answer before its threshold.
		got := c.Candidates(tc.title, tc.industry, 1)
		if len(got) == 0 || !strings.HasPrefix(got[0].Code, tc.want) {
			t.Errorf("%q in %q: %+v, want %s", tc.title, tc.industry, got, tc.want)
		}
	}
}

// The employer's name and the industry name sectors beside a posting body
// too long to be one: "Labourer" at "ABC Construction Ltd." is a
// construction labourer, whatever the body says of the job.
func TestEvidenceNamesSectors(t *testing.T) {
	c := NewBuiltin()
	body := "We are hiring for an immediate start. Full-time and part-time positions are available, days and evenings. " +
		"You are reliable, punctual and a team player. We offer competitive pay and benefits. Apply today with your resume."
	for _, tc := range []struct {
		ev   Evidence
		want string
	}{
		{Evidence{Title: "Labourer", Description: body, Employer: "ABC Construction Ltd."}, "75110"},
		{Evidence{Title: "Labourer", Description: body, Industry: "Construction"}, "75110"},
		{Evidence{Title: "Manager", Description: body, Employer: "Sunrise Trucking Inc."}, "70020"},
	} {
		without := c.CandidatesEvidence(Evidence{Title: tc.ev.Title, Description: tc.ev.Description}, 1)
		if len(without) > 0 && without[0].Code == tc.want {
			t.Errorf("%q with the body alone is %s already: the case shows nothing", tc.ev.Title, tc.want)
		}
		got := c.CandidatesEvidence(tc.ev, 1)
		if len(got) == 0 || got[0].Code != tc.want {
			t.Errorf("%+v: %+v, want %s", tc.ev, got, tc.want)
		}
		if r := c.CodeEvidence(tc.ev, nil); r.Code != tc.want && r.Code != Unclassified {
			t.Errorf("CodeEvidence %q at %q/%q: %s, want %s", tc.ev.Title, tc.ev.Employer, tc.ev.Industry, r.Code, tc.want)
		}
	}
	// The body alone is not short enough to name a sector.
	if s := (Evidence{Title: "Labourer", Description: body + " Construction."}).sectors(); s.named != nil {
		t.Errorf("a posting body named sectors %v", s.named)
	}
}
