package analyzer

import (
	"fmt"
	"strings"
)

// AnalyzerVersion names the analysis logic. Bump it by hand in any change
// that makes the same posting, with the same taxonomy, titles and
// gazetteer, analyze differently (a new extraction rule, a fixed bug, a
// new field): stores built before then refuse to start until
// `skillpulse reprocess` has re-analyzed them.
const AnalyzerVersion = "2026.12.08.18" // .18: a title of nothing but noise is coded from its industry, "autonome" is noise, "mécano" a mechanic, calibration refitted; .17: the title speller keeps the first letter and prefers the commoner occupation ("cashere" is a cashier), a title ending in "aid" is the aide, calibration refitted; .16: "cop" is a police officer, a port and pulp and paper mills name their sectors, calibration refitted; .15: "co-ordinate" is "coordinate" (and "co-worker", "e-mail"), what the employer values is a blurb unless its sentence goes on to the candidate, a list of capitalized tools shares its cue, a duty verb reaches the single-word items of a list after a longer first object, labels for the nineteenth probe's misses; .14: a title naming only an activity ("reception", "landscaping") is the person doing it; .13: French duty forms of the common half-A occupations (742 labels, a helper), Class 2 licence and duct cleaning; .12: labels for the eighteenth probe's misses; .11: an industry lifts managers and supervisors only beside a title naming someone in charge ("framer" in residential construction is no carpentry contractor); .10: a verbatim title an industry contests stands ahead of the group the industry lifted, as sure as the title alone ("soudeur" in metal fabrication was unclassified), calibration refitted; lists of elided French infinitives, "we do not use" negates, an employer leading its market is a blurb; .9: ellipsis past a longer first item ("accounts payable, receivable and payroll"), a head shared by a list of modifiers ("residential, commercial and industrial wiring"), short verbs meet their -ing form ("make decisions", "making decisions"); .8: one function-word test (analyzer/lang) for a posting's language and a sentence's, its list without words both languages use ("a", "on"); .7: labels for the seventeenth probe's misses; .6: a spaced dash sets a clause apart (negation and asset cues stop there), "don't expect you to" negates, "constitue un avantage" is an asset, a bare "Access" in French text is the product, labels of the sixteenth probe's misses, everyday phrasings of the common occupations (NOC 0-3), calibration refitted; .5: occupation titles: "Op" is an operator (not in "co-op"), "Nuc" nuclear, "I&C" instrumentation and control; people counted roughly ("une trentaine de"), a product after "sur", "nul besoin" negates; .4: everyday posting phrasings of the common occupations (NOC 4-9, two helpers), an authored taxonomy keeps its one-word labels however many skills share the word, an everyday word heading an "of" phrase is no product ("Teams of three drivers"); .3: benefits an HR duty administers are the job ("administer group benefits"), where the employer ranks or what it has won is a blurb ("we are one of", "award-winning"), "as would" / "tout comme" give a clause the requirement of the cue before it, a verb-first form whose object goes on leaves the words inside it to match ("Administer Exchange Online"), interns are mentored (preceptorship keeps students and clinical words); .2: a label goes on past its object's coordinated modifiers ("install residential and commercial wiring", "install, troubleshoot and repair …"); 2026.12.08.1: a form only French labels give does not count in an English sentence ("expérience client" on "experience for our clients"); 2026.12.07.25: built-in labels for the NOC main duties of every broad category (856 → 987 skills, 18,039 labels), one-word names of skills with context words kept, "our company values X" and "notre cabinet accompagne" are blurbs, a vendor's capitalized products share its name ("Adobe InDesign, Illustrator and Acrobat"), "Class 1 or 3 licence", a French name with lower-case words before its hiring verb is the employer, a capitalized word after "or" is no coordinated verb ("Shopify or Lightspeed is a plus"), the holder named in the third person opens a duty after benefits ("The cook will"), a two-verb label leading nowhere falls back on the first verb's (built-in), "no" right before a skill denies it; .24: an employer's relative clause ("CWB Group, which certifies welding companies, needs") and "At X, …" / "Chez X, …" name the employer, negations ("unnecessary", "isn't required", "neither is", "n'est pas requis"), more people verbs ("direct", "schedule", "mobiliser") past numbers, French futures of -oyer verbs, two shared words last ("Class 5 or Class 3 licence"), a reputation is a blurb, "vous ferez …" opens a duty but "you will receive" does not, labels from a twelfth and thirteenth probe; .23: a clause's first word shared by a later coordinated object ("Disinfect patient rooms and operating rooms"), verb-first forms of French action-noun labels ("contrôler les entrées"), verbs of managing people take any job noun ("train new cooks", "diriger les machinistes"), a participle is no gerund label ("payments received") nor, after a determiner, a verb ("a motivated team"), an inline company header ends at "You will", a bare "plus" adds an item, FAST and Rails need their context; occupation titles: clipped forms (physio, ergo, prof, gr), "sales lady" / "parts guy" as the person, A/R and A/P; .22: an inline benefits header opening a line covers it up to a sentence that opens with a skill (a duty); .21: occupation short forms from a fourth probe (RNA, OHN, HSW, RPh, LPO, AMT, ATC, FSS, SNA, EMR, ASM, PDG, DRH, TRP); .20: a capitalized name before a hiring verb is an employer ("Statistics Canada is hiring", "Plomberie Brébeuf recrute"), French futures in -irez/-drez/-ira/-dra, the scan goes on after an overlapping label ("licence with air brakes"); .19: Teams beside meeting words, C/C++ is two languages, "X : non requis" negates X, "recruiting" needs hiring words (an employer recruiting is no skill), built-in labels from a fourth probe; .18: occupation titles: health, finance and trade short forms (SLPA, OTA, PTA, ACP, PCP, SPD, MOA, RSW, inhalo, TTS, CFP, FSR, QS, HRBP, AGM, 2IC, sysadmin, RH, SAC), hours and rotations ("20 hrs/wk", "2 wks on/2 off") and "fin de semaine" are no part of the job; calibration refitted; .17: a duty the job does not have ("you will not be handling cash", "vous ne manipulerez pas"), French verbs in -ez/-erez/-era meet the infinitive, a programme name is no benefit (Canada Pension Plan), "tâche principale" is a header, "appréciée" an asset cue, built-in labels from a third probe; .16: ESCO loose forms off by default (they cost HOUSE precision in cross-validation); .15: "formation sur X offerte" is training the employer gives; .14: Canadian short forms in titles (CBSA, RCMP, GIS, OHS, TCP, lube); .13: a boilerplate header inside a run-on sentence opens a sentence ("Duties: stock shelves Benefits: employee discount"), ESCO loose forms never bridge content words, a conjunction their label lacks or a group of people alone ("sales team"), "best practice techniques" is no GMP, built-in labels from a second probe (RCR à jour, FAST, ponctuelle, classer les documents, reconcile bank accounts); .12: ESCO aliases can carry context words ("Excel" beside Word, Office, pivot); .11: ESCO skills of speaking, writing and understanding a language are that language; .10: ESCO aliases for everyday names (Excel, web development, supply chain, build relationships); .9: a verb over a list of plural objects shares them ("clean offices, boardrooms and washrooms"); .8: ESCO "security", "securities", "be responsible" and "plan"/"planning" no longer match the concepts issue 13 found them wrongly linked to; .7: more ESCO aliases (leadership, curious, open-minded, customer focus, integrity, multitasking), an authored one-word alias counts though many labels share its word; .6: a header opening a sentence inside a line covers the rest of it ("… since 1985. Duties: sort parcels"), family-owned and "our restaurant specializes" blurbs, written and verbal communication are two skills, labels from a probe (soudure, secourisme, scan tools, CNO, floor scrubbers); .5: ESCO gains authored aliases of its transversal skills ("team player", "analytical", "driver's licence") and loses "agile" as ICT project management methodologies, a trait word describing a thing is no skill of any type, a four-letter acronym ending in S is not stemmed ("IFRS"); .4: calibration per kind of coder (an index without O*NET titles has its own), reference files found beside the title index; .3: duty labels (inspect kitchens, review code, keep the store clean), cleanliness shown as such; .2: an asset cue whose clause names a skill of its own ("Spanish is an asset") speaks of that clause only; 2026.12.07.1: a trait word describing a thing ("reliable transportation", "équipe dynamique et créative") is no skill, a product family is shown by its name ("statistical software", not SPSS, for SAS), a distinctive tool name counts in a posting naming other software, report writing and nursing care labels; 2026.12.04.8: .8: a NAICS code alone names its sector; .7: "A/A B" titles are "A B", an owner operator is a truck driver; .6: the occupation is coded without the boilerplate extraction finds; .5: a description resembling no group much weighs less; .4: the employer's name can name the occupation's sector; .3: narrower industries name their sector too (grocery, trucking, hospitals), an index title the cleaning shortens ("contract manager") is no verbatim title of what is left; .2: a two-word ellipsis tail after a longer head ("capacité à travailler sous pression et en équipe"), a team or company "that values" X is a blurb, abstracting needs health-records context; 2026.12.04.1: an industry that names a sector lifts the groups working in it (sectors.tsv); a verbatim title outvoted by its words keeps a confidence (was unclassified); .11: "night" makes night auditors, clerks and watchmen; built-in examples audited against the NOC 2021 index and about 2,000 more authored, an apprentice's year ("1st year") is noise in titles; training the employer gives and "don't need" negate, "is an advantage" and "bonus points" are asset cues, a capitalized tool right after a colon in a posting naming other software counts, French "chef de" is a head, an owner is coded as a manager (queries only), delivery-truck labels, esco:EN,FR takes the French labels of built-in skills that name an ESCO concept; .10: "journalier" is a labourer (manoeuvre); .9: verb-first forms of action-noun labels ("repair engines"), two-word ellipsis tails, motivating others is leadership, parenthesized requirement cues, diversity blurbs, distinctive tool names unguarded; .8: occupation description model, commonness prior and perceptron margin, calibration refitted on O*NET and index titles alike; .7: "a plus" is an asset cue; .6: "an asset but not required" is an asset; .5: occupation title cleaning (province tails, other gender forms, inclusive endings); .4: a flexible schedule is a benefit (cue); .3a: loose skill candidates judged by the refitted filter

