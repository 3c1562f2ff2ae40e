"""Numbers written in Arabic digits or Chinese numerals, resolved to ``Decimal``."""
from __future__ import annotations

from decimal import Decimal

from .lexicon import load_lexicon

_TABLES = load_lexicon().numerals
DIGITS: dict[str, int] = {str(k): int(v) for k, v in _TABLES["digits"].items()}
SMALL_UNITS: dict[str, int] = {str(k): int(v) for k, v in _TABLES["multipliers"].items()}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS)
ZERO_DIGITS = "".join(k for k, v in DIGITS.items() if v == 0)


def parse_chinese_int(s: str) -> int | None:
    """``三`` → 3, ``十六`` → 16, ``两千三百`` → 2300, ``一二三`` (digit by digit) → 123."""
    if not s or any(c not in DIGITS and c not in SMALL_UNITS for c in s):
        return None
    if all(c in DIGITS for c in s):
        return int("".join(str(DIGITS[c]) for c in s))
    total, current = 0, None
    for c in s:
        if c in DIGITS:
            current = DIGITS[c]
        else:
            total += (1 if current is None else current) * SMALL_UNITS[c]
            current = None
    return total + (current or 0)


def resolve_number(s: str) -> Decimal | None:
    """Arabic (``1,200.5``) or Chinese (``三``) numeral to an exact ``Decimal``."""
    s = s.replace(",", "")
    if not s:
        return None
    if s[0].isdigit():
        try:
            return Decimal(s)
        except ArithmeticError:
            return None
    n = parse_chinese_int(s)
    return None if n is None else Decimal(n)
