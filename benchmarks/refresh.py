"""Refresh costs: cold build, no-op rebuild, add-one rebuild (at two corpus sizes), Dask scaling, peak memory.

    python -m benchmarks.refresh [--sizes 200,2000] [--workers 1,2,4] [--out DIR]

Prints one line per figure. Peak memory is the build process's maximum RSS (ru_maxrss).
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .synth import make_corpus

ROOT = Path(__file__).resolve().parent.parent


def timed_build(raw: Path, wh: Path, *extra: str) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one `pipeline build` in its own process."""
    code = ("import resource, sys, time; from pathlib import Path; from pipeline.build import build; "
            "t=time.perf_counter(); build(Path(sys.argv[1]), Path(sys.argv[2]), progress=False, "
            "executor=sys.argv[3], workers=int(sys.argv[4]) or None); "
            "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)")
    executor, workers = (extra + ("local", "0"))[:2]
    p = subprocess.run([sys.executable, "-c", code, str(raw), str(wh), executor, workers], cwd=ROOT,
                       capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    if p.returncode:
        raise SystemExit(p.stderr)
    secs, rss = p.stdout.split()
    return float(secs), float(rss)


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
            noop, _ = timed_build(raw, wh)
            make_corpus(raw, 1, start=n)
            one, _ = timed_build(raw, wh)
            add_one[n] = one
            print(f"n={n}: cold {cold:.1f}s ({n / cold:.1f} docs/s, peak RSS {rss:.0f} MiB)  "
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
                secs, _ = timed_build(raw, tmp / f"wh_dask{w}", "dask", str(w))
                print(f"dask scaling, {args.dask_size} docs: {w} workers {args.dask_size / secs:.1f} docs/s "
                      f"({secs:.1f}s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
