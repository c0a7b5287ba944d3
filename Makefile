# A thin wrapper around meson, so that two commands work on a fresh
# Debian 12 machine: `make run` and `make check`. See README.md.

BUILDDIR ?= _build
ASANDIR  ?= _build-asan
FUZZDIR  ?= _build-fuzz
# Seconds each fuzzer runs in `make fuzz`; CI runs them for a minute each.
FUZZ_SECONDS ?= 60
FUZZERS  = anki:markdown render:markdown content:json store:json search:
PREFIX   ?= $(CURDIR)/_install

# Debian 12 packages needed to build, run and test. Keep README.md in step.
DEPS = meson ninja-build pkg-config gcc gettext python3 \
       libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev libjson-glib-dev \
       libmd4c-dev libmd4c-html0-dev libgtksourceview-5-dev librsvg2-common \
       desktop-file-utils appstream \
       xvfb xauth x11-utils xdotool dbus fonts-noto-cjk locales-all

# What `make fuzz` needs on top: clang and its libFuzzer runtime.
FUZZ_DEPS = clang libclang-rt-14-dev

.PHONY: all run check deps build install asan-check fuzz bench clean

all: build

deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
	  echo "Not a Debian system: install the equivalents of: $(DEPS)"; exit 0; \
	fi; \
	missing=""; \
	for p in $(DEPS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "Build dependencies: all installed."; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	else echo "Missing packages:$$missing; run 'make deps' as root, or install them."; exit 1; fi; \
	echo "Installing missing build dependencies with apt-get:$$missing"; \
	$$sudo apt-get update -q && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR) --prefix=$(PREFIX)

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

# Installs into a prefix inside the checkout (no root needed), so that the
# app runs with its settings schema, icons and translations.
install: build
	meson configure $(BUILDDIR) -Dprefix=$(PREFIX)
	meson install -C $(BUILDDIR) --quiet

run: install
	XDG_DATA_DIRS="$(PREFIX)/share:$${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
	GSETTINGS_SCHEMA_DIR="$(PREFIX)/share/glib-2.0/schemas" \
	$(PREFIX)/bin/llm-prep

check: build
	meson test -C $(BUILDDIR) --print-errorlogs

# The non-UI tests again, under AddressSanitizer and UndefinedBehaviorSanitizer.
# Full stack unwinding on every allocation (for readable leak reports) makes
# loading the bundled content some 60 times slower: longer timeouts.
asan-check: deps
	[ -f $(ASANDIR)/build.ninja ] || meson setup $(ASANDIR) -Db_sanitize=address,undefined -Db_lundef=false
	meson compile -C $(ASANDIR)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	meson test -C $(ASANDIR) --print-errorlogs --timeout-multiplier 6 --suite unit --suite data --suite po

# The libFuzzer harnesses of tests/fuzz, built with clang, ASan and UBSan,
# each run for FUZZ_SECONDS from the seeds in tests/fuzz/corpus. New inputs
# go to $(FUZZDIR)/corpus, crashes to $(FUZZDIR)/artifacts. README: Fuzzing.
fuzz:
	$(MAKE) deps DEPS="$(DEPS) $(FUZZ_DEPS)"
	@command -v clang >/dev/null 2>&1 || { echo "make fuzz needs: $(FUZZ_DEPS)"; exit 1; }
	[ -f $(FUZZDIR)/build.ninja ] || CC=clang meson setup $(FUZZDIR) -Dfuzzing=true \
	  -Db_sanitize=address,undefined -Db_lundef=false
	meson compile -C $(FUZZDIR)
	@mkdir -p $(FUZZDIR)/artifacts
	@set -e; for spec in $(FUZZERS); do \
	  name=$${spec%%:*}; dict=$${spec#*:}; \
	  mkdir -p $(FUZZDIR)/corpus/$$name; \
	  echo "== fuzz-$$name for $(FUZZ_SECONDS) s"; \
	  log=$(FUZZDIR)/fuzz-$$name.log; status=0; \
	  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  GSETTINGS_BACKEND=memory \
	  $(FUZZDIR)/tests/fuzz/fuzz-$$name -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 \
	    -print_final_stats=1 $${dict:+-dict=tests/fuzz/$$dict.dict} \
	    -artifact_prefix=$(FUZZDIR)/artifacts/$$name- \
	    $(FUZZDIR)/corpus/$$name tests/fuzz/corpus/$$name > $$log 2>&1 || status=$$?; \
	  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)' $$log || true; \
	  if [ $$status -ne 0 ]; then tail -n 60 $$log; \
	    echo "fuzz-$$name found a problem: the input is in $(FUZZDIR)/artifacts"; exit 1; fi; \
	done

bench: build
	meson test -C $(BUILDDIR) --benchmark --verbose

clean:
	rm -rf $(BUILDDIR) $(ASANDIR) $(FUZZDIR) $(PREFIX)
