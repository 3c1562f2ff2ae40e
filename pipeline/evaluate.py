"""Score the warehouse against the hand-checked gold tables in ``../shared/gold``.

Used by `make eval` (which prints every miss) and by the tests (which assert the
thresholds). Nothing here feeds back into extraction: gold values stay in gold files.
"""
from __future__ import annotations

import csv
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = Path(os.environ.get("GOLD_DIR", ROOT.parent / "shared" / "gold"))
SEED_FILE = "township/乡镇政府年终工作总结.txt"
SEED_MANIFEST = {"jurisdiction": "塘桥镇", "admin_level": "township", "report_year": "2003",
                 "doc_type": "year_end_summary"}
SECTION_PART = {"范文一": 1, "范文二": 2, "范文三": 3}
KIND = {"target": "target", "actual": "actual", "delta": "change", "milestone": "milestone"}
GOLD_UNIT_SCALE = {"万人": (Decimal(10000), "人"), "亿元": (Decimal(100000000), "元"), "万元": (Decimal(10000), "元")}


def read_gold(name: str) -> list[dict]:
    with open(GOLD_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def gold_value(v: str, unit: str) -> tuple[Decimal | None, str]:
    if v in ("", None):
        return None, unit
    scale, base = GOLD_UNIT_SCALE.get(unit, (Decimal(1), unit))
    return Decimal(v) * scale, base


# ---------------------------------------------------------------- seed

@dataclass
class SeedScore:
    required: int = 0
    found: int = 0
    facts: int = 0
    matched_facts: int = 0
    flagged_unmatched: int = 0
    part2_facts: int = 0
    negatives_clean: list[str] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    invented: list[dict] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 0.0

    @property
    def precision(self) -> float:
        counted = self.facts - self.flagged_unmatched
        return self.matched_facts / counted if counted else 0.0


def build_seed(work: Path) -> Path:
    """The township compilation alone, with its manifest row, built into ``work``."""
    from .build import build

    raw = work / "raw"
    (raw / "township").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "data" / "raw" / SEED_FILE, raw / SEED_FILE)
    with open(raw / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["path", *SEED_MANIFEST])
        w.writeheader()
        w.writerow({"path": SEED_FILE, **SEED_MANIFEST})
    build(raw, work / "warehouse", progress=False)
    return work / "warehouse"


def _fact_matches(f: dict, g: dict) -> bool:
    value, unit = gold_value(g["value"], g["unit"])
    high, _ = gold_value(g["value_high"], g["unit"])
    return (f["kind"] == KIND[g["kind"]] and f["unit"] == unit and f["value"] == value
            and (high is None or f["value_high"] == high))


def score_seed(wh: Path) -> SeedScore:
    from .warehouse import connect_readonly

    con = connect_readonly(wh)
    try:
        cur = con.execute("SELECT f.*, d.part, d.text FROM facts f JOIN documents d USING (doc_id)")
        cols = [c[0] for c in cur.description]
        facts = [dict(zip(cols, r)) for r in cur.fetchall()]
    finally:
        con.close()
    gold = read_gold("seed_gold.csv")
    s = SeedScore()
    used: set[str] = set()
    for g in gold:
        part = SECTION_PART[g["section"]]
        hits = [f for f in facts if f["part"] == part and _fact_matches(f, g)]
        if g["required"] == "yes":
            s.required += 1
            if hits:
                s.found += 1
            else:
                s.misses.append(g)
        used.update(f["fact_id"] for f in hits)
    for f in facts:
        if f["part"] == 2:
            s.part2_facts += 1
        s.facts += 1
        if f["fact_id"] in used:
            s.matched_facts += 1
        elif "corrupt_text" in (f["flags"] or []):
            s.flagged_unmatched += 1
        else:
            s.invented.append(f)
    for neg in read_gold("seed_negatives.csv"):
        for f in facts:
            text = f["text"]
            pos = text.find(neg["raw"])
            if pos < 0:
                continue
            overlap = f["span_start"] < pos + len(neg["raw"]) and f["span_end"] > pos
            if overlap and "corrupt_text" not in (f["flags"] or []):
                s.negatives_clean.append(f"{neg['raw']} -> {f['surface']}")
    return s


# ---------------------------------------------------------------- national and provincial

