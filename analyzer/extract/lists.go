package extract

// Two kinds of punctuation that the tokenizer reads as a clause boundary
// are not one in postings: the commas of a serial list of single words
// ("Supervise, train and schedule staff", "Sweep, mop, wash and polish
// floors"), which coordinate like "and"; and a short parenthesized aside
// inside a phrase ("Class 1 (AZ) licence", "Monitor inventory levels
// (stock) and reorder"), which the phrase runs through. joinLists lifts
// those boundaries in the tokens of a posting's text, so labels meet
// across them with the matcher's usual gaps and coordination, and a
// requirement cue covers the whole list ("Java, Python and Go required").

// maxAside is the most words a parenthesized aside may hold and still sit
// inside a phrase; longer ones are clauses of their own.
const maxAside = 3

// joinLists rewrites the boundaries of toks (the tokens of text) in place.
func joinLists(text string, toks []token) {
	for i := 1; i < len(toks); i++ {
		if toks[i].brk != brkClause {
			continue
		}
		switch kind, _ := gapKind(text, toks[i-1].end, toks[i].start); kind {
		case gapComma:
			i = joinSerial(text, toks, i)
		case gapOpen:
			// "bio(chemistry)" is a word's variant, not an aside.
			if text[toks[i-1].end] == ' ' {
				joinAside(text, toks, i)
			}
		}
	}
}

const (
	gapOther = iota
	gapComma // spaces and one comma
	gapOpen  // spaces and one "("
	gapClose // spaces and one ")"
)

// gapKind says what punctuation stands between two tokens, and whether a
// conjunction the tokenizer dropped stands there too (", and").
func gapKind(text string, from, to int32) (kind int, conj bool) {
	gap := text[from:to]
	for i := 0; i < len(gap); i++ {
		var k int
		switch c := gap[i]; {
		case c == ' ':
			continue
		case c == ',':
			k = gapComma
		case c == '(':
			k = gapOpen
		case c == ')':
			k = gapClose
		case isWordByte(c):
			// A word the tokenizer skips: "and", "the", "a".
			j := i
			for j < len(gap) && isWordByte(gap[j]) {
				j++
			}
			switch gap[i:j] {
			case "and", "or", "et", "ou":
				conj = true
			}
			// An elided French word keeps its apostrophe: "à s'habiller".
			if j < len(gap) && gap[j] == '\'' {
				j++
			}
			i = j - 1
			continue
		default:
			return gapOther, false
		}
		if kind != gapOther {
			return gapOther, false // two marks: "), " or ",("
		}
		kind = k
	}
	return kind, conj
}

// joinSerial turns the commas of a list of single words that ends in a
// conjunction ("A, B, C and D …") into conjunctions; first is the token
// after the first comma. It returns the index to resume from.
func joinSerial(text string, toks []token, first int) int {
	// The first item is one word: the token before the comma opens a
	// clause (or the text); or two, a duty's verb and its first object,
	// when every object is a plural ("clean offices, boardrooms and
	// washrooms", "nettoyer les bureaux, les salles et les toilettes"),
	// which tells a list of objects from one of duties ("prepare food,
	// clean and sanitize").
	// Or products, every one capitalized ("Docker, Kubernetes and
	// Terraform is an asset"), maybe the vendor's name before the first
	// ("Adobe InDesign, Illustrator and Acrobat"), which ellipsis then
	// lends to the others.
	objects := toks[first-1].brk == brkNone
	products := objects && capitalized(text, toks[first-1])
	if objects && !products && !(first >= 2 && toks[first-2].brk != brkNone && plural(text, toks[first-1])) {
		return first
	}
	// "A, and B" is two clauses, not a list.
	last := serialItems(text, toks, first)
	if last <= first {
		return first
	}
	k := last // the last comma item: the conjoined one after ", and"
	if toks[last].brk == brkNone {
		k = last - 1
	}
	for j := first; objects && j <= last; j++ {
		if products && !capitalized(text, toks[j]) || !products && !plural(text, toks[j]) {
			return first
		}
	}
	for j := first; j <= k; j++ {
		toks[j].brk, toks[j].conj, toks[j].list = brkNone, true, true
	}
	return k
}

// capitalized: the token starts with a capital letter.
func capitalized(text string, t token) bool { return upperAt(text, int(t.start)) }

// plural: the token ends as an English or French plural does.
func plural(text string, t token) bool {
	c := text[t.end-1] | 0x20
	return t.end-t.start > 3 && (c == 's' || c == 'x')
}

// joinAside removes the boundaries around a short parenthesized aside that
// continues its phrase on both sides; open is the aside's first token.
func joinAside(text string, toks []token, open int) {
	for j := open; j < len(toks)-1 && j-open < maxAside; j++ {
		if toks[j+1].brk == brkNone {
			continue
		}
		if kind, _ := gapKind(text, toks[j].end, toks[j+1].start); toks[j+1].brk == brkClause && kind == gapClose {
			toks[open].brk, toks[j+1].brk = brkNone, brkNone
		}
		return
	}
}
