"""Generated text -> normalised label, number, explanation and attack type, one parser per task.

Parsers never raise on text: what they cannot read becomes `label=None`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from facevqa.tasks.age import FAIRFACE_GROUPS, MAX_AGE, age_group
from facevqa.tasks.labels import NOT_VISIBLE, SYNONYMS, get_attribute
from facevqa.tasks.numbers import words_to_numbers
from facevqa.tasks.results import Parsed, Route

_NEGATION = re.compile(
    r"(?:\b(?:not|no|never|neither|nor|without|hardly|barely)|n't)(?:\s+[\w']+){0,2}\s*$",
    re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r".*(?:[.,;:!?]|\bbut\b|\brather\b|\binstead\b)",
                           re.DOTALL | re.IGNORECASE)


def clean(text: str) -> str:
    """Collapse whitespace and strip; None-safe."""
    return " ".join((text or "").split())


def _negated(text: str, start: int) -> bool:
    """Whether the word at `start` is negated within its clause ("not happy", "isn't angry")."""
    prefix = _CLAUSE_BREAK.sub("", text[:start])
    return bool(_NEGATION.search(prefix))


@cache
def _phrase_regex(pairs: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern, dict]:
    """One alternation over every phrase (longest first) and the phrase -> label map."""
    lookup = {_norm_phrase(p): label for label, phrases in pairs for p in phrases}
    alts = sorted(lookup, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"[\s-]+") for a in alts)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])", re.IGNORECASE), lookup


def find_label(text: str, table: Iterable[tuple[str, tuple[str, ...]]],
               negation: bool = True) -> str | None:
    """Label of the earliest phrase from `table` in `text` that is not negated."""
    regex, lookup = _phrase_regex(tuple((label, tuple(ps)) for label, ps in table))
    for m in regex.finditer(text):
        if negation and _negated(text, m.start()):
            continue
        return lookup[_norm_phrase(m.group(0))]
    return None


def _norm_phrase(phrase: str) -> str:
    """Lowercase, spaces and hyphens as one space: "Cut-out" and "cut out" are one phrase."""
    return " ".join(re.split(r"[\s-]+", phrase.lower()))


# --- yes / no / not visible -------------------------------------------------------------------
_NOT_VISIBLE = re.compile(
    r"\bnot visible\b|\binvisible\b|\bcan(?:no|')?t (?:be )?(?:see|seen|tell|determine)\b"
    r"|\bcannot (?:be )?(?:see|seen|tell|determine)|\b(?:impossible|hard|difficult) to (?:see|tell)"
    r"|\bnot (?:possible|able) to (?:see|tell)|\bout of (?:frame|view)\b|\bnot shown\b"
    r"|\bobscured\b|\bhidden\b|\bcovered\b|\bcropped out\b", re.IGNORECASE)
_LEAD_YES = re.compile(r"^\W*(?:yes|yeah|yep|yup|ya|sure|definitely|correct|true|affirmative|"
                       r"indeed|absolutely|of course|certainly|y)\b", re.IGNORECASE)
_LEAD_NO = re.compile(r"^\W*(?:no|nope|nah|not|none|negative|false|never|n)\b", re.IGNORECASE)
_HAS_NEGATION = re.compile(r"\b(?:not|no|never|without|neither|nor)\b|n't\b", re.IGNORECASE)
_AFFIRM = re.compile(r"\b(?:he|she|they|it|the (?:person|man|woman|face|photo|image)|this person)"
                     r"(?:'s|'re| is| are| has| have| does| do| wears| looks| seems)\b",
                     re.IGNORECASE)
_UNSURE = re.compile(r"\b(?:unclear|unsure|not sure|don't know|do not know|unknown)\b",
                     re.IGNORECASE)


def parse_yes_no(text: str) -> str | None:
    """"yes", "no", "not_visible" or None, from a free answer to a yes/no question."""
    if _NOT_VISIBLE.search(text):
        return NOT_VISIBLE
    if _LEAD_YES.search(text):
        return "yes"
    if _LEAD_NO.search(text) or _HAS_NEGATION.search(text):
        return "no"
    if _AFFIRM.search(text):
        return "yes"
    return NOT_VISIBLE if _UNSURE.search(text) else None


# --- age --------------------------------------------------------------------------------------
_DECADE_WORDS = {"twent": 2, "thirt": 3, "fort": 4, "fift": 5, "sixt": 6, "sevent": 7,
                 "eight": 8, "ninet": 9}
_DECADE_WORD = re.compile(rf"\b({'|'.join(_DECADE_WORDS)})ies\b")
_AGE_WORDS = (
    ("1", ("newborn", "infant", "baby", "babies")), ("2", ("toddler",)),
    ("7", ("child", "kid", "little girl", "little boy", "young child")),
    ("11", ("preteen", "pre-teen", "tween")),
    ("16", ("teen", "teens", "teenager", "adolescent", "teenage")),
    ("22", ("young adult",)), ("35", ("adult", "grown up")),
    ("45", ("middle aged", "middle age", "middle-aged")),
    ("75", ("elderly", "senior", "old man", "old woman", "old lady", "pensioner", "aged",
            "very old", "old person")),
)
_OFFSETS = {"early": 2, "mid": 5, "middle": 5, "late": 8, None: 5}
# (regex, value function, group function or None) in priority order for equal positions
_AGE_PATTERNS: tuple[tuple[re.Pattern, Callable, Callable | None], ...] = (
    (re.compile(r"\b(\d{1,3})\s*(?:months?|weeks?|days?)\b"), lambda m: 0.0, None),
    (re.compile(r"\b(\d{1,3})\s*(?:-|–|to|or|and)\s*(\d{1,3})\b"),
     lambda m: (int(m[1]) + int(m[2])) / 2, lambda m: f"{m[1]}-{m[2]}"),
    (re.compile(r"\b(\d{1,3})\s*\+|\b(?:over|above|older than|at least)\s+(\d{1,3})\b"),
     lambda m: int(m[1] or m[2]) + 5, lambda m: f"{m[1]}+" if m[1] else None),
    (re.compile(r"\b(?:(early|mid|middle|late)[\s-]*)?(\d)0'?s\b"),
     lambda m: int(m[2]) * 10 + _OFFSETS[m[1]], None),
    (re.compile(r"\b(\d{1,3}(?:\.\d+)?)\b"), lambda m: float(m[1]), None),
)


def parse_age(text: str) -> Parsed:
    """Age in years and FairFace group from text ("thirty-two" -> 32, 30-39; "late 20s" -> 28)."""
    t = words_to_numbers(clean(text).lower())
    t = _DECADE_WORD.sub(lambda m: f"{_DECADE_WORDS[m[1]]}0s", t)
    found = []
    for priority, (regex, value_of, group_of) in enumerate(_AGE_PATTERNS):
        m = regex.search(t)
        if m and value_of(m) <= 120:
            found.append((m.start(), priority, value_of(m), group_of(m) if group_of else None))
    if not found:
        word = find_label(t, _AGE_WORDS)
        if word is None:
            return Parsed(text=clean(text))
        found.append((0, 0, float(word), None))
    _, _, value, group = min(found, key=lambda f: f[:2])
    label = group if group in FAIRFACE_GROUPS else age_group(min(value, MAX_AGE))
    return Parsed(label=label, value=float(value), text=clean(text))


# --- spoof ------------------------------------------------------------------------------------
_SPOOF_VERDICT = (
    ("spoof", ("not real", "not a real", "not live", "not a live", "not genuine", "not authentic",
               "fake", "spoof", "spoofed", "spoofing", "attack", "printed", "printout",
               "print", "replay", "replayed", "mask", "photo of a photo", "picture of a picture",
               "on a screen", "not bona fide")),
    ("real", ("not fake", "not a fake", "not a spoof", "not spoofed", "real", "live", "genuine",
              "authentic", "bona fide", "real person", "live person")),
)
_LEAD_VERDICT = re.compile(r"^\W*(yes|yeah|yep|yup|no|nope|nah|negative)\b[\s.,;:!-]*",
                           re.IGNORECASE)
_ATTACK_CUES = (
    ("print", ("print", "printed", "printout", "print-out", "paper", "photo of a photo",
               "picture of a picture", "printed photo", "poster", "cutout", "cut-out", "glossy",
               "photograph held", "paper edge", "paper border")),
    ("replay", ("replay", "replayed", "screen", "display", "monitor", "phone", "smartphone",
                "tablet", "ipad", "laptop", "video", "moire", "moiré", "bezel", "pixel grid",
                "pixels")),
    ("mask", ("mask", "masks", "silicone", "latex", "3d mask", "mannequin", "resin", "rubber")),
    ("other", ("deepfake", "synthetic", "generated", "makeup", "partial", "other", "cgi")),
)
_ATTACK_NAMES = (
    ("print", ("print attack", "printed photo", "print-out", "printout", "photo of a photo")),
    ("replay", ("replay", "replayed", "replay attack")),
    ("mask", ("mask", "masks", "3d mask")),
)
"""Words that name the attack outright; they win over cues that several attacks share
("cut-out edges ... show this is a mask" is a mask, not a print)."""


def parse_spoof(text: str) -> Parsed:
    """Verdict (real / spoof), explanation after the verdict and attack type named in it."""
    cleaned = clean(text)
    lead = _LEAD_VERDICT.match(cleaned)
    if lead:
        label = "real" if lead[1].lower() in ("yes", "yeah", "yep", "yup") else "spoof"
        rest = cleaned[lead.end():].strip()
    else:
        label, rest = find_label(cleaned, _SPOOF_VERDICT, negation=False), cleaned
    explanation = rest or None
    attack = None
    if label == "spoof":
        attack = (find_label(rest, _ATTACK_NAMES) or find_label(rest, _ATTACK_CUES)
                  or ("other" if rest else None))
    return Parsed(label=label, explanation=explanation, attack=attack, text=cleaned)


# --- closed label sets ------------------------------------------------------------------------
def parse_emotion(text: str) -> Parsed:
    """One of the AffectNet 8 from synonyms ("she looks furious" -> anger); negation aware."""
    return Parsed(label=find_label(clean(text), SYNONYMS["emotion"].items()), text=clean(text))


_PRONOUNS = (("male", ("he", "him", "his")), ("female", ("she", "her", "hers")))
_LETTER = {"m": "male", "f": "female"}


def parse_gender(text: str) -> Parsed:
    """male / female from words ("a young woman"), a bare M/F, or pronouns as a last resort."""
    t = clean(text)
    bare = t.lower().strip(" .!")
    label = (_LETTER.get(bare) or find_label(t, SYNONYMS["gender"].items())
             or find_label(t, _PRONOUNS))
    return Parsed(label=label, text=t)


def parse_attribute(route: Route, text: str) -> Parsed:
    """yes / no / not_visible for yes/no attributes, a value (or not_visible) for valued ones."""
    t = clean(text)
    spec = get_attribute(route.attribute or "")
    if spec.kind == "binary":
        return Parsed(label=parse_yes_no(t), text=t)
    if _NOT_VISIBLE.search(t):
        return Parsed(label=NOT_VISIBLE, text=t)
    label = find_label(t, spec.synonyms)
    if label is None and "none" in spec.values and _LEAD_NO.search(t):
        label = "none"
    return Parsed(label=label, text=t)


def parse_free_text(route: Route, text: str) -> Parsed:
    """Caption and open answers: the text, cleaned; no label."""
    return Parsed(text=clean(text))
