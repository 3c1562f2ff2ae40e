"""Which later statement answers each target: facts in, links out.

Pure (no files, no warehouse): the build reads the facts, calls ``link_facts`` and writes the
result as the ``links`` relation, which ``plan_vs_actual`` reads. The shape follows record linkage
(Splink): **block** (same jurisdiction and year, a compatible unit, a report no earlier than the
target's), **compare** in named levels (canonical id; same, contained, subsequence, similar key;
shared words; verbs of one class; a plausible magnitude), **weigh** the levels into a score, keep
what clears a **threshold**, and
**assign** greedily by score so that each actual answers at most one target of a report. Every link
says which levels made it (``link_rule``). Vocabulary lives in ``lexicons/links.yaml``.
"""
from __future__ import annotations

import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Iterable

import yaml
from rapidfuzz.distance import Indel

from extract.keys import RATE_END, is_named_place, load_key_lexicon, resolve_indicator_key, split_key, split_phrase
from extract.lexicon import LexiconError, indicator_by_id, load_lexicon, unit_factor, where

LEXICON = Path(__file__).with_name("lexicons") / "links.yaml"
_REQUIRED = {"unit_families", "never_link_flags", "never_answer_flags", "change_answers", "zero_answers", "canonical_words_not_in_measures", "exceeded_ratio", "cumulative_flag", "estimated_flag", "final_statistics", "restated_flag",
             "generic_heads", "verb_classes", "flow_classes", "verb_contrasts", "stock_words", "key_synonyms", "levels",
             "verb_equivalent_bonus", "plausible_ratio", "impossible_ratio", "implausible_penalty", "threshold",
             "only_candidate_bonus", "year_before_min_stem", "successors", "project_heads", "project_money_level", "contrasts", "contrasts_joined", "qualifiers", "wholes", "share_of", "fall_first", "stock_words_before", "gain_inside"}
_LEVELS = {"same_key", "contained_key", "contained_key_min_chars", "subsequence_key", "subsequence_share",
           "generic_head_weight", "similar_key_weight", "similar_key_min", "shared_words_min_run",
           "shared_words_base", "shared_words_share", "shared_words_cover", "shared_words_uncovered"}
PER_KEY = 4  # statements tried per target and actual key (the best-ranked of that thing)
# the kinds of fact the linker reads (a change answers only in links.yaml's change_answers units: link_facts decides)
LINKED_KINDS = ("target", "actual", "change")
# the fact columns the linker reads
FACT_COLUMNS = ("fact_id", "doc_id", "jurisdiction", "report_year", "period_year", "kind", "indicator",
                "indicator_text", "indicator_key", "value", "unit", "comparator", "flags", "span_start", "surface",
                "source_path")


@dataclass(frozen=True)
class Link:
    target_fact_id: str
    actual_fact_id: str
    link_score: float
    link_rule: str
    actual_value: Decimal  # the result in the target's unit (20.6万吨 answering a target in 斤: 412000000)


@dataclass(frozen=True)
class YearBefore:
    fact_id: str  # a target or an actual of a year
    previous_fact_id: str  # the year before's actual of its measure, said in other words
    link_score: float
    link_rule: str


@dataclass(frozen=True)
class LinkLexicon:
    family: dict[str, str]
    never: frozenset[str]
    never_answers: frozenset[str]  # flags of a result that answers no target (a milestone: a bound it passed, 首次突破400亿元)
    change_answers: frozenset[str]  # units in which a change (kind change) answers a target
    zero_answers: tuple[str, ...]  # the units of targets a zero written with no unit answers (孕产妇死亡率为0)
    canonical_words_not_in: frozenset[str]  # measures whose canonical indicators meet no words in another unit (rate)
    cumulative: str
    estimated: str
    final: frozenset[str]  # doc types of final statistics (a bulletin): their results answer first
    restated: str  # a target a later report states again: its own report may answer it
    growth: re.Pattern   # a key that is a rate of change (增长, 下降, 年均): the cue lexicon's growth words
    verb_class: dict[str, str]
    verbs_longest_first: tuple[str, ...]  # every verb of verb_class, the longest first (a key's stage after its noun)
    flow_classes: frozenset[str]
    verb_contrasts: frozenset[tuple[str, str]]  # verbs that never answer each other (新建, 改造), both ways
    stock_words: tuple[str, ...]
    synonyms: tuple[tuple[str, str], ...]   # (name, the group's first name), longest name first
    synonym_end: re.Pattern  # any name of ``synonyms`` at a key's end (the longest that ends it: a search's first match)
    synonym_heads: dict[str, str]  # name -> the group's first name (the first group that names it, as ``synonyms``)
    same_key: float
    contained_key: float
    contained_min: int
    year_before_min_stem: int  # characters a key names its measure with to stand for the year before's in other words
    subsequence_key: float
    generic_heads: tuple[str, ...]
    head_weight: float
    subsequence_share: float
    similar_min: float
    similar_weight: float
    shared_min_run: int
    shared_base: float
    shared_share: float
    shared_cover: float
    shared_uncovered: int
    verb_bonus: float
    plausible: Decimal
    impossible: Decimal
    implausible_penalty: float
    exceeded: Decimal  # how far a same-key result may pass a floor target and still answer it
    threshold: float
    only_candidate_bonus: float
    reached_end: str             # the end of a key of the people a work reaches (grammar.yaml reach_name: …受益)
    canonical: frozenset[str]
    successors: frozenset[tuple[str, str]]  # a measure and the one the statistics replaced it with, both ways
    project_heads: tuple[str, ...]  # what names projects (重大项目, 工程): the money spent on two sets of them is one measure
    project_money: float  # the level of that measure alone (below the threshold: only a lone candidate answers)
    rate_units: frozenset[str]   # rates and changes (%, ‰, ‱, 百分点): their magnitude is not checked
    contrasts: tuple[tuple[str, str], ...]  # words that make two keys different things (出栏/存栏)
    qualifiers: tuple[str, ...]  # words that narrow a key to a part of what it would name without them (核心产业)
    contrasts_joined: tuple[tuple[str, str], ...]  # a word for both words of a contrast (国省考: 国考省考)
    seasons: tuple[tuple[str, ...], ...]  # parts of the year a key may name (雪季, cues.yaml seasons): both or neither
    wholes: tuple[tuple[str, tuple[str, ...]], ...]  # a word for several things and its parts (供排水: 供水, 排水)
    share_of: str  # the word of a share's key that what it is a share of stands before (税收收入占…比重)
    fall_first: tuple[str, ...]  # verbs of a fall written before what fell (减少农村贫困人口: 农村贫困人口下降)
    stock_words_before: tuple[str, ...]  # words before what a stock counts (全镇现有规模以上企业3家)
    gain_inside: tuple[str, ...]  # words of a gain that make a result with 达到 no stock (新能源新增并网装机规模达到…)


