#!/bin/sh
# The log engine from the command line: a fixture log with known hits and
# near-miss traps scanned against a list, exactly, without a database.
#   sh tests/cli/log_scan_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
fixtures=$(dirname "$0")/fixtures

expect 1 "hits found" -- "$isms" log scan --indicators "$fixtures/ioc_list.txt" --json "$fixtures/ioc_mixed.log"
check "ten hits, one a line" sh -c '[ "$(wc -l <"$1")" -eq 10 ]' - "$tmp/out"
check "the address" contains "$out" '"line":1,"type":"ipv4","value":"1.2.3.4","indicator":"1.2.3.4"'
check "the network holding an address" contains "$out" '"value":"10.1.2.3","indicator":"10.0.0.0/8","indicator_type":"cidr"'
check "a subdomain of a listed domain" contains "$out" '"value":"a.evil.example","indicator":"evil.example"'
check "an IPv6 address in a listed network" contains "$out" '"value":"2001:db8:0:0::5","indicator":"2001:db8::/32"'
check "a URL, whatever its case" contains "$out" '"value":"HTTP://PHISH.EXAMPLE/login","indicator":"http://phish.example/login"'
# The traps: a longer address, a longer domain, a longer hex run, a fifth octet.
check "11.2.3.45 does not hit 1.2.3.4" lacks "$out" '"line":2,'
check "yandex.com and x.co.uk do not hit x.co" sh -c '[ "$(grep -c "\"indicator\":\"x.co\"" "$1")" -eq 1 ]' - "$tmp/out"
check "34 hex digits are no MD5" sh -c '[ "$(grep -c "\"type\":\"md5\"" "$1")" -eq 1 ]' - "$tmp/out"
check "1.2.3.4.5 is no address" lacks "$out" '"line":9,'
check "the syslog time of a hit" contains "$out" '"line":1,"type":"ipv4","value":"1.2.3.4","indicator":"1.2.3.4","indicator_type":"ipv4","timestamp":"Dec  3 10:00:01"'
check "the access log time of a hit" contains "$out" '"timestamp":"03/Dec/2026:10:00:03 +0900"'
expect 2 "an unknown log format" -- "$isms" log scan --indicators "$fixtures/ioc_list.txt" --format apache "$fixtures/ioc_mixed.log"

expect 1 "counts" -- "$isms" log scan --indicators "$fixtures/ioc_list.txt" --count "$fixtures/ioc_mixed.log"
check "per type" contains "$out" "domain       3"
check "the total" contains "$out" "total        10"
expect 1 "standard input" -- sh -c "cat '$fixtures/ioc_mixed.log' | '$isms' log scan --indicators '$fixtures/ioc_list.txt' -"
check "named as -" contains "$out" "-:1: ipv4 1.2.3.4 (1.2.3.4)"

printf '1.2.3.4\nnot an indicator\n' >"$tmp/bad.txt"
expect 2 "a bad list line stops the scan" -- "$isms" log scan --indicators "$tmp/bad.txt" "$fixtures/ioc_mixed.log"
check "naming its line" contains "$err" "bad.txt:2: 'not an indicator' is no IP address"
expect 1 "--skip-bad goes on" -- "$isms" log scan --indicators "$tmp/bad.txt" --skip-bad "$fixtures/ioc_mixed.log"
printf 'nothing to see 11.2.3.45\n' >"$tmp/clean.log"
expect 0 "no hit exits 0" -- "$isms" log scan --indicators "$fixtures/ioc_list.txt" "$tmp/clean.log"
expect 2 "no file" -- "$isms" log scan --indicators "$fixtures/ioc_list.txt"
expect 2 "a file that is not there" -- "$isms" log scan --indicators "$fixtures/ioc_list.txt" "$tmp/none.log"

# Threshold rules: 9 failed sshd logins from one source within seconds, a
# slower one from another.
: >"$tmp/brute.log"
for i in 1 2 3 4 5 6 7 8 9; do
    printf 'Dec  3 10:00:0%s host sshd[12]: Failed password for root from 203.0.113.5 port 22 ssh2\n' "$i" >>"$tmp/brute.log"
done
for i in 10 20 30 40 50 55 58 59; do
    printf 'Dec  3 11:%s:00 host sshd[12]: Failed password for root from 203.0.113.7 port 22 ssh2\n' "$i" >>"$tmp/brute.log"
done
expect 0 "the built-in rules" -- "$isms" log rules
check "sshd brute force" contains "$out" "sshd-brute-force       8 in   120 s, then   60 s silent, by ip"
check "web scans" contains "$out" "web-scan"
expect 1 "one alert for the burst" -- "$isms" log scan --rules builtin --json "$tmp/brute.log"
check "one line" sh -c '[ "$(wc -l <"$1")" -eq 1 ]' - "$tmp/out"
check "the rule, the source, the window" contains "$out" '"line":8,"alert":"sshd-brute-force","name":"SSH brute force: 8 failed logins from one source within 120 s","key":"203.0.113.5","count":8,"first":'
printf 'bad rule\n' >"$tmp/rules.txt"
expect 2 "a bad rule file" -- "$isms" log scan --rules "$tmp/rules.txt" "$tmp/brute.log"
check "names the line" contains "$err" "rule line 1"
finish log_scan
