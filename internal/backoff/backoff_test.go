package backoff

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestDelayGrowsAndIsCapped(t *testing.T) {
	p := Policy{Min: 100 * time.Millisecond, Max: time.Second}
	for _, c := range []struct {
		attempt int
		lo, hi  time.Duration
	}{{1, 50 * time.Millisecond, 100 * time.Millisecond}, {2, 100 * time.Millisecond, 200 * time.Millisecond},
		{4, 400 * time.Millisecond, 800 * time.Millisecond}, {5, 500 * time.Millisecond, time.Second}, {60, 500 * time.Millisecond, time.Second}} {
		for range 50 {
			if d := p.Delay(c.attempt); d < c.lo || d >= c.hi {
				t.Fatalf("Delay(%d) = %v, want in [%v, %v)", c.attempt, d, c.lo, c.hi)
			}
		}
	}
}

func TestRetryUntilSuccessReportsEachFailure(t *testing.T) {
	p := Policy{Min: time.Millisecond, Max: 2 * time.Millisecond}
	calls, seen := 0, 0
	err := p.Retry(context.Background(), func() error {
		calls++
		if calls < 4 {
			return errors.New("down")
		}
		return nil
	}, func(attempt int, err error, _ time.Duration) {
		seen++
		if attempt != seen || err.Error() != "down" {
			t.Errorf("onRetry(%d, %v) after %d failures", attempt, err, seen)
		}
	})
	if err != nil || calls != 4 || seen != 3 {
		t.Fatalf("Retry = %v after %d calls, %d reports; want nil, 4, 3", err, calls, seen)
	}
}

func TestRetryStopsWithContextAndReturnsLastError(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	want := errors.New("still down")
	err := Policy{Min: time.Millisecond, Max: 5 * time.Millisecond}.Retry(ctx, func() error { return want }, nil)
	if !errors.Is(err, want) {
		t.Fatalf("Retry = %v, want %v", err, want)
	}
}

// A permanent error ends the retries at once, and the caller sees the
// error it wrapped.
func TestPermanentStopsRetrying(t *testing.T) {
	cause := errors.New("no such group")
	calls := 0
	err := Policy{Min: time.Millisecond, Max: time.Millisecond}.Retry(context.Background(), func() error {
		calls++
		if calls < 3 {
			return errors.New("coordinator loading")
		}
		return Permanent(cause)
	}, nil)
	if err != cause || calls != 3 {
		t.Errorf("Retry returned %v after %d calls, want the wrapped cause after 3", err, calls)
	}
	if Permanent(nil) != nil {
		t.Error("Permanent(nil) is not nil")
	}
}
