package dedup

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold lower-cases s, strips accents and returns its letter/digit words:
// "Montréal" and "MONTREAL" compare equal, as do "Ltée" and "Ltee".
func fold(s string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// Combining accent: dropped, the base letter was already kept.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '\u2019':
			// "Tim Horton's" and "Tim Hortons" are one employer.
		default:
			flush()
		}
	}
	flush()
	return words
}

// legalForms are words that vary between boards for the same employer
// ("Acme Inc." on one, "Acme" or "ACME Ltd" on another).
var legalForms = set("inc", "incorporated", "ltd", "ltee", "limited", "limitee", "corp",
	"corporation", "co", "company", "cie", "llc", "llp", "lp", "plc", "ulc", "senc",
	"sencrl", "srl", "the", "canada")

// normEmployer is the employer as compared: folded, legal form dropped.
func normEmployer(s string) string {
	return strings.Join(drop(fold(s), legalForms), " ")
}

// titleNoise are words boards add to or drop from the same title: gender
// markers ("(H/F)", "M/F/X"), schedule and status tags, and hiring calls.
var titleNoise = set("h", "f", "m", "x", "w", "e", "hf", "fh", "mf", "fm", "and", "or",
	"of", "the", "a", "de", "du", "des", "la", "le", "les", "et", "ou", "en",
	"full", "part", "time", "fulltime", "parttime", "ft", "pt", "permanent", "temporary",
	"contract", "casual", "seasonal", "remote", "hybrid", "onsite", "urgent", "hiring",
	"immediate", "immediately", "start", "now", "job", "position", "opportunity",
	"poste", "emploi", "temps", "plein", "partiel", "temporaire", "contractuel",
	"occasionnel", "saisonnier", "teletravail", "hybride", "urgence", "embauche", "new")

// normTitle is the title as compared: folded words without noise.
func normTitle(s string) string {
	return strings.Join(drop(fold(s), titleNoise), " ")
}

// titlesCompatible accepts titles where one's words all appear in the
// other ("Cook" and "Line Cook", "Registered Nurse" and "Registered Nurse
// ICU") or most words match ("Customer Service Rep" and "Customer Service
// Representative", a prefix of three letters or more counting as a match).
// "Line Cook" and "Prep Cook" are not compatible. An unknown title is
// compatible with any.
func titlesCompatible(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	matched := 0
	for _, x := range wa {
		for _, y := range wb {
			if wordsMatch(x, y) {
				matched++
				break
			}
		}
	}
	if matched == len(wa) {
		return true
	}
	// Dice coefficient over matched words.
	return 2*float64(matched)/float64(len(wa)+len(wb)) >= 0.6
}

func wordsMatch(x, y string) bool {
	if x == y {
		return true
	}
	if len(x) > len(y) {
		x, y = y, x
	}
	return len(x) >= 3 && strings.HasPrefix(y, x)
}

// provinces maps folded province and territory names and codes, English
// and French, to their two-letter code.
var provinces = map[string]string{
	"nl": "NL", "newfoundland and labrador": "NL", "newfoundland": "NL", "terre neuve et labrador": "NL",
	"pe": "PE", "pei": "PE", "prince edward island": "PE", "ile du prince edouard": "PE",
	"ns": "NS", "nova scotia": "NS", "nouvelle ecosse": "NS",
	"nb": "NB", "new brunswick": "NB", "nouveau brunswick": "NB",
	"qc": "QC", "quebec": "QC", "que": "QC", "pq": "QC",
	"on": "ON", "ontario": "ON", "ont": "ON",
	"mb": "MB", "manitoba": "MB", "man": "MB",
	"sk": "SK", "saskatchewan": "SK", "sask": "SK",
	"ab": "AB", "alberta": "AB", "alta": "AB",
	"bc": "BC", "british columbia": "BC", "colombie britannique": "BC", "cb": "BC",
	"yt": "YT", "yukon": "YT",
	"nt": "NT", "northwest territories": "NT", "territoires du nord ouest": "NT", "nwt": "NT",
	"nu": "NU", "nunavut": "NU",
}

// placeless are location parts that name no place to compare.
var placeless = set("canada", "remote", "teletravail", "hybrid", "hybride", "various locations",
	"multiple locations", "plusieurs lieux", "anywhere", "partout au canada", "")

// parsePlace splits "Toronto, ON", "Montréal (Québec)", "Halifax, Nova
// Scotia, Canada" or "Vancouver, BC V6B 1A1" into a folded city and a
// province code; either may be empty.
func parsePlace(s string) (city, province string) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '(' || r == ')' || r == '|' })
	for _, p := range parts {
		words := fold(p)
		joined := strings.Join(words, " ")
		if code, ok := provinces[joined]; ok {
			if province == "" {
				province = code
			}
			continue
		}
		// "ON M5V 2T6": a code followed by a postal code.
		if len(words) > 1 && len(words[0]) == 2 && looksPostal(words[1:]) {
			if code, ok := provinces[words[0]]; ok {
				if province == "" {
					province = code
				}
				continue
			}
		}
		if placeless[joined] || looksPostal(words) {
			continue
		}
		if city == "" {
			city = joined
		}
	}
	return city, province
}

// looksPostal reports whether words spell a Canadian postal code, whole
// ("m5v2t6") or in two halves ("m5v", "2t6").
func looksPostal(words []string) bool {
	code := strings.Join(words, "")
	if len(code) != 6 && len(code) != 3 {
		return false
	}
	for i := 0; i < len(code); i++ {
		letter := code[i] >= 'a' && code[i] <= 'z'
		digit := code[i] >= '0' && code[i] <= '9'
		if (i%2 == 0 && !letter) || (i%2 == 1 && !digit) {
			return false
		}
	}
	return true
}

// placesCompatible requires the same city when both are known, and the
// same province when both are known.
func placesCompatible(a, b Sig) bool {
	if a.City != "" && b.City != "" && a.City != b.City {
		return false
	}
	return a.Province == "" || b.Province == "" || a.Province == b.Province
}

// compatible is the key check a text match must also pass.
func compatible(a, b Sig) bool {
	if a.Employer != "" && b.Employer != "" && a.Employer != b.Employer {
		return false
	}
	return placesCompatible(a, b) && titlesCompatible(a.Title, b.Title)
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func drop(words []string, noise map[string]bool) []string {
	out := words[:0]
	for _, w := range words {
		if !noise[w] {
			out = append(out, w)
		}
	}
	return out
}
