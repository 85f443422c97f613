// Package wage turns salary strings ("$29.51 to $35.17 hourly",
// "55 000 $ par année", "$70K-$80K") and structured salaries into hourly
// low/high figures, keeping the original text. Conversions assume
// full-time work (see HoursPerYear and friends).
package wage

import (
	"math"
	"strconv"
	"strings"
)

// Wage is a salary normalized to an hourly range.
type Wage struct {
	Raw      string  `json:"raw"`  // the text or fields it was read from
	Low      float64 `json:"low"`  // hourly, in Currency
	High     float64 `json:"high"` // hourly, in Currency; equals Low for a single figure
	Period   string  `json:"period"`
	Currency string  `json:"currency"` // ISO code; "$" is taken as CAD
	// PeriodInferred is set when the text named no period and it was
	// guessed from the size of the figures.
	PeriodInferred bool `json:"period_inferred,omitempty"`
	// OneSided is "min" for "From $18/hr" and "max" for "Up to $90,000":
	// only one end was stated, and Low and High both hold it.
	OneSided string `json:"one_sided,omitempty"`
}

// Bounds of a plausible hourly wage: below or above these the figure is a
// misreading (a bonus, a count, a wrong period), not a wage.
const (
	MinHourly = 5.0
	MaxHourly = 500.0
)

// Magnitude thresholds used when no period is named. Below 200 the figure
// can only be hourly (a $200 daily or weekly wage is far below minimum
// wage); from 15,000 up only yearly. In between a figure may be daily,
// weekly, biweekly or monthly ($1,200 could be any of them), so it is not
// parsed rather than guessed.
const (
	maxInferredHourly = 200.0
	minInferredYearly = 15000.0
)

// Parse reads a salary string. ok is false when it holds no figure
// ("Competitive"), the period cannot be told, or the hourly result is
// implausible.
func Parse(raw string) (Wage, bool) {
	s := normalize(raw)
	all := scanAmounts(s)
	amounts := all
	if anyMoney(all) {
		// With a currency sign present, bare numbers are counts ("40 hours",
		// "2 positions") unless they close a range opened by money.
		amounts = moneyAndRangeEnds(s, all)
	}
	if len(amounts) == 0 {
		return Wage{}, false
	}
	first := amounts[0]
	lo, hi := first.value, first.value
	oneSided := ""
	if second, ok := rangeEnd(s, first, amounts[1:]); ok {
		lo, hi = spreadK(first, second)
	} else {
		oneSided = sideOf(s, first)
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	w := Wage{Raw: raw, Currency: currencyOf(s, first), OneSided: oneSided}
	period, pos := findPeriod(s, first.start)
	if period != "" {
		if got, ok := finish(w, lo, hi, period, false); ok {
			return got, true
		}
		// A period named before the figure may belong to something else
		// ("Hourly paid positions... $55,000"); let the size decide.
		if pos > first.start {
			return Wage{}, false
		}
	}
	period = inferPeriod(lo, hi)
	if period == "" {
		return Wage{}, false
	}
	return finish(w, lo, hi, period, true)
}

// FromFields normalizes a structured salary: min and/or max amounts with a
// period ("HOUR", "yearly", "par mois"). An empty period is inferred from
// the size of the figures as in Parse; an unrecognised one is not parsed.
func FromFields(min, max *float64, period, currency string) (Wage, bool) {
	raw := fieldsRaw(min, max, period, currency)
	var lo, hi float64
	oneSided := ""
	switch {
	case min != nil && max != nil:
		lo, hi = *min, *max
	case min != nil:
		lo, hi, oneSided = *min, *min, "min"
	case max != nil:
		lo, hi, oneSided = *max, *max, "max"
	default:
		return Wage{}, false
	}
	if !(lo > 0) || !(hi > 0) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return Wage{}, false
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi && min != nil && max != nil {
		oneSided = ""
	}
	currency = strings.ToUpper(strings.TrimSpace(currency))
	if currency == "" || currency == "$" {
		currency = "CAD"
	}
	w := Wage{Raw: raw, Currency: currency, OneSided: oneSided}
	inferred := false
	p := NormalizePeriod(period)
	if p == "" {
		if strings.TrimSpace(period) != "" {
			return Wage{}, false
		}
		p, inferred = inferPeriod(lo, hi), true
		if p == "" {
			return Wage{}, false
		}
	}
	return finish(w, lo, hi, p, inferred)
}

// finish converts to hourly and applies the plausibility bounds.
func finish(w Wage, lo, hi float64, period string, inferred bool) (Wage, bool) {
	hours := hoursIn[period]
	w.Low, w.High = round2(lo/hours), round2(hi/hours)
	w.Period, w.PeriodInferred = period, inferred
	// Written as negations so NaN fails too.
	if !(w.Low >= MinHourly) || !(w.High <= MaxHourly) || !(w.Low <= w.High) {
		return Wage{}, false
	}
	return w, true
}

func inferPeriod(lo, hi float64) string {
	switch {
	case hi < maxInferredHourly:
		return Hour
	case lo >= minInferredYearly:
		return Year
	}
	return ""
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// normalize lower-cases s and maps the many spaces, dashes and quotes
// job boards use to plain ASCII, so scanning deals with one form of each.
// "/ hr" and "$ / h" are tightened to "/hr".
func normalize(raw string) string {
	var b strings.Builder
	b.Grow(len(raw))
	for _, r := range strings.ToLower(raw) {
		switch r {
		case '\u00a0', '\u202f', '\u2009', '\u2007', '\u2002', '\u2003', '\t', '\n', '\r':
			r = ' '
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			r = '-'
		case '\u2018', '\u2019', '\u02bc', '`':
			r = '\''
		}
		b.WriteRune(r)
	}
	s := b.String()
	for strings.Contains(s, " /") || strings.Contains(s, "/ ") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, " /", "/"), "/ ", "/")
	}
	return s
}

