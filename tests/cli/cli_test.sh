#!/bin/sh
# CLI behaviour a user and a CI pipeline rely on: outputs, files and exit statuses.
#   sh tests/cli/cli_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"

expect 2 "no command is a usage error" -- "$isms"
expect 0 "help lists commands" -- "$isms" --help
check "help names soa" contains "$out" "soa"
expect 2 "unknown command" -- "$isms" frobnicate
check "unknown command is named" contains "$err" "'frobnicate'"
for cmd in init serve org catalog soa; do
    expect 0 "$cmd --help" -- "$isms" "$cmd" --help
    check "$cmd --help prints usage" contains "$out" "usage: isms $cmd"
done

expect 0 "init creates the database" -- "$isms" init
check "database file exists" test -f "$tmp/isms.db"
check "init reports the catalogs" contains "$out" "iso27001-2022"
expect 0 "init twice is harmless" -- "$isms" init

expect 0 "catalog list" -- "$isms" catalog list
check "catalog list counts Annex A" contains "$out" "iso27001-2022    93"
expect 0 "catalog show control" -- "$isms" catalog show iso27001-2022 5.7 --lang en
check "5.7 is threat intelligence" contains "$out" "Threat intelligence"
check "5.7 is marked new" contains "$out" "new in ISO/IEC 27001:2022"
expect 3 "unknown catalog" -- "$isms" catalog show iso9001
expect 3 "unknown control" -- "$isms" catalog show iso27001-2022 9.9
expect 2 "bad --lang" -- "$isms" catalog list --lang fr

expect 0 "org add" -- "$isms" org add "Example Cloud KK" --role csp
check "org add prints the slug" contains "$out" "example-cloud-kk"
expect 0 "org add japanese name" -- "$isms" org add "利用者株式会社" --role csc --slug riyousha
expect 4 "duplicate slug" -- "$isms" org add "Other" --role csc --slug riyousha
check "conflict message names the slug" contains "$err" "'riyousha'"
expect 2 "bad role" -- "$isms" org add "X" --role cloud
expect 2 "missing role" -- "$isms" org add "X"
expect 0 "org list json" -- "$isms" org list --json
check "org list has both orgs" contains "$out" '"slug": "riyousha"'

expect 1 "soa check fails while undecided" -- "$isms" soa check --org riyousha
check "check lists A.5.1" contains "$out" "A.5.1 "
check "check counts 100 undecided" contains "$err" "100 of 100"
expect 3 "soa of unknown org" -- "$isms" soa check --org nobody
expect 2 "soa without --org" -- "$isms" soa show
expect 2 "applicable without basis" -- "$isms" soa set --org riyousha A.5.1 --applicable
expect 2 "bad implementation" -- "$isms" soa set --org riyousha A.5.1 --applicable --basis risk --implementation maybe
expect 0 "decide applicable" -- "$isms" soa set --org riyousha A.5.23 --applicable --basis risk,contract --implementation partial --owner "情報システム部"
check "decision printed" contains "$out" "applicable"
expect 0 "decide excluded" -- "$isms" soa set --org riyousha CLD.9.5.2 --excluded --exclusion "SaaS only: no virtual machines"
expect 3 "unknown control" -- "$isms" soa set --org riyousha A.5.38 --applicable --basis risk
expect 0 "soa show undecided" -- "$isms" soa show --org riyousha --undecided
check "98 undecided" contains "$out" "100 controls, 98 undecided"
expect 1 "provider still undecided everywhere" -- "$isms" soa check --org example-cloud-kk
check "provider has 100 undecided" contains "$err" "100 of 100"

expect 0 "csv export" -- "$isms" soa export --org riyousha --format csv --output "$tmp/soa.csv"
check "csv starts with BOM" test "$(head -c 3 "$tmp/soa.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf"
check "csv has header + 100 rows" test "$(wc -l <"$tmp/soa.csv")" -eq 101
check "csv carries the decision" grep -q '^A.5.23,.*リスク対応 / Risk treatment; 契約上の義務 / Contractual obligation' "$tmp/soa.csv"
expect 0 "xlsx export" -- "$isms" soa export --org riyousha --format xlsx --output "$tmp/soa.xlsx"
check "xlsx is a zip" test "$(head -c 2 "$tmp/soa.xlsx")" = "PK"
expect 0 "json export to stdout" -- "$isms" soa export --org riyousha --format json
check "json export has the excluded control" contains "$out" "SaaS only: no virtual machines"
expect 2 "unknown format" -- "$isms" soa export --org riyousha --format pdf

