"""Rewrite raw document text into the canonical form every offset refers to.

Order matters: pinyin annotations go first (they hold ASCII that NFKC would keep),
then traditional → simplified, NFKC, invisible characters, the forms copies write
differently (lexicons/normalise.yaml) and page chrome.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .lexicon import _local_government, _yaml, load_lexicon

# a pinyin syllable annotation such as (xiāng); tone-marked or plain lowercase letters
_SYLLABLE = r"(?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*|[a-z]{1,6})"
# (in half- or full-width parentheses, one syllable or several: 纽带(niǔ dài))
_PINYIN = re.compile(rf"[(（]{_SYLLABLE}(?: {_SYLLABLE})*[)）]")
# Whole-text passes are written so that re can find their matches by a literal (a pattern that starts with a
# character class is tried at every position: ten times slower on a 6 MB text).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u3000"  # removed one by one with str.replace
_SPACE_RUN = re.compile("  +")  # after tabs and no-break spaces became spaces: a run of them is one space
_BLANKS = re.compile("\n\n\n+")  # three line ends or more: one blank line
# the full-width ASCII block (！ to ～): what NFKC does to it, done fast
_FULLWIDTH = re.compile("[\uff01-\uff5e]")


@dataclass(frozen=True)
class NormalizedText:
    """Canonical text, with the flags normalising raised (corrupt_text)."""
    text: str
    flags: tuple[str, ...]


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported lazily: only documents need it, not the CLI's help

    return opencc.OpenCC("hk2s")  # traditional and its Hong Kong variants (衞, 綫) to simplified


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern:
    """Any character the converter changes on its own: a text without one is simplified already, and the
    conversion (the slowest step of normalising) is skipped. Built once from the converter itself."""
    chars = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00))]
    converted = _converter().convert("\n".join(chars)).split("\n")
    changed = [c for c, s in zip(chars, converted) if c != s] if len(converted) == len(chars) else chars
    return re.compile("[" + "".join(changed) + "]")


class _Chrome(NamedTuple):
    lines: re.Pattern          # a chrome line with the line end before it (``_drop_chrome_lines``)
    fragments: re.Pattern      # chrome inside a line
    corrupt: re.Pattern        # any marker of corrupt text, for a span
    corrupt_each: tuple[re.Pattern, ...]  # each alone, for a whole text


@lru_cache(maxsize=1)
def _chrome() -> _Chrome:
    c = load_lexicon().chrome
    # one multiline pattern for every chrome line (the literal lines and the line patterns), found by the line end
    # before it: a pattern that opens on a literal is searched for fast, one that opens on ^ is tried at every
    # position (19 ms against 3 on 2 MB)
    bodies = [re.escape(w) for w in sorted(c.get("lines", ()), key=len, reverse=True)]
    bodies += [p.removeprefix("^").removesuffix("$") for p in c.get("line_patterns", ())]
    lines = re.compile("\n(?:" + "|".join(bodies) + ")(?=\n)", re.M)
    fragments = re.compile("|".join(f"(?:{p})" for p in c.get("fragments", ())))
    # corrupt text: one alternation for a span, and each pattern alone for a whole text (where a pattern that
    # starts with a literal scans many times faster alone than inside the alternation)
    corrupt = re.compile("|".join(f"(?:{p})" for p in c.get("corrupt_patterns", ())))
    corrupt_each = tuple(re.compile(p) for p in c.get("corrupt_patterns", ()))
    return _Chrome(lines, fragments, corrupt, corrupt_each)


@lru_cache(maxsize=1)
def _forms():
    raw = _yaml("normalise.yaml")  # its keys are checked as it loads (lexicon.YAML_KEYS)
    characters = tuple((str(k), str(v)) for k, v in raw["characters"].items())
    rewrites = [(re.compile(p), r) for p, r in raw["rewrites"]]
    return characters, rewrites


@lru_cache(maxsize=1)
def _before_folding():
    return [(re.compile(p), r) for p, r in _yaml("normalise.yaml")["before_folding"]]


def _unfold_marks(text: str) -> str:
    """What must be read before folding makes it mean something else (normalise.yaml before_folding)."""
    for pattern, repl in _before_folding():
        text = pattern.sub(repl, text)
    return text


@lru_cache(maxsize=1)
def _chinese_year():
    """A year written in Chinese digits (二〇二五年, 一九九八年), and the table that writes it in Arabic ones
    (the digits are numerals.yaml's): four characters each way, so no offset moves."""
    digits = {str(k): str(v) for k, v in load_lexicon().numerals["digits"].items() if int(v) < 10}
    cls = "".join(digits)
    # found by its 年 (a pattern that starts with a character class is tried at every position: 10x slower)
    return re.compile(f"年(?<=[一二][{cls}]{{3}}年)(?<![{cls}十][一二][{cls}]{{3}}年)"), str.maketrans(digits)


def rewrite_forms(text: str) -> str:
    """One form for what copies write differently: 「」 quotes as “”, 今(2024)年 as 2024年, 二〇二五年 as
    2025年."""
    characters, rewrites = _forms()
    for old, new in characters:  # str.replace per character: str.translate with a table is 10x slower
        if old in text:
            text = text.replace(old, new)
    for pattern, repl in rewrites:
        text = pattern.sub(repl, text)
    year, table = _chinese_year()
    ends = [m.start() for m in year.finditer(text)]
    if ends:
        parts, last = [], 0
        for end in ends:
            parts += [text[last:end - 4], text[end - 4:end].translate(table)]
            last = end
        text = "".join(parts) + text[last:]
    return text


def strip_pinyin(text: str) -> str:
    """``鄉(xiāng)`` → ``鄉``: drop parenthesised pinyin that follows a character."""
    return _PINYIN.sub("", text)


def to_simplified(text: str) -> str:
    return _converter().convert(text) if _traditional().search(text) else text


def _trim_lines(text: str) -> str:
    """No spaces at either end of a line (runs of spaces are already single)."""
    return text.replace("\t", " ").replace(" \n", "\n").replace("\n ", "\n")


class _Decorations(NamedTuple):
    line_start: re.Pattern      # the symbols a line opens with (✅, ◆, 🔥)
    wrapped_heading: re.Pattern  # 【】 around a heading
    circled_mark: re.Pattern    # a circled number (①)
    circled: dict[str, str]     # ① → (1)
    markdown: re.Pattern        # a Markdown heading's hashes, an emphasis's stars


@lru_cache(maxsize=1)
def _decorations() -> _Decorations:
    raw = _yaml("normalise.yaml")
    circled = {ch: f"({n})" for marks in raw["circled_markers"] for n, ch in enumerate(marks, 1)}
    circled_mark = re.compile(f"[{''.join(circled)}]")  # (found by the mark: a pattern that opens on a lookbehind is slow)
    # (only before words: a line of decorations alone, ★★★★★, is chrome's to drop)
    pattern = raw["line_decorations"]
    if not (pattern.startswith("^[") and pattern.endswith("]+")):
        raise ValueError("normalise.yaml: line_decorations must be one character class, repeated, at a line's start")
    inner = pattern[2:-2]
    decorations = re.compile(f"^[{inner}]+(?=[^{inner}\\s])", re.M)
    return _Decorations(decorations, re.compile(raw["wrapped_heading"], re.M), circled_mark, circled,
                        re.compile(raw["markdown_marks"], re.M))


def undecorate(text: str) -> str:
    """What a text copied from social media or Markdown decorates its lines with, gone: the symbols a line opens
    with (✅, ◆, 🔥), a heading's hashes and an emphasis's stars (## 一、…, **加快…**), the 【】 around a heading,
    and a circled number where an item starts written as the list marker it is (①稳定沙糖桔种植面积 → (1)稳定…)."""
    decorations, wrapped, circled_mark, circled, markdown = _decorations()
    if text.isascii():
        return text
    text = decorations.sub("", text)
    if "#" in text or "**" in text:
        text = markdown.sub("", text)  # (## 一、2024年工作回顾, **加快…**: a Markdown copy's marks)
    if "【" in text:
        # (not a compilation's 【第2篇】, which marks where one of its documents starts)
        text = wrapped.sub(lambda m: m.group(0) if _part_marker().match(m.group(0)) else m.group(1), text)
    return circled_mark.sub(lambda m: circled[m.group(0)] if m.start() == 0 or text[m.start() - 1] in _ITEM_OPENS
                            else m.group(0), text)


_ITEM_OPENS = frozenset("\n。;；:：,，、 ")  # what a circled number that starts an item stands after


def strip_chrome(text: str) -> str:
    """Drop page chrome: whole lines (下载, 打印, >>>下页还有更多) and fragments inside lines."""
    fragments = _chrome().fragments
    # whole lines first, as they stand (· 2024年乡镇工作计划(通用10篇): a fragment cut first would leave a line no
    # pattern knows), then again once fragments are cut (a line that was chrome around them)
    text = _drop_chrome_lines(_trim_lines(_collapse_spaces(text)).strip(" "))
    text = _cut_tail(text)
    text, cut = fragments.subn("", text)
    if cut:
        text = _drop_chrome_lines(_trim_lines(_collapse_spaces(text)).strip(" "))
    return text


def _cut_tail(text: str) -> str:
    """``text`` up to a line in its second half that ends its content (往期推荐: chrome.yaml tail_lines)."""
    for word in load_lexicon().chrome.get("tail_lines", ()):
        at = text.find("\n" + word + "\n", len(text) // 2)
        if at < 0 and text.endswith("\n" + word):
            at = len(text) - len(word) - 1
        if at >= 0:
            text = text[:at]
    return text


def _drop_chrome_lines(text: str) -> str:
    """``text`` without its chrome lines, each with its line end (the line before it keeps its own)."""
    return _chrome().lines.sub("", "\n" + text + "\n")[1:-1]


_LONG_TEXT = 10_000  # characters: a text this long is searched one corrupt pattern at a time


def is_corrupt(text: str) -> bool:
    """True where ``text`` holds mojibake or leftover pinyin (``转变?nèi)``)."""
    if len(text) < _LONG_TEXT:
        return _chrome().corrupt.search(text) is not None
    return any(p.search(text) for p in _chrome().corrupt_each)


# 9　3.6: two cells of a row; a run of ideographic spaces is found by its literal (a pattern that opens with a
# lookbehind is tried at every position: 8x slower on a text that indents its paragraphs with them)
_IDEOGRAPHIC_RUN = re.compile("\u3000\u3000*")  # (not \u3000+: a pattern that opens on a repeat is no literal)
_CELL_BEFORE = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%.０１２３４５６７８９"
                         "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ％．")
_CELL_AFTER = frozenset("0123456789０１２３４５６７８９")


def _cell_gap(m: re.Match) -> str:
    """A run of ideographic spaces after a figure's character or before a digit parts two cells, and so do two or
    more inside a line: a space; any other run (a paragraph's indent) is left for ``_drop_invisible`` to remove."""
    text, a, b = m.string, m.start(), m.end()
    if (a and text[a - 1] in _CELL_BEFORE) or (b < len(text) and text[b] in _CELL_AFTER) or (
            b + 1 < len(text) and text[b] in _SIGNS and text[b + 1].isdigit()):  # (食品烟酒　-1.2: a negative figure)
        return " "
    if text[text.rfind("\n", 0, a) + 1:a].strip() in _row_name_heads():
        return " "  # 指标　涨跌幅(%): the column of names, then a column's head (a table's header of two cells)
    inside = a and text[a - 1] != "\n" and b < len(text) and text[b] != "\n"
    if inside and b - a >= 2:
        return " "  # 指标名称　　单位: a gap inside a line, not an indent, parts two columns
    if inside:
        # 1　城区公办学位　新增9000个　新增9420个: a line that parts its words at two gaps or more is a table's row
        start, end = text.rfind("\n", 0, a) + 1, text.find("\n", b)
        line = text[start:len(text) if end < 0 else end].lstrip("\u3000 ")
        gaps = line.rstrip("\u3000 ").count("\u3000")
        if gaps >= _HEADER_GAPS_MIN or gaps >= _ROW_GAPS_MIN and any(c.isdigit() for c in line):
            return " "
    return m.group(0)


_SIGNS = "-+－−"  # a figure's sign, before its digits


@lru_cache(maxsize=1)
def _row_name_heads() -> frozenset[str]:
    return frozenset(load_lexicon().tables["row_name_columns"])
_ROW_GAPS_MIN = 2  # single ideographic spaces inside a line with a figure, at the least, that make it a table's row
_HEADER_GAPS_MIN = 3  # ...and inside one without (序号　项目名称　年度目标　完成情况: its header)


def _drop_invisible(text: str) -> str:
    """No zero-width spaces and joiners, word joiners, BOMs, soft hyphens or ideographic spaces; an ideographic
    space beside a digit parts two cells of a table row (9　3.6 is no 93.6) and is a space."""
    if "\u3000" in text:
        text = _IDEOGRAPHIC_RUN.sub(_cell_gap, text)
    for ch in _INVISIBLE:
        if ch in text:
            text = text.replace(ch, "")
    return text


def _collapse_spaces(text: str) -> str:
    """Runs of spaces, tabs and no-break spaces as one space."""
    return _SPACE_RUN.sub(" ", text.replace("\t", " ").replace("\u00a0", " "))


def _fullwidth_to_ascii(text: str) -> str:
    """！ to ～ as their ASCII forms (what NFKC does), one ``str.replace`` per distinct character (a text
    holds a handful of them, tens of thousands of times): each search goes on from the last one found, as
    nothing before it is full-width any more and no length changes."""
    pos = 0
    while m := _FULLWIDTH.search(text, pos):
        ch = m.group(0)
        text, pos = text.replace(ch, chr(ord(ch) - 0xFEE0)), m.start()
    return text


# A text copied out of a PDF or a printed page breaks its lines every 30 or 40 characters, inside sentences,
# numbers and words (完成3260\n万元), and repeats page furniture between them (－3－, a running head). Such a text
# is told by its lines: many (`_WRAP_MIN_LINES`), short (median at most `_WRAP_MAX_MEDIAN` characters), most of
# them of about one width (`_WRAP_UNIFORM` of them within 70%–125% of the 75th percentile) and most not ending a
# sentence (`_WRAP_UNENDED`), or by two lines or more that open on a comma, a full stop or the unit of the number
# the line before ends on, or (a short copy) by three lines of prose or more cut mid-sentence at one width
# (`_cut_width`). A line that fills the width and ends no sentence goes on in the next one, unless
# that one is indented (　　), numbered (一、, (一), 1.) or a table's row, or the line ends on a figure (a list's
# items, one a line, end none: 新增养老床位260张).
_WRAP_MIN_LINES = 8
_WRAP_MAX_MEDIAN = 60
_WRAP_UNIFORM = 0.45
_WRAP_UNENDED = 0.5
_WRAP_FULL = 0.6  # a line at least this share of the width fills it
_WRAP_CUT_LINES = 3  # lines cut mid-sentence at one width that tell a short copy (_cut_width)
_WRAP_CUT_SPREAD = 2  # characters a cut line may fall short of the width (an indent, a half-width digit)
_WRAP_CUT_MIN = 20  # characters: no shorter line is a page's width
_CUT_PROSE = re.compile("[,，;；。]")  # a clause's end inside a line: prose (a heading or a list of names holds none)
SENTENCE_ENDS = "。！？；：!?;:」”’\")）】》…"  # what ends a sentence a line ends with (segment.py reads it too)
_GOES_ON_MARKS = "。，,、；;：:！!？?)）"  # (a % or ‰ that opens a line is a unit: _unit_starts)
_CLAUSE_MARKS = re.compile("[,，;；。:：]")
_COMPILATION_PART = re.compile(load_lexicon().segments["compilation_part"])  # 范文一:…: a sample's own line, never joined
_NUMBERED = re.compile(r"[·•]|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[章节条部篇]")
_ROW_END = re.compile(r"(?:[ \u3000\t|]+[\d.,%\-—]+){2,}[ \u3000\t|]*$")  # a line that ends on two number cells or more
# a table's row: its cells apart by a tab or a |, or by spaces (ideographic ones too) before two cells or more at its
# end (a number's thousands mark inside a cell: 1,350), or before a number cell that ends the line after words that
# end no clause (地区生产总值 520), or after a row's serial number and a name, two cells more (4 饮水安全
# 新建集中供水站2座,惠及农户1200户 农业服务中心: a cell may hold a clause or more); not a prose line whose number a space parts
# (…可支配收入46 3|20元,增长…: a copy's thousands; 12 亿元,同比增长 5.6%: a copy's spaced unit)
_CELL = r"(?:\d[,，]\d|[^\s,;:。，；：、])"
# what a counter, a scale or a one-character unit opens with: a line whose first number one follows is prose, no serial
# row (46 个项目 完成投资 85 亿元: a copy's spaced words)
_COUNTER_STARTS = re.escape("".join(sorted(
    {w[0] for w in load_lexicon().grammar["enumeration_units"]} | {w[0] for w in load_lexicon().scales}
    | {u.surface for u in load_lexicon().units if len(u.surface) == 1})))
_ROW = re.compile(rf"[|\t]|(?:[ \u3000]+{_CELL}+){{2,}}$|^[^,;:。，；：、]*[ \u3000][\d\-—]{_CELL}*$"
                  rf"|^\d{{1,3}}[ \u3000]+(?![{_COUNTER_STARTS}])[\u4e00-\u9fff]{_CELL}+(?:[ \u3000]+\S+){{2,}}")
_ROW_GAPS = frozenset(" \u3000\t|")
_SENTENCE_MARK = "。"  # (a run-in heading's end, before the paragraph it opens: （三）社会事业。…)
_DATE_LINE = re.compile(load_lexicon().segments["date_line"])  # a signature's date: a line of its own


def _is_row(line: str) -> bool:
    """Whether ``line`` is a table's row (``_ROW``), looked for only in a line that holds a cell's gap."""
    return not _ROW_GAPS.isdisjoint(line) and _ROW.search(line) is not None
# a line that ends on a figure (增长6.2%, 新增养老床位260张): an item of a list, whole, not a line a wrap broke
# (12公 ends on no whole unit)
_LINE_FIGURE = re.compile(r"\d([%‰]?)([\u4e00-\u9fff]{0,4}?)(?:以上|以内|左右)?$")


@lru_cache(maxsize=1)
def _page_lines() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in load_lexicon().chrome.get("page_lines", ())) or "(?!)")


