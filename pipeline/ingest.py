"""Read raw files into documents: detect encodings, take text out of markup and
collections, attach metadata (manifest first, then inferred), and normalise.

Nothing here raises on a bad input: a file that cannot be used becomes a
``Rejected`` with its reason, and the walk goes on.
"""
from __future__ import annotations

import codecs
import contextvars
import csv
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from extract import is_corrupt, normalize_text, split_parts
from extract.lexicon import find_place, load_lexicon
from extract.quantities import read_unit

from .metadata import (SITE_SEPARATOR, Manifest, MetaWarning, below_province_column, clean_given, read_manifest,
                       title_line)
from .metadata import resolve as resolve_meta

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
DOCX_SUFFIXES = {".docx"}
COLLECTION_SUFFIXES = {".csv", ".jsonl"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES | COLLECTION_SUFFIXES
SKIP_NAMES = {"manifest.csv", "SOURCES.md", "README.md"}
TEXT_COLUMNS = ("full_text", "content", "text")
csv.field_size_limit(1 << 30)
# Size limits: what no report comes near (the largest shipped one is 73 KB), so that one odd file costs a
# reason instead of the build's memory or time. A .docx is checked on its zip directory, before inflating.
MAX_DOCUMENT_BYTES = 16 << 20        # a .txt/.md/.html file, or one row's text in a collection
MAX_DOCX_XML_BYTES = 64 << 20        # the XML parts of a .docx, inflated (as its zip directory declares)
MAX_DOCX_BYTES = 512 << 20           # every part of a .docx (images too), inflated


@dataclass
class RawUnit:
    """One document's raw text before normalisation, with what is known of it."""
    source_path: str
    raw_text: str
    encoding: str
    meta: dict
    row: int | None = None  # row number inside a collection
    sources: dict = field(default_factory=dict)     # field -> "manifest" or "collection"
    warnings: list[str] = field(default_factory=list)  # what was wrong with the given values
    bad_bytes: list[int] = field(default_factory=list)  # offsets of the bytes replaced by U+FFFD (``decode_text``)


@dataclass
class Document:
    """One normalised document with its metadata and where each value came from."""
    doc_id: str
    source_path: str
    part: int | None
    title: str | None
    jurisdiction: str | None
    admin_level: str | None
    report_year: int | None
    doc_type: str | None
    source_url: str | None
    text: str
    n_chars: int
    encoding: str
    flags: list[str] = field(default_factory=list)
    jurisdiction_source: str | None = None   # manifest, collection, file_name, title, text
    report_year_source: str | None = None
    doc_type_source: str | None = None
    meta_warnings: list[str] = field(default_factory=list)  # "field: message", shown in `warnings`
    content_key: str = ""  # the looser key copies of one document share (``content_key``): the build's dedupe


@dataclass
class Rejected:
    """A raw file that cannot be used, and why."""
    source_path: str
    reason: str


class InputError(Exception):
    """A raw file that cannot be read; the message is the reason recorded."""


# ---------------------------------------------------------------- reading bytes

def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was detected in (``decode_text``, a bad byte or two replaced)."""
    text, enc, _ = decode_text(data)
    return text, enc


# a text valid in its encoding but for this share of its bytes (at least BAD_BYTES_MIN) is read with them
# replaced by U+FFFD and flagged; more bad bytes than that and it is no text in that encoding
BAD_BYTES_SHARE = 0.001
BAD_BYTES_MIN = 2
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"))


def decode_text(data: bytes) -> tuple[str, str, list[int]]:
    """Text, the encoding it was detected in (BOMs first, then UTF-8, then detection), and the offsets of the
    bytes that did not decode (replaced by U+FFFD: a text valid in its encoding but for a byte or two, within
    ``BAD_BYTES_SHARE``). A text that fits no encoding is an ``InputError`` that says how near it came."""
    limit = max(BAD_BYTES_MIN, int(len(data) * BAD_BYTES_SHARE))
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(codec), name, []
            except UnicodeDecodeError:
                text, bad = _decode_replacing(body, codec, limit)
                if text is None:
                    raise InputError(f"undecodable as {name} (after its byte order mark): "
                                     f"{_bad_bytes(bad, limit, len(bom))}") from None
                return text, name, [b + len(bom) for b in bad]
    if not data.strip():
        raise InputError("empty file")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    text, bad_utf8 = _decode_replacing(data, "utf-8", limit)
    if text is not None:
        return _no_nul(text), "utf-8", bad_utf8
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding.lower() not in CHINESE_ENCODINGS:
        # a Chinese text with a bad byte fits none of its encodings, and detection finds none, or a
        # single-byte one (mojibake): read it as the Chinese encoding it fits but for a byte or two, where the
        # bytes without those are detected as that encoding
        for enc in ("gb18030", "big5"):
            text, bad = _decode_replacing(data, enc, limit)
            if text is None or not bad:
                continue
            rest = b"".join(data[a + 1:b] for a, b in zip([-1, *bad], [*bad, len(data)]))  # without the bad bytes
            again = from_bytes(rest).best()
            if again is not None and again.encoding.lower() in CHINESE_ENCODINGS - {"utf_8"}:
                return _no_nul(text), enc, bad
    if best is not None:
        enc = best.encoding.lower()
        # GBK and GB2312 are subsets of GB18030: decode with the superset so nothing is lost
        if enc in ("gbk", "gb2312", "cp936"):
            enc = "gb18030"
        try:
            return _no_nul(data.decode(enc)), enc, []
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"undecodable as {enc}: {exc}") from exc
    raise InputError(f"undecodable: no text encoding fits these bytes (as UTF-8: {_bad_bytes(bad_utf8, limit)})")


# what detection names a Chinese text's encoding (charset_normalizer's names)
CHINESE_ENCODINGS = {"gb18030", "gbk", "gb2312", "cp936", "big5", "big5hkscs", "cp950", "hz", "utf_8"}


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise InputError("binary content (NUL bytes) in a text file")
    return text


class _TooManyBadBytes(Exception):
    pass


_BAD_BYTES: contextvars.ContextVar[tuple[list[int], int]] = contextvars.ContextVar("bad_bytes")


def _record_bad_byte(exc: UnicodeDecodeError) -> tuple[str, int]:
    """The codec error handler of ``_decode_replacing``: note where, replace by U+FFFD, go on (stop past the
    limit)."""
    bad, limit = _BAD_BYTES.get()
    bad.append(exc.start)
    if len(bad) > limit:
        raise _TooManyBadBytes
    return "\ufffd", exc.end


codecs.register_error("target_tracker_record_bad_byte", _record_bad_byte)


def _decode_replacing(data: bytes, codec: str, limit: int) -> tuple[str | None, list[int]]:
    """``data`` decoded with each byte sequence that does not decode replaced by U+FFFD, and their offsets;
    None for the text once more than ``limit`` are found. One pass (decoding the rest again after each bad
    byte took a minute for a 16 MB GBK file tried as UTF-8)."""
    bad: list[int] = []
    token = _BAD_BYTES.set((bad, limit))
    try:
        return data.decode(codec, "target_tracker_record_bad_byte"), bad
    except _TooManyBadBytes:
        return None, bad
    finally:
        _BAD_BYTES.reset(token)


def _bad_bytes(bad: list[int], limit: int, shift: int = 0) -> str:
    if not bad:
        return "no bad byte"
    many = f"more than {limit} bad bytes" if len(bad) > limit else f"{len(bad)} bad byte{'s' if len(bad) > 1 else ''}"
    return f"{many}, the first at offset {bad[0] + shift}"


def read_html(data: bytes) -> tuple[str, str]:
    text, enc, _ = read_html_text(data)
    return text, enc


def read_html_text(data: bytes) -> tuple[str, str, list[int]]:
    """A page's text, its encoding and the offsets of its bad bytes (``decode_text``)."""
    from bs4 import BeautifulSoup

    text, enc, bad = decode_text(data)
    soup = BeautifulSoup(text, "lxml")
    drop_page_chrome(soup)
    title = soup.title.get_text(strip=True) if soup.title else None
    if soup.head is not None:
        soup.head.decompose()
    body = html_text(main_text(soup.body or soup))
    if not title or _title_in_body(title, body):
        return body, enc, bad
    # (the page's own title, not the site's name and column after it: 2026年鹤川市政府工作报告_政府工作报告_鹤川市人民
    # 政府 is 2026年鹤川市政府工作报告, so that the page is the same text as the report's .docx or .txt)
    own = _own_title(title)
    return f"{own if len(own) >= _OWN_TITLE_MIN else title}\n{body}", enc, bad


_OWN_TITLE_MIN = 4  # characters a page title's own part needs to stand for the title (not 首页)


def _own_title(title: str) -> str:
    """A page title's part before the site's name (…报告_XX县人民政府: …报告)."""
    return SITE_SEPARATOR.split(title, maxsplit=1)[0].strip()


def main_text(root):
    """The element that holds the page's text: the smallest under ``root`` holding ``main_text``'s share of the
    page's sentence ends (chrome.yaml), or ``root`` where the page has too few to tell; never one whose leaving out
    would lose content beside it (a sentence, or a table of ``min_table_rows`` rows: an annex of main indicators, a
    Word export's second section)."""
    rule = load_lexicon().chrome["html"]["main_text"]
    ends = _sentence_ends()
    total = len(ends.findall(root.get_text()))
    if total < rule["min_ends"]:
        return root
    need, here = rule["share"] * total, root
    while True:
        children = here.find_all(True, recursive=False)
        inner = next((c for c in children if len(ends.findall(c.get_text())) >= need), None)
        if inner is None or any(c is not inner and _holds_content(c, ends, rule["min_table_rows"]) for c in children):
            return here
        here = inner


@lru_cache(maxsize=1)
def _sentence_ends() -> re.Pattern:
    """What ends a sentence of a page's text (chrome.yaml main_text): where the text is, and what a layout table's
    cell holds."""
    return re.compile("[" + re.escape(load_lexicon().chrome["html"]["main_text"]["sentence_ends"]) + "]")


def _holds_content(el, ends: re.Pattern, min_rows: int) -> bool:
    """Whether a page element beside the text holds content of its own: a sentence, or a table of figures of at
    least ``min_rows`` rows or whose first row names a kind of figure (目标, 完成: tables.yaml column_kinds), not a
    page's index table (索引号, 发文日期)."""
    if ends.search(el.get_text()):
        return True
    kinds = load_lexicon().tables["column_kinds"]
    tables = [el] if el.name == "table" else el.find_all("table")
    return any((rows := _html_table_rows(t)) is not None
               and (len(rows) >= min_rows or any(k in rows[0].get_text() for k in kinds)) for t in tables)


def _title_in_body(title: str, body: str) -> bool:
    """Whether the page's body states its title already: whole, or its part before the site's name, on a line
    of its own near the top (so a copy of a .txt as a web page is the same text)."""
    own = _own_title(title)
    head = [line.strip() for line in body.lstrip().split("\n", 12)[:12]]
    return body.startswith(title) or (len(own) >= _OWN_TITLE_MIN and own in head)


# elements that stand on lines of their own (a page's blocks); any other element is inline, inside a line
_HTML_BLOCKS = frozenset("""address article aside blockquote body center dd details dialog dir div dl dt fieldset
figcaption figure form h1 h2 h3 h4 h5 h6 hr li main menu nav ol p pre section summary table tbody thead tfoot
caption tr ul""".split())
_BREAK = "\n"


def html_text(root) -> str:
    """The text of ``root`` in document order, a line per block: text directly inside a container that also
    holds blocks is kept where it stands (<div>text<br><table>…</table>text</div>), <br> breaks a line, and a
    table row is one line with its cells apart (地区生产总值 亿元 98.6), unless its cells hold blocks of
    their own (an old page laid out in a table: each cell's blocks are lines)."""
    from bs4 import NavigableString, Tag
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    out: list[str] = []

    def walk(el) -> None:
        for child in el.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                    out.append(_inline(str(child)))
            elif isinstance(child, Tag):
                if child.name == "br":
                    out.append(_BREAK)
                elif child.name == "pre":  # preformatted: its own line breaks are lines (a page of plain text)
                    out.extend([_BREAK, child.get_text().replace("\r\n", "\n").replace("\n", _BREAK), _BREAK])
                elif child.name == "table" and (rows := _html_table_rows(child)) is not None:
                    out.append(_BREAK)
                    if (caption := child.find("caption", recursive=False)) is not None:  # (表1 主要指标, 单位:万元)
                        out.append(" ".join(caption.get_text(" ").split()) + _BREAK)
                    out.extend(line + _BREAK for line in _table_lines(_html_grid(rows), repeat_merged_down=False))
                elif child.name == "tr" and not _holds_blocks(child):
                    cells = [" ".join(c.get_text(" ").split()) for c in child.find_all(["td", "th"], recursive=False)]
                    out.extend([_BREAK, " ".join(c for c in cells if c), _BREAK])
                elif child.name in _HTML_BLOCKS or child.name in ("td", "th"):
                    out.append(_BREAK)
                    walk(child)
                    out.append(_BREAK)
                else:
                    walk(child)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(out).split(_BREAK))
    return "\n".join(line for line in lines if line)


