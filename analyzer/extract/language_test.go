package extract

import (
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// bilingual is a concept with an English and a French label whose words,
// function words skipped, read as English in another order.
func bilingual(id, en, fr string) taxonomy.Entry {
	return taxonomy.Entry{ID: id, Label: en, Type: taxonomy.Skill, Labels: []taxonomy.Label{
		{Text: en, Lang: "en", Kind: taxonomy.Preferred}, {Text: fr, Lang: "fr", Kind: taxonomy.Preferred}}}
}

func TestFrenchLabelsMatchFrenchText(t *testing.T) {
	entries := []taxonomy.Entry{
		bilingual("guest-experience", "guest experience", "expérience client"),
		bilingual("systems-integration", "systems integration", "intégration des systèmes"),
		// A form both languages' labels give stays English as well.
		{ID: "sql", Label: "SQL", Type: taxonomy.Skill, Labels: []taxonomy.Label{
			{Text: "SQL", Lang: "en", Kind: taxonomy.Preferred}, {Text: "SQL", Lang: "fr", Kind: taxonomy.Preferred}}},
	}
	checkIDs(t, entries, []idCase{
		{"We deliver the best possible experience for our clients.", nil},
		{"You will ensure the integration of these systems.", nil},
		{"Offrir une expérience client exceptionnelle.", []string{"guest-experience"}},
		{"Vous assurez l'intégration des systèmes.", []string{"systems-integration"}},
		{"Strong SQL skills for our reports.", []string{"sql"}},
		// Bilingual postings: each sentence by its own words.
		{"We deliver the best experience for our clients.\nVous assurez une expérience client de qualité.", []string{"guest-experience"}},
		// A bullet without function words takes the document's language.
		{"Vous aimez le contact avec les gens et vous êtes disponible.\n- Expérience client\n- Caisse", []string{"guest-experience"}},
		{"You will work with the team and you are reliable.\n- Experience client onboarding\n- Cash", nil},
	})
}
