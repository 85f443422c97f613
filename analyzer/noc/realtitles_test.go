package noc

import "testing"

// Titles as postings write them, coded by the embedded default's coder:
// gender forms, abbreviations, shifts, places, pay, employers, two
// languages. Each must reach its unit group as a classified answer.
func TestBuiltinCodesTitlesAsWritten(t *testing.T) {
	c := NewBuiltin()
	for _, tc := range []struct{ title, want string }{
		{"Warehouse supervisor", "12013"},
		{"Superviseur d'entrepôt", "12013"},
		{"Boulanger(ère)", "63202"},
		{"Baker - Night Shift", "63202"},
		{"Cuisinier(ère)", "63200"},
		{"Cook / Cuisinier", "63200"},
		{"Cook - Halifax $18/hr", "63200"},
		{"Line Cook | Sobeys", "63200"},
		{"Line cook at Tim Hortons", "63200"},
		{"Cook @ Sobeys", "63200"},
		{"Cuisinier chez Metro", "63200"},
		{"Line cook $17.50 - $19 per hour", "63200"},
		{"Préposé(e) aux bénéficiaires", "33102"},
		{"Préposé·e aux bénéficiaires", "33102"},
		{"Serveur·euse", "65200"},
		{"Conseiller·ère en vente", "64100"},
		{"Éducateur·rice", "42202"},
		{"infirmière auxiliaire", "32101"},
		{"Night shift LPN", "32101"},
		{"RN", "31301"},
		{"AZ driver", "73300"},
		{"CSR", "64409"},
		{"Sr. Accountant", "11100"},
		{"Manager - Marketing", "10022"},
		// Feminine forms the stemmer leaves alone, credentials and short
		// forms, how someone works.
		{"Superviseure d'entrepôt", "12013"},
		{"Ingénieure civile", "21300"},
		{"PAB", "33102"},
		{"CPA", "11100"},
		{"AP clerk", "14200"},
		{"HD mechanic", "72401"},
		{"Self-employed carpenter", "72310"},
	} {
		got := c.Code(tc.title, "", nil)
		if got.Code != tc.want {
			cands := c.Candidates(tc.title, "", 3)
			t.Errorf("%q: %s (%.2f), want %s; candidates %+v", tc.title, got.Code, got.Confidence, tc.want, cands)
		}
	}
}

// "Journalier" is how Quebec titles a labourer; the index says
// "manoeuvre" and has "journaliste" one letter away.
func TestJournalierIsALabourer(t *testing.T) {
	c := referenceCoderTB(t)
	for _, tc := range []struct{ title, want string }{
		{"Journalier en construction", "75110"},
		{"Journalier(ère) d'entrepôt", "75101"},
		{"Journalière de production", "95109"},
		{"Journaliste", "51113"},
	} {
		if got := c.Code(tc.title, "", nil); got.Code != tc.want {
			t.Errorf("%q: %s (%.2f), want %s", tc.title, got.Code, got.Confidence, tc.want)
		}
	}
	if got := c.Candidates("Journalier", "", 1); len(got) == 0 || got[0].Code[0] == '5' {
		t.Errorf("Journalier alone: first candidate %+v, want a labourers' group", got)
	}
}
