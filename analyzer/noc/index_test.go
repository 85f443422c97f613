package noc

import (
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/internal/shareddata"
)

func TestReadIndex(t *testing.T) {
	cases := []struct {
		name, csv string
		want      []Title
		wantErr   bool
	}{
		{
			name: "NOC index with BOM, French column by code",
			csv: "\ufeffnoc_code,type_english,name_english,type_french,name_french\n" +
				"12111,All examples,health records technician,Tous les exemples,commis à l'archivage médical\n" +
				"00010,All examples,mayor,Tous les exemples,\n" +
				"10,All examples,legislator,Tous les exemples,législateur\n",
			want: []Title{
				{Code: "12111", Text: "health records technician", Lang: "en"}, {Code: "12111", Text: "commis à l'archivage médical", Lang: "fr"},
				{Code: "00010", Text: "mayor", Lang: "en"},
				{Code: "00010", Text: "legislator", Lang: "en"}, {Code: "00010", Text: "législateur", Lang: "fr"},
			},
		},
		{
			name: "OaSIS profile codes fold to unit groups",
			csv: "\ufeffOaSIS profile code,Concordance number,Job title type,Job title text\n" +
				"12111.00,1,Example,Health information management technician\n" +
				"21232.01,2,Example,\"Programmer, applications\"\n",
			want: []Title{{Code: "12111", Text: "Health information management technician", Lang: "en"}, {Code: "21232", Text: "Programmer, applications", Lang: "en"}},
		},
		{name: "unknown header", csv: "code,title\n12111,clerk\n", wantErr: true},
		{name: "empty", csv: "", wantErr: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadIndex(strings.NewReader(tc.csv))
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v", err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("title %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestLoadSharedIndexes(t *testing.T) {
	for _, file := range [][]string{
		{"occupations", "noc2021_index_cannocdata", "All examples.csv"},
		{"occupations", "oasis_2023", "example-titles_oasis_2023_v1.0.csv"},
	} {
		titles, err := LoadIndex(shareddata.Require(t, file...))
		if err != nil {
			t.Fatal(err)
		}
		codes, unknown := map[string]bool{}, 0
		for _, ti := range titles {
			codes[ti.Code] = true
			if _, ok := TitleOf(ti.Code); !ok {
				unknown++
			}
		}
		t.Logf("%s: %d titles, %d unit groups", file[2], len(titles), len(codes))
		if len(titles) < 15000 || len(codes) < 500 || unknown > 0 {
			t.Errorf("%s: %d titles over %d unit groups, %d with unknown codes", file[2], len(titles), len(codes), unknown)
		}
	}
	if _, err := LoadIndex("/nonexistent/titles.csv"); err == nil {
		t.Error("missing file: no error")
	}
}

func FuzzReadIndex(f *testing.F) {
	f.Add("noc_code,type_english,name_english,type_french,name_french\n12111,a,b,c,d\n")
	f.Add("OaSIS profile code,Concordance number,Job title type,Job title text\n1.0,1,E,x\n")
	f.Add("noc_code\n\"unterminated\n")
	f.Fuzz(func(t *testing.T, data string) {
		titles, err := ReadIndex(strings.NewReader(data))
		if err != nil {
			return
		}
		for _, ti := range titles {
			if len(ti.Code) != 5 || ti.Text == "" {
				t.Fatalf("bad title %+v", ti)
			}
		}
	})
}
