"""Read a table written into the text by its header: which year and kind each column of figures holds.

Ingest writes a table's row as one line, its cells apart (``农民人均可支配收入 元 15860 17000``, or between
``|``). A row with two figures side by side says nothing of which is which; the header row above it does
(``指标 单位 2024年完成 2025年目标``). ``find_table_rows`` finds the lines that may be such rows (a cheap scan:
tables are rare); ``read_table_row`` maps one row's cells onto its header's columns, right to left, and reads
each figure under a column of figures, or returns None where no header fits (nothing is read, never a guess).
The words are data in ``lexicons/tables.yaml``; which kind and year a figure then has is decided by the steps of
``assemble.py``, which read the column as their cue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from .keys import names_nothing
from .lexicon import Unit, load_lexicon
from .quantities import RATE_OR_CHANGE_UNITS, Quantity, find_quantities, read_cell, read_unit


@dataclass(frozen=True, slots=True)
class Column:
    """What a header cell says of the figures under it."""
    header: str              # the header cell as written (2025年目标)
    year: int | None         # the one year it names (2025年, or 明年 from the report year)
    kind: str | None         # target or actual, from its words (目标, 完成); None where it names only a year
    growth: bool             # each row's growth rate (增长%, 增速)
    year_of: str | None      # a column that names no year, in a header that names none: the kind whose year it
    #                          shares (a table of targets and results compares one year: actual's, else target's)
    readable: bool           # whether its figures can be read (not 完成率, not 2021-2025年, not 目标完成)
    unit: tuple[Decimal, Unit, str] | None  # the unit it names for its cells (增长(%), 2025年(万元))
    measure: str = ""        # the measure it names, of the thing each row names (产量: 粮食 → 粮食产量)
    of_parts: bool = False   # the measure is a caption's, of which each row names a part (表3 …固定资产投资增长速度)


@dataclass(frozen=True, slots=True)
class TableCell:
    """A figure of a table's row, with its column and the row's name."""
    q: Quantity
    column: Column
    name: str                # the row's name cell (农民人均可支配收入(元))


_LABEL, _UNIT, _SERIAL, _DATA, _SKIP, _CONTENT = "label", "unit", "serial", "data", "skip", "content"
# two figure cells side by side (15860 17000, 15860元 17000元, 6 | 6.2): the only lines read as a table's rows.
# Each pattern opens on what parts two cells (a space or a |, rare in prose: found by a literal scan), then looks
# behind it for the end of a figure (a digit, and up to four characters of its unit: 元, 万头) and ahead for the
# next one (a pattern that opens on a digit is tried at every digit of a report)
_UNIT_CHAR = r"[^\s|\d]"


def _words_of(words) -> str:
    """One alternation of ``words``, longest first."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


# the verbs a cell may open with before its figure, one after another (新增9000个, 完成整治24处: tables.yaml cell_verbs)
_CELL_VERBS = f"(?:{_words_of(load_lexicon().tables['cell_verbs'])})+"


_WORDS_BEFORE_FIGURE = 12  # characters of a cell's words before its first figure


def _cell_gap(mark: str) -> re.Pattern:
    # (and a figure beside a cell that says none, 2.2 — 约束性 and — 7.5, or beside one bounded by a word, 90.1
    # 不低于90, or after a verb, 新增9000个: tables.yaml placeholders, comparators.yaml before, _CELL_VERBS)
    lex = load_lexicon()
    empty, bound = _words_of(lex.tables["placeholders"]), _words_of(lex.comparators_before)
    behind = "|".join(f"(?<=\\d{_UNIT_CHAR * n}{re.escape(mark)})" for n in range(5))
    after_empty = "|".join(f"(?<=[ \\t|]{re.escape(p)}{re.escape(mark)})" for p in lex.tables["placeholders"])
    figure = f"[-+≥≤]?\\d|(?:{bound}|{_CELL_VERBS})\\d"
    # (and after a figure, a cell of words and figures: 新建中小学2所、公办幼儿园4所 建成中小学2所、幼儿园4所)
    words = f"[^\\s\\d|,;。,;]{{1,{_WORDS_BEFORE_FIGURE}}}\\d"
    return re.compile(f"{re.escape(mark)}(?:(?:{behind})[ \\t|]*(?:{figure}|{words}|(?:{empty})(?=[ \\t|]|$))"
                      f"|(?:{after_empty})[ \\t|]*(?:{figure}))", re.MULTILINE)


