package extract

import "strings"

// Sentence readings the context needs beside its cues: a duty addressed
// to the job's holder, and "plus" as a conjunction.

// addressedDuty: the sentence of toks[first] opens by addressing the
// holder of the job a few words before it, as a duty does: "You will
// write unit tests", "Vous ferez la fermeture de la caisse". "You will
// receive paid first aid training" is a benefit, by its verb.
func addressedDuty(text string, toks []token, first int32) bool {
	s := first
	for s > 0 && toks[s].brk < brkSentence && first-s < maxAddressLead {
		s--
	}
	if s == first || s > 0 && toks[s].brk < brkSentence {
		return false
	}
	lead := strings.Fields(strings.ToLower(text[toks[s].start:toks[first].start]))
	if len(lead) == 0 || len(lead) > maxAddressLead+1 {
		return false
	}
	switch {
	case lead[0] == "vous", lead[0] == "you'll", lead[0] == "you’ll":
	case lead[0] == "you" && (len(lead) == 1 || lead[1] == "will"):
	default:
		return false
	}
	for _, w := range append(lead, strings.ToLower(text[toks[first].start:toks[first].end])) {
		if benefitVerbs[w] {
			return false
		}
	}
	return true
}

// maxAddressLead is the most words between "you will" / "vous" and the
// skill of the duty they open ("vous ferez la fermeture").
const maxAddressLead = 3

// benefitVerbs say what the holder gets, not what the job does.
var benefitVerbs = toSet(`enjoy receive get have benefit earn access profiterez recevrez aurez bénéficierez obtiendrez profiter recevoir avoir bénéficier`)

// conjunctivePlus: a bare "plus" without the article of "a plus" / "un
// plus" adds an item ("Python and Go, plus PostgreSQL"); the cue "a plus"
// is read without its article, which the tokenizer drops.
func conjunctivePlus(text string, t token) bool {
	if !strings.EqualFold(text[t.start:t.end], "plus") || strings.HasPrefix(strings.TrimLeft(text[t.end:], " "), ":") {
		return false // "Plus: Docker" heads a list of assets
	}
	if determinerBefore(text, int(t.start)) {
		return false // "a plus", "a highly … plus"
	}
	switch wordBefore(text, int(t.start)) {
	case "un", "big", "huge":
		return false
	}
	return true
}
