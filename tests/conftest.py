"""Shared fixtures: gold tables, case files, and warehouses built once per session."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).with_name("cases")
sys.path.insert(0, str(ROOT))


def load_cases(name: str) -> list:
    with open(CASES / name, encoding="utf-8") as fh:
        cases = yaml.safe_load(fh)
    return [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(reason=c["xfail"], strict=True)]
                         if c.get("xfail") else []) for c in cases]


@pytest.fixture(scope="session")
def corpus_warehouse(tmp_path_factory) -> Path:
    """The shipped corpus (data/raw) built once for the session."""
    from pipeline.build import build

    wh = tmp_path_factory.mktemp("corpus") / "warehouse"
    build(ROOT / "data" / "raw", wh, progress=False, strict=True)
    return wh


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory) -> Path:
    """The township compilation alone, with its manifest row (塘桥镇, township, 2003)."""
    from pipeline.evaluate import build_seed

    return build_seed(tmp_path_factory.mktemp("seed"))


@pytest.fixture
def small_raw(tmp_path) -> Path:
    """A small raw folder: three national reports and their manifest rows."""
    raw = tmp_path / "raw"
    (raw / "national").mkdir(parents=True)
    src = ROOT / "data" / "raw" / "national"
    names = ["2012年国务院政府工作报告.txt", "2013年国务院政府工作报告.txt", "2014年国务院政府工作报告.txt"]
    for n in names:
        shutil.copy(src / n, raw / "national" / n)
    lines = (ROOT / "data" / "raw" / "manifest.csv").read_text(encoding="utf-8").splitlines()
    keep = [lines[0]] + [l for l in lines[1:] if any(n in l for n in names)]
    (raw / "manifest.csv").write_text("\n".join(keep) + "\n", encoding="utf-8")
    return raw
