package dedup

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// This file generates a labelled corpus of postings: base jobs with
// realistic structure (employer boilerplate, role duties and
// qualifications, benefits, legal lines) and reposts with the edits boards
// and employers make. Every generated posting carries the id of the job
// it belongs to, which is the truth detection is scored against.

type role struct {
	title   string
	verbs   []string
	objects []string
	skills  []string
}

// Roles sharing words ("Cook", "Line Cook", "Prep Cook") make hard cases:
// compatible or nearly compatible titles with different duties.
var roles = []role{
	{"Line Cook", []string{"prepare", "grill", "plate", "season", "portion", "cook"}, []string{"menu items", "proteins and sides", "sauces and soups", "breakfast orders", "daily specials", "hot line dishes", "banquet meals", "appetizers"}, []string{"knife skills", "food safety", "grill station", "saute station", "kitchen equipment", "recipe costing"}},
	{"Prep Cook", []string{"wash", "chop", "measure", "label", "store", "prepare"}, []string{"vegetables and fruit", "salad ingredients", "marinades", "dough and batters", "cold storage items", "mise en place", "portioned proteins", "stocks"}, []string{"knife skills", "food safety", "inventory rotation", "cold prep", "kitchen equipment", "allergen control"}},
	{"Cook", []string{"cook", "bake", "prepare", "plate", "roast", "season"}, []string{"resident meals", "therapeutic diets", "soups and entrees", "baked goods", "catering trays", "cafeteria meals", "texture modified meals", "desserts"}, []string{"food safety", "diet orders", "batch cooking", "ovens and steamers", "menu planning", "sanitation"}},
	{"Dishwasher", []string{"wash", "sort", "sanitize", "stack", "sweep", "empty"}, []string{"dishes and cutlery", "pots and pans", "kitchen floors", "garbage and recycling", "dish racks", "storage shelves", "glassware", "prep tables"}, []string{"dish machine", "cleaning chemicals", "WHMIS", "teamwork", "time management", "sanitation"}},
	{"Registered Nurse", []string{"assess", "monitor", "document", "administer", "educate", "coordinate"}, []string{"patient conditions", "medications", "care plans", "vital signs", "wound care", "discharge plans", "family questions", "admissions"}, []string{"clinical assessment", "BLS certification", "electronic charting", "medication administration", "infection control", "critical thinking"}},
	{"Personal Support Worker", []string{"assist", "support", "help", "observe", "record", "accompany"}, []string{"clients with bathing", "residents at meals", "mobility and transfers", "daily routines", "changes in condition", "light housekeeping", "recreation programs", "personal hygiene"}, []string{"PSW certificate", "safe lifting", "dementia care", "CPR", "compassion", "documentation"}},
	{"Software Developer", []string{"design", "build", "test", "review", "deploy", "maintain"}, []string{"web services", "REST APIs", "database schemas", "front end features", "automated tests", "cloud infrastructure", "data pipelines", "internal tools"}, []string{"Go", "Java", "SQL", "Kubernetes", "React", "Git"}},
	{"Data Analyst", []string{"analyze", "clean", "visualize", "report", "model", "query"}, []string{"sales data", "customer trends", "dashboards", "monthly reports", "survey results", "forecasts", "operational metrics", "data quality issues"}, []string{"SQL", "Excel", "Power BI", "Python", "statistics", "Tableau"}},
	{"Truck Driver", []string{"drive", "inspect", "load", "deliver", "secure", "log"}, []string{"tractor trailers", "freight to customers", "pre trip checks", "hours of service", "cargo and straps", "long haul routes", "cross border loads", "bills of lading"}, []string{"AZ licence", "clean abstract", "ELD logs", "TDG", "air brakes", "winter driving"}},
	{"Warehouse Associate", []string{"pick", "pack", "ship", "receive", "count", "scan"}, []string{"customer orders", "pallets", "inbound shipments", "inventory", "returns", "outbound trucks", "cycle counts", "shelving"}, []string{"forklift", "RF scanner", "WMS", "safe lifting", "attention to detail", "shipping software"}},
	{"Electrician", []string{"install", "repair", "troubleshoot", "wire", "test", "upgrade"}, []string{"electrical panels", "lighting systems", "motor controls", "conduit runs", "fire alarm systems", "service entrances", "branch circuits", "industrial equipment"}, []string{"309A licence", "Electrical Code", "PLC", "blueprints", "lockout tagout", "multimeter"}},
	{"Retail Sales Associate", []string{"greet", "assist", "stock", "merchandise", "process", "recommend"}, []string{"customers", "shelves and displays", "sales transactions", "returns and exchanges", "new arrivals", "product questions", "fitting rooms", "store promotions"}, []string{"point of sale", "customer service", "product knowledge", "cash handling", "upselling", "visual merchandising"}},
	{"Customer Service Representative", []string{"answer", "resolve", "process", "document", "escalate", "follow up on"}, []string{"inbound calls", "billing inquiries", "customer complaints", "account changes", "service requests", "chat messages", "refund requests", "order issues"}, []string{"CRM software", "active listening", "bilingualism", "typing", "problem solving", "call centre experience"}},
	{"Administrative Assistant", []string{"schedule", "prepare", "organize", "answer", "order", "maintain"}, []string{"meetings and travel", "correspondence", "filing systems", "phone calls", "office supplies", "expense reports", "meeting minutes", "calendars"}, []string{"Microsoft Office", "Outlook", "bookkeeping", "organization", "discretion", "minute taking"}},
	{"Accountant", []string{"prepare", "reconcile", "review", "file", "analyze", "audit"}, []string{"financial statements", "bank accounts", "journal entries", "tax returns", "variance reports", "month end close", "payroll records", "budgets"}, []string{"CPA designation", "QuickBooks", "Excel", "IFRS", "ASPE", "Caseware"}},
	{"Early Childhood Educator", []string{"plan", "lead", "observe", "support", "communicate", "document"}, []string{"play based activities", "circle time", "child development", "families", "outdoor play", "daily reports", "learning stories", "toddler routines"}, []string{"RECE registration", "first aid", "HighScope", "patience", "classroom management", "inclusion"}},
	{"Welder", []string{"weld", "fabricate", "cut", "fit", "grind", "inspect"}, []string{"steel structures", "pipe joints", "aluminum parts", "heavy equipment", "custom brackets", "pressure vessels", "trailer frames", "railings"}, []string{"MIG", "TIG", "CWB ticket", "blueprints", "plasma cutter", "flux core"}},
	{"Heavy Equipment Operator", []string{"operate", "maintain", "grade", "excavate", "load", "inspect"}, []string{"excavators", "loaders", "dozers", "road beds", "trenches", "haul trucks", "site materials", "graders"}, []string{"heavy equipment ticket", "GPS grade control", "site safety", "daily logs", "DZ licence", "rigging"}},
}

