package httpapi

// Request parameters shared by the API's handlers: numbers, months and
// periods, regions, the answer's language, and how much of a bad value an
// error may echo.

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// maxEcho bounds how much of a caller's input an error message repeats.
const maxEcho = 100

// clip shortens input quoted back in an error message.
func clip(s string) string {
	if len(s) <= maxEcho {
		return s
	}
	cut := maxEcho
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// clipMessage bounds a whole error message (a parser's message may quote
// its input): about 200 bytes of input at most reach the caller.
func clipMessage(msg string) string {
	const most = 300
	if len(msg) <= most {
		return msg
	}
	cut := most
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return msg[:cut] + "…"
}

// langOf reads ?lang=: "" (the taxonomy's default labels), en or fr.
// langOf is ?lang= when given, else the language of Accept-Language that
// skillpulse speaks, preferring what the client ranks first ("" when it
// names neither: labels stay as the taxonomy prefers them).
func langOf(r *http.Request) (string, error) {
	switch l := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("lang"))); l {
	case "":
		return acceptLanguage(r.Header.Get("Accept-Language")), nil
	case "en", "fr":
		return l, nil
	default:
		return "", badRequest("lang: %q is not en or fr", clip(l))
	}
}

func (s *Server) lookupSkill(id string) (*taxonomy.Entry, bool) {
	if s.Taxonomy == nil {
		return nil, false
	}
	return s.Taxonomy.Lookup(id)
}

// relabel gives skills their label in lang where the taxonomy has one.
func (s *Server) relabel(skills []rank.SkillShare, lang string) {
	if lang == "" {
		return
	}
	for i := range skills {
		if e, ok := s.lookupSkill(skills[i].ID); ok {
			skills[i].Label = e.LabelIn(lang)
		}
	}
}

// intParam reads an optional whole number in [lo, hi].
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s: %q must be a whole number from %d to %d", name, clip(v), lo, hi)
	}
	return n, nil
}

// monthParam reads ?from= or ?to=: YYYY-MM, or YYYY (its first month for
// from, its last for to).
func monthParam(r *http.Request, name string) (rank.Month, bool, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return 0, false, nil
	}
	if len(v) == 4 {
		if y, err := strconv.Atoi(v); err == nil && y >= 1900 && y <= 2200 {
			m := rank.Month(y * 12)
			if name == "to" {
				m += 11
			}
			return m, true, nil
		}
	}
	m, err := rank.ParseMonth(v)
	if err != nil || m.Year() < 1900 || m.Year() > 2200 {
		return 0, false, badRequest("%s: %q is not a month (2025-03) or a year (2025)", name, clip(v))
	}
	return m, true, nil
}

// periodStart and periodEnd widen a month to its interval's bounds.
func periodStart(m rank.Month, iv rank.Interval) rank.Month {
	switch iv {
	case rank.ByQuarter:
		return m - rank.Month((m.Mon()-1)%3)
	case rank.ByYear:
		return m - rank.Month(m.Mon()-1)
	}
	return m
}

func periodEnd(m rank.Month, iv rank.Interval) rank.Month {
	switch iv {
	case rank.ByQuarter:
		return periodStart(m, iv) + 2
	case rank.ByYear:
		return periodStart(m, iv) + 11
	}
	return m
}

// parseRegion reads one region code as ?region= does.
func parseRegion(s string) (geo.RegionParam, error) {
	rp, err := geo.ParseRegionParam(s)
	if err != nil {
		return rp, badRequest("region %q: %v", clip(s), err)
	}
	return rp, nil
}

var spoken = language.NewMatcher([]language.Tag{language.English, language.French})

// acceptLanguage picks en or fr from an Accept-Language header, "" when
// the header names neither.
func acceptLanguage(h string) string {
	if strings.TrimSpace(h) == "" {
		return ""
	}
	tags, _, err := language.ParseAcceptLanguage(h)
	if err != nil || len(tags) == 0 {
		return ""
	}
	_, i, conf := spoken.Match(tags...)
	if conf == language.No {
		return ""
	}
	return []string{"en", "fr"}[i]
}
