"""A document's metadata and where each value came from: one named step per source, first found wins.

    given (manifest, then a collection's columns) > file name > title line > text

The text is read for what it states: an opening such as 我代表国务院，向大会报告 (the doc type and the
speaking government), a heading that names the year it reviews or plans (一、2014年工作回顾), a sentence
that opens on the year planned (2003年是…), a town that speaks of itself as 我镇 and names itself.
Each value carries its source (``manifest``, ``collection``, ``file_name``, ``title``, ``text``); a value
nothing states stays NULL with a warning, and so does a manifest value that cannot be used as written.

Pure and light: no pandas, DuckDB or GX, so ``pipeline extract`` stays fast. Words and patterns are in
``lexicons/metadata.yaml``.
"""
from __future__ import annotations

import csv
import io
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from extract.lexicon import (load_places, doc_type_by_id, find_doc_type, find_jurisdiction, find_local_government, find_place,
                             full_form, load_lexicon, resolve_jurisdiction)
from extract.normalize import to_simplified
from extract.numerals import DIGITS, plan_named

LEXICON = Path(__file__).with_name("lexicons") / "metadata.yaml"
FIELDS = ("jurisdiction", "report_year", "doc_type")          # the fields whose source is recorded
META_COLUMNS = ("jurisdiction", "admin_level", "report_year", "doc_type", "title", "source_url")
COLUMN_ALIASES = {"province": "jurisdiction", "year": "report_year"}
_KEYS = {"admin_levels", "year_only_digits", "year_range", "head_chars", "doc_type_openings", "speaker", "congress",
         "heading_max_chars", "review_heading", "plan_heading", "plan_sentence", "review_words", "self_words",
         "not_name_chars", "min_mentions", "signature_words", "signature_lines", "body_subject",
         "county_level_city"}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@lru_cache(maxsize=1)
def _year_span() -> re.Pattern:
    return re.compile(load_lexicon().grammar["year_span"])  # (2025—2027年: a span's years, none written in)


@lru_cache(maxsize=1)
def _year_not_own() -> re.Pattern:
    return re.compile(load_lexicon().grammar["year_not_own_after"])  # (2021年以来, 2035年远景)
_YEAR_WORD = re.compile("年度?")  # right after a year in a name: 2025年工作要点, 2025年度工作计划


@dataclass(frozen=True)
class MetaWarning:
    """Something about a document's metadata a user should know: the build prints it and keeps it."""
    source_path: str
    field: str
    message: str
    part: int | None = None


@dataclass
class Resolved:
    """A document's metadata, where each field came from, and its warnings (a field nothing stated, a year read
    from the text)."""
    meta: dict
    sources: dict = field(default_factory=dict)       # field -> where its value came from
    warnings: list[str] = field(default_factory=list)  # "field: message"


# ---------------------------------------------------------------- the lexicon

@dataclass(frozen=True)
class _Lexicon:
    """lexicons/metadata.yaml, compiled."""
    admin_levels: frozenset
    year_digits: dict  # the numerals' digits and the forms of zero read in a year only
    year_range: tuple
    head_chars: int
    openings: tuple          # (doc type id, compiled pattern)
    speaker: re.Pattern
    congress: re.Pattern
    heading_max_chars: int
    review_heading: re.Pattern
    plan_heading: re.Pattern
    plan_sentence: re.Pattern
    review_words: tuple
    self_words: dict
    not_name_chars: frozenset
    min_mentions: int
    signature_words: tuple
    signature_lines: int
    body_subject: re.Pattern
    own_counties: re.Pattern  # a city's text that speaks of its counties or districts as its own parts


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # PyYAML's C parser where it has one: 8x faster
    raw = yaml.load(LEXICON.read_text(encoding="utf-8"), Loader=loader)
    missing, unknown = _KEYS - set(raw), set(raw) - _KEYS
    if missing or unknown:
        raise ValueError(f"{LEXICON}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")
    ids = {d.id for d in load_lexicon().doc_types}
    bad = set(raw["doc_type_openings"]) - ids
    if bad:
        raise ValueError(f"{LEXICON}: doc_type_openings names unknown doc types {sorted(bad)} (known: {sorted(ids)})")
    return _Lexicon(
        admin_levels=frozenset(raw["admin_levels"]),
        year_digits={**DIGITS, **{str(k): int(v) for k, v in raw["year_only_digits"].items()}},
        year_range=tuple(raw["year_range"]),
        head_chars=int(raw["head_chars"]),
        openings=tuple((dt, re.compile(p)) for dt, pats in raw["doc_type_openings"].items() for p in pats),
        speaker=re.compile(raw["speaker"]), congress=re.compile(raw["congress"]),
        body_subject=re.compile(raw["body_subject"]),
        heading_max_chars=int(raw["heading_max_chars"]),
        review_heading=re.compile(raw["review_heading"]),
        plan_heading=re.compile(raw["plan_heading"]),
        plan_sentence=re.compile(raw["plan_sentence"]),
        review_words=tuple(raw["review_words"]),
        self_words={k: tuple(v) for k, v in raw["self_words"].items()},
        not_name_chars=frozenset(raw["not_name_chars"]),
        min_mentions=int(raw["min_mentions"]),
        signature_words=tuple(raw["signature_words"]),
        signature_lines=int(raw["signature_lines"]),
        own_counties=re.compile("|".join([*map(re.escape, raw["county_level_city"]["own_counties"]),
                                          raw["county_level_city"]["own_counties_listed"]])),
    )


