#!/bin/sh
# Fails when a file under src/LAYER/ includes a header of a layer that the
# table in docs/architecture.md (between the "layers:" markers) does not let
# LAYER use. The CMake targets refuse the same includes; this names them all
# at once, and keeps the table in the document true.
set -eu
cd "$(dirname "$0")/.."
table=$(sed -n '/<!-- layers: begin -->/,/<!-- layers: end -->/p' docs/architecture.md |
        grep -E '^  [a-z]+ +(->|may use)' | sed 's/may use/->/' || true)
if [ -z "$table" ]; then
    echo "check-layers: no layer table in docs/architecture.md" >&2
    exit 1
fi
status=0
for dir in src/*/; do
    layer=$(basename "$dir")
    allowed=$(printf '%s\n' "$table" | awk -v l="$layer" '$1 == l { for (i = 3; i <= NF; i++) print $i }')
    if ! printf '%s\n' "$table" | awk -v l="$layer" '$1 == l { found = 1 } END { exit !found }'; then
        echo "check-layers: src/$layer/ is not in the layer table of docs/architecture.md" >&2
        status=1
        continue
    fi
    for used in $(grep -rhoE '^#include "[a-z_]+/' "$dir" | sed 's/#include "//; s/\///' | sort -u); do
        [ "$used" = "$layer" ] && continue
        if ! printf '%s\n' "$allowed" | grep -qx "$used"; then
            grep -rnE "^#include \"$used/" "$dir" | sed "s/^/check-layers: $layer may not use $used: /" >&2
            status=1
        fi
    done
done
[ $status -eq 0 ] && echo "check-layers: ok"
exit $status
