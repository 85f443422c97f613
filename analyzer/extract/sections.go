package extract

// Section headers ("Benefits", "Duties:", "Atouts :") give the lines
// after them a kind: boilerplate, content, assets or not required. This
// file finds the headers, maps each line (and, inside a line, each
// sentence) to its section, and marks the boilerplate spans.

import (
	"math"
	"slices"
)

type header struct {
	line   int32
	kind   cueKind
	inline bool // "Benefits: dental, vision." — the header's scope is its own line
	// mid: the header opens a sentence inside a line ("… since 1985.
	// Duties: sort parcels."), as postings flattened to one line have
	// them: its scope is the rest of its line, from its sentence on.
	mid  bool
	sent int32
}

// isHeader: a cue is a section header when it is the whole line
// ("Benefits", "What we offer") or opens it followed by a colon
// ("Assets: …"). A bullet that merely starts with the word ("Experience in
// acute care") is not. A header with its content after the colon, on a
// line that ends a sentence, is inline: it covers only its line. One that
// opens a sentence inside a line, followed by a colon, is mid: it covers
// the rest of its line.
func (c *docContext) isHeader(h hit, text string) (ok, inline, mid bool) {
	ls := c.sc.lineStarts
	lineEnd := int32(len(c.sc.toks))
	if int(h.line)+1 < len(ls) {
		lineEnd = ls[h.line+1]
	}
	next := h.last + 1
	if h.first != ls[h.line] {
		opens := c.sc.toks[h.first].brk == brkSentence
		return opens && next < lineEnd && c.sc.toks[next].brk == brkColon, false, true
	}
	if next == lineEnd {
		return true, false, false
	}
	if c.sc.toks[next].brk != brkColon {
		return false, false, false
	}
	end := len(text)
	if lineEnd < int32(len(c.sc.toks)) {
		end = int(c.sc.toks[lineEnd].start)
	}
	last := int(c.sc.toks[lineEnd-1].end)
	for i := last; i < end; i++ {
		switch text[i] {
		case '.', '!', ';':
			return true, true, false
		}
	}
	return true, false, false
}

// mapSections gives every line the kind of the header whose section it
// is in: a header alone on its line, or opening it with nothing after the
// colon, switches every following line until the next such header; an
// inline one covers its own line; a mid one is left to sectionOf.
func (c *docContext) mapSections() {
	for i, h := range c.headers {
		if h.mid {
			continue
		}
		if h.inline {
			if !sentenceScoped(h) {
				c.section[h.line] = h.kind
			}
			continue
		}
		end := int32(len(c.sc.lineStarts))
		for _, n := range c.headers[i+1:] {
			if !n.mid {
				end = n.line
				break
			}
		}
		for l := h.line; l < end; l++ {
			c.section[l] = h.kind
		}
	}
}

// sectionOf is the kind of section a sentence of a line is in: its
// line's, unless a header inside the line before it says otherwise.
func (c *docContext) sectionOf(line, sent int32) cueKind {
	kind := c.section[line]
	for _, hd := range c.headers {
		if hd.line == line && (hd.mid && hd.sent <= sent || sentenceScoped(hd) && hd.sent <= sent && sent < c.nextDuty(hd.sent)) {
			kind = hd.kind
		}
	}
	return kind
}

// sentenceScoped: an inline benefits or company header opening a line
// covers its line only up to a sentence that opens with a skill's words,
// a duty ("Perks: free bread and a staff discount. Shape baguettes and
// load the ovens."); "Benefits: dental. Free first aid training." stays
// benefits throughout.
func sentenceScoped(h header) bool { return h.inline && !h.mid && h.kind == cueBoilerHeader }

// nextDuty is the first sentence after sent that opens with a skill's
// words (or past every sentence).
func (c *docContext) nextDuty(sent int32) int32 {
	i, _ := slices.BinarySearch(c.dutySents, sent+1)
	if i < len(c.dutySents) {
		return c.dutySents[i]
	}
	return math.MaxInt32
}

// boilerSpans are the byte ranges of the tokens the context finds
// boilerplate, merged: from the first such token of a run to the end of
// its last.
func (sc *scratch) boilerSpans(c *docContext) [][2]int {
	if len(c.boilerSen) == 0 && len(c.headers) == 0 {
		return nil
	}
	var out [][2]int
	var pos position
	open := -1
	boiler := false
	for i, t := range sc.toks {
		pos.advance(t.brk)
		// The maps are read once a sentence (a line ends one too), not
		// once a token.
		if i == 0 || t.brk >= brkSentence {
			boiler = c.boilerSen[pos.sent] || c.sectionOf(pos.line, pos.sent) == cueBoilerHeader
		}
		switch {
		case boiler && open < 0:
			open = int(t.start)
		case !boiler && open >= 0:
			out = append(out, [2]int{open, int(sc.toks[i-1].end)})
			open = -1
		}
	}
	if open >= 0 {
		out = append(out, [2]int{open, int(sc.toks[len(sc.toks)-1].end)})
	}
	return out
}
