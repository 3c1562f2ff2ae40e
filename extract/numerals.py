"""Numbers written in Arabic digits or Chinese numerals, resolved to ``Decimal``.

A Chinese numeral is read in sections, the largest multiplier first: ``十三亿五千万`` is 13 × 10⁸ +
5000 × 10⁴, ``一万二千三百四十五`` is 12345, ``两千零十二`` is 2012 and ``六点四二`` is 6.42. A financial
numeral (``壹万贰仟``) is read as the ordinary one it spells. The characters and their values are data in
``lexicons/numerals.yaml``.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .lexicon import load_lexicon

_TABLES = load_lexicon().numerals
DIGITS: dict[str, int] = {str(k): int(v) for k, v in _TABLES["digits"].items()}
_SPAN_END_BASE, _SPAN_END_STEP = (int(load_lexicon().cues["span_end_year"][k]) for k in ("base", "per_plan"))
_PLAN_NAME = re.compile(load_lexicon().cues["plan_name"])


def span_end_year(digit: str) -> int:
    """The last year of the five-year plan the digit names after 十 (十四五: 四, 2025; 十五五: 五, 2030; none, 十五: 2005)."""
    return _SPAN_END_BASE + _SPAN_END_STEP * (10 + (DIGITS[digit] if digit else 0))


def span_end_of(year: int) -> int:
    """The last year of the five-year plan ``year`` falls in (2026: 2030; 2021: 2025)."""
    return _SPAN_END_BASE + _SPAN_END_STEP * -(-(year - _SPAN_END_BASE) // _SPAN_END_STEP)


def plan_named(text: str) -> tuple[int, int] | None:
    """The first and last years of the five-year plan ``text`` names (第十五个五年规划纲要, “十五五”规划: 2026, 2030)."""
    m = _PLAN_NAME.search(text)
    if m is None:
        return None
    end = span_end_year(m.group("n") or m.group("m") or "")
    return end - _PLAN_YEARS + 1, end


_PLAN_YEARS = 5
SMALL_UNITS: dict[str, int] = {str(k): int(v) for k, v in _TABLES["multipliers"].items()}
SECTION_UNITS: dict[str, int] = {str(k): int(v) for k, v in _TABLES["section_multipliers"].items()}
_SECTION_UNITS_LARGEST_FIRST = sorted(SECTION_UNITS.items(), key=lambda kv: -kv[1])  # 亿 before 万
POINT: str = _TABLES["decimal_point"]
NEGATIVE_SIGNS: tuple[str, ...] = tuple(_TABLES["negative_signs"])
NOT_SIGNS: tuple[str, ...] = tuple(_TABLES["not_signs"])
TENS_WORDS: dict[str, str] = {str(k): str(v) for k, v in _TABLES["tens_words"].items()}  # 廿 is 二十
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(TENS_WORDS)
ZERO_DIGITS = "".join(k for k, v in DIGITS.items() if v == 0)
_D = "".join(DIGITS)
_SECTION = f"[{CHINESE_NUMERAL_CHARS}]+(?:{re.escape(POINT)}[{_D}]+)?"
_SECTIONS = "".join(SECTION_UNITS)
# financial numerals, and the ordinary character of each one's value (壹 is 一, 拾 is 十)
_FINANCIAL = {str(k): int(v) for k, v in (*_TABLES["financial_digits"].items(), *_TABLES["financial_multipliers"].items())}
FINANCIAL_CHARS = "".join(_FINANCIAL)
_BY_VALUE = {v: k for k, v in reversed([*DIGITS.items(), *SMALL_UNITS.items()])}  # the first character of a value
_TO_ORDINARY = str.maketrans({c: _BY_VALUE[v] for c, v in _FINANCIAL.items()})
FINANCIAL_DIGITS = "".join(str(k) for k in _TABLES["financial_digits"])
# a financial numeral: two financial characters or more (零, 万 and 亿 between them), one before 万/亿 (伍万,
# 拾万), or one of the characters that are a number alone; a trailing 万/亿 is a scale, as for any Chinese numeral
_WORD_PREFIXES = {c: "".join(w[-2] for w in _TABLES["financial_words"] if w.endswith(c)) for c in _FINANCIAL}
_FINANCIAL_START = "|".join(f"(?<![{p}]){c}" if p else c for c, p in _WORD_PREFIXES.items())  # not the 伍 of 队伍
# (an ordinary 十/百/千 among financial digits is the same multiplier: 叁百伍拾万元, 伍百元, 叁千伍佰元)
_FINANCIAL_BODY = FINANCIAL_CHARS + "".join(SMALL_UNITS)
_FINANCIAL_NUMBER = (f"(?:{_FINANCIAL_START})(?:[{_FINANCIAL_BODY}{ZERO_DIGITS}{_SECTIONS}]*[{_FINANCIAL_BODY}]"
                     f"|(?=[{_SECTIONS}]))|[{''.join(_TABLES['financial_alone'])}]")
# one Chinese numeral: sections joined by 万/亿 (一万二千三百, 十三亿五千); a trailing 万/亿 is left to
# the quantity grammar as a scale, and joined back when it resolves the value
CHINESE_NUMBER = f"(?:{_FINANCIAL_NUMBER}|{_SECTION}(?:[{_SECTIONS}]+{_SECTION})*)"
# 数十, 几百, 数千, and 数 before 万/亿: several of it (数十亿元, 数万人); not 人数 or 总数
SEVERAL = tuple(_TABLES["several"])
SEVERAL_NUMBER = (f"[{''.join(SEVERAL)}](?<![{''.join(_TABLES['several_not_after'])}][{''.join(SEVERAL)}])"
                  f"(?:[{''.join(SMALL_UNITS)}]|(?=[{''.join(SECTION_UNITS)}]))")
# the most digits a written number may have: no report writes more, and every value stays exact (Decimal's
# 28 significant digits) and inside the warehouse's DECIMAL(38,4) once a scale (万亿) multiplies it
MAX_NUMERAL_DIGITS = 20
# the characters a number can start with: a scan checks this class before trying the alternatives
NUMBER_START = f"[0-9{CHINESE_NUMERAL_CHARS}{FINANCIAL_CHARS}{''.join(SEVERAL)}]"


_TOKENS = re.compile(r"\d+|.")


def parse_chinese_int(s: str) -> int | None:
    """``三`` → 3, ``十六`` → 16, ``两千三百`` → 2300, ``一千零十`` → 1010, ``一二三`` (digit by digit) → 123;
    Arabic digits before a multiplier count as that digit (``2千`` → 2000)."""
    if not s or any(c not in DIGITS and c not in SMALL_UNITS and not c.isdigit() for c in s):
        return None
    if all(c in DIGITS for c in s):
        return int("".join(str(DIGITS[c]) for c in s)) if len(s) <= MAX_NUMERAL_DIGITS else None
    if s.isdigit():
        return int(s) if len(s) <= MAX_NUMERAL_DIGITS else None
    total, current, last = 0, None, 0
    for tok in _TOKENS.findall(s):  # 2千: Arabic digits may stand for a digit before a multiplier
        if tok.isdigit():
            if len(tok) > MAX_NUMERAL_DIGITS:
                return None
            current, last = int(tok) or None, last
        elif tok in DIGITS:
            current = DIGITS[tok] or None  # 零 only holds a place (一千零十)
            last = last if DIGITS[tok] else 0
        else:
            total += (1 if current is None else current) * SMALL_UNITS[tok]
            current, last = None, SMALL_UNITS[tok]
    if current and last >= 100 and s[-2] in SMALL_UNITS and not s[-1].isdigit():
        return total + current * last // 10  # 一千二 is 1200, 三百五 is 350 (一千零二 is 1002)
    return total + (current or 0)


def _parse_section(s: str) -> Decimal | None:
    """A section without 万/亿: an integer, and digits after 点 read one by one."""
    whole, point, frac = s.partition(POINT)
    n = parse_chinese_int(whole) if whole else 0
    if n is None or (point and (not frac or len(frac) > MAX_NUMERAL_DIGITS or any(c not in DIGITS for c in frac))):
        return None
    return Decimal(n) + (Decimal("0." + "".join(str(DIGITS[c]) for c in frac)) if frac else 0)


def parse_chinese_number(s: str) -> Decimal | None:
    """A whole Chinese numeral, 万 and 亿 included: ``一万二千亿`` → 1200000000000."""
    if not s:
        return None
    if len(s) == 1 and s in _ONE_CHARACTER:  # 一, 三, 千: most numerals in a text
        return _ONE_CHARACTER[s]
    if s[0] in _FINANCIAL:
        s = s.translate(_TO_ORDINARY)  # 壹万贰仟 is 一万二千
    for word, meaning in TENS_WORDS.items():
        if word in s:
            s = s.replace(word, meaning)  # 廿三 is 二十三
    return _parse_chinese_number(s)


def _parse_chinese_number(s: str) -> Decimal | None:
    for unit, factor in _SECTION_UNITS_LARGEST_FIRST:
        pos = s.rfind(unit)
        if pos >= 0:
            if unit in s[:pos]:
                head = s[:pos]
                if pos + len(unit) == len(s) and (POINT in head or any(
                        c in SMALL_UNITS for c in head[head.rfind(unit) + len(unit):])):
                    # 一万二千三百四十五万, 一万二千三百四十五点六七万: a whole number of 万, written out
                    whole = parse_chinese_number(head)
                    return None if whole is None else whole * factor
                return None  # the same multiplier twice (一亿二亿) is no number
            high = parse_chinese_number(s[:pos]) if pos else Decimal(1)
            rest = s[pos + len(unit):]
            low = parse_chinese_number(rest) if rest else Decimal(0)
            if high is None or low is None or (low and low >= factor):
                return None
            if len(rest) == 1 and rest in DIGITS:
                low = low * factor / 10  # 一万五 is 15000, 一亿五 1.5亿 (一万零五 is 10005)
            return high * factor + low
    return _parse_section(s)


# the value of each one-character numeral, read as any numeral is (Decimal values are immutable: shared safely)
_ONE_CHARACTER = {c: _parse_chinese_number(c) for c in (*DIGITS, *SMALL_UNITS, *SECTION_UNITS)}
_ONE_CHARACTER.update({c: _ONE_CHARACTER[c.translate(_TO_ORDINARY)] for c in _FINANCIAL})


def resolve_number(s: str) -> Decimal | None:
    """Arabic (``1,200.5``) or Chinese (``三``, ``一万二千三百四十五``) numeral to an exact ``Decimal``."""
    s = s.replace(",", "").replace(" ", "")  # (1,200.5; 3 500, digits grouped by spaces)
    if not s:
        return None
    if s[0].isdigit():
        if len(s) > MAX_NUMERAL_DIGITS and sum(c.isdigit() for c in s) > MAX_NUMERAL_DIGITS:
            return None
        try:
            return Decimal(s)
        except ArithmeticError:
            return None
    return parse_chinese_number(s)
