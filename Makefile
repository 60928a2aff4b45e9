# Case Builder. `make run` starts the app; `make test` runs every test.
# Both install the Debian/Ubuntu packages they need when they are missing.

# Building the desktop app (cgo, OpenGL, X11).
RUN_PACKAGES = gcc libgl1-mesa-dev xorg-dev
# Testing: the race detector needs gcc.
TEST_PACKAGES = gcc

GO ?= go
FUZZTIME ?= 15s

.PHONY: run test build vet fuzz bench

run:
	@scripts/need-packages.sh $(RUN_PACKAGES)
	$(GO) run ./cmd/casebuilder

build:
	@scripts/need-packages.sh $(RUN_PACKAGES)
	$(GO) build -o casebuilder ./cmd/casebuilder

test: vet
	@scripts/need-packages.sh $(TEST_PACKAGES)
	$(GO) test -race -count=1 ./...
	$(MAKE) fuzz

vet:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

# Each fuzz target for a short time; the corpus found is kept in testdata.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1s ./casebuilder

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
