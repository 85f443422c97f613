package noc

// Feature weights, set on the held-out evaluation: whole words carry the
// meaning; word pairs ("records clerk" vs "clerk supervisor") and the head
// words (first and last, where English and French titles put the
// occupation noun) decide between groups that share words; character
// 4-grams let unseen inflections and compounds ("cardiologist",
// "electromechanic") meet known ones.
const (
	unigramWeight = 1
	bigramWeight  = 0.75
	headWeight    = 1
	charWeight    = 0.4
)

// eachFeature calls fn with each matching feature of a cleaned title. The
// key is only valid during the call: lookups of a map with string(key)
// do not allocate, and coders look up millions of features.
func eachFeature(clean string, fn func(key []byte, weight float32, word string)) {
	tk := tokens(clean)
	buf := make([]byte, 0, 64)
	emit := func(weight float32, word string, parts ...string) {
		buf = buf[:0]
		for _, p := range parts {
			buf = append(buf, p...)
		}
		fn(buf, weight, word)
	}
	for _, w := range tk {
		emit(unigramWeight, w, "w:", w)
	}
	for i := 1; i < len(tk); i++ {
		emit(bigramWeight, "", "b:", tk[i-1], "_", tk[i])
	}
	if len(tk) > 1 {
		emit(headWeight, "", "f:", tk[0])
		emit(headWeight, "", "l:", tk[len(tk)-1])
	}
	for _, w := range tk {
		b := "<" + w + ">"
		for i := 0; i+4 <= len(b); i++ {
			emit(charWeight, w, "c:", b[i:i+4])
		}
	}
}

// Feature kinds, by the first byte of the key: a title none of whose
// words is known is not coded, however many 4-grams it shares.
const (
	wordFeature = 'w'
	gramFeature = 'c'
)
