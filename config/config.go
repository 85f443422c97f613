// Package config loads skillpulse's settings from an optional YAML file and
// SKILLPULSE_* environment variables (which win), with defaults that run
// the embedded default: file input, local store, dashboard on loopback.
package config

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is every setting.
type Config struct {
	DataDir  string `yaml:"data_dir"`
	Listen   string `yaml:"listen"`
	Taxonomy string `yaml:"taxonomy"`
	// SkillScorer is the learned linker for ESCO taxonomies, as in
	// `extract --scorer`: filter (default: re-decide dictionary matches),
	// propose (also paraphrases) or off. Other taxonomies ignore it.
	SkillScorer string `yaml:"skill_scorer"`
	// OccupationTitles are title index files (the NOC 2021 "All
	// examples.csv", OaSIS example titles) the occupation coder learns
	// from besides its built-in titles.
	OccupationTitles []string `yaml:"occupation_titles"`
	// Occupation tunes the occupation coder.
	Occupation Occupation `yaml:"occupation"`
	// Places are place lists (census subdivision tables, gazetteer text
	// files) the location resolver knows besides its built-in gazetteer.
	Places []string `yaml:"places"`
	// Input is a postings file for the embedded default; empty means the
	// bundled sample.
	Input string `yaml:"input"`
	// MaxPostingBytes bounds one posting (a Kafka message or an input
	// line): a larger one is not analyzed but dead-lettered, truncated,
	// with its size and the reason.
	MaxPostingBytes int `yaml:"max_posting_bytes"`
	// StartupTimeout bounds how long the worker waits for Kafka and
	// Elasticsearch at start-up (they may still be coming up); past it,
	// the process exits non-zero naming the address it could not reach.
	StartupTimeout time.Duration `yaml:"startup_timeout"`
	Kafka          Kafka         `yaml:"kafka"`
	Elasticsearch  Elasticsearch `yaml:"elasticsearch"`
	Rank           Rank          `yaml:"rank"`
	Dedup          Dedup         `yaml:"dedup"`
	Schedule       Schedule      `yaml:"schedule"`
}

// Kafka configures the production source.
type Kafka struct {
	Brokers         []string      `yaml:"brokers"`
	Topic           string        `yaml:"topic"`
	GroupID         string        `yaml:"group_id"`
	DeadLetterTopic string        `yaml:"dead_letter_topic"`
	BatchSize       int           `yaml:"batch_size"`
	BatchTimeout    time.Duration `yaml:"batch_timeout"`
	// InFlight bounds postings fetched but not yet committed; fetching
	// stops when it is full (back-pressure while Elasticsearch is down).
	InFlight int `yaml:"in_flight"`
	// Members is how many consumer-group members each process runs: the
	// group spreads partitions over them, and each analyzes and indexes
	// its partitions in parallel with the others. One is usually best:
	// members in one process rebalance when they start, and partitions
	// rarely hold equal shares of the work.
	Members int `yaml:"members"`
	// IndexConcurrency is how many batches each member has in flight to
	// Elasticsearch at once; offsets are still committed in fetch order.
	IndexConcurrency int `yaml:"index_concurrency"`
	// StallAfter is how long a batch may stay unfinished (Elasticsearch
	// down, dead letters or commits failing) before its partitions are
	// reported stalled: an Error log, skillpulse_partition_stalled and a
	// 503 from /readyz.
	StallAfter time.Duration `yaml:"stall_after"`
	// Partitions and ReplicationFactor shape the topics the worker creates
	// when they are missing (an existing topic is never shrunk or
	// re-partitioned). Partitions bound how many group members share work.
	Partitions        int `yaml:"partitions"`
	ReplicationFactor int `yaml:"replication_factor"`
}

// Elasticsearch configures the production sink.
type Elasticsearch struct {
	URLs        []string `yaml:"urls"`
	IndexPrefix string   `yaml:"index_prefix"`
	Username    string   `yaml:"username"`
	Password    string   `yaml:"password"`
	// RetentionMonths: monthly posting indices older than this are dropped.
	RetentionMonths int `yaml:"retention_months"`
	// RefreshInterval is how soon indexed postings become searchable.
	RefreshInterval time.Duration `yaml:"refresh_interval"`
	// Shards and Replicas are the primary shards and replicas per shard of
	// indices created from now on (existing indices keep theirs).
	Shards   int `yaml:"shards"`
	Replicas int `yaml:"replicas"`
}

