"""The measured thing behind an indicator phrase (``indicator_key``) and which way is better (``direction``).

``使全镇危桥改造率`` and ``至年底全镇危桥改造率`` both measure ``危桥改造率``; ``新培育科技型中小企业``
and ``新增科技型中小企业`` both count ``科技型中小企业``. The words removed (scope, agent, hedge, verb,
linking) are data in ``lexicons/keys.yaml``; this module holds only the order they are removed in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import LEXICON_DIR, _yaml, load_lexicon, load_places, short_zone_name

_REQUIRED = ("scope", "whole_jurisdiction", "agent", "hedge", "verbs", "linking", "rewrite", "change_from", "verb_nouns", "agent_kept", "verb_joiner", "nothing_measured", "place_only", "place_list_joiner", "sub_place", "town_or_village", "county_before_verb", "topic_modals", "topic_modals_not", "topic_support", "topic_support_then", "topic_ends", "not_places", "place_kinds", "named_zone_ends", "place_group", "county_suffix",
             "not_place_after", "place_then_words",
             "after_stop", "after_max", "place_count_nouns", "place_count_aside", "place_count_drop", "after_qualifier", "after_paired_count", "min_chars", "direction_down_words", "direction_down_nouns", "direction_cut_verbs", "direction_down_after_only", "direction_up_nouns", "direction_fall_aimed", "name_list", "project_after", "after_modifier",
             "examples_then_kind", "verb_noun_keys", "sub_areas", "own_sub_areas", "canonical_sub_areas", "zone", "counters", "gain_verbs", "gain_not_before", "total_words", "counted_min_chars", "areas")
_PUNCT = " \t\n、,;:。“”\"'《》()（）[]【】—-·…"
PLACE_SEPARATOR = ":"  # 合肥市:gdp_growth, 下坊村:通村水泥路
RATE_END = "率"  # what a rate's name ends on (参保率, 项目开工率): the stem before it names what it is a rate of
_QUOTES = re.compile(r"[“”\"'「」『』《》]")
# part of a year (前三季度, 1-11月, 上半年) and a plan's end (“十四五”末): when, as a year is (cues.yaml partial_year,
# span_end)
_PARTIAL_WORD = re.compile("(?:前|第)?(?:" + "|".join(load_lexicon().cues["partial_year"]) + ")(?:底|末|份)?|(?:到|至)?"
                           + load_lexicon().cues["span_end"])
# 2025年, 2025年底, 到2030年 (a horizon: its 到 goes with it, cues.yaml deadline_before, the words before a year;
# and 截至2025年底, the time of a total)
_YEAR_WORD = re.compile("(?:截[至止]到?|" + load_lexicon().cues["deadline_before"].removesuffix("$") + "|自)?(?:"
                        + load_lexicon().grammar["explicit_year"] + ")(?:" + load_lexicon().cues["qualifying_after"]
                        + "|(?:度|底|末)?(?:" + load_lexicon().cues["since_after"] + ")?)")  # (自2021年以来: since then;
# 2000年底前建成的老旧小区: which ones)


@dataclass(frozen=True)
class KeyLexicon:
    """lexicons/keys.yaml, compiled: the words taken off a phrase to leave the thing it measures."""
    lead: re.Pattern            # scope, agent and hedge words at the start, the longest that fits
    verbs: re.Pattern           # verb words at the start
    verb_end: re.Pattern        # a verb word at the end
    any_word: re.Pattern        # any of the words above or below, at the start
    linking_start: re.Pattern   # linking words at the start
    linking_end: re.Pattern     # linking words at the end
    to_level_end: re.Pattern    # a linking word to the level a thing moved to (缩小至, 提高到, 控制在) at the end
    rewrite: re.Pattern          # every rewrite as one alternation of named groups r0, r1, …
    rewrite_to: dict[str, str]   # group name → what it is written as
    verb_nouns: tuple[str, ...]
    project_after: re.Pattern   # after a project's money (总投资2.8亿元), 的 and the project's name
    after_modifier: re.Pattern  # what a counted noun after a number may open on, which says of what kind (具有较高档次的)
    verb_joiner: re.Pattern
    change_from: re.Pattern
    nothing: frozenset[str]
    place_only: re.Pattern
    sub_place: re.Pattern
    town_or_village: re.Pattern
    place_kinds: re.Pattern       # 脱贫县: a kind of place, named by no name
    named_zone_ends: tuple[str, ...]  # 片区: a zone that a name always opens (西岭片区)
    place_group: re.Pattern       # 播州、正安、绥阳三县(区), 主产县(区): a group of places
    county_suffix: re.Pattern     # 县, 旗: a county by its suffix
    county_before_verb: re.Pattern  # 偃师区, 栾川县 where a verb follows (free text)
    topic_modals: re.Pattern      # 要, 将 right after a place that opens a clause: the topic of the clauses after it
    topic_modals_not: tuple[str, ...]  # 要素: no modal
    topic_support: re.Pattern     # 支持 before a city by its name that opens a clause: the topic too
    topic_support_then: re.Pattern  # ...where one of these follows the city's name (建设: 支持沈阳建设…), or a lead word
    topic_ends: re.Pattern        # 全市, 各县: a clause that names them ends a topic
    not_places: tuple[str, ...]
    not_places_exact: frozenset[str]  # (=城区: only itself, not 东城区)
    not_place_after: frozenset[str]
    place_then_words: tuple[str, ...]  # words after a place that open on a not_place_after character (城镇)
    sub_areas: tuple[str, ...]
    own_sub_areas: frozenset[str]  # areas that name the whole place in a county's own report (县域)
    canonical_sub_areas: tuple[str, ...]  # areas that scope a canonical indicator only (县域地区生产总值; not 县域医共体)
    areas: frozenset[str]   # an area alone: no rate's subject
    zone: re.Pattern
    zone_kinds: tuple[str, ...]  # the kinds of zone a name ends on (经开区, 片区), longest first
    named_places: re.Pattern     # a prefecture-level place by its name (places.csv): 定西市, 甘南州, 阿克苏地区
    full_names: dict[str, str]   # a short name of one of them, its full name (苏州: 苏州市; 延边州: 延边朝鲜族自治州)
    bare_names: frozenset[str]   # the short names that are a city's name without its 市 (苏州; not 延边州)
    list_joiner: re.Pattern      # 、 between places of a list (广州、深圳国际消费中心城市: no one place's)
    counters: frozenset[str]     # counter words: the noun right after one is what is counted
    gain_verbs: frozenset[str]
    gain_in: re.Pattern  # a gain verb inside words, not one a name holds (增加值)
    total_words: frozenset[str]   # 总数: the total of the things the figure before counts
    counted_min_chars: int
    after_stop: re.Pattern
    after_max: int
    place_count_nouns: frozenset[str]
    place_count_aside: re.Pattern
    place_count_drop: re.Pattern
    after_paired_count: re.Pattern  # 162户603人: the people of the households, skipped for the noun after
    after_qualifier: re.Pattern  # 60周岁以上 right after the number: which of the things, skipped
    min_chars: int
    name_list: re.Pattern
    down_words: re.Pattern
    qualifier: re.Pattern  # after_qualifier anywhere (3岁以下)
    down_nouns: re.Pattern
    cut_verbs: re.Pattern       # a cut before a noun of harm: the size of the cut, up
    down_after_only: re.Pattern   # 以下: down only after the number (二级旧里以下房屋: a class)
    up_nouns: re.Pattern          # 收入: better higher, though stored negative
    fall_aimed: re.Pattern        # 能耗, 用水, 非税: a fall of it is the aim, whatever income it is measured by
    examples: re.Pattern                  # 等 between examples and the kind of thing they are
    verb_noun_nouns: tuple[str, ...]      # generic nouns that name something only with their verb (项目), or end it
    verb_noun_verbs: dict[str, str]       # verb word → how the key writes it (招引 → 引进)
    verb_noun_verbs_longest_first: tuple[str, ...]
    agent_kept: re.Pattern                # a 在 that says a state (在建项目), no agent to strip
    scope_start: re.Pattern               # a scope word (全区, 我市, 今年) at the start
    whole_jurisdiction: re.Pattern        # a scope word that names the whole jurisdiction (全区, 我省) at the start


def _zone_names(raw: dict) -> dict:
    """``raw`` with the zone's name pattern written out: its {kinds}, {named} (named_zone_ends) and {alone}."""
    zone = raw["zone"]
    alt = lambda words: "|".join(map(re.escape, sorted(words, key=len, reverse=True)))  # noqa: E731
    name = (zone["name"].replace("{kinds}", alt(zone["kinds"])).replace("{named}", alt(raw["named_zone_ends"]))
            .replace("{alone}", alt(zone["alone"])))
    return {**raw, "zone": {**zone, "name": name}}


