#!/usr/bin/env bash
# Times the answer workbook ("Hasil Pemeriksaan") of a 100,000-row file: `gugus feedback ID --out FILE`
# as a user runs it, under -Xmx256m (GUGUS_BENCH_JAVA_OPTS to change), for a CSV and an XLSX of the
# same rows (5 % rejected, 5 % with a warning). Usage: bench/feedback/run.sh [ROWS [FOLDER]]
# With the folder of an earlier run (printed by it), times the answers again on that run's database
# without generating or loading the files.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -o -Dmaven.test.skip=true package
classpath=$(./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
exec java -cp "target/classes:${classpath}" bench/feedback/FeedbackBench.java "$@"
