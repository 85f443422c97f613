package extract

import "github.com/skillpulse/skillpulse/analyzer/lang"

// A French label's words are often English words too: with its function
// words skipped, "expérience client" reads "experience for our clients"
// and "planification des tests" reads "planning testing". In an English
// sentence such a match is a coincidence of spelling, not the concept,
// so a surface form that only French labels give (target.french) does
// not count where the text around it is English. Bilingual postings are
// judged sentence by sentence; a sentence without function words (a
// bullet, "Gestion de projet" aside) takes the document's language; the
// words are package lang's.

// langWindow bounds how far the sentence around a match is read.
const langWindow = 300

// englishAt reports whether the sentence of hit h (at byte pos) is
// English, else, when the sentence says nothing, the document.
func (c *docContext) englishAt(text string, sent int32, pos int) bool {
	if c.langSent != sent+1 {
		lo, hi := sentenceAround(text, pos)
		c.langSent, c.langVal = sent+1, lang.Balance(text[lo:hi])
	}
	if c.langVal != 0 {
		return c.langVal < 0
	}
	if c.docLang == 0 {
		c.docLang = 1
		if lang.Balance(text[:min(len(text), lang.Limit)]) < 0 {
			c.docLang = 2
		}
	}
	return c.docLang == 2
}

// sentenceAround is the byte range of the sentence holding pos, bounded
// by langWindow on each side.
func sentenceAround(text string, pos int) (lo, hi int) {
	lo = pos
	for lo > 0 && pos-lo < langWindow && !sentenceEnd(text[lo-1]) {
		lo--
	}
	hi = pos
	for hi < len(text) && hi-pos < langWindow && !sentenceEnd(text[hi]) {
		hi++
	}
	return lo, hi
}

func sentenceEnd(c byte) bool { return c == '.' || c == '!' || c == '?' || c == '\n' || c == ';' }
