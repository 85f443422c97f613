package noc

// feature is one matching feature of a cleaned title with its weight.
type feature struct {
	key    string
	weight float32
	word   string // the word a 4-gram comes from
}

// Feature weights, set on the held-out evaluation: whole words carry the
// meaning; word pairs ("records clerk" vs "clerk supervisor") and the head
// words (first and last, where English and French titles put the
// occupation noun) decide between groups that share words; character
// 4-grams let unseen inflections and compounds ("cardiologist",
// "electromechanic") meet known ones.
const (
	unigramWeight = 1
	bigramWeight  = 0.5
	headWeight    = 0.5
	charWeight    = 0.3
)

// features are the matching features of a cleaned title.
func features(clean string) []feature {
	tk := tokens(clean)
	out := make([]feature, 0, 8*len(tk))
	for _, w := range tk {
		out = append(out, feature{key: "w:" + w, weight: unigramWeight})
	}
	for i := 1; i < len(tk); i++ {
		out = append(out, feature{key: "b:" + tk[i-1] + "_" + tk[i], weight: bigramWeight})
	}
	if len(tk) > 1 {
		out = append(out, feature{key: "f:" + tk[0], weight: headWeight}, feature{key: "l:" + tk[len(tk)-1], weight: headWeight})
	}
	for _, w := range tk {
		b := "<" + w + ">"
		for i := 0; i+4 <= len(b); i++ {
			out = append(out, feature{key: "c:" + b[i:i+4], weight: charWeight, word: w})
		}
	}
	return out
}

// isWord tells whole-word features from the others: a title none of
// whose words is known is not coded, however many 4-grams it shares.
func (f feature) isWord() bool { return f.key[0] == 'w' }
