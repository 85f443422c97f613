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