@lru_cache(maxsize=1)
def _unit_starts() -> frozenset[str]:
    """The first characters of the units and scales (万元, 亿, 个, 公里…): a line that opens on one after a line
    that ends on a digit goes on the number."""
    lex = load_lexicon()
    return frozenset(u.surface[0] for u in lex.units) | frozenset(k[0] for k in lex.scales)


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Every unit as written, with or without a scale before it (亿元, 万亩, 张)."""
    lex = load_lexicon()
    units = {u.surface for u in lex.units}
    return frozenset(units | {sc + u for sc in lex.scales for u in units})


def _ends_on_figure(line: str) -> bool:
    m = _LINE_FIGURE.search(line)
    return m is not None and (m.group(1) != "" or m.group(2) in _unit_words())


@lru_cache(maxsize=1)
def _running_head() -> re.Pattern:
    """What a running head names: a doc type (工作计划, 政府工作报告: doc_types.yaml) or a place, by its suffix or
    its government (柏树岭镇, 柏树岭镇人民政府: local_government.yaml)."""
    lex = load_lexicon()
    words = sorted({w for d in lex.doc_types for w in d.words}, key=len, reverse=True)
    suffixes = sorted(_local_government().suffixes, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) + "|(?:" + "|".join(map(re.escape, suffixes)) + ")(?:人民政府|政府)?$")


def _is_chrome_line(line: str) -> bool:
    """Whether ``line`` (stripped) is a line of page chrome (相关推荐, 本文由…整理): never joined to another."""
    return _chrome().lines.match("\n" + line + "\n") is not None


def _cut_width(body: list[str]) -> int | None:
    """The width at which ``_WRAP_CUT_LINES`` lines or more of prose (a clause ends inside them: no heading, no list
    of names) end mid-sentence (no sentence's end, no figure, no table's row), within ``_WRAP_CUT_SPREAD`` characters
    (an indent aside): a page's width, where a short copy has too few lines for the other signs. None where no such
    run stands."""
    cut = Counter(len(s) for s in body if len(s) >= _WRAP_CUT_MIN and s[-1] not in SENTENCE_ENDS
                  and _CUT_PROSE.search(s) and not _ends_on_figure(s) and not _is_row(s)
                  # (nor a numbered heading with a comma, （四）坚持城乡融合，城市品质明显提升: a .docx's headings of one
                  # length are no page's width)
                  and not (_NUMBERED.match(s) and _SENTENCE_MARK not in s))
    best = max(cut, key=lambda w: (sum(n for v, n in cut.items() if w - _WRAP_CUT_SPREAD <= v <= w), w), default=None)
    if best is None or sum(n for v, n in cut.items() if best - _WRAP_CUT_SPREAD <= v <= best) < _WRAP_CUT_LINES:
        return None
    return best


def unwrap_lines(text: str) -> str:
    """A hard-wrapped text (see above) with its page furniture dropped (page numbers; a short line said three times
    or more, a running head, kept where it first stands) and each line that goes on joined to the next; any other
    text as it is."""
    n_lines = text.count("\n") + 1 - text.count("\n\n")  # (lines with text, about)
    if n_lines < _WRAP_MIN_LINES or len(text) > 2 * _WRAP_MAX_MEDIAN * n_lines:
        return text  # (few lines, or long ones on average: a paragraph a line, as most texts are; looked at fast)
    lines = text.split("\n")
    body = [s for s in (line.strip() for line in lines) if s]
    if len(body) < _WRAP_MIN_LINES or sorted(map(len, body))[len(body) // 2] > _WRAP_MAX_MEDIAN:
        return text  # (long lines: the median with the furniture in is no shorter than without it)
    pages = _page_lines()
    # a running head: a short line said three times or more that is the title, names a doc type or a place (not a
    # heading each part of a summary repeats: 主要成效, 下步打算)
    repeated = {s for s, n in Counter(s for s in body if len(s) <= 30).items()
                if n >= 3 and (s == body[0] or _running_head().search(s))}
    body = [s for s in body if s not in repeated and not pages.fullmatch(s)]  # (the page furniture says nothing)
    if len(body) < _WRAP_MIN_LINES:
        return text
    lengths = sorted(len(s) for s in body)
    width = lengths[len(lengths) * 3 // 4]
    # (lines that open on a comma, a full stop or a percent sign: a sentence broken before them, twice or more)
    # (and a number whose unit opens the next line: 完成3260\n万元)
    units = _unit_starts()
    broken = (sum(1 for s in body if s[0] in _GOES_ON_MARKS)
              + sum(1 for a, b in zip(body, body[1:]) if a[-1].isdigit() and b[0] in units)) >= 2
    if not broken and (cut := _cut_width(body)) is not None:
        broken, width = True, cut  # (a short copy: few lines, but several cut mid-sentence at one width)
    if lengths[len(lengths) // 2] > _WRAP_MAX_MEDIAN or not broken and (
            sum(1 for n in lengths if 0.7 * width <= n <= 1.25 * width) < _WRAP_UNIFORM * len(lengths)
            or sum(1 for s in body if len(s) >= _WRAP_FULL * width and s[-1] not in SENTENCE_ENDS
                   and not _ends_on_figure(s)) < _WRAP_UNENDED * len(body)):
        return text  # (unended lines that fill the width: a list of short items or headings ends none and fills none)
    seen: set[str] = set()
    out: list[str] = []
    pending_blank = 0  # blank lines after a line that goes on: a page break, dropped if the text goes on
    for line in lines:
        s = line.strip()
        if s and (pages.fullmatch(s) or (s in repeated and s in seen)):
            continue
        if s in repeated:
            seen.add(s)
        if not s:
            pending_blank += 1
            continue
        prev = out[-1].strip() if out else ""
        goes_on = prev and not _is_row(prev) and not _is_row(s) and not _is_chrome_line(prev) and not (
            _COMPILATION_PART.match(s) or _COMPILATION_PART.match(prev)) and not (
            _is_chrome_line(s)) and not _DATE_LINE.fullmatch(prev) and (
            s[0] in _GOES_ON_MARKS  # (a line that opens on a comma or a full stop: the sentence before goes on)
            or prev[-1].isdigit() and s[0] in units  # (完成3260\n万元: a number and its unit)
            or len(prev) >= _WRAP_FULL * width and prev[-1] not in SENTENCE_ENDS and not _ends_on_figure(prev)
            and not (_NUMBERED.match(prev) and not _CLAUSE_MARKS.search(prev))  # (二、…主要预期目标: a heading)
            and not line[:1].isspace() and not _NUMBERED.match(s)
            # (a short line that ends no sentence is a heading: 下步工作打算)
            and (len(s) >= _WRAP_FULL * width or s[-1] in SENTENCE_ENDS))
        if goes_on:
            out[-1] = out[-1].rstrip() + s
        else:
            out.extend([""] * pending_blank)
            out.append(line)
        pending_blank = 0
    out.extend([""] * pending_blank)
    return "\n".join(out)


# What a PDF's or a scan's text breaks that no wrap explains, mended wherever it stands: a page's number on a
# line of its own (page_lines) with the running head beside it (the title, a doc type or a place), and the
# sentence they cut joined again (drop_page_furniture); a heading's number alone on its line (一、 / (一)) joined to
# its words (join_heading_numbers), both before a hard wrap is looked for; a printed document's red header
# (琅川市人民政府文件) is chrome (chrome.yaml); a line spaced out a character at a time (地 区 生 产 总 值 增 长 6 . 5 %) closed up; a
# number broken after its point (2.\n6万吨) or before its unit (1200\n万元, 26.5公\n里) joined (mend_breaks).
_MARKER_LINE = re.compile(r"^[^\S\n]*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[、,，]?)[^\S\n]*$",
                          re.M)
# (each opens on the space: a literal found fast, where a pattern that opens on a class is tried at every character)
_MARKER_LINE_FAST = re.compile("\n" + _MARKER_LINE.pattern.replace("^", "", 1).replace("$", "(?=\\n|$)"))
_SPACED_LINE = re.compile(r" (?=[\u4e00-\u9fff\d.%] (?:[\u4e00-\u9fff\d.%] ){4})(?<=[\u4e00-\u9fff\d.%] )")
_FIGURE_LINE_END = re.compile(r"\n(?:(?<=\d\n)|(?<=\d[\u4e00-\u9fff]\n)|(?<=\d[\u4e00-\u9fff]{2}\n)|(?<=\d [\u4e00-\u9fff]\n))")
_SPACED_GAP = re.compile(r"(?<=\S) (?=\S)")
_MARKER_BEFORE_DIGIT = re.compile(r"(?<=[.．])\0\n(?=\d)")
# (possessive, and not inside a run of digits: a long run of dots, as NFKC writes …, is tried once)
_SPACED_RUN = re.compile(r"(?<![\d.%])(?:[\u4e00-\u9fff]|[\d.%]++)(?: (?:[\u4e00-\u9fff]|[\d.%]++)){5,}")
_SPACED_MIN_CHARS = 5  # single Chinese characters a space apart in a run: a spaced-out phrase
# a number spaced out a digit at a time inside a sentence, a word right before it and its unit right after
# (新增有效灌溉面积2 6 0 0亩, 1 2 . 5公里: it had read as 0亩 and 5公里); not a table's cells (序号 1 2 3 4 5 6: a gap
# after the row's name, none before a unit), nor digits grouped by thousands (18 520元)
_SPACED_DIGITS = re.compile(r"(?<=[\u4e00-\u9fff])\d(?: [\d.]){2,}(?=[\u4e00-\u9fff%‰])")
_SPACED_DIGITS_HINT = re.compile(r" [\d.] [\d.]")

_NUMBER_BREAK = re.compile(r"\n(?<=\d\.\n)[ \t]*(?=\d)")  # (the newline first: a scan as fast as can be)
# a decimal point with spaces beside it, as a PDF's text leaves it, inside a sentence (增长5. 8%, 总值2 856. 3亿元, 4 .8%;
# not a list's number at a line's start, 1. 12个); and a line break before the point (12\n.5%)
_POINT_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])(\d{1,3}(?: \d{3})+|\d+)(?: +\.|\. +| +\. +)(?=\d)")
_POINT_AFTER_BREAK = re.compile(r"(?<=\d)\n[ \t]*(?=\.\d)")


@lru_cache(maxsize=1)
def _comparator_cuts() -> tuple[tuple[str, str], ...]:
    """Each way a line break may cut a comparator word after a figure (左|右, |以上): (before, after), longest first."""
    words = _yaml("normalise.yaml")["split_comparators"]
    return tuple(sorted({(w[:k], w[k:]) for w in words for k in range(len(w))}, key=lambda c: -len(c[0])))


_COMPARATOR_BREAK = re.compile(r"\n(?<=[\d%\u4e00-\u9fff]\n)[ \t]*(?=[\u4e00-\u9fff])")
_FIGURE_THEN_UNIT = re.compile(r"[\d%][\u4e00-\u9fff]{0,3}$")  # a figure and its unit, at most 3 characters
_CLAUSE_CLOSERS = ("", ",", ";", "。", "、", ":", ")", "\n")


def _comparator_break(m: re.Match) -> str:
    """A comparator word after a figure cut by the line break ``m`` (5.5%左\n右, 5万人\n以上), where the line before
    ends on the figure, its unit and the word's first part: joined; else the break as it is."""
    text, i, j = m.string, m.start(), m.end()
    for before, after in _comparator_cuts():
        if (text.startswith(after, j) and text.endswith(before, 0, i)
                and _FIGURE_THEN_UNIT.search(text, max(0, i - len(before) - 4), i - len(before))
                # (a whole word on the next line closes its clause: 5万人\n以上,; not 完成5项\n以下是主要任务)
                and (before or text[j + len(after):j + len(after) + 1] in _CLAUSE_CLOSERS)):
            return ""
    return m.group(0)


