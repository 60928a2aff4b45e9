# Case Builder. `make run` starts the app; `make test` runs every test.
# Both install the Debian/Ubuntu packages they need when they are missing.

# Building the desktop app (cgo, OpenGL, X11).
RUN_PACKAGES = gcc libgl1-mesa-dev xorg-dev
# Testing: the race detector needs gcc; go vet and a test build the app
# (OpenGL, X11) and start it under Xvfb, found with xdotool; LibreOffice
# and Gnumeric recalculate the workbook as independent oracles;
# poppler-utils reads the brief back; the package test packs with xz,
# validates the .desktop file (desktop-file-utils), installs the file type
# (shared-mime-info), asks xdg-mime about it (xdg-utils, with
# libfile-mimeinfo-perl to read the MIME database) and opens a case with
# gio (libglib2.0-bin).
TEST_PACKAGES = $(RUN_PACKAGES) xvfb xdotool libreoffice-calc-nogui gnumeric poppler-utils \
	xz-utils desktop-file-utils shared-mime-info xdg-utils libfile-mimeinfo-perl libglib2.0-bin

GO ?= go
# Each fuzz target runs for a number of inputs, not of seconds: Go 1.26's
# fuzzing coordinator can fail a target whose time runs out while a worker
# is still busy ("context deadline exceeded", no failing input; go.dev/issue/75804,
# fixed in Go 1.27), which a loaded machine makes likely. The counts are about
# 15 seconds of each on a quiet two-core machine. FUZZTIME=30s overrides them all.
FUZZ_FAST ?= 300000x
FUZZ_SLOW ?= 300x
FUZZ_WORKBOOK ?= 1000x
VERSION ?= $(shell sed -n "s/^Version *= *\"\(.*\)\"/\1/p" FyneApp.toml)
STATICCHECK = honnef.co/go/tools/cmd/staticcheck@v0.8.2
# The fyne tool that packages the app (a test reads the version here).
FYNE = fyne.io/tools/cmd/fyne@v1.7.4
GOVULNCHECK = golang.org/x/vuln/cmd/govulncheck@v1.9.0

.PHONY: run test build package vet vulncheck fuzz bench

run:
	@scripts/need-packages.sh $(RUN_PACKAGES)
	$(GO) run ./cmd/casebuilder

build:
	@scripts/need-packages.sh $(RUN_PACKAGES)
	$(GO) build -tags migrated_fynedo -ldflags "-X main.version=$(VERSION)" -o bin/casebuilder ./cmd/casebuilder

# A Linux package (binary, .desktop file, icon, the .hrcase file type and
# a Makefile to install them) with the fyne tool, which reads FyneApp.toml
# here; the binary is built first because main is in cmd/casebuilder, and
# scripts/package-linux.sh adds the file type to fyne's archive.
package: build
	FYNE="$(GO) run $(FYNE)" scripts/package-linux.sh . bin/casebuilder

# The race detector and the spreadsheets take their time on a busy machine:
# a package may need more than go test's default 10 minutes.
test:
	@scripts/need-packages.sh $(TEST_PACKAGES)
	$(MAKE) vet
	$(GO) test -race -count=1 -timeout 40m ./...
	$(MAKE) fuzz
	$(MAKE) vulncheck

vet:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# govulncheck needs its database at vuln.go.dev. Where that cannot be
# reached (a machine limited to the module proxy), say so and go on.
vulncheck:
	@if $(GO) run $(GOVULNCHECK) -version >/dev/null 2>&1 && \
	   $(GO) run $(GOVULNCHECK) ./... >vulncheck.out 2>&1; then \
		tail -n 3 vulncheck.out; \
	elif grep -q "fetching vulnerabilities" vulncheck.out 2>/dev/null; then \
		echo "govulncheck: SKIPPED, its database (vuln.go.dev) cannot be reached from here"; \
	else cat vulncheck.out; rm -f vulncheck.out; exit 1; fi
	@rm -f vulncheck.out

# Each fuzz target for a short time, from the seed corpus in testdata/fuzz;
# new inputs it finds stay in Go's cache, and a failing one is written to
# testdata/fuzz, to be fixed and kept as a test.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_FAST)) -fuzzminimizetime 1s ./casebuilder
	$(GO) test -run '^$$' -fuzz '^FuzzParseNumber$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_FAST)) -fuzzminimizetime 1s ./casebuilder/figure
	$(GO) test -run '^$$' -fuzz '^FuzzParseLocalDate$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_FAST)) -fuzzminimizetime 1s ./casebuilder
	$(GO) test -run '^$$' -fuzz '^FuzzWrite$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_WORKBOOK)) -fuzzminimizetime 1s ./casebuilder/workbook
	$(GO) test -run '^$$' -fuzz '^FuzzSetText$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_SLOW)) -fuzzminimizetime 1s ./casebuilder/internal/pdftext

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