_WRAP = re.compile(r"(?<=[^\x00-\x7f])[ \t\r\f\v]*\n\s*(?=[^\x00-\x7f])")  # a line wrapped in the source
_WHITE = re.compile(r"\s+")


def _inline(s: str) -> str:
    """A text node as a browser shows it: a run of whitespace is one space, none where the source only wrapped a
    line of Chinese (CSS drops that break between CJK characters)."""
    return _WHITE.sub(" ", _WRAP.sub("", s))


def _html_table_rows(table) -> list | None:
    """The rows of a table of figures (its own, not a nested table's), or None for a layout table (a row's
    cells hold blocks) or one with none."""
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    return rows if rows and not any(_holds_blocks(tr) for tr in rows) else None


def _span(cell, attr: str) -> int:
    try:
        return max(1, min(int(cell.get(attr) or 1), _MAX_SPAN))
    except ValueError:
        return 1


_MAX_SPAN = 64  # a colspan or rowspan past this is a broken page, not a table


def _html_grid(rows) -> list[list[tuple[str, object]]]:
    """Each row's cells per column of the table's grid, as (text, the cell's origin): a cell spanning columns
    (colspan) or rows (rowspan) stands in each, as one origin; a row shorter than a cell spanning down past its end
    is filled with blanks up to it."""
    grid: list[list[tuple[str, object]]] = []
    below: dict[int, tuple[str, tuple[int, int], int]] = {}  # column → a cell spanning down into later rows
    for r, tr in enumerate(rows):
        line: list[tuple[str, object]] = []

        def carry(upto: int | None = None) -> None:
            """The cells spanning down into this row from the column reached on (all of them, with blanks
            between, where ``upto`` is None), or up to column ``upto``."""
            while (col := len(line)) in below or (upto is None and any(c > col for c in below)):
                if col not in below:
                    line.append(("", ("blank", r, col)))
                    continue
                text, origin, left = below.pop(col)
                line.append((text, origin))
                if left > 1:
                    below[col] = (text, origin, left - 1)

        for k, cell in enumerate(tr.find_all(["td", "th"], recursive=False)):
            carry(len(line))
            text = _cell_words(cell.get_text(" "))
            down = _span(cell, "rowspan")
            for _ in range(_span(cell, "colspan")):
                if down > 1:
                    below[len(line)] = (text, (r, k), down - 1)
                line.append((text, (r, k)))
        carry()
        grid.append(line)
    return grid


