package extract

// Coordination repair: labels that share words across a conjunction or a
// list ("accounts payable and receivable", "written and verbal
// communication", "disinfect patient rooms and operating rooms"). A
// repaired label counts only when the taxonomy has it.

// conjoined adds the label that the words keyed by prefix (starting at
// toks[first]) make with the conjunct starting at toks[k], one to three
// words long ("clean kitchen and work areas"), and says whether the
// taxonomy has one.
func (x *Extractor) conjoined(sc *scratch, h hit, first int32, prefix uint64, k int32) bool {
	toks, tab := sc.toks, x.ix.tab
	key, best, end := prefix, uint32(0), k
	for e := k; int(e) < len(toks) && e < k+3 && (e == k || toks[e].brk == brkNone); e++ {
		key = seqKey(key, toks[e].hash)
		v, ok := tab.get(key)
		if !ok {
			break
		}
		if v&targetMask != 0 {
			best, end = v&targetMask, e
		}
		if v&prefixBit == 0 {
			break
		}
	}
	if best == 0 {
		return false
	}
	if !x.longerFrom(toks, int(k), int(end)) {
		sc.hits = append(sc.hits, hit{first: first, last: end, sent: h.sent, line: h.line, clause: h.clause, tgt: best})
	}
	return true
}

// longerFrom says whether a label of its own starts at toks[k] and runs
// past end: then the conjunct is that phrase, not a word sharing the
// head before the conjunction ("computer vision and machine learning" is
// not computer machinery).
func (x *Extractor) longerFrom(toks []token, k, end int) bool {
	if !x.ix.tab.mayStart(toks, k) {
		return false
	}
	t, e, gaps, _, _ := x.longest(toks, k)
	return t != 0 && gaps == 0 && e > end
}

// ellipsis repairs coordination that shares a word between two labels:
// "accounts payable and receivable" (head first: "accounts receivable"),
// "comptes fournisseurs et clients", and "written and verbal
// communication" (head last: "written communication"). A repaired label
// counts only when the taxonomy has it, so nothing is invented.
func (x *Extractor) ellipsis(sc *scratch, text string, h hit) {
	toks := sc.toks
	// Only a conjunction or a list right after the hit can share its
	// first words ("clean offices, boardrooms and washrooms"), or the
	// single words of a list the tokenizer kept apart because its first
	// item is longer ("accounts payable, receivable and payroll").
	if k := h.last + 1; int(k) < len(toks) {
		if conjunct(toks[k]) {
			x.headFirst(sc, h, k)
		} else if last := serialItems(text, toks, int(k)); last > 0 {
			x.headFirst(sc, h, int32(last))
		}
	}
	x.headLast(sc, text, h)
}

// serialItems is the last item of a list of single words starting at
// toks[k] after a comma and ending in a conjoined one ("…, B, C and D"),
// or -1. The tokenizer joins such lists (joinSerial) when their first item
// qualifies; ellipsis reads the others the same way, their clause
// boundaries kept, so requirement cues keep their scope.
func serialItems(text string, toks []token, k int) int {
	for ; k < len(toks); k++ {
		if toks[k].brk != brkClause {
			return -1
		}
		kind, conj := gapKind(text, toks[k-1].end, toks[k].start)
		if kind != gapComma {
			return -1
		}
		if conj {
			return k
		}
		if k+1 < len(toks) && toks[k+1].brk == brkNone && toks[k+1].conj {
			return k + 1
		}
	}
	return -1
}

// maxSerialItems bounds the earlier items of a list headLastList walks
// back through.
const maxSerialItems = 4

// commaBefore: a single comma stands between toks[k-1] and toks[k], or
// the tokenizer joined them as a list's items.
func commaBefore(text string, toks []token, k int) bool {
	if toks[k].list {
		return true
	}
	if toks[k].brk != brkClause {
		return false
	}
	kind, _ := gapKind(text, toks[k-1].end, toks[k].start)
	return kind == gapComma
}

