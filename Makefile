# Thin wrapper over CMake: the two commands of the README, plus the plain build.
#   make              build build/tlslint (dependencies must already be installed)
#   make scan         install what building and scanning need, build tlslint, scan TARGET
#                     (default: the demo tree)
#   make test         install that and the test tools, build everything, run the test suite
#   make package      install what building needs, build the Debian package (build/*.deb)
#   make docs         regenerate docs/rules/ (one page per rule) from the rule files
#   make fuzz         build the libFuzzer targets with clang and run each FUZZ_SECONDS seconds
BUILD  ?= build
TARGET ?= fixtures/demo
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= $(BUILD)/fuzz

.PHONY: all build configure setup setup-test scan test package bench docs fuzz clean

all: build

configure:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: configure
	cmake --build $(BUILD) -j $(JOBS)

setup:
	./scripts/setup.sh scan

setup-test:
	./scripts/setup.sh test

scan: setup configure
	cmake --build $(BUILD) -j $(JOBS) --target tlslint
	$(BUILD)/tlslint scan --fail-on none --sarif tlslint.sarif $(TARGET)
	@echo "SARIF written to tlslint.sarif"

test: setup-test build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

package: setup configure
	cmake --build $(BUILD) -j $(JOBS) --target tlslint
	cd $(BUILD) && cpack -G DEB
	@ls $(BUILD)/*.deb

docs: build
	$(BUILD)/tlslint rules --format markdown --output-dir docs/rules

fuzz:
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTLSLINT_FUZZ=ON \
		-DTLSLINT_SANITIZE=OFF >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_all
	./tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: setup-test build
	./bench/run.sh

clean:
	rm -rf $(BUILD)
