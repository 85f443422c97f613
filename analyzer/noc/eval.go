package noc

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
)

// Case is a title with its true unit group.
type Case struct {
	Title string
	Code  string
	Lang  string
	// Description is coded with the title (an industry, a posting body).
	Description string
}

// Report scores a coder.
type Report struct {
	Cases, Classified, Exact, Major int
	// Accuracy is exact unit-group matches over all cases; MajorAccuracy
	// the same at major group (first two digits) level; Coverage the share
	// classified; Precision exact matches among classified.
	Accuracy, MajorAccuracy, Coverage, Precision float64
}

// Evaluate codes every case.
func Evaluate(c *Coder, cases []Case) Report {
	var r Report
	for _, k := range cases {
		res := c.Code(k.Title, k.Description, nil)
		r.Cases++
		if res.Code == Unclassified {
			continue
		}
		r.Classified++
		if res.Code == k.Code {
			r.Exact++
		}
		if MajorGroup(res.Code) == MajorGroup(k.Code) {
			r.Major++
		}
	}
	return r.withRates()
}

// withRates fills in the rates from the counts.
func (r Report) withRates() Report {
	if r.Cases > 0 {
		r.Accuracy = float64(r.Exact) / float64(r.Cases)
		r.MajorAccuracy = float64(r.Major) / float64(r.Cases)
		r.Coverage = float64(r.Classified) / float64(r.Cases)
	}
	if r.Classified > 0 {
		r.Precision = float64(r.Exact) / float64(r.Classified)
	}
	return r
}

// String is the report on one line.
func (r Report) String() string {
	return fmt.Sprintf("cases %d  exact unit group %.1f%%  major group %.1f%%  coverage %.1f%%  precision %.1f%%",
		r.Cases, 100*r.Accuracy, 100*r.MajorAccuracy, 100*r.Coverage, 100*r.Precision)
}

// Confusion is how often one unit group was coded as another.
type Confusion struct {
	Want, Got string
	Count     int
}

