package sample

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// draft is a posting before rendering: the parts a repost edits (bullets,
// intro, title) and a sibling shares (employer boilerplate) stay separate
// until render joins them into a description.
type draft struct {
	slot   int
	lang   string
	occ    *Occupation
	sector string // the employer's sector; a sibling's role may lie outside it
	prov   *Province
	city   *City
	source string
	id     string

	title    string
	role     string // the title without noise, as the intro names it
	employer string
	posted   time.Time
	location *posting.Location
	salary   *posting.Salary
	coded    bool

	layout     layout
	jobBank    bool // labelled facts instead of prose sections
	intro      string
	blurb      string
	extraLine  string
	headings   [4]string // duties, requirements, assets, benefits
	duties     []string
	reqBullets []string
	required   []string
	assetBul   []string
	assets     []string
	benefits   []string
	eeo, apply string
	facts      []string // Job Bank "Languages/Education/Experience" lines
	conditions string
	personal   []string
}

func (d *draft) key() string { return d.source + ":" + d.id }

// Sources the generator posts to. guichet-emplois is Job Bank's French
// face and shares its id space, which is how one posting can appear under
// the same id on two sources.
const (
	srcJobBank  = "jobbank"
	srcGuichet  = "guichet-emplois"
	srcIndeed   = "indeed"
	srcLinkedIn = "linkedin"
	srcWorkopol = "workopolis"
)

var (
	sourcesEN      = []string{srcJobBank, srcIndeed, srcLinkedIn, srcWorkopol}
	sourceWeightEN = newWeighted([]float64{30, 38, 18, 14})
	sourcesFR      = []string{srcGuichet, srcJobBank, srcIndeed, srcLinkedIn, srcWorkopol}
	sourceWeightFR = newWeighted([]float64{35, 10, 40, 10, 5})
)

func isJobBank(src string) bool { return src == srcJobBank || src == srcGuichet }

// newDraft builds the original posting for one slot. When base is not nil
// the posting is a different role at base's employer, reusing its
// boilerplate word for word: a near-duplicate that is not a duplicate.
func (g *generator) newDraft(slot int, base *draft) *draft {
	r := newRNG(g.cfg.Seed, streamDraft, uint64(slot))
	d := &draft{slot: slot}
	if base != nil {
		d.lang, d.prov, d.city, d.source = base.lang, base.prov, base.city, base.source
		d.sector = base.sector
		d.occ = g.siblingRole(r, base.occ)
	} else {
		d.prov = &g.data.provinces[g.data.provPick.draw(r)]
		d.city = &d.prov.Cities[d.prov.cityPick.draw(r)]
		d.lang = "en"
		if r.chance(d.prov.French) {
			d.lang = "fr"
		}
		d.occ = &g.data.occupations[g.data.occPick.draw(r)]
		d.sector = d.occ.Sector
		if d.lang == "fr" {
			d.source = sourcesFR[sourceWeightFR.draw(r)]
		} else {
			d.source = sourcesEN[sourceWeightEN.draw(r)]
		}
	}
	d.id = g.newID(d.source, slot)
	d.role, d.title = g.title(r, d.occ, d.lang, d.source)
	d.posted = g.postedAt(r, slot, d.source)
	d.coded = r.chance(0.06)
	if isJobBank(d.source) {
		d.coded = r.chance(0.8)
	}
	d.salary = g.salary(r, d.occ, d.lang, d.source)
	if base != nil {
		d.employer, d.location = base.employer, base.location
		d.intro, d.blurb, d.benefits, d.eeo, d.apply = base.intro, base.blurb, base.benefits, base.eeo, base.apply
		d.layout, d.jobBank, d.headings = base.layout, base.jobBank, base.headings
	} else {
		d.layout = chooseLayout(r)
		d.jobBank = isJobBank(d.source) && r.chance(0.85)
		d.employer = g.employer(r, d.occ, d.lang, d.city)
		d.location = g.location(r, d)
		g.fillBoilerplate(r, d)
	}
	g.fillBody(r, d)
	return d
}

// siblingRole picks a different occupation at the same employer, from the
// employer's sector when it has other roles (a restaurant hires cooks and
// servers), otherwise from anywhere (a security firm hires an admin).
func (g *generator) siblingRole(r *rng, base *Occupation) *Occupation {
	var peers []int
	for _, i := range g.data.bySector[base.Sector] {
		if g.data.occupations[i].Code != base.Code {
			peers = append(peers, i)
		}
	}
	if len(peers) > 0 {
		return &g.data.occupations[pick(r, peers)]
	}
	for {
		o := &g.data.occupations[g.data.occPick.draw(r)]
		if o.Code != base.Code {
			return o
		}
	}
}

