package posting

// Decoding one <Document> of the Job Bank feed into the fields of a
// posting: its tasks and requirements as the description, salary, date
// and language in the forms the rest of the project reads.

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// skillCategory is one <skill_category> of a document: a heading (Tasks,
// Experience and specialization, ...) and its items.
type skillCategory struct {
	name  string
	items []string
}

// decodeDocument maps one <Document> to a posting object in the JSON
// input's field names, so that one validator (Parse) judges every format.
func decodeDocument(doc []byte) (map[string]any, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	d.Entity = xml.HTMLEntity // feeds written by HTML tools use &nbsp; and friends
	fields := map[string]string{}
	var order []string // unknown fields, in document order
	var cats []skillCategory
	var stack []string // element names below <Document>, which is not on it
	var text strings.Builder
	size, root := 0, false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, bad("posting", "XML: "+err.Error())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !root {
				root = true // <Document> itself
				continue
			}
			if len(stack) == 1 && stack[0] == "skill_categories" {
				cats = append(cats, skillCategory{name: attr(t, "name")})
			}
			stack = append(stack, t.Name.Local)
			text.Reset()
		case xml.CharData:
			if size += len(t); size > MaxDescriptionLen {
				return nil, badf("posting", "<Document> text longer than %d bytes", MaxDescriptionLen)
			}
			text.Write(t)
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			v := strings.Join(strings.Fields(text.String()), " ")
			text.Reset()
			switch {
			case len(stack) == 1 && stack[0] != "skill_categories":
				// A leaf child of <Document>; the first one of a name wins.
				if _, seen := fields[stack[0]]; !seen && v != "" {
					fields[stack[0]] = v
					order = append(order, stack[0])
				}
			case len(stack) >= 3 && stack[0] == "skill_categories" && len(cats) > 0 && v != "":
				c := &cats[len(cats)-1]
				if len(stack) == 3 && c.name == "" && categoryHeading[stack[2]] {
					c.name = v
				} else {
					c.items = append(c.items, v)
				}
			}
			stack = stack[:len(stack)-1]
		}
	}
	return jobBankPosting(fields, order, cats), nil
}

var categoryHeading = map[string]bool{"category_name": true, "name": true, "category": true, "title": true}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// jobBankFields are the feed elements mapped to posting fields; the other
// leaf elements are kept verbatim as unknown fields.
var jobBankFields = map[string]bool{
	"jobs_id": true, "title": true, "noc2021": true, "salary_hourly": true, "salary_yearly": true,
	"city_name": true, "postal_code": true, "province_cd": true, "employer_name_string": true,
	"date_posted": true, "lang": true,
}

func jobBankPosting(f map[string]string, order []string, cats []skillCategory) map[string]any {
	obj := map[string]any{"source": JobBankSource}
	set := func(k, v string) {
		if v != "" {
			obj[k] = v
		}
	}
	set("id", f["jobs_id"])
	if id := f["jobs_id"]; id != "" && isDigits(id) {
		obj["url"] = "https://www.jobbank.gc.ca/jobsearch/jobposting/" + id
	}
	set("title", f["title"])
	set("employer", f["employer_name_string"])
	set("language", jobBankLang(f["lang"]))
	set("posted_at", jobBankDate(f["date_posted"]))
	if c := strings.TrimSpace(strings.TrimPrefix(strings.ToUpper(f["noc2021"]), "NOC")); c != "" {
		obj["occupation"] = map[string]string{"system": "noc2021", "code": c}
	}
	loc := map[string]string{}
	for k, v := range map[string]string{"city": f["city_name"], "province": f["province_cd"], "postal_code": f["postal_code"]} {
		if v != "" {
			loc[k] = v
		}
	}
	if len(loc) > 0 {
		obj["location"] = loc
	}
	if s := jobBankSalary(f["salary_hourly"], "hour"); s != nil {
		obj["salary"] = s
	} else if s := jobBankSalary(f["salary_yearly"], "year"); s != nil {
		obj["salary"] = s
	}
	if d := jobBankDescription(cats); d != "" {
		obj["description"] = d
	} else {
		// A document without its lists still counts as a posting of its
		// occupation; its title is all there is to read.
		set("description", f["title"])
	}
	for _, k := range order {
		if !jobBankFields[k] && !knownFields[k] {
			obj[k] = f[k]
		}
	}
	return obj
}

// jobBankDescription writes the lists as the duties text skill extraction
// reads: the Tasks list first, then the others under their headings.
func jobBankDescription(cats []skillCategory) string {
	var b strings.Builder
	write := func(c skillCategory) {
		if len(c.items) == 0 {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if c.name != "" {
			b.WriteString(c.name)
			b.WriteString(":\n")
		}
		for i, it := range c.items {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("- ")
			b.WriteString(it)
		}
	}
	isTasks := func(c skillCategory) bool {
		n := strings.ToLower(c.name)
		return n == "tasks" || n == "tâches" || n == "taches"
	}
	for _, c := range cats {
		if isTasks(c) {
			write(c)
		}
	}
	for _, c := range cats {
		if !isTasks(c) {
			write(c)
		}
	}
	return b.String()
}

func jobBankLang(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return ""
	case "en", "e", "eng", "english", "anglais":
		return "en"
	case "fr", "f", "fra", "fre", "french", "français", "francais":
		return "fr"
	}
	return s // Parse rejects it with the field named
}

// jobBankDate accepts the feed's date forms and writes what Parse reads:
// dates as YYYY-MM-DD, times without a zone as UTC.
func jobBankDate(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04:05.999999999"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Format(time.RFC3339)
		}
	}
	return s
}

var salaryRange = regexp.MustCompile(`^\$?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(?:(?:-|–|to|à)\s*\$?\s*([0-9][0-9,]*(?:\.[0-9]+)?))?$`)

// jobBankSalary reads "18.50", "18.50 - 22.00" or "$52,000". Anything
// else is passed on as text for the wage parser.
func jobBankSalary(s, period string) any {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	m := salaryRange.FindStringSubmatch(strings.ReplaceAll(s, "\u00a0", " "))
	if m == nil {
		return s
	}
	num := func(v string) *float64 {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
		if err != nil {
			return nil
		}
		return &f
	}
	lo, hi := num(m[1]), num(m[1])
	if m[2] != "" {
		hi = num(m[2])
	}
	if lo == nil || hi == nil || *lo == 0 && *hi == 0 {
		return nil // the feed writes 0 for "not stated"
	}
	return map[string]any{"min": *lo, "max": *hi, "currency": "CAD", "period": period}
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
