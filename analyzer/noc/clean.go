package noc

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

var (
	// The province code stands apart (after a comma, a space or in
	// parentheses): an upper-case qualifier that merely ends in one
	// ("TRAITEMENT DU MÉTAL DE PREMIÈRE FUSION", "… PRODUCTION") is no place.
	placeTail = regexp.MustCompile(`^[\p{L} .'-]+(?:,\s*|\s+|\s*\()(AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\)?$|^(?i:remote|hybrid)\b`)
	// inclusive French endings written after a middle dot, a period or a
	// hyphen ("conseiller·ère", "directeur·trice", "infirmier.ère",
	// "étudiant-e"): the form before them is the one the index teaches,
	// and the ending alone would be an unknown word ("trice") or another
	// one ("rice").
	inclusiveRe = regexp.MustCompile(`(?i)(\p{L})[·.‧-](?:e|fe|ne|le|se|te|ere|ère|iere|ière|euse|trice|rice|ice|ive|elle|lle|enne|ienne|esse)($|[^\p{L}])`)
	// pay in a title ("$18/hr", "$55K", "22,50 $/h", "up to $25 per hour"):
	// its "/hr" would otherwise read as human resources.
	payRe = regexp.MustCompile(`(?i)(?:up to |from |starting at |jusqu'à |à partir de )?(?:\$\s*\d[\d,.]*\s*k?|\d[\d,.]*\s*k?\s*\$)(?:\s*(?:-|to|à)\s*(?:\$\s*)?\d[\d,.]*\s*k?\s*\$?)?(?:\s*(?:/|per|an|a|de l'|par)\s*(?:hr|hour|h|heure|year|yr|an|année|annum|week|wk|semaine)\b)?`)
	// hoursRe is the hours or rotation a title states: "20 hrs/wk",
	// "40 h/semaine", "2 wks on/2 off".
	hoursRe = regexp.MustCompile(`(?i)\b\d+(?:[.,]\d+)?\s*(?:hrs?|hours?|h|heures?)(?:\s*(?:/|per|par|a|an)\s*(?:wk|week|sem|semaine))?\b|\b\d+\s*(?:wks?|weeks?|days?)\s+on\s*/\s*\d+\s*(?:wks?|weeks?|days?)?\s*off\b`)
	// ampersandRe finds the short forms with "&" a title spells out
	// (ampersands): split at "&", "F&B" would leave "f", a gender mark.
	ampersandRe = regexp.MustCompile(`(?i)\b(?:f\s*&\s*b|r\s*&\s*d|i\s*&\s*c)\b`)
	// "fin(s) de semaine" is a schedule; "fin" alone is not ("aliments
	// fins", "fin de chaîne").
	weekendRe = regexp.MustCompile(`\bfins? de semaines?\b`)
)

// noise words say nothing about the occupation: seniority, an
// apprentice's year ("1st year electrician apprentice"), schedule,
// contract and generic words of unit group titles.
var noise = set(`sr senior jr junior lead i ii iii iv 1 2 3 1st 2nd 3rd 4th year night day evening weekend shift shifts full part time
nights days evenings weekends overnight overnights afternoons midnights ft prn diem nuit nuits soir soirs
fulltime parttime permanent temporary temp casual contract seasonal term position job opportunity urgent
immediate start hiring wanted needed required remote hybrid bilingual entry level experienced
temps plein partiel poste emploi permanent temporaire occasionnel contractuel urgent immediate entree immediatement
occupations occupation n e c nec other related and or of the a an in for de la le les du des et en a l d au aux
h f e ne at chez freelance freelancer autonome autonomes`)

