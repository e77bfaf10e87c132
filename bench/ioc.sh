#!/bin/sh
# The log engine against grep -F, on the same list and the same log, in the
# same run: bench/gen_ioc.c writes an indicator list (120k IPv4, 190k
# domains, 25k SHA-256 by default) and a combined-format access log with
# planted hits and near-miss traps; then
#
#   isms log scan --indicators LIST --count LOG    (typed tokens, exact lookup)
#   LC_ALL=C grep -F -c -f LIST LOG                (substring search, the usual tool)
#
# each run RUNS times over a warm page cache; the medians give MB/s and the
# ratio isms/grep. grep counts lines holding any listed string (traps
# included: 1.2.3.4 inside 11.2.3.45); isms counts exact hits. The peak
# memory of each is printed too (GNU time).
#
#   sh bench/ioc.sh [MEGABYTES] [RUNS]
#
# Not part of `make test`.
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
megabytes=${1:-512}
runs=${2:-3}
build=${ISMS_BENCH_BUILD:-build-release}
bench_install time grep
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DISMS_TESTS=OFF >/dev/null
cmake --build "$build" --target isms gen_ioc >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
./$build/gen_ioc "$tmp/list.txt" "$tmp/access.log" "$megabytes"
bytes=$(wc -c <"$tmp/access.log")
cat "$tmp/access.log" >/dev/null

# median_seconds CMD...: the median wall time of RUNS runs of CMD.
median_seconds() {
    for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        # Not /dev/null: GNU grep sees it and stops at the first match, as -q.
        "$@" >"$tmp/run.out" 2>&1 || true
        end=$(date +%s.%N)
        awk -v s="$start" -v e="$end" 'BEGIN { print e - s }'
    done | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

peak_kib() {
    /usr/bin/time -f %M "$@" 2>&1 >"$tmp/run.out" | tail -1
}

isms_s=$(median_seconds ./$build/isms log scan --indicators "$tmp/list.txt" --count "$tmp/access.log")
grep_s=$(median_seconds env LC_ALL=C grep -F -c -f "$tmp/list.txt" "$tmp/access.log")
isms_hits=$(./$build/isms log scan --indicators "$tmp/list.txt" --count "$tmp/access.log" | awk '$1 == "total" { print $2 }')
grep_lines=$(LC_ALL=C grep -F -c -f "$tmp/list.txt" "$tmp/access.log" || true)
isms_kib=$(peak_kib ./$build/isms log scan --indicators "$tmp/list.txt" --count "$tmp/access.log")
grep_kib=$(peak_kib env LC_ALL=C grep -F -c -f "$tmp/list.txt" "$tmp/access.log")

awk -v b="$bytes" -v i="$isms_s" -v g="$grep_s" -v ih="$isms_hits" -v gl="$grep_lines" \
    -v im="$isms_kib" -v gm="$grep_kib" 'BEGIN {
    printf "log %.0f MB, %d runs (medians)\n", b / 1e6, '"$runs"'
    printf "isms log scan  %8.0f MB/s  %7d exact hits       peak %6.0f MB\n", b / 1e6 / i, ih, im / 1024
    printf "grep -F -f     %8.0f MB/s  %7d matching lines   peak %6.0f MB\n", b / 1e6 / g, gl, gm / 1024
    printf "ratio isms/grep %.2f\n", g / i
}'
