package defaults_test

import (
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/defaults"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// TestBuiltinOnPostings runs the extractor with the built-in taxonomy on
// short postings written for the purpose, EN and FR.
func TestBuiltinOnPostings(t *testing.T) {
	tax, err := defaults.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(tax)
	cases := []struct {
		name   string
		text   string
		want   []string
		absent []string
	}{
		{"cook", "Line cook wanted. React quickly to tickets, go the extra mile, excel under pressure. Knife skills and FoodSafe required.",
			[]string{"knife-skills", "food-safety"}, []string{"react", "go-lang", "ms-excel"}},
		{"developer", "Backend developer: Go microservices, React frontend, PostgreSQL, Docker and Kubernetes. Experience with CI/CD.",
			[]string{"go-lang", "react", "postgresql", "docker", "kubernetes", "ci-cd"}, nil},
		{"health records", "Health information clerk: ICD-10-CA and CCI coding, abstracting to the DAD, release of information under PHIPA. Meditech is an asset.",
			[]string{"icd-10-ca", "cci", "abstracting", "release-of-information", "privacy-legislation", "meditech"}, []string{"software-development"}},
		{"french", "Commis à l'archivage médical : codification médicale selon la CIM-10-CA, excellentes compétences en communication, souci du détail, bilingue.",
			[]string{"medical-coding", "icd-10-ca", "communication", "attention-to-detail", "bilingual-en-fr"}, nil},
	}
	for _, c := range cases {
		got := map[string]bool{}
		for _, m := range x.Extract(textnorm.Clean(c.text)).Skills {
			got[m.ID] = true
		}
		for _, id := range c.want {
			if !got[id] {
				t.Errorf("%s: missing %s (got %v)", c.name, id, got)
			}
		}
		for _, id := range c.absent {
			if got[id] {
				t.Errorf("%s: %s must not be found", c.name, id)
			}
		}
	}
}
