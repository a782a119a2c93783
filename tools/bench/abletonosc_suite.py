"""AbletonOSC's own suite, run N times against a fresh ``roo sim --abletonosc``: how often all 54 pass.

Each run is what tests/remote_scripts/test_abletonosc_suite.py does (the suite from
``../shared/peer/abletonosc`` or MUSEAROO_ABLETONOSC_SUITE, copied to a scratch folder, run
unchanged), without its rerun: the first run's outcome is the figure. ``--burners K`` keeps K
CPU-bound processes (``while 1: pass``) running beside it, each in its own session (as another
user's job would be), or with ``--same-session`` in the bench's own session, which the project
test's in-memory Live and suite leave (they start in new sessions: Linux's autogroup gives each
session one CPU share). Prints JSON: runs with all tests passed, and each failure with its first
line, whether it counts as one of time (tests/remote_scripts/peer_suite.py), and the 1-minute
load average when its run started.
Usage: .venv/bin/python tools/bench/abletonosc_suite.py [--runs 6] [--burners 2] [--same-session]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests.* as a package, as documented

from tests.remote_scripts.peer_suite import timing_failures
from tests.remote_scripts.test_abletonosc_suite import SUITE, SUITE_SIZE, run_suite


def load_average() -> float:
    return os.getloadavg()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=6, help="suite runs (about 22 s each)")
    parser.add_argument("--burners", type=int, default=0, help="CPU-bound processes beside the runs")
    parser.add_argument(
        "--same-session", action="store_true", help="start the burners in this session, not each in its own"
    )
    args = parser.parse_args(argv)
    if not (SUITE / "tests" / "__init__.py").is_file():
        parser.error(f"AbletonOSC's suite is not at {SUITE} (set MUSEAROO_ABLETONOSC_SUITE)")
    burners = [
        subprocess.Popen([sys.executable, "-c", "while 1: pass"], start_new_session=not args.same_session)
        for _ in range(args.burners)
    ]
    runs: list[dict[str, Any]] = []
    try:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            shutil.copytree(SUITE, folder / "abletonosc", ignore=shutil.ignore_patterns("__pycache__"))
            for _ in range(args.runs):
                load = load_average()
                _, outcomes = run_suite(folder, ["abletonosc/tests"])
                timing, _ = timing_failures(outcomes)
                failures = {
                    o.name: {
                        "message": (o.message.splitlines() or [""])[0][:100],
                        "of_time": o.node in timing,
                    }
                    for o in outcomes
                    if not o.passed
                }
                runs.append(
                    {"load_1min": round(load, 2), "passed": sum(o.passed for o in outcomes), **failures}
                )
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
    counts = Counter(name for run in runs for name in run if name not in ("load_1min", "passed"))
    print(
        json.dumps(
            {
                "runs": len(runs),
                "burners": args.burners,
                "burners_in_this_session": args.same_session,
                "all_passed_runs": sum(run["passed"] == SUITE_SIZE for run in runs),
                "load_1min": [run["load_1min"] for run in runs],
                "failures_by_test": dict(counts.most_common()),
                "runs_detail": runs,
            },
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
