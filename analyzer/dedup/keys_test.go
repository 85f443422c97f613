package dedup

import "testing"

func TestParsePlace(t *testing.T) {
	tests := []struct{ in, city, province string }{
		{"Toronto, ON", "toronto", "ON"},
		{"Montréal (Québec)", "montreal", "QC"},
		{"Halifax, Nova Scotia, Canada", "halifax", "NS"},
		{"Vancouver, BC V6B 1A1", "vancouver", "BC"},
		{"Saint-Jean-sur-Richelieu, QC", "saint jean sur richelieu", "QC"},
		{"Colombie-Britannique", "", "BC"},
		{"Remote, Canada", "", ""},
		{"St. John's, NL", "st johns", "NL"},
		{"", "", ""},
	}
	for _, tt := range tests {
		city, province := parsePlace(tt.in)
		if city != tt.city || province != tt.province {
			t.Errorf("parsePlace(%q) = %q, %q; want %q, %q", tt.in, city, province, tt.city, tt.province)
		}
	}
}

func TestNormEmployer(t *testing.T) {
	tests := map[string]string{
		"Acme Inc.":                  "acme",
		"ACME LTD":                   "acme",
		"Les Aliments Québec Ltée":   "les aliments quebec",
		"Tim Horton's":               "tim hortons",
		"The Home Depot Canada Corp": "home depot",
	}
	for in, want := range tests {
		if got := normEmployer(in); got != want {
			t.Errorf("normEmployer(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTitlesCompatible(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Line Cook", "Line Cook - Full Time", true},
		{"Cook", "Line Cook", true},
		{"Registered Nurse", "Registered Nurse, Intensive Care", true},
		{"Customer Service Rep", "Customer Service Representative", true},
		{"Cuisinier/Cuisinière (H/F)", "Cuisinier", true},
		{"Line Cook", "Prep Cook", false},
		{"Line Cook", "Dishwasher", false},
		{"Senior Software Developer", "Software Engineer", false},
		{"", "Dishwasher", true},
	}
	for _, tt := range tests {
		if got := titlesCompatible(normTitle(tt.a), normTitle(tt.b)); got != tt.want {
			t.Errorf("titlesCompatible(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
