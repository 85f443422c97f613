package noc

import "strings"

// Readings of words a title means otherwise than the index's cleaning
// would read them: an owner is a manager, "night" can be the occupation,
// French "chef de" is a head.

// ownersAsManagers adds "manager" after an owner in a cleaned title
// being coded: NOC codes the owner of a business as its manager, and the
// index lists few owners, most of them ferry owner-operators, so "Small
// business owner" went to boat operators. An owner-operator (of a truck,
// a taxi) stays one. Only queries are rewritten: in the training titles
// the word would shift what "manager" says everywhere.
func ownersAsManagers(clean string) string {
	if !strings.Contains(clean, "owner") && !strings.Contains(clean, "proprietaire") {
		return clean
	}
	words := strings.Fields(clean)
	out := make([]string, 0, len(words)+1)
	for i, w := range words {
		out = append(out, w)
		if (w == "owner" || w == "proprietaire") && !(i+1 < len(words) && ownerOperates(words[i+1])) {
			out = append(out, managerWord(w))
		}
	}
	return strings.Join(out, " ")
}

// ownerOperates: "owner operator", "propriétaire exploitant".
func ownerOperates(next string) bool {
	return next == "operator" || next == "exploitant" || next == "exploitante" || next == "driver"
}

// managerWord is the language's word for manager beside an owner's.
func managerWord(owner string) string {
	if owner == "proprietaire" {
		return "gerant"
	}
	return "manager"
}

// nightJobs are the words "night" makes an occupation of rather than a
// shift: a hotel's night auditor and night clerk (64314), a night
// watchman (64410). Elsewhere "night" is when someone works.
var nightJobs = set(`auditor clerk watchman watchwoman watchperson`)

// noiseBefore: w, the i-th of words, is a noise word before the next one.
func noiseBefore(w string, words []string, i int) bool {
	return noise[w] && !(w == "night" && i+1 < len(words) && nightJobs[strings.Trim(words[i+1], "'")])
}

// headOf: the word after "chef" that makes it French "head of".
func headOf(next string) bool {
	return next == "de" || next == "du" || next == "des" || strings.HasPrefix(next, "d'")
}

// workerNouns are the heads the index puts after an activity to name
// the person doing it ("data entry clerk", "construction labourer").
var workerNouns = [...]string{"worker", "clerk", "labourer", "attendant", "helper", "agent", "operator",
	"technician", "assistant", "guard", "representative", "associate"}

// personEndings are the endings of English and French words for people
// ("owner", "surveyor", "dentist", "technician", "serveur", "caissière").
var personEndings = [...]string{"er", "or", "ist", "ian", "ant", "ent", "man", "men", "eur", "euse", "ier", "iere", "rice", "iste", "aire", "ee", "ic"}

// namesPerson: the title's last word ends as words for people do, so it
// is no bare activity ("driver" is no "driver helper").
func namesPerson(clean string) bool {
	w := clean[strings.LastIndexByte(clean, ' ')+1:]
	for _, e := range personEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// activityWorker reads a title that names only an activity, as survey
// answers often do ("data entry", "construction", "landscaping"), as the
// person doing it: the index's title of the activity with a worker's
// head, when every such title it has names one unit group (not a title
// whose last word names a person already). Scored on its
// words alone, "data entry" was a database analyst, "reception" a
// shipper and receiver. A title that is itself an index title, or whose
// activity the index gives to several groups ("warehouse worker",
// "warehouse clerk"), stays as it is.
func (c *Coder) activityWorker(clean string) string {
	if _, ok := c.exact[clean]; ok || clean == "" || strings.Count(clean, " ") > 1 || namesPerson(clean) {
		return clean
	}
	found, group := "", int32(-1)
	for _, n := range workerNouns {
		t := clean + " " + n
		k, ok := c.exact[t]
		if !ok {
			continue
		}
		if group >= 0 && k != group {
			return clean
		}
		if group < 0 {
			found, group = t, k
		}
	}
	if group < 0 {
		return clean
	}
	return found
}

// aidAsAide reads a title ending in "aid" as the aide people misspell
// ("nurse aid", "teacher aid", "health care aid"): the index's "aid" is a
// thing (first aid, hearing aid) before another head, never the person.
func aidAsAide(clean string) string {
	if clean == "aid" || strings.HasSuffix(clean, " aid") {
		return clean + "e"
	}
	return clean
}