def _place_list(raw: dict, kind: str) -> re.Pattern:
    """One place of ``kind`` (keys.yaml ``name``) leading a phrase, or a list of them, then its ``after``."""
    name, joiner = f"(?:{raw[kind]['name']})", raw["place_list_joiner"]
    return re.compile(f"^(?:{name}{joiner})*{name}{raw[kind]['after']}")


_TO_LEVEL_MARKS = "到至在"  # the last character of a linking word to a level (提高到, 缩小至, 控制在)


@lru_cache(maxsize=1)
def load_key_lexicon() -> KeyLexicon:
    raw = _yaml("keys.yaml")
    missing = [k for k in _REQUIRED if k not in raw]
    unknown = sorted(set(raw) - set(_REQUIRED))
    if missing or unknown:
        raise ValueError(f"{LEXICON_DIR / 'keys.yaml'}: missing keys {missing}, unknown keys {unknown}")
    def words(*lists) -> str:  # one alternation, longest first, so a match is the longest word that fits
        return "(?:" + "|".join(re.escape(w) for w in sorted({w for ws in lists for w in ws}, key=len, reverse=True)) + ")"

    lead = (raw["scope"], raw["agent"], raw["hedge"])
    vnk = raw["verb_noun_keys"]
    verb_noun_verbs = {w: name for name, ws in vnk["verbs"].items() for w in ws}
    if stray := sorted(set(verb_noun_verbs) - set(raw["verbs"])):
        raise ValueError(f"{LEXICON_DIR / 'keys.yaml'}: verb_noun_keys verbs {stray} are not among `verbs`")
    if _TOTAL_WORD not in raw["total_words"]:  # (so that a key ends before it: total_word writes it)
        raise ValueError(f"{LEXICON_DIR / 'keys.yaml'}: total_words must hold {_TOTAL_WORD!r}")
    return KeyLexicon(
        lead=re.compile(words(*lead)), verbs=re.compile(words(raw["verbs"])),
        verb_end=re.compile(words(raw["verbs"]) + "了?$"),  # (票决确定了10件民生实事项目: the verb's particle after it)
        any_word=re.compile(words(*lead, raw["verbs"], raw["linking"])),
        linking_start=re.compile(words(raw["linking"])),
        linking_end=re.compile(words(raw["linking"]) + "$"),
        to_level_end=re.compile(words([w for w in raw["linking"] if len(w) > 2 and w[-1] in _TO_LEVEL_MARKS]) + "$"),
        rewrite=re.compile("|".join(f"(?P<r{i}>{k})" for i, k in enumerate(raw["rewrite"]))),
        rewrite_to={f"r{i}": v or "" for i, v in enumerate(raw["rewrite"].values())},
        verb_nouns=tuple(raw["verb_nouns"]), verb_joiner=re.compile(raw["verb_joiner"]),
        change_from=re.compile(raw["change_from"]),
        nothing=frozenset(raw["nothing_measured"]),
        place_only=re.compile(raw["place_only"]), sub_place=_place_list(raw, "sub_place"),
        town_or_village=re.compile(raw["town_or_village"]), county_before_verb=re.compile(raw["county_before_verb"]),
        topic_modals=re.compile(words(raw["topic_modals"])), topic_modals_not=tuple(raw["topic_modals_not"]),
        topic_support=re.compile(words(raw["topic_support"])),
        topic_support_then=re.compile(words(raw["topic_support_then"])),
        topic_ends=re.compile(raw["topic_ends"]),
        place_kinds=re.compile(raw["place_kinds"]), named_zone_ends=tuple(raw["named_zone_ends"]),
        place_group=re.compile(raw["place_group"]),
        county_suffix=re.compile(raw["county_suffix"]),
        not_place_after=frozenset(raw["not_place_after"]), place_then_words=tuple(raw["place_then_words"]),
        not_places=tuple(w for w in raw["not_places"] if not w.startswith("=")) + tuple(raw["scope"]),
        not_places_exact=frozenset(w[1:] for w in raw["not_places"] if w.startswith("=")),
        sub_areas=tuple(sorted(raw["sub_areas"], key=len, reverse=True)), zone=_place_list(_zone_names(raw), "zone"),
        zone_kinds=tuple(sorted((*raw["zone"]["kinds"], *raw["named_zone_ends"]), key=len, reverse=True)),
        own_sub_areas=frozenset(raw["own_sub_areas"]),
        canonical_sub_areas=tuple(sorted(raw["canonical_sub_areas"], key=len, reverse=True)),
        areas=frozenset(raw["areas"]), named_places=re.compile(words(n for p in load_places() for n in (p.name, *p.aliases))),
        full_names={a: p.name for p in load_places() for a in p.aliases},
        bare_names=frozenset(a for p in load_places() for a in p.aliases if p.name == a + "市"),
        list_joiner=re.compile(raw["place_list_joiner"]),
        counters=frozenset(raw["counters"]), gain_verbs=frozenset(raw["gain_verbs"]),
        gain_in=re.compile(words(raw["gain_verbs"]) + "(?!" + words(raw["gain_not_before"]) + ")"), total_words=frozenset(raw["total_words"]),
        counted_min_chars=int(raw["counted_min_chars"]),
        after_stop=re.compile(raw["after_stop"]),
        after_max=int(raw["after_max"]), after_qualifier=re.compile(raw["after_qualifier"]),
        place_count_nouns=frozenset(raw["place_count_nouns"]), place_count_aside=re.compile(raw["place_count_aside"]),
        place_count_drop=re.compile(raw["place_count_drop"]),
        after_paired_count=re.compile(raw["after_paired_count"]),
        qualifier=re.compile(raw["after_qualifier"].removeprefix("^")),
        name_list=re.compile(raw["name_list"]),
        project_after=re.compile(raw["project_after"]),
        after_modifier=re.compile(raw["after_modifier"]),
        min_chars=int(raw["min_chars"]),
        down_words=re.compile(words(raw["direction_down_words"])),
        down_nouns=re.compile(words(raw["direction_down_nouns"])),
        cut_verbs=re.compile(words(raw["direction_cut_verbs"])),
        down_after_only=re.compile(words(raw["direction_down_after_only"])),
        up_nouns=re.compile(words(raw["direction_up_nouns"])),
        fall_aimed=re.compile(words(raw["direction_fall_aimed"])),
        examples=re.compile(raw["examples_then_kind"]),
        verb_noun_nouns=tuple(vnk["nouns"]), verb_noun_verbs=verb_noun_verbs,
        verb_noun_verbs_longest_first=tuple(sorted(verb_noun_verbs, key=len, reverse=True)),
        agent_kept=re.compile(raw["agent_kept"]),
        scope_start=re.compile(words(raw["scope"])), whole_jurisdiction=re.compile(raw["whole_jurisdiction"]),
    )


