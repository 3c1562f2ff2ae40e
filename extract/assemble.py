"""Turn quantities into facts: indicator, kind, period, commitment, flags and evidence."""
from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from .keys import (PLACE_SEPARATOR, RATE_END, is_named_place, is_place, leading_place, load_key_lexicon, names_nothing,
                   only_a_gain, only_a_total, resolve_direction, resolve_indicator_key, split_key, split_phrase,
                   total_word, without_gain, without_linking_end)
from .lexicon import DocType, Indicator, doc_type_by_id, indicator_by_id, load_lexicon
from .normalize import is_corrupt
from .numerals import (CHINESE_NUMERAL_CHARS, DIGITS, FINANCIAL_CHARS, NEGATIVE_SIGNS, NUMBER_START, SMALL_UNITS, span_end_of, span_end_year,
                       parse_chinese_int)
from .quantities import (ASIDE_CLOSES, ASIDE_OPENS, TIME_WORDS_END, CLASS_MONEY_NOUNS, CLAUSE_END_AFTER, GROWTH_WORDS, MILESTONE_WORDS, RANGE_WORDS, RATE_OR_CHANGE_UNITS, STRUCTURE_COLONS, STRUCTURE_SHAPE,
                         UNITLESS_UNITS, Quantity, find_candidates, find_quantities, read_unit)
from .segment import SECTION_JOIN, Sentence, SentenceIndex
from .tables import TableCell, find_table_rows, read_table_row

def _source_digest(root: Path | None = None) -> str:
    """Digest of the extractor's code and lexicons: any edit to either re-extracts every document once."""
    root = root or Path(__file__).resolve().parent
    h = hashlib.sha256()
    for f in sorted([*root.glob("*.py"), *root.glob("lexicons/*")]):
        h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:10]


EXTRACTOR_VERSION = f"0.4.0+{_source_digest()}"

_CLAUSE_END = re.compile(load_lexicon().segments["clause_end"])
_PUNCT_STRIP = "、,;:。 \n()“”\"'《》"
_G = load_lexicon().grammar
_CONJ = re.compile(_G["conjunction_only"])
_PART_OF_PREVIOUS = _G["part_of_previous"]
_PER_UNIT_MINIMUM = re.compile(_G["per_unit_minimum_before"])  # 家庭至少1人就业: a standard for each household
_PER_UNIT_MINIMUM_REACH = 8  # characters 每个家庭至少有 takes
_PER_UNIT_MINIMUM_UNITS = frozenset(_G["per_unit_minimum_units"])  # 人: the people each household has at least
_PER_HEAD_ONLY = re.compile(_G["per_head_only"])  # 村均: the average of the total before, per village
_PER_HEAD_START = re.compile(_G["per_head_only"].removesuffix("$"))  # 村均集体经济收入: an average, per village
_ITEM_ENDS = (";",)  # what ends one item of a list for good: the next one inherits no subject across it
_TRAILING_NOTE = re.compile(_G["trailing_note"].replace("{unit}", "(?:" + "|".join(
    map(re.escape, sorted([*load_lexicon().scales, *(u.surface for u in load_lexicon().units)], key=len, reverse=True)))
    + ")+"))
_QUALIFIER_UNITS = frozenset(_G["qualifier_units"])
_QUALIFIED_NOUN = re.compile("[“\"‘]?[\u4e00-\u9fff]")  # the noun a bound qualifies, right after it (in quotes too: 5万元以下的“空壳村”)
_QUALIFIER_NOT_AFTER = re.compile(_G["qualifier_not_after"])
_QUALIFIED_ALONE = tuple(_G["qualified_alone"])
_NUMERAL_WORDS = re.compile("|".join(map(re.escape, _G["numeral_words"])))
_NUMERAL_WORD_REACH = max(map(len, _G["numeral_words"]))
_RANGE_NOT_QUALIFYING = tuple(_G["range_not_qualifying"])
_ABOUT_SHARE = re.compile(_G["about_share"])
_BOUND_SHARE = re.compile(_G["bound_share"])

_MONEY_UNITS = frozenset(load_lexicon().currency_signs.values())  # (元, 美元, 港元…)
# a clause up to a figure that opens on whom something is done to (对年纳税500万元以上…: grammar class_object_before)
_CLASS_OBJECT_CLAUSE = re.compile(f"(?:^|(?<=[,;:。\\n]))\\s*(?:{_G['class_object_lead']})?"
                                  f"(?:{'|'.join(map(re.escape, _G['class_object_before']))})[^,;:。]*$")
_DISTANCE_WORDS, _DISTANCE_UNITS = tuple(_G["distance_words"]), frozenset(_G["distance_units"])
_DISTANCE_NAMES_AFTER = tuple(_G["distance_names_after"])
_LIST_MARKER = re.compile(_G["list_marker"])
_SERIAL_ROW_CELLS = re.compile(_G["serial_row_cells"])
_SERIAL_NUMBER = re.compile(r"^\d{1,3}[ \u3000]+")  # (the serial number alone, of a spaced line of prose)
_YEAR_SPAN, _YEAR_NOT_OWN = re.compile(_G["year_span"]), re.compile(_G["year_not_own_after"])
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")  # a year as a title writes it (2025, 2025年度)
_ELIDED_AFTER = re.compile(_G["elided_subject_after"])
_INSTITUTION_MEASURES = frozenset(_G["institution_measures"])  # 在校学生: of the schools counted before
_INSTITUTION_UNITS = frozenset(_G["institution_units"])  # 所: the counts of institutions whose people those measure
_ITEM_END_CHARS = frozenset(";:。")  # what ends an item of a sentence (…在校学生9.3万人;普通高中43所)
_ONE_CHARACTER_THINGS = frozenset(_G["one_character_things"])  # 牛, 羊: a thing a sibling measure takes (牛出栏)
_COUNTED_NOUN_THEN_LIST = re.compile(_G["counted_noun_then_list"])
_YEAR = re.compile(_G["explicit_year"])
_BASELINE_YEAR = re.compile(_G["baseline_year"])
_RANK_FIELD_BEFORE, _RANK_FIELD_AFTER = re.compile(_G["rank_field_before"]), re.compile(_G["rank_field_after"])
_BASE_VALUE = re.compile(_G["base_value_before"].replace("{year_before_words}", _G["year_before_words"]))  # 比上年的16.5万人次: the base year's result
# against the year before (cues.yaml comparison_cues: 比上年, 同比, 较去年…, and their comparison_period, 同期): a
# level stated with one and a change verb is a change
_YEAR_START = "年初"  # a comparison cue against the year's start (比年初) may be against its plan: cues comparison_not_plan
_BASELINE = ("(?:" + "|".join(re.escape(c) + (f"(?!{load_lexicon().cues['comparison_not_plan']})"
                                                 if c.endswith(_YEAR_START) else "")
                                for c in load_lexicon().cues["comparison_cues"]) + ")(?:"
             + re.escape(load_lexicon().cues["comparison_period"]) + ")?")
_BASELINE_WORDS = re.compile(_BASELINE)
_BASELINE_END = re.compile(_BASELINE + "$")
# a change against the year before that ends a subject (生猪出栏比上年减少): no part of a growth rate said after it
_CHANGE_AGAINST_END = re.compile(_BASELINE + "(?:" + "|".join(load_lexicon().cues["change_verbs"]) + ")$")
CHANGE_UNITS = frozenset(load_lexicon().change_units)  # 百分点
_SUBJECT_SPLIT = re.compile(_G["subject_separators"])
_CHINESE_GATE = re.compile(_G["completed_action"])
_ENUMERATION_UNITS = frozenset(_G["enumeration_units"])
_VILLAGE_SUFFIXES = tuple(_G["village_suffixes"])
_RATE_UNITS = frozenset(load_lexicon().rate_units)
def _spoken_scales() -> str:
    """A count of a scale said aloud with its classifier (两个亿, 两个多亿: units.yaml spoken_scales)."""
    lex = load_lexicon()
    more = re.escape(lex.numerals["lower_bound_markers"])
    return "|".join(f"[一二两三四五六七八九十几]+{re.escape(c)}[{more}]?(?:{'|'.join(map(re.escape, scales))})"
                    for c, scales in lex.spoken_scales.items())


_WRITTEN_OUT = re.compile("|".join(p for p in (_G["written_out_number"], _spoken_scales()) if p))
_ARTICLE = re.compile(_G["article_number"])
_MEASURE_OF_PREVIOUS = frozenset(_G["measure_of_previous"])
_MEASURE_OF_PREVIOUS_VERBS = tuple(_G["measure_of_previous_verbs"])
_YEAR_WORD = re.compile(r"((?:19|20)\d{2})年")  # a year an item of a list names (2023年、2024年…分别)
_YEARS_OPENING = re.compile(r"^\s*(?:((?:(?:19|20)\d{2}年[、和及与])+(?:19|20)\d{2}年)|(?P<span_start>(?:19|20)\d{2})年?(?:至|到|—|-)(?P<span_end>(?:19|20)\d{2})年)[,，]")  # (2022年、2023年、2024年,…分别…)
_YEARS_BEFORE_FENBIE = re.compile(r"((?:(?:19|20)\d{2}年、)+(?:19|20)\d{2}年)[^\d;:。]{0,20}?分别")  # (…增长6%以上,2026年、2027年分别增长6.5%、7%)
_LISTED_YEAR_BEFORE = re.compile(r"(?:19|20)\d{2}年、$")  # the year before this one in a list of years (not 与: 2010年与2005年相比, a base)
_YEARS_LISTED = re.compile(r"(?:(?:19|20)\d{2}年(?:[、和及与]|以及)?)+")
_VAGUE_COUNTERS = frozenset(_G["vague_counters"])  # 一批: a batch, never a count of one
# what closes an item (not 、, which lists), past an aside that names the things counted (创建省级未来乡村一个(白鹭湾村))
_ITEM_CLOSE = re.compile(r"(?:\([^()]{1,24}\))?(?:" + _G["clause_end_after"].replace("、", "") + ")")
# 、 and the next item of a list, up to its own count and counter (…一个、自治区级现代农业产业园五个)
_COUNTERS = "|".join(sorted(map(re.escape, _G["enumeration_units"]), key=len, reverse=True))  # longest first
_COUNT_LISTED_AFTER = re.compile(rf"、[^,;:。!?、]{{1,24}}?{NUMBER_START}+({_COUNTERS})")
# a count and its counter, then the item it counts, right before the 、 an 一个 follows (新建两座垃圾中转站、一座污水处理站)
_COUNT_LISTED_BEFORE = re.compile(rf"{NUMBER_START}+({_COUNTERS})[^,;:。!?、\d]{{1,24}}、\s*$")
_NOT_COMPLETED = re.compile("|".join(map(re.escape, _G["not_completed_action"])))
_ENUMERATION_HEAD = re.compile("|".join(map(re.escape, sorted(_G["enumeration_heads"], key=len, reverse=True))))
_ENUMERATION_HEAD_ANY = tuple(_G["enumeration_heads_any"])
# (after the level that promised them: 10件县级民生实事, 省级民生实事)
_COUNTED_HEAD = re.compile(_G["counted_head_level"] + "(?:" + "|".join(map(re.escape, sorted(_G["counted_heads"], key=len, reverse=True))) + ")")
_FREQUENCY_BEFORE = re.compile(_G["frequency_before"])  # 每季度召开…1次: how often
_FREQUENCY_UNITS = frozenset(_G["frequency_units"])
_FREQUENCY_REACH = 14  # characters before a count of times that its 每… may stand in
_ROUND_MORE = re.compile(f"[{CHINESE_NUMERAL_CHARS}]+[{load_lexicon().numerals['lower_bound_markers']}]")  # 千余, 三十多
_HALF = load_lexicon().numerals["half"]
_IDIOMS = re.compile("|".join(map(re.escape, sorted(_G["idioms"], key=len, reverse=True))))
_IDIOM_REACH = max(map(len, _G["idioms"]))
_CONJ_INSIDE = re.compile("[和及与]")  # things joined in a clause (城镇和农村居民人均可支配收入)
_PROFILE_GOES_ON = ","  # the one clause mark after a figure of the place as it is that the next such figure follows
_IN_STEP_WITH = re.compile(_G["in_step_with"])
_TREND_END = re.compile(_G["trend_end"])
_MULTIPLES = frozenset(_G["multiple_units"])  # 增长一倍: one time, no article
_SPAN_END_REACH = re.compile(_G["span_end_reach"])  # 达到, 提高到, 增至…: the words right before a level reached
_BREAKDOWN_OPENS = re.compile(_G["breakdown_opens"])  # 分市看, 分县区看: a sentence of places' figures of the measure before
_STRUCTURE = _G["structure_ratio"]  # 三次产业结构为15.4:39.4:45.2: its parts, in order, and their measure
_STRUCTURE_TERM_CHARS = "." + STRUCTURE_COLONS
_MULTIPLE_OF_BASE = re.compile(_G["multiple_of_base"].replace("{year_before_words}", _G["year_before_words"]))  # 是上年的, 为“十三五”时期的: the base a multiple is of


def _scope_re(words: list[str]) -> re.Pattern:
    """Words that name another place at the start of a subject, followed by two characters and none of
    ``scope_not_before`` (全国率先实现…, 全市第一: the report's own)."""
    return re.compile("^(?:(?:19|20)\\d{2}年(?:底|末)?[,，]?)?(?P<scope>" + "|".join(map(re.escape, words)) + ")(?!"
                      + "|".join(map(re.escape, _G["scope_not_before"]))
                      + r")(?=(?:(?:19|20)\d{2}年)?[\u4e00-\u9fffA-Za-z]{2})")  # (全市PM2.5平均浓度; 全县2019年实现…, a year
    # on either side of the place)


_NATIONAL = _scope_re(_G["national_scope"])  # the whole country, another place in a local report
_FOREIGN = re.compile("(?:" + "|".join(sorted(map(re.escape, _G["foreign_scope"]), key=len, reverse=True))
                      + ")(?!" + _G["foreign_scope_not_before"] + ")")  # (anchored by match)
_NATIONAL_SETTER = re.compile(_G["national_setter"])  # 国家提出…: the country's figure
_SET_ELSEWHERE = re.compile(_G["set_elsewhere"])  # …确定的全省…: the place above's figure, inside a subject
# a word of the whole jurisdiction inside a subject (…带动全省经济总量; after a setter of the place above, …确定的全市
# 目标全区地区生产总值增长6.5%, …要求我市…: the report's own figure)
_WHOLE_ANYWHERE = re.compile(load_key_lexicon().whole_jurisdiction.pattern.removeprefix("^"))
# a place the report's figure is set against, right before that place's own figure (低于全市5.2%的平均水平), which
# the words after it name as its level
_SET_AGAINST_LEVEL = re.compile(_G["set_against_level"])
_SET_AGAINST = re.compile("(?:" + "|".join(map(re.escape, _G["set_against"])) + ")("
                          + "|".join(map(re.escape, {w for ws in _G["parent_scope"].values() for w in ws}
                                         | set(_G["national_scope"]))) + ")$")
# by the suffix of a report's jurisdiction, what names the place above it (a district's 全市), longest suffix first
_PARENT_SUFFIXES = tuple(sorted(_G["parent_scope"], key=len, reverse=True))


@lru_cache(maxsize=None)
def _parent_scope(suffix: str) -> re.Pattern:
    """The words that name the place above a jurisdiction of ``suffix`` (compiled when a report of one is read)."""
    return _scope_re(_G["parent_scope"][suffix])
_AIM = re.compile("|".join(map(re.escape, _G["aim_words"])))
_HEAD_NOUN_CHARS = 2  # the characters of a measure's head noun (固定资产投资: 投资; 居民消费价格: 价格)
_CELL_GROWTH_REACH = 3  # characters of a cell's growth word before its figure (增长5%)
_LIST_TITLE_END = re.compile(_G["list_title_end"])  # (…十件民生实事项目清单: a list's title, no more)
_SHARE_OF_PLAN = re.compile(_G["share_of_plan_phrase"])  # ,为预算的 right before a rate: the share of the plan reached
_SIDE_FLAGS = frozenset({"other_base", "share_of_target"})  # a figure of a base or a share, no level of the measure
_MEASURE_END = tuple(_G["measure_name_ends"])  # a name that ends on one is a measure already (发电量): no 产量 added
# an aside that opens on a whole place's name, then its figure (…41260元(全县为39860元)): grammar scope_aside
_SCOPE_ASIDE = re.compile(_G["scope_aside"].format(whole=load_key_lexicon().whole_jurisdiction.pattern.removeprefix("^")))
# 增长7%以上、力争达到8%: what stands between a target and a second bound of its measure (grammar stretch_bound_gap)
_STRETCH_GAP = re.compile(_G["stretch_bound_gap"])
_RANK_MOVES, _RANK_PLACES = tuple(_G["rank_moves"]), tuple(_G["rank_places"])
_RANK_UNITS = frozenset(load_lexicon().numerals["rank_units"])  # (前500名, 前三位: the units of a rank)
_NUMERAL_START = re.compile(NUMBER_START)
_MILESTONE_PASSED = tuple(_G["milestone_passed_words"])  # (突破200万人次,达到206.3万人次: a mark passed)
_MILESTONE_AFTER = re.compile("(?:[两二三四五六七八九十\\d]个)?(?:" + "|".join(map(re.escape, MILESTONE_WORDS)) + ")")
_MILESTONE_VERB_END = re.compile("(?:" + "|".join(map(re.escape, _G["milestone_verbs"])) + ")$")
# ...after the next marks of a list (连跨150亿元、190亿元两个台阶: 150亿元 a mark passed too)
_MILESTONE_LIST_AFTER = re.compile(r"(?:\s*[、和及与]\s*[\d.一二两三四五六七八九十百千万亿]+[^\d,;:。、]{0,5}?)+" + _MILESTONE_AFTER.pattern)
_NAMES_A_CLASS_AFTER = re.compile(r"(?:及?以[上下])?的")  # a figure that bounds a class of the noun after it (30万元以上的村)
_MILESTONE_THEN = re.compile(f"(?:{'|'.join(map(re.escape, MILESTONE_WORDS))})?" + _G["milestone_then"])
_BENEFICIARY = frozenset(_G["beneficiary_words"])
_REACH_PHRASE = re.compile(_G["reach_phrase"])
_REACH_NAME = _G["reach_name"]  # what the people or households a thing reaches are keyed by, after the thing
_REACH_UNITS = frozenset(_G["reach_units"])
_REACH_AFTER = re.compile(_G["reach_after"])
_REACH_BEFORE_UNITS = frozenset(_G["reach_before_units"])
_REACH_MONEY_VERBS = tuple(_G["reach_money_verbs"])
_REACH_NOT_AFTER = re.compile(_G["reach_not_after"])
# counts of the people a thing reaches, not of things (人, 人次, 户次), which no length or area measures (培训农民3000人,
# 种植面积…)
_PEOPLE_UNITS = _REACH_UNITS - _REACH_BEFORE_UNITS
_REACH_INVOLVE = _G["reach_involve"]
_REACH_INVOLVE_VERBS = tuple(_G["reach_involve_verbs"])
_REACH_GAP = "、,， "  # what may stand between the figure before and the words of the people it reaches
_REACH_GAP_STOPS = re.compile(r"[\d;:。,]")  # (…but not past another clause or figure)
_VERB_ONLY = re.compile("|".join(sorted(_G["verb_only_words"], key=len, reverse=True)) + r"|\s")  # (patterns: 增加(?!值))
_ATTAINMENT = re.compile("|".join(sorted(map(re.escape, _G["attainment_words"]), key=len, reverse=True)))
_RESPECTIVELY = _G["respectively"]
_LIST_ITEM = re.compile(_G["list_item_separator"])
_CONDITION = re.compile(_G["condition_frame"])
_QUOTED = re.compile(_G["quoted"])
_BASELINE_PHRASE = re.compile(_G["baseline_phrase"])
_MODIFIES_AFTER = re.compile(_G["modifies_after"])
_SHARE_OF_AFTER = re.compile(_G["share_of_after"])
_NOUN_AFTER = re.compile("[\u4e00-\u9fff]{2}")
_THRESHOLD_NOUN = re.compile(_G["threshold_noun"])
_THRESHOLD_NOT = re.compile(_G["threshold_not"])
_THRESHOLD_BEFORE = re.compile(_G["threshold_before"])
_SESSION_BEFORE = re.compile(_G["session_before"])
_SESSION_AFTER = re.compile(_G["session_after"])
_PAIRED_MODIFIERS = tuple(sorted(_G["paired_modifiers"], key=len, reverse=True))
_PARALLEL_MAX = 5  # characters of a 分别 item that may leave out the head the last item names (装备制造业、…增加值)
_ELIDED_MAX = 4  # characters of a subject that may leave out words of the one before it (、产量)
_COUNT_NOUN_ENDS = tuple(_G["count_noun_ends"])  # (参保人数: a count of the stem's, no thing it was done to)
# each measure of a family of them (grammar sibling_measures), with its family's, longest first
_SIBLING_MEASURES = {w: tuple(sorted(family, key=len, reverse=True)) for family in _G["sibling_measures"] for w in family}


_SPAN_YEARS = 5  # the years a plan's span reviews (2021–2025 in a 2026 report): a year before them is no figure's
_FRAMING_CHARS = 60  # how much of a paragraph's opening says what it frames
_INTRODUCES_LIST = re.compile(_G["introduces_list"])
_MARKER_CHARS = 8  # enough of a paragraph's opening for its list marker ((十一), 十二是)
_TOPIC_SENTENCE_MAX = 16  # the longest a paragraph's topic sentence is (城市更新有力有序。)
_SENTENCE_STOP = "。"
# a number that is no year and no span of years (132.6万吨; not 2025年, 透过2025回望, 5年来) nor a list number (1.综合…)
_FIRST_FIGURE = re.compile(r"(?<![\d.])(?!(?:19|20)\d\d(?![\d.]))\d+(?:\.\d+)?(?![\d.]*年)(?![.、)](?!\d))")
_YEAR_OPENING_REACH = 6  # characters a sentence's opening year takes (2025年,)
_NEARBY_SENTENCES = 12  # how many sentences before a figure's tell whether they review or plan


# every flag a fact may carry (docs/relations.md says what each means; tests hold the two and the warehouse to this)
FACT_FLAGS = frozenset({"corrupt_text", "cumulative", "estimated", "five_year_average", "milestone", "multi_year",
                        "negative", "other_base", "partial_year", "repeated", "restated_target", "share_of_target",
                        "starting_value", "stretch_bound"})


@dataclass
class Fact:
    """One quantity stated as a target, an actual result or a change, with its evidence."""
    fact_id: str
    period_year: int | None
    kind: str
    indicator: str
    indicator_text: str
    indicator_key: str | None
    direction: str
    value: Decimal
    value_high: Decimal | None
    unit: str
    unit_text: str
    comparator: str
    commitment: str | None
    surface: str
    span_start: int
    span_end: int
    sentence: str
    section: str
    rule_id: str
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = dict(self.__dict__)  # shallow: values are immutable but for the flags list
        d["flags"] = list(self.flags)
        return d


@dataclass
class DocContext:
    """What a document says of itself: its report year, doc type and the admin level of its jurisdiction."""
    report_year: int | None
    doc_type: str | None
    admin_level: str | None = None
    jurisdiction: str | None = None  # its name (鹤汀镇): a figure it names itself by (鹤汀镇新建茶园) is its own
    title: str | None = None  # its title, where known (a collection's row: its text may not open on it)


@lru_cache(maxsize=1)
def _cue_tables():
    cues = load_lexicon().cues
    comp = lambda pats: re.compile("|".join(f"(?:{p})" for p in pats))  # noqa: E731
    target_pats = [(p, "firm") for p in cues["target"]["firm"]] + \
                  [(p, "stretch") for p in cues["target"]["stretch"]] + \
                  [(p, None) for p in cues["target"]["neutral"]]
    kind_cues = [(re.compile(p), "target", c) for p, c in target_pats] + \
                [(re.compile(p), "actual", None) for p in cues["actual"]]
    rel = sorted(cues["relative_years"].items(), key=lambda kv: len(kv[0]), reverse=True)
    not_after = cues["relative_not_after"]
    # (the word first and the characters it may not follow after it: a scan for literals, fast)
    rel_re = re.compile("|".join(re.escape(k) + (f"(?<![{re.escape(str(not_after[k]))}]{re.escape(k)})"
                                                 if k in not_after else "") for k, _ in rel))
    return {
        "kind_cues": kind_cues,
        "estimated": comp(cues["estimated"]),
        "negative": re.compile("(?:" + "|".join(cues["negative_verbs"]) + r")了?\s*$"),  # 下降了3.2%
        "below_base": re.compile(cues["below_base"]),  # (低于全市平均水平3.1个百分点: a gap below another base)
        "change": comp(cues["change_verbs"]),
        "plan_as_base": re.compile(cues["plan_as_base"]),
        "gap_end": re.compile(cues["gap_end"]),
        "compared_opening": re.compile(cues["compared_opening"]),
        "more_fewer_end": re.compile(cues["more_fewer_end"]),
        "section_actual": comp(cues["section_actual"]),
        "section_target": comp(cues["section_target"]),
        "relative": rel_re,
        "relative_map": dict(rel),
        "five_year_average": comp(cues["five_year_average"]),
        "multi_year": comp(cues["multi_year"]),
        "streak_after": re.compile(cues["streak_after"]),
        "cumulative": comp(cues["cumulative"]),
        "year_total": re.compile(cues["year_total"]),
        "range_named_after": re.compile(cues["range_named_after"]),
        "partial_year": comp(cues["partial_year"]),
        "partial_year_lead_in": re.compile(cues["partial_year_lead_in"]),
        "partial_year_marks": re.compile("|".join(map(re.escape, cues["partial_year_marks"]))),
        "restated": comp(cues["restated"]),
        "all_done_after": re.compile(cues["all_done_after"]),
        "whole_then_part": re.compile(cues["whole_then_part"]),
        "restated_list_opens": re.compile(cues["restated_list_opens"]),
        "restated_list_ends": re.compile(cues["restated_list_ends"]),
        "share_of_target": comp(cues["share_of_target"]),
        "target_after": re.compile(cues["target_after"]),
        "deadline_before": re.compile(cues["deadline_before"]),
        "plan_restated": re.compile(cues["plan_restated"]),
        "plan_label": re.compile(cues["plan_label"]),
        "summary_review": comp(cues["summary_review_actions"]),
        "target_as_base": re.compile(cues["target_as_base"]),
        "target_as_base_end": re.compile(f"(?:{cues['target_as_base']})" + r"\s*$"),
        "target_reached": re.compile(cues["target_reached"]),
        "whole_year": comp(cues["whole_year"]),
        "year_to_date": comp(cues["year_to_date"]),
        "rest_of_year": comp(cues["rest_of_year"]),
        "restated_before": comp(cues["restated_before"]),
        "restated_before_then": re.compile(cues["restated_before_then"]),
        "restated_in_review": re.compile(cues["restated_in_review"]),
        "present_stock": re.compile(cues["present_stock"]),
        "adjusted_to": re.compile(cues["adjusted_to"]),
        "lead_in": re.compile(cues["lead_in"]),
        "deadline_after": re.compile(cues["deadline_after"]),
        "place_profile": re.compile(cues["place_profile"]),
        "population_profile": re.compile(cues["population_profile"]),
        "forecast_before": re.compile(cues["forecast_before"]),
        "multi_year_section": comp(cues["multi_year_section"]),
        "multi_year_sentence": comp(cues["multi_year_sentence"]),
        "single_year_framing": comp(cues["single_year_framing"]),
        "year_in_span": re.compile(cues["year_in_span"]),
        "closing_year": re.compile(cues["closing_year"]),
        "run_of_years": re.compile(cues["run_of_years"]),
        "closing_span": re.compile(cues["closing_span"]),
        "plan_span": re.compile(cues["plan_span"]),
        "other_base": re.compile(cues["other_base"]),
        "other_period_base": re.compile(cues["other_period_base"]),
        "budget_gap_before": re.compile(cues["budget_gap_before"]),
        "current_before": re.compile(cues["current_before"]),
        "current_changed_after": re.compile(cues["current_changed_after"]),
        "growth_words": comp(cues["growth_words"]),
        "growth_end": re.compile("(?:" + "|".join(cues["growth_words"]) + ")+$"),  # (年均增长: a run of them)
        "review_actions": comp(cues["review_actions"]),
        "comparison_cues": comp(cues["comparison_cues"]),
        "whole_span": comp(cues["whole_span_words"]),
        "forward": comp(cues["forward_markers"]),
        "span_opening": re.compile(cues["span_opening"]),
        "base_before": re.compile(cues["comparison_base_before"]),
        "base_after": re.compile(cues["comparison_base_after"]),
        "relative_share_base_after": re.compile(cues["relative_share_base_after"]),
        "qualifying_after": re.compile(cues["qualifying_after"]),
        "gap_before": re.compile(cues["gap_before"]),
        "year_range": re.compile(cues["year_range"]),
        "season_span": re.compile(cues["season_span"]),
        "range_total_after": re.compile(cues["range_total_after"]),
        "year_plan_after": re.compile(cues["year_plan_after"]),
        "estimate_ends": re.compile(cues["estimate_ends"]),
        "from_before": re.compile(cues["from_before"]),
        "to_after": re.compile(cues["to_after"]),
        "to_after_list": re.compile(cues["to_after_list"]),
        "starting_year_before": re.compile(cues["starting_year_before"]),
        "starting_year_after": re.compile(cues["starting_year_after"]),
        # 由2020年的298.5亿元: the year a from–to's starting value is dated by (group 1), right before that value
        "starting_year": re.compile(cues["starting_year_before"].removesuffix("$") + r"((?:19|20)\d{2})\s*年"
                                    + cues["starting_year_after"] + r"\s*$"),
        # 由上年的4.6%, 从去年的60.2%: a from–to's starting value dated by the year before the one reviewed
        "starting_year_relative": re.compile(cues["starting_year_before"].removesuffix("$") + "(?P<word>"
                                             + cues["starting_year_relative"] + ")" + cues["starting_year_after"] + r"\s*$"),
        "since_after": re.compile(cues["since_after"]),
        "since_frame_before": re.compile(cues["since_frame_before"]),
        "since_frame": re.compile(cues["since_frame"]),
        # right before a year: a comparison's base or a policy term's end, one search for both
        "base_or_term_end_before": re.compile(f"(?:{cues['comparison_base_before']})|(?:{cues['term_end_before']})"),
        "span_end": re.compile(cues["span_end"]),
        # 比“十三五”末增加9000亿元: a base at the end of an earlier plan's span (its year: ``span_end_year``)
        "span_end_base": re.compile(r"(?:比|较)\s*" + cues["span_end"]),
    }


def _kind_cues(text: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, kind, commitment) of every kind cue (确保, 预计, 完成了) in ``text``, in order of start."""
    hits = [(m.start(), m.end(), kind, commitment)
            for pat, kind, commitment in _cue_tables()["kind_cues"] for m in pat.finditer(text)]
    hits.sort()
    return hits


def _time_cue(text: str, report_year: int | None, plan_year: int | None = None) -> int | None:
    """The year the last time word in ``text`` that says when points at (2025年, 去年, 明年; not the base of a
    comparison, 比上年增长8%: ``_time_hits``); a relative word wins a tie."""
    hits = _time_hits(text, report_year, plan_year)
    return max(hits, key=lambda h: (h[1], h[2]))[3] if hits else None


def _starting_year(t: dict, text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` dates a from–to's starting value (由2020年的4.34万亿元增加到…)."""
    return (t["starting_year_after"].match(text, end) is not None
            and t["starting_year_before"].search(text, max(0, start - 2), start) is not None)


def _span_cue(t: dict, pattern: re.Pattern, words: str) -> re.Match | None:
    """The first match of ``pattern`` (a span's words) in ``words`` outside a run of years one figure held
    (连续五年稳定在…: the run is that figure's)."""
    runs = [m.span() for m in t["run_of_years"].finditer(words)]
    return next((m for m in pattern.finditer(words) if not any(a <= m.start() < b for a, b in runs)), None)


def _plan_anchor(text: str, title_year: int | None, report_year: int | None = None) -> int | None:
    """The year a plan's 今年 is, where it is its title's year rather than the year the plan is filed as written
    in: a plan that never says 明年 (来年) was written in the year it plans (今年全乡主要目标:…); one that does was
    written the year before, and its 今年 is that year (今年以来,全区新增市场主体2100户。明年,…). Else, where the
    document is signed on a later year than the one it is filed as written in (a year's summary that says no 明年,
    signed 2025年1月10日 on its last line, the only such line), that later year: the year it was written, its 今年."""
    t = _cue_tables()
    if any(t["relative_map"][m.group(0)] > 0 for m in t["relative"].finditer(text)):
        return None  # (明年: written the year before the one it plans)
    if title_year is not None:
        return title_year
    if report_year is not None:
        # (a date line that ends the document, the only one: not a meeting's date heading an annex inside the body)
        tail = text[_start_of_last_lines(text, _SIGNATURE_LINES):]
        signed = {int(m.group(1)[:4]) for m in _SIGNATURE_DATE.finditer(text)}  # (date_line opens on its year)
        if len(signed) == 1 and _SIGNATURE_DATE.search(tail) and (year := signed.pop()) > report_year:
            return year
    return None


_SIGNATURE_LINES = 1  # the last lines of a document, blank ones aside, where its signature's date stands


def _start_of_last_lines(text: str, n: int) -> int:
    """Where the last ``n`` lines that hold anything start in ``text``."""
    end = len(text.rstrip())
    for _ in range(n):
        end = text.rfind("\n", 0, end)
        if end < 0:
            return 0
        while end > 0 and text[end - 1] == "\n":
            end -= 1
    return end


_SIGNATURE_DATE = re.compile(rf"^[ \t\u3000]*({load_lexicon().segments['date_line']})[ \t\u3000]*$", re.M)  # a line of a date alone


def _relative_year(report_year: int, plan_year: int | None, offset: int) -> int:
    """The year a relative word (今年 0, 去年 -1) points at: from the report year; in a plan written in the year
    its title names, after the year it is filed as written in (``_plan_anchor``: it says no 明年), or in one signed
    on a later year than that, from that year."""
    if plan_year is None or plan_year <= report_year:
        return report_year + offset
    return plan_year + offset


def _list_start(text: str, at: int) -> int:
    """Where the list of years the year at ``at`` ends stands (较2023年、2022年: the base word before the first is the
    list's: both years are bases); ``at`` where it is no list's later year."""
    while (m := _LISTED_YEAR_BEFORE.search(text, max(0, at - 6), at)) is not None:
        at = m.start()
    return at


def _time_hits(text: str, report_year: int | None, plan_year: int | None = None) -> list[tuple[int, int, int, int]]:
    """Every time word of ``text`` that says when (not the base of a comparison: 比去年, 2010年不变价; not
    the date of a starting value: 由2020年的5000亿元): (start, end, priority, year); a relative word (去年)
    wins a tie."""
    t = _cue_tables()
    hits = [(m.start(), m.end(), 0, int(m.group(1))) for m in _YEAR.finditer(text)]
    hits += [(m.start(), m.end(), 0, span_end_year(m.group("n")))
             for m in t["span_end"].finditer(text)]  # 到“十四五”末: 2025
    if report_year is not None:
        hits += [(m.start(), m.end(), 1, _relative_year(report_year, plan_year, t["relative_map"][m.group(0)]))
                 for m in t["relative"].finditer(text)
                 if not t["relative_share_base_after"].match(text, m.end())]  # (上年农民人均纯收入的5%: a base)
    hits = [h for h in hits if not t["base_or_term_end_before"].search(text, max(0, (a := _list_start(text, h[0])) - 5), a)
            and not t["base_after"].match(text, h[1]) and not t["qualifying_after"].match(text, h[1])
            and not _starting_year(t, text, h[0], h[1])
            and not (t["since_frame_before"].search(text, max(0, h[0] - 1), h[0])
                     and t["since_frame"].match(text, h[1]))  # (自2019年启动茶园提质改造以来,…,全年采摘…: when a trend began)
            and not _base_of_multiple(text, h[0], h[1])]  # (是去年同期的1.8倍: the base, no date)
    if spans := [m.span() for m in t["year_range"].finditer(text)
                 if int(m.group(2)) > int(m.group(1)) and (report_year is None or int(m.group(2)) > report_year
                                                            or t["range_total_after"].match(text, m.end())
                                                            or t["range_named_after"].match(text, m.end()))]:
        # 三年行动(2024—2026年), 2022年至2024年,全县累计建成…: a span, no year of its own (one that ended that frames no
        # total, 2023—2024年度先进…, still dates by its years; one in a programme's name, 三年行动(2023—2025年), never)
        hits = [h for h in hits if not any(a <= h[0] < b for a, b in spans)]
    if seasons := [m.span() for m in t["season_span"].finditer(text)]:
        # 2024—2025冰雪季: a season across two years dates nothing; a review's is its year's, a plan's its plan's (a
        # 2025 report reviews the 2024—2025 season as 2024's, a 2026 report as 2025's)
        hits = [h for h in hits if not any(a <= h[0] < b for a, b in seasons)]
    hits.sort()
    return hits


