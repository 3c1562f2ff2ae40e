"""The linking stage, pure: indicator keys (tests/cases/keys.yaml) and target/result pairs through
extraction and ``link_facts`` (tests/cases/links.yaml), with no warehouse."""
from __future__ import annotations

import pytest
import yaml
from conftest import load_cases

from extract import extract_facts
from extract.keys import resolve_indicator_key
from pipeline.link import FACT_COLUMNS, compare_keys, link_facts, load_link_lexicon, year_before
from pipeline.process import Q4


@pytest.mark.parametrize("case", load_cases("keys.yaml"))
def test_indicator_key(case):
    key = resolve_indicator_key(case["phrase"], case.get("after", ""), case.get("canonical"), case.get("unit"))
    assert key == case["key"]


def _facts(text: str, doc_id: str, year: int, jurisdiction: str, kind: str, n: int = 1) -> list[dict]:
    """The facts of ``text`` as the linking stage reads them; exactly ``n`` of them, each of ``kind``."""
    rows = []
    for f in extract_facts(text, doc_id, report_year=year, doc_type="government_work_report"):
        row = f.to_dict()
        row.update(doc_id=doc_id, jurisdiction=jurisdiction, report_year=year, value=f.value.quantize(Q4),
                   source_path=f"{doc_id}.txt")
        rows.append({k: row[k] for k in FACT_COLUMNS})
    assert [r["kind"] for r in rows] == [kind] * n, f"{text!r} should give {n} {kind}: {rows}"
    return rows


@pytest.mark.parametrize("case", load_cases("links.yaml"))
def test_link_case(case):
    """One fact each side, or, where a sentence holds several (``target_facts``, ``actual_facts``), the one whose
    surface ``target_surface``/``actual_surface`` names: the links of that target are the case's."""
    targets = _facts(case["target"], "t", 2025, "甲省", "target", case.get("target_facts", 1))
    actuals = _facts(case["actual"], "a", 2026, case.get("actual_jurisdiction", "甲省"), case.get("actual_kind", "actual"),
                     case.get("actual_facts", 1))
    t = next(f for f in targets if f["surface"] == case.get("target_surface", f["surface"]))
    a = next(f for f in actuals if f["surface"] == case.get("actual_surface", f["surface"]))
    links = link_facts(targets + actuals)
    linked = [(x.target_fact_id, x.actual_fact_id) for x in links if x.target_fact_id == t["fact_id"]]
    want = [(t["fact_id"], a["fact_id"])] if case["link"] else []
    assert linked == want, (t["indicator_key"], a["indicator_key"], links)
    for x in links:
        assert 0 < x.link_score <= 1 and x.link_rule


def test_each_actual_answers_one_target_of_a_report_but_canonical_ones_any():
    text = "2025年,新建精品示范村200个。2025年,新建精品示范村200个。"
    targets = _two(text)
    actual = _facts("2025年,新建精品示范村205个。", "a", 2026, "甲省", "actual")
    assert len(link_facts(targets + actual)) == 1
    gdp = _two("2025年,地区生产总值增长5%左右。2025年,地区生产总值增长5%左右。")
    gdp_actual = _facts("2025年,地区生产总值增长5.2%。", "a", 2026, "甲省", "actual")
    assert len(link_facts(gdp + gdp_actual)) == 2


def test_a_tables_repeat_of_a_target_leaves_its_result_to_the_sentence():
    """A table's cell that states a sentence's target again (flagged repeated, so plan_vs_actual keeps the
    sentence's) neither takes the result from that sentence nor counts as another candidate for it, wherever
    the table stands."""
    text = "指标 单位 2024年完成 2025年目标\n生猪出栏 万头 2.3 2.5\n2025年,生猪出栏稳定在2.5万头左右。"
    targets = []
    for f in extract_facts(text, "t", report_year=2025, doc_type="government_work_report"):
        row = f.to_dict()
        row.update(doc_id="t", jurisdiction="甲省", report_year=2025, value=f.value.quantize(Q4), source_path="t.txt")
        targets.append({k: row[k] for k in FACT_COLUMNS})
    [cell] = [t for t in targets if t["kind"] == "target" and "repeated" in t["flags"]]
    [said] = [t for t in targets if t["kind"] == "target" and t["surface"] == "2.5万头左右"]
    actual = _facts("2025年,生猪出栏2.61万头。", "a", 2026, "甲省", "actual")
    [link] = [x for x in link_facts(targets + actual) if x.target_fact_id in (cell["fact_id"], said["fact_id"])]
    assert link.target_fact_id == said["fact_id"] and link.link_rule.endswith("+only_candidate")


