#!/usr/bin/env bash
# PostgreSQL and several instances: publishes the Release build, seeds one PostgreSQL database
# (a throwaway server, bench/postgres-server.sh, as in test.sh), starts two app instances on it
# and nginx in front, then measures req/s and p50/p99 with wrk for the static file, the
# signed-in plan home and the question list: SQLite with one instance (the default set-up), PostgreSQL with one instance
# behind nginx, and PostgreSQL with two instances behind nginx. Installs wrk, nginx and
# postgresql when missing. Figures go in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${BENCH_SECONDS:-8}
connections=32

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

source bench/postgres-server.sh
work=$(mktemp -d /tmp/secondopinion-instances.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    stop_postgres
    rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing the Release build..."
dotnet publish src/SecondOpinion.Web -c Release -o "$work/app" -nologo -v q >/dev/null

start_postgres

# start_app <port> <provider> <connection string> <public origin>
start_app() {
    (cd "$work/app" && ASPNETCORE_URLS="http://127.0.0.1:$1" Database__Provider=$2 ConnectionStrings__SecondOpinion="$3" \
        App__PublicOrigin="$4" exec dotnet SecondOpinion.Web.dll >"$work/app-$1.log" 2>&1) &
    pids+=($!)
    for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0; sleep 0.2; done
    echo "The app on port $1 did not start:"; cat "$work/app-$1.log"; exit 1
}

seed() {
    (cd "$work/app" && Database__Provider=$1 ConnectionStrings__SecondOpinion="$2" dotnet SecondOpinion.Web.dll seed-benchmark 10) \
        | sed -n 's/.* with plan \([0-9a-f-]*\) .*/\1/p'
}

# measure <label> <base address> <plan>: signs in there, then one wrk run per URL.
measure() {
    local label=$1 base=$2 plan=$3 jar="$work/jar" sign_in_token cookie css
    rm -f "$jar"
    sign_in_token=$(curl -fsS -c "$jar" -b "$jar" "$base/account/sign-in" \
        | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
    curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$sign_in_token" \
        --data-urlencode "Input.Email=benchmark@example.com" --data-urlencode "Input.Password=benchmark kettle garden" "$base/account/sign-in"
    cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")
    css=$(curl -fsS "$base/" | grep -o '/css/site[^"]*\.css' | head -n 1)
    for target in "static css|$css|" "plan home|/plans/$plan|$cookie" "questions (50)|/plans/$plan/questions|$cookie"; do
        IFS='|' read -r name path with_cookie <<<"$target"
        got=$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $with_cookie" "$base$path")
        [ "$got" = 200 ] || { echo "$label, $name: answered $got"; exit 1; }
        COOKIE=$with_cookie CONNECTIONS=$connections wrk -t2 -c$connections -d2s -s bench/request.lua "$base$path" >/dev/null
        read -r rps p50 p99 _ < <(COOKIE=$with_cookie CONNECTIONS=$connections wrk -t2 -c$connections -d"${duration}s" --latency \
            -s bench/request.lua "$base$path" | awk '/^RESULT/ {print $2, $3, $4}')
        printf '%-34s %-16s %10s %8s %8s\n' "$label" "$name" "$rps" "$p50" "$p99"
    done
}

printf '%-34s %-16s %10s %8s %8s\n' "set-up" "url" "req/s" "p50 ms" "p99 ms"

sqlite="Data Source=$work/sqlite.db"
plan=$(seed Sqlite "$sqlite")
start_app 5401 Sqlite "$sqlite" "http://127.0.0.1:5401"
measure "SQLite, one instance" "http://127.0.0.1:5401" "$plan"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=bench"
plan=$(seed PostgreSQL "$postgres")
origin="http://127.0.0.1:5400"
start_app 5402 PostgreSQL "$postgres" "$origin"
start_app 5403 PostgreSQL "$postgres" "$origin"
# Port 5410: one instance behind nginx; port 5400: both, taken in turn.
cat >"$work/nginx.conf" <<EOF
pid $work/nginx.pid;
error_log $work/nginx-error.log;
worker_processes auto;
events { worker_connections 1024; }
http {
    access_log off;
    upstream one { server 127.0.0.1:5402; keepalive 64; }
    upstream two { server 127.0.0.1:5402; server 127.0.0.1:5403; keepalive 64; }
    server { listen 127.0.0.1:5410; location / { proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$http_host; } }
    server { listen 127.0.0.1:5400; location / { proxy_pass http://two; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$http_host; } }
}
EOF
nginx -c "$work/nginx.conf" -p "$work"
measure "PostgreSQL, one instance, nginx" "http://127.0.0.1:5410" "$plan"
measure "PostgreSQL, two instances, nginx" "$origin" "$plan"
