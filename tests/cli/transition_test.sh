#!/bin/sh
# Transition 2013 -> 2022 from the command line: import a 2013 SoA (errors
# name line and column, nothing stored), the report in every format, the
# SoA draft and the risks of the new controls.
#   sh tests/cli/transition_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
export ISMS_ADMIN_PASSWORD=transition-test-password

expect 0 "init" -- "$isms" init
expect 0 "org" -- "$isms" org add "Acme" --slug acme --role csc

printf '管理策,適用,実施,理由\r\nA.99.1,適用,,\r\nA.5.1.1,たぶん,,\r\n' >"$tmp/bad.csv"
expect 2 "a bad file is refused" -- "$isms" transition import --org acme "$tmp/bad.csv"
check "the unknown control is named with line and column" contains "$err" \
    "bad.csv:2: column 1 (管理策): 'A.99.1' is not a control of ISO/IEC 27001:2013 Annex A"
check "the bad answer is named" contains "$err" "bad.csv:3: column 2 (適用)"
expect 0 "nothing was stored" -- "$isms" transition report --org acme --format json
check "no import on record" contains "$out" '"imported": null'

printf '\357\273\277管理策,適用,実施,理由\r\nA.5.1.1,適用,実施済,基本方針\r\n5.1.2,はい,一部,\r\nA.6.2.1,適用,,\r\nA.11.2.8,除外,,無人の端末はない\r\n' >"$tmp/soa2013.csv"
expect 0 "import" -- "$isms" transition import --org acme "$tmp/soa2013.csv"
check "says how many" contains "$out" "imported the decisions on 4 ISO/IEC 27001:2013 controls"

expect 0 "report as a table" -- "$isms" transition report --org acme
check "5.1 from its two sources" contains "$out" "A.5.1   A.5.1.1,A.5.1.2"
check "8.1 sources disagree" sh -c 'grep "^A.8.1 " "$1" | grep -q conflict' - "$tmp/out"
check "5.7 needs a risk assessment" sh -c 'grep "^A.5.7 " "$1" | grep -q assess' - "$tmp/out"

expect 0 "report as JSON" -- "$isms" transition report --org acme --format json
check "one object per 2022 control" sh -c '[ "$(grep -c "\"title_en\":" "$1")" -eq 93 ]' - "$tmp/out"
check "the 2013 ids" contains "$out" '"A.12.6.1"'
expect 0 "report as CSV" -- "$isms" transition report --org acme --format csv --output "$tmp/r.csv"
check "CSV with BOM and bilingual header" sh -c 'head -c 40 "$1" | grep -q "管理策番号 (2022)"' - "$tmp/r.csv"
expect 0 "report as xlsx" -- "$isms" transition report --org acme --format xlsx --output "$tmp/r.xlsx"
check "an xlsx file" sh -c 'head -c 2 "$1" | grep -q PK' - "$tmp/r.xlsx"

expect 0 "SoA draft" -- "$isms" transition draft-soa --org acme
check "one decided, one conflict" contains "$out" "1 controls decided from their 2013 sources, 0 already decided kept, 1 left undecided"
expect 0 "5.1 decided" -- "$isms" soa export --org acme --format json
check "carried over with its sources" contains "$out" "A.5.1.1, A.5.1.2 から移行: 基本方針"

expect 2 "risks need an owner from the command line" -- "$isms" transition risks --org acme
check "the refusal says how" contains "$err" "--owner"
expect 0 "risks" -- "$isms" transition risks --org acme --owner admin
check "one for each new control" contains "$out" "11 risks created for new controls"
expect 0 "again" -- "$isms" transition risks --org acme --owner admin
check "none twice" contains "$out" "0 risks created for new controls; 0 implemented, 0 excluded, 11 with a risk already"

expect 2 "unknown verb" -- "$isms" transition frobnicate --org acme
expect 2 "import needs a file" -- "$isms" transition import --org acme
expect 3 "unknown org" -- "$isms" transition report --org nobody
finish transition
