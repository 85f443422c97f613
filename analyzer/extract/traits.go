package extract

import "sync"

// A trait word ("reliable", "creative", "dynamique") names a skill when it
// describes the person, not when it describes a thing the job comes with:
// "reliable transportation", "a dynamic and creative environment", "une
// équipe dynamique et créative", "a reliable and trusted company".

// thingNouns are nouns that a trait word describing them makes a
// condition or a blurb. Not "team" in English: "a flexible team player" is
// the person.
var thingNouns = toSet(`
environment environments workplace workplaces company companies organization organisation business employer
culture atmosphere setting vehicle vehicles car truck transportation transport internet connection
schedule schedules hours office store facility workspace industry product products brand
environnement milieu entreprise organisation équipe culture ambiance atmosphère véhicule voiture transport
horaire horaires connexion bureau magasin compagnie société
`)

var thingNounHashes = sync.OnceValue(func() map[uint64]bool { return hashSet(thingNouns) })

// traitWords are the one-word trait labels of skills a taxonomy need not
// call transversal (ESCO's "act reliably" and "think proactively" are
// cross-sector), which describesThing judges too.
var traitWords = toSet(`
reliable dependable trustworthy punctual flexible creative innovative proactive motivated enthusiastic
determined persistent ambitious analytical collaborative communicative numerate meticulous empathetic
empathic compassionate fiable créatif créative innovant innovante motivé motivée dynamique
autonome rigoureux rigoureuse polyvalent polyvalente ponctuel ponctuelle
`)

var traitWordHashes = sync.OnceValue(func() map[uint64]bool { return hashSet(traitWords) })

// passThrough are words between a trait word and its noun that modify the
// noun: "a dynamic work environment", "un milieu de travail stimulant".
var passThrough = toSet(`work working travail de du d`)

var passThroughHashes = sync.OnceValue(func() map[uint64]bool { return hashSet(passThrough) })

// traitHops is how many words may stand between a trait word and its
// noun: "dynamic, creative and friendly environment".
const traitHops = 3

// describesThing reports whether the one-token hit at i is a trait word of
// a thing noun: the noun after it (English order) or before it (French
// order), past the trait words coordinated with it and the noun's own
// modifiers ("work").
func describesThing(toks []token, i int) bool {
	things, pass := thingNounHashes(), passThroughHashes()
	joined := func(t token) bool { return t.brk == brkNone || t.list }
	coordinated := func(t token) bool { return t.conj || t.list }
	for j := i + 1; j < len(toks) && j <= i+1+traitHops && joined(toks[j]); j++ {
		if things[toks[j].hash] {
			return true
		}
		if !coordinated(toks[j]) && !pass[toks[j].hash] {
			break
		}
	}
	for j := i - 1; j >= 0 && j >= i-1-traitHops && joined(toks[j+1]); j-- {
		if things[toks[j].hash] {
			return true
		}
		if !coordinated(toks[j+1]) && !pass[toks[j].hash] {
			break
		}
	}
	return false
}
