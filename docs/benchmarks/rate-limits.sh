#!/usr/bin/env bash
# Measures the rate limits against a published Release build on loopback.
# Usage: acc-measure.sh <published folder> <port>
set -u
OUT=$1; PORT=$2; BASE=http://localhost:$PORT
WORK=$(mktemp -d)
start() {
  rm -rf "$OUT/data"
  pushd "$OUT" >/dev/null
  ASPNETCORE_URLS=$BASE ASPNETCORE_ENVIRONMENT=Production dotnet SecondOpinion.Web.dll >"$WORK/app.log" 2>&1 &
  echo $! >"$WORK/pid"
  popd >/dev/null
  for i in $(seq 1 60); do curl -s -o /dev/null "$BASE/health" && return; sleep 1; done
  echo "app did not start"; cat "$WORK/app.log"; exit 1
}
stop() { kill "$(cat "$WORK/pid")"; wait "$(cat "$WORK/pid")" 2>/dev/null; }
token() { # $1 page, $2 jar
  curl -s -c "$2" -b "$2" "$BASE$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'
}
post() { # $1 path, $2 jar, $3 token, rest: form fields; prints status and time
  local path=$1 jar=$2 tok=$3; shift 3
  local args=(); for f in "$@"; do args+=(--data-urlencode "$f"); done
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$tok" "${args[@]}" "$BASE$path"
}
count() { sort | awk '{print $1}' | uniq -c | tr '\n' ' '; echo; }

EMAIL="known-$(date +%s)@example.com"; PW="blue kettle sunny garden"
register() {
  local jar=$WORK/reg.jar; local tok; tok=$(token /account/register "$jar")
  post /account/register "$jar" "$tok" "Input.Email=$EMAIL" "Input.Password=$PW" "Input.ConfirmPassword=$PW" >/dev/null
}

echo "== 200 sign-in POSTs, a different unknown email each (per-address limit)"
start; register
jar=$WORK/a.jar; tok=$(token /account/sign-in "$jar")
for i in $(seq 1 200); do post /account/sign-in "$jar" "$tok" "Input.Email=nobody$i@example.com" "Input.Password=wrong password $i"; done > "$WORK/r1"
count < "$WORK/r1"; grep -m1 -i 'retry-after' <(curl -s -D - -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$tok" --data-urlencode "Input.Email=x@example.com" --data-urlencode "Input.Password=y" "$BASE/account/sign-in")
stop

echo "== 200 sign-in POSTs for one known email, wrong password (per-account limit)"
start; register
jar=$WORK/b.jar; tok=$(token /account/sign-in "$jar")
for i in $(seq 1 200); do post /account/sign-in "$jar" "$tok" "Input.Email=$EMAIL" "Input.Password=wrong password $i"; done > "$WORK/r2"
count < "$WORK/r2"
stop

echo "== 200 forgot-password POSTs for one known email"
start; register
before=$(ls "$OUT/data/mail" | wc -l)
jar=$WORK/c.jar; tok=$(token /account/forgot-password "$jar")
for i in $(seq 1 200); do post /account/forgot-password "$jar" "$tok" "Input.Email=$EMAIL"; done > "$WORK/r3"
count < "$WORK/r3"; echo "reset emails written: $(( $(ls "$OUT/data/mail" | wc -l) - before ))"
stop

echo "== sign-in time, unknown email vs known email with a wrong password (seconds, 9 each after 2 warm-ups; the known account is paused after its 5th)"
start; register
jar=$WORK/d.jar; tok=$(token /account/sign-in "$jar")
for i in 1 2; do post /account/sign-in "$jar" "$tok" "Input.Email=warm$i@example.com" "Input.Password=wrong" >/dev/null; done
for i in $(seq 1 9); do
  post /account/sign-in "$jar" "$tok" "Input.Email=nobody-t$i@example.com" "Input.Password=wrong password" >>"$WORK/unknown"
  post /account/sign-in "$jar" "$tok" "Input.Email=$EMAIL" "Input.Password=wrong password" >>"$WORK/known"
done
median() { awk '{print $2}' "$1" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "unknown email: statuses $(count < "$WORK/unknown") median $(median "$WORK/unknown") s"
echo "known email:   statuses $(count < "$WORK/known") median $(median "$WORK/known") s"
stop
rm -rf "$WORK"
