"""Load the lexicon files under ``extract/lexicons``: the vocabulary the extractor uses.

Python here holds no Chinese words: every surface, cue and synonym comes from the
YAML/CSV files next to this module, so a new unit or indicator is a line of data.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml

LEXICON_DIR = Path(__file__).with_name("lexicons")


def _yaml(name: str):
    with open(LEXICON_DIR / name, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _alternation(patterns) -> re.Pattern | None:
    """One compiled regex that matches any of the given patterns (longest literal first)."""
    pats = sorted(patterns, key=len, reverse=True)
    if not pats:
        return None
    return re.compile("|".join(f"(?:{p})" for p in pats))


@dataclass(frozen=True)
class Unit:
    surface: str
    base: str
    not_before: tuple[str, ...] = ()
    ordinal_after_chinese: bool = False  # 二期 is "phase two", not "two periods"


@dataclass(frozen=True)
class Indicator:
    id: str
    synonyms: tuple[str, ...]
    unit: str
    verbs: tuple[str, ...]
    direction: str
    excludes: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class Jurisdiction:
    name: str
    aliases: tuple[str, ...]
    admin_level: str


@dataclass(frozen=True)
class DocType:
    id: str
    words: tuple[str, ...]
    actual_offset: int
    target_offset: int
    plan_year_in_title: bool = False  # 马莲滩乡2017年工作计划: the title's year is the plans' year


@dataclass
class Lexicon:
    scales: dict[str, Decimal]
    units: list[Unit]
    date_units: tuple[str, ...]
    rate_prefixes: dict[str, str]
    comparators_before: dict[str, str]
    comparators_after: dict[str, str]
    cues: dict
    indicators: list[Indicator]
    gazetteer: list[Jurisdiction]
    doc_types: list[DocType]
    chrome: dict
    segments: dict
    grammar: dict
    numerals: dict
    no_bare_scale: tuple[str, ...]
    change_units: tuple[str, ...]
    rate_units: tuple[str, ...]
    compiled: dict = field(default_factory=dict)

    def regex(self, key: str, patterns) -> re.Pattern | None:
        """A compiled alternation of ``patterns``, cached under ``key``."""
        if key not in self.compiled:
            self.compiled[key] = _alternation(patterns)
        return self.compiled[key]


def load_indicators(path: Path | None = None) -> list[Indicator]:
    rows = []
    with open(path or LEXICON_DIR / "indicators.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            split = lambda s: tuple(x for x in (s or "").split("|") if x)  # noqa: E731
            rows.append(Indicator(r["id"], split(r["synonyms"]), r["unit"], split(r["verbs"]),
                                  r["direction"], split(r["excludes"]), r.get("description", "")))
    return rows


def load_gazetteer(path: Path | None = None) -> list[Jurisdiction]:
    rows = []
    with open(path or LEXICON_DIR / "gazetteer.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            aliases = tuple(x for x in r["aliases"].split("|") if x)
            rows.append(Jurisdiction(r["name"], aliases, r["admin_level"]))
    return rows


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    units = _yaml("units.yaml")
    comps = _yaml("comparators.yaml")
    return Lexicon(
        scales={k: Decimal(str(v)) for k, v in units["scales"].items()},
        units=sorted((Unit(u["surface"], u["base"], tuple(u.get("not_before", ())),
                           bool(u.get("ordinal_after_chinese")))
                      for u in units["units"] if not u.get("duration_only")),
                     key=lambda u: len(u.surface), reverse=True),
        date_units=tuple(units["date_units"]),
        rate_prefixes=dict(units.get("rate_prefixes", {})),
        comparators_before=comps["before"],
        comparators_after=comps["after"],
        cues=_yaml("cues.yaml"),
        indicators=load_indicators(),
        gazetteer=load_gazetteer(),
        doc_types=[DocType(d["id"], tuple(d["words"]), d["actual_offset"], d["target_offset"],
                           bool(d.get("plan_year_in_title")))
                   for d in _yaml("doc_types.yaml")],
        chrome=_yaml("chrome.yaml"),
        segments=_yaml("segments.yaml"),
        grammar=_yaml("grammar.yaml"),
        numerals=_yaml("numerals.yaml"),
        no_bare_scale=tuple(units.get("no_bare_scale", ())),
        change_units=tuple(units.get("change_units", ())),
        rate_units=tuple(units.get("rate_units", ())),
    )


def resolve_jurisdiction(name: str | None) -> Jurisdiction | None:
    """The gazetteer entry for a full name or an alias (宁夏 → 宁夏回族自治区)."""
    if not name:
        return None
    name = name.strip()
    for j in load_lexicon().gazetteer:
        if name == j.name or name in j.aliases:
            return j
    return None


def find_jurisdiction(text: str) -> Jurisdiction | None:
    """The first gazetteer name or alias that occurs in ``text`` (a file name, a title)."""
    best = None
    for j in load_lexicon().gazetteer:
        for surface in (j.name, *j.aliases):
            pos = text.find(surface)
            if pos >= 0 and (best is None or pos < best[0] or (pos == best[0] and len(surface) > best[1])):
                best = (pos, len(surface), j)
    return best[2] if best else None


@lru_cache(maxsize=1)
def _local_government() -> tuple[re.Pattern, dict[str, str], frozenset[str]]:
    raw = _yaml("local_government.yaml")
    if set(raw) != {"suffixes", "not_names", "name_ends_before"}:
        raise ValueError(f"{LEXICON_DIR / 'local_government.yaml'}: keys must be suffixes, not_names, name_ends_before")
    suffixes = sorted(raw["suffixes"], key=len, reverse=True)
    pattern = re.compile(r"(?:^|(?:19|20)\d{2}年度?)([\u4e00-\u9fff]{2,6}?(?:" + "|".join(suffixes) + "))"
                         r"(?=" + raw["name_ends_before"] + ")")
    return pattern, dict(raw["suffixes"]), frozenset(raw["not_names"])


def find_local_government(text: str) -> Jurisdiction | None:
    """A town, county or city named at the start of ``text`` or right after its year (石河镇2013年工作总结,
    2016年马莲滩乡工作计划), for the places the gazetteer does not list."""
    pattern, suffixes, not_names = _local_government()
    for m in pattern.finditer(text.strip()):
        name = m.group(1)
        if name in not_names or any(name.endswith(n) for n in not_names):
            continue
        level = next(lvl for suf, lvl in sorted(suffixes.items(), key=lambda kv: -len(kv[0])) if name.endswith(suf))
        return Jurisdiction(name, (), level)
    return None


def find_doc_type(text: str) -> DocType | None:
    for d in load_lexicon().doc_types:
        if any(w in text for w in d.words):
            return d
    return None


def doc_type_by_id(doc_type: str | None) -> DocType | None:
    return next((d for d in load_lexicon().doc_types if d.id == doc_type), None)
