#!/bin/sh
# Requests per second of GET /healthz over keep-alive connections, against
# nginx serving the same bytes from a static file on the same machine in the
# same run. Prints both and the ratio isms/nginx.
#
#   sh bench/healthz.sh [SECONDS] [CONNECTIONS]
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
sudo=$( [ "$(id -u)" = 0 ] || echo sudo )
for p in wrk nginx-light; do
    dpkg-query -W -f='${Status}\n' $p 2>/dev/null | grep -q '^install ok installed' ||
        { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $p; }
done
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DISMS_TESTS=OFF >/dev/null
cmake --build build-release >/dev/null

tmp=$(mktemp -d)
trap 'kill $isms_pid $nginx_pid 2>/dev/null || true; rm -rf "$tmp"' EXIT INT TERM

./build-release/isms init --db "$tmp/isms.db" >/dev/null
./build-release/isms serve --db "$tmp/isms.db" --listen 127.0.0.1:0 >"$tmp/isms.log" 2>&1 &
isms_pid=$!
for _ in $(seq 50); do grep -q 'listening on' "$tmp/isms.log" && break; sleep 0.1; done
isms_url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$tmp/isms.log")/healthz

mkdir -p "$tmp/www"
curl -s "$isms_url" >"$tmp/www/healthz"
nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18081)
cat >"$tmp/nginx.conf" <<CONF
worker_processes $(nproc);
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$nginx_port;
        location = /healthz { root $tmp/www; default_type application/json; }
    }
}
CONF
nginx -c "$tmp/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 0.5

rps() {
    wrk -t2 -c"$connections" -d"${seconds}s" "$1" | awk '/Requests\/sec/ {print $2}'
}
isms_rps=$(rps "$isms_url")
nginx_rps=$(rps "http://127.0.0.1:$nginx_port/healthz")
echo "isms  /healthz: $isms_rps requests/s"
echo "nginx /healthz: $nginx_rps requests/s (same bytes, static file)"
awk -v a="$isms_rps" -v b="$nginx_rps" 'BEGIN { printf "ratio isms/nginx: %.2f\n", a / b }'