def _two(text: str) -> list[dict]:
    rows = _facts(text, "t", 2025, "甲省", "target", n=2)
    assert rows[0]["fact_id"] != rows[1]["fact_id"]
    return rows


def test_a_result_from_an_earlier_report_never_answers():
    target = _facts("2025年,新建精品示范村200个。", "t", 2025, "甲省", "target")
    early = _facts("2025年,新建精品示范村205个。", "a", 2024, "甲省", "target")  # a plan of 2024 for 2025
    assert link_facts(target + early) == []


def test_linking_is_deterministic_and_order_free():
    targets = _facts("2025年,新增精品示范村200个。", "t", 2025, "甲省", "target")
    actuals = _facts("2025年,新建精品示范村205个。", "a", 2026, "甲省", "actual") + \
        _facts("2025年,新建精品示范村206个。", "b", 2026, "甲省", "actual")
    assert link_facts(targets + actuals) == link_facts(list(reversed(actuals)) + targets)


def test_compare_keys_levels_are_named():
    assert compare_keys("科技型中小企业", "科技型中小企业")[1] == "same_key"
    assert compare_keys("高新技术企业", "国家高新技术企业")[1] == "contained_key"
    assert compare_keys("肉牛屠宰量", "肉牛屠宰加工量")[1] == "subsequence_key"
    assert compare_keys("gdp_growth", "地区生产总值增长") is None
    assert compare_keys("工业投资增长", "工业投资") is None


@pytest.mark.parametrize("edit, message", [
    (lambda raw: raw.update(clause_end="x"), r"unknown keys \['clause_end'\]"),
    (lambda raw: raw.pop("threshold"), r"missing keys \['threshold'\]"),
    (lambda raw: raw["levels"].update(exact=1.0), r"levels: missing keys \[\], unknown keys \['exact'\]"),
    (lambda raw: raw.update(canonical_words_not_in_measures=["rates"]), r"'rates' is no measure"),
    (lambda raw: raw.update(zero_answers=["%%"]), r"'%%' is no base unit"),
])
def test_link_lexicon_refuses_unknown_and_missing_keys(tmp_path, edit, message):
    from pipeline.link import LEXICON

    raw = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    edit(raw)
    bad = tmp_path / "links.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_link_lexicon.__wrapped__(bad)


def test_a_report_never_answers_itself():
    facts = _facts("2025年,新建精品示范村200个。", "d", 2025, "甲省", "target") + \
        _facts("一、2025年工作回顾\n2025年,新建精品示范村205个。", "d", 2026, "甲省", "actual")
    assert link_facts(facts) == []


def test_only_candidate_bonus_needs_the_pair_to_be_alone():
    """A shared word alone is not enough where a second target could take the same result."""
    actuals = _facts("2025年,新造优质核桃经济林2300亩。", "a", 2026, "甲省", "actual")
    one = _facts("2025年,新栽植核桃林2000亩。", "t", 2025, "甲省", "target")
    alone = link_facts(one + actuals)
    assert [x.link_rule.endswith("+only_candidate") for x in alone] == [True]
    two = _facts("2025年,新栽植核桃林2000亩,改造低产核桃经济林1800亩。", "t", 2025, "甲省", "target", n=2)
    rules = [x.link_rule for x in link_facts(two + actuals)]
    assert not any("+only_candidate" in r for r in rules), rules


def test_of_two_targets_as_near_the_one_that_does_the_same_thing_is_answered():
    targets = _facts("2025年,新开工亿元以上重点项目500个以上,实施亿元以上技改项目600项以上。", "t", 2025, "甲省",
                     "target", n=2)
    actual = _facts("2025年,实施亿元以上重点技改项目650个。", "a", 2026, "甲省", "actual")
    links = link_facts(targets + actual)
    assert [x.target_fact_id for x in links] == [targets[1]["fact_id"]], links
    assert "+verb_equivalent" in links[0].link_rule


