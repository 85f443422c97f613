// Package backoff is skillpulse's one retry policy: capped exponential
// waits with full jitter, retried until the work succeeds or its context
// ends. Every step that rides out an outage (start-up checks, recalls,
// indexing, dead letters, commits) waits the same way, so their logs and
// timings read alike.
package backoff

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// Policy bounds the waits between attempts.
type Policy struct {
	Min, Max time.Duration
}

// Default waits 0.5 s, 1 s, 2 s … up to 15 s (each scaled by jitter).
var Default = Policy{Min: 500 * time.Millisecond, Max: 15 * time.Second}

// Delay is the wait before retry number attempt (1 is the first retry):
// min·2^(attempt−1), capped at max, scaled by a random factor in
// [0.5, 1) so that many workers do not retry in lockstep.
func (p Policy) Delay(attempt int) time.Duration {
	d := p.Min << min(max(attempt-1, 0), 30)
	if d <= 0 || d > p.Max {
		d = p.Max
	}
	return time.Duration(float64(d) * (0.5 + rand.Float64()/2))
}

// Sleep waits d or until ctx ends, returning ctx's error then.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// permanent marks an error that retrying cannot cure.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// Permanent wraps err so that Retry returns it (unwrapped) at once: the
// caller's way to say which failures are not worth waiting out.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanent{err}
}

// Retry calls f until it returns nil or ctx ends. After each failure it
// calls onRetry (when not nil) with the attempt number, the error and the
// wait before the next attempt: that is where callers log and count. When
// ctx ends it returns f's last error; an error wrapped by Permanent is
// returned at once, unwrapped.
func (p Policy) Retry(ctx context.Context, f func() error, onRetry func(attempt int, err error, wait time.Duration)) error {
	for attempt := 1; ; attempt++ {
		err := f()
		if err == nil {
			return nil
		}
		var perm permanent
		if errors.As(err, &perm) {
			return perm.err
		}
		if ctx.Err() != nil {
			return err
		}
		wait := p.Delay(attempt)
		if onRetry != nil {
			onRetry(attempt, err, wait)
		}
		if Sleep(ctx, wait) != nil {
			return err
		}
	}
}
