package analyzer

import "testing"

func TestLanguage(t *testing.T) {
	cases := map[string]string{
		"We are looking for a records clerk with experience in health records.":                 "en",
		"Nous recherchons un commis à l'archivage médical pour notre équipe de soins.":          "fr",
		"Vous devez avoir de l'expérience en codification et des compétences en communication.": "fr",
		"": "en",
	}
	for in, want := range cases {
		if got := Language(in); got != want {
			t.Errorf("Language(%q) = %s, want %s", in, got, want)
		}
	}
}
