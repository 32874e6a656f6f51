#!/usr/bin/env bash
# Build the one-folder application and check it starts, analyses, paints and annotates the sample.
# Usage: packaging/smoke_test.sh [--no-build]     (from anywhere; needs the .venv of the README)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
APP=build/dist/khana/khana
SAMPLE=resources/samples/mehr-korea-russia.txt
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
[ -n "${DISPLAY:-}" ] && unset QT_QPA_PLATFORM

if [ "${1:-}" != "--no-build" ]; then
    started=$(date +%s)
    "$PY" -m PyInstaller packaging/khana.spec --noconfirm --distpath build/dist --workpath build/work --log-level WARN
    echo "build time: $(( $(date +%s) - started )) s"
fi
echo "bundle size: $(du -sh build/dist/khana | cut -f1) ($(find build/dist/khana -type f | wc -l) files)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Run from an unrelated folder so nothing is found through the source checkout by accident.
sample=$(realpath "$SAMPLE")
app=$(realpath "$APP")
(cd "$work" && KHANA_CACHE_DIR="$work/cache" "$app" --exit-when-ready --timings "$work/t" "$sample")
grep -Eq '^first-paint [0-9.]+$' "$work/t" || { echo "FAIL: no first-paint line in timings"; cat "$work/t"; exit 1; }
grep -Eq '^ready [0-9.]+$' "$work/t" || { echo "FAIL: no ready line in timings"; cat "$work/t"; exit 1; }
echo "window: $(tr '\n' ' ' < "$work/t")"

(cd "$work" && KHANA_CACHE_DIR="$work/cache" "$app" annotate "$sample" -o "$work/sample.json")
"$PY" - "$work/sample.json" <<'PYEOF'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
entities = data.get("entities", [])
assert entities, "no entities in the bundle's annotate output"
print(f"annotate: {len(entities)} entities")
PYEOF
echo "smoke test passed"
