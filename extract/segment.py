"""Split normalised text into documents (parts of a compilation), sections and sentences."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat

from .lexicon import load_lexicon
from .normalize import SENTENCE_ENDS
from .numerals import parse_chinese_int


@dataclass(frozen=True)
class Part:
    """One document of a compilation (范文一, …), or the whole text."""
    number: int | None
    title: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's offsets and text, the heading path above it and its paragraph."""
    start: int
    end: int
    text: str
    section: str
    paragraph: int  # index of the paragraph (line) it stands in


@lru_cache(maxsize=1)
def _patterns():
    seg = load_lexicon().segments
    return (re.compile(seg["compilation_part"], re.M),
            [re.compile(p) for p in seg["heading_levels"]],
            int(seg["heading_max_chars"]),
            re.compile(seg["sentence_end"]),
            re.compile(seg["appendix"]),
            re.compile(seg["unnumbered_heading"]),
            re.compile("|".join(re.escape(w) for d in load_lexicon().doc_types for w in d.words)),
            re.compile(seg["part_heading"]))


def _next_line(text: str, pos: int) -> str:
    """The line after the one that ends at ``pos`` (blank lines aside)."""
    rest = text[pos:].lstrip("\n")
    return rest.split("\n", 1)[0]


def split_parts(text: str) -> list[Part]:
    """A compilation (范文一, 范文二, …) becomes one Part per sample; other texts one Part. Text before the
    first sample (the compilation's title and preface) is part 0, so that nothing of the file is lost."""
    part_re, doc_type_words = _patterns()[0], _patterns()[6]
    # (篇一：or 第5篇：with a title is a sample's marker only where the title names a kind of document, 篇一：青枫镇2024年
    # 工作总结: a report's outline heads its parts so too, 篇一：产业发展)
    # (and 第一篇 alone, only where the line after it is such a title: 第一篇 / 栗湾乡2024年工作总结…; an outline's
    # 第一篇 / 开启新征程 is a part of it)
    heads = _with_content(text, [m for m in part_re.finditer(text)
                                 if (m.group("n6") is None and m.group("n8") is None or doc_type_words.search(m.group(0)))
                                 and (m.group("n7") is None or doc_type_words.search(_next_line(text, m.end())))])
    if len(heads) >= 2:
        def number(m: re.Match) -> int:
            n = next(v for v in m.groupdict().values() if v)  # the marker's number, whichever form it took
            return int(n) if n.isdigit() else parse_chinese_int(n)
        return _parts(text, heads, [number(m) for m in heads], [m.group(0).strip() for m in heads])
    return _place_chapters(text) or [Part(None, None, text)]


def _with_content(text: str, found: list[re.Match]) -> list[re.Match]:
    """The markers that head something: one with nothing under it before the next is a line of the compilation's
    table of contents, left in its preface."""
    return [m for i, m in enumerate(found) if i + 1 == len(found) or text[m.end():found[i + 1].start()].strip()]


def _parts(text: str, heads: list[re.Match], numbers: list[int], titles: list[str]) -> list[Part]:
    """The compilation's parts: its preface before the first head (part 0, where there is one), then a part from
    each head to the next."""
    preface = text[:heads[0].start()].strip()
    parts = [Part(0, None, preface)] if preface else []
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        parts.append(Part(numbers[i], titles[i], text[m.start():end].strip()))
    return parts


def _place_chapters(text: str) -> list[Part] | None:
    """A compilation of several places' documents (its first line ends on 汇编), a Part per place's chapter
    (一、青石镇, 【石门镇】, 青石镇2025年工作总结…: segments.yaml place_chapter), its title the line's place and words;
    None where its first line names no compilation or fewer than two places head chapters."""
    title_re, chapter_re = _chapter_patterns()
    if not title_re.search(text.lstrip().split("\n", 1)[0]):
        return None
    found = _with_content(text, [m for m in chapter_re.finditer(text) if m.start() > 0])
    heads = [m for i, m in enumerate(found) if i == 0 or m.group("place") != found[i - 1].group("place")]
    if len({m.group("place") for m in heads}) < 2:
        return None
    return _parts(text, heads, list(range(1, len(heads) + 1)),
                  [m.group("place") + (m.group("words") or "") for m in heads])