var (
	employerHeads = []string{"Maple", "Northern", "Summit", "Harbour", "Prairie", "Lakeshore", "Pinecrest", "Cedar", "Aurora", "Granite", "Riverbend", "Bluewater", "Evergreen", "Frontier", "Coastal", "Highland", "Silverline", "Westgate", "Eastview", "Timberland"}
	employerTails = []string{"Foods", "Health", "Logistics", "Systems", "Care Homes", "Builders", "Hospitality", "Retail", "Solutions", "Manufacturing", "Services", "Group"}
	legalSuffixes = []string{"", " Inc.", " Ltd.", " Corporation", " Inc"}
	cities        = []struct{ city, short, long string }{
		{"Toronto", "ON", "Ontario"}, {"Ottawa", "ON", "Ontario"}, {"Hamilton", "ON", "Ontario"}, {"London", "ON", "Ontario"},
		{"Montréal", "QC", "Québec"}, {"Québec", "QC", "Québec"}, {"Gatineau", "QC", "Québec"}, {"Vancouver", "BC", "British Columbia"},
		{"Victoria", "BC", "British Columbia"}, {"Kelowna", "BC", "British Columbia"}, {"Calgary", "AB", "Alberta"}, {"Edmonton", "AB", "Alberta"},
		{"Winnipeg", "MB", "Manitoba"}, {"Regina", "SK", "Saskatchewan"}, {"Saskatoon", "SK", "Saskatchewan"}, {"Halifax", "NS", "Nova Scotia"},
		{"Moncton", "NB", "New Brunswick"}, {"St. John's", "NL", "Newfoundland and Labrador"}, {"Charlottetown", "PE", "Prince Edward Island"}, {"Whitehorse", "YT", "Yukon"},
	}
	contexts = []string{"in a fast paced environment", "according to company standards", "with minimal supervision", "as part of a small team",
		"while meeting daily deadlines", "following health and safety rules", "across day and evening shifts", "in line with our quality procedures",
		"for a growing customer base", "using approved procedures", "during peak periods", "with care and attention to detail"}
	adjectives = []string{"family owned", "fast growing", "award winning", "community focused", "employee owned", "long established", "innovative", "independent"}
	audiences  = []string{"families across the region", "businesses in Western Canada", "seniors and their families", "customers coast to coast", "local communities", "industrial clients"}
	missions   = []string{"make every customer feel at home", "deliver quality without compromise", "build safer communities", "support healthy aging", "keep Canada moving", "help our clients grow"}
	benefits   = []string{"Extended health and dental coverage from day one.", "Group RRSP with employer matching.", "Paid vacation starting at three weeks.", "Employee discount on all products.",
		"Paid training and certification support.", "Flexible scheduling and a four day week option.", "Free parking and transit subsidy.", "Employee and family assistance program.",
		"Annual performance bonus.", "Wellness spending account of 500 dollars a year.", "Uniforms and safety boots provided.", "Tuition reimbursement for job related courses."}
	sources = []string{"indeed", "jobbank", "linkedin", "glassdoor", "workopolis", "monster", "talent"}
	extras  = []string{"Only candidates selected for an interview will be contacted.", "We thank all applicants for their interest.",
		"Apply today and join our team!", "Candidates must be legally entitled to work in Canada.", "Accommodations are available on request during the hiring process."}
	synonyms = map[string]string{"prepare": "make", "assist": "help", "customers": "clients", "experience": "background",
		"team": "crew", "required": "needed", "ability": "capacity", "strong": "solid", "daily": "everyday", "ensure": "make sure"}
)