@lru_cache(maxsize=1)
def load_link_lexicon(path: Path = LEXICON) -> LinkLexicon:
    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    _check_link_lexicon(path, raw)
    lv = raw["levels"]
    return LinkLexicon(
        # (units of one measure, 斤 and 吨, block together as a family does: their figures are compared converted)
        family={**{u: f"measure:{m}" for u, (m, _) in load_lexicon().unit_measures.items()},
                **{u: fam for fam, units in raw["unit_families"].items() for u in units}},
        never=frozenset(raw["never_link_flags"]), never_answers=frozenset(raw["never_answer_flags"]), change_answers=frozenset(raw["change_answers"]), zero_answers=tuple(raw["zero_answers"]),
        canonical_words_not_in=frozenset(raw["canonical_words_not_in_measures"]),
        cumulative=raw["cumulative_flag"], estimated=raw["estimated_flag"], final=frozenset(raw["final_statistics"]),
        restated=raw["restated_flag"],
        growth=re.compile("|".join(load_lexicon().cues["growth_words"])),
        verb_class={v: c for c, verbs in raw["verb_classes"].items() for v in verbs},
        verbs_longest_first=tuple(sorted((v for verbs in raw["verb_classes"].values() for v in verbs), key=len, reverse=True)),
        flow_classes=frozenset(raw["flow_classes"]), stock_words=tuple(raw["stock_words"]),
        verb_contrasts=frozenset(p for xs, ys in raw["verb_contrasts"] for x in xs for y in ys for p in ((x, y), (y, x))),
        synonyms=(synonyms := tuple(sorted(((name, group[0]) for group in raw["key_synonyms"] for name in group),
                                           key=lambda p: -len(p[0])))),
        synonym_end=re.compile("(?:" + "|".join(re.escape(n) for n, _ in synonyms) + ")$" if synonyms else "(?!)"),
        synonym_heads={n: h for n, h in reversed(synonyms)},
        same_key=float(lv["same_key"]), contained_key=float(lv["contained_key"]),
        contained_min=int(lv["contained_key_min_chars"]), year_before_min_stem=int(raw["year_before_min_stem"]),
        generic_heads=tuple(sorted(raw["generic_heads"], key=len, reverse=True)),
        head_weight=float(lv["generic_head_weight"]),
        subsequence_key=float(lv["subsequence_key"]), subsequence_share=float(lv["subsequence_share"]),
        similar_min=float(lv["similar_key_min"]), similar_weight=float(lv["similar_key_weight"]),
        shared_min_run=int(lv["shared_words_min_run"]), shared_base=float(lv["shared_words_base"]),
        shared_share=float(lv["shared_words_share"]), shared_cover=float(lv["shared_words_cover"]),
        shared_uncovered=int(lv["shared_words_uncovered"]),
        verb_bonus=float(raw["verb_equivalent_bonus"]),
        plausible=Decimal(str(raw["plausible_ratio"])), impossible=Decimal(str(raw["impossible_ratio"])),
        implausible_penalty=float(raw["implausible_penalty"]), threshold=float(raw["threshold"]),
        exceeded=Decimal(str(raw["exceeded_ratio"])),
        only_candidate_bonus=float(raw["only_candidate_bonus"]),
        reached_end=load_lexicon().grammar["reach_name"],
        canonical=frozenset(i.id for i in load_lexicon().indicators),
        successors=frozenset(p for old, new in raw["successors"] for p in ((old, new), (new, old))),
        project_heads=tuple(raw["project_heads"]),
        project_money=float(raw["project_money_level"]),
        rate_units=frozenset(load_lexicon().rate_units + load_lexicon().change_units),
        contrasts=tuple((x, y) for x, y in raw["contrasts"]), qualifiers=tuple(raw["qualifiers"]),
        contrasts_joined=tuple((str(k), str(v)) for k, v in raw["contrasts_joined"].items()), seasons=tuple(tuple(g) for g in load_lexicon().cues["seasons"]),
        wholes=tuple((str(w), tuple(parts)) for w, parts in raw["wholes"].items()),
        share_of=str(raw["share_of"]),
        fall_first=tuple(sorted(raw["fall_first"], key=len, reverse=True)),
        stock_words_before=tuple(raw["stock_words_before"]),
        gain_inside=tuple(raw["gain_inside"]),
    )


def _check_link_lexicon(path: Path, raw) -> None:
    """Load errors, each with the file and line: missing keys, keys no code reads, a unit that is no base unit,
    a flow class that is no verb class."""
    if not isinstance(raw, dict):
        raise LexiconError(f"{path}:1: a mapping of keys was expected")
    for keys, have, want in (((), raw, _REQUIRED), (("levels",), raw.get("levels") or {}, _LEVELS)):
        if set(have) != want:
            unknown = sorted(set(have) - want)
            raise LexiconError(f"{where(path, *keys, *unknown[:1])}: {''.join(k + ': ' for k in keys)}missing keys {sorted(want - set(have))}, "
                               f"unknown keys {unknown} (no code reads them)")
    bases = {u.base for u in load_lexicon().units}
    for family, units in raw["unit_families"].items():
        for i, unit in enumerate(units):
            if unit not in bases:
                raise LexiconError(f"{where(path, 'unit_families', family, i)}: unit family {family}: "
                                   f"{unit!r} is no base unit of extract/lexicons/units.yaml")
            if unit in load_lexicon().unit_measures:
                raise LexiconError(f"{where(path, 'unit_families', family, i)}: unit family {family}: "
                                   f"{unit!r} is a unit of a measure (extract/lexicons/units.yaml unit_measures)")
    measures = {m for m, _ in load_lexicon().unit_measures.values()}
    for i, measure in enumerate(raw["canonical_words_not_in_measures"]):
        if measure not in measures:
            raise LexiconError(f"{where(path, 'canonical_words_not_in_measures', i)}: {measure!r} is no measure of "
                               f"extract/lexicons/units.yaml unit_measures")
    for i, pair in enumerate(raw["successors"]):
        if not (isinstance(pair, list) and len(pair) == 2 and indicator_by_id(pair[0]) is not None):
            raise LexiconError(f"{where(path, 'successors', i)}: {pair!r}: a successor pair is a canonical indicator id "
                               f"of extract/lexicons/indicators.csv and an id or a key in words")
    for i, unit in enumerate(raw["zero_answers"]):
        if unit not in bases:
            raise LexiconError(f"{where(path, 'zero_answers', i)}: {unit!r} is no base unit of extract/lexicons/units.yaml")
    for i, unit in enumerate(raw["change_answers"]):
        if unit not in load_lexicon().change_units:
            raise LexiconError(f"{where(path, 'change_answers', i)}: {unit!r} is no change unit of "
                               f"extract/lexicons/units.yaml")
    for i, cls in enumerate(raw["flow_classes"]):
        if cls not in raw["verb_classes"]:
            raise LexiconError(f"{where(path, 'flow_classes', i)}: flow class {cls!r} is no verb class")
    classed = {v for verbs in raw["verb_classes"].values() for v in verbs}
    for i, pair in enumerate(raw["verb_contrasts"]):
        for verb in (v for side in pair for v in side):
            if verb not in classed:
                raise LexiconError(f"{where(path, 'verb_contrasts', i)}: {verb!r} is in no verb class")


# ---------------------------------------------------------------- blocking

def _linkable(f: dict, lx: LinkLexicon) -> bool:
    return (f["jurisdiction"] is not None and f["period_year"] is not None and f["indicator_key"] is not None
            and f["value"] is not None and not lx.never.intersection(f["flags"] or ()))


