"""Every example in the commands' --help runs as written, in a folder laid out like the project
(data/raw holding three national reports; the warehouse where the defaults put it)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import EPILOGS

ROOT = Path(__file__).resolve().parent.parent
# build runs first (the other examples read its warehouse); the rest in the order of EPILOGS
ORDER = ["build"] + [c for c in EPILOGS if c != "build"]


def examples(command: str) -> list[str]:
    """The example command lines of one epilog; a line indented deeper continues the one above."""
    out: list[str] = []
    for line in EPILOGS[command].splitlines()[1:]:
        if line.startswith("  python -m pipeline"):
            out.append(line.strip())
        elif line.startswith("    ") and out:
            out[-1] += "\n" + line.strip()
    return [re.sub(r"\s+#[^'\"\n]*$", "", e) for e in out]


def test_every_command_has_examples():
    assert all(examples(c) for c in EPILOGS), "every command's --help needs an example"
    assert set(ORDER) == set(EPILOGS)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tuple[Path, dict]:
    small = tmp_path_factory.mktemp("project")
    raw = small / "data" / "raw" / "national"
    raw.mkdir(parents=True)
    for n in ("2012年国务院政府工作报告.txt", "2013年国务院政府工作报告.txt", "2014年国务院政府工作报告.txt"):
        (raw / n).write_bytes((ROOT / "data" / "raw" / "national" / n).read_bytes())
    bindir = small / "bin"
    bindir.mkdir()
    wrapper = bindir / "python"  # `python` in an example is this environment's (a link would lose the venv)
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    wrapper.chmod(0o755)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PIPELINE_RAW", None)
    env.pop("PIPELINE_WAREHOUSE", None)
    return small, env


@pytest.mark.slow
@pytest.mark.parametrize("command", ORDER)
def test_help_examples_run_as_written(project, command):
    cwd, env = project
    for example in examples(command):
        p = subprocess.run(["bash", "-o", "pipefail", "-c", example], cwd=cwd, env=env, capture_output=True, text=True,
                           timeout=300)
        assert p.returncode == 0, f"{example}\n{p.stdout[-1500:]}\n{p.stderr[-3000:]}"
        assert "Traceback" not in p.stderr, p.stderr
        if command == "build":
            for subject in ("documents", "facts", "warnings", "validation", "time"):
                assert re.search(rf"^  {subject} ", p.stderr, re.M) or "up to date" in p.stderr, p.stderr
        if command == "status":
            assert str((cwd / "data" / "raw").resolve()) in p.stdout and "built" in p.stdout
        if command == "report":
            assert (cwd / "plan_vs_actual.html").stat().st_size > 0
        if command == "query":
            assert "gdp_growth" in p.stdout or '"count_star()"' in p.stdout
