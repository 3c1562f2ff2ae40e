"""plan_vs_actual.status follows the comparator and the indicator's direction (issue #3's examples)."""
from decimal import Decimal

import pytest

from helpers import query
from pipeline.build import build

MANIFEST = "path,jurisdiction,admin_level,report_year,doc_type\n" \
           "plan.txt,中国,national,2022,government_work_report\n" \
           "review.txt,中国,national,2023,government_work_report\n"


@pytest.fixture(scope="module")
def statuses(tmp_path_factory):
    raw = tmp_path_factory.mktemp("pva") / "raw"
    raw.mkdir()
    (raw / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    (raw / "plan.txt").write_text(
        "二、2022年经济社会发展主要预期目标\n"
        "国内生产总值增长5.5%左右,城镇调查失业率5.5%以内,居民消费价格涨幅3%左右,城镇新增就业1100万人以上。\n"
        "力争生产安全事故死亡人数下降10%以上。粮食产量稳定在1.3万亿斤以上。常住人口城镇化率提高1个百分点。\n"
        "城镇登记失业率低于4%。\n",
        encoding="utf-8")
    (raw / "review.txt").write_text(
        "一、2022年工作回顾\n"
        "国内生产总值增长3%,城镇调查失业率5.2%,居民消费价格上涨2%,城镇新增就业1080万人。\n"
        "生产安全事故死亡人数下降4%。粮食产量近1.3万亿斤。常住人口城镇化率提高1.2个百分点。\n"
        "城镇登记失业率4%。\n"
        "二、2023年经济社会发展主要预期目标\n国内生产总值增长5%左右。\n", encoding="utf-8")
    wh = raw.parent / "wh"
    build(raw, wh, progress=False)
    rows = query(wh, "SELECT CASE WHEN target_value < 0 THEN 'fall of ' || target_comparator ELSE indicator END, "
                     "period_year, status FROM plan_vs_actual")
    return {(i, y): s for i, y, s in rows}


@pytest.mark.parametrize("indicator,year,status", [
    ("gdp_growth", 2022, "missed"),                    # 5.5%左右 against 3%
    ("cpi_growth", 2022, "met"),                       # a ceiling of 3%左右 against 2%
    ("urban_surveyed_unemployment", 2022, "met"),      # 5.5%以内 against 5.2%
    ("urban_new_jobs", 2022, "near"),                  # 1100万人以上 against 1080万人: 1.8% short
    ("gdp_growth", 2023, "pending"),                   # no result reported yet
    ("fall of ge", 2022, "missed"),                    # a fall of 10%以上 (-10, ge) against a fall of 4%
    ("grain_output", 2022, "near"),                    # at least 1.3万亿斤 against nearly (le) 1.3万亿斤
    ("常住人口城镇化率提高", 2022, "met"),              # a planned change in 百分点 answered by a change (kind change)
    ("urban_registered_unemployment", 2022, "met"),   # a strict bound (低于4%) against 4% itself: met, as reports mean it
])
def test_status(statuses, indicator, year, status):
    assert statuses[(indicator, year)] == status


def _build_docs(tmp_path, *docs: tuple[str, str]):
    """A warehouse built from documents given as (manifest row: jurisdiction,admin_level,report_year,doc_type; text),
    filed as a.txt, b.txt, … in that order."""
    raw = tmp_path / "raw"
    raw.mkdir()
    names = [f"{chr(ord('a') + i)}.txt" for i in range(len(docs))]
    (raw / "manifest.csv").write_text("path,jurisdiction,admin_level,report_year,doc_type\n" + "".join(
        f"{name},{meta}\n" for name, (meta, _) in zip(names, docs)), encoding="utf-8")
    for name, (_, text) in zip(names, docs):
        (raw / name).write_text(text, encoding="utf-8")
    build(raw, tmp_path / "wh", progress=False)
    return tmp_path / "wh"


def _build_one(tmp_path, meta: str, text: str):
    """A warehouse built from one document, its manifest row ``meta`` (jurisdiction,admin_level,report_year,
    doc_type)."""
    return _build_docs(tmp_path, (meta, text))


def test_a_free_text_targets_baseline_is_last_years_result_of_its_key(tmp_path):
    """baseline_value: the actual of the year before under the same key, whatever words the two years used
    (新建精品示范村 in the review, 力争新增精品示范村 in the plan)."""
    wh = _build_one(tmp_path, "青石镇,township,2024,year_end_summary",
                    "一、2024年工作回顾\n全镇新建精品示范村12个,完成财政收入800万元。\n"
                    "二、2025年工作打算\n力争新增精品示范村15个,完成财政收入850万元。\n")
    rows = dict(query(wh, "SELECT target_value, baseline_value FROM plan_vs_actual"))
    assert rows == {15: 12, 8500000: 8000000}


def test_a_target_said_again_in_its_report_is_one_row(tmp_path):
    """plan_vs_actual: one row per target, not per statement of it (the 说明 paragraph repeats the target)."""
    wh = _build_one(tmp_path, "中国,national,2013,government_work_report",
                    "二、2013年工作总体部署\n今年经济社会发展的主要预期目标是:国内生产总值增长7.5%左右。\n"
                    "这里要着重说明,提出国内生产总值增长7.5%左右,主要是综合考虑了各种因素。\n")
    assert query(wh, "SELECT count(*) FROM plan_vs_actual WHERE indicator = 'gdp_growth'") == [(1,)]
    assert query(wh, "SELECT count(*) FROM facts WHERE indicator = 'gdp_growth'") == [(2,)]


def test_a_stretch_bound_is_no_row_of_its_own(tmp_path):
    """增长7%以上、力争达到8%: the aim beyond the target is a fact flagged stretch_bound, and the target is the one
    row of plan_vs_actual, met by the result."""
    wh = _build_docs(tmp_path, ("青岚市,city,2025,government_work_report",
                                "二、2025年主要预期目标\n全市地区生产总值增长7%以上、力争达到8%。\n"),
                     ("青岚市,city,2026,government_work_report", "一、2025年工作回顾\n全市地区生产总值增长7.2%。\n"))
    assert query(wh, "SELECT indicator, target_value, target_comparator, actual_value, status FROM plan_vs_actual"
                 ) == [("gdp_growth", 7, "ge", Decimal("7.2"), "met")]
    assert query(wh, "SELECT value, commitment FROM facts WHERE list_contains(flags, 'stretch_bound')") == [
        (8, "stretch")]


def test_the_years_final_statistics_answer_before_a_reports_figure(tmp_path):
    """A bulletin's result (final statistics) answers before the next report's figure of the same thing, however
    the file names agree (links.yaml final_statistics)."""
    wh = _build_docs(tmp_path, ("清澴县,county,2025,plan_report",
                                "二、2025年计划草案\n全县地区生产总值增长6.5%左右。\n"),
                     ("清澴县,county,2026,plan_report", "一、2025年计划执行情况\n全县地区生产总值增长6.4%。\n"),
                     ("清澴县,county,2025,statistical_bulletin", "初步核算,全年全县地区生产总值比上年增长6.3%。\n"))
    assert query(wh, "SELECT target_value, actual_value, status FROM plan_vs_actual WHERE indicator = 'gdp_growth'"
                 ) == [(Decimal("6.5"), Decimal("6.3"), "near")]


def test_a_target_a_review_states_again_is_answered_by_its_own_report(tmp_path):
    """没有完成8%的年度目标: the reviewed year's target said again (restated_target) meets the result the same
    review states; where no earlier report states it, it is a row of plan_vs_actual of its own."""
    wh = _build_one(tmp_path, "青岚市,city,2026,government_work_report",
                    "一、2025年工作回顾\n全市固定资产投资增长5.1%,没有完成8%的年度目标。\n")
    assert query(wh, "SELECT target_value, actual_value, status FROM plan_vs_actual") == [(8, Decimal("5.1"), "missed")]


def _two_years_rows(tmp_path, plan: str, review: str) -> list:
    """plan_vs_actual's (report_year, target_value, actual_value) for one city's 2025 report ``plan`` and 2026
    report ``review``."""
    _build_docs(tmp_path, ("青岚市,city,2025,government_work_report", plan),
                ("青岚市,city,2026,government_work_report", review))
    return query(tmp_path / "wh", "SELECT report_year, target_value, actual_value FROM plan_vs_actual p "
                                  "JOIN facts f ON f.fact_id = p.target_fact_id")


def test_a_restatement_of_an_earlier_reports_target_is_no_second_row(tmp_path):
    """The 2026 report's 没有完成8%的年度目标 where the 2025 report set 固定资产投资增长8%: one row, the 2025
    report's."""
    rows = _two_years_rows(tmp_path, "二、2025年主要目标\n全市固定资产投资增长8%。\n",
                           "一、2025年工作回顾\n全市固定资产投资增长5.1%,没有完成8%的年度目标。\n")
    assert rows == [(2025, 8, Decimal("5.1"))]


def test_a_restatement_in_other_words_is_no_second_row(tmp_path):
    """The 2026 review restates the 2025 target in other words (实际利用外资, the plan's 实际使用外资): the same
    result answers both, so they are one target, the 2025 report's row."""
    rows = _two_years_rows(tmp_path, "二、2025年主要目标\n全市实际使用外资1.5亿美元。\n",
                           "一、2025年工作回顾\n全市实际利用外资1.62亿美元,超过年初确定的1.5亿美元目标。\n")
    assert rows == [(2025, 150000000, 162000000)]


def test_a_result_in_another_unit_of_the_targets_measure_is_compared_in_the_targets_unit(tmp_path):
    """粮食总产量4亿斤 answered by 20.6万吨, 造林3万亩 by 2100公顷, 300兆瓦 by 32万千瓦, 120公里 by 118000米: each
    joins (units.yaml unit_measures), its actual_value in the target's unit, its status from that; actual_stated_unit says
    what the result was stated in."""
    rows = _two_years_rows(
        tmp_path, "二、2025年工作任务\n粮食总产量达到4亿斤。完成人工造林3万亩。新增光伏装机300兆瓦。新建农村公路120公里。\n",
        "一、2025年工作回顾\n粮食总产量20.6万吨。植树造林2100公顷。新增光伏装机32万千瓦。新建农村公路118000米。\n")
    assert sorted(rows) == [(2025, 120, 118), (2025, 300, 320), (2025, 30000, 31500), (2025, 400000000, 412000000)]
    statuses = dict(query(tmp_path / "wh", "SELECT actual_stated_unit, status FROM plan_vs_actual"))
    assert statuses == {"吨": "met", "公顷": "met", "千瓦": "met", "米": "near"}


def test_a_restatement_with_another_value_leaves_the_plans_row(tmp_path):
    """A half-year summary's 下半年,…紧盯全年目标任务不放松,力争完成固定资产投资1.8亿元 (restated, another value than the
    plan's: the half ahead, or the target moved) is no second row: the plan's target is the row, which the year's
    result answers (blind probe v111: the 1.8亿 had been met by the year's 3.52亿)."""
    wh = _build_docs(
        tmp_path,
        ("青石镇,township,2024,year_end_summary", "二、2025年工作计划\n完成固定资产投资3.5亿元,新引进项目5个以上。\n"),
        ("青石镇,township,2025,half_year_summary", "一、上半年工作总结\n上半年完成固定资产投资1.7亿元。\n二、下半年工作打算\n"
         "下半年,全镇将紧盯全年目标任务不放松,力争完成固定资产投资1.8亿元,新引进项目2个以上。\n"),
        ("青石镇,township,2025,year_end_summary", "一、2025年工作总结\n完成固定资产投资3.52亿元,新引进项目6个。\n"))
    rows = query(wh, "SELECT target_value, actual_value, status FROM plan_vs_actual ORDER BY 1")
    assert rows == [(5, 6, "met"), (350000000, 352000000, "met")]


def test_a_share_of_the_plan_or_a_gap_is_no_years_level_in_yoy(tmp_path):
    """为预算的86.2% (share_of_target) and 超收1.5亿元 (other_base) keep their measure's key, but neither is the year's
    level: yoy and the baselines read the level alone."""
    wh = _build_one(tmp_path, "青岚市,city,2025,budget_report",
                    "一、2024年预算执行情况\n政府性基金预算收入完成118.5亿元,为预算的86.2%。一般公共预算收入完成预算的101.2%。"
                    "全年超收1.5亿元。\n")
    assert query(wh, "SELECT count(*) FROM facts WHERE list_has_any(flags, ['share_of_target', 'other_base'])") == [(3,)]
    assert query(wh, "SELECT value, unit FROM yoy") == [(Decimal("11850000000"), "元")]


def test_a_gain_and_a_stock_of_one_key_never_stand_for_each_other(tmp_path):
    """新增规上工业企业18家 (a gain) takes last year's 新增16家 as its baseline, not 达到101家 (a stock), whatever the
    order; yoy's previous value of a gain said in other words is last year's gain (measure_senses)."""
    wh = _build_one(tmp_path, "青石镇,township,2025,year_end_summary",
                    "一、2024年工作回顾\n全镇规上工业企业达到101家,新增16家。\n"
                    "二、2025年工作回顾\n全年新增规上工业企业20家。\n"
                    "三、2026年工作打算\n力争新增规上工业企业18家。\n")
    rows = query(wh, "SELECT period_year, target_value, baseline_value FROM plan_vs_actual")
    assert rows == [(2026, 18, 20)]
    assert query(wh, "SELECT sense, count(*) FROM measure_senses JOIN facts USING (fact_id) GROUP BY 1 ORDER BY 1") == [
        ("gain", 3), ("stock", 1)]
    assert query(wh, "SELECT period_year, value, previous_value FROM yoy WHERE period_year = 2025") == [(2025, 20, 16)]


def test_the_years_final_statistics_stand_for_the_year(tmp_path):
    """A bulletin's figure is the year's (int_actuals, yoy), as it answers the year's target first, before the next
    report's rounder one (report_year 2026 against the bulletin's 2025)."""
    wh = _build_docs(tmp_path, ("清澴县,county,2025,statistical_bulletin", "全年城镇新增就业4726人。\n"),
                     ("清澴县,county,2026,government_work_report", "一、2025年工作回顾\n城镇新增就业4730人。\n"),
                     ("清澴县,county,2024,statistical_bulletin", "全年城镇新增就业4500人。\n"))
    assert query(wh, "SELECT indicator, period_year, value, previous_value FROM yoy ORDER BY period_year") == [
        ("urban_new_jobs", 2024, 4500, None), ("urban_new_jobs", 2025, 4726, 4500)]


def test_final_statistics_in_another_unit_of_a_canonical_measure_answer_first(tmp_path):
    """粮食产量稳定在300亿斤以上: the bulletin's 全年粮食总产量1526.1万吨 (grain_output in another unit of its measure)
    answers before the next report's 粮食总产量达到305.2亿斤 (grain_output word for word)."""
    wh = _build_docs(tmp_path, ("山西省,province,2025,government_work_report",
                                "二、2025年主要预期目标\n粮食产量稳定在300亿斤以上。\n"),
                     ("山西省,province,2026,government_work_report", "一、2025年工作回顾\n粮食总产量达到305.2亿斤。\n"),
                     ("山西省,province,2025,statistical_bulletin", "全年粮食总产量1526.1万吨,比上年增长1.3%。\n"))
    assert query(wh, "SELECT actual_value, actual_stated_unit, link_rule FROM plan_vs_actual") == [
        (30522000000, "吨", "canonical_other_unit")]


def test_a_level_target_takes_last_years_level_before_its_gain(tmp_path):
    """柑橘种植面积稳定在2万亩以上 (no verb of a gain: no sense) takes last year's level 达到2.05万亩 (a stock) as its
    baseline, not last year's 新增柑橘种植面积1900亩 stated first."""
    wh = _build_one(tmp_path, "禄峒镇,township,2025,year_end_summary",
                    "一、2025年工作回顾\n新增柑橘种植面积1900亩,全镇柑橘种植面积达到2.05万亩。\n"
                    "二、2026年工作计划\n柑橘种植面积稳定在2万亩以上。\n")
    assert query(wh, "SELECT target_value, baseline_value FROM plan_vs_actual") == [(20000, 20500)]


def test_one_target_stated_by_two_documents_of_the_place_is_one_row(tmp_path):
    """一般公共预算收入增长4% for 2026 in the district's plan report and its budget report: one row of plan_vs_actual,
    the first document's; a different value in another is a row of its own."""
    wh = _build_docs(tmp_path, ("锦阳区,county,2026,plan_report",
                                "二、2026年计划\n一般公共预算收入增长4%,固定资产投资增长6%。\n"),
                     ("锦阳区,county,2026,budget_report",
                      "二、2026年预算草案\n一般公共预算收入增长4%,固定资产投资增长5%。\n"))
    assert query(wh, "SELECT indicator, target_value FROM plan_vs_actual ORDER BY 1, 2") == [
        ("fiscal_revenue_growth", 4), ("fixed_asset_investment_growth", 5), ("fixed_asset_investment_growth", 6)]


def test_a_bulletins_year_end_stock_is_no_year_after_a_gain(tmp_path):
    """年末全市规模以上工业企业1426家 (a stock: 年末) has no previous value from last year's 新增…58家 (a gain); 净增 is a
    gain, 累计建成 a stock (measure_senses; probes v288, v289)."""
    wh = _build_docs(tmp_path, ("澄川市,city,2024,statistical_bulletin", "全年新增规模以上工业企业58家。\n"),
                     ("澄川市,city,2025,statistical_bulletin",
                      "年末全市规模以上工业企业1426家。全年净增国家高新技术企业46家。累计建成5G基站7280个。\n"))
    assert query(wh, "SELECT value, previous_value FROM yoy WHERE period_year = 2025 AND unit = '家' ORDER BY 1") == [
        (46, None), (1426, None)]
    assert query(wh, "SELECT f.value, s.sense FROM facts f JOIN measure_senses s USING (fact_id) ORDER BY 1") == [
        (46, "gain"), (58, "gain"), (1426, "stock"), (7280, "stock")]


def test_the_year_before_said_in_other_words_is_found_as_linking_finds_a_result(tmp_path):
    """油菜种植5.41万亩 (2025) takes last year's 油菜种植面积5.3万亩 as its previous value, and 生猪出栏's 2025 target
    its baseline from 2024's 出栏生猪, keys no rewrite makes one (year_before_links, compared as linking
    compares); a bare measure word stands for nothing (投资增长 is no 技改投资增长)."""
    wh = _build_docs(tmp_path, ("青石镇,township,2024,year_end_summary",
                                "一、2024年工作回顾\n全镇油菜种植面积5.3万亩,出栏生猪5.16万头。技改投资增长10.2%。\n"
                                "二、2025年工作计划\n生猪出栏达到5.5万头。\n"),
                     ("青石镇,township,2025,year_end_summary",
                      "一、2025年工作回顾\n油菜种植5.41万亩。投资增长7%。\n"))
    assert query(wh, "SELECT indicator, value, previous_value FROM yoy WHERE period_year = 2025 ORDER BY 1") == [
        ("投资增长", 7, None), ("油菜种植", 54100, 53000)]
    assert query(wh, "SELECT indicator, target_value, baseline_value FROM plan_vs_actual") == [
        ("生猪出栏", 55000, 51600)]
    assert query(wh, "SELECT count(*) FROM year_before_links") == [(2,)]


def test_a_city_is_one_level_in_all_its_documents(tmp_path):
    """A 市 that places.csv does not list is a county-level city unless its text speaks of its counties: where one of
    its documents does (各县(市、区)), its other documents, which name none, are a city's too (documents.admin_level;
    probes v296, v299); a county-level city's stay county."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "2025年澜江市政府工作报告.txt").write_text(
        "一、2024年工作回顾\n全市地区生产总值增长5.5%。支持各县(市、区)发展特色产业。\n", encoding="utf-8")
    (raw / "2026年澜江市政府工作报告.txt").write_text(
        "一、2025年工作回顾\n全市地区生产总值增长5.8%。\n", encoding="utf-8")
    (raw / "2026年溪源市政府工作报告.txt").write_text(
        "一、2025年工作回顾\n全市地区生产总值增长6.1%。\n", encoding="utf-8")
    build(raw, tmp_path / "wh", progress=False)
    assert query(tmp_path / "wh", "SELECT jurisdiction, report_year, admin_level FROM documents ORDER BY 1, 2") == [
        ("溪源市", 2026, "county"), ("澜江市", 2025, "city"), ("澜江市", 2026, "city")]


def test_the_year_before_in_other_words_is_the_statement_that_was_checked(tmp_path):
    """yoy.previous_value of a measure said in other words is the year before's statement the linking stage checked
    (its size, its sense), not another figure of that statement's key (油菜种植面积达到5.3万亩, not 2.3万亩 of the
    same key, twice off 5.41万亩)."""
    wh = _build_docs(tmp_path, ("青石镇,township,2024,year_end_summary",
                                "一、2024年工作回顾\n全镇油菜种植面积达到5.3万亩。油菜种植面积2.3万亩。\n"),
                     ("青石镇,township,2025,year_end_summary", "一、2025年工作回顾\n油菜种植5.41万亩。\n"))
    assert query(wh, "SELECT indicator, value, previous_value FROM yoy WHERE period_year = 2025") == [
        ("油菜种植", 54100, 53000)]


def test_a_gain_targets_baseline_is_last_years_gain_before_a_figure_of_no_sense(tmp_path):
    """新增规上工业企业6家 (a gain) takes last year's 新增5家 as its baseline before 规上工业企业18家, a figure whose words
    say no sense (the same sense first, then none: int_year_before's order)."""
    wh = _build_one(tmp_path, "青石镇,township,2024,year_end_summary",
                    "一、2024年工作回顾\n全镇规上工业企业18家。全年新增规上工业企业5家。\n"
                    "二、2025年工作计划\n力争新增规上工业企业6家。\n")
    assert query(wh, "SELECT target_value, baseline_value FROM plan_vs_actual") == [(6, 5)]


def test_a_milestone_passed_is_no_years_level_in_yoy(tmp_path):
    """旅游总收入突破300亿元、达到312.6亿元: the milestone (a bound passed, links.yaml never_answer_flags) answers no
    target and stands for no year; yoy and the baselines read 312.6亿元 (probe v310)."""
    wh = _build_one(tmp_path, "岭安市,city,2026,government_work_report",
                    "一、2025年工作回顾\n旅游总收入突破300亿元、达到312.6亿元。\n")
    assert query(wh, "SELECT count(*) FROM facts WHERE list_contains(flags, 'milestone')") == [(1,)]
    assert query(wh, "SELECT value FROM yoy") == [(Decimal("31260000000"),)]


def test_a_target_of_a_change_in_points_takes_the_year_befores_change(tmp_path):
    """常住人口城镇化率提高1个百分点 (a target in points) takes the year before's change in points as its baseline
    (比上年提高1.1个百分点), as such a change answers it; yoy keeps actuals alone (probe v314)."""
    wh = _build_one(tmp_path, "澄溪县,county,2025,government_work_report",
                    "一、2024年工作回顾\n常住人口城镇化率达到52.3%,比上年提高1.1个百分点。\n"
                    "二、2025年主要目标\n常住人口城镇化率提高1个百分点。\n")
    assert query(wh, "SELECT target_value, baseline_value FROM plan_vs_actual") == [(1, Decimal("1.1"))]
    assert query(wh, "SELECT unit FROM yoy") == [("%",)]
