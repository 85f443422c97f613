package sample

import (
	"slices"
	"time"
)

// repost derives a re-publication of orig for slot. Three kinds occur in
// real feeds, and a deduplicator must catch all of them:
//   - a Job Bank posting mirrored on guichet-emplois (or back) under the
//     same id, text unchanged;
//   - syndication to another board within days: new id, often re-typeset,
//     sometimes lightly edited, location shown differently;
//   - the employer reposting on the same board 1-30 days later with small
//     edits (a reordered bullet, a changed sentence, a new title suffix).
func (g *generator) repost(slot int, orig *draft, o *origin) *draft {
	r := newRNG(g.cfg.Seed, streamRepost, uint64(slot))
	d := *orig
	d.slot = slot
	// Slices are shared with orig; edits below replace them, never write
	// through them.
	switch {
	case isJobBank(orig.source) && !o.mirrored && r.chance(0.3):
		o.mirrored = true
		d.source = srcGuichet
		if orig.source == srcGuichet {
			d.source = srcJobBank
		}
		d.posted = g.stamp(r, g.laterDay(orig.posted, r.between(0, 1)), d.source)
	case r.chance(0.5):
		d.source = otherSource(r, orig.source, orig.lang)
		d.id = g.newID(d.source, slot)
		d.posted = g.stamp(r, g.laterDay(orig.posted, r.between(0, 2)), d.source)
		if !isJobBank(d.source) && r.chance(0.5) {
			d.layout = chooseLayout(r)
		}
		if r.chance(0.4) {
			d.location = g.location(r, &d)
		}
		if r.chance(0.5) {
			g.edit(r, &d)
		}
	default:
		d.id = g.newID(d.source, slot)
		d.posted = g.stamp(r, g.laterDay(orig.posted, r.between(1, 30)), d.source)
		for n := r.between(1, 2); n > 0; n-- {
			g.edit(r, &d)
		}
	}
	return &d
}

// otherSource picks a board other than from; guichet-emplois only carries
// French postings.
func otherSource(r *rng, from, lang string) string {
	for {
		s := pick(r, sourcesEN)
		if lang == "fr" {
			s = pick(r, sourcesFR)
		}
		if s != from {
			return s
		}
	}
}

// laterDay moves a posting date forward by n days without leaving the
// configured period.
func (g *generator) laterDay(t time.Time, n int) time.Time {
	y, m, dd := t.In(time.UTC).Date()
	day := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	if last := g.start.AddDate(0, 0, g.days-1); day.After(last) {
		day = last
	}
	return day
}

// edit applies one small change of the kind employers make when reposting.
// None changes which skills the posting asks for.
func (g *generator) edit(r *rng, d *draft) {
	t := &g.data.text
	switch r.intn(6) {
	case 0:
		d.reqBullets = swapTwo(r, d.reqBullets)
	case 1:
		d.duties = swapTwo(r, d.duties)
	case 2:
		d.extraLine = pick(r, t.RepostLines.in(d.lang))
	case 3:
		d.intro = pick(r, t.Intros.in(d.lang))
	case 4:
		d.role, d.title = g.title(r, d.occ, d.lang, d.source)
	default:
		if len(d.benefits) > 1 {
			i := r.intn(len(d.benefits))
			d.benefits = slices.Delete(slices.Clone(d.benefits), i, i+1)
		} else {
			d.salary = g.salary(r, d.occ, d.lang, d.source)
		}
	}
}

// swapTwo returns a copy of s with two different elements exchanged.
func swapTwo(r *rng, s []string) []string {
	if len(s) < 2 {
		return s
	}
	c := slices.Clone(s)
	i := r.intn(len(c))
	j := (i + 1 + r.intn(len(c)-1)) % len(c)
	c[i], c[j] = c[j], c[i]
	return c
}
