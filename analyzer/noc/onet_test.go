package noc

import (
	"os"
	"path/filepath"
	"testing"
)

// The crosswalks' majority decides an O*NET occupation's unit group; one
// they split evenly teaches nothing and is left out.
func TestLoadONetTitlesMajority(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	alt := write("alt.txt", "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n"+
		"29-1141.00\tStaff Nurse\tRN\t08\n"+
		"43-4051.00\tCustomer Care Agent\tn/a\t08\n"+
		"35-2014.00\tLine Cook\tn/a\t08\n")
	esdc := write("esdc.csv", "noc,noc_title,onet,onet_title\n"+
		"31301,Registered nurses,29-1141.00,Registered Nurses\n"+
		"64400,Customer services representatives - financial institutions,43-4051.00,Customer Service Representatives\n"+
		"63200,Cooks,35-2014.00,Cooks\n")
	bc := write("bc.csv", "onet_soc_code,onet_plus_title,noc_2021,noc_plus_title\n"+
		"29-1141.00,x,31300,x\n29-1141.00,x,31301,x\n43-4051.00,x,64409,x\n")
	titles, err := LoadONetTitles(alt, esdc, bc)
	if err != nil {
		t.Fatal(err)
	}
	want := []Title{
		{Code: "31301", Text: "Staff Nurse", Lang: "en", Weight: 1, Ambiguous: true},
		{Code: "31301", Text: "RN", Lang: "en", Weight: 1, Ambiguous: true},
		{Code: "63200", Text: "Line Cook", Lang: "en", Weight: 1},
	}
	if len(titles) != len(want) {
		t.Fatalf("got %+v, want %+v", titles, want)
	}
	for i := range want {
		if titles[i] != want[i] {
			t.Errorf("title %d: got %+v, want %+v", i, titles[i], want[i])
		}
	}
	// Held out, the agreed title is a test case, the majority ones a
	// wider test; neither trains.
	train, cal, test, majority := SplitONet(titles)
	if n := len(train) + len(cal) + len(test) + len(majority); n != 3 {
		t.Errorf("split keeps %d of 3 titles", n)
	}
	for _, k := range majority {
		if k.Code != "31301" {
			t.Errorf("majority case %+v: only ambiguous titles belong there", k)
		}
	}
}

// Weighted scales a title's own weight.
func TestWeightedScales(t *testing.T) {
	got := Weighted([]Title{{Text: "a"}, {Text: "b", Weight: 0.5}}, 0.3)
	if got[0].Weight != 0.3 || got[1].Weight != 0.15 {
		t.Errorf("weights %v, %v; want 0.3, 0.15", got[0].Weight, got[1].Weight)
	}
}