// Confusions are the n most frequent miscodings of cases (Got may be
// Unclassified).
func Confusions(c *Coder, cases []Case, n int) []Confusion {
	count := map[[2]string]int{}
	for _, k := range cases {
		if got := c.Code(k.Title, k.Description, nil).Code; got != k.Code {
			count[[2]string{k.Code, got}]++
		}
	}
	out := make([]Confusion, 0, len(count))
	for k, v := range count {
		out = append(out, Confusion{Want: k[0], Got: k[1], Count: v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Want+out[i].Got < out[j].Want+out[j].Got
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// HoldOut splits an index deterministically: about one title in ten (by
// hash of code and text, so the split does not depend on file order) is
// held out as a noisy test case, the rest builds the coder.
func HoldOut(titles []Title) (train []Title, test []Case) {
	for _, t := range titles {
		h := hash(t.Code + "|" + t.Text)
		if h%10 == 0 {
			test = append(test, Case{Title: Noisy(t.Text, t.Lang, h/10), Code: t.Code, Lang: t.Lang})
			continue
		}
		train = append(train, t)
	}
	return train, test
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

var (
	places      = []string{"Toronto, ON", "St. John's, NL", "Montréal (QC)", "Calgary, AB", "Halifax NS", "Remote", "Gatineau, QC"}
	seniority   = []string{"Sr. ", "Senior ", "Junior ", "Jr. ", "Lead "}
	schedulesEN = []string{" - Night Shift (Full-time)", " (Part-time)", " - Permanent", " - Casual", " (Contract)", " - Full Time"}
	schedulesFR = []string{" - temps plein", " (temps partiel)", " - poste permanent", " - occasionnel"}
	abbrevs     = [][2]string{{"assistant", "asst"}, {"manager", "mgr"}, {"technician", "tech"}, {"administrative", "admin"},
		{"representative", "rep"}, {"supervisor", "supv"}, {"coordinator", "coord"}}
)

// Noisy dresses a clean title the way postings do, chosen by seed:
// seniority, schedules, places, casing, abbreviations, an occasional typo,
// and French gender forms.
func Noisy(title, lang string, seed uint32) string {
	t := title
	pick := func(list []string) string { return list[int(seed/7)%len(list)] }
	if lang == "fr" {
		t = genderForm(t, seed)
	}
	switch seed % 7 {
	case 0:
		if lang == "fr" {
			t += pick(schedulesFR)
		} else {
			t = pick(seniority) + t
		}
	case 1:
		if lang == "fr" {
			t += pick(schedulesFR)
		} else {
			t += pick(schedulesEN)
		}
	case 2:
		t = strings.ToUpper(t)
	case 3:
		t += " - " + pick(places)
	case 4:
		for _, a := range abbrevs {
			t = strings.Replace(t, a[0], a[1], 1)
		}
	case 5:
		t = strings.Title(t) //nolint:staticcheck // ASCII title case is what postings use
	}
	if seed%11 == 0 {
		t = typo(t)
	}
	return t
}

// genderForm writes the first word of a French title in the inclusive
// forms postings use: "technicien(ne)", "vendeur/vendeuse", "(H/F)".
func genderForm(t string, seed uint32) string {
	first, rest, _ := strings.Cut(t, " ")
	if rest != "" {
		rest = " " + rest
	}
	switch {
	case strings.HasSuffix(first, "ien"):
		return first + "(ne)" + rest
	case strings.HasSuffix(first, "eur") && seed%2 == 0:
		return first + "/" + strings.TrimSuffix(first, "eur") + "euse" + rest
	case strings.HasSuffix(first, "ier"):
		return first + "(ère)" + rest
	case strings.HasSuffix(first, "é"):
		return first + "(e)" + rest
	}
	return t + " (H/F)"
}

// typo swaps two adjacent ASCII letters near the middle of the longest word.
func typo(t string) string {
	words := strings.Fields(t)
	long := 0
	for i, w := range words {
		if len(w) > len(words[long]) {
			long = i
		}
	}
	if len(words) == 0 || len(words[long]) < 6 {
		return t
	}
	b := []byte(words[long])
	for m := len(b) / 2; m < len(b); m++ {
		if isASCIILetter(b[m-1]) && isASCIILetter(b[m]) {
			b[m-1], b[m] = b[m], b[m-1]
			break
		}
	}
	words[long] = string(b)
	return strings.Join(words, " ")
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// OtherForms are the held-out titles of HoldOut that give a second form
// after a slash ("waiter/waitress", "conseiller/conseillère en vente",
// "foreman/woman"), written in that form alone, as a person of that
// gender writes their job: the index teaches the first form only.
func OtherForms(titles []Title) []Case {
	var out []Case
	for _, t := range titles {
		if hash(t.Code+"|"+t.Text)%10 != 0 || !strings.Contains(t.Text, "/") {
			continue
		}
		if other := secondAlternative(strings.ToLower(t.Text)); other != strings.ToLower(t.Text) {
			out = append(out, Case{Title: other, Code: t.Code, Lang: t.Lang})
		}
	}
	return out
}

// Unseen are the titles of other whose cleaned text no title of index has,
// dressed with posting noise: a test of a coder built from index on
// titles from another source (OaSIS example titles against the NOC index).
func Unseen(index, other []Title) []Case {
	have := make(map[string]bool, len(index))
	for _, t := range index {
		have[cleanTitle(t.Text)] = true
	}
	var out []Case
	for _, t := range other {
		if clean := cleanTitle(t.Text); clean != "" && !have[clean] {
			have[clean] = true // each unseen title once
			out = append(out, Case{Title: Noisy(t.Text, t.Lang, hash(t.Code+"|"+t.Text)), Code: t.Code, Lang: t.Lang})
		}
	}
	return out
}

// Within is how often the true unit group, and its major group, is among
// the first n candidates of the coder: how far off its misses are.
func Within(c *Coder, cases []Case, n int) (exact, major float64) {
	if len(cases) == 0 {
		return 0, 0
	}
	var e, m int
	for _, k := range cases {
		hitExact, hitMajor := false, false
		for _, r := range c.Candidates(k.Title, k.Description, n) {
			hitExact = hitExact || r.Code == k.Code
			hitMajor = hitMajor || MajorGroup(r.Code) == MajorGroup(k.Code)
		}
		if hitExact {
			e++
		}
		if hitMajor {
			m++
		}
	}
	return float64(e) / float64(len(cases)), float64(m) / float64(len(cases))
}