@dataclass(frozen=True)
class KeyParts:
    """An indicator phrase taken apart: the verb that was done to the thing, and the thing."""
    verb: str
    key: str
    state_verb: str = ""  # the verb nearest the thing, or written after it (招引签约项目, 项目签约: 签约)


def _strip_lead(s: str, words: re.Pattern) -> tuple[str, str]:
    """Remove the longest of ``words`` that starts ``s``, once; (what was removed, the rest)."""
    m = words.match(s)
    return (m.group(0), s[m.end():]) if m else ("", s)


def _cut_noun(s: str, cut: int, lx: KeyLexicon) -> int | None:
    """Where a verb that ends at ``cut`` cuts into one of the nouns no verb splits (设施, 设备), the start of that
    noun if what stands before it is itself a verb; else None."""
    for n in lx.verb_nouns:
        start = s.find(n, max(1, cut - len(n) + 1))
        if 0 < start < cut and lx.verbs.fullmatch(s, 0, start):
            return start
    return None


@lru_cache(maxsize=1)
def _rate_words_anywhere() -> re.Pattern:
    """The words of a rate's time or of a year's amount said before a figure (每人每月, 每人每年: ``Lexicon.time_words``):
    its unit says the time, and they name nothing measured."""
    return re.compile("|".join(map(re.escape, load_lexicon().time_words)))


