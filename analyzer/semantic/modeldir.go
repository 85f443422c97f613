package semantic

import (
	"os"
	"path/filepath"
	"testing"
)

// DirEnv overrides where the model is looked for.
const DirEnv = "SKILLPULSE_MODEL_DIR"

// ModelName is the model scripts/fetch-model.sh unpacks.
const ModelName = "all-MiniLM-L6-v2"

// CacheRoot is where fetch scripts and caches of the semantic stage keep
// their files: ${XDG_CACHE_HOME:-$HOME/.cache}/skillpulse/models, or
// $SKILLPULSE_MODEL_CACHE ("" when no home directory is known).
func CacheRoot() string {
	if d := os.Getenv("SKILLPULSE_MODEL_CACHE"); d != "" {
		return d
	}
	base := os.Getenv("XDG_CACHE_HOME")
	if base == "" {
		h, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		base = filepath.Join(h, ".cache")
	}
	return filepath.Join(base, "skillpulse", "models")
}

// Dir is the model directory: $SKILLPULSE_MODEL_DIR, else the one
// scripts/fetch-model.sh writes; "" when neither holds the weights.
func Dir() string {
	d := os.Getenv(DirEnv)
	if d == "" {
		if root := CacheRoot(); root != "" {
			d = filepath.Join(root, ModelName)
		}
	}
	if d == "" {
		return ""
	}
	if _, err := os.Stat(filepath.Join(d, "model.safetensors")); err != nil {
		return ""
	}
	return d
}

// Require returns the model directory or skips the test saying how to
// fetch it; under CI=true it fails instead (`make deps` fetches it there),
// as a quality test that skips in CI is one that never runs.
func Require(tb testing.TB) string {
	tb.Helper()
	d := Dir()
	if d == "" && os.Getenv("CI") == "true" {
		tb.Fatalf("sentence encoder %s not found under CI=true: run scripts/fetch-model.sh (make deps) or set %s", ModelName, DirEnv)
	}
	if d == "" {
		tb.Skipf("sentence encoder %s not found: run scripts/fetch-model.sh or set %s", ModelName, DirEnv)
	}
	return d
}
