#!/bin/sh
# `isms risk`: what a user and a script rely on - outputs, files, exit statuses.
#   sh tests/cli/risk_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"
export ISMS_ADMIN_PASSWORD=cli-test-admin-password

expect 0 "risk --help" -- "$isms" risk --help
check "help names the subcommands" contains "$out" "isms risk treatment"
expect 2 "risk without a subcommand" -- "$isms" risk
expect 2 "unknown subcommand" -- "$isms" risk frobnicate
expect 0 "init" -- "$isms" init
expect 0 "provider org" -- "$isms" org add "Data Center" --slug dc --role csp
expect 0 "customer org" -- "$isms" org add "Customer" --slug cust --role csc
# Risk owners are members of their org.
expect 0 "provider's risk owner" -- "$isms" user add dcops --display-name "DC Ops"
expect 0 "in dc" -- "$isms" user role dcops --org dc --role risk_owner
expect 0 "customer's risk owner" -- "$isms" user add cio --display-name CIO
expect 0 "in cust" -- "$isms" user role cio --org cust --role risk_owner
expect 2 "an owner outside the org is refused" -- "$isms" risk add --org cust --title x \
    --owner "DC Ops" --likelihood 1 --impact 1
check "the refusal says why" contains "$err" "is not a member of this organization"

expect 2 "add needs --org" -- "$isms" risk add --title x --owner o --likelihood 1 --impact 1
expect 2 "add needs the scores" -- "$isms" risk add --org dc --title x --owner o
expect 2 "score out of range" -- "$isms" risk add --org dc --title x --owner o --likelihood 7 --impact 1
check "the range is named" contains "$err" "likelihood 7 is outside 0..4"
expect 0 "add a shared risk" -- "$isms" risk add --org dc --title "Backup lock-in" \
    --owner "DC Ops" --likelihood 3 --impact 4 --treatment modify --threat enisa:R9 --shared --json
check "level computed" contains "$out" '"level": 7'
check "band computed" contains "$out" '"band": "high"'
check "threat kept" contains "$out" '"threat": "enisa:R9"'
expect 0 "add a customer risk" -- "$isms" risk add --org cust --title "Backup unusable" \
    --owner CIO --likelihood 2 --impact 4 --treatment retain
check "table shows the retained residual" contains "$out" "awaiting_acceptance"

expect 0 "update changes only what is given" -- "$isms" risk update --org dc 1 --impact 1 --json
check "new level" contains "$out" '"level": 4'
check "title kept" contains "$out" '"title": "Backup lock-in"'
check "treatment kept" contains "$out" '"treatment": "modify"'
expect 3 "another org's risk is not found" -- "$isms" risk show --org cust 1
expect 3 "unknown risk" -- "$isms" risk show --org dc 99

expect 3 "no link to a provider the cloud register does not name" -- "$isms" risk link \
    --org cust 2 --provider dc --provider-risk 1
expect 0 "the customer takes a service from dc" -- "$isms" cloud add --org cust --name Hosting \
    --provider-org dc --model iaas --managed-by it --risk done --purpose within --cost company
expect 0 "link to the provider's shared risk" -- "$isms" risk link --org cust 2 --provider dc \
    --provider-risk 1
check "the provider risk is shown" contains "$out" "depends on dc risk #1: Backup lock-in"
expect 4 "a risk customers depend on is not deleted" -- "$isms" risk delete --org dc 1
expect 4 "nor unshared" -- "$isms" risk update --org dc 1 --not-shared
expect 0 "the provider sees who depends" -- "$isms" risk show --org dc 1
check "dependent org named" contains "$out" "1 risk(s) of cust depend on it"

expect 0 "select controls" -- "$isms" risk control --org dc 1 5.23 CLD.9.5.1
expect 0 "soa shows the risk basis" -- "$isms" soa show --org dc --json
check "justification names the risk" contains "$out" "risk #1: Backup lock-in"
expect 2 "unknown control" -- "$isms" risk control --org dc 1 A.99.9

expect 2 "accept needs --by" -- "$isms" risk accept --org cust 2
expect 2 "only the owner accepts" -- "$isms" risk accept --org cust 2 --by Mallory
expect 0 "owner accepts" -- "$isms" risk accept --org cust 2 --by CIO --json
check "acceptance recorded" contains "$out" '"accepted_by": "CIO"'
expect 0 "new residual scores" -- "$isms" risk update --org cust 2 --residual-likelihood 1 \
    --residual-impact 1 --json
check "acceptance cleared" contains "$out" '"acceptance": null'

expect 0 "add a plan item" -- "$isms" risk treatment --org dc 1 --add --action "Restore test" \
    --by SRE --due 2026-03-31
expect 2 "bad due date" -- "$isms" risk treatment --org dc 1 --add --action x --by y --due 2026-13-01
expect 0 "mark it done" -- "$isms" risk treatment --org dc 1 --item 1 --status done
check "status changed, action kept" contains "$out" "done        SRE                  Restore test"
expect 0 "list filters" -- "$isms" risk list --org dc --band medium --owner "DC Ops"
check "one match" contains "$out" "1 of 1 risks"
expect 0 "heat map" -- "$isms" risk heatmap --org dc --output "$tmp/h.svg"
check "svg written" grep -q "<svg" "$tmp/h.svg"
expect 0 "plan workbook" -- "$isms" risk plan --org dc --output "$tmp/plan.xlsx"
check "xlsx written" test "$(head -c 2 "$tmp/plan.xlsx")" = "PK"

expect 0 "unlink" -- "$isms" risk link --org cust 2 --unlink
expect 0 "then delete" -- "$isms" risk delete --org dc 1
expect 3 "gone" -- "$isms" risk show --org dc 1

finish "cli risk"
