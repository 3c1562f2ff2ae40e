"""Metadata from the manifest, the file name, the title and the text, with its source and warnings (issue 8)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, cli
from pipeline.ingest import documents_from_unit, iter_raw_files, load_manifest, read_units
from pipeline.metadata import clean_given, missing_files, read_manifest, resolve

CASES = yaml.safe_load((ROOT / "tests" / "cases" / "metadata.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_metadata_case(case):
    given, why = clean_given(case.get("given", {}))
    res = resolve(case["name"], case["text"], given)
    for key, value in case["expect"].items():
        assert res.meta.get(key) == value, (key, res.meta, res.sources)
    for key, source in case.get("sources", {}).items():
        assert res.sources.get(key) == source, (key, res.sources)
    if "warnings" in case:
        fields = sorted({w.split(":")[0] for w in why + res.warnings})
        assert fields == sorted(case["warnings"]), why + res.warnings


def test_manifest_rows_are_checked_and_the_rest_of_each_row_is_used():
    text = ("path,jurisdiction,report_year,doc_type,colour\n"
            "./a/one.txt,青石镇,二〇一八,年终总结,red\n"
            "a\\two.txt,青石镇,2019,government_work_report,\n"
            "../outside.txt,青石镇,2019,,\n"
            "a/one.txt,白沙镇,2019,,\n"
            "gone.txt,青石镇,2019,,\n")
    man = read_manifest(text)
    assert man.row("a/one.txt") == {"jurisdiction": "青石镇", "report_year": 2018, "doc_type": "year_end_summary"}
    assert man.row("a/two.txt")["report_year"] == 2019
    assert "../outside.txt" not in man.rows
    messages = [w.message for w in man.warnings]
    assert any("unknown columns" in m and "colour" in m for m in messages)
    assert any("'./a/one.txt' read as 'a/one.txt'" in m for m in messages)
    assert any("leaves the raw folder" in m for m in messages)
    assert any("a second row for 'a/one.txt'" in m for m in messages)
    assert len(man.row_warnings["a/one.txt"]) == 2
    assert any(w.startswith("report_year:") for w in man.row_warnings["a/one.txt"])
    assert any(w.startswith("doc_type:") for w in man.row_warnings["a/one.txt"])
    missing = missing_files(man, {"a/one.txt", "a/two.txt"})
    assert [w.message for w in missing] == ["no file 'gone.txt' in the raw folder: row not used"]


def _neutral_copy(raw: Path, dst: Path) -> dict[str, str]:
    """Every file of ``raw`` under a neutral name in ``dst`` (no manifest): neutral name -> original."""
    names = {}
    for i, p in enumerate(iter_raw_files(raw)):
        name = f"doc{i:03d}{p.suffix}"
        shutil.copyfile(p, dst / name)
        names[name] = p.relative_to(raw).as_posix()
    return names


def _docs(path: Path, rel: str, row: dict) -> list:
    return [d for u in read_units(path, rel, path.read_bytes(), row) for d in documents_from_unit(u)]


def test_shipped_corpus_under_neutral_names_keeps_its_metadata(tmp_path):
    """Renamed and without a manifest, each shipped document keeps the jurisdiction, report year and doc
    type its text states; the township compilation, whose text names 塘桥 but no year, warns for the year, and
    a sample that names no place itself takes none from another sample's text (it warns instead)."""
    raw = ROOT / "data" / "raw"
    man = load_manifest(raw)
    names = _neutral_copy(raw, tmp_path)
    assert len(names) >= 40
    for neutral, rel in names.items():
        before = _docs(raw / rel, rel, man.row(rel))
        after = _docs(tmp_path / neutral, neutral, {})
        assert len(before) == len(after)
        for b, a in zip(before, after):
            if rel.startswith("township/"):
                if a.part == 0:  # the compilation's preface names no place; the manifest gives its file one
                    assert a.jurisdiction is None and a.doc_type == b.doc_type
                    continue
                assert a.doc_type == b.doc_type, (rel, a.part)
                if b.jurisdiction[:-1] in a.text:  # a sample that names the place itself (新塘桥镇) keeps it
                    assert a.jurisdiction == b.jurisdiction, (rel, a.part)
                else:
                    assert a.jurisdiction is None and any(w.startswith("jurisdiction:") for w in a.meta_warnings), (
                        rel, a.part)
                assert a.report_year is None
                assert any(w.startswith("report_year:") for w in a.meta_warnings)
                continue
            assert (a.jurisdiction, a.report_year, a.doc_type) == (b.jurisdiction, b.report_year, b.doc_type), (
                rel, a.part, a.jurisdiction_source, a.report_year_source, a.doc_type_source)
            assert [w for w in a.meta_warnings if "read from the text" not in w] == [], (rel, a.meta_warnings)


