#!/bin/sh
# Control implementation from the command line: levels 梅/竹/松 with their
# guidance, status, reviews, evidence with its SHA-256, and the journal.
#   sh tests/cli/control_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
export ISMS_ADMIN_PASSWORD=control-test-password

expect 0 "init" -- "$isms" init
expect 0 "org" -- "$isms" org add "Acme Cloud" --slug acme --role csp
expect 0 "other org" -- "$isms" org add "Other" --slug other --role csc
expect 0 "8.16 applicable" -- "$isms" soa set --org acme 8.16 --applicable --basis risk
expect 0 "5.1 applicable" -- "$isms" soa set --org acme A.5.1 --applicable --basis legal

# The guidance: the 11 new controls, three levels each, in both languages.
expect 0 "levels" -- "$isms" control levels --json
check "11 controls of guidance" sh -c '[ "$(grep -c "\"control_id\": \"A\." "$1")" -eq 11 ]' - "$tmp/out"
check "8.16 basic names monitoring software" contains "$out" "監視ソフトウェア"
check "8.23 advanced names a secure web gateway" contains "$out" "secure web gateway"

expect 0 "list the applicable controls" -- "$isms" control list --org acme --json
check "two applicable controls" sh -c '[ "$(grep -c "\"control_id\":" "$1")" -eq 2 ]' - "$tmp/out"
check "nothing started yet" contains "$out" '"status": "not_started"'
check "8.16 is new in 2022" contains "$out" '"new": true'

expect 0 "raise 8.16 to 梅 with a target of 竹" -- "$isms" control set --org acme 8.16 \
    --status partial --level 梅 --target-level standard --review-interval 6 --last-review 2026-11-30 --json
check "level basic" contains "$out" '"level": "basic"'
check "next review follows the interval" contains "$out" '"next_review": "2027-05-30"'
expect 0 "raise 8.16 to 竹" -- "$isms" control set --org acme 8.16 --level standard --status implemented
expect 2 "a level above the target is refused" -- "$isms" control set --org acme 8.16 --level advanced
check "the refusal says why" contains "$err" "above the target level"
expect 2 "a control the SoA has not made applicable" -- "$isms" control set --org acme 5.2 --status planned
check "the refusal names the SoA" contains "$err" "not applicable in the Statement of Applicability"
expect 2 "bad status" -- "$isms" control set --org acme 8.16 --status done
expect 3 "unknown control" -- "$isms" control set --org acme 99.9 --status planned
expect 2 "an owner who is not a member" -- "$isms" control set --org acme 8.16 --owner nobody

printf 'monitoring report\n' >"$tmp/report.txt"
expect 0 "evidence file" -- "$isms" control evidence add --org acme 8.16 "$tmp/report.txt"
sum=$(sha256sum "$tmp/report.txt" | cut -d' ' -f1)
check "the file is kept with its SHA-256" contains "$out" "$sum"
expect 0 "evidence link" -- "$isms" control evidence add --org acme 8.16 \
    --url https://wiki.example/monitoring --name 監視手順
expect 2 "a link must be http(s)" -- "$isms" control evidence add --org acme 8.16 \
    --url javascript:alert --name x
expect 0 "show 8.16" -- "$isms" control show --org acme A.8.16 --json
check "two pieces of evidence" contains "$out" '"evidence_count": 2'
check "status implemented" contains "$out" '"status": "implemented"'

expect 0 "the other org has its own, empty record" -- "$isms" control list --org other --json
check "no controls for the other org" contains "$out" '"controls": []'
expect 0 "journal" -- "$isms" journal list --org acme --limit 5
check "changes are journaled" contains "$out" "control.set"
check "evidence is journaled" contains "$out" "control.evidence"
expect 0 "the chain is intact" -- "$isms" journal verify

finish control_test
