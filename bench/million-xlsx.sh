#!/usr/bin/env bash
# Issue 13's workbook figure: a generated, valid 1,000,000-row XLSX (the rows of bench/LoadVsCopy.java,
# text in shared strings as Excel writes them) loaded whole by `gugus load` under -Xmx256m, in a fresh
# home and embedded server, beside COPY of the same rows as CSV. Prints the whole command's seconds,
# each phase's (from the home's logs/gugus-cli.log), its peak resident size and CPU time.
# Usage: bench/million-xlsx.sh [ROWS [FORMAT [HEAP]]]   (defaults: 1000000 xlsx 256m; FORMAT csv loads the CSV)
# Needs about 4 GB of disk under ${TMPDIR:-/tmp} and several minutes; the folder is deleted after
# the run (BENCH_KEEP=1 keeps it).
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
format="${2:-xlsx}"
heap="${3:-256m}"
[ -n "${BENCH_NO_BUILD:-}" ] || ./mvnw -q -B -Dmaven.test.skip=true package
[ "${GUGUS_BENCH_LAUNCHER:-}" = java ] || ./gugus --version >/dev/null
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
echo "== ${rows} rows as ${format} under -Xmx${heap} (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
GUGUS_BENCH_FORMAT="$format" GUGUS_BENCH_JAVA_OPTS="-Xmx${heap} ${GUGUS_BENCH_JAVA_OPTS:-}" \
    java -Xmx1g -cp "target/classes:${classpath}" bench/LoadVsCopy.java "${rows}" 0 2>&1 | tee "$log" || status=$?
echo "== done (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
folder=$(sed -n 's/^Generated .* in \(.*\)\/samarinda-bench.csv$/\1/p' "$log")
if [ -z "${BENCH_KEEP:-}" ] && [ -n "$folder" ] && [ -d "$folder" ]; then
    rm -rf "$folder"
fi
exit "$status"
