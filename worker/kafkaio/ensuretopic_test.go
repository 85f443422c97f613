package kafkaio

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/skillpulse/skillpulse/internal/testsvc"
)

// TestEnsureTopicPartitions runs against the real broker: a missing topic
// is created with the configured partitions; an existing one is never
// shrunk or grown, and having fewer than configured is logged.
func TestEnsureTopicPartitions(t *testing.T) {
	brokers := testsvc.KafkaBrokers(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	topic := fmt.Sprintf("ensuretopic-%d", time.Now().UnixNano())
	partitions := func() int {
		t.Helper()
		conn, err := kafka.DialContext(ctx, "tcp", brokers[0])
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		ps, err := conn.ReadPartitions(topic)
		if err != nil {
			t.Fatal(err)
		}
		return len(ps)
	}
	var logged bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logged, nil))

	if err := EnsureTopic(ctx, brokers, topic, 6, 1, log); err != nil {
		t.Fatal(err)
	}
	if got := partitions(); got != 6 {
		t.Fatalf("created topic has %d partitions, want 6", got)
	}
	if logged.Len() != 0 {
		t.Errorf("creating a topic logged %q", logged.String())
	}
	if err := EnsureTopic(ctx, brokers, topic, 4, 1, log); err != nil {
		t.Fatal(err)
	}
	if got := partitions(); got != 6 || logged.Len() != 0 {
		t.Errorf("asking for fewer: %d partitions, log %q; want 6 and no warning", got, logged.String())
	}
	if err := EnsureTopic(ctx, brokers, topic, 8, 1, log); err != nil {
		t.Fatal(err)
	}
	if got := partitions(); got != 6 {
		t.Errorf("asking for more changed the topic to %d partitions; want it left at 6", got)
	}
	if !strings.Contains(logged.String(), "level=WARN") || !strings.Contains(logged.String(), "partitions=6 configured=8") {
		t.Errorf("asking for more logged %q, want a warning naming 6 and 8", logged.String())
	}
	if err := EnsureTopic(ctx, brokers, topic+"-rf", 2, 3, log); err == nil {
		t.Error("replication factor 3 on a one-broker cluster: want an error")
	}
}
