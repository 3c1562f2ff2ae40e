"""Extraction speed, whole process: `pipeline extract` on ~6 MB of national reports, against a bare
regex scan of the same text and (with --jionlp) JioNLP's money extractor, paragraph by paragraph,
run from its own virtual environment (benchmarks/.jionlp-venv; never a project dependency).

    python -m benchmarks.extract_speed [--mb 6] [--runs 5] [--jionlp]

Prints the median wall time of each over the runs, and the facts or matches each found.
"""
from __future__ import annotations

import argparse
import compileall
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JIONLP_VENV = Path(__file__).with_name(".jionlp-venv")

REGEX_SCAN = r"""
import re, sys
pat = re.compile(r"\d+(?:\.\d+)?(?:万亿|亿|万|千)?(?:%|元|人|吨|个|公里|亩)")
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    n += len(pat.findall(line))
print(n)
"""

JIONLP_SCAN = r"""
import sys, jionlp
n = 0
for para in open(sys.argv[1], encoding="utf-8"):
    if para.strip():
        n += len(jionlp.ner.extract_money(para))
print(n)
"""


def make_input(dest: Path, mb: float) -> Path:
    reports = sorted((ROOT / "data" / "raw" / "national").glob("*.txt"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in reports)
    out = dest / "2014年国务院政府工作报告_bench.txt"
    with open(out, "w", encoding="utf-8") as fh:
        size = 0
        while size < mb * 1e6:
            fh.write(text)
            size += len(text.encode("utf-8"))
    return out


def run_once(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and stdout of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode:
        raise SystemExit(f"{cmd[:3]} failed: {p.stderr[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.stdout


def run_interleaved(cmds: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float, str]]:
    """Each command once per round, rounds repeated: machine noise falls on all of them alike."""
    walls: dict[str, list[float]] = {k: [] for k in cmds}
    cpus: dict[str, list[float]] = {k: [] for k in cmds}
    outs: dict[str, str] = {}
    for _ in range(runs):
        for name, cmd in cmds.items():
            w, c, outs[name] = run_once(cmd)
            walls[name].append(w)
            cpus[name].append(c)
    return {k: (statistics.median(walls[k]), statistics.median(cpus[k]), outs[k]) for k in cmds}


def ensure_jionlp() -> Path | None:
    py = JIONLP_VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(JIONLP_VENV)], check=True)
        if subprocess.run([str(py), "-m", "pip", "install", "-q", "jionlp"]).returncode:
            return None
    return py


def compile_sources() -> None:
    """Bytecode for the project's modules, as pip writes it for an installed package (JioNLP's has it): with
    PYTHONDONTWRITEBYTECODE set, an editable install would otherwise compile every module in every run."""
    for package in ("extract", "pipeline"):
        compileall.compile_dir(ROOT / package, quiet=1)


def extraction_commands(f: Path, jionlp: bool) -> dict[str, list[str]]:
    """The whole-process commands timed on input ``f``: ours, the bare regex floor and, if asked, JioNLP."""
    compile_sources()
    cmds = {"pipeline extract": [sys.executable, "-m", "pipeline", "extract", str(f)],
            "bare regex scan": [sys.executable, "-c", REGEX_SCAN, str(f)]}
    if jionlp:
        py = ensure_jionlp()
        if py is None:
            print("jionlp: could not be installed here")
        else:
            cmds["jionlp extract_money"] = [str(py), "-c", JIONLP_SCAN, str(f)]
    return cmds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=6)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jionlp", action="store_true", help="also time JioNLP (installs it in its own venv)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        f = make_input(Path(tmp), args.mb)
        mb = f.stat().st_size / 1e6
        res = run_interleaved(extraction_commands(f, args.jionlp), args.runs)
        print(f"{mb:.1f} MB of national reports, whole process, median of {args.runs} interleaved runs:")
        for name, (wall, cpu, out) in res.items():
            found = (f"{len(out.splitlines())} facts of every kind" if name == "pipeline extract"
                     else f"{out.strip().splitlines()[-1]} matches")
            print(f"  {name:22s} wall {wall:5.2f}s  cpu {cpu:5.2f}s  ({mb / wall:.2f} MB/s)  {found}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