_UNITLESS, = set(load_lexicon().unitless_nouns.values())  # the unit of a measure that has none (units.yaml unitless_nouns: 1)


def _block(f: dict, lx: LinkLexicon) -> tuple:
    return f["jurisdiction"], f["period_year"], lx.family.get(f["unit"], f["unit"])


def _affinity(t: dict, a: dict) -> int:
    """How much the names of the two facts' files agree at their start, years aside: a document's issuer is named
    there (澄岚县住房和城乡建设局2024年工作总结…, 澄岚县住房和城乡建设局2025年工作总结), so that several offices of
    one jurisdiction each answer their own plans."""
    return len(os.path.commonprefix((_issuer(t["source_path"]), _issuer(a["source_path"]))))


@lru_cache(maxsize=4096)
def _issuer(source_path: str | None) -> str:
    return _YEARS_IN_NAME.sub("", PurePosixPath(source_path or "").stem)


_YEARS_IN_NAME = re.compile(r"[\d〇零一二三四五六七八九]+年度?|\d+")  # (2024年, 二〇二五年度: a file name's years)


def _actual_rank(a: dict, lx: LinkLexicon) -> tuple:
    """Among statements of the same thing: a stated figure before an estimate, a point before a bound
    (草原综合植被盖度达到58.6% before a five-year review's 提高到58%以上), the year's final statistics (a bulletin,
    ``doc_type`` where the caller gives it) before a report's figure, a later report first."""
    return (lx.estimated in (a["flags"] or ()), _stated_as_bound(a["surface"] or ""), a.get("doc_type") not in lx.final,
            -(a["report_year"] or 0), a["doc_id"], a["span_start"])


@lru_cache(maxsize=1)
def _bound_words() -> tuple[str, ...]:
    """The comparator words after a number that make it a bound (以上, 以内; not 左右)."""
    return tuple(w for w, c in load_lexicon().comparators_after.items() if c not in ("eq", "approx"))


def _stated_as_bound(surface: str) -> bool:
    return surface.endswith(_bound_words())


# ---------------------------------------------------------------- comparing

def _synonym_head(key: str, lx: LinkLexicon) -> str:
    """The key with a synonym at its end written as its group's first name; so for a growth of it (服务业增加值增长
    is 第三产业增加值增长)."""
    growth = _GROWTH_KEY_END if key.endswith(_GROWTH_KEY_END) else ""
    stem = key[: len(key) - len(growth)]
    if (m := lx.synonym_end.search(stem)) is None:
        return key
    return stem[:m.start()] + lx.synonym_heads[m.group(0)] + growth


_GROWTH_KEY_END = load_lexicon().grammar["growth_verb"]  # how keys write a growth (增长)
_CANONICAL = "canonical"  # the rules of a canonical indicator's match (canonical, canonical_synonym, canonical_other_unit, canonical_successor)


@lru_cache(maxsize=4096)
def _canonical_by_synonym(key: str, unit: str) -> str | None:
    """The canonical indicator a key in words names once a synonym of ``key_synonyms`` in it is written as its
    group's first name (社零总额增长: 社会消费品零售总额增长, retail_sales_growth); None where no synonym
    stands in it or the rewritten key names none."""
    lx = load_link_lexicon()
    rewritten = key
    for name, head in lx.synonyms:  # longest first; a name inside its own head (社零总额 is none) is left
        if name != head and name in rewritten and head not in rewritten:
            rewritten = rewritten.replace(name, head)
    if rewritten == key:
        return None
    found = resolve_indicator_key(rewritten, "", None, unit)
    return found if found in lx.canonical else None


@lru_cache(maxsize=4096)
def _canonical_in_its_unit(key: str, canonical: str) -> str | None:
    """The canonical indicator a key in words names in ``canonical``'s own unit, where that unit is one of a measure
    (粮食产量 in 斤: grain_output), else None: extraction gives a figure its canonical id only in the indicator's
    unit, so that a figure in another unit of the measure (20.6万吨) keeps its words."""
    ind = indicator_by_id(canonical)
    measure = load_lexicon().unit_measures.get(ind.unit) if ind is not None else None
    if measure is None or measure[0] in load_link_lexicon().canonical_words_not_in:
        return None
    return resolve_indicator_key(key, "", None, ind.unit)


def _is_growth(key: str, lx: LinkLexicon) -> bool:
    return lx.growth.search(key) is not None


def _fall_last(key: str, lx: LinkLexicon) -> str:
    """A key that opens on a verb of a fall, written as a report states the fall after what fell (减少农村贫困人口
    1000万人以上 and 农村贫困人口减少1232万人: 农村贫困人口下降), else as it is."""
    verb = next((v for v in lx.fall_first if key.startswith(v)), "")
    if not verb or len(key) - len(verb) < lx.contained_min or lx.synonym_end.search(key) is not None:
        return key  # (减少贫困人口 is a name key_synonyms gives: 脱贫人口)
    return split_phrase(key[len(verb):] + verb).key  # (as keys write a verb after: 减少 is 下降, 压减 stays)


def _shares_of_other_things(t: str, a: str, lx: LinkLexicon) -> bool:
    """Whether two keys are shares the wrong way round: what one is a share of, before ``share_of``, is the whole the
    other is a share of, after it (一般公共预算收入占生产总值比重 is no 税收收入占一般公共预算收入比重, whose words it
    shares; 民生支出占… and 民生领域支出占… are one share, said two ways)."""
    tp, sep_t, tw = t.partition(lx.share_of)
    ap, sep_a, aw = a.partition(lx.share_of)
    return bool(sep_t and sep_a and tp and ap and tp != ap and (tp in aw or ap in tw))


def char_weights(keys: Iterable[str]) -> dict[str, float]:
    """How telling each character is among ``keys`` (inverse document frequency): 建, 设, 项 say little,
    合作社 or 油茶 much."""
    keys = set(keys)
    df = Counter(c for k in keys for c in set(k))
    n = len(keys)
    return {c: math.log((n + 1) / (d + 1)) + 1.0 for c, d in df.items()}


def compare_keys(tkey: str, akey: str, lx: LinkLexicon | None = None,
                 weights: dict[str, float] | None = None, unit: str | None = None) -> tuple[float, str] | None:
    """The level two keys reach and its score, or None where they name different things. ``weights``
    (from ``char_weights`` over the keys being linked) enables the weakest level, telling shared words;
    ``unit`` (the two facts') lets a key in words meet a canonical one that its synonyms name."""
    lx = lx or load_link_lexicon()
    (tplace, tkey), (aplace, akey) = split_key(tkey), split_key(akey)
    if tplace != aplace:
        return None  # a village's or a city's figure never answers the whole town's or province's
    level = _compare_words(tkey, akey, lx, weights, unit)
    ft, fa = _fall_last(tkey, lx), _fall_last(akey, lx)
    if (ft, fa) != (tkey, akey) and (level is None or level[0] < lx.same_key):
        # 减少农村贫困人口 and 农村贫困人口减少 (下降): a fall said verb first is read again verb last
        fall = _compare_words(ft, fa, lx, weights, unit)
        if fall is not None and (level is None or fall[0] > level[0]):
            level = fall
    return level