def test_at_one_score_the_result_whose_key_agrees_best_answers():
    """A specific target (精品民宿) and two results as near: the general one (民宿, a contained key with a verb
    bonus) and the specific one (其中精品民宿, the same key but far off its value). The same key answers."""
    target = _facts("2025年,新增精品民宿10家。", "t", 2025, "甲省", "target")
    actuals = _facts("2025年,新增民宿12家,其中精品民宿4家。", "a", 2026, "甲省", "actual", n=2)
    links = link_facts(target + actuals)
    assert [x.actual_fact_id for x in links] == [actuals[1]["fact_id"]], (links, [a["indicator_key"] for a in actuals])


def test_a_repair_said_short_is_answered_by_the_repair_not_by_new_planting():
    """低改 is 低产改造 (blind probe v83): 低改老油茶林 is answered by 老油茶林低产改造, not by 新造油茶林, whose key
    its own contains."""
    target = _facts("2025年,低改老油茶林3000亩。", "t", 2025, "甲镇", "target")
    actuals = _facts("2025年,新造油茶林2350亩,完成老油茶林低产改造3200亩。", "a", 2026, "甲镇", "actual", n=2)
    links = link_facts(target + actuals)
    assert [x.actual_fact_id for x in links] == [actuals[1]["fact_id"]], (links, [a["indicator_key"] for a in actuals])


def test_a_stated_result_answers_before_an_estimate_whatever_their_keys():
    """A stated result whose key only contains the target's answers before an estimate with the very key (a link
    battery: 预计义务教育巩固率 had beaten 九年义务教育巩固率, against the rule relations.md states)."""
    target = _facts("2025年,义务教育巩固率达到97%。", "t", 2025, "甲县", "target")
    stated = _facts("2025年,九年义务教育巩固率达到97.3%。", "a", 2026, "甲县", "actual")
    estimate = _facts("预计2025年义务教育巩固率达到97.5%。", "e", 2026, "甲县", "actual")
    assert "estimated" in estimate[0]["flags"]
    links = link_facts(target + estimate + stated)
    assert [x.actual_fact_id for x in links] == [stated[0]["fact_id"]], links


def test_words_shared_count_over_a_weak_likeness_only_where_words_were_added():
    """Where one key holds nearly all of the other's characters (words added to one thing), the words they share
    outscore the weak likeness of their characters; where a word is replaced (退耕还林, 退耕还草), they do not."""
    from pipeline.link import char_weights, compare_keys, load_link_lexicon

    lx = load_link_lexicon()
    keys = ["县级公立医院综合改革试点", "公立医院改革试点县市", "退耕还林", "退耕还草", "户籍人口城镇化率",
            "常住人口城镇化率", "高标准农田", "农村公路", "规模以上工业企业", "城镇新增就业"]
    weights = char_weights(keys)
    added = compare_keys("县级公立医院综合改革试点", "公立医院改革试点县市", lx, weights, "个")
    assert added is not None and added[1] == "shared_words" and added[0] >= lx.threshold, added
    for t, a in (("退耕还林", "退耕还草"), ("户籍人口城镇化率", "常住人口城镇化率")):
        level = compare_keys(t, a, lx, weights, "亩")
        assert level is None or (not level[1].startswith("shared_words") and level[0] < lx.threshold), (t, a, level)


@pytest.mark.parametrize("t, a, unit", [
    ("地表水优良水体比例", "地表水优良水质断面比例", "%"),    # two official names of one indicator
    ("脱贫劳动力务工规模", "脱贫人口务工就业规模", "人"),
    ("旅游总收入", "旅游总花费", "元"),                       # 云南's name for it
    ("优良天数比率", "空气质量优良率", "%"),
    ("农村卫生厕所改造", "农村户厕改造", "户"),
    ("农村户厕", "农村改厕", "户"),
])
def test_names_of_one_indicator_are_one_key(t, a, unit):
    assert compare_keys(t, a, load_link_lexicon(), unit=unit) == (1.0, "same_key")


def test_at_one_score_a_point_answers_before_a_bound():
    """Two results of one thing for one year, as near: one a bound (a five-year review's 提高到58%以上), one a point
    (the year's own 达到58.6%). The point answers."""
    target = _facts("2025年,草原综合植被盖度稳定在58%以上。", "t", 2025, "甲省", "target")
    actuals = _facts("2025年,草原综合植被盖度提高到58%以上。2025年,草原综合植被盖度达到58.6%。", "a", 2026, "甲省",
                     "actual", n=2)
    links = link_facts(target + actuals)
    assert [x.actual_fact_id for x in links] == [actuals[1]["fact_id"]], links


