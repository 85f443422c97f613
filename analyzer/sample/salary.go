package sample

import (
	"math"
	"strconv"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// hoursPerYear converts hourly wages to annual salaries (37.5 h × 52 weeks).
const hoursPerYear = 1950

// salary decides whether a posting states pay and in which of the many
// forms boards use. Job Bank requires a wage; elsewhere about 60% do.
func (g *generator) salary(r *rng, occ *Occupation, lang, source string) *posting.Salary {
	if !r.chance(0.6) && !(isJobBank(source) && r.chance(0.95)) {
		return nil
	}
	if r.chance(0.06) {
		vague := map[string][]string{
			"en": {"Competitive", "Competitive salary", "Negotiable", "DOE"},
			"fr": {"Salaire concurrentiel", "Selon l'expérience", "À discuter"},
		}
		return &posting.Salary{Raw: pick(r, vague[lang])}
	}
	// A posting's range sits somewhere in the occupation's range and spans
	// 0-25% of it.
	span := occ.Wage[1] - occ.Wage[0]
	lo := occ.Wage[0] + r.float()*span*0.75
	hi := lo + r.float()*span*0.25
	// Employers mostly pick round figures; Job Bank wage grids do not.
	if r.chance(0.5) {
		lo, hi = roundTo(lo, 0.25), roundTo(hi, 0.25)
	} else {
		lo, hi = roundCents(lo), roundCents(hi)
	}
	single := hi-lo < 0.5 || r.chance(0.2)
	if r.chance(0.15) {
		return g.objectSalary(occ, lo, hi, single)
	}
	if occ.Pay == "year" {
		return &posting.Salary{Raw: yearlyText(r, lang, lo*hoursPerYear, hi*hoursPerYear, single)}
	}
	return &posting.Salary{Raw: hourlyText(r, lang, source, lo, hi, single)}
}

func roundCents(x float64) float64 { return math.Round(x*100) / 100 }

// objectSalary is the structured form some APIs send.
func (g *generator) objectSalary(occ *Occupation, lo, hi float64, single bool) *posting.Salary {
	if occ.Pay == "year" {
		lo, hi = roundTo(lo*hoursPerYear, 1000), roundTo(hi*hoursPerYear, 1000)
	}
	if single {
		hi = lo
	}
	return &posting.Salary{Min: &lo, Max: &hi, Currency: "CAD", Period: occ.Pay}
}

func roundTo(x, step float64) float64 { return math.Round(x/step) * step }

func hourlyText(r *rng, lang, source string, lo, hi float64, single bool) string {
	if lang == "fr" {
		a, b := frMoney(lo), frMoney(hi)
		if single {
			return pick(r, []string{a + " $ de l'heure", a + " $/h", a + " $ l'heure", "À partir de " + a + " $ de l'heure"})
		}
		return pick(r, []string{"De " + a + " $ à " + b + " $ l'heure", a + " $ à " + b + " $ de l'heure", a + " $ - " + b + " $/h"})
	}
	a, b := enMoney(lo), enMoney(hi)
	if single {
		short := strings.TrimSuffix(a, ".00")
		return pick(r, []string{"$" + short + "/hr", "$" + a + " an hour", "From $" + a + " per hour", "$" + a + " hourly"})
	}
	if isJobBank(source) {
		return "$" + a + " to $" + b + " hourly"
	}
	return pick(r, []string{"$" + a + " to $" + b + " hourly", "$" + a + "–$" + b + " per hour", "$" + a + " - $" + b + " an hour"})
}

func yearlyText(r *rng, lang string, lo, hi float64, single bool) string {
	lo, hi = roundTo(lo, 1000), roundTo(hi, 1000)
	if hi == lo {
		single = true
	}
	if lang == "fr" {
		sep := pick(r, []string{" ", "\u00a0", "\u202f"})
		a, b := frThousands(lo, sep), frThousands(hi, sep)
		if single {
			return pick(r, []string{a + " $ par année", "Jusqu'à " + a + " $ par an", a + " $/an"})
		}
		return pick(r, []string{a + " $ à " + b + " $ par année", "Entre " + a + " $ et " + b + " $ par an"})
	}
	a, b := enThousands(lo), enThousands(hi)
	ka, kb := strconv.Itoa(int(lo/1000)), strconv.Itoa(int(hi/1000))
	if single {
		return pick(r, []string{"$" + a + " a year", "Up to $" + a + " per year", "$" + ka + "K annually"})
	}
	return pick(r, []string{"$" + ka + "K-$" + kb + "K", "$" + a + " - $" + b + " a year", "$" + a + " to $" + b + " annually", "$" + ka + "K–$" + kb + "K/year"})
}

func enMoney(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

func frMoney(x float64) string { return strings.Replace(enMoney(x), ".", ",", 1) }

// enThousands writes 55000 as "55,000".
func enThousands(x float64) string { return groupThousands(int64(x), ",") }

// frThousands writes 55000 as "55 000" with the given separator; French
// typography uses a (narrow) no-break space, but plain spaces are common.
func frThousands(x float64, sep string) string { return groupThousands(int64(x), sep) }

func groupThousands(n int64, sep string) string {
	s := strconv.FormatInt(n, 10)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	head := len(s) % 3
	if head > 0 {
		b.WriteString(s[:head])
	}
	for i := head; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}
