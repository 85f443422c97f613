package testsvc

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
)

// TestKafkaRoundTrip proves the broker is a real, working Kafka.
func TestKafkaRoundTrip(t *testing.T) {
	brokers := KafkaBrokers(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	topic := "testsvc-" + time.Now().Format("150405.000000")
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, AllowAutoTopicCreation: true, RequiredAcks: kafka.RequireAll}
	defer w.Close()
	var err error
	for i := 0; i < 20; i++ { // the first write creates the topic and may see LeaderNotAvailable
		if err = w.WriteMessages(ctx, kafka.Message{Key: []byte("k"), Value: []byte("hello")}); err == nil {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("produce: %v", err)
	}
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: topic, Partition: 0, MinBytes: 1, MaxBytes: 1 << 20})
	defer r.Close()
	m, err := r.ReadMessage(ctx)
	if err != nil {
		t.Fatalf("consume: %v", err)
	}
	if string(m.Value) != "hello" {
		t.Fatalf("got %q", m.Value)
	}
}

// TestElasticsearchRoundTrip proves the node is a real Elasticsearch.
func TestElasticsearchRoundTrip(t *testing.T) {
	base := ElasticsearchURL(t)
	req, _ := http.NewRequest(http.MethodPut, base+"/testsvc/_doc/1?refresh=true", strings.NewReader(`{"msg":"hello"}`))
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode >= 300 {
		t.Fatalf("index: %s", res.Status)
	}
	res, err = http.Get(base + "/testsvc/_doc/1")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.Header.Get("X-Elastic-Product") != "Elasticsearch" {
		t.Errorf("missing X-Elastic-Product header: %v", res.Header)
	}
	if !strings.Contains(string(body), `"msg":"hello"`) {
		t.Errorf("document not returned: %s", body)
	}
}
