package extract

import (
	"strings"
	"sync"
)

// cueKind says what a cue phrase tells about the text around it.
type cueKind uint8

const (
	// cueBoilerHeader starts a section that is not about the job's
	// requirements (company blurb, benefits, how to apply, EEO).
	cueBoilerHeader cueKind = iota + 1
	// cueContentHeader starts a section about the job itself.
	cueContentHeader
	// cueAssetHeader starts a section of nice-to-have skills.
	cueAssetHeader
	// cueNegatedHeader starts a section of skills the job does not need
	// ("Not required: French").
	cueNegatedHeader
	// cueBoilerSentence makes its whole sentence boilerplate wherever it is.
	cueBoilerSentence
	// cueAssetSentence makes the skills it governs assets (see
	// docContext.requirementCue for which ones).
	cueAssetSentence
	// cueRequiredSentence makes the skills it governs required; after a
	// negation word in its clause it negates the clause.
	cueRequiredSentence
	// cueNegationWord ("no", "pas") negates its clause when a
	// requirement word follows in it: "no experience required".
	cueNegationWord
	// cueNegatedSentence negates its clause: "French is not required".
	cueNegatedSentence
	// cueTrainingWord ("formation") and a later cueOfferedWord
	// ("offerte") in its clause negate the clause, training the employer
	// gives with its subject between: "formation sur le chariot élévateur
	// offerte". French only: English "provided" stems to "providing", a
	// trainer's duty.
	cueTrainingWord
	cueOfferedWord
	// cueMasking is a phrase that holds a shorter cue and says nothing: a
	// public programme's name holds a benefits cue ("Canada Pension
	// Plan"); an employer valuing its candidates or their experience asks
	// ("we value candidates who …"), where valuing a trait is a blurb.
	cueMasking
	// cueLikewiseWord ("as would", "tout comme") gives its clause the
	// requirement of the sentence's cue before it: "X would be an asset,
	// as would Y".
	cueLikewiseWord
	// cueKindEnd follows the last kind.
	cueKindEnd
)

func isHeaderKind(k cueKind) bool { return k <= cueNegatedHeader }