_RUNNING_HEAD_MAX = 30  # characters: a running head is short
_BREAK_HYPHENS = ("-", "－", "‐")
_CJK_CHAR = re.compile("[\u4e00-\u9fff]")


def mend_breaks(text: str) -> str:
    """``text`` with the breaks a PDF's or a scan's text makes mended (see above); a text with none as it is."""
    if _SPACED_LINE.search(text):
        text = "\n".join(_close_up(line) if _SPACED_LINE.search(line) else line for line in text.split("\n"))
        text = _SPACED_RUN.sub(_close_run, text)  # 改 造 城 镇 老 旧 小 区 186 个 inside a line that is not
    if _SPACED_DIGITS_HINT.search(text):  # (looked for only where single digits stand a space apart)
        text = _SPACED_DIGITS.sub(lambda m: m.group(0).replace(" ", ""), text)  # 面积2 6 0 0亩, 1 2 . 5公里
    text = _NUMBER_BREAK.sub(_number_break, text)  # 2.\n6万吨
    if ". " in text or " ." in text:  # (looked for only where a point stands beside a space: most texts have none)
        text = _POINT_SPACED.sub(r"\1.", text)  # 增长5. 8%, 4 .8%
    if "\n." in text:
        text = _POINT_AFTER_BREAK.sub("", text)  # 12\n.5%
    text = _COMPARATOR_BREAK.sub(_comparator_break, text)  # 5.5%左\n右, 5万人\n以上
    if _FIGURE_LINE_END.search(text):
        text = _unit_breaks(text)
    return text