@pytest.mark.slow
def test_build_prints_and_keeps_manifest_warnings(tmp_path):
    raw = tmp_path / "raw"
    (raw / "towns").mkdir(parents=True)
    (raw / "towns" / "one.txt").write_text("工作总结\n今年以来,全镇农民人均纯收入达到7100元。\n明年,确保农民人均纯收入达到7200元。",
                                           encoding="utf-8")
    (raw / "manifest.csv").write_text("path,jurisdiction,report_year,doc_type\n"
                                      "./towns/one.txt,青石镇,二〇一八,年终总结\n"
                                      "towns/missing.txt,青石镇,2018,year_end_summary\n", encoding="utf-8")
    wh = tmp_path / "wh"
    out = cli("build", "--raw", str(raw), "--warehouse", str(wh), "--quiet", "--strict")
    assert out.returncode == 0, out.stderr
    assert "warning towns/one.txt: report_year: report_year '二〇一八' read as 2018" in out.stderr
    assert "no file 'towns/missing.txt'" in out.stderr
    assert "4 warnings" in out.stderr
    q = cli("query", "--warehouse", str(wh), "--format", "csv",
            "SELECT d.jurisdiction, d.report_year, d.doc_type, d.report_year_source, "
            "(SELECT count(*) FROM warnings) FROM documents d")
    assert q.stdout.splitlines()[1] == "青石镇,2018,year_end_summary,manifest,4", q.stdout
    facts = cli("query", "--warehouse", str(wh), "--format", "csv", "SELECT kind, period_year FROM facts ORDER BY kind")
    assert facts.stdout.splitlines()[1:] == ["actual,2018", "target,2019"], facts.stdout
    # the same again: up to date, and the warnings still counted
    again = cli("build", "--raw", str(raw), "--warehouse", str(wh), "--quiet")
    assert "up to date" in again.stderr + again.stdout and "4 warnings" in again.stderr + again.stdout


def test_earlier_year_targets_are_guarded_by_the_int_targets_suite():
    import pandas as pd

    from pipeline.validate import _Gx

    frame = pd.DataFrame({"fact_id": ["a", "b", "c"], "period_year": pd.array([2025, 2024, None], "Int32"),
                          "report_year": pd.array([2025, 2025, 2025], "Int32"), "restated": [False, False, False]})
    failed = {name for name, _, _ in _Gx().run("int_targets", frame)}
    assert failed == {"expect_column_pair_values_a_to_be_greater_than_b(period_year)",
                      "expect_column_values_to_be_in_set(restated)"}
    frame["restated"] = [False, True, False]
    big = pd.concat([frame] + [frame.iloc[[0]]] * 200, ignore_index=True)   # 1 of 203 is under 1%
    assert _Gx().run("int_targets", big) == []


def test_a_collections_rows_are_read_before_its_file_name(tmp_path):
    """A collection's file name labels the whole collection (乡镇总结, 2024年收集): each row's own title and
    text come first, and the file name only where they say nothing."""
    path = tmp_path / "2024年乡镇总结收集.csv"
    path.write_text("content\n"
                    "\"2026年青山县政府工作报告\n各位代表:\n一、2025年工作回顾\n全县生产总值增长5.2%。\"\n"
                    "\"今年以来,全镇完成财政收入800万元。\"\n", encoding="utf-8")
    first, second = _docs(path, path.name, {})
    assert (first.doc_type, first.report_year, first.jurisdiction) == ("government_work_report", 2026, "青山县")
    assert (first.doc_type_source, first.report_year_source) == ("title", "title")
    assert (second.doc_type, second.report_year) == ("year_end_summary", 2024)
    assert second.report_year_source == "file_name"
