package geo

import "testing"

func TestPostalProvince(t *testing.T) {
	cases := map[string]string{
		"A1C 5M2": "NL", "C1A 4P3": "PE", "B3H 4R2": "NS", "E1C 4M3": "NB",
		"G1R 4P5": "QC", "H2X 1Y4": "QC", "J8X 3X7": "QC",
		"K1A 0B1": "ON", "L5B 1M2": "ON", "M5V 3L9": "ON", "N6A 1A1": "ON", "P3E 2C6": "ON",
		"R3C 4T3": "MB", "S4P 3Y2": "SK", "T2P 1J9": "AB", "V6B 1A1": "BC", "Y1A 1B2": "YT",
		"X1A 2L9": "NT", "X0E 0T0": "NT", "X0A 0H0": "NU", "X0B 0C0": "NU", "X0C 0C0": "NU",
		"a1c5m2": "NL", "m5v": "ON",
		"D1A 1A1": "", "Z9Z 9Z9": "", "12345": "", "": "", "A1": "", "AA1 1A1": "",
	}
	for in, want := range cases {
		if got := PostalProvince(in); got != want {
			t.Errorf("PostalProvince(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPostalRegion(t *testing.T) {
	cases := map[string]string{
		"A1C 5M2": "1010", "H2X 1Y4": "2440", "H7T 2K8": "2445", "M5V": "3530",
		"T3A 0A1": "4830", "T6G 2R3": "4860", "V6B 1A1": "5920", "R3C 4T3": "4650",
		"L4M 1A1": "", "A0A 1A0": "", "junk": "",
	}
	for in, want := range cases {
		if got := PostalRegion(in); got != want {
			t.Errorf("PostalRegion(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFSATableConsistent checks that every FSA prefix points to a region
// in the province its letter belongs to.
func TestFSATableConsistent(t *testing.T) {
	for prefix, code := range fsaRegions {
		er, ok := LookupRegion(code)
		if !ok {
			t.Errorf("prefix %s: unknown region %s", prefix, code)
			continue
		}
		if prov := fsaProvince(prefix); prov != er.Province {
			t.Errorf("prefix %s is in %s but points to %s (%s)", prefix, prov, code, er.Province)
		}
	}
}
