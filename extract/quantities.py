"""Find quantity mentions (number, scale, unit, comparator, range) and resolve their value.

``find_quantities`` scans one sentence of normalised text and returns
``Quantity`` objects whose ``start``/``end`` point into the whole text, so
``text[q.start:q.end] == q.surface`` always holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from .lexicon import Lexicon, Unit, load_lexicon
from .numerals import CHINESE_NUMERAL_CHARS, ZERO_DIGITS, resolve_number

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUMBER = re.compile(rf"(?<![\d.A-Za-z])(?:{_ARABIC}|[{CHINESE_NUMERAL_CHARS}]+)")
_RANGE_SEP = re.compile(load_lexicon().numerals["range_separators"])
_MORE = load_lexicon().numerals["lower_bound_markers"]
_ORDINAL_PREFIXES = tuple(load_lexicon().numerals["ordinal_prefixes"])
_SPACE = re.compile(r"\s*")


@dataclass
class Quantity:
    start: int                 # span of the whole mention, comparators included
    end: int
    surface: str
    num_start: int             # where the first number starts
    value: Decimal
    value_high: Decimal | None
    unit: str
    unit_text: str
    comparator: str
    comparator_before: str | None   # the word before the number (控制在), if any
    comparator_after: str | None    # the word after the unit (以内), if any
    shape: str                 # which grammar path found it: number, range, chinese, bare_scale
    flags: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _tables():
    lex = load_lexicon()
    before = sorted(lex.comparators_before, key=len, reverse=True)
    before_re = re.compile("(?:" + "|".join(map(re.escape, before)) + r")\s*$")
    scales = "".join(sorted({s for s in lex.scales if len(s) == 1}))
    bare_re = re.compile("(?:" + "|".join(map(re.escape, before)) + rf")(?P<scale>[{scales}])")
    return lex, before_re, bare_re


def _match_unit(lex: Lexicon, text: str, pos: int) -> Unit | None:
    for u in lex.units:
        if text.startswith(u.surface, pos):
            nxt = text[pos + len(u.surface): pos + len(u.surface) + 1]
            if nxt and any(text.startswith(nb, pos + len(u.surface)) for nb in u.not_before):
                continue
            return u
    return None


def _match_scale(lex: Lexicon, text: str, pos: int) -> tuple[str, Decimal] | None:
    for s in sorted(lex.scales, key=len, reverse=True):
        if text.startswith(s, pos):
            return s, lex.scales[s]
    return None


def _match_after(lex: Lexicon, text: str, pos: int) -> str | None:
    for w in sorted(lex.comparators_after, key=len, reverse=True):
        if text.startswith(w, pos):
            return w
    return None


def _is_date_unit(lex: Lexicon, text: str, pos: int) -> bool:
    return any(text.startswith(d, pos) for d in lex.date_units)


@dataclass
class _Tail:
    end: int
    scale: Decimal
    scale_text: str
    unit: Unit | None
    unit_text: str
    more: bool


def _read_tail(lex: Lexicon, text: str, pos: int, limit: int) -> _Tail:
    """After a number: 多/余, a scale (万, 亿), 多/余 again, then a unit."""
    start = pos
    more = False
    if pos < limit and text[pos] in _MORE:
        more, pos = True, pos + 1
    unit = _match_unit(lex, text, pos)
    scale, scale_text = Decimal(1), ""
    if unit is None:
        sc = _match_scale(lex, text, pos)
        if sc:
            scale_text, scale = sc
            pos += len(scale_text)
            if pos < limit and text[pos] in _MORE:
                more, pos = True, pos + 1
            unit = _match_unit(lex, text, pos)
    unit_text = text[start:pos] if unit is None else text[start:pos] + unit.surface
    if unit is not None:
        pos += len(unit.surface)
    return _Tail(pos, scale, scale_text, unit, unit_text, more)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity with a unit in ``text[start:end]``; dates, ordinals and bare numbers are skipped."""
    lex, before_re, bare_re = _tables()
    end = len(text) if end is None else end
    out: list[Quantity] = []
    pos = start
    while True:
        m = _NUMBER.search(text, pos, end)
        if not m:
            break
        q = _read_quantity(lex, before_re, text, m, start, end)
        if q is None:
            pos = m.end()
            continue
        out.append(q)
        pos = q.end
    out.extend(_find_bare_scales(lex, bare_re, text, start, end, out))
    out.sort(key=lambda q: q.start)
    return out


