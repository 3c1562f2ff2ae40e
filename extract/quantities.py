"""Find quantity mentions (number, scale, unit, comparator, range) and resolve their value.

``find_quantities`` scans one sentence of normalised text and returns
``Quantity`` objects whose ``start``/``end`` point into the whole text, so
``text[q.start:q.end] == q.surface`` always holds.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from .keys import load_key_lexicon
from .lexicon import Lexicon, Unit, load_lexicon
from .numerals import (CHINESE_NUMBER, CHINESE_NUMERAL_CHARS, DIGITS, FINANCIAL_CHARS, FINANCIAL_DIGITS, NEGATIVE_SIGNS, NOT_SIGNS, NUMBER_START, POINT,
                       SECTION_UNITS, SEVERAL, SEVERAL_NUMBER, SMALL_UNITS, ZERO_DIGITS, parse_chinese_number,
                       resolve_number)

_NUMBER_CHARS = frozenset("0123456789" + CHINESE_NUMERAL_CHARS + FINANCIAL_CHARS + "".join(SEVERAL) + "多余")  # can end a number

# a number glued to a letter, a digit or a point before it (G20, PM2.5, G5成渝) is no quantity's start:
# these characters, as a pattern's class and as a set
_GLUED_CLASS = "A-Za-z0-9./"  # (/: the day of 2025/3/15, the denominator of 1/3)
_GLUED_AFTER = frozenset(c for c in map(chr, range(128)) if re.fullmatch(f"[{_GLUED_CLASS}]", c))

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SPACED_ARABIC = r"\d{1,3}(?: \d{3})+(?:\.\d+)?"  # 3 500, 12 345.6
_NUMBER = re.compile(rf"(?<![\d.A-Za-z])(?:{_ARABIC}|{SEVERAL_NUMBER}|{CHINESE_NUMBER})")
RANGE_WORDS = tuple(load_lexicon().numerals["range_words"])
_RANGE_CHARS = frozenset(w for w in RANGE_WORDS if len(w) == 1)
_RANGE_SEP = re.compile(r"\s*(?:" + "|".join(map(re.escape, RANGE_WORDS)) + r")\s*")
_BETWEEN_SEP = re.compile(r"\s*(?:" + "|".join(map(re.escape, load_lexicon().numerals["between_words"])) + r")\s*")
_BETWEEN_CLOSE = load_lexicon().numerals["between_close"]
# what a range's separator or a between word may open on (most figures are followed by neither: one look)
_RANGE_OR_BETWEEN_STARTS = frozenset(w[0] for w in (*RANGE_WORDS, *load_lexicon().numerals["between_words"])) | frozenset(" \t")
_MORE = load_lexicon().numerals["lower_bound_markers"]
_ORDINAL_PREFIXES = tuple(load_lexicon().numerals["ordinal_prefixes"])
_RANK_PREFIXES = tuple(load_lexicon().numerals["rank_prefixes"])
_RANK_UNITS = frozenset(load_lexicon().numerals["rank_units"])
_RANK_NOT_AFTER = tuple(load_lexicon().numerals["rank_prefix_not_after"])
_STREAK_PREFIXES = tuple(load_lexicon().numerals["streak_prefixes"])
_STREAK_UNITS = frozenset(load_lexicon().numerals["streak_units"])
_SESSIONS_BEFORE = tuple(load_lexicon().numerals["sessions_before"])
_NUMERAL_ADVERBS = re.compile("|".join(load_lexicon().numerals["numeral_adverbs"]))
_WEATHER_AFTER = re.compile(load_lexicon().numerals["weather_after"])
_TEMPERATURE = "°C"
_FREQUENCY_AFTER = re.compile(load_lexicon().numerals["frequency_after"])
# 第3个, 每100户, and a fraction's numerator (五又二分之一倍: no 一倍)
_NOT_A_FIGURE_PREFIXES = (_ORDINAL_PREFIXES + tuple(load_lexicon().numerals["denominator_prefixes"])
                          + (load_lexicon().numerals["fraction_word"],))
# a table, figure or appendix the text points to (完成表1所列…, 见附件2中…): its number is no figure
_REFERENCE_BEFORE = re.compile(load_lexicon().numerals["reference_before"])
_REFERENCE_AFTER = re.compile(load_lexicon().numerals["reference_after"])
_REFERENCE_REACH = 3  # characters 附表 and a space take
_DIGITS_OF_CODE_BEFORE = re.compile(load_lexicon().numerals["digits_of_code_before"])
_DIGITS_OF_CODE_AFTER = re.compile(load_lexicon().numerals["digits_of_code_after"])
_CODE_REACH = 6  # characters 证号的后 and a space take before the number
_ORDINAL_CLASS = "".join(sorted({re.escape(p[-1]) for p in _ORDINAL_PREFIXES}))  # their last characters, for a class
_ORDINAL_LIST = re.compile("(?:" + "|".join(map(re.escape, _ORDINAL_PREFIXES)) + r")\s*(?:\d+\s*[、和及与]\s*)+$")
_HUNDRED = Decimal(100)
_SPACE = re.compile(r"\s*")


def _space_end(text: str, pos: int, limit: int) -> int:
    """Where the spaces at ``pos`` end (``pos`` where there are none)."""
    m = _SPACE.match(text, pos, limit)
    return m.end() if m else pos
_ARABIC_RE = re.compile(_ARABIC)
_CHINESE_RE = re.compile(CHINESE_NUMBER)
_NUMERALS = load_lexicon().numerals
_HALF = _NUMERALS["half"]
_ROUND_LOWER_BOUND = _NUMERALS["round_lower_bound"]
_ROUND_LOWER_NOT_AFTER = tuple(_NUMERALS["round_lower_bound_not_after"])
_TENTHS_LOW = re.compile(f"(?<![{_GLUED_CLASS}])([1-9" + "".join(k for k, v in DIGITS.items() if v) + "])\\s*(?:"
                         + "|".join(map(re.escape, _NUMERALS["range_words"])) + ")\\s*$")
_SEVERAL_RANGE = tuple(Decimal(x) for x in _NUMERALS["several_range"])
_APPROX_PAIRS = frozenset(_NUMERALS["approximate_pairs"])
_CLASS_SUFFIX = re.compile(_NUMERALS["class_suffix"])
_CAPACITY_BEFORE = tuple(_NUMERALS["capacity_before"])
_CAPACITY_NAMED_AFTER = re.compile(_NUMERALS["capacity_named_after"])
_SIGNED_UNITS = frozenset(_NUMERALS["signed_units"])
_HALF_ENDS = re.compile(r"[\s,;:。!?、)]|$")
_INCLUSIVE = re.compile(_NUMERALS["inclusive_mark"])
_FRACTION_UNITS = dict(_NUMERALS["fraction_units"])
_SHARE_PLACES = Decimal("0.0001")
_TEN = next(k for k, v in SMALL_UNITS.items() if v == 10)  # 十
_ONE = Decimal(1)
_LOST = ("?", "\ufffd")  # what stands for a character the source lost: a ? or the replacement character
# words that are a figure by themselves (grammar share_words, growth_words): their value and unit (百分百: 100 %;
# 翻一番: 1 倍)
GROWTH_WORDS = frozenset(load_lexicon().grammar["growth_words"])
_GROWTH_WORDS_NOT_AFTER = tuple(load_lexicon().grammar["growth_words_not_after"])
_SHARE_WORDS = {**{w: (Decimal(str(v)), "%") for w, v in load_lexicon().grammar["share_words"].items()},
                **{w: (Decimal(str(v)), str(u)) for w, (v, u) in load_lexicon().grammar["growth_words"].items()}}
_YEAR_MONTH = re.compile(r"(?:19|20)\d\d\.(?:0[1-9]|1[0-2])")  # 2025.03: March 2025
_ABOUT = load_lexicon().grammar["about_after_round"]  # 二十来个: about twenty
_MIXED_JOINER = _NUMERALS["mixed_fraction_joiner"]  # 五又二分之一: five and a half
# how far before a list of bare numbers its 分别 stands, no clause mark between (分别为, 分别提高到, 分别新增规上工业企业)
_RESPECTIVELY_REACH = 12
_CLAUSE_MARK = re.compile("[,;:。,;:]")


@lru_cache(maxsize=1)
def _candidate_re() -> re.Pattern:
    """A number followed by what can continue a quantity (a unit, a scale, 多/余, a range sign)."""
    lex = load_lexicon()
    follow = ({u.surface[0] for u in lex.units} | {s[0] for s in lex.scales} | set(_MORE)
              | {w[0] for w in RANGE_WORDS} | {" "} | set(SEVERAL) | set(_CELL_ENDS)
              | {w[0] for w in lex.comparators_after} | {_ABOUT[:1]})  # (a table's cell: 5左右)
    cls = "".join(re.escape(c) for c in sorted(follow))
    word = "".join(re.escape(c) for c in sorted(follow - {" "}))
    durations = "".join(sorted({re.escape(u.surface[0]) for u in lex.durations}))
    # no leading lookbehind: a pattern that starts with its character set scans fast; see _unglued
    # (a decimal before a duration, 11.5年, is one too: a whole number before 年 is a date, and so is the
    # year after a list number, 14.2025年)
    # (a Chinese numeral may end its clause: 财政收入一亿二, 补贴三百五, a unit its noun implies; so may a zero,
    # 死亡人数为0, where no count is no figure to leave out; so may any figure, or one after 从, of a measure that has no
    # unit: 城乡收入比缩小至2.12, 收入倍差从1.96缩小至1.81, or before an aside, 收入比为2.06(上年为2.09); each whole, never
    # the digits before a thousands comma, 1,560家次)
    # (digits grouped by plain spaces, as a PDF's text keeps them, are one number where a unit or a scale follows:
    # 3 500 人, 1 234.5万元; not 3 个 500 千伏, nor a table's cells, 5 612 5.8)
    signs = "".join(sorted({re.escape(c[-1]) for c in lex.currency_signs if not _CJK.match(c[-1])}))  # (¥, not 美元)
    # (a number after a currency's sign, ¥35,000.00, is one wherever it ends)
    return re.compile(rf"(?={NUMBER_START})(?:{_SPACED_ARABIC}(?= ?[{word}])|(?:(?<=[{signs}])|(?<=[{signs}] )){_ARABIC}|{CHINESE_NUMBER}(?={lex.grammar['clause_end_after']})|(?>{_ARABIC})(?={lex.grammar['clause_end_after']}|[(（])|(?<=[{_FROM}])(?>{_ARABIC})|(?<={_FROM_DATED})(?>{_ARABIC})|(?<={_ASIDE_BASE_END})(?>{_ARABIC})"
                      rf"|(?:{_ARABIC}|{SEVERAL_NUMBER}|{CHINESE_NUMBER})(?=[{cls}]|$)"
                      rf"|\d+\.\d{{1,2}}(?=[{durations}]))")


_PEOPLE_UNITS = frozenset(u for _, u in load_lexicon().implied_units_after)  # 人, 户: the units a noun may imply
_OF_AFTER_COUNT = "的"
CLASS_MONEY_NOUNS = tuple(load_lexicon().grammar["class_money_nouns"])  # 项目, 平台: what an amount names a class of
_PEOPLE_NEEDS = load_lexicon().people_needs_after_de  # what a count of people before 的 was helped to (温饱, 饮水)
# what a count before 的 is itself the figure of (新增城镇就业3万人的目标, 新增市场主体600户的基础上)
_COUNT_NAMED_AFTER_DE = tuple(load_lexicon().count_named_after_de)
CLAUSE_END_AFTER = re.compile(load_lexicon().grammar["clause_end_after"])  # what may stand right after a clause's end
_TIMES = "×*"  # 7×24小时: a schedule, not 24 hours


def _unglued(text: str, matches) -> list[re.Match]:
    """The candidate numbers that are not glued to what stands before them (a / before a number makes it a
    denominator or a date's part: 0.6人/百亿元, 2025/3/15; a × a schedule's: 7×24小时; a : or + after a digit a
    clock's, a ratio's or a stake's: 18:30起, K23+500处)."""
    return [m for m in matches if not ((i := m.start()) and (
        text[i - 1] in _GLUED_AFTER or text[i - 1] in _TIMES
        or text[i - 1] in _JOINED_AFTER_DIGIT and i >= 2 and text[i - 2].isdigit()))]


_JOINED_AFTER_DIGIT = ":+-"  # 18:30 (a clock, a ratio's 1.85:1), K23+500 (a stake), 2025-03-01 (a date): the rest of what the digits began


def find_candidates(text: str) -> tuple[list[re.Match], list[re.Match], list[re.Match]]:
    """Where quantities may start in ``text`` (numbers, bare scale words, shares such as 三分之一 or
    九成), found in one pass so a caller can skip the sentences that hold none and hand each sentence
    its own."""
    return (_unglued(text, _candidate_re().finditer(text)), _find_bares(text, 0, len(text)),
            _find_shares(text, 0, len(text)))


def _find_bares(text: str, start: int, end: int) -> list[re.Match]:
    """Where a scale word may stand alone (突破万亿元, 上万人, 万余人), once for each scale word, in order."""
    found: dict[int, re.Match] = {}
    for pattern in _tables()[2]:
        for m in pattern.finditer(text, start, end):
            found.setdefault(m.start("scale"), m)
    return [found[k] for k in sorted(found)]


@dataclass(slots=True)
class Quantity:
    """A quantity mention: its span and surface, value (and upper end), unit and comparator."""
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


def _words_at(words) -> re.Pattern:
    """A pattern that matches any of ``words`` at a position (longest first)."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


@lru_cache(maxsize=1)
def _tables():
    lex = load_lexicon()
    before = tuple(sorted(lex.comparators_before, key=len, reverse=True))
    scales = "|".join(map(re.escape, sorted(lex.scales, key=len, reverse=True)))
    bare_before = [w for w in before if w not in lex.bare_scale_not_after  # (not a word that bounds nothing: 签约)
                   and not (lex.comparators_before[w] == "eq" and any(o != w and w.endswith(o) for o in before))]
    bare_before.append(_ROUND_LOWER_BOUND)
    more = "".join(map(re.escape, _MORE))
    # a comparator word (突破万亿元) or 上 (上万人) before the scale word, or 多/余 after it (万余人): two
    # patterns that each start with their words scan fast, where one with both would try every position
    bare_re = (re.compile("(?P<before>" + "|".join(map(re.escape, bare_before)) + rf")(?P<scale>{scales})(?P<more>[{more}])?"),
               re.compile(rf"(?P<scale>{scales})(?P<more>[{more}])"))
    lex.compiled["scale_at"] = _words_at(lex.scales)
    lex.compiled["after_at"] = _words_at(lex.comparators_after)
    lex.compiled["before_at"] = _words_at(w for w in before if not w.endswith(_REACHES_OVER_VERB))
    lex.compiled["date_at"] = _words_at(lex.date_units)
    lex.compiled["figure_coordinator"] = re.compile(lex.grammar["figure_coordinator"])
    nouns = "|".join(map(re.escape, sorted({**lex.implied_units, **lex.unitless_nouns}, key=len, reverse=True)))
    lex.compiled["implied_unit"] = re.compile(f"({nouns}){lex.implied_unit_links}$") if nouns else None
    return lex, before, bare_re


@lru_cache(maxsize=1)
def _before_by_last_char() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for w in _tables()[1]:  # longest first
        index.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in index.items()}


_REACHES_OVER_VERB = "…"  # a before-word written with it is an adverb: a short verb may stand before the number


@lru_cache(maxsize=1)
def _shadowing_words() -> frozenset[str]:
    """Before-words listed eq that end in a shorter listed word (通过, 打破 end in 过, 破): they only say that
    word is none there."""
    lex, before, _ = _tables()
    return frozenset(w for w in before if lex.comparators_before[w] == "eq"
                     and any(o != w and w.endswith(o) for o in before))


@lru_cache(maxsize=1)
def _adverb_before_re() -> re.Pattern | None:
    """An adverb comparator (最多…, 至少…) and the short verb after it, ending where the number starts
    (最多补助50万元, 至少建成20个): up to three Chinese characters, none a numeral."""
    words = [w[:-1] for w in _tables()[1] if w.endswith(_REACHES_OVER_VERB) and len(w) > 1]
    if not words:
        return None
    return re.compile(f"(?:{'|'.join(map(re.escape, words))})(?:(?![{CHINESE_NUMERAL_CHARS}])[\u4e00-\u9fff]){{1,3}}$")


def _match_before(before: tuple[str, ...], text: str, start: int, pos: int) -> tuple[int, str] | None:
    """The comparator word that ends (spaces aside) right before ``pos``: its start and the word; or an adverb
    comparator a short verb away (its start and the word as listed, with its …)."""
    end = pos
    while end > start and text[end - 1] == " ":
        end -= 1
    if end <= start:
        return None
    for w in _before_by_last_char().get(text[end - 1], ()):
        if end - len(w) >= start and text.endswith(w, 0, end):
            return None if w in _shadowing_words() else (end - len(w), w)
    if (adverb := _adverb_before_re()) is not None and (m := adverb.search(text, max(start, end - 8), end)):
        word = next(w for w in _tables()[1] if w.endswith(_REACHES_OVER_VERB) and text.startswith(w[:-1], m.start()))
        return m.start(), word
    return None


@lru_cache(maxsize=1)
def _units_by_first_char() -> dict[str, list[Unit]]:
    """Units indexed by their first character, each list longest first."""
    index: dict[str, list[Unit]] = {}
    for u in load_lexicon().units:
        index.setdefault(u.surface[0], []).append(u)
    return index


def _match_unit(lex: Lexicon, text: str, pos: int) -> Unit | None:
    if pos >= len(text):
        return None
    for u in _units_by_first_char().get(text[pos], ()):
        if text.startswith(u.surface, pos):
            after = pos + len(u.surface)
            if (u.not_before and after < len(text) and (blocked := next((w for w in u.not_before
                                                                        if text.startswith(w, after)), None))
                    and not ((word := _match_after(lex, text, after)) and len(word) > len(blocked))):
                continue  # (3所,所以…: no unit; 90所以上 is one, before a comparator that its 以 only begins)
            return u
    return None


def _unit_prefixes() -> frozenset[str]:
    """Unit surfaces that another, longer surface starts with (个 of 个百分点)."""
    surfaces = [u.surface for u in load_lexicon().units]
    return frozenset(s for s in surfaces if any(o != s and o.startswith(s) for o in surfaces))


_UNIT_PREFIXES = _unit_prefixes()
RATE_OR_CHANGE_UNITS = frozenset(load_lexicon().rate_units + load_lexicon().change_units)  # %, ‰, ‱, 百分点
_RATE_UNITS = frozenset(load_lexicon().rate_units)  # a dash after one ends a range's first rate (-3%-1%)


def _unit_written_out_after(lex: Lexicon, text: str, tail: "_Tail", limit: int) -> Unit | None:
    """1.2个和0.3个百分点: the longer unit (个百分点) that the next figure of a coordination writes out and this
    one leaves off (个), or None."""
    cm = lex.compiled["figure_coordinator"].match(text, tail.end, limit)
    nm = _NUMBER.match(text, cm.end(), limit) if cm else None
    u = _match_unit(lex, text, nm.end()) if nm else None
    if (u is not None and tail.unit is not None and len(u.surface) > len(tail.unit.surface)
            and u.surface.startswith(tail.unit.surface) and u.base in RATE_OR_CHANGE_UNITS):
        return u
    return None


def _subunit_res() -> dict[str, tuple[re.Pattern, tuple[Decimal, ...]]]:
    """By base unit, a pattern of the smaller units after it (5角, 零5分; each a digit and its word) and their
    factors, from numerals.yaml ``subunits``."""
    digit = f"[1-9{''.join(k for k, v in DIGITS.items() if v)}{FINANCIAL_DIGITS}]"  # 5角, 五角, 伍角
    zero = f"[{ZERO_DIGITS}]?"
    out = {}
    for base, parts in _NUMERALS["subunits"].items():
        pattern = "".join(f"(?:{zero}(?P<d{i}>{digit})(?:{'|'.join(map(re.escape, words))}))?"
                          for i, (words, _) in enumerate(parts))
        out[base] = (re.compile(pattern), tuple(Decimal(str(f)) for _, f in parts))
    return out


_SUBUNITS = _subunit_res()
_SUBUNIT_STARTS = frozenset("123456789" + "".join(DIGITS) + FINANCIAL_DIGITS)  # a digit, or the zero before one (零5分)


def _match_scale(lex: Lexicon, text: str, pos: int) -> tuple[str, Decimal] | None:
    m = lex.compiled["scale_at"].match(text, pos)
    return (m.group(0), lex.scales[m.group(0)]) if m else None


_AFTER_ALONE_BEFORE = "的"  # 5%强的增幅: the word after such an after-word that leaves it a bound


def _match_after(lex: Lexicon, text: str, pos: int) -> str | None:
    m = lex.compiled["after_at"].match(text, pos)
    if m is None:
        return None
    nxt = text[m.end():m.end() + 1]
    if m.group(0) in lex.after_alone and "\u4e00" <= nxt <= "\u9fff" and nxt != _AFTER_ALONE_BEFORE:
        return None  # 3轮强降雨: 强 begins what is counted
    return m.group(0)


_CELL_ENDS = " \t|\n"  # what ends a table's cell (a number alone in it)
# another number in the same row (| 地区生产总值增长 | % | 6 | 6.2 |: a target and a result, or two years): which
# column a number is in, the row does not say, so none is read here (extract/tables.py reads such a row by the
# header above it, cell by cell, with read_cell)
_ANOTHER_CELL = re.compile(r"[^\S\n]*(?:[^\s\d|(（]{0,3})[ \t|]+[-\d]")
# a unit named in parentheses after a row's name (地区生产总值(亿元) 5678.9, 增长(%) 5.2) or in a cell of its own
# (| 地区生产总值 | 亿元 | 1234.5 |), with nothing but a colon, cell marks or spaces before the number
_HEADER_UNIT = re.compile(r"(?:[(（]\s*([^()（）\s\d]{1,6})\s*[)）]|[\s|]([^\s|\d()（）]{1,6})[\s|])[\s|:：]*$")


def _header_unit(text: str, num_start: int) -> tuple[Decimal, Unit] | None:
    """The scale and unit a table names for the number at ``num_start`` (see ``_HEADER_UNIT``), or None."""
    line_start = text.rfind("\n", 0, num_start) + 1
    m = _HEADER_UNIT.search(text, max(line_start, num_start - 16), num_start)
    if m is None:
        return None
    return read_unit(m.group(1) if m.group(1) is not None else m.group(2))  # (所有权), 合计: no unit


def read_unit(words: str) -> tuple[Decimal, Unit] | None:
    """The scale and unit that ``words`` name and nothing else (元, 万元, %, 万头), or None: a table's unit cell,
    the (元) after a row's name, a 单位:万元 caption."""
    lex = _tables()[0]
    words = words.strip()
    tail = _read_tail(lex, words, 0, len(words)) if words else None
    if tail is None or tail.unit is None or tail.more or tail.end != len(words):
        return None
    return tail.scale, tail.unit


def read_cell(text: str, start: int, end: int, unit: tuple[Decimal, Unit, str] | None = None) -> Quantity | None:
    """The one figure a table's cell ``text[start:end]`` holds, the whole cell (15860, 15860元, 2.5万头, 5以上,
    ≥95%): in its own unit, else in ``unit`` (scale, unit, as written: its column's or its row's); None where the
    cell is no one figure (5G基站, 2024年) or names no unit and is given none (3—5; under %, 6-6.5 is a range)."""
    lex, before, _ = _tables()
    m = next(iter(_unglued(text, _candidate_re().finditer(text, start, end))), None)
    if m is None:  # (a comparator word or sign may stand before it: ≥95%, 约5000, 大于等于95%)
        return None
    q = _read_quantity(lex, before, text, m, start, end, cell_unit=unit)
    return q if q is not None and q.start == start and q.end == end else None


def _sized_by_count(text: str, pos: int, limit: int) -> bool:
    """Whether a count of people or households that ends at ``pos`` is the size of what follows its 的 (组建20人的
    专家服务团队, 13亿人口的发展中国家), not the people helped to what follows (1.5万贫困人口的温饱问题: units.yaml
    people_needs_after_de)."""
    return (text.startswith(_OF_AFTER_COUNT, pos, limit)
            and not text.startswith(_PEOPLE_NEEDS, pos + len(_OF_AFTER_COUNT), limit)
            and not text.startswith(_COUNT_NAMED_AFTER_DE, pos + len(_OF_AFTER_COUNT), limit))


def _amount_spent_after(lex: Lexicon, text: str, pos: int) -> bool:
    """Whether the words at ``pos``, right after a round amount, say what it is or is spent on, or that it is
    exact (units.yaml round_amount_spent_before, keys.yaml verbs: 十万元奖金, 十万元整治河道, 十万元整)."""
    if text.startswith(lex.round_amount_spent_before, pos):
        return True
    verb = load_key_lexicon().verbs.match(text, pos)  # (not before a kind it names a class of: 十亿元建设项目)
    return verb is not None and not text.startswith(CLASS_MONEY_NOUNS, verb.end())


def _counted_after(lex: Lexicon, text: str, pos: int, limit: int) -> bool:
    """Whether a word stands right after a scale that may count something no unit names (1.2万笔, 5000万卢布):
    a Chinese character that begins no comparator word (以上, 左右) nor a milestone (600万大关)."""
    return (pos < limit and "\u4e00" <= text[pos] <= "\u9fff" and _match_after(lex, text, pos) is None
            and not text.startswith(MILESTONE_WORDS, pos))


def _implied_unit(lex: Lexicon, text: str, sent_start: int, num_start: int) -> tuple[Unit, bool] | None:
    """The unit a number with a scale and none written after it counts, from the noun before it (全市常住人口
    580万: 人; 总投资1.2亿: 元), and whether that noun names a measure with no unit, whose figure needs no scale
    (城乡居民收入比缩小至2.12: 1), or None."""
    pattern = lex.compiled.get("implied_unit")
    m = pattern.search(text, max(sent_start, num_start - _IMPLIED_REACH), num_start) if pattern else None
    if m is None:
        return None
    if (base := lex.unitless_nouns.get(m.group(1))) is not None:
        return Unit("", base), True
    return Unit("", lex.implied_units[m.group(1)]), False


# the words of a rate's time or of a year's amount that end the words before a figure (…、每人每月, …和每人每年)
TIME_WORDS_END = re.compile("(?:" + "|".join(map(re.escape, load_lexicon().time_words)) + ")$")
_TIME_WORDS_REACH = max(map(len, load_lexicon().time_words))
_FROM = "从由"  # right before a figure of a measure with no unit: where it moved from (收入倍差从1.96缩小至1.81)
_FROM_DATED = "年的"  # ...or the year it moved from (收入比由2022年的2.45缩小到2.29, 由上年的1.88)
# where a figure moved from, right before it (its year or 上年 between): 从1.96, 由2022年的2.45, 由上年的1.88
_FROM_BEFORE = re.compile(load_lexicon().cues["starting_year_before"].removesuffix("$") + r"(?:(?:(?:19|20)\d{2}年|"
                          + "|".join(load_lexicon().cues["last_year_words"]) + ")"
                          + load_lexicon().cues["starting_year_after"] + ")?$")  # (the words of a dated start: cues.yaml)
_FROM_REACH = 10  # characters that 由2022年末的 takes


ASIDE_OPENS, ASIDE_CLOSES = "(", ")"  # what opens and closes an aside beside a figure (normalised text's brackets)
# between a level of no unit and the year before's figure of it in an aside: (上年为, (2024年末为 (grammar
# year_before_words), and the end of those words, a number's lookbehind
_YEAR_BEFORE_ASIDE = re.compile(r"\s*[(（]\s*" + load_lexicon().grammar["year_before_words"] + r"为\s*")
_ASIDE_BASE_END = "[年期末底]为"
UNITLESS_UNITS = frozenset(load_lexicon().unitless_nouns.values())  # the units of measures that have none (1)
# the units a level's change is never said in (增长6.1%,比上年提高0.5: points), units.yaml rate_units and change_units
_NO_CARRIED_UNITS = frozenset(load_lexicon().rate_units) | frozenset(load_lexicon().change_units)
# between a level and its change from the year before: a comma, the base, a change verb (…,比上年缩小0.06)
_CHANGE_FROM_LAST_YEAR = re.compile(
    r"\s*[,，]\s*(?:" + "|".join(map(re.escape, sorted(load_lexicon().cues["comparison_cues"], key=len, reverse=True)))
    + ")(?:" + re.escape(load_lexicon().cues["comparison_period"]) + r")?\s*(?:"
    + "|".join(load_lexicon().cues["change_verbs"]) + r")了?\s*")


def _after_from(text: str, num_start: int, sent_start: int) -> bool:
    return num_start > sent_start and _FROM_BEFORE.search(text, max(sent_start, num_start - _FROM_REACH), num_start) is not None


_IMPLIED_REACH = 20  # how far before the number the noun may start (收入比从2.50:1缩小至2.27:1: 13 characters)


def _is_date_unit(lex: Lexicon, text: str, pos: int) -> bool:
    return lex.compiled["date_at"].match(text, pos) is not None


@dataclass(slots=True)
class _Tail:
    """What follows a number: 多/余, a scale and a unit, and where they end."""
    end: int
    scale: Decimal
    scale_text: str
    unit: Unit | None
    unit_text: str
    more: bool
    half: bool = False  # 两个半月: a half more than the number


def _read_tail(lex: Lexicon, text: str, pos: int, limit: int) -> _Tail:
    """After a number: 多/余, a scale (万, 亿), 多/余 again, then a unit."""
    start = pos
    more = False
    if pos < limit and text[pos] == " ":  # 3.0 公里, a PDF's 10 余个
        sp = _space_end(text, pos, limit)
        at = sp + 1 if sp < limit and text[sp] in _MORE else sp
        if _match_unit(lex, text, at) or _match_scale(lex, text, at):
            pos = sp
    if pos < limit and text[pos] in _MORE:
        more, pos = True, pos + 1
    if pos < limit and text[pos] in _CLASSIFIER_STARTS and (infixed := _classifier_infix(lex, text, pos, limit)):
        infix_unit, infix, end = infixed  # 两个半月, 三个多小时, 1个多百分点: a unit said with 半 or 多 after its classifier
        return _Tail(end, _ONE, "", infix_unit, text[start:end], more or infix in _MORE, infix == _HALF)
    unit = _match_unit(lex, text, pos)
    scale, scale_text = _ONE, ""
    if unit is None:
        sc = _match_scale(lex, text, pos)
        if sc is None and (spoken := _spoken_scale(lex, text, pos, limit)):
            pos, sc = spoken[0], spoken[1]  # 3个亿, 两个多亿元: past the classifier (and its 多)
            more = more or text[pos - 1] in _MORE
        if sc:
            scale_text, scale = sc
            pos += len(scale_text)
            if pos < limit and text[pos] in _MORE:
                more, pos = True, pos + 1
                if (sc2 := _match_scale(lex, text, pos)) is not None and sc2[1] > scale:
                    scale_text, scale = scale_text + sc2[0], scale * sc2[1]  # 3千多万元, 5百余万人次: 3千多 of 万
                    pos += len(sc2[0])
            unit = _match_unit(lex, text, pos)
    unit_text = text[start:pos] if unit is None else text[start:pos] + unit.surface
    if unit is not None:
        pos += len(unit.surface)
    return _Tail(pos, scale, scale_text, unit, unit_text, more)


# the first characters of the classifiers of ``classifier_infixes``: most tails start with none of them
_CLASSIFIER_STARTS = frozenset(c[0] for c in load_lexicon().classifier_infixes)


def _classifier_infix(lex: Lexicon, text: str, pos: int, limit: int) -> tuple[Unit, str, int] | None:
    """A unit said with its classifier and 半 or 多 between the two at ``pos`` (个半月, 个多小时, 个半百分点): the
    unit, the character between and where the unit ends; or None."""
    for classifier, infixes in lex.classifier_infixes.items():
        at = pos + len(classifier)
        if not (text.startswith(classifier, pos) and at < limit and text[at] in infixes):
            continue
        for u in _units_by_first_char().get(classifier[0], ()):  # longest first
            rest = u.surface[len(classifier):]
            end = at + 1 + len(rest)
            if (rest and u.surface.startswith(classifier) and text.startswith(rest, at + 1) and end <= limit
                    and not (u.not_before and text.startswith(u.not_before, end))):
                return u, text[at], end
    return None


def _spoken_scale(lex: Lexicon, text: str, pos: int, limit: int) -> tuple[int, tuple[str, Decimal]] | None:
    """A scale said with a classifier at ``pos`` (个亿, 个多亿): where the scale starts, and the scale."""
    for classifier, names in lex.spoken_scales.items():
        if text.startswith(classifier, pos):
            at = pos + len(classifier)
            if at < limit and text[at] in _MORE:
                at += 1
            sc = _match_scale(lex, text, at)
            if sc and sc[0] in names:
                return at, sc
    return None


def find_quantities(text: str, start: int = 0, end: int | None = None,
                    candidates: tuple[list, list, list] | None = None) -> list[Quantity]:
    """Every quantity with a unit in ``text[start:end]``; dates, ordinals and bare numbers are skipped.

    ``candidates``: this span's matches from ``find_candidates`` when the caller has them already.
    """
    lex, before, _ = _tables()
    end = len(text) if end is None else end
    if candidates is None:
        candidates = (_unglued(text, _candidate_re().finditer(text, start, end)),
                      _find_bares(text, start, end), _find_shares(text, start, end))
    numbers, bares, shares = candidates
    out: list[Quantity] = []
    for m in shares:
        if (not out or m.start() >= out[-1].end) and (q := _read_share(lex, before, text, m, start, end)):
            out.append(q)
    taken = [(q.num_start, q.end) for q in out]
    pos = start
    last = None
    for m in numbers:
        if m.start() < pos or (taken and any(a <= m.start() < b for a, b in taken)):
            continue
        q = _read_quantity(lex, before, text, m, start, end, after=last)
        if q is not None:
            out.append(q)
            pos = q.end
            last = q
    if bares:
        out.extend(_find_bare_scales(lex, bares, text, start, end, out))
    out.extend(_structure_terms(text, start, end, out))
    out.extend(_shared_unit_lists(lex, text, start, out))
    out.sort(key=lambda q: q.start)
    _respectively_bound(lex, before, text, start, out)
    return [q for q in out if _fits(q.value) and _fits(q.value_high)]


_STRUCTURE = load_lexicon().grammar["structure_ratio"]
STRUCTURE_COLONS = ":∶"  # what parts a ratio's terms (16.0:39.2:44.8, 15.4∶39.4∶45.2)
_STRUCTURE_TERMS = re.compile(r"(?<![\d.{c}])\d{{1,2}}(?:\.\d+)?(?:[{c}]\d{{1,2}}(?:\.\d+)?){{{n}}}(?![\d.{c}])".format(
    c=STRUCTURE_COLONS, n=len(_STRUCTURE["parts"]) - 1))
_STRUCTURE_LEAD = re.compile(f"(?:{_STRUCTURE['lead']})[^,;:。\\d]{{0,{int(_STRUCTURE['reach'])}}}$")
_STRUCTURE_FROM = re.compile(load_lexicon().cues["from_before"])
_STRUCTURE_TERM = re.compile(r"\d+(?:\.\d+)?")
STRUCTURE_SHAPE = "structure"  # a term of a structure's ratio (grammar structure_ratio)


def _structure_terms(text: str, start: int, end: int, found: list[Quantity]) -> list[Quantity]:
    """Each term of a structure said as a ratio of its parts' shares (三次产业结构为15.4:39.4:45.2), as a share in %:
    the ratio after the words that name it, not one a change starts from (由上年的16.4:38.9:44.7调整为…)."""
    out = []
    after_from = None  # where a ratio a change starts from ends (由上年的16.4:38.9:44.7): the one it moved to comes next
    for m in _STRUCTURE_TERMS.finditer(text, start, end):
        before = text[max(start, m.start() - _STRUCTURE_REACH):m.start()]
        moved_to = (after_from is not None and 0 <= m.start() - after_from <= _STRUCTURE_TO_REACH
                    and not _STRUCTURE_STOP.search(text, after_from, m.start()))
        terms = list(_STRUCTURE_TERM.finditer(text, m.start(), m.end()))
        if (not (_STRUCTURE_LEAD.search(before) or moved_to)
                or abs(sum(Decimal(t.group(0)) for t in terms) - _WHOLE) > _STRUCTURE_SLACK
                or any(q.start < m.end() and m.start() < q.end for q in found)):
            continue  # (shares add up to the whole: not 1:4.2:4.8, a ratio to the first part)
        if not moved_to and _STRUCTURE_FROM.search(before):
            after_from = m.end()
            continue
        out.extend(Quantity(t.start(), t.end(), t.group(0), t.start(), Decimal(t.group(0)), None, "%", "", "eq",
                            None, None, STRUCTURE_SHAPE) for t in terms)
    return out


_STRUCTURE_REACH = 24  # characters before the terms the words that name the structure may start at
_WHOLE, _STRUCTURE_SLACK = Decimal(100), Decimal("0.5")  # the shares' sum, give or take rounding (16.0+39.2+44.8)
_STRUCTURE_TO_REACH = 6  # characters between a ratio a change starts from and the one it moved to (调整为)
_STRUCTURE_STOP = re.compile("[,;:。\\d]")  # (…past no clause or figure)


MILESTONE_WORDS = tuple(load_lexicon().grammar["milestone_words"])  # 突破600万大关: the number, not what it counts
_LIST_SEPARATORS = "、和及与 "
_ORDINAL_UNITS = frozenset(u.base for u in load_lexicon().units if u.ordinal_after_chinese)  # 1、2期 are phases
# a value of a list before the last, with its scale or not (120、35、260万吨; 45万、38万和12万亩)
_LIST_ITEM_BEFORE = re.compile(rf"(?<![\d.,A-Za-z])(\d+(?:,\d{{3}})*(?:\.\d+)?)"
                               rf"({'|'.join(sorted(load_lexicon().scales, key=len, reverse=True))})?"
                               rf"\s*[{_LIST_SEPARATORS.strip()}]\s*$")
_LIST_SPREAD = 100  # a value of a list that, with the last one's scale, would pass it this many times over takes none of it
# before 分别, words that list years or a span (2026年、2027年分别…, 近三年分别…): its values are each year's,
# which no one figure's period says
_YEARS_BEFORE = re.compile(r"(?:19|20)\d\d年[^,;:。]*(?:19|20)\d\d年|近[一二两三四五六七八九十\d]+年")


def _shared_unit_lists(lex: Lexicon, text: str, sent_start: int, found: list[Quantity]) -> list[Quantity]:
    """分别为120、35、260万吨, 分别提高3.5、4.2和5.1个百分点: numbers listed after 分别 that leave their scale and
    unit to the last one's are quantities of that scale and unit (eq), one each; one that writes its own scale
    takes only the unit (分别为45万、38万和12万亩), and so does one that the scale would make more than a hundred
    times the last (分别为52000、2.6万元: 52000元)."""
    out: list[Quantity] = []
    if not found or lex.grammar["respectively"] not in text[sent_start:found[-1].num_start]:
        return out
    taken = [(q.start, q.end) for q in found]
    for q in found:
        if (q.value_high is not None or q.shape != "number" or not text[q.num_start].isdigit()
                or text[q.num_start - 1] not in _LIST_SEPARATORS):
            continue
        last = _ARABIC_RE.match(text, q.num_start)
        number = resolve_number(last.group(0)) if last else None
        if not number:
            continue
        scale = q.value / number
        per_unit = scale / _read_tail(lex, text, last.end(), q.end).scale  # what the unit alone multiplies by (千瓦: 1)
        items, pos = [], q.num_start
        while (m := _LIST_ITEM_BEFORE.search(text, sent_start, pos)) and not any(a < m.end(1) <= b for a, b in taken):
            items.append(m)
            pos = m.start(1)
        head = text[max(sent_start, pos - _RESPECTIVELY_REACH):pos]
        at = head.rfind(lex.grammar["respectively"])
        if (items and at >= 0 and not _CLAUSE_MARK.search(head, at) and q.unit not in _ORDINAL_UNITS
                and not _YEARS_BEFORE.search(text, sent_start, pos)):
            for m in items:
                number = resolve_number(m.group(1))
                if number is None:
                    continue  # (a list item the number pattern found is always a number)
                value = number * (lex.scales[m.group(2)] * per_unit if m.group(2) else scale)
                if not m.group(2) and abs(value) > _LIST_SPREAD * abs(q.value):
                    value = number * per_unit  # (分别为52000、2.6万元: 52000元, not 5.2亿)
                end = m.end(2) if m.group(2) else m.end(1)
                out.append(Quantity(m.start(1), end, text[m.start(1):end], m.start(1), value, None, q.unit, q.unit_text,
                                    "eq", None, None, "number"))
    return out


_LIST_GAP = re.compile(rf"\s*[{_LIST_SEPARATORS.strip()}]\s*")  # between two values of one list (230万头、850万只)


def _respectively_bound(lex: Lexicon, before_words: tuple[str, ...], text: str, sent_start: int,
                        found: list[Quantity]) -> None:
    """分别达到230万头、850万只, 分别控制在5%和3%, 分别达到120、35、260万吨: a comparator word between 分别 and the
    first value of its list bounds every value of the list that states no bound of its own (each keeps its own
    span; a value listed without its unit takes the word into its span, as a number does)."""
    respectively = lex.grammar["respectively"]
    if not found or respectively not in text[sent_start:found[-1].start]:
        return  # (no 分别 before the last value: most sentences)
    i = 0
    while i < len(found):
        q = found[i]
        word, word_start = q.comparator_before, q.start
        if word is None and q.shape == "number" and q.comparator == "eq" and (
                bm := _match_before(before_words, text, sent_start, q.num_start)):
            word_start, word = bm  # (a value listed without its unit: 分别达到120、35、260万吨)
        j = i + 1
        while j < len(found) and _LIST_GAP.fullmatch(text, found[j - 1].end, found[j].start):
            j += 1
        if (word is None or word not in lex.comparators_before or j - i < 2
                or not text.endswith(respectively, sent_start, word_start)):
            i += 1
            continue
        for r in found[i:j]:
            if r.comparator == "eq" and r.comparator_before is None and r.comparator_after is None:
                if r is q:
                    r.start, r.surface = word_start, text[word_start:r.end]
                r.comparator, r.comparator_before = lex.comparators_before[word], word
        i = j


VALUE_LIMIT = Decimal(10) ** 34  # a value is stored as DECIMAL(38,4): at most 34 digits before the point


def _fits(value: Decimal | None) -> bool:
    return value is None or (value.is_finite() and abs(value) < VALUE_LIMIT)


def _ordinal_before(text: str, end: int, sent_start: int) -> bool:
    """Whether a number ends at ``end`` with an ordinal or denominator prefix before it (第3至5位: 第3)."""
    start = end
    while start > sent_start and text[start - 1] in _NUMBER_CHARS:
        start -= 1
    return start < end and text.endswith(_NOT_A_FIGURE_PREFIXES, sent_start, start)


def _read_quantity(lex, before_words, text, m, sent_start, limit, cell_unit=None, after=None) -> Quantity | None:
    """The quantity whose number ``m`` found, read within ``text[sent_start:limit]``; ``cell_unit`` (scale, unit, as
    written): the unit a table's column or row gives a cell's number that writes none (``read_cell``); ``after``: the
    quantity read last before it in the span, whose unit its change from the year before may leave out."""
    raw = m.group(0)
    chinese = not raw[0].isdigit()
    if chinese and len(raw) > 1 and all(c in ZERO_DIGITS for c in raw):
        return None
    if chinese and _NUMERAL_ADVERBS.match(text, m.start()):
        return None  # 增速一度回落至2.1%: once, no degree
    if (chinese and len(raw) > 1 and raw[-1] in SMALL_UNITS and _multiplied_before(raw[:-1], raw[-1])
            and (shorter := _candidate_re().match(text, m.start(), m.end() - 1))):
        # 五百二十千克, 六十八千公顷: a 千 after 二十 cannot be the numeral's, so it starts the unit (千克) or is a
        # scale (68 千 公顷), not 520 + 1000 克
        m, raw = shorter, shorter.group(0)
    num_start = m.start()
    prev = text[num_start - 1] if num_start > sent_start else ""
    before_end = num_start  # 第3个, 第 3 个, 每100户: an ordinal or a denominator, spaces aside, right before it
    while before_end > sent_start and text[before_end - 1].isspace():
        before_end -= 1
    if text.endswith(_NOT_A_FIGURE_PREFIXES, sent_start, before_end) or _ORDINAL_LIST.search(text, sent_start, before_end):
        return None  # (第1、2、3名: the last of a list of ordinals)
    if (_REFERENCE_BEFORE.search(text, max(sent_start, before_end - _REFERENCE_REACH), before_end)
            and _REFERENCE_AFTER.match(text, m.end())):
        return None  # 完成表1所列粮食生产目标: a table the text points to, no figure
    if (_DIGITS_OF_CODE_BEFORE.search(text, max(sent_start, before_end - _CODE_REACH), before_end)
            and _DIGITS_OF_CODE_AFTER.match(text, m.end())):
        return None  # 凭身份证号后6位查询: how many characters of a code, no figure (probe v321)
    if (prev in SECTION_UNITS and m.start() - 2 >= sent_start and text[m.start() - 2] in _NUMBER_CHARS) or (
            prev in ZERO_DIGITS and m.start() - 2 >= sent_start and text[m.start() - 2] in SECTION_UNITS) or (
            prev == " " and len(raw) == 3 and raw.isdigit() and m.start() - 2 >= sent_start
            and text[m.start() - 2].isdigit()) or (
            raw[0] in SEVERAL and prev and (prev.isdigit() or prev in CHINESE_NUMERAL_CHARS)) or (
            prev in SMALL_UNITS and not chinese and m.start() - 2 >= sent_start and text[m.start() - 2].isdigit()) or (
            prev in _RANGE_CHARS and _ordinal_before(text, m.start() - 1, sent_start)):
        # 3万4千万元, 一百几十人, 1 234元, 3千4百人, 第3至5位: the rest of a number (or an ordinal range's end) whose
        # start could not be read, never a number
        return None
    duration = None
    if _YEAR_MONTH.fullmatch(raw) and not _match_scale(lex, text, m.end()):
        return None  # 自2025.03起: a year and its month, written with a point
    if _is_date_unit(lex, text, m.end()):
        # 平均受教育年限达到11.5年: no date has a decimal point, so this 年 is a duration
        duration = "." in raw and next((u for u in lex.durations if text.startswith(u.surface, m.end())), None)
        if not duration:
            return None
    value, value_high, shape = _resolve_raw(raw)
    if value is None:
        return None
    tail_start = m.end()
    if chinese and value_high is None and (some := _tens_and_some(value, raw, text, tail_start)):
        (value, value_high, tail_start), shape = some, "approximate"  # 十几个, 三十几万人: 11–19, 31万–39万
    about = (value_high is None and text.startswith(_ABOUT, tail_start)
             and (raw[-1] in SMALL_UNITS or raw.isdigit() and raw.endswith("0"))
             and not _is_date_unit(lex, text, tail_start + len(_ABOUT)))
    if about:  # 二十来个, 三百来人, 十来万人: about that many
        tail_start, shape = tail_start + len(_ABOUT), "approximate"
    tail = (_read_tail(lex, text, tail_start, limit) if not duration
            else _Tail(tail_start + len(duration.surface), _ONE, "", duration, duration.surface, False))
    if tail.scale_text and tail.unit is None and not chinese:
        tail, value = _mixed_scale(lex, text, tail, value, limit, m.start())  # 3万4000人, 1万2千亿元
        if value is None:
            return None  # 3千4千人: no number
    if value_high is not None:  # 两三个, 三四万吨, 数十亿元
        value, value_high = value * tail.scale, value_high * tail.scale
    elif (tail.end < limit and text[tail.end] in _RANGE_OR_BETWEEN_STARTS
          and (rng := _range_end_after(lex, text, tail, limit, chinese, bare=cell_unit is not None))):
        # a range: 2—3个, 4.5-5%, 6%－6.5%, 5%到6%, 一千到一千五百元, 4%和5%之间
        high, tail2, raw2 = rng
        if tail.scale_text:
            value = parse_chinese_number(raw + tail.scale_text) if _one_numeral(chinese, tail) else value * tail.scale
        elif tail.unit is None and value * tail2.scale <= high:
            value *= tail2.scale  # 3-5万元: the end's scale is the start's too
        # (not where the start writes its unit, 5000元—1万元, nor where it would pass the end: 八千到一万个,
        # 5000至1万元 start at 8000 and 5000)
        if (chinese and raw in DIGITS and len(raw2) == 2 and raw2[0] in DIGITS and SMALL_UNITS.get(raw2[1], 0) >= 100
                and DIGITS[raw] < DIGITS[raw2[0]]):
            # 两到三千米, 三至五百人: the first digit counts the hundreds or thousands the second names (一至二十人 is
            # 1–20, 五至二十个 5–20)
            value *= SMALL_UNITS[raw2[1]]
        value_high = high
        tail = _Tail(tail2.end, Decimal(1), tail2.scale_text, tail2.unit, text[m.end():tail2.end],
                     tail.more or tail2.more)
        shape = "range"
    currency = (_currency_before(lex, text, m.start(), sent_start)
                if not chinese and (tail.unit is None or tail.unit.base in _CURRENCIES) else None)
    if currency and (tail.unit is None or tail.unit.base != lex.currency_signs[currency]):
        # ¥35,000.00, US$1.5万: the unit its sign names; 港元6.5亿元: the currency named before the number, not 元
        tail = _Tail(tail.end, tail.scale, tail.scale_text, Unit(currency, lex.currency_signs[currency]),
                     tail.unit_text, tail.more)
    elif (cell_unit is not None and tail.unit is None and value_high is None and not chinese
            and (not tail.scale_text or cell_unit[0] == 1)):
        # a table's cell under the unit its column or row names (15860 under 元, 2.3 under 万头, 2.5万 under 头)
        tail = _Tail(tail.end, tail.scale * cell_unit[0], tail.scale_text, cell_unit[1],
                     tail.scale_text + cell_unit[2], tail.more)
    elif cell_unit is not None and tail.unit is None and shape == "range" and not tail.scale_text and not chinese:
        # a range in a table's cell under the unit its column names (6-6.5 under %): both ends in it
        value, value_high = value * cell_unit[0], value_high * cell_unit[0]
        tail = _Tail(tail.end, tail.scale, tail.scale_text, cell_unit[1], cell_unit[2], tail.more)
    elif (tail.unit is None and tail.scale_text and value_high is None
          and (people := next((u for n, u in lex.implied_units_after if text.startswith(n, tail.end, limit)
                               and not text.startswith(lex.implied_units_after_not_before, tail.end + len(n))
                               and not _sized_by_count(text, tail.end + len(n), limit)), None))):
        # 1420万农业转移人口在城镇落户: the people it counts, named right after it
        tail = _Tail(tail.end, tail.scale, tail.scale_text, Unit("", people), tail.unit_text, tail.more)
    elif (tail.unit is None
            and not (tail.end < limit and text[tail.end] in _NUMBER_CHARS)  # (十几万5千人: a number goes on)
            and not (text[tail.end:tail.end + 1] in _JOINED_AFTER_DIGIT and text[tail.end + 1:tail.end + 2].isdigit())
            # (收入比1:10, 0:30: the first part of what the digits go on to)
            and (implied := _implied_unit(lex, text, sent_start, m.start()))
            and (not _counted_after(lex, text, tail.end, limit) or implied[1] and _after_from(text, m.start(), sent_start))
            # a scale (常住人口580万), or a Chinese numeral of hundreds and up said alone (财政收入一亿二, 补贴三百五),
            # or none at all (生产安全事故死亡人数为0, 为零: no one; a count needs no scale to be none), or any figure of
            # a measure that has no unit written in digits or with a decimal point (灌溉水有效利用系数提高到0.58以上,
            # 零点五八)
            and (tail.scale_text or value is not None and (
                chinese and value >= _HUNDRED
                or (value == 0 and value_high is None or implied[1] and (not chinese or POINT in raw))
                and (CLAUSE_END_AFTER.match(text, tail.end) is not None or _match_after(lex, text, tail.end)
                     # (城乡居民人均收入比为2.06(上年为2.09): an aside after it, the year before's figure)
                     or implied[1] and (_after_from(text, m.start(), sent_start) or text.startswith(ASIDE_OPENS, tail.end)))))):
        tail = _Tail(tail.end, tail.scale, tail.scale_text, implied[0], tail.unit_text, tail.more)  # 常住人口580万
    elif (tail.unit is None and value_high is None and not chinese and after is not None
          and (after.unit in UNITLESS_UNITS or tail.scale_text and after.unit not in _NO_CARRIED_UNITS)
          and (_CHANGE_FROM_LAST_YEAR.fullmatch(text, after.end, m.start()) is not None
               or after.unit in UNITLESS_UNITS and _YEAR_BEFORE_ASIDE.fullmatch(text, after.end, m.start()) is not None)
          and (CLAUSE_END_AFTER.match(text, tail.end) is not None or _match_after(lex, text, tail.end)
               or text.startswith(ASIDE_CLOSES, tail.end))):
        # 城乡居民收入比为2.35,比上年缩小0.06; 常住人口58.2万人,比上年减少0.3万: the change of the level just said
        # leaves its unit to it (not a percentage's: 增长6.1%,比上年提高0.5 is in points); and so does the year before's
        # figure of a measure of no unit in an aside (城乡居民人均收入比为2.06(上年为2.09))
        tail = _Tail(tail.end, tail.scale, tail.scale_text, Unit("", after.unit), tail.unit_text, tail.more)
    elif (tail.unit is None and not tail.scale_text and value_high is None and not chinese
          and (tail.end >= limit or text[tail.end] in _CELL_ENDS or _match_after(lex, text, tail.end))
          and not _ANOTHER_CELL.match(text, tail.end) and (header := _header_unit(text, m.start()))):
        # 地区生产总值(亿元) 5678.9: a table's cell under the unit its row or column names
        tail = _Tail(tail.end, header[0], "", header[1], "", tail.more)
    unit = tail.unit
    if unit is None or (chinese and unit.ordinal_after_chinese
                        and not (text.endswith(_SESSIONS_BEFORE, sent_start, before_end)
                                 and (tail.end >= limit or CLAUSE_END_AFTER.match(text, tail.end)))):
        return None  # 二期工程 is phase two (举办培训班五期 five sessions)
    if unit.only_after and not any(text.rfind(w, sent_start, m.start()) >= 0 for w in unit.only_after):
        return None  # 1080P, 3P空调: no computing power (units.yaml only_after)
    if (unit.surface in _RANK_UNITS and text.endswith(_RANK_PREFIXES, sent_start, before_end)
            and not text.endswith(_RANK_NOT_AFTER, sent_start, before_end - 1)):
        return None  # 进入全国前500名: a rank (not 目前200名医护人员)
    if unit.base in _STREAK_UNITS and text.endswith(_STREAK_PREFIXES, sent_start, before_end):
        return None  # 连续12个月保持在95分以上: how long a run lasted
    if unit.base in _STREAK_UNITS and _FREQUENCY_AFTER.match(text, tail.end):
        return None  # 6个月内复检一次: how often
    if unit.base == _TEMPERATURE and _WEATHER_AFTER.match(text, tail.end):
        return None  # 在零下30多摄氏度的严寒中: the weather, no measure
    if tail.unit_text and unit.base in _PEOPLE_UNITS and _sized_by_count(text, tail.end, limit):
        return None  # 组建20人的专家服务团队, 10万人的城市: a size, no count (解决3.8万人的人畜饮水困难 is one)
    if unit.surface in _UNIT_PREFIXES and (longer := _unit_written_out_after(lex, text, tail, limit)):
        unit = longer
        tail = _Tail(tail.end, tail.scale, tail.scale_text, unit, tail.unit_text, tail.more)
    sep = lex.per_separator
    if text.startswith(sep, tail.end, limit) and (per := next(
            (p for p in lex.per_units if text.startswith(p, tail.end + len(sep), limit)), None)):  # 16.8万元/人: 元/人
        unit = Unit(f"{unit.surface}{sep}{per}", f"{unit.base}{sep}{per}")
        tail = _Tail(tail.end + len(sep) + len(per), tail.scale, tail.scale_text, unit, f"{tail.unit_text}{sep}{per}",
                     tail.more)
    if (_CLASS_SUFFIX.match(text, tail.end) and not _match_after(lex, text, tail.end)
            and not ((bm := lex.compiled["before_at"].match(text, tail.end))
                     and (_NUMBER.match(text, bm.end()) or _match_scale(lex, text, bm.end())))):
        return None  # 百万吨级码头, 24小时自助服务: a class or a kind, not a quantity (39天破亿 is a count of days)
    if ((text.endswith(_CAPACITY_BEFORE, sent_start, before_end) or unit.base.endswith(f"{sep}年"))
            and _CAPACITY_NAMED_AFTER.match(text, tail.end, limit)):
        return None  # 年产15万吨原丝项目, 400万吨/年煤制油项目: the size a project is named by
    if (chinese and raw[0] in SMALL_UNITS and (unit.base in lex.no_bare_scale or unit.base in lex.round_class_units)
            and not (tail.more or about)  # (百余万元修缮古村落, 百来万元用于…: about that much names no class)
            and _counted_after(lex, text, tail.end, limit) and not _amount_spent_after(lex, text, tail.end)):
        return None  # 营收过百亿元企业, 千亿元产业集群, 超千亿元的产业集群: a round amount right before a noun names a class
    if value_high is None and value is not None:
        # 十三亿五千 and its scale 万 are one numeral: 13亿 + 5000万, not (13亿 + 5000) × 万
        value = parse_chinese_number(raw + tail.scale_text) if _one_numeral(chinese, tail) else value * tail.scale
    if value is None:
        return None  # a numeral and a scale that make no number together (一亿二亿)
    if tail.half:
        if value_high is not None or value != value.to_integral_value():
            return None  # (两三个半月, 1.5个半月: no number)
        value += Decimal("0.5")  # 两个半月, 一个半小时
    pos = tail.end
    if (value_high is None and not tail.scale_text and pos < limit and text[pos] in _SUBUNIT_STARTS
            and (sub := _SUBUNITS.get(unit.base))):
        sm = sub[0].match(text, pos, limit)  # 12元5角, 3元2角5分, 1元零5分
        if sm and sm.end() > pos:
            value += sum(((resolve_number(d) or Decimal(0)) * f for d, f in zip(sm.groups(), sub[1]) if d), Decimal(0))
            pos = sm.end()
    if (value_high is None and not tail.scale_text and pos < limit and text[pos] == _HALF
            and value == value.to_integral_value()
            and (_HALF_ENDS.match(text, pos + 1, limit) or _match_after(lex, text, pos + 1))):
        value, pos = value + Decimal("0.5"), pos + 1  # 一吨半 (not 5个半导体)
    sp = _space_end(text, pos, limit)
    if im := _INCLUSIVE.match(text, sp, limit):  # 50万元(含)以上
        sp = _space_end(text, im.end(), limit)
    after = _match_after(lex, text, sp)
    if after and not (tail.more and after in _MORE):
        pos = sp + len(after)
    else:
        after = None
    num_start = m.start()
    if ((unit.base in _SIGNED_UNITS or num_start > sent_start and text[num_start - 1] in _WORD_SIGN_ENDS)
            and (sign := _signed_negative(text, num_start, sent_start))
            and (unit.base in _SIGNED_UNITS or text[num_start - sign:num_start] in _WORD_SIGNS)):
        # 增长-0.5%, 负3.9%; a sign in words goes with any unit (负零点八米, 零下三度), a dash only with a rate's or an
        # amount's (not 2023-5个)
        num_start -= sign
        value = -value  # of a range, the low end: -1%至1%
        if value_high is not None and value_high < value:
            value, value_high = value_high, value  # 零下5至零下10摄氏度: −10 to −5
    lead = _space_start(text, num_start, sent_start) - len(currency) if currency else num_start  # (¥ 35,000)
    before_m = _match_before(before_words, text, sent_start, lead)
    if before_m is None and (rate := TIME_WORDS_END.search(text, max(sent_start, lead - _TIME_WORDS_REACH), lead)):
        # 不低于每人每月600元: ge, per month; 不低于每人每年6900元: ge, a year's
        before_m = _match_before(before_words, text, sent_start, rate.start())
    if (before_m is None and value_high is None and all(c in SMALL_UNITS for c in raw)
            and _round_lower_bound(text, num_start, sent_start)):
        before_m = (num_start - 1, _ROUND_LOWER_BOUND)  # 上千人: more than a thousand
        tail = _Tail(tail.end, tail.scale, tail.scale_text, unit, tail.unit_text, True)
    before = before_m[1] if before_m else None
    q_start = before_m[0] if before_m else lead
    comparator = _resolve_comparator(lex, before, after, tail.more, value_high is not None, shape == "approximate")
    if about and after is None:
        comparator = "approx"
    flags = []
    # (a ? between digits, even where it ended a sentence: 1?0万元 is a digit the source lost; not 靠什么?12个)
    lost = prev in _LOST or (num_start >= 2 and text[num_start - 1] in _LOST and text[num_start - 2].isdigit())
    if lost or (raw.startswith("0") and not raw.startswith("0.") and len(raw) > 1):
        flags.append("corrupt_text")
    return Quantity(q_start, pos, text[q_start:pos], num_start, value, value_high,
                    unit.base, tail.unit_text, comparator, before, after, shape, flags)


@lru_cache(maxsize=1)
def _share_re() -> re.Pattern:
    """三分之一, 百分之五, 千分之一 (a denominator, 分之, a numerator) and 九成, 3成 (tenths)."""
    n = _NUMERALS
    num = rf"(?:{CHINESE_NUMBER}|{_ARABIC})"
    not_after = "|".join(map(re.escape, n["tenths_not_before"]))
    digits = "".join(k for k, v in DIGITS.items() if v) + "十"
    big = "".join(n["fraction_units"]) + "万"
    sections = "".join(SECTION_UNITS)  # 百万分之一, 十万分之五: a denominator with its 万/亿
    words = "|".join(map(re.escape, sorted(_SHARE_WORDS, key=len, reverse=True)))
    signs = "|".join(map(re.escape, NEGATIVE_SIGNS))  # 百分之负三点九: the sign after 分之
    return re.compile(rf"(?={NUMBER_START}|[{big}]|{words})(?:(?P<word>{words})|(?P<den>(?:{num}|[{big}])[{sections}]*){re.escape(n['fraction_word'])}(?P<neg>{signs})?(?P<num>{num})"
                      rf"|(?<![\d/.{_ORDINAL_CLASS}])(?P<anum>\d)/(?P<aden>\d{{1,2}})(?![\d/.万])"  # (not 9/10万: a rate per 100,000)
                      rf"|(?P<tenths>[{digits}]{{1,2}}(?:{re.escape(POINT)}[{''.join(DIGITS)}]+)?"
                      rf"|(?<![{_GLUED_CLASS}{_ORDINAL_CLASS}])[1-9](?:\.\d)?)"
                      rf"{re.escape(n['tenths_word'])}"
                      rf"(?P<tenths_rest>[{digits}1-9{re.escape(n['half'])}](?=[^\u4e00-\u9fff\d]|[的以左多]|$))?"
                      rf"(?!{not_after}))")


_SHARE_REACH = 24  # characters a share's numbers can stand from its 分之/成


def _share_hints(text: str, start: int, end: int) -> list[int]:
    """Where a share may stand: each 分之, each 成 after a digit, each / between digits (a literal search:
    a regex scan of the whole text costs more than the shares it finds)."""
    n, hits = _NUMERALS, []
    digits = set(k for k, v in DIGITS.items() if v) | {"十"} | set("123456789")  # 九成, 3成
    for word, check in ((n["fraction_word"], None), (n["tenths_word"], lambda i: text[i - 1] in digits),
                        ("/", lambda i: text[i - 1].isdigit() and text[i + 1:i + 2].isdigit()),
                        *((w, lambda i: True) for w in _SHARE_WORDS)):
        i = text.find(word, start, end)
        while i >= 0:
            if (i > start or word in _SHARE_WORDS) and (check is None or check(i)):
                hits.append(i)
            i = text.find(word, i + 1, end)
    return sorted(hits)


def _find_shares(text: str, start: int, end: int) -> list[re.Match]:
    """Every share in ``text[start:end]``: the full pattern is tried only around a hint (a whole-text scan
    with it would try a numeral at every position)."""
    found: dict[int, re.Match] = {}
    for h in _share_hints(text, start, end):
        for m in _share_re().finditer(text, max(start, h - _SHARE_REACH), min(end, h + _SHARE_REACH)):
            if m.start() <= h < m.end():
                found.setdefault(m.start(), m)
    return [found[k] for k in sorted(found)]


def _read_share(lex, before_words, text, m, sent_start, limit) -> Quantity | None:
    """A share: 百分之五 is 5%, 千分之一 1‰, 三分之一 33.3333%, 九成 90%; 百分之三十到四十 a range."""
    if m.start() < sent_start or m.end() > limit:
        return None
    approximate = False
    value: Decimal | None
    high: Decimal | None
    if m.group("word"):  # 百分百 is 100%, 翻一番 1倍
        if m.group("word") in GROWTH_WORDS and text.endswith(_GROWTH_WORDS_NOT_AFTER, sent_start, m.start()):
            return None  # (社零增长: the growth of 社零)
        (value, unit), high, pos = _SHARE_WORDS[m.group("word")], None, m.end()
    elif m.group("tenths"):  # 九成 is 90%, 七八成 70–80%, 九成五 95%, 一成半 15%
        low, high = resolve_approximate(m.group("tenths"))
        if low is None:
            return None
        rest = m.group("tenths_rest")
        extra = (Decimal(5) if rest == _HALF else Decimal(rest) if rest and rest.isdigit()  # (7成5: 75%)
                 else Decimal(DIGITS[rest]) if rest else Decimal(0))
        value, unit, high, pos = low * 10 + extra, "%", (high * 10 if high is not None else None), m.end()
        rm = _RANGE_SEP.match(text, pos, limit)
        m2 = _share_re().match(text, rm.end(), limit) if rm and high is None else None
        if m2 and m2.group("tenths") and not m2.group("tenths_rest"):  # 三成到四成
            h2, _ = resolve_approximate(m2.group("tenths"))
            if h2 is not None and h2 * 10 > value:
                high, pos = h2 * 10, m2.end()
    elif m.group("anum"):  # 1/3: a share only where it is a proper fraction in lowest terms, and no date (7/8月,
        over, under = Decimal(m.group("anum")), Decimal(m.group("aden"))  # 3/15前: a month and a day)
        if not 0 < over < under or math.gcd(int(over), int(under)) != 1 or _is_date_unit(lex, text, m.end()):
            return None
        value, unit, high, pos = (over / under * 100).quantize(_SHARE_PLACES), "%", None, m.end()
    else:
        if text.startswith(_MIXED_JOINER, m.start() - len(_MIXED_JOINER), m.start()) and m.start() > sent_start + 1:
            return None  # 五又二分之一倍: a whole and a fraction (5.5), never the fraction's 50%
        den, num = m.group("den"), m.group("num")
        unit = _FRACTION_UNITS.get(den, "%")
        d, (value, high) = resolve_number(den), resolve_approximate(num)  # 百分之七八 is 7–8%
        if d is None or value is None or d == 0:
            return None
        pos = m.end()
        if high is None and (some := _tens_and_some(value, num, text, pos)):  # 百分之十几: 11–19%
            (value, high, pos), approximate = some, True
        scale = (lambda v: v) if den in _FRACTION_UNITS else (lambda v: _percent_of(v, d))
        lo, hi = scale(value), (scale(high) if high is not None else None)
        if lo is None or (high is not None and hi is None):
            return None  # 千万分之三 is 0.00003%: the places a value keeps would lose it
        value, high = lo, hi
        if m.group("neg"):
            if high is not None:
                return None  # (百分之负七八: no number)
            value = -value
        rm = _RANGE_SEP.match(text, pos, limit) or _BETWEEN_SEP.match(text, pos, limit)
        if rm and high is None and not m.group("neg"):  # 百分之三十到四十, 百分之三十到百分之四十, 百分之六和百分之七之间
            p2 = rm.end() + (len(den) + len(_NUMERALS["fraction_word"])
                             if text.startswith(den + _NUMERALS["fraction_word"], rm.end()) else 0)
            m2 = _NUMBER.match(text, p2, limit)
            between = rm.re is _BETWEEN_SEP
            if (m2 and (v2 := resolve_number(m2.group(0))) is not None
                    and (not between or text.startswith(_BETWEEN_CLOSE, m2.end()))):
                high, pos = scale(v2), m2.end()  # (之间 left out of the surface, as 5%和6%之间's is)
                if high is None:
                    return None
    sp = _space_end(text, pos, limit)
    after = _match_after(lex, text, sp)
    if after:
        pos = sp + len(after)
    num_start = m.start()
    if m.group("tenths") and high is None and (lm := _TENTHS_LOW.search(text, max(sent_start, num_start - 4),
                                                                       num_start)):
        low_word = lm.group(1)  # 两到三成, 2到3成: the low end is written without its 成
        low_value = Decimal((int(low_word) if low_word.isdigit() else DIGITS[low_word]) * 10)
        if low_value < value:
            value, high, num_start = low_value, value, lm.start()
    if sign := _signed_negative(text, num_start, sent_start):  # 负千分之一点二
        num_start, value = num_start - sign, -value
    before_m = _match_before(before_words, text, sent_start, num_start)
    q_start = before_m[0] if before_m else num_start
    before = before_m[1] if before_m else None
    comparator = _resolve_comparator(lex, before, after, False, high is not None, approximate)
    return Quantity(q_start, pos, text[q_start:pos], num_start, value, high, unit, text[m.start():m.end()],
                    comparator, before, after, "share")


def _percent_of(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """A share in %, to the places a value keeps; None where rounding to them would change it by a thousandth of
    itself or more (千万分之三, 0.00003%: no value rather than 0)."""
    exact = numerator / denominator * 100
    kept = exact.quantize(_SHARE_PLACES)
    return kept if abs(kept - exact) * 1000 <= abs(exact) else None


def _tens_and_some(value: Decimal, raw: str, text: str, pos: int) -> tuple[Decimal, Decimal, int] | None:
    """A Chinese numeral that ends on 十 with 几 right after it (十几, 三十几) is some more than the tens: its
    low and high values and where the 几 ends, or None."""
    if raw.endswith(_TEN) and text[pos:pos + 1] in SEVERAL:
        return value + 1, value + 9, pos + 1
    return None


def _resolve_raw(raw: str) -> tuple[Decimal | None, Decimal | None, str]:
    """A number's value (and upper bound, for 两三 and 数十) and its shape, before any scale."""
    if raw[0] in SEVERAL:  # 数十, 几百, 数 (万): several of the multiplier
        mult = Decimal(SMALL_UNITS[raw[1]]) if len(raw) > 1 else Decimal(1)
        return mult * _SEVERAL_RANGE[0], mult * _SEVERAL_RANGE[1], "approximate"
    if raw[0].isdigit():
        return resolve_number(raw), None, "number"
    low, high = resolve_approximate(raw)
    return low, high, "chinese"


def resolve_approximate(raw: str) -> tuple[Decimal | None, Decimal | None]:
    """Two neighbouring digits are an approximate range: 两三 is 2–3, 五六十 50–60, 三十五六 35–36, 七八十万
    70–80 (万 applied later), 三五 3–5; a run of digits alone is read digit by digit (一二三 is 123)."""
    if len(raw) < 2:  # 三: no neighbours
        return resolve_number(raw), None
    has_multiplier = any(c in SMALL_UNITS or c in "万亿" for c in raw)
    point = raw.find(POINT)  # the digits after a point are a decimal (三点八九万: 3.89万, not 3.8–3.9万)
    for i in range((point if point >= 0 else len(raw)) - 1):
        a, b = raw[i], raw[i + 1]
        if a in DIGITS and b in DIGITS and DIGITS[a] > 0 and (has_multiplier or len(raw) == 2) and (
                DIGITS[b] == DIGITS[a] + 1 or a + b in _APPROX_PAIRS):
            low, high = resolve_number(raw[:i + 1] + raw[i + 2:]), resolve_number(raw[:i] + raw[i + 1:])
            if low is not None and high is not None:
                return low, high
    return resolve_number(raw), None


# after a first scale (12万, 1亿), two digits or more each with its multiplier (3千4百, 2千3百万, 零5百): the rest of
# one number written in Arabic digits and Chinese multipliers at several levels (12万3千4百人, 1亿2千3百万元)
_MIXED_GROUP = (f"[{ZERO_DIGITS}]?(?:[1-9][{''.join(SMALL_UNITS)}][{''.join(SECTION_UNITS)}]?"
                f"|\\d{{1,4}}[{''.join(SECTION_UNITS)}])")
_MIXED_SECTIONS = re.compile(f"(?:{_MIXED_GROUP}){{2,}}")


def _mixed_sections(lex, text, tail, value, limit, num_start, sections):
    """12万3千4百人, 1亿2千3百万元: a number of several multiplier levels, read whole (123400 人), with the unit
    after it or the one its noun implies; where the levels do not fall in order (3千4千), or the first number has
    a point, it is no number at all, and no part of it is read as one."""
    numeral = text[num_start:sections.end()].replace(" ", "")
    whole = None
    if text[num_start:tail.end - len(tail.scale_text)].isdigit() and _levels_fall(numeral):
        whole = parse_chinese_number(numeral)
    if whole is None:
        return _Tail(sections.end(), _ONE, "", None, "", False), None
    unit = _read_tail(lex, text, sections.end(), limit)
    if unit.unit is None or unit.scale_text:
        # no unit written: the caller may take the one the noun before implies (投资1亿2千3百万)
        return _Tail(sections.end(), _ONE, text[tail.end - len(tail.scale_text):sections.end()], None, "", False), whole
    return _Tail(unit.end, _ONE, "", unit.unit, text[tail.end - len(tail.scale_text):unit.end], unit.more), whole


def _levels_fall(numeral: str) -> bool:
    """Whether each multiplier of a numeral is smaller than the one before it in its section (3千4百, not 3百4千)."""
    last = None
    for c in numeral:
        if c in SECTION_UNITS:
            last = None
        elif c in SMALL_UNITS:
            if last is not None and SMALL_UNITS[c] >= last:
                return False
            last = SMALL_UNITS[c]
    return True


# the rest of a number in digits and Chinese multipliers that ends on 十, which no scale is (4百8十亿元, 3千4百8十人)
_DIGIT_TENS = re.compile(rf"(?:\d[{''.join(SMALL_UNITS)}])*\d{_TEN}\d?")


def _mixed_scale(lex, text, tail, value, limit, num_start):
    """3万4000人: a scale, then the rest of the number in digits (and a smaller scale), then the unit.
    1万2千亿元: where the second scale ends on a larger one, that one multiplies the whole (1万2千 × 亿)."""
    pos = _space_end(text, tail.end, limit)
    if (sections := _MIXED_SECTIONS.match(text, pos, limit)) and not tail.more:
        return _mixed_sections(lex, text, tail, value, limit, num_start, sections)
    zero = pos < limit and text[pos] in ZERO_DIGITS
    if zero:
        pos += 1  # 1万零500元, 3亿零50万元: a zero between the scale and the rest
    m3 = (_DIGIT_TENS.match(text, pos, limit) or _ARABIC_RE.match(text, pos, limit)
          or _CHINESE_RE.match(text, pos, limit))  # 3万4000人, 2万五千人, 4百8十亿元
    if not m3 or (not m3.group(0)[0].isdigit() and not any(c in SMALL_UNITS for c in m3.group(0))):
        return tail, value  # (a Chinese rest names its multiplier: 5万亿、两个台阶 is no 5.2万亿)
    tail3 = _read_tail(lex, text, m3.end(), limit)
    scales, more = tail3.scale_text, tail3.more
    if tail3.unit is None and scales:  # 2千亿元: a small multiplier, then a scale with the unit
        tail3 = _read_tail(lex, text, tail3.end, limit)
        scales, more = scales + tail3.scale_text, more or tail3.more
    if tail3.unit is None:
        return tail, value
    combined = _Tail(tail3.end, Decimal(1), "", tail3.unit, text[tail.end - len(tail.scale_text):tail3.end],
                     tail.more or more)
    if scales != tail3.scale_text or tail3.scale >= tail.scale:
        whole = parse_chinese_number(text[num_start:m3.end()] + scales)  # 1万2千亿
        return (combined, whole) if whole is not None and scales else (tail, value)
    digits = m3.group(0).replace(",", "")
    if (digits.isdigit() and not scales and not zero and len(digits) != 1
            and len(digits) != len(str(int(tail.scale))) - 1):
        return tail, value  # 为390万65岁以上老年人: 65 begins another number (3万4000人 has all four places)
    rest_number = (parse_chinese_number if m3.re is _DIGIT_TENS else resolve_number)(m3.group(0))
    if rest_number is None:
        return tail, value
    rest = rest_number * tail3.scale  # 3万4000人, 5亿3000万元, 3万4千人, 3千4百8十人
    if len(m3.group(0)) == 1 and not scales and not zero:
        rest = rest * tail.scale / 10  # 2万5元 is said as 两万五: 2.5万, the digit one order below the scale
    return combined, value * tail.scale + rest


def _range_end_after(lex, text, tail, limit, chinese, bare=False):
    """The upper end of a range whose start's ``tail`` a range word follows (5%到6%), or a word between two numbers
    that 之间 closes (4%和5%之间): as ``_read_range_end`` (``bare``: both ends may write no unit, in a table's cell
    that its column's unit measures), or None."""
    if rm := _RANGE_SEP.match(text, tail.end, limit):
        return _read_range_end(lex, text, rm.end(), limit, tail, chinese, bare)
    if (not chinese and (bm := _BETWEEN_SEP.match(text, tail.end, limit))  # (digits only: 五百与八百 is no candidate's)
            and (rng := _read_range_end(lex, text, bm.end(), limit, tail, chinese))
            and text.startswith(_BETWEEN_CLOSE, rng[1].end, limit)):
        return rng
    return None


def _read_range_end(lex, text, pos, limit, tail, chinese, bare=False):
    """The upper end of a range after its separator: (its value, its tail, its number as written), or None; with
    ``bare``, one whose ends both write no unit (6-6.5 in a table's cell under %)."""
    sign = 1
    if not chinese and (written := next((s for s in _SIGNS_LONGEST_FIRST if text.startswith(s, pos, limit)), None)):
        sign, pos = -1, pos + len(written)  # -3%到-1%, 零下5至零下10摄氏度
    # (as a candidate is found: 十至十二万千瓦's end is 十二万 before 千瓦, not 十二万千 before 瓦)
    m2 = _candidate_re().match(text, pos, limit)
    if (not m2 or m2.group(0)[0].isdigit() == chinese or m2.group(0)[0] in SEVERAL
            or _is_date_unit(lex, text, m2.end())):
        return None
    tail2 = _read_tail(lex, text, m2.end(), limit)
    same_unit = tail.unit is None or (tail2.unit is not None and tail2.unit.base == tail.unit.base)
    if not same_unit or (tail2.unit is None and not (tail.unit is None and (tail2.scale_text or bare))):
        return None  # (an end with a scale and no unit, 5-8亿, leaves the unit to the noun before: 投资5-8亿)
    raw2 = m2.group(0)
    high = resolve_number(raw2)
    if high is None:
        return None
    high = parse_chinese_number(raw2 + tail2.scale_text) if _one_numeral(chinese, tail2) else high * tail2.scale
    return (sign * high, tail2, raw2) if high is not None else None


def _one_numeral(chinese: bool, tail: _Tail) -> bool:
    """Whether a Chinese numeral and the scale after it are read as one numeral (十三亿五千 and 万: 13亿 + 5000万), as
    they are where the scale is a section's (万, 亿); a 千 after the numeral (六十八千公顷) multiplies it."""
    return chinese and tail.scale_text[:1] in SECTION_UNITS


def _multiplied_before(numeral: str, multiplier: str) -> bool:
    """Whether the last section of a Chinese numeral (after its 万/亿) already holds a multiplier no larger than
    ``multiplier`` (五百二十 before 千, 六十八 before 千, 三千 before 千): then ``multiplier`` cannot be the numeral's
    (三千五 before 百 can: 三千五百)."""
    section = numeral[max(numeral.rfind(u) for u in SECTION_UNITS) + 1:]
    held = [SMALL_UNITS[c] for c in section if c in SMALL_UNITS]
    return bool(held) and held[-1] <= SMALL_UNITS[multiplier]


def _currency_before(lex: Lexicon, text: str, pos: int, sent_start: int) -> str | None:
    """The currency sign right before a number (a space between them aside), or None."""
    end = _space_start(text, pos, sent_start)
    if end <= sent_start or text[end - 1] not in _CURRENCY_SIGN_ENDS:
        return None  # (most numbers: a look at one character)
    sign = next((s for s in _CURRENCY_SIGNS if text.endswith(s, sent_start, end)), None)
    before = end - len(sign) - 1 if sign else -1
    if sign and not sign[0].isalpha() and before >= sent_start and text[before].isascii() and text[before].isalpha():
        return None  # S$1.5亿, NT$3000万: another country's dollar, which no sign here names
    if sign and before >= sent_start and text[before] in _SCALE_ENDS:
        return None  # (实际利用外资 万美元 8000: a table's unit with its scale, which the number takes whole)
    return sign


_CURRENCY_SIGNS = tuple(sorted(load_lexicon().currency_signs, key=len, reverse=True))
_SCALE_ENDS = frozenset(s[-1] for s in load_lexicon().scales)  # 万, 亿…: the last character of a scale word
_CURRENCIES = frozenset(load_lexicon().currency_signs.values())
_CURRENCY_SIGN_ENDS = frozenset(s[-1] for s in _CURRENCY_SIGNS)
_CJK = re.compile("[\u4e00-\u9fff]")


def _space_start(text: str, pos: int, sent_start: int) -> int:
    """Where the spaces right before ``pos`` start (at most one)."""
    return pos - 1 if pos > sent_start and text[pos - 1] == " " else pos


def _signed_negative(text: str, pos: int, sent_start: int) -> int:
    """The length of a minus sign right before the number (-, 负, 零下), or 0 (not a range's dash after another
    number)."""
    if pos <= sent_start or text[pos - 1] not in _SIGN_ENDS:
        return 0
    sign = next((s for s in _SIGNS_LONGEST_FIRST if text.endswith(s, sent_start, pos)), None)
    if sign is None or text.endswith(NOT_SIGNS, sent_start, pos):
        return 0
    i = pos - len(sign)
    return len(sign) if i == sent_start or not (text[i - 1].isdigit() or text[i - 1] in _RATE_UNITS) else 0


_SIGNS_LONGEST_FIRST = tuple(sorted(NEGATIVE_SIGNS, key=len, reverse=True))
_WORD_SIGNS = frozenset(s for s in NEGATIVE_SIGNS if not s.isascii())  # 负, 零下
_WORD_SIGN_ENDS = frozenset(s[-1] for s in _WORD_SIGNS)
_SIGN_ENDS = frozenset(s[-1] for s in NEGATIVE_SIGNS)


def _resolve_comparator(lex: Lexicon, before: str | None, after: str | None, more: bool, is_range: bool,
                        approximate: bool = False) -> str:
    """The comparator of a quantity as stated; a range only read from an approximate number (十几, 数十亿,
    百分之十几: some more than the tens, several) is approx, not a stated range."""
    if is_range:
        return "approx" if approximate else "range"
    if after:
        return lex.comparators_after[after]
    if more:
        return "ge"
    if before:
        return lex.comparators_before[before]
    return "eq"


def _round_lower_bound(text: str, pos: int, start: int) -> bool:
    """上 right before ``pos`` (上千人, 上万人), and not the end of another word (会上, 网上)."""
    return (pos > start and text[pos - 1] == _ROUND_LOWER_BOUND
            and not text[max(start, pos - 3):pos - 1].endswith(_ROUND_LOWER_NOT_AFTER))


def _find_bare_scales(lex, bares, text, start, end, found) -> list[Quantity]:
    """``已达到万头规模``: a scale word standing alone after 达到/超过 is 1 × scale; after 上 (上万人) or
    before 多/余 (万余人) it is at least that.

    Money only from 亿 up (``突破万亿元``), or after 上 (上万元) or 过 alone (过万元): ``超过了万元`` and ``万余元``
    are numbers scrubbed from the source.
    """
    out = []
    taken = [(q.start, q.end) for q in found]
    for m in bares:
        s = m.start("scale")
        if any(a <= s < b for a, b in taken):
            continue
        if s > start and (text[s - 1].isdigit() or text[s - 1] in CHINESE_NUMERAL_CHARS):
            continue
        before = m.groupdict().get("before")
        if before == _ROUND_LOWER_BOUND and not _round_lower_bound(text, s, start):
            continue  # 网上万人: 上 ends another word
        if before and any(w.endswith(before) and text.endswith(w, start, s) for w in _shadowing_words()):
            continue  # 通过亿元: 过 ends a word that bounds nothing
        scale_end = m.end()
        unit = _match_unit(lex, text, scale_end)
        more = m.group("more") is not None or before == _ROUND_LOWER_BOUND  # 万余人, 上万人: at least
        stop = scale_end + len(unit.surface) if unit is not None else scale_end
        if unit is None or (unit.base in lex.no_bare_scale and m.group("scale") not in lex.bare_scale_large
                            and before != _ROUND_LOWER_BOUND and not (
                                before in lex.bare_scale_after and not _counted_after(lex, text, stop, end))):
            # (过万元 reads: ``before`` is the longest word there, so 超过万元 gives 超过, not 过; a round amount right
            # before a noun names a class, 营收过百亿元企业)
            continue
        comparator = _resolve_comparator(lex, before if before in lex.comparators_before else None, None, more,
                                         False)
        out.append(Quantity(m.start(), stop, text[m.start():stop], s, lex.scales[m.group("scale")], None,
                            unit.base, text[s:stop], comparator, before, None, "bare_scale"))
    return out
