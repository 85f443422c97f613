package repost

// The rules that decide whether two postings can be the same job at all,
// before their texts are compared.

import "strings"

// sameJobThreshold is the lower similarity accepted when employer, title
// and place all agree: a repost with an edited paragraph.
const sameJobThreshold = 0.55

func (d *Detector) inWindow(a, b *entry) bool {
	if a.PostedAt.IsZero() || b.PostedAt.IsZero() {
		return true
	}
	diff := a.PostedAt.Sub(b.PostedAt)
	return diff <= d.cfg.Window && diff >= -d.cfg.Window
}

// compatible: two postings can be the same job only if what both state
// about employer and place agrees. A place known only to the province (or
// not at all) agrees with any place in it: boards blur locations
// differently. Titles must be alike unless the employer is known and
// the same — boards retitle jobs ("Technologiste médical(e)" /
// "Technologiste en biologie médicale").
func compatible(a, b *entry) bool {
	if a.Employer != "" && b.Employer != "" && a.Employer != b.Employer {
		return false
	}
	if !placesAgree(a, b) {
		return false
	}
	if a.Employer != "" && a.Employer == b.Employer {
		return true
	}
	return titleSimilar(a.Title, b.Title)
}

func vague(loc string) bool { return loc == "" || strings.HasSuffix(loc, "unspecified") }

func placesAgree(a, b *entry) bool {
	if a.Location == b.Location || a.Location == "" || b.Location == "" {
		return true
	}
	if a.Province != "" && b.Province != "" && a.Province != b.Province {
		return false
	}
	return vague(a.Location) || vague(b.Location)
}

func sameJob(a, b *entry) bool {
	return a.Employer != "" && a.Employer == b.Employer && titleSimilar(a.Title, b.Title) && a.Location == b.Location
}

// titleSimilar: equal, or sharing at least half their words (reposts
// change "Sr." or add "- Night Shift", not the job).
func titleSimilar(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	set := map[string]bool{}
	for _, w := range wa {
		set[w] = true
	}
	common := 0
	for _, w := range wb {
		if set[w] {
			common++
			delete(set, w)
		}
	}
	return float64(common) >= 0.5*float64(max(len(wa), len(wb)))
}
