package noc

import "testing"

func TestNamesLead(t *testing.T) {
	for _, c := range []struct {
		clean string
		want  bool
	}{
		{"construction manager", true},
		{"owner manager", true},
		{"superviseure d'entrepot", true},
		{"contremaitre", true},
		{"mayor", true},
		{"framer", false},
		{"pompier", false},
		{"police officer", false},
		{"line cook", false},
	} {
		if got := namesLead(c.clean); got != c.want {
			t.Errorf("namesLead(%q) = %v, want %v", c.clean, got, c.want)
		}
	}
}

func TestInCharge(t *testing.T) {
	codes := []string{"60030", "72013", "62010", "00010", "40041", "72310", "42101", "63200", "12013"}
	want := []bool{true, true, true, true, true, false, false, false, true}
	got := inCharge(codes)
	for i, code := range codes {
		if got[i] != want[i] {
			t.Errorf("inCharge(%s) = %v, want %v", code, got[i], want[i])
		}
	}
}
