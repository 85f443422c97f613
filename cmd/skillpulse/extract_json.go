package main

import (
	"strconv"
	"unicode/utf8"

	"github.com/skillpulse/skillpulse/analyzer/extract"
)

// appendExtractLine appends one output line: the bytes encoding/json's
// Encoder writes for extractLine, built by hand because reflection-driven
// encoding was a third of the command's time after extraction itself.
// TestExtractLineMatchesEncodingJSON holds the two equal.
func appendExtractLine(b []byte, id string, skills, boiler []extract.Match, errMsg string) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, id)
	b = append(b, `,"skills":`...)
	switch {
	case errMsg != "":
		b = append(b, "null"...)
	default:
		b = appendMatches(b, skills)
	}
	if len(boiler) > 0 {
		b = append(b, `,"boilerplate":`...)
		b = appendMatches(b, boiler)
	}
	if errMsg != "" {
		b = append(b, `,"error":`...)
		b = appendString(b, errMsg)
	}
	return append(b, "}\n"...)
}

func appendMatches(b []byte, ms []extract.Match) []byte {
	b = append(b, '[')
	for i := range ms {
		m := &ms[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendString(b, m.ID)
		b = append(b, `,"label":`...)
		b = appendString(b, m.Label)
		b = append(b, `,"type":`...)
		b = appendString(b, m.Type)
		b = append(b, `,"text":`...)
		b = appendString(b, m.Text)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(m.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(m.End), 10)
		b = append(b, `,"requirement":`...)
		b = appendString(b, string(m.Requirement))
		b = append(b, `,"mentions":`...)
		b = strconv.AppendInt(b, int64(m.Mentions), 10)
		b = append(b, `,"taxonomy":`...)
		b = appendString(b, m.Taxonomy)
		b = append(b, `,"taxonomy_version":`...)
		b = appendString(b, m.TaxonomyVersion)
		if m.Loose {
			b = append(b, `,"loose":true`...)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// jsonPlain marks the ASCII bytes appendString copies as they are: one
// load per byte of the output's ids and labels, where six comparisons were.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range []byte(`"\<>&`) {
		t[c] = false
	}
	return t
}()

// appendString quotes s as encoding/json does with HTML escaping on:
// <, > and & as \u escapes, U+2028 and U+2029 escaped, invalid UTF-8 as
// U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if jsonPlain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
