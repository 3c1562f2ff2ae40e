"""Refresh costs: cold build, no-op rebuild, add-one rebuild (at two corpus sizes), Dask scaling, peak memory.

    python -m benchmarks.refresh [--sizes 200,2000] [--dask-size 2000 --workers 1,2,16]

Every figure is a whole `python -m pipeline build` process (start-up and imports included).
Peak memory is that process's maximum RSS (Dask workers are separate processes, not counted).
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .synth import make_corpus

ROOT = Path(__file__).resolve().parent.parent
LAST_LINK_SECONDS = 0.0


def timed_build(raw: Path, wh: Path, executor: str = "local", workers: int = 0) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one whole `python -m pipeline build` process; the seconds its
    linking stage took are left in ``LAST_LINK_SECONDS``."""
    global LAST_LINK_SECONDS
    cmd = [sys.executable, "-m", "pipeline", "build", "--raw", str(raw), "--warehouse", str(wh), "--quiet",
           "--executor", executor]
    if workers:
        cmd += ["--workers", str(workers)]
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    err = p.stderr.read().decode() if p.stderr else ""
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(err[-2000:])
    m = re.search(r"targets linked in ([\d.]+)s", err)
    LAST_LINK_SECONDS = float(m.group(1)) if m else 0.0
    return wall, usage.ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="200,2000")
    ap.add_argument("--workers", default="")
    ap.add_argument("--dask-size", type=int, default=0, help="documents for the Dask scaling run (0: skip)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        add_one = {}
        for n in [int(x) for x in args.sizes.split(",") if x]:
            raw, wh = tmp / f"raw{n}", tmp / f"wh{n}"
            make_corpus(raw, n)
            cold, rss = timed_build(raw, wh)
            link = LAST_LINK_SECONDS
            noop, _ = timed_build(raw, wh)
            make_corpus(raw, 1, start=n)
            one, _ = timed_build(raw, wh)
            add_one[n] = one
            print(f"n={n}: cold {cold:.1f}s ({n / cold:.1f} docs/s, peak RSS {rss:.0f} MiB; linking stage "
                  f"{link:.2f}s, {link / cold:.1%} of cold)  "
                  f"no-op {noop:.2f}s ({noop / cold:.1%} of cold)  add-one {one:.2f}s", flush=True)
        if len(add_one) == 2:
            a, b = sorted(add_one)
            print(f"add-one at {b} / add-one at {a}: {add_one[b] / add_one[a]:.2f}x")
        if args.dask_size:
            raw = tmp / "rawdask"
            make_corpus(raw, args.dask_size)
            secs, _ = timed_build(raw, tmp / "wh_local")
            print(f"dask scaling, {args.dask_size} docs: local executor {args.dask_size / secs:.1f} docs/s", flush=True)
            for w in [int(x) for x in args.workers.split(",") if x]:
                secs, _ = timed_build(raw, tmp / f"wh_dask{w}", "dask", w)
                print(f"dask scaling, {args.dask_size} docs: {w} workers {args.dask_size / secs:.1f} docs/s "
                      f"({secs:.1f}s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
