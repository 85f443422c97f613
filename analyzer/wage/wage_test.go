package wage

import (
	"math"
	"testing"
)

func TestParse(t *testing.T) {
	// Expected hourly figures are the stated amount divided by the hours of
	// its period: 2,080 a year, 173.33 a month, 80 two weeks, 40 a week, 8 a
	// day, rounded to cents.
	tests := []struct {
		raw      string
		ok       bool
		low      float64
		high     float64
		period   string
		inferred bool
		side     string
		currency string
	}{
		// The examples of the brief.
		{"$29.51 to $35.17 hourly", true, 29.51, 35.17, Hour, false, "", "CAD"},
		{"$29.51 - $35.17 per hour", true, 29.51, 35.17, Hour, false, "", "CAD"},
		{"55 000 $ par année", true, 26.44, 26.44, Year, false, "", "CAD"},
		{"55 000 $ à 60 000 $ par an", true, 26.44, 28.85, Year, false, "", "CAD"},
		{"$70K-$80K", true, 33.65, 38.46, Year, true, "", "CAD"},
		{"$70k–80k/yr", true, 33.65, 38.46, Year, false, "", "CAD"},
		{"From $18/hr", true, 18, 18, Hour, false, "min", "CAD"},
		{"Up to $90,000 a year", true, 43.27, 43.27, Year, false, "max", "CAD"},
		{"$1,200 weekly", true, 30, 30, Week, false, "", "CAD"},
		{"$3,500/month", true, 20.19, 20.19, Month, false, "", "CAD"},
		{"25,50 $ de l'heure", true, 25.5, 25.5, Hour, false, "", "CAD"},
		{"25,50 $/h", true, 25.5, 25.5, Hour, false, "", "CAD"},
		{"20 $ l'heure", true, 20, 20, Hour, false, "", "CAD"},
		{"$45,000.00 per annum", true, 21.63, 21.63, Year, false, "", "CAD"},
		{"Salary: 60000-70000", true, 28.85, 33.65, Year, true, "", "CAD"},
		{"Competitive", false, 0, 0, "", false, "", ""},
		{"$22/hour plus tips", true, 22, 22, Hour, false, "", "CAD"},
		{"between $24 and $28 an hour", true, 24, 28, Hour, false, "", "CAD"},
		// Thousands separators: NBSP, narrow NBSP, period with decimal comma.
		{"55\u00a0000 $ par année", true, 26.44, 26.44, Year, false, "", "CAD"},
		{"55\u202f000 $ à 60\u202f000 $ par an", true, 26.44, 28.85, Year, false, "", "CAD"},
		{"1.200,50 $ par semaine", true, 30.01, 30.01, Week, false, "", "CAD"},
		{"Salaire : 3 200 $ par mois", true, 18.46, 18.46, Month, false, "", "CAD"},
		// Other periods; "bi-weekly" must not be read as "weekly".
		{"$2,400 bi-weekly", true, 30, 30, Biweekly, false, "", "CAD"},
		{"$200 per day", true, 25, 25, Day, false, "", "CAD"},
		{"Annual salary: $52,000", true, 25, 25, Year, false, "", "CAD"},
		// Ranges written other ways.
		{"De 20 $ à 25 $ de l'heure", true, 20, 25, Hour, false, "", "CAD"},
		{"$30/hr to $35/hr", true, 30, 35, Hour, false, "", "CAD"},
		{"$35 - $30 an hour", true, 30, 35, Hour, false, "", "CAD"},
		{"$70-80k", true, 33.65, 38.46, Year, true, "", "CAD"},
		{"$20 - $25 per hour, 37.5 hours per week", true, 20, 25, Hour, false, "", "CAD"},
		// Counts next to money are not wages.
		{"40 hours per week, $25/hr", true, 25, 25, Hour, false, "", "CAD"},
		{"2 positions, $18.50/h", true, 18.5, 18.5, Hour, false, "", "CAD"},
		// One-sided figures.
		{"$20+ per hour", true, 20, 20, Hour, false, "min", "CAD"},
		{"À partir de 18 $ l'heure", true, 18, 18, Hour, false, "min", "CAD"},
		{"jusqu'à 90 000 $ par année", true, 43.27, 43.27, Year, false, "max", "CAD"},
		// Period inferred from size alone.
		{"$25", true, 25, 25, Hour, true, "", "CAD"},
		{"$1,200", false, 0, 0, "", false, "", ""}, // weekly? biweekly? monthly?
		// A period before the figure that contradicts its size loses.
		{"Hourly paid staff: $55,000", true, 26.44, 26.44, Year, true, "", "CAD"},
		// Other currencies are kept as stated, not converted.
		{"USD 40/hour", true, 40, 40, Hour, false, "", "USD"},
		{"€30 per hour", true, 30, 30, Hour, false, "", "EUR"},
		// Implausible or empty.
		{"$2/hr", false, 0, 0, "", false, "", ""},
		{"$900 per hour", false, 0, 0, "", false, "", ""},
		{"$60,000 per hour", false, 0, 0, "", false, "", ""},
		{"10% bonus", false, 0, 0, "", false, "", ""},
		{"", false, 0, 0, "", false, "", ""},
		{"DOE", false, 0, 0, "", false, "", ""},
		{"Selon la convention collective", false, 0, 0, "", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, ok := Parse(tt.raw)
			if ok != tt.ok {
				t.Fatalf("Parse(%q) ok = %v, want %v (%+v)", tt.raw, ok, tt.ok, got)
			}
			if !ok {
				return
			}
			want := Wage{Raw: tt.raw, Low: tt.low, High: tt.high, Period: tt.period,
				Currency: tt.currency, PeriodInferred: tt.inferred, OneSided: tt.side}
			if got != want {
				t.Errorf("Parse(%q)\n got %+v\nwant %+v", tt.raw, got, want)
			}
		})
	}
}

