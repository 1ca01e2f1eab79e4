#!/bin/bash
# Docker's healthcheck of Gugus: healthy while /actuator/health/readiness answers 200, i.e. while
# Gugus can write its folders, reach its database and run its sources. Plain bash, so the image
# needs no curl.
set -u
port="${SERVER_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 10 status_line <&3 || exit 1
case "$status_line" in
    HTTP/*" 200"*) exit 0 ;;
    *) echo "not ready: ${status_line}"; exit 1 ;;
esac
