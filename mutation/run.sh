#!/usr/bin/env bash
# Mutation run of one target's rule functions (make mutate TARGET=funds). Never part of `make test`
# or .ci/run: a habit, not a gate. The tree is copied to a scratch directory first, because
# cosmic-ray writes each mutant into the source files — the working tree is never touched.
set -euo pipefail
target=${1:?usage: mutation/run.sh monitoring|employment|funds|assets|kit}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${MUTATE_BIN:-$root/.venv/bin}
work=${MUTATE_DIR:-${TMPDIR:-/tmp}/xianjie-mutate}/$target
rm -rf "$work" && mkdir -p "$work"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | rsync -a --from0 --files-from=- ./ "$work"/)
cd "$work"
# The copy, not an installed checkout, is what the tests import.
# No bytecode: a mutant of the same size written within the second of the last one must not be
# taken for it from a stale .pyc.
export PYTHONPATH=$work PATH=$bin:$PATH PYTHONDONTWRITEBYTECODE=1
config=mutation/$target.toml
session=$work/session.sqlite
setting() { python -c $'import sys, tomllib\nc = tomllib.load(open(sys.argv[1], "rb"))\nfor k in sys.argv[2:]:\n    c = c[k]\nprint(" ".join(c))' "$config" "$@"; }
modules=$(setting cosmic-ray module-path)
tests=$(setting xianjie tests)
# The test command goes through the pre-warmed runner (mutation/warm.py): a mutant costs its tests,
# not the import of FastAPI and SQLAlchemy.
python mutation/warm.py serve warm.sock $modules -- $tests > warm.log 2>&1 &
warm=$!
trap 'kill $warm 2>/dev/null || true' EXIT
for _ in $(seq 600); do grep -q ready warm.log 2>/dev/null && break; kill -0 $warm || { cat warm.log; exit 1; }; sleep 0.5; done
cosmic-ray init "$config" "$session"
cr-filter-operators "$session" "$config"
python mutation/scope.py "$config" "$session"
cosmic-ray baseline "$config"
cosmic-ray exec "$config" "$session"
cr-report "$session" --show-pending > report.txt
python mutation/survivors.py "$session" > survivors.txt
head -n 1 survivors.txt
echo "full report: $work/report.txt, surviving mutants: $work/survivors.txt"
