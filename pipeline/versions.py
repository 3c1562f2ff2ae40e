"""Versions of one report in one build: a 修订稿 beside the report it revises, a draft beside its final text, a copy
cut short beside the whole. Each is a document of its own (kept in documents and facts: nothing is lost), but only
the current version's targets and results are linked and reach int_targets, int_actuals and plan_vs_actual, or
every target would stand there twice. Lexicon: ``lexicons/versions.yaml``; the relation ``document_versions``."""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import yaml

from .ingest import fold_text

LEXICON = Path(__file__).with_name("lexicons") / "versions.yaml"
_KEYS = {"similarity", "contained", "min_lines", "later_words", "earlier_words", "copy_name"}
SCHEMA = pa.schema([("doc_id", pa.string()), ("source_path", pa.string()), ("part", pa.int32()),
                    ("superseded_by", pa.string()), ("superseded_by_path", pa.string()), ("reason", pa.string())])
FILE = "document_versions.parquet"
_META = ("jurisdiction", "report_year", "doc_type")  # what versions of one report share (build.py reads it too)
_CORRUPT = "corrupt_text"


@dataclass(frozen=True)
class VersionLexicon:
    similarity: float
    contained: float
    min_lines: int
    later: tuple[str, ...]
    earlier: tuple[str, ...]
    copy_name: re.Pattern


@lru_cache(maxsize=1)
def load_version_lexicon(path: Path = LEXICON) -> VersionLexicon:
    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    if not isinstance(raw, dict) or set(raw) != _KEYS:
        raise ValueError(f"{path}: keys must be exactly {sorted(_KEYS)}, got {sorted(raw or {})}")
    return VersionLexicon(float(raw["similarity"]), float(raw["contained"]), int(raw["min_lines"]),
                          tuple(raw["later_words"]), tuple(raw["earlier_words"]), re.compile(raw["copy_name"]))


_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|(?<=\.)(?!\d)")  # (a web copy's . too, not a decimal point's)


def lines(text: str) -> set[str]:
    """A text's distinct lines, each cut after its sentences' ends, as content keys compare them (no whitespace,
    one form of punctuation): a paragraph is a line, and a figure corrected in it would make all of it differ
    (a district's 更正版 of ten long paragraphs, two of them corrected: probe v312)."""
    return {f for line in text.split("\n") for part in _SENTENCE_END.split(line) if (f := fold_text(part))}


def same_report(a: set[str], b: set[str], lx: VersionLexicon | None = None) -> bool:
    """Whether two documents' lines make them versions of one report: most lines shared, or the shorter one
    held almost whole by the longer one (a copy cut short)."""
    lx = lx or load_version_lexicon()
    if min(len(a), len(b)) < lx.min_lines:
        return False
    shared = len(a & b)
    return shared >= lx.similarity * len(a | b) or shared >= lx.contained * min(len(a), len(b))


def copy_last(path: Path) -> tuple[bool, str]:
    """A sort key for the files of one folder: a name that says it is a copy (副本, (1)) after the others."""
    return load_version_lexicon().copy_name.search(path.stem) is not None, path.name


def version_rank(name: str, lx: VersionLexicon | None = None) -> int:
    """0 for a name that says it is a later version (修订稿), 2 for an earlier one (征求意见稿), else 1."""
    lx = lx or load_version_lexicon()
    if any(w in name for w in lx.later):
        return 0
    return 2 if any(w in name for w in lx.earlier) else 1


