#!/bin/sh
# The baseline of what the log rules match (8.16): three days of sshd
# failures from two noisy sources, then one hour in which a third source
# fails 40 times, too slowly for the brute-force threshold (8 in 120 s).
#   sh tests/cli/log_trend_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
fixtures=$(dirname "$0")/fixtures
log=$fixtures/auth_three_days.log
export TZ=UTC ISMS_ADMIN_PASSWORD=log-trend-test-password

expect 0 "the threshold rule misses it" -- "$isms" log scan --rules builtin --count "$log"
expect 1 "the baseline does not" -- "$isms" log trend "$log"
check "the source's hour" contains "$out" "2026-12-02 12:00 +0000  sshd-brute-force   203.0.113.9                 40 lines, baseline 0.0 ± 0.0"
check "the rule's total that hour" contains "$out" "(all sources)"
check "the noisy sources are their usual selves" lacks "$out" "198.51.100."
check "a day's lines" contains "$out" "sshd-brute-force   2026-12-02      82"
check "the week" contains "$out" "last 7 days 182, the 7 before none"
expect 1 "as JSON Lines" -- "$isms" log trend --json "$log"
check "a deviation" contains "$out" '{"kind":"deviation","rule":"sshd-brute-force","source":"203.0.113.9","hour":"2026-12-02T12:00:00+00:00","count":40,"mean":0.0,"stddev":0.0}'
check "a day" contains "$out" '{"kind":"day","rule":"sshd-brute-force","day":"2026-11-30","count":51}'
expect 0 "a stricter threshold" -- "$isms" log trend --min-count 50 "$log"
check "no deviation" contains "$out" "no hour deviates"
expect 2 "a bad number" -- "$isms" log trend --sigmas zero "$log"
check "named" contains "$err" "--sigmas takes a number"
expect 2 "nothing to read" -- "$isms" log trend

# Recorded: the counts are the org's baseline, a line counted once.
expect 0 "init" -- "$isms" init
expect 0 "org" -- "$isms" org add "Acme" --slug acme --role csc
head -n 120 "$log" >"$tmp/first.log"
tail -n +121 "$log" >"$tmp/rest.log"
expect 0 "the first part recorded" -- "$isms" log scan --org acme --rules builtin --record "$tmp/first.log"
expect 0 "the baseline so far" -- "$isms" log trend --org acme --days 3660
check "no deviation yet" contains "$out" "no hour deviates"
expect 0 "the rest recorded" -- "$isms" log scan --org acme --rules builtin --record "$tmp/rest.log"
expect 1 "the recorded baseline" -- "$isms" log trend --org acme --days 3660
check "the same deviation" contains "$out" "203.0.113.9                 40 lines"
check "the same days" contains "$out" "sshd-brute-force   2026-12-02      82"
finish log_trend
