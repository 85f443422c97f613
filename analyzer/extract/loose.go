package extract

import (
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// Loose labels are forms of a multi-word label that postings use and
// ESCO does not list: the object of a verb-object skill named alone ("code
// reviews" for conduct ICT code review, "automated testing" for develop
// automated software tests, "relationship with your stakeholders" for
// manage relationships with stakeholders), the label without the generic
// words ESCO adds ("ICT", "techniques", "systems"), and two-word labels
// and "A of B" phrases turned round ("problem solving" for solve
// problems, "animal health" for health of animals). Inflections are the
// tokenizer's stems (EN and FR), function words its skip list, gaps the
// dictionary's. They live in the dictionary's table, so they cost one
// lookup like any label, but they are matched only when a rescorer that
// judges them asks for them (LooseJudge, SetLoose): on their own they link
// too many wrong concepts. Their matches are marked Match.Loose.

// looseFunction are words a loose label may not start or end with and
// does not count as content ("work in teams" is no object "in teams").
var looseFunction = []string{
	"in", "on", "for", "with", "to", "of", "by", "at", "from", "as", "into", "within", "across",
	"through", "over", "under", "per", "via", "be", "is", "are", "your", "our", "their", "its",
	"this", "that", "these", "those", "own", "one", "all", "any", "other", "new",
	"pour", "avec", "dans", "sur", "par", "au", "aux", "en", "son", "sa", "ses", "leur", "leurs",
	"votre", "vos", "notre", "nos", "etre", "ce", "cet", "cette", "ces",
}

// Words ESCO adds to a skill that postings leave out: looseQualifier
// anywhere ("ICT code review", "révision de code TIC"); looseGeneric
// before the end ("automated software tests"), as at the end "systems"
// and "tools" are the object itself ("hand tools"); looseGenericTail
// only at the end, where they name a way of doing the rest ("data
// warehousing techniques").
var (
	looseQualifier   = []string{"ict", "tic"}
	looseGeneric     = []string{"software", "system", "tool", "logiciel", "systeme", "outil"}
	looseGenericTail = []string{"technique", "method", "principle", "procedure", "process", "methode", "principe", "processus"}
)

// looseNever are loose forms that name something else in postings: a
// school level is an education requirement ("Secondary (high) school
// graduation certificate"), not the knowledge of "high school procedures".
var looseNever = []string{"high school", "secondary school", "elementary school", "primary school", "middle school",
	"école secondaire", "école primaire"}

// looseGroupHeads are nouns for a group of people: a verb's object that
// ends in one names the group, not the skill ("sales team" alone is no
// "manage sales teams", "kitchen staff" no "supervise kitchen staff").
var looseGroupHeads = []string{"team", "staff", "personnel", "crew", "employee", "worker", "people",
	"equipe", "employe", "travailleur"}

// minLooseContent: a loose label needs two content words; one word is the
// dictionary's, with its guards.
const minLooseContent = 2

type looseWords struct {
	function, qualifier, generic map[uint64]bool
	tail                         map[uint64]bool // generic only as the last word
	group                        map[uint64]bool // looseGroupHeads
	never                        map[uint64]bool // keys of looseNever
	of                           uint64
}

func newLooseWords() *looseWords {
	set := func(ws []string) map[uint64]bool {
		m := map[uint64]bool{}
		for _, w := range ws {
			for _, t := range tokenize(w, nil) {
				m[t.hash] = true
			}
		}
		return m
	}
	never := map[uint64]bool{}
	for _, p := range looseNever {
		var hs []uint64
		for _, t := range tokenize(p, nil) {
			hs = append(hs, t.hash)
		}
		never[hashKey(hs)] = true
	}
	generic := set(looseGeneric)
	tail := set(looseGenericTail)
	for h := range tail {
		generic[h] = true
	}
	return &looseWords{function: set(looseFunction), qualifier: set(looseQualifier), generic: generic, tail: tail, group: set(looseGroupHeads), never: never, of: tokenize("of", nil)[0].hash}
}

// looseForms returns the loose forms of a label given as token hashes, in
// dst (reused).
// verb is the first word of the concept's preferred label: a label that
// opens with it opens with the skill's verb.
// headFirst says the label's language puts a noun phrase's head first
// (French "équipes de vente"), else last ("sales teams").
func (lw *looseWords) looseForms(toks []token, typ taxonomy.Type, verb uint64, headFirst bool, dst [][]uint64) [][]uint64 {
	dst = dst[:0]
	content := 0
	var bare []uint64 // without generic words
	for i, t := range toks {
		last := i == len(toks)-1
		if lw.qualifier[t.hash] || lw.generic[t.hash] && last == lw.tail[t.hash] {
			continue
		}
		bare = append(bare, t.hash)
		if !lw.function[t.hash] {
			content++
		}
	}
	add := func(hs []uint64) {
		hs = lw.trim(hs)
		if lw.content(hs) >= minLooseContent && len(hs) <= maxLabelTokens {
			dst = append(dst, append([]uint64(nil), hs...))
		}
	}
	if len(bare) < len(toks) {
		add(bare)
	}
	// A skill's preferred label opens with its verb; another label
	// opening with the same word does too.
	if typ == taxonomy.Skill && content >= 3 && len(bare) > 0 && bare[0] == toks[0].hash && toks[0].hash == verb {
		if obj := lw.trim(bare[1:]); len(obj) > 0 && !lw.group[head(obj, headFirst)] {
			add(obj)
			dst = lw.turned(obj, dst)
		}
	}
	return lw.turned(bare, dst)
}

// turned adds "B A" for a phrase "A of B".
func (lw *looseWords) turned(hs []uint64, dst [][]uint64) [][]uint64 {
	if len(hs) == 3 && hs[1] == lw.of && !lw.function[hs[0]] && !lw.function[hs[2]] {
		dst = append(dst, []uint64{hs[2], hs[0]})
	}
	return dst
}

func head(hs []uint64, first bool) uint64 {
	if first {
		return hs[0]
	}
	return hs[len(hs)-1]
}

// content counts the words of hs that are no function words.
func (lw *looseWords) content(hs []uint64) int {
	n := 0
	for _, h := range hs {
		if !lw.function[h] {
			n++
		}
	}
	return n
}

// trim drops function words at both ends.
func (lw *looseWords) trim(hs []uint64) []uint64 {
	for len(hs) > 0 && lw.function[hs[0]] {
		hs = hs[1:]
	}
	for len(hs) > 0 && lw.function[hs[len(hs)-1]] {
		hs = hs[:len(hs)-1]
	}
	return hs
}

// isLabel says whether the token-hash sequence hs is a dictionary label.
func (ix *index) isLabel(hs []uint64) bool {
	v, ok := ix.tab.get(hashKey(hs))
	return ok && v&targetMask != 0
}

// hashKey is the table key of a token-hash sequence.
func hashKey(hs []uint64) uint64 {
	k := uint64(0)
	for _, h := range hs {
		k = seqKey(k, h)
	}
	return k
}

// addHashes registers the n-grams of a token-hash sequence, as add does
// for a phrase.
func (b *builder) addHashes(hs []uint64) uint64 {
	k := uint64(0)
	for i, h := range hs {
		k = seqKey(k, h)
		if i > 0 {
			b.multi = append(b.multi, k)
		}
		if i < len(hs)-1 {
			b.vals[k] |= prefixBit
		} else {
			b.vals[k] |= 0
		}
	}
	return k
}

// addLoose files the loose forms of entry ei's labels in b; a form that
// is a label in dict already stays that label.
func (ix *index) addLoose(b *builder, lw *looseWords, ei int, labels []taxonomy.Label, forms [][]uint64) [][]uint64 {
	e := &ix.tax.Entries[ei]
	verbs := map[uint64]bool{}
	for _, l := range labels {
		if l.Kind == taxonomy.Preferred {
			if t := tokenize(l.Text, b.toks[:0]); len(t) > 0 {
				verbs[t[0].hash] = true
			}
		}
	}
	for _, l := range labels {
		if l.Kind == taxonomy.Hidden {
			continue
		}
		b.toks = tokenize(l.Text, b.toks[:0])
		if len(b.toks) < 2 || len(b.toks) > maxLabelTokens {
			continue
		}
		verb := uint64(0)
		if verbs[b.toks[0].hash] {
			verb = b.toks[0].hash
		}
		conj := false
		for _, t := range b.toks[1:] {
			conj = conj || t.conj
		}
		forms = lw.looseForms(b.toks, e.Type, verb, l.Lang == "fr", forms)
		for _, hs := range forms {
			if ix.isLabel(hs) || lw.never[hashKey(hs)] {
				continue
			}
			b.singles = append(b.singles, hs[0])
			k := b.addHashes(hs)
			tg := target{entry: int32(ei), kind: l.Kind, numTokens: uint8(len(hs)), loose: true, looseContent: uint8(lw.content(hs)), looseConj: conj}
			if cur := b.vals[k] & targetMask; cur != 0 {
				if old := &ix.targets[cur-1]; old.loose && tg.rank() < old.rank() {
					*old = tg
				}
				continue
			}
			if len(ix.targets)+1 >= targetMask {
				continue
			}
			ix.targets = append(ix.targets, tg)
			b.vals[k] |= uint32(len(ix.targets))
		}
	}
	return forms
}

// buildLoose files the loose forms of every entry's labels in a table of
// their own, built on first use: without a rescorer nobody pays for it. A
// form that is a label of the dictionary stays its label. Its single
// bitset holds the first words of the forms.
func (ix *index) buildLoose() {
	ix.looseOnce.Do(func() {
		b := &builder{vals: map[uint64]uint32{}}
		lw := newLooseWords()
		var forms [][]uint64
		for ei := range ix.tax.Entries {
			forms = ix.addLoose(b, lw, ei, expandLabels(ix.tax.Entries[ei].Labels), forms)
		}
		ix.loose = newFrozenTable(b.vals, b.singles, b.multi)
		ix.looseWords = lw
	})
}

// scanLoose appends the loose hits of the scanned text, leftmost-longest
// with the dictionary's gaps, but none over words the dictionary matched
// to a label of its own or over a mention of the same concept.
func (x *Extractor) scanLoose(sc *scratch) {
	toks := sc.toks
	tab := x.ix.loose
	nExact := len(sc.hits)
	var pos position
	for i := 0; i < len(toks); i++ {
		pos.advance(toks[i].brk)
		// A loose form's first two words stand side by side (gaps come
		// later, "relationship with your stakeholders"): one key, one bit
		// per token.
		if i+1 >= len(toks) || toks[i+1].brk != brkNone {
			continue
		}
		// Few words open a loose form (never a function word): the
		// single set, a fraction of the multi's size, stays in L1 and
		// turns most tokens away before the pair's bit is fetched.
		if !hasBit(tab.single, toks[i].hash) {
			continue
		}
		k := seqKey(0, toks[i].hash)
		if !hasBit(tab.multi, seqKey(k, toks[i+1].hash)) {
			continue
		}
		v, ok := tab.get(k)
		if !ok || v&prefixBit == 0 {
			continue
		}
		t, end, _, _, _ := longestFrom(tab, toks, i, k, v, false)
		if t == 0 || !x.looseTight(toks, i, end, t) || x.looseKnown(sc, nExact, i, end, t) {
			continue
		}
		sc.hits = append(sc.hits, hit{first: int32(i), last: int32(end), sent: pos.sent, line: pos.line, clause: pos.clause, tgt: t})
	}
}

// looseTight says whether a loose hit is its form's words alone: the
// dictionary's gaps may hold content words ("solving business problems"
// is solve problems), a loose form's only function words ("issues in a
// full stack environment" is no "issues in the environment"), and no
// conjunction its label lacks joins its words ("installation and
// maintenance", "production or development" name two things, not the
// compound "installation maintenance" or "production developments";
// "open and close" is "opening and closing procedures").
func (x *Extractor) looseTight(toks []token, first, last int, tgt uint32) bool {
	tg := &x.ix.targets[tgt-1]
	content := 0
	for j := first; j <= last; j++ {
		if j > first && (toks[j].list || toks[j].conj && !tg.looseConj) {
			return false
		}
		if !x.ix.looseWords.function[toks[j].hash] {
			content++
		}
	}
	return content <= int(tg.looseContent)
}

// looseKnown says whether the dictionary matched the same words, or the
// same concept on some of them, or this hit was recorded already.
func (x *Extractor) looseKnown(sc *scratch, nExact, first, last int, tgt uint32) bool {
	e := x.ix.targets[tgt-1].entry
	for hi, h := range sc.hits {
		// Overlap first: most hits lie elsewhere, and a hit's target is
		// a random read in a table of megabytes.
		overlap := int(h.first) <= last && int(h.last) >= first
		if overlap && x.ix.targets[h.tgt-1].entry == e || hi < nExact && int(h.first) == first && int(h.last) == last {
			return true
		}
	}
	return false
}