def _cell_words(text: str) -> str:
    """A table cell's text on one line: its own line breaks and the spaces between its inline pieces gone where a
    Chinese character stands on either side (2024年⏎完成 is 2024年完成, one header cell, not two), else one space
    (1 260, GDP growth), since the line's cells stand apart by spaces."""
    words = text.split()
    out = words[:1]
    for w in words[1:]:
        out.append(w if _CJK.match(out[-1][-1]) or _CJK.match(w[0]) else " " + w)
    return "".join(out)


_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


_HEADER_ROWS_MAX = 3  # rows a header held together by merged cells may take
_NUMBER_CELL = re.compile(r"[\d.,%\-—]+")


def _header_rows(grid: list[list[tuple[str, object]]]) -> int:
    """How many rows of ``grid`` its header takes: more than one only where a cell of the first row spans columns
    that the row under it parts (2025年 over 目标 and 完成), the first row's cells that span down all end on one row,
    within ``_HEADER_ROWS_MAX``, and the rows under the first hold no figure of their own (a column merged down
    beside the figures of a table with no header, a note merged down its last column: no header)."""
    if len(grid) < 3:
        return 1
    first = [origin for _, origin in grid[0]]
    down = set(first) & {origin for _, origin in grid[1]}
    if not down:
        return 1
    h = 1
    while h < min(len(grid) - 1, _HEADER_ROWS_MAX) and down <= {origin for _, origin in grid[h]}:
        h += 1
    if any(down & {origin for _, origin in row} for row in grid[h:h + 1]):
        return 1  # (a cell of the first row goes on past the header: a column of categories)
    across = {o for o in first if first.count(o) > 1}
    parted = any(len({grid[h - 1][c][1] for c in range(len(first)) if first[c] == o and c < len(grid[h - 1])}) > 1
                 for o in across)
    own = [text for row in grid[1:h] for text, origin in row if origin not in down]
    if not parted or any(_NUMBER_CELL.fullmatch(text) for text in own):
        return 1
    return h