# ---------------------------------------------------------------- given values (manifest, collection)

def parse_year(value) -> tuple[int | None, str | None]:
    """A year as written in a manifest or a column: 2018, '2018年', '二〇一八'. Returns (year, warning)."""
    if value is None or str(value).strip() == "":
        return None, None
    lex = lexicon()
    s = str(value).strip()
    lo, hi = lex.year_range
    if s.isdigit() and len(s) == 4 and lo <= int(s) <= hi:
        return int(s), None
    if re.fullmatch(r"\d{4}\.0+", s) and lo <= int(s[:4]) <= hi:
        return int(s[:4]), None  # 2018.0: a spreadsheet's number
    m = _YEAR.search(s)
    digits = "".join(str(lex.year_digits[c]) for c in s.rstrip("年") if c in lex.year_digits)
    if m is None and len(digits) == 4 and len(s.rstrip("年")) == 4:
        m_year = int(digits)
    elif m is not None and s.replace(m.group(1), "").strip() in ("", "年", "年度"):
        m_year = int(m.group(1))
    else:
        return None, f"report_year {s!r} is no year: ignored, inferred instead"
    if not lo <= m_year <= hi:
        return None, f"report_year {s!r} is out of range: ignored, inferred instead"
    return m_year, f"report_year {s!r} read as {m_year}"


def below_province_column(row: dict, columns: dict, text: str) -> str | None:
    """The place below a province (a city, county or town) that a collection row's title names (or, where it names
    none, its text's signature or self-reference) where its jurisdiction came only from a `province` column
    (乡镇总结汇编.csv: 江西 beside 铁炉坪镇2025年工作总结), else None: the column says which province, the title whose
    report it is."""
    if "jurisdiction" not in columns or not any(COLUMN_ALIASES.get(k) == "jurisdiction" for k in row) or any(
            k == "jurisdiction" for k in row):
        return None
    title = str(row.get("title") or "").strip() or title_line(text) or ""
    named = find_place(title) if title else None
    if named is None:  # (镇2025年度工作总结…: a title that names no place; its text signs 铁炉坪镇人民政府)
        named = _jurisdiction_from_signature(text) or _self_named_government(text)
    # (a column that names the place itself, province 柘川县 beside 柘川县2025年政府工作报告: nothing to say)
    return (named.name if named is not None and named.admin_level in _BELOW_PROVINCE
            and named.name != columns["jurisdiction"] else None)


_BELOW_PROVINCE = ("city", "county", "township")


def clean_given(meta: dict) -> tuple[dict, list[str]]:
    """The usable part of given metadata, and a warning ("field: message") for each value changed or dropped."""
    out, warnings = {}, []
    for key, value in meta.items():
        key = COLUMN_ALIASES.get(key, key)
        if key not in META_COLUMNS or value is None or str(value).strip() == "":
            continue
        value = str(value).strip()
        if key == "report_year":
            year, why = parse_year(value)
            if why:
                warnings.append(f"report_year: {why}")
            if year is None:
                continue
            value = year
        elif key == "doc_type" and doc_type_by_id(value) is None:
            dt = find_doc_type(value)
            if dt is None:
                warnings.append(f"doc_type: unknown doc_type {value!r}: ignored, inferred instead")
                continue
            warnings.append(f"doc_type: {value!r} is no doc type id: read as {dt.id}")
            value = dt.id
        elif key == "admin_level" and value not in lexicon().admin_levels:
            warnings.append(f"admin_level: unknown admin_level {value!r} "
                            f"(one of {', '.join(sorted(lexicon().admin_levels))}): ignored")
            continue
        out[key] = value
    return out, warnings


