package sample

// layout is how a description is typeset. Extractors meet all of them in
// the wild: proper HTML lists, <br>-separated bullets and plain text.
// Whether the content follows Job Bank's labelled-facts structure is a
// separate choice (draft.jobBank), so an aggregator can re-typeset a Job
// Bank posting without changing what it says.
type layout uint8

const (
	layoutList layout = iota
	layoutBreaks
	layoutPlain
)

func chooseLayout(r *rng) layout {
	switch x := r.float(); {
	case x < 0.6:
		return layoutList
	case x < 0.8:
		return layoutBreaks
	default:
		return layoutPlain
	}
}

// fillBoilerplate picks the employer-level text: the parts a second posting
// by the same employer would repeat verbatim.
func (g *generator) fillBoilerplate(r *rng, d *draft) {
	t := &g.data.text
	lang := d.lang
	d.intro = pick(r, t.Intros.in(lang))
	if r.chance(0.65) {
		d.blurb = pick(r, t.Blurbs.in(lang))
	}
	d.headings = [4]string{
		pick(r, t.Headings.Duties.in(lang)),
		pick(r, t.Headings.Requirements.in(lang)),
		pick(r, t.Headings.Assets.in(lang)),
		pick(r, t.Headings.Benefits.in(lang)),
	}
	if r.chance(0.75) {
		d.benefits = sampleN(r, t.Benefits.in(lang), r.between(3, 5))
	}
	if r.chance(0.65) {
		d.eeo = pick(r, t.EEO.in(lang))
	}
	if r.chance(0.85) {
		d.apply = pick(r, t.Apply.in(lang))
	}
}

// fillBody picks the role-level text: duties, required and asset skills.
// The phrases chosen are recorded as ground truth for extractor evaluation.
func (g *generator) fillBody(r *rng, d *draft) {
	t := &g.data.text
	lang, occ := d.lang, d.occ
	d.duties = sampleN(r, occ.Duties.in(lang), r.between(3, 4))
	nReq := r.between(3, 5)
	nAsset := 0
	if !d.jobBank && r.chance(0.7) {
		nAsset = r.between(1, 3)
	}
	hard := sampleN(r, occ.Skills.in(lang), nReq+nAsset)
	req := hard[:min(nReq, len(hard))]
	asset := hard[len(req):]
	var creds []string
	if c := occ.Credentials.in(lang); len(c) > 0 && r.chance(0.7) {
		creds = sampleN(r, c, r.between(1, 2))
	}
	soft := sampleN(r, t.SoftSkills.in(lang), r.between(1, 2))

	d.required = append(append(append([]string(nil), req...), creds...), soft...)
	d.assets = asset
	d.reqBullets, d.assetBul, d.personal = nil, nil, nil
	if d.jobBank {
		// Job Bank lists bare phrases and files soft skills under
		// "Personal suitability".
		d.reqBullets = append(append(d.reqBullets, req...), creds...)
		for _, s := range soft {
			d.personal = append(d.personal, capitalize(s))
		}
		jb := t.JobBank.in(lang)
		d.facts = []string{jb.Languages, pick(r, jb.Education), pick(r, jb.Experience)}
		d.conditions = pick(r, jb.Conditions)
		return
	}
	for _, s := range req {
		d.reqBullets = append(d.reqBullets, wrap(pick(r, t.Wrappers.in(lang)), s, lang))
	}
	for _, c := range creds {
		d.reqBullets = append(d.reqBullets, capitalize(c))
	}
	for _, s := range soft {
		d.reqBullets = append(d.reqBullets, wrap(pick(r, t.SoftWrappers.in(lang)), s, lang))
	}
	for _, s := range asset {
		d.assetBul = append(d.assetBul, wrap(pick(r, t.AssetWrappers.in(lang)), s, lang))
	}
}
