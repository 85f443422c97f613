package noc

import (
	"strings"
	"unicode"
)

// A title's tails and notes: what follows a dash, a bar, "at" or "chez"
// (a place, a schedule, an employer, or a qualifier to keep) and what
// stands in parentheses.

// dropTails removes segments after " - " that are a place or schedule
// ("- St. John's, NL", "- Night Shift") and keeps those that qualify the
// occupation ("- trade, broadcasting and other services").
func dropTails(s string) string {
	parts := splitDashes(s)
	if len(parts) == 1 {
		return s
	}
	keep := parts[:1]
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		if mayBePlace(p) && placeTail.MatchString(p) {
			continue
		}
		if strings.ContainsAny(p, "([") {
			p = strings.TrimSpace(dropParens(p))
		}
		if (mayBePlace(p) && placeTail.MatchString(p)) || allNoise(p) {
			continue
		}
		keep = append(keep, p)
	}
	return strings.Join(keep, " ")
}

// dropCommaPlaces drops the comma-separated parts at the end of a title
// that name a place or only noise ("Sales Associate, 20 hrs/wk, St.
// John's NL"); a qualifier after a comma ("Manager, Finance") stays.
func dropCommaPlaces(s string) string {
	for {
		i := strings.LastIndexByte(s, ',')
		if i < 0 {
			return s
		}
		p := strings.TrimSpace(s[i+1:])
		if !(mayBePlace(p) && placeTail.MatchString(p)) && !allNoise(p) {
			return s
		}
		s = s[:i]
	}
}

// mayBePlace is a cheap test before placeTail: a place tail ends in an
// upper-case province code (maybe in parentheses) or starts with
// remote/hybrid.
func mayBePlace(p string) bool {
	t := strings.TrimSuffix(p, ")")
	if n := len(t); n >= 2 && t[n-1] >= 'A' && t[n-1] <= 'Z' && t[n-2] >= 'A' && t[n-2] <= 'Z' {
		return true
	}
	l := strings.ToLower(p)
	return strings.HasPrefix(l, "remote") || strings.HasPrefix(l, "hybrid")
}

func allNoise(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !noise[w] {
			return false
		}
	}
	return true
}

// splitDashes splits a title at free-standing dashes and bars
// ("Cook - Night Shift | Toronto"), not at hyphens ("full-time").
func splitDashes(s string) []string { return splitAt(s, isDash) }

// splitTails splits a title where what follows may be a place or an
// employer: at free-standing dashes and bars, "@", "at" and "chez"
// ("Cook at Tim Hortons", "Caissière chez Metro").
func splitTails(s string) []string {
	return splitAt(s, func(f string) bool {
		return isDash(f) || f == "@" || strings.EqualFold(f, "at") || strings.EqualFold(f, "chez")
	})
}

func isDash(f string) bool { return f == "-" || f == "–" || f == "—" || f == "|" }

// splitAt splits s at the fields sep accepts, dropping them.
func splitAt(s string, sep func(string) bool) []string {
	var parts, cur []string
	for _, f := range strings.Fields(s) {
		if sep(f) {
			parts = append(parts, strings.Join(cur, " "))
			cur = cur[:0]
			continue
		}
		cur = append(cur, f)
	}
	return append(parts, strings.Join(cur, " "))
}

// hasTailWord is a cheap test for " at " or " chez " before splitTails.
func hasTailWord(s string) bool {
	for _, w := range []string{" at ", " At ", " AT ", " chez ", " Chez ", " CHEZ "} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// keepNote: a free-standing one-word note is usually the occupation's
// own short name ("(DevOps)", "(UX)", "(RN)"), which postings use alone;
// a note attached to a word is a gender ending ("préposé(e)").
func keepNote(s string, open int, note string) bool {
	return (open == 0 || s[open-1] == ' ') && len(note) >= 2 && !strings.ContainsAny(note, " /")
}

// dropParens blanks out closed (…) and […] notes: schedules, "(H/F)",
// gender endings, abbreviations already spelled out.
func dropParens(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		var closing byte
		switch s[i] {
		case '(':
			closing = ')'
		case '[':
			closing = ']'
		}
		if closing != 0 {
			if j := strings.IndexByte(s[i+1:], closing); j >= 0 {
				note := s[i+1 : i+1+j]
				b.WriteByte(' ')
				if keepNote(s, i, note) {
					b.WriteString(note)
					b.WriteByte(' ')
				}
				i += j + 1
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