@dataclass
class Manifest:
    """The manifest's usable rows by path, and what was wrong with it."""
    rows: dict                                   # path -> cleaned metadata
    warnings: list[MetaWarning] = field(default_factory=list)
    row_warnings: dict = field(default_factory=dict)   # path -> ["field: message"] about that row's values

    def row(self, rel: str) -> dict:
        return self.rows.get(rel, {})


def read_manifest(text: str | None) -> Manifest:
    """The manifest's rows by normalised path, with a warning for each row that cannot be used as written."""
    man = Manifest({})
    if text is None:
        return man
    name = "manifest.csv"
    reader = csv.DictReader(io.StringIO(text))
    known = {"path", *META_COLUMNS, *COLUMN_ALIASES}
    unknown = [c for c in (reader.fieldnames or []) if c and c.strip().lstrip("\ufeff") not in known]
    if unknown:
        man.warnings.append(MetaWarning(name, "manifest", f"unknown columns {unknown}: ignored"))
    if reader.fieldnames is None or "path" not in [c.strip().lstrip("\ufeff") for c in reader.fieldnames if c]:
        man.warnings.append(MetaWarning(name, "manifest", "no `path` column: the manifest is not used"))
        return man
    for line, row in enumerate(reader, start=2):
        row = {(k or "").strip().lstrip("\ufeff"): (v or "").strip() for k, v in row.items() if k}
        written = row.get("path", "")
        if not written:
            man.warnings.append(MetaWarning(name, "path", f"line {line}: no path: row ignored"))
            continue
        rel = posixpath.normpath(written.replace("\\", "/")).lstrip("/")
        if rel.startswith("../") or rel == "..":
            man.warnings.append(MetaWarning(name, "path", f"line {line}: path {written!r} leaves the raw folder: row ignored"))
            continue
        if rel != written:
            man.warnings.append(MetaWarning(name, "path", f"line {line}: path {written!r} read as {rel!r}"))
        if rel in man.rows:
            man.warnings.append(MetaWarning(name, "path", f"line {line}: a second row for {rel!r}: ignored"))
            continue
        cleaned, why = clean_given({k: v for k, v in row.items() if k != "path"})
        man.rows[rel] = cleaned
        man.row_warnings[rel] = [f"{w} (manifest line {line})" for w in why]
    return man


def missing_files(man: Manifest, present: set[str]) -> list[MetaWarning]:
    """A warning for each manifest row whose file is not in the raw folder."""
    return [MetaWarning("manifest.csv", "path", f"no file {rel!r} in the raw folder: row not used")
            for rel in sorted(set(man.rows) - present)]


# ---------------------------------------------------------------- inference, one step per source

def _first_lines(text: str, n: int) -> list[str]:
    """``text.splitlines()[:n]``, without splitting a long text's every line: a prefix that holds more than
    ``n`` lines holds the first ``n`` whole."""
    k = 4096
    while k < len(text):
        lines = text[:k].splitlines()
        if len(lines) > n:
            return lines[:n]
        k *= 4
    return text.splitlines()[:n]


SITE_SEPARATOR = re.compile(r"\s*(?:_|\||\s[-–—]\s)\s*")  # a web page's title: 标题_站点名 | 栏目


def title_line(text: str, within: int = 20) -> str | None:
    """The first short line among the first ``within`` that names a doc type (乡镇政府年终工作总结); of a web page's
    title (…2024年工作总结_株洲市荷塘区人民政府), the part that names it, not the site's name."""
    for line in _first_lines(text.strip(), within):
        s = line.strip()
        if 4 <= len(s) <= 60 and find_doc_type(s):
            # the site's name after the part that names the doc type is cut; what stands before it is kept
            # (青峪县人民政府门户网站 | 2025年政府工作报告 names its place first)
            for sep in SITE_SEPARATOR.finditer(s):
                if find_doc_type(s[:sep.start()]):
                    return s[:sep.start()]
            return s
    return None