def _base_of_multiple(text: str, start: int, end: int) -> bool:
    """Whether the time word ``text[start:end]`` names the base a multiple is of (是去年同期的1.8倍, 为2020年的1.5倍)."""
    lo = max(0, start - _MULTIPLE_VERB_MAX)
    return any(_MULTIPLE_OF_BASE.search(text, lo, e) is not None for e in range(end + 1, min(len(text), end + _BASE_TAIL_MAX) + 1))


_MULTIPLE_VERB_MAX, _BASE_TAIL_MAX = 3, 3  # characters of 相当于 before a base, of 同期的 after it


def _kind_from_period(period: int, ctx: DocContext, dt: DocType | None) -> str | None:
    if ctx.report_year is None:
        return None
    target_offset = dt.target_offset if dt else 0
    return "target" if period >= ctx.report_year + target_offset else "actual"


def _document_kind(hits: list) -> str:
    """The kind most of a document's figures take: target where it mostly plans, by counting its kind cues."""
    n_target = sum(1 for _, _, k, _ in hits if k == "target")
    n_actual = len(hits) - n_target
    return "target" if n_target > n_actual else "actual"


def _heading_kind(section: str, ctx: DocContext | None = None, dt: DocType | None = None) -> str | None:
    """Whether the headings above review the past or plan ahead: by the year of the outermost heading that
    names one, else by the words of the nearest that says."""
    return _heading_kind_cached(section, ctx.report_year if ctx else None, dt)


@lru_cache(maxsize=4096)
def _heading_kind_cached(section: str, report_year: int | None, dt: DocType | None) -> str | None:
    t = _cue_tables()
    ctx = DocContext(report_year, dt.id if dt else None) if report_year is not None else None
    headings = section.split(SECTION_JOIN) if section else []
    # a year, from the part heading down (二、2025年工作安排 > (一)持续巩固2024年发展成果 plans 2025; 一、紧扣年度
    # 目标任务… > (一)2024年工作回顾 reviews 2024)
    for heading in headings if report_year is not None else ():
        years = [int(m.group(1)) for m in _YEAR.finditer(heading)]
        if years and ctx is not None:  # (ctx is there when report_year is: for the type checker)
            k = _kind_from_period(min(years), ctx, dt)
            if k:
                return k
    for heading in reversed(headings):  # else the words, the nearest heading first
        if _SENTENCE_ITEM.search(heading):
            continue  # (3.完成…筛查1.62万人,完成年度目标的108%。: an item of a list that states figures, no heading's words)
        a = [m.end() for m in t["section_actual"].finditer(heading)]
        g = [m.end() for m in t["section_target"].finditer(heading)]
        if a or g:
            return "actual" if (max(a) if a else -1) > (max(g) if g else -1) else "target"
    return None


# a numbered line that is a whole sentence stating a figure (4.改造城镇老旧小区16个,惠及居民2130户。): its words frame no
# section of a plan or a review
_SENTENCE_ITEM = re.compile(r"^\s*(?:" + _G["list_marker"].removeprefix("^") + r")[^。]*?\d+(?:\.\d+)?(?![\d年.])"
                            r"[\u4e00-\u9fff%][^。]*。\s*$")  # (the item's mark: grammar list_marker)


def _relative_start(st: "_DocState", word: str, period: int | None) -> int | None:
    """The year a from–to's start dated by a relative word is: 去年 and 前年 count from the report's year (cues
    relative_years: 由前年的14个 in a report of 2026 is 2024's), 上年 from the year of the figure it changed to (由上年的
    4.6%提高到4.7% in a review of 2025: 2024's)."""
    offset = _RELATIVE_TO_REPORT.get(word)
    if offset is not None:
        return st.ctx.report_year + offset if st.ctx.report_year is not None else None
    return period - 1 if period is not None else None


_RELATIVE_TO_REPORT = {w: load_lexicon().cues["relative_years"][w] for w in load_lexicon().cues["starting_year_report_relative"]}


def _nearby_kind(st: "_DocState", i: int, reviewing: bool = False) -> str | None:
    """The kind most cues take in the sentences just before this one (a review or a plan); counted once per
    sentence, as every figure of it asks the same. ``reviewing`` (a summary with no heading above): 争取/将/年内
    there tell what was done, and count for no plan."""
    if i not in st._nearby:
        first, section = max(0, i - _NEARBY_SENTENCES), st.sentences.section(i)
        while first < i and (above := st.sentences.section(first)) != section and not (above and section.startswith(above)):
            # (not another section's, nor the title's: 五、聚焦基础设施 after 四's 2025年,… plans nothing of 五's own)
            first += 1
        # (nor a sentence before that opens on its own year, 2026年,力争新引进项目30个以上: it speaks for itself, and
        # one plan line among the year's results turns none of them into plans)
        hits = st.cues_in(st.sentences.starts[first], st.sentences.ends[i])
        if hits:
            apart = [(st.sentences.starts[j], st.sentences.ends[j]) for j in range(first, i + 1)
                     if _speaks_for_itself(st, j, j == i)]
            # (nor a clause that opens on its own year, 全年完成固定资产投资3.2亿元,明年力争达到3.6亿元: its cues are its own)
            apart += _clauses_of_their_own_year(st, st.sentences.starts[first], st.sentences.ends[i])
            if apart:
                hits = [h for h in hits if not any(a <= h[0] < b for a, b in apart)]
        if reviewing:
            # (a report of how the year's plan was carried out, 民生实事项目完成情况, plans nothing: its 计划 and 将
            # restate the plan, as a review heading's do; a summary's may plan, 新年度,我镇将新建…)
            review = _cue_tables()["review_actions" if st.dt is not None and st.dt.results_year_in_title
                                   else "summary_review"]
            hits = [h for h in hits if h[2] != "target" or not review.fullmatch(st.masked, h[0], h[1])]
        n_target = sum(1 for _, _, k, _ in hits if k == "target")
        n_actual = len(hits) - n_target
        st._nearby[i] = None if n_target == n_actual else "target" if n_target > n_actual else "actual"
    return st._nearby[i]


_BOUND_RATIO = Decimal(2)  # how far apart two bounds of one target can be (7% and 8%, not 25家 and 260家)


def _near_bound(first: Decimal | None, second: Decimal | None) -> bool:
    """Whether two figures are near enough to be two bounds of one target."""
    if first is None or second is None or first <= 0 or second <= 0:
        return False
    return first / _BOUND_RATIO <= second <= first * _BOUND_RATIO


