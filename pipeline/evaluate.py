"""Score the warehouse against the hand-checked gold tables in ``tests/gold``.

Used by `make eval` (which prints every miss) and by the tests (which assert the
thresholds). Nothing here feeds back into extraction: gold values stay in gold files.
"""
from __future__ import annotations

import csv
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = Path(os.environ.get("GOLD_DIR", ROOT / "tests" / "gold"))
TOWNSHIP_2YEAR = ROOT / "tests" / "data" / "township-2year"
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


# ---------------------------------------------------------------- links: which target meets which result

LINKS_TARGET_YEAR, LINKS_ACTUAL_YEAR = 2025, 2026  # links_dev.csv: 2025 report's targets, 2026 report's results
SCALE_PREFIX = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "千": Decimal(10) ** 3}
KILO_UNITS = ("千瓦", "千克", "千米", "千伏", "千帕", "千卡", "千焦")  # 千 is part of the unit, not a multiplier
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}
CN_POWERS = {"十": 10, "百": 100, "千": 1000}
VAGUE_MARKS = "多余"  # 3900多个, 1.4万余家: the number is the one written
ARABIC = re.compile(r"(-?\d+(?:\.\d+)?)(?:%?[-–—~至到](\d+(?:\.\d+)?))?")
FRACTION = re.compile(r"(\d+)/(\d+)")
CLAUSE_BREAK = re.compile(r"[,;:。!?]")  # after NFKC; 、 lists items inside a clause
FOUR_PLACES = Decimal("0.0001")  # facts.value is DECIMAL(38,4)
NEAR = Decimal("0.05")


