#!/usr/bin/env bash
# Times start-up to the first row: 1-row `./gugus load` commands beside a running database, launch to
# the stage step's start, as the README runs them (the launcher's fast start prepared once beforehand).
# Usage: bench/startup.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Dmaven.test.skip=true package
./gugus --version >/dev/null
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
exec java -cp "target/classes:${classpath}" bench/StartupToFirstRow.java "${1:-5}"
