# skillpulse — build, test, benchmark. `make test` is what CI runs (.ci/run).
GO      ?= go
BIN     := bin/skillpulse
PKGS    := ./...

.PHONY: build run test unit bench fmt vet clean

build:
	$(GO) build -o $(BIN) ./cmd/skillpulse

# The embedded default: bundled sample, local store, dashboard on 127.0.0.1:8080.
run: build
	./$(BIN) run

test: vet
	$(GO) test -count=1 -timeout 20m $(PKGS)

unit:
	$(GO) test -short -count=1 $(PKGS)

vet:
	$(GO) vet $(PKGS)

bench: build
	./scripts/bench.sh

fmt:
	gofmt -w .

clean:
	rm -rf bin
