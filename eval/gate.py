"""The evaluation gate: run each evaluation, compare with the floors in baseline.json.

A floor is never lowered silently: change baseline.json in its own commit with the measured figure.
``--fast`` runs only the gates marked fast (what ``make test`` runs); no flag runs all (``make eval``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--fast", action="store_true", help="only the fast gates")
    ap.add_argument("--only", nargs="*", default=None, help="gate names to run")
    args = ap.parse_args()
    baseline = json.loads((HERE / "baseline.json").read_text())
    epsilon = float(baseline.get("epsilon", 0.005))
    failures: list[str] = []
    for name, gate in baseline["gates"].items():
        if args.fast and not gate.get("fast", False):
            continue
        if args.only is not None and name not in args.only:
            continue
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            cmd = [sys.executable, str(HERE / gate["script"]), *gate.get("args", []), "--json", out.name]
            proc = subprocess.run(cmd, check=False)
            if proc.returncode != 0:
                failures.append(f"{name}: {gate['script']} exited {proc.returncode}")
                continue
            metrics = json.loads(Path(out.name).read_text() or "{}")
        if "skipped" in metrics:
            print(f"gate {name}: skipped ({metrics['skipped']})")
            continue
        if gate.get("fingerprint") and metrics.get("fingerprint") not in (None, gate["fingerprint"]):
            print(f"gate {name}: warning: gold fingerprint {metrics.get('fingerprint')} != {gate['fingerprint']}")
        if not gate["floors"]:
            print(f"gate {name}: ok (a check, no floors)")
        for metric, floor in gate["floors"].items():
            value = metrics.get(metric)
            if not isinstance(value, int | float):
                failures.append(f"{name}: metric {metric} missing")
            elif value < floor - epsilon:
                failures.append(f"{name}: {metric} = {value:.4f} below floor {floor:.4f}")
            else:
                print(f"gate {name}: {metric} = {value:.4f} (floor {floor:.4f}) ok")
    for failure in failures:
        print(f"GATE FAILED {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
