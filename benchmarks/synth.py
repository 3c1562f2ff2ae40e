"""A synthetic corpus made from the shipped reports: N documents, each made unique."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(dest: Path, n: int, start: int = 0) -> Path:
    """``n`` text documents under ``dest`` (national reports with a unique closing line each)."""
    src = sorted((ROOT / "data" / "raw" / "national").glob("*.txt"))
    manifest = {r["path"]: r for r in csv.DictReader(open(ROOT / "data" / "raw" / "manifest.csv", encoding="utf-8"))}
    dest.mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(start, start + n):
        s = src[i % len(src)]
        text = s.read_text(encoding="utf-8")
        name = f"doc{i:06d}_{s.name}"
        (dest / name).write_text(text + f"\n附:第{i}号副本,城镇新增就业{i % 997 + 1}万人。\n", encoding="utf-8")
        m = dict(manifest[f"national/{s.name}"])
        m["path"] = name
        rows.append(m)
    mpath = dest / "manifest.csv"
    exists = mpath.exists()
    with open(mpath, "a", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        if not exists:
            w.writeheader()
        w.writerows(rows)
    return dest


def reset(dest: Path) -> None:
    shutil.rmtree(dest, ignore_errors=True)