_CELL_GAPS = (_cell_gap(" "), _cell_gap("|"))
_PROSE = re.compile(r"[。;!?]|(?<!\d),|,(?!\d)")  # a sentence's punctuation (not the comma of 3,500)
_RULE_LINE = re.compile(r"[\s|:\-—]+")  # a markdown table's |---|---| line
_BARE_FIGURE = re.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?")
_SERIAL_CELL = re.compile(r"\d{1,3}")  # a row's number (1, 12), in a cell of its own
_AVERAGE_ROW = re.compile("|".join(load_lexicon().cues["five_year_average"]))  # a row of an average (年均增长)
_BRACKETED = re.compile(r"\[[<>≤≥]?[-+]?\d[\d.,]*\]")  # a figure in square brackets: a plan outline's five-year total or average
_OWN_UNIT = re.compile(r"[(（]\s*([^()（）]{1,6})\s*[)）]\s*$|([%‰])\s*$")  # 增长(%), 2025年(万元), 增长%
_CAPTION_UNITS_SPLIT = re.compile("[、/,，]")  # between the units a caption names (单位:亿元、%)
# 3 农村饮水安全 新建…5处 建成…: four cells or more (and a markdown row's, its serial a Chinese numeral too: | 二 | …)
_SERIAL_ROW = re.compile(r"\|?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[ |]+[^\s|]+(?:[ |]+[^\s|]+){2,}")
# (found by the line break it opens on: 2 农村饮水安全 新建集中供水工程5处,巩固提升… 建成供水工程5处,1.35万人受益)
_SERIAL_ROW_LINE = re.compile(r"\n\d{1,3}[ |]+[^\s|\d]+[ |]+[^\n]*?\d[^\n]*?[ |]+[^\s|]")
_NAME_FIGURE_LINE = re.compile(r"\n[^\S\n]*[^\s\d|,;。,;][^\s|,;。,;]{0,19}[ |]+[-+]?\d[\d.,]*[%‰]?[^\S\n]*(?=\n|$)")
# #工业, 其中:税收收入: a part of the row above (tables.yaml sub_item_marks), the mark no part of its name
_SUB_ITEM_MARKS = re.compile("^(?:" + "|".join(map(re.escape, load_lexicon().tables["sub_item_marks"])) + ")")
_ROW_CELLS_MIN = 3  # cells of a row whose last one holds a sentence's punctuation (a note): a name and two more
_GROUP_ROW_CHARS = 20  # a line of one short cell inside a table (经济发展类) is a row of it, not the table's end
_PROSE_CHARS = 120     # a longer line is no row of a table


@lru_cache(maxsize=1)
def _words() -> dict:
    lex = load_lexicon()
    t = lex.tables
    kinds = t["column_kinds"]
    return {
        "kinds": kinds,
        "kind_at": re.compile("|".join(map(re.escape, sorted(kinds, key=len, reverse=True)))),
        "growth": re.compile("|".join(map(re.escape, t["growth_columns"]))),
        "growth_unit": (Decimal(1), *_unit_of(t["growth_unit"])),
        "share": re.compile("|".join(map(re.escape, t["share_columns"]))),
        "measures": tuple(t["measure_columns"]),
        "unit_columns": frozenset(t["unit_columns"]),
        "label_columns": frozenset(t["label_columns"]),
        "serial_columns": frozenset(t["serial_columns"]),
        "year_row_columns": frozenset(t["year_row_columns"]),
        "skipped_columns": frozenset(t["skipped_columns"]),
        "content_columns": frozenset(t["content_columns"]),
        "date_columns": tuple(t["date_columns"]),
        "placeholders": frozenset(t["placeholders"]),
        "cell_verb": re.compile(_CELL_VERBS + r"(?=\d)"),
        "verbs_only": re.compile(_CELL_VERBS),
        "unfinished": re.compile(lex.grammar["unfinished_after"]),
        # (完成全年目标的105%, 完成任务的98%, 完成率107%, 超额完成15%: a share of the plan, or beyond it)
        "share_of_target": re.compile("|".join(map(re.escape, t["share_of_plan_words"]))),
        "caption_unit": re.compile(t["caption_unit"]),
        "caption_measure": re.compile(t["caption_measure"]),
        "year_span": re.compile(lex.grammar["year_span"]),
        "header_reach": int(t["header_reach"]),
        "caption_reach": int(t["caption_reach"]),
        "year": re.compile(lex.grammar["explicit_year"]),
        "relative": sorted(lex.cues["relative_years"].items(), key=lambda kv: len(kv[0]), reverse=True),
        # a base of comparison (比去年增长%: the growth column's base, no year of its own: cues.yaml)
        "base": re.compile("|".join(map(re.escape, sorted(lex.cues["comparison_cues"], key=len, reverse=True)))),
    }