def _number_break(m: re.Match) -> str:
    """A number broken after its point joined to its digits (2.\n6万吨), unless the line is only a list's number
    (1.\n5万亩 is item 1's 5万亩)."""
    line = m.string[m.string.rfind("\n", 0, m.start()) + 1:m.start()]
    return m.group(0) if line.strip()[:-1].isdigit() else ""


def _close_run(m: re.Match) -> str:
    """A run of words a space apart, closed up where most are single Chinese characters (not 1 2 3 4 5)."""
    words = m.group(0).split(" ")
    return "".join(words) if sum(len(w) == 1 and not w.isdigit() for w in words) >= _SPACED_MIN_CHARS else m.group(0)


def _close_up(line: str) -> str:
    """A line spaced out a character at a time (most of its words one character long), closed up; else as it is."""
    words = line.split()
    if (len(words) < 6 or sum(len(w) == 1 for w in words) < 0.8 * len(words)
            or sum(len(w) == 1 and not w.isdigit() for w in words) < _SPACED_MIN_CHARS):
        return line  # (序号 1 2 3 4 5 6: a table's numbers)
    return _SPACED_GAP.sub("", line)


@lru_cache(maxsize=1)
def _part_marker() -> re.Pattern:
    """A line that opens one document of a compilation (segments.yaml compilation_part): never a running head."""
    return re.compile(load_lexicon().segments["compilation_part"], re.M)


