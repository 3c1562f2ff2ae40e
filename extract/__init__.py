"""target-tracker's extraction library: text in, facts out.

Pure functions over strings: no files, no warehouse, no validation.

    >>> from extract import normalize_text, split_parts, extract_facts
    >>> facts = extract_facts("今年主要预期目标是:国内生产总值增长5%左右。", "doc1",
    ...                       report_year=2025, doc_type="government_work_report")
    >>> (facts[0].indicator, facts[0].kind, str(facts[0].value), facts[0].comparator)
    ('gdp_growth', 'target', '5', 'approx')
"""
from .assemble import EXTRACTOR_VERSION, Fact, extract_facts, resolve_indicator
from .normalize import NormalizedText, is_corrupt, normalize_text
from .quantities import Quantity, find_quantities
from .segment import Part, Sentence, split_parts, split_sentences

__all__ = [
    "EXTRACTOR_VERSION", "Fact", "NormalizedText", "Part", "Quantity", "Sentence",
    "extract_facts", "find_quantities", "is_corrupt", "normalize_text", "resolve_indicator",
    "split_parts", "split_sentences",
]