def _year_from_name(text: str, doc_type: str | None, title: bool = False) -> int | None:
    """The year a file name (a collector's label: the year written) or a title names; a work plan's own title
    names the year it plans (马莲滩乡2017年工作计划, written in 2016); a span's years name none (关于2021年以来…的报告,
    2025—2027年…实施方案: the years it covers, not the one it was written in)."""
    dt = doc_type_by_id(doc_type)
    spans = [m.span() for m in _year_span().finditer(text)]
    years = [m for m in _YEAR.finditer(text) if not _year_not_own().match(text, m.end())
             and not any(a <= m.start() < b for a, b in spans)]
    if (dt is not None and dt.targets_at_span_end and (plan := plan_named(text)) is not None
            and all(int(y.group(1)) > plan[1] for y in years)):
        # 江西省国民经济和社会发展第十五个五年规划纲要, …第十四个五年规划和二〇三五年远景目标纲要: an outline is written in its
        # plan's first year, where its name names no year or only one it looks ahead to (probe v318)
        return plan[0]
    if not years:
        return None
    m = years[0]
    year = int(m.group(1))
    # a file name that is the plan's own title: the year after its place (青石镇2025年乡村振兴工作方案) or right
    # before its words (2025年工作要点); not a year that leads a name, a label in front of it (2016年马莲滩乡工作计划)
    own_title = dt is not None and (m.start() > 0 or ((after := _YEAR_WORD.match(text, m.end())) is not None
                                                      and text.startswith(dt.words, after.end())))
    if dt is not None and dt.plan_year_in_title and (title or len(years) > 1 or own_title):
        # the last year its words follow: 关于2024年…计划执行情况与2025年计划草案的报告 plans 2025
        planned = [p for p in years if find_doc_type(text[p.end():]) is dt]
        if planned:
            return int(planned[-1].group(1)) - dt.target_offset
    return year


def _doc_type_from_text(head: str) -> str | None:
    return next((dt for dt, pat in lexicon().openings if pat.search(head)), None)


def _jurisdiction_from_speaker(head: str):
    """我代表浙江省人民政府: a gazetteer name; 我代表霁川土家族苗族自治州人民政府: one local government, named whole."""
    m = lexicon().speaker.search(head)
    if not m:
        return None
    found = find_jurisdiction(m.group(1))
    if found is not None:
        return found
    local = find_local_government(m.group(1))
    return local if local is not None and local.name == m.group(1) else None


_BODY_SUBJECT_LINES = 2  # the lines a summary's opening sentence may stand on: its title's, then its own


def _body_subject(head: str):
    """The body whose year the text's first sentence opens on (2024年,柳湾镇党委、政府在县委…的坚强领导下): a
    summary that names its town only there, once."""
    lines = [line for line in head.splitlines() if line.strip()][:_BODY_SUBJECT_LINES]  # (the title, the opening)
    m = next((m for line in lines if (m := lexicon().body_subject.match(line))), None)
    if not m:
        return None
    local = find_local_government(m.group("name"))
    return local if local is not None and local.name == m.group("name") else None


def _city_level(j, text: str) -> str:
    """A local government's admin level. A 市 that places.csv lists as prefecture-level is a city, whatever its
    text says; any other (a county-level city, 仙桃市 among them) is county unless its text speaks of its counties or
    districts (宁乡市, one year's report saying 镇街 and the next not, is county both years)."""
    lex = lexicon()
    if j.admin_level != "city" or j.aliases or not j.name.endswith("市"):
        return j.admin_level
    return "city" if j.name in _prefecture_names() or lex.own_counties.search(text) else "county"


@lru_cache(maxsize=1)
def _prefecture_names() -> frozenset[str]:
    return frozenset(p.name for p in load_places() if p.level == "prefecture")  # (not 仙桃市: county-level)


def _jurisdiction_from_signature(text: str):
    """The body that signs a summary on one of its last lines (樟树坪街道办事处, 乌兰陶勒盖苏木人民政府)."""
    lex = lexicon()
    tail = text[-2000:].splitlines()
    for line in [s.strip() for s in tail if s.strip()][-lex.signature_lines:]:
        local = find_local_government(line)
        if local is not None and line.startswith(local.name) and line[len(local.name):] in ("", *lex.signature_words):
            return find_place(local.name)  # 株洲市荷塘区樟树坪街道办事处: the innermost place
    return None


