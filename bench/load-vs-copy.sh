#!/usr/bin/env bash
# Times `gugus load` on a generated, valid CSV of N rows (default 100,000) against PostgreSQL's own
# COPY of the same file into an unconstrained table on the same server, in one run. Gugus runs
# through ./gugus as the README runs it; GUGUS_BENCH_LAUNCHER=java runs java -jar target/gugus.jar.
# Usage: bench/load-vs-copy.sh [ROWS [REDELIVERIES]]   (e.g. 100000 20: then 20 re-deliveries, 1 % changed each)
# BENCH_NO_BUILD=1 times the jar built already (as bench/million-xlsx.sh does): pairs of runs without a rebuild between.
# The bench folder is deleted after the run (BENCH_KEEP=1 keeps it).
# BENCH_STATEMENTS=N prints the server's N longest statements of the first load (pg_stat_statements).
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
[ -n "${BENCH_NO_BUILD:-}" ] || ./mvnw -q -B -Dmaven.test.skip=true package
# the launcher's fast start prepared before any timing (once per build)
[ "${GUGUS_BENCH_LAUNCHER:-}" = java ] || ./gugus --version >/dev/null
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
java -cp "target/classes:${classpath}" bench/LoadVsCopy.java "${rows}" "${2:-0}" 2>&1 | tee "$log" || status=$?
# the bench folder (the home and its server's data: about 900 MB at 100,000 rows) deleted, as million-xlsx.sh does
folder=$(sed -n 's/^Generated .* in \(.*\)\/samarinda-bench.csv$/\1/p' "$log")
if [ -z "${BENCH_KEEP:-}" ] && [ -n "$folder" ] && [ -d "$folder" ]; then
    rm -rf "$folder"
fi
exit "$status"