_GROWTH_END = re.compile("(?:增长|下降)$")  # a growth word a phrase ends on (rewrite makes 增速, 提高… 增长)
_KIND_OF_GROWTH = ("实际",)  # a linking word that says which growth (实际增长 is real, 名义增长 nominal): kept before it


@lru_cache(maxsize=65536)
def split_phrase(phrase: str) -> KeyParts:
    """The measured thing in ``phrase`` (the words before a number), and the verb in front of it."""
    lx = load_key_lexicon()
    s = lx.change_from.sub("", phrase) if len(phrase) > 2 else phrase
    s = _QUOTES.sub("", _PARTIAL_WORD.sub("", _YEAR_WORD.sub("", s))).strip(_PUNCT)
    s = lx.rewrite.sub(lambda m: lx.rewrite_to[m.lastgroup or ""], s)
    s = _rate_words_anywhere().sub("", s)  # (城乡低保标准每人每月提高: its unit, 元/月, says the time)
    verb = last = ""
    while True:  # scope, agent, hedge and verb words, in any order, as long as something is left
        before = s
        w, rest = _strip_lead(s, lx.lead)
        if (w and len(rest) >= lx.min_chars and not s.startswith(lx.verb_nouns)  # 重点项目 is no 重点 of 项目
                and not lx.agent_kept.match(s)):  # 在建项目 is no 在 of 建项目
            s = rest.strip(_PUNCT)
            continue
        w, rest = _strip_lead(s, lx.verbs)
        if w and (cut := _cut_noun(s, len(w), lx)) is not None:  # 新增设施农业: 新增 of 设施农业, not 新增设 of 施农业
            w, rest = s[:cut], s[cut:]
        if w and len(rest) >= lx.min_chars and not s.startswith(lx.verb_nouns):
            verb, last = verb or w, w
            s = rest.strip(_PUNCT)
            if (j := lx.verb_joiner.match(s)) and lx.verbs.match(s, j.end()):
                s = s[j.end():]  # 新建及改造提升农村公路: the second verb goes next
            continue
        if s == before:
            break
    while True:
        if (after := _state_verb_after(s, lx)) and len(s) - len(after) >= lx.min_chars:
            s, last = s[:-len(after)], after  # 亿元以上项目签约(数量): the projects signed (no 约 of 项目签)
        elif (m := lx.linking_end.search(s)) and m.start() > 0:
            s = s[:m.start()].strip(_PUNCT)
        elif ((g := _GROWTH_END.search(s)) and (m := lx.linking_end.search(s, 0, g.start())) and m.start() > 0
              and m.group(0) not in _KIND_OF_GROWTH):
            s = s[:m.start()] + s[g.start():]  # 政府性基金预算收入完成74.3亿元,…下降14%: its growth, 完成 aside
        else:
            break
    if (gain := without_gain(s)) != s:
        verb, s = verb or s[len(gain):], gain  # 高新技术企业净增2455家: the gain written after what gained
    kinds = [m for m in lx.examples.finditer(s) if m.start() > 0 and len(s) - m.end() >= lx.min_chars]
    if kinds:  # 当归、党参等中药材: the kind the examples are of
        s = s[kinds[-1].end():].strip(_PUNCT)
    return KeyParts(verb, s, last)