@lru_cache(maxsize=1)
def _chapter_patterns() -> tuple[re.Pattern, re.Pattern]:
    seg = load_lexicon().segments
    suffixes = "|".join(sorted(map(re.escape, seg["chapter_place_suffixes"]), key=len, reverse=True))
    return re.compile(seg["compilation_title"]), re.compile(seg["place_chapter"].replace("{suffixes}", suffixes), re.M)


# a line that ends on a figure (二是改造农村危房50户) or is a table's row (人均可支配收入 元 21500): an item, whole
_ENDS_ITEM = re.compile(r"\d[%‰]?[\u4e00-\u9fff]{0,4}$|\s\S*\d")
_DATE_LINE = re.compile(load_lexicon().segments["date_line"])  # a signature's date
_APPENDIX_TITLE = -2  # an appendix's title: above every heading in it, a part heading (-1) too


UNNUMBERED = 0.5  # the level ``heading_level`` gives a heading with no number: placed by the headings above it
_YEAR = re.compile(load_lexicon().grammar["explicit_year"])


def heading_level(line: str, first_line: bool = False, after_end: bool = True) -> float | None:
    """The level of the heading ``line`` is, or None; the ``first_line`` of a document that names its doc type
    (2025年云溪市政府工作报告) is its title, no heading; an unnumbered line is one only ``after_end`` of a sentence
    or a heading (not after a line that ends none: a column a PDF's text flattened, 网络实现县城以上区域连续覆),
    at ``UNNUMBERED``."""
    _, levels, max_chars, _, _, unnumbered, doc_type_words, part = _patterns()
    if len(line) > max_chars:
        return None
    if part.match(line):
        return -1  # 第一部分 2025年工作回顾: above 一、 and (一)
    for i, pat in enumerate(levels):
        if pat.match(line):
            return i
    if after_end and unnumbered.match(line) and not (first_line and doc_type_words.search(line)):
        return UNNUMBERED
    return None


def _run_in_heading(line: str) -> str | None:
    """The numbered heading a ``line`` opens with, ended by 。 and followed by its content, where it names a year
    and a part of a report (五、2026年工作思路。…; segments.yaml run_in_heading, cues.yaml section_target and
    section_actual); else None ((一)经济运行稳中有进。地区生产总值增长5.6%…: a paragraph)."""
    m = _RUN_IN.match(line)
    if m is None or not _YEAR.search(m.group(1)):
        return None
    cues = load_lexicon().cues
    return m.group(1) if any(w in m.group(1) for w in (*cues["section_target"], *cues["section_actual"])) else None


_RUN_IN = re.compile(load_lexicon().segments["run_in_heading"])


@lru_cache(maxsize=1)
def _sentence_re() -> re.Pattern:
    """A sentence: text up to and with an end mark, or the rest of a line that has none."""
    ends = _patterns()[3].pattern
    if not (ends.startswith("[") and ends.endswith("]")):
        raise ValueError("segments.yaml: sentence_end must be one character class")
    marks = ends[1:-1].replace("\\n", "")
    return re.compile(f"[^{marks}\\n]*[{marks}]|[^{marks}\\n]+")


SECTION_JOIN = " > "  # between the headings of a section's path (一、2025年工作安排 > (一)稳增长)


