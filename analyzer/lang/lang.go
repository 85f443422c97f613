// Package lang tells French from English by function words, the one test
// both a posting's language (analyzer) and a sentence's (extract, for
// labels of one language) go by. Postings are long enough that counting
// a few dozen of each language's commonest words is reliable; a sentence
// without any says nothing.
package lang

// Limit bounds how much of a text decides its language.
const Limit = 4000

// Of is "fr" when French function words outnumber English ones in the
// first Limit bytes of text, else "en", the majority language of Canadian
// postings.
func Of(text string) string {
	if Balance(text[:min(len(text), Limit)]) > 0 {
		return "fr"
	}
	return "en"
}

// words: +1 French, -1 English. Words both languages use ("a", "on",
// "as") are left out.
var words = func() map[string]int8 {
	m := map[string]int8{}
	for _, w := range []string{"le", "la", "les", "des", "du", "de", "et", "en", "pour", "avec", "vous", "nous", "est", "sont",
		"une", "un", "au", "aux", "sur", "votre", "vos", "dans", "par", "qui", "que", "ou", "à", "d", "l", "doit", "avoir",
		"poste", "expérience", "compétences"} {
		m[w] = 1
	}
	for _, w := range []string{"the", "and", "of", "to", "in", "for", "with", "you", "our", "we", "are", "is", "will", "be",
		"an", "this", "your", "must", "have", "from", "who", "that", "at", "by", "or", "its", "their", "experience", "skills"} {
		m[w] = -1
	}
	return m
}()

// Balance is the French function words of s minus its English ones.
func Balance(s string) int {
	var buf [12]byte
	n, bal := 0, 0
	for i := 0; i <= len(s); i++ {
		// Letters, digits and UTF-8 bytes (accented letters) make words;
		// anything else, the apostrophe included ("l'équipe"), ends one.
		if i < len(s) {
			c := s[i]
			if c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				if n < len(buf) {
					buf[n] = lower(c)
				}
				n++
				continue
			}
		}
		if n > 0 && n <= len(buf) {
			bal += int(words[string(buf[:n])])
		}
		n = 0
	}
	return bal
}

// lower lowers an ASCII capital letter.
func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c | 0x20
	}
	return c
}