def _jurisdiction_from_congress(head: str):
    """在合肥市第十七届人民代表大会…上: the place whose congress hears the report, where the subtitle names
    one place only: a gazetteer name written whole, or one town, county or city (吉林市 is no 吉林省); a
    place written under its province or city (河南省舞钢市, 重庆市渝中区) is left to the other sources."""
    m = lexicon().congress.search(head)
    if not m:
        return None
    name = m.group(1)
    j = find_jurisdiction(name)
    if j is not None and name in (j.name, *j.aliases):
        return j
    local = find_local_government(name)
    if local is None or local.name != name or j is not None:
        return None  # a province or city inside the name: more than one place
    return local


def _year_from_signature(text: str) -> int | None:
    """The year a document was written in, from the date it is signed with on a line of its own among its last
    lines (桦岭县人民政府 / 2025年8月27日: segments.yaml date_line), where nothing else gave one."""
    tail = [line.strip() for line in text.rstrip().rsplit("\n", _SIGNATURE_LINES)[-_SIGNATURE_LINES:]]
    m = next((m for line in reversed(tail) if (m := _date_line().fullmatch(line))), None)
    return int(m.group(0)[:4]) if m else None


_SIGNATURE_LINES = 4  # the last lines of a document where its signature's date may stand


@lru_cache(maxsize=1)
def _date_line() -> re.Pattern:
    return re.compile(load_lexicon().segments["date_line"])


def _year_from_headings(text: str, doc_type: str | None) -> int | None:
    """report_year from the first heading that names a year reviewed or planned, by the doc type's offsets."""
    dt = doc_type_by_id(doc_type)
    if dt is None:
        return None
    lex = lexicon()
    lines = text.splitlines()
    for line in lines:
        s = line.strip()
        if not s or len(s) > lex.heading_max_chars:
            continue
        m = lex.review_heading.search(s)
        if m:
            return int(m.group("year")) - dt.actual_offset
        m = lex.plan_heading.search(s)
        if m:
            return int(m.group("year")) - dt.target_offset
    years = []
    heading = ""
    for line in lines:  # 2003年是…: outside a review section in a work report
        s = line.strip()
        if s and len(s) <= lex.heading_max_chars and not s.endswith(("。", "!", "！")):
            heading = s
        for m in lex.plan_sentence.finditer(line):
            if dt.target_offset > 0:  # a summary plans for next year: its 2019年是… is the year it reviews
                years.append(int(m.group("year")) - dt.actual_offset)
            elif not any(w in heading for w in lex.review_words):
                years.append(int(m.group("year")) - dt.target_offset)
    return max(years) if years else None


@lru_cache(maxsize=1)
def _key_words() -> re.Pattern:
    from extract.keys import load_key_lexicon

    return load_key_lexicon().any_word


def _self_named_government(text: str):
    """A town (county, city) that speaks of itself as 我镇/全镇 and names itself more than once."""
    lex = lexicon()
    for suffix, words in lex.self_words.items():
        if not any(w in text for w in words):
            continue
        stems = set()
        for m in re.finditer(re.escape(suffix), text):
            for n in (2, 3):
                stem = text[max(0, m.start() - n):m.start()]
                if (len(stem) == n and all("\u4e00" <= c <= "\u9fff" and c not in lex.not_name_chars for c in stem)
                        and not _key_words().fullmatch(stem)):  # 通过镇, 改造镇: a verb is no name
                    stems.add(stem)
        # the full name written most often (河西镇 twice beats 创建省级生态镇 once), then the stem most often
        # (原塘桥、塘桥医院); a name written once and its stem rarely is not enough
        ranked = sorted(((text.count(s + suffix), text.count(s), len(s), s) for s in stems), reverse=True)
        if ranked and (ranked[0][0] >= lex.min_mentions or ranked[0][1] >= lex.min_mentions + 1):
            return find_local_government(ranked[0][3] + suffix)
    return None


@lru_cache(maxsize=4)
def _resolve_whole(source_path: str, text: str) -> Resolved:
    """What a compilation states of itself (its file name, and its title and preface before the first sample),
    read once for all its samples (never changed after)."""
    return resolve(source_path, text, {})