func TestFromFields(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	tests := []struct {
		name       string
		min, max   *float64
		period     string
		currency   string
		ok         bool
		low, high  float64
		wantPeriod string
		side       string
	}{
		{"hourly range", f(25), f(30), "HOUR", "CAD", true, 25, 30, Hour, ""},
		{"monthly lower case", f(3000), f(4000), "monthly", "cad", true, 17.31, 23.08, Month, ""},
		{"max only", nil, f(90000), "YEAR", "", true, 43.27, 43.27, Year, "max"},
		{"min only, period inferred", f(55000), nil, "", "", true, 26.44, 26.44, Year, "min"},
		{"french period", f(20), f(22), "de l'heure", "", true, 20, 22, Hour, ""},
		{"swapped", f(30), f(25), "hour", "", true, 25, 30, Hour, ""},
		{"nothing", nil, nil, "HOUR", "", false, 0, 0, "", ""},
		{"unknown period", f(25), f(30), "PIECE", "", false, 0, 0, "", ""},
		{"negative", f(-5), f(30), "HOUR", "", false, 0, 0, "", ""},
		{"NaN", f(math.NaN()), nil, "HOUR", "", false, 0, 0, "", ""},
		{"ambiguous size", f(1200), nil, "", "", false, 0, 0, "", ""},
		{"implausible", f(25), f(30), "YEAR", "", false, 0, 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := FromFields(tt.min, tt.max, tt.period, tt.currency)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tt.ok, got)
			}
			if !ok {
				return
			}
			if got.Low != tt.low || got.High != tt.high || got.Period != tt.wantPeriod || got.OneSided != tt.side {
				t.Errorf("got %+v, want low %v high %v period %s side %q", got, tt.low, tt.high, tt.wantPeriod, tt.side)
			}
			if got.Currency != "CAD" {
				t.Errorf("currency = %q, want CAD", got.Currency)
			}
			if got.Raw == "" {
				t.Error("Raw is empty; the fields must be kept")
			}
		})
	}
}

func TestNormalizePeriod(t *testing.T) {
	tests := map[string]string{
		"HOUR": Hour, "Hourly": Hour, "per hour": Hour, "yr": Year, "ANNUAL": Year,
		"par année": Year, "bi-weekly": Biweekly, "WEEK": Week, "par mois": Month,
		"DAY": Day, "": "", "piece": "",
	}
	for in, want := range tests {
		if got := NormalizePeriod(in); got != want {
			t.Errorf("NormalizePeriod(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		rest string // what is left after the number
	}{
		{"55 000", 55000, ""},
		{"45,000.00", 45000, ""},
		{"1.200,50", 1200.5, ""},
		{"25,50", 25.5, ""},
		{"29.51", 29.51, ""},
		{"1,234,567", 1234567, ""},
		{"20 25", 20, " 25"},         // two numbers, not twenty thousand
		{"12345,000", 12345, ",000"}, // a 3-digit group needs a short head
		{"1,5", 1.5, ""},
		{"100.", 100, "."},
	}
	for _, tt := range tests {
		v, end, ok := readNumber(tt.in, 0)
		if !ok || v != tt.want || tt.in[end:] != tt.rest {
			t.Errorf("readNumber(%q) = %v, rest %q, ok %v; want %v, rest %q", tt.in, v, tt.in[end:], ok, tt.want, tt.rest)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"$29.51 to $35.17 hourly", "55 000 $ à 60 000 $ par an", "$70k–80k/yr", "From $18/hr",
		"25,50 $ de l'heure", "1.200,50 $ par semaine", "Competitive", "$20+", "9999999999999999999999k",
		"$1e308 per hour", "à l'heure 5", "\xff\xfe$12", "$ / h 12,", "k$-0.00/h",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		w, ok := Parse(raw)
		if !ok {
			return
		}
		if w.Raw != raw {
			t.Fatalf("Raw = %q, want %q", w.Raw, raw)
		}
		if !(w.Low > 0) || !(w.Low <= w.High) || w.Low < MinHourly || w.High > MaxHourly {
			t.Fatalf("Parse(%q) = %+v: want 0 < Low <= High within bounds", raw, w)
		}
		if _, known := hoursIn[w.Period]; !known {
			t.Fatalf("Parse(%q) period %q unknown", raw, w.Period)
		}
	})
}
