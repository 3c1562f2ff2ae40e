"""The decision steps of extract/assemble.py, each on its own (issue 8): every figure goes through STEPS in
order, each step decides its own fields once, and no later step revises them."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from extract import normalize_text
from extract import assemble as A

CASES = yaml.safe_load((Path(__file__).resolve().parent / "cases" / "facts.yaml").read_text(encoding="utf-8"))
# each step's own fields, flags aside (flags only grow): from the one declaration in extract/assemble.py
OWNED = {step: tuple(f for f in fields if f != "flags") for step, fields in A.STEP_FIELDS.items()}


def _decisions(text: str, report_year: int, doc_type: str) -> list[dict[str, dict]]:
    """Per figure: step name -> the step's own decisions (flags: what it added)."""
    return [dict((name, vals) for name, vals in fig) for fig in A.trace(normalize_text(text).text, report_year,
                                                                         doc_type)]


def test_steps_are_the_documented_order():
    assert [name for name, _ in A.STEPS] == ["subject", "unit", "indicator", "text", "kind", "sign", "period",
                                             "estimate", "commitment", "comparator"]
    assert set(OWNED) == {name for name, _ in A.STEPS}
    # which step owns which field, as documented in assemble.py's step list: a field filed under another step
    # would make test_each_field_is_decided_once check it at the wrong moment, and pass
    assert OWNED == {"subject": ("subject", "joined", "inherited", "from_start", "second_bound", "of_base"), "unit": ("unit",),
                     "indicator": ("indicator",),
                     "text": ("restates",), "sign": ("value", "value_high"),
                     "kind": ("kind", "kind_source", "cue_commitment", "time_cue"),
                     "period": ("period", "period_source"), "estimate": (), "commitment": ("commitment",),
                     "comparator": ("comparator",)}
    assert {f for fs in OWNED.values() for f in fs} | {"flags"} == {
        f for f in A._Figure.__dataclass_fields__} - {"q", "clause_start", "phrase", "clause_phrase", "sentence_prefix",
                                                    "cell", "target_named", "next_q"}  # (what a figure is
    # given: a table's cell, its column, the target named right after it, the sentence's next quantity)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_each_field_is_decided_once(case):
    """Once its step has run, a field keeps its value through every later step (flags only grow)."""
    snapshots: list[tuple[str, dict]] = []

    def record(name, fig):
        snapshots.append((name, {f: getattr(fig, f) for fs in OWNED.values() for f in fs} | {"flags": list(fig.flags)}))

    A._extract(normalize_text(case["text"]).text, "case", case["report_year"], case["doc_type"], on_step=record)
    order = [name for name, _ in A.STEPS]
    facts = A._extract(normalize_text(case["text"]).text, "case", case["report_year"], case["doc_type"])
    # every step ran once for every figure (an item of a list said with one figure for each shares its figure's
    # span: …/shared_figure)
    assert len(snapshots) == len(order) * len({(f.span_start, f.span_end) for f in facts}), case["id"]
    for start in range(0, len(snapshots), len(order)):
        figure = snapshots[start:start + len(order)]
        assert [name for name, _ in figure] == order, case["id"]
        for k, (name, snap) in enumerate(figure):
            for later_name, later in figure[k + 1:]:
                for f in OWNED.get(name, ()):
                    assert later[f] == snap[f], (case["id"], f, name, later_name)
                assert later["flags"][:len(snap["flags"])] == snap["flags"], (case["id"], name, later_name)


def test_subject_step_joins_and_continues_lists():
    figs = _decisions("城镇和农村居民人均可支配收入分别增长5%和6%。", 2025, "government_work_report")
    assert figs[1]["subject"]["joined"] is True and figs[1]["subject"]["inherited"] is True
    figs = _decisions("地区生产总值达到5.53万亿元、增长4.8%。", 2025, "government_work_report")
    assert figs[1]["subject"] == {"subject": "地区生产总值增长", "joined": False, "inherited": True,
                                  "from_start": None, "second_bound": False, "of_base": False}


def test_a_stretch_bound_is_found_by_the_subject_step_and_flagged_by_the_commitment_step():
    first, second = _decisions("主要预期目标:地区生产总值增长7%以上、力争达到8%。", 2025, "government_work_report")
    assert second["subject"]["second_bound"] is True and second["subject"]["inherited"] is False
    assert second["commitment"] == {"commitment": "stretch", "flags": ["stretch_bound"]}
    assert first["subject"]["second_bound"] is False and first["commitment"]["flags"] == []