// expansions are the abbreviations and everyday words of titles, written
// as the index writes them.
var expansions = map[string]string{
	"mgr": "manager", "asst": "assistant", "admin": "administrative", "tech": "technician", "techs": "technician",
	"rep": "representative", "reps": "representative", "csr": "customer service representative",
	"rn": "registered nurse", "lpn": "licensed practical nurse", "rpn": "registered practical nurse",
	"psw": "personal support worker", "ece": "early childhood educator", "it": "information technology",
	"hr": "human resources", "az": "truck driver", "dz": "truck driver", "cook's": "cook", "dev": "developer",
	"eng": "engineer", "coord": "coordinator", "supv": "supervisor", "svc": "service", "acct": "accounting",
	"ux": "user experience", "ui": "user interface", "qa": "quality assurance",
	// Short forms postings and people use for their job that the title
	// indexes do not (or that mean something else there: "hca" is a postal
	// title, "eca" a paramedical one, "recept" a typo of "receipt"). Only
	// forms with one reading in job titles: "pm", "pt", "ot", "qc" and "sw"
	// also mean a time, part-time, overtime, Quebec and software.
	"ea": "educational assistant", "hca": "health care aide", "eca": "early childhood assistant",
	"dsw": "developmental service worker", "cyw": "child and youth worker", "ssw": "social service worker",
	"mlt": "medical laboratory technologist", "gm": "general manager", "vp": "vice president",
	"ceo": "chief executive officer", "cfo": "chief financial officer", "coo": "chief operating officer",
	"cto": "chief technology officer", "cio": "chief information officer", "ba": "business analyst",
	"swe": "software engineer", "sde": "software developer", "bdr": "business development representative",
	"sdr": "sales development representative", "mech": "mechanic", "maint": "maintenance",
	"supt": "superintendent", "assoc": "associate", "spec": "specialist", "exec": "executive",
	"mfg": "manufacturing", "whse": "warehouse", "acctg": "accounting", "recept": "receptionist",
	"secy": "secretary", "engr": "engineer", "mktg": "marketing", "dir": "director", "cust": "customer",
	"prod": "production", "ops": "operations", "pharm": "pharmacy", "adm": "administrative",
	// Credentials and short forms written as the job itself ("CPA",
	// "EMT", "AP clerk", "HD mechanic", "PAB" for préposé aux
	// bénéficiaires), each with one reading in Canadian job titles.
	"cna": "certified nursing assistant", "emt": "emergency medical technician", "np": "nurse practitioner",
	"rmt": "registered massage therapist", "rrt": "registered respiratory therapist", "slp": "speech language pathologist",
	"cpa": "chartered professional accountant", "cga": "certified general accountant", "cma": "certified management accountant",
	"rece": "registered early childhood educator", "ecea": "early childhood educator assistant",
	"pab": "prepose beneficiaires", "ap": "accounts payable", "ar": "accounts receivable", "hd": "heavy duty",
	"mgmt": "management", "mngr": "manager", "supvr": "supervisor", "gen": "general", "pr": "public relations",
	"bi": "business intelligence", "ml": "machine learning", "dba": "database administrator", "sre": "site reliability engineer",
	"ehs": "environmental health safety", "hse": "health safety environment",
	// Canadian agencies and fields whose short form is the job's name,
	// written out the way the index writes them ("border services officer
	// (BSO)", "geographic information systems (GIS) technician").
	"cbsa": "border services", "rcmp": "royal canadian mounted police", "gis": "geographic information systems",
	"ohs": "occupational health and safety", "tcp": "flagperson", "lube": "lubrication",
	// Health, finance and trades credentials people write as their job,
	// spelled as the index spells the job ("occupational therapy
	// assistant", "aircraft maintenance engineer (AME)").
	"slpa": "speech language pathology assistant", "ota": "occupational therapy assistant",
	"pta": "physiotherapy assistant", "acp": "advanced care paramedic", "pcp": "primary care paramedic",
	"spd": "sterile processing", "moa": "medical office assistant", "rsw": "registered social worker",
	"inhalo": "inhalotherapeute", "tts": "technicien travail social",
	"cfp": "certified financial planner", "fsr": "financial services representative", "qs": "quantity surveyor",
	"hrbp": "human resources business partner", "agm": "assistant general manager", "2ic": "assistant manager",
	"sysadmin": "system administrator", "sys": "system", "rh": "ressources humaines", "sac": "service clientele",
	"emr": "emergency medical responder", "rna": "registered nursing assistant", "ohn": "occupational health nurse",
	"hsw": "home support worker", "trp": "technicien readaptation physique", "rph": "registered pharmacist",
	"sna": "special education assistant",
	"asm": "assistant store manager", "pdg": "president directeur general", "drh": "directeur ressources humaines",
	"lpo": "loss prevention officer", "amt": "aircraft maintenance technician",
	"atc": "air traffic controller", "fss": "flight service specialist",
	// Clipped forms of the job people say for short.
	"physio": "physiotherapist", "ergo": "ergotherapeute", "prof": "professor", "gr": "grade",
	"practioner": "practitioner", "nuc": "nuclear", "cop": "police officer", "flic": "policier", "mecano": "mecanicien",
	// "Sales lady", "parts guy": the informal head is the person doing
	// the job, as "salesperson" and "parts person" write it.
	"lady": "person", "guy": "person", "gal": "person",
	// Quebec's everyday word for a labourer, which the index writes
	// "manoeuvre" (it has "journalier" twice, beside "journaliste").
	"journalier": "manoeuvre", "journaliere": "manoeuvre", "journaliers": "manoeuvre", "journalieres": "manoeuvre",
}

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// latin folds the accented letters of French titles without the cost of
// a normalization chain; rarer letters take the slow path.
var latin = map[rune]rune{
	'à': 'a', 'â': 'a', 'ä': 'a', 'á': 'a', 'ç': 'c', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'î': 'i', 'ï': 'i', 'í': 'i', 'ô': 'o', 'ö': 'o', 'ó': 'o', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ú': 'u', 'ÿ': 'y', 'ñ': 'n',
}