// Versions are what produced an analysis: the taxonomy (name@version and
// a hash of its labels), the occupation coder's reference data and
// calibration, the gazetteer, and the analysis code. Every stored posting
// carries them and every store records the set it holds, so figures are
// never counted from a mix.
type Versions struct {
	Taxonomy  string `json:"taxonomy"`
	Coder     string `json:"coder"`
	Gazetteer string `json:"gazetteer"`
	Analyzer  string `json:"analyzer"`
}

// IsZero reports whether no version is set (an analysis or store from
// before versioning).
func (v Versions) IsZero() bool { return v == Versions{} }

func (v Versions) String() string {
	return fmt.Sprintf("taxonomy=%s coder=%s gazetteer=%s analyzer=%s", v.Taxonomy, v.Coder, v.Gazetteer, v.Analyzer)
}

// Differs names the components whose versions differ between v and o.
func (v Versions) Differs(o Versions) []string {
	var out []string
	for _, c := range []struct{ name, a, b string }{{"taxonomy", v.Taxonomy, o.Taxonomy}, {"coder", v.Coder, o.Coder},
		{"gazetteer", v.Gazetteer, o.Gazetteer}, {"analyzer", v.Analyzer, o.Analyzer}} {
		if c.a != c.b {
			out = append(out, fmt.Sprintf("%s %q here, %q in the store", c.name, c.a, c.b))
		}
	}
	return out
}

