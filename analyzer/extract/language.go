package extract

// A French label's words are often English words too: with its function
// words skipped, "expérience client" reads "experience for our clients"
// and "planification des tests" reads "planning testing". In an English
// sentence such a match is a coincidence of spelling, not the concept,
// so a surface form that only French labels give (target.french) does
// not count where the text around it is English. Bilingual postings are
// judged sentence by sentence; a sentence without function words (a
// bullet, "Gestion de projet" aside) takes the document's language.

// langWindow bounds how far the sentence around a match is read.
const langWindow = 300

// docLangLimit bounds how much of a document decides its language.
const docLangLimit = 4000

// functionWords: +1 French, -1 English. Words both languages use ("a",
// "on", "as") are left out.
var functionWords = func() map[string]int8 {
	m := map[string]int8{}
	for _, w := range []string{"le", "la", "les", "des", "du", "de", "et", "en", "pour", "avec", "vous", "nous", "est", "sont",
		"une", "un", "au", "aux", "sur", "votre", "vos", "dans", "par", "qui", "que", "ou", "à", "d", "l"} {
		m[w] = 1
	}
	for _, w := range []string{"the", "and", "of", "to", "in", "for", "with", "you", "our", "we", "are", "is", "will", "be",
		"an", "this", "your", "must", "have", "from", "who", "that", "at", "by", "or", "its", "their"} {
		m[w] = -1
	}
	return m
}()

// englishAt reports whether the sentence of hit h (at byte pos) is
// English, else, when the sentence says nothing, the document.
func (c *docContext) englishAt(text string, sent int32, pos int) bool {
	if c.langSent != sent+1 {
		lo, hi := sentenceAround(text, pos)
		c.langSent, c.langVal = sent+1, functionWordBalance(text[lo:hi])
	}
	if c.langVal != 0 {
		return c.langVal < 0
	}
	if c.docLang == 0 {
		c.docLang = 1
		if functionWordBalance(text[:min(len(text), docLangLimit)]) < 0 {
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

// functionWordBalance is the French function words of s minus its
// English ones.
func functionWordBalance(s string) int {
	var buf [8]byte
	n, bal := 0, 0
	for i := 0; i <= len(s); i++ {
		// Letters, digits and UTF-8 bytes (accented letters) make words;
		// anything else, the apostrophe included ("l'équipe"), ends one.
		if i < len(s) {
			c := s[i]
			if c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				if n < len(buf) {
					buf[n] = c | lowerBit(c)
				}
				n++
				continue
			}
		}
		if n > 0 && n <= len(buf) {
			bal += int(functionWords[string(buf[:n])])
		}
		n = 0
	}
	return bal
}

// lowerBit lowers an ASCII capital letter.
func lowerBit(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return 0x20
	}
	return 0
}