// ligatures are letters no normalization decomposes: "manœuvre" is
// written "manoeuvre" in the index.
var ligatures = map[rune]string{'œ': "oe", 'æ': "ae"}

// fold strips the accents of a lower-cased string.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
		} else if f, ok := latin[r]; ok {
			b.WriteRune(f)
		} else if l, ok := ligatures[r]; ok {
			b.WriteString(l)
		} else {
			if f, err := textnorm.StripAccents(s); err == nil {
				return f
			}
			return s
		}
	}
	return b.String()
}

var ampersands = map[string]string{"f&b": " food beverage ", "r&d": " research development ", "i&c": " instrumentation control "}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// cleanTitle lower-cases, drops accents, parenthesized notes, suffixes
// after " - " (shift, place) and French gender alternatives, expands
// abbreviations and removes noise words. Each regular expression runs only
// when its trigger character is present: coders clean every index title.
func cleanTitle(s string) string {
	clean, _ := cleanNoting(s)
	return clean
}

// cleanNoting is cleanTitle, also saying whether it dropped noise words:
// an index title it shortens so is no verbatim title of what is left.
func cleanNoting(s string) (clean string, droppedNoise bool) {
	if strings.Contains(s, "$") {
		s = payRe.ReplaceAllString(s, " ")
	}
	if hasDigit(s) {
		s = hoursRe.ReplaceAllString(s, " ")
	}
	if mayBeInclusive(s) {
		s = inclusiveRe.ReplaceAllString(s, "$1$2")
	}
	if strings.ContainsAny(s, "-–—|") {
		s = dropTails(s)
	}
	if strings.Contains(s, ",") {
		s = dropCommaPlaces(s)
	}
	if strings.Contains(s, "&") {
		s = ampersandRe.ReplaceAllStringFunc(s, func(m string) string { return ampersands[strings.ToLower(strings.Join(strings.Fields(m), ""))] })
	}
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "([") {
		s = dropParens(s)
	}
	if strings.Contains(s, "/") {
		// "A/R clerk" is accounts receivable, not a choice of "a" or "r".
		s = slashShortFormRe.ReplaceAllString(s, "a$1")
		s = firstAlternative(s)
	}
	s = fold(s)
	if strings.Contains(s, "semaine") {
		s = weekendRe.ReplaceAllString(s, " weekend ")
	}
	out := make([]string, 0, 8)
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
	for i, w := range words {
		w = strings.Trim(w, "'")
		if strings.HasPrefix(w, "l'") || strings.HasPrefix(w, "d'") {
			w = w[2:]
		}
		switch {
		case w == "lead" && i > 0 && i == len(words)-1:
			// Last, "lead" is the occupation ("team lead", "shift lead"),
			// not the seniority it is first ("lead cook").
			w = "leader"
		case w == "chef" && i+1 < len(words) && headOf(words[i+1]):
			// French "chef de service", "chef d'équipe" is the head of
			// something, not a chef: hundreds of health care and
			// production heads would otherwise outvote the cooks for
			// the English title "Chef".
			w = "chefde"
		case w == "op" && !(i > 0 && words[i-1] == "co"):
			// "Extrusion Op" is an operator; "co-op" is a placement.
			w = "operator"
		case w == "employed" && len(out) > 0 && out[len(out)-1] == "self":
			// "Self-employed" is how someone works, not what they do.
			out = out[:len(out)-1]
			continue
		}
		if e, ok := expansions[w]; ok {
			// An abbreviation that repeats what the title spells out
			// ("Personal Support Worker (PSW)") adds nothing.
			for _, x := range strings.Fields(e) {
				if !slices.Contains(out, x) {
					out = append(out, x)
				}
			}
			continue
		}
		if w == "" {
			continue
		}
		if noiseBefore(w, words, i) {
			droppedNoise = true
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " "), droppedNoise
}

