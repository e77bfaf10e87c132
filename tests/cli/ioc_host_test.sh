#!/bin/sh
# Host indicators (file paths, registry keys) in host logs, indicators
# linked to a threat of the library, and STIX 2.1's TLP 2.0 markings.
#   sh tests/cli/ioc_host_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
fixtures=$(dirname "$0")/fixtures
export ISMS_ADMIN_PASSWORD=ioc-host-test-password

# Without a database: a Sysmon-like JSON log (doubled backslashes), auditd
# and an access log, with near misses beside each hit.
expect 1 "host hits" -- "$isms" log scan --indicators "$fixtures/ioc_paths.txt" --json "$fixtures/host_events.log"
check "four hits" sh -c '[ "$(wc -l <"$1")" -eq 4 ]' - "$tmp/out"
check "a Windows path, case and JSON escapes aside" contains "$out" '"line":1,"type":"file_path","value":"C:\\\\Windows\\\\Temp\\\\EVIL.EXE","indicator":"c:\\windows\\temp\\evil.exe"'
check "a longer file name is no hit" lacks "$out" '"line":2,'
check "a registry key, its hive abbreviated in the list" contains "$out" '"line":3,"type":"registry_key"'
check "a longer key is no hit" lacks "$out" '"line":4,'
check "a path under a variable" contains "$out" '"line":5,"type":"file_path","value":"%APPDATA%\\\\upd\\\\svc.dll"'
check "a POSIX path, quoted" contains "$out" '"line":6,"type":"file_path","value":"/tmp/.x/miner"'
check "POSIX paths have case and no suffix match" lacks "$out" '"line":7,'
check "a URL's path is no file" lacks "$out" '"line":8,'

expect 0 "init" -- "$isms" init
expect 0 "org" -- "$isms" org add "Acme" --slug acme --role csc
expect 0 "host indicators linked to a threat" -- "$isms" ioc import --org acme --threat ipa:1 "$fixtures/ioc_paths.txt"
check "four read" contains "$out" "4 indicators read, 4 new"
expect 0 "listed" -- "$isms" ioc list --org acme --json
check "a path's canonical form" contains "$out" '"type":"file_path","value":"c:\\windows\\temp\\evil.exe","threat":"","threat_ref":"ipa:1"'
check "a key's canonical form" contains "$out" '"type":"registry_key","value":"HKEY_LOCAL_MACHINE\\software\\microsoft\\windows\\currentversion\\run\\updater"'
expect 3 "an unknown threat" -- "$isms" ioc import --org acme --threat ipa:999 "$fixtures/ioc_paths.txt"
check "named" contains "$err" "the threat 'ipa:999' is not in the library"
printf 'value,threat,threat_ref\n5.6.7.8,Emotet C2,enisa:R9\n9.9.9.9,,nothing:1\n' >"$tmp/threats.csv"
expect 2 "a malformed threat reference" -- "$isms" ioc import --org acme "$tmp/threats.csv"
check "with its line" contains "$err" "threats.csv:3: 'threat_ref' must name a threat of the library"
printf 'value,threat,threat_ref\n5.6.7.8,Emotet C2,enisa:R9\n' >"$tmp/threats.csv"
expect 0 "a CSV threat_ref" -- "$isms" ioc import --org acme --threat ipa:1 "$tmp/threats.csv"
expect 0 "listed" -- "$isms" ioc list --org acme --json
check "the row's own threat wins" contains "$out" '"value":"5.6.7.8","threat":"Emotet C2","threat_ref":"enisa:R9"'

# STIX 2.1 with the OASIS TLP 2.0 marking ids and host patterns.
cat >"$tmp/tlp2.json" <<'JSON'
{"type": "bundle", "id": "bundle--t2", "objects": [
 {"type": "indicator", "spec_version": "2.1", "id": "indicator--k", "name": "persistence",
  "pattern_type": "stix", "valid_from": "2026-01-01T00:00:00Z",
  "pattern": "[windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\Run\\\\upd']",
  "object_marking_refs": ["marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"]},
 {"type": "indicator", "spec_version": "2.1", "id": "indicator--d", "name": "staging",
  "pattern_type": "stix", "valid_from": "2026-01-01T00:00:00Z",
  "pattern": "[directory:path = '/var/tmp/.stage']",
  "object_marking_refs": ["marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"]},
 {"type": "indicator", "spec_version": "2.1", "id": "indicator--r", "name": "c2",
  "pattern_type": "stix", "valid_from": "2026-01-01T00:00:00Z",
  "pattern": "[ipv4-addr:value = '203.0.113.50']",
  "object_marking_refs": ["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"]}]}
JSON
expect 0 "a STIX bundle with TLP 2.0 markings" -- "$isms" ioc import --org acme "$tmp/tlp2.json"
expect 0 "listed" -- "$isms" ioc list --org acme --json
check "TLP:AMBER+STRICT" contains "$out" '"value":"HKEY_CURRENT_USER\\software\\run\\upd","threat":"persistence","threat_ref":"","source":"STIX","tlp":"amber+strict"'
check "TLP:CLEAR" contains "$out" '"value":"/var/tmp/.stage","threat":"staging","threat_ref":"","source":"STIX","tlp":"clear"'
check "TLP:RED" contains "$out" '"value":"203.0.113.50","threat":"c2","threat_ref":"","source":"STIX","tlp":"red"'
printf '{"Event": {"info": "x", "Attribute": [{"type": "regkey|value", "value": "HKLM\\\\Software\\\\Evil|1", "to_ids": true}, {"type": "filename", "value": "evil.exe", "to_ids": true}, {"type": "filename", "value": "C:\\\\evil.exe", "to_ids": true}]}}' >"$tmp/misp.json"
expect 0 "MISP registry keys and file paths" -- "$isms" ioc import --org acme "$tmp/misp.json"
check "two taken, a bare file name left" contains "$out" "2 indicators read"
expect 1 "the org's host indicators in a scan" -- "$isms" log scan --org acme --count "$fixtures/host_events.log"
check "paths" contains "$out" "file_path    3"
check "keys" contains "$out" "registry_key 1"
finish ioc_host