def _clauses_of_their_own_year(st: "_DocState", start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]`` after its first that open on a time word of their own (…,明年力争…)."""
    out = []
    ends = [m.end() for m in _CLAUSE_END.finditer(st.text, start, end)]
    for a, b in zip(ends, ends[1:] + [end]):
        if b > a and st.time_hit_in(a, min(b, a + _YEAR_OPENING_REACH)) is not None:
            out.append((a, b))
    return out


def _speaks_for_itself(st: "_DocState", j: int, own: bool) -> bool:
    """Whether sentence ``j``'s cues tell no neighbour's kind: a heading (``_is_heading``), or, for a sentence before
    the one asked about (not ``own``), one that opens on its own year (2026年,力争…); found once per sentence."""
    found = st._speaks_for_itself.get(j)
    if found is None:
        found = st._speaks_for_itself[j] = (_is_heading(st, j), st.time_hit_in(
            st.sentences.starts[j], st.sentences.starts[j] + _YEAR_OPENING_REACH) is not None)
    return found[0] or (found[1] and not own)


def _is_heading(st: "_DocState", j: int) -> bool:
    """Whether sentence ``j`` is the heading of its own section (三、聚焦易地搬迁后续扶持,确保稳得住能致富: its 确保 is a
    slogan's, and the heading says its kind through the section, not as a neighbour)."""
    section = st.sentences.section(j)
    return bool(section) and st.text[st.sentences.starts[j]:st.sentences.ends[j]].strip() == section.rpartition(SECTION_JOIN)[2].strip()


@lru_cache(maxsize=1)
def _indicators_by_unit() -> dict[str, tuple[re.Pattern, list[tuple[Indicator, str]]]]:
    """(indicator, synonym) pairs for each unit, with one pattern that finds any of its synonyms: most
    quantities' units have no indicator at all, and most phrases hold no synonym."""
    index: dict[str, list[tuple[Indicator, str]]] = {}
    for ind in load_lexicon().indicators:
        index.setdefault(ind.unit, []).extend((ind, syn) for syn in ind.synonyms)
    return {unit: (re.compile("|".join(re.escape(syn) for _, syn in pairs)), pairs) for unit, pairs in index.items()}


# a change verb that ends a phrase, with no 到/至 after it (缩小, not 缩小到)
_BARE_CHANGE_END = re.compile("(?:" + "|".join(load_lexicon().cues["change_verbs"]) + r")\s*$")


def resolve_indicator(phrase: str, unit: str) -> Indicator | None:
    """The indicator whose longest synonym stands in ``phrase`` with a matching unit (not a measure with no unit
    after a bare change verb: 城乡居民收入比缩小0.05 is its change, and no level)."""
    any_synonym, pairs = _indicators_by_unit().get(unit, (None, ()))
    if any_synonym is None or not any_synonym.search(phrase):
        return None
    if unit in UNITLESS_UNITS and _BARE_CHANGE_END.search(phrase):
        return None
    best: tuple[int, int, Indicator] | None = None
    for ind, syn in pairs:
        pos = phrase.rfind(syn)
        if pos < 0:
            continue
        rest = phrase[pos + len(syn):]
        if ind.verbs and not any(v in rest or v in syn for v in ind.verbs):
            continue
        if any(x in phrase.replace(syn, "\0") for x in ind.excludes) or _overlaps(phrase, pos, syn, ind.excludes):
            continue
        key = (len(syn), pos)
        if best is None or key > best[:2]:
            best = (len(syn), pos, ind)
    return best[2] if best else None


def _overlaps(phrase: str, pos: int, syn: str, excludes: tuple[str, ...]) -> bool:
    """Whether an excluded word stands across the edge of the synonym at ``pos`` (数字经济 in 数字经济总量: the
    digital economy's total, not the economy's)."""
    end = pos + len(syn)
    for x in excludes:
        j = phrase.find(x, max(0, pos - len(x) + 1), end + len(x) - 1)
        while 0 <= j < end:
            if j < pos or j + len(x) > end:
                return True
            j = phrase.find(x, j + 1, end + len(x) - 1)
    return False


def _stripped(words: str) -> str:
    """``words`` without the punctuation around them, but for the mark that closes an aside they open
    (新型农村合作医疗试点县(市、区): the aside closes, as written)."""
    s = words.strip(_PUNCT_STRIP)
    return s + ")" if "(" in s and s.count("(") > s.count(")") and s + ")" in words else s


def _subject(phrase: str) -> str:
    """The indicator phrase: what stands before the number, minus comparator words, the number of a list
    item that opens it ((十一)财政收入完成 is 财政收入完成), a table's unit cell after a row's name (外贸进出口总额
    亿元 1900) and a row's serial number and the cells before the figure's (1 学前教育提质 新建公办幼儿园1所)."""
    s = _TRAILING_NOTE.sub("", _LIST_MARKER.sub("", phrase.strip(_PUNCT_STRIP)).strip(_PUNCT_STRIP)).strip(_PUNCT_STRIP)
    s = _stripped(s + ")") if "(" in s and s + ")" in phrase else s  # (…试点县(市、区)达到…: its aside closes)
    if "|" in s:  # a markdown row's cells: | 粮食产量 | 万吨 |
        s = s.strip(" |\t")
    if (cell := _UNIT_CELL.search(s)) and read_unit(cell.group(1)) is not None:
        s = s[:cell.start()].rstrip(" |\t")
    if s[:1].isdigit() and (row := _SERIAL_ROW_CELLS.match(s)):
        # (but where the last cell names nothing, 1 地区生产总值 增长 6%: a spaced line of prose, its serial only)
        s = s[row.end():] if not names_nothing(s[row.end():]) else _SERIAL_NUMBER.sub("", s, count=1)
    s = _CAUSE_LEAD.sub("", s, count=1)  # (受猪价下行影响同比下降4.4%: why, then the words of the figure)
    return _SAME_PERIOD.sub("", s, count=1)  # (同期全市规上工业增加值增长7.5%: the city's, in the same period)


_CAUSE_LEAD = re.compile(_G["cause_lead"])
_UNIT_CELL = re.compile(r"[ \t|]+([^\s|]{1,6})$")  # the last cell of a row before its figure
_SAME_PERIOD = re.compile(_G["same_period_lead"])


def _counted_one(text: str, q: Quantity, clause_phrase: str) -> bool:
    """一个 that closes its clause after a completed action on the noun it counts (建成帮扶车间一个。, or an item of
    a list of such counts: 新增国家级现代农业产业园一个、自治区级…五个), or a part of what was counted before it
    (其中亿元以上项目一个), or the next item of a list of counts before the things (新建两座垃圾中转站、一座污水处理站):
    a count of one, not an article (not 建成一批, a batch; not 成熟一家、发展一家, a manner of speaking)."""
    return (q.unit not in _VAGUE_COUNTERS
            and (_ITEM_CLOSE.match(text, q.end) is not None
                 or (listed := _COUNT_LISTED_AFTER.match(text, q.end)) is not None and listed.group(1) == q.unit_text
                 or (before := _COUNT_LISTED_BEFORE.search(clause_phrase)) is not None
                 and before.group(1) == q.unit_text)
            and (_CHINESE_GATE.search(_NOT_COMPLETED.sub("", clause_phrase)) is not None
                 or clause_phrase.lstrip().startswith(_PART_OF_PREVIOUS))  # (其中亿元以上项目一个: a part counted)
            and _has_noun(clause_phrase))


def _in_short_quote(text: str, q: Quantity, sent_start: int, sent_end: int) -> bool:
    """Whether the quantity stands inside a short quoted name (“两个100%”, “100%回访”, “百分百满意”工程: grammar
    quoted_name)."""
    reach = _QUOTED_NAME_REACH
    if text.find(_QUOTE_OPENS, max(sent_start, q.start - reach), q.start) < 0:
        return False  # (most quantities: no quote opens before them)
    return any(m.start() < q.start and q.end < m.end()
               for m in _QUOTED_NAME.finditer(text, max(sent_start, q.start - reach), min(sent_end, q.end + reach)))


def _moves_a_rank(text: str, q: Quantity) -> bool:
    """Whether the figure counts the places a ranking moved (grammar rank_moves, rank_places; numerals rank_units):
    较上年前移9位, 排名上升5位, 提升4个位次; not 引进博士3位. A result of that kind is a change, never a level."""
    return (text.startswith(_RANK_PLACES, q.end)
            or q.unit_text in _RANK_UNITS and text.endswith(_RANK_MOVES, 0, q.num_start))


def _defines_a_class(text: str, q: Quantity, sent_start: int) -> bool:
    """Whether a bound right before 的 and a noun names a class of things (grammar class_bound_before and
    class_bound_not_nouns): 10吨以上的货车, 人均年收入低于6000元的农户; not 保持在95%以上的水平, nor 达到…以上的."""
    if q.unit in RATE_OR_CHANGE_UNITS:
        return False  # 九成以上的群众, 95%以上的村: a share of them, a figure
    if (q.comparator == "range" and text.startswith(_OF, q.end) and _QUALIFIED_NOUN.match(text, q.end + len(_OF))
            and _CLASS_OBJECT_CLAUSE.search(text, sent_start, q.start) is not None):
        return True  # 对3000万至5000万元的中小项目给予贴息: which projects, in a clause on whom it is done to
    bound_after = q.comparator_after is not None and q.comparator in ("ge", "gt", "le", "lt")
    bound_before = q.comparator_before in _CLASS_BOUND_BEFORE
    if not (bound_after or bound_before):
        return False
    if (bound_after and text.startswith(")", q.end) and (opened := text.rfind("(", sent_start, q.start)) > sent_start
            and q.start - opened <= _ASIDE_REACH and ")" not in text[opened:q.start]
            and _CLASS_NOUN_BEFORE_ASIDE.search(text, sent_start, opened)  # (not 就业形势(城镇新增就业5200人以上), a result)
            and not _FIGURE_END.search(text, max(sent_start, opened - _FIGURE_END_REACH), opened)):
        # (not an aside after a figure, 完成投资5亿元(超年度计划1亿元以上): of that figure)
        return True  # 新增规上工业企业(年主营业务收入2000万元以上)85家: the bound an aside after a noun gives its class
    if bound_after and text.endswith(_CLASS_POSITION_MEASURES, sent_start, q.start):
        return True  # 海拔2000米以上地区: which areas, by where they lie
    if not text.startswith(_OF, q.end):
        # (without 的 a bound before a noun is as often a count of it: 选派1200名以上科技特派员, 对300公里以上农村公路
        # 进行提质改造; but not an amount of money in a clause that opens on whom it is done to: 对年纳税500万元以上企业
        # 给予奖励, 向50万元以上项目倾斜)
        return bound_after and (
            q.unit in _MONEY_UNITS and _QUALIFIED_NOUN.match(text, q.end) is not None
            and (_CLASS_OBJECT_CLAUSE.search(text, sent_start, q.start) is not None  # (对300公里以上农村公路: a count)
                 or text.startswith(CLASS_MONEY_NOUNS, q.end))  # (但10亿元以上项目未能实现突破)
            # (30户以上自然村, 千头以上规模猪场: places or bodies of a size another unit gives)
            or q.unit in _CLASS_SIZE_UNITS and text.startswith(_CLASS_PLACE_NOUNS, q.end))
    noun_at = q.end + len(_OF)
    if not _QUALIFIED_NOUN.match(text, noun_at) or text.startswith(_CLASS_BOUND_NOT_NOUNS, noun_at):
        return False
    before = text[max(sent_start, q.start - _LINK_REACH):q.start]
    return bound_before or (q.comparator_before is None and not (_LINKED.search(before)
                                                                 and not before.endswith(_LINKED_NOT)))


_FIGURE_END = re.compile(r"[\d%‰][^\d,;:。、()]{0,4}$")  # the end of a figure and its unit, right before
_FIGURE_END_REACH = 6
_CLASS_NOUN_BEFORE_ASIDE = re.compile(_G["class_noun_before_aside"])  # 规上工业企业(年主营业务收入2000万元以上)
_ASIDE_REACH = 16  # characters an aside that defines a class may take before its bound (年主营业务收入2000万元以上)
_TITLE_OPENS, _TITLE_CLOSES = "《", "》"  # the marks of a document's title
# a fall verb that opens the words before a rate, after the words of how (降低一般工商业电价10%, 再降低…)
_FALL_FIRST = re.compile(r"\s*(?:" + load_key_lexicon().lead.pattern + r")*(下降|降低|减少)(?=[\u4e00-\u9fff]{2})")
# a change verb between a bound word and its number (至少降低30%, 最多减少5%: comparators.yaml 至少…)
_CHANGE_INSIDE = re.compile("(?:" + "|".join(load_lexicon().cues["change_verbs"]) + r")\s*")
_GAP_MARK = "…"  # what ends a bound word that a verb may follow (comparators.yaml 至少…)
_DONE_AFTER_COUNT = re.compile(_G["done_after_count"])
_MILESTONE_FIRST = re.compile(_G["milestone_first"])  # 首次突破: a first pass of a round mark
_MILESTONE_FIRST_REACH = 4
_DONE_AFTER_NOT_UNITS = frozenset(_G["done_after_not_units"])
_DONE_AFTER_REACH = 16  # characters a count's noun and the verb of what was done to them may take (…建成投用)
_TWO = 2  # the least single numeral that measures the noun before it (十公里, 两吨; 一 is as often a manner of speaking)
_TEN = 10  # 十: of the multipliers, the one that measures alone (十公里; 百亿元 and 千亩 name classes)
_TENS_SAID_ROUND = 10  # the least of two neighbouring digits that is a count, never a manner of speaking (三四十家)


def _chinese_is_quantity(text: str, q: Quantity, clause_phrase: str) -> bool:
    """A figure in Chinese numerals is a fact after a completed action (创建了三个), when it closes a clause
    after the noun it counts (新开工项目三十个) or when it is a number written out (一千二百万人) of no
    counter word; never inside an idiom (千家万户), as an article (一批, 一个) or an enumeration (五个方面)."""
    if ("“" in (tail := clause_phrase[-6:]) and tail.rfind("“") > tail.rfind("”") or _in_idiom(text, q.num_start)
            or (title := clause_phrase.rfind(_TITLE_OPENS)) >= 0 and _TITLE_CLOSES not in clause_phrase[title:]):
        # 以“三个代表”, 千家万户 (inside a quote still open; not 新培育“四上”企业十二家), 现将《2025年十件民生实事》印发: a
        # document's title
        return False
    if _SESSION_BEFORE.search(clause_phrase) or _SESSION_AFTER.match(text, q.end):
        return False  # 省委十一届六次、七次全会: the number of a session
    if _ROUND_MORE.match(text, q.num_start) or q.surface.endswith(_HALF) or _HALF in q.unit_text:
        # 千余名干部, 十余家企业, 三十多个, 一公里半, 一个半小时: a count said round or a measure, never an enumeration
        return True
    if q.value == 0 and not q.unit_text and CLAUSE_END_AFTER.match(text, q.end) is not None:
        return True  # 死亡人数为零, 婴儿死亡率为零: none, of what the noun before implies
    counter = q.unit in _ENUMERATION_UNITS
    if counter and _COUNTED_HEAD.match(text, q.end) and not _ARTICLE.match(text, q.num_start):
        return True  # 办好十件民生实事: things promised and counted (not 一件实事, an article)
    if counter and ((_ARTICLE.match(text, q.num_start) and not (q.unit in _MULTIPLES or q.comparator_before)
                     and not _counted_one(text, q, clause_phrase))
                    or _ENUMERATION_HEAD.match(text, q.end)):
        return False  # 建成一批, 到了一个关口, 抓好五个方面, 成熟一家 (not 增长一倍, 近一倍: a multiple)
    if _CHINESE_GATE.search(_NOT_COMPLETED.sub("", clause_phrase)):
        return True
    if (counter and q.value >= _TWO and q.unit not in _DONE_AFTER_NOT_UNITS and _counts_noun_after(text, q.end)
            and (end := CLAUSE_END_AFTER.search(text, q.end)) is not None and end.start() - q.end <= _DONE_AFTER_REACH
            and _DONE_AFTER_COUNT.search(text, q.end, end.start())):
        return True  # 两个县域医疗次中心建成投用: a count of things that were done, the verb after them
    if (q.value_high is not None and (any(w in q.surface for w in RANGE_WORDS) or q.value >= _TENS_SAID_ROUND)
            or q.shape == "approximate" or q.comparator_after and (
                counter or text[q.num_start] not in SMALL_UNITS or CLAUSE_END_AFTER.match(text, q.end) is not None)):
        # 十至二十个, 十几万人次, 二十来个, 二十个左右, 五十家以上, 稳定在百万吨以上。: no enumeration has a span or
        # a bound (a round amount and its bound before a noun name a class: 投资额百亿元以上重大项目); two
        # neighbouring digits are as often a manner of speaking (抓住一两个关键环节, 七八个突出问题): the gate decides,
        # but not where they count tens or more (推动三四十家企业, 培训十七八人: a count said round)
        return True
    if q.unit in RATE_OR_CHANGE_UNITS or q.comparator_before and (
            not counter or CLAUSE_END_AFTER.match(text, q.end) is not None
            or (text[q.num_start] in SMALL_UNITS and text[q.num_start + 1:q.num_start + 2] not in CHINESE_NUMERAL_CHARS)):
        # 提高两个百分点, 超过千人, 达到三吨, 增长近两倍, 上百家: a rate, or a comparator word before a measure, a
        # count that closes its clause or a round multiplier (not 突破两个瓶颈, a count of things it names)
        return True
    if counter:
        return CLAUSE_END_AFTER.match(text, q.end) is not None and _has_noun(clause_phrase)
    if (q.value >= _TWO and (text[q.num_start] in DIGITS or SMALL_UNITS.get(text[q.num_start]) == _TEN)
            and CLAUSE_END_AFTER.match(text, q.end) is not None and _has_noun(clause_phrase)):
        # 新改建通村公路十公里: a measure of the noun before it, closing its clause (not 最后一公里, nor a round size
        # that names a class, 12个百亿元、70个30亿元以上项目)
        return True
    return _WRITTEN_OUT.match(text, q.num_start) is not None


def _in_numeral_word(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside an ordinary word that holds a numeral (grammar numeral_words: 一次性)."""
    return any(m.start() <= pos < m.end() for m in _NUMERAL_WORDS.finditer(
        text, max(0, pos - _NUMERAL_WORD_REACH), pos + _NUMERAL_WORD_REACH))


def _in_idiom(text: str, pos: int) -> bool:
    for m in _IDIOMS.finditer(text, max(0, pos - _IDIOM_REACH), pos + _IDIOM_REACH):
        if m.start() <= pos < m.end():
            return True
    return False


def _year_before_named(st: "_DocState", words: str, kind: str = "actual") -> bool:
    """Whether ``words`` compare with the year before the one the document's results (or targets) are of, named by
    its number (较2024年增加200吨 in a summary of 2025; 比2023年执行数增加 in a budget for 2024: 比上年)."""
    year = _default_year(st, kind)
    return year is not None and any(int(m.group(1)) == year - 1 for m in _BASELINE_YEAR.finditer(words))


def _has_noun(phrase: str) -> bool:
    """A phrase that is only a verb (增长, 比上年增长, 同比增长, 提升到2025年的) names no indicator of its own."""
    if len(phrase) < 2:
        return False
    if "年" in phrase:
        phrase = _YEAR.sub("", _BASELINE_YEAR.sub("", phrase))  # (较2024年增加: none)
    rest = _VERB_ONLY.sub("", _PLAN_GAP_ONLY.sub("", phrase))  # (较计划少, 比年初目标多: a gap, no noun)
    return len(rest) >= 2


# a phrase that says only by how much a figure stands off the plan (较计划少7名, 比预算多: cues plan_as_base, gap_end)
_PLAN_GAP_ONLY = re.compile(load_lexicon().cues["plan_gap_only"])


def _ceiling_comparator(fig: _Figure) -> str:
    """The comparator as it speaks of direction: le stated only by a word of nearness (近千户) sets no ceiling."""
    q = fig.q
    if (fig.comparator in ("le", "lt") and not q.comparator_after
            and q.comparator_before in load_lexicon().no_ceiling_before):
        return "eq"
    return fig.comparator


def make_fact_id(doc_id: str, q: Quantity, rule_id: str) -> str:
    h = hashlib.sha256(f"{doc_id}|{q.start}|{q.end}|{rule_id}".encode()).hexdigest()
    return "f" + h[:23]


def mask_quoted(text: str) -> str:
    """Titles and quotations blanked (same length): their words are names, not cues. So is the past a plan
    builds on (在巩固2006年建设成果的基础上): its year is the base, not the figure's."""
    text = _QUOTED.sub(lambda m: m.group(0)[0] + "□" * (len(m.group(0)) - 2) + m.group(0)[-1], text)
    return _BASELINE_PHRASE.sub(lambda m: "□" * len(m.group(0)), text)


def baseline_spans(text: str) -> list[tuple[int, int]]:
    """Where the past a plan builds on is stated (在2024年完成投资500亿元的基础上): its figures are starting
    values, not the plan's."""
    return [m.span() for m in _BASELINE_PHRASE.finditer(text)]


class _DocState:
    def __init__(self, text: str, ctx: DocContext):
        self.text = text
        self.masked = mask_quoted(text)
        self.ctx = ctx
        self.dt = doc_type_by_id(ctx.doc_type)
        self.cues = _kind_cues(self.masked)  # scanned once; spans look them up by position
        self.cue_starts = [h[0] for h in self.cues]
        self.document_kind = (self.dt.figures if self.dt is not None and self.dt.figures
                              else _document_kind(self.cues))
        self.plans = self.dt is not None and self.dt.figures == "target"  # a plan (工作要点): its figures are targets
        self.title_year = _title_plan_year(text, self.dt, ctx.title)
        if self.title_year is not None and ctx.report_year == self.title_year and self.dt.target_offset:
            # a plan given as written in the year its title plans (a collection's year, 2025, beside 2025年度民生实事
            # 项目): read as one filed the year before, as its title alone would have it (2025年 is its targets')
            ctx = self.ctx = replace(ctx, report_year=self.title_year - self.dt.target_offset)
        # a bulletin's or a progress report's year, its title's, whatever year it was written in: the year of its
        # figures that nothing dates (its 去年 and 今年 are still the year written's: 去年新增…, published in January)
        self.named_year = _title_results_year(text, self.dt, ctx.title, ctx.report_year)
        self.plan_anchor = _plan_anchor(self.masked, self.title_year, ctx.report_year)  # the year a 今年 is, if not written
        self.times = _time_hits(self.masked, ctx.report_year, self.plan_anchor)  # (start, end, priority, year)
        self.time_starts = [h[0] for h in self.times]
        self.sentences = SentenceIndex(text)
        self.baselines = baseline_spans(text)
        self.baseline_starts = [a for a, _ in self.baselines]
        self._partials: dict[int, list[tuple[int, int]]] = {}  # by sentence
        self._framing: dict[int, str] = {}
        self._framing_of_paragraph: dict[int, str | None] = {}
        self._year_openings: dict[int, bool] = {}  # by sentence: ``_opens_on_a_year``
        self._span_of_paragraph: dict[int, bool] = {}
        self._year_of_paragraph: dict[int, bool] = {}  # by paragraph: ``year_in_span``
        self._paragraph_time: dict[int, tuple[int | None, str | None]] = {}  # by sentence: its figures share it
        self._nearby: dict[int, str | None] = {}
        self._speaks_for_itself: dict[int, tuple[bool, bool]] = {}  # (nearby) a heading, or a sentence that opens on its year
        self._plans_go_on: dict[str, bool] | None = None  # by section: ``plans_go_on``
        self._clause_topics: dict[int, list] = {}  # by sentence: ``clause_topics``
        self._asides: list[tuple[int, int]] | None = None  # short asides in parentheses (``in_aside``), found once
        self.last_figure: tuple[int, _Previous] | None = None  # the last sentence with figures, and what it left

    def time_in(self, start: int, end: int, outside_asides: bool = False) -> int | None:
        """The year the last time word wholly inside ``text[start:end]`` points at (with ``outside_asides``, not one
        inside an aside that closes before ``end``: 留岚就业率61.2%(2024年为57.8%),城镇调查失业率5.1%: the aside's
        year is its own figure's)."""
        best = self.time_hit_in(start, end, outside_asides)
        return None if best is None else best[3]

    def in_aside(self, pos: int, end: int) -> bool:
        """Whether ``pos`` stands inside a short aside in parentheses that closes before ``end``."""
        if self._asides is None:
            self._asides = [m.span() for m in _YEAR_ASIDE.finditer(self.text)]
        k = bisect.bisect_right(self._asides, (pos, len(self.text))) - 1
        return k >= 0 and self._asides[k][0] <= pos < self._asides[k][1] <= end

    def time_hit_in(self, start: int, end: int, outside_asides: bool = False) -> tuple[int, int, int, int] | None:
        """The last time word wholly inside ``text[start:end]``: (start, end, priority, year) (see ``time_in``)."""
        lo = bisect.bisect_left(self.time_starts, start)
        hi = bisect.bisect_left(self.time_starts, end, lo)
        if lo == hi:  # most spans hold none
            return None
        best = None
        for h in self.times[lo:hi]:
            if h[1] <= end and (best is None or (h[1], h[2]) >= (best[1], best[2])) and not (
                    outside_asides and self.in_aside(h[0], end)):
                best = h
        return best

    def names_two_years(self, start: int, end: int) -> bool:
        """Whether the time words wholly inside ``text[start:end]`` name more than one year."""
        lo = bisect.bisect_left(self.time_starts, start)
        hi = bisect.bisect_left(self.time_starts, end, lo)
        return len({h[3] for h in self.times[lo:hi] if h[1] <= end}) > 1

    def framing(self, i: int) -> str | None:
        """Under a heading that covers one year and several (“十四五”时期和2025年工作回顾): what the nearest
        paragraph opening above sentence ``i`` frames, ``multi_year`` (“十四五”时期是…的五年) or ``year``
        (2025年, 过去一年), within the same top-level section; None where none says."""
        idx = self.sentences
        # a sentence inside its paragraph that opens on one year (…“十四五”时期,全省累计建成….这一年,新建…) frames
        # itself and the paragraph's sentences after it (a span said inside a paragraph, 五年来…, frames only its own)
        j = i
        while j > 0 and idx.paragraphs[j - 1] == idx.paragraphs[i]:
            if self._opens_on_a_year(j):
                return "year"
            j -= 1
        para = idx.paragraphs[i]
        if para not in self._framing_of_paragraph:  # the same for every sentence of a paragraph
            self._framing_of_paragraph[para] = self._find_framing(i)
        return self._framing_of_paragraph[para]

    def _opens_on_a_year(self, j: int) -> bool:
        """Whether sentence ``j`` opens on a single year (这一年, 2025年,…), not a starting value's (由2020年的…);
        read once per sentence (every figure of a paragraph asks of the sentences before it)."""
        found = self._year_openings.get(j)
        if found is None:
            t = _cue_tables()
            opening = self.masked[self.sentences.starts[j]:self.sentences.starts[j] + _FRAMING_CHARS].lstrip()
            m = t["single_year_framing"].match(opening) or _YEAR.match(opening)
            found = self._year_openings[j] = m is not None and not _starting_year(t, opening, m.start(), m.end())
        return found

    def span_framing(self, i: int) -> bool:
        """Under a heading that names no year: whether the nearest paragraph above sentence ``i`` that opens on
        a time frame, within the same section, opens on a span as its subject (“十三五”时期是…的五年, 五年来);
        a paragraph that opens on one year (2020年,…) ends it. Stricter than ``framing``: 实施五年行动计划 in
        an opening frames nothing."""
        t = _cue_tables()

        def opens(j: int) -> bool | None:
            opening = self.text[self.sentences.starts[j]:self.sentences.starts[j] + _FRAMING_CHARS]  # (“十三五”时期)
            if t["span_opening"].match(opening):
                return True
            if t["single_year_framing"].match(opening.lstrip()) or _YEAR.match(opening.lstrip()):
                return False
            return None

        return self._nearest_opening(i, self._span_of_paragraph, opens)

    def year_in_span(self, i: int) -> bool:
        """Under a heading that names only a span (一、过去五年工作回顾): whether the nearest paragraph above sentence
        ``i``, within the section, that opens on a time frame opens on the year just past (过去一年,全年主要目标任务
        超额完成。, and the bullets after it), not on a span (五年来…, 本届政府任期的五年)."""
        idx, t = self.sentences, _cue_tables()

        def opens(j: int) -> bool | None:
            opening = self.text[idx.starts[j]:min(idx.ends[j], idx.starts[j] + _FRAMING_CHARS)]  # (its sentence's)
            if (m := t["year_in_span"].match(opening.lstrip())) is not None:
                # (2021年,面对疫情冲击…: an earlier year of the span frames no year just past)
                named = _YEAR.match(m.group(0))
                return named is None or int(named.group(1)) == _default_year(self, "actual")
            if t["span_opening"].match(opening) or t["closing_span"].search(opening):
                return False
            return None

        return self._nearest_opening(i, self._year_of_paragraph, opens)

    def _nearest_opening(self, i: int, cache: dict[int, bool], opens) -> bool:
        """What ``opens`` says of the nearest paragraph above sentence ``i``, within its section, whose first
        sentence it says anything of (True or False; None: it frames nothing, look further up); False where none
        does. Every paragraph passed on the way up gets the answer in ``cache``, which a later walk stops at."""
        idx = self.sentences
        section = idx.section(i)
        walked = []
        found = False
        j = i
        while j >= 0 and idx.section(j) == section:
            para = idx.paragraphs[j]
            if para in cache:  # an answer found before: the same walk from here up
                found = cache[para]
                break
            walked.append(para)
            j = idx.paragraph_start(j)  # the first sentence of the paragraph
            if (said := opens(j)) is not None:
                found = said
                break
            j -= 1
        for para in walked:
            cache[para] = found
        return found

    def _find_framing(self, i: int) -> str | None:
        idx, t = self.sentences, _cue_tables()
        para = idx.paragraphs[i]
        top = idx.section(i).split(SECTION_JOIN)[0]
        # an item of a list ((一)林业改革取得新突破。完成植树造林1.58万亩。) looks past a paragraph that only sums up
        # a span (“十四五”期间,全县…年均增长5.9%。) to the year's paragraph above it (2025年,全县…), unless that
        # paragraph introduces the list (五年来,主要做了以下工作:) or no year's paragraph stands above
        item = self._opens_item(i)
        passed = None
        j = i
        while j >= 0:
            if idx.paragraphs[j] != para:
                para = idx.paragraphs[j]
            if j == 0 or idx.paragraphs[j - 1] != para:  # the first sentence of its paragraph
                if idx.section(j).split(SECTION_JOIN)[0] != top:
                    return passed
                cached = self._framing.get(j)
                if cached is None:
                    # the paragraph's opening words (各位代表!刚刚过去的2025年…): whichever cue comes first
                    start = idx.starts[j]
                    line_end = self.text.find("\n", start, start + _FRAMING_CHARS)
                    opening = self.masked[start:line_end if line_end >= 0 else start + _FRAMING_CHARS]
                    # (only the words before its first figure frame a paragraph, and a run of years that one
                    # figure held, 粮食总产量达到132.6万吨,连续五年稳定在…, frames none)
                    first = _FIRST_FIGURE.search(opening)
                    opening = opening[:first.start()] if first else opening
                    found = [(m.start(), "multi_year") for p in ("multi_year_section", "multi_year")
                             if (m := _span_cue(t, t[p], opening))]
                    found += [(m.start(), "year") for p in (t["single_year_framing"], _YEAR)
                              for m in [p.search(opening)] if m and not _starting_year(t, opening, m.start(), m.end())]
                    closing = t["closing_year"].search(opening)  # 2025年是“十四五”收官之年。五年来: the span
                    cached = ("multi_year" if closing and t["closing_span"].search(opening, closing.end())
                              else min(found)[1] if found else "")
                    self._framing[j] = cached
                if not item and idx.paragraphs[j] != idx.paragraphs[i] and self._opens_item(j):
                    item = True  # (a paragraph after a list's items, (一)…(五)…, reads as they do: 十二件民生实事全部落实:…)
                if cached == "multi_year" and item and passed is None and idx.paragraphs[j] != idx.paragraphs[i] \
                        and not self._opens_item(j) and not self._introduces_list(j):
                    passed = cached  # (a span summed up between the year's paragraph and its items: looked past)
                elif (cached == "multi_year" and item and idx.paragraphs[j] != idx.paragraphs[i]
                      and self._opens_item(j) and not self._introduces_list(j)):
                    pass  # (城市更新蹄疾步稳。“十四五”期间累计…: an item before it sums up its own span, framing no other)
                elif cached:
                    return cached
            j -= 1
        return passed

    def _opens_item(self, j: int) -> bool:
        """Whether sentence ``j`` stands in an item of a list: under a heading below the top one ((一)林业改革取得
        新突破。) or in a paragraph that opens on a list item's marker ((一), 一是, 1.)."""
        idx = self.sentences
        if SECTION_JOIN in idx.section(j):
            return True
        while j > 0 and idx.paragraphs[j - 1] == idx.paragraphs[j]:
            j -= 1
        if _LIST_MARKER.match(self.text[idx.starts[j]:idx.starts[j] + _MARKER_CHARS]) is not None:  # (^: a slice)
            return True
        # a paragraph that opens on a topic sentence of its own, with no figure and no time (港产城融合发展。城市更新
        # 有力有序。): an item of the review, as a marked one is
        first = self.masked[idx.starts[j]:idx.ends[j]].strip()
        t = _cue_tables()
        return (len(first) <= _TOPIC_SENTENCE_MAX and first.endswith(_SENTENCE_STOP) and not _DIGIT.search(first)
                and not _YEAR.search(first) and not t["multi_year"].search(first)
                and not t["single_year_framing"].search(first) and not t["span_opening"].match(first))

    def _introduces_list(self, j: int) -> bool:
        """Whether the paragraph of sentence ``j`` ends on what introduces a list (主要做了以下工作:), or holds no
        figure at all (五年来,我们牢记嘱托…实现良好开局。: it opens the items after it, which are its span's; one that
        sums the span up in figures, “十四五”时期,全区地区生产总值年均增长5.1%…, is passed over by them)."""
        idx = self.sentences
        k = j
        while k + 1 < len(idx.starts) and idx.paragraphs[k + 1] == idx.paragraphs[j]:
            k += 1
        return (_INTRODUCES_LIST.search(self.text, idx.starts[j], idx.ends[k]) is not None
                or _FIRST_FIGURE.search(self.masked, idx.starts[j], idx.ends[k]) is None)

    def partials(self, i: int) -> list[tuple[int, int]]:
        """The cues of part of a year (前三季度, 1-11月) in sentence ``i``, not the base of a comparison (比一季度),
        as (start, end); read once, and only in a sentence that holds one of their marks (季度, 半年, 月)."""
        hits = self._partials.get(i)
        if hits is None:
            a, b, t = self.sentences.starts[i], self.sentences.ends[i], _cue_tables()
            hits = [] if not t["partial_year_marks"].search(self.masked, a, b) else [
                (m.start(), m.end()) for m in t["partial_year"].finditer(self.masked, a, b)
                if not t["base_before"].search(self.masked, max(0, m.start() - 4), m.start())]
            self._partials[i] = hits
        return hits

    def plans_go_on(self, i: int) -> bool:
        """Whether sentence ``i`` stands in a part (a top-level heading) that says neither year nor kind, after
        a part that plans (一、2023年工作回顾 / 二、2024年重点工作 / 三、全面加强政府自身建设: the third plans too,
        as a report reviews before it plans), under no heading that names a span (（二）“十五”期间…主要情况)."""
        if self._plans_go_on is None:
            t = _cue_tables()
            self._plans_go_on, kinds, planning = {}, {}, False
            for section in dict.fromkeys(self.sentences.sections()):
                headings = section.split(SECTION_JOIN)
                if headings[0] not in kinds:
                    own = kinds[headings[0]] = _heading_kind(headings[0], self.ctx, self.dt)
                    planning = own == "target" or own is None and planning
                self._plans_go_on[section] = (kinds[headings[0]] is None and planning and not any(
                    t["plan_span"].search(h) or t["multi_year"].search(h) for h in headings))
        return self._plans_go_on.get(self.sentences.section(i), False)

    def clause_topics(self, i: int) -> list:
        """Each clause of sentence ``i``: (its start, whether a comma ends it, ``_clause_topic``); none where the
        sentence holds no modal or 支持 a topic needs (most sentences), found once per sentence."""
        found = self._clause_topics.get(i)
        if found is None:
            a, b = self.sentences.starts[i], self.sentences.ends[i]
            found = []
            lx = load_key_lexicon()
            modal = lx.topic_modals.search(self.text, a, b)
            if modal or _SUPPORT_ALONE.search(self.text, a, b):
                ends = [m.end() for m in _CLAUSE_END.finditer(self.text, a, b)]
                found = [(x, self.text[y - 1] == _COMMA, _clause_topic(self.text, x, y - 1))
                         for x, y in zip([a] + ends, ends)] + [((ends or [a])[-1], False, "")]
                if not modal:
                    # 支持大连建设国际航运中心,地区生产总值增长6%以上: with no modal, only 支持 and a city, and only the
                    # clause right after it (支持武汉打造…,加快建设…先行区,地区生产总值增长6%: the province's)
                    found = [(x, comma, t if isinstance(t, _SupportedPlace) and _SUPPORT_ALONE.match(self.text, x)
                              else _TOPIC_ENDS) for x, comma, t in found]
            self._clause_topics[i] = found
        return found

    def heading_kind(self, i: int) -> str | None:
        """``_heading_kind`` of the section sentence ``i`` stands in (cached by section)."""
        return _heading_kind(self.sentences.section(i), self.ctx, self.dt)

    def baseline_at(self, pos: int) -> tuple[int, int] | None:
        """The span of the past a plan builds on (在去年…的基础上) that ``pos`` stands in, if any."""
        if not self.baselines:
            return None
        i = bisect.bisect_right(self.baseline_starts, pos) - 1
        return self.baselines[i] if i >= 0 and pos < self.baselines[i][1] else None

    def cues_in(self, start: int, end: int) -> list:
        """The kind cues that lie wholly inside ``text[start:end]``."""
        lo = bisect.bisect_left(self.cue_starts, start)
        hi = bisect.bisect_left(self.cue_starts, end, lo)
        return [h for h in self.cues[lo:hi] if h[1] <= end] if lo < hi else []


def extract_facts(text: str, doc_id: str, report_year: int | None = None,
                  doc_type: str | None = None, admin_level: str | None = None,
                  jurisdiction: str | None = None, title: str | None = None) -> list[Fact]:
    """All facts in one normalised document ``text``; offsets point into ``text``. ``admin_level`` and
    ``jurisdiction`` are the document's, where known (a province's report speaks of 全国 as another place; a
    town's summary names itself: 鹤汀镇新建茶园500亩 is its own figure, not a place inside it); so is ``title``
    (the year a plan's or a bulletin's title names dates its figures, where the text does not open on it)."""
    return _extract(text, doc_id, report_year, doc_type, admin_level=admin_level, jurisdiction=jurisdiction,
                    title=title)


def _extract(text: str, doc_id: str, report_year: int | None, doc_type: str | None, on_step=None,
             admin_level: str | None = None, jurisdiction: str | None = None,
             title: str | None = None) -> list[Fact]:
    st = _DocState(text, DocContext(report_year, doc_type, admin_level, jurisdiction, title))
    facts: list[Fact] = []
    starts, ends = st.sentences.starts, st.sentences.ends
    by_sentence: dict[int, tuple[list, list, list]] = {}
    for which, matches in enumerate(find_candidates(text)):
        for m in matches:
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and m.end() <= ends[i]:
                by_sentence.setdefault(i, ([], [], []))[which].append(m)
    rows = _table_rows(st)
    cells: list[Fact] = []
    for i in sorted(by_sentence.keys() | rows.keys()):
        sent = st.sentences[i]
        if i in rows:  # a table's row read by its header: each figure under its column
            cells.extend(row := _cell_figures(st, i, sent, rows[i], doc_id, on_step))
            facts.extend(row)
            continue
        quantities = find_quantities(text, sent.start, sent.end, by_sentence[i])
        if quantities:
            facts.extend(_figures(st, i, sent, quantities, doc_id, on_step))
    _flag_repeated_targets(facts, cells)
    return facts


def _table_rows(st: _DocState) -> dict[int, list[TableCell]]:
    """The sentences that are a table's rows its header maps (a line of two figure cells side by side, under a
    header that says which column holds what), with their figures; a row no header fits is read as any other
    sentence (its figures side by side give none)."""
    text, idx = st.text, st.sentences
    rows: dict[int, list[TableCell]] = {}
    headers: dict = {}
    for line_start in find_table_rows(text):
        i = bisect.bisect_left(idx.starts, line_start)
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if i < len(idx.starts) and idx.starts[i] == line_start and idx.ends[i] == line_end:  # the whole line
            cells = read_table_row(text, line_start, line_end, st.ctx.report_year, headers)
            if cells is not None:
                rows[i] = cells
    return rows


def _flag_repeated_targets(facts: list[Fact], cells: Sequence[Fact] = ()) -> None:
    """A target the document states again, the same thing for the same year at the same bound (这里要着重说明,
    提出国内生产总值增长7.5%左右: the target of the 主要预期目标 paragraph), is flagged ``repeated``: one
    target, one row of plan_vs_actual, one link. A table's cell (``cells``) that a sentence of the document
    states too is the repeat, wherever it stands, and a cell that writes no bound (17000 under 2025年目标: eq
    for want of a word) repeats the sentence's target at any bound (农民人均纯收入达到1.7万元以上)."""
    def what(f: Fact) -> tuple:
        return f.indicator_key or f.indicator, f.period_year, f.value, f.value_high, f.unit

    in_cells = {id(f) for f in cells}
    stated = {(what(f), f.comparator) for f in facts if f.kind == "target" and id(f) not in in_cells}
    stated_at_any_bound = {w for w, _ in stated}
    seen: set[tuple] = set()
    for f in facts:
        if f.kind != "target" or not (f.indicator_key or f.indicator):
            continue
        k = (what(f), f.comparator)
        if id(f) in in_cells and (k in stated or f.comparator == "eq" and k[0] in stated_at_any_bound):
            f.flags.append("repeated")
            continue  # (the sentence's own statement is no repeat of it)
        if k in seen:
            f.flags.append("repeated")
        seen.add(k)


def _paragraph_context(st: _DocState, i: int) -> list[tuple[int, int]]:
    """Spans of the earlier sentences of the paragraph (nearest first), then of a lead-in ending with a colon."""
    idx = st.sentences
    para = idx.paragraphs[i]
    out: list[tuple[int, int]] = []
    j = i - 1
    while j >= 0 and idx.paragraphs[j] == para and len(out) < 4:
        out.append((idx.starts[j], idx.ends[j]))
        j -= 1
    if j >= 0 and st.text[idx.starts[j]:idx.ends[j]].rstrip().endswith(":") and para - idx.paragraphs[j] <= 2:
        out.append((idx.starts[j], idx.ends[j]))
    elif j >= 0 and (mark := _ITEM_OPENS.match(st.text, idx.starts[j + 1])):
        # ——创新动能更加强劲。…, the second item of a list under a lead-in (到2030年,…主要目标是:): the lead-in speaks for
        # every item, past the items before (each opening as this one does)
        items = 0
        while j >= 0 and items < _LEAD_IN_ITEMS:
            first = j
            while first > 0 and idx.paragraphs[first - 1] == idx.paragraphs[j]:
                first -= 1
            if not st.text.startswith(mark.group(0), idx.starts[first]):
                break
            items, j = items + 1, first - 1
            if j >= 0 and st.text[idx.starts[j]:idx.ends[j]].rstrip().endswith(":"):
                out.append((idx.starts[j], idx.ends[j]))
                break
    return out


_YEAR_ASIDE = re.compile(r"\([^()\n]{1,30}\)")  # a short aside in parentheses ((2024年为57.8%)): its year is its own
_ITEM_OPENS = re.compile(_G["item_opens"])  # what opens an item of a list of paragraphs (——创新动能更加强劲。)
_LEAD_IN_ITEMS = 12  # items of such a list a lead-in before them may speak for


def _paragraph_plans(st: _DocState, i: int) -> bool:
    """Whether the sentences before sentence ``i`` in its paragraph hold a target cue (将, 计划, 力争)."""
    return any(h[2] == "target" for a, b in _paragraph_context(st, i) for h in st.cues_in(a, b))


def _first_time_cue(st: _DocState, i: int, clause_span: tuple[int, int],
                    prefix_span: tuple[int, int]) -> tuple[int | None, str | None]:
    """The year the nearest time word points at (clause, sentence, then the paragraph), and where it stood."""
    y = st.time_in(*clause_span)
    if y is not None:
        return y, "clause_time"
    a, b = prefix_span
    y = st.time_in(a, b, outside_asides=True)
    if y is not None and (item := st.text.rfind(_ITEM_END, a, b)) >= 0 and st.time_in(item, b) is None and (
            y not in (_default_year(st, "target"), _default_year(st, "actual"))):
        # (…到2027年达到60%;研发经费投入强度不低于3%: a horizon inside an earlier item of a list dates only that
        # item, but one before the sentence's first figure dates them all: …主要目标是:到2020年,…突破360亿元;…15亿元)
        first = _FIRST_FIGURE.search(st.text, a, b)
        y = st.time_in(a, first.start()) if first else None
    if y is not None:
        return y, "sentence_time"
    found = st._paragraph_time.get(i)
    if found is None and _opens_on_part_of_year(st, i):
        found = st._paragraph_time[i] = (None, None)  # (1—6月,全镇…;完成…: its own time, not the year before it)
    if found is None:  # the same for every figure of sentence ``i``: looked up once
        since = _cue_tables()["since_after"]
        year, where = _section_period(st.sentences.section(i), st.ctx.report_year, st.plan_anchor)
        section_year = year if where == "section" else None
        # (a sentence that names two years, 今年完成…8.2万亩,来年力争达到9万亩, dates none after it: it speaks of both)
        found = next(((h[3], "paragraph") for a, b in _paragraph_context(st, i)
                      if (h := st.time_hit_in(a, b, outside_asides=True)) is not None and not _own_horizon(st, h, a, b, section_year)
                      and not _in_explanation(st, a, h[0])  # (…,主要是上年一次性债券转贷支出较多。: why, not when)
                      and not since.match(st.masked, h[1]) and not st.names_two_years(a, b)
                      # (去年同期规上工业增加值增速为7.4%。: last year's base, said in its own sentence, dates no other)
                      and not st.masked.startswith(_SAME_PERIOD_WORD, h[1])), (None, None))
        st._paragraph_time[i] = found
    return found


def _opens_on_part_of_year(st: _DocState, i: int) -> bool:
    """Whether sentence ``i`` opens on a cue of part of a year (1—6月,…; 上半年,…): it says its own time."""
    start = st.sentences.starts[i]
    return any(s < start + _YEAR_OPENING_REACH for s, _ in st.partials(i))


def _in_explanation(st: _DocState, start: int, at: int) -> bool:
    """Whether ``at`` stands in a clause that says why (grammar explanation_opens: 主要是…, 由于…), after ``start``."""
    ends = [m.end() for m in _CLAUSE_END.finditer(st.text, start, at)]
    return _EXPLANATION_OPENS.match(st.text, ends[-1] if ends else start) is not None


_EXPLANATION_OPENS = re.compile(r"\s*(?:" + _G["explanation_opens"] + ")")
_DIGIT = re.compile(r"\d")
_SAME_PERIOD_WORD = load_lexicon().cues["comparison_period"]  # 同期: the same part of another year
_ROUND_CLASS = re.compile(r"[十百千万]{1,2}[\u4e00-\u9fff]{1,2}")  # 千亩, 万头: a round size before a noun
_CJK_AFTER = re.compile(r"[\u4e00-\u9fff]")
_NAME_COUNT_UNITS = frozenset(_G["name_count_units"])  # 两项补贴, 四类人员: kinds counted inside a name
_QUOTED_NAME = re.compile(_G["quoted_name"])
_QUOTE_OPENS = _G["quoted_name"][0]  # the mark that opens a quoted name (“)
_SCHEDULE_UNITS = frozenset(_G["schedule_units"])
_QUOTED_NAME_REACH = 12  # characters either side of a quantity where its quotes may stand
_CLASS_BOUND_BEFORE = frozenset(_G["class_bound_before"])
_CLASS_BOUND_NOT_NOUNS = tuple(_G["class_bound_not_nouns"])
_CLASS_PLACE_NOUNS = tuple(_G["class_place_nouns"])
_UNFINISHED_AFTER = re.compile(_G["unfinished_after"])
_CLASS_SIZE_UNITS = frozenset(_G["class_size_units"])
_LINK_REACH = 4  # characters before a figure where a linking verb makes it the figure (达到, 保持在, 稳定在)
_LINKED = re.compile("(?:" + "|".join(map(re.escape, sorted(_G["class_bound_linked"], key=len, reverse=True))) + ")$")
_LINKED_NOT = tuple(_G["class_bound_linked_not"])
_OF = "的"  # 年初计划的6所: the plan's figure, said again
_EFFORT_AFTER = re.compile(f"{_OF}?(?:" + "|".join(map(re.escape, _G["effort_nouns"])) + ")")  # (百分之百的热情)
# the last characters of the words restated_before and restated_in_review end on (…计划的, …目标, …任务是, 目标涨幅): a
# phrase that ends on none of them is not looked at (most phrases)
_RESTATED_ENDS = frozenset("的标务是为长速幅算数")  # (…为年初预算265亿元, 预算数)
_SINCE_FRAME = re.compile(load_lexicon().cues["since_frame_before"].removesuffix("$") + r"(?:19|20)\d{2}年"
                          + load_lexicon().cues["since_frame"])  # 自2019年启动…以来: the frame of a total since then
_SINCE_YEAR = re.compile(r"(?:((?:19|20)\d{2})年(?:度)?|(?P<relative>" + "|".join(
    w for w, off in load_lexicon().cues["relative_years"].items() if off < 0) + "))"
    + load_lexicon().cues["since_after"])  # 2022年以来, 2021年至今, 前年以来


def _own_horizon(st: _DocState, hit: tuple, start: int, end: int, section_year: int | None = None) -> bool:
    """Whether the time word ``hit`` of the sentence ``text[start:end]`` is a horizon ahead that dates only that
    sentence's own figures (到2027年,葡萄酒综合产值达到1000亿元。; a year after the sentence's first clause, 加快…建设,
    确保2026年底主体工程基本完工), not the sentences after it; a lead-in
    (到2030年,主要目标是:) or a past end (由…增加到2002年的…) dates what follows."""
    ry = st.ctx.report_year
    # (ahead of the year the section reviews too: 剩余34户…将于今年一季度完成 under 2025年工作回顾 of a 2026 report)
    now = section_year if section_year is not None and ry is not None and section_year < ry else ry
    if now is None or hit[3] <= now or st.text[start:end].rstrip().endswith(":"):
        return False
    if (_CLAUSE_END.search(st.text, start, hit[0]) and _cue_tables()["deadline_after"].match(st.text, hit[0], end)
            and not _cue_tables()["lead_in"].search(st.text, start, end)):  # (2027年底前重点完成以下任务。 frames)
        return True  # 加快平陆运河建设,确保2026年底主体工程基本完工: a deadline inside the sentence, no framing
    # (and, under a heading of one year, a horizon past it with no figure, 力争到2027年数字经济核心产业增加值翻一番。: an
    # aside of that sentence; under one of a span, 到2030年,高质量发展明显进位…。主要目标包括:…, it frames)
    return (_cue_tables()["deadline_before"].search(st.text, max(start, hit[0] - 4), hit[0]) is not None
            and (_DIGIT.search(st.text, hit[1], end) is not None
                 or section_year is not None and hit[3] > section_year))


# ---------------------------------------------------------------- deciding a figure, one step at a time
#
# Each quantity of a sentence becomes a fact through these steps, in this order; each decides its own
# fields once, from the sentence, the quantity and what the earlier steps decided, and no later step
# revises them. ``trace`` shows every step's decision for a text (the tests read it step by step).
#
#   subject     what the figure is about: the words before it, or the previous figure's subject it is
#               joined to (增长5%和3%), whose 、-list it continues (达到5.53万亿元、增长4.8%) or whose
#               from–to it ends (从7.4万亿元增加到10.2万亿元)
#   unit        the quantity's unit as read (a written rate included: 860元/月), or a rate of it that a prefix
#               makes (日处理5000吨 → 吨/日)
#   indicator   the canonical indicator the subject names, if the lexicon knows it
#   text        whether the clause holds corrupt text (flag corrupt_text)
#   kind        target, actual or change, with the cue that said so and its commitment word
#   sign        whether a rate or a change fell (下降0.7% → -0.7, 较上年减少2件 → -2, flag negative); a planned
#               cut of a level is its size (电价较上年下降3分/千瓦时以上: 3)
#   period      the year the figure is about, or none, with the flags that say why (five_year_average,
#               multi_year, starting_value, cumulative) and restated_target
#   estimate    whether a result is only estimated (flag estimated)
#   commitment  firm or stretch, for a target only
#   comparator  the comparator as stated, or eq for a result stated with a word that states a result's value
#               (comparators.yaml result_value_before: 控制在3.3% reviewed; 近10公里 stays le)
# Then the fact is written with its evidence (span, sentence, rule), its indicator_key and direction.
# One word names the kind of a figure throughout: kind (target, actual, change).
# A figure of a table's row that the header above maps (extract/tables.py: 指标 单位 2024年完成 2025年目标) goes
# through the same steps with its cell: the row's name is its subject (with 增长 under a growth column), its
# column's words and year are the cue of its kind and period (rule_id …/table_column), its header and name say
# what else they say (预计: estimated; 年均, 累计, 1-11月).


@dataclass(slots=True)
class _Figure:
    """One quantity being decided; the fields after the first block are each set by one step."""
    q: Quantity
    clause_start: int
    phrase: str            # the words between the previous figure (or the clause start) and this one
    clause_phrase: str     # the clause up to this figure, quotations masked
    sentence_prefix: str   # the sentence before this clause, masked
    cell: TableCell | None = None  # a table's cell: its column says its year and kind, its row's name its subject
    target_named: re.Match | None = None  # the target the words right after it name (5.5%左右的增长目标: 的增长目标)
    next_q: Quantity | None = None  # the sentence's next quantity (突破200万人次,达到206.3万人次: the figure past the mark)
    # subject
    subject: str = ""
    joined: bool = False        # joined to the previous figure by 和/及 (its subject is the previous one's)
    inherited: bool = False     # the subject came from the previous figure
    from_start: int | None = None  # where the 从 stands of the from–to this figure ends (从7.4万亿元增加到…)
    second_bound: bool = False  # a second bound of the target before, its measure's aim (增长7%以上、力争达到8%)
    of_base: bool = False       # a multiple of a base it names (是上年的2.1倍): the measure's growth against it
    # unit, indicator
    unit: str = ""
    indicator: Indicator | None = None
    # sign
    value: Decimal | None = None
    value_high: Decimal | None = None
    # kind
    kind: str = ""
    kind_source: str = ""
    cue_commitment: str | None = None
    restates: bool = False  # (text) a milestone passed by the figure before: 20080元,首次突破2万元大关
    time_cue: tuple = (None, None)
    # period
    period: int | None = None
    period_source: str = ""
    # commitment, comparator
    commitment: str | None = None
    comparator: str = ""
    flags: list = field(default_factory=list)  # each step adds its own


def _thing_done(key: str, subject: str) -> str:
    """The words of the thing the key ``key`` counts, without the verb done to it (保障性租赁住房开工, 签约项目: 保障性
    租赁住房, 项目), for the next item said with another verb; its ``subject``'s words where they quote a name (实施
    “千村引领、万村提升”工程项目: the marks keep its 村 from naming a village)."""
    if _QUOTE_OPENS in subject:
        words = _NEXT_CLAUSE_VERB_END.sub("", subject)
        verb = load_key_lexicon().verbs.match(words)
        return words[verb.end():] if verb is not None else words
    words = _NEXT_CLAUSE_VERB_END.sub("", _words_of_key(key))
    parts = split_phrase(words)
    return parts.key if parts.verb and parts.key else words


def _part_verbs_alone(words: str) -> str:
    """The verb a part after 其中 is said with alone (新开工, 当年新认定: 新认定), a time word before it dropped; else ""."""
    words = _after_lead(words.strip())  # (其中当年新认定132家: the time said before the verb, a scope word)
    return words if words and load_key_lexicon().verbs.fullmatch(words) else ""


def _reaches(prev: "_Previous") -> bool:
    """Whether the figure before names a thing people are reached by: a count of things, a length or an area of works,
    or money given out (发放…资金), never a stock the place has, a coverage, a rate nor a figure of people reached."""
    unit, words = prev.q.unit, prev.subject
    if _REACH_NOT_AFTER.search(words) or prev.fact.indicator_key.endswith(_REACH_NAME):
        return False
    return (unit in _ENUMERATION_UNITS or unit in _REACH_BEFORE_UNITS
            or unit in _MONEY_UNITS and _after_lead(words, every=True).startswith(_REACH_MONEY_VERBS))


def _built_or_repaired(words: str) -> bool:
    """Whether ``words`` (a hedge or scope before them dropped) open on a verb of works that build or repair things
    (grammar reach_involve_verbs): what 涉及 after their figure says the households of."""
    return _after_lead(words).startswith(_REACH_INVOLVE_VERBS)


def _after_lead(words: str, every: bool = False) -> str:
    """``words`` without the scope, agent or hedge word that leads them (keys.yaml lead: 累计发放…, 基本建成); with
    ``every``, without each of a run of them (全年累计发放…)."""
    while (lead := load_key_lexicon().lead.match(words)) is not None and lead.end():
        words = words[lead.end():]
        if not every:
            break
    return words


def _reach_gap(gap: str) -> bool:
    """Whether ``gap``, between a figure and the words of the people a thing reaches, leaves them that figure's: only
    separators (改造城镇老旧小区18个、涉及1460户), or the rest of its clause (46个老旧小区改造全面完工,受益居民6520户)."""
    return not gap.strip(_REACH_GAP) or (gap.endswith(_CLAUSE_JOIN) and not _REACH_GAP_STOPS.search(gap, 0, len(gap) - 1))


def _next_item_verbs(gap: str, phrase: str, prev_has_verb: bool) -> str:
    """The words of a figure said with a verb alone right after the figure before: the next item of its list, where the
    figure before led with a verb (新建高标准农田150万亩、改造提升50万亩) or the item's is one of the things' progress
    (老旧小区改造开工742个、完工548个), or the next clause, in a verb of the things'
    progress (grammar next_clause_verbs; a hedge may lead it) where ``gap`` (what stands between that figure and the
    figure's ``phrase``) is that comma (保障性安居工程开工27.6万套,基本建成18.2万套); else ""."""
    keys = load_key_lexicon()
    if phrase.startswith(_LIST_JOIN):
        words = phrase[len(_LIST_JOIN):].strip()
        return words if (prev_has_verb and keys.verbs.fullmatch(words) or _NEXT_CLAUSE_VERB_RUN.fullmatch(words)) else ""
    if gap != _CLAUSE_JOIN:
        return ""
    words = phrase.strip()
    for lead_word in _NEXT_CLAUSE_LEADS:  # (年初计划新开发脐橙果园1000亩,实际新开发1080亩: what was done of the plan
        if words.startswith(lead_word) and keys.verbs.fullmatch(words[len(lead_word):]):  # before, or planned of it)
            return words[len(lead_word):]
    return words if _NEXT_CLAUSE_VERB_RUN.fullmatch(_after_lead(words)) else ""


_MONEY_OF_THINGS = _G["money_of_things"]
_MONEY_DONE = re.compile("|".join(map(re.escape, sorted(_G["money_done_of_things"], key=len, reverse=True))))


def _measured_subject(prev: "_Previous", unit: str) -> str | None:
    """The words of what the figure before measures, in ``unit``: the figure right before's, else those of the last
    level in that unit (no share of a plan, no gap: ``_SIDE_FLAGS``) before it; None where none is."""
    if prev.fact is not None and prev.q is not None and prev.q.unit == unit:
        return prev.subject
    return next((f.indicator_text for f in reversed(prev.facts)
                 if f.unit == unit and not _SIDE_FLAGS.intersection(f.flags)), None)


def _measure_of_previous(words: str) -> bool:
    """Whether ``words`` (verb-only words removed) alone measure the things the figure before counts: 总长, 里程, with a
    verb of making them or none (建成3条通组硬化路,总长5.4公里; 完成屯级道路硬化项目45个,建成里程71.3公里), not a gain."""
    if words in _MEASURE_OF_PREVIOUS:
        return True
    return any(words.startswith(v) and words[len(v):] in _MEASURE_OF_PREVIOUS for v in _MEASURE_OF_PREVIOUS_VERBS)


def _decide_subject(st: _DocState, fig: _Figure, prev: "_Previous") -> None:
    if fig.cell is not None:  # a table's cell: its row's name, and the growth its column holds
        subject = _subject(fig.cell.name)
        measure = fig.cell.column.measure
        if (measure and fig.cell.column.of_parts and not (measure in subject or subject in measure)
                and not subject.endswith(measure[-_HEAD_NOUN_CHARS:])):  # (民间投资: a part named with its head noun)
            # a part a caption's measure is of, 第一产业 under 表3 …固定资产投资增长速度: 第一产业固定资产投资, or where that
            # would name the whole's canonical indicator (a part is no fixed-asset investment growth, 食品烟酒 under
            # 居民消费价格涨跌幅度 no CPI) the measure's head noun, its last characters: 第一产业投资, 食品烟酒价格 (the row of
            # the whole, 居民消费价格, is itself)
            if resolve_indicator(subject + measure + _GROWTH_WORD, fig.q.unit) is not None:
                measure = measure[-_HEAD_NOUN_CHARS:]
            subject += measure
        elif measure and not subject.endswith(measure) and not subject.endswith(_MEASURE_END) and not fig.cell.column.of_parts:
            subject += measure  # (产品名称 单位 产量: 粮食 → 粮食产量; not 发电量, a measure already)
        t = _cue_tables()
        # (and the growth a cell says it holds: 外贸进出口总额 亿元 612.4 增长5%, a target in % of the level's row)
        grows = fig.cell.column.growth or t["growth_end"].search(st.text, max(0, fig.q.start - _CELL_GROWTH_REACH),
                                                                  fig.q.start) is not None
        if grows and not t["growth_end"].search(subject):
            subject += _GROWTH_WORD
        fig.subject = subject
        return
    text, q = st.text, fig.q
    if q.shape == STRUCTURE_SHAPE:  # 三次产业结构为15.4:39.4:45.2: the share of the term's part (第二产业增加值比重)
        at = q.start
        while at > 0 and (text[at - 1].isdigit() or text[at - 1] in _STRUCTURE_TERM_CHARS):
            at -= 1
        part = sum(text[at:q.start].count(c) for c in STRUCTURE_COLONS)
        fig.subject = _STRUCTURE["parts"][part] + _STRUCTURE["measure"]
        return
    # 60%的城市污水处理厂: the number modifies the noun after it, which is its own subject
    modifies_after = _MODIFIES_AFTER.match(text, q.end) is not None or (
        q.unit in _RATE_UNITS and _SHARE_OF_AFTER.match(text, q.end) is not None)  # (九成以上行政村实现…)
    # (…每人每月860元、每人每年8200元, …720元和每人每年5500元: the rate's words are its unit's, and the list goes on)
    joiner = TIME_WORDS_END.sub("", fig.phrase)
    if not joiner and fig.phrase:
        joiner = (text[prev.q.end:q.start - len(fig.phrase)] if prev.q is not None else "") or fig.phrase
    fig.joined = (prev.fact is not None and _CONJ.match(joiner) is not None and fig.phrase != ""
                  and not modifies_after)
    subject = _subject(fig.phrase)
    if (prev.fact is not None and prev.q is not None and prev.q.end == q.start - len(fig.phrase)
            and prev.fact.indicator_key and not prev.fact.indicator_key.isascii()
            and _words_of_key(prev.fact.indicator_key) in fig.phrase and fig.phrase.rstrip().endswith(_LIST_JOIN)
            and _opens_on_its_noun(text, q.end)):
        # 确保剩余3.2万建档立卡贫困人口全部脱贫、5个贫困县全部摘帽: the words between are the figure before's (the people
        # it counts, named after it); 5个 counts the noun after it
        subject = ""
    if prev.fact is not None and "milestone" in prev.fact.flags and (mw := _MILESTONE_AFTER.match(subject)):
        subject = subject[mw.end():].lstrip("、,， ")  # 迈上2500亿元台阶、达到2516.3亿元: the mark's word names nothing
    phrase_start = q.start - len(fig.phrase)
    frame = _CONDITION.search(text, fig.clause_start, prev.sentence.end)  # 在…的情况下, inside the clause
    if frame and frame.start(1) <= q.start < frame.end(1):  # 在对美贸易下降超3成的情况下: what the condition names
        subject = _subject(text[max(frame.start(1), phrase_start):q.start])
    elif frame and frame.end() <= q.start and phrase_start <= frame.end():  # …的情况下增长12%: the clause's subject
        subject = _subject(text[fig.clause_start:frame.start()] + text[frame.end():q.start])
    t = _cue_tables()
    # 国内生产总值从7.4万亿元增加到10.2万亿元: where it ended is a figure of what it started from
    # (and of a list of them, 从645元/月、4318元/年提高到801元/月: the list's subject holds the 从)
    ends_from_to = (prev.fact is not None and "starting_value" in prev.fact.flags and prev.q is not None
                    and not t["current_before"].search(prev.subject)  # (现行10%的税率降至9%: the thing between)
                    and not text[prev.q.end:phrase_start].strip(", ") and t["to_after"].match(fig.phrase))
    from_word = from_in_subject = None
    from_start = -1
    if ends_from_to and prev.q is not None:
        from_word = t["from_before"].search(text, fig.clause_start, prev.q.start)
        from_in_subject = t["from_before"].search(prev.subject)
        from_start = (from_word.start() if from_word else  # (in the clause before: 由上年增长5.6%,减为增长1.2%)
                      text.rfind(from_in_subject.group(0)[0], min(fig.clause_start, prev.sentence.start), prev.q.start)
                      if from_in_subject else -1)
    if fig.joined:
        subject, fig.inherited = _inherited_subject(prev.subject, q.unit, prev.q.unit if prev.q else None), True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit and prev.fact.indicator_key
          and prev.q.end <= phrase_start and (part := t["whole_then_part"].match(text, prev.q.end)) and part.end() == q.start):
        # 15件民生实事中14件全面完成, 年初确定的20项民生实事中,有18项…: a part of the things the figure before counts
        subject, fig.inherited = _words_of_key(prev.fact.indicator_key), True
    elif (prev.fact is not None and prev.q is not None and prev.fact.indicator_key and q.unit in _REACH_UNITS
          and prev.q.unit != q.unit and prev.q.end <= phrase_start and _reach_gap(text[prev.q.end:phrase_start])
          and _reaches(prev) and (_REACH_INVOLVE not in fig.phrase or _built_or_repaired(prev.subject)
                                  or prev.q.unit in _MONEY_UNITS)  # (发放…补贴资金3.2亿元,涉及农户12万户: who got it)
          and (_REACH_PHRASE.fullmatch(fig.phrase.strip()) and not _counts_noun_after(text, q.end)  # (惠及超50万名
               or not fig.phrase.strip(_REACH_GAP) and _REACH_AFTER.match(text, q.end))):  # 婴幼儿: whom it names)
        # 改造城镇老旧小区18个、涉及1460户: the households the thing the figure before counts reaches (by its key: 全年46个
        # 老旧小区改造全面完工,受益居民6520户 names the thing after the figure)
        subject, fig.inherited = (prev.subject if PLACE_SEPARATOR in prev.fact.indicator_key
                                  else _words_of_key(prev.fact.indicator_key) or prev.subject) + _REACH_NAME, True
    elif (q.unit in _REACH_UNITS and _REACH_PHRASE.fullmatch(fig.phrase.strip()) and not _counts_noun_after(text, q.end)
          and (thing := _thing_of_clause_before(st, fig, prev)) and not _REACH_NOT_AFTER.search(thing)):
        subject, fig.inherited = thing + _REACH_NAME, True  # 实施农村供水保障提升工程,受益群众10万人: the
        # people that work reaches
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit and (bv := _BASE_VALUE.search(subject))
          and not _has_noun(subject[:bv.start()])):
        subject, fig.inherited = prev.subject, True  # 全年接待游客21.6万人次,比上年的16.5万人次: the same thing's
    elif ((t["plan_restated"].search(subject) or subject.startswith(_DONE_WORD))
          and names_nothing(t["plan_restated"].sub("", subject).removeprefix(_DONE_WORD))
          and CLAUSE_END_AFTER.match(text, q.end) is not None and (prev.q is None or prev.q.end <= fig.clause_start)
          and (title := _item_title_before(st, fig)) is not None):
        # 四、农村危房改造。计划改造120户,实际完成126户: what the item's title names, which the plan said again or
        # what was done, with a verb alone, completes (a report of how a plan was carried out)
        subject, fig.inherited = title, True
    elif ((named := fig.target_named)
          and len(rest := _ATTAINMENT.sub("", t["restated"].sub("", subject))) <= _TARGET_NAMED_MAX
          and not _has_noun(rest)  # (年初确定的财政收入3700万元目标 names its own; 超额完成县委、县政府下达的 nothing)
          and resolve_indicator(subject, q.unit) is None
          # (an item of a list of targets names its own: 冲刺规上工业总产值520亿元、税收收入48亿元的全年目标)
          and not (prev.q is not None and text[prev.q.end:q.start].lstrip().startswith(_LIST_JOIN))):
        if (said := _measured_subject(prev, q.unit)) is not None:
            # 固定资产投资增长5.1%,没有完成8%的年度目标; 增长5.6%,高于6%的预期目标: the target of what the figure
            # before measures (past a gap in another unit: 增长4.3%,低于全国0.9个百分点,没有完成…5.5%以上的预期目标)
            subject, fig.inherited = said, True
        elif label := _label_before(st, fig, prev):
            subject, fig.inherited = label, True  # 一般公共预算收入方面,年初确定的1280万元目标: the topic's target
        elif (noun := named.group("noun") or next((n for n in _TARGET_NOUNS if subject.endswith(n)), None)):
            # 提出5.5%左右的增长目标, 提出增长6.5%左右的预期目标: 经济增长
            subject = _TARGET_NOUNS[noun]
    elif ((rb := _restated_before(t, fig.phrase, text, q.end, prev.sentence.end)) is not None
          and not _has_noun(_ATTAINMENT.sub("", _VERB_ONLY.sub("", fig.phrase[:rb.start()])))
          and (said := _label_before(st, fig, prev) or _measured_subject(prev, q.unit))):
        # the target, said again, of what the line's label names (数字经济核心产业增加值增长:年度目标10%,完成8.7%), or
        # else of what the figure before measures (税收收入完成915万元,完成年度目标900万元的101.7%), or the one before in
        # its unit (粮食播种面积26.8万亩,…增长2.3%,圆满完成市下达的26.5万亩播种面积任务)
        subject, fig.inherited = said, True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit and prev.fact.indicator_key
          and prev.q.end <= phrase_start and (aside := _SCOPE_ASIDE.fullmatch(fig.phrase.strip()))):
        # 农村居民人均可支配收入达到41260元(全县为39860元): the whole place's figure of what the figure before measures
        # (the place above the report's, or the report's own after a part's figure)
        own = load_key_lexicon().whole_jurisdiction.match(prev.subject)  # (全镇…41260元(全县为…): not 全县全镇)
        subject, fig.inherited = aside.group("scope") + prev.subject[own.end() if own else 0:], True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit != q.unit and q.unit in _RATE_UNITS
          and prev.fact.indicator_key and _SHARE_OF_PLAN.fullmatch(fig.phrase)):
        # 政府性基金预算收入完成118.5亿元,为预算的86.2%: the share of its plan the level before reached, that level's
        # (it had been keyed 预算, every budget line's share under one key)
        subject, fig.inherited = prev.subject, True
    elif (prev.fact is not None and prev.q is not None and _plan_aside(t, fig.phrase)
          and (said := _measured_subject(prev, q.unit)) is not None):
        # 新增公办学位3000个(计划2800个): the plan of what it counts (and past a share between, 完成118.5亿元,为预算的
        # 86.2%(年初预算137.5亿元): of the level before it in its unit)
        subject, fig.inherited = said, True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit
          and (group := _group_of_whole(subject.removeprefix(_PART_OF_PREVIOUS), prev.subject))):
        # 全体居民人均可支配收入增长5.3%,其中城镇居民增长4.1%; 城镇居民人均可支配收入4.1万元、农村居民1.9万元: another
        # population's figure of what the figure before measures
        subject, fig.inherited = group, True
    elif (subject.startswith(_PART_OF_PREVIOUS) and (whole := _whole_of_part(prev, q.unit)) is not None
          and (verbs := _part_verbs_alone(subject[len(_PART_OF_PREVIOUS):])) and _words_of_key(whole.indicator_key)
          and not _counts_noun_after(text, q.end)):
        # 实施重点项目1200个,其中新开工400个、竣工300个; 高新技术企业总数达到823家,其中当年新认定132家: the part of the
        # things the figure before counts that the verb says was done to them
        thing = _thing_done(whole.indicator_key, whole.indicator_text)
        if verbs.startswith(_PLANTED):  # (砂糖橘种植面积1.8万亩,其中新种植2600亩: the gain of 砂糖橘, as 新种植砂糖橘 is said)
            thing = next((thing[:-len(m)] for m in _SHARED_MEASURES if thing.endswith(m) and len(thing) - len(m) >= 2), thing)
        subject, fig.inherited = verbs + thing, True
    elif (subject.startswith(_PART_OF_PREVIOUS) and (whole := _whole_of_part(prev, q.unit)) is not None
          # (a total to date and this year's part of it, or a part named by its scope: 其中农村1万个; not 签约80个,
          # 其中开工建设50个, another state of the things)
          and ("cumulative" in whole.flags or not (verb := load_key_lexicon().verbs.search(subject[len(_PART_OF_PREVIOUS):]))
               # (其中云岫县新增34家 after 全市新增…112家: the same verb, a place's part)
               or verb.group(0) in (whole.indicator_text or ""))
          and _words_of_key(whole.indicator_key)
          and CLAUSE_END_AFTER.match(text, q.end) is not None  # (not 其中56项为全国首创: its own words after)
          and ((own := resolve_indicator_key(subject, "", None, q.unit)) is None
               or _bare_part_measure(own, whole.indicator_key)  # (其中玉米15.2万亩: 玉米播种面积)
               # (其中石桥村达到153万元: that village's part of the total; not 美丽乡村20个,其中精品村5个, a kind)
               # (其中双泉镇7个: a town's count of the things; not 其中精品村5个, a kind of village)
               or is_named_place(own) and (q.unit not in _ENUMERATION_UNITS or not own.endswith(_VILLAGE_SUFFIXES))
               or _GRADE.fullmatch(own)  # (新增专精特新企业15家,其中国家级3家: a grade's part)
               or _AGE_PART.fullmatch(own))):  # (发展党员11名,其中35岁以下8名: the part of an age)
        # 累计建成5G基站15.6万个,其中当年新建2.3万个: a part of what the figure before counts
        # (a place's part: 其中石桥村的村级集体经济经营性收入总额, its key that village's)
        # (a canonical one by its first synonym: 五年累计新增城镇就业52万人,其中2025年新增10.8万人)
        if own and _GRADE.fullmatch(own):
            subject, fig.inherited = subject + _GRADE.sub("", _words_of_key(whole.indicator_key)), True
        elif own and (measure := _bare_part_measure(own, whole.indicator_key)):
            # 全年粮食播种面积21.6万亩,其中玉米15.2万亩: a crop's part of the whole, in the whole's measure
            subject, fig.inherited = subject + measure, True
        else:
            subject, fig.inherited = subject + (_OF if own else "") + _words_of_key(whole.indicator_key), True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit and prev.subject.startswith(_PART_OF_PREVIOUS)
          and prev.fact.indicator_key and fig.phrase.lstrip().startswith(_LIST_JOIN)
          and (measure := _bare_part_measure(own := fig.phrase.lstrip()[len(_LIST_JOIN):].strip(), prev.fact.indicator_key))
          and CLAUSE_END_AFTER.match(text, q.end) is not None):
        # …,其中玉米15.2万亩、大豆4.8万亩: the next crop's part, in the measure the part before took
        subject, fig.inherited = own + measure, True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit and prev.subject.startswith(_PART_OF_PREVIOUS)
          and fig.phrase.lstrip().startswith(_LIST_JOIN)
          and _GRADE.fullmatch(own := fig.phrase.lstrip()[len(_LIST_JOIN):].strip())
          and (grade := _GRADE.match(prev.subject, len(_PART_OF_PREVIOUS)))):
        # …,其中国家级3家、省级12家: the next grade's part of the same whole (the words the part before took, its grade
        # swapped for this one's)
        subject, fig.inherited = own + prev.subject[grade.end():], True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit and prev.fact.indicator_key
          and PLACE_SEPARATOR in prev.fact.indicator_key and prev.subject.startswith(_PART_OF_PREVIOUS)
          and fig.phrase.lstrip().startswith(_LIST_JOIN)
          and (own := resolve_indicator_key(item := fig.phrase.lstrip()[len(_LIST_JOIN):].strip(), "", None, q.unit))
          and is_named_place(own) and item.startswith(own) and names_nothing(item[len(own):])):
        # …,其中双泉镇7个、石门镇6个; 其中云岫县新增34家、石桥县新增27家: the next place's part of the same whole
        subject, fig.inherited = own + _OF + split_key(prev.fact.indicator_key)[1], True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit and prev.fact.indicator_key
          and PLACE_SEPARATOR in prev.fact.indicator_key
          and _OWN_SHARE.fullmatch(own := subject.removeprefix(_PART_OF_PREVIOUS).strip())):
        # 全县新建高标准农田8万亩,我镇承担1.2万亩: the report's own share of what the figure of the place above measures
        subject, fig.inherited = own[:_OWN_PLACE_CHARS] + split_key(prev.fact.indicator_key)[1], True
    elif from_in_subject and from_in_subject.start() > 0 and from_start >= 0:
        # (由上年下降2.3%转为增长6.8%, 由上年增长5.6%,减为增长1.2%: a change verb after the word the change turns
        # on is the figure's own)
        # (…由上年分别增长…,减为增长1.2%和1.8%: a list still, its 分别 kept for the values to be shared out)
        rest = fig.phrase[to_word.end():] if (to_word := t["to_after"].match(fig.phrase)) else ""
        own = ((_RESPECTIVELY if _RESPECTIVELY in from_in_subject.group(0) else "") + rest
               if t["growth_words"].match(rest) else "")
        subject, fig.inherited = prev.subject[:from_in_subject.start()] + own, True
        fig.from_start = from_start
    elif ends_from_to and from_word is None and from_in_subject is None:
        subject, fig.inherited = prev.subject, True  # 将…增长7%的预期目标调整为4%左右: the figure before, moved
    elif (prev.fact is not None and prev.q is not None and q.unit in load_lexicon().rate_units
          and (prev.q.unit not in RATE_OR_CHANGE_UNITS or (grew := t["growth_end"].search(prev.subject)) is not None)
          and prev.q.unit not in _MULTIPLES
          and prev.fact.indicator_key and _SHARE_OF_PREVIOUS.match(subject)
          and not text[prev.q.end:phrase_start].strip(_SHARE_GAP)):
        # 民生支出397800万元,占一般公共预算支出的81.7%: the share the level before is of a whole (its clause names
        # only the whole; not after a multiple, 是1997年的1.8倍,占…: of no level); and after a growth, of what grew
        # (其中工业投资增长12.8%,占全部投资的比重提高到41.5%: 工业投资's share)
        before = prev.subject if prev.q.unit not in RATE_OR_CHANGE_UNITS else prev.subject[:grew.start()]
        subject, fig.inherited = without_linking_end(before) + subject, True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit and prev.fact.indicator_key
          and not prev.subject.startswith(_PART_OF_PREVIOUS)  # (…120个,其中省重点项目12个,开工110个: of the whole)
          and (verbs := _next_item_verbs(text[prev.q.end:phrase_start], fig.phrase, bool(split_phrase(prev.subject).verb)))
          and _words_of_key(prev.fact.indicator_key)
          and not (fig.phrase[:1] != _LIST_JOIN and _counts_noun_after(text, q.end))):  # (,建成300个乒乓球健身设施)
        # 新建高标准农田150万亩、改造提升50万亩: the next item of the list, another verb on the same thing (and the next
        # clause said with a verb alone: 保障性安居工程开工27.6万套,基本建成18.2万套)
        subject, fig.inherited = verbs + _thing_done(prev.fact.indicator_key, prev.subject), True
        if PLACE_SEPARATOR not in prev.fact.indicator_key and PLACE_SEPARATOR in (
                resolve_indicator_key(subject, "", None, q.unit) or ""):
            subject = verbs  # (完工“千村引领、万村提升”工程项目: the verb before it makes 千村 a village; the verb alone)
    elif (prev.fact is not None and prev.q is not None and prev.q.end == phrase_start
          and (prev.q.unit in _ENUMERATION_UNITS or prev.q.unit_text in _ENUMERATION_UNITS  # (4213名…、18个)
               # (2万农村贫困人口稳定脱贫、25个贫困村退出: the noun the figure before counts, after it)
               or prev.fact.indicator_key and split_key(prev.fact.indicator_key)[1] in fig.phrase)
          and _COUNTED_NOUN_THEN_LIST.fullmatch(fig.phrase)):
        # 新建95个口袋公园、12个社区食堂: the words before 12个 are what 95个 counts; 12个 continues the list
        subject, fig.inherited = prev.subject, True
    elif (not _has_noun(subject) or q.unit in _ENUMERATION_UNITS and names_nothing(subject)) and (
            named := _named_just_before(st, fig, prev)):
        # 居民消费价格同比持平略降,下降0.1%: the clause before, with no figure of its own, names an indicator
        # that the verb completes (not the figure before it, 规上工业增加值增长8.2%;)
        subject, fig.inherited = named, True
    elif (not _has_noun(t["plan_restated"].sub("", subject)) and not _counts_noun_after(text, q.end)
          and (label := _label_before(st, fig, prev))):  # (…服务体系:1个管理运营机构: what it counts, after it)
        # ——实际利用外资:完成2.62亿美元; ——地区生产总值:年初预期增长6%左右; ——城镇新增就业:年度计划3.2万人: what
        # the line's label names, which the figure's words complete
        subject, fig.inherited = label + subject, True
    elif ((place := _place_of_previous(prev)) and prev.subject.startswith(place)
          and (is_named_place(place) or _outer_scope(st.ctx, prev.subject) == place)
          and (scope := load_key_lexicon().whole_jurisdiction.match(subject))
          and (not _has_noun(rest := subject[scope.end():]) or only_a_gain(rest))):  # (我区新增2.41万人)
        # 海晏街道地区生产总值增长7.8%,全区增长5.4%; 全国…增长5.1%,我省增长5.5%: the whole jurisdiction's figure of
        # what the place's figure before measured
        subject, fig.inherited = (scope.group(0) + _inherited_subject(prev.subject[len(place):], q.unit,
                                                                      prev.q.unit if prev.q else None)
                                  + _growth_of_level(rest, q.unit, prev.q.unit if prev.q else None)), True
    elif (prev.q is not None and (like := _place_figure_before(prev, q.unit)) is not None
          and (split_key(like.indicator_key)[1].isascii() or split_key(like.indicator_key)[0])
          and (here := leading_place(own := subject.removeprefix(_PART_OF_PREVIOUS).lstrip(_LIST_JOIN))
               or (own if is_place(own) else ""))  # (、宝泉县22.4亿斤: the place alone)
          and is_named_place(here) and (not _has_noun(rest := own[len(here):]) or names_nothing(rest))
          and (like.unit == q.unit or _growth_of_level(rest, q.unit, like.unit))
          and (body := _without_place(like.indicator_text))
          and (resolve_indicator(body, q.unit) is not None or split_key(like.indicator_key)[0])):
        # 郑州生产总值增长6%,洛阳增长5.6%; 全省…增长5.5%,其中成都增长5.8%: another place's figure of the canonical
        # measure the figure before is of; 桦原县粮食产量28.6亿斤、宝泉县22.4亿斤, 青羊县新增光伏装机43万千瓦,丰坝县
        # 新增27万千瓦: of what the place's figure before measures
        # (遵义市地区生产总值4980亿元,遵义市增长5.6%: that measure's growth)
        # (分县(市、区)看,澜城区地区生产总值519.4亿元,增长6.0%;江北区378.1亿元: of the level before the growth)
        subject, fig.inherited = (here + _inherited_subject(body, q.unit, like.unit).removesuffix(_RESPECTIVELY)
                                  + _growth_of_level(rest, q.unit, like.unit)), True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit and prev.fact.indicator_key
          and _SPAN_FLAGS.intersection(prev.fact.flags) and names_nothing(subject)
          and (_YEAR.search(subject) or t["single_year_framing"].search(subject))
          and (own := _without_span_words(t, prev.subject)) and not names_nothing(own)):
        # 五年累计城镇新增就业14.6万人,2025年新增2.91万人; 固定资产投资年均增长5.8%,当年增长6.9%: the one year's figure of
        # what the span's figure before measures (its span words left)
        subject, fig.inherited = own, True
    elif (prev.fact is not None and prev.q is not None and prev.fact.indicator_key
          and (prev.q.unit == q.unit or prev.q.unit in _RATE_UNITS and q.unit in CHANGE_UNITS)  # (…76.4%,比上年增加4.8个百分点)
          and "share_of_target" not in prev.fact.flags  # (…,为预算的99.8%,比上年增长6.4%: the level's growth)
          and (t["relative"].search(subject) or _BASELINE_WORDS.search(subject) or _year_before_named(st, subject)
               or t["other_period_base"].search(subject)  # (…28.6微克/立方米,较上半年下降1.2微克/立方米)
               or _year_before_named(st, subject, "target") or _bare_change_after_level(text, fig, prev))
          and names_nothing(t["other_period_base"].sub("", subject))):  # (…余额1.2万亿元,比年初增加1千亿元: its change since the year began)
        # 今年完成保护性耕作8.2万亩,来年力争达到9万亩: another year's figure of what the figure before measures
        # (粮食总产1.33万吨,较2024年增加200吨: its change from the year before, that year named by its number)
        subject, fig.inherited = t["relative"].sub("", prev.subject) + (subject if prev.q.unit != q.unit else ""), True
        if _STOCK_WORDS.search(subject) and load_key_lexicon().verbs.search(fig.phrase):
            # 全县已累计建成城市公园12座,明年再建成2座: what is done to the things the stock before counts, not the stock
            subject = _STOCK_WORDS.sub("", subject)
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit and prev.fact.kind == "target"
          and prev.fact.indicator_key and _STRETCH_GAP.fullmatch(text, prev.q.end, q.start)
          and _near_bound(prev.fact.value, q.value)):
        # 地区生产总值增长7%以上、力争达到8%; 增长5.5%左右,力争6%: a second bound of the target before, its measure's
        # aim (its commitment flags it: stretch_bound), keyed by its own words, as the target is the bound before:
        # no second value of that measure's target (not a level a gain reaches, 新增规上工业企业25家,力争达到260家)
        fig.second_bound = True
    elif (prev.subject and not _has_noun(last_item := _LIST_ITEM.split(subject)[-1])
          and not (modifies_after and not last_item)  # 、60%的…: its own noun
          # 增长7%以上、力争达到8%: an aim for the same figure, in its unit, is no second figure of that
          # subject (增长6.5%以上,力争达到3.86万元 is: a level after a growth)
          and not (prev.q is not None and prev.q.unit == q.unit and _AIM.search(last_item))
          # …16.8万个,为2.7万名残疾儿童实施康复救助: the figure counts the noun after it, a new item (and so does
          # one that opens its clause: 减少农村贫困人口3.35万人,126个贫困村退出)
          and not (last_item.strip() in _BENEFICIARY and _counts_noun_after(text, q.end))
          and not (not last_item.strip() and (q.unit in _ENUMERATION_UNITS or q.unit_text[-1:] in _ENUMERATION_UNITS)
                   and _opens_on_its_noun(text, q.end))
          # (…新建口袋公园31个,完成1.52万户困难家庭燃气安全改造: a clause of its own, a verb and then the figure and what
          # it counts, is a new item)
          and not (prev.q is not None and prev.q.end <= fig.clause_start
                   and load_key_lexicon().verbs.fullmatch(last_item.strip()) and _opens_on_its_noun(text, q.end))
          # (固定资产投资止跌回稳、增长2%, after a figure in a clause before: the list starts in its own clause, and
          # names its own subject)
          and not (prev.q is not None and prev.q.end <= fig.clause_start
                   and _has_noun(_LIST_ITEM.split(subject)[0]) and len(_LIST_ITEM.split(subject)) > 1)
          and not (prev.q is not None and prev.q.end <= fig.clause_start  # …5.6万个;为312万名…: a new item
                   and text[fig.clause_start - 1:fig.clause_start] in _ITEM_ENDS
                   # (…230亿元;增长7%: the same thing's; not 固定资产投资止跌回稳、增长3%, a clause naming its own)
                   and not (t["growth_end"].search(subject) and not _has_noun(subject)))):
        # 达到5.53万亿元、稳居全国前十强、增长4.8%: the last item of a 、-list is only a verb,
        # so the figure belongs to the subject the list started with
        item = _AIM.sub("", last_item)
        inherited = _inherited_subject(prev.subject, q.unit, prev.q.unit if prev.q else None)
        if t["growth_end"].search(item) and (growth := t["growth_end"].search(inherited)):
            # 年均增长5.9%,2025年增长6.1%: the item says its own growth, so the one before (and its 年均) is left
            inherited = _AVERAGE_END.sub("", inherited[:growth.start()])
        elif t["growth_end"].search(item) and (change := _CHANGE_AGAINST_END.search(inherited)):
            inherited = inherited[:change.start()]  # (生猪出栏…,比上年减少0.4万头,下降6.7%: the change before is left)
        subject, fig.inherited = inherited + item, True
    elif (prev.fact is not None and subject in _INSTITUTION_MEASURES
          and (counted := next((f for f in reversed(prev.facts) if f.unit in _INSTITUTION_UNITS and f.indicator_key
                                and not split_key(f.indicator_key)[1].isascii()), None)) is not None
          and not _ITEM_END_CHARS.intersection(text[counted.span_end:phrase_start])):
        # 普通高中43所,招生3.6万人,在校学生10.9万人: the people of the institutions the last count of its item counts
        # (grammar institution_measures, institution_units; probe v305)
        subject, fig.inherited = _words_of_key(counted.indicator_key) + subject, True
    elif (prev.fact is not None and prev.q is not None
          and _ELIDED_AFTER.match(text, prev.q.end)  # 粮食播种面积1.1亿亩、产量…; …72.3万亩,总产量…
          and (whole := _elided_subject(prev.subject, subject, fig.q.unit))):
        subject, fig.inherited = whole, True
    elif (prev.q is None and fig.clause_start > prev.sentence.start
          and (whole := _elided_subject(text[prev.sentence.start:fig.clause_start].strip(_PUNCT_STRIP), subject,
                                        fig.q.unit, of_figure=False))):
        subject, fig.inherited = whole, True  # 粮食生产出现重要转机,总产量达到9389亿斤: the thing the clause before names
    elif (prev.fact is not None and prev.q is not None and prev.q.unit != q.unit and prev.fact.indicator_key
          and not prev.fact.indicator_key.isascii()  # (a canonical id is no words: 地区生产总值…,新增30亿元)
          and PLACE_SEPARATOR not in prev.fact.indicator_key and CLAUSE_END_AFTER.match(text, q.end) is not None
          and (_measure_of_previous(subject.strip()) or _measure_of_previous(_VERB_ONLY.sub("", subject))  # (签约金额)
               or q.unit in _MONEY_UNITS and _MONEY_DONE.fullmatch(subject.strip()) is not None)  # (完成投资)
          # (of things counted: not 完成投资3.2亿元,建成里程120公里, nor the people a thing reaches)
          and prev.q.unit not in _MONEY_UNITS and prev.q.unit not in RATE_OR_CHANGE_UNITS and prev.q.unit not in _PEOPLE_UNITS
          and not prev.fact.indicator_key.endswith(_REACH_NAME)
          # (not after a part, 新引进项目43个,其中10亿元以上项目6个、20亿元以上项目2个,总投资412亿元: of all 43, as
          # likely)
          and _PART_OF_PREVIOUS not in text[prev.sentence.start:q.start]):
        # 建成3条通组硬化路,总长5.4公里: a measure of the things the figure before counts, in its own unit; a sum of
        # money is their investment, one measure whatever its words (新引进项目14个,协议引资约26亿元: 引进项目总投资,
        # as 协议投资额 and 签约金额 are: grammar money_of_things; no second figure of 引进项目 in int_actuals and yoy),
        # but not a size a key leaves out, 总规模: a fund's 934亿元 stays 设立基金's
        own = subject.strip() if _measure_of_previous(subject.strip()) else _VERB_ONLY.sub("", subject).strip()
        money = q.unit in _MONEY_UNITS and without_linking_end(own) == own
        done = _MONEY_DONE.fullmatch(subject.strip())  # (…重点项目126个,完成投资148.5亿元: their money spent this year)
        subject, fig.inherited = prev.fact.indicator_key + (done.group(0) if done else _MONEY_OF_THINGS if money else ""), True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit in RATE_OR_CHANGE_UNITS
          and q.unit not in RATE_OR_CHANGE_UNITS and prev.fact.indicator_key
          and (prev.fact.indicator_key.isascii() or "five_year_average" in prev.fact.flags  # (年均增长6%、总量…)
               # (规上工业总产值增长10%左右,总量突破1550亿元; not a growth of new things, 新登记经营主体…增长13%,总量…: of all)
               or t["growth_end"].search(prev.fact.indicator_key) and not prev.fact.indicator_key.startswith(_NEW_THINGS))
          and t["growth_end"].search(prev.subject) and only_a_total(subject, "")):
        # 地区生产总值增长6%左右,总量突破160亿元: the total of what the growth before is of (年均增长6%左右、总量…: its
        # 年均 left)
        subject, fig.inherited = _AVERAGE_END.sub("", _inherited_subject(prev.subject, q.unit, prev.q.unit)) + subject, True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit and prev.fact.indicator_key
          and not prev.fact.indicator_key.isascii() and PLACE_SEPARATOR not in prev.fact.indicator_key
          and prev.q.end <= phrase_start and _PER_HEAD_ONLY.match(subject.strip()) and ";" not in text[prev.q.end:q.start]):
        # 全乡8个村集体经济收入合计271万元,村均33.9万元: the average, per village, of the total before
        per, measure = subject.strip(), _words_of_key(prev.fact.indicator_key)
        # (村均 + 村集体经济收入 is 村均集体经济收入: the per word says whose)
        subject, fig.inherited = per + measure.removeprefix(per[0]), True
    elif (prev.fact is not None and prev.q is not None and prev.q.unit == q.unit and prev.fact.indicator_key
          and not prev.fact.indicator_key.isascii()
          and PLACE_SEPARATOR not in prev.fact.indicator_key
          and (CLAUSE_END_AFTER.match(text, q.end) is not None or text.startswith(ASIDE_OPENS, q.end))  # (…446家(目标…))
          and (only_a_gain(gain := _VERB_ONLY.sub("", subject) or subject)
               or only_a_total(subject, prev.fact.indicator_key)
               # 新增规上工业企业25家,力争达到260家: the level the things the gain before adds to reach
               or (prev.fact.indicator_text or "").startswith(_GAINS)
               and _TOTAL_AFTER_GAIN.search(subject + (q.comparator_before or ""))
               and not _has_noun(subject))):
        # 高新技术企业总数达到612家,净增83家: what the figure before counts gained (keys.yaml gain_verbs; 实际新增56个
        # after the target said again, 年初确定的新增深水网箱50个的目标); 新增高新技术企业45家,总数达到612家: the total
        # of those things (keys.yaml total_words)
        subject, fig.inherited = (gain + prev.fact.indicator_key if only_a_gain(gain)
                                  else without_gain(prev.fact.indicator_key) + total_word(subject)), True
    if (not fig.inherited and subject and prev.q is not None and (place := _place_of_previous(prev, named=True))
            and not subject.startswith(place) and ";" not in text[prev.q.end:q.start]
            and ASIDE_CLOSES not in text[prev.q.end:q.start]  # (…(其中大岭村二公里、坡心村三公里),新修水利沟渠5.2公里)
            and not prev.subject.startswith(_PART_OF_PREVIOUS)  # (其中雾溪镇新增茶园0.42万亩,建成…: an aside)
            # (nor past a clause that lists other places, 支持海湾区…增长6.5%以上,加快南岭县、石湾县…发展,新建改造农村公路
            # 300公里: the report's own again)
            and not _OTHER_PLACES_LISTED.search(text, prev.q.end, fig.clause_start)
            # (a place a verb before it names, 完成石门村道路改造4.6公里, is that work's, not the topic of the clauses after)
            and not load_key_lexicon().verbs.search(prev.subject, 0, max(0, prev.subject.find(place)))
            # a city by its name (places.csv) goes on only to what it did next, a clause that opens with its verb:
            # a province's report names a city's figure as an example and goes on with its own (定西市中药材种植面积
            # 达到186万亩,牛饲养量达到736万头: the province's), where a district's or a town's clauses are its own
            # (顺德区地区生产总值增长5.7%,规上工业增加值增长7.3%;南海区…)
            # (and so does a county in a province's report: keys.yaml county_suffix)
            and (split_phrase(subject).verb or _same_measure(prev.fact, subject, q.unit)
                 and not _WHOLE_ANYWHERE.search(subject)  # (…,带动全省经济总量达到6.5万亿元: the province's)
                 or not (load_key_lexicon().named_places.fullmatch(place) or (
                     st.ctx.admin_level in _ABOVE_CITY and load_key_lexicon().county_suffix.search(place))))):
        own = resolve_indicator(subject, q.unit)  # (伊川县…6.6%,偃师区地区生产总值增长6.1%: a place of its own)
        if not (load_key_lexicon().scope_start.match(subject)
                or split_key(resolve_indicator_key(subject, "", own.id if own else None, q.unit) or "")[0]):
            # 海晏街道新建养老服务综合体1个,新增养老床位260张: the town the figure before is of goes on, within its
            # item, until another place or the whole jurisdiction (全区…) is named (not a zone or an area, 中心城区…,
            # which name a kind of place as often as the one the figures are of)
            subject = place + subject
    elif (not fig.inherited and subject and fig.clause_start > prev.sentence.start
          and (topic := _topic_place(st, fig, prev))):
        own = resolve_indicator(subject, q.unit)
        if not (load_key_lexicon().scope_start.match(subject)
                # (a supported town or county, 支持龙岗镇建设万亩茶叶产业园,新增茶园3000亩, is the topic of free text too)
                or isinstance(topic, _SupportedPlace) and own is None
                and not load_key_lexicon().town_or_village.match(topic + subject)
                or split_key(resolve_indicator_key(subject, "", own.id if own else None, q.unit) or "")[0]):
            subject = topic + subject  # 琅东区、川西区要在全市发展中挑大梁,地区生产总值力争增长7%以上: the districts'
    elif (not fig.inherited and subject and prev.fact is not None
          and prev.fact.indicator_key and (outer := split_key(prev.fact.indicator_key)[0])
          and (fig.phrase.startswith(_LIST_JOIN) or prev.q is not None and text.startswith(_COMMA, prev.q.end)
               and fig.clause_start == prev.q.end + len(_COMMA)  # (全市提出…7%左右,我区主要预期目标是:…: the district's)
               and prev.subject.startswith(outer) and _SCOPE_SETTER.match(prev.subject, len(outer))
               # (nor a clause with its own setter or the report's own words: …,区委经济工作会议确定增长6.5%; 我们力争…)
               and not _SCOPE_SETTER.match(subject) and not _OWN_SUBJECT.match(subject))
          and _outer_scope(st.ctx, outer + subject) == outer and not load_key_lexicon().scope_start.match(subject)):
        # 全市地区生产总值增长6%左右、规上工业增加值增长8%: the place above goes on to the list's next item (and
        # past a comma where it set them: 全县今年确定一般公共预算收入增长9.5%,固定资产投资增长13%)
        subject = outer + subject
    if (not fig.inherited and subject and fig.phrase.startswith(_LIST_JOIN) and prev.q is not None
            and prev.q.end == q.start - len(fig.phrase) and not load_key_lexicon().verbs.search(subject)
            and (verb := split_phrase(prev.subject).verb).startswith(_NEW_THINGS) and not leading_place(subject)
            and not load_key_lexicon().scope_start.match(subject)
            and split_phrase(verb + subject).verb == verb):  # (not 建成 + 区县域…, read as 建成区)
        # 全年新增规上工业企业100家以上、高新技术企业120家以上: the verb of new things that opens the list goes on to an
        # item that says none (新增高新技术企业: a gain, as the first is; measure_senses reads it; not 接待游客…、游客花费,
        # nor an item with a verb of its own anywhere, 新建通组公路15公里、村道拓宽改造10公里)
        subject = verb + subject
    if q.unit in _MULTIPLES and (base := _MULTIPLE_OF_BASE.search(subject)) is not None and _RESPECTIVELY not in subject:
        # 新能源汽车产量25.6万辆、是上年的2.1倍, 工业增加值是2020年的1.5倍: the measure's growth against that base (the
        # words before, else the figure before's), which the sign step writes as 翻一番 is written (1.1 倍, 0.5 倍)
        own = subject[:base.start()]
        if not _has_noun(own) and prev.q is not None and prev.q.unit not in RATE_OR_CHANGE_UNITS and prev.subject:
            own, fig.inherited = _inherited_subject(prev.subject, prev.q.unit), True
        subject, fig.of_base = own + _GROWTH_WORD, True
    elif q.unit_text in GROWTH_WORDS and not t["growth_end"].search(subject):
        subject += _GROWTH_WORD  # 农民收入翻一番, 政府债务零增长: a growth, whose verb the figure's own words hold
    elif (q.unit in _RATE_UNITS and _BASELINE_END.search(subject) and not t["growth_end"].search(subject)
          and prev.q is not None and prev.q.unit not in RATE_OR_CHANGE_UNITS):
        subject += _GROWTH_WORD  # 货物进口总额312.4亿元,出现负增长,同比-4.6%: against the year before, a growth
    elif q.unit in _RATE_UNITS and (fall := _FALL_FIRST.match(subject)) and _has_noun(subject[fall.end():]):
        subject = subject[fall.end():] + fall.group(1)  # 降低一般工商业电价10%: the price's fall, as 电价降低10% says
    if ((scope := load_key_lexicon().scope_start.match(subject)) and (kind := scope.group(0)[-1:]) in _BELOW_COUNTY_KINDS
            and not (st.ctx.jurisdiction or "").endswith(kind)
            and (town := _town_named_before(text, prev.sentence.start, fig.clause_start, kind))):
        # 红柳湾镇建成千头肉牛养殖场3个,全镇牛饲养量突破2.1万头 and 红柳湾镇肉牛示范镇创建通过市级验收,全镇牛饲养量达到
        # 2.6万头 in a county's report: that town's, the one its item names (probe v304)
        subject = town + subject[scope.end():]
    if (named := _NAME_IN_ASIDE.search(subject)) and (resolve_indicator(named.group(1), q.unit) is not None
                                                      or q.unit in _RATE_UNITS and named.group(1).endswith(RATE_END)):
        # 城镇常住人口…占年末常住总人口的比重(常住人口城镇化率)为62.7%: the measure by the name the aside gives it, a
        # canonical one or a rate's, of the place the words open with (合肥市…: 合肥市常住人口城镇化率; probe v305)
        subject = leading_place(subject) + named.group(1)
    fig.subject = subject