def _compare_words(tkey: str, akey: str, lx: LinkLexicon, weights: dict[str, float] | None,
                   unit: str | None) -> tuple[float, str] | None:
    """``compare_keys`` of two keys of one place, with no place of their own."""
    if tkey in lx.canonical or akey in lx.canonical:
        if tkey == akey:
            return lx.same_key, "canonical"
        if (tkey, akey) in lx.successors:
            return lx.same_key, "canonical_successor"  # 农民人均纯收入增长 and 农村居民人均可支配收入增长: the measure renamed
        words, canonical = (akey, tkey) if tkey in lx.canonical else (tkey, akey)
        if unit is not None and words not in lx.canonical and _canonical_by_synonym(words, unit) == canonical:
            return lx.same_key, "canonical_synonym"  # 社零总额增长 is 社会消费品零售总额增长: retail_sales_growth
        if words not in lx.canonical and _canonical_in_its_unit(words, canonical) == canonical:
            # 粮食产量 said in 吨 is grain_output, which the lexicon says in 斤 (units.yaml unit_measures): the figures
            # are compared converted
            return lx.same_key, "canonical_other_unit"
        return None
    if _is_growth(tkey, lx) != _is_growth(akey, lx):
        return None  # a growth rate never answers a level
    short, long_ = sorted((tkey, akey), key=len)
    if len(long_) > len(short) and long_.endswith(short) and is_named_place(long_[:-len(short)]):
        # 汇川区实际使用外资增长 (a place its key could not set apart): a district's, never the whole's
        return None
    t, a = _synonym_head(tkey, lx), _synonym_head(akey, lx)
    if _shares_of_other_things(t, a, lx):
        return None
    level = _compare_names(t, a, lx)
    if (t, a) != (tkey, akey) and (plain := _compare_names(tkey, akey, lx)) is not None and (
            level is None or plain[0] > level[0]):
        level = plain  # (a synonym rewritten on one side only: 服务进出口增长 and 服务进出口额增长 as they are)
    jt, ja = _LIST_JOINERS.sub("", t), _LIST_JOINERS.sub("", a)
    if (level is None or level[0] < lx.same_key) and (jt, ja) != (t, a):
        # 中小学、幼儿园 and 中小学幼儿园, 林分优化、森林抚育 and 林分优化提升和森林抚育: one list, joined two ways
        joined = _compare_names(jt, ja, lx)
        if joined is not None and (level is None or joined[0] > level[0]):
            level = joined
    # a generic head word on one side only (制造业单项冠军企业, 国家制造业单项冠军): compared without it too, and
    # a synonym is read without it (国土绿化面积 is 国土绿化, which is 造林绿化)
    wt, wa = _without_head(tkey, lx), _without_head(akey, lx)
    bare_t = t if wt == tkey else _synonym_head(wt, lx)
    bare_a = a if wa == akey else _synonym_head(wa, lx)
    if (bare_t, bare_a) != (t, a):
        bare = _compare_names(bare_t, bare_a, lx)
        if bare is not None and (level is None or bare[0] * lx.head_weight > level[0]):
            level = bare[0] * lx.head_weight, bare[1] + "+generic_head"
    if weights is not None and (level is None or (level[1].startswith("similar_key") and _covered(t, a, lx))):
        # (over a weak likeness of characters, the words shared where one key holds nearly all of the other's:
        # 县级公立医院综合改革试点 and 公立医院改革试点县市 add words to one thing; 退耕还林 and 退耕还草 replace one)
        shared = _shared_words(t, a, lx, weights)
        if shared is not None and (level is None or shared[0] > level[0]):
            level = shared
    if (level is None or level[0] < lx.project_money) and _money_done(tkey) and _money_done(akey):
        # 重大项目完成年度投资 and 千项万亿重大项目完成投资: the money spent this year on projects each names its own way
        # (grammar money_done_of_things), compared as the measure alone, below the threshold: alone in its block it
        # answers (only_candidate), never beside another programme's (水利项目 and 重点项目)
        level = lx.project_money, "project_money"
    return level


def _money_done(key: str) -> bool:
    """Whether ``key`` is the money spent this year on projects it names (重点项目完成投资; not 水利完成投资, a field's)."""
    return any(key.endswith(w) and key[:-len(w)].endswith(load_link_lexicon().project_heads) for w in _MONEY_DONE)


_MONEY_DONE = tuple(load_lexicon().grammar["money_done_of_things"])


_LIST_JOINERS = re.compile("[、和]")  # what joins the items of a list in a key


def _covered(t: str, a: str, lx: LinkLexicon) -> bool:
    """Whether the longer key holds all of the shorter's characters but at most ``shared_words_uncovered``, and
    at least ``shared_words_cover`` of them (退耕还林 / 退耕还草 miss one of four: a word replaced)."""
    short, long = sorted((t, a), key=len)
    held = sum((Counter(short) & Counter(long)).values())
    return len(short) - held <= lx.shared_uncovered and held >= lx.shared_cover * len(short)


def _shared_words(t: str, a: str, lx: LinkLexicon, weights: dict[str, float]) -> tuple[float, str] | None:
    """Keys that share a word of two or more characters (生猪出栏, 出栏肥猪): scored by the weighted share of
    their characters in common, so a shared 合作社 counts for more than a shared 建设."""
    if not any(t[i:i + lx.shared_min_run] in a for i in range(len(t) - lx.shared_min_run + 1)):
        return None
    common = Counter(t) & Counter(a)
    w = lambda chars: sum(weights.get(c, 1.0) * n for c, n in chars.items())  # noqa: E731
    dice = 2 * w(common) / (w(Counter(t)) + w(Counter(a)))
    score = lx.shared_base + lx.shared_share * dice
    return (score, "shared_words") if score >= lx.similar_min else None


def _contrasted(tkey: str, akey: str, lx: LinkLexicon, unit: str | None = None) -> bool:
    """Whether one key holds a word of a ``contrasts`` pair and the other the other word, and neither both; or
    one names a whole (供排水, a list 交通、能源、水利) where the other names only a part (a rate of a list holds
    for each item: 城市、县城生活垃圾无害化处理率)."""
    for joined, both in lx.contrasts_joined:  # (国省考 names 国考 and 省考 at once)
        tkey, akey = tkey.replace(joined, both), akey.replace(joined, both)
    if any((x in tkey and y in akey and y not in tkey and x not in akey)
           or (y in tkey and x in akey and x not in tkey and y not in akey) for x, y in lx.contrasts):
        return True
    if any((q in tkey) != (q in akey) for q in lx.qualifiers):
        return True  # 数字经济核心产业增加值 is never 数字经济增加值, a whole it is a part of
    if any(any(w in tkey for w in words) != any(w in akey for w in words) for words in lx.seasons):
        return True  # 新雪季接待游客人次增长 is never the year's 接待游客人次增长 (冰雪季 answers it)
    lists = unit not in lx.rate_units
    return any((lists and _part_of_list(a, b)) or any(whole in a and whole not in b and any(p in b for p in parts)
                                                      for whole, parts in lx.wholes)
               for a, b in ((tkey, akey), (akey, tkey)))


