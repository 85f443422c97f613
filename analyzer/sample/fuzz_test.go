package sample

import (
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// FuzzGenerate checks, for any seed, period and rates, that every posting
// survives the JSON round trip, keys never repeat and reposts point back.
func FuzzGenerate(f *testing.F) {
	f.Add(int64(1), uint8(40), uint16(1095), 0.15, 0.03)
	f.Add(int64(-7), uint8(200), uint16(0), 0.9, 0.5)
	f.Add(int64(1<<62), uint8(1), uint16(30), 1.0, 1.0)
	f.Add(int64(0), uint8(0), uint16(5), 0.0, 0.0)
	f.Fuzz(func(t *testing.T, seed int64, count uint8, days uint16, repost, sibling float64) {
		cfg := Config{
			Seed:        seed,
			Count:       int(count),
			Start:       time.Date(2024, 2, 28, 0, 0, 0, 0, time.UTC),
			RepostRate:  clamp01(repost),
			SiblingRate: clamp01(sibling),
		}
		cfg.End = cfg.Start.AddDate(0, 0, int(days%4000))
		seen := map[string]bool{}
		err := GenerateWithTruth(cfg, func(p *posting.Posting, tr Truth) error {
			line, err := EncodeJSON(p)
			if err != nil {
				t.Fatal(err)
			}
			back, err := posting.Parse(line)
			if err != nil {
				t.Fatalf("generated posting does not parse: %v\n%s", err, line)
			}
			if back.Key() != tr.Key || seen[tr.Key] {
				t.Fatalf("key %s repeats or does not match the truth %s", back.Key(), tr.Key)
			}
			if tr.OriginalKey != "" && !seen[tr.OriginalKey] {
				t.Fatalf("%s reposts %s, not generated before it", tr.Key, tr.OriginalKey)
			}
			if back.PostedAt.Before(cfg.Start) || !back.PostedAt.Before(cfg.End.AddDate(0, 0, 1)) {
				t.Fatalf("%s dated %v, outside %v..%v", tr.Key, back.PostedAt, cfg.Start, cfg.End)
			}
			seen[tr.Key] = true
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) != cfg.Count {
			t.Fatalf("generated %d postings, want %d", len(seen), cfg.Count)
		}
	})
}

func clamp01(x float64) float64 {
	if x != x || x < 0 { // NaN or negative
		return 0
	}
	return min(x, 1)
}