// Occupation configures the occupation coder.
type Occupation struct {
	// MinConfidence: below this calibrated confidence a posting is
	// unclassified (its candidates are still offered by the API).
	MinConfidence float64 `yaml:"min_confidence"`
	// LowConfidence: a classified posting below this confidence is
	// flagged low-confidence in rankings and profiles.
	LowConfidence float64 `yaml:"low_confidence"`
	// ONetTitles is O*NET's "Alternate Titles.txt", and Crosswalks the
	// NOC–O*NET crosswalks that map its occupations to unit groups: when
	// both are set, the titles of occupations mapped to one unit group
	// train the coder as extra, down-weighted examples.
	ONetTitles string   `yaml:"onet_titles"`
	Crosswalks []string `yaml:"crosswalks"`
	// Descriptions are reference texts about unit groups the coder's
	// description model learns from (the NOC structure CSV or noc.json
	// definitions, OaSIS lead statements and main duties, O*NET task
	// statements through Crosswalks): with them, a posting's description
	// or industry decides what a generic title leaves open.
	Descriptions []string `yaml:"descriptions"`
	// Discover fills the three settings above, when unset, with the
	// public files of those names found beside the occupation_titles
	// (noc.Discover). On by default.
	Discover bool `yaml:"discover"`
}

// Rank configures rankings.
type Rank struct {
	TopN     int `yaml:"top_n"`
	MinCount int `yaml:"min_count"` // suppress figures below this many postings
}

// Dedup configures duplicate detection.
type Dedup struct {
	Window    time.Duration `yaml:"window"`
	Threshold float64       `yaml:"threshold"`
}

// Schedule configures cron jobs (robfig/cron syntax, UTC).
type Schedule struct {
	Rollup    string `yaml:"rollup"`
	Retention string `yaml:"retention"`
	// Rebuild recomputes every aggregate cell from the postings: it
	// catches what ticks cannot see, a posting re-analyzed into another
	// occupation leaving its old cell.
	Rebuild string `yaml:"rebuild"`
}

// Default is the embedded default's configuration.
func Default() Config {
	return Config{
		DataDir:  "data",
		Listen:   "127.0.0.1:8080",
		Taxonomy: "builtin",
		// 1 MiB: Kafka's default message limit, and far above any real
		// posting (the largest in the shared sets is a few tens of KB).
		MaxPostingBytes: 1 << 20,
		StartupTimeout:  2 * time.Minute,
		Kafka: Kafka{Topic: "postings", GroupID: "skillpulse", DeadLetterTopic: "postings-dlq",
			BatchSize: 500, BatchTimeout: time.Second, InFlight: 5000, Members: 1, IndexConcurrency: 2,
			Partitions: 4, ReplicationFactor: 1, StallAfter: 30 * time.Second},
		Elasticsearch: Elasticsearch{IndexPrefix: "skillpulse", RetentionMonths: 36, RefreshInterval: 5 * time.Second, Shards: 1, Replicas: 0},
		Rank:          Rank{TopN: 10, MinCount: 5},
		Occupation:    Occupation{MinConfidence: 0.2, LowConfidence: 0.5, Discover: true},
		Dedup:         Dedup{Window: 60 * 24 * time.Hour, Threshold: 0.8},
		Schedule:      Schedule{Rollup: "@every 1m", Retention: "@daily", Rebuild: "@daily"},
	}
}

// Production reports whether Kafka and Elasticsearch are configured.
func (c Config) Production() bool {
	return len(c.Kafka.Brokers) > 0 && len(c.Elasticsearch.URLs) > 0
}

// Load reads the YAML file at path (optional) over the defaults, then
// applies environment variables.
func Load(path string) (Config, error) {
	c := Default()
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return c, fmt.Errorf("read config: %w", err)
		}
		dec := yaml.NewDecoder(strings.NewReader(string(b)))
		dec.KnownFields(true)
		if err := dec.Decode(&c); err != nil {
			return c, fmt.Errorf("parse config %s: %w", path, err)
		}
	}
	if err := c.applyEnv(os.LookupEnv); err != nil {
		return c, err
	}
	return c, c.Validate()
}