def _state_verb_after(s: str, lx: "KeyLexicon") -> str:
    """A verb of ``verb_noun_keys`` written right after its noun (重点项目开工, 亿元以上项目签约), else ''."""
    return next((v for v in lx.verb_noun_verbs_longest_first
                 if s.endswith(v) and s[:-len(v)].endswith(lx.verb_noun_nouns)), "")


def only_a_gain(phrase: str) -> bool:
    """Whether ``phrase`` says only that something gained, not what (净增, 全年新增: …总数达到612家,净增83家)."""
    return split_phrase(phrase).key in load_key_lexicon().gain_verbs


def names_nothing(phrase: str) -> bool:
    """Whether ``phrase`` is only verbs and scope words (建成, 全年新建): it names no thing measured."""
    return not _names_something(split_phrase(phrase).key, load_key_lexicon())


def without_gain(key: str) -> str:
    """``key`` without a gain verb written after what gained (高新技术企业新增: 高新技术企业), whose total it then names."""
    gain = next((g for g in _gains_longest_first() if key.endswith(g)), "")
    return key[:len(key) - len(gain)] if gain and len(key) - len(gain) >= load_key_lexicon().min_chars else key


@lru_cache(maxsize=1)
def _gains_longest_first() -> tuple[str, ...]:
    return tuple(sorted(load_key_lexicon().gain_verbs, key=len, reverse=True))  # (新增加 before 增加)


def only_a_total(phrase: str, previous_key: str = "") -> bool:
    """Whether ``phrase`` says only that it is a total, not of what (总数达到: 新增45家,总数达到612家; 累计达到), or the
    total of the measure ``previous_key`` ends on (新增新能源装机560万千瓦、总装机达到4180万千瓦)."""
    key = split_phrase(phrase).key
    return key in load_key_lexicon().total_words or (
        len(key) > _TOTAL_OF_MIN and key.startswith(_TOTAL) and previous_key.endswith(key[len(_TOTAL):])) or (
        key in ("", *load_lexicon().cues["cumulative"]) and any(w in phrase for w in load_lexicon().cues["cumulative"]))
    # (新建5G基站680个,累计达到3150个: the total to date of what the figure before adds to)


def total_word(phrase: str) -> str:
    """The word that says ``phrase`` is a total (``only_a_total``): its own (总数达到: 总数), or 总量 where it says
    总 and a measure (总装机: 新能源装机总量)."""
    key = split_phrase(phrase).key
    return key if key in load_key_lexicon().total_words else _TOTAL_WORD


_TOTAL = "总"  # 总装机: the total of the 装机 the figure before adds to
_TOTAL_WORD = "总量"  # how such a total is written (one of keys.yaml total_words, so that its key ends before it)
_TOTAL_OF_MIN = 2  # characters of 总 and the measure after it, at the least


@lru_cache(maxsize=1)
def _canonical_keys() -> dict[tuple[str, str], str]:
    """(key, unit) → canonical id, for each synonym of the indicator lexicon written as a key (粮食总产 and
    粮食产量 both give 粮食产量): a phrase the lexicon's longest-synonym match missed still gets its id."""
    from .lexicon import load_lexicon

    out: dict[tuple[str, str], str] = {}
    for ind in load_lexicon().indicators:
        for syn in ind.synonyms:
            for verb in ind.verbs or ("",):
                key = (split_phrase(syn + verb).key, ind.unit)
                if out.setdefault(key, ind.id) != ind.id:
                    raise ValueError(f"indicators {out[key]} and {ind.id} both spell the key {key[0]} in {key[1]}")
    return out


