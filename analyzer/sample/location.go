package sample

import (
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// postalLDU letters: Canada Post never uses D, F, I, O, Q or U.
const postalLDU = "ABCEGHJKLMNPRSTVWXYZ"

// location writes the job's place in one of the forms boards use. The
// share of each form is a rough reading of real feeds: mostly "City, PR",
// a fifth structured, and a tail of remote, province-only, bare-city and
// missing locations that a geocoder must cope with.
func (g *generator) location(r *rng, d *draft) *posting.Location {
	city, prov := d.city.Name, d.prov
	provName := prov.Name
	if d.lang == "fr" {
		provName = prov.NameFR
	}
	if d.occ.Remote && r.chance(0.25) {
		return &posting.Location{Raw: remoteText(r, d.lang, city, prov.Code, provName)}
	}
	switch x := r.float(); {
	case x < 0.05:
		return nil
	case x < 0.10:
		return &posting.Location{Raw: pick(r, []string{provName, prov.Code})}
	case x < 0.13:
		return &posting.Location{Raw: city}
	case x < 0.19:
		return &posting.Location{Raw: city + ", " + prov.Code + " " + g.postalCode(r, d.city)}
	case x < 0.25:
		return &posting.Location{City: city, Province: provName}
	case x < 0.45:
		return &posting.Location{City: city, Province: prov.Code, PostalCode: g.postalCode(r, d.city)}
	case x < 0.58:
		if d.lang == "fr" {
			// "Montréal (Québec)" is the usual French form.
			return &posting.Location{Raw: city + " (" + provName + ")"}
		}
		return &posting.Location{Raw: city + ", " + provName}
	default:
		return &posting.Location{Raw: city + ", " + prov.Code}
	}
}

func remoteText(r *rng, lang, city, code, provName string) string {
	if lang == "fr" {
		return pick(r, []string{
			"Télétravail - " + provName,
			"Télétravail hybride à " + city + ", " + code,
			"À distance (" + provName + ")",
		})
	}
	return pick(r, []string{
		"Remote in " + provName,
		"Hybrid remote in " + city + ", " + code,
		city + ", " + code + " (Remote)",
	})
}

// postalCode builds a code inside one of the city's real FSAs.
func (g *generator) postalCode(r *rng, c *City) string {
	var b strings.Builder
	b.WriteString(pick(r, c.FSA))
	b.WriteByte(' ')
	b.WriteByte(byte('0' + r.intn(10)))
	b.WriteByte(postalLDU[r.intn(len(postalLDU))])
	b.WriteByte(byte('0' + r.intn(10)))
	return b.String()
}