// VersionMismatch is the refusal to mix analyses of other versions into a
// store: Stored is nil for a store with postings from before versioning.
type VersionMismatch struct {
	Store   string // the data directory or index prefix
	Stored  *Versions
	Current Versions
	// Pending is set when an interrupted reprocess towards Current (or
	// other versions) has not finished.
	Pending bool
}

func (e *VersionMismatch) Error() string {
	fix := "run `skillpulse reprocess` to re-analyze the stored postings with the current versions, or use a fresh data dir / index prefix"
	switch {
	case e.Pending:
		return fmt.Sprintf("store %s: a reprocess has not finished, postings are of mixed versions (current: %s); %s", e.Store, e.Current, fix)
	case e.Stored == nil:
		return fmt.Sprintf("store %s holds postings from before analysis versions were recorded (current: %s); %s", e.Store, e.Current, fix)
	}
	return fmt.Sprintf("store %s holds postings analyzed with other versions (%s; stored: %s; current: %s); %s",
		e.Store, strings.Join(e.Current.Differs(*e.Stored), ", "), e.Stored, e.Current, fix)
}

// CheckStore decides whether a store may take analyses of the current
// versions: one with none recorded and no postings may (the caller then
// records current), one with the same versions may, any other is refused.
func CheckStore(store string, stored *Versions, postings int, current Versions) error {
	if stored == nil && postings == 0 || stored != nil && *stored == current {
		return nil
	}
	return &VersionMismatch{Store: store, Stored: stored, Current: current}
}
