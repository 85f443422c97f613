package extract

import (
	"sort"
	"strings"
	"sync"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// docContext answers, for one document, which section, sentence and
// clause a hit is in and whether an ambiguous label has support.
type docContext struct {
	ix        *index
	sc        *scratch
	section   map[int32]cueKind // line -> kind of the section it belongs to
	boilerSen map[int32]bool
	negClause map[int32]bool // clauses whose skills are declared not required
	// assetClause: clauses with an asset cue. "An asset but not required"
	// makes an asset, not a skill the job does not want.
	assetClause map[int32]bool
	negFrom     map[int32]int32 // sentence -> first clause negated by "not required:"
	// reqCues are the in-sentence "required" and "asset" cues in text order.
	reqCues []reqCue
	// techCtx caches whether the document has technical vocabulary:
	// 0 unknown, 1 no, 2 yes.
	techCtx   uint8
	techSkill bool // an unguarded software skill was found
	headers   []header
	// dutySents are the sentences that open with a skill's words
	// ("Shape baguettes …"), ascending: they end an inline benefits
	// header's scope (see sentenceScoped).
	dutySents []int32
	// langSent (sentence + 1) and langVal cache the last sentence's
	// function-word balance; docLang the document's: 0 unknown, 1 not
	// English, 2 English (see englishAt).
	langSent int32
	langVal  int
	docLang  uint8
}

type reqCue struct {
	tok, last, sent, clause int32
	asset                   bool
	// aside: the cue is alone in parentheses, "customer service
	// (preferred)": it speaks of what it follows, not of what comes next.
	aside bool
	// own: the cue's clause names a skill of its own ("Spanish is an
	// asset"), so the cue speaks of that clause only; a bare cue clause
	// (", an asset") speaks of the clauses beside it.
	own bool
	// colon: the cue's clause ends with a colon ("Nice to have
	// experience: Coturn, WebRTC"): it speaks of what comes after it in
	// the sentence, whatever its own clause holds.
	colon bool
}

// reset prepares c for the document in sc, reusing its maps.
func (c *docContext) reset(ix *index, sc *scratch, text string) *docContext {
	c.ix, c.sc, c.techCtx, c.techSkill = ix, sc, 0, false
	c.langSent, c.docLang = 0, 0
	c.headers, c.reqCues, c.dutySents = c.headers[:0], c.reqCues[:0], c.dutySents[:0]
	if c.section == nil {
		c.section = map[int32]cueKind{}
		c.boilerSen, c.negClause = map[int32]bool{}, map[int32]bool{}
		c.assetClause = map[int32]bool{}
		c.negFrom = map[int32]int32{}
	}
	clear(c.negFrom)
	clear(c.section)
	clear(c.boilerSen)
	clear(c.negClause)
	clear(c.assetClause)
	// Section headers switch the kind of every following line until the
	// next header; lines before the first header are content.
	negAt := int32(-1)   // clause of the last negation word ("no", "pas")
	trainAt := int32(-1) // clause of the last training word ("formation")
	for _, h := range sc.cues {
		def := ix.cues[h.tgt-1]
		if h.first == h.last && conjunctivePlus(text, sc.toks[h.first]) {
			continue
		}
		if def.header != 0 {
			if ok, inline, mid := c.isHeader(h, text); ok {
				c.headers = append(c.headers, header{line: h.line, kind: def.header, inline: inline, mid: mid, sent: h.sent})
				continue
			}
		}
		switch def.sentence {
		case cueBoilerSentence:
			if administered(sc.toks, int(h.first)) {
				continue // "administer group benefits" is the job, not a perk
			}
			if valuedInCandidates(text, sc.toks, h) {
				continue // "we value teamwork in every candidate" asks
			}
			c.boilerSen[h.sent] = true
		case cueAssetSentence:
			c.reqCues = append(c.reqCues, reqCue{tok: h.first, last: h.last, sent: h.sent, clause: h.clause, asset: true, aside: parenthesized(text, sc.toks, h)})
			c.assetClause[h.clause] = true
		case cueRequiredSentence:
			c.reqCues = append(c.reqCues, reqCue{tok: h.first, last: h.last, sent: h.sent, clause: h.clause, aside: parenthesized(text, sc.toks, h)})
			// "No forklift experience required", "L'anglais n'est pas requis".
			if negAt == h.clause {
				c.negClause[h.clause] = true
			}
		case cueLikewiseWord:
			if n := len(c.reqCues); n > 0 && c.reqCues[n-1].sent == h.sent && c.reqCues[n-1].clause < h.clause {
				prev := c.reqCues[n-1]
				c.reqCues = append(c.reqCues, reqCue{tok: h.first, last: h.last, sent: h.sent, clause: h.clause, asset: prev.asset, own: true})
				if prev.asset {
					c.assetClause[h.clause] = true
				}
			}
		case cueNegationWord:
			negAt = h.clause
		case cueTrainingWord:
			trainAt = h.clause
		case cueOfferedWord:
			if trainAt == h.clause {
				c.negClause[h.clause] = true
			}
		case cueNegatedSentence:
			if notOnly(text, sc.toks[h.last].end) {
				continue // "you will not only cook but also serve"
			}
			c.negClause[h.clause] = true
			// "Anglais : non requis" negates what comes before the colon.
			if sc.toks[h.first].brk == brkColon {
				c.negClause[h.clause-1] = true
			}
			// "Not required: French, Spanish." negates what follows the colon.
			if n := int(h.last) + 1; n < len(sc.toks) && sc.toks[n].brk == brkColon {
				c.negFrom[h.sent] = h.clause + 1
			}
		}
	}
	for i := range c.reqCues {
		q := &c.reqCues[i]
		q.colon = followedByColon(sc.toks, q.last)
		for _, h := range sc.hits {
			if h.clause == q.clause {
				q.own = true
				break
			}
		}
	}
	c.mapSections()
	for _, h := range c.scopedHits() {
		// A sentence a benefit phrase marks ("Flexible schedule.") is no duty.
		opens := h.first == 0 || sc.toks[h.first].brk >= brkSentence || addressedDuty(text, sc.toks, h.first)
		if opens && !c.boilerSen[h.sent] && (len(c.dutySents) == 0 || c.dutySents[len(c.dutySents)-1] != h.sent) {
			c.dutySents = append(c.dutySents, h.sent)
		}
	}
	for _, h := range sc.hits {
		tg := ix.targets[h.tgt-1]
		if !tg.guarded && !tg.loose && ix.tax.Entries[tg.entry].Type == taxonomy.Software {
			c.techSkill = true
			break
		}
	}
	return c
}

// scopedHits are the hits dutySents is read from: all of them when a
// header is sentence-scoped, else none (most postings have no such
// header, and the map is then never asked).
func (c *docContext) scopedHits() []hit {
	for _, h := range c.headers {
		if sentenceScoped(h) {
			return c.sc.hits
		}
	}
	return nil
}

// notOnly says whether the text at i goes on with "only" ("not only …
// but also"), a word the tokenizer skips.
func notOnly(text string, i int32) bool {
	rest := strings.TrimLeft(text[i:], " ")
	return len(rest) >= 4 && strings.EqualFold(rest[:4], "only") && (len(rest) == 4 || !isWordByte(rest[4]))
}

// classify says whether a hit sits in boilerplate, whether it is an
// asset, and whether the posting says it is not required.
func (c *docContext) classify(h hit) (boiler, asset, negated bool) {
	if len(c.sc.cues) == 0 {
		return false, false, false
	}
	switch c.sectionOf(h.line, h.sent) {
	case cueBoilerHeader:
		boiler = true
	case cueAssetHeader:
		asset = true
	case cueNegatedHeader:
		negated = true
	}
	if c.boilerSen[h.sent] {
		boiler = true
	}
	if c.negClause[h.clause] && !c.assetClause[h.clause] {
		negated = true
	}
	if from, ok := c.negFrom[h.sent]; ok && h.clause >= from {
		negated = true
	}
	if cue, ok := c.requirementCue(h); ok {
		asset = cue.asset
	}
	return boiler, asset, negated
}

// requirementCue finds the "required"/"asset" cue that governs a hit: the
// one in its own clause ("Java is required, Python is an asset"), else
// the next one in its sentence ("Java, Python and Go are an asset"), else
// the previous one ("Asset: knowledge of SQL, Python").
func (c *docContext) requirementCue(h hit) (reqCue, bool) {
	cs := c.reqCues
	if len(cs) == 0 {
		return reqCue{}, false
	}
	j := sort.Search(len(cs), func(i int) bool { return cs[i].tok > h.last })
	var after, before *reqCue
	if j < len(cs) && cs[j].sent == h.sent {
		after = &cs[j]
	}
	if j > 0 && cs[j-1].sent == h.sent && cs[j-1].tok < h.first && !cs[j-1].aside {
		before = &cs[j-1]
	}
	switch {
	case after != nil && after.clause == h.clause:
		return *after, true
	case before != nil && before.clause == h.clause:
		return *before, true
	case after != nil && !after.own:
		return *after, true
	case before != nil && (!before.own || before.colon):
		return *before, true
	}
	return reqCue{}, false
}

// parenthesized says whether the cue h is all a parenthesized aside holds.
func parenthesized(text string, toks []token, h hit) bool {
	i, e := int(toks[h.first].start)-1, int(toks[h.last].end)
	for i >= 0 && text[i] == ' ' {
		i--
	}
	for e < len(text) && text[e] == ' ' {
		e++
	}
	return i >= 0 && text[i] == '(' && e < len(text) && text[e] == ')'
}

// supports reports whether a guarded label counts here. A label written
// capitalized in the taxonomy ("Teams", "Excel", "Go") must be capitalized
// in the text; an everyday verb must not be used as one ("excel in", "go
// above"); then the hit needs one of its skill's context words in the
// posting or its title, or, for software, technical vocabulary, another
// unambiguous software skill, or a software skill coordinated with it
// ("Java or JavaScript").
func (c *docContext) supports(tg target, h hit, hi int, text string) bool {
	toks := c.sc.toks
	if tg.capital && !upperAt(text, int(toks[h.first].start)) {
		return false
	}
	// "Teams of three drivers", "word of mouth": an everyday word heading
	// an "of" phrase is that word, not the product.
	if n := int(h.last) + 1; tg.verbish && n < len(toks) && toks[n].brk == brkNone && toks[n].hash == ofHash() {
		return false
	}
	// "Use Excel", "experience with Access": the word before names a tool.
	asTool := h.first > 0 && toks[h.first].brk == brkNone && toolBeforeHashes()[toks[h.first-1].hash]
	if tg.verbish && !asTool {
		if n := int(h.last) + 1; n < len(toks) && toks[n].brk == brkNone && verbFollowHashes()[toks[n].hash] {
			return false
		}
	}
	typ := c.ix.tax.Entries[tg.entry].Type
	software := typ == taxonomy.Software
	if software && asTool && tg.capital {
		return true
	}
	// Written as the taxonomy writes it right after a colon, in a posting
	// that names other software: "Must have: Excel. Preferred: Power BI."
	// A capital elsewhere is no evidence: sentences open with one, and
	// names have them ("World Wild Fund").
	if software && tg.capital && c.techSkill && toks[h.first].brk == brkColon {
		return true
	}
	if (software || typ == taxonomy.Certification) && c.coordinated(tg, h, hi, text) {
		return true
	}
	words := c.ix.context[tg.entry]
	// A tool's name no everyday word shares ("Azure", "Kotlin"), in a
	// posting that names other software ("C# is required, Azure an
	// asset"), needs no context words of its own.
	// Not an acronym ("ELD", "TMS"): those are the ambiguous ones.
	if software && c.techSkill && len(words) > 0 && tg.capital {
		if w := text[toks[h.first].start:toks[h.last].end]; w != strings.ToUpper(w) && !commonWords[strings.ToLower(w)] {
			return true
		}
	}
	if len(words) == 0 {
		if c.techSkill && software {
			return true
		}
		// A short label ("R", "C") with nothing technical around it is most
		// likely a letter or a word, not a skill.
		if c.techCtx == 0 {
			c.techCtx = 1
			tech := techContextHashes()
			for _, t := range toks {
				if tech[t.hash] {
					c.techCtx = 2
					break
				}
			}
			for _, t := range c.sc.title {
				if tech[t.hash] {
					c.techCtx = 2
					break
				}
			}
		}
		return c.techCtx == 2
	}
	for i, t := range toks {
		if int32(i) >= h.first && int32(i) <= h.last {
			continue
		}
		for _, w := range words {
			if t.hash == w {
				return true
			}
		}
	}
	for _, t := range c.sc.title {
		for _, w := range words {
			if t.hash == w {
				return true
			}
		}
	}
	return false
}

// coordinated: a neighbouring hit in the same sentence, at most four
// words away, is another skill of the same type written with a capital:
// "Java or JavaScript", "Java is a plus but SQL is mandatory".
func (c *docContext) coordinated(tg target, h hit, hi int, text string) bool {
	hits := c.sc.hits
	for _, ni := range [2]int{hi - 1, hi + 1} {
		if ni < 0 || ni >= len(hits) {
			continue
		}
		n := hits[ni]
		ntg := c.ix.targets[n.tgt-1]
		if ntg.loose || n.sent != h.sent || ntg.entry == tg.entry || c.ix.tax.Entries[ntg.entry].Type != c.ix.tax.Entries[tg.entry].Type {
			continue
		}
		gap := n.first - h.last
		if n.first < h.first {
			gap = h.first - n.last
		}
		if gap >= 1 && gap <= 5 && upperAt(text, int(c.sc.toks[n.first].start)) {
			return true
		}
	}
	return false
}

// followedByColon says whether the clause of token i ends with a colon
// ("Nice to have experience: …").
func followedByColon(toks []token, i int32) bool {
	n := int(i) + 1
	for n < len(toks) && toks[n].brk == brkNone {
		n++
	}
	return n < len(toks) && toks[n].brk == brkColon
}

var ofHash = sync.OnceValue(func() uint64 { return tokenize("of", nil)[0].hash })
