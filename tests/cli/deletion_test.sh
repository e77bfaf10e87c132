#!/bin/sh
# Retention and deletion from the command line: rules from the law on
# assets, the due list (exit 1 while anything is overdue), deletion records.
#   sh tests/cli/deletion_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
export ISMS_ADMIN_PASSWORD=deletion-test-password

expect 0 "init" -- "$isms" init
expect 0 "org" -- "$isms" org add "Acme" --slug acme --role csc
expect 0 "templates" -- "$isms" deletion templates
check "corporate tax records, 7 years, their law" contains "$out" "corporate-tax          7y    created         法人税の帳簿書類 — 法人税法"
check "personnel records from leaving" contains "$out" "personnel              5y    employment_end"
expect 0 "templates as JSON" -- "$isms" deletion templates --json
check "bilingual" contains "$out" '"en": "Labour Standards Act art. 109'

expect 0 "an asset with a rule from the law" -- "$isms" asset add --org acme --name "2018年度 申告書" \
    --type paper --owner 経理部 --classification confidential --c 2 --i 2 --a 1 \
    --retention-template corporate-tax --basis-date 2018-05-31
check "its due date" contains "$out" "2025-05-31"
expect 2 "an unknown template" -- "$isms" asset add --org acme --name x --type paper --owner x \
    --classification internal --c 1 --i 1 --a 1 --retention-template forever
check "the refusal names it" contains "$err" "there is no retention template 'forever'"

expect 1 "the due list fails while something is overdue" -- "$isms" deletion due --org acme
check "the overdue asset" contains "$out" "2025-05-31 overdue    2018年度 申告書"
check "the counts" contains "$out" "1 overdue, 0 due within 30 days"
expect 2 "a deletion in the future" -- "$isms" deletion record --org acme --asset 1 --date 2999-01-01 --method shredding --by 経理部長
expect 2 "an unknown method" -- "$isms" deletion record --org acme --asset 1 --date 2026-12-01 --method burn --by 経理部長
expect 0 "record the deletion" -- "$isms" deletion record --org acme --asset 1 --date 2026-12-01 \
    --method 裁断 --by 経理部長 --evidence "溶解証明書 No.123"
expect 0 "nothing overdue any more" -- "$isms" deletion due --org acme --json
check "deleted" contains "$out" '"status": "deleted"'
expect 0 "the records" -- "$isms" deletion list --org acme
check "date, method, person, what" contains "$out" "2026-12-01 shredding    経理部長"
expect 2 "unknown verb" -- "$isms" deletion shred --org acme
finish deletion