// headFirst is ellipsis with the shared words first: each conjunct after
// the hit replaces its last word, keeping the words before it, or fewer of
// them when the whole prefix makes no label ("safe food handling and
// storage" is food storage), or its last two words.
func (x *Extractor) headFirst(sc *scratch, h hit, until int32) {
	toks := sc.toks
	var prefixes [maxLabelTokens]uint64 // key of toks[s:h.last] at s-h.first
	for s := h.first; s < h.last; s++ {
		for t := s; t < h.last; t++ {
			prefixes[s-h.first] = seqKey(prefixes[s-h.first], toks[t].hash)
		}
	}
	// Or the last two words are what the conjunct replaces: "travailler en
	// équipe et sous pression" is also travailler sous pression, and
	// "capacité à travailler sous pression et en équipe" travailler en
	// équipe (fewer words before, as above).
	var shorter [maxLabelTokens]uint64 // key of toks[s:h.last-1] at s-h.first
	for s := h.first; s < h.last-1; s++ {
		for t := s; t < h.last-1; t++ {
			shorter[s-h.first] = seqKey(shorter[s-h.first], toks[t].hash)
		}
	}
	for k := h.last + 1; int(k) < len(toks) && (k <= until || conjunct(toks[k])); k++ {
		found := false
		for s := h.first; s < h.last && !found; s++ {
			found = x.conjoined(sc, h, s, prefixes[s-h.first], k)
		}
		for s := h.first; s < h.last-1 && !found; s++ {
			found = x.conjoined(sc, h, s, shorter[s-h.first], k)
		}
	}
}

// conjunct: a word after a conjunction, or the next item of a list.
func conjunct(t token) bool { return t.conj && t.brk == brkNone || t.list }

// headLast is ellipsis with the shared words last: the one or two words
// before the conjunction take the place of the hit's first one or two
// ("written and verbal communication", "Class 5 or Class 3 licence").
func (x *Extractor) headLast(sc *scratch, text string, h hit) {
	toks, tab := sc.toks, x.ix.tab
	p := h.first - 1
	if p < 0 || !conjoinedBefore(text, toks, int(h.first)) {
		return
	}
	defer x.headLastList(sc, text, h, p)
	for n := int32(1); n <= 2 && h.first+n <= h.last && p-n+1 >= 0; n++ {
		if n == 2 && (toks[p].brk != brkNone || toks[p].conj) {
			break
		}
		k := uint64(0)
		for t := p - n + 1; t <= p; t++ {
			k = seqKey(k, toks[t].hash)
		}
		for t := h.first + n; t <= h.last; t++ {
			k = seqKey(k, toks[t].hash)
		}
		if v, ok := tab.get(k); ok && v&targetMask != 0 {
			sc.hits = append(sc.hits, hit{first: p - n + 1, last: h.last, sent: h.sent, line: h.line, clause: h.clause, tgt: v & targetMask})
			return
		}
	}
}

// conjoinedBefore: a conjunction stands right before toks[k], alone,
// after a list's comma (", and") or as the tokenizer's list.
func conjoinedBefore(text string, toks []token, k int) bool {
	t := toks[k]
	if t.conj && t.brk == brkNone || t.list && t.conj {
		return true
	}
	if t.brk != brkClause {
		return false
	}
	kind, conj := gapKind(text, toks[k-1].end, t.start)
	return kind == gapComma && conj
}

// headLastList goes on with headLast through the earlier items of a
// list, each one word after a comma: "residential, commercial and
// industrial wiring" is residential wiring too. An item that ends a
// label of its own ("customer service, sales and inventory management")
// is that label's, not a modifier.
func (x *Extractor) headLastList(sc *scratch, text string, h hit, p int32) {
	toks, tab := sc.toks, x.ix.tab
	if h.first+1 > h.last {
		return
	}
	for q, n := p, 0; q > 0 && n < maxSerialItems && commaBefore(text, toks, int(q)); n++ {
		q--
		if endsLabel(sc.hits, q) {
			return
		}
		k := seqKey(0, toks[q].hash)
		for t := h.first + 1; t <= h.last; t++ {
			k = seqKey(k, toks[t].hash)
		}
		if v, ok := tab.get(k); ok && v&targetMask != 0 {
			sc.hits = append(sc.hits, hit{first: q, last: h.last, sent: h.sent, line: h.line, clause: h.clause, tgt: v & targetMask})
		}
	}
}

