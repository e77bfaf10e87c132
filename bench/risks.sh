#!/bin/sh
# The risk register at scale. Generates ASSETS assets and RISKS risks for one
# organization in a fresh database (bench/gen_risks.c, one transaction each),
# then measures, in the same run and on the same machine:
#
#   GET /api/orgs/bench/risks with and without filters: wrk --latency p50/p99
#   and requests/s, against nginx serving the very same JSON bytes from a file
#   (the cost of answering at all), printed with the ratio isms/nginx;
#
#   GET /api/orgs/bench/risks/heatmap.svg: mean time of N sequential requests
#   (curl), against the sqlite3 CLI running the same GROUP BY query N times
#   (one process each, as a user would), with the ratio.
#
#   sh bench/risks.sh [SECONDS] [CONNECTIONS] [RISKS] [ASSETS] [linked]
#
# With `linked`, every second risk of the org links to a shared risk of a
# provider org (gen_risks --linked), so lists also show the provider's risks.
#
# Not part of `make test`: it takes a few minutes and installs wrk, nginx-light
# and sqlite3 when missing.
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
seconds=${1:-10}
connections=${2:-8}
risks=${3:-100000}
assets=${4:-$risks}
linked=${5:-}
case $linked in
    '') gen_flags= ;;
    linked) gen_flags=--linked ;;
    *) echo "bench: the fifth argument is 'linked' or nothing, not '$linked'" >&2; exit 2 ;;
esac
runs=20
build=${ISMS_BENCH_BUILD:-build-release}
bench_install wrk nginx-light sqlite3 curl
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DISMS_TESTS=OFF >/dev/null
cmake --build "$build" --target isms gen_risks >/dev/null

tmp=$(mktemp -d)
isms_pid= nginx_pid=
trap 'kill $isms_pid $nginx_pid 2>/dev/null || true; rm -rf "$tmp"' EXIT INT TERM
db=$tmp/isms.db
password=bench-admin-password

ISMS_ADMIN_PASSWORD=$password ./$build/isms init --db "$db" >/dev/null
./$build/gen_risks "$db" bench "$assets" "$risks" $gen_flags
bench_start_isms ./$build/isms "$db" "$tmp/isms.log"
base=$isms_base
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"name\": \"admin\", \"password\": \"$password\"}" "$base/api/session" |
    sed -n 's/^[Ss]et-[Cc]ookie: \(isms_session=[0-9a-f]*\).*/\1/p')
[ -n "$cookie" ] || { echo "bench: cannot sign in" >&2; exit 1; }

bench_start_nginx "$tmp"

# wrk --latency output -> "p50_ms p99_ms requests_per_s"
measure() {
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$1" | awk '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
            return v + 0
        }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Requests\/sec/ { rps = $2 }
        END { printf "%.2f %.2f %.0f\n", p50, p99, rps }'
}

echo
printf '%-34s %9s %9s %8s | %9s %9s %8s | %s\n' "GET /api/orgs/bench/risks" "p50 ms" "p99 ms" "req/s" \
    "nginx p50" "p99" "req/s" "p50 ratio isms/nginx"
n=0
for query in "" "?level_min=6" "?band=high&owner=CISO" "?treatment=retain&accepted=0" \
             "?asset=4242" "?q=0999" "?offset=50000&limit=100" "?limit=1000"; do
    n=$((n + 1))
    curl -sf -H "Cookie: $cookie" "$base/api/orgs/bench/risks$query" >"$tmp/www/case$n.json"
    set -- $(measure "$base/api/orgs/bench/risks$query")
    isms_p50=$1 isms_p99=$2 isms_rps=$3
    set -- $(measure "http://127.0.0.1:$nginx_port/case$n.json")
    printf '%-34s %9s %9s %8s | %9s %9s %8s | %.1f\n' "${query:-(no filter)}" "$isms_p50" \
        "$isms_p99" "$isms_rps" "$1" "$2" "$3" "$(awk -v a="$isms_p50" -v b="$1" 'BEGIN { print a / b }')"
done

# The heat map: N sequential requests vs N sqlite3 CLI runs of its GROUP BY.
heatmap_ms=$(for _ in $(seq $runs); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" \
        "$base/api/orgs/bench/risks/heatmap.svg"
done | awk '{ s += $1 } END { printf "%.2f", s / NR * 1000 }')
sql="SELECT likelihood, impact, vulnerability, count(*) FROM risks WHERE org_id = 1
     AND matrix_key = 'iso27005-5x5' GROUP BY likelihood, impact, vulnerability;"
start=$(date +%s%N)
for _ in $(seq $runs); do sqlite3 "$db" "$sql" >/dev/null; done
sqlite_ms=$(awk -v a="$start" -v b="$(date +%s%N)" -v n=$runs 'BEGIN { printf "%.2f", (b - a) / n / 1e6 }')
echo
echo "heat map (${risks} risks): isms ${heatmap_ms} ms per request (mean of $runs)"
echo "sqlite3 CLI, same GROUP BY: ${sqlite_ms} ms per run (mean of $runs, process start included)"
awk -v a="$heatmap_ms" -v b="$sqlite_ms" 'BEGIN { printf "ratio isms/sqlite3: %.2f\n", a / b }'