def test_subject_step_gives_the_end_of_a_from_to_the_subject_it_started_from():
    text = "一、过去五年工作回顾\n农村公路里程从2020年的8.1万公里增加到9.6万公里,客运班线由120条增至2024年的150条。"
    figs = _decisions(text, 2025, "government_work_report")
    start, end, lines_start, lines_end = figs
    assert "starting_value" in start["period"]["flags"] and "starting_value" in lines_start["period"]["flags"]
    assert end["subject"] == {"subject": "农村公路里程", "joined": False, "inherited": True,
                              "from_start": text.index("从"), "second_bound": False, "of_base": False}
    assert end["indicator"]["indicator"] is None and end["kind"]["time_cue"][0] != 2020  # 2020 is the start's
    assert lines_end["subject"]["subject"] == "客运班线" and lines_end["kind"]["time_cue"] == (2024, "clause_time")


def test_unit_step_makes_a_rate_of_a_prefix():
    (fig,) = _decisions("新建污水处理厂日处理5000吨。", 2025, "government_work_report")
    assert fig["unit"]["unit"] == "吨/日"


def test_sign_step_stores_a_fall_negative():
    (fig,) = _decisions("一、2024年工作回顾\n工业增加值下降0.7%。", 2025, "government_work_report")
    assert fig["sign"]["value"] == Decimal("-0.7") and "negative" in fig["sign"]["flags"]
    (fig,) = _decisions("全省工商业电价下降5分/千瓦时。", 2025, "government_work_report")
    assert fig["sign"]["value"] > 0


def test_kind_step_reads_cues_and_changes():
    (fig,) = _decisions("确保粮食产量稳定在620亿斤以上。", 2025, "government_work_report")
    assert fig["kind"]["kind"] == "target" and fig["kind"]["cue_commitment"] == "firm"
    (fig,) = _decisions("一、2024年工作回顾\n常住人口比上年增加20万人。", 2025, "government_work_report")
    assert (fig["kind"]["kind"], fig["kind"]["kind_source"]) == ("change", "change_verb")


def test_period_step_gives_no_year_to_a_span():
    (fig,) = _decisions("过去五年,国内生产总值年均增长6.6%。", 2025, "government_work_report")
    assert fig["period"]["period"] is None and "five_year_average" in fig["period"]["flags"]
    (fig,) = _decisions("二、2025年工作安排\n地区生产总值增长5%左右。", 2025, "government_work_report")
    assert (fig["period"]["period"], fig["period"]["period_source"]) == (2025, "section")


def test_estimate_commitment_and_comparator_steps():
    (fig,) = _decisions("一、2024年工作回顾\n初步预计,地区生产总值增长5.2%。", 2025, "government_work_report")
    assert "estimated" in fig["estimate"]["flags"] and fig["commitment"]["commitment"] is None
    (fig,) = _decisions("一、2024年工作回顾\n居民消费价格涨幅控制在3.3%。", 2025, "government_work_report")
    assert fig["kind"]["kind"] == "actual" and fig["comparator"]["comparator"] == "eq"
    (fig,) = _decisions("二、2025年工作安排\n力争居民消费价格涨幅控制在3%左右。", 2025, "government_work_report")
    assert fig["commitment"]["commitment"] == "stretch" and fig["comparator"]["comparator"] == "approx"


@pytest.mark.parametrize("doc_type, title, report_year, year", [
    ("work_plan", "柳岸县2025—2027年城镇老旧小区改造实施方案", None, 2025),  # a span before its words: its first year
    ("work_plan", "桦岭县黑土地保护利用三年行动实施方案(2025—2027年)", None, 2025),  # ...or after them, in parentheses
    ("work_plan", "岷阳县人民政府关于印发2025年岷阳县十件民生实事的通知", None, 2025),  # year_words, eight characters on
    ("statistical_bulletin", "澄州市2025年国民经济和社会发展统计公报", 2026, 2025),
    ("progress_report", "关于2021年以来民生实事落实情况的报告", 2025, None),  # a span's start names no year of results
    ("progress_report", "柳岸县十四五规划和2035年远景目标纲要实施情况的报告", 2036, None),  # nor does a horizon
    ("progress_report", "关于2024年民生实事完成情况和2025年民生实事安排的报告", 2025, None),  # two years: neither
    ("progress_report", "澄州市2026年民生实事项目完成情况", 2025, None),  # results of a year ahead of the report
])
def test_the_year_a_title_names(doc_type, title, report_year, year):
    """The year a plan's or a results report's title gives its figures (extract/assemble.py _title_year), one rule
    at a time."""
    from extract.lexicon import doc_type_by_id

    dt = doc_type_by_id(doc_type)
    read = (A._title_plan_year("", dt, title) if dt.plan_year_in_title
            else A._title_results_year("", dt, title, report_year))
    assert read == year
