"""Load the lexicon files under ``extract/lexicons``: the vocabulary the extractor uses.

Python here holds no Chinese words: every surface, cue and synonym comes from the
YAML/CSV files next to this module, so a new unit or indicator is a line of data.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

LEXICON_DIR = Path(__file__).with_name("lexicons")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LexiconError(ValueError):
    """A lexicon file the code cannot use as written; the message names the file and the line."""


# The keys of each mapping-shaped YAML lexicon: every one is read by the code (a test holds each name to a
# read), so a key that no code reads (a typo, a leftover) is a load error instead of silent documentation.
YAML_KEYS: dict[str, frozenset[str]] = {
    "units.yaml": frozenset({"own_time_words", "scales", "units", "date_units", "change_units", "rate_units", "no_bare_scale", "round_class_units",
                             "bare_scale_large", "bare_scale_not_after", "bare_scale_after", "round_amount_spent_before", "spoken_scales", "classifier_infixes",
                             "rate_prefixes", "rate_words_before", "rate_nouns_before", "per_units", "per_separator", "implied_units", "unitless_nouns", "implied_unit_links", "implied_units_after", "implied_units_after_not_before", "people_needs_after_de", "count_named_after_de", "currency_signs", "unit_measures"}),
    "comparators.yaml": frozenset({"before", "after", "after_alone", "result_value_before", "no_ceiling_before"}),
    "segments.yaml": frozenset({"date_line", "compilation_part", "compilation_title", "chapter_place_suffixes", "place_chapter", "heading_levels", "run_in_heading", "part_heading", "unnumbered_heading", "heading_max_chars",
                                "sentence_end", "clause_end", "appendix"}),
    "chrome.yaml": frozenset({"lines", "line_patterns", "fragments", "corrupt_patterns", "html", "page_lines", "tail_lines"}),
    "cues.yaml": frozenset({"last_year_words", "budget_gap_before", "gap_end", "compared_opening", "more_fewer_end", "range_named_after", "below_base", "current_before", "current_changed_after", "other_period_base", "all_done_after", "whole_then_part", "plan_as_base", "result_after_plan", "restated_list_opens", "restated_list_ends", "year_total", "actual", "present_stock", "adjusted_to", "streak_after", "comparison_cues", "comparison_period", "comparison_not_plan", "whole_span_words", "change_verbs", "cumulative", "estimated", "five_year_average", "from_before", "run_of_years", "closing_year", "closing_span", "plan_span", "other_base", "to_after_list", "starting_year_before", "starting_year_after", "starting_year_relative", "starting_year_report_relative", "plan_gap_only", "since_after", "since_frame_before", "since_frame", "term_end_before", "span_end", "span_end_year", "plan_name",
                            "growth_words", "multi_year", "multi_year_section", "multi_year_sentence",
                            "negative_verbs", "partial_year", "seasons", "partial_year_lead_in", "partial_year_marks",
                            "relative_years", "relative_not_after", "restated", "share_of_target", "target_after", "target_as_base", "target_reached", "deadline_before", "plan_restated", "plan_label",
                            "summary_review_actions", "section_actual", "section_target", "year_to_date", "rest_of_year", "restated_before",
                            "restated_before_then", "restated_in_review", "lead_in", "place_profile", "population_profile", "forecast_before", "deadline_after", "qualifying_after", "gap_before", "year_range", "range_total_after", "season_span", "year_plan_after", "estimate_ends",
                            "whole_year",
                            "single_year_framing", "year_in_span", "target", "to_after", "review_actions", "forward_markers", "span_opening",
                            "comparison_base_before", "comparison_base_after", "relative_share_base_after"}),
    "grammar.yaml": frozenset({"year_before_words", "per_unit_minimum_units", "institution_units", "institution_measures", "one_character_things", "event_count_ends", "per_unit_minimum_before", "indicator_aim_words", "indicator_reach_words", "ordinal_numeral_not_before", "places_listed", "new_things_words", "list_title_end", "measure_name_ends", "share_of_plan_phrase", "scope_count_measure", "item_opens", "stretch_bound_gap", "scope_aside", "definition_opens", "counted_head_level", "places_rate_field", "milestone_first", "explanation_opens", "done_after_not_units", "done_after_count", "counted_heads", "total_after_gain", "growth_compared", "item_conjunction", "class_object_lead", "stock_words", "bare_change", "class_position_measures", "whole_before_places", "example_opens", "erratum_opens", "condition_opens", "condition_then", "class_noun_before_aside", "per_head_only", "attainment_words", "own_subject", "frequency_before", "frequency_units", "set_elsewhere", "scope_setter", "count_words", "shared_measures", "own_measure_ends", "measured_item_ends", "list_head_trailing", "own_share", "grades", "shared_figure", "shared_figure_not_in_list", "shared_figure_not_before", "places_counted", "enumeration_before", "village_suffixes", "places_each", "person_aside", "aspect_label", "topic_support_alone", "shared_rates", "rank_field_before", "rank_field_after", "national_scope", "foreign_scope", "foreign_scope_not_before", "national_setter", "share_of_previous", "base_value_before", "attribution", "parent_scope", "scope_not_before", "set_against", "set_against_level", "multiple_units", "planted_verbs", "span_end_reach", "breakdown_opens", "multiple_of_base", "structure_ratio", "about_after_round", "share_words", "trend_end", "growth_words", "growth_words_not_after", "milestone_words", "milestone_verbs", "cause_lead", "name_count_units", "milestone_passed_words", "milestone_then", "rank_moves", "rank_places", "qualified_alone", "range_not_qualifying", "numeral_words", "about_share", "introduces_list", "distance_words", "distance_names_after", "distance_units", "aim_words", "part_of_previous", "trailing_note", "qualifier_units", "qualifier_not_after", "class_bound_before", "class_object_before", "class_money_nouns", "class_place_nouns", "class_size_units", "class_bound_not_nouns", "class_bound_linked", "class_bound_linked_not", "quoted_name", "schedule_units", "article_number", "baseline_phrase", "baseline_year",
                               "clause_end_after", "completed_action", "compound_modifiers", "paired_modifiers", "in_step_with", "conjunction_only",
                               "enumeration_heads", "enumeration_heads_any", "enumeration_units", "explicit_year", "elided_subject_after",
                               "figure_coordinator", "counted_noun_then_list", "sibling_measures", "list_marker", "serial_row_cells", "year_span", "year_not_own_after", "unfinished_after", "bound_share", "growth_verb", "fall_verb", "idioms", "effort_nouns",
                               "list_item_separator", "modifies_after", "share_of_after", "not_completed_action", "quoted",
                               "respectively", "subject_separators", "verb_only_words", "written_out_number", "vague_counters", "measure_of_previous", "money_of_things", "money_done_of_things", "item_conjunction_words", "count_noun_ends", "measure_of_previous_verbs", "next_clause_verbs", "next_clause_leads", "same_period_lead",
                               "threshold_noun", "threshold_before", "threshold_not", "session_before", "session_after", "beneficiary_words", "reach_phrase", "reach_after", "reach_name", "reach_units", "reach_before_units", "reach_money_verbs", "reach_not_after", "reach_involve", "reach_involve_verbs", "not_a_noun_after_count", "progress_words",
                               "condition_frame", "target_nouns"}),
    "normalise.yaml": frozenset({"characters", "rewrites", "before_folding", "circled_markers", "line_decorations", "markdown_marks",
                                 "wrapped_heading", "split_comparators"}),
    "tables.yaml": frozenset({"content_columns", "skipped_columns", "year_row_columns", "label_columns", "row_name_columns", "sub_item_marks", "caption_measure", "measure_columns", "cell_verbs", "date_columns", "share_of_plan_words", "column_kinds", "growth_columns", "growth_unit", "share_columns", "unit_columns",
                              "serial_columns", "placeholders", "caption_unit", "header_reach",
                              "caption_reach"}),
    "numerals.yaml": frozenset({"reference_before", "reference_after", "digits_of_code_before", "digits_of_code_after", "streak_prefixes", "sessions_before", "numeral_adverbs", "weather_after", "frequency_after", "streak_units", "approximate_pairs", "capacity_before", "capacity_named_after", "class_suffix", "decimal_point", "digits", "fraction_units",
                                "financial_alone", "financial_digits", "financial_multipliers", "financial_words", "fraction_word", "half", "inclusive_mark", "lower_bound_markers", "multipliers",
                                "negative_signs", "not_signs", "ordinal_prefixes", "denominator_prefixes",
                                "rank_prefixes", "rank_prefix_not_after", "rank_units", "range_words", "between_words", "between_close",
                                "section_multipliers", "several", "several_not_after", "several_range", "round_lower_bound", "round_lower_bound_not_after",
                                "signed_units", "subunits", "mixed_fraction_joiner", "tens_words", "tenths_not_before", "tenths_word"}),
}
UNIT_KEYS = frozenset({"surface", "base", "not_before", "ordinal_after_chinese", "duration_only", "only_after"})
DOC_TYPE_KEYS = frozenset({"id", "words", "actual_offset", "target_offset", "plan_year_in_title", "part_of_year",
                           "figures", "results_year_in_title", "year_words", "targets_at_span_end"})
COMPARATOR_IDS = frozenset({"eq", "approx", "ge", "gt", "le", "lt"})  # range is made by the grammar
DIRECTIONS = frozenset({"up", "down"})
INDICATOR_COLUMNS = ("id", "synonyms", "unit", "verbs", "direction", "excludes", "description")


def _yaml(name: str, root: Path | None = None):
    """One YAML lexicon file; a mapping-shaped one must hold exactly the keys ``YAML_KEYS`` declares. Its patterns
    have the words declared once for all files written in (``SHARED_WORDS``: {last_year})."""
    path = (root or LEXICON_DIR) / name
    with open(path, encoding="utf-8") as fh:
        data = _with_shared_words(yaml.load(fh, Loader=_LOADER), _shared_words(root or LEXICON_DIR))
    allowed = YAML_KEYS.get(name)
    if allowed is not None:
        if not isinstance(data, dict):
            raise LexiconError(f"{path}:1: a mapping of keys was expected")
        for key in data:
            if key not in allowed:
                raise LexiconError(f"{where(path, key)}: unknown key {key!r}: no code reads it "
                                   f"(known: {', '.join(sorted(allowed))})")
    return data


# words several files' patterns name, declared once (cues.yaml): the place they stand in a pattern, and the key
SHARED_WORDS = {"{last_year}": "last_year_words"}  # 上年, 去年, 上一年: the year before, said relative to the year


@lru_cache(maxsize=2)
def _shared_words(root: Path) -> dict[str, str]:
    """Each shared word list as one alternation, by the place it stands in a pattern."""
    with open(root / "cues.yaml", encoding="utf-8") as fh:
        cues = yaml.load(fh, Loader=_LOADER)
    return {place: "(?:" + "|".join(map(re.escape, cues[key])) + ")" for place, key in SHARED_WORDS.items()}


def _with_shared_words(data, shared: dict[str, str]):
    """``data`` with every string's shared-word places written out."""
    if isinstance(data, str):
        for place, words in shared.items():
            data = data.replace(place, words)
        return data
    if isinstance(data, dict):
        return {_with_shared_words(k, shared): _with_shared_words(v, shared) for k, v in data.items()}  # (a rewrite's key)
    if isinstance(data, list):
        return [_with_shared_words(v, shared) for v in data]
    return data


