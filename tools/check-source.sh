#!/bin/sh
# Fails when C sources use a banned function (STYLE.md) or skip isms_setup.h.
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
sh tools/check-layers.sh || status=1
[ $status -eq 0 ] && echo "check-source: ok"
exit $status