func (c *Config) applyEnv(get func(string) (string, bool)) error {
	str := map[string]*string{
		"SKILLPULSE_DATA_DIR": &c.DataDir, "SKILLPULSE_LISTEN": &c.Listen, "SKILLPULSE_TAXONOMY": &c.Taxonomy, "SKILLPULSE_SKILL_SCORER": &c.SkillScorer,
		"SKILLPULSE_INPUT": &c.Input, "SKILLPULSE_KAFKA_TOPIC": &c.Kafka.Topic, "SKILLPULSE_KAFKA_GROUP": &c.Kafka.GroupID,
		"SKILLPULSE_KAFKA_DLQ_TOPIC": &c.Kafka.DeadLetterTopic, "SKILLPULSE_ES_INDEX_PREFIX": &c.Elasticsearch.IndexPrefix,
		"SKILLPULSE_ES_USERNAME": &c.Elasticsearch.Username, "SKILLPULSE_ES_PASSWORD": &c.Elasticsearch.Password,
		"SKILLPULSE_SCHEDULE_ROLLUP": &c.Schedule.Rollup, "SKILLPULSE_SCHEDULE_RETENTION": &c.Schedule.Retention,
		"SKILLPULSE_SCHEDULE_REBUILD": &c.Schedule.Rebuild, "SKILLPULSE_OCCUPATION_ONET_TITLES": &c.Occupation.ONetTitles,
	}
	for k, p := range str {
		if v, ok := get(k); ok {
			*p = v
		}
	}
	lists := map[string]*[]string{"SKILLPULSE_KAFKA_BROKERS": &c.Kafka.Brokers, "SKILLPULSE_ES_URL": &c.Elasticsearch.URLs,
		"SKILLPULSE_OCCUPATION_TITLES": &c.OccupationTitles, "SKILLPULSE_PLACES": &c.Places,
		"SKILLPULSE_OCCUPATION_CROSSWALKS": &c.Occupation.Crosswalks, "SKILLPULSE_OCCUPATION_DESCRIPTIONS": &c.Occupation.Descriptions}
	for k, p := range lists {
		if v, ok := get(k); ok {
			*p = splitList(v)
		}
	}
	ints := map[string]*int{"SKILLPULSE_KAFKA_BATCH_SIZE": &c.Kafka.BatchSize, "SKILLPULSE_KAFKA_IN_FLIGHT": &c.Kafka.InFlight,
		"SKILLPULSE_KAFKA_MEMBERS": &c.Kafka.Members, "SKILLPULSE_KAFKA_INDEX_CONCURRENCY": &c.Kafka.IndexConcurrency,
		"SKILLPULSE_RANK_MIN_COUNT": &c.Rank.MinCount, "SKILLPULSE_RANK_TOP_N": &c.Rank.TopN,
		"SKILLPULSE_ES_RETENTION_MONTHS": &c.Elasticsearch.RetentionMonths, "SKILLPULSE_ES_SHARDS": &c.Elasticsearch.Shards,
		"SKILLPULSE_ES_REPLICAS": &c.Elasticsearch.Replicas, "SKILLPULSE_KAFKA_PARTITIONS": &c.Kafka.Partitions,
		"SKILLPULSE_KAFKA_REPLICATION_FACTOR": &c.Kafka.ReplicationFactor, "SKILLPULSE_MAX_POSTING_BYTES": &c.MaxPostingBytes}
	for k, p := range ints {
		if v, ok := get(k); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				return fmt.Errorf("%s: %q is not a whole number", k, v)
			}
			*p = n
		}
	}
	floats := map[string]*float64{"SKILLPULSE_OCCUPATION_MIN_CONFIDENCE": &c.Occupation.MinConfidence,
		"SKILLPULSE_OCCUPATION_LOW_CONFIDENCE": &c.Occupation.LowConfidence}
	for k, p := range floats {
		if v, ok := get(k); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return fmt.Errorf("%s: %q is not a number", k, v)
			}
			*p = f
		}
	}
	bools := map[string]*bool{"SKILLPULSE_OCCUPATION_DISCOVER": &c.Occupation.Discover}
	for k, p := range bools {
		if v, ok := get(k); ok {
			b, err := strconv.ParseBool(strings.TrimSpace(v))
			if err != nil {
				return fmt.Errorf("%s: %q is not true or false", k, v)
			}
			*p = b
		}
	}
	durations := map[string]*time.Duration{"SKILLPULSE_KAFKA_BATCH_TIMEOUT": &c.Kafka.BatchTimeout,
		"SKILLPULSE_ES_REFRESH_INTERVAL": &c.Elasticsearch.RefreshInterval, "SKILLPULSE_KAFKA_STALL_AFTER": &c.Kafka.StallAfter, "SKILLPULSE_STARTUP_TIMEOUT": &c.StartupTimeout}
	for k, p := range durations {
		if v, ok := get(k); ok {
			d, err := time.ParseDuration(strings.TrimSpace(v))
			if err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
			*p = d
		}
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Validate rejects settings that cannot work, with the setting's name.
func (c Config) Validate() error {
	switch {
	case c.Listen == "":
		return fmt.Errorf("listen: must not be empty")
	case c.MaxPostingBytes < 1024:
		return fmt.Errorf("max_posting_bytes: must be at least 1024, got %d", c.MaxPostingBytes)
	case c.StartupTimeout <= 0:
		return fmt.Errorf("startup_timeout: must be positive, got %v", c.StartupTimeout)
	case c.Rank.MinCount < 0:
		return fmt.Errorf("rank.min_count: must not be negative")
	case c.Rank.TopN <= 0:
		return fmt.Errorf("rank.top_n: must be positive")
	case c.Elasticsearch.RefreshInterval < time.Millisecond:
		return fmt.Errorf("elasticsearch.refresh_interval: must be at least 1ms")
	case c.Kafka.BatchSize <= 0:
		return fmt.Errorf("kafka.batch_size: must be positive")
	case c.Kafka.Members <= 0:
		return fmt.Errorf("kafka.members: must be positive")
	case c.Kafka.IndexConcurrency <= 0:
		return fmt.Errorf("kafka.index_concurrency: must be positive")
	case c.Kafka.Partitions <= 0:
		return fmt.Errorf("kafka.partitions: must be positive, got %d", c.Kafka.Partitions)
	case c.Kafka.ReplicationFactor <= 0:
		return fmt.Errorf("kafka.replication_factor: must be positive, got %d", c.Kafka.ReplicationFactor)
	case c.Elasticsearch.Shards <= 0:
		return fmt.Errorf("elasticsearch.shards: must be positive, got %d", c.Elasticsearch.Shards)
	case c.Elasticsearch.Replicas < 0:
		return fmt.Errorf("elasticsearch.replicas: must not be negative, got %d", c.Elasticsearch.Replicas)
	case c.Kafka.InFlight < c.Kafka.BatchSize:
		return fmt.Errorf("kafka.in_flight (%d) must be at least kafka.batch_size (%d)", c.Kafka.InFlight, c.Kafka.BatchSize)
	case c.Occupation.MinConfidence < 0 || c.Occupation.MinConfidence >= 1:
		return fmt.Errorf("occupation.min_confidence: must be in [0, 1), got %v", c.Occupation.MinConfidence)
	case c.Occupation.LowConfidence < 0 || c.Occupation.LowConfidence > 1:
		return fmt.Errorf("occupation.low_confidence: must be in [0, 1], got %v", c.Occupation.LowConfidence)
	case c.Occupation.ONetTitles != "" && len(c.Occupation.Crosswalks) == 0,
		len(c.Occupation.Crosswalks) > 0 && c.Occupation.ONetTitles == "" && len(c.Occupation.Descriptions) == 0:
		// O*NET description texts use the crosswalks too.
		return fmt.Errorf("occupation.onet_titles (or occupation.descriptions) and occupation.crosswalks go together")
	case c.Dedup.Threshold <= 0 || c.Dedup.Threshold > 1:
		return fmt.Errorf("dedup.threshold: must be in (0, 1]")
	case len(c.Kafka.Brokers) > 0 != (len(c.Elasticsearch.URLs) > 0):
		return fmt.Errorf("kafka.brokers and elasticsearch.urls go together: set both for production, neither for the embedded default")
	}
	return nil
}
