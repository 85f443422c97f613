package extract

import (
	"strings"
	"sync"
)

// Verbs of managing people take any job noun as their object: "train new
// cooks", "supervise and coach 15 agents", "superviser une équipe de 10
// préposés", "diriger les machinistes". A taxonomy names such a skill with
// one generic object ("train staff", "motiver le personnel"); peopleVerbs
// maps each verb of such a label to it, and a job noun after the verb
// meets it. The job nouns are a closed list: the suffixes of job nouns
// ("-ers", "-iers") are those of "orders" and "dossiers" too.

// peopleVerbWords are the verbs whose object is the people managed; other
// verbs of staff labels take other objects as often ("test developer",
// "support engineers", "monitoring teams").
var peopleVerbHashes = sync.OnceValue(func() map[uint64]bool {
	return hashSet(toSet(`supervise oversee direct train coach mentor lead motivate recruit hire schedule
superviser encadrer former diriger motiver mobiliser accompagner coacher recruter embaucher`))
})

// staffObjects are the generic objects of the labels peopleVerbs reads.
var staffObjectHashes = sync.OnceValue(func() map[uint64]bool {
	return hashSet(toSet(`staff employees employee team teams crew crews personnel workers people others
équipe équipes employés employé travailleurs collaborateurs`))
})

// jobNouns are the people a worker may supervise, train or lead, singular
// and plural stem alike.
var jobNounHashes = sync.OnceValue(func() map[uint64]bool {
	return hashSet(toSet(`
staff crew crews team teams personnel employees employee workers worker people hires hire recruits recruit
volunteers volunteer apprentices apprentice trainees trainee interns intern associates associate agents agent
cooks cook chefs chef servers cashiers cashier clerks clerk nurses nurse aides aide assistants assistant
attendants attendant drivers driver operators operator technicians technician mechanics mechanic labourers
labourer laborers guards guard officers cleaners cleaner janitors custodians housekeepers carpenters
electricians plumbers welders machinists installers painters roofers framers helpers handlers pickers packers
loaders sorters stockers dispatchers representatives reps advisors advisers consultants analysts developers
engineers designers testers programmers accountants bookkeepers tellers receptionists coordinators specialists
educators teachers tutors counsellors counselors caregivers psws therapists technologists pharmacists hygienists
paramedics dishwashers bartenders baristas hosts hostesses bussers porters couriers movers foremen journeypersons
tradespersons subcontractors supervisors leads mentees auditors group groups groupe stylists hairdressers bakers butchers sellers salespeople
cuisiniers cuisinières cuisinier serveurs serveuses caissiers caissières commis infirmiers infirmières préposés
préposées préposé aides agents agentes associés chauffeurs conducteurs conductrices opérateurs opératrices
techniciens techniciennes mécaniciens manœuvres manoeuvres ouvriers ouvrières employées équipiers équipières
équipe équipes personnel employés employé travailleurs collaborateurs
bénévoles apprentis stagiaires recrues superviseurs gardiens nettoyeurs concierges menuisiers électriciens
plombiers soudeurs machinistes installateurs peintres couvreurs manutentionnaires emballeurs livreurs
répartiteurs représentants conseillers conseillères analystes développeurs ingénieurs programmeurs comptables
réceptionnistes coordonnateurs spécialistes éducateurs éducatrices enseignants tuteurs intervenants
intervenantes thérapeutes hygiénistes ambulanciers boulangers bouchers plongeurs vendeurs vendeuses
moniteurs monitrices animateurs animatrices surveillants surveillantes sauveteurs instructors instructeurs lifeguards
`))
})