// Cue phrases go through the same tokenizer as labels and text, so they
// match inflected forms and ignore articles ("is an asset" = "is asset").
var cuePhrases = map[cueKind][]string{
	cueBoilerHeader: {
		"about us", "about the company", "about our company", "who we are", "our company", "company overview",
		"benefits", "our benefits", "what we offer", "we offer", "what's in it for you", "perks", "compensation and benefits",
		"how to apply", "to apply", "application process", "application instructions", "equal opportunity",
		"diversity and inclusion", "diversity, equity and inclusion", "accessibility", "accommodation", "why join us", "why work with us",
		"à propos de nous", "qui sommes-nous", "qui nous sommes", "notre entreprise", "avantages", "avantages sociaux",
		"nous offrons", "ce que nous offrons", "ce que nous vous offrons", "pour postuler", "comment postuler",
		"mise en candidature", "équité en emploi", "diversité et inclusion", "pourquoi nous joindre", "pourquoi se joindre à nous",
		"why choose us", "why you'll love working here", "why you will love working here", "pourquoi nous choisir",
		"pourquoi travailler chez nous", "ce que nous offrons", "our commitment", "notre engagement",
	},
	cueContentHeader: {
		"requirements", "job requirements", "qualifications", "required qualifications", "minimum qualifications",
		"responsibilities", "key responsibilities", "duties", "main duties", "job duties", "skills", "required skills",
		"what you bring", "what you will bring", "what you'll bring", "what you will do", "what you'll do", "about the role",
		"the role", "job description", "position summary", "experience", "education", "must have", "must haves",
		"you have", "who you are", "profile", "your profile",
		"exigences", "exigences du poste", "compétences", "compétences requises", "responsabilités", "tâches",
		"fonctions", "principales tâches", "profil recherché", "votre profil", "qualifications requises", "description du poste",
		"expérience", "formation", "main duty", "main responsibilities", "tâche principale", "tâches principales",
		"fonctions principales", "principales fonctions", "responsabilités principales", "principales responsabilités",
	},
	cueAssetHeader: {
		"nice to have", "nice to haves", "assets", "asset", "preferred qualifications", "preferred skills", "bonus points",
		"bonus", "additional assets", "desired qualifications", "atouts", "atout", "compétences souhaitées", "qualifications souhaitées",
	},
	cueNegatedHeader: {
		"not required", "not needed", "not necessary", "not mandatory", "non requis", "non exigé", "non exigés",
		"pas requis", "non obligatoire", "pas obligatoire", "pas nécessaire",
	},
	cueBoilerSentence: {
		"equal opportunity employer", "equal opportunity", "equal employment opportunity", "employment equity",
		"accommodation is available", "accommodations are available", "accommodation will be provided",
		"accommodations will be provided", "accommodation upon request", "accommodations upon request",
		"accommodation on request", "request an accommodation", "request accommodation", "accommodation needs",
		"we thank all applicants", "thank all applicants", "only those selected",
		"only candidates selected", "only those candidates selected", "inclusive workplace", "diverse and inclusive",
		"diverse workforce", "benefits package", "comprehensive benefits", "competitive benefits", "group benefits",
		"health benefits", "dental coverage", "rrsp", "pension plan", "paid time off", "submit your resume", "send your resume",
		"submit your application", "apply online", "apply now", "apply today", "click apply", "we are proud",
		"we are committed to", "committed to diversity", "committed to creating", "background check",
		"équité en matière d'emploi", "égalité d'accès", "égalité des chances", "seules les personnes retenues",
		"seules les candidatures retenues", "nous remercions", "faire parvenir votre cv", "soumettre votre candidature",
		"avantages sociaux", "régime de retraite", "assurances collectives", "postulez dès maintenant", "postuler en ligne",
		// Company blurbs: sentences about the employer, not the job.
		"our culture", "our mission", "our values", "is a leading", "is a leader in", "proudly canadian", "founded in",
		"is a growing", "notre culture", "notre mission", "nos valeurs", "chef de file",
		"family-owned", "family owned", "has proudly served", "proudly serving", "has been serving",
		"our company specializes", "our restaurant specializes", "our firm specializes", "our store specializes",
		"our shop specializes", "our bakery specializes", "our clinic specializes", "we specialize in",
		"se spécialise dans", "se spécialise en", "entreprise familiale",
		// Longer than the header "notre entreprise", which would take
		// their first words.
		"notre entreprise familiale", "notre entreprise est reconnue", "notre entreprise valorise", "notre entreprise mise sur",
		"est reconnue pour", "est reconnu pour", "nous valorisons", "nous misons sur",
		"built a reputation", "a reputation for", "has served", "have served",
		"restaurant familial",
		"industry leader", "market leader", "we are a leader in", "leader de l'industrie", "leader du marché", "leader de l'innovation",
		"leader dans son domaine", "leader mondial", "leader canadien", "leader québécois",
		"en pleine croissance", "est un leader", "est une entreprise",
		// Where the employer ranks and what it has won.
		"we are one of", "is one of canada's", "one of the largest", "one of the fastest", "fastest-growing", "fastest growing",
		"award-winning", "award winning", "has won", "have won", "nous sommes l'un des", "nous sommes l'une des",
		"l'un des plus importants", "l'une des plus importantes", "l'un des chefs de file",
		// Benefits written as a sentence, not under a header.
		"we offer", "we provide", "what we offer", "benefits include", "perks include", "in return",
		"nous offrons", "nous vous offrons", "on vous offre", "on offre", "nous proposons", "en retour",
		"conditions de travail avantageuses", "gamme d'avantages", "programme d'aide aux employés",
		"employee assistance program", "employee discount", "rabais employé", "wellness program",
		// A schedule that is flexible is a benefit (or an availability), never
		// the adaptability "flexible" names elsewhere.
		"flexible schedule", "flexible schedules", "flexible hours", "flexible scheduling", "flexible working hours",
		"horaire flexible", "horaires flexibles", "heures flexibles",
		"we encourage applications", "nous encourageons", "we welcome applications", "all qualified applicants",
		"toutes les personnes qualifiées", "persons with disabilities", "personnes handicapées",
		"values diversity", "value diversity", "celebrates diversity", "celebrate diversity", "embraces diversity",
		"embrace diversity", "valorise la diversité", "valorisons la diversité",
		// What the employer values is its culture, not what the job asks:
		// "join a company that values teamwork, innovation and integrity",
		// "At Maple Co. we value communication" (but "we value candidates
		// who …" asks: a masking cue, below). Not "team
		// that values": cue phrases share the label table, and a cue that
		// starts with a label's first word ("team") takes the walk the
		// label's gapped form needs ("team that is working").
		"we value", "we truly value", "we deeply value", "we highly value",
		"company that values", "culture that values", "organization that values",
		"organisation that values", "workplace that values", "employer that values", "environment that values",
		"équipe qui valorise", "entreprise qui valorise", "culture qui valorise", "organisation qui valorise",
		// The employer as subject: "Our company values teamwork and integrity".
		"our company values", "our team values", "our organization values", "our organisation values",
		"our firm values", "our store values", "our restaurant values", "our clinic values", "our culture values",
		"notre équipe valorise", "notre organisation valorise", "notre culture valorise", "notre équipe mise sur",
		// Whom the employer serves: "Notre cabinet accompagne les PME … en fiscalité".
		"notre cabinet accompagne", "notre firme accompagne", "notre entreprise accompagne", "notre équipe accompagne",
		"nous accompagnons", "our firm helps", "our firm supports", "our company helps",
	},
	cueAssetSentence: {
		"asset", "assets", "an asset", "would be an asset", "considered an asset", "nice to have", "preferred",
		"is a plus", "would be a plus", "a plus", "un plus", "bonus", "desirable", "would be beneficial", "ideally",
		"definite asset", "strong asset", "un atout", "atout", "atouts", "constitue un atout", "serait un atout",
		"souhaitable", "souhaité", "souhaitée", "souhaités", "souhaitées", "serait apprécié", "seraient appréciées", "apprécié", "appréciée", "appréciés", "appréciées", "idéalement", "préférable", "de préférence",
		"optional", "optionnel", "facultatif",
		// Articles are skipped, so a cue of "an advantage" alone would be
		// any "advantage" ("Advantages: …" of the job, "the advantage of
		// gaining …"): it needs its verb.
		"bonus points", "is an advantage", "are an advantage", "would be an advantage", "will be an advantage",
		"considered an advantage", "is a great advantage", "is a big advantage", "is a large advantage",
		"is a strong advantage", "are strong advantages", "are advantages", "advantageous", "would be nice",
		"nice-to-have", "is beneficial",
		"serait un avantage", "est un avantage", "un avantage certain", "constitue un avantage", "constituerait un avantage",
		"constituent un avantage", "constituent un atout", "constituerait un atout",
	},
	cueRequiredSentence: {
		"required", "requirement", "is required", "are required", "must", "must have", "mandatory", "essential",
		"needed", "necessary", "is a must", "requis", "requise", "requises", "exigé", "exigée", "exigés", "exigées",
		"obligatoire", "obligatoires", "essentiel", "essentielle", "nécessaire", "nécessaires", "indispensable",
	},
	cueNegationWord: {"no", "not", "aucun", "aucune", "pas", "ni", "never"},
	cueNegatedSentence: {
		"not required", "not needed", "not necessary", "not mandatory", "not a requirement", "not essential",
		"non requis", "non requise", "non exigé", "non exigée", "non obligatoire", "pas obligatoire",
		"pas besoin", "nul besoin", "aucun besoin", "no need for", "not needed",
		"unnecessary", "isn't required", "aren't required", "isn't needed", "aren't needed", "isn't necessary",
		"isn't mandatory", "is not needed", "neither is", "nor is", "nor are", "neither are",
		"pas requis", "pas requise", "pas exigé", "pas exigée", "pas nécessaire", "pas obligatoire",
		"don't need", "do not need", "doesn't need", "does not need", "won't need", "will not need", "no need to",
		"don't expect you", "do not expect you", "we don't expect", "we do not expect", "not expected to",
		// A duty the job does not have: "you will not be handling cash"
		// ("you will not only cook but…" is left to docContext).
		"you will not", "you won't", "you will never", "vous ne", "vous n'",
		// What the site or the employer does without: "we do not use forklifts".
		"we do not use", "we don't use", "we do not require", "we don't require", "nous n'utilisons pas", "nous n'exigeons pas",
		// Training the employer gives is a skill the posting does not ask
		// for: "we will train you on our POS system". A trainer's duty
		// ("you will train new staff") says none of these. Not a bare
		// "will be provided": stemmed, it is also "you will be providing".
		"we will train", "we will train you", "will be trained", "you will be trained", "training will be provided",
		"training is provided", "training provided", "training is offered", "training offered",
		"we provide training", "paid training", "nous vous formerons", "vous serez formé", "vous serez formée",
		"formation sur place", "formation fournie", "formation offerte", "formation payée", "formation rémunérée",
	},
	cueTrainingWord: {"formation"},
	cueLikewiseWord: {"as would", "as would be", "as would a", "tout comme", "de même que", "de même qu'"},
	cueMasking: {"canada pension plan", "quebec pension plan", "régime de pensions du canada", "régime de rentes du québec",
		"employment insurance", "assurance-emploi",
		"we value candidates", "we value applicants", "we value individuals", "we value people", "we value those",
		"we value someone", "we value anyone", "we value experience", "we value your", "we value prior",
		"we value and expect", "we value and appreciate", "we value and respect",
		"nous valorisons les candidats", "nous valorisons les candidatures", "nous valorisons l'expérience"},
	cueOfferedWord: {"offerte", "offert", "offertes", "offerts", "fournie", "fourni", "fournies", "fournis"},
}

