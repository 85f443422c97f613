package kafkaio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/worker/ingest"
)

// Dead-letter headers: where the message came from and why it failed.
const (
	HeaderTopic     = "skillpulse.original.topic"
	HeaderPartition = "skillpulse.original.partition"
	HeaderOffset    = "skillpulse.original.offset"
	HeaderClass     = "skillpulse.error.class"
	HeaderField     = "skillpulse.error.field"
	HeaderReason    = "skillpulse.error.reason"
	// HeaderSize is the original message's length in bytes; HeaderTruncated
	// is "true" when the value holds only its first DeadLetterValueBytes.
	HeaderSize      = "skillpulse.original.size"
	HeaderTruncated = "skillpulse.truncated"
)

// Dead-letter message bounds. Kafka's default limit on a topic's messages
// (max.message.bytes) is 1,048,588 bytes per record batch; the producer's
// batches stay below that, and a value is cut to leave room for its key,
// headers and the record overhead, so one dead letter always fits a topic
// left at the defaults. Postings up to the default max_posting_bytes
// (1 MiB) that fail for another reason are kept whole when they fit.
const (
	deadLetterBatchBytes = 1_000_000
	DeadLetterValueBytes = 960_000
)

// DeadLetters writes failed messages to the dead-letter topic, waiting for
// all in-sync replicas before the original offsets may be committed.
type DeadLetters struct {
	w *kafka.Writer
}

// NewDeadLetters makes a dead-letter producer for topic.
func NewDeadLetters(brokers []string, topic string) *DeadLetters {
	return &DeadLetters{w: &kafka.Writer{
		Addr: kafka.TCP(brokers...), Topic: topic, RequiredAcks: kafka.RequireAll,
		AllowAutoTopicCreation: true, BatchTimeout: 10 * time.Millisecond, Balancer: &kafka.Hash{},
		BatchBytes: deadLetterBatchBytes,
		// One attempt per write: the consumer retries failed dead letters
		// with the project's backoff, logging each attempt.
		MaxAttempts: 1,
	}}
}

// DeadLetter implements ingest.DeadLetterSink.
func (d *DeadLetters) DeadLetter(ctx context.Context, dls []ingest.DeadLetter) error {
	msgs := make([]kafka.Message, len(dls))
	for i, dl := range dls {
		value, truncated := dl.Raw, dl.Truncated
		if len(value) > DeadLetterValueBytes {
			value, truncated = value[:DeadLetterValueBytes], true
		}
		msgs[i] = kafka.Message{
			Key:   []byte(dl.Origin),
			Value: value,
			Headers: []kafka.Header{
				{Key: HeaderTopic, Value: []byte(dl.Topic)},
				{Key: HeaderPartition, Value: []byte(strconv.Itoa(dl.Partition))},
				{Key: HeaderOffset, Value: []byte(strconv.FormatInt(dl.Offset, 10))},
				{Key: HeaderClass, Value: []byte(dl.Class)},
				{Key: HeaderField, Value: []byte(dl.Field)},
				{Key: HeaderReason, Value: []byte(clip(dl.Reason, 2000))},
				{Key: HeaderSize, Value: []byte(strconv.Itoa(max(dl.Size, len(dl.Raw))))},
				{Key: HeaderTruncated, Value: []byte(strconv.FormatBool(truncated))},
			},
		}
	}
	if err := d.w.WriteMessages(ctx, msgs...); err != nil {
		return fmt.Errorf("write %d dead letters: %w", len(msgs), err)
	}
	return nil
}

// clip cuts s to at most n bytes.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// Close flushes and closes the producer.
func (d *DeadLetters) Close() error { return d.w.Close() }

// EnsureTopic creates topic with the given partitions and replication
// factor when it is missing. An existing topic is left as it is: with
// fewer partitions than asked for, a warning goes to log (nil: the
// default logger). Adding partitions is left to an operator because it
// moves keys between partitions, and with them the employers whose
// reposts one partition's detector judges.
func EnsureTopic(ctx context.Context, brokers []string, topic string, partitions, replicationFactor int, log *slog.Logger) error {
	// Client (unlike Conn.CreateTopics) reports an existing topic as
	// TopicAlreadyExists, and it sends the request to the controller.
	client := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 30 * time.Second}
	res, err := client.CreateTopics(ctx, &kafka.CreateTopicsRequest{Topics: []kafka.TopicConfig{
		{Topic: topic, NumPartitions: partitions, ReplicationFactor: replicationFactor}}})
	if err == nil {
		err = res.Errors[topic]
	}
	if err == nil {
		return nil
	}
	if !errors.Is(err, kafka.TopicAlreadyExists) {
		return fmt.Errorf("create topic %s (%d partitions, replication factor %d): %w", topic, partitions, replicationFactor, err)
	}
	meta, err := client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	if err == nil && len(meta.Topics) != 1 {
		err = fmt.Errorf("metadata names %d topics", len(meta.Topics))
	}
	if err == nil {
		err = meta.Topics[0].Error
	}
	if err != nil {
		return fmt.Errorf("read partitions of topic %s: %w", topic, err)
	}
	if have := len(meta.Topics[0].Partitions); have < partitions {
		if log == nil {
			log = slog.Default()
		}
		log.Warn("topic has fewer partitions than configured; left as it is (add partitions with kafka-topics.sh --alter, knowing keys move)",
			"topic", topic, "partitions", have, "configured", partitions)
	}
	return nil
}

// Publish produces the postings of a JSON-lines or CSV file onto topic,
// keyed by repost.PartitionKey: the postings of one employer share a
// partition, so one group member sees every posting that could repeat
// another, in order, however many workers share the topic. Lines that
// do not parse are published as they are: the worker dead-letters them
// with the reason, as it would for any producer. progress is called with
// the bytes read so far.
func Publish(ctx context.Context, brokers []string, topic, name string, r io.Reader, progress func(n int)) (int, error) {
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, RequiredAcks: kafka.RequireAll,
		Balancer: &kafka.Hash{}, BatchSize: 500, BatchTimeout: 20 * time.Millisecond, AllowAutoTopicCreation: true}
	defer w.Close()
	rd := posting.Open(name, r)
	var batch []kafka.Message
	sent := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := w.WriteMessages(ctx, batch...); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		sent += len(batch)
		if progress != nil {
			progress(len(batch))
		}
		batch = batch[:0]
		return nil
	}
	for {
		rec, ok, err := rd.Next()
		if err != nil {
			return sent, err
		}
		if !ok {
			break
		}
		if rec.Truncated {
			// Publishing the kept first KiB would report a posting sent
			// that nobody can analyze: stop and name the line instead.
			if err := flush(); err != nil {
				return sent, err
			}
			return sent, fmt.Errorf("publish %s: line %d is longer than %d bytes: not published (split or shorten it)", name, rec.Line, posting.MaxLine)
		}
		key := []byte(fmt.Sprintf("line-%d", rec.Line))
		if rec.Posting != nil {
			key = []byte(repost.PartitionKey(rec.Posting.Employer, rec.Posting.Title))
		}
		batch = append(batch, kafka.Message{Key: key, Value: append([]byte(nil), rec.Raw...)})
		if len(batch) == 500 {
			if err := flush(); err != nil {
				return sent, err
			}
		}
	}
	return sent, flush()
}
