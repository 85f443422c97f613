package geo

// Province is one of the 13 provinces and territories.
type Province struct {
	Code   string // two-letter postal abbreviation, e.g. "NL"
	SGC    string // Standard Geographical Classification code, e.g. "10"
	Name   string // English name
	NameFR string // French name
	// Aliases are other spellings seen in postings: abbreviations in both
	// languages, with or without periods.
	Aliases []string
	// PostalLetters are the first letters of the province's postal codes.
	PostalLetters string
}

// provinces is ordered by SGC code, which is also how StatCan tables sort.
var provinces = []Province{
	{"NL", "10", "Newfoundland and Labrador", "Terre-Neuve-et-Labrador",
		[]string{"NL", "N.L.", "NF", "Nfld", "Nfld.", "Newfoundland", "Nfld. and Lab.", "T.-N.-L.", "TNL", "Terre-Neuve", "Newfoundland & Labrador"}, "A"},
	{"PE", "11", "Prince Edward Island", "Île-du-Prince-Édouard",
		[]string{"PE", "PEI", "P.E.I.", "Î.-P.-É.", "IPE", "I.P.E."}, "C"},
	{"NS", "12", "Nova Scotia", "Nouvelle-Écosse",
		[]string{"NS", "N.S.", "N.-É."}, "B"},
	{"NB", "13", "New Brunswick", "Nouveau-Brunswick",
		[]string{"NB", "N.B.", "N.-B."}, "E"},
	{"QC", "24", "Quebec", "Québec",
		[]string{"QC", "Qc", "Que", "Que.", "Qué", "Qué.", "PQ", "P.Q.", "Province de Québec", "Province of Quebec"}, "GHJ"},
	{"ON", "35", "Ontario", "Ontario",
		[]string{"ON", "Ont", "Ont."}, "KLMNP"},
	{"MB", "46", "Manitoba", "Manitoba",
		[]string{"MB", "Man", "Man."}, "R"},
	{"SK", "47", "Saskatchewan", "Saskatchewan",
		[]string{"SK", "Sask", "Sask."}, "S"},
	{"AB", "48", "Alberta", "Alberta",
		[]string{"AB", "Alta", "Alta.", "Alb", "Alb."}, "T"},
	{"BC", "59", "British Columbia", "Colombie-Britannique",
		[]string{"BC", "B.C.", "C.-B.", "CB"}, "V"},
	{"YT", "60", "Yukon", "Yukon",
		[]string{"YT", "Y.T.", "YK", "Yuk", "Yn", "Yukon Territory", "Territoire du Yukon"}, "Y"},
	{"NT", "61", "Northwest Territories", "Territoires du Nord-Ouest",
		[]string{"NT", "NWT", "N.W.T.", "T.N.-O.", "TNO", "Territoires du Nord Ouest"}, "X"},
	{"NU", "62", "Nunavut", "Nunavut",
		[]string{"NU", "Nvt", "Nvt."}, "X"},
}

var (
	provinceByCode = map[string]*Province{}
	provinceBySGC  = map[string]*Province{}
)

func init() {
	for i := range provinces {
		p := &provinces[i]
		provinceByCode[p.Code] = p
		provinceBySGC[p.SGC] = p
	}
}

// Provinces returns the 13 provinces and territories in SGC order.
func Provinces() []Province {
	out := make([]Province, len(provinces))
	copy(out, provinces)
	return out
}

// LookupProvince finds a province by its two-letter code, SGC code, English
// or French name, or a common abbreviation ("Nfld", "Que.", "C.-B.").
func LookupProvince(s string) (Province, bool) {
	if p, ok := provinceByCode[s]; ok {
		return *p, true
	}
	if p, ok := provinceBySGC[s]; ok {
		return *p, true
	}
	key := normalizeKey(s)
	if code, ok := provinceAliasIndex()[key]; ok {
		return *provinceByCode[code], true
	}
	return Province{}, false
}

// provinceName returns the English name of a province code, or "".
func provinceName(code string) string {
	if p, ok := provinceByCode[code]; ok {
		return p.Name
	}
	return ""
}
