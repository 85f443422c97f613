package extract

import "github.com/skillpulse/skillpulse/analyzer/taxonomy"

// Matching: the longest label at each token, with gaps, coordination and
// ellipsis repaired, and overlaps between hits settled.

// scan tokenizes text and records leftmost-longest label hits and cue hits.
func (x *Extractor) scan(text string, sc *scratch) {
	toks := tokenize(text, sc.toks[:0])
	joinLists(text, toks)
	sc.toks = toks
	sc.hits, sc.cues, sc.people = sc.hits[:0], sc.cues[:0], sc.people[:0]
	sc.lineStarts = append(sc.lineStarts[:0], 0)
	tab := x.ix.tab
	var pos position
	// gapLast/gapTgt: the last hit that skipped words ("advanced SQL and
	// Excel" is "advanced Excel" around SQL). The skipped words are
	// scanned too; a later hit of the same label inside it is the same
	// mention.
	gapLast, gapTgt := int32(-1), uint32(0)
	for i := 0; i < len(toks); {
		if pos.advance(toks[i].brk) {
			sc.lineStarts = append(sc.lineStarts, int32(i))
		}
		if !tab.mayStart(toks, i) {
			// A verb whose next words make no label may still share a later
			// object: "Disinfect patient rooms and operating rooms".
			x.repairAt(sc, text, i, pos)
			i++
			continue
		}
		// The first lookup inline: most candidates end here (no entry, or
		// a one-word label nothing extends).
		k0 := seqKey(0, toks[i].hash)
		v0, ok0 := tab.get(k0)
		if !ok0 {
			i++
			continue
		}
		var bestT, bestC uint32
		var endT, gapsT, endC int
		if v0&prefixBit == 0 {
			bestT, endT = v0&targetMask, i
			if c := (v0 >> cueShift) & cueMask; c != 0 {
				bestC, endC = c, i
			}
		} else {
			bestT, endT, gapsT, bestC, endC = longestFrom(tab, toks, i, k0, v0, true)
		}
		if bestT != 0 && gapsT > 0 && x.knowledge(bestT) {
			// Words inside a field's name make another field ("modern
			// programming languages" is not modern languages); only a
			// skill's verb and object stand apart ("solving business
			// problems"). Past modifiers of another head ("communication,
			// presentation and organizational skills") the field's own
			// name stays.
			bestT = 0
			if t, e, g, _, _ := longestFrom(tab, toks, i, k0, v0, false); t != 0 && (g == 0 || !x.knowledge(t)) {
				bestT, endT, gapsT = t, e, g
			}
		}
		lenT, lenC := endT-i+1, endC-i+1
		if bestT == 0 {
			lenT = 0
		}
		if bestC != 0 && lenC >= lenT {
			if x.splitsSentence(toks, i, endC, bestC) {
				toks[i].brk = brkSentence
				pos.sent++
				pos.clause++
			}
			sc.cues = append(sc.cues, hit{first: int32(i), last: int32(i + lenC - 1), sent: pos.sent, line: pos.line, clause: pos.clause, tgt: bestC})
		}
		if lenT <= 1 {
			x.repairAt(sc, text, i, pos)
		}
		switch {
		case bestT != 0:
			h := hit{first: int32(i), last: int32(i + lenT - 1), sent: pos.sent, line: pos.line, clause: pos.clause, tgt: bestT}
			if !(h.last <= gapLast && x.sameEntry(bestT, gapTgt)) {
				sc.hits = append(sc.hits, h)
				if gapsT == 0 && lenT >= 2 {
					x.ellipsis(sc, text, h)
					// The scan goes on after the overlapping label, as
					// after any: "Class 3 licence with air brakes" is the
					// endorsement, not also the brakes inside it.
					if end := x.overlap(sc, text, h); end > h.last {
						lenT = int(end) - i + 1
					}
				}
			}
			switch {
			case gapsT > 0:
				gapLast, gapTgt = h.last, bestT
				i++
			case lenT >= 2 && x.ix.targets[bestT-1].verbFirst && objectGoesOn(text, toks, endT):
				// resolve drops it ("administer Exchange" of Exchange
				// administration, its object going on): the words inside it
				// may still make a label ("Exchange Online").
				i++
			default:
				i += lenT
			}
		case bestC != 0:
			i += lenC
		default:
			i++
		}
	}
}

