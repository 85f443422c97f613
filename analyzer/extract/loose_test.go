package extract

import (
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// looseTaxonomy is a few ESCO-like skills with English and French labels.
func looseTaxonomy(t *testing.T) *taxonomy.Taxonomy {
	t.Helper()
	skill := func(id string, labels ...taxonomy.Label) taxonomy.Entry {
		return taxonomy.Entry{ID: id, Label: labels[0].Text, Type: taxonomy.Skill, Labels: labels}
	}
	pref := func(text, lang string) taxonomy.Label {
		return taxonomy.Label{Text: text, Lang: lang, Kind: taxonomy.Preferred}
	}
	alt := func(text, lang string) taxonomy.Label {
		return taxonomy.Label{Text: text, Lang: lang, Kind: taxonomy.Alternative}
	}
	tax, err := taxonomy.New("test", "1", []taxonomy.Entry{
		skill("review", pref("conduct ICT code review", "en"), pref("effectuer une révision de code TIC", "fr")),
		skill("tests", pref("develop automated software tests", "en"), pref("développer des tests logiciels automatisés", "fr")),
		skill("stakeholders", pref("manage relationships with stakeholders", "en"), pref("gérer les relations avec les parties prenantes", "fr")),
		skill("warehousing", pref("implement data warehousing techniques", "en")),
		skill("animals", pref("monitor the health of animals", "en")),
		skill("handtools", pref("use hand tools", "en"), alt("operate hand tools", "en")),
		skill("sitting", pref("tolerate sitting for long periods", "en"), alt("sit for extended periods", "en")),
		skill("problems", pref("solve problems", "en")),
		skill("salesteams", pref("manage sales teams", "en"), pref("gérer des équipes de vente", "fr")),
		skill("maintenance", pref("anticipate installation maintenance", "en")),
		skill("opening", pref("execute opening and closing procedures", "en")),
		skill("environment", pref("report on environmental issues", "en"), alt("reporting on issues in the environment", "en")),
		{ID: "school", Label: "secondary school procedures", Type: taxonomy.Knowledge, Labels: []taxonomy.Label{pref("secondary school procedures", "en"), alt("high school procedures", "en")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

func TestLooseMatches(t *testing.T) {
	tax := looseTaxonomy(t)
	loose := New(tax)
	loose.SetLoose(true)
	plain := New(tax)
	type want struct {
		id, text string
		loose    bool
	}
	for _, c := range []struct {
		name, text string
		want       []want // with the loose pass; nil: nothing found
	}{
		{"object without its verb, plural", "Experience with code reviews.", []want{{"review", "code reviews", true}}},
		{"generic word inside dropped, inflection", "Experience with automated testing.", []want{{"tests", "automated testing", true}}},
		{"other words between", "Build relationships with your stakeholders.", []want{{"stakeholders", "relationships with your stakeholders", true}}},
		{"generic tail dropped", "Knowledge of data warehousing.", []want{{"warehousing", "data warehousing", true}}},
		{"A of B turned", "Responsible for animal health.", []want{{"animals", "animal health", true}}},
		{"object of a tools skill", "Safe with power tools and hand tools.", []want{{"handtools", "hand tools", true}}},
		// A clause's first word shared by its objects is the dictionary's.
		{"a shared verb before the tools is the dictionary's", "Use of power tools and hand tools.", []want{{"handtools", "Use of power tools and hand tools", false}}},
		{"the dictionary's own label is no loose match", "Conduct ICT code review weekly.", []want{{"review", "Conduct ICT code review", false}}},
		{"inflected exact label stays the dictionary's", "Solving problems daily.", []want{{"problems", "Solving problems", false}}},
		{"a final 'tools' is the object, not generic", "Operate hand trucks.", nil},
		{"verb dropped only where the preferred label's verb opens", "Work for extended periods.", nil},
		{"one word is never a loose match", "Code quality matters.", nil},
		{"a school level is an education requirement", "Secondary (high) school graduation certificate. High school diploma.", nil},
		{"an object naming a group of people is not the skill", "Support the sales team and the sales teams abroad.", nil},
		{"FR: an object naming a group of people is not the skill", "Soutenir les équipes de vente.", nil},
		{"a conjunction joins two things, not a compound", "Installation and maintenance of wind turbines.", nil},
		{"a conjunction of the label's own", "Open and close the store.", []want{{"opening", "Open and close", true}}},
		{"the compound itself matches", "Experience in installation maintenance.", []want{{"maintenance", "installation maintenance", true}}},
		{"gaps hold function words only", "Debug issues in a full stack environment.", nil},
		{"function words in the gap", "Write about issues in our environment.", []want{{"environment", "issues in our environment", true}}},
		{"FR: object without its verb, plural", "Participer aux révisions de code.", []want{{"review", "révisions de code", true}}},
		{"FR: generic word inside dropped", "Expérience en tests automatisés.", []want{{"tests", "tests automatisés", true}}},
		{"FR: other words between", "Entretenir des relations avec nos parties prenantes.", []want{{"stakeholders", "relations avec nos parties prenantes", true}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := textnorm.Clean(c.text)
			got := loose.Extract(text).Skills
			if len(got) != len(c.want) {
				t.Fatalf("%q: got %+v, want %+v", text, got, c.want)
			}
			for i, w := range c.want {
				m := got[i]
				if m.ID != w.id || m.Text != w.text || m.Loose != w.loose {
					t.Errorf("%q: got %s %q loose=%v, want %s %q loose=%v", text, m.ID, m.Text, m.Loose, w.id, w.text, w.loose)
				}
				if text[m.Start:m.End] != m.Text {
					t.Errorf("evidence %q is not text[%d:%d] = %q", m.Text, m.Start, m.End, text[m.Start:m.End])
				}
			}
			// Without a rescorer that judges them, no loose match.
			for _, m := range plain.Extract(text).Skills {
				if m.Loose {
					t.Errorf("loose pass off, got loose %s %q", m.ID, m.Text)
				}
			}
		})
	}
}

// judge is a Rescorer that keeps everything and judges loose matches.
type judge struct{}

func (judge) Rescore(_ string, r Result) Result { return r }
func (judge) JudgesLoose() bool                 { return true }

func TestSetRescorerTurnsLooseOn(t *testing.T) {
	x := New(looseTaxonomy(t))
	x.SetRescorer(judge{})
	if got := x.Extract("Experience with code reviews."); len(got.Skills) != 1 || !got.Skills[0].Loose {
		t.Fatalf("a LooseJudge rescorer: got %+v, want the loose code review", got.Skills)
	}
	x.SetRescorer(nil)
	if got := x.Extract("Experience with code reviews."); len(got.Skills) != 0 {
		t.Fatalf("no rescorer: got %+v, want nothing", got.Skills)
	}
}
