"""Keep a cosmic-ray session to the rule functions named in its config; skip every other mutant.

The rule modules mix pure rules (thresholds, shares, ceilings, who may do what) with the async code
that reads and writes the database. Mutants of the async code are only killed by the stack tests,
which start PostgreSQL and NATS (a minute a mutant); the pure rules are killed by the unit tests in
seconds. So a run mutates what `[xianjie.scope]` names — per module, a list of function names, or
`"*sync"` for every synchronous function and method of the module — and nothing else.

With ``MUTATE_RECHECK=<an earlier session>`` only the mutants that survived there are kept: after
adding tests for the survivors, a recheck runs those few instead of the whole set.

Usage: python mutation/scope.py CONFIG SESSION
"""

from __future__ import annotations

import ast
import os
import sys
import tomllib
from pathlib import Path

from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult


def survivors_of(session: str) -> set[tuple[str, str, int]]:
    with use_db(session, WorkDB.Mode.open) as db:
        return {
            (str(m.module_path), m.operator_name, m.occurrence)
            for item, result in db.completed_work_items
            if result.test_outcome == TestOutcome.SURVIVED
            for m in item.mutations
        }


def line_ranges(path: Path, names: list[str]) -> list[tuple[int, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    ranges = []
    functions: list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            functions.append((node.name, node))
        elif isinstance(node, ast.ClassDef):
            for member in node.body:
                if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef):
                    functions.append((f"{node.name}.{member.name}", member))
    for name, node in functions:
        wanted = name in names or ("*sync" in names and isinstance(node, ast.FunctionDef))
        if wanted:
            # Decorators are part of the rule (a removed @validator is a broken rule).
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            ranges.append((first, node.end_lineno or node.lineno))
    missing = [n for n in names if n != "*sync" and n not in {f for f, _ in functions}]
    if missing:
        raise SystemExit(f"{path}: no function named {missing}")
    return ranges


def main(config_path: str, session: str) -> None:
    config = tomllib.loads(Path(config_path).read_text(encoding="utf-8"))
    scope: dict[str, list[str]] = config["xianjie"]["scope"]
    ranges = {Path(module): line_ranges(Path(module), names) for module, names in scope.items()}
    recheck = os.environ.get("MUTATE_RECHECK")
    only = survivors_of(recheck) if recheck else None
    skipped, kept = [], 0
    with use_db(session, WorkDB.Mode.open) as db:
        for item in db.pending_work_items:
            inside = all(
                any(start <= m.start_pos[0] <= end for start, end in ranges.get(Path(m.module_path), []))
                and (only is None or (str(m.module_path), m.operator_name, m.occurrence) in only)
                for m in item.mutations
            )
            if inside:
                kept += 1
            else:
                skipped.append(item.job_id)
        if skipped:
            db.set_multiple_results(
                skipped, WorkResult(output="outside the rule functions", worker_outcome=WorkerOutcome.SKIPPED)
            )
    print(f"scope: {kept} mutants in the rule functions, {len(skipped)} skipped")


if __name__ == "__main__":
    main(*sys.argv[1:])