// mayBeInclusive is a cheap test before inclusiveRe: a middle dot, or a
// period or hyphen between two letters ("infirmier.ère", "étudiant-e").
func mayBeInclusive(s string) bool {
	if strings.ContainsAny(s, "·‧") {
		return true
	}
	for i := 1; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '-') && (isASCIILetter(s[i-1]) || s[i-1] >= 0x80) && (isASCIILetter(s[i+1]) || s[i+1] >= 0x80) {
			return true
		}
	}
	return false
}

// tokens are the words of a cleaned title, lightly stemmed (plural and
// French feminine endings) so "records"/"record" and
// "technicienne"/"technicien" meet.
func tokens(clean string) []string {
	var out []string
	words := strings.Fields(clean)
	for i, w := range words {
		if noiseBefore(w, words, i) {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

func stem(w string) string {
	if m, ok := feminine[w]; ok {
		return m
	}
	for _, suf := range []struct{ from, to string }{
		{"iennes", "ien"}, {"ienne", "ien"}, {"euses", "eur"}, {"euse", "eur"}, {"trices", "teur"}, {"trice", "teur"},
		{"ieres", "ier"}, {"iere", "ier"}, {"ies", "y"}, {"ees", "e"}, {"ee", "e"},
		// The French feminine forms the index leaves out, writing only the
		// first of "conseiller/conseillère", "agent/agente",
		// "adjoint/adjointe", "professionnel/professionnelle".
		{"eres", "er"}, {"ere", "er"}, {"ntes", "nt"}, {"nte", "nt"}, {"elles", "el"}, {"elle", "el"},
		// English forms the index writes as "foreman/woman": forewoman,
		// foreperson and salesperson meet foreman and salesman.
		{"women", "man"}, {"woman", "man"}, {"persons", "man"}, {"person", "man"}, {"people", "man"},
	} {
		if len(w) > len(suf.from)+2 && strings.HasSuffix(w, suf.from) {
			return strings.TrimSuffix(w, suf.from) + suf.to
		}
	}
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// feminine are English feminine forms the index writes only after a slash
// ("waiter/waitress", "host/hostess"), read as the form before it.
var feminine = map[string]string{
	"waitress": "waiter", "waitresses": "waiter", "headwaitress": "headwaiter", "hostess": "host", "hostesses": "host",
	"stewardess": "steward", "stewardesses": "steward", "actress": "actor", "actresses": "actor",
}

var slashShortFormRe = regexp.MustCompile(`\ba/([rp])\b`)