_MODIFIER_END = "的"  # the end of words that modify the noun after a figure (年初承诺的20件民生实事)


def resolve_indicator_key(phrase: str, after: str = "", canonical: str | None = None,
                          unit: str | None = None) -> str | None:
    """The ``indicator_key`` of a fact: the canonical id where the lexicon knows the indicator (prefixed
    with a sub-place such as a village that leads the phrase), else the measured thing with scope, time,
    agent, hedge and verb words removed; the noun after the number where a counter word stands right
    before it (新建95个口袋公园) or the phrase before names nothing (新建6个社区康复中心); None
    where neither names anything measurable."""
    prefix, key = _phrase_key(phrase, canonical, unit)
    lx = load_key_lexicon()
    before = phrase.rstrip()
    noun = None
    if (canonical is None and unit in lx.counters and "\u4e00" <= after[:1] <= "\u9fff"
            and (key is None or lx.verb_end.search(before) or (before and lx.examples.match(before, len(before) - 1))
                 or before.endswith(_MODIFIER_END))):
        # 新建95个口袋公园, 西苑、南湖等15项老旧管网改造工程: where the words before end on a verb, a list of
        # examples or a clause that modifies the things (年初承诺的20件民生实事), what is counted follows its counter (not 新增规上工业企业32家其中制造业企业20家)
        noun = _noun_after(after, lx)
        if len(noun) >= lx.counted_min_chars and _names_something(noun, lx):
            return prefix + noun
    if key == _money_of_things() and (project := lx.project_after.match(after)) is not None:
        return prefix + split_phrase(project.group("name")).key + key  # (总投资2.8亿元的新型建材产业园项目: its project's)
    if key is None or lx.name_list.match(key):
        # nothing before the number, or only names (北岭、河湾、西柳三个新型农村社区): the noun after it
        noun = _noun_after(after, lx) if noun is None else noun
        if _names_something(noun, lx):
            key = noun
        elif key is None:
            return None
    return prefix + key


@lru_cache(maxsize=1)
def _money_of_things() -> str:
    return load_lexicon().grammar["money_of_things"]


@lru_cache(maxsize=65536)
def _phrase_key(phrase: str, canonical: str | None, unit: str | None) -> tuple[str, str | None]:
    """(the place prefix, the key) the words before a number give; the key is None where they name nothing."""
    lx = load_key_lexicon()
    key = _verb_noun_key(split_phrase(phrase), lx)
    place = _place(key, lx.sub_place if canonical else lx.town_or_village, lx)
    if not place and (area := next((w for w in lx.canonical_sub_areas if key.startswith(w)), "")) and (
            canonical or (split_phrase(key[len(area):]).key, unit) in _canonical_keys()):
        place = area  # 县域地区生产总值: the counties' together (not 县域医共体, a kind of thing)
    if place:  # 下坊村新建通村水泥路: the place, then what is measured there
        key = split_phrase(key[len(place):]).key
    # (苏州, 苏州市: one place; and 婺川高新技术产业开发区, 婺川高新区)
    prefix = f"{short_zone_name(lx.full_names.get(place, place))}{PLACE_SEPARATOR}" if place else ""
    if canonical:
        return prefix, canonical
    if unit is not None and (key, unit) in _canonical_keys():
        return prefix, _canonical_keys()[(key, unit)]
    if key in lx.areas and unit in _RATE_UNITS:
        return prefix, None  # 城市建成区50%以上…: the share of what, the words before do not say
    return prefix, key if _names_something(key, lx) else None