def _without_place(subject: str) -> str:
    """``subject`` without the place or scope it opens with (郑州生产总值增长: 生产总值增长; 全省…)."""
    lx = load_key_lexicon()
    here = leading_place(subject) or ((m := lx.whole_jurisdiction.match(subject)) and m.group(0)) or ""
    return subject[len(here):]


def _same_measure(prev_fact: "Fact | None", subject: str, unit: str) -> bool:
    """Whether ``subject`` names, by a synonym the two indicators share, the canonical measure the figure before is
    of (郑州生产总值增长5.6%,经济总量达到1.5万亿元: the city's growth, then its level)."""
    prev_id = split_key(prev_fact.indicator_key)[1] if prev_fact is not None and prev_fact.indicator_key else ""
    before, own = indicator_by_id(prev_id), resolve_indicator(subject, unit)
    return before is not None and own is not None and not set(before.synonyms).isdisjoint(own.synonyms)


_SHARE_OF_PREVIOUS = re.compile(_G["share_of_previous"])  # 占…的81.7% right after a figure: that figure's share
_SHARE_GAP = " ,，、"  # what may stand between a figure and the share of it that follows


_OWN_SUBJECT = re.compile(_G["own_subject"])  # a clause that opens on the report's own (我们力争…, 我区…): no place above
_ATTRIBUTION = re.compile(_G["attribution"])  # who set a figure, before the place it is of (市委、市政府提出…)
_SCOPE_SETTER = re.compile(_G["scope_setter"])  # 全县今年确定…: the place above sets the figures after it
_LIST_JOIN = "、"  # what goes on from one item of a list to the next
_CLAUSE_JOIN = ","  # what goes on from one clause of a sentence to the next (normalised)
_NEXT_CLAUSE_LEADS = tuple(_G["next_clause_leads"])
_PROGRESS_VERBS = "(?:" + "|".join(sorted(map(re.escape, _G["next_clause_verbs"]), key=len, reverse=True)) + ")"
_NEXT_CLAUSE_VERB_END = re.compile(f"(?<=..)(?:基本|全部|已)?(?:新|完成)?{_PROGRESS_VERBS}$")  # (保障性租赁住房开工: what was started)
_NEXT_CLAUSE_VERB_RUN = re.compile(f"新?{_PROGRESS_VERBS}{{1,2}}")  # (新开工, 建成交付: one or two, the new ones)
_TOPIC_REACH = 3  # figureless clauses before a figure's that a topic place may stand at the head of
_COMMA = ","  # what joins the clauses of one topic in normalised text (not ; or :, which end an item)


