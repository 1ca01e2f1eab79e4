#!/usr/bin/env bash
# The incremental resolution of many new records, repeatable on a kept bench database (it is changed:
# copy a folder you want to keep). See bench/persons/Pending.java.
# Usage: bench/persons/pending.sh FOLDER [N [kept]]   (N records of the highest ids made pending; all when 0 or
#   absent; with kept, only their versions moved on: a re-delivery's records whose linkage fields did not change)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/gugus.jar ] || ./mvnw -q -B -o -DskipTests package
classpath=$(./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
exec java -cp "target/classes:${classpath}" bench/persons/Pending.java "$@"
