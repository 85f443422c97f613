package noc

import (
	"fmt"
	"hash/fnv"
	"strings"
)

// Case is a title with its true unit group.
type Case struct {
	Title string
	Code  string
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
		res := c.Code(k.Title, "", nil)
		r.Cases++
		if res.Code == Unclassified {
			continue
		}
		r.Classified++
		if res.Code == k.Code {
			r.Exact++
		}
		if res.Code[:2] == k.Code[:2] {
			r.Major++
		}
	}
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

func (r Report) String() string {
	return fmt.Sprintf("cases %d  exact unit group %.1f%%  major group %.1f%%  coverage %.1f%%  precision %.1f%%",
		r.Cases, 100*r.Accuracy, 100*r.MajorAccuracy, 100*r.Coverage, 100*r.Precision)
}

// HoldOut splits an index deterministically: about one title in ten (by
// hash) is held out as a noisy test case, the rest builds the coder.
func HoldOut(titles []Title) (train []Title, test []Case) {
	for i, t := range titles {
		h := fnv.New32a()
		h.Write([]byte(t.Code + "|" + t.Text))
		if t.Lang == "en" && h.Sum32()%10 == 0 {
			test = append(test, Case{Title: noisy(t.Text, i), Code: t.Code})
			continue
		}
		train = append(train, t)
	}
	return train, test
}

var places = []string{"Toronto, ON", "St. John's, NL", "Montréal (QC)", "Calgary, AB", "Halifax NS", "Remote"}

// noisy dresses a clean title the way postings do: seniority, schedules,
// places, casing and abbreviations.
func noisy(title string, i int) string {
	t := title
	switch i % 7 {
	case 0:
		t = "Sr. " + t
	case 1:
		t = t + " - Night Shift (Full-time)"
	case 2:
		t = strings.ToUpper(t)
	case 3:
		t = t + " - " + places[i%len(places)]
	case 4:
		t = strings.Replace(t, "assistant", "asst", 1) + " (Part-time)"
	case 5:
		t = "Junior " + strings.Replace(t, "manager", "mgr", 1)
	}
	return t
}