def plain(text: str | None) -> str:
    """NFKC with all whitespace removed: the form quotes and sentences are compared in."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def _chinese_numeral(run: str) -> Decimal:
    total, digit = 0, 0
    for ch in run:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            total += (digit or 1) * CN_POWERS[ch]
            digit = 0
    return Decimal(total + digit)


def _leading_number(s: str) -> tuple[Decimal | None, Decimal | None, str]:
    """The number a gold cell starts with (low end, high end of a range) and the rest of the cell."""
    if m := FRACTION.match(s):  # 1/3: a share, held in %
        share = (Decimal(m[1]) / Decimal(m[2]) * 100).quantize(FOUR_PLACES, ROUND_HALF_UP)
        return share, None, s[m.end():]
    if m := ARABIC.match(s):
        return Decimal(m[1]), Decimal(m[2]) if m[2] else None, s[m.end():]
    end = 0
    while end < len(s) and (s[end] in CN_DIGITS or s[end] in CN_POWERS) and not s.startswith(KILO_UNITS, end):
        end += 1
    return (_chinese_numeral(s[:end]) if end else None), None, s[end:]


def resolve_gold_range(text: str) -> tuple[Decimal, Decimal | None] | None:
    """A gold ``*_number`` cell in base units: (value, upper end of a range or None); None for an empty cell.

    ``68万人`` is 680000, ``5%-6%`` is (5, 6), ``八个`` is 8, ``万亿元`` is 10**12; the unit itself is not kept.
    """
    s = plain(text)
    if not s:
        return None
    low, high, rest = _leading_number(s)
    scale = Decimal(1)
    while rest and (rest[0] in VAGUE_MARKS or (rest[0] in SCALE_PREFIX and not rest.startswith(KILO_UNITS))):
        scale *= SCALE_PREFIX.get(rest[0], Decimal(1))
        rest = rest[1:]
    if low is None:
        if scale == 1:
            raise ValueError(f"no number in gold cell {text!r}")
        low = Decimal(1)  # 突破万亿元
    return low * scale, (high * scale if high is not None else None)


def resolve_gold_number(text: str) -> Decimal | None:
    """The value of a gold ``*_number`` cell in base units, the lower end of a range; None for an empty cell."""
    resolved = resolve_gold_range(text)
    return resolved[0] if resolved else None


def quote_in_sentence(quote: str, sentence: str | None) -> bool:
    """Whether ``quote`` is in ``sentence`` after NFKC and without whitespace; a quote that runs past the
    sentence still counts when its longest comma-separated clause holding a digit is inside."""
    q, s = plain(quote), plain(sentence)
    if not q:
        return False
    if q in s:
        return True
    clauses = [c for c in CLAUSE_BREAK.split(q) if any(ch.isdigit() or ch in CN_DIGITS for ch in c)]
    return bool(clauses) and max(clauses, key=len) in s


def expected_status(comparator: str, direction: str, target: Decimal, target_high: Decimal | None,
                    actual: Decimal) -> str:
    """The contract's rule: a result on the right side of its target is met, on the wrong side within 5% of the
    target near, else missed. The side is a floor for ge/gt and a ceiling for le/lt, else set by the direction."""
    if comparator in ("ge", "gt"):
        side = "floor"
    elif comparator in ("le", "lt"):
        side = "ceiling"
    else:
        side = {"up": "floor", "down": "ceiling"}.get(direction, "band")
    bound = target_high if comparator == "range" and direction == "down" and target_high is not None else target
    if ((side == "floor" and actual >= bound) or (side == "ceiling" and actual <= bound)
            or (side == "band" and bound <= actual <= (target_high if target_high is not None else bound))):
        return "met"
    return "near" if abs(actual - bound) <= NEAR * abs(bound) else "missed"


@dataclass
class LinkScore:
    name: str
    targets: int = 0
    found: int = 0
    pairs: int = 0  # targets with a result in the gold
    joined: int = 0
    false_joins: int = 0
    status_right: int = 0
    misses: list[str] = field(default_factory=list)
    unjoined: list[str] = field(default_factory=list)
    falsely_joined: list[str] = field(default_factory=list)
    wrong_status: list[str] = field(default_factory=list)

    @property
    def found_rate(self) -> float:
        return self.found / self.targets if self.targets else 0.0

    @property
    def join_rate(self) -> float:
        return self.joined / self.pairs if self.pairs else 0.0

    @property
    def false_join_rate(self) -> float:
        return self.false_joins / self.found if self.found else 0.0

    @property
    def status_rate(self) -> float:
        return self.status_right / self.joined if self.joined else 0.0


def build_township_2year(work: Path, with_manifest: bool) -> Path:
    """The invented towns of tests/data/township-2year built into ``work``, with or without their manifest."""
    from .build import build

    raw = work / "raw"
    shutil.copytree(TOWNSHIP_2YEAR, raw)
    if not with_manifest:
        (raw / "manifest.csv").unlink()
    build(raw, work / "warehouse", progress=False)
    return work / "warehouse"


def _snip(text: str | None, n: int = 40) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= n else text[:n] + "…"


def _fact_text(f: dict | None) -> str:
    if f is None:
        return "(no such fact)"
    return f"{f['value']} «{f['surface']}» in «{_snip(f['sentence'])}» ({f['report_year']})"


def _row_text(row: dict, facts: dict[str, dict]) -> str:
    target = facts[row["target_fact_id"]]
    actual = _fact_text(facts.get(row["actual_fact_id"])) if row["actual_fact_id"] else "none"
    return (f"[target «{target['surface']}» in «{_snip(target['sentence'])}»; actual {actual}; "
            f"status {row['status']}]")


def _nearby(by_report: dict[tuple, list[dict]], linked_targets: set[str], jurisdiction: str, year: int,
            quote: str) -> str:
    """What the warehouse holds where a missed target should be: the facts in sentences holding its quote."""
    report = by_report.get((jurisdiction, year))
    if not report:
        return f"no facts for {jurisdiction} in a {year} report"
    near = [f"{f['kind']} {f['value']} «{f['surface']}»" + (" (in plan_vs_actual)" if f["fact_id"] in linked_targets
                                                          else "")
            for f in report if quote_in_sentence(quote, f["sentence"])]
    return "; ".join(near) or "no fact in a sentence holding the quote"


def score_links(wh: Path, gold_file: str) -> LinkScore:
    """Score ``plan_vs_actual`` against a links gold table, per gold row, as tests/gold/README.md defines it."""
    from .warehouse import connect_readonly

    con = connect_readonly(wh)
    try:
        cur = con.execute("SELECT fact_id, jurisdiction, report_year, kind, value, surface, sentence FROM facts")
        cols = [c[0] for c in cur.description]
        facts = {r[0]: dict(zip(cols, r)) for r in cur.fetchall()}
        pva = [dict(zip(("target_fact_id", "actual_fact_id", "status"), r)) for r in
               con.execute("SELECT target_fact_id, actual_fact_id, status FROM plan_vs_actual").fetchall()]
    finally:
        con.close()
    by_target: dict[tuple, list[dict]] = {}
    linked_targets: set[str] = set()
    for row in pva:
        t = facts.get(row["target_fact_id"])
        if t is not None:
            by_target.setdefault((t["jurisdiction"], t["report_year"], t["value"]), []).append(row)
            linked_targets.add(t["fact_id"])
    by_report: dict[tuple, list[dict]] = {}
    for f in facts.values():
        by_report.setdefault((f["jurisdiction"], f["report_year"]), []).append(f)

    s = LinkScore(gold_file)
    for g in read_gold(gold_file):
        j = g["jurisdiction"]
        target_year = int(g.get("target_report_year") or LINKS_TARGET_YEAR)
        actual_year = int(g.get("actual_report_year") or LINKS_ACTUAL_YEAR)
        target, target_high = resolve_gold_range(g["target_number"])
        actual = resolve_gold_number(g["actual_number"])
        label = f"{j} «{g['target_quote']}» {g['target_number']}"
        if actual is not None:
            label += f" → «{g['actual_quote']}» {g['actual_number']}"

        def actual_matches(row: dict) -> bool:
            a = facts.get(row["actual_fact_id"])
            return (actual is not None and a is not None and a["jurisdiction"] == j
                    and a["report_year"] == actual_year and a["value"] == actual
                    and quote_in_sentence(g["actual_quote"], a["sentence"]))

        s.targets += 1
        if actual is not None:
            s.pairs += 1
        rows = [r for r in by_target.get((j, target_year, target), [])
                if quote_in_sentence(g["target_quote"], facts[r["target_fact_id"]]["sentence"])]
        if not rows:
            s.misses.append(f"{label}  had: {_nearby(by_report, linked_targets, j, target_year, g['target_quote'])}")
            continue
        s.found += 1
        had = " ".join(_row_text(r, facts) for r in rows)
        joined = [r for r in rows if actual_matches(r)]
        if all(r["actual_fact_id"] is not None and not actual_matches(r) for r in rows):
            s.false_joins += 1
            s.falsely_joined.append(f"{label}  had: {had}")
        if actual is None:
            continue
        if not joined:
            s.unjoined.append(f"{label}  had: {had}")
            continue
        s.joined += 1
        want = expected_status(g["target_comparator"], g["direction"], target, target_high, actual)
        if any(r["status"] == want for r in joined):
            s.status_right += 1
        else:
            s.wrong_status.append(f"{label}  want {want} ({g['target_comparator']}, {g['direction']})  "
                                  f"had: {' '.join(_row_text(r, facts) for r in joined)}")
    return s


def print_link_score(title: str, s: LinkScore) -> None:
    print(f"\n== {title}\n"
          f"targets found {s.found_rate:.3f} ({s.found}/{s.targets})  "
          f"pairs joined {s.join_rate:.3f} ({s.joined}/{s.pairs})  "
          f"false joins {s.false_join_rate:.3f} ({s.false_joins}/{s.found})  "
          f"status right {s.status_rate:.3f} ({s.status_right}/{s.joined})")
    for kind, lines in (("missed", s.misses), ("unjoined", s.unjoined), ("false", s.falsely_joined),
                        ("status", s.wrong_status)):
        for line in lines:
            print(f"  {kind:8s} {line}")


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
        print_link_score("links_dev.csv", score_links(wh, "links_dev.csv"))
        for with_manifest in (True, False):
            town = build_township_2year(tmp / f"township-{'manifest' if with_manifest else 'bare'}", with_manifest)
            print_link_score(f"links_township_dev.csv ({'with' if with_manifest else 'without'} manifest)",
                             score_links(town, "links_township_dev.csv"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
