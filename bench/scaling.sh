#!/usr/bin/env bash
# The scaling curve of issue 13: `bench/load-vs-copy.sh` at several sizes in one go, each size a
# fresh home and a fresh embedded server, `gugus load` and COPY of the same file side by side, then
# one re-delivery of it with 1 % of its rows changed. Ends with a table (Markdown) of every size.
# Usage: bench/scaling.sh [ROWS...]   (default: 10000 100000 300000 1000000)
# Each size's bench folder is deleted after its run (BENCH_KEEP=1 keeps them); the 1,000,000-row run
# needs about 4 GB of disk and 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 300000 1000000)
./mvnw -q -B -Dmaven.test.skip=true package
[ "${GUGUS_BENCH_LAUNCHER:-}" = java ] || ./gugus --version >/dev/null
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
for rows in "${sizes[@]}"; do
    echo "== ${rows} rows (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    log=$(mktemp)
    java -cp "target/classes:${classpath}" bench/LoadVsCopy.java "${rows}" 1 | tee "$log"
    first=$(grep '^rows=' "$log" | tail -1)
    again=$(grep '^redeliveries=' "$log" | tail -1)
    field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
    printf '| %s | %s | %s | %s | %s | %s |\n' "$(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$rows")" \
        "$(field pipeline "$first")" "$(field copy "$first")" "$(field ratio "$first")" \
        "$(field command_median "$again")" "$(field ratio_to_copy "$again")" >>"$summary"
    folder=$(sed -n 's/^Generated .* in \(.*\)\/samarinda-bench.csv$/\1/p' "$log")
    if [ -z "${BENCH_KEEP:-}" ] && [ -n "$folder" ] && [ -d "$folder" ]; then
        rm -rf "$folder"
    fi
    rm -f "$log"
done
echo
echo "| rows | first load | COPY | ratio | re-delivery, 1 % changed | ratio |"
echo "|---|---|---|---|---|---|"
cat "$summary"
