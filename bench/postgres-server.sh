# A throwaway PostgreSQL server, sourced by test.sh and bench/instances.sh: a new data directory
# under /tmp and a free loopback port, run as the postgres user when run as root (PostgreSQL
# refuses root). start_postgres [server options] sets pg_dir and pg_port; stop_postgres stops it
# and removes the directory.
pg_dir=""

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
    compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n 1
}

start_postgres() {
    local bin
    bin=$(pg_bin)
    pg_dir=$(mktemp -d /tmp/secondopinion-pg.XXXXXX)
    [ "$(id -u)" -ne 0 ] || chown postgres: "$pg_dir"
    pg_port=55432
    while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
    as_postgres "$bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
        && as_postgres "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o \
            "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 $*" start >/dev/null
}

stop_postgres() {
    [ -n "$pg_dir" ] || return 0
    as_postgres "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$pg_dir"
    pg_dir=""
}
