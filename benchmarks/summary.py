"""One run, interleaved medians: extraction speed against JioNLP and the bare regex floor, and cold builds
of the synthetic corpus with ``--workers 1`` and with the default pool, with peak memory.

    python -m benchmarks.summary [--runs 5] [--docs 2000] [--mb 6] [--no-jionlp] [--curve 1,2,4,8,16]

Every figure is a whole process (start-up and imports included). Runs are interleaved (each command once
per round, rounds repeated) so machine noise falls on all alike; the load average before and after is
printed, since a shared machine makes every figure slower. Peak memory is the largest sum of the resident
sets of the build and all its descendants (the pool's fork server and workers), sampled every 50 ms, and
the build process's own maximum RSS; CPU is the user and system time of the build and all its
descendants (each one's last sample; the build's own exact), which shows what the pool adds.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from pipeline.build import default_workers

from .extract_speed import extraction_commands, make_input, run_interleaved
from .synth import make_corpus

ROOT = Path(__file__).resolve().parent.parent
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _tree_usage(root: int, cpu: dict[int, float]) -> int:
    """Bytes resident in ``root`` and all its descendants now; ``cpu`` gets each one's CPU seconds so far
    (user + system, by pid: a process's last sample stands for it once it has ended). Linux /proc; 0
    elsewhere."""
    children: dict[int, list[int]] = {}
    try:
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(fields[1]), []).append(pid)
        if pid in cpu or pid == root:
            cpu[pid] = (int(fields[11]) + int(fields[12])) / TICK
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        cpu.setdefault(pid, 0.0)
        try:
            with open(f"/proc/{pid}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
    return total


def timed_build(raw: Path, wh: Path, workers: int = 0) -> tuple[float, float, float, float, str]:
    """Wall seconds, peak RSS of the process tree and of the build process (MiB), CPU seconds of the process
    tree (sampled: a process's CPU after its last sample is missed), and the summary line of one cold
    `python -m pipeline build` (``workers`` 0: the default)."""
    shutil.rmtree(wh, ignore_errors=True)
    cmd = [sys.executable, "-m", "pipeline", "build", "--raw", str(raw), "--warehouse", str(wh), "--quiet"]
    if workers:
        cmd += ["--workers", str(workers)]
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, done, cpu = [0], threading.Event(), {}

    def sample():
        while not done.wait(0.05):
            peak[0] = max(peak[0], _tree_usage(p.pid, cpu))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = p.stderr.read().decode() if p.stderr else ""
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    done.set()
    sampler.join()
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(err[-2000:])
    line = next((x for x in err.splitlines() if x.startswith("built ")), "")
    cpu[p.pid] = usage.ru_utime + usage.ru_stime  # the build process's own, exact
    return wall, peak[0] / 2**20, usage.ru_maxrss / 1024, sum(cpu.values()), line


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="interleaved rounds (medians are reported)")
    ap.add_argument("--mb", type=float, default=6, help="size of the extraction input")
    ap.add_argument("--docs", type=int, default=2000, help="documents in the synthetic corpus (0: no builds)")
    ap.add_argument("--no-jionlp", action="store_true", help="leave JioNLP out (it installs into its own venv)")
    ap.add_argument("--curve", default="", help="worker counts for a scaling curve, e.g. 1,2,4,8,16")
    args = ap.parse_args()
    print(f"machine: {default_workers()} cores; load average {_load()} (1, 5, 15 min) before", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        f = make_input(tmp, args.mb)
        mb = f.stat().st_size / 1e6
        res = run_interleaved(extraction_commands(f, not args.no_jionlp), args.runs)
        print(f"\nextraction, {mb:.1f} MB of national reports, whole process, median of {args.runs} interleaved runs:")
        ours = res["pipeline extract"][0]
        for name, (wall, cpu, out) in res.items():
            found = (f"{len(out.splitlines())} facts of every kind" if name == "pipeline extract"
                     else f"{out.strip().splitlines()[-1]} matches")
            vs = "" if name == "pipeline extract" else f"  takes {wall / ours:.2f}x the time of pipeline extract"
            print(f"  {name:22s} wall {wall:5.2f}s  cpu {cpu:5.2f}s  ({mb / wall:6.2f} MB/s)  {found}{vs}", flush=True)

        if args.docs:
            raw = tmp / "raw"
            make_corpus(raw, args.docs)
            configs = {"--workers 1": 1, f"default ({default_workers()} workers)": 0}
            configs.update({f"--workers {w}": w for w in (int(x) for x in args.curve.split(",") if x)
                            if w != 1 and f"--workers {w}" not in configs})
            walls: dict[str, list[float]] = {k: [] for k in configs}
            trees: dict[str, list[float]] = {k: [] for k in configs}
            selfs: dict[str, list[float]] = {k: [] for k in configs}
            cpus: dict[str, list[float]] = {k: [] for k in configs}
            lines: dict[str, set[str]] = {k: set() for k in configs}
            for _ in range(args.runs):
                for name, w in configs.items():
                    wall, tree, own, cpu, line = timed_build(raw, tmp / "wh", w)
                    walls[name].append(wall)
                    cpus[name].append(cpu)
                    trees[name].append(tree)
                    selfs[name].append(own)
                    lines[name].add(re.sub(r" in [\d.]+s|linked in [\d.]+s", "", line))
            base = statistics.median(walls["--workers 1"])
            print(f"\ncold build, {args.docs} synthetic documents, median of {args.runs} interleaved runs:")
            for name in configs:
                m = statistics.median(walls[name])
                print(f"  {name:22s} wall {m:6.1f}s ({m / base:5.1%} of --workers 1; {args.docs / m:5.1f} docs/s)  "
                      f"cpu {statistics.median(cpus[name]):5.1f}s all processes  peak RSS {max(trees[name]):5.0f} MiB all processes, {max(selfs[name]):5.0f} MiB the build "
                      f"process  [runs: {', '.join(f'{x:.1f}' for x in walls[name])}]", flush=True)
            summaries = {s for v in lines.values() for s in v}
            print(f"  the same documents and facts every run: {'yes' if len(summaries) == 1 else 'NO'}"
                  f" ({next(iter(summaries)) if len(summaries) == 1 else summaries})")
    print(f"\nload average {_load()} after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
