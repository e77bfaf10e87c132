# Shared by the bench/*.sh scripts (sourced): packages, the isms server under
# test and the nginx reference that serves the same bytes from files.

# bench_install PACKAGE...: installs the Debian packages that are missing.
bench_install() {
    sudo=$( [ "$(id -u)" = 0 ] || echo sudo )
    for p in "$@"; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' ||
            { $sudo apt-get update -qq &&
                  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$p"; }
    done
}

# bench_start_isms BINARY DB LOG: serves DB on a free loopback port; sets
# isms_pid and isms_base (http://127.0.0.1:PORT).
bench_start_isms() {
    "$1" serve --db "$2" --listen 127.0.0.1:0 >"$3" 2>&1 &
    isms_pid=$!
    for _ in $(seq 50); do grep -q 'listening on' "$3" && break; sleep 0.1; done
    isms_base=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$3")
}

# bench_start_nginx DIR: serves DIR/www as application/json on a free loopback
# port, keep-alive without a request limit; sets nginx_pid and nginx_port.
bench_start_nginx() {
    mkdir -p "$1/www"
    nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18081)
    cat >"$1/nginx.conf" <<CONF
worker_processes $(nproc);
pid $1/nginx.pid;
error_log $1/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$nginx_port;
        location / { root $1/www; default_type application/json; }
    }
}
CONF
    nginx -c "$1/nginx.conf" -g 'daemon off;' &
    nginx_pid=$!
    sleep 0.5
}
