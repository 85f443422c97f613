package extract

import "testing"

func TestDistinctiveForm(t *testing.T) {
	for label, want := range map[string]bool{
		"JavaScript": true, "QuickBooks": true, "Node.js": true, "K8s": true, "C++": true, "CI/CD": true,
		"Swift": false, "Spring": false, "Teams": false, "SQL": false, "GED": false, "e-logs": false, "Excel.": false,
	} {
		if got := distinctiveForm(label); got != want {
			t.Errorf("distinctiveForm(%q) = %v, want %v", label, got, want)
		}
	}
}
