#!/bin/bash
# Runs once, when the postgres container initialises its data: Gugus's own role, no superuser,
# owning its database (what README.md "Database role" asks for).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v password="$GUGUS_DB_PASSWORD" <<'SQL'
create role gugus login password :'password';
create database gugus owner gugus;
revoke all on database gugus from public;
SQL