def _unit_as_written(words: str) -> tuple[Decimal, Unit, str] | None:
    """The scale and unit ``words`` name, with the words as written (a cell's or a caption's), or None."""
    read = read_unit(words) or next(((Decimal(1), u) for u in load_lexicon().durations if u.surface == words.strip()), None)
    return (read[0], read[1], words) if read else None  # (年 in a unit cell: a duration, 平均受教育年限 10.8)


def _unit_of(words: str) -> tuple[Unit, str]:
    read = read_unit(words)
    if read is None or read[0] != 1:
        raise ValueError(f"tables.yaml: growth_unit {words!r} is no unit of units.yaml")
    return read[1], words


def find_table_rows(text: str) -> list[int]:
    """Where the lines start that hold two figure cells side by side, or open on a serial number before three
    cells or more with a figure after the first: the lines that may be a table's rows."""
    found: set[int] = set()
    for gap in _CELL_GAPS:
        pos = 0
        while m := gap.search(text, pos):
            found.add(text.rfind("\n", 0, m.start()) + 1)
            pos = text.find("\n", m.start()) + 1  # (the rest of the line: found already)
            if pos == 0:
                break
    found.update(m.start() + 1 for m in _SERIAL_ROW_LINE.finditer(text))
    # (and a line of a name and one figure, a row of a table of one column of figures: 第一产业 15.2 under 指标
    # 比上年增长(%); read only under a header that fits it)
    found.update(m.start() + 1 for m in _NAME_FIGURE_LINE.finditer(text))
    return sorted(found)


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of the line ``text[start:end]`` as spans, each without its spaces: between |s where it has them
    (an empty one kept: it holds a column's place), else between spaces."""
    line = text[start:end]
    if "|" in line:
        bounds = [start - 1, *(start + i for i, c in enumerate(line) if c == "|"), end]
        spans = list(zip([b + 1 for b in bounds[:-1]], bounds[1:]))
        if not text[spans[0][0]:spans[0][1]].strip():
            spans = spans[1:]  # | 指标 | 单位 |: the marks at either end part nothing
        if spans and not text[spans[-1][0]:spans[-1][1]].strip():
            spans = spans[:-1]
    else:
        spans, pos = [], start
        for part in line.split(" "):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
        spans = [s for s in spans if s[1] > s[0]]
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
    return out


def _is_figure(text: str, a: int, b: int) -> bool:
    """A cell that is one figure, with or without its unit or a comparator (15860, 15860元, ≥95%, 5.5以内, 6左右,
    and after a verb, 新增9000个): not 2024年, not 5G基站."""
    a = _after_verb(text, a, b)
    return (_BARE_FIGURE.fullmatch(text, a, b) is not None or read_cell(text, a, b) is not None
            or read_cell(text, a, b, _words()["growth_unit"]) is not None)  # (a bare figure read in any unit)


def _after_verb(text: str, a: int, b: int) -> int:
    """Where a cell's figure starts: after the verb it opens with, where one (tables.yaml cell_verbs) stands right
    before a digit (新增9000个), else at the cell's start."""
    m = _words()["cell_verb"].match(text, a, b)
    return m.end() if m else a


def _column(cell: str, report_year: int | None) -> tuple[str, Column | None]:
    """What a header cell is: a label (指标, blank), the unit's, the serial number's, or a column of figures."""
    w = _words()
    if cell in w["unit_columns"]:
        return _UNIT, None
    if cell in w["label_columns"]:
        return _LABEL, None  # (工作任务: what each row is)
    if cell in w["serial_columns"]:
        return _SERIAL, None
    if cell in w["content_columns"]:
        return _CONTENT, None  # (建设内容: a project's scope, its figures the plan's, 新改建农村公路90公里)
    if _OWN_UNIT.sub("", cell).strip() in w["skipped_columns"]:
        return _SKIP, None  # (总投资(万元): a project's total, no figure of a year)
    if any(d in cell for d in w["date_columns"]):
        return _LABEL, None  # (完成时限: dates, no kind of figure)
    dated = w["base"].sub("", cell)  # (比去年增长%: a growth's base dates no column)
    years = {int(m.group(1)) for m in w["year"].finditer(dated)}
    rest = w["year"].sub("", dated)
    for word, offset in w["relative"]:
        if word in rest:
            years.add(report_year + offset if report_year is not None else -1)  # (no year to count from)
            rest = rest.replace(word, "")
    # (the longest word at each place: 计划完成 is no 计划 and 完成; 目标完成情况 says both)
    kinds = {w["kinds"][m.group(0)] for m in w["kind_at"].finditer(cell)}
    growth = w["growth"].search(cell) is not None
    share = w["share"].search(cell) is not None
    if not (years or kinds or growth or share):
        return _LABEL, None
    readable = (not share and len(years) <= 1 and -1 not in years and len(kinds) <= 1
                and not w["year_span"].search(cell))
    return _DATA, Column(cell, next(iter(years)) if len(years) == 1 else None, next(iter(kinds), None),
                         growth and not share, None, readable, _unit_in_parentheses(cell),
                         next((m for m in w["measures"] if m in cell), ""))


def _header(cells: list[str], report_year: int | None) -> list[tuple[str, Column | None]] | None:
    """The columns a header row's cells label, or None where the row is no header (no column of figures)."""
    cols = [_column(c, report_year) for c in cells]
    if not any(role == _DATA for role, _ in cols):
        return None
    named = any(c.year is not None for _, c in cols if c is not None)
    # (2025年目标 | 完成: a result that names no year beside the one year's target of a review, no other year named:
    # that year's result; not a target beside a dated result, 2025年完成 | 目标, the year after's)
    dated = {(c.year, c.kind) for _, c in cols if c is not None and c.year is not None}
    target_year = (next(iter(dated))[0] if len(dated) == 1 and next(iter(dated))[1] == "target"
                   and report_year is not None and next(iter(dated))[0] <= report_year else None)
    base = "actual" if any(c.kind == "actual" for _, c in cols if c is not None) else "target"
    # (上年完成 | 目标: the year's result said by a word relative to the report's year, beside a target that names no
    # year: the report's year's target, the year after that result)
    after_last_year = report_year is not None and any(
        c is not None and c.kind == "actual" and c.year == report_year - 1
        and any(word in c.header for word, _ in _words()["relative"]) for _, c in cols)
    out: list[tuple[str, Column | None]] = []
    left: Column | None = None  # the column of figures before, whose year and kind a growth column shares
    for role, c in cols:
        if c is not None:
            if c.growth and c.year is None and c.kind is None:  # 2024年完成 增长%: the 2024 result's growth
                # (alone, a growth against the year before, 指标 比上年增长(%), is the year's result, as a bulletin's)
                c = (Column(c.header, left.year, left.kind, True, left.year_of, c.readable and left.readable, c.unit,
                            left.measure) if left is not None
                     else Column(c.header, None, "actual", True, "actual",
                                 c.readable and _words()["base"].search(c.header) is not None, c.unit, c.measure))
            elif c.year is None and c.kind == "target" and after_last_year:
                c = Column(c.header, report_year, c.kind, c.growth, None, c.readable, c.unit, c.measure)
            elif c.year is None and c.kind == "actual" and target_year is not None:
                c = Column(c.header, target_year, c.kind, c.growth, None, c.readable, c.unit, c.measure)
            elif c.year is None:
                # 目标 完成 in a header that names no year: one year, its results' (or its targets'); beside a
                # column that names its year, which year it is, nothing says
                c = _unread(c) if named or c.kind is None else Column(
                    c.header, None, c.kind, c.growth, base, c.readable, c.unit, c.measure)
            elif c.kind is None and report_year is None:
                c = _unread(c)  # 2024年 2025年: a year's kind is told by the report year, unknown here
            if c.growth and not (c.unit is None or c.unit[1].base in RATE_OR_CHANGE_UNITS):
                c = _unread(c)  # 增长(亿元): an increase in a level, no growth rate
            left = c if not c.growth else left
        out.append((role, c))
    return out


def _unread(c: Column) -> Column:
    return Column(c.header, c.year, c.kind, c.growth, c.year_of, False, c.unit, c.measure)


def _is_rule(line: str) -> bool:
    return _RULE_LINE.fullmatch(line) is not None and "-" in line


def _find_header(text: str, row_start: int, report_year: int | None, found: dict):
    """The header above the row that starts at ``row_start``: (its columns, where its line starts), or None
    where a sentence, a line of words that labels no column of figures, or ``header_reach`` lines come first.
    ``found``: the headers found for rows above, by where they start (a row above is passed on the way up, so
    its header is this row's too)."""
    w = _words()
    for start, end in _lines_above(text, row_start):
        if start in found:
            return found[start]
        line = text[start:end]
        if not line.strip() or _is_rule(line):
            continue
        if len(line) > _PROSE_CHARS:
            return None  # a sentence: the table, if any, ended
        if _SERIAL_ROW.match(line):
            continue  # a row that opens on its serial number, whatever its cells say (新建供水工程5处,巩固提升…)
        spans = _cells(text, start, start + len(line))
        if _PROSE.search(line) and not (len(spans) >= _ROW_CELLS_MIN and _is_figure(text, *spans[-2])):
            return None  # (but a row whose last cell is a note, 整治25处 完成整治24处,1处正在施工, is a row)
        figures = [s for s in spans if _is_figure(text, *s)]
        if figures or len(spans) == 1 and len(line) <= _GROUP_ROW_CHARS:
            continue  # another row of the table (经济发展类: a row that groups those after it)
        if len(spans) > 2 and any(read_unit(text[a:b]) is not None for a, b in spans[1:3]):
            # a row of words after its name and unit (单位地区生产总值能耗降低 % — 完成市下达任务 — 约束性; after a
            # category too, 绿色生态 单位地区生产总值能耗降低 % — — — 约束性 完成市下达任务)
            continue
        if w["caption_unit"].search(line):
            continue  # 单位:万元 inside the table
        words = [text[a:b] for a, b in spans]
        if all(c in w["placeholders"] for c in words[1:]):
            continue  # a row of a name and no figure (— —)
        header = _header(words, report_year)
        return (header, start) if header is not None else None
    return None


def _caption_starts(text: str, header_start: int) -> list[int]:
    """Where the lines a table's caption may stand on start, nearest the header first (tables.yaml caption_reach)."""
    return [start for start, _ in _lines_above(text, header_start, _words()["caption_reach"])]


def _caption_unit(text: str, header_start: int, row_start: int) -> tuple[Decimal, Unit, str] | None:
    """The unit a 单位:万元 caption names: in the lines just above the header, or between it and the row."""
    w = _words()
    start = (_caption_starts(text, header_start) or [header_start])[-1]
    found = {unit for m in w["caption_unit"].finditer(text, start, row_start)
             for unit in _CAPTION_UNITS_SPLIT.split(m.group("unit")) if unit and unit != w["growth_unit"][2]}
    # (单位:亿元、%: the levels' unit, the growth column's rate read as growth columns are)
    if len(found) != 1:
        return None  # none, or two different ones: which is this row's, nothing says
    (words,) = found
    return _unit_as_written(words)


def read_table_row(text: str, start: int, end: int, report_year: int | None,
                   headers: dict | None = None) -> list[TableCell] | None:
    """The figures of the table row ``text[start:end]`` under the columns of the header above it, or None where
    none fits: no header, more cells than it has columns, or cells where its columns say they cannot stand (a
    unit under a column of figures, a figure under the name or the unit). Cells align right to left (a name
    may span two header cells), or from the last column of figures where the row leaves out its empty note; a figure under a column that cannot be read (完成率, 2021-2025年) is left out.
    ``headers``: the headers found for the document's rows so far (read_table_row fills it), so that a long
    table's rows do not each walk up to its header."""
    w = _words()
    headers = {} if headers is None else headers
    spans = _cells(text, start, end)
    if not spans:
        return None
    if (by_year := _year_row_cells(text, spans, start, report_year)) is not None:
        return by_year or None
    found = _find_header(text, start, report_year, headers)
    if any(_is_figure(text, *s) for s in spans):
        headers[start] = found  # (a row of figures: a row below passes it on the way up; a header line it stops at)
    if found is None:
        return None
    columns, header_start = found
    if all(c.growth for role, c in columns if role == _DATA) and (measure := _caption_measure(text, header_start)):
        # a table of growth rates alone (指标 比上年增长(%), 指标 涨跌幅(%): 第一产业 15.2) under a caption that names
        # their measure (表3 分产业、分领域固定资产投资增长速度): the year's growth of that measure, the row's part of it
        # (a column that says no base, 涨跌幅(%), is read under such a caption alone)
        columns = [(role, c if role != _DATA else Column(c.header, c.year, c.kind, True, c.year_of,
                                                         c.readable or c.kind == "actual", c.unit, measure, True))
                   for role, c in columns]
    if columns[0][0] == _DATA:
        columns = [(_LABEL, None), *columns]  # (the header's first cell, over the names, left blank)
    if len(spans) > len(columns) and columns[-1][0] == _LABEL and not any(
            _is_figure(text, *sp) for sp in spans[len(columns) - 1:-1]):
        # a row whose last cell, under a column of words (责任科室及电话), holds a space (城建办 8612345): one cell, as
        # its tab had it before ingest wrote the row's cells apart with spaces
        spans = [*spans[:len(columns) - 1], (spans[len(columns) - 1][0], spans[-1][1])]
    placing = _place(text, spans, columns)
    if (placing is None and len(spans) < len(columns) and columns[-1][0] == _LABEL
            and text[spans[-1][0]:spans[-1][1]] not in w["placeholders"]):
        # a row whose last cells, a note's (备注), are empty and left out of its line (a tab table's row that ends
        # on its tab): its cells align right to left from the last column of figures (not a row that ends on —,
        # 固定资产投资增长 % 5 —, which may lack any of its cells)
        last_data = max(k for k, (role, _) in enumerate(columns) if role == _DATA)
        placing = _place(text, spans, columns[:last_data + 1])
    if placing is None:
        return None
    name, unit, placed = placing
    unit = unit or _unit_in_parentheses(name) or _unitless_name(name) or _caption_unit(text, header_start, start)

    cells: list[tuple[Column, list[tuple[Quantity, str | None]]]] = []
    for (a, b), column in placed:
        given = column.unit or (w["growth_unit"] if column.growth else unit)
        if _BRACKETED.fullmatch(text, a, b):
            if not _AVERAGE_ROW.search(name):
                continue  # ([2.6] 万人, [>250]: a five-year total, of no one year; not read as the column's year's)
            a, b = a + 1, b - 1  # ([5.8] under 2025年基期值 in a row of 年均增长: the span's average, its note says)
        q = read_cell(text, _after_verb(text, a, b), b, given)
        if q is not None:
            if given is None or q.unit == given[1].base:  # (not a unit of its own that is not its column's or
                cells.append((column, [(q, None)]))        # row's: 104% under 亿元)
        elif not column.growth and column.unit is None and (items := _cell_items(text, a, b)):
            cells.append((column, items))  # (新建公办幼儿园1所、改扩建村小2所: words and figures)
    return [TableCell(q, column, words or _aligned_words(cells, items, k) or name)
            for column, items in cells for k, (q, words) in enumerate(items)]


def _year_row_cells(text: str, spans: list[tuple[int, int]], row_start: int,
                    report_year: int | None) -> list[TableCell] | None:
    """A row of a table of years (年份 地区生产总值(亿元) 比上年增长(%): 2021年 402.5 8.9; tables.yaml
    year_row_columns): each figure its year's of the measure its header cell names, in the unit it names, and a growth
    column's the growth of the measure before it; a result for a year up to the report's, a target after it. [] where
    the row is such a table's but holds nothing to read; None where it is none (the header above is another kind)."""
    w = _words()
    if not spans or not (year := _ROW_YEAR.fullmatch(text, *spans[0])):
        return None
    header = _year_table_header(text, row_start)
    if header is None:
        return None
    header_end = text.find("\n", header)
    heads = [text[a:b] for a, b in _cells(text, header, header_end if header_end >= 0 else len(text))]
    if len(heads) != len(spans):
        return []  # (a row that leaves a cell out: which is which, nothing says)
    row_year = int(year.group(1))
    kind = "actual" if report_year is None or row_year <= report_year else "target"
    out: list[TableCell] = []
    measure = ""
    for (a, b), head in zip(spans[1:], heads[1:]):
        growth = w["growth"].search(head) is not None
        unit = _unit_in_parentheses(head) or (w["growth_unit"] if growth else None)
        name = measure if growth else _OWN_UNIT.sub("", head).strip()
        measure = measure if growth else name
        if not name or (q := read_cell(text, a, b, unit)) is None or (unit is not None and q.unit != unit[1].base):
            continue
        out.append(TableCell(q, Column(head, row_year, kind, growth, None, True, unit, ""), name))
    return out


def _year_table_header(text: str, row_start: int) -> int | None:
    """Where the header of a table of years starts above the row at ``row_start`` (its first cell 年份: tables.yaml
    year_row_columns), past the table's other rows of years and its markdown rule; None where another line comes
    first."""
    w = _words()
    for start, end in _lines_above(text, row_start):
        cells = _cells(text, start, end)
        if cells and not _is_rule(text[start:end]):
            first = text[cells[0][0]:cells[0][1]]
            if first in w["year_row_columns"]:
                return start
            if not _ROW_YEAR.fullmatch(first):
                return None
    return None


def _lines_above(text: str, row_start: int, reach: int | None = None):
    """(start, end) of each line above the one at ``row_start``, nearest first, up to ``reach`` lines (tables.yaml
    header_reach where none is given)."""
    end = row_start - 1
    for _ in range(_words()["header_reach"] if reach is None else reach):
        if end < 0:
            return
        start = text.rfind("\n", 0, end) + 1
        yield start, end
        end = start - 1


_ROW_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")  # a row's name in a table of years (2021年, 2021)


def _caption_measure(text: str, header_start: int) -> str:
    """The measure a table's caption names right above its header (表3 2025年分产业、分领域固定资产投资增长速度:
    固定资产投资; tables.yaml caption_measure), or ""."""
    for start in _caption_starts(text, header_start):
        if m := _words()["caption_measure"].match(text, start, header_start):
            return m.group("measure")
    return ""


def _cell_items(text: str, a: int, b: int) -> list[tuple[Quantity, str | None]]:
    """The figures a cell of words holds, each with its own unit (新建供水站2座,惠及1200户; 新增停车位300个; not an age
    or a slope that says which people or land, 65岁以上老年人, nor things not done, 1处正在施工), and the words before each that
    name it (新建供水站), or None where they are only a verb (惠及, 建成) or none; a rate (完成全年目标的105%) is left
    out, as the cell's words say of what only in a sentence."""
    out: list[tuple[Quantity, str | None]] = []
    pos = a
    for q in find_quantities(text, a, b):
        if q.end < b and text[q.end] not in _ITEM_MARKS and not _ITEM_JOIN.match(text, q.end) and (
                q.unit in _QUALIFIER_UNITS or _words()["unfinished"].match(text, q.end, b)):
            continue  # (65岁以上老年人: which people; 1处正在施工: not done)
        words = _ITEM_SPLIT.split(text[pos:q.start].strip(_ITEM_MARKS))[-1]
        words = words[join.end():] if (join := _ITEM_JOIN.match(words)) else words
        if q.unit in RATE_OR_CHANGE_UNITS and (not words or _words()["share_of_target"].search(words)):
            pos = q.end
            continue  # (a rate of nothing its words name, 完成全年目标的105%: a share of the target, no figure here)
        out.append((q, None if _names_nothing(words) else words))
        pos = q.end
    return out


def _names_nothing(words: str) -> bool:
    """Whether a cell's words before a figure are only verbs and lead words (惠及, 完成筛查, 为, 巩固提升): the cell
    verbs of tables.yaml (筛查) first, then what keys.yaml says names nothing."""
    while words and (m := _words()["verbs_only"].match(words)) and m.end():
        words = words[m.end():]
    return names_nothing(words)


_QUALIFIER_UNITS = frozenset(load_lexicon().grammar["qualifier_units"])  # (岁, 度: which people, which slopes)
# what parts the items of a cell of words (the words of the item a figure ends: 小区全部完工,惠及居民1460户 → 惠及居民),
# and the words that join them, matched at a position (an item's start, or right after a figure)
_ITEM_MARKS = "、,;，； "
_ITEM_SPLIT = re.compile("[、,;，；]")
_ITEM_JOIN = re.compile("以及|和|及|与")


def _aligned_words(cells: list, items: list, k: int) -> str | None:
    """The words another cell of the row gives the ``k``-th of ``items``, where it says as many figures in the
    same units (新建公办幼儿园1所、改扩建村小2所 under 年度目标, 新建1所、改扩建2所 under 完成情况: 改扩建村小 for 2所)."""
    units = [q.unit for q, _ in items]
    for _, other in cells:
        if other is not items and [q.unit for q, _ in other] == units and other[k][1]:
            return other[k][1]
    return None


def _place(text: str, spans: list[tuple[int, int]], columns: list[tuple[str, Column | None]]
           ) -> tuple[str, tuple[Decimal, Unit, str] | None, list[tuple[tuple[int, int], Column]]] | None:
    """A row's cells (``spans``) under ``columns``, aligned right to left: (its name, the unit its unit cell
    names, the figures placed under their columns), or None where a cell stands where its column says it cannot
    (see ``read_table_row``)."""
    w = _words()
    offset = len(columns) - len(spans)
    if offset < 0 or columns[offset][0] == _DATA:
        return None  # more cells than columns, or a figure's column at the row's start: not this header's
    name = unit = None
    first_data = next(k for k, (role, _) in enumerate(columns) if role == _DATA)
    placed: list[tuple[tuple[int, int], Column]] = []
    contents: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(spans, start=offset):
        role, column = columns[k]
        cell = text[a:b]
        blank = not cell or cell in w["placeholders"]
        if role == _DATA:
            if read_unit(cell) is not None:
                return None  # a unit under a column of figures: the row's cells stand elsewhere
            if not blank and column.readable:
                placed.append(((a, b), column))
        elif role == _SKIP:
            continue
        elif role == _CONTENT:
            if not blank:
                contents.append((a, b))
            continue
        elif role == _UNIT:
            read = _unit_as_written(cell)
            if read is None and not blank:
                return None
            unit = read or unit
        elif role == _LABEL and not blank:
            if k == offset and k + 1 < first_data and columns[k + 1][0] == _LABEL and _SERIAL_CELL.fullmatch(cell):
                continue  # (类别 指标 over 1 地区生产总值年均增长: the row's number where a group's name stands on its first row)
            if _is_figure(text, a, b):
                return None  # a figure under the name: the row's cells stand elsewhere
            if k < first_data:
                # (of two label columns, 类别 指标, the last before the figures names the row; a bulletin's #工业, a part
                # of the row before, without its mark)
                name = _SUB_ITEM_MARKS.sub("", cell) or cell
    if name is None or not placed:
        return None
    # (a content cell's figures are of the year and kind of the row's first column of figures: the plan's scope)
    return name, unit, placed + [((a, b), _content_column(placed[0][1])) for a, b in contents]


def _content_column(column: Column) -> Column:
    """The column a content cell's figures take: ``column``'s year and kind, no unit or measure of its own (its
    items say theirs), no growth."""
    return replace(column, growth=False, unit=None, measure="", of_parts=False)


def _unitless_name(name: str) -> tuple[Decimal, Unit, str] | None:
    """The unit of a row whose name ends on the name of a measure that has none (农田灌溉水有效利用系数, 城乡居民收入比:
    units.yaml unitless_nouns), its unit cell a — or empty: 1; else None."""
    base = next((b for n, b in load_lexicon().unitless_nouns.items() if name.endswith(n)), None)
    return (Decimal(1), Unit("", base), "") if base is not None else None


def _unit_in_parentheses(words: str) -> tuple[Decimal, Unit, str] | None:
    """The unit a row's name or a header cell names at its end: 农民人均可支配收入(元), 增长(%), 增长%, 2025年(万元);
    None where it names none (2025年(预计))."""
    m = _OWN_UNIT.search(words)
    unit = (m.group(1) or m.group(2)) if m else None
    return _unit_as_written(unit) if unit else None
