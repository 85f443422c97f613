package sample

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// salaryForms classify salaries independently of how the generator builds
// them, so a form silently disappearing fails the test.
var salaryForms = map[string]*regexp.Regexp{
	"hourly range":         regexp.MustCompile(`^\$\d+\.\d\d to \$\d+\.\d\d hourly$`),
	"per hr":               regexp.MustCompile(`^\$\d+(\.\d\d)?/hr$`),
	"K range":              regexp.MustCompile(`^\$\d+K[-–]\$\d+K`),
	"yearly range":         regexp.MustCompile(`^\$\d{2,3},\d{3} - \$\d{2,3},\d{3} a year$`),
	"French yearly":        regexp.MustCompile(`^\d{2,3}[ \x{a0}\x{202f}]\d{3} \$ par année$`),
	"French hourly":        regexp.MustCompile(`^\d+,\d\d \$ de l'heure$`),
	"competitive":          regexp.MustCompile(`^(Competitive|Competitive salary|Salaire concurrentiel)$`),
	"object hourly":        regexp.MustCompile(`^object hour$`),
	"object yearly":        regexp.MustCompile(`^object year$`),
	"French hourly range":  regexp.MustCompile(`^De \d+,\d\d \$ à \d+,\d\d \$ l'heure$`),
	"French yearly range":  regexp.MustCompile(`^\d{2,3}[ \x{a0}\x{202f}]\d{3} \$ à \d{2,3}[ \x{a0}\x{202f}]\d{3} \$ par année$`),
	"hourly range en dash": regexp.MustCompile(`^\$\d+\.\d\d–\$\d+\.\d\d per hour$`),
}

func TestAllSalaryFormsPresent(t *testing.T) {
	seen := map[string]int{}
	for _, g := range generateDefault(t) {
		var text string
		switch s := g.raw["salary"].(type) {
		case nil:
			continue
		case string:
			text = s
		case map[string]any:
			if s["currency"] != "CAD" || s["min"] == nil || s["max"] == nil {
				t.Errorf("object salary without CAD min/max: %v", s)
			}
			text = fmt.Sprintf("object %v", s["period"])
		default:
			t.Fatalf("salary of unexpected JSON type %T", s)
		}
		for name, re := range salaryForms {
			if re.MatchString(text) {
				seen[name]++
			}
		}
	}
	for name := range salaryForms {
		if seen[name] == 0 {
			t.Errorf("salary form %q never generated", name)
		}
	}
}

func TestLocationAndDateForms(t *testing.T) {
	kinds := map[string]int{}
	for _, g := range generateDefault(t) {
		switch l := g.raw["location"].(type) {
		case nil:
			kinds["missing"]++
		case map[string]any:
			if l["postal_code"] != nil {
				kinds["object with postal code"]++
			} else {
				kinds["object"]++
			}
		case string:
			switch {
			case strings.Contains(l, "Remote") || strings.Contains(l, "Télétravail") || strings.Contains(l, "distance"):
				kinds["remote"]++
			case strings.Contains(l, "("):
				kinds["French city (province)"]++
			case !strings.Contains(l, ","):
				kinds["single name"]++
			default:
				kinds["city, province"]++
			}
		}
		switch d := g.raw["posted_at"].(string); {
		case len(d) == len(time.DateOnly):
			kinds["date only"]++
		case strings.HasSuffix(d, "Z"):
			kinds["RFC 3339 UTC"]++
		default:
			kinds["RFC 3339 offset"]++
		}
	}
	for _, k := range []string{"missing", "object", "object with postal code", "remote", "French city (province)", "single name", "city, province", "date only", "RFC 3339 UTC", "RFC 3339 offset"} {
		if kinds[k] == 0 {
			t.Errorf("no %s form in the default sample (have %v)", k, kinds)
		}
	}
}