func anyMoney(as []amount) bool {
	for _, a := range as {
		if a.money {
			return true
		}
	}
	return false
}

// moneyAndRangeEnds keeps money amounts and the bare number closing a
// range that a money amount opens: "$70k–80k/yr".
func moneyAndRangeEnds(s string, all []amount) []amount {
	var out []amount
	for i, a := range all {
		if a.money || (i > 0 && all[i-1].money && connected(s, all[i-1], a)) {
			out = append(out, a)
		}
	}
	return out
}

// rangeEnd returns the amount that closes a range opened by first, if the
// next amount is joined to it by a range word or dash.
func rangeEnd(s string, first amount, rest []amount) (amount, bool) {
	if len(rest) == 0 || !connected(s, first, rest[0]) {
		return amount{}, false
	}
	return rest[0], true
}

// rangeWords join the two ends of a range, in English and French.
var rangeWords = map[string]bool{
	"-": true, "--": true, "to": true, "à": true, "a": true, "and": true, "et": true,
	"~": true, "through": true, "jusqu'à": true, "up to": true,
}

// connected reports whether only currency signs, a period phrase and a
// range word stand between a and b: "$29.51 to $35.17", "55 000 $ à 60 000 $".
func connected(s string, a, b amount) bool {
	mid := strings.TrimSpace(s[a.end:b.start])
	for _, c := range currencyTokens {
		mid = strings.TrimSpace(strings.TrimPrefix(mid, c.text))
		mid = strings.TrimSpace(strings.TrimSuffix(mid, c.text))
	}
	if _, n := periodAt(mid, 0); n > 0 {
		mid = strings.TrimSpace(mid[n:])
	}
	return rangeWords[mid]
}

// spreadK applies a "k" written on one end only: "$70-80k" is 70,000 to
// 80,000.
func spreadK(lo, hi amount) (float64, float64) {
	l, h := lo.value, hi.value
	if hi.hasK && !lo.hasK && l < 1000 {
		l *= 1000
	}
	if lo.hasK && !hi.hasK && h < 1000 {
		h *= 1000
	}
	return l, h
}

var (
	maxWords = []string{"up to", "upto", "jusqu'à", "jusqu'a", "maximum", "max", "au plus", "not to exceed"}
	minWords = []string{"from", "starting", "start at", "à partir de", "a partir de", "dès", "minimum", "min", "at least", "au moins"}
)

// sideOf tells whether a single figure is a floor ("From $18/hr", "$20+")
// or a ceiling ("Up to $90,000").
func sideOf(s string, a amount) string {
	after := strings.TrimLeft(s[a.end:], " $")
	if strings.HasPrefix(after, "+") {
		return "min"
	}
	before := s[:a.start]
	for _, w := range maxWords {
		if hasWord(before, w) {
			return "max"
		}
	}
	for _, w := range minWords {
		if hasWord(before, w) {
			return "min"
		}
	}
	return ""
}

// hasWord reports whether w occurs in s on word boundaries.
func hasWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(w)
		if (j == 0 || !isWordByte(s, j-1)) && (end == len(s) || !isWordByte(s, end)) {
			return true
		}
		i = j + 1
	}
}

func currencyOf(s string, a amount) string {
	if c := currencyBefore(s, a.start); c != "" {
		return c
	}
	if c := currencyAfter(s, a.end); c != "" {
		return c
	}
	return "CAD"
}

func fieldsRaw(min, max *float64, period, currency string) string {
	f := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	return "min=" + f(min) + " max=" + f(max) + " period=" + period + " currency=" + currency
}
