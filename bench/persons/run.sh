#!/usr/bin/env bash
# Person resolution at scale: N victim records (default 1,000,000) generated in the warehouse by SQL,
# `gugus persons resolve --all` on them, then a 1,000-row file loaded (and resolved) on top.
# Usage: bench/persons/run.sh [RECORDS]; GUGUS_BENCH_JAVA_OPTS sets the Gugus JVMs' options (default -Xmx4g).
set -euo pipefail
cd "$(dirname "$0")/../.."
records="${1:-1000000}"
./mvnw -q -B -o -Dmaven.test.skip=true package
classpath=$(./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
exec java -cp "target/classes:${classpath}" bench/persons/PersonsBench.java "${records}"