# Users: init created the administrator; passwords come from a file, the
# environment or the generator (printed once).
for cmd in user journal; do
    expect 0 "$cmd --help" -- "$isms" "$cmd" --help
    check "$cmd --help prints usage" contains "$out" "usage: isms $cmd"
done
expect 0 "user list" -- "$isms" user list
check "init created admin" contains "$out" " admin "
printf 'alice-password-1\n' >"$tmp/pw"
expect 0 "user add from a file" -- "$isms" user add alice --display-name "Alice 管理者" --password-file "$tmp/pw"
check "user add names the user" contains "$out" "'alice'"
expect 4 "duplicate user" -- "$isms" user add alice --password-file "$tmp/pw"
printf 'short\n' >"$tmp/short"
expect 2 "short password refused" -- "$isms" user add bob --password-file "$tmp/short"
check "says why" contains "$err" "at least 12 characters"
expect 2 "bad user name" -- "$isms" user add "Bob Smith" --password-file "$tmp/pw"
expect 0 "user add with a generated password" -- "$isms" user add bob
check "generated password shown" contains "$out" "password: "
expect 0 "role" -- "$isms" user role alice --org riyousha --role manager
check "role printed" contains "$out" "manager"
expect 2 "bad role" -- "$isms" user role alice --org riyousha --role boss
expect 3 "role in unknown org" -- "$isms" user role alice --org nobody --role auditor
expect 3 "passwd of unknown user" -- "$isms" user passwd nobody
expect 0 "passwd from the environment" -- env ISMS_USER_PASSWORD=alice-password-2 "$isms" user passwd alice
check "passwd did not print it" test "${out#*password: }" = "$out"
expect 0 "disable" -- "$isms" user disable bob
expect 0 "user list json" -- "$isms" user list --json
check "bob disabled in the list" sh -c 'tr -d " \n" <"$1" | grep -q "\"name\":\"bob\",\"display_name\":\"bob\",\"lang\":\"\",\"is_admin\":false,\"disabled\":true"' - "$tmp/out"
expect 2 "user without subcommand" -- "$isms" user
expect 2 "user add without name" -- "$isms" user add

# the journal: intact, listed, and tampering found.
expect 0 "journal verify" -- "$isms" journal verify
check "verify counts rows" contains "$out" "rows checked"
check "verify prints the head hash" sh -c 'grep -Eq "^head [0-9a-f]{64}$" "$1"' - "$tmp/out"
expect 0 "journal list" -- "$isms" journal list --limit 3
check "newest first: the disable" contains "$out" "user.update"
check "list shows the CLI actor" contains "$out" "cli:"
expect 0 "journal list of one org" -- "$isms" journal list --org riyousha --json
check "org list has the membership" contains "$out" '"action": "member.set"'
check "org list leaves out other orgs" test "${out#*example-cloud-kk}" = "$out"
expect 2 "bad limit" -- "$isms" journal list --limit 0
expect 3 "journal of unknown org" -- "$isms" journal list --org nobody
sqlite3 "$ISMS_DB" ".backup '$tmp/copy.db'"
sqlite3 "$ISMS_DB" "UPDATE journal SET entity = 'user:mallory' WHERE seq = 3"
expect 1 "an edited row is found" -- "$isms" journal verify
check "names the edited row" contains "$err" "row 3: row content does not match its hash (edited)"
sqlite3 "$tmp/copy.db" "DELETE FROM journal WHERE seq = 2"
expect 1 "a deleted row is found" -- "$isms" journal verify --db "$tmp/copy.db"
check "names where the row is missing" contains "$err" "row 2: row missing (deleted)"

finish "cli"
