package sample

import (
	"hash/fnv"
	"html"
	"strconv"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// toPosting renders a draft into the input model.
func (g *generator) toPosting(d *draft) *posting.Posting {
	p := &posting.Posting{
		ID:          d.id,
		Title:       d.title,
		Description: g.describe(d),
		Source:      d.source,
		URL:         postingURL(d.source, d.id),
		Employer:    d.employer,
		Location:    d.location,
		PostedAt:    d.posted,
		Salary:      d.salary,
		Language:    d.lang,
	}
	if d.coded {
		p.Occupation = &posting.OccupationCode{System: "noc2021", Code: d.occ.Code}
	}
	return p
}

// fill substitutes the employer-level placeholders of a boilerplate line.
// The founding year hangs off the employer name so every posting by one
// employer tells the same story.
func (g *generator) fill(s string, d *draft) string {
	if !strings.Contains(s, "{") {
		return s
	}
	h := fnv.New32a()
	h.Write([]byte(d.employer))
	year := 1950 + int(h.Sum32()%70)
	prov := d.prov.Name
	if d.lang == "fr" {
		prov = d.prov.NameFR
	}
	employer := d.employer
	if d.layout != layoutPlain {
		employer = html.EscapeString(employer)
	}
	return strings.NewReplacer(
		"{employer}", employer,
		"{title}", d.role,
		"{city}", d.city.Name,
		"{province}", prov,
		"{sector}", g.data.text.Sectors[d.sector].Noun.in(d.lang),
		"{year}", strconv.Itoa(year),
		"{age}", strconv.Itoa(max(5, (2024-year)/5*5)),
	).Replace(s)
}

// section is one titled block of a description.
type section struct {
	heading string
	items   []string
}

// describe joins a draft's parts in the draft's layout.
func (g *generator) describe(d *draft) string {
	var paras []string
	if d.extraLine != "" {
		paras = append(paras, d.extraLine)
	}
	paras = append(paras, g.fill(d.intro, d))
	if d.blurb != "" {
		paras = append(paras, g.fill(d.blurb, d))
	}
	var secs []section
	var closing []string
	if d.jobBank {
		jb := g.data.text.JobBank.in(d.lang)
		secs = []section{
			{"", d.facts},
			{jb.Tasks, d.duties},
			{jb.Skills, d.reqBullets},
			{"", []string{d.conditions}},
			{jb.Personal, d.personal},
			{d.headings[3], d.benefits},
		}
	} else {
		secs = []section{
			{d.headings[0], d.duties},
			{d.headings[1], d.reqBullets},
			{d.headings[2], d.assetBul},
			{d.headings[3], d.benefits},
		}
	}
	if d.eeo != "" {
		closing = append(closing, g.fill(d.eeo, d))
	}
	if d.apply != "" {
		closing = append(closing, g.fill(d.apply, d))
	}
	var b strings.Builder
	b.Grow(2048)
	switch d.layout {
	case layoutPlain:
		writePlain(&b, paras, secs, closing)
	case layoutBreaks:
		writeBreaks(&b, paras, secs, closing)
	default:
		writeList(&b, paras, secs, closing)
	}
	return strings.TrimRight(b.String(), "\n")
}

func writeList(b *strings.Builder, paras []string, secs []section, closing []string) {
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>\n")
	}
	for _, s := range secs {
		if len(s.items) == 0 {
			continue
		}
		if s.heading != "" {
			b.WriteString("<h3>" + s.heading + "</h3>\n")
		}
		b.WriteString("<ul>")
		for _, it := range s.items {
			b.WriteString("<li>" + it + "</li>")
		}
		b.WriteString("</ul>\n")
	}
	for _, p := range closing {
		b.WriteString("<p>" + p + "</p>\n")
	}
}

func writeBreaks(b *strings.Builder, paras []string, secs []section, closing []string) {
	b.WriteString(strings.Join(paras, "<br><br>"))
	for _, s := range secs {
		if len(s.items) == 0 {
			continue
		}
		b.WriteString("<br><br>")
		if s.heading != "" {
			b.WriteString("<strong>" + s.heading + ":</strong><br>")
		}
		for i, it := range s.items {
			if i > 0 {
				b.WriteString("<br>")
			}
			b.WriteString("• " + it)
		}
	}
	for _, p := range closing {
		b.WriteString("<br><br>" + p)
	}
}

func writePlain(b *strings.Builder, paras []string, secs []section, closing []string) {
	b.WriteString(strings.Join(paras, "\n\n"))
	for _, s := range secs {
		if len(s.items) == 0 {
			continue
		}
		b.WriteString("\n\n")
		if s.heading != "" {
			b.WriteString(s.heading + ":\n")
		}
		for i, it := range s.items {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString("- " + it)
		}
	}
	for _, p := range closing {
		b.WriteString("\n\n" + p)
	}
}
