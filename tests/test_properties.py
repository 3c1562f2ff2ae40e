"""Property tests: any text through normalisation and extraction never raises, every fact keeps its span,
every value fits the warehouse's DECIMAL(38,4).

Bounded and deterministic: a fixed number of examples, derandomised, no example database, no deadline
(the machine is shared; speed is measured in benchmarks/, never here).
"""
from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract import extract_facts, find_quantities, normalize_text
from pipeline.process import FileTask, process_file

PROPERTY = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
DECIMAL_38_4_LIMIT = Decimal(10) ** 34  # 38 digits, 4 of them after the point

# Pieces the grammar reacts to, so random text holds numbers, scales, units and comparators often.
FRAGMENTS = ["增长", "下降", "百分点", "%", "％", "万", "亿", "万亿", "千", "元", "万元", "人", "吨", "个", "以上",
             "左右", "以内", "不低于", "控制在", "达到", "至", "到", "-", "—", "~", "两三", "百分之", "三分之一", "九成",
             "十三亿五千万", "一千零十", "六点四二万", "负", "约", "多", "余", ".", "0", "5", "12.5", "2025年",
             "明年", "确保", "力争", "城镇新增就业", "国内生产总值", "。", "，", ",", "\n", "、", "(", ")",
             "（", "）", "﹪", "‰", "⑤", "㎡", "Ⅻ", "臺灣", "經濟", "xiāng", "(xiāng)", "\u200b", "\ufeff",
             "\x00", "\x07", "\x1b", "\x7f", "\u202e", "\ud7ff", "\U0001F600", "ا", "Ж", "한", "の"]

any_char = st.characters(exclude_categories=("Cs",))  # decoded text never holds a lone surrogate
texts = st.one_of(
    st.text(any_char, max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(any_char, max_size=4)), max_size=60).map("".join),
)


def _digit_runs(n: int) -> list[str]:
    run = "9" * n
    return [f"增长{run}%", f"{run}亿元", f"城镇新增就业{run}万人以上", f"1.{run}%", f"0.{'0' * n}1万吨",
            f"{run}至{run}个", "一" * n + "万元", "九" * n + "亿元", f"{run}分之一", "百分之" + "九" * n]


def _fits(value: Decimal | None) -> bool:
    return value is None or (value.is_finite() and abs(value) < DECIMAL_38_4_LIMIT)


def _check_facts(text: str, facts) -> None:
    for f in facts:
        assert text[f.span_start:f.span_end] == f.surface
        assert _fits(f.value) and _fits(f.value_high)


@PROPERTY
@given(texts)
def test_normalisation_never_raises_and_is_stable(raw):
    norm = normalize_text(raw)
    assert normalize_text(norm.text).text == norm.text


@PROPERTY
@given(texts)
@example("\n".join(_digit_runs(10_000)))
def test_quantities_keep_their_span_and_fit(raw):
    text = normalize_text(raw).text
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.surface
        assert _fits(q.value) and _fits(q.value_high)


@PROPERTY
@given(texts, st.sampled_from([None, 2013, 2025]), st.sampled_from([None, "government_work_report", "year_end_summary"]))
def test_facts_keep_their_span_and_fit(raw, year, doc_type):
    text = normalize_text(raw).text
    _check_facts(text, extract_facts(text, "d", year, doc_type))


def test_ten_thousand_digit_runs_give_facts_that_fit():
    for line in _digit_runs(10_000):
        text = normalize_text(f"2025年主要预期目标:{line}。").text
        _check_facts(text, extract_facts(text, "d", 2025, "government_work_report"))


@PROPERTY
@given(st.one_of(st.binary(max_size=300), texts.map(lambda t: t.encode("utf-8")),
                 texts.map(lambda t: t.encode("gb18030", errors="replace")),
                 texts.map(lambda t: t.encode("utf-16"))),
       st.sampled_from(["a.txt", "a.html", "a.md", "a.jsonl", "a.csv", "a.docx"]))
@example(b"\xed\xa0\x80\xed\xbf\xbf garbage \xff\xfe", "a.txt")
@example("\n".join(_digit_runs(10_000)).encode("utf-8"), "a.txt")
def test_any_bytes_are_a_document_or_a_reason_never_a_bug(data, name):
    r = process_file(FileTask(name, "sha", len(data), 0, {}, data))
    assert r.error is None, r.error
    assert (r.rejected is None) == bool(r.documents)
    texts_by_id = {d["doc_id"]: d["text"] for d in r.documents}
    for f in r.facts:
        text = texts_by_id[f["doc_id"]]
        assert text[f["span_start"]:f["span_end"]] == f["surface"]
        assert _fits(f["value"]) and _fits(f["value_high"])
