#!/bin/sh
# Fails when a file under src/LAYER/ includes a header of a layer that the
# table in docs/architecture.md (between the "layers" markers) does not let
# LAYER use. A file belongs to the longest layer its path starts with
# (src/web/http/router.c: web/http), and so does an included header. The
# CMake targets refuse the same includes; this names them all at once, and
# keeps the table in the document true.
set -eu
cd "$(dirname "$0")/.."
table=$(sed -n '/<!-- layers: begin -->/,/<!-- layers: end -->/p' docs/architecture.md |
        grep -E '^  [a-z/]+ +->' || true)
if [ -z "$table" ]; then
    echo "check-layers: no layer table in docs/architecture.md" >&2
    exit 1
fi
for dir in src/*/; do
    layer=$(basename "$dir")
    if ! printf '%s\n' "$table" | awk -v l="$layer" '$1 == l { found = 1 } END { exit !found }'; then
        echo "check-layers: src/$layer/ is not in the layer table of docs/architecture.md" >&2
        exit 1
    fi
done
grep -rnE '^#include "[a-z_]+/' src --include='*.c' --include='*.h' |
awk -v table="$table" '
    function layer_of(path,    best, name) {
        best = ""
        for (name in uses)
            if ((index(path, name "/") == 1) && length(name) > length(best))
                best = name
        return best
    }
    BEGIN {
        n = split(table, lines, "\n")
        for (i = 1; i <= n; i++) {
            m = split(lines[i], f, " +")
            name = f[2]
            uses[name] = " "
            for (j = 4; j <= m; j++)
                uses[name] = uses[name] f[j] " "
        }
    }
    {
        file = $0; sub(/:.*/, "", file); sub(/^src\//, "", file)
        header = $0; sub(/^[^"]*"/, "", header); sub(/".*/, "", header)
        from = layer_of(file); to = layer_of(header)
        if (from == "" || to == "" || from == to)
            next
        if (index(uses[from], " " to " ") == 0) {
            print "check-layers: " from " may not use " to ": " $0 > "/dev/stderr"
            bad = 1
        }
    }
    END { exit bad }
' || { echo "check-layers: see the layer table in docs/architecture.md" >&2; exit 1; }
echo "check-layers: ok"