def _table_lines(grid: list[list[tuple[str, object]]], repeat_merged_down: bool) -> list[str]:
    """A table's lines from its grid (each row's cells per column, as (text, origin)): a header of several rows
    (``_header_rows``: 指标名称 over two rows, 2025年 over 目标 and 完成) is one line whose columns join their rows'
    words (指标名称 单位 2025年目标 2025年完成 增长%), so that the table reader sees one header; every other row is one
    line with a merged cell once, and a cell merged down from a row above again in it where ``repeat_merged_down``
    (as a .docx gives it), else only in its first row (as a page shows it) unless it names a unit (亿元 merged down
    two rows: each row's unit cell, which its figures are read in)."""
    if not grid:
        return []
    h = _header_rows(grid)
    lines: list[str] = []
    earlier: set = set()
    if h > 1:
        width = max(len(row) for row in grid[:h])
        padded = [row + [("", ("pad", k, c)) for c in range(len(row), width)] for k, row in enumerate(grid[:h])]
        columns = []
        for c in range(width):
            parts, seen = [], set()
            for row in padded:
                text, origin = row[c]
                if origin not in seen and text:
                    parts.append(text)
                    seen.add(origin)
            columns.append(("".join(parts), tuple(row[c][1] for row in padded)))
        header = [text for k, (text, key) in enumerate(columns) if text and (k == 0 or key != columns[k - 1][1])]
        lines.append(" ".join(header))
        earlier.update(origin for row in grid[:h] for _, origin in row)
    empty = _empty_cell()
    for row in grid[h if h > 1 else 0:]:
        cells, seen = [], set()
        for text, origin in row:
            if origin in seen or (origin in earlier and not repeat_merged_down and read_unit(text) is None):
                continue
            seen.add(origin)
            if text:
                cells.append(text)
            elif cells:  # (an empty cell after the row's name holds its column's place: 单位GDP能耗降低 % 2.8 — 约束性,
                cells.append(empty)  # not 2.8 read under the column after it)
        if all(c == empty for c in cells[1:]):
            cells = cells[:1]  # (a row of a group's name alone: 经济发展类)
        earlier.update(seen)
        if cells:
            lines.append(" ".join(cells))
    return lines


