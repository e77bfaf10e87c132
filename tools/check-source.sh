#!/bin/sh
# Fails when C sources use a banned function (STYLE.md), skip isms_setup.h,
# differ from .clang-format, pass 800 lines, or include across the layers
# docs/architecture.md allows.
set -eu
cd "$(dirname "$0")/.."
status=0
banned='\b(sprintf|vsprintf|strcpy|strcat|strncpy|strtok|atoi|atol|gmtime|localtime|ctime|asctime|system|gets)[[:space:]]*\('
if grep -rnE "$banned" src tests/unit tests/fuzz --include='*.c' --include='*.h'; then
    echo "check-source: banned function used (see STYLE.md)" >&2
    status=1
fi
for f in $(find src tests/unit tests/fuzz -name '*.c' 2>/dev/null); do
    first=$(grep -m1 '^#include' "$f" || true)
    if [ "$first" != '#include "isms_setup.h"' ]; then
        echo "check-source: $f: first include must be \"isms_setup.h\"" >&2
        status=1
    fi
done
c_files=$(find src tests/unit tests/fuzz tools bench -name '*.[ch]' | sort)
# shellcheck disable=SC2086 # one argument per file
if ! clang-format --dry-run -Werror $c_files; then
    echo "check-source: run clang-format -i on the files above (.clang-format)" >&2
    status=1
fi
# One concept per file: a file past 800 lines is split by concern.
if find src -name '*.[ch]' -exec wc -l {} + | awk '$2 != "total" && $1 > 800 { print "check-source: " $2 " has " $1 " lines (at most 800)"; bad = 1 } END { exit !bad }' >&2; then
    status=1
fi
sh tools/check-layers.sh || status=1
[ $status -eq 0 ] && echo "check-source: ok"
exit $status
