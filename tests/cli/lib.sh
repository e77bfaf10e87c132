# The harness every tests/cli/*_test.sh sources: a private database in a
# temporary directory, the expect/check assertions and the closing tally.
#   isms=$1; . "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ISMS_DB="$tmp/isms.db"
passed=0
failed=0

# expect STATUS DESCRIPTION -- COMMAND...: runs COMMAND, keeps stdout/stderr in $out/$err.
expect() {
    want=$1 what=$2
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    out=$(cat "$tmp/out") err=$(cat "$tmp/err")
    if [ "$got" -eq "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL: %s: exit %s, wanted %s\n  stdout: %s\n  stderr: %s\n' "$what" "$got" "$want" \
            "$out" "$err"
    fi
}

# check DESCRIPTION CONDITION...: a plain assertion.
check() {
    what=$1
    shift
    if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $what"; fi
}

contains() { case "$1" in *"$2"*) return 0 ;; *) return 1 ;; esac; }
lacks() { ! contains "$@"; }

# finish NAME: prints the tally; the script's exit status is whether all passed.
finish() {
    echo "$1: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