@lru_cache(maxsize=1)
def _page_lines_anywhere() -> re.Pattern:
    # (opens on the line break, a literal found fast; searched in the text after one)
    return re.compile(r"\n[^\S\n]*(?:" + _page_lines().pattern + r")[^\S\n]*(?=\n|$)")


def join_heading_numbers(text: str) -> str:
    """A heading's number alone on its line joined to the words on the next (一、\n2024年工作总结), before a hard wrap
    is looked for (its words are then a heading, which goes on into no paragraph)."""
    if not _MARKER_LINE_FAST.search("\n" + text):
        return text
    text = _MARKER_LINE.sub(lambda m: m.group(0).strip() + "\0", text)
    text = _MARKER_BEFORE_DIGIT.sub("\n", text).replace("\0\n", "")  # (1.\n5万亩: a list's number, no 1.5)
    return text.replace("\0", "")


# A table a PDF's text gives one cell a line (指标 / 绝对数(亿元) / 比上年增长(%) / 地区生产总值 / 1668.9 / 5.6 / …):
# its header found by its first cell, a column of names (tables.yaml row_name_columns) on a line of its own, and the
# lines after it that each head a column (a kind of figure, a growth, a unit, a year); then its rows, as many lines
# each, a name and cells of figures, units or placeholders; each header and row joined into one line, its cells a
# space apart, as a table's rows are written (extract/tables.py reads them).
_CELL_MAX = 20  # characters a cell on a line of its own may take
_CELL_FIGURE = re.compile(r"[-+－]?[\d０-９]+(?:[.．][\d０-９]+)?\s*[%％‰]?")


