"""Rewrite raw document text into the canonical form every offset refers to.

Order matters: pinyin annotations go first (they hold ASCII that NFKC would keep),
then traditional → simplified, NFKC, invisible characters and page chrome.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_lexicon

# a pinyin syllable annotation such as (xiāng); tone-marked or plain lowercase letters
_PINYIN = re.compile(r"\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*|[a-z]{1,6})\)")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u3000]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class NormalizedText:
    text: str
    flags: tuple[str, ...]


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported lazily: only documents need it, not the CLI's help

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _chrome():
    c = load_lexicon().chrome
    lines = frozenset(c.get("lines", ()))
    line_pats = [re.compile(p) for p in c.get("line_patterns", ())]
    fragments = [re.compile(p) for p in c.get("fragments", ())]
    corrupt = re.compile("|".join(f"(?:{p})" for p in c.get("corrupt_patterns", ())))
    return lines, line_pats, fragments, corrupt


def strip_pinyin(text: str) -> str:
    """``鄉(xiāng)`` → ``鄉``: drop parenthesised pinyin that follows a character."""
    return _PINYIN.sub("", text)


def to_simplified(text: str) -> str:
    return _converter().convert(text)


def strip_chrome(text: str) -> str:
    lines, line_pats, fragments, _ = _chrome()
    out = []
    for line in text.split("\n"):
        for frag in fragments:
            line = frag.sub("", line)
        s = line.strip()
        if s in lines or any(p.match(s) for p in line_pats):
            continue
        out.append(s)
    return "\n".join(out)


def is_corrupt(text: str) -> bool:
    """True where ``text`` holds mojibake or leftover pinyin (``转变?nèi)``)."""
    return bool(_chrome()[3].search(text))


def normalize_text(raw: str) -> NormalizedText:
    """Canonical text: no pinyin, simplified, NFKC, no invisible characters or page chrome."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_pinyin(text)
    text = _INVISIBLE.sub("", text)
    text = to_simplified(text)
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = "\n".join(_SPACES.sub(" ", line) for line in text.split("\n"))
    text = strip_chrome(text)
    text = _BLANKS.sub("\n\n", text).strip()
    flags = ("corrupt_text",) if is_corrupt(text) else ()
    return NormalizedText(text, flags)
