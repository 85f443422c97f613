// Package shareddata locates the public reference data that lives beside the
// project (../shared/data) for tests, evaluation and benchmarks. The data is
// never copied into the repository; when it is absent, tests skip.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// EnvVar overrides the location of the shared data directory.
const EnvVar = "SKILLPULSE_SHARED_DATA"

// Dir returns the shared data directory, or "" when it cannot be found.
// It looks at $SKILLPULSE_SHARED_DATA, then ../shared/data beside the
// module root found by walking up from the working directory.
func Dir() string {
	if d := os.Getenv(EnvVar); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		return ""
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			cand := filepath.Join(d, "..", "shared", "data")
			if st, err := os.Stat(cand); err == nil && st.IsDir() {
				return filepath.Clean(cand)
			}
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Path joins parts under the shared data directory, or returns "" when the
// directory or the file is missing.
func Path(parts ...string) string {
	d := Dir()
	if d == "" {
		return ""
	}
	p := filepath.Join(append([]string{d}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// Require returns the path of a shared data file or skips the test with a
// message saying what is missing and how to provide it. Under CI=true it
// fails instead: in CI a quality test that skips is a test that does not run.
func Require(tb testing.TB, parts ...string) string {
	tb.Helper()
	p := Path(parts...)
	if p == "" && os.Getenv("CI") == "true" {
		tb.Fatalf("shared data %s not found under CI=true: ../shared/data must be beside the project root (or set %s)", filepath.Join(parts...), EnvVar)
	}
	if p == "" {
		tb.Skipf("shared data %s not found: place the public data set at ../shared/data beside the project root or set %s", filepath.Join(parts...), EnvVar)
	}
	return p
}
