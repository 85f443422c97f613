package app

import (
	"context"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/config"
)

// A taken API port stops either mode at once, naming the address, before
// anything is ingested (and, in production, before Kafka or Elasticsearch
// are even tried: here neither is reachable).
func TestTakenPortStopsStartUp(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, mode := range []string{"embedded", "production"} {
		cfg := config.Default()
		cfg.DataDir, cfg.Listen = t.TempDir(), ln.Addr().String()
		run := RunEmbedded
		if mode == "production" {
			cfg.Kafka.Brokers, cfg.Elasticsearch.URLs = []string{"127.0.0.1:1"}, []string{"http://127.0.0.1:1"}
			run = RunProduction
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		start := time.Now()
		err := run(ctx, cfg, log, nil)
		cancel()
		if err == nil || !strings.Contains(err.Error(), ln.Addr().String()) {
			t.Errorf("%s on a taken port: %v, want an error naming %s", mode, err, ln.Addr())
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s took %v to notice the taken port", mode, took)
		}
		if mode == "embedded" {
			if n := storeCount(t, cfg.DataDir); n != 0 {
				t.Errorf("embedded ingested %d postings with no API to serve them", n)
			}
		}
	}
}
