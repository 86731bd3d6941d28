#!/usr/bin/env bash
# Measures the rate limits against a published Release build on loopback.
# Usage: docs/benchmarks/rate-limits.sh <published folder> <port> [cost]
#   With "cost" it only measures what counting costs a request (wrk, 8 s per URL): run it against
#   this build and against one from before the counts moved to the database, and compare.
# Two instances started from the same folder share its database file (data/secondopinion.db) and
# its data-protection keys, as several instances behind a proxy share one database.
set -u
OUT=$1; PORT=$2; MODE=${3:-all}; BASE=http://localhost:$PORT; SECOND=http://localhost:$((PORT + 1))
WORK=$(mktemp -d)
PIDS=()
start() { # $1 address, rest: more environment (NAME=value)
  local address=$1; shift
  pushd "$OUT" >/dev/null
  env ASPNETCORE_URLS="$address" ASPNETCORE_ENVIRONMENT=Production "$@" dotnet SecondOpinion.Web.dll >>"$WORK/app.log" 2>&1 &
  PIDS+=($!)
  popd >/dev/null
  for i in $(seq 1 60); do curl -s -o /dev/null "$address/health" && return; sleep 1; done
  echo "app did not start"; cat "$WORK/app.log"; exit 1
}
fresh() { rm -rf "$OUT/data"; start "$BASE" "$@"; }
stop() { for pid in "${PIDS[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null; done; PIDS=(); }
token() { # $1 url, $2 jar
  curl -s -c "$2" -b "$2" "$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'
}
post() { # $1 url, $2 jar, $3 token, rest: form fields; prints status and time
  local url=$1 jar=$2 tok=$3; shift 3
  local args=(); for f in "$@"; do args+=(--data-urlencode "$f"); done
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$tok" "${args[@]}" "$url"
}
count() { sort | awk '{print $1}' | uniq -c | tr '\n' ' '; echo; }
latency() { # $1 url: wrk, one connection, 2 seconds to warm up, then 8 measured; prints requests/s and the latency percentiles
  wrk -t1 -c1 -d2s "$1" >/dev/null
  wrk -t1 -c1 -d8s --latency "$1" | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print rps " req/s, median " p50 ", 99% " p99}'
}

if [ "$MODE" = cost ]; then
  echo "== one request at a time for 8 s: a counted request (an unknown packet link, counted per address) and pages that are not counted"
  fresh RateLimits__PacketLink__PerAddress=100000000
  echo "counted,     /packet/<unknown>:     $(latency "$BASE/packet/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")"
  echo "not counted, GET /account/sign-in:  $(latency "$BASE/account/sign-in")"
  echo "not counted, /health/live:          $(latency "$BASE/health/live")"
  stop
  rm -rf "$WORK"
  exit 0
fi

EMAIL="known-$(date +%s)@example.com"; PW="blue kettle sunny garden"
register() {
  local jar=$WORK/reg.jar; local tok; tok=$(token "$BASE/account/register" "$jar")
  post "$BASE/account/register" "$jar" "$tok" "Input.Email=$EMAIL" "Input.Password=$PW" "Input.ConfirmPassword=$PW" >/dev/null
}

echo "== 200 sign-in POSTs, a different unknown email each (per-address limit)"
fresh; register
jar=$WORK/a.jar; tok=$(token "$BASE/account/sign-in" "$jar")
for i in $(seq 1 200); do post "$BASE/account/sign-in" "$jar" "$tok" "Input.Email=nobody$i@example.com" "Input.Password=wrong password $i"; done > "$WORK/r1"
count < "$WORK/r1"; grep -m1 -i 'retry-after' <(curl -s -D - -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$tok" --data-urlencode "Input.Email=x@example.com" --data-urlencode "Input.Password=y" "$BASE/account/sign-in")
stop

echo "== 200 sign-in POSTs, a different unknown email each, taking turns between two instances on one database"
fresh; start "$SECOND"
jar=$WORK/e.jar; tok=$(token "$BASE/account/sign-in" "$jar")
for i in $(seq 1 200); do
  if [ $((i % 2)) = 0 ]; then url=$BASE; else url=$SECOND; fi
  echo "$url $(post "$url/account/sign-in" "$jar" "$tok" "Input.Email=nobody$i@example.com" "Input.Password=wrong password $i")"
done > "$WORK/r5"
echo "first:  $(grep "^$BASE " "$WORK/r5" | cut -d' ' -f2- | count)"
echo "second: $(grep "^$SECOND " "$WORK/r5" | cut -d' ' -f2- | count)"
stop

echo "== 200 sign-in POSTs for one known email, wrong password (per-account limit)"
fresh; register
jar=$WORK/b.jar; tok=$(token "$BASE/account/sign-in" "$jar")
for i in $(seq 1 200); do post "$BASE/account/sign-in" "$jar" "$tok" "Input.Email=$EMAIL" "Input.Password=wrong password $i"; done > "$WORK/r2"
count < "$WORK/r2"
stop

echo "== 200 forgot-password POSTs for one known email"
fresh; register
before=$(ls "$OUT/data/mail" | wc -l)
jar=$WORK/c.jar; tok=$(token "$BASE/account/forgot-password" "$jar")
for i in $(seq 1 200); do post "$BASE/account/forgot-password" "$jar" "$tok" "Input.Email=$EMAIL"; done > "$WORK/r3"
count < "$WORK/r3"; echo "reset emails written: $(( $(ls "$OUT/data/mail" | wc -l) - before ))"
stop

echo "== sign-in time, unknown email vs known email with a wrong password (seconds, 9 each after 2 warm-ups; the known account is paused after its 5th)"
fresh; register
jar=$WORK/d.jar; tok=$(token "$BASE/account/sign-in" "$jar")
for i in 1 2; do post "$BASE/account/sign-in" "$jar" "$tok" "Input.Email=warm$i@example.com" "Input.Password=wrong" >/dev/null; done
for i in $(seq 1 9); do
  post "$BASE/account/sign-in" "$jar" "$tok" "Input.Email=nobody-t$i@example.com" "Input.Password=wrong password" >>"$WORK/unknown"
  post "$BASE/account/sign-in" "$jar" "$tok" "Input.Email=$EMAIL" "Input.Password=wrong password" >>"$WORK/known"
done
median() { awk '{print $2}' "$1" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "unknown email: statuses $(count < "$WORK/unknown") median $(median "$WORK/unknown") s"
echo "known email:   statuses $(count < "$WORK/known") median $(median "$WORK/known") s"
stop
rm -rf "$WORK"