def _topic_place(st: _DocState, fig: _Figure, prev: "_Previous") -> str:
    """The place (or list of places) named at the head of a clause before the figure's in its sentence, with no
    figure of its own, that a modal after it (keys.yaml topic_modals: 要, 将) makes the topic the clauses after it go
    on with, joined by commas (琅东区、川西区要在全市发展中挑大梁,地区生产总值力争增长7%以上; 其中,桃岭镇要打造万亩茶园示范片,建成茶叶
    加工厂5座); "" where none is."""
    clauses = st.clause_topics(prev.i)
    k = next((k for k, (a, _, _) in enumerate(clauses) if a == fig.clause_start), None)
    if k is None or load_key_lexicon().topic_ends.search(fig.phrase):
        return ""
    figures_end = prev.fact.span_end if prev.fact is not None else prev.sentence.start
    for a, comma, topic in reversed(clauses[max(0, k - _TOPIC_REACH):k]):
        if not comma or figures_end > a or topic is _TOPIC_ENDS:
            return ""  # (…,带动全市发展,地区生产总值增长6%: the city's)
        if topic:
            return topic
    return ""


# …的比重(常住人口城镇化率)为: a measure's name in an aside right before its figure, a reaching word between
_NAME_IN_ASIDE = re.compile(r"\(([\u4e00-\u9fff]{2,14})\)\s*(?:"
                            + "|".join(sorted(map(re.escape, _G["indicator_reach_words"] + ["是"]), key=len, reverse=True))
                            + ")?$")
_BELOW_COUNTY_KINDS = frozenset("镇乡村")  # the kinds of place a 全镇, 全乡, 全村 after one's name in a county's report are
_TOPIC_ENDS = object()  # a clause that names the whole jurisdiction (带动全市发展): no topic goes past it
_SUPPORT_ALONE = re.compile(r"\s*" + re.escape(_G["topic_support_alone"]))  # 支持 (not 推动, 鼓励): a topic with no modal


class _SupportedPlace(str):
    """A topic a province's report supports (支持西安加快…): the topic of a canonical indicator's figure after it only
    (经济总量力争突破1.4万亿元), not of any figure (技术合同成交额突破5000亿元 may be the province's as likely), unless
    it is a town, a village or a county (keys.yaml town_or_village: 支持龙岗镇建设万亩茶叶产业园,新增茶园3000亩)."""


def _clause_topic(text: str, a: int, b: int):
    """What clause ``text[a:b]`` says of a topic: the place it opens on before a modal, ``_TOPIC_ENDS`` where it names
    the whole jurisdiction, else ""."""
    lx = load_key_lexicon()
    clause = text[a:b].lstrip()
    m = lx.sub_place.match(clause)
    if (m and is_named_place(place := m.group(0)) and lx.topic_modals.match(clause, m.end())
            and not clause.startswith(lx.topic_modals_not, m.end())
            and not (lx.lead.match(clause) or lx.verbs.match(clause))):  # (not 实施自治区…: a verb's object)
        return place
    if s := lx.topic_support.match(clause):
        if ((place := leading_place(clause[s.end():])) and is_named_place(place)
                and (lx.lead.match(clause, s.end() + len(place)) or lx.topic_support_then.match(clause, s.end() + len(place)))):
            return _SupportedPlace(place)  # 支持西安加快建设国家中心城市,经济总量力争突破1.4万亿元: 西安's
        return _TOPIC_ENDS  # (…,支持宝鸡、汉中建设省域副中心城市,常住人口城镇化率力争达到67%: the province's again)
    return _TOPIC_ENDS if lx.topic_ends.search(clause) else ""


def _counts_noun_after(text: str, end: int) -> bool:
    """Whether a noun stands right after a figure that ends at ``end``, past an age that says which of them
    (为5.4万名65岁以上老年人提供…)."""
    qualifier = load_key_lexicon().after_qualifier.match(text[end:end + _QUALIFIER_REACH])
    return _NOUN_AFTER.match(text, end + (qualifier.end() if qualifier else 0)) is not None


_QUALIFIER_REACH = 12  # characters an age after a figure may take (65周岁及以上的)
_PROGRESS_END = re.compile("(?:" + "|".join(map(re.escape, _G["progress_words"])) + r")\s*$")
_NOT_A_NOUN_AFTER_COUNT = tuple(_G["not_a_noun_after_count"])
_ONE_CHARACTER_NOUN_LISTED = re.compile("[\u4e00-\u9fff](?=[、(])")  # 17个区、2个县(市)…: a noun of one character, listed


def _opens_on_its_noun(text: str, end: int) -> bool:
    """Whether a count that opens its clause is followed by the noun it counts (126个贫困村退出), not by what
    happened to the things the figure before counts (实施民生实事10件,9件已完成; 开工项目120个,85个建成投产)."""
    lx = load_key_lexicon()
    return ((_counts_noun_after(text, end) or _ONE_CHARACTER_NOUN_LISTED.match(text, end) is not None)
            and not text.startswith(_NOT_A_NOUN_AFTER_COUNT, end)
            and not (lx.verbs.match(text, end) or lx.linking_start.match(text, end)))


def _plan_aside(t: dict, phrase: str) -> bool:
    """Whether the words before a figure are only the opening of the plan aside a result ((计划2800个),
    (年度计划260户))."""
    phrase = phrase.strip()
    return phrase[:1] in "(（" and any(t["plan_restated"].fullmatch(phrase, at) for at in (0, 1))


def _outer_scope(ctx: DocContext, subject: str, canonical: bool = True, unit: str | None = None,
                 after: str = "") -> str | None:
    """The words that name a place above the report's own, where the figure is that place's: at the start of
    ``subject`` (全国 in any local report before a ``canonical`` indicator; 全市 in a district's before anything:
    ``parent_scope``), or at its end after a word that sets the report's figure against it, before a level
    that ``after`` it names as that place's level (城镇调查失业率低于全市5.2%的平均水平: the city's 5.2%; not
    高于全省1.2个百分点 nor 增速高于全市1.2%, a gap); else None."""
    local = ctx.admin_level not in (None, "national")
    if canonical and (abroad := _FOREIGN.match(subject)):
        return abroad.group(0)  # 日本经济增长0.1%, 世界经济增长乏力,全年增长3.2%: that economy's, in any report
    if canonical and local and (country := _NATIONAL.match(subject)):
        return country.group("scope")
    if canonical and local and _NATIONAL_SETTER.match(subject):
        return _G["national_scope"][0]  # 国家提出今年国内生产总值增长5%左右: the country's aim, not the report's
    own = ctx.jurisdiction or "" if ctx.admin_level not in _ABOVE_CITY else ""  # (广西壮族自治区 is no 区)
    suffix = next((suf for suf in _PARENT_SUFFIXES if own.endswith(suf)), None) if own else None
    if canonical and local and (m := _SET_ELSEWHERE.search(subject)) and not _WHOLE_ANYWHERE.search(subject, m.end()) and (
            (scope := m.group("scope") or m.group("scope_first")) in _G["national_scope"]
            or suffix is not None and scope in _G["parent_scope"][suffix]):
        return scope  # 同省委经济工作会议确定的全省地区生产总值增长5.5%左右的目标相衔接, 与全州提出的…: the province's
    if suffix is not None and (m := _parent_scope(suffix).match(subject[_ATTRIBUTION.match(subject).end():])):
        return m.group("scope")  # (市委、市政府提出全市地区生产总值增长7%左右: whose target says it first)
    if local and unit not in CHANGE_UNITS and _SET_AGAINST_LEVEL.match(after) and (m := _SET_AGAINST.search(subject)) and (
            m.group(1) in _G["national_scope"] or suffix is not None and m.group(1) in _G["parent_scope"][suffix]):
        return m.group(1)
    return None


def _whole_of_part(prev: "_Previous", unit: str) -> "Fact | None":
    """The figure a 其中 part is of: the figure before, in its unit, with a key; past a share of the target between
    them (…总额达到652万元,完成年度目标的108%,其中石桥村达到153万元)."""
    whole = prev.fact
    if whole is not None and whole.unit != unit and "share_of_target" in whole.flags:
        whole = next((f for f in reversed(prev.facts[:-1]) if "share_of_target" not in f.flags), None)
    return whole if whole is not None and whole.unit == unit and whole.indicator_key else None


def _place_of_previous(prev: "_Previous", named: bool = False) -> str:
    """The place inside the jurisdiction the figure before in the sentence is of (its key's place), or ""; with
    ``named``, only a place named by its name (海晏街道, 青杠村; a zone with a name of its own too, 岚川经开区), not a
    zone named by its kind alone (高新区), an area or the country."""
    key = prev.fact.indicator_key if prev.fact is not None else None
    place = split_key(key)[0] if key else ""
    return "" if named and place and not (is_named_place(place) or _is_named_zone(place)) else place


def _is_named_zone(place: str) -> bool:
    """Whether ``place`` is a zone with a name of its own before its kind (岚川经开区, 临港新区), not its kind alone."""
    m = _ZONE_KIND_END.search(place)
    return m is not None and m.start() >= _ZONE_NAME_MIN


_OTHER_PLACES_LISTED = re.compile(_G["places_listed"])  # 南岭县、石湾县…: places listed in a clause
_ZONE_KIND_END = re.compile("(?:" + "|".join(map(re.escape, load_key_lexicon().zone_kinds)) + ")$")
_ZONE_NAME_MIN = 2  # characters of a zone's own name before its kind (岚川 经开区)


_GAINS = tuple(load_key_lexicon().gain_verbs)  # (新增, 净增: a figure that adds to a total)
_PLANTED = tuple(_G["planted_verbs"])  # (新种植: an area's gain of its crop, not of the area's measure)
_TOTAL_AFTER_GAIN = re.compile(_G["total_after_gain"])
_ABOVE_CITY = ("province", "national")  # admin levels whose reports name a county as an example
_TARGET_NOUNS = {str(k): str(v) for k, v in _G["target_nouns"].items()}
_FALL_WORD, _GROWTH_WORD = _G["fall_verb"], _G["growth_verb"]  # what keys write a fall and a growth as
# characters between a result and the target it is set against, besides the words that say it was set before
# (没有完成, 高于, 与, 虽未达到年初确定的): no subject
_TARGET_NAMED_MAX = 6


def _restated_before(t: dict, phrase: str, text: str, end: int, sent_end: int) -> re.Match | None:
    """The words right before a figure that say a target again (下达的, 年初计划的, 年度目标; cues restated_before),
    where the words after the figure go on as a restated target's do (restated_before_then), or None; not the
    margin over a target (超过年度目标26公里; 超过年初计划的6所 is the plan's own figure)."""
    if phrase.rstrip()[-1:] not in _RESTATED_ENDS:
        return None  # (most phrases: a look at one character)
    rb = t["restated_before"].search(phrase)
    if rb is None or not (rb.group(0).rstrip().endswith(_OF) or not t["target_as_base"].search(phrase)):
        return None
    return rb if t["restated_before_then"].match(text, end, sent_end) else None


def _label_before(st: _DocState, fig: _Figure, prev: "_Previous") -> str | None:
    """The label a figure's clause follows, where the clause right before it opens its sentence or item, ends with
    a colon and names something measured (数字经济核心产业增加值增长:年度目标10%; 地区生产总值:年度目标6% is its
    growth, in %): its subject; else None (…超额完成任务,主要原因是:年度目标8%; 完成情况:…)."""
    text, sent_start = st.text, prev.sentence.start
    if fig.clause_start <= sent_start:
        return None
    # (一般公共预算收入方面,年初确定的1280万元目标…: a topic said with 方面 at the sentence's start labels it too)
    aspect = text[fig.clause_start - 1] == _COMMA and text.endswith(_ASPECT, sent_start, fig.clause_start - 1)
    if text[fig.clause_start - 1] != _LIST_OPENS and not aspect:
        return None
    start = max((m.end() for m in _CLAUSE_END.finditer(text, sent_start, fig.clause_start - 1)), default=sent_start)
    if (start > sent_start and (aspect or not text.startswith(_ITEM_ENDS, start - 1))
            or prev.q is not None and prev.q.end > start):
        return None
    label = _subject(text[start:fig.clause_start - 1 - (len(_ASPECT) if aspect else 0)])
    if fig.q.unit in RATE_OR_CHANGE_UNITS and resolve_indicator(label + _GROWTH_WORD, fig.q.unit):
        label += _GROWTH_WORD
    own = resolve_indicator(label, fig.q.unit)
    return label if resolve_indicator_key(label, "", own.id if own else None, fig.q.unit) else None


def _item_title_before(st: _DocState, fig: _Figure) -> str | None:
    """The title of the item a figure's clause opens, where a numbered title ended by 。 stands alone before it on
    its line (四、农村危房改造。计划改造120户,实际完成126户) and names something measured; else None."""
    line_start = st.text.rfind("\n", 0, fig.clause_start) + 1
    marker = _LIST_MARKER.match(st.text[line_start:fig.clause_start])  # (^: a slice)
    if marker is None or not (title := _ITEM_TITLE.fullmatch(st.text, line_start + marker.end(), fig.clause_start)):
        return None
    label = _subject(title.group(1))
    own = resolve_indicator(label, fig.q.unit)
    return label if resolve_indicator_key(label, "", own.id if own else None, fig.q.unit) else None


_PLAN_ITEM_JOINS = " ,、"  # what may stand between two items of a plan said again (not ; or 。, which end it)
_RESULT_AFTER_PLAN = re.compile(load_lexicon().cues["result_after_plan"])  # (计划新增2000个,全年新增…2150个)
_DONE_WORD = "实际"  # what opens a result said beside its plan (实际完成126户)
_ITEM_TITLE = re.compile(r"\s*([^\d,;:。!?、]{2,16})。\s*")  # an item's title, run into its paragraph (农村危房改造。)


def _thing_of_clause_before(st: _DocState, fig: _Figure, prev: "_Previous") -> str | None:
    """What the clause right before a figure names, where that clause holds no figure (实施农村供水保障提升工程,受益群众
    10万人: 农村供水保障提升工程); else None."""
    sent_start = prev.sentence.start
    if fig.clause_start <= sent_start:
        return None
    before = st.text[sent_start:fig.clause_start - 1]
    start = sent_start + max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    if prev.q is not None and prev.q.end > start:
        return None  # (the clause before holds a figure: the reach rule before reads it)
    thing = _subject(st.text[start:fig.clause_start - 1])
    return thing if _has_noun(thing) and not names_nothing(thing) else None


def _named_just_before(st: _DocState, fig: _Figure, prev: "_Previous") -> str | None:
    """The subject a figure with only a verb of its own takes from the clause right before it, where that clause
    holds no figure and, with the verb, names a canonical indicator other than the figure before's (居民消费价格
    同比持平略降,下降0.1%; 居民消费价格温和上涨,涨幅为3.2%); else None (粮食产量120万吨,再创历史新高,增长3%:
    the figure before's)."""
    sent_start = prev.sentence.start
    if fig.clause_start <= sent_start:
        return None
    before = st.text[sent_start:fig.clause_start - 1]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    start = sent_start + cut
    if prev.q is not None and prev.q.end > start:
        return None  # the clause before holds a figure
    if prev.q is not None and prev.q.end >= sent_start and not any(
            mark in st.text[prev.q.end:start] for mark in _ITEM_ENDS):
        return None  # 地区生产总值突破5000亿元,居民消费价格保持稳定,增长6%: a figure before in the same item
    clause = st.text[start:fig.clause_start - 1]
    if in_step := _IN_STEP_WITH.search(clause):
        clause = clause[:in_step.start()]  # 居民收入增长与经济增长基本同步,力争增长5%: 居民收入
    if (fig.q.unit in _ENUMERATION_UNITS and fig.phrase.strip(" ,") in _COUNT_WORDS
            and not _counts_noun_after(st.text, fig.q.end)):
        # 继续办好为民办实事项目,共27项: how many of the things the clause before names (a list
        # of who acts in it too: 省委、省政府继续办好…)
        thing = _subject(clause)
        return thing if _has_noun(thing) and not names_nothing(thing) else None
    if _LIST_ITEM.search(clause) or _CONJ_INSIDE.search(clause):
        return None  # …、固定资产投资、社会消费品零售总额均保持较快增长,增长7%: a list names no one indicator
    candidate = _subject(clause) + fig.phrase
    ind = resolve_indicator(candidate, fig.q.unit)
    if (ind is None and fig.q.unit in _ENUMERATION_UNITS and (done := _PROGRESS_END.search(clause))
            and not _counts_noun_after(st.text, fig.q.end)):  # (…扎实推进,新建3个国家现代农业产业园: its own noun)
        # 村级综合服务站基本完成,建成18个: the things whose progress the clause before says, counted
        thing = _subject(clause[:done.start()])
        # (建成村级综合服务站: the verb leads the key; 各项工作扎实推进,新建18个 names nothing)
        return fig.phrase + thing if _has_noun(thing) and not names_nothing(thing) else None
    if (ind is None and (trend := _TREND_END.search(clause)) and names_nothing(fig.phrase)
            and _has_noun(thing := _subject(clause[:trend.start()])) and not names_nothing(thing)):
        return thing + fig.phrase  # 外贸进出口保持稳定增长,力争突破1450亿元: the level of what the trend is of
    if (ind is None and fig.q.unit not in RATE_OR_CHANGE_UNITS and (faster := _GROWTH_COMPARED.search(clause))
            and fig.phrase.strip(" ,") and names_nothing(fig.phrase) and not _counts_noun_after(st.text, fig.q.end)
            and _has_noun(thing := _subject(clause[:faster.start()]))
            and not names_nothing(thing)):
        # 确保脱贫人口人均纯收入增速高于全县农村居民收入增速,力争达到12000元以上: the level of what grows faster
        return thing + fig.phrase
    if ind is None or (prev.fact is not None and prev.fact.indicator == ind.id):
        return None
    return candidate


_COUNT_WORDS = frozenset(_G["count_words"])
_GROWTH_COMPARED = re.compile(_G["growth_compared"])


def _bare_part_measure(own: str, whole_key: str) -> str:
    """The measure a whole's key ends on (播种面积, 产量: grammar shared_measures) that a part naming only a thing, short
    and with no measure of its own (玉米, 稻谷), takes (其中玉米15.2万亩: 玉米播种面积); else ""."""
    words = _words_of_key(whole_key)
    if (not own or len(own) > _BARE_PART_MAX or not own.isalnum() or own.endswith(_OWN_MEASURE_ENDS)
            or own.endswith(_SHARED_MEASURES) or is_named_place(own)):
        return ""
    return next((m for m in _SHARED_MEASURES if words.endswith(m) and len(words) > len(m)), "")


_BARE_PART_MAX = 3  # characters of a part that names only its thing (玉米, 油菜籽)


def _words_of_key(key: str) -> str:
    """What a key measures, in words: its own (a place's part left out), or a canonical indicator's first synonym."""
    words = split_key(key)[1]
    if words.isascii():
        return ind.synonyms[0] if (ind := indicator_by_id(words)) is not None else ""
    return words


_AVERAGE_END = re.compile("(?:" + "|".join(load_lexicon().cues["five_year_average"]) + ")$")  # 年均 ending a subject


def _inherited_subject(subject: str, unit: str, prev_unit: str | None = None) -> str:
    """The previous figure's subject as a figure of ``unit`` takes it: a level without its growth word
    (增长10%,达到1.5万元; 增长5.2%、达到3200亿元 are 农民人均纯收入, 地区生产总值), and so is a rate after a change
    of it in points (森林覆盖率比上年提高0.1个百分点、达到11.3%: 森林覆盖率)."""
    subject = load_key_lexicon().to_level_end.sub("", subject)  # (城乡居民收入比缩小至2.12,比上年缩小0.06: where it moved to, no part of it)
    subject = _MILESTONE_VERB_END.sub("", subject)  # (迈上3600亿元台阶,年均增长6.1%: what passed the mark, not the passing)
    if unit in RATE_OR_CHANGE_UNITS and not (unit not in CHANGE_UNITS and prev_unit in CHANGE_UNITS):
        return subject
    return _BASELINE_END.sub("", _cue_tables()["growth_end"].sub("", subject))


def _town_named_before(text: str, sent_start: int, clause_start: int, kind: str) -> str:
    """The place of ``kind`` (镇, 乡, 村) a clause of the figure's item opens with, the nearest before its clause
    (红柳湾镇肉牛示范镇创建…,全镇…: 红柳湾镇), or ""."""
    item_start = max(text.rfind(_ITEM_END, sent_start, clause_start) + 1, sent_start)
    starts = [item_start] + [m.end() for m in _CLAUSE_END.finditer(text, item_start, clause_start)]
    for a in reversed(starts):
        if a < clause_start and (place := leading_place(text[a:clause_start])) and place.endswith(kind):
            return place
    return ""


def _place_figure_before(prev: "_Previous", unit: str) -> "Fact | None":
    """The figure before in the sentence whose measure a place's figure after it takes: the one right before it (in
    its unit, or any before a rate: a level's growth), else the last one before it in its unit of a place
    (澜城区地区生产总值519.4亿元,增长6.0%;江北区378.1亿元: 澜城区's level, past its growth); None where none is."""
    if prev.fact is None or not prev.fact.indicator_key:
        return None
    if prev.fact.unit == unit or unit in RATE_OR_CHANGE_UNITS:
        return prev.fact
    return next((f for f in reversed(prev.facts) if f.unit == unit and f.indicator_key
                 and split_key(f.indicator_key)[0]), None)


def _growth_of_level(rest: str, unit: str, prev_unit: str | None) -> str:
    """The growth word a place's clause says alone (``rest``: 增长, 同比下降) where its rate follows a level of the
    measure the clause takes (海晏街道地区生产总值541亿元,全区增长5.4%: 地区生产总值增长), else ""."""
    if (unit in RATE_OR_CHANGE_UNITS and prev_unit is not None and prev_unit not in RATE_OR_CHANGE_UNITS
            and _cue_tables()["growth_end"].search(rest) and not _has_noun(rest)):
        return rest
    return ""


def _elided_subject(before: str, subject: str, unit: str, of_figure: bool = True) -> str | None:
    """粮食播种面积1.1亿亩、产量825亿斤: a short subject that names no indicator alone, right after the figure
    before it, leaves out the words of that figure's subject that make one (粮食产量), or names another measure of
    the thing that subject measures (肉牛存栏7600头,出栏2300头: 肉牛出栏); the subject with them, or None. Its
    growth word does not count to its length (规模以上工业企业达7.6万家、增加值增长3%)."""
    core = _AIM.sub("", _LINKED.sub("", _cue_tables()["growth_end"].sub("", subject)))  # (产量稳定在20万吨以上, 总产量确保: 产量)
    if not subject or len(core) > _ELIDED_MAX or resolve_indicator(subject, unit):
        return None
    if not resolve_indicator(before, unit):
        for k in range(len(before) - 1, 1, -1):
            whole = before[:k] + subject
            ind = resolve_indicator(whole, unit)
            # the indicator's name takes two characters or more of the words left out (粮食+产量, not 进+出口增长)
            if ind and any(0 <= whole.rfind(syn) <= k - 2 and whole.rfind(syn) + len(syn) > k for syn in ind.synonyms):
                return whole
    # 城乡居民养老保险参保人数3.4万人,参保率达到98.2%; 高考本科上线1893人,上线率68.7%: the rate of what the count before
    # counts, named by its stem (参保, 上线) there
    if (of_figure and core.endswith(RATE_END) and len(stem := core[:-len(RATE_END)]) >= 2
            and (at := before.rfind(stem)) >= 0):  # (``before``: a figure's subject, not any clause's words)
        # (排查化解矛盾纠纷152起,化解率99.1%: the rate of what the verb took, 矛盾纠纷化解率; not of 参保人数's 人数)
        thing = before[at + len(stem):]
        return thing + subject if len(thing) >= 2 and not thing.endswith(_COUNT_NOUN_ENDS) else before[:at] + subject
    # 肉牛存栏7600头,出栏2300头; 生猪存栏增长5%,出栏增长8%: another measure of the thing the figure before measures
    # (grammar sibling_measures)
    # (their linking words aside: 粮食播种面积稳定在410万亩以上、产量达到150万吨 is 粮食产量)
    thing = split_phrase(_cue_tables()["growth_end"].sub("", before)).key
    if ((family := _SIBLING_MEASURES.get(split_phrase(core).key))
            and (was := next((w for w in family if thing.endswith(w)), None))
            and was != split_phrase(core).key
            and (len(thing) - len(was) >= 2 or thing[:-len(was)] in _ONE_CHARACTER_THINGS)  # (牛饲养量…、出栏…)
            and not load_key_lexicon().lead.fullmatch(thing[:-len(was)])):  # (全年进口增长5%、出口增长8%: no thing)
        return thing[:-len(was)] + subject
    return None


def _decide_unit(st: _DocState, fig: _Figure, prev: "_Previous") -> None:
    unit = fig.q.unit
    phrase = fig.phrase.rstrip()
    lex = load_lexicon()
    for prefix, per in lex.rate_prefixes:  # 日处理5000吨 → 吨/日 (not 日供水能力10万立方米/日 again: its unit says it)
        if prefix.search(phrase) and "/" not in fig.q.unit:
            unit = f"{fig.q.unit}/{per}"
    if "/" not in unit and unit not in RATE_OR_CHANGE_UNITS:
        # 低保标准每人每月不低于七百元 → 元/月: the time word right before the figure (but for linking words), or
        # anywhere in its clause before an amount of money (每人每月发放补贴300元); not where a count follows the word
        # (每月一题专项治理13个难题, one a month, 13 in the year) nor before a count it says how often (每月定期走访
        # 困难群众3200户次); and a figure that continues the one before (…分别提高到每人每月850元和650元) its rate
        money = unit in lex.currency_signs.values()
        words = fig.clause_phrase + st.text[fig.q.start:fig.q.num_start]  # (不低于每人每月600元: in the quantity's)
        own_year = [at for w in lex.own_time_words if (at := words.rfind(w)) >= 0]  # (…、每人每年8200元: a year's)
        rate = next((f"{unit}/{per}" for word, per in lex.rate_words_before + lex.rate_nouns_before
                     if (at := words.rfind(word)) >= 0 and not any(y > at for y in own_year)
                     and not _NUMERAL_START.match(words, at + len(word))
                     and (money or _only_linking(words[at + len(word):]))), None)
        if (rate is None and (fig.inherited or fig.joined) and prev.fact is not None and not own_year
                and not any(w in fig.clause_phrase for w in load_key_lexicon().total_words)):  # (…,共计714万元: all)
            rate = next((prev.fact.unit for _, per in lex.rate_words_before + lex.rate_nouns_before
                         if prev.fact.unit == f"{unit}/{per}"), None)
        unit = rate or unit
    fig.unit = unit


@lru_cache(maxsize=1)
def _only_linking_words() -> re.Pattern:
    return re.compile(f"(?:{load_key_lexicon().linking_start.pattern}|\\s)*$")


def _only_linking(words: str) -> bool:
    """Whether ``words`` are only linking words (提高到, 达到, 为): nothing of their own between a word and a figure."""
    return _only_linking_words().match(words) is not None


def _decide_indicator(st: _DocState, fig: _Figure, prev: "_Previous") -> None:
    fig.indicator = resolve_indicator(fig.subject, fig.unit)


def _decide_text(st: _DocState, fig: _Figure, prev: "_Previous") -> None:
    q = fig.q
    fig.flags.extend(q.flags)
    marked = (_MILESTONE_AFTER.match(st.text, q.end) is not None  # (…、2000亿元两个台阶: the marks of a list)
              or _MILESTONE_LIST_AFTER.match(st.text, q.end) is not None
              or _MILESTONE_FIRST.search(st.text, max(0, q.num_start - _MILESTONE_FIRST_REACH), q.num_start) is not None)
    if marked:
        fig.flags.append("milestone")  # 突破2万元大关, 迈上千亿元台阶: a mark passed
        # right after the figure that passed it, in its unit and of its indicator, it says that figure again
        # (农民人均纯收入20080元,首次突破2万元大关): no second figure of the indicator, and never linked
        # (the figure that passed it: the last of the sentence in its unit, 1.08亿人次、增长9.5%,首次突破一亿人次大关)
        passed = next((f for f in reversed(prev.facts) if f.unit == fig.unit), None)
        fig.restates = (fig.inherited and passed is not None
                        and (fig.indicator is None or passed.indicator == fig.indicator.id))
    if (not fig.restates and (marked or st.text.endswith(_MILESTONE_PASSED, 0, q.num_start))
            and (nxt := fig.next_q) is not None and nxt.unit == q.unit and nxt.value > (q.value_high or q.value)
            and not st.text.endswith(_MILESTONE_PASSED, 0, nxt.num_start)
            and _MILESTONE_THEN.fullmatch(st.text, q.end, nxt.num_start)
            and not _NAMES_A_CLASS_AFTER.match(st.text, nxt.end)):  # (均超过12万元,30万元以上的村达到9个: a class)
        # 接待游客突破200万人次,达到206.3万人次 (迈上千亿元台阶,达到1026亿元): the mark the figure right after it passed,
        # in its unit; that figure says it, and the mark is no second figure of the indicator (never linked)
        if not marked:
            fig.flags.append("milestone")
        fig.restates = True
    if is_corrupt(st.text[fig.clause_start:fig.q.end]) and "corrupt_text" not in fig.flags:
        fig.flags.append("corrupt_text")


def _decide_sign(st: _DocState, fig: _Figure, prev: "_Previous") -> None:
    """下降0.7% is a growth rate of -0.7 and 比上年减少1人 a change of -1; 下降5分/千瓦时 is the size of a cut,
    and stays positive, as does a cut planned against last year (较上年下降3分/千瓦时以上)."""
    lex, t, q, ind = load_lexicon(), _cue_tables(), fig.q, fig.indicator
    value, value_high = q.value, q.value_high
    is_rate_or_change = fig.unit in RATE_OR_CHANGE_UNITS or fig.kind == "change"
    # 分别下降20%和11%: a figure joined to a fall by 和 alone falls too
    falls = (t["negative"].search(fig.phrase) is not None
             or fig.joined and prev.fact is not None and "negative" in prev.fact.flags
             or fig.unit in _RATE_UNITS and _FALL_FIRST.match(fig.phrase) is not None)  # (降低一般工商业电价10%)
    # (低于全市平均水平3.1个百分点, 比计划低0.9个百分点, 较年初目标少350头, 比预算减少500亿元: a gap, the report's figure
    # less the other base's, in any unit and of any kind)
    below = "other_base" in fig.flags and (falls or t["below_base"].search(fig.clause_phrase) is not None)
    if (is_rate_or_change and falls or below) and not (ind and ind.verbs and ind.verbs[0] in lex.cues["negative_verbs"]):
        value = -value
        value_high = -value_high if value_high is not None else None
        if value_high is not None:
            value, value_high = value_high, value
        fig.flags.append("negative")
    if fig.of_base:  # 是上年的2.1倍: grew by 1.1 times (翻一番 is 1)
        value, value_high = value - 1, (value_high - 1 if value_high is not None else None)
    fig.value, fig.value_high = value, value_high


