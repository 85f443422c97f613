package analyzer

import "strings"

// Language guesses "en" or "fr" from function words when a posting does
// not say. Postings are long enough that counting a few dozen of the most
// frequent words of each language is reliable; unknown text defaults to
// English, the majority language of Canadian postings.
func Language(text string) string {
	en, fr := 0, 0
	for i, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'à' && r <= 'ÿ' || r == '\'')
	}) {
		if i > 400 {
			break
		}
		if enWords[w] {
			en++
		}
		if frWords[w] {
			fr++
		}
	}
	if fr > en {
		return "fr"
	}
	return "en"
}

var enWords = set("the and of to in for with you our we are is will be a an as on or this your must have experience skills")
var frWords = set("le la les des du de et en pour avec vous nous est sont une un au aux sur votre doit avoir expérience compétences poste")

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