def find_versions(docs: list[dict], mtimes: dict[str, int]) -> list[dict]:
    """The superseded documents among ``docs`` (each with doc_id, source_path, part, title, the metadata, flags and
    text): rows of ``SCHEMA``. Of the versions of one report the current one is a whole text (not flagged
    corrupt_text) before a damaged one, then the one its file name or title says is later (``version_rank``), then
    the later file (``mtimes``: source_path -> modification time), then the later path."""
    lx = load_version_lexicon()
    out = []
    groups: dict[tuple, list[dict]] = {}
    for d in docs:
        if all(d[k] is not None for k in _META):
            groups.setdefault(tuple(d[k] for k in _META), []).append(d)
    for members in groups.values():
        if len(members) < 2:
            continue
        seen = {d["doc_id"]: lines(d["text"]) for d in members}
        parent = {d["doc_id"]: d["doc_id"] for d in members}

        def root(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in itertools.combinations(members, 2):
            # (two files, or two parts of one: a compilation that prints a sample twice)
            if same_report(seen[a["doc_id"]], seen[b["doc_id"]], lx):
                parent[root(a["doc_id"])] = root(b["doc_id"])
        clusters: dict[str, list[dict]] = {}
        for d in members:
            clusters.setdefault(root(d["doc_id"]), []).append(d)
        for cluster in clusters.values():
            if len(cluster) < 2:
                continue
            ordered = sorted(cluster, key=lambda d: d["part"] or 0)  # (of one file's parts the first...)
            ordered.sort(key=lambda d: d["source_path"], reverse=True)  # the later path first...
            ordered.sort(key=lambda d: (_CORRUPT in (d["flags"] or ()),  # ...after the rest (a stable sort)
                                        version_rank(_name(d), lx), -mtimes.get(d["source_path"], 0)))
            current = ordered[0]
            for d in ordered[1:]:
                out.append({"doc_id": d["doc_id"], "source_path": d["source_path"], "part": d["part"],
                            "superseded_by": current["doc_id"], "superseded_by_path": current["source_path"],
                            "reason": _reason(d, current, mtimes, lx)})
    return sorted(out, key=lambda r: (r["source_path"], r["part"] or 0))


def _name(d: dict) -> str:
    return PurePosixPath(d["source_path"]).name + " " + (d["title"] or "")


def _reason(d: dict, current: dict, mtimes: dict[str, int], lx: VersionLexicon) -> str:
    if _CORRUPT in (d["flags"] or ()) and _CORRUPT not in (current["flags"] or ()):
        return "a damaged copy (corrupt_text) of the whole text"
    mine, theirs = version_rank(_name(d), lx), version_rank(_name(current), lx)
    if theirs < mine:
        return "an earlier version: the other's name says it is later" if theirs == 0 else \
            "an earlier version: its name says it is a draft"
    if current["source_path"] == d["source_path"]:
        return "a repeat: its file holds the same report in an earlier part"
    if mtimes.get(current["source_path"], 0) > mtimes.get(d["source_path"], 0):
        return "an earlier version: the other file is newer"
    return "another version: the other comes later in path order"


def read_doc_meta(build: Path) -> dict[str, tuple]:
    """doc_id -> (jurisdiction, report_year, doc_type) of every document of a build: its documents' Parquet files'
    metadata columns, read once for the versions and the linker (which ranks by doc_type)."""
    src = build / "documents"
    if not any(src.rglob("*.parquet")):
        return {}
    t = ds.dataset(src, format="parquet", partitioning=None).to_table(columns=["doc_id", *_META])
    return dict(zip(t.column("doc_id").to_pylist(), zip(*(t.column(k).to_pylist() for k in _META))))


def doc_type_of(meta: tuple) -> str | None:
    """The doc type in a ``read_doc_meta`` value."""
    return meta[_META.index("doc_type")]


def write_versions(build: Path, meta: dict[str, tuple]) -> list[dict]:
    """``document_versions.parquet`` of a build: its documents' superseded versions. Only documents that share
    jurisdiction, report year and doc type with another (``meta``: ``read_doc_meta``) are read whole."""
    docs: list[dict] = []
    counts = Counter(meta.values())
    shared = [doc_id for doc_id, k in meta.items() if counts[k] > 1 and all(v is not None for v in k)]
    if shared:
        table = ds.dataset(build / "documents", format="parquet", partitioning=None).to_table(
            columns=["doc_id", "source_path", "part", "title", *_META, "flags", "text"],
            filter=pc.field("doc_id").isin(shared))
        docs = table.to_pylist()
    mtimes = {}
    if docs and (build / "ledger.parquet").exists():
        ledger = pq.read_table(build / "ledger.parquet", columns=["source_path", "mtime_ns"]).to_pylist()
        mtimes = {r["source_path"]: r["mtime_ns"] or 0 for r in ledger}
    rows = find_versions(docs, mtimes)
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), build / FILE)
    return rows


