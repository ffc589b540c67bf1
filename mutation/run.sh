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
export PYTHONPATH=$work PATH=$bin:$PATH
session=$work/session.sqlite
cosmic-ray init mutation/$target.toml "$session"
cr-filter-operators "$session" mutation/$target.toml
python mutation/scope.py mutation/$target.toml "$session"
cosmic-ray baseline mutation/$target.toml
cosmic-ray exec mutation/$target.toml "$session"
cr-report "$session" --show-pending | tee "$work/report.txt" | tail -n 4
python mutation/survivors.py "$session" | tee "$work/survivors.txt"
echo "full report: $work/report.txt, surviving mutants: $work/survivors.txt"