def test_an_estimated_answer_says_so_in_its_rule():
    """A result the report only estimates (预计全年…) answers a target where no stated one does, and its rule says
    it is an estimate; a stated result is preferred to it and says nothing of the kind."""
    targets = _facts("2025年,单位地区生产总值能耗下降3%。", "t", 2025, "甲省", "target")
    estimate = _facts("预计全年单位地区生产总值能耗下降3.2%。", "a", 2026, "甲省", "actual")
    [link] = link_facts(targets + estimate)
    assert link.link_rule.endswith("+estimated")
    stated = _facts("2025年,单位地区生产总值能耗下降3.4%。", "b", 2026, "甲省", "actual")
    [link] = link_facts(targets + estimate + stated)
    assert link.actual_fact_id == stated[0]["fact_id"] and "+estimated" not in link.link_rule


def test_at_one_score_each_office_answers_its_own_plan():
    """Two offices of one county each plan and report 完成投资 (a blind probe's county departments): at one score,
    the result in the summary of the plan's own issuer (its file's name, years aside) answers it, whichever
    document comes first."""
    housing = _facts("2025年,完成投资12亿元。", "甲县住房和城乡建设局2025年工作计划", 2025, "甲县", "target")
    farming = _facts("2025年,完成投资8亿元。", "甲县农业农村局2025年工作计划", 2025, "甲县", "target")
    farming_done = _facts("2025年,完成投资6.3亿元。", "甲县农业农村局2026年工作报告", 2026, "甲县", "actual")
    housing_done = _facts("2025年,完成投资11.2亿元。", "甲县住房和城乡建设局2026年工作报告", 2026, "甲县", "actual")
    for facts in (housing + farming + farming_done + housing_done, farming_done + housing_done + farming + housing):
        answers = {x.target_fact_id: x.actual_fact_id for x in link_facts(facts)}
        assert answers == {housing[0]["fact_id"]: housing_done[0]["fact_id"],
                           farming[0]["fact_id"]: farming_done[0]["fact_id"]}, answers


def test_a_stated_result_answers_before_an_estimate_whatever_the_files_are_named():
    """A plan in 甲市2025年政府工作报告; the next report (named like it) only estimates, the year's statistical
    bulletin states: the bulletin's figure answers (a blind probe's city had the estimate, by the files' names)."""
    target = _facts("2025年,固定资产投资增长8%左右。", "甲市2025年政府工作报告", 2025, "甲市", "target")
    estimate = _facts("2025年,预计固定资产投资增长6.5%。", "甲市2026年政府工作报告", 2026, "甲市", "actual")
    stated = _facts("2025年,固定资产投资增长6.2%。", "甲市2025年国民经济和社会发展统计公报", 2026, "甲市", "actual")
    [link] = link_facts(target + estimate + stated)
    assert link.actual_fact_id == stated[0]["fact_id"] and not link.link_rule.endswith("+estimated"), link


def test_a_point_answers_before_the_target_said_again_as_a_bound():
    """The next report's review says the plan's ceiling again (城镇登记失业率控制在4%以内, read as a result of the year);
    the bulletin states the point: the bulletin's 2.68% answers, though the report is the plan's own issuer (a blind
    probe's city had 4% met by the repeat)."""
    target = _facts("2025年,城镇登记失业率控制在4%以内。", "乙市2025年政府工作报告", 2025, "乙市", "target")
    bound = _facts("2025年,城镇登记失业率控制在4%以内。", "乙市2026年政府工作报告", 2026, "乙市", "actual")
    point = _facts("2025年,年末城镇登记失业率为2.68%。", "乙市2025年国民经济和社会发展统计公报", 2026, "乙市", "actual")
    [link] = link_facts(target + bound + point)
    assert link.actual_fact_id == point[0]["fact_id"], link


def test_a_links_row_is_declared_once():
    """The linker's Link and the warehouse's links.parquet schema name the same columns in the same order (a field
    the schema lacked would be dropped silently when the rows are written)."""
    import dataclasses

    from pipeline.link import Link, YearBefore
    from pipeline.warehouse import LINK_SCHEMA, YEAR_BEFORE_SCHEMA

    assert [f.name for f in dataclasses.fields(Link)] == LINK_SCHEMA.names
    assert [f.name for f in dataclasses.fields(YearBefore)] == YEAR_BEFORE_SCHEMA.names