class SentenceIndex:
    """The sentences of a text as parallel lists of offsets; a ``Sentence`` is made only when asked for
    (most sentences hold no number, and a long report has tens of thousands)."""

    def __init__(self, text: str):
        line_sections: list[str] = []
        stack: list[tuple[float, str, bool]] = []  # (level, heading, whether it is numbered)
        section = ""
        max_chars, appendix = _patterns()[2], _patterns()[4]
        in_appendix = False  # after 附件1: its first heading is its title, above all its other headings
        signed = False  # whether a line of a date alone (a signature's, 2023年12月28日) came before
        first_line = True
        ended = True  # whether the last line with text ended its sentence or was a heading
        for line in text.split("\n"):
            stripped = line.strip()
            heading = False
            if stripped and len(stripped) <= max_chars:
                if stack and (opens := appendix.match(stripped)) and (signed or not opens.group("title")):
                    # after the body (a heading seen), not a page's 附件: line; one with its title on its line
                    # (附表:茶溪镇2024年民生实事项目计划表) only after the signature's date (before it, 附表:2024年主要
                    # 指标完成情况及2025年预期目标 is a table's caption inside the body)
                    stack, section, in_appendix, heading = [], "", True, True
                    if title := opens.group("title"):
                        stack, section, in_appendix = [(_APPENDIX_TITLE, title, False)], title, False
                elif ((level := heading_level(stripped, first_line, ended)) is not None
                      # 五、2026年工作思路。镇级一般公共预算收入增长5%以上…: a heading of a year's part run into its
                      # first paragraph (a portal's), where the rest of the line is its content
                      or (run_in := _run_in_heading(stripped)) is not None
                      and (level := heading_level(run_in, first_line, ended)) is not None
                      and (stripped := run_in)):
                    numbered = level != UNNUMBERED
                    if in_appendix:
                        level, in_appendix = _APPENDIX_TITLE, False
                    elif not numbered:
                        # a heading with no number goes under the numbered one above it (一、2024年工作成效 > 特色产业
                        # 提质增效) and takes the place of another with none; one that names a year is a part of its
                        # own (一、2024年工作回顾 … 2025年工作计划), unless the numbered one names that year too (一、
                        # 2025年工作回顾 … 2025年主要指标完成情况: a table's caption), and so is any where none is
                        # numbered: at the top
                        years = set(_YEAR.findall(stripped))
                        above = {y for _, h, n in stack if n for y in _YEAR.findall(h)}
                        # (under headings that name two, 一、2024年工作回顾和2025年工作安排 … 2025年主要目标, a part of its
                        # own)
                        level = 0 if years and not (years <= above and len(above) == 1) else max(
                            (lv + UNNUMBERED for lv, _, n in stack if n), default=0)
                    stack = [(lv, h, n) for lv, h, n in stack if lv < level]
                    stack.append((level, stripped, numbered))
                    section = SECTION_JOIN.join(h for _, h, _ in stack)
                    heading = True
            if stripped:
                ended = heading or stripped[-1] in SENTENCE_ENDS or bool(_ENDS_ITEM.search(stripped))
                # (a signature's date after the body's numbered parts, not the date under the title)
                signed = signed or any(n for _, _, n in stack) and _DATE_LINE.fullmatch(stripped) is not None
            first_line = first_line and not stripped
            line_sections.append(section)
        spans = [m.span() for m in _sentence_re().finditer(text) if not m.group(0).isspace()]
        self.text = text
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        # the paragraph (line) of each sentence: the line ends before it, counted from one sentence start to the next
        self.paragraphs = list(accumulate(map(text.count, repeat("\n"), [0, *self.starts[:-1]], self.starts)))
        self._line_sections = line_sections
        self._made: dict[int, Sentence] = {}

    def __len__(self) -> int:
        return len(self.starts)

    def sections(self) -> list[str]:
        """The heading path of every line, in order."""
        return self._line_sections

    def section(self, i: int) -> str:
        """The heading path above sentence ``i`` (no ``Sentence`` made)."""
        return self._line_sections[self.paragraphs[i]]

    def paragraph_start(self, i: int) -> int:
        """The first sentence of the paragraph sentence ``i`` stands in."""
        para = self.paragraphs
        while i > 0 and para[i - 1] == para[i]:
            i -= 1
        return i

    def __getitem__(self, i: int) -> Sentence:
        if i < 0:
            i += len(self.starts)
        s = self._made.get(i)
        if s is None:
            a, b, para = self.starts[i], self.ends[i], self.paragraphs[i]
            s = self._made[i] = Sentence(a, b, self.text[a:b], self._line_sections[para], para)
        return s


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets into ``text`` and the heading path above them."""
    index = SentenceIndex(text)
    return [index[i] for i in range(len(index))]
