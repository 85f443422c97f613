package noc

import "strings"

// An industry lifts the groups that work in its sector, managers and
// supervisors among them, which a generic title needs ("Owner" in
// construction is a construction manager). Beside a title that names no
// one in charge, the lift only pulls the worker to whoever directs the
// trade: a framer in residential construction became a contractor and
// supervisor of carpentry trades, a firefighter in municipal fire services
// a fire chief. So the managers' and supervisors' groups take the lift
// only when the title names someone in charge.

// leadWords are the folded words of titles that name someone in charge
// (an owner's, read as a manager's, too; legislators' are managers in
// NOC 2021).
var leadWords = set(`manager managers supervisor supervisors foreman foremen forewoman lead leader head chief
director directors superintendent contractor contractors owner proprietor boss president ceo coo cfo vp
executive administrator coordinator principal commander captain
gerant gerante directeur directrice superviseur superviseure contremaitre contremaitresse chef
proprietaire entrepreneur entrepreneure responsable coordonnateur coordonnatrice president presidente
administrateur administratrice capitaine surintendant surintendante
mayor maire mairesse minister ministre senator senateur depute deputee legislator`)

// namesLead: a cleaned title names someone in charge.
func namesLead(clean string) bool {
	for _, w := range strings.Fields(clean) {
		if leadWords[w] {
			return true
		}
	}
	return false
}

// inCharge marks the groups of managers (TEER 0) and supervisors, by
// code and title.
func inCharge(codes []string) []bool {
	out := make([]bool, len(codes))
	for k, code := range codes {
		t, _ := TitleOf(code)
		t = strings.ToLower(t)
		out[k] = len(code) == 5 && code[1] == '0' || strings.Contains(t, "supervisors") || strings.Contains(t, "managers")
	}
	return out
}
