"""A report reprinted by a Hong Kong, Macau or Taiwan site (traditional characters, 「」 quotes, thousands
separators, 今(2025)年) gives the same facts as the report itself (issue 8)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import opencc
import pytest

from extract import extract_facts, normalize_text
from pipeline.ingest import documents_from_unit, load_manifest, read_units

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
REPORTS = ["national/2014年国务院政府工作报告.txt", "provincial/2025/2025年浙江省政府工作报告.docx"]


def web_copy(text: str, year: int, variant: str) -> str:
    t = opencc.OpenCC(variant).convert(text)
    t = t.replace("“", "「").replace("”", "」")
    t = re.sub(r"(?<![\d.,])(\d{4,})(?=(?:\.\d+)?[億萬元])", lambda m: f"{int(m.group(1)):,}", t)
    return t.replace("今年", f"今({year})年")


def _facts(text: str, doc) -> Counter:
    return Counter((f.kind, f.period_year, f.value, f.unit, f.comparator, f.indicator_key)
                   for f in extract_facts(text, "x", doc.report_year, doc.doc_type))


@pytest.mark.parametrize("variant", ["s2hk", "s2tw"])
@pytest.mark.parametrize("rel", REPORTS)
def test_reprint_gives_the_same_facts(rel, variant):
    path = RAW / rel
    (doc,) = [d for u in read_units(path, rel, path.read_bytes(), load_manifest(RAW).row(rel))
              for d in documents_from_unit(u)]
    copy = web_copy(doc.text, doc.report_year, variant)
    assert "「" in copy and f"今({doc.report_year})年" in copy and re.search(r"\d,\d{3}", copy)
    text = normalize_text(copy).text
    got, want = _facts(text, doc), _facts(doc.text, doc)
    assert sum(want.values()) > 50
    assert got == want, (list((want - got).items())[:5], list((got - want).items())[:5])
    for f in extract_facts(text, "x", doc.report_year, doc.doc_type):
        assert text[f.span_start:f.span_end] == f.surface
