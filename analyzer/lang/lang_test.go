package lang

import "testing"

func TestOf(t *testing.T) {
	for in, want := range map[string]string{
		"We are looking for a records clerk with experience in health records.":                 "en",
		"Nous recherchons un commis à l'archivage médical pour notre équipe de soins.":          "fr",
		"Vous devez avoir de l'expérience en codification et des compétences en communication.": "fr",
		"": "en",
	} {
		if got := Of(in); got != want {
			t.Errorf("Of(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestBalance(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"Vous assurez une expérience client de qualité", 4},
		{"We deliver the best experience for our clients", -5},
		{"l'équipe et d'autres", 3}, // "l", "et", "d" past the apostrophes
		{"The AND", -2},             // case-folded
		{"Gestion projet", 0},
		{"à la", 2},
	} {
		if got := Balance(c.text); got != c.want {
			t.Errorf("Balance(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}