@lru_cache(maxsize=1)
def _cell_table_words() -> tuple[re.Pattern, re.Pattern, frozenset[str], frozenset[str]]:
    t = load_lexicon().tables
    names = re.compile(r"\n[^\S\n]*(?:" + "|".join(map(re.escape, sorted(t["row_name_columns"], key=len, reverse=True)))
                       + r")[^\S\n]*\n")
    heads = [*t["column_kinds"], *t["growth_columns"], *t["unit_columns"], *t["measure_columns"], *t["share_columns"]]
    column = re.compile("|".join(map(re.escape, sorted(heads, key=len, reverse=True))) + r"|(?:19|20)\d{2}年")
    return names, column, frozenset(t["unit_columns"]), frozenset(t["placeholders"])


def join_cell_lines(text: str) -> str:
    """``text`` with each table written one cell a line (see above) written a row a line; any other text as it is."""
    names, column, unit_heads, placeholders = _cell_table_words()
    if not names.search("\n" + text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        most = _cell_header(lines, i, column) if lines[i].strip() in _row_name_heads() else 0
        # (the most header lines that rows fit after them, counting down from the most that could head a column: a first
        # row's name may hold a header's word, 一般公共预算收入 its 预算)
        for k in range(most, 1, -1):
            heads = [c.strip() for c in lines[i:i + k]]
            rows, j = [], i + k
            while j + k <= len(lines) and _cell_row(lines[j:j + k], heads, unit_heads, placeholders):
                rows.append(" ".join(c.strip() for c in lines[j:j + k]))
                j += k
            if rows:
                break
        else:
            out.append(lines[i])
            i += 1
            continue
        out.append(" ".join(heads))
        out.extend(rows)
        i = j
    return "\n".join(out)


def _cell_header(lines: list[str], i: int, column: re.Pattern) -> int:
    """How many lines from ``lines[i]`` on head a table's columns, its first a column of names; 0 where none."""
    k = 1
    while i + k < len(lines) and (c := lines[i + k].strip()) and len(c) <= _CELL_MAX and column.search(c) \
            and not _CELL_FIGURE.fullmatch(c):
        k += 1
    return k if k >= 2 else 0


def _cell_row(cells: list[str], heads: list[str], unit_heads: frozenset[str], placeholders: frozenset[str]) -> bool:
    """Whether ``cells`` (one a line) are a row under ``heads``: a name, then figures, units under a unit's column or
    placeholders, one figure at least."""
    cells = [c.strip() for c in cells]
    name, rest = cells[0], cells[1:]
    if (not name or len(name) > _CELL_MAX or _CELL_FIGURE.fullmatch(name)
            or _CLAUSE_MARKS.search(_SUB_ITEM.sub("", name))):  # (其中:税收收入, a part of the row above)
        return False
    figures = 0
    for head, c in zip(heads[1:], rest):
        if _CELL_FIGURE.fullmatch(c):
            figures += 1
        elif not (c in placeholders or head in unit_heads and c and len(c) <= _UNIT_CELL_MAX and not any(ch.isdigit() for ch in c)):
            return False
    return figures > 0


# what opens the name of a row that is a part of the one above (tables.yaml sub_item_marks: #工业, 其中:税收收入)
_SUB_ITEM = re.compile("^(?:" + "|".join(map(re.escape, load_lexicon().tables["sub_item_marks"])) + ")")
_UNIT_CELL_MAX = 6  # characters of a unit under a unit's column (万吨, 亿千瓦时)


def drop_page_furniture(text: str) -> str:
    """``text`` with its page numbers on lines of their own and the running heads beside them dropped (before a
    hard wrap is looked for: a running head a wrap keeps where it first stands is furniture beside a page's
    number); a text with none as it is."""
    return _drop_page_furniture(text) if _page_lines_anywhere().search("\n" + text) else text


_RUNNING_HEAD_TIMES = 3  # pages a line beside their numbers is said on, at the least, to be their running head


def _drop_page_furniture(text: str) -> str:
    """Page numbers on lines of their own and the running heads beside them dropped, and a sentence they cut
    (the line before ends none, the line after opens no numbered heading) joined again."""
    lines = text.split("\n")
    title = next((s.strip() for s in lines if s.strip()), "")
    pages, head = _page_lines(), _running_head()
    drop = [bool(pages.fullmatch(s.strip())) if s.strip() else False for s in lines]
    # (and a short line said beside the numbers of several pages: an issuer's name, 沅峪县统计局)
    said: Counter = Counter()
    for i in [k for k, d in enumerate(drop) if d]:
        for step in (-1, 1):  # (past blank lines, as the drop below looks)
            j = i + step
            while 0 <= j < len(lines) and not lines[j].strip():
                j += step
            if 0 <= j < len(lines) and not drop[j]:
                said[lines[j].strip()] += 1
    for i in [k for k, d in enumerate(drop) if d]:  # the running heads right before or after a page's number
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j].strip():
                j += step
            s = lines[j].strip() if 0 <= j < len(lines) else ""
            if (s and len(s) <= _RUNNING_HEAD_MAX and not drop[j] and not _CLAUSE_MARKS.search(s)  # (no sentence)
                    and (s == title and j > 0 or head.search(s) or said[s] >= _RUNNING_HEAD_TIMES)
                    and not _NUMBERED.match(s)  # (二、2025年工作安排:奋力建设经济强县 is a heading)
                    and not _part_marker().search(s)):  # (乡镇年终工作总结范文4 after a sample site's page line)
                drop[j] = True
    out: list[str] = []
    cut = False  # furniture since the last line kept: the sentence before may go on
    for line, d in zip(lines, drop):
        s = line.strip()
        if d:
            cut = True
            continue
        if cut and s:
            prev = next((k for k in range(len(out) - 1, -1, -1) if out[k].strip()), None)
            if prev is not None and not line[:1].isspace() and _unit_goes_on(out[prev].rstrip(), s[:_UNIT_REACH],
                                                                             frozenset()):
                # (全年粮食播种面积 78.6 万 / — 1 — / 亩，…: a figure and part of its unit whose rest the next page holds,
                # whatever the line: no heading and no table's row ends so; a unit whole on the next page, no starts
                # given, is none)
                pass
            elif (prev is not None and out[prev].rstrip()[-1:] not in SENTENCE_ENDS and not line[:1].isspace()
                    and not _NUMBERED.match(s)
                    # (a numbered heading before the page's end ends none, with a comma too, (一)聚焦项目建设,扩大有效投资;
                    # a numbered paragraph that says a sentence first goes on: （三）社会事业。新增城镇就业、农村劳动力 /
                    # — 2 — / 转移就业均为300人以上)
                    and not (_NUMBERED.match(out[prev].strip()) and _SENTENCE_MARK not in out[prev])
                    and not _ROW_END.search(out[prev]) and not _ROW_END.search(s)  # (a table's rows stay apart)
                    and not _is_row(out[prev])  # (a tab's or a |'s row, whatever its last cell holds)
                    # (a heading before the page's end ends none: a short line that says no clause)
                    and (len(out[prev].strip()) > _RUNNING_HEAD_MAX or _SENTENCE_MARK in out[prev])):
                pass
            else:
                prev = None
            if prev is not None:
                before = out[prev].rstrip()
                if before.endswith(_BREAK_HYPHENS) and _CJK_CHAR.match(before[-2:-1]) and _CJK_CHAR.match(s):
                    before = before[:-1]  # 农村公-|路628公里: a word the page's end hyphenated
                out[prev] = before + s
                del out[prev + 1:]
                cut = False
                continue
            cut = False
        out.append(line)
    return "\n".join(out)


