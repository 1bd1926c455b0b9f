#!/usr/bin/env bash
# Start or stop a private, loopback-only Virtuoso for tests:
#   scripts/virtuoso.sh start DIR [HTTP_PORT] [SQL_PORT]   -> prints the SPARQL endpoint URL
#   scripts/virtuoso.sh stop DIR
# Needs Debian's virtuoso-opensource (virtuoso-t, isql-vt). The database lives in
# DIR; anonymous SPARQL updates are granted because it only listens on 127.0.0.1.
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?directory}
http=${3:-18890}
sql=${4:-11111}
ini=/etc/virtuoso-opensource-7/virtuoso.ini

case "$cmd" in
start)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  sed -e "s#/var/lib/virtuoso-opensource-7/db#$dir#g" \
      -e "s#^ServerPort *= *1111#ServerPort = 127.0.0.1:$sql#" \
      -e "s#^ServerPort *= *8890#ServerPort = 127.0.0.1:$http#" \
      -e "s#^DirsAllowed *=.*#DirsAllowed = ., $dir, /usr/share/virtuoso-opensource-7/vad#" \
      "$ini" > "$dir/virtuoso.ini"
  (cd "$dir" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini" \
      < /dev/null > "$dir/stdout.log" 2>&1) &
  echo $! > "$dir/pid"
  for _ in $(seq 1 60); do
    if curl -sf "http://127.0.0.1:$http/sparql?query=ASK%7B%7D" > /dev/null 2>&1; then
      isql-vt "127.0.0.1:$sql" dba dba exec='GRANT SPARQL_UPDATE TO "SPARQL";' < /dev/null > /dev/null
      echo "http://127.0.0.1:$http/sparql"
      exit 0
    fi
    sleep 0.5
  done
  echo "virtuoso did not start; see $dir/virtuoso.log" >&2
  exit 1
  ;;
stop)
  if [ -f "$dir/pid" ]; then
    kill "$(cat "$dir/pid")" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$(cat "$dir/pid")" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$(cat "$dir/pid")" 2>/dev/null || true
    rm -f "$dir/pid"
  fi
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
