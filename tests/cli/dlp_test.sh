#!/bin/sh
# `isms dlp scan`: a directory of text files with findings and near misses,
# JSON Lines with masked values only, binaries skipped, bad input refused.
#   sh tests/cli/dlp_test.sh /path/to/isms
set -u
isms=$1
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/share/sub"
printf 'お客様のカード番号: 4111 1111 1111 1111\nbad luhn 4111111111111112\n' >"$tmp/share/a.txt"
printf 'name,note\n山田,マイナンバー:123456789018\n' >"$tmp/share/sub/b.csv"
printf 'ordinary text\n' >"$tmp/share/clean.txt"
printf 'PK\003\004\000\000binary 4111111111111111' >"$tmp/share/c.xlsx"

expect 1 "findings" -- "$isms" dlp scan --json "$tmp/share"
check "two findings" sh -c '[ "$(wc -l <"$1")" -eq 2 ]' - "$tmp/out"
check "the card, masked, with its issuer" contains "$out" '"line":1,"column":30,"detector":"card","masked":"************1111","score":95,"confidence":"high","context":true,"issuer":"visa"'
check "the My Number by the word before it" contains "$out" '"detector":"my_number","masked":"********9018"'
check "never the full value" lacks "$out" '4111 1111 1111 1111'
check "a number failing Luhn is no finding" lacks "$out" '"line":2,"column":10'
check "the binary skipped" contains "$err" "(1 skipped)"
expect 0 "nothing in a clean file" -- "$isms" dlp scan "$tmp/share/clean.txt"
printf '極秘\n' >"$tmp/words"
printf 'これは極秘です\n' >"$tmp/doc.txt"
expect 1 "the user's keywords" -- "$isms" dlp scan --keywords "$tmp/words" "$tmp/doc.txt"
check "the keyword" contains "$out" "keyword 極秘"
expect 2 "bad confidence" -- "$isms" dlp scan --min-confidence some "$tmp/doc.txt"
expect 2 "no path" -- "$isms" dlp scan
expect 2 "a missing file" -- "$isms" dlp scan "$tmp/none.txt"
finish dlp
