# Thin wrapper over CMake: the two commands of the README, plus the plain build.
#   make              build build/tlslint (dependencies must already be installed)
#   make scan         install what is missing, build, scan TARGET (default: the demo tree)
#   make test         install what is missing, build, run the whole test suite under ctest
#   make docs         regenerate docs/rules/ (one page per rule) from the rule files
#   make fuzz         build the libFuzzer targets with clang and run each FUZZ_SECONDS seconds
BUILD  ?= build
TARGET ?= fixtures/demo
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= $(BUILD)/fuzz

.PHONY: all build setup scan test bench docs fuzz clean

all: build

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

setup:
	./scripts/setup.sh

scan: setup build
	$(BUILD)/tlslint scan --fail-on none --sarif tlslint.sarif $(TARGET)
	@echo "SARIF written to tlslint.sarif"

test: setup build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

docs: build
	$(BUILD)/tlslint rules --format markdown --output-dir docs/rules

fuzz:
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTLSLINT_FUZZ=ON \
		-DTLSLINT_SANITIZE=OFF >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_all
	./tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: setup build
	./bench/run.sh

clean:
	rm -rf $(BUILD)
