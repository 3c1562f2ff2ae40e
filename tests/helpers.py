"""Helpers shared by the tests: the repository root, the command line run as users run it, read-only queries.

Test modules import it by name (``from helpers import cli, query``): pytest puts this folder on ``sys.path``.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipeline.warehouse import connect_readonly

ROOT = Path(__file__).resolve().parent.parent


def cli_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment with PYTHONPATH set to the repository root, then ``env`` over it."""
    return {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}


def cli(*args: str, env: dict[str, str] | None = None, check: bool = False, cwd: Path = ROOT,
        timeout: float | None = None) -> subprocess.CompletedProcess:
    """The finished ``python -m pipeline *args``, run in ``cwd`` with :func:`cli_env` (``env`` over it), its
    output captured as text. With ``check``, a non-zero exit fails the test with the command's stderr."""
    p = subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True,
                       env=cli_env(env), timeout=timeout)
    if check:
        assert p.returncode == 0, p.stderr
    return p


def query(wh: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Every row of ``sql`` (with ``params``) on the warehouse's current build, read through
    ``pipeline.warehouse.connect_readonly``; the connection is closed whatever happens."""
    con = connect_readonly(wh)
    try:
        return con.execute(sql, params).fetchall() if params is not None else con.execute(sql).fetchall()
    finally:
        con.close()
