package textnorm

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// stripSimple is StripHTML for the markup job boards write: plain start,
// end and self-closing tags without quoted attributes, and entities. On
// anything else (comments, doctypes, quoted attributes, raw-text elements
// such as script, a tag left open) it reports false and the HTML5
// tokenizer does the work: the tokenizer was a fifth of the extract
// command's time. FuzzStripSimple holds the two equal.
func stripSimple(s string) (string, bool) {
	if strings.IndexByte(s, '<') < 0 {
		return plainText(s), true // entities only: no copy into a builder
	}
	var b strings.Builder
	b.Grow(len(s))
	text := 0 // start of the pending text run
	flushText := func(end int) {
		if end > text {
			b.WriteString(plainText(s[text:end]))
		}
	}
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		k := i + 1
		if k < len(s) && s[k] == '/' {
			k++
		}
		if k >= len(s) || !isLetter(s[k]) {
			if k < len(s) && (s[k] == '!' || s[k] == '?' || s[k-1] == '/') || k >= len(s) && s[k-1] == '/' {
				return "", false // comment, doctype, processing instruction, bogus end tag
			}
			i = k // "<" that starts no tag is text
			continue
		}
		end := strings.IndexByte(s[k:], '>')
		if end < 0 {
			return "", false
		}
		end += k
		tag := s[k:end]
		if hasQuoteOrNUL(tag) {
			return "", false
		}
		n := 0
		for n < len(tag) && tag[n] != ' ' && tag[n] != '/' && tag[n] != '\t' && tag[n] != '\n' && tag[n] != '\r' && tag[n] != '\f' {
			n++
		}
		name := tagAtom(tag[:n])
		switch name {
		case atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Xmp, atom.Iframe, atom.Noembed,
			atom.Noframes, atom.Noscript, atom.Plaintext:
			return "", false
		}
		flushText(i)
		if blockTags[name] {
			b.WriteByte('\n')
		}
		i = end + 1
		text = i
	}
	flushText(len(s))
	return b.String(), true
}

// hasQuoteOrNUL is strings.ContainsAny(tag, "\"'<`\x00") for the short
// text of a tag, without building a byte set per call.
func hasQuoteOrNUL(tag string) bool {
	for i := 0; i < len(tag); i++ {
		switch tag[i] {
		case '"', '\'', '<', '`', 0:
			return true
		}
	}
	return false
}

// tagAtom is atom.Lookup of the lower-cased name. An ASCII name of an
// atom's length at most is lowered on the stack: job boards write
// upper-case placeholders ("<ORGANIZATION>"), and strings.ToLower
// allocated for each.
func tagAtom(name string) atom.Atom {
	var buf [16]byte
	if len(name) > len(buf) {
		return atom.Lookup([]byte(strings.ToLower(name)))
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= utf8.RuneSelf {
			return atom.Lookup([]byte(strings.ToLower(name))) // Unicode lowering may change the length
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return atom.Lookup(buf[:len(name)])
}

// plainText is a run of text between tags: line ends unified, entities
// decoded.
func plainText(t string) string {
	if strings.IndexByte(t, '\r') >= 0 {
		t = strings.ReplaceAll(strings.ReplaceAll(t, "\r\n", "\n"), "\r", "\n")
	}
	if strings.IndexByte(t, '&') >= 0 {
		t = html.UnescapeString(t)
	}
	return t
}

func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
