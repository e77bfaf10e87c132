#!/bin/sh
# `isms serve --watch ORG:PATH` follows a log as tail -F does: new lines
# become events, a rotated file is read to its end before the new one, a
# truncated one from its start, and a restart resumes at the saved offset
# without reading a line twice.
#   sh tests/cli/watch_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
export ISMS_ADMIN_PASSWORD=watch-test-password
log="$tmp/auth.log"
pid=

expect 0 "init" -- "$isms" init
expect 0 "org" -- "$isms" org add "Acme" --slug acme --role csc
printf '198.51.100.7\n192.0.2.1\n' >"$tmp/list.txt"
expect 0 "indicator" -- "$isms" ioc import --org acme "$tmp/list.txt"
expect 2 "a watch without its org" -- "$isms" serve --listen 127.0.0.1:0 --watch "$log"
expect 3 "a watch of no org" -- "$isms" serve --listen 127.0.0.1:0 --watch "nope:$log"

start() {
    "$isms" serve --listen 127.0.0.1:0 --threads 1 --watch "acme:$log" 2>"$tmp/serve.err" &
    pid=$!
    i=0
    while ! grep -q "listening on" "$tmp/serve.err" 2>/dev/null && [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
    done
}

stop() {
    kill -TERM "$pid" && wait "$pid"
    pid=
}
trap '[ -n "$pid" ] && kill "$pid"; rm -rf "$tmp"' EXIT

# The hits of 198.51.100.7 so far: the count of its one event.
hits() {
    "$isms" event list --org acme --q 198.51.100.7 --json | sed -n 's/^ *"count": \([0-9]*\),$/\1/p' | head -1
}

# wait_hits N: until the event counts N hits (at most 10 s).
wait_hits() {
    i=0
    while [ "$(hits)" != "$1" ] && [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    [ "$(hits)" = "$1" ]
}

line() { printf 'sshd[1]: Failed password for root from 198.51.100.7 port 22 %s\n' "$1"; }

line 1 >"$log"
line 2 >>"$log"
start
check "the server says what it watches" grep -q "watching $log for acme" "$tmp/serve.err"
check "two lines, two hits" wait_hits 2
printf 'sshd[1]: half a line from 198.51.100.7' >>"$log"
sleep 1.5
check "half a line waits for its end" wait_hits 2
printf ' and 192.0.2.1, now whole\n' >>"$log"
check "then counts once" wait_hits 3

# logrotate: the file moves, the writer adds to it, then a new file starts.
mv "$log" "$log.1"
line 4 >>"$log.1"
line 5 >"$log"
check "the rotated file read to its end, the new one from its start" wait_hits 5

: >"$log"
line 6 >>"$log"
check "a truncated file is read again from its start" wait_hits 6

stop
line 7 >>"$log"
line 8 >>"$log"
start
check "a restart resumes at the saved offset" wait_hits 8
sleep 1.5
check "and reads no line twice" wait_hits 8
stop
expect 0 "events" -- "$isms" event list --org acme --json
check "from the watched file" contains "$out" "\"origin\": \"watch:$log\""
check "numbered by the file's lines" sh -c 'grep -A8 "\"signature\": \"192.0.2.1\"" "$1" | grep -q "\"line\": 3,"' - "$tmp/out"
expect 0 "journal" -- "$isms" journal verify
finish watch_test