def _decide_kind(st: _DocState, fig: _Figure, prev: "_Previous") -> None:
    """The kind cue nearest the number (clause first, then outwards), time words, the heading, the sentences
    nearby, the document; a change verb on a change unit, or on a level against last year, makes a result a
    change."""
    lex, t, q, sent = load_lexicon(), _cue_tables(), fig.q, prev.sentence
    if fig.cell is not None:  # a table's cell: its column's words (2025年目标), else its year against the report's
        column = fig.cell.column
        fig.time_cue = (column.year, "table_column")
        kind = column.kind or (_kind_from_period(column.year, st.ctx, st.dt) if column.year is not None else None)
        assert kind is not None  # (a column read names its kind, or a year the report year dates: tables._header)
        fig.kind = kind
        fig.kind_source, fig.cue_commitment = "table_column", None
        return
    if fig.from_start is None:
        fig.time_cue = _first_time_cue(st, prev.i, (fig.clause_start, q.start), (sent.start, fig.clause_start))
    else:  # 从2020年的80.2岁提升至83.9岁: the year of the from-part is the start's, not this figure's
        fig.time_cue = _first_time_cue(st, prev.i, (q.start - len(fig.phrase), q.start), (sent.start, fig.from_start))
    # the comparator word is part of the clause it governs (把…控制在3.5%左右)
    # (of the end of a from–to, the from-part's words are the start's: 由去年的75万人提高到80万人)
    own = ((fig.clause_start, q.num_start) if fig.from_start is None
           else (fig.clause_start, fig.from_start) if fig.from_start > fig.clause_start  # 已由45%提高到46%: 已
           else (q.start - len(fig.phrase), q.num_start))
    prefix = (sent.start, fig.clause_start) if fig.from_start is None else (sent.start, fig.from_start)
    kind, commitment, source = _resolve_kind(st, prev.i, own, prefix, fig.time_cue, fig.unit in RATE_OR_CHANGE_UNITS)
    other_base = fig.unit in CHANGE_UNITS and t["other_base"].search(fig.clause_phrase) is not None
    changed = fig.unit in CHANGE_UNITS and t["change"].search(fig.clause_phrase) is not None
    if fig.unit in CHANGE_UNITS and (kind != "target" and (changed or other_base) or other_base and (
            changed or t["target_as_base"].search(fig.clause_phrase))):
        # (a planned one, 城镇化率提高1个百分点, is a target in 百分点; a gap against another base is a change whatever
        # its verb, 比全国高0.3个百分点, but for a planned gap with none, 研发投入增幅高于全省平均2个百分点以上)
        kind, source = "change", "change_verb"
    elif not other_base and t["gap_before"].search(fig.clause_phrase):
        kind, source, other_base = "change", "gap", True  # 低于全省平均水平2.6微克/立方米: the gap, no level
    elif _bare_change_after_level(st.text, fig, prev):
        kind, source = "change", "change_verb"  # 拟安排“三农”投入8183亿元,增加930亿元: by how much against last year's
    elif kind != "target" and t["plan_as_base"].search(fig.clause_phrase) and (
            t["change"].search(fig.phrase[-4:]) or t["gap_end"].search(fig.phrase)):  # (较年初目标少350头)
        # 财政赤字10000亿元,比预算减少500亿元: against the plan, as 超年初预期5亿元 is (target_as_base, below)
        kind, source, other_base = "actual", "target_as_base", True
    if not other_base and kind == "actual" and (t["target_as_base_end"].search(fig.clause_phrase)
                                                or t["budget_gap_before"].search(fig.phrase)):  # (超收1400万元)
        other_base = True  # PM2.5年均浓度…,优于省考核目标3.2微克/立方米: the gap to the target, no level
    elif (not other_base and fig.unit not in CHANGE_UNITS and t["other_period_base"].search(fig.clause_phrase)
            and t["change"].search(fig.phrase[-4:])):
        other_base = True  # 较上半年下降1.2微克/立方米, 较搬迁前增长1.3倍: against another time, in any unit
        if kind != "target" and fig.unit not in RATE_OR_CHANGE_UNITS and fig.unit not in _MULTIPLES:
            kind, source = "change", "change_verb"  # (a level's change)
    if other_base:
        fig.flags.append("other_base")  # 较上半年提高0.4个百分点: not against the year before
    elif (fig.unit not in RATE_OR_CHANGE_UNITS and fig.unit not in _MULTIPLES  # (较上年增长1.2倍: a rate)
          and (kind != "target" and (_BASELINE_WORDS.search(fig.clause_phrase) or _year_before_named(st, fig.clause_phrase)
                                     or _BASELINE_YEAR.search(fig.clause_phrase) or t["span_end_base"].search(fig.clause_phrase)
                                     # (与2024年同期相比,…增加17家: the base in a clause that opens the sentence)
                                     or t["compared_opening"].match(fig.sentence_prefix))
               or kind == "target" and _year_before_named(st, fig.clause_phrase, kind))
          and (t["change"].search(fig.phrase[-4:]) or t["more_fewer_end"].search(fig.phrase))):  # (比上年多争取2600万元)
        # 比上年增加20万人, 较2024年增加200吨 in 2025's, 财政赤字40600亿元,比2023年增加1800亿元 in 2024's budget: a change
        # in a level (and against an earlier base, 比2020年增加1200亿元, 比“十三五”末增加9000亿元: over several years)
        kind, source = "change", "change_verb"
    elif (kind != "target" and fig.joined and prev.fact is not None and prev.fact.kind == "change"
          and prev.kind_source == "change_verb" and q.comparator_before is None  # (not 、达62.1%: a level)
          and load_lexicon().compiled["figure_coordinator"].fullmatch(fig.phrase)):
        kind, source = "change", "change_verb"  # 较上年分别减少2起和1人: the second changes as the first
        if "other_base" in prev.fact.flags:
            fig.flags.append("other_base")  # (…增速比各项贷款平均增速分别高4.2和0.7个百分点: against the same base)
    reviewing = _reviewing(st, st.heading_kind(prev.i))
    if kind == "target" and reviewing and t["target_as_base"].search(fig.clause_phrase):
        # 比年初预期目标低1.9个百分点 in a review: the gap, not a target (a plan's 超过省下达目标1.2万人 is one); in any
        # unit a gap against another base, never linked (超年初预期5亿元)
        kind, source = "actual", "target_as_base"
        if "other_base" not in fig.flags:
            fig.flags.append("other_base")
    if ((named := fig.target_named) and not (kind == "actual" and (
            t["target_reached"].search(fig.clause_phrase)
            or t["target_reached"].search(st.text, named.end(), _clause_end(st.text, named.end(), sent.end, 8)))
            and not (prev.fact is not None and prev.fact.kind == "actual" and prev.q is not None
                     and prev.q.unit == q.unit and prev.q.end <= fig.clause_start
                     and not _has_noun(t["target_reached"].sub("", fig.phrase))))):
        # 提出5.5%左右的增长目标: a target; 没有完成8%的年度目标, where a result was read: that target said again
        # (提前一年实现…300元的目标: reached, a result; but 增长5%,实现了5%左右的预期目标, after the result an earlier
        # clause stated in its unit, is the target said again; not …2.95万人,完成了新增农村劳动力转移就业1.5万人的目标任务,
        # whose words name a thing of their own)
        kind, source = "target", ("restated" if kind == "actual" else "target_after")
    if source not in ("clause", "sentence") and (base := st.baseline_at(q.start)) is not None:
        y = _time_cue(st.text[base[0]:q.start], st.ctx.report_year, st.plan_anchor)
        if y is None or _kind_from_period(y, st.ctx, st.dt) == "actual":
            # 在去年新建5G基站1263个的基础上,今年再新建…: the past it builds on (not 在2026年新建…的基础上,2027年
            # 再新建… in a 2026 plan: a plan's own figure it builds on)
            kind, source = "actual", "baseline"
    if kind == "target" and source not in ("clause", "sentence") and (
            t["place_profile"].search(fig.phrase)
            and not (fig.inherited and prev.fact is not None and prev.fact.kind == "target")  # (新建城市公园3座,总面积18公顷)
            or t["population_profile"].search(fig.phrase) and (q.comparator_before is None or fig.comparator == "approx")
            or t["present_stock"].search(fig.phrase) and not load_key_lexicon().verbs.search(fig.phrase)
            or (prev.kind_source == "place_profile" or prev.fact is not None and prev.fact.kind == "actual"
                and t["present_stock"].search(prev.subject)) and prev.q is not None  # (全区现有常住人口…: a stock)
            and ((_LIST_ITEM.search(between := st.text[prev.q.end:q.start]) or _CONJ_INSIDE.search(between))
                 and not _CLAUSE_END.search(between)
                 # (全区现有常住人口201.2万人,各类养老助餐点212个: the next clause, a noun and its figure alone)
                 # (not a rate or a change: 全县总面积2510平方公里,总人口86万人,地区生产总值增长6.5% is the plan's)
                 or between.startswith(_PROFILE_GOES_ON) and len(_CLAUSE_END.findall(between)) == 1
                 and q.comparator_before is None and q.unit not in RATE_OR_CHANGE_UNITS
                 and not t["change"].search(between))
            and not load_key_lexicon().verbs.search(between)):
        # 全镇辖9个行政村(、112个村民小组和2个社区) in a work plan: the place as it is, no target (not …、新建2个站)
        kind, source = "actual", "place_profile"
    if kind == "target" and t["forecast_before"].search(fig.phrase):
        kind, source = "actual", "forecast"  # 今年高校毕业生将达727万人: the cohort the year brings, no target
    # 完成年度目标的105%(、120%), 是年度计划1.2万亩的125%: how much of a target was done, not the quantity (a result)
    # (in a multiple too: 争取上级各类项目资金4620万元,是年初目标的1.16倍)
    share = (fig.unit in lex.rate_units or fig.unit in _MULTIPLES) and (
        t["share_of_target"].search(fig.clause_phrase) is not None or (
            fig.joined and prev.fact is not None and "share_of_target" in prev.fact.flags))
    if share and reviewing and kind == "target" and source == "clause":
        kind, source = "actual", "share_of_target"  # 累计完成投资18.6亿元,为年度计划投资的103.3%: its 计划 is the base
    if (reviewing and not share and t["restated_list_opens"].match(fig.clause_phrase)
            and t["restated_list_ends"].search(st.text, q.end, _clause_end(st.text, q.end, sent.end, _LIST_REACH))):
        # 县十届人大三次会议批准的2024年计划,确定地区生产总值增长6%-6.5%、…、固定资产投资增长8%等主要预期目标: the
        # year's plan said again, item by item
        kind, source = "target", "restated"
    plans_own_year = (fig.time_cue[0] is not None and fig.time_cue[1] in _OWN_TIME
                      and _kind_from_period(fig.time_cue[0], st.ctx, st.dt) == "target")  # (2025年,计划发展党员20名左右)
    if (reviewing and not share and not plans_own_year and (t["plan_restated"].search(fig.clause_phrase)
                                     or _under_plan_label(t, fig)  # (年度目标:新增…6000个)
                                     or fig.clause_phrase.rstrip()[-1:] in _RESTATED_ENDS
                                     and t["restated_in_review"].search(fig.clause_phrase))
            and not t["target_as_base"].search(fig.clause_phrase)  # (比年初计划目标低0.4个百分点: a gap)
            # (计划实施的12件民生实事已完成11件: after the plan's figure in its clause, what was done)
            and not (prev.q is not None and prev.q.end > fig.clause_start and _RESULT_AFTER_PLAN.search(fig.phrase))):
        # 全年计划完成投资30亿元,实际完成32.4亿元; 城镇新增就业预期目标是1100万人以上: the year's plan said again
        kind, source = "target", "restated"
    if (reviewing and not share and kind != "target" and prev.fact is not None and "restated_target" in prev.fact.flags
            and prev.q is not None and prev.q.unit != q.unit and prev.q.end <= fig.clause_start
            and not st.text[prev.q.end:fig.clause_start].strip(_PLAN_ITEM_JOINS)
            and not st.cues_in(fig.clause_start, q.start) and not _RESULT_AFTER_PLAN.match(fig.clause_phrase)):
        # 计划新建、改扩建中小学和幼儿园6所,新增学位3600个。实际完成6所,…: the plan said again goes on to its other
        # measure, in another unit (not 计划新增2000个,全年新增公共停车泊位2150个, nor what was done, 实际建成11个)
        kind, source = "target", "restated"
    if not share and (
            (rm := t["restated"].search(fig.clause_phrase)) and not t["target_as_base"].search(fig.clause_phrase)
            and not any(h[2] == "actual" for h in st.cues_in(fig.clause_start + rm.end(), q.num_start))
            # (in a plan, 城镇新增就业全年目标5000人 is the plan's own target)
            or (reviewing or kind != "target")
            and _restated_before(t, fig.clause_phrase, st.text, q.end, sent.end) is not None):
        # 年初确定的增长6%的目标顺利实现, 完成国家下达的700亿斤目标任务, 超过年初计划的6所: the year's target, said again
        # (not 去年提出的实事已完成投资5亿元, nor the gap to it: 高于年初确定的6.5%的预期目标0.3个百分点)
        kind, source = "target", "restated"
    if (reviewing and kind == "target" and source == "restated" and prev.q is not None and prev.q.unit == q.unit
            and (part := t["whole_then_part"].match(st.text, prev.q.end)) is not None and part.end() == q.start):
        kind, source = "actual", "part_done"  # 年初确定的十五件民生实事中十四件已完成: the part done, not the plan again
    elif (reviewing and q.unit in _ENUMERATION_UNITS and t["whole_then_part"].match(st.text, q.end)
            and (_COUNTED_HEAD.match(st.text, q.end) or t["restated"].search(fig.clause_phrase))):
        # 15件民生实事中14件全面完成: the plan's count, of which 14 were done (not 全县12个乡镇中,有8个…: all there are)
        kind, source = "target", "restated"
    elif (kind == "target" and source == "restated" and reviewing and q.unit in _ENUMERATION_UNITS
            and t["all_done_after"].match(st.text, q.end, _clause_end(st.text, q.end, sent.end, _LIST_REACH))):
        kind, source = "actual", "all_done"  # 年初确定的12项为民办实事全部完成: every one of them done
    if share:
        fig.flags.append("share_of_target")
    if (kind == "target" and source not in ("clause", "restated") and st.dt is not None and st.dt.part_of_year
            and _partial_year_cue_ends(st, prev.i, sent.start, fig.clause_start, q.start) is not None
            and not t["rest_of_year"].search(st.masked, sent.start, q.start)):
        # 上半年,全县规上工业增加值增长8.1%, under a half-year summary's plan for the rest of the year: the part of
        # the year it reviews (下半年将力争…9% has a cue of its own; 下半年新开工…3个以上 is the part ahead; the year's
        # target said again, 占全年目标任务3200万元的53.4%, stays the year's)
        kind, source = "actual", "partial_year"
    if kind == "actual" and _moves_a_rank(st.text, q):
        kind, source = "change", "rank_move"  # 较上年前移9位, 排名提升4个位次: a ranking's move, against the year before
    fig.kind, fig.kind_source, fig.cue_commitment = kind, source, commitment


_SPAN_FLAGS = frozenset({"multi_year", "five_year_average", "cumulative"})  # a figure of a span, not of one year


def _without_span_words(t: dict, subject: str) -> str:
    """``subject`` without the words that make its figure a span's (五年累计, 年均, 累计): what it measures."""
    for p in ("five_year_average", "multi_year", "cumulative"):
        subject = t[p].sub("", subject)
    return subject


def _without_held_runs(t: dict, words: str) -> str:
    """``words`` without each run of years whose clause goes on to a figure (粮食总产量…,连续五年稳定在30亿斤以上,: the
    run is that figure's, cues run_of_years); a run whose clause holds none (连续五年实施农村危房改造工程,共改造…) stays."""
    def held(m: re.Match) -> str:
        end = _CLAUSE_END.search(words, m.end())
        return "" if _DIGIT.search(words, m.end(), end.start() if end else len(words)) else m.group(0)
    return t["run_of_years"].sub(held, words)


def _decide_period(st: _DocState, fig: _Figure, prev: "_Previous") -> None:
    """The year the figure is about, or none where it covers several (flags say why)."""
    lex, t, q, text = load_lexicon(), _cue_tables(), fig.q, st.text
    sent = prev.sentence
    if fig.cell is not None:
        _decide_cell_period(st, fig, prev)
        return
    # a rate that is no rate of change (森林覆盖率达53.4%), or where a from–to ended (高速公路由7473公里增至
    # 9310公里), stated in a span's review, is its last year's
    reached = _level_reached(fig)
    at_span_end = (reached or fig.unit in lex.rate_units and not t["growth_words"].search(fig.clause_phrase)
                   # (总体控制在5.5%以内, …参保率保持在95%以上: every year of it; the bound word is the figure's own)
                   and not t["whole_span"].search(st.masked, fig.clause_start, q.num_start)
                   or fig.from_start is not None and (not t["plan_span"].search(st.masked, sent.start, q.start)
                                                      or _span_ended(st, fig)))
    period, source = _resolve_period(st, prev.i, sent, fig.time_cue, fig.kind, at_span_end)
    if period is None and source == "multi_year_section" and t["single_year_framing"].search(fig.clause_phrase):
        period, source = _default_year(st, fig.kind), "single_year"  # (…五年完成营造林98万亩,当年21.3万亩: the year's)
    if (fig.kind == "target" and at_span_end and period is not None and fig.time_cue[1] not in _OWN_TIME
            and (opening := t["span_opening"].match(fig.sentence_prefix))
            and (span := t["plan_span"].search(opening.group(0)))
            and (end := span_end_year(span.group(0)[1])) > period):
        period, source = end, "span_end"  # “十五五”时期,研发经费投入强度达到3%: the level the plan's span ends at (2030)
    if source == "multi_year_section" and (at_span_end and fig.from_start is not None or reached) and fig.kind == "actual":
        # 过去五年 > 从3800亿元增加到5200亿元: 5200 is now; so is a level the span reached (人均预期寿命提高到79.1岁)
        period, source = _default_year(st, "actual"), "span_end"
    if fig.kind_source == "restated" and fig.time_cue[1] != "clause_time":
        period, source = _default_year(st, "actual"), "restated"  # the target of the year its review reviews
    flags = fig.flags
    # 2022年以来新增高速公路通车里程580公里 in a review of 2024: the total since then, not 2022's (2024年以来: 2024's)
    since = (period is not None and fig.kind == "actual" and (now := _default_year(st, "actual")) is not None
             and period < now and (sm := _SINCE_YEAR.search(fig.sentence_prefix + fig.clause_phrase)) is not None
             and (sm.group("relative") is not None or int(sm.group(1)) == period)
             # (自2021年实施乡村振兴战略以来,全县新增就业5000人: the total since, where the clause names no year of its own)
             or fig.kind == "actual" and (fm := _SINCE_FRAME.search(said := fig.sentence_prefix + fig.clause_phrase))
             is not None and not t["whole_year"].search(said, fm.end())  # (…以来,…,全年采摘…,加工干茶…: the year's)
             and not t["single_year_framing"].search(said, fm.end()))
    # 由2020年的298.5亿元增加到…: a from–to's starting value the text dates is that year's, whatever span frames it
    # (and so is the next of a list of them: 从2021年的46503元和16935元分别提高到…)
    list_goes_on = fig.joined and prev.fact is not None and "starting_value" in prev.fact.flags
    dated = (fig.kind == "actual" and (t["to_after"].match(text, q.end, sent.end) or t["to_after_list"].match(text, q.end, sent.end))
             and ((m := t["starting_year"].search(fig.phrase)) and int(m.group(1))
                  or (rel := t["starting_year_relative"].search(fig.phrase)) and _relative_start(st, rel.group("word"), period)
                  or list_goes_on and prev.fact.period_year)) or None
    # (年均增长6%左右、总量达到1450亿元左右: a level after a rate in its clause has its own words, not the rate's 年均)
    own_words = (fig.phrase if prev.q is not None and prev.q.end > fig.clause_start and prev.q.unit != fig.q.unit
                 and prev.q.unit in RATE_OR_CHANGE_UNITS and fig.q.unit not in RATE_OR_CHANGE_UNITS else fig.clause_phrase)
    if t["five_year_average"].search(own_words):
        flags.append("five_year_average")
        period = None
    elif dated is None and (since or t["multi_year"].search(fig.clause_phrase)
          # (no span of the clauses, paragraph or section before over a clause that names its one year: 五年完成营造林
          # 98万亩,当年21.3万亩; 规上工业增加值年均增长6.2%,全年增长6.7%)
          or not t["single_year_framing"].search(fig.clause_phrase) and (
          # (a span in the clauses before: not of a level the span ended at, 五年来,…农村公路由1860公里增加到2340公里)
          not at_span_end and (
              # (a year in its own clause comes after every span word of the clauses before: 主要目标是:…到2030年
              # 全市生产总值突破6500亿元 is 2030's)
              fig.time_cue[1] == "sentence_time"
              and (_span_words(t, _after_last_year(fig.sentence_prefix)[-20:].rpartition(";")[2])
                   # (a sentence that opens on its span: a year of an earlier item dates only that item for a change,
                   # 五年来,…预计2025年达到5425亿元,…;常住人口城镇化率提高4.2个百分点 is the span's; not a year of the
                   # figure's own item, 五年来,…,2025年全市地区生产总值达到520亿元,增长6.2%, nor for a level, which
                   # stands at the year's end: …,去年新建高标准农田512万亩;保护性耕作实施面积3620万亩)
                   or t["span_opening"].match(fig.sentence_prefix) is not None
                   and ";" in _after_last_year(fig.sentence_prefix) and t["change"].search(fig.clause_phrase) is not None)
              if fig.time_cue[1] in _OWN_TIME
              # (a span said in an earlier item is that item's: …五年来营收年均增长18.6%;南康家具产业集群总产值…)
              # (nor a run of years that goes on to a figure of its own, 连续五年稳定在30亿斤以上: that figure's)
              else t["multi_year"].search(_without_held_runs(t, fig.sentence_prefix[-20:].rpartition(";")[2]))
              or t["span_opening"].match(fig.sentence_prefix)  # “十四五”期间,…168亿元,…1.2万个: all its clauses
              or t["cumulative"].search(fig.clause_phrase) and _span_words(t, fig.sentence_prefix))  # 五年累计…,累计…
          or source == "multi_year_section"
          # (a total to date with no year of its own clause, where a heading reviews a year and a span: 2025年和
          # “十四五”时期工作回顾 > …2025年达到662万吨;累计新建改造农村公路1.6万公里 is the span's)
          or (fig.time_cue[1] != "clause_time" and t["cumulative"].search(fig.clause_phrase)
              and _mixed_section(sent.section) and st.framing(prev.i) != "year"  # (not 刚刚过去的一年,…全年累计…)
              and not t["whole_year"].search(fig.clause_phrase))
          or ((run := t["multi_year_sentence"].search(text, fig.clause_start, min(sent.end, q.end + 12)))
              and run.start() < _clause_end(text, q.end, sent.end, 12)
              # (平均5.2%、连续三年控制在5.5%以内: a run that goes on to a figure of its own is that figure's)
              and (run.start() < q.start or not _DIGIT.search(text, run.end(), _clause_end(text, run.end(), sent.end, 12)))
              and not (run.start() > q.start and t["streak_after"].match(text, run.start()))))):
        flags.append("multi_year")
        period = None
    # (of the end of a from–to, only its own words: 从上半年5.5%降到5.3%, 5.3% is the year's; never the year's target
    # said again, 下半年,紧盯年初确定的…增长6%左右的目标)
    if fig.kind_source != "restated" and (_partial_year_cue_ends(
            st, prev.i, sent.start if fig.from_start is None else q.start - len(fig.phrase), fig.clause_start,
            q.start) is not None or (
            st.dt is not None and st.dt.part_of_year and fig.kind == "actual" and fig.time_cue[0] is None
            and not any(not t["year_plan_after"].match(st.masked, m.end())  # (全年目标2000亩,已完成1200亩: so far)
                        for m in t["whole_year"].finditer(st.masked, sent.start, q.start))) or (
            # 今年以来,…完成… in a report written before the year ends: the year so far
            fig.kind == "actual" and st.dt is not None and (st.dt.part_of_year or st.dt.actual_offset < 0)
            and t["year_to_date"].search(st.masked, sent.start, q.start)) or (
            # 1-11月完成固定资产投资4.6亿元,同比增长9.2%: the growth of that part of the year
            fig.inherited and prev.fact is not None and "partial_year" in prev.fact.flags
            and fig.time_cue[1] != "clause_time" and not t["whole_year"].search(fig.clause_phrase))):
        flags.append("partial_year")  # 前三季度,地区生产总值增长5.6%: not the year's figure
        period = None
    # (the next of a list of starting values, 从645元/月、4318元/年提高到…, has only 、 before it: list_goes_on)
    base = st.baseline_at(q.start)
    base_year = (_time_cue(text[base[0]:q.start], st.ctx.report_year, st.plan_anchor)
                 if base is not None and fig.kind_source == "baseline" else None)
    if base_year is not None:
        period, source = base_year, "baseline"  # 在去年新建…1263个的基础上: last year's result
    elif fig.kind == "actual" and (bv := _BASE_VALUE.search(fig.phrase)) is not None:
        # 比上年的16.5万人次, 比2024年的2.41亿元, (上年为5.6%): the base year's result, the year before the figure's
        # before it (上年 dated an aside already)
        now = prev.fact.period_year if prev.fact is not None and prev.fact.period_year is not None else period
        period = int(bv.group("year")) if bv.group("year") else now - 1 if now is not None else None
        source = "base_value"
    elif (((t["from_before"].search(fig.phrase) or list_goes_on)
           and (t["to_after"].match(text, q.end, sent.end) or t["to_after_list"].match(text, q.end, sent.end)))
          or t["adjusted_to"].match(text, q.end, sent.end) or base is not None
          or t["current_before"].search(fig.phrase) and t["current_changed_after"].match(text, q.end, sent.end)):
        flags.append("starting_value")  # 从5.5%降到5.3%: 5.5% is where it started (现行16%的…税率降至13%)
        period, source = (dated, "starting_year") if dated is not None else (None, source)
    if period is not None:  # 比2002年增长65.5%: grown since a base year well before the period
        bm = _BASELINE_YEAR.search(fig.clause_phrase)
        if bm is None and t["growth_words"].search(fig.clause_phrase):
            # (a base year of an earlier clause: a growth of this one since it too, but not past the end of an
            # item: 较2025年增长30%以上;研发经费投入强度达到2% is a level of 2030)
            bm = next((m for m in _BASELINE_YEAR.finditer(fig.sentence_prefix) if ";" not in fig.sentence_prefix[m.end():]),
                      None)
        base_year = (int(bm.group(1)) if bm else
                     span_end_year(se.group("n")) if (se := t["span_end_base"].search(fig.clause_phrase)) else None)
        if base_year is not None and base_year < period - 1:
            flags.append("cumulative")
            period = None
    _flag_cumulative_and_restated(st, fig, period, fig.clause_phrase, fig.sentence_prefix[-_YEAR_TOTAL_REACH:])
    fig.period, fig.period_source = period, source


def _level_reached(fig: _Figure) -> bool:
    """Whether a result is a level its words say was reached (高速公路通车里程达到7132公里, 人均预期寿命提高到79.1岁,
    企业增至268家): in a review of a span, the level at its end, not a figure of the span (not a gain, 新增…达到, nor a
    total, 累计…, nor a growth or a change) (grammar span_end_reach; probe v318)."""
    t = _cue_tables()
    return (fig.kind == "actual" and fig.unit not in CHANGE_UNITS and fig.from_start is None  # (a from–to: its own rule)
            and _SPAN_END_REACH.search(fig.phrase + (fig.q.comparator_before or "")) is not None  # (达到: a comparator)
            and not t["growth_words"].search(fig.clause_phrase) and not t["cumulative"].search(fig.clause_phrase)
            # (a measure named with no verb done to it, 高速公路通车里程, 人均预期寿命; not what was done through the
            # span, 建成农村公路达到3000公里, 接待游客突破1亿人次, 城镇新增就业达到5万人: the span's)
            and not split_phrase(fig.subject).verb and not load_key_lexicon().gain_in.search(fig.subject)
            and (fig.indicator is None or not fig.indicator.verbs))


def _span_ended(st: _DocState, fig: _Figure) -> bool:
    """Whether a result's sentence opens on a plan's span that has ended by the year its review reviews (“十四五”时期,
    …城乡居民收入比由2020年的2.18:1缩小到1.98:1 in a review of 2025: the from–to ends at the span's last year)."""
    t = _cue_tables()
    return (fig.kind == "actual" and (opening := t["span_opening"].match(fig.sentence_prefix)) is not None
            and (span := t["plan_span"].search(opening.group(0))) is not None
            and (now := _default_year(st, "actual")) is not None and span_end_year(span.group(0)[1]) <= now)


_YEAR_TOTAL_REACH = 16  # characters before a figure's clause where the year so far may be said (截至12月20日,)


def _flag_cumulative_and_restated(st: _DocState, fig: _Figure, period: int | None, words: str, before: str = "") -> None:
    """The last flags of the period step, a sentence's figure's and a cell's alike: cumulative where ``words`` say
    so (累计), and restated_target for a target of a year before the first its report plans (去年确定的目标; the
    2025年目标 column of a plan for 2026) or the year's plan a review states again beside its result (新增公办学位
    3000个(计划2800个))."""
    t = _cue_tables()
    if t["cumulative"].search(words) and "cumulative" not in fig.flags and not t["year_total"].search(before + words):
        fig.flags.append("cumulative")  # (not 全年累计…: the year's own total)
    if fig.kind == "target" and period is not None and (fig.kind_source == "restated" or (
            (first := _default_year(st, "target")) is not None and period < first)
            # (a summary of part of a year states its year's targets again: 下半年,确保全年税收总额达到68亿元)
            or st.dt is not None and st.dt.part_of_year and period == st.ctx.report_year):
        fig.flags.append("restated_target")


_OWN_TIME = ("clause_time", "sentence_time")  # a figure its own clause or sentence dates


def _after_last_year(words: str) -> str:
    """``words`` after the last year written in them (今后五年的主要目标是:到2030年,…: the year a figure's own
    sentence gives it outranks the span named before that year)."""
    last = None
    for last in _YEAR.finditer(words):
        pass
    return words[last.end():] if last else words


def _decide_cell_period(st: _DocState, fig: _Figure, prev: "_Previous") -> None:
    """A table's cell: the year its column names; a column that names none (目标 完成) shares the year of its
    table's results (or targets) as a sentence of that kind there would have it. Its header and its row's name
    say whether it covers several years or part of one (年均增长, 累计, 1-11月)."""
    assert fig.cell is not None  # (called for a table's cell only: _decide_period)
    t, column = _cue_tables(), fig.cell.column
    period: int | None
    if column.year is not None:
        period, source = column.year, "table_column"
    else:
        period, source = _resolve_period(st, prev.i, prev.sentence, (None, None), column.year_of)
    words = column.header + "|" + fig.clause_phrase
    if t["five_year_average"].search(words):
        fig.flags.append("five_year_average")
        period = None
    elif t["multi_year"].search(words):
        fig.flags.append("multi_year")
        period = None
    if t["partial_year"].search(column.header) and not t["whole_year"].search(column.header):
        fig.flags.append("partial_year")
        period = None
    _flag_cumulative_and_restated(st, fig, period, words)
    if fig.kind == "target" and column.year_of == "actual" and "restated_target" not in fig.flags:
        fig.flags.append("restated_target")  # 年度目标 beside 完成值 in a summary's table: the year's plan said again
    fig.period, fig.period_source = period, source


def _span_words(t: dict, words: str) -> bool:
    """Whether ``words`` name a span of years (五年来, “十四五”期间), not inside a run one figure held: in a
    sentence that dates its figure (2025年,全省连续五年保持粮食丰收,粮食总产量556.3亿斤) the run is the
    harvest's; without a date (连续五年实施…,共改造农村危房1.2万户) it is the total's span."""
    return _span_cue(t, t["multi_year"], words) is not None


_LIST_REACH = 120  # characters a list of targets may go on after one of its figures


def _clause_end(text: str, pos: int, limit: int, reach: int) -> int:
    """Where the clause that goes on at ``pos`` ends, looking no further than ``reach`` characters (and
    ``limit``): 132.6万吨,连续五年稳定在… ends at the comma."""
    m = _CLAUSE_END.search(text, pos, min(limit, pos + reach))
    return m.start() if m else min(limit, pos + reach)


def _under_plan_label(t: dict, fig: _Figure) -> bool:
    """Whether the sentence of ``fig`` opens on a label of the year's plan (目标任务:新改建农村公路150公里,实施…防护工程
    80公里。) and every clause from it to ``fig``'s states the plan: none opens on what was done (年度目标:新增…6000个,
    实际新增6210个: the result)."""
    return ((label := t["plan_label"].match(fig.sentence_prefix)) is not None
            and not _RESULT_AFTER_PLAN.match(fig.clause_phrase.lstrip())
            and not any(_RESULT_AFTER_PLAN.match(c.lstrip()) for c in _CLAUSE_END.split(fig.sentence_prefix[label.end():])))


def _partial_year_cue_ends(st: _DocState, i: int, start: int, clause_start: int, end: int) -> int | None:
    """Where the last cue of part of a year (前三季度, 1-11月) of sentence ``i`` inside ``masked[start:end]``
    ends, if no year or whole-year word (全年) stands after it; else None. Before the figure's own clause a
    cue counts only as a lead-in (上半年,…; 截至11月底,…) or where it opens a clause (下半年力争再招引…8个,固定资产投资
    完成15.5亿元以上), not as the object of another verb (克服上半年持续干旱)."""
    hits = st.partials(i)
    if not hits:
        return None
    lead_in = _cue_tables()["partial_year_lead_in"]
    # (in a half-year summary a cue that opens a clause goes on: 下半年力争再招引…8个,固定资产投资完成15.5亿元以上; in
    # a year's review it names when something was done, 上半年完成村两委换届,新建村级活动场所12个)
    opening_counts = st.dt is not None and st.dt.part_of_year
    inside = [e for s, e in hits if start <= s and e <= end
              and (s >= clause_start or lead_in.match(st.masked, e)
                   or opening_counts and (s == start or _CLAUSE_END.match(st.masked, s - 1) is not None))]
    if not inside:
        return None
    cue_end = inside[-1]
    if st.time_in(cue_end, end) is not None or _cue_tables()["whole_year"].search(st.masked, cue_end, end):
        return None
    if any(mark in st.masked[cue_end:clause_start] for mark in _ITEM_ENDS):
        return None  # (1—11月,限上消费品零售额增长7.2%;镇级一般公共预算收入增长5.4%: an item after it is its own)
    return cue_end


def _decide_estimate(st: _DocState, fig: _Figure, prev: "_Previous") -> None:
    if fig.kind != "actual":
        return
    t = _cue_tables()
    if fig.kind_source == "forecast":
        fig.flags.append("estimated")
    elif fig.cell is not None:
        if t["estimated"].search(fig.cell.column.header):  # 2024年预计完成
            fig.flags.append("estimated")
    elif t["estimated"].search(fig.clause_phrase) or (
            t["estimated"].search(fig.sentence_prefix)  # (most sentences say none: one look)
            # of a clause before it, for a figure whose clause names nothing (全年地区生产总值预计2350亿元,增长5.2%);
            # not for one that names its own (…就业预计超过43万人,经最终统计,城镇新增就业44.6万人)
            and (t["estimated"].search(fig.sentence_prefix[-30:]) and not _has_noun(fig.clause_phrase)
                 # (预计 that opens the sentence, scope words aside, speaks for all its clauses: 全镇预计全年完成地区生产
                 # 总值38.6亿元,同比增长5.8%;一般公共预算收入1.71亿元; and one that opens a clause, for the clauses of its
                 # item after it: …,预计全年接待游客9.6亿人次、增长10.3%,旅游总收入1.24万亿元)
                 or _estimate_opens(t, fig.sentence_prefix))
            and not t["estimate_ends"].search(fig.sentence_prefix,
                                              max(m.end() for m in t["estimated"].finditer(fig.sentence_prefix)))):
        fig.flags.append("estimated")