_LIST_MARK = "、"  # between the things a key lists
_EACH = "均"       # 水质优良率、达标率均: each of the things listed, not their total


_COORDINATED = re.compile(r"(?<=[\u4e00-\u9fff]{2})[和及与](?=[\u4e00-\u9fff]{2})")  # 禁牧和草畜平衡面积 (not 普及率)


def _part_of_list(whole: str, part: str) -> bool:
    """Whether ``whole`` lists things (交通、能源、水利完成投资: a total) and ``part`` names one of the leading ones
    alone (交通完成投资), or joins two with 和/及/与 (禁牧和草畜平衡面积: a total) and ``part`` names either alone
    (草畜平衡面积); not a list whose figure holds for each (…优良率、…达标率均)."""
    if _LIST_MARK in part or whole.endswith(_EACH):
        return False
    if _LIST_MARK in whole:
        items = whole.split(_LIST_MARK)
        if all(item in part for item in items):
            return False  # (中小学、幼儿园 and 中小学幼儿园: every item, the one list without its comma)
        return any(len(item) >= 2 and item in part for item in items[:-1])
    if not _COORDINATED.search(whole) or _COORDINATED.search(part):
        return False
    # the part is one of the things joined, the last with the head they share or the first with its own
    # (禁牧和草畜平衡面积: 草畜平衡面积, 禁牧面积); not a word that holds 和 (宜居宜业和美乡村: 和美乡村)
    *leading, last = _COORDINATED.split(whole)
    return part == last or any(len(item) >= 2 and part.startswith(item) for item in leading)


def _alone_is_evidence(t: dict, a: dict, rule: str, lx: LinkLexicon) -> bool:
    """Whether a target and a result that are each other's only candidate in their block earn the
    ``+only_candidate`` bonus for being alone, by the level that compared them. Never for a canonical match
    (it needs none) nor for rates and growth (a report states many: one alone in its block says little);
    keys that only share words must name the same kind of thing (``_same_head_and_modifier``), and keys
    with characters replaced must keep their head word (``_same_head_word``)."""
    if rule == "canonical" or t["unit"] in lx.rate_units or _is_growth(t["indicator_key"], lx):
        return False
    if rule.startswith("shared_words"):
        return _same_head_and_modifier(t, a, lx)
    if rule.startswith("similar_key"):
        return _same_head_word(t, a)
    return True


def _same_head_and_modifier(t: dict, a: dict, lx: LinkLexicon) -> bool:
    """Keys that only share words count as alone-together evidence where they name the same kind of thing
    (the last character, the head noun, agrees: 通村道路/通村硬化路, not 标准化养猪场/标准化学校) and share a word
    besides that head (not 农村公路/高速公路, which share only 公路)."""
    tk, ak = (_without_head(split_key(f["indicator_key"])[1], lx) for f in (t, a))  # 死亡人数: 死亡
    if not tk or not ak or tk[-1] != ak[-1]:
        return False
    n = lx.shared_min_run
    return any(tk[i:i + n] in ak[:-1] for i in range(len(tk) - n))


def _same_head_word(t: dict, a: dict) -> bool:
    """Keys with characters replaced count as alone-together evidence only where the replaced ones leave the
    head word, its last two characters, alone (农村饮水安全工程/农村安全饮水工程, not 生猪出栏/生猪存栏)."""
    tk, ak = (split_key(f["indicator_key"])[1] for f in (t, a))
    return len(tk) >= 2 and tk[-2:] == ak[-2:]


def _without_head(key: str, lx: LinkLexicon) -> str:
    for w in lx.generic_heads:
        if key.endswith(w) and len(key) - len(w) >= 2:
            return key[: -len(w)]
    return key


def _compare_names(t: str, a: str, lx: LinkLexicon) -> tuple[float, str] | None:
    if t == a:
        return lx.same_key, "same_key"
    short, long_ = sorted((t, a), key=len)
    if len(short) >= lx.contained_min and long_.endswith(short):
        # the longer key narrows the shorter's head noun (科技型中小企业, 省级科技型中小企业)
        return lx.contained_key, "contained_key"
    ops = Indel.editops(short, long_)
    if (len(short) >= 3 or long_.startswith(short)) and len(ops) == len(long_) - len(short) and not (
            (added := _one_run_added(short, long_))
            and (head := next((h for h in lx.generic_heads if added.endswith(h)), None)) and len(added) > len(head)):
        # (not where the words added in one run name a measure of their own, more than its head: 生产安全事故死亡人数
        # 增长 is no 生产安全事故增长, the deaths are no count of the accidents; 游客人数 is 游客 said fully)
        # every character of the shorter key stands in the longer in order (肉牛屠宰量, 肉牛屠宰加工量;
        # 脐橙, 脐橙果园), a short key only at the start: 2 characters inside another key say little
        return lx.subsequence_key + lx.subsequence_share * len(short) / len(long_), "subsequence_key"
    sim = Indel.normalized_similarity(t, a) * lx.similar_weight
    if sim >= lx.similar_min:
        # characters replaced, not only added: another kind of the thing (户籍人口 against 常住人口) weighs less
        return sim, "similar_key"
    return None


def _one_run_added(short: str, long_: str) -> str:
    """The characters ``long_`` adds to ``short`` where they stand in one run between a start and an end the two
    share (生产安全事故[死亡人数]增长), else ""."""
    head = len(os.path.commonprefix((short, long_)))
    tail = len(os.path.commonprefix((short[head:][::-1], long_[head:][::-1])))
    return long_[head:len(long_) - tail] if head + tail == len(short) and head and tail else ""


_IMPLAUSIBLE = "+implausible_magnitude"  # the level _magnitude adds where sizes are far apart


def _magnitude(t: dict, a: dict, lx: LinkLexicon, rule: str = "") -> tuple[float, str] | None:
    """A penalty where the result is implausibly far from the target; None where it cannot be the same thing,
    unless the keys are the same and the result passes a floor (公交线路60条以上 → 328条: far exceeded)."""
    if (sizes := _sizes(t, a, lx)) is None:
        return 0.0, ""
    tv, av = sizes
    ratio = max(tv / av, av / tv)
    exceeded = rule == "same_key" and t["comparator"] in _FLOORS and av > tv and av / tv <= lx.exceeded
    if ratio > lx.impossible and not exceeded:
        return None
    if ratio > lx.plausible:
        return -lx.implausible_penalty, _IMPLAUSIBLE
    return 0.0, ""


def _far_off(t: dict, a: dict, lx: LinkLexicon) -> bool:
    """Whether a canonical level's result is so far from its target, either way, that it is another place's (a
    county's 地区生产总值达到420亿元 read as the city's, against the city's 4000亿元): more than ``exceeded_ratio``
    times off, which a small town's jobs beating their target (300 → 1050人) or a ceiling beaten (PM2.5 35 → 11) is
    not; rates are not checked."""
    return (sizes := _sizes(t, a, lx)) is not None and max(sizes[0] / sizes[1], sizes[1] / sizes[0]) > lx.exceeded


