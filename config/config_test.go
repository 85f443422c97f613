package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLoadFileThenEnv(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	os.WriteFile(path, []byte("listen: 0.0.0.0:9000\nkafka:\n  brokers: [k1:9092]\n  batch_size: 100\nelasticsearch:\n  urls: [http://es:9200]\n"), 0o644)
	t.Setenv("SKILLPULSE_KAFKA_BROKERS", "a:1, b:2")
	t.Setenv("SKILLPULSE_KAFKA_BATCH_TIMEOUT", "250ms")
	t.Setenv("SKILLPULSE_KAFKA_MEMBERS", "3")
	t.Setenv("SKILLPULSE_KAFKA_INDEX_CONCURRENCY", "4")
	t.Setenv("SKILLPULSE_ES_REFRESH_INTERVAL", "30s")
	t.Setenv("SKILLPULSE_OCCUPATION_LOW_CONFIDENCE", "0.6")
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Occupation.LowConfidence != 0.6 || c.Occupation.MinConfidence != 0.2 {
		t.Errorf("occupation confidences %+v, want low 0.6 from the environment, min 0.2 by default", c.Occupation)
	}
	if c.Listen != "0.0.0.0:9000" || c.Kafka.BatchSize != 100 {
		t.Errorf("file values not applied: %+v", c)
	}
	if strings.Join(c.Kafka.Brokers, ",") != "a:1,b:2" || c.Kafka.BatchTimeout != 250*time.Millisecond || c.Kafka.Members != 3 {
		t.Errorf("env must win over the file: %+v", c.Kafka)
	}
	if c.Kafka.IndexConcurrency != 4 || c.Elasticsearch.RefreshInterval != 30*time.Second {
		t.Errorf("index concurrency %d, refresh interval %v from the environment", c.Kafka.IndexConcurrency, c.Elasticsearch.RefreshInterval)
	}
	if !c.Production() {
		t.Error("brokers and ES set: production mode expected")
	}
}

func TestDefaultIsEmbedded(t *testing.T) {
	c, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if c.Production() || c.Listen != "127.0.0.1:8080" || c.Rank.MinCount != 5 || c.MaxPostingBytes != 1<<20 {
		t.Errorf("unexpected defaults: %+v", c)
	}
}

func TestInvalid(t *testing.T) {
	cases := map[string]string{
		"rank:\n  top_n: 0\n":                   "rank.top_n",
		"kafka:\n  brokers: [x]\n":              "go together",
		"nosuchkey: 1\n":                        "nosuchkey",
		"kafka:\n  in_flight: 1\n":              "in_flight",
		"kafka:\n  members: 0\n":                "kafka.members",
		"occupation:\n  min_confidence: 1\n":    "occupation.min_confidence",
		"occupation:\n  low_confidence: -0.1\n": "occupation.low_confidence",
		"occupation:\n  onet_titles: alt.txt\n": "go together",
		"occupation:\n  crosswalks: [x.csv]\n":  "go together",
		"max_posting_bytes: 10\n":               "max_posting_bytes",
	}
	for yml, want := range cases {
		path := filepath.Join(t.TempDir(), "c.yaml")
		os.WriteFile(path, []byte(yml), 0o644)
		if _, err := Load(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want mention of %q", yml, err, want)
		}
	}
	t.Setenv("SKILLPULSE_KAFKA_BATCH_SIZE", "many")
	if _, err := Load(""); err == nil || !strings.Contains(err.Error(), "SKILLPULSE_KAFKA_BATCH_SIZE") {
		t.Errorf("bad env int: %v", err)
	}
}

func TestExampleConfigLoads(t *testing.T) {
	c, err := Load("example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Occupation.MinConfidence != 0.2 || c.Occupation.LowConfidence != 0.5 || len(c.Occupation.Crosswalks) != 2 || len(c.Occupation.Descriptions) != 4 {
		t.Errorf("occupation settings not read as written: %+v", c.Occupation)
	}
	if !c.Production() || c.Kafka.InFlight != 5000 || c.Dedup.Window != 1440*time.Hour {
		t.Errorf("example config not read as written: %+v", c)
	}
}

func TestReferenceFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(path, []byte("occupation_titles:\n  - \"/data/noc/All examples.csv\"\n  - /data/oasis/titles.csv\n"), 0o644)
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.OccupationTitles, "|") != "/data/noc/All examples.csv|/data/oasis/titles.csv" {
		t.Errorf("from the file: %q", c.OccupationTitles)
	}
	t.Setenv("SKILLPULSE_PLACES", "/g/ca_census_subdivisions.csv")
	t.Setenv("SKILLPULSE_OCCUPATION_TITLES", "/x/All examples.csv, /y/o.csv")
	if c, err = Load(path); err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.OccupationTitles, "|") != "/x/All examples.csv|/y/o.csv" {
		t.Errorf("the environment must win: %q", c.OccupationTitles)
	}
	if strings.Join(c.Places, "|") != "/g/ca_census_subdivisions.csv" {
		t.Errorf("places from the environment: %q", c.Places)
	}
}

// Crosswalks without O*NET titles serve O*NET description texts.
func TestCrosswalksForDescriptions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(path, []byte("occupation:\n  crosswalks: [x.csv]\n  descriptions: [\"Task Statements.txt\"]\n"), 0o644)
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Occupation.Descriptions) != 1 {
		t.Errorf("descriptions %q", c.Occupation.Descriptions)
	}
	t.Setenv("SKILLPULSE_OCCUPATION_DESCRIPTIONS", "/a/noc_structure_en.csv,/b/Task Statements.txt")
	if c, err = Load(path); err != nil || strings.Join(c.Occupation.Descriptions, "|") != "/a/noc_structure_en.csv|/b/Task Statements.txt" {
		t.Errorf("descriptions from the environment: %q, %v", c.Occupation.Descriptions, err)
	}
}
