"""The guard on generated text: an open or caption answer that names someone, claims who they
are, or infers a sensitive trait becomes a refusal instead of being returned.

The question classifier cannot be a privacy guarantee (the open task reaches the model with
whatever the user asked), so every generated answer is checked here, for any backbone. The
trait check reuses the policy's trait rules (facevqa.tasks.policy), read over the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facevqa.tasks.policy import RULES
from facevqa.tasks.prompts import INSTRUCTION

__all__ = ["INSTRUCTION", "GuardHit", "check_text"]


_NOT_NAMES = (
    "The|A|An|This|That|These|Those|It|He|She|They|His|Her|Their|Its|Yes|No|In|On|At|With|"
    "And|But|Or|If|There|Here|I|We|You|My|Your|Our|Answer|Image|Photo|Picture|Person|Man|"
    "Woman|Face|Left|Right|Front|Back|Top|Bottom|Not|Visible|Mr|Mrs|Ms|Dr|Sir|Lady|Lord|"
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    "May|June|July|August|September|October|November|December|English|Christmas|Easter|"
    "Caption|Description|Real|Spoof|Fake|Live|Happy|Sad|Neutral|Angry")
_CAP = r"[A-Z][a-z'\u00e0-\u00ff-]+"
_IDENTITY_PATTERNS = (
    # two capitalised words in a row that are not sentence furniture: "Tom Hanks", "Ada Lovelace"
    rf"\b(?!(?:{_NOT_NAMES})\b){_CAP}\s+(?:(?:de|van|von|da|del|bin|al|le|la)\s+)?{_CAP}\b",
    # an identity claim with a single capitalised word: "this is Tom", "looks like Beyoncé"
    rf"\b(?:[Tt]his|[Tt]hat|[Ii]t|[Hh]e|[Ss]he) (?:is|was|'s|might be|could be|may be|must be) "
    rf"(?!(?:{_NOT_NAMES})\b){_CAP}",
    rf"\b(?:looks? like|resembles?|reminds me of|similar to|lookalike of|double of) "
    rf"(?:(?:the )?(?:actor|actress|singer|president|celebrity|rapper|player) )?"
    rf"(?!(?:{_NOT_NAMES})\b){_CAP}",
    r"(?i)\b(?:his|her|their|the person's|the man's|the woman's) (?:full |real |first |last )?"
    r"name (?:is|was|might be|could be)\b",
    r"(?i)\b(?:named|called|known as|identified as|goes by)\s+[A-Z]",
    r"(?i)\b(?:a|the|this|that) (?:famous|well[- ]known|celebrity|public figure|movie star|"
    r"pop star|tv star)\b",
    r"(?i)\b(?:is|was) (?:the|a) (?:president|prime minister|king|queen|prince|princess|"
    r"senator|governor|actor|actress|singer|footballer|rapper)\b(?! of the (?:photo|image))",
    r"(?i)\b(?:se llama|su nombre es|s'appelle|son nom est|hei(?:ß|ss)t|sein name ist|"
    r"ihr name ist|si chiama|il suo nome|chama-se|o nome dele|o nome dela|его зовут|её зовут|"
    r"ее зовут|名叫|名字是|名字叫|という名前|اسمه|اسمها|का नाम)",
)
_IDENTITY = tuple(re.compile(p) for p in _IDENTITY_PATTERNS)
_TRAITS = tuple((rule, tuple(re.compile(p) for p in rule.patterns))
                for rule in RULES if rule.category not in ("identity", "injection"))
_ANSWER_NOISE = re.compile(r"\b(?:caption|answer) en\b", re.I)

IDENTITY_REASON = ("The generated answer named or identified the person; FaceVQA does not "
                   "identify people.")


@dataclass(frozen=True)
class GuardHit:
    """Why a generated text may not be returned."""

    category: str
    """identity or a sensitive-trait category (race, religion, ...), as in Refusal."""
    reason: str
    matched: str
    """The text that triggered the guard."""

    @property
    def message(self) -> str:
        """The reason for Answer.error; never the matched text (it may be the leaked name)."""
        return f"{self.reason} (guard: {self.category})"


def check_text(text: str) -> GuardHit | None:
    """A GuardHit when generated text names someone, claims an identity or infers a trait."""
    if not text or not text.strip():
        return None
    clean = _ANSWER_NOISE.sub(" ", " ".join(str(text).split()))
    for regex in _IDENTITY:
        m = regex.search(clean)
        if m:
            return GuardHit("identity", IDENTITY_REASON, m.group(0))
    lowered = clean.lower()
    for rule, patterns in _TRAITS:
        for regex in patterns:
            m = regex.search(lowered)
            if m:
                reason = rule.reason.replace("FaceVQA does not", "The generated answer inferred "
                                             "a sensitive trait; FaceVQA does not")
                return GuardHit(rule.category, reason, m.group(0))
    return None
