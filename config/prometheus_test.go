package config

import (
	"os"
	"os/exec"
	"testing"
)

// promtool returns the path of the real promtool (Debian package
// prometheus, installed by scripts/install-deps.sh for `make test`).
func promtool(t *testing.T) string {
	p, err := exec.LookPath("promtool")
	if err != nil {
		if testing.Short() && os.Getenv("CI") != "true" { // CI must run it
			t.Skip("promtool not installed (scripts/install-deps.sh installs it)")
		}
		t.Fatal("promtool not found: run scripts/install-deps.sh (make test does)")
	}
	return p
}

// TestAlertRules checks the alert rules and runs their unit tests with the
// real promtool: a broken expression or a threshold change that no longer
// fires fails here.
func TestAlertRules(t *testing.T) {
	p := promtool(t)
	for _, args := range [][]string{{"check", "rules", "alerts.yml"}, {"test", "rules", "alerts_test.yml"}} {
		cmd := exec.Command(p, args...)
		cmd.Dir = "prometheus"
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("promtool %v: %v\n%s", args, err, out)
		}
	}
}