def resolve(source_path: str, text: str, given: dict, given_sources: dict | None = None,
            context: str | None = None, row: bool = False) -> Resolved:
    """Metadata for one document: ``given`` (already cleaned) first, then the file name, the title line and the
    text. ``context`` is the compilation's preface when the document is one of its samples: what the sample
    does not state, the compilation's name, title or preface may; a sample's own title comes before the file's name (工作计划总结范文(3篇)
    speaks of all its parts). A ``row`` of a collection is read from its title and its text before the
    collection's file name (乡镇总结.jsonl, 2024年收集.csv: a label of the whole collection, not of each row)."""
    meta = dict(given)
    sources = {k: (given_sources or {}).get(k, "manifest") for k in FIELDS if meta.get(k) is not None}
    # (the name read as the text is: in simplified characters, NFKC; 嵐溪鎮…工作總結 is 岚溪镇…工作总结)
    name = unicodedata.normalize("NFKC", to_simplified(Path(source_path).stem))
    lex = lexicon()
    head = text[:lex.head_chars]
    title = meta.get("title") or title_line(text)
    part = context is not None and context is not text
    order = ("title", "text", "file_name") if row else ("title", "file_name", "text") if part else (
        "file_name", "title", "text")

    def take(key, finders):
        """The first value the sources give, in the document's order of evidence."""
        if meta.get(key) is not None:
            return
        for source in order:
            value = finders[source]()
            if value is not None:
                meta[key], sources[key] = value, source
                return

    take("doc_type", {"file_name": lambda: getattr(find_doc_type(name), "id", None),
                      "title": lambda: getattr(find_doc_type(title or ""), "id", None),
                      "text": lambda: _doc_type_from_text(head)})
    # report year: a part's or a row's title is read as a title (a work plan's names the year it plans);
    # the headings and sentences are read last, by the doc type's offsets
    take("report_year", {"file_name": lambda: _year_from_name(name, meta.get("doc_type")),
                         "title": lambda: _year_from_name(title or "", meta.get("doc_type"), title=True),
                         "text": lambda: (_year_from_headings(text, meta.get("doc_type"))
                                          or _year_from_signature(text))})
    # jurisdiction: a name the manifest gives is normalised through the gazetteer
    if meta.get("jurisdiction") is not None:
        j = resolve_jurisdiction(meta["jurisdiction"]) or find_local_government(meta["jurisdiction"])
        if j is not None:  # 宁夏 → 宁夏回族自治区; 青石镇, no gazetteer name: its level from its suffix
            meta["jurisdiction"] = j.name if j.aliases or j.name == meta["jurisdiction"] else meta["jurisdiction"]
            meta.setdefault("admin_level", j.admin_level)
    else:
        take("jurisdiction", {"file_name": lambda: find_place(name),
                              "title": lambda: title and find_place(title) or None,
                              "text": lambda: (_jurisdiction_from_speaker(head) or _jurisdiction_from_congress(head)
                                               or _jurisdiction_from_signature(text) or _body_subject(head)
                                               or _self_named_government(text))})
        j = meta.get("jurisdiction")
        if j is not None:
            # a name written short (霁川州, in a file name) takes the full name the text gives it
            meta["jurisdiction"] = full_form(j.name, head) or j.name
            meta.setdefault("admin_level", _city_level(j, text))
    if context is not None and context is not text and any(meta.get(key) is None for key in FIELDS):
        whole = _resolve_whole(source_path, context)
        for key in FIELDS:
            # what the compilation's name or title says speaks for all its samples; what its text says is one
            # sample's (a template sample, XX镇, is no 鹤汀镇 because the first sample signs so)
            if (meta.get(key) is None and whole.meta.get(key) is not None
                    and not whole.sources.get(key, "").startswith("text")):
                meta[key], sources[key] = whole.meta[key], whole.sources[key] + " (compilation)"
                if key == "jurisdiction":
                    meta.setdefault("admin_level", whole.meta.get("admin_level"))
    meta["title"] = title or name
    warnings = [f"{key}: not stated in the manifest, file name, title or text" for key in FIELDS
                if meta.get(key) is None]
    if sources.get("report_year", "").startswith("text"):  # read from headings or sentences: say so
        warnings.append(f"report_year: {meta['report_year']} read from the text (no manifest, file name or title "
                        "gave it)")
    given_place = sources.get("jurisdiction") in ("manifest", "collection") and meta.get("jurisdiction")
    if given_place and title and (named := find_place(title)) is not None and named.name != given_place:
        # (a collection's 省 column beside a county's report: what was given is kept, but say so)
        warnings.append(f"jurisdiction: {given_place} as given, though the title names {named.name}")
    return Resolved(meta, sources, warnings)
