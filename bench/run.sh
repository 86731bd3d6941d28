#!/usr/bin/env bash
# Measures the app's speed: publishes the Release build, seeds a database, starts the app, signs
# in, and measures requests per second and p50/p99 latency with wrk for each URL below, as a
# ratio to the static css file; then p99 at a fixed rate of half the maximum; then the same on a
# database of 100,000 plans, and the ratio of the two runs. Figures go in docs/benchmarks.md.
#   bench/run.sh           the full run (about 10 minutes on 2 cores)
#   bench/run.sh --smoke   1 second per URL on a small database: checks that it all works
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=false
[ "${1:-}" = "--smoke" ] && smoke=true
duration=${BENCH_SECONDS:-8}
threads=2
connections=32
port=${BENCH_PORT:-5199}
sizes=(10 100000)
if $smoke; then duration=1; sizes=(10); fi

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk..."
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq wrk >/dev/null
fi

work=$(mktemp -d)
app_pid=""
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing the Release build..."
dotnet publish src/SecondOpinion.Web -c Release -o "$work/app" -nologo -v q >/dev/null

base="http://127.0.0.1:$port"
export ASPNETCORE_URLS="$base"
export App__PublicOrigin="$base"

start_app() {
    local db=$1
    export ConnectionStrings__SecondOpinion="Data Source=$db"
    (cd "$work/app" && exec dotnet SecondOpinion.Web.dll >"$work/app.log" 2>&1) &
    app_pid=$!
    for _ in $(seq 1 100); do
        curl -fsS "$base/health" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "The app did not start:"; cat "$work/app.log"; exit 1
}

stop_app() {
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}

# wrk_run <url> [rate]: prints "req/s p50 p99 error-answers requests timeouts" (ms); uses COOKIE, BODY, PATHS.
wrk_run() {
    local url=$1 rate=${2:-}
    RATE="$rate" CONNECTIONS=$connections wrk -t$threads -c$connections -d"${duration}s" --latency \
        -s bench/request.lua "$url" | awk '/^RESULT/ {print $2, $3, $4, $5, $6, $7}'
}

