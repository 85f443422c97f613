// Package jobs runs scheduled jobs (rollups, retention) on robfig/cron in
// UTC. Every run — scheduled or on demand — goes through one wrapper that
// prevents overlap, recovers panics (the job runs again next time) and
// records runs, failures, duration and last success as metrics.
package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/skillpulse/skillpulse/worker/metrics"
)

// Job is one scheduled task.
type Job struct {
	Name string
	Spec string // cron spec, e.g. "@every 5m" or "0 3 * * *"
	Run  func(ctx context.Context) error
}

// ErrRunning is returned by RunNow when the job is already running.
var ErrRunning = errors.New("job already running")

// Scheduler owns the cron loop and the jobs.
type Scheduler struct {
	cron *cron.Cron
	m    *metrics.Metrics
	log  *slog.Logger
	ctx  context.Context
	stop context.CancelFunc
	jobs map[string]*entry
}

type entry struct {
	job     Job
	running sync.Mutex
}

// New makes a scheduler; jobs get ctx, cancelled by Stop.
func New(ctx context.Context, m *metrics.Metrics, log *slog.Logger) *Scheduler {
	ctx, stop := context.WithCancel(ctx)
	l := cron.VerbosePrintfLogger(slog.NewLogLogger(log.Handler(), slog.LevelDebug))
	return &Scheduler{
		// Recover is the last line of defence; run() already recovers so
		// that a panic is counted as a failure.
		cron: cron.New(cron.WithLocation(time.UTC), cron.WithChain(cron.Recover(l))),
		m:    m, log: log, ctx: ctx, stop: stop, jobs: map[string]*entry{},
	}
}

// Add schedules a job.
func (s *Scheduler) Add(j Job) error {
	if _, dup := s.jobs[j.Name]; dup {
		return fmt.Errorf("job %q added twice", j.Name)
	}
	e := &entry{job: j}
	if _, err := s.cron.AddFunc(j.Spec, func() {
		if err := s.run(s.ctx, e); err != nil && !errors.Is(err, ErrRunning) {
			s.log.Warn("scheduled job failed", "job", j.Name, "err", err)
		}
	}); err != nil {
		return fmt.Errorf("schedule %s (%q): %w", j.Name, j.Spec, err)
	}
	s.jobs[j.Name] = e
	return nil
}

// RunNow runs a job at once, unless it is already running.
func (s *Scheduler) RunNow(ctx context.Context, name string) error {
	e, ok := s.jobs[name]
	if !ok {
		return fmt.Errorf("no job %q", name)
	}
	return s.run(ctx, e)
}

func (s *Scheduler) run(ctx context.Context, e *entry) (err error) {
	if !e.running.TryLock() {
		s.log.Info("job still running, run skipped", "job", e.job.Name)
		return ErrRunning
	}
	defer e.running.Unlock()
	name := e.job.Name
	s.m.JobRuns.WithLabelValues(name).Inc()
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("job %s panicked: %v", name, r)
		}
		s.m.JobSeconds.WithLabelValues(name).Observe(time.Since(start).Seconds())
		if err != nil {
			s.m.JobFailures.WithLabelValues(name).Inc()
			return
		}
		s.m.JobLastSuccess.WithLabelValues(name).Set(float64(time.Now().Unix()))
	}()
	return e.job.Run(ctx)
}

// Start begins the schedule.
func (s *Scheduler) Start() { s.cron.Start() }

// Stop ends the schedule, cancels running jobs and waits for them.
func (s *Scheduler) Stop(ctx context.Context) error {
	s.stop()
	done := s.cron.Stop().Done()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("stop jobs: %w", ctx.Err())
	}
}
