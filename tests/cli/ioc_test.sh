#!/bin/sh
# An organization's indicators from the command line: lists and CSV, the
# errors of a bad line, idempotent re-import, the active period, and a log
# scan of the org's indicators.
#   sh tests/cli/ioc_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
fixtures=$(dirname "$0")/fixtures
export ISMS_ADMIN_PASSWORD=ioc-test-password

expect 0 "init" -- "$isms" init
expect 0 "org" -- "$isms" org add "Acme" --slug acme --role csc
expect 0 "other org" -- "$isms" org add "Other" --slug other --role csc
printf '1.2.3.4\nnot an indicator\nevil.example\n' >"$tmp/bad.txt"
expect 2 "a bad line stops the import" -- "$isms" ioc import --org acme "$tmp/bad.txt"
check "named with its line" contains "$err" "bad.txt:2: column 1 (value): 'not an indicator' is no IP address"
expect 0 "nothing stored" -- "$isms" ioc list --org acme
check "empty" sh -c '[ ! -s "$1" ]' - "$tmp/out"
expect 0 "--skip-bad" -- "$isms" ioc import --org acme --skip-bad "$tmp/bad.txt"
check "two new, one skipped" contains "$out" "2 indicators read, 2 new, 0 updated, 1 lines skipped"
expect 0 "the fixture list" -- "$isms" ioc import --org acme "$fixtures/ioc_list.txt"
check "seven new, two known" contains "$out" "9 indicators read, 7 new, 2 updated"
expect 0 "again: idempotent" -- "$isms" ioc import --org acme "$fixtures/ioc_list.txt"
check "nothing new" contains "$out" "9 indicators read, 0 new, 9 updated"

cat >"$tmp/ind.csv" <<'CSV'
value,type,threat,source,tlp,active_from,active_until,direction,confidence,tags
5.6.7.8,ipv4,Emotet C2,JPCERT/CC,TLP:AMBER,2026-01-01,2099-12-31,outbound,80,c2
9.9.9.9,ipv4,old campaign,x,green,2020-01-01,2020-12-31,,,
CSV
expect 0 "CSV with a header" -- "$isms" ioc import --org acme "$tmp/ind.csv"
expect 0 "as JSON" -- "$isms" ioc list --org acme --json
check "its fields" contains "$out" '"type":"ipv4","value":"5.6.7.8","threat":"Emotet C2","threat_ref":"","source":"JPCERT/CC","tlp":"amber","first_seen":null,"active_from":"2026-01-01","active_until":"2099-12-31","direction":"outbound","confidence":80,"tags":"c2"'
printf 'value,type,tlp\nevil.example,ipv4,amber\nbad.example,domain,purple\n' >"$tmp/wrong.csv"
expect 2 "a type that does not fit and a bad TLP" -- "$isms" ioc import --org acme "$tmp/wrong.csv"
check "the type" contains "$err" "wrong.csv:2: the type 'ipv4' does not fit the value (domain)"
check "the TLP" contains "$err" "wrong.csv:3: 'tlp' must be clear, green, amber, amber+strict or red"

printf 'a 5.6.7.8 b 9.9.9.9 c 11.2.3.45 d www.evil.example\n' >"$tmp/s.log"
expect 1 "a scan of the org's indicators" -- "$isms" log scan --org acme --json "$tmp/s.log"
check "an active indicator hits" contains "$out" '"value":"5.6.7.8"'
check "one outside its period does not" lacks "$out" '9.9.9.9'
check "a subdomain of a listed one does" contains "$out" '"indicator":"evil.example"'
expect 0 "another org has none of them" -- "$isms" log scan --org other "$tmp/s.log"
expect 2 "one source of indicators only" -- "$isms" log scan --org acme --indicators "$fixtures/ioc_list.txt" "$tmp/s.log"
expect 2 "CSV read as STIX is malformed JSON" -- "$isms" ioc import --org acme --format stix "$tmp/ind.csv"
check "says so" contains "$err" "malformed JSON"

expect 0 "a STIX 2.1 bundle" -- "$isms" ioc import --org acme "$fixtures/stix_bundle.json"
check "four indicators from three patterns" contains "$out" "4 indicators read, 4 new"
expect 0 "a MISP event" -- "$isms" ioc import --org acme "$fixtures/misp_event.json"
check "the four attributes meant for detection" contains "$out" "4 indicators read"
expect 0 "their fields" -- "$isms" ioc list --org acme --json
check "STIX: name, TLP from the bundle's marking, period, confidence" contains "$out" '"value":"198.51.100.7","threat":"Emotet C2","threat_ref":"","source":"STIX","tlp":"red","first_seen":null,"active_from":"2026-01-01","active_until":"2099-12-31","direction":"both","confidence":85'
check "STIX: the TLP 1.0 id of green" contains "$out" '"type":"sha256","value":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","threat":"dropper","threat_ref":"","source":"STIX","tlp":"green"'
check "MISP: ip-src is inbound" contains "$out" '"value":"203.0.113.9","threat":"Phishing campaign against finance","threat_ref":"","source":"MISP","tlp":"green","first_seen":null,"active_from":null,"active_until":null,"direction":"inbound"'
check "MISP: the address of ip-dst|port, outbound" contains "$out" '"value":"192.0.2.44"'
check "MISP: a to_ids false attribute is left out" lacks "$out" 'https://login-portal.example/a'
printf 'a 198.51.100.7 b http://old.example/x c 192.0.2.44\n' >"$tmp/feed.log"
expect 1 "the feeds' indicators in a scan" -- "$isms" log scan --org acme --json "$tmp/feed.log"
check "an active one hits" contains "$out" '"value":"198.51.100.7"'
check "an expired one does not" lacks "$out" 'old.example'

expect 0 "a MISP warning list" -- "$isms" ioc import --org acme "$fixtures/warninglist.json"
check "three allowed values" contains "$out" "3 indicators read, 2 new, 1 updated"
expect 0 "allowed in the list" -- "$isms" ioc list --org acme --json
check "marked allow" contains "$out" '"value":"198.51.100.7","threat":"Public DNS resolvers","threat_ref":"","source":"MISP warning list","tlp":"clear"'
expect 1 "an allowed value is no hit" -- "$isms" log scan --org acme --json "$tmp/feed.log"
check "suppressed" lacks "$out" '198.51.100.7'
check "the others still hit" contains "$out" '"value":"192.0.2.44"'
printf '{"name": "x", "type": "regex", "list": ["^a"]}' >"$tmp/regex.json"
expect 2 "a regex warning list is refused" -- "$isms" ioc import --org acme "$tmp/regex.json"
check "saying why" contains "$err" "holds no exact values"
finish ioc
