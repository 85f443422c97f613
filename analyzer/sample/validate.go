package sample

import (
	"errors"
	"fmt"
	"strings"
)

// validate catches authoring mistakes in the YAML tables at load time, so a
// typo fails loudly instead of producing a subtly skewed sample.
func (d *dataset) validate() error {
	var errs []error
	fail := func(f string, a ...any) { errs = append(errs, fmt.Errorf(f, a...)) }
	seen := map[string]bool{}
	for _, o := range d.occupations {
		where := "occupation " + o.Code
		if len(o.Code) != 5 || strings.Trim(o.Code, "0123456789") != "" {
			fail("%s: code must be a 5-digit NOC 2021 unit group", where)
		}
		if seen[o.Code] {
			fail("%s: duplicate", where)
		}
		seen[o.Code] = true
		if o.Weight <= 0 {
			fail("%s: weight must be positive", where)
		}
		if o.Wage[0] <= 0 || o.Wage[1] < o.Wage[0] {
			fail("%s: wage range %v is not a positive [min, max]", where, o.Wage)
		}
		if o.Pay != "hour" && o.Pay != "year" {
			fail("%s: pay must be hour or year", where)
		}
		if _, ok := d.text.Sectors[o.Sector]; !ok {
			fail("%s: unknown sector %q", where, o.Sector)
		}
		for _, lang := range []string{"en", "fr"} {
			if len(o.Titles.in(lang)) < 3 {
				fail("%s: needs at least 3 %s titles", where, lang)
			}
			if len(o.Duties.in(lang)) < 3 {
				fail("%s: needs at least 3 %s duties", where, lang)
			}
			if len(o.Skills.in(lang)) < 5 {
				fail("%s: needs at least 5 %s skills", where, lang)
			}
		}
	}
	if len(d.provinces) != 13 {
		fail("places: want 13 provinces and territories, have %d", len(d.provinces))
	}
	french := 0.0
	for _, p := range d.provinces {
		if p.Weight <= 0 || len(p.Cities) == 0 {
			fail("province %s: needs a positive weight and cities", p.Code)
		}
		french += p.Weight * p.French
		for _, c := range p.Cities {
			if c.Weight <= 0 || len(c.FSA) == 0 {
				fail("city %s, %s: needs a positive weight and an FSA", c.Name, p.Code)
			}
			for _, f := range c.FSA {
				if len(f) != 3 || !strings.ContainsRune(postalLetters[p.Code], rune(f[0])) {
					fail("city %s, %s: FSA %q does not belong to the province", c.Name, p.Code, f)
				}
			}
		}
	}
	if french <= 0 {
		fail("places: no province has French postings")
	}
	for name, s := range d.text.Sectors {
		if len(s.Employers.EN) == 0 || len(s.Employers.FR) == 0 {
			fail("sector %s: needs employers in both languages", name)
		}
	}
	return errors.Join(errs...)
}

// postalLetters are the first letters Canada Post assigns to the province.
var postalLetters = map[string]string{
	"NL": "A", "NS": "B", "PE": "C", "NB": "E", "QC": "GHJ", "ON": "KLMNP",
	"MB": "R", "SK": "S", "AB": "T", "BC": "V", "NT": "X", "NU": "X", "YT": "Y",
}
