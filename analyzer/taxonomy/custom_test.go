package taxonomy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCustomYAML(t *testing.T) {
	tax, err := ParseCustomYAML(strings.NewReader(`name: mine
version: "3"
skills:
  - id: go
    type: software
    en: [Go, Golang]
    context: [programming]
  - id: comm
    type: transversal
    en: [communication skills]
    fr: [compétences en communication, communication]
    noc: ["12111"]
`))
	if err != nil {
		t.Fatal(err)
	}
	if tax.Name != "mine" || tax.Version != "3" || tax.Len() != 2 || tax.LabelCount() != 5 {
		t.Fatalf("taxonomy %s %s: %d skills %d labels", tax.Name, tax.Version, tax.Len(), tax.LabelCount())
	}
	e, _ := tax.Lookup("comm")
	if e.Label != "communication skills" || e.Type != Transversal || e.NOC[0] != "12111" || e.Labels[1].Lang != "fr" || e.Labels[1].Kind != Preferred || e.Labels[2].Kind != Alternative {
		t.Errorf("entry %+v", e)
	}
	for _, bad := range []string{
		"skills:\n  - {id: a, type: magic, en: [x]}\n",
		"skills:\n  - {id: a}\n",
		"skills:\n  - {id: a, en: [x]}\n  - {id: a, en: [y]}\n",
		"skills:\n  - {id: a, en: [x], colour: red}\n",
	} {
		if _, err := ParseCustomYAML(strings.NewReader(bad)); err == nil {
			t.Errorf("%q should be rejected", bad)
		}
	}
}

func TestCustomCSV(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "skills.csv")
	os.WriteFile(path, []byte("\ufeffid,label,type,alt_labels,lang\nrm,records management,skill,records keeping|file management,en\nrm,gestion des dossiers,,,fr\nx,Excel,software,,en\n"), 0o644)
	tax, err := LoadCustom(path)
	if err != nil {
		t.Fatal(err)
	}
	if tax.Name != "skills" || tax.Len() != 2 {
		t.Fatalf("%s: %d skills", tax.Name, tax.Len())
	}
	e, _ := tax.Lookup("rm")
	if len(e.Labels) != 4 || e.Label != "records management" || e.Labels[3].Lang != "fr" {
		t.Errorf("entry %+v", e)
	}
	if _, err := ParseCustomCSV(strings.NewReader("id,type\n1,skill\n")); err == nil {
		t.Error("a CSV without a label column must be rejected")
	}
}
