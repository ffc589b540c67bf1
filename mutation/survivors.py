"""The score of a cosmic-ray session over the mutants it ran (skipped ones are out of scope), and each
surviving mutant with its place and diff, to be explained in docs/testing.md.

Usage: python mutation/survivors.py SESSION
"""

from __future__ import annotations

import sys

from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome, WorkerOutcome


def main(session: str) -> None:
    killed, survived, incompetent = 0, [], 0
    with use_db(session, WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            if result.worker_outcome == WorkerOutcome.SKIPPED:
                continue
            if result.test_outcome == TestOutcome.SURVIVED:
                survived.append((item, result))
            elif result.test_outcome == TestOutcome.INCOMPETENT:
                incompetent += 1  # the mutant does not even import or times out: counted as killed
            else:
                killed += 1
    total = killed + incompetent + len(survived)
    score = 100 * (killed + incompetent) / total if total else 0.0
    print(f"mutants run: {total}, killed: {killed + incompetent}, survived: {len(survived)}, {score:.1f} %")
    survived.sort(key=lambda s: (str(s[0].mutations[0].module_path), s[0].mutations[0].start_pos))
    for item, result in survived:
        m = item.mutations[0]
        print(f"\n--- {m.module_path}:{m.start_pos[0]} {m.operator_name} #{m.occurrence}")
        print(result.diff or "")


if __name__ == "__main__":
    main(*sys.argv[1:])