@dataclass
class DevScore:
    name: str
    rows: int = 0
    found: int = 0
    pairs: int = 0
    joined: int = 0
    contradicted: int = 0
    absent_violations: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    unjoined: list[str] = field(default_factory=list)
    by_indicator: dict[str, list[int]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.found / self.rows if self.rows else 0.0

    @property
    def join_rate(self) -> float:
        return self.joined / self.pairs if self.pairs else 0.0

    @property
    def error_rate(self) -> float:
        return (self.contradicted + self.absent_violations) / self.rows if self.rows else 0.0


def score_dev(wh: Path, gold_file: str, absent_file: str = "absent_dev.csv") -> DevScore:
    from .warehouse import connect_readonly

    con = connect_readonly(wh)
    try:
        cur = con.execute("SELECT jurisdiction, indicator, period_year, kind, report_year, value, value_high, "
                          "surface, flags FROM facts")
        facts = cur.fetchall()
        pva = con.execute("SELECT jurisdiction, indicator, period_year, target_value, actual_value "
                          "FROM plan_vs_actual").fetchall()
    finally:
        con.close()
    index: dict[tuple, list[tuple]] = {}
    for j, ind, py, kind, ry, v, vh, surface, flags in facts:
        index.setdefault((j, ind, py, kind, ry), []).append((v, vh, surface))
    gold = read_gold(gold_file)
    s = DevScore(gold_file, rows=len(gold))
    jurisdictions = {g["jurisdiction"] for g in gold}
    by_key: dict[tuple, dict[str, Decimal]] = {}
    for g in gold:
        value, _ = gold_value(g["value"], g["unit"])
        high, _ = gold_value(g["value_high"], g["unit"])
        key = (g["jurisdiction"], g["indicator_id"], int(g["data_year"]), g["kind"], int(g["report_year"]))
        cands = index.get(key, [])
        ok = any(v == value and (high is None or vh == high) for v, vh, _ in cands)
        stat = s.by_indicator.setdefault(g["indicator_id"], [0, 0])
        stat[1] += 1
        if ok:
            s.found += 1
            stat[0] += 1
        else:
            s.misses.append(f"{key} gold {g['value']}{g['unit']} «{g['quote']}» got {[str(c[0]) for c in cands]}")
        wrong = [c for c in cands if c[0] != value]
        if wrong:
            s.contradicted += 1
            s.wrong.append(f"{key} gold {g['value']} but also {[(str(c[0]), c[2]) for c in wrong]}")
        by_key.setdefault(key[:3], {})[g["kind"]] = value
    pva_set = {(j, i, py, tv, av) for j, i, py, tv, av in pva}
    for (j, ind, year), kinds in by_key.items():
        if "target" in kinds and "actual" in kinds:
            s.pairs += 1
            if (j, ind, year, kinds["target"], kinds["actual"]) in pva_set:
                s.joined += 1
            else:
                s.unjoined.append(f"{(j, ind, year)} target {kinds['target']} actual {kinds['actual']}")
    for a in read_gold(absent_file):
        if a["jurisdiction"] not in jurisdictions:
            continue
        hits = [k for k in index if k[:4] == (a["jurisdiction"], a["indicator_id"], int(a["data_year"]), a["kind"])]
        if hits:
            s.absent_violations += 1
            s.wrong.append(f"absent {a['jurisdiction']} {a['indicator_id']} {a['data_year']} {a['kind']} "
                           f"but found {[(str(v), sf) for k in hits for v, _, sf in index[k]]}")
    return s


def main() -> int:
    from .build import build

    print("building the shipped corpus ...", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        wh = tmp / "corpus"
        build(ROOT / "data" / "raw", wh, progress=False)
        seed = score_seed(build_seed(tmp / "seed"))
        print(f"\n== seed_gold.csv (township, 塘桥镇 2003)\n"
              f"recall {seed.recall:.3f} ({seed.found}/{seed.required} required rows)  "
              f"precision {seed.precision:.3f} ({seed.matched_facts}/{seed.facts - seed.flagged_unmatched} "
              f"unflagged facts; {seed.flagged_unmatched} flagged corrupt)  范文二 facts: {seed.part2_facts}  "
              f"clean facts from negatives: {len(seed.negatives_clean)}")
        for g in seed.misses:
            print(f"  missed  {g['kind']} {g['value']} {g['unit']}  «{g['raw']}»")
        for f in seed.invented:
            print(f"  invented {f['kind']} {f['value']} {f['unit']}  «{f['surface']}» in «{f['sentence'][:60]}»")
        for n in seed.negatives_clean:
            print(f"  negative gave a clean fact: {n}")
        for gold_file in ("national_gold_dev.csv", "provincial_gold_dev.csv"):
            s = score_dev(wh, gold_file)
            print(f"\n== {gold_file}\nvalues found {s.recall:.3f} ({s.found}/{s.rows})  "
                  f"pairs joined in plan_vs_actual {s.join_rate:.3f} ({s.joined}/{s.pairs})  "
                  f"wrong or invented {s.error_rate:.3f} ({s.contradicted} contradicted, "
                  f"{s.absent_violations} where the report states none)")
            for ind, (found, total) in sorted(s.by_indicator.items()):
                print(f"  {ind:32s} {found}/{total}")
            for m in s.misses:
                print(f"  missed  {m}")
            for w in s.wrong:
                print(f"  wrong   {w}")
            for u in s.unjoined:
                print(f"  unjoined {u}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
