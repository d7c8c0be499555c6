"""English number words to digits ("thirty-two" -> "32", "a hundred and one" -> "101")."""

from __future__ import annotations

import re

UNITS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * n for n, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100}
_NUMBER_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_RUN = re.compile(
    rf"\b(?:an?\s+(?=hundred))?(?:{_NUMBER_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_NUMBER_WORD}))*\b",
    re.IGNORECASE)
_WORD = re.compile(rf"\b(?:{_NUMBER_WORD})\b", re.IGNORECASE)


def words_value(phrase: str) -> int | None:
    """Value of a run of number words ("twenty one", "one hundred and five"); None if not one."""
    total, current, seen = 0, 0, False
    for word in _WORD.findall(phrase.lower()):
        seen = True
        if word in SCALES:
            current = max(current, 1) * SCALES[word]
        elif word in TENS:
            current += TENS[word]
        else:
            current += UNITS[word]
    return total + current if seen else None


def words_to_numbers(text: str) -> str:
    """Replace every run of number words in `text` with its digits; other text is unchanged."""

    def repl(m: re.Match) -> str:
        value = words_value(m.group(0))
        return m.group(0) if value is None else str(value)

    return _RUN.sub(repl, text)
