package kafkaio

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// A line too long to read whole is refused by name before anything is
// sent: publishing its first KiB would report a posting published that no
// worker can analyze. No broker listens on the address, so any attempt to
// send would fail differently (and slowly).
func TestPublishRefusesOverlongLines(t *testing.T) {
	long := `{"id":"1","title":"Cook","description":"` + strings.Repeat("x", posting.MaxLine) + `"}` + "\n"
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	n, err := Publish(ctx, []string{"127.0.0.1:1"}, "t", "big.jsonl", strings.NewReader(long), nil)
	if err == nil || n != 0 || !strings.Contains(err.Error(), "line 1 is longer than") {
		t.Fatalf("Publish of an overlong line: sent %d, err %v; want a refusal naming line 1", n, err)
	}
}