declare -A first_run
failed=0
for plans in "${sizes[@]}"; do
    db="$work/bench-$plans.db"
    echo
    echo "== Database with $plans other plans =="
    export ConnectionStrings__SecondOpinion="Data Source=$db"
    seeded=$(cd "$work/app" && dotnet SecondOpinion.Web.dll seed-benchmark "$plans")
    plan=$(sed -n 's/.* with plan \([0-9a-f-]*\) .*/\1/p' <<<"$seeded")
    request=$(sed -n 's/.*(records request \([0-9]*\)).*/\1/p' <<<"$seeded")
    sed -n 's|^write plan \(.*\)|/plans/\1/questions?handler=Add|p' <<<"$seeded" >"$work/write-paths"
    start_app "$db"

    # Sign in like a browser: the form's antiforgery token, then the post; cookies in a jar.
    jar="$work/cookies"; rm -f "$jar"
    token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | awk 'NR == 1' | sed 's/.*value="//; s/"$//'; }
    sign_in_token=$(curl -fsS -c "$jar" -b "$jar" "$base/account/sign-in" | token)
    curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$sign_in_token" \
        --data-urlencode "Input.Email=benchmark@example.com" --data-urlencode "Input.Password=benchmark kettle garden" \
        "$base/account/sign-in"
    cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")
    write_token=$(curl -fsS -b "$jar" "$base/plans/$plan/questions" | token)
    css=$(curl -fsS "$base/" | grep -o '/css/site[^"]*\.css' | awk 'NR == 1')

    names=("static css" "/health" "landing page" "plan home" "questions (50)" "records request" "add a question")
    urls=("$base$css" "$base/health" "$base/" "$base/plans/$plan" "$base/plans/$plan/questions" "$base/plans/$plan/records/$request" "$base/plans/$plan/questions?handler=Add")
    signed_in=(false false false true true true true)

    # prepare <index>: the cookie, and for the write its form body and the plans it spreads over.
    prepare() {
        export COOKIE="" BODY="" PATHS=""
        ${signed_in[$1]} && COOKIE=$cookie
        if [ "${names[$1]}" = "add a question" ]; then
            BODY="__RequestVerificationToken=$write_token&Input.Text=Is+there+a+test+that+would+help%3F"
            PATHS="$work/write-paths"
        fi
    }

    if ! $smoke; then
        # A first visit to the plan home: the page and everything it loads, compressed as sent.
        page_bytes=$(curl -fsS --compressed -b "$jar" -o "$work/home.html" -w '%{size_download}' "$base/plans/$plan")
        total=$page_bytes
        for asset in $(grep -o '\(href\|src\)="/[^"]*\.\(css\|js\|ico\)"' "$work/home.html" | sed 's/.*="//; s/"$//' | sort -u); do
            total=$((total + $(curl -fsS --compressed -o /dev/null -w '%{size_download}' "$base$asset")))
        done
        echo "First visit to the plan home: $total bytes transferred (page $page_bytes)"
    fi

    printf '%-18s %10s %8s %8s %8s\n' "url" "req/s" "p50 ms" "p99 ms" "x static"
    declare -A max_rate=()
    static_rate=""
    for i in "${!names[@]}"; do
        prepare "$i"
        # Warm up (JIT, view compilation, caches), and check the answer is the page, not a redirect to sign in.
        expected=200
        [ -n "$BODY" ] && expected=302
        for _ in 1 2 3; do
            if [ -n "$BODY" ]; then
                got=$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" --data "$BODY" "$base$(head -n 1 "$PATHS")")
            else
                got=$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "${urls[$i]}")
            fi
        done
        if [ "$got" != "$expected" ]; then
            echo "${names[$i]}: answered $got, expected $expected"; failed=1; continue
        fi
        $smoke || duration=2 wrk_run "${urls[$i]}" >/dev/null
        read -r rps p50 p99 errors count timeouts < <(wrk_run "${urls[$i]}")
        [ -z "$static_rate" ] && static_rate=$rps
        max_rate[$i]=$rps
        ratio=$(awk -v a="$rps" -v b="$static_rate" 'BEGIN { printf "%.2f", a / b }')
        printf '%-18s %10s %8s %8s %8s' "${names[$i]}" "$rps" "$p50" "$p99" "$ratio"
        if [ "$count" -eq 0 ] || [ "$errors" -gt 0 ]; then
            printf '  FAILED (%s error answers in %s requests)' "$errors" "$count"; failed=1
        fi
        [ "$timeouts" -gt 0 ] && printf '  (%s slower than 2 s, not counted)' "$timeouts"
        echo
        first_run["$plans,$i"]=$rps
    done

    if ! $smoke; then
        echo
        echo "At a fixed rate of half the maximum (wrk with a Lua delay per connection):"
        printf '%-18s %10s %8s %8s %8s\n' "url" "rate" "p50 ms" "p99 ms" "p99/p50"
        for i in "${!names[@]}"; do
            prepare "$i"
            half=$(awk -v r="${max_rate[$i]}" 'BEGIN { printf "%d", r / 2 }')
            read -r rps p50 p99 errors count timeouts < <(wrk_run "${urls[$i]}" "$half")
            printf '%-18s %10s %8s %8s %8s\n' "${names[$i]}" "$rps" "$p50" "$p99" "$(awk -v a="$p99" -v b="$p50" 'BEGIN { printf "%.1f", a / b }')"
        done
    fi
    stop_app
done

if ! $smoke; then
    echo
    echo "100,000 plans against 10 plans (req/s ratio):"
    for i in "${!names[@]}"; do
        printf '%-18s %8s\n' "${names[$i]}" "$(awk -v a="${first_run["100000,$i"]}" -v b="${first_run["10,$i"]}" 'BEGIN { printf "%.2f", a / b }')"
    done
fi

if [ "$failed" -ne 0 ]; then echo "Benchmark FAILED"; exit 1; fi
echo "Benchmark OK"
