package noc

import (
	"testing"
	"unicode/utf8"
)

func TestCleanTitle(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Sr. Health Records Technician - Night Shift (Full-time)", "health records technician"},
		{"Commis à l'archivage médical", "commis archivage medical"},
		{"Technicien/Technicienne en gestion de l'information de santé (H/F)", "technicien gestion information sante"},
		{"Préposé(e) aux bénéficiaires - temps plein", "prepose beneficiaires"},
		// Hours, rotations, weekends and places after commas are no
		// part of the job; "fin" alone and a qualifier after a comma are.
		{"Sales Associate, 20 hrs/wk, St. John's NL", "sales associate"},
		{"Deckhand – 2 wks on/2 off", "deckhand"},
		{"Cook 40 h/semaine", "cook"},
		{"Plongeur - Fin de semaine", "plongeur"},
		{"Acheteur d'aliments fins", "acheteur aliments fins"},
		{"Manager, Finance", "manager finance"},
		{"911 dispatcher", "911 dispatcher"},
		{"F&B Supervisor", "food beverage supervisor"},
		{"R & D Technician", "research development technician"},
		// Inclusive endings after a middle dot, a period or a hyphen.
		{"Conseiller·ère en vente", "conseiller vente"},
		{"DIRECTEUR·TRICE DES VENTES", "directeur ventes"},
		{"Infirmier.ère auxiliaire", "infirmier auxiliaire"},
		{"Éducateur·rice", "educateur"},
		{"Étudiant-e en droit", "etudiant droit"},
		{"Employé-e de bureau", "employe bureau"},
		{"Rice farmer", "rice farmer"},
		{"E-commerce manager", "commerce manager"},
		{"Ice-resurfacer operator", "ice resurfacer operator"},
		// A French form that repeats a phrase goes whole; a synonym only
		// takes its own word.
		{"analyste commercial/analyste commerciale en économie", "analyste commercial economie"},
		{"chroniqueur économique/chroniqueuse économique", "chroniqueur economique"},
		{"avocat-fiscaliste/avocate-fiscaliste", "avocat fiscaliste"},
		{"hosiery foreman/woman", "hosiery foreman"},
		{"picker/packer warehouse", "picker warehouse"},
		{"24/7 support agent", "24 7 support agent"},
		{"Line Cook - Toronto, ON", "line cook"},
		{"Line Cook - Montréal (QC)", "line cook"},
		{"Cook - St. John's, NL", "cook"},
		{"Cook - Halifax NS", "cook"},
		// Upper-case qualifiers that end in the letters of a province code.
		{"OUVRIER À LA PRESSE - TRAITEMENT DU MÉTAL DE PREMIÈRE FUSION", "ouvrier presse traitement metal premiere fusion"},
		{"MACHINE OPERATOR - FOOD PRODUCTION", "machine operator food production"},
		{"Administrative Asst - Permanent", "administrative assistant"},
		{"IT Support Tech II", "information technology support technician"},
		{"AZ Driver", "truck driver driver"},
		{"Store Mgr (Contract)", "store manager"},
		// A free-standing one-word note is kept: it is often the name
		// postings use; an abbreviation the title spells out adds nothing.
		{"Development and Operations (DevOps) Engineer", "development operations devops engineer"},
		{"Personal Support Worker (PSW)", "personal support worker"},
		{"Information Technology (IT) Business Analyst", "information technology business analyst"},
		{"UX Designer", "user experience designer"},
		// Short forms people write for their own job.
		{"EA - Elementary School", "educational assistant elementary school"},
		{"HCA Nights", "health care aide"},
		{"Whse Supv", "warehouse supervisor"},
		{"VP Mktg", "vice president marketing"},
		{"Maint Mech", "maintenance mechanic"},
		{"Junior Payroll Clerk | Remote", "payroll clerk"},
		{"AP Clerk", "accounts payable clerk"},
		{"HD Mechanic", "heavy duty mechanic"},
		{"PAB", "prepose beneficiaires"},
		{"Emergency Medical Technician (EMT)", "emergency medical technician"},
		// "Lead" last is the occupation, first the seniority.
		{"Team Lead", "team leader"},
		{"Lead Cook", "cook"},
		{"Lead", ""},
		// How someone works is not what they do.
		{"Self-employed carpenter", "carpenter"},
		{"Self employed", ""},
		{"Freelance writer", "writer"},
		{"self-propelled barge captain", "self propelled barge captain"},
		// Ligatures no normalization decomposes.
		{"Manœuvre", "manoeuvre"},
		{"Cæsar", "caesar"},
		// A tail that names the occupation's field is kept.
		{"senior managers - trade, broadcasting and other services", "managers trade broadcasting services"},
		// Pay in a title goes, its "/hr" is not human resources.
		{"Cook - Halifax $18/hr", "cook halifax"},
		{"Line Cook $17.50 - $19 per hour", "line cook"},
		{"Cuisinier 22,50 $/h", "cuisinier"},
		{"Warehouse Associate - Up to $25/hour", "warehouse associate"},
		{"Accountant $55K", "accountant"},
		{"", ""},
	}
	for _, tc := range cases {
		if got := cleanTitle(tc.in); got != tc.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitTails(t *testing.T) {
	for in, want := range map[string]int{
		"Cook at Tim Hortons": 2, "Cook @ Sobeys | Halifax": 3, "Caissière chez Metro": 2,
		"Cook": 1, "Catering cook": 1, "full-time cook": 1,
	} {
		if got := len(splitTails(in)); got != want {
			t.Errorf("splitTails(%q): %d parts, want %d", in, got, want)
		}
	}
}

func TestStem(t *testing.T) {
	cases := map[string]string{
		"records": "record", "technicienne": "technicien", "vendeuse": "vendeur", "directrices": "directeur",
		"infirmiere": "infirmier", "employee": "employe", "class": "class", "bus": "bus", "agencies": "agency",
	}
	for in, want := range cases {
		if got := stem(in); got != want {
			t.Errorf("stem(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzCode: any title codes without panicking, to a known unit group or
// unclassified, with a confidence in [0, 1].
func FuzzCode(f *testing.F) {
	for _, s := range []string{"Sr. Health Records Technician - Night Shift (Full-time)", "Commis à l'archivage médical", "(((", " - - ", "é/è", "\xff\xfe", "AZ/DZ"} {
		f.Add(s)
	}
	c := NewBuiltin()
	f.Fuzz(func(t *testing.T, title string) {
		r := c.Code(title, title, nil)
		if r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("confidence %v", r.Confidence)
		}
		if r.Code != Unclassified {
			if _, ok := TitleOf(r.Code); !ok || r.Method != "title" {
				t.Fatalf("%+v", r)
			}
		}
		if clean := cleanTitle(title); utf8.ValidString(title) && !utf8.ValidString(clean) {
			t.Fatalf("cleanTitle(%q) = %q is not UTF-8", title, clean)
		}
	})
}

func TestSecondAlternative(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"banquet waiter/waitress", "banquet waitress"},
		{"hosiery foreman/woman", "hosiery forewoman"},
		{"analyste commercial/analyste commerciale en économie", "analyste commerciale en économie"},
		{"conseiller/conseillère en vente", "conseillère en vente"},
		{"avocat-fiscaliste/avocate-fiscaliste", "avocate-fiscaliste"},
		{"cook", "cook"},
	} {
		if got := secondAlternative(tc.in); got != tc.want {
			t.Errorf("secondAlternative(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The other forms of a title meet the form the index writes.
func TestStemMeetsOtherForms(t *testing.T) {
	for _, pair := range [][2]string{
		{"conseillere", "conseiller"}, {"agente", "agent"}, {"adjointe", "adjoint"}, {"gerantes", "gerant"},
		{"professionnelle", "professionnel"}, {"boulangere", "boulanger"}, {"forewoman", "foreman"},
		{"salesperson", "salesman"}, {"waitress", "waiter"}, {"hostesses", "host"}, {"technicienne", "technicien"},
	} {
		if a, b := stem(pair[0]), stem(pair[1]); a != b {
			t.Errorf("stem(%q) = %q, stem(%q) = %q: want them equal", pair[0], a, pair[1], b)
		}
	}
	// Words that only look like them stay apart.
	for _, w := range []string{"person", "woman", "business", "press"} {
		if stem(w) != w {
			t.Errorf("stem(%q) = %q, want it unchanged", w, stem(w))
		}
	}
}

// "A/A B" is one title written with its head twice: the words after the
// slash belong to both, so it is "A B", not the bare "A" (the index's
// "owner-operator/owner-operator of a vedette" made every owner-operator
// a ferry operator).
func TestRepeatedSlashHead(t *testing.T) {
	for in, want := range map[string]string{
		"owner-operator/owner-operator of a vedette": "owner operator vedette",
		"waiter/waitress":  "waiter",
		"foreman/woman":    "foreman",
		"cook/cook helper": "cook helper",
	} {
		if got := cleanTitle(in); got != want {
			t.Errorf("cleanTitle(%q) = %q, want %q", in, got, want)
		}
	}
}