def _estimate_opens(t: dict, prefix: str) -> bool:
    """Whether the sentence, or a clause of the item a figure stands in, opens (scope words aside) on 预计."""
    if t["estimated"].match(_after_scope(prefix)):
        return True
    item = prefix[max(prefix.rfind(end) for end in _ITEM_ENDS) + 1:]
    return any(t["estimated"].match(_after_scope(item, m.end())) for m in _CLAUSE_END.finditer(item))


def _after_scope(text: str, start: int = 0) -> str:
    """``text[start:]`` without the spaces, years and scope words it opens with (2024年,全县; 全年: keys.yaml scope)."""
    scope = load_key_lexicon().scope_start
    text = text[start:].lstrip()
    while ((m := scope.match(text)) or (m := _YEAR.match(text))) and m.end() > 0:
        text = text[m.end():].lstrip(", ")
    return text


def _decide_commitment(st: _DocState, fig: _Figure, prev: "_Previous") -> None:
    fig.commitment = fig.cue_commitment if fig.kind == "target" else None
    if fig.second_bound and fig.commitment == "stretch":
        fig.flags.append("stretch_bound")  # 增长7%以上、力争达到8%: the aim beyond the target, no target of its own


def _decide_comparator(st: _DocState, fig: _Figure, prev: "_Previous") -> None:
    q = fig.q
    comparator = q.comparator  # as stated: of a fall stored negative (下降10%以上), plan_vs_actual turns the side
    if (fig.kind == "actual" and not q.comparator_after and q.value_high is None
            and q.comparator_before in load_lexicon().result_value_before):
        comparator = "eq"  # 涨幅控制在3.3%: a result stated, not a ceiling (近10公里 stays le)
    elif (fig.kind_source == "restated" and q.comparator_before and not q.comparator_after
          and fig.target_named is not None):
        comparator = "eq"  # 增长5.6%,高于6%的预期目标: 高于 says how a result stood to the target, not its bound
    elif comparator == "eq" and _ABOUT_SHARE.search(fig.phrase):
        comparator = "approx"  # 约占地区生产总值的三分之一: the 约 before 占 is the share's
    elif comparator == "eq" and fig.unit in _RATE_UNITS and (bound := _BOUND_SHARE.search(fig.phrase)):
        # 不低于一般公共预算支出的80% (grammar bound_share's words are comparators.yaml's before words)
        comparator = load_lexicon().comparators_before.get(bound.group("bound"), comparator)
    elif comparator == "eq" and "milestone" in fig.flags and fig.phrase.rstrip().endswith(_MILESTONE_PASSED):
        comparator = "ge"  # 迈上4.5万亿元台阶: at or past the mark (not 迈上3个新台阶, a count of steps, no milestone)
    fig.comparator = comparator


STEPS = (("subject", _decide_subject), ("unit", _decide_unit), ("indicator", _decide_indicator),
         ("text", _decide_text), ("kind", _decide_kind), ("sign", _decide_sign), ("period", _decide_period),
         ("estimate", _decide_estimate), ("commitment", _decide_commitment), ("comparator", _decide_comparator))
# the fields of a _Figure each step decides (flags: every step may add its own, none takes one away)
STEP_FIELDS = {"subject": ("subject", "joined", "inherited", "from_start", "second_bound", "of_base"), "unit": ("unit",),
               "indicator": ("indicator",),
               "text": ("flags", "restates"), "sign": ("value", "value_high", "flags"),
               "kind": ("kind", "kind_source", "cue_commitment", "time_cue"),
               "period": ("period", "period_source", "flags"), "estimate": ("flags",),
               "commitment": ("commitment", "flags"), "comparator": ("comparator",)}


@dataclass(slots=True)
class _Previous:
    """What the figures before this one in the sentence left for it."""
    i: int                      # the sentence's index
    sentence: Sentence          # the sentence
    q: Quantity | None = None   # the last quantity read (a figure, or a count that is no fact)
    fact: Fact | None = None
    facts: list = field(default_factory=list)  # the sentence's facts so far
    subject: str = ""
    kind_source: str | None = None  # where the kind of the last figure came from (place_profile: …辖9个行政村)


def _figures(st: _DocState, i: int, sent: Sentence, quantities: list[Quantity], doc_id: str,
             on_step=None) -> list[Fact]:
    """The facts of one sentence: each quantity through ``STEPS``, then written with its evidence."""
    text = st.text
    target_after = _cue_tables()["target_after"]
    clause_ends = [m.end() for m in _CLAUSE_END.finditer(text, sent.start, sent.end)]
    facts: list[Fact] = []
    if _ERRATUM_OPENS.match(text, text.rfind("\n", 0, sent.start) + 1):
        return []  # (更正说明:…“28.35亿元”更正为“28.53亿元”。第二部分…: every sentence of the notice's paragraph)
    prev = _Previous(i, sent, facts=facts)
    if (st.last_figure is not None and st.last_figure[0] == i - 1 and _BREAKDOWN_OPENS.match(text, sent.start)
            and st.sentences.section(i) == st.sentences.section(i - 1)
            and st.last_figure[1].q is not None and quantities[0].unit == st.last_figure[1].q.unit):  # (not 有12个县…)
        # 全省地区生产总值…增长5.6%。分市看,乌江市增长6.5%: the places' figures of what the sentence before measured
        left = st.last_figure[1]
        prev.q, prev.fact, prev.subject = left.q, left.fact, left.subject
    groups: list[list[Fact]] = []  # facts sharing one subject list (…分别增长5%和3%)
    joined: set[int] = set()  # facts of a coordination of figures (增长5%和3%): none is one figure for a list
    definition = _DEFINITION.search(text, sent.start, sent.end)  # (a glossary's …:指…: found once per sentence)
    hypothetical = (_HYPOTHETICAL_OPENS.match(text, sent.start) is not None  # (most sentences: two quick looks)
                    or _HYPOTHETICAL_CLAUSE.search(text, sent.start, sent.end) is not None)
    for n, q in enumerate(quantities):
        if n + 1 < len(quantities) and _is_threshold_of_next(text, q, quantities[n + 1]):
            continue  # 过千万元项目20个: 过千万元 says which 项目; prev.q stays, so the next subject holds it
        if _in_numeral_word(text, q.num_start):
            continue  # 一次性化解率: a word that holds a numeral, no figure, and the words before the next figure go on
        if (q.unit in _QUALIFIER_UNITS and q.comparator_before is None
                and (q.comparator_after or text.startswith(_QUALIFIED_ALONE, q.end)
                     or q.comparator == "range" and not text.startswith(_RANGE_NOT_QUALIFYING, q.end))
                and (_QUALIFIED_NOUN.match(text, q.end)
                     or q.comparator_after and n + 1 < len(quantities) and quantities[n + 1].start == q.end)
                and not _QUALIFIER_NOT_AFTER.search(text, sent.start, q.start)):
            # 为100万名65岁以上老年人免费体检: 65岁以上 names which 老年人 (为0-6岁残疾儿童, 百岁老人: which); 发展党员11名,
            # 其中35岁以下8名: which 8 of them
            continue
        if ((head := _COUNTED_HEAD.match(text, q.end)) and _is_heading(st, i)
                and _LIST_TITLE_END.fullmatch(text, head.end(), text.find("\n", head.end()) % (len(text) + 1))):
            continue  # 附件2 > 2025年十件民生实事: a heading that names a list, no count of things promised or done
        if (title := text.rfind(_TITLE_OPENS, sent.start, q.start)) >= 0 and _TITLE_CLOSES not in text[title:q.start] \
                and _TITLE_CLOSES in text[q.end:sent.end]:
            continue  # 落实《青岚区支持民营经济发展20条措施》: a document's title, no figure
        if (_defines_a_class(text, q, sent.start) or _in_short_quote(text, q, sent.start, sent.end)
                or q.unit in _SCHEDULE_UNITS and _in_idiom(text, q.num_start)):  # (全天24小时人工接听)
            continue  # 对年营业收入2000万元以上的工业企业给予奖励: which 企业; “两个100%”: a name, no figure
        k = bisect.bisect_right(clause_ends, q.num_start) - 1
        clause_start = clause_ends[k] if k >= 0 else sent.start
        if q.unit in _DISTANCE_UNITS and (text.startswith(_DISTANCE_WORDS, clause_start)
                                          or text.startswith(_DISTANCE_NAMES_AFTER, q.end)):
            continue  # 园区位于县城东部,距县城中心12公里: where it lies; 公交站点500米覆盖率: a measure's name
        if (_PERSON_ASIDE.search(text, max(sent.start, q.num_start - _PERSON_ASIDE_REACH), q.num_start)
                or q.unit == _AGE_UNIT and text.endswith(ASIDE_OPENS, 0, q.start) and text.startswith(ASIDE_CLOSES, q.end)):
            continue  # 韩某某(男,46岁), 镇党委书记李长河(46岁): a person's age
        if hypothetical and _hypothetical(text, sent, clause_ends, k):
            continue  # 比如一个村集体每年可增收5万元左右; 如果一季度工业增速低于6%,将…: an example or a condition
        if definition is not None and definition.start() < q.start:
            continue  # 税收亿元楼:指年度入驻企业税收总额达到1亿元以上的商务楼宇: what a term means, no figure
        if q.unit in _ENUMERATION_UNITS and _UNFINISHED_AFTER.match(text, q.end, sent.end):
            continue  # 1处正在施工, 1项正在推进: things not done yet, no result
        if q.unit in _FREQUENCY_UNITS and _FREQUENCY_BEFORE.search(text, max(sent.start, q.start - _FREQUENCY_REACH), q.start):
            continue  # 每季度召开1次党建工作推进会: how often, a rule of the work
        if q.unit in _PER_UNIT_MINIMUM_UNITS and _PER_UNIT_MINIMUM.search(
                text, max(sent.start, q.num_start - _PER_UNIT_MINIMUM_REACH), q.num_start):
            continue  # 有劳动力家庭至少1人就业: a standard for each household, no count of anything (not 至少500户)
        if q.unit in _ENUMERATION_UNITS and text.endswith(_ENUMERATION_BEFORE, sent.start, q.start):
            continue  # 重点做好以下5项工作: the parts of what follows, no count of anything
        if q.unit in _ENUMERATION_UNITS and text.startswith(_ENUMERATION_HEAD_ANY, q.end):
            prev.q = q  # (and the words before the next figure start after it)
            continue  # 抓好9个方面的工作: the work in parts, no count of anything
        if (q.unit in _ENUMERATION_UNITS and n + 1 < len(quantities) and _PLACES_EACH.match(text, q.end)
                and not _CLAUSE_END.search(text, q.end, quantities[n + 1].start)):
            # 全乡18个行政村集体经济收入均达到5万元以上, 前湾、后湾两个村各新打机井10眼: how many places each figure is
            # of, no figure of its own (after names listed, 两个村 counts them: the words before the next figure keep them)
            if not _NAMES_LISTED_BEFORE.search(text, clause_start, q.start):
                prev.q = q
            continue
        if (q.unit in _ENUMERATION_UNITS and n + 1 < len(quantities) and (nxt := quantities[n + 1]).unit != q.unit
                and not _CLAUSE_END.search(text, q.end, nxt.start) and _SCOPE_COUNT_MEASURE.search(text, q.end, nxt.start)
                and not _has_noun(load_key_lexicon().scope_start.sub("", text[clause_start:q.start]).strip())
                # (not things new or done, 3920个新投产项目增加产值…: a result; nor a class the figure after names,
                # 82个预增产值过10亿元的重大增长点)
                and not text.startswith(_NEW_THINGS, q.end) and not _NAMES_A_CLASS_AFTER.match(text, nxt.end)):
            # 14个国省控断面水质优良率达到100%, 8个民族自治州地区生产总值增长4.3%, 9个乡镇一般公共预算支出安排4.6亿元,
            # opening its clause: how many things the figure after is of, no figure of its own (not 新建5个村级活动场所,
            # a count of what was done)
            prev.q = q
            continue
        if (q.unit in _ENUMERATION_UNITS and _PLACES_EACH.match(text, q.end)
                and _WHOLE_BEFORE_PLACES.search(text, clause_start, q.start)):
            prev.q = q
            continue  # 全省11个设区市全部建成区域医疗中心: how many places the jurisdiction has, all of which did it
        if (q.unit in _ENUMERATION_UNITS and _PLACES_RATE_FIELD.match(text, q.end) and n + 1 < len(quantities)
                and quantities[n + 1].unit in _RATE_UNITS and not _CLAUSE_END.search(text, q.end, quantities[n + 1].start)):
            prev.q = q
            continue  # 9个中心城市空气质量优良天数比率达到98.7%: the places a rate is of, no count of anything
        if _RANK_FIELD_AFTER.match(text, q.end) and _RANK_FIELD_BEFORE.search(text, clause_start, q.start):
            continue  # 在全省21个地市中排名第9位: the field a ranking is among
        phrase_start = max(clause_start, prev.q.end if prev.q and prev.q.end > clause_start else clause_start)
        if prev.q is not None and phrase_start == prev.q.end and (join := _ITEM_CONJUNCTION.match(text, phrase_start)):
            phrase_start = join.end()  # (耕地保有量5.8万亩和永久基本农田保护面积4.6万亩: the next item, 和 joins them)
        clause_phrase = st.masked[clause_start:q.start]
        # Chinese-numeral counts are enumerations (三个代表, 五个重点) unless a completed action states them
        # (a bare scale, 突破万亿元, has its comparator word to say it is a figure; a financial numeral,
        # 壹万贰仟元, is an amount)
        if (q.shape not in ("share", "bare_scale") and not text[q.num_start].isdigit()
                and not text.startswith(NEGATIVE_SIGNS, q.num_start) and text[q.num_start] not in FINANCIAL_CHARS
                and not _chinese_is_quantity(text, q, clause_phrase)
                or q.shape == "bare_scale" and _in_idiom(text, q.num_start)  # 成千上万人
                or q.shape == "share" and _EFFORT_AFTER.match(text, q.end)):  # 以百分之百的热情: no share of anything
            if not ((_ROUND_CLASS.fullmatch(text, q.num_start, q.end)
                     or q.unit_text in _NAME_COUNT_UNITS and q.value >= _TWO and "、" not in text[clause_start:q.start])
                    and _CJK_AFTER.match(text, q.end)):
                # (not a round size that names a class inside the words, 建设千亩蔬菜基地1个, nor a count of kinds
                # inside a name, 发放残疾人两项补贴186万元; not 仅此一项, nor 基本养老、失业、工伤三项社会保险: its list's count)
                prev.q = q
            continue
        # 资费至少降低30%: the change verb a bound word took in is the figure's
        inside = (_CHANGE_INSIDE.fullmatch(text, q.start + len(q.comparator_before.rstrip(_GAP_MARK)), q.num_start)
                  if q.comparator_before else None)
        verb = inside.group(0) if inside else ""
        fig = _Figure(q, clause_start, text[phrase_start:q.start] + verb, clause_phrase + verb,
                      st.masked[sent.start:clause_start],
                      target_named=target_after.match(text, q.end),
                      next_q=quantities[n + 1] if n + 1 < len(quantities) else None)
        _decide(st, fig, prev, on_step)
        fact = _write_fact(st, sent, fig, doc_id)
        # 分别: the subjects listed before 分别 go to the values in order (and to where a list of them ended:
        # 分别从645元、4318元提高到801元、7226元)
        if (fig.inherited and _RESPECTIVELY in fig.subject and not fig.phrase.strip() and groups
                and groups[-1][-1] is prev.fact and prev.q is not None
                and prev.q.unit.partition("/")[0] == q.unit.partition("/")[0]):  # (元/月 then 元/年: amounts)
            groups[-1].append(fact)  # (…分别增长5.1%,7.2%: a comma where 和 would stand)
        elif ((_RESPECTIVELY in fig.phrase or (fig.from_start is not None or fig.inherited) and _RESPECTIVELY in fig.subject)
                and not fig.joined):  # (…分别为774亿元、536亿元,比上年增长29.2%、39.4%: the second list's too)
            groups.append([fact])
        elif fig.joined and groups and groups[-1][-1] is prev.fact:
            groups[-1].append(fact)
        if fig.joined and prev.fact is not None:
            joined |= {id(fact), id(prev.fact)}
        facts.append(fact)
        prev.q, prev.fact, prev.kind_source = q, fact, fig.kind_source
        # (a share of the target says nothing of what the next figure measures: 收入完成86.4亿元,为预算的97.5%,
        # 增长3.2% is the revenue's growth)
        if (not fig.joined and not (("share_of_target" in fig.flags or "other_base" in fig.flags
                                      or fig.phrase.rstrip().endswith(ASIDE_OPENS) or _plan_aside(_cue_tables(), fig.phrase)
                                      or _SCOPE_ASIDE.fullmatch(fig.phrase.strip())) and prev.subject)
                and not (fig.restates and fig.inherited)):  # (a mark passed after the figure that passed it says
            prev.subject = fig.subject                      # what that figure measures: 迈上5000亿元台阶,增长5.9%)
    st.last_figure = (i, prev)
    for group in groups:
        _distribute_respectively(group, facts[:facts.index(group[0])])
    listed = {id(f) for g in groups if len(g) > 1 for f in g} | joined
    return [item for k, f in enumerate(facts)
            for item in ([f] if id(f) in listed else _shared_figure(f, facts[k - 1] if k else None))]


def _decide(st: _DocState, fig: _Figure, prev: "_Previous", on_step=None) -> None:
    """A figure through ``STEPS``, in order (``on_step(name, fig)`` after each: ``trace``)."""
    for name, step in STEPS:
        step(st, fig, prev)
        if on_step is not None:
            on_step(name, fig)


def _cell_figures(st: _DocState, i: int, sent: Sentence, cells: list[TableCell], doc_id: str,
                  on_step=None) -> list[Fact]:
    """The facts of a table's row that its header maps: each cell's figure through ``STEPS``, its column the cue
    of its kind and year, its row's name its words."""
    facts = []
    prev = _Previous(i, sent)
    for cell in cells:
        fig = _Figure(cell.q, sent.start, cell.name, mask_quoted(cell.name), "", cell,
                      _cue_tables()["target_after"].match(st.text, cell.q.end))
        _decide(st, fig, prev, on_step)
        facts.append(_write_fact(st, sent, fig, doc_id))
    return facts


def _write_fact(st: _DocState, sent: Sentence, fig: _Figure, doc_id: str) -> Fact:
    """The fact the steps decided, with its evidence (span, sentence, section, rule), key and direction."""
    q, ind = fig.q, fig.indicator
    after = st.text[q.end:sent.end] if fig.cell is None else ""  # (a cell's row goes on with other cells)
    key = resolve_indicator_key(fig.subject, after, ind.id if ind else None, fig.unit)
    if key and (parts := split_key(key))[0] and (
            (own := st.ctx.jurisdiction) and own.endswith(parts[0])
            or parts[0] in load_key_lexicon().own_sub_areas and load_key_lexicon().county_suffix.search(own or "")):
        # 鹤汀镇新建茶园 in 鹤汀镇's own summary: its own 茶园 (and 遵义市中心城区接待游客 in 遵义市's own report: its
        # 中心城区's, read again without the name; 县域经济总量 in a county's report: its own)
        key = resolve_indicator_key(parts[1], after, ind.id if ind else None, fig.unit) or parts[1]
    key = _fall_as_growth(key, fig.flags, fig.unit)
    if fig.restates:
        ind, key = None, None
    if key and (outer := _outer_scope(st.ctx, fig.subject, ind is not None, fig.unit, after)) and not key.startswith(outer):
        # 全国GDP增长5% in a province's report, 全市外贸进出口总额增长9.8% in a district's: the country's, the city's
        # figure (a kind of thing named 全国…, 全国重点实验室, names no canonical indicator and stays the report's own)
        key = f"{outer}{PLACE_SEPARATOR}{key}"
    assert fig.value is not None  # (set by the sign step)
    return Fact(
        fact_id=make_fact_id(doc_id, q, q.shape),
        period_year=fig.period, kind=fig.kind,
        indicator=_indicator_id(ind, fig.subject, key),
        indicator_text=fig.subject,
        indicator_key=key,
        direction=resolve_direction(fig.subject, after, _ceiling_comparator(fig), "negative" in fig.flags,
                                    ind.direction if ind else None),
        value=fig.value, value_high=fig.value_high, unit=fig.unit,
        unit_text=q.unit_text, comparator=fig.comparator, commitment=fig.commitment,
        surface=q.surface, span_start=q.start, span_end=q.end, sentence=sent.text.strip(),
        section=sent.section, rule_id=f"{q.shape}/{fig.kind_source}" + ("/inherited" if fig.inherited else ""),
        flags=fig.flags)


def trace(text: str, report_year: int | None = None, doc_type: str | None = None, admin_level: str | None = None,
          jurisdiction: str | None = None, title: str | None = None) -> list[list[tuple[str, dict]]]:
    """For each figure of a normalised ``text``, what each step decided: [(step, {field: value}), …] in order."""
    out: list[list[tuple[str, dict]]] = []

    def record(name: str, fig: _Figure) -> None:
        if name == STEPS[0][0]:
            out.append([])
        vals = {f: getattr(fig, f) for f in STEP_FIELDS[name]}
        if "indicator" in vals:
            vals["indicator"] = vals["indicator"].id if vals["indicator"] else None
        if "flags" in vals:
            vals["flags"] = list(vals["flags"])
        out[-1].append((name, vals))

    _extract(text, "trace", report_year, doc_type, on_step=record, admin_level=admin_level,
             jurisdiction=jurisdiction, title=title)
    return out


def _is_threshold_of_next(text: str, q: Quantity, nxt: Quantity) -> bool:
    """Whether ``q`` is a threshold naming the kind of thing the next figure is about (过千万元项目20个,
    60岁以上老年人达到35万人, 3岁以下婴幼儿托位4.5个, 年收入10万元以上的村占60%)."""
    if nxt.start <= q.end or q.unit in _ENUMERATION_UNITS or q.unit in _RATE_UNITS or (
            q.comparator not in ("ge", "gt", "le", "lt")
            and not _THRESHOLD_BEFORE.search(text, max(0, q.start - 2), q.start)):
        return False  # (200个以上投资超亿元的项目: a count is no threshold; 95%以上的村…: a share of them)
    between = text[q.end:nxt.start]
    return _THRESHOLD_NOUN.fullmatch(between) is not None and _THRESHOLD_NOT.search(between) is None


def _split_subjects(head: str, n: int) -> list[str]:
    """The subjects a 分别 list names, one per value: 城镇调查失业率、居民消费价格涨幅 → two;
    城镇和农村居民人均可支配收入 → 城镇居民…, 农村居民… (a short modifier takes the last item's head);
    城乡居民人均可支配收入 → 城镇居民…, 农村居民… (a compound modifier, from the grammar lexicon)."""
    while (end := next((w for w in _LIST_HEAD_TRAILING if head.endswith(w) and len(head) > len(w)), None)):
        head = head[:-len(end)]  # (…排放要分别减少: 要 names no item)
    subjects = [x for x in _SUBJECT_SPLIT.split(head) if x]
    verbs = load_key_lexicon().verbs
    while len(subjects) > n and verbs.fullmatch(subjects[0].removeprefix(_PART_OF_PREVIOUS)) is not None:
        subjects = subjects[1:]  # (其中)新建、改扩建中小学和幼儿园: the verbs listed first name no subject
    if (len(subjects) > n and len(items := [x for x in head.split(_LIST_JOIN) if x]) == n
            and not any(verbs.fullmatch(x.removeprefix(_PART_OF_PREVIOUS)) for x in items)):
        subjects = items  # (教育、社会保障和就业、卫生健康支出分别增长…: three items, the 和 inside one's name)
    if len(subjects) == 1:
        for compound, parts in _G.get("compound_modifiers", {}).items():
            pos = head.find(compound)
            if pos >= 0 and len(parts) == n:
                return [head[:pos] + p + head[pos + len(compound):] for p in parts]
    if len(subjects) > 1:
        last = subjects[-1]
        # (其中一、二、三产增加值, 全县城镇、农村常住居民…: 其中 or the whole jurisdiction's word opens the list, no
        # part of its first item's words)
        subjects = [x[:len(x) - len(own)] + _with_shared_head(own, last)
                    for x in subjects[:-1] for own in [_list_opening_off(x, last)]] + [last]
        if _ORDINAL_ITEM.match(subjects[0].removeprefix(_PART_OF_PREVIOUS)):
            # (第一、二、三产业增加值: the first item's ordinal mark is each item's, 第二产业…, 第三产业…)
            subjects = subjects[:1] + [_ORDINAL + x if _NUMERAL_ITEM.match(x) else x for x in subjects[1:]]
        if (count := next((c for c in _EVENT_COUNT_ENDS if subjects[0].endswith(c)), None)) and len(
                thing := subjects[0][:-len(count)]) >= _SHARED_END_MIN:
            # 生产安全事故起数、死亡人数分别下降…: the events the first item counts are what the later measures are of
            # (生产安全事故死亡人数), where a later item names only a measure of them
            subjects = subjects[:1] + [thing + x if len(x) <= _EVENT_MEASURE_MAX and x.endswith(_OWN_MEASURE_ENDS)
                                       and not thing.endswith(x[:_SHARED_END_MIN]) and not is_place(x) else x
                                       for x in subjects[1:]]
    return subjects


def _list_opening_off(item: str, last: str) -> str:
    """``item`` without the 其中, the whole jurisdiction's word (全县), the 第 of an ordinal (第一、二、三产业…, not
    第一、第三产业…: each item has its own) that opens the list it begins, whose ``last`` item is given, or the scope,
    time and hedge words (全年, 力争: keys.yaml lead; a year, 2025年) before a paired modifier (全年城镇、农村居民人均可支配
    收入分别…: 城镇居民…; not 全年供水、水库蓄水…, whose 供水 is a thing of its own)."""
    item = item.removeprefix(_PART_OF_PREVIOUS)
    item = item if last.startswith(_ORDINAL) else item.removeprefix(_ORDINAL)
    scope = load_key_lexicon().whole_jurisdiction.match(item)
    item = item[scope.end():] if scope and scope.end() < len(item) else item
    rest = item
    while lead := load_key_lexicon().lead.match(rest) or _YEAR.match(rest):
        rest = rest[lead.end():]
    return rest if rest != item and (rest.startswith(_PAIRED_MODIFIERS) or is_place(rest)) else item


def _group_of_whole(part: str, whole: str) -> str:
    """The subject of one population's part of what ``whole`` measures for all of them: ``part`` is only a paired
    modifier and its head (城镇居民, 农村常住居民: grammar paired_modifiers), and the head, or its end, stands in
    ``whole`` after another modifier (全体居民人均可支配收入增长) → 城镇居民人均可支配收入增长, 农村常住居民人均…;
    else ""."""
    if not part.startswith(_PAIRED_MODIFIERS):
        return ""  # (most subjects: one look)
    part = _VERB_ONLY.sub("", part)
    mod = next((w for w in _PAIRED_MODIFIERS if part.startswith(w)), None)
    head = part[len(mod):] if mod else ""
    if not mod or len(head) > _PARALLEL_MAX or whole.startswith(mod):
        return ""
    for k in range(len(head) - 1):  # the head, then its end (常住居民, 住居民, 居民)
        if (at := whole.find(head[k:])) > 0:
            return mod + head + whole[at + len(head) - k:]
    return ""


def _with_shared_head(item: str, last: str) -> str:
    """An item of a 分别 list that leaves out the head the last item names: the item, then what follows the
    last item's own modifier, which ends like the item does (城镇居民、农村居民人均可支配收入 → 城镇居民人均可支配收入;
    工业、服务业增加值 → 工业增加值), or, for a short item, what follows as many characters (城镇和农村居民… →
    城镇居民…)."""
    if (place := leading_place(last)) and len(last) - len(place) >= 2 and is_place(item):
        return item + last[len(place):]  # 滨海新区、武清区、西青区生产总值: each place's 生产总值
    if is_place(item) and is_place(last):
        return item  # (城关镇、郓城街道分别…: two places, whose names share nothing)
    k = last.find(item[-1]) + 1 if item else 0
    # (铁路、高速公路运营里程: a modifier up to two characters longer; 国家级、省级…: or shorter)
    if len(item) <= _PARALLEL_MAX and _SHARED_END_MIN <= k <= len(item) + 2 and k <= len(last) - 2:  # like modifiers
        return item + last[k:]
    if item in _PAIRED_MODIFIERS and (mod := next((w for w in _PAIRED_MODIFIERS if last.startswith(w)), None)):
        return item + last[len(mod):]  # 城镇、农村牧区常住居民人均可支配收入 → 城镇常住居民…
    if (m := _ends_on_shared_measure(last)) and (len(item) > 1 and not item.startswith(_ORDINAL)
                                                 or len(item) > len(last) - len(m)):
        # (粮食、肉蛋奶、蔬菜产量, 茶叶、中药材种植面积: the measure they share says where the last item's modifier ends,
        # which as many characters as the item's would not; but one character, 一、二、三产业增加值, is a numeral's,
        # and a modifier opening as the item does, 第一、第三产业增加值, is as long)
        return item
    if item[-1:] == last[-1:]:
        return item  # (南区、滨江片区分别…: the item ends as the last does, on its own head)
    return item + last[len(item):] if len(item) <= 3 < len(last) else item


def _distribute_respectively(group: list[Fact], before: list[Fact]) -> None:
    """分别: the subjects listed before it go to the values after it in order; where it follows as many
    figures of its sentence as it has values (接待游客3200万人次、旅游收入360亿元,分别增长15%和18%), their
    subjects."""
    if len(group) < 2:
        return
    head, _, tail = group[0].indicator_text.partition(_RESPECTIVELY)
    tail = tail.replace(_RESPECTIVELY, "")  # 分别达到…,分别增长: the second list inherits the first's 分别
    last = group[-1]
    for f in group:
        if last.comparator not in ("eq",) and f.comparator == "eq":
            f.comparator = last.comparator
    if ((counted := _PLACES_COUNTED.search(head)) and (named := _places_named(head, counted)) is not None
            and len(_SUBJECT_SPLIT.split(named)) == len(group)):
        head = named  # 东城、西城、北城三个街道分别新增…: 东城街道, 西城街道, 北城街道
    subjects = _split_subjects(head, len(group))
    # (…死亡3人,同比分别下降20%和25%: the base between names no item)
    if (len(subjects) != len(group) and len(before) >= len(group)
            and _BASELINE_END.sub("", head) == before[-1].indicator_text
            and len({f.indicator_text for f in before[-len(group):]}) == len(group)):
        subjects = [f.indicator_text for f in before[-len(group):]]  # the figures 分别 follows
    if len(subjects) != len(group):  # (a list of measures, 地区生产总值、财政收入分别增长…, is dated by no list of years)
        _date_by_opening_years(group)
    if len(subjects) == len(group) and (dated := _years_listed(head, subjects, group)) is not None:
        subjects = dated  # 2023年、2024年、2025年地区生产总值分别增长5.1%、5.6%和6.2%: each value its year's
    if len(subjects) != len(group):
        for f in group:  # (规上工业增加值、固定资产投资、社零分别增长7.2%、9.1%: which is whose, nothing says; not the
            if len(subjects) > len(group) > 1 and f.indicator_key and split_key(f.indicator_key)[1].isascii():
                f.indicator_key, f.indicator = None, f.indicator_text  # last item's canonical id, at the top score)
        return
    if before and before[-1].unit == group[0].unit:
        # 全体居民人均可支配收入增长5.3%,其中城镇居民、农村居民分别增长4.1%和6.3%: each population's part of it
        whole = before[-1].indicator_text
        whole = whole[:-len(_GROWTH_WORD)] if tail.startswith(_GROWTH_WORD) and whole.endswith(_GROWTH_WORD) else whole
        parts = [_group_of_whole(x.removeprefix(_PART_OF_PREVIOUS), whole) for x in subjects]
        subjects = parts if all(parts) else subjects
        canonical = bool(before[-1].indicator_key) and split_key(before[-1].indicator_key)[1].isascii()
        if (not all(parts) and before[-1].indicator_key
                and (canonical or subjects[0].startswith(_PART_OF_PREVIOUS)
                     # (全镇村均集体经济收入达21.3万元,荷塘村、新华村分别达到63.5万元…: each village's, after the average;
                     # 8个村集体经济收入全部达到10万元以上,上庄村、下寨村分别达到30万元、20万元: after all of them)
                     or names_nothing(tail))
                and all(is_place(x.removeprefix(_PART_OF_PREVIOUS)) for x in subjects)):
            # 全省地区生产总值增长5.5%,郑州、洛阳分别增长6%和5.8%: each place's figure of the canonical measure before
            # (and of a count or an amount of any thing, as the places' parts of it: 新增城市停车泊位1000个,其中陵城街道、
            # 东湖街道分别新增350个、320个; 村集体经济总收入达到420万元,其中排羊村、也改村分别达到52万元、41万元; a part in
            # another unit, 其中双河村、青峰村分别达到47万元、44万元 after a count, each figure's own step reads)
            measure = (_without_place(whole) if canonical
                       else _PER_HEAD_START.sub("", _words_of_key(before[-1].indicator_key)))
            measure = "" if measure and measure in tail else measure  # (…分别的村集体经济总收入: the tail names it)
            subjects = [x.removeprefix(_PART_OF_PREVIOUS) + measure for x in subjects]
    subjects = _with_items_measures(_verb_items_take_the_thing(subjects), [f.unit for f in group])
    for f, s in zip(group, subjects):
        _set_item_subject(f, s, tail)


def _with_items_measures(subjects: list[str], units: list[str]) -> list[str]:
    """The items of a list, each with the words of its measure that it leaves out: a later item the first's head
    words (粮食播种面积和产量分别…: 粮食产量), an earlier item the last's measure (城乡居民基本医疗保险、基本养老保险参保率
    分别…: 基本医疗保险参保率)."""
    subjects = [s if i == 0 else (_elided_subject(subjects[0], s, unit) or s)
                for i, (s, unit) in enumerate(zip(subjects, units))]
    return [_shared_measure(s, subjects[-1]) for s in subjects[:-1]] + subjects[-1:]


def _verb_items_take_the_thing(subjects: list[str]) -> list[str]:
    """Items of a 分别 list said with a verb of progress alone (既有多层住宅加装电梯立项和完工分别达到46台和33台: 完工) take
    the thing the item before names with its own such verb (既有多层住宅加装电梯)."""
    out = list(subjects)
    for i, s in enumerate(out):
        if i and _NEXT_CLAUSE_VERB_RUN.fullmatch(s) and (thing := _NEXT_CLAUSE_VERB_END.sub("", out[i - 1])) != out[i - 1]:
            out[i] = s + thing
    return out


def _date_by_opening_years(group: list[Fact]) -> None:
    """2022年、2023年、2024年,全县地区生产总值分别实现186.3亿元、198.7亿元、212.4亿元 (2021年至2024年,…分别为…;
    …增长6%以上,2026年、2027年分别增长6.5%、7%): the years the sentence opens on or lists before its 分别, one for
    each value of the list, where as many as its values and the clause had dated them all by the last."""
    sentence = group[0].sentence
    first = sentence.find(group[0].surface)
    opening = _YEARS_OPENING.match(sentence) or next(
        (m for m in _YEARS_BEFORE_FENBIE.finditer(sentence, 0, max(first, 0))
         if _RESPECTIVELY not in sentence[m.end():first]), None)
    if (opening is None or first < 0 or len({f.indicator_key for f in group}) != 1
            or sentence.count(_RESPECTIVELY, opening.end(), first) > (0 if opening.re is _YEARS_BEFORE_FENBIE else 1)):
        return  # (the years of another 分别, 2024年、2025年分别获评…,粮食产量、油料产量分别达到…; two measures' list)
    years = ([int(y) for y in _YEAR_WORD.findall(opening.group(1))] if not opening.groupdict().get("span_end")
             else list(range(int(opening.group("span_start")), int(opening.group("span_end")) + 1)))
    if len(years) == len(group) and all(f.period_year == years[-1] for f in group):
        for f, y in zip(group, years):
            f.period_year = y