@lru_cache(maxsize=1)
def _empty_cell() -> str:
    """What a table's empty cell is written as in its line: the tables lexicon's first placeholder (—), which
    holds a column's place and reads nothing."""
    return load_lexicon().tables["placeholders"][0]


def _holds_blocks(row) -> bool:
    """True where a table row's cells hold tables, lists or headings, or paragraphs and line breaks around prose
    (a sentence's end, or more words than a cell of figures holds): a layout table, not a row of figures (whose
    cells a page exported from Word wraps in <p>, and whose header may break 2024年<br>完成)."""
    if row.find(["table", "li", "h1", "h2", "h3", "h4", "h5", "h6"]) is not None:
        return True
    return any(cell.find(["br", "p", "div"]) is not None
               and (_sentence_ends().search(text := cell.get_text()) or len("".join(text.split())) > _DATA_CELL_MAX)
               for cell in row.find_all(["td", "th"], recursive=False))


_DATA_CELL_MAX = 40  # characters a cell of a table of figures holds at most (a row's name, a note)


def check_size(suffix: str, data: bytes) -> None:
    """Refuse a single-document file over ``MAX_DOCUMENT_BYTES`` (a collection's rows are checked one by one)."""
    if suffix not in COLLECTION_SUFFIXES | DOCX_SUFFIXES and len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(f"too large for one document: {_mb(len(data))} (the limit is {_mb(MAX_DOCUMENT_BYTES)})")


def check_docx_zip(data: bytes) -> None:
    """Refuse a .docx whose parts would inflate past the limits, reading only the zip directory (a zip bomb is
    never inflated: zipfile stops reading a member at the size its directory declares)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"not a readable .docx: not a zip file ({exc})") from exc
    xml = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
    total = sum(i.file_size for i in infos)
    if xml > MAX_DOCX_XML_BYTES or total > MAX_DOCX_BYTES:
        raise InputError(f"too large: the .docx inflates to {_mb(total)} ({_mb(xml)} of XML; the limits are "
                         f"{_mb(MAX_DOCX_BYTES)} and {_mb(MAX_DOCX_XML_BYTES)} of XML)")


def _mb(n: int) -> str:
    return f"{n / (1 << 20):.1f} MiB"


def drop_page_chrome(soup) -> None:
    """Remove a page's chrome before its text is taken: the tags and the elements whose id, class or role names
    navigation, breadcrumbs, footers, sharing (words in ``chrome.yaml``'s ``html``). Chrome that markup does not
    name (a counter line, a copyright line) is dropped later by the chrome line patterns of normalisation."""
    rules = load_lexicon().chrome["html"]
    names = {w.lower() for w in rules["chrome_names"]}
    for tag in soup(list(rules["chrome_tags"])):
        tag.decompose()
    marked = []
    for el in soup.find_all(True):
        words = " ".join(" ".join(v) if isinstance(v, list) else str(v)
                         for k, v in (el.attrs or {}).items() if k in ("id", "class", "role"))
        if words and names.intersection(_ATTR_WORDS.split(words.lower())):
            marked.append(el)
    for el in marked:
        if not el.decomposed:
            el.decompose()


_ATTR_WORDS = re.compile(r"[^a-z0-9]+")


def read_docx(data: bytes) -> str:
    """A .docx's text: its paragraphs and tables in the order the body holds them (a table stays where it
    stands, between the paragraphs that speak of it), each table row on one line with its cells apart."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data.strip():
        raise InputError("empty file")
    check_docx_zip(data)
    try:
        d = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputError(f"not a readable .docx: {exc}") from exc
    except Exception as exc:  # zipfile.BadZipFile and lxml errors alike
        raise InputError(f"not a readable .docx: {type(exc).__name__}: {exc}") from exc
    return "\n".join(_docx_blocks(d.element.body, d))


