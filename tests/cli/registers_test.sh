#!/bin/sh
# Risk-management registers from the command line: assets (with CSV import
# that stores all or nothing), cloud services, threats and risk matrices.
#   sh tests/cli/registers_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
export ISMS_ADMIN_PASSWORD=registers-test-password

expect 0 "init" -- "$isms" init
expect 0 "customer org" -- "$isms" org add "Riyousha KK" --slug riyousha --role csc
expect 0 "provider org" -- "$isms" org add "Cloud KK" --slug cloudkk --role csp

# Cloud service register: the seed's shadow-cloud judgement.
expect 0 "IT-managed, assessed, in purpose" -- "$isms" cloud add --org riyousha --name "Mail" \
    --model saas --managed-by it --risk done --purpose within --cost company --provider-org cloudkk
expect 0 "department-managed service" -- "$isms" cloud add --org riyousha --name "Box" \
    --model saas --managed-by department --risk not_done --purpose within --cost company
expect 0 "personal contract" -- "$isms" cloud add --org riyousha --name "Private Drive" \
    --model saas --managed-by individual --risk not_done --purpose unapproved --cost individual
expect 0 "cloud list" -- "$isms" cloud list --org riyousha
check "Mail is legitimate, category 1" sh -c 'grep -qE "^1 +saas +1 +legitimate" "$1"' - "$tmp/out"
check "Box is shadow, category 2" sh -c 'grep -qE "^2 +saas +2 +shadow" "$1"' - "$tmp/out"
check "personal contract is category 4" sh -c 'grep -qE "^3 +saas +4 +shadow" "$1"' - "$tmp/out"
check "summary counts the shadow services" contains "$out" "3 cloud services, 2 shadow"
expect 2 "bad service model" -- "$isms" cloud add --org riyousha --name X --model xaas \
    --managed-by it --risk done --purpose within --cost company
expect 3 "another org does not see the services" -- "$isms" cloud show --org cloudkk 1

# Asset register: CSV import with Japanese headers, all or nothing.
printf '\357\273\277資産名,種別,管理責任者,機密区分,機密性,完全性,可用性,保管場所,クラウドサービス,保存期間,起算日,起算日付\n' >"$tmp/ok.csv"
printf '顧客名簿,情報,営業部長,秘,3,2,2,"本社, 3階",Box,10年,contract_end,2024-03-31\n' >>"$tmp/ok.csv"
printf '契約書,paper,総務,internal,2,2,1,書庫,,7y,created,2020-01-31\n' >>"$tmp/ok.csv"
expect 0 "import a Japanese register" -- "$isms" asset import --org riyousha "$tmp/ok.csv"
check "import counts the rows" contains "$out" "imported 2 assets"
printf 'name,type,owner,classification,C,I,A\nfine,information,o,public,1,1,1\nx,information,o,secret,4,1,1\ny,bogus,o,public,1,1,1\n' >"$tmp/bad.csv"
expect 2 "a file with bad rows is refused" -- "$isms" asset import --org riyousha "$tmp/bad.csv"
check "error names line 3 and column C" contains "$err" "bad.csv:3: column 5 (C)"
check "error names line 4 and the type" contains "$err" "bad.csv:4: column 2 (type)"
expect 0 "asset list" -- "$isms" asset list --org riyousha
check "nothing of the bad file was stored" contains "$out" "2 of 2 assets"
check "the good row of the bad file is not there" lacks "$out" "fine"
check "deletion due date: 10 years from contract end" contains "$out" "2034-03-31"
check "deletion due date: 7 years from creation" contains "$out" "2027-01-31"
expect 0 "filter by due date" -- "$isms" asset list --org riyousha --due-before 2030-01-01
check "only the contract is due before 2030" contains "$out" "1 of 1 assets"
expect 3 "another org cannot read the asset" -- "$isms" asset show --org cloudkk 1
expect 0 "csv export" -- "$isms" asset export --org riyousha --format csv --output "$tmp/a.csv"
check "csv export has a BOM" sh -c 'head -c 3 "$1" | od -An -tx1 | grep -q "ef bb bf"' - "$tmp/a.csv"
check "csv export has bilingual headers" grep -q "資産名 / Name" "$tmp/a.csv"
expect 2 "another org's export names services it does not have" -- \
    "$isms" asset import --org cloudkk "$tmp/a.csv"
check "the unknown service is named" contains "$err" "cloud service 'Box' is not in the cloud service register"
expect 0 "csv export imports back" -- "$isms" asset import --org riyousha "$tmp/a.csv"
check "round trip reads both rows" contains "$out" "imported 2 assets"
expect 0 "xlsx export" -- "$isms" asset export --org riyousha --format xlsx --output "$tmp/a.xlsx"
check "xlsx is a zip" sh -c 'head -c 2 "$1" | grep -q PK' - "$tmp/a.xlsx"

# Threat library and risk matrices.
expect 0 "ENISA threats" -- "$isms" threat list --source enisa --json
check "ENISA has R1..R35" test "$(grep -c '"ref": "enisa:R' "$tmp/out")" -eq 35
expect 0 "own threat" -- "$isms" threat add --org riyousha --name-ja "委託先からの漏えい"
expect 0 "own threats are listed for the org" -- "$isms" threat list --org riyousha --source own
check "own threat shown" contains "$out" "委託先からの漏えい"
expect 0 "other org's list" -- "$isms" threat list --org cloudkk --source own
check "own threat not shown to another org" lacks "$out" "委託先からの漏えい"
expect 0 "default matrix" -- "$isms" matrix show --org riyousha --lang en
check "27005 additive is the default" contains "$out" "iso27005-5x5"
expect 0 "switch to the Japanese method" -- "$isms" matrix use --org riyousha jp-atv-3
expect 0 "matrix in use" -- "$isms" matrix show --org riyousha
check "org now uses jp-atv-3" contains "$out" "jp-atv-3"
expect 3 "unknown matrix" -- "$isms" matrix use --org riyousha nope

finish "registers"
