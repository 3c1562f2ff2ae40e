"""Table-driven gold cases for the extraction library (tests/cases/*.yaml), one test id per case."""
from decimal import Decimal

import pytest
from conftest import load_cases

from extract import extract_facts, find_quantities, is_corrupt, normalize_text


@pytest.mark.parametrize("case", load_cases("normalisation.yaml"))
def test_normalisation(case):
    norm = normalize_text(case["raw"])
    if "text" in case:
        assert norm.text == case["text"]
    if "corrupt" in case:
        assert is_corrupt(norm.text) is case["corrupt"]
    if "contains" in case:
        assert case["contains"] in norm.text, norm.text
    if "lacks" in case:
        assert case["lacks"] not in norm.text, norm.text


@pytest.mark.parametrize("case", load_cases("quantities.yaml"))
def test_quantities(case):
    text = normalize_text(case["text"]).text
    found = find_quantities(text)
    for q in found:
        assert text[q.start:q.end] == q.surface
    assert len(found) == len(case["expect"]), [q.surface for q in found]
    for q, exp in zip(found, case["expect"]):
        assert q.value == Decimal(exp["value"])
        assert q.unit == exp["unit"]
        if "value_high" in exp:
            assert q.value_high == Decimal(exp["value_high"])
        if "comparator" in exp:
            assert q.comparator == exp["comparator"]
        if "surface" in exp:
            assert q.surface == exp["surface"]


@pytest.mark.parametrize("case", load_cases("negatives.yaml"))
def test_sentences_that_give_no_clean_fact(case):
    text = normalize_text(case["text"]).text
    facts = extract_facts(text, "neg", report_year=2003, doc_type="year_end_summary")
    for f in facts:
        assert text[f.span_start:f.span_end] == f.surface
    clean = [f for f in facts if "corrupt_text" not in f.flags]
    assert clean == [], [f.surface for f in clean]
    if not case.get("flagged_ok"):
        assert facts == []


def _field_ok(fact, key, expected) -> bool:
    if key == "flags_include":
        return expected in fact.flags
    if key == "flags_exclude":
        return expected not in fact.flags
    if key == "indicator_not":
        return fact.indicator != expected
    actual = getattr(fact, key)
    if key in ("value", "value_high") and expected is not None:
        return actual == Decimal(expected)
    return actual == expected


@pytest.mark.parametrize("case", load_cases("facts.yaml"))
def test_facts(case):
    text = normalize_text(case["text"]).text
    facts = extract_facts(text, "case", report_year=case["report_year"], doc_type=case["doc_type"],
                          admin_level=case.get("admin_level"), jurisdiction=case.get("jurisdiction"),
                          title=case.get("title"))
    for f in facts:
        assert text[f.span_start:f.span_end] == f.surface
    for exp in case["expect"]:
        assert any(all(_field_ok(f, k, v) for k, v in exp.items()) for f in facts), (
            exp, [(f.indicator, f.kind, f.period_year, str(f.value), f.comparator, f.flags) for f in facts])
    for unwanted in case.get("expect_none", []):
        assert not any(all(_field_ok(f, k, v) for k, v in unwanted.items()) for f in facts), (unwanted, facts)
