#!/usr/bin/env bash
# Regenerates docs/benchmarks.md: builds this module, runs the whole-app comparison under wrk,
# then every JMH benchmark and the heap measurement, in one go (about 20 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl micro-conversions-benchmarks -am package -DskipTests
cd micro-conversions-benchmarks
./wrk-compare.sh
java -cp "target/classes:$(cat target/classpath.txt)" io.github.microconversions.benchmarks.BenchmarkRunner
