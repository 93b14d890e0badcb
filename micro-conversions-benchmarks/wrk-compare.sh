#!/usr/bin/env bash
# Whole-app comparison under wrk: requests/s of the same endpoint plain, with our annotation
# (one shared visitor, and a new visitor per request) and with Micrometer's @Counted, each
# against the plain endpoint in ABBA order; then an exact check that the hit counter equals the
# 2xx responses wrk saw. Writes target/wrk.md. Needs wrk (apt-get install wrk) and a built module.
set -euo pipefail
cd "$(dirname "$0")"

PORT=${PORT:-18080}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
BROWSER='Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'
VISITOR=3f0c8c1e-2a4b-4d6e-8f10-1a2b3c4d5e6f
BASE=http://127.0.0.1:$PORT

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
java -Xmx2g -cp "target/classes:$(cat target/classpath.txt)" io.github.microconversions.benchmarks.BenchmarkApplication \
	--server.address=127.0.0.1 --server.port="$PORT" > target/benchmark-app.log 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

# Prints requests/s of one wrk run.
load() {
	local path=$1 cookie=${2:-}
	local headers=(-H "User-Agent: $BROWSER")
	[ -n "$cookie" ] && headers+=(-H "Cookie: mc_vid=$cookie")
	wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "${headers[@]}" "$BASE$path" | awk '/Requests\/sec/ {print $2}'
}

hits() {
	curl -s "$BASE/actuator/prometheus" |
		awk '/^conversion_hits_total\{.*conversion="product-view"/ {sum += $2} END {printf "%d\n", sum}'
}

# Warm-up: the JIT compiles every path before anything is measured.
for _ in 1 2; do for path in /plain /counted /converted; do load "$path" "$VISITOR" >/dev/null; done; done

# ABBA: A and B alternate so that drift in the machine hits both alike; ROUNDS rounds per variant,
# and the median of their ratios is reported.
ROUNDS=${ROUNDS:-3}
abba() {
	local label=$1 path=$2 cookie=${3:-}
	local ratios=() a1 b1 b2 a2
	for _ in $(seq 1 "$ROUNDS"); do
		a1=$(load /plain); b1=$(load "$path" "$cookie"); b2=$(load "$path" "$cookie"); a2=$(load /plain)
		ratios+=("$(awk -v a1="$a1" -v a2="$a2" -v b1="$b1" -v b2="$b2" 'BEGIN {printf "%.3f", (b1 + b2) / (a1 + a2)}')")
		echo "| $label | \`$path\` | $a1, $a2 | $b1, $b2 | ${ratios[-1]} |" >> target/wrk-rows.md
	done
	printf '%s\n' "${ratios[@]}" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

: > target/wrk-rows.md
shared=$(abba "our annotation, one shared visitor" /converted "$VISITOR")
many=$(abba "our annotation, a new visitor per request" /converted)
counted=$(abba "Micrometer \`@Counted\`" /counted)

before=$(hits)
check=$(REQUESTS=5000 wrk -t1 -c1 -d120s -s wrk/stop-after.lua -H "User-Agent: $BROWSER" \
	-H "Cookie: mc_vid=$VISITOR" "$BASE/converted" | awk '/^2xx:/ {print $2}')
sleep 1
after=$(hits)
counted_hits=$((after - before))

{
	echo "\`wrk -t2 -c$CONNECTIONS -d$DURATION\` on 127.0.0.1 against the same Spring Boot application, requests/s."
	echo "Each row is one round of the plain endpoint (A) and the measured one (B) in ABBA order, ratio B / A;"
	echo "each variant runs $ROUNDS rounds and the targets use the median of their ratios."
	echo '`/plain` and `/counted` are excluded from visit tracking, so `/converted` pays for everything the'
	echo 'starter does per request: bot check, visitor cookie, visit, journey, funnel step and hit.'
	echo
	echo "| variant | endpoint | plain (A) req/s | measured (B) req/s | ratio |"
	echo "|---|---|---|---|---|"
	cat target/wrk-rows.md
	echo
	echo "| target | measured | met |"
	echo "|---|---|---|"
	awk -v r="$shared" 'BEGIN {printf "| median annotated / plain ≥ 0.97, one shared visitor | %s | %s |\n", r, (r >= 0.97 ? "yes" : "**no**")}'
	awk -v r="$many" 'BEGIN {printf "| median annotated / plain ≥ 0.97, a new visitor per request | %s | %s |\n", r, (r >= 0.97 ? "yes" : "**no**")}'
	awk -v r="$shared" -v c="$counted" 'BEGIN {printf "| above `@Counted`'"'"'s median ratio (%s) | %s | %s |\n", c, r, (r > c ? "yes" : "**no**")}'
	echo
	echo "Exactness: one connection, stopped after 5000 responses so that none is in flight: wrk saw"
	echo "**$check** 2xx responses and \`conversion_hits_total{conversion=\"product-view\"}\` rose by **$counted_hits**."
} > target/wrk.md
cat target/wrk.md
[ "$check" = "$counted_hits" ] || { echo "hit counter ($counted_hits) != 2xx responses ($check)" >&2; exit 1; }
