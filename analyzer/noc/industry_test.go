package noc

import "testing"

// Titles with the industry a survey respondent or a posting gives: what
// the industry may decide and what it may not.

// A verbatim index title that an industry contests stands, classified and
// first among the candidates: the industry lifting the sector's other
// groups (metal labourers beside welders) used to leave the title's own
// group tied with one of them, unclassified.
func TestVerbatimTitleStandsAgainstTheIndustry(t *testing.T) {
	c := referenceCoderTB(t)
	for _, e := range []Evidence{
		{Title: "soudeur", Industry: "Fabrication de produits métalliques"},
		{Title: "software developer", Industry: "Computer systems design"},
	} {
		e.Description = e.Industry // as GET /api/v1/occupations/code passes it
		want, ok := c.exact[cleanTitle(e.Title)]
		if !ok {
			t.Fatalf("%q is no verbatim index title", e.Title)
		}
		r := c.CodeEvidence(e, nil)
		if r.Code != c.codes[want] {
			t.Errorf("%+v: coded %s (%.2f), want %s", e, r.Code, r.Confidence, c.codes[want])
		}
		if cs := c.CandidatesEvidence(e, 2); len(cs) < 2 || cs[0].Code != c.codes[want] {
			t.Errorf("%+v: candidates %+v, want %s first", e, cs, c.codes[want])
		}
		// Ahead of the runner-up, not tied with it.
		a := c.assessEvidence(e)
		for k, s := range a.scores {
			if int32(k) != want && s >= a.scores[want] {
				t.Errorf("%+v: %s scores %.2f, the verbatim title's %s %.2f", e, c.codes[k], s, c.codes[want], a.scores[want])
			}
		}
	}
}

// An industry beside a worker's title does not make the worker whoever
// directs the trade; beside a title naming someone in charge it decides
// which manager.
func TestIndustryLiftsThoseInChargeOnlyForTheirTitles(t *testing.T) {
	c := referenceCoderTB(t)
	for _, tc := range []struct{ title, industry, want string }{
		{"framer", "Residential building construction", "72310"},
		{"pompier", "Services d'incendie municipaux", "42101"},
		{"retail", "Retail trade - electronics store", "64100"},
		{"manager", "Retail trade", "60020"},
	} {
		// As GET /api/v1/occupations/code passes them.
		r := c.CodeEvidence(Evidence{Title: tc.title, Description: tc.industry, Industry: tc.industry}, nil)
		if r.Code != tc.want {
			t.Errorf("%q in %q: coded %s (%.2f), want %s", tc.title, tc.industry, r.Code, r.Confidence, tc.want)
		}
	}
}

// A title of nothing but noise is coded from its industry, at half the
// confidence its words would give as a title: "self employed" had no
// candidates at all.
func TestNoiseTitleTakesItsIndustry(t *testing.T) {
	c := referenceCoderTB(t)
	e := Evidence{Title: "self employed", Industry: "Painting contractors"}
	cs := c.CandidatesEvidence(e, 3)
	if len(cs) == 0 || MajorGroup(cs[0].Code) != "72" && MajorGroup(cs[0].Code) != "73" {
		t.Fatalf("self employed in painting: candidates %+v, want a construction trade first", cs)
	}
	alone := c.CandidatesEvidence(Evidence{Title: "Painting contractors"}, 1)
	if cs[0].Confidence >= alone[0].Confidence {
		t.Errorf("coded from the industry at %.2f, as sure as the industry's words as a title (%.2f)", cs[0].Confidence, alone[0].Confidence)
	}
	if got := c.CodeEvidence(Evidence{Title: "mécano", Industry: "Réparation automobile", Description: "Réparation automobile"}, nil); got.Code != "72410" {
		t.Errorf("mécano in car repair: %s, want 72410", got.Code)
	}
}