def _unit_breaks(text: str) -> str:
    """A number whose unit a line break cuts or leaves to the next line (完成1200\n万元, 26.5公\n里, 5000万人\n次)
    joined to it, where the line before is no short one (附件2\n名词解释: a heading's number)."""
    starts = _unit_starts()
    out: list[str] = []
    last = 0
    joined: set[int] = set()  # the line breaks taken out so far (the line before goes on across them)
    for m in _FIGURE_LINE_END.finditer(text):
        i = m.start()
        b = text.rfind("\n", 0, i)
        while b in joined:
            b = text.rfind("\n", 0, b)
        prev = text[b + 1:i]
        nxt = text[i + 1:i + 1 + _UNIT_REACH]
        # (not a table's row: the next row's name may open on 人, 工, 新…; a short line may go on where it ends on a
        # figure after its words and the next opens on a whole unit with its scale: 年末全县户籍人口34.72 / 万人,…)
        if ((len(prev.strip()) > _RUNNING_HEAD_MAX or _FIGURE_END.search(prev) and nxt.startswith(_scaled_units()))
                and not _ROW_END.search(prev) and _unit_goes_on(prev, nxt, starts)):
            out.append(text[last:i])
            last = i + 1
            joined.add(i)
    out.append(text[last:])
    return "".join(out)


