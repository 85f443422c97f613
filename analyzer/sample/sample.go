// Package sample generates realistic, deterministic Canadian job postings:
// the bundled default sample, test fixtures and load-test streams.
//
// Postings cover 50+ NOC 2021 unit groups weighted by real posting volume,
// all 13 provinces and territories weighted by population, English and
// French text, HTML-ish descriptions wrapped in employer boilerplate, many
// location and salary formats, and reposts across boards. Every posting
// comes with ground truth (occupation, province, skills asked for, which
// posting it duplicates) for evaluating the analysis stages.
//
// Generation streams: memory stays constant whatever Count is, and the same
// Config always yields byte-identical output.
package sample

import (
	"errors"
	"fmt"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// Config controls what Generate produces.
type Config struct {
	// Seed selects the sample; the same Config always yields the same postings.
	Seed int64
	// Count is the number of postings, reposts included.
	Count int
	// Start and End bound posting dates; both days are included.
	Start, End time.Time
	// RepostRate is the share of postings that re-publish an earlier one.
	RepostRate float64
	// SiblingRate is the share of postings that are a different role at
	// the same employer as an earlier one, sharing its boilerplate: hard
	// negatives for deduplication.
	SiblingRate float64
}

// DefaultConfig is the bundled sample: about three years of postings.
func DefaultConfig() Config {
	return Config{
		Seed:        1,
		Count:       3000,
		Start:       time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC),
		End:         time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC),
		RepostRate:  0.15,
		SiblingRate: 0.03,
	}
}

// Validate reports what is wrong with a Config.
func (c Config) Validate() error {
	var errs []error
	if c.Count < 0 {
		errs = append(errs, fmt.Errorf("count %d is negative", c.Count))
	}
	if c.Start.IsZero() || c.End.IsZero() {
		errs = append(errs, errors.New("start and end dates are required"))
	} else if dayOf(c.End).Before(dayOf(c.Start)) {
		errs = append(errs, fmt.Errorf("end %s is before start %s", c.End.Format(time.DateOnly), c.Start.Format(time.DateOnly)))
	}
	if c.RepostRate < 0 || c.RepostRate > 1 {
		errs = append(errs, fmt.Errorf("repost rate %v is outside [0, 1]", c.RepostRate))
	}
	if c.SiblingRate < 0 || c.SiblingRate > 1 {
		errs = append(errs, fmt.Errorf("sibling rate %v is outside [0, 1]", c.SiblingRate))
	}
	return errors.Join(errs...)
}

// Truth is what the generator knows about a posting, for scoring the
// analysis stages against.
type Truth struct {
	// Key is the posting's Key() (source:id).
	Key string `json:"key"`
	// OriginalKey is the key of the posting this one re-publishes, or ""
	// when this is an original.
	OriginalKey string `json:"original_key,omitempty"`
	// SiblingOf is the key of an earlier posting by the same employer for
	// a different role whose boilerplate this one repeats. It is not a
	// duplicate.
	SiblingOf string `json:"sibling_of,omitempty"`
	// Occupation is the NOC 2021 unit group, whether or not the posting
	// states it.
	Occupation string `json:"occupation"`
	// Province is the two-letter code of where the job is, even when the
	// posting omits or blurs its location.
	Province string `json:"province"`
	// Language is "en" or "fr".
	Language string `json:"language"`
	// Required are the skill phrases the posting asks for, as written into
	// it (before any bullet wording around them).
	Required []string `json:"required"`
	// Assets are the skill phrases listed as nice to have.
	Assets []string `json:"assets,omitempty"`
}

// Generate streams cfg.Count postings to emit, stopping at emit's first
// error.
func Generate(cfg Config, emit func(p *posting.Posting) error) error {
	return GenerateWithTruth(cfg, func(p *posting.Posting, _ Truth) error { return emit(p) })
}

// GenerateWithTruth is Generate with each posting's ground truth.
func GenerateWithTruth(cfg Config, emit func(p *posting.Posting, t Truth) error) error {
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("sample config: %w", err)
	}
	data, err := loadData()
	if err != nil {
		return err
	}
	g := newGenerator(cfg, data)
	return g.run(emit)
}

// RNG streams: each concern draws from its own stream so that regenerating
// one posting never disturbs another's draws.
const (
	streamMaster uint64 = iota + 1
	streamDraft
	streamRepost
)

// recentCap bounds how far back a repost or sibling reaches. It is what
// keeps memory constant: only this many slot numbers are remembered, and
// any posting is rebuilt from its slot on demand.
const recentCap = 256

// origin is a remembered original posting.
type origin struct {
	slot     int
	base     int  // slot of the posting whose boilerplate it shares, or -1
	mirrored bool // already mirrored under the same id on the twin Job Bank site
}

type generator struct {
	cfg   Config
	data  *dataset
	start time.Time
	days  int

	recent []origin // ring of originals, reposting candidates
	plain  []int    // ring of non-sibling originals, sibling bases
	// nRecent and nPlain count pushes; the ring slot to overwrite next is
	// the count modulo recentCap, so the oldest entry goes first.
	nRecent, nPlain int
}

func newGenerator(cfg Config, data *dataset) *generator {
	start := dayOf(cfg.Start)
	days := int(dayOf(cfg.End).Sub(start).Hours()/24+0.5) + 1
	return &generator{
		cfg: cfg, data: data, start: start, days: days,
		recent: make([]origin, 0, recentCap),
		plain:  make([]int, 0, recentCap),
	}
}

func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func (g *generator) run(emit func(*posting.Posting, Truth) error) error {
	master := newRNG(g.cfg.Seed, streamMaster, 0)
	for slot := 0; slot < g.cfg.Count; slot++ {
		var d *draft
		var t Truth
		switch {
		case len(g.recent) > 0 && master.chance(g.cfg.RepostRate):
			o := &g.recent[master.intn(len(g.recent))]
			orig := g.rebuild(*o)
			d = g.repost(slot, orig, o)
			t.OriginalKey = orig.key()
		case len(g.plain) > 0 && master.chance(g.cfg.SiblingRate):
			base := g.newDraft(g.plain[master.intn(len(g.plain))], nil)
			d = g.newDraft(slot, base)
			t.SiblingOf = base.key()
			g.remember(origin{slot: slot, base: base.slot})
		default:
			d = g.newDraft(slot, nil)
			g.remember(origin{slot: slot, base: -1})
		}
		t.Key = d.key()
		t.Occupation = d.occ.Code
		t.Province = d.prov.Code
		t.Language = d.lang
		t.Required = d.required
		t.Assets = d.assets
		if err := emit(g.toPosting(d), t); err != nil {
			return fmt.Errorf("emit posting %d: %w", slot, err)
		}
	}
	return nil
}

// rebuild regenerates an earlier original from its slot.
func (g *generator) rebuild(o origin) *draft {
	if o.base < 0 {
		return g.newDraft(o.slot, nil)
	}
	return g.newDraft(o.slot, g.newDraft(o.base, nil))
}

func (g *generator) remember(o origin) {
	if len(g.recent) < recentCap {
		g.recent = append(g.recent, o)
	} else {
		g.recent[g.nRecent%recentCap] = o
	}
	g.nRecent++
	if o.base >= 0 {
		return
	}
	if len(g.plain) < recentCap {
		g.plain = append(g.plain, o.slot)
	} else {
		g.plain[g.nPlain%recentCap] = o.slot
	}
	g.nPlain++
}