def _sizes(t: dict, a: dict, lx: LinkLexicon) -> tuple[Decimal, Decimal] | None:
    """The sizes of target ``t`` and result ``a`` in the target's unit, or None where they say nothing of whether
    the two are the same thing: a rate (its size is no measure of which rate), or a zero."""
    if t["unit"] in lx.rate_units:
        return None
    tv, av = abs(Decimal(t["value"])), abs(in_target_unit(t, a))
    return (tv, av) if tv and av else None


def _whole_and_part(t: dict, a: dict) -> bool:
    """Whether, of two facts one of whose keys ends with the other, the one the shorter key names is the larger:
    the whole and a part of it (其中保基本民生支出186.2亿元 and 全市民生支出401.7亿元), where the sizes are already
    implausibly far apart; not a thing said more or less fully (省级科技型中小企业 and 科技型中小企业 of one size), nor a
    result on the side its target's bound allows (事故起数控制在3起以内 and 发生一般安全生产事故1起)."""
    tv, av = abs(Decimal(t["value"])), abs(in_target_unit(t, a))
    if t["comparator"] in _CEILINGS and av < tv or t["comparator"] in _FLOORS and av > tv:
        return False
    return (len(a["indicator_key"]) < len(t["indicator_key"])) == (av > tv)


_CEILINGS = ("le", "lt")  # a target's comparators that set only a ceiling (3起以内)


_FLOORS = ("ge", "gt")  # a target's comparators that set only a floor (60条以上)


def in_target_unit(t: dict, a: dict) -> Decimal:
    """Result ``a``'s value in target ``t``'s unit: converted where the two are units of one measure (20.6万吨
    against a target in 斤: 412000000), as it is where they are one unit or one family's (个 and 家)."""
    factor = unit_factor(a["unit"], t["unit"])
    value = Decimal(a["value"])
    return value if factor is None or factor == 1 else (value * factor).quantize(_VALUE_PLACES)


_VALUE_PLACES = Decimal("0.0001")  # the places of a fact's value (facts.value is DECIMAL(38,4))


_STOCK_OPENING = 6  # characters at a result's start where a word of a stock before its noun stands (全镇现有)


def _verb_level(t: dict, a: dict, lx: LinkLexicon) -> tuple[float, str] | None:
    """A bonus where both verbs do the same thing; None where a flow target (新增, 培育) meets a stock
    (measure_sense: a level reached with no verb of its own, 达7800家, or a running total, unless the target is one
    too), or where the two verbs do things that never answer each
    other (``verb_contrasts``: 新建 and 改造)."""
    t_verb, a_verb = split_phrase(t["indicator_text"] or "").verb, split_phrase(a["indicator_text"] or "").verb
    # (a stage said after the noun, 城市更新项目完工12个, 项目开工率: the stage its key ends on, for the stages' bonus and
    # contrast only; a flow is a verb before the noun)
    t_stage, a_stage = t_verb or _stage_after(t, lx), a_verb or _stage_after(a, lx)
    tv, av = lx.verb_class.get(t_stage), lx.verb_class.get(a_stage)
    if tv is not None and tv == av and (t_stage, a_stage) not in lx.verb_contrasts:  # (开工 and 建成 build alike, but
        return lx.verb_bonus, "+verb_equivalent"                                    # a start is no finish)
    if (t_verb, a_verb) != (t_stage, a_stage) and (t_stage, a_stage) in lx.verb_contrasts:
        return None  # 城市更新项目完工12个 is never answered by 城市更新项目开工18个, nor 竣工率 by 开工率
    tv, av = lx.verb_class.get(t_verb), lx.verb_class.get(a_verb)
    if ((t_verb, a_verb) in lx.verb_contrasts and not _verb_then_its_contrast(t["indicator_text"] or "", t_verb, lx)
            # (a result that built and repaired, 新建改造农村公厕516座, answers 改造提升农村公厕500座; not one that applied
            # to be recognised, 申报认定…)
            and not (av in lx.flow_classes and _verb_then_its_contrast(a["indicator_text"] or "", a_verb, lx))):
        # 新建村级活动场所 is never answered by 改造村级活动场所 (新建改造…管网 is, by 改造…管网 or 改造提升…; a
        # result's own words lift it only where it built too, 新建改造…: 申报认定国家高新技术企业 answers no 新增…)
        return None
    if (tv in lx.flow_classes and measure_sense(a, lx) == STOCK
            and lx.cumulative not in (t["flags"] or ())):  # (a running total against a running total: score_pair's)
        return None  # (全镇现有规模以上企业3家 answers no 力争新增规模以上企业1家)
    return 0.0, ""


GAIN, STOCK = "gain", "stock"


def measure_sense(f: dict, lx: LinkLexicon | None = None) -> str | None:
    """What a fact's figure counts of its measure: ``gain``, the things added (a verb of a flow class before the
    noun: 新增, 新建, 培育规上工业企业18家), ``stock``, the level reached (a running total, flag cumulative; or no verb
    of its own and a word of a stock after it or in the figure, 规上工业企业达到101家, 总数, or before its noun, 全镇现有…,
    年末…; not a gain said inside its words, 新能源新增并网装机规模达到342万千瓦), else None. A gain never answers nor
    stands for a stock of one key, nor a stock for a gain: linking (_verb_level) and the year before's figure of a
    measure (int_year_before) keep them apart."""
    lx = lx or load_link_lexicon()
    if lx.cumulative in (f["flags"] or ()):
        return STOCK  # (累计建成5G基站7280个: a running total, whatever its verb)
    text = f["indicator_text"] or ""
    verb = split_phrase(text).verb
    if verb:
        return GAIN if lx.verb_class.get(verb) in lx.flow_classes else None
    if any(w in text for w in lx.gain_inside):
        return None
    stated = text[-4:] + (f["surface"] or "")
    if any(w in stated for w in lx.stock_words) or any(w in text[:_STOCK_OPENING] for w in lx.stock_words_before):
        return STOCK
    return None


def _stage_after(f: dict, lx: LinkLexicon) -> str | None:
    """The stage a fact's words say after their noun (城市更新项目完工: 完工, keys.yaml state verbs), or its key opens
    on (竣工城市更新项目: 竣工), or a verb of a verb class its key ends on (保障性租赁住房交付: 交付; 项目开工率: 开工);
    None where they say none."""
    if state := split_phrase(f["indicator_text"] or "").state_verb:
        return state
    key = f["indicator_key"] or ""
    if verb := split_phrase(key).verb:
        return verb
    key = key.removesuffix(RATE_END)  # (项目开工率, 竣工率: the rate of things at that stage)
    return next((v for v in lx.verbs_longest_first if key.endswith(v) and len(key) > len(v)), None)




def _verb_then_its_contrast(text: str, verb: str, lx: LinkLexicon) -> bool:
    """Whether ``verb`` stands in ``text`` right before a verb it is contrasted with, joined or not (新建改造农村卫生
    户厕, 新建和改造…: both done, so 改造提升 answers it; not 新建棚户区改造安置房, whose 改造 is the noun's)."""
    at = text.find(verb)
    if at < 0:
        return False
    at += len(verb)
    if joiner := load_key_lexicon().verb_joiner.match(text, at):  # (keys.yaml verb_joiner: 新建和改造)
        at = joiner.end()
    return any(text.startswith(v, at) for x, v in lx.verb_contrasts if x == verb)


