"""Accuracy on the hand-checked gold tables in ../shared/gold (the thresholds of issues #2 and #3)."""
import pytest

from pipeline.evaluate import score_dev, score_seed


@pytest.fixture(scope="module")
def seed(seed_warehouse):
    return score_seed(seed_warehouse)


def test_seed_recall(seed):
    assert seed.recall >= 0.95, [m["raw"] for m in seed.misses]


def test_seed_precision(seed):
    assert seed.precision >= 0.95, [f["surface"] for f in seed.invented]


def test_seed_second_sample_gives_nothing(seed):
    assert seed.part2_facts == 0


def test_seed_negatives_give_no_clean_fact(seed):
    assert seed.negatives_clean == []


@pytest.fixture(scope="module")
def national(corpus_warehouse):
    return score_dev(corpus_warehouse, "national_gold_dev.csv")


@pytest.fixture(scope="module")
def provincial(corpus_warehouse):
    return score_dev(corpus_warehouse, "provincial_gold_dev.csv")


def test_national_values_found(national):
    assert national.recall >= 0.90, national.misses


def test_national_pairs_joined(national):
    assert national.join_rate >= 0.90, national.unjoined


def test_national_wrong_or_invented(national):
    assert national.error_rate <= 0.05, national.wrong


def test_provincial_values_found(provincial):
    assert provincial.recall >= 0.90, provincial.misses


def test_provincial_pairs_joined(provincial):
    assert provincial.join_rate >= 0.90, provincial.unjoined


def test_provincial_wrong_or_invented(provincial):
    assert provincial.error_rate <= 0.05, provincial.wrong


def test_plan_vs_actual_has_national_gdp_pairs(corpus_warehouse):
    from helpers import query

    rows = query(corpus_warehouse, "SELECT period_year, status FROM plan_vs_actual WHERE jurisdiction = '中国' "
                                   "AND indicator = 'gdp_growth' AND actual_value IS NOT NULL "
                                   "AND period_year BETWEEN 2005 AND 2014")
    assert {y for y, _ in rows} >= {2005, 2006, 2008, 2009, 2010, 2011, 2012, 2013, 2014}
    assert dict(rows)[2014] == "near"  # 7.5%左右 against 7.4%