def _years_listed(head: str, subjects: list[str], group: list[Fact]) -> list[str] | None:
    """Where the items a 分别 shares its values out to are years (2023年、2024年、2025年地区生产总值分别增长…; 粮食产量2024年、
    2025年分别达到…), each value is of its item's year (the clause had dated them all by one of the years): the values
    take their years, and the subjects returned name what the list's words name without its years; else None."""
    found = [_YEAR_WORD.findall(x) for x in subjects]
    if not all(len(y) == 1 for y in found):
        return None
    years = [int(y[0]) for y in found]
    if sorted(set(years)) != years or any(f.period_year not in years for f in group):
        return None
    for f, y in zip(group, years):
        f.period_year = y
    return [_YEARS_LISTED.sub("", head)] * len(group)


def _set_item_subject(f: Fact, s: str, tail: str, falls: bool = False) -> None:
    """``f`` as the figure of one item ``s`` of a list, the verb after the list ``tail``: its words, key,
    canonical id and direction; where the list ``falls`` (…均下降2.5%), its sign as the item's measure takes a fall
    (单位地区生产总值能耗和二氧化碳排放均下降2.5%: a cut in energy intensity of 2.5, a growth of -2.5 in emissions)."""
    ind = (resolve_indicator(s + _GROWTH_WORD if f.unit == "%" else s, f.unit)
           or resolve_indicator(s, f.unit))
    key = resolve_indicator_key(s + tail, "", ind.id if ind else None, f.unit)
    ind = ind or (indicator_by_id(key) if key and key.isascii() else None)  # (单位地区生产总值能耗…下降: by its key)
    if falls and f.unit in RATE_OR_CHANGE_UNITS:
        kept_positive = ind is not None and bool(ind.verbs) and ind.verbs[0] in load_lexicon().cues["negative_verbs"]
        if kept_positive == ("negative" in f.flags):  # (the list's sign was decided for its first item's measure)
            f.value, f.value_high = (-f.value_high, -f.value) if f.value_high is not None else (-f.value, None)
            f.flags = [x for x in f.flags if x != "negative"] if kept_positive else [*f.flags, "negative"]
    f.indicator_text = s
    f.indicator_key = _fall_as_growth(key, f.flags, f.unit)  # …分别增长 (分别下降5.1%和4.2%: growths of -5.1, -4.2)
    f.indicator = _indicator_id(ind, s, f.indicator_key)
    if ind:
        f.direction = ind.direction


def _places_rate(f: Fact) -> list[Fact]:
    """安淮县、涟溪县GDP增长6.5%以上: a rate said once for places listed is each one's (a rate of them together is
    none); a fact for each, its key the place's, with the same evidence and rule_id …/shared_figure; else ``f`` alone
    (襄阳、宜昌经济总量突破1.2万亿元: a level of the cities together)."""
    place, thing = split_key(f.indicator_key) if f.indicator_key else ("", "")
    if (f.unit not in RATE_OR_CHANGE_UNITS or _LIST_JOIN not in place or _PLACES_COUNTED.search(place)
            or any(w in (f.indicator_text or "") for w in load_key_lexicon().total_words)):
        return [f]  # (黄山、池州、安庆、宣城四市规上服务业营收合计增长16.7%: the four cities' together)
    places = place.split(_LIST_JOIN)
    if len(places) < 2 or not all(is_named_place(p) for p in places):
        return [f]
    return [replace(_shared_item(f, i), indicator_key=f"{p}{PLACE_SEPARATOR}{thing}") for i, p in enumerate(places)]


def _shared_item(f: Fact, i: int) -> Fact:
    """The ``i``-th fact of one figure said for each item of a list: ``f``'s evidence, rule_id …/shared_figure; the
    first keeps ``f``'s id."""
    return replace(f, flags=list(f.flags), rule_id=f"{f.rule_id}/shared_figure", fact_id=f.fact_id if i == 0 else
                   "f" + hashlib.sha256(f"{f.fact_id}|{i}".encode()).hexdigest()[:23])


def _places_named(head: str, counted: re.Match) -> str | None:
    """东岭、西溪、南坪三镇 (grammar places_counted): the places listed, each with the kind the count gives them and
    what follows the count (东岭镇、西溪镇、南坪镇); None where the count is not of the names listed."""
    names = [x for x in _SUBJECT_SPLIT.split(head[:counted.start()]) if x]
    if len(names) < 2 or parse_chinese_int(counted.group("count")) != len(names):
        return None
    return "、".join(n + counted.group("kind") + head[counted.end():] for n in names)


def _shared_figure(f: Fact, before: Fact | None) -> list[Fact]:
    """化学需氧量、氨氮排放量均下降2%, 存款、贷款余额都增长8%, 二氧化硫、氮氧化物排放量分别下降3% (one figure),
    甲县、乙县各新增30家: one figure said for each thing a list names (grammar shared_figure), a fact for each, with
    the same evidence and rule_id …/shared_figure; else ``f`` alone. The first keeps ``f``'s id. Places with only a
    verb (新建设施温棚800栋,其中南湖镇、三道湾乡各新建200栋) do it to the thing the figure ``before`` in their
    sentence counts."""
    text, mark = f.indicator_text, None
    for mark in _SHARED_FIGURE.finditer(text):
        pass
    if mark is None:
        return _places_rate(f)  # (化学需氧量、氨氮排放量要下降2%, a rate of a list said with no word for each: the
        # linker reads it)
    head, tail = text[:mark.start()], text[mark.end():]
    while lead := next((w for w in _LIST_HEAD_TRAILING if tail.startswith(w)), None):
        tail = tail[len(lead):]  # (…都要减少2%: 要 names nothing)
    if counted := _PLACES_COUNTED.search(head):
        if (named := _places_named(head, counted)) is None:
            return [f]  # (甲镇、乙镇等三镇…: a count of places the list does not name)
        head = named  # 东岭、西溪、南坪三镇各新增…: 东岭镇, 西溪镇, 南坪镇, each with what follows the count
    subjects = _split_subjects(head, 0)
    places = [bool(counted) or is_place(x.removeprefix(_PART_OF_PREVIOUS)) for x in subjects]  # (counted: named places)
    if (len(subjects) < 2 or not all(_has_noun(x) for x in subjects)
            or _SHARED_NOT_IN_LIST.search(head) or tail.startswith(_SHARED_NOT_BEFORE)):
        return [f]
    verb_only = not _VERB_ONLY.sub("", tail) or names_nothing(tail)
    if (all(places) and verb_only and before is not None and before.sentence == f.sentence and before.unit == f.unit
            and before.indicator_key and not split_key(before.indicator_key)[0]
            and not split_key(before.indicator_key)[1].isascii()):
        tail, verb_only = tail + split_key(before.indicator_key)[1], False  # (…各新建: 设施温棚)
    if all(places) and not verb_only:
        subjects = [x + tail for x in subjects]  # 甲县、乙县各新增规上工业企业: each place's
        tail = ""
    elif not verb_only:
        return [f]  # (…都是重点项目: no list of what the figure measures)
    subjects = _with_items_measures(subjects, [f.unit] * len(subjects))
    if rate := next((r for r in _SHARED_RATES if subjects[-1].endswith(r)), None):
        subjects = [s if s.endswith(_SHARED_RATES) else s + rate for s in subjects]  # 游客人次、旅游总花费增速
    if (f.unit not in _ENUMERATION_UNITS and not all(places)
            and not (mark.group(0) == _EACH_OF and f.unit not in RATE_OR_CHANGE_UNITS)  # (造林绿化、森林抚育各1000亩)
            and not all(s.endswith(_MEASURE_ENDS) or s[-2:] == subjects[-1][-2:] for s in subjects)):
        return [f]  # (新能源汽车、光伏产品、锂电池出口额均增长20%: the first items name no measure, and none is theirs)
    # (a season said first holds for all: 新雪季接待游客人次、出游总花费; a product named for one, 冰雪旅游, does not)
    if season := next((words[0] for words in load_lexicon().cues["seasons"] if words[0] in subjects[0]), None):
        subjects = [s if season in s else season + s for s in subjects]
    items = []
    for i, s in enumerate(subjects):
        item = _shared_item(f, i)
        _set_item_subject(item, s, tail, falls=_cue_tables()["negative"].search(tail) is not None)
        items.append(item)
    return items


def _fall_as_growth(key: str | None, flags: list[str], unit: str) -> str | None:
    """A key of a fall in a rate (基础设施投资下降5.3%, flag negative) written as the growth it is, of -5.3: the
    measure of 基础设施投资增长8%, with its sign (not 下降 alone: it names nothing)."""
    if (key and "negative" in flags and unit in RATE_OR_CHANGE_UNITS and key.endswith(_FALL_WORD)
            and len(key) - len(_FALL_WORD) >= load_key_lexicon().min_chars):
        return key[:-len(_FALL_WORD)] + _GROWTH_WORD
    return key


def _shared_measure(item: str, last: str) -> str:
    """``item`` with the measure the ``last`` item of its list names after the words they end on alike
    (基本医疗保险 and 基本养老保险参保率: 基本医疗保险参保率), or as it is."""
    for k in range(min(len(item), len(last)) - 1, _SHARED_END_MIN - 1, -1):
        at = last.find(item[-k:])
        # (each names its own thing before the end they share, 医疗 and 养老, not 游客 and 游客花费; and what follows
        # is a measure, not a verb or a time word: 城镇居民…收入和农村居民…年均实际增长)
        if at > 0 and len(last) - at - k >= _SHARED_END_MIN and _VERB_ONLY.sub("", last[at + k:]):
            return item + last[at + k:]
    measure = _ends_on_shared_measure(last)
    if (measure and not item.endswith(_OWN_MEASURE_ENDS) and not item.endswith(measure[-_SHARED_END_MIN:])
            and not item.startswith(_ORDINAL)  # (第一、第三产业增加值: as long as its modifier)
            and not load_key_lexicon().verbs.match(item)):  # (铁路营业里程、高速公路通车里程: its own already)
        # 二氧化硫、氮氧化物排放量分别下降…, 茶叶、中药材种植面积各…: what each names, then the measure of both (not an
        # item with a measure of its own: 粮食播种面积和产量)
        return item + measure
    if (len(item) <= _SHORT_ITEM and len(last) - len(item) >= _SHARED_END_MIN and item[-1:] != last[-1:]
            and not load_key_lexicon().verbs.match(item) and _VERB_ONLY.sub("", last[len(item):])):
        # (not 南区、滨江片区: an item that ends as the last does, on its own head)
        return item + last[len(item):]  # 城镇、农村居民人均可支配收入: a name as short, then the measure
    return item


def _ends_on_shared_measure(last: str) -> str | None:
    """The measure of grammar shared_measures the last item of a list ends on, after a name of two characters or
    more (氮氧化物排放量: 排放量), or None."""
    return next((m for m in _SHARED_MEASURES if last.endswith(m) and len(last) - len(m) >= _SHARED_END_MIN), None)


_SHARED_END_MIN = 2  # characters an item and the last item end on alike, and the measure after them
_SHARED_MEASURES = tuple(sorted(_G["shared_measures"], key=len, reverse=True))  # longest first (种植面积, 面积)
_OWN_MEASURE_ENDS = tuple(_G["own_measure_ends"])  # an item that ends on one names its own measure
_EVENT_COUNT_ENDS = tuple(_G["event_count_ends"])  # 起数: a first item's count of events, whose later items measure them
_EVENT_MEASURE_MAX = 4  # characters of a later item that names only a measure of those events (死亡人数)
_LIST_HEAD_TRAILING = tuple(sorted(_G["list_head_trailing"], key=len, reverse=True))
_OWN_SHARE = re.compile(_G["own_share"])
_GRADE = re.compile(_G["grades"])  # 国家级, 省级以上: a grade, which names no thing of its own
# an age and its bound, which names which people of a whole (其中35岁以下8名)
_AGE_PART = re.compile(r"\d+(?:" + "|".join(map(re.escape, _G["qualifier_units"])) + r")(?:及)?(?:以下|以上)")
_ORDINAL = "第"  # 第一、二、三产业: the ordinal's mark, before the first item only
_ORDINAL_ITEM = re.compile(_ORDINAL + "[一二三四五六七八九十]")  # an item that opens on an ordinal
# an item that is a bare ordinal's numeral (not a count or a list's 一是: grammar ordinal_numeral_not_before)
_NUMERAL_ITEM = re.compile("[一二三四五六七八九十](?![一二三四五六七八九十]|"
                           + "|".join(map(re.escape, _G["ordinal_numeral_not_before"])) + ")")
_OWN_PLACE_CHARS = 2  # 我镇, 本县: the report's own place, which the share's subject keeps
_SHARED_FIGURE = re.compile(_G["shared_figure"])
_EACH_OF = "各"  # of the words of shared_figure, the one that gives each item the figure whatever the items name
_SHARED_RATES = tuple(_G["shared_rates"])
_SHARED_NOT_IN_LIST = re.compile(_G["shared_figure_not_in_list"])
_PLACES_COUNTED = re.compile(_G["places_counted"])
_PLACES_EACH = re.compile(_G["places_each"])
_SCOPE_COUNT_MEASURE = re.compile(_G["scope_count_measure"])
_NEW_THINGS = tuple(load_key_lexicon().gain_verbs) + tuple(_G["new_things_words"])  # (3920个新投产项目: new this year)
_WHOLE_BEFORE_PLACES = re.compile(_G["whole_before_places"])
_PLACES_RATE_FIELD = re.compile(_G["places_rate_field"])
_BARE_CHANGE = re.compile(_G["bare_change"])
_STOCK_WORDS = re.compile(_G["stock_words"])


def _bare_change_after_level(text: str, fig: "_Figure", prev: "_Previous") -> bool:
    """Whether ``fig``'s clause is only a change verb right after a level in the same unit that ends the clause
    before (拟安排“三农”投入8183亿元,增加930亿元; …支出7253亿元,减少50亿元): that level's change from the year before."""
    q = fig.q
    if (q.unit in RATE_OR_CHANGE_UNITS or prev.fact is None or prev.q is None or prev.q.unit != q.unit
            or prev.fact.kind not in ("target", "actual") or not prev.q.end <= q.start):
        return False
    # (or after a 、 in the level's clause: PM2.5平均浓度44.4微克/立方米、下降2.6微克/立方米)
    start = max(fig.clause_start, prev.q.end)
    while start < q.start and text[start] in _CLAUSE_GAP:
        start += 1
    return (start > prev.q.end and not text[prev.q.end:start].strip(_CLAUSE_GAP)  # (not 较上年的29080元增加2180元)
            and _BARE_CHANGE.fullmatch(text, start, q.start) is not None)


_CLAUSE_GAP = ",、 "  # between a level and the clause of its change
_CLASS_POSITION_MEASURES = tuple(_G["class_position_measures"])
_PERSON_ASIDE = re.compile(_G["person_aside"])
_ITEM_CONJUNCTION = re.compile(_G["item_conjunction"])
_EXAMPLE_OPENS = re.compile(r"\s*" + _G["example_opens"])
_ERRATUM_OPENS = re.compile(r"\s*" + _G["erratum_opens"])  # a correction notice's paragraph: its quotes are no figures
_CONDITION_OPENS = re.compile(r"\s*" + _G["condition_opens"])
_CONDITION_THEN = re.compile(r"\s*" + _G["condition_then"])
_HYPOTHETICAL_OPENS = re.compile(f"\\s*(?:{_G['example_opens']}|{_G['condition_opens']})")  # opening a sentence
_HYPOTHETICAL_CLAUSE = re.compile(f"[,;:](?:{_G['condition_opens']})")  # or a clause in it (its mark first: a fast scan)
_DEFINITION = re.compile(_G["definition_opens"])  # (…:指…, …是指…: a glossary's, or an aside's, meaning of a term)


def _hypothetical(text: str, sent: "Sentence", clause_ends: list[int], k: int) -> bool:
    """Whether the clause after ``clause_ends[k]`` (the sentence's first where ``k`` is -1) is of a sentence that
    opens on an example (grammar example_opens), or of a condition: a clause that opens on one (condition_opens),
    or one after it up to the clause that says what follows (condition_then)."""
    if _EXAMPLE_OPENS.match(text, sent.start):
        return True
    for start in reversed((sent.start, *clause_ends[:k + 1])):
        if _CONDITION_OPENS.match(text, start):
            return True
        if _CONDITION_THEN.match(text, start):
            return False  # (…,将暂停新增住宅用地供应: what follows, said of its own figures)
    return False


_AGE_UNIT = "岁"  # (李长河(46岁): an age alone in an aside)
_PERSON_ASIDE_REACH = 12  # characters an aside about a person may take before the figure in it ((女,汉族,52岁))
_ENUMERATION_BEFORE = tuple(_G["enumeration_before"])
_ASPECT = _G["aspect_label"]
_NAMES_LISTED_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:、[\u4e00-\u9fff]{1,6})+$")  # 前湾、后湾 right before
_SHARED_NOT_BEFORE = tuple(_G["shared_figure_not_before"])
_MEASURE_ENDS = (*_OWN_MEASURE_ENDS, *_SHARED_MEASURES, *_SHARED_RATES, *_G["measured_item_ends"])  # an item's, naming one
_SHORT_ITEM = 2  # characters of an item that names only what (牛, 城镇), where the last item names it and its measure


def _indicator_id(ind, subject: str, key: str | None) -> str:
    """The canonical id of the indicator a figure measures for the document's own jurisdiction; a figure of a
    place inside it (合肥市地区生产总值增长6%, 高新区…: its key says the place) is that place's, not the
    jurisdiction's gdp_growth, and keeps its own words, as free text does."""
    if ind is not None and not (key and split_key(key)[0]):
        return ind.id
    s = _display_words(_stripped(subject))
    if ind is None and key and not _shares_words(thing := split_key(key)[1], s):
        # the thing is named after the figure (为30万名农村适龄妇女免费开展两癌筛查, 新建5个紧密型城市医疗集团): the
        # phrase before it is a verb or nothing, and the indicator says both (新建紧密型城市医疗集团)
        s = s + thing
    if len(s) <= _INDICATOR_MAX:
        return s
    tail = s[-_INDICATOR_MAX:]
    # (not from inside a number: 2026年区级“三公”经费…, cut at 026年…, starts after the year; nor on a closing mark
    # whose opening the cut left out: 三公”经费 starts after it)
    cut_in_number = tail[:1].isdigit() and s[-_INDICATOR_MAX - 1] in _NUMBER_CHARS
    return (_CUT_INSIDE.sub("", tail) if cut_in_number or tail[:1] in _CLOSING_MARKS else tail) or tail


def _display_words(s: str) -> str:
    """A free-text indicator's words without an aim's word they open on (力争, 确保: grammar indicator_aim_words) or
    a word to a level they end on (稳定在, 下降至: keys.yaml linking, as to_level_end reads it; 达到, 为: grammar
    indicator_reach_words), which say how the figure is said, not what it measures (粮食播种面积稳定在 and 粮食播种面积
    are one indicator of yoy); as they are where nothing else is left."""
    core = _INDICATOR_AIM_START.sub("", s)
    core = load_key_lexicon().to_level_end.sub("", core) if load_key_lexicon().to_level_end.search(core) else (
        _INDICATOR_REACH_END.sub("", core))
    return core if len(core) >= 2 else s


_INDICATOR_AIM_START = re.compile("^(?:" + "|".join(map(re.escape, _G["indicator_aim_words"])) + ")+")
_INDICATOR_REACH_END = re.compile(
    "(?:" + "|".join(map(re.escape, sorted(_G["indicator_reach_words"], key=len, reverse=True))) + ")$")
_INDICATOR_MAX = 24  # characters of a free-text indicator, its last
_CUT_INSIDE = re.compile(r"^(?:[\d.]+(?:年度?|月)?|[”’\)）])+")
_NUMBER_CHARS = frozenset("0123456789.")
_CLOSING_MARKS = frozenset("”’)）")


def _shares_words(a: str, b: str) -> bool:
    """Whether two phrases have two characters running alike (规模以上工业增加值 and 规上工业增加值)."""
    return any(a[i:i + 2] in b for i in range(len(a) - 1)) or (len(a) == 1 and a in b)


_ITEM_END = ";"  # what ends an item of a list inside a sentence
_LIST_OPENS = ":"  # what opens a list whose items a word before it governs (确保完成以下目标:…;…;…)
# …增长5.5%以上、, …装机500万千瓦以上、 before a commitment word: a figure's end (its unit too) and its list mark
_BOUND_BEFORE = re.compile(r"[\d%％][^\d,;:。、\s]{0,4}?\s*(?:以上|左右|以内)?\s*[、,，]\s*$")
_BOUND_REACH = 12  # characters that figure's end and its list mark take
_FIGURE_NEXT = re.compile(r"\s*(?:达到|实现|增长)?\s*\d")  # …力争6%: the commitment word's own figure, right after it


def _bound_of_figure_before(text: str, cue_start: int, cue_end: int) -> bool:
    """Whether a commitment word stands between a figure and its own figure, a second bound of the first's measure
    (增长5.5%以上、力争6%)."""
    return (_BOUND_BEFORE.search(text, max(0, cue_start - _BOUND_REACH), cue_start) is not None
            and _FIGURE_NEXT.match(text, cue_end) is not None)


def _commits_onward(text: str, cue_end: int, clause_start: int) -> bool:
    """A commitment word (力争, 确保) in an earlier clause of the sentence binds a figure across commas (力争全年
    地区生产总值增长8%,财政收入增长10%), not across the end of a list's item (确保粮食产量稳定在50万吨以上;
    新改建农村公路1000公里), unless it opens that list (确保完成以下目标:…;…;…)."""
    between = text[cue_end:clause_start]
    if not any(mark in between for mark in _ITEM_ENDS):
        return True
    first = _CLAUSE_END.search(between)  # the cue's own clause ends on the colon that opens the list
    return (first is not None and first.group(0) == _LIST_OPENS
            and between.count("(", 0, first.start()) == between.count(")", 0, first.start()))


def _reviewing(st: _DocState, heading: str | None) -> bool:
    """Whether the figures at hand are under a review heading, or in a summary (a document whose figures are
    results where nothing says otherwise) with no heading above them."""
    return heading == "actual" or (heading is None and st.dt is not None and st.dt.figures == "actual")


def _resolve_kind(st: _DocState, i: int, clause_span: tuple[int, int], prefix_span: tuple[int, int],
                  time_cue: tuple[int | None, str | None], rate: bool = False) -> tuple[str, str | None, str]:
    """Kind from the kind cue nearest the number (clause, then the sentence before it), else from
    time words, the section heading, the sentences nearby, and last the whole document."""
    heading = st.heading_kind(i)
    default_kind = heading or st.document_kind
    t = _cue_tables()
    reviewing = _reviewing(st, heading)
    review = t["review_actions"] if heading is not None else t["summary_review"]  # (a summary with no heading)
    looks_ahead = reviewing and t["forward"].search(st.masked, prefix_span[0], clause_span[1])
    for name, (a, b) in (("clause", clause_span), ("sentence", prefix_span)):
        if name == "sentence" and time_cue[1] == "clause_time":
            break  # 目前共有5G基站1.1万个,今年新建2000个: a time word of its own clause outranks another clause's cue
        hits = st.cues_in(a, b)
        if rate and name == "clause" and (heading == "target" or heading is None and st.plans
                                          or any(h[2] == "target" for h in st.cues_in(*prefix_span))):
            # 税收收入力争达到10.2亿元,同比增长6%: under a plan, a growth rate against last year is planned too
            # (an amount against last year, 比上年增加300亿元, stays a change)
            hits = [h for h in hits if h[2] != "actual" or not t["comparison_cues"].fullmatch(st.masked, h[0], h[1])]
        if reviewing and not looks_ahead:
            # under a review heading (or in a summary that has none) a target needs a cue of its own clause, and
            # 争取/将/年内 there tell what was done
            hits = [h for h in hits if h[2] != "target"
                    or (name == "clause" and not review.fullmatch(st.masked, h[0], h[1]))]
        elif heading == "target":
            # under a plan heading 预计 projects the plan's year (预计全年居民消费价格涨幅3%左右), and a result needs a
            # cue of its own clause or one that opens the sentence (持续推进已批建的3家省实验室…,新建30家左右: 已
            # tells of the 3, not of the 30; 目前,…达到1.1万个)
            hits = [h for h in hits if h[2] != "actual" or not (
                t["estimated"].fullmatch(st.masked, h[0], h[1]) or name == "sentence" and h[0] != a)]
        if hits:
            kinds = {h[2] for h in hits}
            if len(kinds) > 1 and name == "sentence":
                hits = [h for h in hits if h[2] == default_kind]  # mixed cues: the default kind decides
            _, _, kind, commitment = max(hits, key=lambda h: (h[1], h[2] == "target"))
            if kind == "target":
                words = [(e, c, name != "clause" and _bound_of_figure_before(st.text, b, e))
                         for b, e, k, c in sorted(hits, reverse=True) if k == "target" and c]
                bounds = [c for e, c, bound in words if bound]
                committed = [c for e, c, bound in words if name == "clause" or (
                    not bound and _commits_onward(st.text, e, clause_span[0]))]
                # (确保地区生产总值增长6%、力争6.5%,一般公共预算收入增长3%以上: a firm and a stretch bound of one
                # figure before the clause commit none after it; 增长5.5%以上、力争6%,规上工业增加值增长7%: a stretch
                # bound of the figure before commits nothing after it)
                commitment = (None if not committed or name != "clause" and len(set(committed + bounds)) > 1
                              else committed[0])
            return kind, commitment, name
    year, where = time_cue
    if year is not None and where is not None:  # (a time cue's year comes with where it stood)
        k = _kind_from_period(year, st.ctx, st.dt)
        if k and not (k == "target" and heading == "actual" and not looks_ahead and where == "paragraph"
                      and not _paragraph_plans(st, i)):
            # (a year ahead in another sentence under a review heading, 推迟至2024年实施, plans nothing; a
            # paragraph that says what it will do, 2020年,我镇将重点抓好…, does)
            return k, None, where
    if heading:
        return heading, None, "section"
    if _past_span_section(st.sentences.section(i), st.ctx.report_year):
        return "actual", None, "section"  # (二)“十五”期间主要情况 in a report of 2024: what was done then
    if _opens_on_past_span(st, i):
        return "actual", None, "sentence"  # (“十四五”时期,全县地区生产总值年均增长5.8% in an outline of 2026)
    if st.plans_go_on(i):
        return "target", None, "section"
    # (a plan's figures are its targets where nothing of their own says otherwise: a 了 or 同比 nearby is no review)
    local = _nearby_kind(st, i, reviewing) if not st.plans else None
    if local:
        return local, None, "nearby"
    return st.document_kind, None, "document"


@lru_cache(maxsize=4096)
def _section_period(section: str, report_year: int | None, plan_year: int | None = None) -> tuple[int | None, str | None]:
    """The year the headings above a figure give it, or that they cover several years."""
    headings = list(reversed(section.split(SECTION_JOIN))) if section else []
    if any(_cue_tables()["multi_year_section"].search(h) and _time_cue(h, report_year, plan_year) is None
           for h in headings):
        return None, "multi_year_section"  # 过去五年工作回顾 (not 十四五时期和2025年工作回顾, 过去一年和五年工作回顾)
    for heading in headings:
        y = _time_cue(heading, report_year, plan_year)
        if y is not None:
            return y, "section"
    return None, None


_PLAN_NAMED = re.compile(r"十([一二三四五六七八九]?)五")  # a five-year plan's name (十五, 十四五)


def _opens_on_past_span(st: _DocState, i: int) -> bool:
    """Whether sentence ``i`` opens on a span of years that ended before the report's year (“十四五”时期, in a
    report of 2026; 五年来, 过去五年): what it says was done then, whatever the document plans."""
    t = _cue_tables()
    start = st.sentences.starts[i]
    opening = t["span_opening"].match(st.text[start:start + _FRAMING_CHARS])
    if opening is None:
        return False
    span = t["plan_span"].search(opening.group(0))
    return span is None or (st.ctx.report_year is not None and span_end_year(span.group(0)[1]) < st.ctx.report_year)


@lru_cache(maxsize=4096)
def _past_span_section(section: str, report_year: int | None) -> bool:
    """Whether a heading above names a span of several years that ended before the report's year (过去五年工作回顾;
    “十五”期间主要情况 in a report of 2024; not “十五五”时期 in 2026's, the span it plans)."""
    t = _cue_tables()
    for heading in section.split(SECTION_JOIN) if section else ():
        if not t["multi_year_section"].search(heading) or _YEAR.search(heading):
            continue
        if t["closing_span"].search(heading):
            return True
        named = _PLAN_NAMED.search(heading)
        if named and report_year is not None:
            return span_end_year(named.group(1)) < report_year
    return False


@lru_cache(maxsize=4096)
def _mixed_section(section: str) -> bool:
    """A heading above that names one year and a span of several (“十四五”时期和2025年工作回顾, 过去一年和
    “十四五”工作回顾)."""
    t = _cue_tables()
    return any(t["multi_year_section"].search(h) and (_YEAR.search(h) or t["relative"].search(h))
               for h in section.split(SECTION_JOIN))


def _resolve_period(st: _DocState, i: int, sent: Sentence, time_cue: tuple[int | None, str | None],
                    kind: str | None, at_span_end: bool = False) -> tuple[int | None, str]:
    """The year a figure is about, and where that came from (text, section or default). A target's own cue
    outweighs a time word of another sentence that points before the year targets are for (去年价格上涨的
    翘尾影响约有1个百分点。把居民消费价格涨幅控制在3.5%左右), and a result is never about a year after the last
    its report can state that another sentence names (提出到2020年…目标。…新增发电装机容量4.45亿千瓦)."""
    default = _default_year(st, kind)
    if time_cue[0] is not None and not (time_cue[1] == "paragraph" and default is not None and (
            (kind == "target" and time_cue[0] < default) or (kind == "actual" and time_cue[0] > default)
            or (kind == "actual" and time_cue[0] <= default - _SPAN_YEARS and _reviews_span(st, i, sent)))):
        # (nor, in a five-year review, about a year before its span that another sentence names: 全面完成
        # 2020年确定的脱贫任务。累计新增城镇就业3.2万人)
        return time_cue[0], "text"
    year, where = _section_period(sent.section, st.ctx.report_year, st.plan_anchor)
    if where == "section" and not at_span_end and _mixed_section(sent.section) and st.framing(i) == "multi_year":
        return None, "multi_year_section"  # “十四五”时期和2025年工作回顾, in its five-year part
    if where == "multi_year_section" and not _mixed_section(sent.section) and st.year_in_span(i):
        return default, "year_paragraph"  # 一、过去五年工作回顾 … 过去一年,全年主要目标任务超额完成。: the year's
    if where is not None and not (where == "section" and year is not None and default is not None
                                  and (kind == "target" and year < default or year > default and (
                                      kind == "actual" or kind == "change" and st.heading_kind(i) == "actual"))):
        # (a target under a review heading, 下一步…将, is not for the year reviewed; a result under a plan heading,
        # 现有省级开发区5个 under 二、2025年工作安排, is not for the year planned; nor is a change under a review
        # heading that names the year in progress too, 2019年和今年以来工作回顾: 融资成本下降0.8个百分点 is 2019's)
        return year, where
    if not at_span_end and st.span_framing(i):
        return None, "multi_year_section"  # 工作回顾 whose paragraph opens “十四五”时期是…的五年: its figures are the span's
    if kind == "target" and st.title_year is not None:
        return st.title_year, "title"
    if default is None or st.dt is None:
        return None, "unknown"
    return default, "default"


def _reviews_span(st: _DocState, i: int, sent: Sentence) -> bool:
    """Whether sentence ``i`` stands in a review of several years: under a heading that names only a span
    (过去五年工作回顾), in the span's part of a heading that names one year and a span (“十四五”时期和2025年
    工作回顾), or under a heading that names no year, after a paragraph that opens on a span (五年来)."""
    _, where = _section_period(sent.section, st.ctx.report_year, st.plan_anchor)
    return (where == "multi_year_section"
            or where == "section" and _mixed_section(sent.section) and st.framing(i) == "multi_year"
            or where is None and st.span_framing(i))


def _default_year(st: _DocState, kind: str | None) -> int | None:
    """The year a document's figures of ``kind`` are about by default: its report year plus the type's
    offset for targets (the first year they are for) or for results (the last year it can state one)."""
    year = st.named_year if st.named_year is not None else st.ctx.report_year
    if year is None:
        return None
    if st.dt is None:
        return year
    if kind == "target" and st.dt.targets_at_span_end:
        # (the last year of the five-year plan the report's year opens or falls in: 2030 for 2026, 2025 for 2021)
        return span_end_of(year)
    return year + (st.dt.target_offset if kind == "target" else st.dt.actual_offset)


def _title_plan_year(text: str, dt: DocType | None, title: str | None = None) -> int | None:
    """The year a plan's title gives its plans (马莲滩乡2017年工作计划), or the first of the span it gives them
    (2025—2027年城镇老旧小区改造实施方案: 2025, its first year planned), for doc types that say so."""
    if dt is None or not dt.plan_year_in_title:
        return None
    found = _title_year(text, dt, title, _PLAN_TITLE_GAP, span_start=True)
    return found[0] if found else None


def _title_results_year(text: str, dt: DocType | None, title: str | None = None,
                        report_year: int | None = None) -> int | None:
    """The year whose results a bulletin's or a progress report's title names (澄州市2025年国民经济和社会发展
    统计公报, published in 2026), for doc types that say so: its results' year, whatever year it is filed as
    written in (a manifest's or a collection's year is the year written); none of years ahead, nor where the
    title names two (关于2024年…完成情况和2025年…安排的报告)."""
    if dt is None or not dt.results_year_in_title:
        return None
    found = _title_year(text, dt, title, _RESULTS_TITLE_GAP)
    if found is None or report_year is not None and found[0] > report_year:
        return None
    return found[0] if len(set(_YEAR.findall(found[1]))) <= 1 else None


_PLAN_TITLE_GAP = 8  # characters between a plan's year and its words (2017年乡村振兴工作计划, 2025年岷阳县十件民生实事)
_RESULTS_TITLE_GAP = 16  # ...and a bulletin's (2025年国民经济和社会发展统计公报, 2025年民生实事项目完成情况)


def _title_year(text: str, dt: DocType, title: str | None, gap: int,
                span_start: bool = False) -> tuple[int, str] | None:
    """(The year a document's title names right before one of its doc type's words or ``year_words``
    (2025年岷阳县十件民生实事), within ``gap`` characters of no digit or sentence mark, the title line), or None; a
    span's years are none (grammar year_span: 2025—2027年…实施方案; year_not_own_after: 2021年以来, 2035年远景),
    unless ``span_start``: then a span right before the words gives its first. The title is ``title``, else one of
    the text's first two lines (中共松林乡委员会 松林乡人民政府 / 2025年工作要点)."""
    alternation = "|".join(map(re.escape, dt.words + dt.year_words))
    words = re.compile(rf"年?度?[^\d,。]{{0,{gap}}}?(?:{alternation})")
    words_before = re.compile(rf"(?:{alternation})\s*[(（]\s*$")  # (…三年行动实施方案(2025—2027年))
    lines = [line.strip() for line in text.split("\n", 8)[:8] if line.strip()][:2]
    for line in ([title] if title else []) + lines:
        spans = list(_YEAR_SPAN.finditer(line))
        for m in _TITLE_YEAR.finditer(line):
            inside = next((s for s in spans if s.start() <= m.start() < s.end()), None)
            if inside is None and not _YEAR_NOT_OWN.match(line, m.end()) and words.match(line, m.end()):
                return int(m.group(1)), line
            if (inside is not None and span_start and m.start() == inside.start()
                    and (words.match(line, inside.end()) or words_before.search(line, 0, inside.start()))):
                return int(m.group(1)), line
    return None
