#!/bin/sh
# Checklists from the command line: the built-in templates, an own one from
# a file, a run with results, and the runs of a control.
#   sh tests/cli/checklist_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
export ISMS_ADMIN_PASSWORD=checklist-test-password

expect 0 "init" -- "$isms" init
expect 0 "org" -- "$isms" org add "Acme" --slug acme --role csp
expect 0 "list" -- "$isms" checklist list --org acme
check "IPA's 11 web vulnerabilities for 8.28" contains "$out" "ipa-secure-web             A.8.28    11 items"
check "the 8.9 settings" contains "$out" "configuration-security     A.8.9      8 items"
expect 0 "show" -- "$isms" checklist show --org acme configuration-security
check "clocks synchronised" contains "$out" "時刻（クロック）を同期させている"
expect 3 "an unknown template" -- "$isms" checklist show --org acme nothing

printf '8.9 初期パスワードを変更している\nA.8.15 ログを1年保存している\n\n手順書がある\n' >"$tmp/items.txt"
expect 0 "an own checklist" -- "$isms" checklist add --org acme --name サーバ点検 --control 8.9 "$tmp/items.txt"
check "three items" contains "$out" "checklist custom-1: サーバ点検 (3 items)"
expect 4 "the same name twice" -- "$isms" checklist add --org acme --name サーバ点検 "$tmp/items.txt"
printf '\n\n' >"$tmp/empty.txt"
expect 2 "a checklist without items" -- "$isms" checklist add --org acme --name 空 "$tmp/empty.txt"

expect 0 "start a run" -- "$isms" checklist start --org acme ipa-secure-web --title 顧客ポータル
check "its id" contains "$out" "checklist run 1"
expect 0 "an ok" -- "$isms" checklist record --org acme 1 --item 1 --result ok
expect 2 "a not ok needs a note" -- "$isms" checklist record --org acme 1 --item 5 --result ng
check "the refusal says so" contains "$err" "item 5 is not ok"
expect 0 "a not ok with its note" -- "$isms" checklist record --org acme 1 --item 5 --result 否 --note エスケープ漏れ
expect 3 "an item the run does not have" -- "$isms" checklist record --org acme 1 --item 40 --result ok
expect 0 "the run" -- "$isms" checklist run --org acme 1
check "item 5 with its finding" contains "$out" " 5 ng  A.8.28"
expect 0 "the runs of 8.28" -- "$isms" checklist list --org acme --control 8.28 --json
check "the run is there" contains "$out" '"title": "顧客ポータル"'
check "with its counts" contains "$out" '"ng": 1'
finish checklist