// administeringVerbs make the benefits or policies a sentence cue names
// the object of a duty: HR staff "administer group benefits", "gèrent
// les avantages sociaux".
var (
	administeringVerbs = toSet(`administer administering administration manage process coordinate handle oversee explain enrol enroll
administrer gérer traiter coordonner expliquer gestion administration`)
	administeringHashes = sync.OnceValue(func() map[uint64]bool { return hashSet(administeringVerbs) })
)

// administered says whether one of the two words before toks[i], in its
// clause, is an administering verb.
func administered(toks []token, i int) bool {
	verbs := administeringHashes()
	for j := i; j > 0 && j >= i-1; j-- {
		if toks[j].brk != brkNone {
			return false
		}
		if verbs[toks[j-1].hash] {
			return true
		}
	}
	return false
}

// valuedInCandidates: a cue of what the employer values ("we value",
// "nous valorisons") whose sentence goes on to the candidate ("… in every
// candidate", "… chez nos candidats", "… that you bring"): what it values
// is then asked of the applicant, not its culture.
func valuedInCandidates(text string, toks []token, h hit) bool {
	w := text[toks[h.last].start:toks[h.last].end]
	if !hasPrefixFold(w, "valu") && !hasPrefixFold(w, "valoris") {
		return false
	}
	for k := int(h.last) + 1; k < len(toks) && toks[k].brk < brkSentence; k++ {
		w := text[toks[k].start:toks[k].end]
		for _, c := range candidateWords {
			if strings.EqualFold(w, c) {
				return true
			}
		}
	}
	return false
}

// candidateWords name the applicant.
var candidateWords = [...]string{"candidate", "candidates", "applicant", "applicants", "you", "your", "candidat", "candidats", "vous", "votre"}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
