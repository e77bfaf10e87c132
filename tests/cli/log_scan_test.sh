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
check "per type" contains "$out" "domain   3"
check "the total" contains "$out" "total    10"
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
finish log_scan
