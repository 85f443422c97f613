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
	for s > 0 && toks[s].brk < brkSentence && first-s < maxHolderLead {
		s--
	}
	if s == first || s > 0 && toks[s].brk < brkSentence {
		return false
	}
	lead := strings.Fields(strings.ToLower(text[toks[s].start:toks[first].start]))
	if len(lead) == 0 {
		return false
	}
	short := len(lead) <= maxAddressLead+1
	switch {
	case short && (lead[0] == "vous" || lead[0] == "you'll" || lead[0] == "you’ll"):
	case short && lead[0] == "you" && (len(lead) == 1 || lead[1] == "will"):
	case len(lead) <= maxHolderLead+1 && holderSubject(append([]string{strings.ToLower(wordBefore(text, int(toks[s].start)))}, lead...)):
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

// holderSubject: the lead names the job's holder in the third person and
// its duty in the future: "The cook will handle …", "The successful
// candidate will …", "Le cuisinier fera …", "La titulaire assurera …".
func holderSubject(lead []string) bool {
	if len(lead) < 3 {
		return false
	}
	switch lead[0] {
	case "the", "le", "la", "l'", "l’":
	default:
		if !strings.HasPrefix(lead[0], "l'") && !strings.HasPrefix(lead[0], "l’") {
			return false
		}
	}
	if employerNouns[lead[1]] {
		return false // "The company will provide first aid training"
	}
	for _, w := range lead[1:] {
		if w == "will" || len(w) > 3 && (strings.HasSuffix(w, "ra") || strings.HasSuffix(w, "ront")) {
			return true
		}
	}
	return false
}

// employerNouns name the employer, whose future is what it offers.
var employerNouns = toSet(`company employer organization organisation firm team store restaurant clinic business entreprise employeur organisation organisme équipe société compagnie magasin clinique`)

// maxAddressLead is the most words between "you will" / "vous" and the
// skill of the duty they open ("vous ferez la fermeture").
const maxAddressLead = 3

// maxHolderLead is the same for a holder named in the third person
// ("the successful candidate will handle").
const maxHolderLead = 5

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

// deniedBefore: the word right before the skill denies it, as a job's
// conditions do: "no cross-border trips", "No heavy lifting", "aucun
// travail de nuit".
func deniedBefore(text string, t token) bool {
	w := wordBefore(text, int(t.start))
	return strings.EqualFold(w, "no") || strings.EqualFold(w, "aucun") || strings.EqualFold(w, "aucune")
}
