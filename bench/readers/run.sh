#!/bin/sh
# Reader benchmark: rows/s per format at 100,000 rows, and a 1,000,000-row XLSX read under -Xmx256m.
# Run from the repository root:  bench/readers/run.sh [rows] [big-rows]
# Files go to ${BENCH_DIR:-/tmp/gugus-bench}; the build to ${BUILD_DIR:-target}.
set -e
ROWS=${1:-100000}
BIG=${2:-1000000}
DIR=${BENCH_DIR:-/tmp/gugus-bench}
BUILD=${BUILD_DIR:-target}
mkdir -p "$DIR/classes"
./mvnw -B -q compile dependency:build-classpath -Dgugus.build.dir="$BUILD" -Dmdep.outputFile="$DIR/cp.txt"
CP="$BUILD/classes:$(cat "$DIR/cp.txt")"
javac -d "$DIR/classes" -cp "$CP" bench/readers/ReaderBenchmark.java
RUN="java -cp $DIR/classes:$CP ReaderBenchmark"
for format in csv xlsx xls ods; do
  [ -f "$DIR/korban-$ROWS.$format" ] || java -Xmx4g -cp "$DIR/classes:$CP" ReaderBenchmark generate $format $ROWS "$DIR/korban-$ROWS.$format"
done
[ -f "$DIR/korban-$BIG.xlsx" ] || java -Xmx4g -cp "$DIR/classes:$CP" ReaderBenchmark generate xlsx $BIG "$DIR/korban-$BIG.xlsx"
for format in csv xlsx xls ods; do
  java -Xmx256m -cp "$DIR/classes:$CP" ReaderBenchmark read "$DIR/korban-$ROWS.$format"
done
java -Xmx256m -XX:+ExitOnOutOfMemoryError -cp "$DIR/classes:$CP" ReaderBenchmark read "$DIR/korban-$BIG.xlsx"
