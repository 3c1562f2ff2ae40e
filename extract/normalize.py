"""Rewrite raw document text into the canonical form every offset refers to.

Order matters: pinyin annotations go first (they hold ASCII that NFKC would keep),
then traditional → simplified, NFKC, invisible characters, the forms copies write
differently (lexicons/normalise.yaml) and page chrome.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import _yaml, load_lexicon

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


@lru_cache(maxsize=1)
def _chrome():
    c = load_lexicon().chrome
    # one multiline pattern for every chrome line: the literal lines and the line patterns
    bodies = [re.escape(w) for w in sorted(c.get("lines", ()), key=len, reverse=True)]
    bodies += [p.removeprefix("^").removesuffix("$") for p in c.get("line_patterns", ())]
    chrome_lines = re.compile("^(?:" + "|".join(bodies) + ")\n", re.M)
    fragments = re.compile("|".join(f"(?:{p})" for p in c.get("fragments", ())))
    # corrupt text: one alternation for a span, and each pattern alone for a whole text (where a pattern that
    # starts with a literal scans many times faster alone than inside the alternation)
    corrupt = re.compile("|".join(f"(?:{p})" for p in c.get("corrupt_patterns", ())))
    corrupt_each = tuple(re.compile(p) for p in c.get("corrupt_patterns", ()))
    return chrome_lines, fragments, corrupt, corrupt_each


@lru_cache(maxsize=1)
def _forms():
    raw = _yaml("normalise.yaml")  # its keys are checked as it loads (lexicon.YAML_KEYS)
    characters = tuple((str(k), str(v)) for k, v in raw["characters"].items())
    rewrites = [(re.compile(p), r) for p, r in raw["rewrites"]]
    return characters, rewrites


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


def strip_chrome(text: str) -> str:
    """Drop page chrome: whole lines (下载, 打印, >>>下页还有更多) and fragments inside lines."""
    chrome_lines, fragments, *_ = _chrome()
    text = _trim_lines(_collapse_spaces(fragments.sub("", text))).strip(" ")
    out = chrome_lines.sub("", text + "\n")
    return out[:-1] if out.endswith("\n") else out


_LONG_TEXT = 10_000  # characters: a text this long is searched one corrupt pattern at a time


def is_corrupt(text: str) -> bool:
    """True where ``text`` holds mojibake or leftover pinyin (``转变?nèi)``)."""
    if len(text) < _LONG_TEXT:
        return _chrome()[2].search(text) is not None
    return any(p.search(text) for p in _chrome()[3])


# 9　3.6: two cells of a row; a run of ideographic spaces is found by its literal (a pattern that opens with a
# lookbehind is tried at every position: 8x slower on a text that indents its paragraphs with them)
_IDEOGRAPHIC_RUN = re.compile("\u3000+")
_CELL_BEFORE = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%.０１２３４５６７８９"
                         "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ％．")
_CELL_AFTER = frozenset("0123456789０１２３４５６７８９")


def _cell_gap(m: re.Match) -> str:
    """A run of ideographic spaces after a figure's character or before a digit parts two cells: a space;
    any other run is left for ``_drop_invisible`` to remove."""
    text, a, b = m.string, m.start(), m.end()
    if (a and text[a - 1] in _CELL_BEFORE) or (b < len(text) and text[b] in _CELL_AFTER):
        return " "
    return m.group(0)


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


def normalize_text(raw: str) -> NormalizedText:
    """Canonical text: no pinyin, simplified (Hong Kong variants too), NFKC, one form for quotes and annotated
    years, no invisible characters or page chrome."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_pinyin(text)
    text = _drop_invisible(text)
    text = to_simplified(text)
    text = _fullwidth_to_ascii(text)
    if not unicodedata.is_normalized("NFKC", text):  # what is left for NFKC proper (①, ㎡, …), line by line
        text = "\n".join(line if unicodedata.is_normalized("NFKC", line) else unicodedata.normalize("NFKC", line)
                          for line in text.split("\n"))
        text = _drop_invisible(text)
    text = rewrite_forms(text)
    text = strip_chrome(text)
    text = _BLANKS.sub("\n\n", text).strip()
    flags = ("corrupt_text",) if is_corrupt(text) else ()
    return NormalizedText(text, flags)
