// Package testsvc gives integration tests the addresses of the real Kafka
// broker and Elasticsearch node. `make test` starts them with
// scripts/services.sh and passes SKILLPULSE_TEST_KAFKA / SKILLPULSE_TEST_ES;
// a plain `go test` starts them on first use (and leaves them running for
// the next test binary: `scripts/services.sh stop` ends them). With -short,
// tests that need them are skipped.
package testsvc

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	startOnce sync.Once
	startErr  error
)

func repoRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod above %s", wd)
		}
	}
}

func start(tb testing.TB) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("integration test against real Kafka/Elasticsearch: skipped with -short")
	}
	startOnce.Do(func() {
		root, err := repoRoot()
		if err != nil {
			startErr = err
			return
		}
		cmd := exec.Command(filepath.Join(root, "scripts", "services.sh"), "start", "all")
		out, err := cmd.CombinedOutput()
		if err != nil {
			startErr = fmt.Errorf("scripts/services.sh start all: %v\n%s", err, out)
		}
	})
	if startErr != nil {
		tb.Fatal(startErr)
	}
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// KafkaBrokers returns the real broker's address, starting it if needed.
func KafkaBrokers(tb testing.TB) []string {
	tb.Helper()
	if v := os.Getenv("SKILLPULSE_TEST_KAFKA"); v != "" {
		return strings.Split(v, ",")
	}
	start(tb)
	return []string{"127.0.0.1:" + env("SKILLPULSE_KAFKA_PORT", "19092")}
}

// ElasticsearchURL returns the real node's URL, starting it if needed.
func ElasticsearchURL(tb testing.TB) string {
	tb.Helper()
	if v := os.Getenv("SKILLPULSE_TEST_ES"); v != "" {
		return v
	}
	start(tb)
	return "http://127.0.0.1:" + env("SKILLPULSE_ES_PORT", "19200")
}
