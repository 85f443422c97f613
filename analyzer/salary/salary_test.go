package salary

import (
	"math"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in        string
		low, high float64 // hourly; 0,0 = not parsed
		period    string
	}{
		{"$29.51 to $35.17 hourly", 29.51, 35.17, "hour"},
		{"$29.51 - $35.17 per hour", 29.51, 35.17, "hour"},
		{"55 000 $ par année", 26.44, 26.44, "year"},
		{"55\u00a0000 $ à 60\u00a0000 $ par an", 26.44, 28.85, "year"},
		{"55\u202f000 $ à 60\u202f000 $ par an", 26.44, 28.85, "year"},
		{"$70K-$80K", 33.65, 38.46, "year"},
		{"$70k–80k/yr", 33.65, 38.46, "year"},
		{"From $18/hr", 18, 18, "hour"},
		{"Up to $90,000 a year", 43.27, 43.27, "year"},
		{"$1,200 weekly", 30, 30, "week"},
		{"$3,500/month", 20.19, 20.19, "month"},
		{"25,50 $ de l'heure", 25.5, 25.5, "hour"},
		{"25,50 $/h", 25.5, 25.5, "hour"},
		{"20 $ l'heure", 20, 20, "hour"},
		{"$45,000.00 per annum", 21.63, 21.63, "year"},
		{"Salary: 60000-70000", 28.85, 33.65, "year"},
		{"$22/hour plus tips", 22, 22, "hour"},
		{"between $24 and $28 an hour", 24, 28, "hour"},
		{"$2,400 bi-weekly", 30, 30, "biweekly"},
		{"$200 per day", 25, 25, "day"},
		{"18.50", 18.5, 18.5, "hour"},
		{"$85,000", 40.87, 40.87, "year"},
		{"52 000 $ - 58 000 $ annuellement", 25, 27.88, "year"},
		{"17,75 $ à 19,25 $ de l'heure", 17.75, 19.25, "hour"},
		{"$35.17 to $29.51 hourly", 29.51, 35.17, "hour"},
		{"USD 40/hour", 40, 40, "hour"},
		{"$25/hr, 40 hours per week", 25, 25, "hour"},
		{"Competitive", 0, 0, ""},
		{"DOE", 0, 0, ""},
		{"", 0, 0, ""},
		{"$5,000", 0, 0, ""},  // a day, week or month rate? not guessed
		{"$2/hour", 0, 0, ""}, // implausible
		{"$9,000,000 a year", 0, 0, ""},
		{"salaire compétitif", 0, 0, ""},
	}
	for _, c := range cases {
		w, ok := Parse(c.in)
		if c.high == 0 {
			if ok {
				t.Errorf("Parse(%q) = %+v, want not parsed", c.in, w)
			}
			continue
		}
		if !ok {
			t.Errorf("Parse(%q) not parsed, want %v-%v", c.in, c.low, c.high)
			continue
		}
		if math.Abs(w.Low-c.low) > 0.01 || math.Abs(w.High-c.high) > 0.01 || w.Period != c.period || w.Raw != c.in {
			t.Errorf("Parse(%q) = %+v, want %v-%v per %s", c.in, w, c.low, c.high, c.period)
		}
	}
}

func TestFromFields(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	w, ok := FromFields(f(17.5), f(19), "hour", "CAD")
	if !ok || w.Low != 17.5 || w.High != 19 || w.Period != "hour" || w.Currency != "CAD" {
		t.Errorf("hourly fields: %+v %v", w, ok)
	}
	w, ok = FromFields(f(52000), nil, "yearly", "")
	if !ok || w.Low != 25 || w.High != 25 || w.Period != "year" {
		t.Errorf("yearly min only: %+v %v", w, ok)
	}
	if _, ok := FromFields(nil, nil, "hour", ""); ok {
		t.Error("no figures must not parse")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"$29.51 to $35.17 hourly", "55 000 $ par année", "$70K-$80K", "1,2,3.4.5", "k$k$"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, ok := Parse(s)
		if ok && (w.Low <= 0 || w.Low > w.High || w.Raw != s) {
			t.Fatalf("Parse(%q) = %+v", s, w)
		}
	})
}
