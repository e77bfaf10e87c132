#!/bin/sh
# Business impact analysis from the command line: processes with their
# objectives, dependencies, the gap check (exit 1 while gaps remain),
# contacts and exercises.
#   sh tests/cli/bia_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
export ISMS_ADMIN_PASSWORD=bia-test-password

expect 0 "init" -- "$isms" init
expect 0 "org" -- "$isms" org add "Acme" --slug acme --role csc
expect 0 "a process" -- "$isms" bia process --org acme 受注処理 --mtpd 1d --rto 4h --rpo 1h --rlo 50
check "says its id" contains "$out" "business process 1: 受注処理"
expect 2 "an RTO longer than the MTPD" -- "$isms" bia process --org acme 出荷 --mtpd 2h --rto 4h
check "the refusal names the MTPD" contains "$err" "maximum tolerable period of disruption"
expect 2 "a bad duration" -- "$isms" bia process --org acme 出荷 --rto tomorrow
expect 0 "the check passes without dependencies" -- "$isms" bia check --org acme
check "no gaps" contains "$out" "0 gaps"

expect 0 "a dependency within the RTO" -- "$isms" bia depend --org acme 1 --ict 社内ネットワーク --recovery-time 2h
expect 0 "a dependency beyond it" -- "$isms" bia depend --org acme 1 --ict 基幹システム --recovery-time 2d
expect 2 "a dependency needs one kind" -- "$isms" bia depend --org acme 1 --recovery-time 2d
expect 3 "an unknown process" -- "$isms" bia depend --org acme 99 --ict x --recovery-time 1h
expect 1 "the check fails with a gap" -- "$isms" bia check --org acme
check "the gap is named" contains "$out" "受注処理: 基幹システム: recovers in 2d > RTO 4h"
check "one gap" contains "$out" "1 gaps"
expect 1 "the gaps as JSON" -- "$isms" bia check --org acme --json
check "the reason" contains "$out" '"reason": "rto"'

expect 0 "a contact" -- "$isms" bia contact --org acme "当番" --role CSIRT --phone 03-1234-5678
expect 2 "a contact needs a way to reach it" -- "$isms" bia contact --org acme "誰か"
expect 0 "an exercise" -- "$isms" bia exercise --org acme --date 2026-11-20 --process 1 \
    --scenario "基幹システム停止" --lessons "手順書が古い"
expect 2 "an exercise needs a date" -- "$isms" bia exercise --org acme --scenario x
expect 0 "show" -- "$isms" bia show --org acme
check "the table" contains "$out" "受注処理"
check "its objectives" contains "$out" "MTPD 1d    RTO 4h    RPO 1h    RLO  50%"
expect 0 "show as JSON" -- "$isms" bia show --org acme --json
check "the contact" contains "$out" '"phone": "03-1234-5678"'
check "the exercise" contains "$out" '"lessons": "手順書が古い"'
finish bia
