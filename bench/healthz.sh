#!/bin/sh
# Requests per second of GET /healthz over keep-alive connections, against
# nginx serving the same bytes from a static file on the same machine in the
# same run. Prints both and the ratio isms/nginx.
#
#   sh bench/healthz.sh [SECONDS] [CONNECTIONS]
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
seconds=${1:-10}
connections=${2:-32}
bench_install wrk nginx-light curl
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DISMS_TESTS=OFF >/dev/null
cmake --build build-release >/dev/null

tmp=$(mktemp -d)
isms_pid= nginx_pid=
trap 'kill $isms_pid $nginx_pid 2>/dev/null || true; rm -rf "$tmp"' EXIT INT TERM

./build-release/isms init --db "$tmp/isms.db" >/dev/null
bench_start_isms ./build-release/isms "$tmp/isms.db" "$tmp/isms.log"
isms_url=$isms_base/healthz

bench_start_nginx "$tmp"
curl -s "$isms_url" >"$tmp/www/healthz"

rps() {
    wrk -t2 -c"$connections" -d"${seconds}s" "$1" | awk '/Requests\/sec/ {print $2}'
}
isms_rps=$(rps "$isms_url")
nginx_rps=$(rps "http://127.0.0.1:$nginx_port/healthz")
echo "isms  /healthz: $isms_rps requests/s"
echo "nginx /healthz: $nginx_rps requests/s (same bytes, static file)"
awk -v a="$isms_rps" -v b="$nginx_rps" 'BEGIN { printf "ratio isms/nginx: %.2f\n", a / b }'