@pytest.mark.parametrize("now, n, before, found", [
    ("高速公路通车里程达到9500公里。", 1, "高速公路总里程9000公里。", True),  # (words another year)
    ("新增自治区级绿色工厂54家。", 1, "新增国家级绿色工厂47家。", False),  # (a contrast: another level of the thing)
    ("高标准农田95万亩。", 1, "高标准农田建设46.1万亩。", False),  # (twice the size: no year before of it)
    ("产值350亿元。", 1, "生态渔业产值365亿元。", False),  # (a bare measure word: a part's key holds it too)
    ("旅游收入增长9%,乡村旅游收入增长12%。", 2, "乡村旅游收入增长15%。", False),  # (a key the year states is its own)
    # (...but not a key the year states in another sense: 新增茶园面积, a gain, beside last year's stock 茶园面积)
    ("全乡茶园总面积1.24万亩,新增茶园面积560亩。", 2, "全乡茶园面积达到1.18万亩。", True),
    ("现代服务业增加值增长8.2%。", 1, "服务业增加值增长6.4%。", False),  # (a part: links.yaml qualifiers; probe v306)
])
def test_the_year_before_in_other_words(now, n, before, found):
    """year_before: the year before's statement of a measure said in other words, compared as linking compares, of a
    plausible size, named by more than a bare measure word, of a key the year itself does not state."""
    cur = _facts(now, "丙县2025年政府工作报告", 2025, "丙县", "actual", n)
    prev = _facts(before, "丙县2024年政府工作报告", 2024, "丙县", "actual")
    pairs = year_before(cur, prev)
    assert bool(pairs) == found, pairs
    if found:
        assert [(p.fact_id, p.previous_fact_id) for p in pairs] == [(cur[0]["fact_id"], prev[0]["fact_id"])]


def test_the_year_before_of_a_gain_and_of_a_stock_said_in_other_words():
    """A key of the year before stands for one key of the year in each sense: 新增规模以上企业19家 for the gain
    新增规上工业企业20家, 规模以上企业达到310家 for the stock 规上工业企业达到331家 (probe v306)."""
    cur = _facts("新增规上工业企业20家,规上工业企业达到331家。", "丙县2025年政府工作报告", 2025, "丙县", "actual", 2)
    prev = _facts("新增规模以上企业19家,规模以上企业达到310家。", "丙县2024年政府工作报告", 2024, "丙县", "actual", 2)
    assert sorted((p.fact_id, p.previous_fact_id) for p in year_before(cur, prev)) == sorted(
        [(cur[0]["fact_id"], prev[0]["fact_id"]), (cur[1]["fact_id"], prev[1]["fact_id"])])


def test_a_target_in_last_years_words_leaves_the_year_before_to_be_found():
    """油菜种植5.41万亩 takes 油菜种植面积5.3万亩 as its year before though the year's plan names its target in those words
    (油菜种植面积稳定在5.5万亩): a target is said in the words of the review beside it, and names no other measure; only
    the year's results do (旅游收入增长9% beside 乡村旅游收入增长12%: two measures)."""
    actual = _facts("油菜种植5.41万亩。", "丙县2026年政府工作报告", 2026, "丙县", "actual")
    target = _facts("二、2025年主要目标\n油菜种植面积稳定在5.5万亩。", "丙县2025年政府工作报告", 2025, "丙县", "target")
    prev = _facts("全县油菜种植面积5.3万亩。", "丙县2025年政府工作报告", 2025, "丙县", "actual")
    for f in actual:
        f["period_year"] = 2025
    for f in prev:
        f["period_year"] = 2024
    assert [(p.fact_id, p.previous_fact_id) for p in year_before(actual + target, prev)] == [
        (actual[0]["fact_id"], prev[0]["fact_id"])]


def test_money_spent_on_projects_named_two_ways_is_one_measure():
    """重大项目完成年度投资 and 千项万亿重大项目完成投资: the money spent this year on projects a plan and a review each
    name their own way (grammar money_done_of_things, links.yaml project_heads); a field's (水利完成投资) is not (probe
    v314)."""
    lx = load_link_lexicon()
    level = compare_keys("重大项目完成年度投资", "千项万亿重大项目完成投资", lx, unit="元")
    assert level is not None and level[1] == "project_money"
    assert lx.threshold - lx.only_candidate_bonus <= level[0] < lx.threshold  # (alone in its block only)
    assert compare_keys("水利完成投资", "涉海重点项目完成投资", lx, unit="元") is None
