package extract

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Organization names: the employer's, and the capitalized names a
// sentence shows to be an employer, yield no skills.

// markEmployer records where the employer's name occurs in the text: the
// whole name without its legal suffix, or its first word alone when that
// is a distinctive capitalized word ("CIUSSS" for "CIUSSS du
// Centre-Sud").
func (sc *scratch) markEmployer(text, employer string) {
	sc.excluded = sc.excluded[:0]
	if employer == "" {
		return
	}
	name := tokenize(employer, sc.employer[:0])
	sc.employer = name
	for len(name) > 1 && orgSuffixHashes()[name[len(name)-1].hash] {
		name = name[:len(name)-1]
	}
	if len(name) == 0 {
		return
	}
	first := employer[name[0].start:name[0].end]
	distinctive := len(first) >= 4 && !commonWords[strings.ToLower(first)]
	toks := sc.toks
	for i := 0; i < len(toks); i++ {
		if toks[i].hash != name[0].hash {
			continue
		}
		j := 1
		for j < len(name) && i+j < len(toks) && toks[i+j].hash == name[j].hash {
			j++
		}
		if j == len(name) || distinctive && upperAt(text, int(toks[i].start)) {
			sc.excluded = append(sc.excluded, span{int32(i), int32(i + j - 1)})
			i += j - 1
		}
	}
}

// inName reports whether a hit is part of an organization's name: the
// employer's, or a capitalized name ending in a legal suffix ("Excel
// Logistics Inc.").
func (sc *scratch) inName(text string, h hit) bool {
	for _, e := range sc.excluded {
		if h.first <= e.last && h.last >= e.first {
			return true
		}
	}
	toks := sc.toks
	if !upperAt(text, int(toks[h.first].start)) {
		return inEmployerClause(text, toks, h) || namedSubject(text, toks, h)
	}
	for k := h.last + 1; int(k) < len(toks) && k <= h.last+3 && toks[k].brk <= brkClause; k++ {
		if orgSuffixHashes()[toks[k].hash] {
			return true
		}
		if !upperAt(text, int(toks[k].start)) {
			break
		}
	}
	return hiresAfter(text, toks, h) || introducedName(text, toks, h)
}

// introducedName reports whether a capitalized name that h is part of
// opens its sentence after "At", "Chez" or "Join" and is closed by a
// comma: "At Apex Heating & Cooling, we …", "Chez Plomberie Gagnon, …".
func introducedName(text string, toks []token, h hit) bool {
	intro := func(t token) bool {
		switch text[t.start:t.end] {
		case "At", "Chez", "Join", "Rejoignez":
			return true
		}
		return false
	}
	s := h.first
	for s > 0 && toks[s].brk == brkNone && upperAt(text, int(toks[s-1].start)) && !intro(toks[s-1]) {
		s--
	}
	k := h.last
	for int(k+1) < len(toks) && toks[k+1].brk == brkNone && upperAt(text, int(toks[k+1].start)) {
		k++
	}
	if int(k+1) >= len(toks) || !strings.HasPrefix(strings.TrimLeft(text[toks[k].end:], " "), ",") {
		return false
	}
	// The intro word is a token or, dropped as a function word, text.
	start := toks[s].start
	if s > 0 && intro(toks[s-1]) {
		start = toks[s-1].start
	} else {
		before := strings.TrimRight(text[:start], " ")
		i := strings.LastIndexByte(before, ' ') + 1
		if !intro(token{start: int32(i), end: int32(len(before))}) {
			return false
		}
		start = int32(i)
	}
	rest := strings.TrimRight(text[:start], " ")
	return rest == "" || strings.ContainsAny(rest[len(rest)-1:], ".!?:\n")
}

// hiresAfter reports whether a capitalized name that h begins or ends is
// the subject of a hiring verb: "Tri-City Plumbing & Drain is looking
// for", "Statistics Canada is hiring", "Plomberie Brébeuf recrute".
func hiresAfter(text string, toks []token, h hit) bool {
	k := h.last + 1
	for n := 0; n < 4 && int(k) < len(toks) && toks[k].brk == brkNone && upperAt(text, int(toks[k].start)); n++ {
		k++ // the rest of the name
	}
	brk := brkNone
	if int(k) < len(toks) && toks[k].brk == brkClause && relativeAfter(text[toks[k-1].end:toks[k].start], text[toks[k].start:]) {
		// "CWB Group, which certifies welding companies, needs": the
		// verb comes after the relative clause's closing comma.
		for n := 0; n < maxRelative && int(k+1) < len(toks) && toks[k+1].brk < brkSentence; n++ {
			if k++; toks[k].brk == brkClause {
				brk = brkClause
				break
			}
		}
		if brk != brkClause {
			return false
		}
	}
	if int(k) < len(toks) && toks[k].brk == brk && auxHashes()[toks[k].hash] {
		k++
		brk = brkNone
	}
	return int(k) < len(toks) && toks[k].brk == brk && hiringHashes()[toks[k].hash]
}

