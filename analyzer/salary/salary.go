// Package salary turns salary strings ("$29.51 to $35.17 hourly",
// "55 000 $ par année", "$70K-$80K") into hourly low/high figures, keeping
// the original. Conversions assume full-time work: a year is 2,080 hours
// (40 h × 52 weeks), a month a twelfth of that, a week 40 h, two weeks
// 80 h, a day 8 h — the convention of Canadian wage statistics.
package salary

import (
	"regexp"
	"strconv"
	"strings"
)

// Wage is a normalized salary.
type Wage struct {
	Raw      string  `json:"raw"`
	Low      float64 `json:"low"`  // hourly
	High     float64 `json:"high"` // hourly
	Period   string  `json:"period"`
	Currency string  `json:"currency"`
}

// Hours per period.
var hoursPer = map[string]float64{
	"hour": 1, "day": 8, "week": 40, "biweekly": 80, "month": 2080.0 / 12, "year": 2080,
}

// Plausible hourly wages; figures outside are misparses, not wages.
const minHourly, maxHourly = 5, 500

// Periods are matched in this order: "bi-weekly" before "weekly".
var periodWords = []struct {
	period string
	re     *regexp.Regexp
}{
	{"biweekly", regexp.MustCompile(`bi-?weekly|every (two|2) weeks|aux deux semaines|toutes les deux semaines|bihebdomadaire`)},
	{"hour", regexp.MustCompile(`hour|hourly|\bhr\b|/\s*h\b|\bh\b|heure|horaire`)},
	{"day", regexp.MustCompile(`\bday\b|daily|per diem|\bjour|quotidien`)},
	{"week", regexp.MustCompile(`week|\bwk\b|semaine|hebdomadaire`)},
	{"month", regexp.MustCompile(`month|\bmo\b|mois|mensuel`)},
	{"year", regexp.MustCompile(`year|\byr\b|annual|annum|annuel|\ban\b|année|/\s*an\b|par an`)},
}

// number matches amounts with thousands separators (space, comma, dot),
// a decimal part (dot or comma) and an optional "k".
var number = regexp.MustCompile(`(\d{1,3}(?:[ ,.]\d{3})+|\d+)(?:[.,](\d{1,2}))?(?:\s?(k)\b)?`)

// Parse reads a salary string. ok is false when it holds no usable figure
// ("Competitive", "DOE") or the figure is implausible.
func Parse(raw string) (Wage, bool) {
	s := normalize(raw)
	if s == "" {
		return Wage{}, false
	}
	amounts := amountsIn(s)
	if len(amounts) == 0 {
		return Wage{}, false
	}
	lo, hi := amounts[0], amounts[0]
	if len(amounts) > 1 {
		hi = amounts[1]
		if hi < lo {
			lo, hi = hi, lo
		}
	}
	period := periodOf(s)
	if period == "" {
		// No unit given: judge by magnitude. Between 200 and 15,000 a
		// figure could be a day, week or month rate; guessing would put
		// wrong numbers in the statistics, so it is left unparsed.
		switch {
		case hi < 200:
			period = "hour"
		case lo >= 15000:
			period = "year"
		default:
			return Wage{}, false
		}
	}
	return finish(raw, lo, hi, period, currencyOf(s))
}

// FromFields normalizes a structured salary (min/max with a period).
func FromFields(min, max *float64, period, currency string) (Wage, bool) {
	if min == nil && max == nil {
		return Wage{}, false
	}
	if min == nil {
		min = max
	}
	if max == nil {
		max = min
	}
	p := periodOf(strings.ToLower(period))
	if p == "" {
		switch {
		case *max < 200:
			p = "hour"
		case *min >= 15000:
			p = "year"
		default:
			return Wage{}, false
		}
	}
	if currency == "" {
		currency = "CAD"
	}
	raw := strconv.FormatFloat(*min, 'f', -1, 64)
	if *max != *min {
		raw += "-" + strconv.FormatFloat(*max, 'f', -1, 64)
	}
	return finish(raw+" "+currency+"/"+p, *min, *max, p, strings.ToUpper(currency))
}

func finish(raw string, lo, hi float64, period, currency string) (Wage, bool) {
	h := hoursPer[period]
	w := Wage{Raw: raw, Low: round2(lo / h), High: round2(hi / h), Period: period, Currency: currency}
	if w.Low < minHourly || w.High > maxHourly || w.Low > w.High {
		return Wage{}, false
	}
	return w, true
}

func round2(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }

// separators maps the spaces and dashes wage strings use to plain ones;
// built once because a Replacer's tables cost more than a replacement.
var separators = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ", "–", "-", "—", "-", "’", "'")

func normalize(raw string) string {
	return strings.TrimSpace(strings.ToLower(separators.Replace(raw)))
}

func periodOf(s string) string {
	for _, p := range periodWords {
		if p.re.MatchString(s) {
			return p.period
		}
	}
	return ""
}

func currencyOf(s string) string {
	if strings.Contains(s, "usd") || strings.Contains(s, "us$") {
		return "USD"
	}
	return "CAD"
}

// amountsIn returns the money amounts of s in order. When the string has
// "$" signs, only numbers next to one count, so "40 hours" or "401k" in
// the same string do not become wages.
func amountsIn(s string) []float64 {
	dollar := strings.Contains(s, "$")
	var out []float64
	for _, m := range number.FindAllStringSubmatchIndex(s, -1) {
		whole, frac := s[m[2]:m[3]], ""
		if m[4] >= 0 {
			frac = s[m[4]:m[5]]
		}
		start, end := m[0], m[1]
		if dollar && !nearDollar(s, start, end) && m[6] < 0 {
			continue
		}
		v, ok := value(whole, frac)
		if !ok {
			continue
		}
		if m[6] >= 0 { // "70k"
			v *= 1000
		}
		out = append(out, v)
		if len(out) == 2 {
			break
		}
	}
	return out
}

func nearDollar(s string, start, end int) bool {
	before := strings.TrimRight(s[max(0, start-3):start], " ")
	after := strings.TrimLeft(s[end:min(len(s), end+3)], " ")
	return strings.HasSuffix(before, "$") || strings.HasPrefix(after, "$") || strings.HasSuffix(before, "$ ")
}

// value reads "55 000", "45,000", "1.200" (thousands groups) or "25" with
// an optional two-digit fraction already split off.
func value(whole, frac string) (float64, bool) {
	v, err := strconv.ParseFloat(withoutGroupSeparators(whole), 64)
	if err != nil {
		return 0, false
	}
	if frac != "" {
		f, _ := strconv.ParseFloat("0."+frac, 64)
		v += f
	}
	return v, true
}

// withoutGroupSeparators drops the spaces, commas and dots that group
// thousands. (A Replacer built per call cost more than the whole parse.)
func withoutGroupSeparators(s string) string {
	if !strings.ContainsAny(s, " ,.") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != ',' && c != '.' {
			b = append(b, c)
		}
	}
	return string(b)
}
