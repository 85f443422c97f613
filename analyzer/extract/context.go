package extract

import "github.com/skillpulse/skillpulse/analyzer/taxonomy"

// docContext answers, for one document, which section and sentence a hit
// is in and whether an ambiguous label has support.
type docContext struct {
	ix        *index
	sc        *scratch
	section   map[int32]cueKind // line -> kind of the section it belongs to
	boilerSen map[int32]bool
	assetSen  map[int32]bool
	// techCtx caches whether the document has technical vocabulary:
	// 0 unknown, 1 no, 2 yes.
	techCtx   uint8
	techSkill bool // an unguarded software skill was found
	headers   []hit
}

// reset prepares c for the document in sc, reusing its maps.
func (c *docContext) reset(ix *index, sc *scratch) *docContext {
	c.ix, c.sc, c.techCtx, c.techSkill = ix, sc, 0, false
	c.headers = c.headers[:0]
	if c.section == nil {
		c.section = map[int32]cueKind{}
		c.boilerSen, c.assetSen = map[int32]bool{}, map[int32]bool{}
	}
	clear(c.section)
	clear(c.boilerSen)
	clear(c.assetSen)
	// Section headers switch the kind of every following line until the
	// next header; lines before the first header are content.
	headers := c.headers
	for _, h := range sc.cues {
		def := ix.cues[h.tgt-1]
		if def.header != 0 && c.isHeader(h) {
			headers = append(headers, hit{line: h.line, tgt: uint32(def.header)})
			continue
		}
		switch def.sentence {
		case cueBoilerSentence:
			c.boilerSen[h.sent] = true
		case cueAssetSentence:
			c.assetSen[h.sent] = true
		}
	}
	c.headers = headers
	for i, h := range headers {
		end := int32(len(sc.lineStarts))
		if i+1 < len(headers) {
			end = headers[i+1].line
		}
		for l := h.line; l < end; l++ {
			c.section[l] = cueKind(h.tgt)
		}
	}
	for _, h := range sc.hits {
		tg := ix.targets[h.tgt-1]
		if !tg.guarded && ix.tax.Entries[tg.entry].Type == taxonomy.Software {
			c.techSkill = true
			break
		}
	}
	return c
}

// isHeader: a cue is a section header when it is the whole line
// ("Benefits", "What we offer") or opens it followed by a colon
// ("Assets: …"). A bullet that merely starts with the word ("Experience in
// acute care") is not.
func (c *docContext) isHeader(h hit) bool {
	ls := c.sc.lineStarts
	if h.first != ls[h.line] {
		return false
	}
	lineEnd := int32(len(c.sc.toks))
	if int(h.line)+1 < len(ls) {
		lineEnd = ls[h.line+1]
	}
	next := h.last + 1
	return next == lineEnd || c.sc.toks[next].brk == brkColon
}

// classify says whether a hit sits in boilerplate and whether it is an asset.
func (c *docContext) classify(h hit) (boiler, asset bool) {
	if len(c.sc.cues) == 0 {
		return false, false
	}
	switch c.section[h.line] {
	case cueBoilerHeader:
		boiler = true
	case cueAssetHeader:
		asset = true
	}
	if c.boilerSen[h.sent] {
		boiler = true
	}
	if c.assetSen[h.sent] {
		asset = true
	}
	return boiler, asset
}

// supports reports whether a guarded label has context in the document:
// one of its skill's context words, or, for software without declared
// context, technical vocabulary or another unambiguous software skill.
func (c *docContext) supports(tg target, h hit) bool {
	words := c.ix.context[tg.entry]
	if len(words) == 0 {
		if c.techSkill && c.ix.tax.Entries[tg.entry].Type == taxonomy.Software {
			return true
		}
		// A short label ("R", "C") with nothing technical around it is most
		// likely a letter or a word, not a skill.
		if c.techCtx == 0 {
			c.techCtx = 1
			for _, t := range c.sc.toks {
				if techContextHashes()[t.hash] {
					c.techCtx = 2
					break
				}
			}
		}
		return c.techCtx == 2
	}
	for i, t := range c.sc.toks {
		if int32(i) >= h.first && int32(i) <= h.last {
			continue
		}
		for _, w := range words {
			if t.hash == w {
				return true
			}
		}
	}
	return false
}