// namedSubject: the hit is inside the name that opens a sentence
// announcing the job, lower-case words and all, as French names have them:
// "La Maison de soins palliatifs du Littoral cherche", "Services de
// comptabilité et paie Lavoie inc. recherche". The verb must be written
// as a hiring verb (no stemming: "experience needed" asks).
func namedSubject(text string, toks []token, h hit) bool {
	s := h.first
	for s > 0 && toks[s].brk == brkNone && h.first-s < maxSubjectName {
		s--
	}
	if s > 0 && toks[s].brk < brkSentence {
		return false
	}
	for k := h.last + 1; int(k) < len(toks) && k-s <= maxSubjectName; k++ {
		if toks[k].brk != brkNone && !(toks[k].brk <= brkSentence && orgSuffixHashes()[toks[k-1].hash]) {
			return false // a comma or a sentence's end, unless after "inc."
		}
		if !hiringHashes()[toks[k].hash] {
			continue // the stemmed form first: most words are no such verb
		}
		if namedHiringVerbs[strings.ToLower(text[toks[k].start:toks[k].end])] {
			return sentenceOpensCapitalized(text, toks, s)
		}
	}
	return false
}

// sentenceOpensCapitalized: the first word of the sentence whose first
// token is toks[s] (a dropped article included) is capitalized.
func sentenceOpensCapitalized(text string, toks []token, s int32) bool {
	i := 0
	if s > 0 {
		i = int(toks[s-1].end)
	}
	for ; i < int(toks[s].start); i++ {
		if strings.HasPrefix(text[i:], "•") {
			i += len("•") - 1
			continue
		}
		if isWordByte(text[i]) || text[i] >= utf8.RuneSelf {
			break
		}
	}
	return upperAt(text, i)
}

// namedHiringVerbs are the hiring verbs (a subset of hiringVerbs, whose
// stemmed hashes filter first) as namedSubject needs them written.
var namedHiringVerbs = toSet(`recrute recrutent embauche embauchent cherche recherche hiring seeks seeking recruiting`)

// maxSubjectName is the most words of an employer's name opening a
// sentence before its hiring verb.
const maxSubjectName = 9

// inEmployerClause: the hit is inside a relative clause that describes
// the employer named before it, as a blurb does ("CWB Group, which
// certifies welding companies across Canada, needs").
func inEmployerClause(text string, toks []token, h hit) bool {
	c := h.first
	for ; c > 0 && h.first-c < maxRelative && toks[c].brk == brkNone; c-- {
	}
	if c == 0 || toks[c].brk != brkClause || !upperAt(text, int(toks[c-1].start)) ||
		!relativeAfter(text[toks[c-1].end:toks[c].start], text[toks[c].start:]) {
		return false
	}
	return hiresAfter(text, toks, hit{first: c - 1, last: c - 1})
}

// maxRelative is the most words of a relative clause between an
// employer's name and its hiring verb.
const maxRelative = 15

// relativeAfter: a comma and a relative pronoun open the words after a
// name (gap is the text before the next token, rest the text from it).
func relativeAfter(gap, rest string) bool {
	if !strings.Contains(gap, ",") {
		return false
	}
	g := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(gap), ",")))
	switch g {
	case "which", "who", "that", "qui":
		return true
	}
	r := strings.ToLower(rest)
	return g == "" && (strings.HasPrefix(r, "which ") || strings.HasPrefix(r, "who ") || strings.HasPrefix(r, "qui "))
}

// hiringVerbs follow an employer's name in the sentence that announces
// the job; aux words may stand between ("is hiring").
var (
	hiringVerbs  = toSet(`hiring looking seeking recruiting seeks needs recrute recrutent embauche embauchent cherche recherche`)
	auxWords     = toSet(`is are est sont`)
	hiringHashes = sync.OnceValue(func() map[uint64]bool { return hashSet(hiringVerbs) })
	auxHashes    = sync.OnceValue(func() map[uint64]bool { return hashSet(auxWords) })
)
