package wage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pay periods, as stored in Wage.Period.
const (
	Hour     = "hour"
	Day      = "day"
	Week     = "week"
	Biweekly = "biweekly"
	Month    = "month"
	Year     = "year"
)

// Conversion assumptions: full-time work of 40 hours a week, 52 weeks a
// year, the convention Canadian wage statistics (LFS, Job Bank) use to turn
// salaries into hourly rates. Part-time or shift jobs are over- or
// under-estimated by these; the raw string is kept for that reason.
const (
	HoursPerDay      = 8.0
	HoursPerWeek     = 40.0
	HoursPerBiweekly = 80.0
	HoursPerYear     = 2080.0
	HoursPerMonth    = HoursPerYear / 12
)

// hoursIn is the number of hours each period stands for.
var hoursIn = map[string]float64{
	Hour:     1,
	Day:      HoursPerDay,
	Week:     HoursPerWeek,
	Biweekly: HoursPerBiweekly,
	Month:    HoursPerMonth,
	Year:     HoursPerYear,
}

// periodPhrase maps a lower-case phrase to its period. Phrases are matched
// on word boundaries, longest first, so "bi-weekly" wins over "weekly" and
// "par année" over "par an". Bare "day", "week", "month" and "year" are left
// out: "day shift" or "year-round" say nothing about pay.
type periodPhrase struct {
	text   string
	period string
}

var periodPhrases = sortedPhrases([]periodPhrase{
	// Hour.
	{"per hour", Hour}, {"an hour", Hour}, {"a hour", Hour}, {"/hour", Hour}, {"/hr", Hour},
	{"/h", Hour}, {"hourly", Hour}, {"hr", Hour}, {"/hrs", Hour},
	{"de l'heure", Hour}, {"l'heure", Hour}, {"à l'heure", Hour}, {"par heure", Hour},
	{"horaire", Hour}, {"/heure", Hour}, {"hour", Hour}, {"heure", Hour},
	// Day.
	{"per day", Day}, {"a day", Day}, {"/day", Day}, {"daily", Day}, {"par jour", Day},
	{"/jour", Day}, {"quotidien", Day},
	// Two weeks, before week so the longer phrase wins.
	{"bi-weekly", Biweekly}, {"biweekly", Biweekly}, {"every two weeks", Biweekly},
	{"every 2 weeks", Biweekly}, {"per two weeks", Biweekly}, {"aux deux semaines", Biweekly},
	{"aux 2 semaines", Biweekly}, {"par quinzaine", Biweekly}, {"bimensuel", Biweekly},
	// Week.
	{"per week", Week}, {"a week", Week}, {"/week", Week}, {"/wk", Week}, {"weekly", Week},
	{"par semaine", Week}, {"/semaine", Week}, {"hebdomadaire", Week},
	// Month.
	{"per month", Month}, {"a month", Month}, {"/month", Month}, {"/mo", Month},
	{"monthly", Month}, {"par mois", Month}, {"/mois", Month}, {"mensuel", Month},
	{"mensuellement", Month},
	// Year.
	{"per year", Year}, {"a year", Year}, {"per annum", Year}, {"/year", Year}, {"/yr", Year},
	{"annually", Year}, {"annual", Year}, {"yearly", Year}, {"p.a.", Year},
	{"par année", Year}, {"par annee", Year}, {"par an", Year}, {"/an", Year},
	{"/année", Year}, {"annuel", Year}, {"annuellement", Year},
})

// sortedPhrases orders phrases longest first so a scan takes the most
// specific match at each position.
func sortedPhrases(ps []periodPhrase) []periodPhrase {
	out := append([]periodPhrase(nil), ps...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j].text) > len(out[j-1].text); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// periodAt reports the period phrase starting at byte i of the lower-case
// string s, and its length, or "" when none starts there.
func periodAt(s string, i int) (string, int) {
	if i > 0 && isWordByte(s, i-1) && isWordByte(s, i) {
		return "", 0
	}
	for _, p := range periodPhrases {
		if !strings.HasPrefix(s[i:], p.text) {
			continue
		}
		end := i + len(p.text)
		if end < len(s) && isWordByte(s, end) && isWordByte(s, end-1) {
			continue // "an" inside "annual" is not "par an"
		}
		return p.period, len(p.text)
	}
	return "", 0
}

// findPeriod returns the first period phrase at or after byte from, or the
// first anywhere in s when none follows; pos is where it starts.
func findPeriod(s string, from int) (period string, pos int) {
	period, pos = "", -1
	for i := 0; i < len(s); i++ {
		p, _ := periodAt(s, i)
		if p == "" {
			continue
		}
		if i >= from {
			return p, i
		}
		if period == "" {
			period, pos = p, i
		}
	}
	return period, pos
}

// isWordByte reports whether the rune around byte i is a letter: phrases
// must not start or end inside a word.
func isWordByte(s string, i int) bool {
	if s[i] < utf8.RuneSelf {
		c := s[i]
		return c >= 'a' && c <= 'z' || c == '\''
	}
	// Back up to the start of the rune containing byte i.
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// NormalizePeriod maps a structured period ("HOUR", "hourly", "per year",
// "annuel", "yr") to a period constant, or "" when it is not recognised.
func NormalizePeriod(p string) string {
	p = strings.ToLower(strings.TrimSpace(p))
	switch p {
	case "":
		return ""
	case Hour, Day, Week, Biweekly, Month, Year:
		return p
	case "h", "hourly", "hours":
		return Hour
	case "yr", "years", "annum", "an", "yearly":
		return Year
	case "days":
		return Day
	case "weeks", "wk":
		return Week
	case "months", "mo":
		return Month
	}
	if per, n := periodAt(p, 0); per != "" && n == len(p) {
		return per
	}
	return ""
}