// repairAt tries the repairs that start at a word no label of more than
// one word starts from: a verb shared by a later object, the people a
// verb manages, numbers coordinated inside a label.
func (x *Extractor) repairAt(sc *scratch, text string, i int, pos position) {
	x.sharedVerb(sc, text, i, pos)
	x.peopleObject(sc, text, i, pos)
	if i+3 < len(sc.toks) && sc.toks[i+2].conj { // most words: no call
		x.numberedSeries(sc, text, i, pos)
	}
}

// splitsSentence: a boilerplate header with its colon inside a sentence
// ("Duties: stock shelves Benefits: employee discount", "… fins de
// semaine Avantages : rabais employé") opens a sentence of its own, as
// postings flattened to one line without their full stops have it: the
// benefits after it must not make the duties before it boilerplate.
func (x *Extractor) splitsSentence(toks []token, first, last int, cue uint32) bool {
	return first > 0 && toks[first].brk == brkNone && last+1 < len(toks) && toks[last+1].brk == brkColon &&
		x.ix.cues[cue-1].header == cueBoilerHeader
}

// longest finds the longest label (with the words it skipped) and the
// longest cue that start at toks[i].
func (x *Extractor) longest(toks []token, i int) (bestT uint32, endT, gapsT int, bestC uint32, endC int) {
	k := seqKey(0, toks[i].hash)
	v, ok := x.ix.tab.get(k)
	if !ok {
		return 0, 0, 0, 0, 0
	}
	return longestFrom(x.ix.tab, toks, i, k, v, true)
}

func (x *Extractor) knowledge(t uint32) bool {
	return x.ix.tax.Entries[x.ix.targets[t-1].entry].Type == taxonomy.Knowledge
}

// longestFrom is longest in tab given the lookup of toks[i] alone (key
// k, value v); runs lets labels go on past coordinated modifiers.
func longestFrom(tab *table, toks []token, i int, k uint64, v uint32, runs bool) (bestT uint32, endT, gapsT int, bestC uint32, endC int) {
	ok := true
	// alt: when a coordinated verb continues a label of two verbs
	// ("réceptionner et vérifier les livraisons") that then leads nowhere,
	// the label the first verb makes past it ("Réceptionner et vérifier
	// la marchandise" is réceptionner la marchandise).
	var altT uint32
	var altEnd, altGaps int
	for j, gaps := i, 0; ok; {
		if t := v & targetMask; t != 0 {
			bestT, endT, gapsT = t, j, gaps
		}
		if c := (v >> cueShift) & cueMask; c != 0 && gaps == 0 {
			bestC, endC = c, j
		}
		if v&prefixBit == 0 || j-i+1 >= maxLabelTokens {
			break
		}
		// Extend by the next token; failing that, let up to maxGap
		// words in between ("solving business problems" is "solve
		// problems"), never across a clause boundary.
		ok = false
		var pk uint64
		var pv uint32
		var pj, pg int
		budget := maxGap - gaps
		// A capitalized word inside a sentence is a name, not a verb:
		// "Shopify or Lightspeed is a plus" is no Shopify Plus.
		free := j == i && j+1 < len(toks) && toks[j+1].conj && !toks[j+1].capital
		if free {
			// A coordinated verb after the first word is free: "prepare
			// and cook meals", "supervise and co-ordinate staff".
			budget += 2
		}
		for g := 0; g <= budget; g++ {
			nj := j + 1 + g
			if nj >= len(toks) || toks[nj].brk != brkNone {
				break
			}
			if g == 0 && toks[nj].list {
				continue // the next item of a list, not this label's next word
			}
			// Otherwise a gap stops at a conjunction: the words on its
			// two sides belong to two phrases ("computer vision and
			// machine learning" is not computer machinery, "maintaining
			// build and deployment pipelines" not maintain pipelines).
			if g > 0 && (crossesConj(toks, nj, j, free) || crossesConj(toks, nj-1, j, free)) {
				break
			}
			nk := seqKey(k, tab.keyHash(toks[nj]))
			if !hasBit(tab.multi, nk) {
				continue
			}
			if nv, found := tab.get(nk); found {
				// Take the next word, else the first word past a gap that
				// completes a label, else the first that continues one
				// ("supervise and
				// co-ordinate sales staff" is "supervise staff", not a
				// dead end at "supervise sales associates").
				if !ok || nv&targetMask != 0 {
					pk, pv, pj, pg = nk, nv, nj, min(gaps+g, maxGap)
					ok = true
				}
				if g == 0 && free && altT == 0 && tab.verbPairs {
					altT, altEnd, altGaps = freeTarget(tab, toks, k, j, budget)
				}
				if g == 0 || nv&targetMask != 0 {
					break // the next word itself always wins
				}
			}
		}
		if !ok && runs {
			if pk, pv, pj, ok = modifierRun(tab, toks, k, j, free); ok {
				pg = maxGap
			}
		}
		if ok {
			k, v, j, gaps = pk, pv, pj, pg
		}
	}
	if altT != 0 && bestT == 0 {
		bestT, endT, gapsT = altT, altEnd, altGaps
	}
	return bestT, endT, gapsT, bestC, endC
}