def _docx_blocks(parent, doc) -> Iterator[str]:
    """The lines of the paragraphs and tables under ``parent`` (the body, or a content control in it), in order."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in parent.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, doc).text
        elif child.tag == qn("w:tbl"):
            yield from _docx_table_lines(Table(child, doc))
        elif child.tag == qn("w:sdt"):  # a content control: its paragraphs and tables are the body's
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _docx_blocks(content, doc)


def _docx_table_lines(table) -> Iterator[str]:
    """A table's rows, one line each, its cells apart; a merged cell once (python-docx gives it for each
    column it spans: 单位:万元 came four times), a cell's own line breaks as spaces; a header of several rows held
    together by merged cells is one line (``_table_lines``)."""
    yield from _table_lines(_docx_grid(table), repeat_merged_down=True)


def _docx_grid(table) -> list[list[tuple[str, object]]]:
    """Each row's cells per column of the table's grid, as (text, origin): a cell spanning columns (gridSpan)
    stands in each, a cell merged down (vMerge) in the rows it continues into, as one origin."""
    from docx.table import _Cell

    grid: list[list[tuple[str, object]]] = []
    for r, tr in enumerate(table._tbl.tr_lst):
        line: list[tuple[str, object]] = []
        for k, tc in enumerate(tr.tc_lst):
            above = grid[-1][len(line)] if tc.vMerge == "continue" and grid and len(grid[-1]) > len(line) else None
            text, origin = above if above is not None else (_cell_words(_Cell(tc, table).text), (r, k))
            line.extend([(text, origin)] * max(1, tc.grid_span))
        grid.append(line)
    return grid


def _collection_rows(path: Path, data: bytes, bad: list[int] | None = None) -> Iterator[tuple[int, dict | InputError]]:
    """Each row of a collection, or the reason a row cannot be read (the other rows still can); ``bad`` gets the
    offsets of the file's bytes that did not decode (``decode_text``)."""
    text, _, found = decode_text(data)
    if bad is not None:
        bad.extend(found)
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        columns = {_column(k) for k in reader.fieldnames or () if k}
        if not columns & set(TEXT_COLUMNS):
            raise InputError(f"row 1: no text column ({', '.join(TEXT_COLUMNS)}, in any case): the header names "
                             f"{', '.join(sorted(columns)) or 'none'}")
        for i, row in enumerate(reader, start=1):
            yield i, {_column(k): v for k, v in row.items() if k}
    else:
        for i, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield i, InputError(f"line {i}: invalid JSON: {exc.msg}")
                continue
            if not isinstance(obj, dict):
                yield i, InputError(f"line {i}: a JSON object was expected")
                continue
            yield i, {_column(k): v for k, v in obj.items() if isinstance(k, str) and k.strip()}


def _indicator_table_text(path: Path, data: bytes) -> tuple[str, str, list[int]] | None:
    """A .csv that is one table of indicators (指标名称,单位,2024年完成,2025年目标: no text column, a header that
    names a year) as one document's text: its file name as the title, then the header and each row as a table's
    lines, an empty cell written as the tables lexicon's placeholder (—) so that each figure keeps its column;
    None for a collection of documents (one per row, its text in a column)."""
    text, enc, bad = decode_text(data)
    rows = [[c.strip().replace(" ", "") for c in row] for row in csv.reader(io.StringIO(text))]
    rows = [r for r in rows if any(r)]
    if not rows or {_column(c) for c in rows[0]} & set(TEXT_COLUMNS) or not any(_YEAR_HEADER.search(c) for c in rows[0]):
        return None
    # (not through _table_lines: a row's empty first cell keeps its place here, so its figures stay under their years)
    empty = _empty_cell()
    lines = [path.stem, " ".join(c for c in rows[0] if c)]
    for row in rows[1:]:
        cells = [c or empty for c in row]
        lines.append(cells[0] if all(c == empty for c in cells[1:]) else " ".join(cells))
    return "\n".join(lines), enc, bad


_YEAR_HEADER = re.compile(r"(?:19|20)\d{2}\s*年")  # a header cell that names a year: a table of figures by year


def _column(name: str) -> str:
    """A collection's column name as it is matched: no BOM or spaces around it, any case (Content, TEXT)."""
    return name.strip().lstrip("\ufeff").strip().lower()


# ---------------------------------------------------------------- metadata

def load_manifest(raw_dir: Path) -> Manifest:
    """The raw folder's manifest.csv (see pipeline/metadata.py), empty when there is none. One that cannot be
    read (empty, not text, unreadable) is not used, and says why in its warnings: the build goes on without it.
    A bad byte or two are replaced (``decode_text``) and warned about: the rows they touch may not match."""
    path = raw_dir / "manifest.csv"
    if not path.exists():
        return read_manifest(None)
    try:
        text, _, bad = decode_text(path.read_bytes())
    except InputError as exc:
        return _unused_manifest(str(exc))
    except OSError as exc:
        return _unused_manifest(f"unreadable: {exc.strerror or exc}")
    man = read_manifest(text)
    if bad:
        man.warnings.append(MetaWarning("manifest.csv", "manifest", f"{_bad_bytes(bad, len(bad))}: read with "
                                        "U+FFFD in their place (a row they touch may name no file)"))
    return man


def _unused_manifest(why: str) -> Manifest:
    man = read_manifest(None)
    man.warnings.append(MetaWarning("manifest.csv", "manifest", f"not used: {why}; metadata is inferred instead"))
    return man


# ---------------------------------------------------------------- walking