// title picks a title variant (role) and adds the noise real boards carry.
func (g *generator) title(r *rng, occ *Occupation, lang, source string) (role, title string) {
	role = pick(r, occ.Titles.in(lang))
	t := role
	noise := g.data.text.TitleNoise
	if occ.Seniority && r.chance(0.25) {
		t = pick(r, noise.Seniority.in(lang)) + t
	}
	if r.chance(0.3) {
		t += pick(r, noise.Suffix.in(lang))
	}
	// Job Bank shows titles in lower case ("registered nurse (RN)").
	if isJobBank(source) && r.chance(0.6) {
		t = strings.ToLower(t)
	}
	return role, t
}

// postedAt spreads slots evenly over the configured days, so the stream is
// roughly chronological, with a few days of jitter. Job Bank dates carry no
// time of day.
func (g *generator) postedAt(r *rng, slot int, source string) time.Time {
	day := g.days * slot / max(g.cfg.Count, 1)
	day += r.between(-3, 3)
	day = min(max(day, 0), g.days-1)
	return g.stamp(r, g.start.AddDate(0, 0, day), source)
}

// stamp gives a posting day the time of day its source would show.
func (g *generator) stamp(r *rng, day time.Time, source string) time.Time {
	if isJobBank(source) {
		return day
	}
	t := day.Add(time.Duration(r.between(6*3600, 21*3600)) * time.Second)
	if source == srcWorkopol {
		return t.In(easternTime)
	}
	return t
}

// easternTime is a fixed offset, not a tz database zone, so output never
// depends on the host's zoneinfo.
var easternTime = time.FixedZone("EST", -5*3600)

// newID gives each source its own id shape. Ids derive from the slot
// through a bijection, so no two slots share an id on one source.
func (g *generator) newID(source string, slot int) string {
	s := uint64(slot)
	switch source {
	case srcJobBank, srcGuichet:
		return strconv.FormatUint(30_000_000+mix(uint64(g.cfg.Seed))%10_000_000+s, 10)
	case srcIndeed:
		// Indeed job keys are 16 hex digits; keep leading zeros.
		id := strconv.FormatUint(mix(uint64(g.cfg.Seed)<<32^s), 16)
		return strings.Repeat("0", 16-len(id)) + id
	case srcLinkedIn:
		return strconv.FormatUint(3_500_000_000+mix(uint64(g.cfg.Seed))%100_000_000+s, 10)
	default:
		return "WP" + strconv.FormatUint(700_000_000+mix(uint64(g.cfg.Seed))%10_000_000+s, 10)
	}
}

// postingURL is where the source would show the posting.
func postingURL(source, id string) string {
	switch source {
	case srcJobBank:
		return "https://www.jobbank.gc.ca/jobsearch/jobposting/" + id
	case srcGuichet:
		return "https://www.guichetemplois.gc.ca/rechercheemplois/offredemploi/" + id
	case srcIndeed:
		return "https://ca.indeed.com/viewjob?jk=" + id
	case srcLinkedIn:
		return "https://www.linkedin.com/jobs/view/" + id
	default:
		return "https://www.workopolis.com/jobsearch/viewjob/" + id
	}
}

// employer invents a plausible employer name for the occupation's sector.
func (g *generator) employer(r *rng, occ *Occupation, lang string, city *City) string {
	t := &g.data.text
	pattern := pick(r, t.Sectors[occ.Sector].Employers.in(lang))
	return strings.NewReplacer(
		"{adj}", pick(r, t.Adjectives.in(lang)),
		"{surname}", pick(r, t.Surnames),
		"{city}", city.Name,
	).Replace(pattern)
}

// capitalize upper-cases the first letter only: "ICD-10-CA" and "iPhone"
// style phrases keep the rest of their case.
func capitalize(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	if c == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(c)) + s[n:]
}

// wrap fills a bullet template with a skill phrase, eliding French "de"
// before a vowel ("Connaissance d'Excel").
func wrap(tmpl, phrase, lang string) string {
	out := strings.NewReplacer("{s}", phrase, "{S}", capitalize(phrase)).Replace(tmpl)
	if lang == "fr" {
		if i := strings.Index(out, "de "+phrase); i >= 0 && startsWithVowel(phrase) {
			out = out[:i] + "d'" + out[i+3:]
		}
	}
	return out
}

func startsWithVowel(s string) bool {
	c, _ := utf8.DecodeRuneInString(strings.ToLower(s))
	return strings.ContainsRune("aeiouhéèêàâîôœ", c)
}