def where(path: Path, *keys) -> str:
    """``file:line`` of the node that ``keys`` lead to (mapping keys or sequence indexes), for error messages;
    the deepest node found when the path stops early."""
    with open(path, encoding="utf-8") as fh:
        node = yaml.compose(fh, Loader=yaml.SafeLoader)
    mark = node.start_mark if node is not None else None
    for k in keys:
        if isinstance(node, yaml.MappingNode):
            hit = next(((kn, vn) for kn, vn in node.value if kn.value == str(k)), None)
            if hit is None:
                break
            mark, node = hit[0].start_mark, hit[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(k, int) and k < len(node.value):
            node = node.value[k]
            mark = node.start_mark
        else:
            break
    return f"{path}:{mark.line + 1 if mark else 1}"


def _alternation(patterns) -> re.Pattern | None:
    """One compiled regex that matches any of the given patterns (longest literal first)."""
    pats = sorted(patterns, key=len, reverse=True)
    if not pats:
        return None
    return re.compile("|".join(f"(?:{p})" for p in pats))


@dataclass(frozen=True)
class Unit:
    """A unit as written (its surface) and the base unit it counts in."""
    surface: str
    base: str
    not_before: tuple[str, ...] = ()
    ordinal_after_chinese: bool = False  # 二期 is "phase two", not "two periods"
    only_after: tuple[str, ...] = ()  # words one of which its clause must say before the number (算力 for a bare P)


@dataclass(frozen=True)
class Indicator:
    """One row of indicators.csv: a canonical indicator, its synonyms, unit, verbs and direction."""
    id: str
    synonyms: tuple[str, ...]
    unit: str
    verbs: tuple[str, ...]
    direction: str
    excludes: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class Jurisdiction:
    """One row of gazetteer.csv: a jurisdiction's full name, its aliases and its level."""
    name: str
    aliases: tuple[str, ...]
    admin_level: str


@dataclass(frozen=True)
class DocType:
    """A kind of document (doc_types.yaml): the words that name it, and how far from its report year its
    results and its targets lie."""
    id: str
    words: tuple[str, ...]
    actual_offset: int
    target_offset: int
    plan_year_in_title: bool = False  # 马莲滩乡2017年工作计划: the title's year is the plans' year
    part_of_year: bool = False  # 上半年工作总结: its results cover part of the year
    figures: str | None = None  # the kind of a figure nothing else decides (a summary's: actual)
    results_year_in_title: bool = False  # 2025年…统计公报: the title's year is the results' year
    year_words: tuple[str, ...] = ()  # more words its title names its year before, naming no doc type (民生实事)
    targets_at_span_end: bool = False  # a five-year plan's outline: a target nothing dates is of its span's last year


@dataclass
class Lexicon:
    """What ``load_lexicon`` reads (units, comparators, cues, grammar, numerals, indicators, …), checked."""
    scales: dict[str, Decimal]
    units: list[Unit]
    date_units: tuple[str, ...]
    durations: tuple[Unit, ...]  # units that are a date after a whole number and a duration after a decimal (11.5年)
    implied_units_after: tuple[tuple[str, str], ...]  # (noun right after a number with a scale, its base unit), longest first
    implied_units_after_not_before: tuple[str, ...]  # what such a noun may not go on to (城市: a kind it sizes)
    people_needs_after_de: tuple[str, ...]  # after a count of people and 的, what they were helped to (温饱, 饮水)
    count_named_after_de: tuple[str, ...]  # what a count of people before 的 is the figure of (…3万人的目标)
    currency_signs: dict[str, str]  # a sign before a number → the base unit it names (¥ → 元), longest first
    implied_units: dict[str, str]  # noun → the base unit a number with a scale and no unit after it counts (人口 → 人)
    unitless_nouns: dict[str, str]  # noun → its base unit, for measures that have none (系数 → 1): a bare figure after one
    implied_unit_links: str        # what may stand between that noun and the number (a pattern)
    rate_prefixes: tuple[tuple[re.Pattern, str], ...]  # (the words that end the phrase before a figure, the rate's time)
    rate_words_before: tuple[tuple[str, str], ...]  # (每人每月, 月): a rate's time said before the figure, longest first
    own_time_words: tuple[str, ...]  # 每人每年: a year's amount, no unit of its own and no words of what is measured
    rate_nouns_before: tuple[tuple[str, str], ...]  # (亩产, 亩): a rate's noun said before the figure, longest first
    per_units: tuple[str, ...]  # 16.8万元/人: after a unit and /, what it is per (longest first)
    per_separator: str          # the / of 元/人
    comparators_before: dict[str, str]
    comparators_after: dict[str, str]
    result_value_before: frozenset[str]  # before-words that state a result's value (控制在), not a bound
    after_alone: frozenset[str]  # after-words that are none before a word (3轮强降雨)
    no_ceiling_before: frozenset[str]  # before-words of le that set no ceiling (近: nearly)
    cues: dict
    indicators: list[Indicator]
    gazetteer: list[Jurisdiction]
    doc_types: list[DocType]
    chrome: dict
    segments: dict
    tables: dict  # how a table's header labels its columns (tables.yaml)
    grammar: dict
    numerals: dict
    no_bare_scale: tuple[str, ...]
    round_class_units: tuple[str, ...]  # units whose round Chinese amount before a noun names a class (千亩园区)
    bare_scale_large: tuple[str, ...]
    bare_scale_not_after: tuple[str, ...]
    bare_scale_after: frozenset[str]  # before-words after which, alone, a bare scale counts money too (过万元)
    round_amount_spent_before: tuple[str, ...]  # words after which a round amount is an amount (十万元奖金), no class
    spoken_scales: dict[str, tuple[str, ...]]  # classifier → the scales said with it (3个亿)
    classifier_infixes: dict[str, tuple[str, ...]]  # classifier → what may stand after it in a unit (两个半月)
    change_units: tuple[str, ...]
    rate_units: tuple[str, ...]
    unit_measures: dict[str, tuple[str, Decimal]]  # unit → (its measure, how many of the measure's first unit)
    compiled: dict = field(default_factory=dict)

    @property
    def time_words(self) -> tuple[str, ...]:
        """The words of a rate's time (rate_words_before: 每人每月) and of a year's amount (own_time_words: 每人每年),
        longest first: said before a figure, its unit's, no words of what is measured."""
        return tuple(sorted([w for w, _ in self.rate_words_before] + list(self.own_time_words), key=len, reverse=True))

    def regex(self, key: str, patterns) -> re.Pattern | None:
        """A compiled alternation of ``patterns``, cached under ``key``."""
        if key not in self.compiled:
            self.compiled[key] = _alternation(patterns)
        return self.compiled[key]


def unit_factor(from_unit: str, to_unit: str) -> Decimal | None:
    """How many ``to_unit`` one ``from_unit`` is (斤 → 吨: 0.0005; 吨 → 吨: 1), or None where the two are no units of
    one measure (units.yaml unit_measures)."""
    if from_unit == to_unit:
        return Decimal(1)
    measures = load_lexicon().unit_measures
    a, b = measures.get(from_unit), measures.get(to_unit)
    if a is None or b is None or a[0] != b[0]:
        return None
    return a[1] / b[1]


def load_indicators(path: Path | None = None, base_units: frozenset[str] | None = None) -> list[Indicator]:
    """The indicator rows; a direction other than up/down, a unit that is no base unit (when ``base_units`` is
    given), a missing or unknown column is a load error with the line."""
    path = path or LEXICON_DIR / "indicators.csv"
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != INDICATOR_COLUMNS:
            raise LexiconError(f"{path}:1: columns must be {', '.join(INDICATOR_COLUMNS)}, "
                               f"not {', '.join(reader.fieldnames or ())}")
        split = lambda s: tuple(x for x in (s or "").split("|") if x)  # noqa: E731
        for r in reader:
            at = f"{path}:{reader.line_num}"
            if None in r or any(r[c] is None for c in INDICATOR_COLUMNS):
                raise LexiconError(f"{at}: {r['id']!r} has {'more' if None in r else 'fewer'} cells than columns")
            if r["direction"] not in DIRECTIONS:
                raise LexiconError(f"{at}: {r['id']}: direction {r['direction']!r} is neither up nor down")
            if base_units is not None and r["unit"] not in base_units:
                raise LexiconError(f"{at}: {r['id']}: unit {r['unit']!r} is no base unit of units.yaml")
            rows.append(Indicator(r["id"], split(r["synonyms"]), r["unit"], split(r["verbs"]),
                                  r["direction"], split(r["excludes"]), r["description"]))
    return rows


PLACE_COLUMNS = ("name", "aliases", "province", "level")
PLACE_LEVELS = frozenset({"prefecture", "county"})


@dataclass(frozen=True)
class Place:
    """One row of places.csv: a prefecture-level division of China (or a county-level city its province governs
    itself, level ``county``), by its full name, its short names and the province it lies in. A city's name without
    市 is a short name (苏州 for 苏州市: 南京、苏州、无锡地区生产总值分别增长…; read as a place before a canonical
    indicator only, extract/keys.py) unless it names something else there too (吉林, the province; 朝阳, 北京's district;
    日照, 普洱, 白银): those rows have none."""
    name: str
    aliases: tuple[str, ...]
    province: str
    level: str


@lru_cache(maxsize=1)
def load_places(path: Path | None = None) -> tuple[Place, ...]:
    path = path or LEXICON_DIR / "places.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != PLACE_COLUMNS:
            raise LexiconError(f"{path}:1: columns must be {', '.join(PLACE_COLUMNS)}")
        places = []
        for line, r in enumerate(reader, start=2):
            if r["level"] not in PLACE_LEVELS:
                raise LexiconError(f"{path}:{line}: {r['name']}: level {r['level']!r} is not one of {sorted(PLACE_LEVELS)}")
            places.append(Place(r["name"], tuple(x for x in r["aliases"].split("|") if x), r["province"], r["level"]))
        return tuple(places)


def load_gazetteer(path: Path | None = None) -> list[Jurisdiction]:
    rows = []
    with open(path or LEXICON_DIR / "gazetteer.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            aliases = tuple(x for x in r["aliases"].split("|") if x)
            rows.append(Jurisdiction(r["name"], aliases, r["admin_level"]))
    return rows


@lru_cache(maxsize=2)
def load_lexicon(root: Path | None = None) -> Lexicon:
    """The lexicon under ``root`` (default: ``extract/lexicons``), checked as it loads."""
    root = root or LEXICON_DIR
    units = _yaml("units.yaml", root)
    comps = _yaml("comparators.yaml", root)
    unit_rows = _check_units(root / "units.yaml", units)
    base_units = frozenset(u["base"] for u in unit_rows)
    _check_comparators(root / "comparators.yaml", comps)
    for i, word in enumerate(units.get("bare_scale_after", ())):
        if word not in comps["before"]:
            raise LexiconError(f"{where(root / 'units.yaml', 'bare_scale_after', i)}: {word!r} is no `before` word "
                               f"of comparators.yaml")
    doc_types = _yaml("doc_types.yaml", root)
    _check_doc_types(root / "doc_types.yaml", doc_types)
    cues = _yaml("cues.yaml", root)
    numerals = _yaml("numerals.yaml", root)
    # (a numeral adverb, 一度回落至2.1%: once in the year, a part of it, as its figure is no degree: numerals.yaml
    # numeral_adverbs, declared there once)
    cues["partial_year"] = [*cues["partial_year"], *numerals["numeral_adverbs"]]
    _check_cues(root / "cues.yaml", cues)
    grammar = _yaml("grammar.yaml", root)
    for name, table in (("cues.yaml", cues), ("grammar.yaml", grammar)):
        _check_at_position(root / name, table, AT_POSITION_PATTERNS[name])
    return Lexicon(
        scales={k: Decimal(str(v)) for k, v in units["scales"].items()},
        units=sorted((Unit(u["surface"], u["base"], tuple(u.get("not_before", ())),
                           bool(u.get("ordinal_after_chinese")), tuple(u.get("only_after", ())))
                      for u in unit_rows if not u.get("duration_only")),
                     key=lambda u: len(u.surface), reverse=True),
        date_units=tuple(units["date_units"]),
        durations=tuple(Unit(u["surface"], u["base"], tuple(u.get("not_before", ())), False)
                        for u in unit_rows if u.get("duration_only")),
        implied_units_after=tuple(sorted(((str(n), str(u)) for u, ns in units.get("implied_units_after", {}).items()
                                          for n in ns), key=lambda p: len(p[0]), reverse=True)),
        implied_units_after_not_before=tuple(units.get("implied_units_after_not_before", ())),
        people_needs_after_de=tuple(sorted(units.get("people_needs_after_de", ()), key=len, reverse=True)),
        count_named_after_de=tuple(units.get("count_named_after_de", ())),
        currency_signs={str(sign): str(base) for base, signs in units.get("currency_signs", {}).items()
                        for sign in sorted(signs, key=len, reverse=True)},
        implied_units={str(noun): str(unit) for unit, nouns in units.get("implied_units", {}).items() for noun in nouns},
        unitless_nouns={str(noun): str(unit) for unit, nouns in units.get("unitless_nouns", {}).items() for noun in nouns},
        implied_unit_links=str(units.get("implied_unit_links", "")),
        rate_prefixes=tuple((re.compile(f"(?:{p})$"), per) for p, per in units.get("rate_prefixes", {}).items()),
        rate_words_before=tuple(sorted(((w, per) for per, ws in units.get("rate_words_before", {}).items() for w in ws),
                                       key=lambda wp: len(wp[0]), reverse=True)),
        own_time_words=tuple(units.get("own_time_words", ())),
        rate_nouns_before=tuple(sorted(((w, per) for per, ws in units.get("rate_nouns_before", {}).items() for w in ws),
                                       key=lambda wp: len(wp[0]), reverse=True)),
        per_units=tuple(sorted(units.get("per_units", ()), key=len, reverse=True)),
        per_separator=str(units.get("per_separator", "/")),
        comparators_before=comps["before"],
        comparators_after=comps["after"],
        result_value_before=frozenset(comps.get("result_value_before", ())),
        after_alone=frozenset(comps.get("after_alone", ())),
        no_ceiling_before=frozenset(comps.get("no_ceiling_before", ())),
        cues=cues,
        indicators=load_indicators(root / "indicators.csv", base_units),
        gazetteer=load_gazetteer(root / "gazetteer.csv"),
        doc_types=[DocType(d["id"], tuple(d["words"]), d["actual_offset"], d["target_offset"],
                           bool(d.get("plan_year_in_title")), bool(d.get("part_of_year")), d.get("figures"),
                           bool(d.get("results_year_in_title")), tuple(d.get("year_words", ())),
                           bool(d.get("targets_at_span_end")))
                   for d in doc_types],
        chrome=_yaml("chrome.yaml", root),
        segments=_yaml("segments.yaml", root),
        tables=_check_tables(root / "tables.yaml", _yaml("tables.yaml", root)),
        grammar=grammar,
        numerals=numerals,
        no_bare_scale=tuple(units.get("no_bare_scale", ())),
        round_class_units=tuple(units.get("round_class_units", ())),
        bare_scale_large=tuple(units.get("bare_scale_large", ())),
        bare_scale_not_after=tuple(units.get("bare_scale_not_after", ())),
        bare_scale_after=frozenset(units.get("bare_scale_after", ())),
        round_amount_spent_before=tuple(units.get("round_amount_spent_before", ())),
        spoken_scales={str(k): tuple(v) for k, v in units.get("spoken_scales", {}).items()},
        classifier_infixes={str(k): tuple(v) for k, v in units.get("classifier_infixes", {}).items()},
        change_units=tuple(units.get("change_units", ())),
        rate_units=tuple(units.get("rate_units", ())),
        unit_measures={unit: (measure, Decimal(factor)) for measure, factors in units.get("unit_measures", {}).items()
                       for unit, factor in factors.items()},
    )


def _check_units(path: Path, units: dict) -> list[dict]:
    for key in ("scales", "units", "date_units"):
        if key not in units:
            raise LexiconError(f"{path}:1: missing key {key!r}")
    for k, v in units["scales"].items():
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
            raise LexiconError(f"{where(path, 'scales', k)}: scale {k!r} must be a positive number, not {v!r}")
    rows = units["units"]
    for i, u in enumerate(rows):
        if not isinstance(u, dict) or not {"surface", "base"} <= set(u):
            raise LexiconError(f"{where(path, 'units', i)}: a unit needs a surface and a base")
        unknown = set(u) - UNIT_KEYS
        if unknown:
            raise LexiconError(f"{where(path, 'units', i)}: unit {u['surface']!r}: unknown key(s) "
                               f"{', '.join(sorted(unknown))}: no code reads them (known: {', '.join(sorted(UNIT_KEYS))})")
    for i, name in enumerate(units.get("bare_scale_large", ())):
        if name not in units["scales"]:
            raise LexiconError(f"{where(path, 'bare_scale_large', i)}: {name!r} is no scale")
    for classifier, names in units.get("spoken_scales", {}).items():
        for name in names:
            if name not in units["scales"]:
                raise LexiconError(f"{where(path, 'spoken_scales', classifier)}: {name!r} is no scale")
    for classifier, infixes in units.get("classifier_infixes", {}).items():
        if not any(len(u["surface"]) > len(classifier) and u["surface"].startswith(classifier) for u in rows):
            raise LexiconError(f"{where(path, 'classifier_infixes', classifier)}: no unit starts with {classifier!r}")
        if any(not isinstance(x, str) or len(x) != 1 for x in infixes):
            raise LexiconError(f"{where(path, 'classifier_infixes', classifier)}: each infix is one character")
    bases = {u["base"] for u in rows}
    for key in ("change_units", "rate_units", "no_bare_scale", "round_class_units"):
        for i, name in enumerate(units.get(key, ())):
            if name not in bases:
                raise LexiconError(f"{where(path, key, i)}: {key}: {name!r} is no base unit of any unit")
    seen: dict[str, str] = {}
    for measure, factors in units.get("unit_measures", {}).items():
        for unit, factor in factors.items():
            # (where() reads the file again: only for an error)
            if unit not in bases:
                raise LexiconError(f"{where(path, 'unit_measures', measure, unit)}: {unit!r} is no base unit of any unit")
            if unit in seen:
                raise LexiconError(f"{where(path, 'unit_measures', measure, unit)}: {unit!r} is in two measures, "
                                   f"{seen[unit]} and {measure}")
            if not isinstance(factor, str) or not re.fullmatch(r"\d+(?:\.\d+)?", factor) or Decimal(factor) == 0:
                raise LexiconError(f"{where(path, 'unit_measures', measure, unit)}: {factor!r} is no positive decimal "
                                   "written as a string")
            seen[unit] = measure
    for key in ("implied_units", "implied_units_after", "currency_signs", "unitless_nouns"):
        for name in units.get(key, {}):
            if name not in bases:
                raise LexiconError(f"{where(path, key, name)}: {name!r} is no base unit of any unit")
    return rows


def _check_comparators(path: Path, comps: dict) -> None:
    for side in ("before", "after"):
        if not isinstance(comps.get(side), dict):
            raise LexiconError(f"{path}:1: {side!r} must map words to comparator ids")
        for word, cid in comps[side].items():
            if cid not in COMPARATOR_IDS:
                raise LexiconError(f"{where(path, side, word)}: {side} word {word!r}: unknown comparator id {cid!r} "
                                   f"(known: {', '.join(sorted(COMPARATOR_IDS))})")
    for i, word in enumerate(comps.get("result_value_before", ())):
        if word not in comps["before"]:
            raise LexiconError(f"{where(path, 'result_value_before', i)}: {word!r} is no `before` word")
    for i, word in enumerate(comps.get("after_alone", ())):
        if word not in comps["after"]:
            raise LexiconError(f"{where(path, 'after_alone', i)}: {word!r} is no `after` word")
    for i, word in enumerate(comps.get("no_ceiling_before", ())):
        if word not in comps["before"]:
            raise LexiconError(f"{where(path, 'no_ceiling_before', i)}: {word!r} is no `before` word")


# patterns read where a word or a figure ends (``pattern.match(text, pos)``): a leading ^ there holds only at the
# start of the whole text, so the pattern would never match; the load refuses one
AT_POSITION_PATTERNS = {
    "cues.yaml": ("comparison_base_after", "relative_share_base_after", "starting_year_after", "since_after", "to_after", "to_after_list"),
    "grammar.yaml": ("session_after", "clause_end_after", "modifies_after", "written_out_number", "article_number",
                     "elided_subject_after"),
}


def _check_at_position(path: Path, table: dict, keys: tuple[str, ...]) -> None:
    for key in keys:
        if str(table[key]).startswith("^"):
            raise LexiconError(f"{where(path, key)}: {table[key]!r} is matched where a word ends: a leading ^ "
                               f"would only hold at the start of the text")


def _check_cues(path: Path, cues: dict) -> None:
    for i, pattern in enumerate(cues["partial_year"]):
        if not any(mark in pattern for mark in cues["partial_year_marks"]):
            raise LexiconError(f"{where(path, 'partial_year', i)}: {pattern!r} holds none of partial_year_marks "
                               f"({', '.join(cues['partial_year_marks'])}): a sentence with it would never be read")


def _check_tables(path: Path, tables: dict) -> dict:
    """tables.yaml: every key extract/tables.py reads is there (``YAML_KEYS``); every column kind is a kind a fact
    has (target or actual)."""
    if missing := sorted(YAML_KEYS["tables.yaml"] - set(tables)):
        raise LexiconError(f"{path}:1: missing keys {missing}")
    for word, kind in tables["column_kinds"].items():
        if kind not in ("target", "actual"):
            raise LexiconError(f"{where(path, 'column_kinds', word)}: {word}: kind {kind!r} is neither target nor actual")
    return tables


def _check_doc_types(path: Path, doc_types: list) -> None:
    for i, d in enumerate(doc_types):
        unknown = set(d) - DOC_TYPE_KEYS
        missing = DOC_TYPE_KEYS - {"plan_year_in_title", "part_of_year", "figures", "results_year_in_title",
                                   "year_words", "targets_at_span_end"} - set(d)
        if d.get("figures") not in (None, "actual", "target"):
            raise LexiconError(f"{where(path, i, 'figures')}: doc type {d.get('id')!r}: figures must be actual or "
                               f"target, not {d.get('figures')!r}")
        if unknown or missing:
            raise LexiconError(f"{where(path, i)}: doc type {d.get('id')!r}: unknown keys {sorted(unknown)}, "
                               f"missing keys {sorted(missing)}")


def resolve_jurisdiction(name: str | None) -> Jurisdiction | None:
    """The gazetteer entry for a full name or an alias (宁夏 → 宁夏回族自治区)."""
    if not name:
        return None
    name = name.strip()
    for j in load_lexicon().gazetteer:
        if name == j.name or name in j.aliases:
            return j
    return None


def find_jurisdiction(text: str) -> Jurisdiction | None:
    """The first gazetteer name or alias that occurs in ``text`` (a file name, a title)."""
    best = None
    for j in load_lexicon().gazetteer:
        for surface in (j.name, *j.aliases):
            pos = text.find(surface)
            if pos >= 0 and (best is None or pos < best[0] or (pos == best[0] and len(surface) > best[1])):
                best = (pos, len(surface), j)
    return best[2] if best else None


class _LocalGovernment(NamedTuple):
    pattern: re.Pattern  # a local government's name at the start of a file name or title, or after its year
    suffixes: dict[str, str]  # suffix → admin level
    not_names: frozenset[str]
    long_name_infix: str
    short_suffixes: dict[str, tuple[str, ...]]  # a suffix written short → the full suffixes it stands for
    ends_before: re.Pattern  # what may follow a name (name_ends_before)


@lru_cache(maxsize=1)
def _local_government() -> _LocalGovernment:
    raw = _yaml("local_government.yaml")
    keys = {"suffixes", "not_names", "name_ends_before", "name_max", "long_name_max", "long_name_suffixes",
            "long_name_infix", "short_suffixes", "suffix_name_max", "party_committee", "period_after_year"}
    if set(raw) != keys:
        raise ValueError(f"{LEXICON_DIR / 'local_government.yaml'}: keys must be {', '.join(sorted(keys))}")
    short = {k: tuple(v) for k, v in raw["short_suffixes"].items()}
    if unknown := [s for s in (*short, *(f for v in short.values() for f in v)) if s not in raw["suffixes"]]:
        raise ValueError(f"{LEXICON_DIR / 'local_government.yaml'}: short_suffixes names no suffix: {unknown}")
    if unknown := [s for s in raw["suffix_name_max"] if s not in raw["suffixes"]]:
        raise ValueError(f"{LEXICON_DIR / 'local_government.yaml'}: suffix_name_max names no suffix: {unknown}")
    suffixes = "|".join(sorted((s for s in raw["suffixes"] if s not in raw["suffix_name_max"]), key=len, reverse=True))
    long_suffixes = "|".join(sorted(raw["long_name_suffixes"], key=len, reverse=True))
    cjk, top, long_top = "[\u3400-\u4dbf\u4e00-\u9fff]", int(raw["name_max"]), int(raw["long_name_max"])
    short_names = "".join(f"|{cjk}{{{{LOW}},{int(n)}}}?{re.escape(suf)}" for suf, n in raw["suffix_name_max"].items())

    def name(low: int) -> str:  # one place: a name and its suffix
        return (f"(?:{cjk}{{{low},{top}}}?(?:{suffixes})|{cjk}{{2,{long_top}}}?(?:{long_suffixes})"
                + short_names.replace("{LOW}", str(low)) + ")")

    pattern = re.compile(r"(?:^(?:关于)?(?:" + raw["party_committee"] + r")?|(?:19|20)\d{2}年度?(?:" + raw["period_after_year"]
                         + r")?|(?:范文|篇)[一二三四五六七八九十\d]+[:：]|[】\]])"
                         f"({name(2)}{name(1)}{{0,3}})"  # a chain of places (株洲市荷塘区樟树坪街道)
                         r"(?=" + raw["name_ends_before"] + ")")
    return _LocalGovernment(pattern, dict(raw["suffixes"]), frozenset(raw["not_names"]), raw["long_name_infix"],
                            short, re.compile(raw["name_ends_before"]))


def find_local_government(text: str) -> Jurisdiction | None:
    """A town, county or city named at the start of ``text``, right after its year or after a compilation's
    marker (石河镇2013年工作总结, 2016年马莲滩乡工作计划, 范文一：青石镇2019年工作计划), for the places the
    gazetteer does not list."""
    lg = _local_government()
    text = text.strip()
    for m in lg.pattern.finditer(text):
        name = m.group(1)
        if _names_no_place(name):
            # (…园区 names no place, but 东梁工业园区 does: 工业园区 is a suffix); a shorter chain may (桐川县住房和城乡
            # 建设局: 住房和城乡 is no 乡, and 桐川县 the county whose office writes)
            name = next((name[:k] for k in range(len(name) - 1, 2, -1)
                         if name[:k].endswith(tuple(lg.suffixes)) and not _names_no_place(name[:k])
                         and lg.ends_before.match(text, m.start(1) + k)), None)
            if name is None:
                continue
        return Jurisdiction(name, (), _local_level(name))
    return None


def _names_no_place(name: str) -> bool:
    _, suffixes, not_names = _local_government()[:3]
    return name in not_names or any(name.endswith(n) and not any(name.endswith(suf) and len(suf) > len(n)
                                                                 for suf in suffixes)
                                    for n in not_names if n not in suffixes)


def find_place(text: str) -> Jurisdiction | None:
    """The most specific place a file name or title names: the town in 2024年四川省苍溪县白鹤乡年终工作总结
    (白鹤乡, whatever province and county are written before it, so that a later 白鹤乡2025年工作总结 is the
    same place), the district in 北京市朝阳区2025年政府工作报告; else the gazetteer's place (2025年河北省政府
    工作报告). A local name that is a gazetteer name (北京市) is the gazetteer's place."""
    found = find_jurisdiction(text)
    candidates = [text]
    if found is not None:  # 2024年四川省苍溪县白鹤乡…: what follows the province, read as if it stood first
        surface = max((s for s in (found.name, *found.aliases) if s in text), key=len)
        candidates.insert(0, text.replace(surface, "", 1))
    for candidate in candidates:
        local = find_local_government(candidate)
        if local is not None:
            name = _innermost_place(local.name)
            return resolve_jurisdiction(name) or Jurisdiction(name, (), _local_level(name))
    return found


def full_form(name: str, text: str) -> str | None:
    """The full name that ``text`` gives a place written short: 霁川州 is 霁川土家族苗族自治州, 石柱县 is
    石柱土家族自治县 (a longer suffix that ends as the short one's, after the same stem); 岚江经开区 is
    岚江经济技术开发区 (a suffix written short: local_government.yaml short_suffixes); None where the text
    has none."""
    lg = _local_government()
    short = next((suf for suf in sorted(lg.suffixes, key=len, reverse=True) if name.endswith(suf)), None)
    stem = name[:-len(short)] if short else ""
    if len(stem) < 2:
        return None
    if short in lg.short_suffixes:
        m = re.search(re.escape(stem) + "(?:" + "|".join(lg.short_suffixes[short]) + ")", text)
        return m.group(0) if m else None
    longer = [suf for suf in lg.suffixes if suf != short and suf.endswith(short)]
    if not longer:
        return None
    m = re.search(re.escape(stem) + f"(?:{lg.long_name_infix})(?:" + "|".join(longer) + ")", text)
    return m.group(0) if m else None


def short_zone_name(name: str) -> str:
    """A zone's name with its suffix written short (婺川高新技术产业开发区 → 婺川高新区, 岚江经济开发区 → 岚江经开区:
    local_government.yaml short_suffixes), so that its full and short names are one place; any other name as it is."""
    for short, fulls in _local_government().short_suffixes.items():
        for full in fulls:
            if name.endswith(full) and len(name) >= len(full) + 2:  # (a name's stem: 县经济开发区 is the county's zone)
                return name[:-len(full)] + short
    return name


def _local_level(name: str) -> str:
    suffixes = _local_government().suffixes
    return next(lvl for suf, lvl in sorted(suffixes.items(), key=lambda kv: -len(kv[0])) if name.endswith(suf))


def _innermost_place(name: str) -> str:
    """苍溪县白鹤乡 → 白鹤乡, 长沙市望城区 → 望城区, 沧州市献县 → 献县: a chain of places, each a name and a
    suffix, is its last. The outer place has two characters and a suffix at least; the inner one starts on
    no suffix (景德镇市浮梁县 is 景德镇市 and 浮梁县, not 景德镇 and 市浮梁县), and has two characters and a
    suffix, or one and 县 (献县, 萧县)."""
    _, suffixes, not_names = _local_government()[:3]
    for i in range(3, len(name) - 1):
        outer, inner = name[:i], name[i:]
        if (any(outer.endswith(suf) and len(outer) > len(suf) + 1 for suf in suffixes)
                and not inner.startswith(tuple(suffixes))
                and any(inner.endswith(suf) and (len(inner) > len(suf) + 1 or suf in _ONE_CHARACTER_NAMES)
                        for suf in suffixes)
                and inner not in not_names):
            return _innermost_place(inner)
    return name


_ONE_CHARACTER_NAMES = ("县",)  # suffixes that follow a one-character name (献县, 萧县, 单县)


_YEAR_WORD = re.compile(r"(?:19|20)\d{2}年度?")


def find_doc_type(text: str) -> DocType | None:
    """The doc type whose words ``text`` holds, a year between them aside (人民政府2025年工作报告, 管委会2024年工作报告),
    and the place a file name names between them too (2025年上半年檀溪县工作总结: 上半年工作总结)."""
    bare = _YEAR_WORD.sub("", text)
    local = find_local_government(text)
    placeless = bare.replace(local.name, "", 1) if local is not None else bare
    for d in load_lexicon().doc_types:
        if any(w in text or w in bare or w in placeless for w in d.words):
            return d
    return None


def indicator_by_id(indicator_id: str) -> Indicator | None:
    """The canonical indicator of that id (indicators.csv), or None."""
    return _indicators_by_id().get(indicator_id)


@lru_cache(maxsize=1)
def _indicators_by_id() -> dict[str, Indicator]:
    return {i.id: i for i in load_lexicon().indicators}


def doc_type_by_id(doc_type: str | None) -> DocType | None:
    return next((d for d in load_lexicon().doc_types if d.id == doc_type), None)
