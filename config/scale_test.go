package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scale is the four scale-out settings, compared as one value.
type scale struct{ partitions, replicationFactor, shards, replicas int }

func scaleOf(c Config) scale {
	return scale{c.Kafka.Partitions, c.Kafka.ReplicationFactor, c.Elasticsearch.Shards, c.Elasticsearch.Replicas}
}

func TestScaleSettings(t *testing.T) {
	cases := []struct {
		name string
		yaml string
		env  map[string]string
		want scale
	}{
		{name: "defaults", want: scale{4, 1, 1, 0}},
		{name: "yaml",
			yaml: "kafka:\n  partitions: 12\n  replication_factor: 3\nelasticsearch:\n  shards: 3\n  replicas: 1\n",
			want: scale{12, 3, 3, 1}},
		{name: "env",
			env: map[string]string{"SKILLPULSE_KAFKA_PARTITIONS": "6", "SKILLPULSE_KAFKA_REPLICATION_FACTOR": " 2 ",
				"SKILLPULSE_ES_SHARDS": "2", "SKILLPULSE_ES_REPLICAS": "0"},
			want: scale{6, 2, 2, 0}},
		{name: "env wins over yaml",
			yaml: "kafka:\n  partitions: 12\nelasticsearch:\n  replicas: 2\n",
			env:  map[string]string{"SKILLPULSE_KAFKA_PARTITIONS": "24", "SKILLPULSE_ES_REPLICAS": "1"},
			want: scale{24, 1, 1, 1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			path := ""
			if tc.yaml != "" {
				path = filepath.Join(t.TempDir(), "c.yaml")
				os.WriteFile(path, []byte(tc.yaml), 0o644)
			}
			c, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := scaleOf(c); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestScaleSettingsInvalid(t *testing.T) {
	cases := []struct {
		name string
		yaml string
		env  map[string]string
		want string
	}{
		{name: "zero partitions", yaml: "kafka:\n  partitions: 0\n", want: "kafka.partitions: must be positive, got 0"},
		{name: "negative partitions", env: map[string]string{"SKILLPULSE_KAFKA_PARTITIONS": "-3"}, want: "kafka.partitions: must be positive, got -3"},
		{name: "zero replication factor", yaml: "kafka:\n  replication_factor: 0\n", want: "kafka.replication_factor: must be positive"},
		{name: "zero shards", env: map[string]string{"SKILLPULSE_ES_SHARDS": "0"}, want: "elasticsearch.shards: must be positive"},
		{name: "negative replicas", yaml: "elasticsearch:\n  replicas: -1\n", want: "elasticsearch.replicas: must not be negative, got -1"},
		{name: "partitions not a number", env: map[string]string{"SKILLPULSE_KAFKA_PARTITIONS": "twelve"}, want: "SKILLPULSE_KAFKA_PARTITIONS"},
		{name: "replicas not a number", env: map[string]string{"SKILLPULSE_ES_REPLICAS": "1.5"}, want: "SKILLPULSE_ES_REPLICAS"},
		{name: "shards not a number in yaml", yaml: "elasticsearch:\n  shards: three\n", want: "parse config"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			path := ""
			if tc.yaml != "" {
				path = filepath.Join(t.TempDir(), "c.yaml")
				os.WriteFile(path, []byte(tc.yaml), 0o644)
			}
			if _, err := Load(path); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want mention of %q", err, tc.want)
			}
		})
	}
}

func TestExampleConfigScale(t *testing.T) {
	c, err := Load("example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := scaleOf(c), (scale{4, 1, 1, 0}); got != want {
		t.Errorf("example.yaml scale settings %+v, want the defaults %+v", got, want)
	}
}
