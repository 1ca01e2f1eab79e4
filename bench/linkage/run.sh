#!/bin/sh
# Record-linkage benchmark: a full in-memory run (estimate + score + cluster) over N synthetic victim
# records (default 1,000,000), then 1,000 new records resolved against them.
# Run from the repository root:  bench/linkage/run.sh [records]
# HEAP sets -Xmx (default 4g). Classes go to ${BENCH_DIR:-/tmp/gugus-bench}/linkage.
set -e
RECORDS=${1:-1000000}
HEAP=${HEAP:-4g}
DIR=${BENCH_DIR:-/tmp/gugus-bench}/linkage
mkdir -p "$DIR"
./mvnw -B -q -o test-compile
CP="target/classes:target/test-classes"
javac -d "$DIR" -cp "$CP" bench/linkage/LinkageBenchmark.java
exec java -Xmx"$HEAP" -XX:+UseParallelGC -cp "$DIR:$CP" LinkageBenchmark "$RECORDS"