type employer struct {
	name  string
	about []string // boilerplate lines shared by all its postings
	perks []string
}

type synthDoc struct {
	doc Doc
	job int // the job it posts; reposts share it
}

type generator struct {
	r       *rand.Rand
	next    int
	minText int // pad postings with more duties up to this many bytes
}

func (g *generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *generator) employer(i int) employer {
	// Unique for the first 240 employers, more than a corpus uses.
	name := employerHeads[i%len(employerHeads)] + " " + employerTails[(i/len(employerHeads))%len(employerTails)]
	e := employer{name: name}
	e.about = []string{
		fmt.Sprintf("%s is a %s company serving %s since %d.", name, g.pick(adjectives), g.pick(audiences), 1950+g.r.IntN(70)),
		fmt.Sprintf("Our mission is to %s, and our %d employees make that happen every day.", g.pick(missions), 20+g.r.IntN(2000)),
	}
	// Some employers wrap every posting in long boilerplate: their
	// different roles share much of their text.
	if g.r.IntN(3) == 0 {
		e.about = append(e.about,
			fmt.Sprintf("At %s we believe great work starts with great people, which is why we invest in training, safety and a respectful workplace.", name),
			"We are proud to be recognized as one of the best places to work in our region for five years running.",
			"Our teams are supported by experienced supervisors, clear procedures and modern equipment.")
	}
	for _, k := range g.r.Perm(len(benefits))[:3+g.r.IntN(4)] {
		e.perks = append(e.perks, benefits[k])
	}
	return e
}

// posting builds the text of a new job.
func (g *generator) posting(e employer, ro role, city string) []string {
	lines := append([]string{}, e.about...)
	lines = append(lines, fmt.Sprintf("We are hiring a %s to join our team in %s.", strings.ToLower(ro.title), city))
	for range 5 + g.r.IntN(4) {
		lines = append(lines, g.duty(ro))
	}
	for size := len(strings.Join(lines, "\n")); size < g.minText-400; {
		l := g.duty(ro)
		lines = append(lines, l)
		size += len(l) + 1
	}
	lines = append(lines,
		fmt.Sprintf("%d years of experience with %s.", 1+g.r.IntN(5), g.pick(ro.skills)),
		fmt.Sprintf("Knowledge of %s and %s is required.", g.pick(ro.skills), g.pick(ro.skills)),
		fmt.Sprintf("Experience with %s is an asset.", g.pick(ro.skills)),
		"Strong communication skills and the ability to work in a team.")
	lines = append(lines, e.perks...)
	lines = append(lines,
		"We are an equal opportunity employer and welcome applications from all qualified candidates.",
		fmt.Sprintf("To apply, send your resume to the %s hiring team.", e.name))
	return lines
}

func (g *generator) duty(ro role) string {
	return fmt.Sprintf("%s %s %s.", capitalize(g.pick(ro.verbs)), g.pick(ro.objects), g.pick(contexts))
}

