#!/usr/bin/env bash
# smoke.sh: the short fuzzing run of `make test`: builds the libFuzzer targets with clang in
# a build directory of their own, then runs each for a few seconds (tests/fuzz/run.sh), which
# also replays every regression input. A missing clang is a failure, not a skip.
#   tests/fuzz/smoke.sh SOURCE_DIR FUZZ_BUILD_DIR SECONDS
set -euo pipefail
src=$1 build=$2 seconds=$3
command -v clang >/dev/null || { echo "clang is not installed (scripts/setup.sh installs it)"; exit 1; }
CC=clang cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTLSLINT_FUZZ=ON \
	-DTLSLINT_SANITIZE=OFF >/dev/null
cmake --build "$build" -j2 --target fuzz_all >/dev/null
"$src/tests/fuzz/run.sh" "$build" "$seconds"