def _unit_goes_on(prev: str, nxt: str, starts: frozenset[str]) -> bool:
    """Whether ``prev`` ends on a figure whose unit ``nxt`` opens on (1200 / 万元) or ends (26.5公 / 里, 78.6 万 / 亩)."""
    tail = _FIGURE_TAIL.search(prev)
    return tail is not None and nxt[:1] != "" and not nxt[:1].isspace() and (
        not tail.group(1) and nxt[0] in starts
        or tail.group(1) != "" and any(u.startswith(tail.group(1)) and nxt.startswith(u[len(tail.group(1)):])
                                       for u in _unit_surfaces() if len(u) > len(tail.group(1))))


_UNIT_REACH = 8  # characters of the next line a unit's rest may take
_FIGURE_END = re.compile(r"[\u4e00-\u9fff]\d+(?:\.\d+)?$")  # (户籍人口34.72, 户籍人口35: a figure after words)
_FIGURE_TAIL = re.compile(r"\d ?([\u4e00-\u9fff]{0,2})$")  # (78.6 万\n亩: a PDF's space before the scale too)


@lru_cache(maxsize=1)
def _scaled_units() -> tuple[str, ...]:
    """Every unit with a scale before it (万人, 亿元): what no table row's name opens on."""
    lex = load_lexicon()
    return tuple(k + u.surface for k in lex.scales for u in lex.units)


@lru_cache(maxsize=1)
def _unit_surfaces() -> tuple[str, ...]:
    """Every unit as written after a number, with a scale before it or not (公里, 万人次)."""
    return tuple(u.surface for u in load_lexicon().units) + _scaled_units()


def normalize_text(raw: str) -> NormalizedText:
    """Canonical text: no pinyin, simplified (Hong Kong variants too), NFKC, one form for quotes and annotated
    years, no invisible characters or page chrome, and a hard-wrapped text's lines joined."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_pinyin(text)
    text = undecorate(text)
    text = drop_page_furniture(text)
    text = join_cell_lines(text)
    text = join_heading_numbers(text)
    text = unwrap_lines(text)
    text = _drop_invisible(text)
    text = to_simplified(text)
    text = _unfold_marks(text)
    text = _fullwidth_to_ascii(text)
    if not unicodedata.is_normalized("NFKC", text):  # what is left for NFKC proper (①, ㎡, …), line by line
        text = "\n".join(line if unicodedata.is_normalized("NFKC", line) else unicodedata.normalize("NFKC", line)
                          for line in text.split("\n"))
        text = _drop_invisible(text)
    text = mend_breaks(text)
    text = rewrite_forms(text)
    text = strip_chrome(text)
    text = _BLANKS.sub("\n\n", text).strip()
    flags = ("corrupt_text",) if is_corrupt(text) else ()
    return NormalizedText(text, flags)