def iter_raw_files(raw_dir: Path, order=None) -> Iterator[Path]:
    """The files under ``raw_dir`` (hidden ones and the root's own notes left out), folder by folder in name order,
    each folder's files in name order or by ``order`` (a sort key of a path)."""
    for root, dirs, files in os.walk(raw_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for p in sorted((Path(root) / f for f in files), key=order or (lambda q: q.name)):
            f = p.name
            if f.startswith("."):
                continue
            if p.parent == raw_dir and f in SKIP_NAMES:
                continue
            yield p


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_units(path: Path, rel: str, data: bytes, manifest_row: dict,
               row_errors: list[str] | None = None, manifest_warnings: list[str] | None = None) -> list[RawUnit]:
    """The raw documents in one file (a collection gives one per row). A collection row that cannot be
    read is appended to ``row_errors`` with its line, and the other rows are kept. ``manifest_row`` is the
    file's cleaned manifest row, and ``manifest_warnings`` what was wrong with it as written."""
    suffix = path.suffix.lower()
    check_size(suffix, data)
    given = {k: "manifest" for k in manifest_row}
    warned = list(manifest_warnings or [])
    if suffix in TEXT_SUFFIXES:
        text, enc, bad = decode_text(data)
        return [RawUnit(rel, text, enc, dict(manifest_row), sources=given, warnings=warned, bad_bytes=bad)]
    if suffix in HTML_SUFFIXES:
        text, enc, bad = read_html_text(data)
        return [RawUnit(rel, text, enc, dict(manifest_row), sources=given, warnings=warned, bad_bytes=bad)]
    if suffix in DOCX_SUFFIXES:
        if path.name.startswith("~$"):
            raise InputError("a Word lock file (~$…: Word writes it beside a document it has open), not a document")
        return [RawUnit(rel, read_docx(data), "docx", dict(manifest_row), sources=given, warnings=warned)]
    if suffix == ".csv" and (table := _indicator_table_text(path, data)) is not None:
        text, enc, bad = table
        return [RawUnit(rel, text, enc, dict(manifest_row), sources=given, warnings=warned, bad_bytes=bad)]
    if suffix in COLLECTION_SUFFIXES:
        units = []
        bad: list[int] = []
        for i, row in _collection_rows(path, data, bad):
            if isinstance(row, InputError):
                if row_errors is None:
                    raise row
                row_errors.append(str(row))
                continue
            col = next((c for c in TEXT_COLUMNS if row.get(c) is not None and str(row[c]).strip()), None)
            if col is None:
                if not any(str(v).strip() for v in row.values() if v is not None):
                    continue  # an empty row (a spreadsheet's trailing ,,,): nothing to read, nothing lost
                has = [c for c in TEXT_COLUMNS if c in row]
                where = "row" if suffix == ".csv" else "line"
                empty = InputError(f"{where} {i}: empty text ({has[0]})" if has else
                                   f"{where} {i}: no text column ({', '.join(TEXT_COLUMNS)})")
                if row_errors is None:
                    raise empty
                row_errors.append(str(empty))
                continue
            text = str(row[col])
            if len(text.encode("utf-8")) > MAX_DOCUMENT_BYTES:
                too_big = InputError(f"row {i}: too large for one document (the limit is {_mb(MAX_DOCUMENT_BYTES)})")
                if row_errors is None:
                    raise too_big
                row_errors.append(str(too_big))
                continue
            columns, why = clean_given(row)
            if (below := below_province_column(row, columns, text)) is not None:
                # (a township's row under its 省 column: the town is the jurisdiction, the column its province)
                why.append(f"jurisdiction: {below}, which the row names itself by, not the province column's "
                           f"{columns.pop('jurisdiction')}")
            meta = {**columns, **manifest_row}
            sources = {**{k: "collection" for k in columns}, **given}
            units.append(RawUnit(rel, text, "utf-8", meta, row=i, sources=sources,
                                 warnings=warned + [f"{w} (row {i})" for w in why],
                                 bad_bytes=bad if "\ufffd" in text else []))
        if not units:
            raise InputError("collection has no readable rows" + (f" ({row_errors[0]})" if row_errors else ""))
        return units
    raise InputError(f"unsupported file type {suffix or '(none)'}")


def documents_from_unit(unit: RawUnit, keyed: bool = True) -> list[Document]:
    """Normalise one raw unit and split a compilation into its parts; ``keyed``: with the content key the build's
    dedupe compares (`pipeline extract` reads one file and compares nothing)."""
    norm = normalize_text(unit.raw_text)
    if not norm.text.strip():
        raise InputError("no text after normalisation")
    parts = split_parts(norm.text)
    # what a compilation says of all its samples: its name, and the title and preface before the first sample
    # (never a sample's own title or text)
    preface = parts[0].text if parts[0].number == 0 else ""
    docs = []
    for p in parts:
        whole = p.number is None
        # a sample may take what the compilation says of all its samples; its preface (part 0) speaks
        # only for itself, not for the samples after it
        # a sample's title is the line under its marker where that names a doc type (乡镇年终工作总结范文4 is the
        # site's label, 鹤汀镇2025年上半年工作总结 under it the sample's), else its marker line
        given, own_title = unit.meta, None
        if p.number not in (None, 0):
            own_title = title_line(without_marker(p.text), _OWN_TITLE_LINES)
            # (a chapter of a compilation of places' documents is titled by its place: 一、青石镇, 【石门镇】)
            title = own_title or title_line(p.text, 1) or (p.title if p.title and find_place(p.title) else None)
            given = {**given, "title": title} if title and not given.get("title") else given
        res = resolve_meta(unit.source_path, norm.text if whole else p.text, given, unit.sources,
                           context=None if whole or p.number == 0 else preface, row=unit.row is not None)
        meta = res.meta
        part = p.number if p.number is not None else unit.row
        doc_id = make_doc_id(p.text, meta)
        key = content_key(p.text if p.number in (None, 0) else without_marker(p.text), meta) if keyed else ""
        flags = ["corrupt_text"] if "corrupt_text" in norm.flags and is_corrupt(p.text) else []
        warned = list(unit.warnings)
        if unit.bad_bytes and "\ufffd" in p.text:  # bytes that did not decode, replaced: a reader should know
            flags = ["corrupt_text"]
            n = len(unit.bad_bytes)
            warned.append(f"encoding: the file's bytes are valid but for {n} bad byte sequence{'s' if n > 1 else ''}, "
                          f"read with {'them' if n > 1 else 'it'} replaced by U+FFFD (the first at byte "
                          f"{unit.bad_bytes[0]})")
        docs.append(Document(
            doc_id=doc_id, source_path=unit.source_path, part=part,
            title=own_title or p.title or meta.get("title"),
            jurisdiction=meta.get("jurisdiction"),
            admin_level=meta.get("admin_level"), report_year=meta.get("report_year"),
            doc_type=meta.get("doc_type"), source_url=meta.get("source_url"), text=p.text,
            n_chars=len(p.text), encoding=unit.encoding, flags=flags,
            jurisdiction_source=res.sources.get("jurisdiction"), report_year_source=res.sources.get("report_year"),
            doc_type_source=res.sources.get("doc_type"), meta_warnings=warned + res.warnings,
            content_key=key))
    return docs


_OWN_TITLE_LINES = 1  # the line under a sample's marker that may be its own title (not a heading further down)


def make_doc_id(text: str, meta: dict) -> str:
    """Stable id from the document's content and the metadata that changes its facts."""
    return _digest("d", text, meta)


def _digest(prefix: str, text: str, meta: dict) -> str:
    """``prefix`` and 23 hex digits of SHA-256 over ``text`` and the metadata that changes its facts."""
    key = "\x1f".join([text, str(meta.get("jurisdiction")), str(meta.get("report_year")), str(meta.get("doc_type"))])
    return prefix + hashlib.sha256(key.encode("utf-8")).hexdigest()[:23]


# what copies of one text write differently once normalised (NFKC has made full-width ASCII half-width): the
# ideographic full stop and enumeration comma, curly quotes, book-title and lenticular brackets, dashes
_LOOSE_FOLD = {"。": ".", "、": ",", "“": '"', "”": '"', "‘": "'", "’": "'", "《": "<", "》": ">",
               "〈": "<", "〉": ">", "【": "[", "】": "]", "—": "-", "–": "-", "―": "-"}
# a compilation's marker at the head of a sample (范文一, 【范文二】, 【篇三：title】, 范文四：title), with any
# site words before it: what a standalone copy of the sample does not write
_MARKER_HEAD = re.compile(r"^.{0,40}?(?:(?:范文|篇)[一二三四五六七八九十\d]+|第[一二三四五六七八九十\d]+篇)[\s:：】\]]*")


def without_marker(text: str) -> str:
    """A compilation's sample without its marker (its title after the marker stays)."""
    first, nl, rest = text.partition("\n")
    first = _MARKER_HEAD.sub("", first, count=1).rstrip("】] ")
    return (first + nl + rest).lstrip("\n")


def fold_text(text: str) -> str:
    """``text`` with no whitespace and one form of each punctuation mark copies write differently."""
    for mark, one in _LOOSE_FOLD.items():  # str.replace per mark: 5x faster than str.translate on CJK text
        text = text.replace(mark, one)
    return _WHITE.sub("", text)


def content_key(text: str, meta: dict) -> str:
    """What copies of one document share however a site, an export or an editor wrote them: the text with no
    whitespace at all (blank lines, indents, a space after a comma, NBSP) and one form of each punctuation mark
    (。 and ., 、 and ,), with the metadata that changes its facts. Nothing that tells two reports apart is
    folded away: every character but whitespace stays, digits and decimal points too."""
    return _digest("k", fold_text(text), meta)