// modifierRun continues a label past the coordinated modifiers of its
// object: "install residential and commercial wiring" installs wiring,
// as "residential and commercial wiring" is both kinds of it. Either way
// the words are bracketed, the verb governs the head. The run is a word
// and one or two more joined to it by a conjunction or a list's comma;
// past free coordinated verbs ("install, troubleshoot and repair
// residential and commercial wiring") it starts after them.
func modifierRun(tab *table, toks []token, k uint64, j int, free bool) (uint64, uint32, int, bool) {
	p := j + 1
	if free {
		for p < len(toks) && toks[p].conj && toks[p].brk == brkNone {
			p++
		}
	}
	if p+2 >= len(toks) || toks[p].conj || toks[p].brk != brkNone || !toks[p+1].conj || toks[p+1].brk != brkNone {
		return 0, 0, 0, false
	}
	q := p + 1
	for q+1 < len(toks) && q-p < 2 && toks[q+1].conj && toks[q+1].brk == brkNone {
		q++
	}
	next := q + 1
	if next >= len(toks) || toks[next].conj || toks[next].brk != brkNone {
		return 0, 0, 0, false
	}
	nk := seqKey(k, tab.keyHash(toks[next]))
	if !hasBit(tab.multi, nk) {
		return 0, 0, 0, false
	}
	nv, found := tab.get(nk)
	return nk, nv, next, found
}

// freeTarget is the label that the first word (key k, at toks[j]) makes
// with a word past its coordinated verbs, within budget, as the free gap
// would have found it; 0 when none.
func freeTarget(tab *table, toks []token, k uint64, j, budget int) (uint32, int, int) {
	for g := 1; g <= budget; g++ {
		nj := j + 1 + g
		if nj >= len(toks) || toks[nj].brk != brkNone || crossesConj(toks, nj, j, true) || crossesConj(toks, nj-1, j, true) {
			break
		}
		nk := seqKey(k, tab.keyHash(toks[nj]))
		if !hasBit(tab.multi, nk) {
			continue
		}
		if nv, found := tab.get(nk); found && nv&targetMask != 0 {
			return nv & targetMask, nj, min(g, maxGap)
		}
	}
	return 0, 0, 0
}

// crossesConj says whether token k, reached from label word j past a
// gap, follows a conjunction; the free coordinated verbs right after the
// first word do not count ("supervise, train and schedule staff").
func crossesConj(toks []token, k, j int, free bool) bool {
	if !toks[k].conj || !free {
		return toks[k].conj
	}
	for i := j + 1; i <= k; i++ {
		if !toks[i].conj {
			return true
		}
	}
	return false
}

func (x *Extractor) sameEntry(a, b uint32) bool {
	return b != 0 && x.ix.targets[a-1].entry == x.ix.targets[b-1].entry
}

// overlap finds a label of two or more words that starts on the last
// word of hit h, which leftmost-longest matching would skip: "gestion des
// comptes fournisseurs" is account management and accounts payable.
// It returns the last token of the label it found (-1: none).
func (x *Extractor) overlap(sc *scratch, text string, h hit) int32 {
	i := int(h.last)
	if !x.ix.tab.mayStart(sc.toks, i) {
		return -1
	}
	t, end, gaps, _, _ := x.longest(sc.toks, i)
	if t == 0 || end == i || gaps > 0 || x.sameEntry(t, h.tgt) {
		return -1
	}
	o := hit{first: h.last, last: int32(end), sent: h.sent, line: h.line, clause: h.clause, tgt: t}
	sc.hits = append(sc.hits, o)
	x.ellipsis(sc, text, o)
	return o.last
}