// peopleModifiers may stand between such a verb and its job noun: "train
// new cooks", "supervise 15 agents", "former les nouveaux opérateurs".
var peopleModifierHashes = sync.OnceValue(func() map[uint64]bool {
	return hashSet(toSet(`new junior senior all other fellow frontline front-line store kitchen shift part-time full-time
seasonal our your their team night day evening weekend manual floor line front desk event events to
one two three four five six seven eight nine ten twelve fifteen twenty dozen
nouveaux nouvelles nouveau nouvelle jeunes autres tous toutes deux trois quatre cinq six sept huit dix douze quinze vingt
dizaine douzaine quinzaine vingtaine trentaine quarantaine cinquantaine centaine`))
})

// maxPeopleModifiers is the most such words or numbers before the noun.
const maxPeopleModifiers = 2

// peopleLabel is a label of a people verb and a generic staff object
// ("train staff"), noted while the index is built: the verb's hash and
// the label's key.
type peopleLabel struct{ verb, key uint64 }

// notePeopleLabel notes the label just added (toks, keyed k) when it is
// one of a people verb and a staff object.
func notePeopleLabel(pending []peopleLabel, toks []token, k uint64) []peopleLabel {
	if len(toks) == 2 && !toks[1].conj && peopleVerbHashes()[toks[0].hash] && staffObjectHashes()[toks[1].hash] {
		pending = append(pending, peopleLabel{toks[0].hash, k})
	}
	return pending
}

// addPeopleVerbs maps each noted verb to its label's target, the first
// noted winning.
func (ix *index) addPeopleVerbs(b *builder, pending []peopleLabel) {
	for _, p := range pending {
		t := b.vals[p.key] & targetMask
		if t == 0 || ix.peopleVerbs[p.verb] != 0 {
			continue
		}
		if ix.peopleVerbs == nil {
			ix.peopleVerbs, ix.peopleBits = map[uint64]uint32{}, make([]uint64, 64)
		}
		ix.peopleVerbs[p.verb] = t
		setBit(ix.peopleBits, p.verb)
	}
}

// peopleObject adds the hit of a people verb at toks[i] whose object is a
// job noun: past a verb coordinated with it ("supervise and coach 15
// agents") and a few modifiers or numbers.
func (x *Extractor) peopleObject(sc *scratch, text string, i int, pos position) {
	if x.ix.peopleVerbs == nil || !hasBit(x.ix.peopleBits, sc.toks[i].hash) {
		return // most words: one bit test
	}
	tgt := x.ix.peopleVerbs[sc.toks[i].hash]
	if tgt == 0 || participle(text, sc.toks[i]) {
		return // "a motivated team" describes the team
	}
	verb := text[sc.toks[i].start:sc.toks[i].end]
	toks, jobs, mods := sc.toks, jobNounHashes(), peopleModifierHashes()
	j := i + 1
	if j+1 < len(toks) && toks[j].conj && toks[j].brk == brkNone && x.ix.peopleVerbs[toks[j].hash] != 0 {
		j++ // the coordinated verb shares the object
	}
	for skipped := 0; j < len(toks) && toks[j].brk == brkNone; j++ {
		if noun := text[toks[j].start:toks[j].end]; jobs[toks[j].hash] && people(noun) {
			if j == i+1 && strings.HasSuffix(verb, "ing") && !strings.HasSuffix(noun, "s") {
				return // "our recruiting team" names the team
			}
			sc.hits = append(sc.hits, hit{first: int32(i), last: int32(j), sent: pos.sent, line: pos.line, clause: pos.clause, tgt: tgt})
			sc.people = append(sc.people, int32(j))
			return
		}
		if digits(text[toks[j].start:toks[j].end]) {
			continue // "supervise 20 to 40 event staff"
		}
		if skipped++; skipped > maxPeopleModifiers || !mods[toks[j].hash] {
			return
		}
	}
}

func digits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// people: a job noun names the people managed in the plural or as a
// group ("train new cooks", "coach the team"); in the singular it is
// usually a title ("Lead Developer").
func people(w string) bool {
	switch strings.ToLower(w) {
	case "staff", "crew", "team", "personnel", "people", "équipe", "group", "groupe":
		return true
	}
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "S") || strings.HasSuffix(w, "x")
}