def score_pair(t: dict, a: dict, lx: LinkLexicon | None = None,
               keys: tuple[float, str] | None = None) -> tuple[float, str] | None:
    """How sure it is that actual ``a`` answers target ``t``, and the levels that say so; None: never.
    ``keys``: the keys' comparison where the caller has it already."""
    lx = lx or load_link_lexicon()
    if (lx.cumulative in (a["flags"] or ())) != (lx.cumulative in (t["flags"] or ())):
        return None  # 新增 is never a cumulative total
    if _contrasted(t["indicator_key"], a["indicator_key"], lx, t["unit"]):
        return None  # 生猪出栏 is never 生猪存栏
    keys = keys or compare_keys(t["indicator_key"], a["indicator_key"], lx, unit=t["unit"])
    if keys is None:
        return None
    score, rule = keys
    if (rule.startswith("shared_words") and (t["indicator_key"] or "").endswith(lx.reached_end)
            and (a["indicator_key"] or "").endswith(lx.reached_end)):
        return None  # (农村饮水工程受益 and 农村公路提升工程受益: the people two works reach, which share only words, are
        # two works')
    if rule == "canonical":
        # (the same canonical level so far off cannot be the same place's: a county's 地区生产总值达到420亿元, read as
        # the city's, is no target the city's 4000亿元 answers)
        if unit_factor(a["unit"], t["unit"]) is None or _far_off(t, a, lx):
            return None
        return score, rule
    mag = _magnitude(t, a, lx, rule)
    if mag is None or mag[1] and rule == "contained_key" and _whole_and_part(t, a):
        return None
    verb = _verb_level(t, a, lx)
    if verb is None:
        return None
    return min(1.0, score + verb[0] + mag[0]), rule + verb[1] + mag[1]


# ---------------------------------------------------------------- assigning

def link_facts(facts: Iterable[dict], weights: dict[str, float] | None = None) -> list[Link]:
    """One link at most per target: its best-scoring answer above the threshold. A canonical actual may
    answer every target that names it (a report that states one target twice); any other actual answers
    at most one target of each report. Deterministic: at one score, the keys that agree best go first, then the
    earlier target and the actual ranked first.

    ``weights``: ``char_weights`` of every actual key of the warehouse, where ``facts`` is one slice of it
    (the build links one jurisdiction at a time); computed from ``facts`` when not given."""
    lx = load_link_lexicon()
    targets: dict[tuple, list[dict]] = {}
    actuals: dict[tuple, dict[str, list[dict]]] = {}
    for f in facts:
        if not _linkable(f, lx):
            continue
        if f["kind"] == "target":
            targets.setdefault(_block(f, lx), []).append(f)
        elif lx.never_answers.intersection(f["flags"] or ()):
            continue  # (…产值首次突破400亿元: a mark it passed, no result)
        elif f["kind"] == "actual" or (f["kind"] == "change" and f["unit"] in lx.change_answers):
            actuals.setdefault(_block(f, lx), {}).setdefault(f["indicator_key"], []).append(f)
            if f["unit"] == _UNITLESS and not f.get("unit_text") and Decimal(f["value"]) == 0:
                for unit in lx.zero_answers:  # (孕产妇死亡率为0 answers 控制在15/10万以内: none, in any unit)
                    actuals.setdefault(_block({**f, "unit": unit}, lx), {}).setdefault(f["indicator_key"], []).append(f)
    if weights is None:
        weights = char_weights(k for block in actuals.values() for k in block)
    links: list[Link] = []
    for block in sorted(targets, key=repr):
        by_key = actuals.get(block)
        if by_key:
            links.extend(_link_block(targets[block], by_key, lx, weights))
    return links


def _words_apart(tkey: str, akey: str, rule: str) -> tuple[bool, int]:
    """How far the words of two keys are apart, for the order of equally sure pairs: whether they differ, and by how
    many characters; none for a canonical indicator's match, which is its key in any of its units (a bulletin's
    粮食总产量1526.1万吨 is grain_output as the next report's 305.2亿斤 is)."""
    if rule.startswith(_CANONICAL):
        return False, 0
    return tkey != akey, abs(len(tkey) - len(akey))


def _link_block(targets: list[dict], by_key: dict[str, list[dict]], lx: LinkLexicon,
                weights: dict[str, float]) -> list[Link]:
    for group in by_key.values():
        group.sort(key=lambda a: _actual_rank(a, lx))
    matches: dict[tuple[str, str], list[tuple[str, tuple[float, str]]]] = {}  # target key, unit → actual keys it meets
    scored = []
    for ti, t in enumerate(sorted(targets, key=lambda f: (f["doc_id"], f["span_start"]))):
        tkey = t["indicator_key"]
        if (tkey, t["unit"]) not in matches:
            matches[tkey, t["unit"]] = [(akey, level) for akey in by_key
                                        if (level := compare_keys(tkey, akey, lx, weights, t["unit"])) is not None]
        for akey, level in matches[tkey, t["unit"]]:
            tried = 0
            group = by_key[akey]
            # best first (a stated figure before an estimate, a point before a bound, the year's final statistics
            # before a report's figure), of those the target's own issuer's first: a few per key are enough to share
            # them out
            order = sorted((*_actual_rank(a, lx)[:3], -_affinity(t, a), r) for r, a in enumerate(group))
            for *_, minus_affinity, rank in order:
                a = group[rank]
                if ((a["doc_id"] == t["doc_id"] and lx.restated not in (t["flags"] or ()))
                        or a["report_year"] is None or t["report_year"] is None or a["report_year"] < t["report_year"]):
                    # a result comes from another report, issued no earlier than the plan; a target a review
                    # states again (没有完成8%的年度目标) is answered by its own report too
                    continue
                s = score_pair(t, a, lx, level)
                if s is not None:
                    scored.append((ti, rank, akey, t, a, s, level[0], -minus_affinity))
                tried += 1
                if tried == PER_KEY:
                    break
    # a target and a result that are each other's only candidate in the block: that they are alone is evidence
    per_target = Counter(c[3]["fact_id"] for c in scored)
    # (a target its document states again is no other candidate: 生猪出栏稳定在2.5万头左右 and the 2.5 of its table)
    per_actual = Counter((c[4]["fact_id"], c[3]["doc_id"]) for c in scored if "repeated" not in (c[3]["flags"] or ()))
    candidates = []
    for ti, rank, akey, t, a, (score, rule), key_score, affinity in scored:
        if (per_target[t["fact_id"]] == 1 and per_actual[(a["fact_id"], t["doc_id"])] == 1
                and _alone_is_evidence(t, a, rule, lx)):
            score, rule = min(1.0, score + lx.only_candidate_bonus), rule + "+only_candidate"
        if score >= lx.threshold:
            candidates.append((-score, -key_score, lx.estimated in (a["flags"] or ()), a.get("doc_type") not in lx.final,
                               -affinity, ti, rank, akey, t, a, (score, rule)))
    # best first; at one score, a target its document states again (repeated: a table's cell that a sentence states
    # too, 2.5 under 2025年目标 and 生猪出栏稳定在2.5万头左右) after the others, so that the statement
    # plan_vs_actual keeps is answered first; then the pair whose keys agree best (精品民宿 answers 精品民宿 before
    # 民宿 does, whatever the bonuses and penalties that made them equal; and a key word for word before a synonym of it:
    # 造林绿化 answers 造林绿化 before 人工造林, one synonym row; and of two that hold it, the one that adds fewer words:
    # 年度计划投资 is answered by 完成投资 before 完成固定资产投资); then a stated result before an estimate
    # (a bulletin's 增长6.2% before the next report's 预计…增长6.5%; a canonical indicator's words are its key in any
    # of its units: _words_apart); then a point before a bound (a bulletin's 年末城镇
    # 登记失业率为2.68% before the next report's 城镇登记失业率控制在4%以内, the target said again); then the year's final
    # statistics (a bulletin's 比上年增长6.3% before the next plan report's 增长6.3%); then a result of the
    # target's own issuer (a county's 住建局 summary answers its 住建局 plan's 完成投资 before its 农业农村局's does);
    # then by the results' rank
    candidates.sort(key=lambda c: (c[2], c[0], "repeated" in (c[8]["flags"] or ()), c[1],
                                   *_words_apart(c[8]["indicator_key"], c[9]["indicator_key"], c[10][1]),
                                   _stated_as_bound(c[9]["surface"] or ""), *c[3:8]))
    linked: set[str] = set()
    used: set[tuple[str, str]] = set()
    out = []
    for *_, t, a, (score, rule) in candidates:
        if t["fact_id"] in linked:
            continue
        slot = (a["fact_id"], t["doc_id"])
        if rule != "canonical" and slot in used:
            continue
        linked.add(t["fact_id"])
        used.add(slot)
        if lx.estimated in (a["flags"] or ()):
            rule += "+estimated"  # the only answer is a result the report estimates (预计): the rule says so
        out.append(Link(t["fact_id"], a["fact_id"], round(score, 4), rule, in_target_unit(t, a)))
    return out