// repost applies one to three edits of the kinds seen between boards and
// between successive postings of one job.
func (g *generator) repost(lines []string, ro role) []string {
	out := append([]string{}, lines...)
	for range 1 + g.r.IntN(3) {
		switch g.r.IntN(6) {
		case 0: // a few words changed
			for range 1 + g.r.IntN(3) {
				i := g.r.IntN(len(out))
				words := strings.Fields(out[i])
				j := g.r.IntN(len(words))
				if s, ok := synonyms[strings.ToLower(words[j])]; ok {
					words[j] = s
				} else {
					words[j] = g.pick([]string{"new", "key", "main", "great", "local"})
				}
				out[i] = strings.Join(words, " ")
			}
		case 1: // a bullet moved
			i, j := g.r.IntN(len(out)), g.r.IntN(len(out))
			out[i], out[j] = out[j], out[i]
		case 2: // a boilerplate line added
			i := g.r.IntN(len(out) + 1)
			out = append(out[:i], append([]string{g.pick(extras)}, out[i:]...)...)
		case 3: // a boilerplate line removed
			for i, l := range out {
				if strings.HasPrefix(l, "We are an equal") || strings.HasPrefix(l, "To apply") {
					out = append(out[:i], out[i+1:]...)
					break
				}
			}
		case 4: // a duty rewritten
			for i, l := range out {
				if g.r.IntN(4) == 0 && strings.HasSuffix(l, ".") && containsAny(l, ro.verbs) {
					out[i] = g.duty(ro)
					break
				}
			}
		case 5: // reformatted by the board: bullets and case
			for i := range out {
				if g.r.IntN(3) == 0 {
					out[i] = "• " + out[i]
				}
			}
			out[0] = strings.ToUpper(out[0])
		}
	}
	return out
}

// corpus returns the labelled postings in arrival order: base jobs and
// reposts shuffled together, so copies often arrive before originals.
func corpus(seed uint64, bases int) []synthDoc {
	return paddedCorpus(seed, bases, 0)
}

// paddedCorpus is corpus with descriptions of at least about minText
// bytes.
func paddedCorpus(seed uint64, bases, minText int) []synthDoc {
	g := &generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), minText: minText}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs []synthDoc
	used := map[string]bool{}
	job := 0
	for ei := 0; job < bases; ei++ {
		e := g.employer(ei)
		legal := g.pick(legalSuffixes)
		// An employer hires for several roles, often in one city and some
		// roles in several: both are hard negatives.
		home := cities[g.r.IntN(len(cities))]
		for range 2 + g.r.IntN(6) {
			ro := roles[g.r.IntN(len(roles))]
			c := home
			if g.r.IntN(3) == 0 {
				c = cities[g.r.IntN(len(cities))]
			}
			id := e.name + "|" + ro.title + "|" + c.city
			if used[id] || job >= bases {
				continue
			}
			used[id] = true
			lines := g.posting(e, ro, c.city)
			posted := start.Add(time.Duration(g.r.IntN(240*24)) * time.Hour)
			src := g.pick(sources)
			docs = append(docs, g.doc(job, src, e.name+legal, ro.title, c.city+", "+c.short, lines, posted))
			for range g.r.IntN(4) { // zero to three reposts
				src := g.pick(sources)
				title, place, emp := ro.title, c.city+", "+c.short, e.name+legal
				switch g.r.IntN(5) {
				case 0:
					title += g.pick([]string{" - Full Time", " (Permanent)", " - URGENT", " (H/F)"})
				case 1:
					place = c.city + ", " + c.long + ", Canada"
				case 2:
					emp = strings.ToUpper(e.name)
				case 3:
					emp = "" // aggregators often lose the employer
				}
				shift := time.Duration(g.r.IntN(61)-30) * 24 * time.Hour
				docs = append(docs, g.doc(job, src, emp, title, place, g.repost(lines, ro), posted.Add(shift)))
			}
			job++
		}
	}
	g.r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	return docs
}

func (g *generator) doc(job int, src, emp, title, place string, lines []string, at time.Time) synthDoc {
	g.next++
	return synthDoc{job: job, doc: Doc{
		Key: fmt.Sprintf("%s:%d", src, g.next), Source: src, Employer: emp, Title: title,
		Location: place, Text: strings.Join(lines, "\n"), PostedAt: at,
	}}
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func containsAny(s string, words []string) bool {
	s = strings.ToLower(s)
	for _, w := range words {
		if strings.HasPrefix(s, w+" ") || strings.HasPrefix(s, "• "+w+" ") {
			return true
		}
	}
	return false
}
