#!/bin/sh
# Events and incidents from the command line: a scan recorded as events
# (one event per indicator and source, merged on a second scan), a rule's
# alert as an event, an incident opened from events and handled to closed,
# its timeline, links and evidence.
#   sh tests/cli/incident_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
fixtures=$(dirname "$0")/fixtures
export ISMS_ADMIN_PASSWORD=incident-test-password

expect 0 "init" -- "$isms" init
expect 0 "org" -- "$isms" org add "Acme" --slug acme --role csc
expect 0 "other org" -- "$isms" org add "Other" --slug other --role csc
expect 0 "indicators" -- "$isms" ioc import --org acme "$fixtures/ioc_list.txt"
expect 2 "--record needs --org" -- "$isms" log scan --indicators "$fixtures/ioc_list.txt" --record "$fixtures/ioc_mixed.log"

expect 1 "scan recorded" -- "$isms" log scan --org acme --record --count "$fixtures/ioc_mixed.log"
check "ten hits" contains "$out" "total        10"
check "as new events" contains "$err" "ioc_mixed.log: 10 new events, 0 merged into earlier ones"
expect 1 "the same log again" -- "$isms" log scan --org acme --record --count "$fixtures/ioc_mixed.log"
check "merged, none new" contains "$err" "ioc_mixed.log: 0 new events, 10 merged into earlier ones"
expect 0 "events" -- "$isms" event list --org acme --json
check "the address, twice seen" contains "$out" '"signature": "1.2.3.4"'
check "counted" sh -c 'grep -A12 "\"signature\": \"1.2.3.4\"" "$1" | grep -q "\"count\": 2"' - "$tmp/out"
expect 0 "the other org sees none" -- "$isms" event list --org other
check "nothing" contains "$out" "0 of 0 events"

# Eight failed logins from one address within two minutes: one alert.
i=0
: >"$tmp/auth.log"
while [ $i -lt 9 ]; do
    printf 'Dec  3 11:00:%02d host sshd[9]: Failed password for root from 203.0.113.9 port 22 ssh2\n' $i >>"$tmp/auth.log"
    i=$((i + 1))
done
expect 1 "rules recorded" -- "$isms" log scan --org acme --record --rules builtin --count "$tmp/auth.log"
check "one alert" contains "$out" "alerts       1"
expect 0 "alert events" -- "$isms" event list --org acme --kind alert --json
check "the rule" contains "$out" '"signature": "sshd-brute-force"'
check "its source" contains "$out" '"source": "203.0.113.9"'
alert=$(sed -n 's/^ *"id": \([0-9]*\),$/\1/p' "$tmp/out" | head -1)
expect 2 "a bad kind" -- "$isms" event list --org acme --kind nope

expect 2 "a bad severity" -- "$isms" incident open --org acme --title "SSH" --severity huge
check "names the values" contains "$err" "low, medium, high or critical"
expect 0 "open from the alert" -- "$isms" incident open --org acme --title "SSH brute force on host" --severity high --event "$alert"
check "incident 1" contains "$out" "incident 1"
expect 4 "the event is taken" -- "$isms" incident open --org acme --title "again" --severity low --event "$alert"
check "says so" contains "$err" "is part of another incident"
expect 4 "closed before resolved" -- "$isms" incident set --org acme 1 --status closed
check "says what is missing" contains "$err" "set it to resolved first"
expect 0 "triage with a note" -- "$isms" incident set --org acme 1 --status triage --note "blocked 203.0.113.9 at the firewall"
expect 0 "link a control" -- "$isms" incident link --org acme 1 control 8.16
expect 3 "no such control" -- "$isms" incident link --org acme 1 control 99.1
expect 3 "no such asset" -- "$isms" incident link --org acme 1 asset 999
printf 'firewall change ticket 42\n' >"$tmp/ticket.txt"
expect 0 "evidence" -- "$isms" incident evidence --org acme 1 "$tmp/ticket.txt"
check "kept with its hash" contains "$out" "sha256 $(sha256sum "$tmp/ticket.txt" | cut -c1-64)"
expect 0 "resolved" -- "$isms" incident set --org acme 1 --status resolved
expect 0 "closed" -- "$isms" incident set --org acme 1 --status closed
expect 0 "show" -- "$isms" incident show --org acme 1 --json
check "closed" contains "$out" '"status": "closed"'
check "closed_at set" lacks "$out" '"closed_at": null'
check "the timeline has the status changes" contains "$out" '"text": "triage → resolved"'
check "the note" contains "$out" '"text": "blocked 203.0.113.9 at the firewall"'
check "the evidence entry" contains "$out" '"text": "ticket.txt"'
check "the link" contains "$out" '"ref": "A.8.16"'
check "the event" contains "$out" '"signature": "sshd-brute-force"'
expect 3 "another org's incident" -- "$isms" incident show --org other 1
expect 0 "list" -- "$isms" incident list --org acme --status closed
check "listed" contains "$out" "SSH brute force on host"
expect 0 "journal" -- "$isms" journal verify
finish incident_test
