// Package metrics defines skillpulse's Prometheus metrics on an injected
// registry (never the global one), so tests and several pipelines in one
// process each get their own.
package metrics

import (
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

const ns = "skillpulse"

// Outcomes of processing one posting.
const (
	OutcomeIndexed      = "indexed"
	OutcomeDuplicate    = "duplicate"
	OutcomeInvalid      = "invalid"
	OutcomeDeadLettered = "dead_lettered"
)

// Metrics are the pipeline's instruments.
type Metrics struct {
	Consumed         *prometheus.CounterVec // by source
	Processed        *prometheus.CounterVec // by outcome
	ProcessSeconds   prometheus.Histogram
	BulkSeconds      prometheus.Histogram
	SkillsExtracted  prometheus.Counter
	Unclassified     prometheus.Counter
	UnspecifiedPlace prometheus.Counter
	Analyzed         prometheus.Counter
	UnclassifiedRate prometheus.GaugeFunc
	UnspecifiedRate  prometheus.GaugeFunc
	ConsumerLag      *prometheus.GaugeVec   // by topic, partition
	MemberFetched    *prometheus.CounterVec // by member, partition
	InFlight         prometheus.Gauge
	PartitionStalled *prometheus.GaugeVec // by topic, partition
	InFlightBudget   prometheus.Gauge
	ESRetries        *prometheus.CounterVec // by reason
	JobRuns          *prometheus.CounterVec // by job
	JobFailures      *prometheus.CounterVec
	JobSeconds       *prometheus.HistogramVec
	JobLastSuccess   *prometheus.GaugeVec
	StoredPostings   prometheus.Gauge
	RollupLeader     prometheus.Gauge
	RollupCells      prometheus.Counter

	mu                              sync.Mutex
	analyzed, unclassified, nowhere float64
}

// New registers the metrics on reg, plus Go runtime and process collectors.
func New(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Consumed: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: ns, Name: "postings_consumed_total",
			Help: "Postings read from a source (Kafka topic or file), valid or not."}, []string{"source"}),
		Processed: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: ns, Name: "postings_processed_total",
			Help: "Postings finished, by outcome: indexed, duplicate (indexed, counted once), invalid, dead_lettered."}, []string{"outcome"}),
		ProcessSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: ns, Name: "posting_processing_seconds",
			Help: "Time to analyze one posting.", Buckets: prometheus.ExponentialBuckets(0.00005, 2.5, 12)}),
		BulkSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: ns, Name: "index_batch_seconds",
			Help: "Time to durably index one batch, retries included.", Buckets: prometheus.ExponentialBuckets(0.001, 2.5, 12)}),
		SkillsExtracted: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "skills_extracted_total",
			Help: "Counted skill mentions extracted (one per skill per posting)."}),
		Unclassified: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "postings_unclassified_occupation_total",
			Help: "Analyzed postings left without an occupation code."}),
		UnspecifiedPlace: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "postings_unspecified_region_total",
			Help: "Analyzed postings whose place resolved no finer than a province (or not at all)."}),
		Analyzed: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "postings_analyzed_total",
			Help: "Postings analyzed."}),
		ConsumerLag: prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: ns, Name: "consumer_lag_messages",
			Help: "Messages behind the partition's high watermark, from the group's committed offset; refreshed on a timer for the partitions this process is assigned."}, []string{"topic", "partition"}),
		MemberFetched: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: ns, Name: "consumer_fetched_messages_total",
			Help: "Messages fetched by each consumer-group member of this process, by partition: shows how partitions are spread."}, []string{"member", "partition"}),
		InFlight: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Name: "in_flight_postings",
			Help: "Postings fetched but not yet committed."}),
		PartitionStalled: prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: ns, Name: "partition_stalled",
			Help: "1 while a partition's batch cannot be finished (its dead letters keep failing to be written): nothing after it is committed."}, []string{"topic", "partition"}),
		InFlightBudget: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Name: "in_flight_budget_postings",
			Help: "Most postings held in flight: fetching pauses exactly when in_flight_postings reaches it."}),
		ESRetries: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: ns, Name: "elasticsearch_retries_total",
			Help: "Elasticsearch requests or bulk items retried, by reason."}, []string{"reason"}),
		JobRuns: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: ns, Name: "job_runs_total",
			Help: "Scheduled job runs started."}, []string{"task"}),
		JobFailures: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: ns, Name: "job_failures_total",
			Help: "Scheduled job runs that failed or panicked."}, []string{"task"}),
		JobSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: ns, Name: "job_duration_seconds",
			Help: "Scheduled job run time.", Buckets: prometheus.ExponentialBuckets(0.01, 3, 10)}, []string{"task"}),
		JobLastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: ns, Name: "job_last_success_timestamp_seconds",
			Help: "Unix time of the job's last successful run."}, []string{"task"}),
		RollupLeader: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Name: "rollup_leader",
			Help: "1 while this worker holds the consumer group's rollup lease (it ran the last tick), else 0."}),
		RollupCells: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "rollup_cells_written_total",
			Help: "Aggregate cells the rollup recomputed and indexed."}),
		StoredPostings: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Name: "stored_postings",
			Help: "Postings in the store, duplicates included."}),
	}
	m.UnclassifiedRate = prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: ns, Name: "unclassified_occupation_ratio",
		Help: "Share of analyzed postings left without an occupation code since start."}, func() float64 { return m.ratio(&m.unclassified) })
	m.UnspecifiedRate = prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: ns, Name: "unspecified_region_ratio",
		Help: "Share of analyzed postings with no economic region since start."}, func() float64 { return m.ratio(&m.nowhere) })
	info := prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: ns, Name: "build_info",
		Help: "Build information; the value is always 1."}, []string{"version", "goversion"})
	info.WithLabelValues(version(), runtime.Version()).Set(1)
	reg.MustRegister(m.Consumed, m.Processed, m.ProcessSeconds, m.BulkSeconds, m.SkillsExtracted, m.Unclassified,
		m.UnspecifiedPlace, m.Analyzed, m.UnclassifiedRate, m.UnspecifiedRate, m.ConsumerLag, m.MemberFetched, m.InFlight, m.PartitionStalled, m.InFlightBudget,
		m.ESRetries, m.JobRuns, m.JobFailures, m.JobSeconds, m.JobLastSuccess, m.StoredPostings, m.RollupLeader, m.RollupCells, info,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, o := range []string{OutcomeIndexed, OutcomeDuplicate, OutcomeInvalid, OutcomeDeadLettered} {
		m.Processed.WithLabelValues(o) // export zeros so rate() works from the first scrape
	}
	return m
}

// ObserveAnalysis records what one analysis found.
func (m *Metrics) ObserveAnalysis(skills int, unclassified, unspecified bool) {
	m.Analyzed.Inc()
	m.SkillsExtracted.Add(float64(skills))
	m.mu.Lock()
	m.analyzed++
	if unclassified {
		m.unclassified++
		m.Unclassified.Inc()
	}
	if unspecified {
		m.nowhere++
		m.UnspecifiedPlace.Inc()
	}
	m.mu.Unlock()
}

func (m *Metrics) ratio(n *float64) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.analyzed == 0 {
		return 0
	}
	return *n / m.analyzed
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "devel"
}