// endsLabel: a hit of two or more words ends on toks[q].
func endsLabel(hits []hit, q int32) bool {
	for i := len(hits) - 1; i >= 0 && i >= len(hits)-8; i-- {
		if hits[i].last == q && hits[i].first < q {
			return true
		}
	}
	return false
}

// maxFirstObject is the most words the first of a verb's coordinated
// objects may hold when only a later one makes a label with the verb:
// "désinfecter les chambres d'isolement et les salles d'opération".
const maxFirstObject = 4

// sharedVerb repairs a verb shared by coordinated objects when the first
// object makes no label with it, so ellipsis (which starts from a hit)
// never sees the others: "Disinfect patient rooms and operating rooms" is
// also disinfect operating rooms. Only a word opening a clause, as the
// verb of a duty statement does, is taken for a verb: inside a phrase the
// first word of a label is as often a noun that the conjunction does not
// reach ("financial services providing advice and products" is no
// financial products). The objects after a conjunction or a list comma
// within the first object's reach are tried with the verb; as in
// ellipsis, only labels the taxonomy has count.
func (x *Extractor) sharedVerb(sc *scratch, text string, i int, pos position) {
	toks := sc.toks
	// Most words open no clause nor have a conjunction after them: flags
	// first, the table only then.
	if i > 0 && toks[i].brk == brkNone || !conjunctAhead(text, toks, i) {
		return
	}
	k := seqKey(0, toks[i].hash)
	if v, ok := x.ix.tab.get(k); !ok || v&prefixBit == 0 {
		return
	}
	h := hit{first: int32(i), last: int32(i), sent: pos.sent, line: pos.line, clause: pos.clause}
	for j := i + 2; j < len(toks) && j <= i+1+maxFirstObject; j++ {
		item := listItem(text, toks, j)
		if toks[j].brk != brkNone && !item {
			return
		}
		if item || conjunct(toks[j]) {
			x.conjoined(sc, h, h.first, k, int32(j))
		}
	}
}

// listItem: toks[j] is an item of a list, joined by the tokenizer or of
// single words after a longer first object ("Design print ads, flyers
// and social posts").
func listItem(text string, toks []token, j int) bool {
	return toks[j].list || toks[j].brk == brkClause && serialItems(text, toks, j) > 0
}

// conjunctAhead: a conjunct starts within the first object's reach after
// toks[i], inside its phrase.
func conjunctAhead(text string, toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+1+maxFirstObject; j++ {
		item := listItem(text, toks, j)
		if toks[j].brk != brkNone && !item {
			return false
		}
		if j > i+1 && (item || conjunct(toks[j])) {
			return true
		}
	}
	return false
}

// numberedSeries repairs numbers coordinated inside a label: "Class 1 or 3
// licence" is Class 1 licence and Class 3 licence, "niveau 2 ou 3". The
// word before the numbers and the one or two after them are shared.
func (x *Extractor) numberedSeries(sc *scratch, text string, i int, pos position) {
	toks := sc.toks
	// The caller checked toks[i+2] (a conjunction) exists.
	if toks[i+1].brk != brkNone || toks[i+3].brk != brkNone ||
		!isDigit(text[toks[i+1].start]) || !isDigit(text[toks[i+2].start]) {
		return
	}
	tab := x.ix.tab
	for _, num := range [2]int{i + 1, i + 2} {
		key := seqKey(seqKey(0, toks[i].hash), toks[num].hash)
		for e := i + 3; e < len(toks) && e <= i+4 && toks[e].brk == brkNone; e++ {
			key = seqKey(key, toks[e].hash)
			v, ok := tab.get(key)
			if !ok {
				break
			}
			if t := v & targetMask; t != 0 {
				sc.hits = append(sc.hits, hit{first: int32(i), last: int32(e), sent: pos.sent, line: pos.line, clause: pos.clause, tgt: t})
				break
			}
		}
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
