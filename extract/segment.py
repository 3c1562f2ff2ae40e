"""Split normalised text into documents (parts of a compilation), sections and sentences."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_lexicon
from .numerals import parse_chinese_int


@dataclass(frozen=True)
class Part:
    number: int | None
    title: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
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
            re.compile(seg["sentence_end"]))


def split_parts(text: str) -> list[Part]:
    """A compilation (范文一, 范文二, …) becomes one Part per sample; other texts one Part."""
    part_re = _patterns()[0]
    heads = list(part_re.finditer(text))
    if len(heads) < 2:
        return [Part(None, None, text)]
    parts = []
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        n = m.group("n")
        number = int(n) if n.isdigit() else parse_chinese_int(n)
        parts.append(Part(number, m.group(0).strip(), text[m.start():end].strip()))
    return parts


def heading_level(line: str) -> int | None:
    _, levels, max_chars, _ = _patterns()
    if len(line) > max_chars:
        return None
    for i, pat in enumerate(levels):
        if pat.match(line):
            return i
    return None


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets into ``text`` and the heading path above them."""
    end_re = _patterns()[3]
    out: list[Sentence] = []
    stack: list[tuple[int, str]] = []
    section = ""
    max_chars = _patterns()[2]
    pos = 0
    for para, line in enumerate(text.split("\n")):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        level = heading_level(stripped) if len(stripped) <= max_chars else None
        if level is not None:
            stack = [(lv, h) for lv, h in stack if lv < level]
            stack.append((level, stripped))
            section = " > ".join(h for _, h in stack)
        start = 0
        for m in end_re.finditer(line):
            if m.end() > start:
                out.append(Sentence(line_start + start, line_start + m.end(), line[start:m.end()], section, para))
            start = m.end()
        if start < len(line) and line[start:].strip():
            out.append(Sentence(line_start + start, line_start + len(line), line[start:], section, para))
    return out
