"""Numbers as a reader reads them: base-unit Decimals in 万/亿, %, 个百分点; comparators as signs.

Pure functions, no I/O: the report and its tests share them.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# units that are already a ratio: never scaled by 万/亿
RATIO_UNITS = {"%": "%", "‰": "‰", "‱": "‱", "百分点": "个百分点"}
SCALES = ((Decimal("1e12"), "万亿"), (Decimal("1e8"), "亿"), (Decimal("1e4"), "万"))
COMPARATOR_SIGNS = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<", "approx": "≈", "eq": "", "range": ""}
COMPARATOR_WORDS = {"ge": "at least (≥)", "gt": "more than (>)", "le": "at most (≤)", "lt": "less than (<)",
                    "approx": "about (≈)", "eq": "stated (=)", "range": "range"}


def _plain(v: Decimal, places: int = 2) -> str:
    q = v.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    s = format(q.normalize(), "f")
    return "0" if s in ("-0", "") else s


def scale_for(values, unit: str | None) -> tuple[Decimal, str]:
    """One (divisor, prefix) for a series of values, from the largest of them: 1200万人 and 900万人 share 万."""
    if unit in RATIO_UNITS or unit is None:
        return Decimal(1), ""
    top = max((abs(Decimal(v)) for v in values if v is not None), default=Decimal(0))
    for div, prefix in SCALES:
        if top >= div:
            return div, prefix
    return Decimal(1), ""


def unit_label(unit: str | None, prefix: str = "") -> str:
    if unit is None:
        return ""
    return prefix + RATIO_UNITS.get(unit, unit)


def fmt_value(v, unit: str | None, scale: tuple[Decimal, str] | None = None) -> str:
    """12000000 人 → 1200万人; 5.2 % → 5.2%; 0.5 百分点 → 0.5个百分点; 3.5e12 元 → 3.5万亿元."""
    if v is None:
        return ""
    v = Decimal(v)
    div, prefix = scale or scale_for([v], unit)
    return _plain(v / div) + unit_label(unit, prefix)


def fmt_target(value, high, comparator: str | None, unit: str | None) -> str:
    if value is None:
        return ""
    if comparator == "range" and high is not None:
        scale = scale_for([value, high], unit)
        return f"{_plain(Decimal(value) / scale[0])}–{fmt_value(high, unit, scale)}"
    return COMPARATOR_SIGNS.get(comparator or "", "") + fmt_value(value, unit)


def gap(target, high, comparator: str | None, actual) -> Decimal | None:
    """How far the result stands from the target, signed (result − target). A range is met inside it;
    outside, the gap is to its nearer bound."""
    if target is None or actual is None:
        return None
    t, a = Decimal(target), Decimal(actual)
    if comparator == "range" and high is not None:
        h = Decimal(high)
        if t <= a <= h:
            return Decimal(0)
        return a - (t if a < t else h)
    return a - t


def fmt_gap(g, unit: str | None) -> str:
    """A gap of rates is in 个百分点 (5.2% against 5% is +0.2个百分点); other gaps keep the unit."""
    if g is None:
        return ""
    g = Decimal(g)
    sign = "+" if g > 0 else ""
    if unit == "%":
        return f"{sign}{_plain(g)}个百分点"
    return sign + fmt_value(g, unit)


def fmt_attainment(a) -> str:
    return "" if a is None else f"{a * 100:.0f}%"
