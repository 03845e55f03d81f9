#!/bin/bash
# HEALTHCHECK of the pipeline images: an HTTP GET of $HEALTH_PATH on the management port, healthy on a 200.
# Bash's /dev/tcp instead of curl or wget, which the JRE base image need not ship.
port="${MANAGEMENT_SERVER_PORT:-${HEALTH_PORT:?}}"
exec 3<>"/dev/tcp/${HEALTH_HOST:-127.0.0.1}/${port}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${HEALTH_PATH:?}" >&3
read -r -t 5 status_line <&3 || exit 1
case "$status_line" in
    HTTP/1.?" 200"*) exit 0 ;;
    *) exit 1 ;;
esac