def _place(key: str, pattern: re.Pattern, lx: KeyLexicon) -> str:
    area = next((w for w in lx.sub_areas if key.startswith(w) and len(key) - len(w) >= lx.min_chars), "")
    if area:  # 中心城区新增机动车停车位
        return area
    if (zm := lx.zone.match(key)) and not lx.verbs.match(key):  # 沿边临港产业园区工业投资增长 (not 竣工片区路网更新项目)
        return zm.group(0)
    if gm := lx.place_group.match(key):  # 播州、正安、绥阳三县(区)新建高标准农田: those places' figure
        return gm.group(0)
    m = lx.named_places.match(key)  # 定西市中药材种植面积, 甘南州新增…: a city by its name, whatever follows
    end = m.end() if m else 0
    while m and (j := lx.list_joiner.match(key, end)) and (n := lx.named_places.match(key, j.end())):
        end = n.end()  # 襄阳、宜昌经济总量: the cities listed, together
    if (m and not lx.place_only.match(key.rstrip("等"))  # (临沂至滕州: a route, no place's)
            and len(key) - end >= lx.min_chars and key[end] not in lx.not_place_after
            and not lx.list_joiner.match(key, end)
            # a short name (苏州 for 苏州市) only before a canonical indicator (苏州经济总量, 南京、苏州…地区生产总值
            # 分别…): before free text it opens a name as often (宁波舟山港, 哈密瓜, 杭州湾, 贵阳环高扩容工程等14条)
            and (m.group(0) not in lx.bare_names or pattern is lx.sub_place)):
        if (zm := lx.zone.match(key + _WORDS_AFTER)) and zm.end() > end:
            return zm.group(0)  # 武汉都市圈经济总量: the zone's, which the city's name opens
        return key[:end]
    m = pattern.match(key)
    if pattern is lx.town_or_village and not m and (c := lx.county_before_verb.match(key)) and lx.verbs.match(key, c.end()):
        m = c  # 偃师区新增规上工业企业: a county or district, told by the verb after it
    if (not m or m.group(0).endswith(lx.not_places) or m.group(0) in lx.not_places_exact
            or key[m.end()] in lx.not_place_after and not key.startswith(lx.place_then_words, m.end())):
        return ""
    return m.group(0)


_WORDS_AFTER = "某某某"  # what stands after a place in a phrase, for the place patterns' lookahead (a place alone)


def without_linking_end(phrase: str) -> str:
    """``phrase`` without the linking words it ends on (财政民生支出首次: 财政民生支出)."""
    lx = load_key_lexicon()
    while (m := lx.linking_end.search(phrase)) and m.start() > 0:
        phrase = phrase[:m.start()]
    return phrase


def leading_place(phrase: str) -> str:
    """The place a phrase opens with, of any kind (西青区生产总值: 西青区; 滨海新区…; 无锡地区生产总值: 无锡), or ""."""
    lx = load_key_lexicon()
    return _place(phrase, lx.sub_place, lx)


def is_place(words: str) -> bool:
    """Whether ``words`` are a place and nothing more (滨海新区, 武清区, 苏州)."""
    return bool(words) and leading_place(words + _WORDS_AFTER) == words


def is_named_place(place: str) -> bool:
    """Whether a key's ``place`` is a town, county, city or village named by its name (海晏街道, 青杠村), not a
    zone (高新区; but a part of one, 西岭片区, is named), an area (中心城区), a kind of place (脱贫县) or the country (全国)."""
    lx = load_key_lexicon()
    probe = place + _WORDS_AFTER
    if (place in lx.sub_areas or lx.zone.match(probe) and not place.endswith(lx.named_zone_ends)
            or lx.place_kinds.search(place) or place.endswith(lx.not_places)
            or place in lx.not_places_exact):
        return False  # (城镇老旧小区: no 区 of that name)
    if lx.named_places.fullmatch(place):
        return True
    # (the whole of it a place: 联山联水联社区的 is words that name one)
    return any(m is not None and m.end() == len(place) for m in (lx.sub_place.match(probe), lx.town_or_village.match(probe)))


def split_key(key: str) -> tuple[str, str]:
    """(the place inside the jurisdiction a key is about, or "", what it measures)."""
    place, sep, rest = key.rpartition(PLACE_SEPARATOR)
    return (place, rest) if sep else ("", key)


_RATE_UNITS = frozenset(load_lexicon().rate_units)


def _names_something(key: str, lx: KeyLexicon) -> bool:
    if len(key) < lx.min_chars or key in lx.nothing or lx.place_only.match(key.rstrip("等")):
        return False
    rest = key
    while rest:  # a key made only of verb and scope words is a bare verb (建设, 新建, 完成)
        w, nxt = _strip_lead(rest, lx.any_word)
        if not w:
            return True
        rest = nxt
    return False


def _verb_noun_key(parts: KeyParts, lx: KeyLexicon) -> str:
    """The key of ``parts``, with the verb a generic noun needs (verb_noun_keys): 招引项目, 新引进项目: 引进项目;
    新开工亿元以上项目: 开工…; 招引签约亿元以上项目, 亿元以上项目签约: 签约… (the verb nearest the noun)."""
    verb = parts.state_verb if parts.state_verb in lx.verb_noun_verbs else parts.verb
    if verb in lx.verb_noun_verbs and (parts.key.endswith(lx.verb_noun_nouns) or any(
            parts.key.endswith(m) and parts.key[:-len(m)].endswith(lx.verb_noun_nouns) for m in _MEASURES_OF_THINGS)):
        # (and a measure of those things: 新开工项目's 总投资, 开工项目总投资; 引进项目协议引资)
        return lx.verb_noun_verbs[verb] + parts.key
    return parts.key


