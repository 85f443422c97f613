package noc

import "strings"

// QualifierCases are the titles HoldOut holds out that carry a qualifier
// ("manager, retail store", "supervisor - food processing", "labourer
// (construction)"), as a person reporting their job and its industry
// writes them: the head as the title, the qualifier as the description.
// Each head, qualifier and code once.
func QualifierCases(titles []Title) []Case {
	seen := map[string]bool{}
	var out []Case
	for _, t := range titles {
		if hash(t.Code+"|"+t.Text)%10 != 0 {
			continue
		}
		head, q := splitQualifier(t.Text)
		if q == "" || cleanTitle(head) == "" || len(descriptionWords(q)) == 0 {
			continue
		}
		key := t.Code + "|" + strings.ToLower(head) + "|" + strings.ToLower(q)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, Case{Title: head, Code: t.Code, Lang: t.Lang, Description: q})
	}
	return out
}

// WithoutDescriptions are the cases with their descriptions left out.
func WithoutDescriptions(cases []Case) []Case {
	out := make([]Case, len(cases))
	for i, k := range cases {
		k.Description = ""
		out[i] = k
	}
	return out
}