def _read_quantity(lex, before_re, text, m, sent_start, limit) -> Quantity | None:
    raw = m.group(0)
    chinese = not raw[0].isdigit()
    if chinese and len(raw) > 1 and all(c in ZERO_DIGITS for c in raw):
        return None
    prev = text[m.start() - 1] if m.start() > sent_start else ""
    if prev and prev in _ORDINAL_PREFIXES:
        return None
    value = resolve_number(raw)
    if value is None:
        return None
    if _is_date_unit(lex, text, m.end()):
        return None
    tail = _read_tail(lex, text, m.end(), limit)
    value_high = None
    shape = "chinese" if chinese else "number"
    pos = tail.end
    # a range: 2—3个, 4.5-5%, 6%－6.5%, 5%—5.5%
    rm = _RANGE_SEP.match(text, pos, limit)
    if rm and not chinese:
        m2 = _NUMBER.match(text, rm.end(), limit)
        if m2 and m2.group(0)[0].isdigit() and not _is_date_unit(lex, text, m2.end()):
            tail2 = _read_tail(lex, text, m2.end(), limit)
            same_unit = tail.unit is None or (tail2.unit is not None and tail2.unit.base == tail.unit.base)
            if tail2.unit is not None and same_unit:
                low_scale = tail.scale if tail.scale_text else tail2.scale
                value_high = resolve_number(m2.group(0)) * tail2.scale
                value = value * low_scale
                tail = _Tail(tail2.end, Decimal(1), tail2.scale_text, tail2.unit,
                             text[m.end():tail2.end], tail.more or tail2.more)
                shape = "range"
    if tail.unit is None or (chinese and tail.unit.ordinal_after_chinese):
        return None
    if value_high is None:
        value = value * tail.scale
    pos = tail.end
    sp = _SPACE.match(text, pos, limit).end()
    after = _match_after(lex, text, sp)
    if after and not (tail.more and after in _MORE):
        pos = sp + len(after)
    else:
        after = None
    before_m = before_re.search(text, sent_start, m.start())
    before = before_m.group(0).strip() if before_m else None
    q_start = before_m.start() if before_m else m.start()
    comparator = _resolve_comparator(lex, before, after, tail.more, value_high is not None)
    flags = []
    if prev == "?" or (raw.startswith("0") and not raw.startswith("0.") and len(raw) > 1):
        flags.append("corrupt_text")
    return Quantity(q_start, pos, text[q_start:pos], m.start(), value, value_high,
                    tail.unit.base, tail.unit_text, comparator, before, after, shape, flags)


def _resolve_comparator(lex: Lexicon, before: str | None, after: str | None, more: bool, is_range: bool) -> str:
    if is_range:
        return "range"
    if after:
        return lex.comparators_after[after]
    if more:
        return "ge"
    if before:
        return lex.comparators_before[before]
    return "eq"


def _find_bare_scales(lex, bare_re, text, start, end, found) -> list[Quantity]:
    """``已达到万头规模``: a scale word standing alone after 达到/超过 is 1 × scale.

    Money is never read this way: ``超过了万元`` is a number scrubbed from the source.
    """
    out = []
    taken = [(q.start, q.end) for q in found]
    for m in bare_re.finditer(text, start, end):
        s = m.start("scale")
        if any(a <= s < b for a, b in taken):
            continue
        if s > start and (text[s - 1].isdigit() or text[s - 1] in CHINESE_NUMERAL_CHARS):
            continue
        unit = _match_unit(lex, text, s + 1)
        if unit is None or unit.base in lex.no_bare_scale:
            continue
        before = text[m.start():s]
        stop = s + 1 + len(unit.surface)
        out.append(Quantity(m.start(), stop, text[m.start():stop], s, lex.scales[m.group("scale")], None,
                            unit.base, text[s:stop], lex.comparators_before[before], before, None,
                            "bare_scale"))
    return out