# ---------------------------------------------------------------- the year before



def _senses_meet(a: str | None, b: str | None) -> bool:
    """Whether two statements' senses (measure_sense) may be of one measure: the same, or either says none."""
    return a is None or b is None or a == b


def _stem(key: str) -> str:
    """A key's words without its place and a growth word at its end (游客增长: 游客)."""
    return split_key(key)[1].removesuffix(_GROWTH_KEY_END)


def year_before(facts: Iterable[dict], before: Iterable[dict], weights: dict[str, float] | None = None,
                senses: dict[str, str | None] | None = None) -> list[YearBefore]:
    """For each target and actual of one (jurisdiction, year) whose key no actual of the year before (``before``, the
    same jurisdiction's) states in a sense that may be its own, the year before's actual of its measure said in other
    words (油菜种植 and 油菜种植面积; 水稻总产量 and 稻谷总产): the statement that would answer it as a target, compared
    as linking compares (score_pair: keys, contrasts, senses, a plausible size), in the same unit, above the threshold,
    of a key the year's results do not state in that statement's sense. Each key of the year before stands for one key
    of the year at most in each sense, the best pair first (at one score, the keys that agree best, then the
    statement ranked first). ``weights``: as link_facts takes them; ``senses``: measure_sense of the facts by fact_id
    where the caller has it (computed here otherwise)."""
    lx = load_link_lexicon()
    by_key: dict[str, dict[str, list[dict]]] = {}  # unit -> key -> the year before's actuals, best first
    for b in before:
        if b["kind"] == "actual" and _linkable(b, lx) and not lx.never_answers.intersection(b["flags"] or ()):
            by_key.setdefault(b["unit"], {}).setdefault(b["indicator_key"], []).append(b)
    facts = [f for f in facts if f["kind"] in ("target", "actual") and _linkable(f, lx)]
    senses = senses if senses is not None else {}
    sense = {f["fact_id"]: senses[f["fact_id"]] if f["fact_id"] in senses else measure_sense(f, lx)
             for f in (*facts, *(b for keys in by_key.values() for group in keys.values() for b in group))}
    # (a key the year's results state too, in a sense that may be the same, is another measure than the year's other
    # keys: 工业投资 beside 投资; but 新增茶园面积, a gain, says nothing of the stock 茶园面积; and a target of the year
    # says nothing either: the plan that sets it says it in the words of its review of the year before, 油菜种植面积)
    said: dict[tuple[str, str], set] = {}
    for f in facts:
        if f["kind"] == "actual":
            said.setdefault((f["unit"], f["indicator_key"]), set()).add(sense[f["fact_id"]])
    # (asked: a fact whose key the year before states in no sense that may be its own)
    asked = [f for f in facts if f["unit"] in by_key and not any(
        _senses_meet(sense[f["fact_id"]], sense[b["fact_id"]]) for b in by_key[f["unit"]].get(f["indicator_key"], ()))]
    if not asked:
        return []
    if weights is None:
        weights = char_weights(k for keys in by_key.values() for k in keys)
    for keys in by_key.values():
        for group in keys.values():
            group.sort(key=lambda a: _actual_rank(a, lx))
    levels: dict[tuple[str, str, str], tuple[float, str] | None] = {}
    candidates = []
    for fi, f in enumerate(sorted(asked, key=lambda f: (f["doc_id"], f["span_start"]))):
        for akey, group in by_key[f["unit"]].items():
            if akey == f["indicator_key"]:
                continue
            stated = said.get((f["unit"], akey), ())
            # (the statements best ranked first, a few of them, that the year does not state again in their sense)
            options = [b for b in group[:PER_KEY] if not any(_senses_meet(a, sense[b["fact_id"]]) for a in stated)]
            if not options:
                continue
            pair = (f["indicator_key"], akey, f["unit"])
            if pair not in levels:
                levels[pair] = compare_keys(*pair[:2], lx, weights, f["unit"])
            if (level := levels[pair]) is None:
                continue
            # the first whose sense and size fit (a measure moves less in a year than a result misses its target)
            b, s = next(((b, s) for b in options if (s := score_pair(f, b, lx, level)) is not None
                         and _IMPLAUSIBLE not in s[1]), (None, None))
            # (named by more than a bare measure word, 投资, 产值, 比重, which a part's key holds too: 工业投资)
            if (s is not None and s[0] >= lx.threshold
                    and min(len(_stem(f["indicator_key"])), len(_stem(akey))) >= lx.year_before_min_stem):
                candidates.append((-s[0], -level[0], *_words_apart(f["indicator_key"], akey, s[1]), fi, f, b, s))
    candidates.sort(key=lambda c: c[:5])
    # (unit, the year before's key, its sense) -> the key of the year it stands for: a gain and a stock of one key
    # (新增国家高新技术企业36家, 国家高新技术企业总数218家) each stand for their own
    taken: dict[tuple[str, str, str | None], str] = {}
    chosen: dict[str, YearBefore] = {}
    for *_, f, b, (score, rule) in candidates:
        slot = (f["unit"], b["indicator_key"], sense[b["fact_id"]])
        if f["fact_id"] in chosen or taken.setdefault(slot, f["indicator_key"]) != f["indicator_key"]:
            continue
        chosen[f["fact_id"]] = YearBefore(f["fact_id"], b["fact_id"], round(score, 4), rule)
    return list(chosen.values())
