#!/usr/bin/env bash
# A private, loopback-only Virtuoso for tests and CI.
#
#   scripts/virtuoso.sh install                              # apt, as root (CI)
#   scripts/virtuoso.sh start DIR [HTTP_PORT] [SQL_PORT]     # prints the SPARQL URL
#   scripts/virtuoso.sh stop DIR
#
# install preseeds the dba password (the package's own service never starts under
# policy-rc.d, so the account stays dba/dba either way) and installs Debian's
# virtuoso-opensource. start copies the packaged virtuoso.ini with the database
# in DIR and both ports on 127.0.0.1 and ResultSetMaxRows raised from 10,000 to
# 1,000,000 (claimgraph refuses an answer cut at the limit; a dispute rebuild
# reads ~30,000 rows for a big incident), waits until /sparql answers (60 s at most),
# and grants SPARQL_UPDATE to the anonymous SPARQL user: safe only because
# nothing outside this machine can connect. stop ends that server (TERM, then
# KILL after 5 s).
set -euo pipefail
cmd=${1:?usage: $0 install | start DIR [HTTP_PORT] [SQL_PORT] | stop DIR}
ini=/etc/virtuoso-opensource-7/virtuoso.ini

answers() {  # 0 when the SPARQL endpoint answers ASK {}
  local url="http://127.0.0.1:$1/sparql?query=ASK%7B%7D"
  if command -v curl > /dev/null; then
    curl -sf -m 2 "$url" > /dev/null 2>&1
  else
    python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" \
      "$url" > /dev/null 2>&1
  fi
}

case "$cmd" in
install)
  export DEBIAN_FRONTEND=noninteractive
  printf '%s\n' \
    "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password dba" \
    "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password dba" \
    | debconf-set-selections
  apt-get update -q
  apt-get install -y -q virtuoso-opensource
  ;;
start)
  dir=${2:?directory}
  http=${3:-18890}
  sql=${4:-11111}
  if ! command -v virtuoso-t > /dev/null || [ ! -f "$ini" ]; then
    echo "virtuoso-t is not installed: run '$0 install' (Debian virtuoso-opensource)" >&2
    exit 3
  fi
  if answers "$http"; then
    echo "port $http on 127.0.0.1 is already serving; pick another" >&2
    exit 1
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  sed -e "s#/var/lib/virtuoso-opensource-7/db#$dir#g" \
      -e "s#^ServerPort *= *1111#ServerPort = 127.0.0.1:$sql#" \
      -e "s#^ServerPort *= *8890#ServerPort = 127.0.0.1:$http#" \
      -e "s#^DirsAllowed *=.*#DirsAllowed = ., $dir, /usr/share/virtuoso-opensource-7/vad#" \
      -e "s#^ResultSetMaxRows *=.*#ResultSetMaxRows = 1000000#" \
      "$ini" > "$dir/virtuoso.ini"
  (cd "$dir" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini" \
      < /dev/null > "$dir/stdout.log" 2>&1) &
  echo $! > "$dir/pid"
  for _ in $(seq 1 120); do
    if ! kill -0 "$(cat "$dir/pid")" 2> /dev/null; then
      echo "virtuoso exited at start; see $dir/stdout.log and $dir/virtuoso.log" >&2
      exit 1
    fi
    if answers "$http"; then
      isql-vt "127.0.0.1:$sql" dba dba exec='GRANT SPARQL_UPDATE TO "SPARQL";' \
        < /dev/null > "$dir/grant.log" 2>&1
      echo "http://127.0.0.1:$http/sparql"
      exit 0
    fi
    sleep 0.5
  done
  echo "virtuoso did not answer within 60 s; see $dir/virtuoso.log" >&2
  bash "$0" stop "$dir"
  exit 1
  ;;
stop)
  dir=${2:?directory}
  if [ -f "$dir/pid" ]; then
    pid=$(cat "$dir/pid")
    kill "$pid" 2> /dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2> /dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2> /dev/null || true
    rm -f "$dir/pid"
  fi
  ;;
*)
  echo "usage: $0 install | start DIR [HTTP_PORT] [SQL_PORT] | stop DIR" >&2
  exit 2
  ;;
esac
