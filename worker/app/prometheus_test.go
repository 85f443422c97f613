package app

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// promServer is a real Prometheus server (Debian package prometheus,
// installed by scripts/install-deps.sh) scraping one worker every second
// and evaluating the project's own alert rules every second, so a test
// sees the alerts exactly as an operator's Prometheus would raise them:
// from series as scraped, labels job and instance added by the server.
type promServer struct{ url string }

func startPrometheus(t *testing.T, workerAddr string) *promServer {
	t.Helper()
	bin, err := exec.LookPath("prometheus")
	if err != nil {
		t.Fatal("prometheus not found: scripts/install-deps.sh installs it (make test does)")
	}
	rules, _ := filepath.Abs("../../config/prometheus/alerts.yml")
	dir := t.TempDir()
	target := strings.TrimPrefix(workerAddr, "http://")
	conf := fmt.Sprintf(`global: {scrape_interval: 1s, evaluation_interval: 1s}
rule_files: [%q]
scrape_configs:
  - job_name: skillpulse
    static_configs: [{targets: [%q]}]
`, rules, target)
	if err := os.WriteFile(filepath.Join(dir, "prometheus.yml"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	port := freePortWith(t, 0)
	cmd := exec.Command(bin, "--config.file="+filepath.Join(dir, "prometheus.yml"),
		"--storage.tsdb.path="+filepath.Join(dir, "data"),
		fmt.Sprintf("--web.listen-address=127.0.0.1:%d", port))
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start prometheus: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	p := &promServer{url: fmt.Sprintf("http://127.0.0.1:%d", port)}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		if res, err := http.Get(p.url + "/-/ready"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return p
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("prometheus not ready within 30s:\n%s", out.String())
		}
	}
}

// alerts are the alerts the server holds now, name → state (pending or
// firing).
func (p *promServer) alerts(t *testing.T) map[string]string {
	t.Helper()
	res, err := http.Get(p.url + "/api/v1/alerts")
	if err != nil {
		t.Fatalf("prometheus alerts: %v", err)
	}
	defer res.Body.Close()
	var body struct {
		Data struct {
			Alerts []struct {
				Labels map[string]string `json:"labels"`
				State  string            `json:"state"`
			} `json:"alerts"`
		} `json:"data"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatalf("prometheus alerts: %v", err)
	}
	out := map[string]string{}
	for _, a := range body.Data.Alerts {
		out[a.Labels["alertname"]] = a.State
	}
	return out
}

// waitAlert waits until the named alert is pending or firing.
func (p *promServer) waitAlert(t *testing.T, name string, within time.Duration) {
	t.Helper()
	var last map[string]string
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(time.Second) {
		if last = p.alerts(t); last[name] != "" {
			return
		}
	}
	t.Errorf("alert %s did not go pending within %v; alerts: %v", name, within, last)
}

// waitNoAlert waits until the named alert is gone (resolved).
func (p *promServer) waitNoAlert(t *testing.T, name string, within time.Duration) {
	t.Helper()
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(time.Second) {
		if p.alerts(t)[name] == "" {
			return
		}
	}
	t.Errorf("alert %s still active %v after the fault ended", name, within)
}