_MEASURES_OF_THINGS = tuple(load_lexicon().grammar["measure_of_previous"])  # (总投资, 协议引资, 总长: grammar.yaml)


def _noun_after(after: str, lx: KeyLexicon) -> str:
    """The noun that follows a number and its unit (5个紧密型城市医疗集团 → 紧密型城市医疗集团)."""
    s = after.lstrip().removeprefix(_MODIFIER_END)  # (开展80万人次的“两癌”筛查: what is counted, after 的)
    while m := lx.linking_start.match(s):  # 5个左右的…
        s = s[m.end():]
    if m := lx.after_qualifier.match(s) or lx.after_paired_count.match(s):  # 两万名60周岁以上老年人, 162户603人
        s = s[m.end():]
    if m := lx.after_modifier.match(s):  # 新建了6只具有较高档次和规模的垃圾中转站: 垃圾中转站
        s = s[m.end():]
    m = lx.after_stop.search(s)
    if m and m.start() == 1 and s[0] in lx.place_count_nouns:
        return _place_count_key(s, lx)
    s = _QUOTES.sub("", s[:m.start()] if m else s)  # (quotes take no room: 为30万名…开展“两癌”筛查's 筛查)
    return _verb_noun_key(split_phrase(s[:lx.after_max]), lx)  # (8个项目建成: 建成项目)


def _place_count_key(s: str, lx: KeyLexicon) -> str:
    """The key of a count of places of one character (keys.yaml place_count_nouns): the place and what its clause
    says they did (21个省(区、市)完成了村委会换届选举: 省完成村委会换届选举; 9个村全部通上了水泥路: 村通上水泥路)."""
    rest = lx.place_count_aside.sub("", s[1:])
    if (cut := _CLAUSE_CUT.search(rest)) and rest[cut.start()] == _LIST_MARK:
        return s[0]  # (17个区、2个县(市)获评全国百强区、百强县: a list, of places or of what they did, shared: none)
    rest = lx.place_count_drop.sub("", _QUOTES.sub("", rest[:cut.start()] if cut else rest))
    if rest in _CONJUNCTIONS:
        return s[0]  # (10个村和3个社区完成换届: a list of places, as 、 makes one)
    return s[0] + rest[:lx.after_max] if rest else s[0]


_LIST_MARK = "、"
_CONJUNCTIONS = frozenset(load_lexicon().grammar["item_conjunction_words"])


_CLAUSE_CUT = re.compile(r"[,;:。！？!?、，；：\d]")  # (and the next figure: what it measures is no deed of the places)


def _measures_an_income(phrase: str, lx: KeyLexicon) -> bool:
    """Whether ``phrase`` measures an income or an output (政府性基金预算收入总额安排下降, 营业收入利润率, 税收收入占
    一般公共预算收入比重), not something that a fall of is the aim, per unit of one or beside one (万元地区生产总值
    用水量, 单位增加值能耗, 非税收入占比: keys.yaml direction_fall_aimed)."""
    return (lx.up_nouns.search(phrase) is not None and lx.fall_aimed.search(phrase) is None
            and _PER_UNIT.search(phrase) is None)


_PER_UNIT = re.compile("(?:单位|万元)(?:国内|地区|工业)?(?:生产总值|增加值|GDP|产值)|每")  # (万元工业增加值取水量, 单位增加值
# 能耗: a measure per unit of output; not 服务业单位营业收入, a firm's, nor 年营业收入2000万元以上…, a threshold)


def resolve_direction(phrase: str, after: str, comparator: str, negated: bool,
                      canonical_direction: str | None = None) -> str:
    """``down`` where a smaller figure is better, else ``up``: the indicator lexicon's direction where there
    is one; a ceiling comparator (以内, 控制在), a word of reduction to a level (降至), a noun of harm (死亡,
    失业率), or a figure stored negative (下降3%, not of an income: 预算收入…下降4.4%) say down; things built, served,
    earned or counted are up."""
    if canonical_direction:
        return canonical_direction
    lx = load_key_lexicon()
    if negated and not _measures_an_income(phrase, lx) or comparator in ("le", "lt"):
        return "down"
    near = lx.down_after_only.sub("", phrase) + "|" + after[:6]
    if lx.down_words.search(near):
        # (an age bound qualifies whom the figure serves, not its direction: 新增3岁以下婴幼儿托位60个)
        near = lx.qualifier.sub("", near)
    if lx.down_words.search(near):
        return "down"
    if (harm := lx.down_nouns.search(phrase)) and not lx.cut_verbs.search(phrase, 0, harm.start()):
        return "down"  # (not 削减财政赤字500亿元, 减少事故死亡人数: the size of a cut, up)
    return "up"
