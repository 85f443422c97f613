package load

import (
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/internal/shareddata"
)

func TestESCOWithFrench(t *testing.T) {
	tax, err := Spec("esco:testdata")
	if err != nil {
		t.Fatal(err)
	}
	if tax.Len() != 2 {
		t.Fatalf("%d skills, want 2 (the obsolete one dropped)", tax.Len())
	}
	e, _ := tax.Lookup("http://data.europa.eu/esco/skill/1")
	if e.Label != "medical terminology" || e.Type != taxonomy.Knowledge {
		t.Errorf("entry %+v", e)
	}
	got := map[string]taxonomy.Label{}
	for _, l := range e.Labels {
		got[l.Text] = l
	}
	if got["clinical terminology"].Kind != taxonomy.Alternative || got["terminologie médicale"].Lang != "fr" || got["vocabulaire médical"].Lang != "fr" {
		t.Errorf("labels %+v: want newline-split alternatives and the French labels", e.Labels)
	}
	if e2, _ := tax.Lookup("http://data.europa.eu/esco/skill/2"); e2.Type != taxonomy.Transversal {
		t.Errorf("reuseLevel transversal: %+v", e2)
	}
}

func TestONet(t *testing.T) {
	tax, err := Spec("onet:testdata/tech.txt")
	if err != nil {
		t.Fatal(err)
	}
	if tax.Len() != 2 {
		t.Fatalf("%d skills, want 2 (Excel once despite case, C++)", tax.Len())
	}
	if e, ok := tax.Lookup("onet:c++"); !ok || e.Type != taxonomy.Software {
		t.Errorf("C++: %+v %v", e, ok)
	}
}

func TestSpecErrors(t *testing.T) {
	for _, s := range []string{"esco:", "nope:x", "esco:/does/not/exist", "onet:/nope.txt", "custom:/nope.yaml"} {
		if _, err := Spec(s); err == nil {
			t.Errorf("Spec(%q) should fail", s)
		}
	}
}

func TestRealESCO(t *testing.T) {
	path := shareddata.Require(t, "taxonomy", "esco_v1.1.1", "skills_en.csv")
	start := time.Now()
	tax, err := ESCO(path, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ESCO %s: %d skills, %d labels in %s", tax.Version, tax.Len(), tax.LabelCount(), time.Since(start))
	if tax.Version != "v1.1.1" || tax.Len() < 13000 || tax.LabelCount() < 90000 {
		t.Errorf("ESCO %s: %d skills %d labels", tax.Version, tax.Len(), tax.LabelCount())
	}
}

func TestRealONet(t *testing.T) {
	path := shareddata.Require(t, "occupations", "onet_29.2", "Technology Skills.txt")
	tax, err := ONet(path)
	if err != nil {
		t.Fatal(err)
	}
	if tax.Len() < 5000 {
		t.Errorf("only %d O*NET technology examples", tax.Len())
	}
}

func BenchmarkESCO(b *testing.B) {
	path := shareddata.Require(b, "taxonomy", "esco_v1.1.1", "skills_en.csv")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ESCO(path, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// TestESCOFrenchDirectory: "esco:EN,FR" reads every French skill file
// under FR, joins by conceptUri, and merges without repeating a label.
func TestESCOFrenchDirectory(t *testing.T) {
	tax, err := ESCO("testdata/skills_en.csv", "testdata/fr_dir")
	if err != nil {
		t.Fatal(err)
	}
	if tax.Len() != 2 {
		t.Fatalf("%d skills, want 2: a French-only concept must not become a skill", tax.Len())
	}
	fr := func(id string) map[string]taxonomy.LabelKind {
		e, _ := tax.Lookup(id)
		out := map[string]taxonomy.LabelKind{}
		for _, l := range e.Labels {
			if l.Lang == "fr" {
				out[l.Text] = l.Kind
			}
		}
		return out
	}
	one := fr("http://data.europa.eu/esco/skill/1")
	if len(one) != 2 || one["terminologie médicale"] != taxonomy.Preferred || one["jargon médical"] != taxonomy.Alternative {
		t.Errorf("skill 1 French labels %v: want the v1 preferred label once and the v2 alternative", one)
	}
	two := fr("http://data.europa.eu/esco/skill/2")
	if two["communiquer avec les autres"] != taxonomy.Preferred || len(two) != 3 {
		t.Errorf("skill 2 French labels %v", two)
	}
	// The spec also bridges the built-in skill "medical terminology":
	// its French labels join as alternatives, the preferred one stays.
	bridged, err := Spec("esco:testdata/skills_en.csv,testdata/fr_dir")
	if err != nil {
		t.Fatal(err)
	}
	e, _ := bridged.Lookup("http://data.europa.eu/esco/skill/1")
	extra := 0
	for _, l := range e.Labels {
		if l.Lang != "fr" {
			continue
		}
		if _, ok := one[l.Text]; ok {
			if l.Kind != one[l.Text] {
				t.Errorf("bridging changed the kind of %q", l.Text)
			}
			continue
		}
		extra++
		if l.Kind != taxonomy.Alternative {
			t.Errorf("bridged label %q is not an alternative", l.Text)
		}
	}
	if extra == 0 {
		t.Error("no built-in French label bridged to medical terminology")
	}
	if _, err := Spec("esco:testdata/skills_en.csv,testdata/nope"); err == nil {
		t.Error("a missing French path must be an error")
	}
	if _, err := Spec("esco:testdata/skills_en.csv,"); err == nil {
		t.Error("an empty French path must be an error")
	}
}

// TestRealESCOFrench loads the shared French labels beside v1.1.1: almost
// every concept gets a French preferred label.
func TestRealESCOFrench(t *testing.T) {
	en := shareddata.Require(t, "taxonomy", "esco_v1.1.1", "skills_en.csv")
	fr := shareddata.Require(t, "taxonomy", "esco_fr")
	tax, err := Spec("esco:" + en + "," + fr)
	if err != nil {
		t.Fatal(err)
	}
	withFR, alts := 0, 0
	for _, e := range tax.Entries {
		has := false
		for _, l := range e.Labels {
			if l.Lang == "fr" {
				has = true
				if l.Kind == taxonomy.Alternative {
					alts++
				}
			}
		}
		if has {
			withFR++
		}
	}
	t.Logf("%d of %d ESCO skills have French labels; %d French alternative labels", withFR, tax.Len(), alts)
	if withFR < 13000 || alts < 3000 {
		t.Errorf("%d skills with French labels, %d French alternatives: the French files were not joined", withFR, alts)
	}
}
