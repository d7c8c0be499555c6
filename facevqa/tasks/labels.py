"""Label tables: emotions, perceived gender, spoof verdicts, CelebA-40 and valued face attributes.

Canonical labels are lowercase; display names and answer synonyms live beside them here.
"""

from __future__ import annotations

from dataclasses import dataclass

from facevqa.errors import ConfigError

EMOTIONS = ("neutral", "happy", "sad", "surprise", "fear", "disgust", "anger", "contempt")
"""AffectNet's 8 expressions in AffectNet id order."""
RAFDB7 = ("surprise", "fear", "disgust", "happy", "sad", "anger", "neutral")
"""RAF-DB's 7 basic expressions in RAF-DB id order (1..7); a subset of EMOTIONS."""
GENDERS = ("male", "female")
"""Perceived gender as benchmark labels (FairFace, CelebA `Male`, UTKFace) define it."""
SPOOF_LABELS = ("real", "spoof")
SPOOF_CHOICES = ("yes", "no")
"""Answers to "is this photo of a real person?"; yes -> real, no -> spoof."""
ATTACKS = ("print", "replay", "mask", "other")
NOT_VISIBLE = "not_visible"
"""Label of the "not visible" choice every attribute accepts (the model code abstains on it)."""
NOT_VISIBLE_CHOICE = "not visible"
BINARY_VALUES = ("yes", "no")

SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "emotion": {
        "neutral": ("neutral", "calm", "expressionless", "no emotion", "blank", "impassive",
                    "indifferent", "relaxed", "serious", "straight face", "poker face"),
        "happy": ("happy", "happiness", "joy", "joyful", "glad", "cheerful", "delighted",
                  "pleased", "smiling", "content", "amused", "elated", "laughing", "happily"),
        "sad": ("sad", "sadness", "unhappy", "sorrow", "sorrowful", "gloomy", "upset",
                "depressed", "miserable", "crying", "tearful", "melancholy", "grief", "sadly"),
        "surprise": ("surprise", "surprised", "astonished", "astonishment", "shocked", "shock",
                     "amazed", "amazement", "startled", "stunned"),
        "fear": ("fear", "afraid", "scared", "fearful", "frightened", "terrified", "anxious",
                 "nervous", "panicked", "worried", "horrified"),
        "disgust": ("disgust", "disgusted", "grossed out", "repulsed", "revolted", "revulsion",
                    "disgusting"),
        "anger": ("anger", "angry", "mad", "furious", "annoyed", "irritated", "rage", "enraged",
                  "frustrated", "irate", "angrily"),
        "contempt": ("contempt", "contemptuous", "disdain", "disdainful", "scorn", "scornful",
                     "sneer", "sneering", "smirk", "smirking", "condescending"),
    },
    "gender": {
        "male": ("male", "man", "men", "boy", "guy", "gentleman", "masculine", "dude",
                 "bloke", "lad", "father", "husband", "mr"),
        "female": ("female", "woman", "women", "girl", "lady", "feminine", "gal",
                   "mother", "wife", "ms", "mrs", "miss"),
    },
}
"""Words an answer may use for each label (matched as whole words, case-insensitive)."""


@dataclass(frozen=True)
class AttributeSpec:
    """One face attribute: a yes/no CelebA column or a valued attribute such as hair colour."""

    name: str
    """Canonical name, lowercase (eyeglasses, hair_color)."""
    display: str
    """Human-readable name."""
    question: str
    """Canonical question, lowercase, as the prompts use it."""
    values: tuple[str, ...] = BINARY_VALUES
    """Answer labels without "not_visible": ("yes", "no") or the values (black, brown...)."""
    celeba: str | None = None
    """CelebA column this attribute comes from (None for valued attributes)."""
    invert: bool = False
    """True where the CelebA column is the negation (No_Beard -> beard)."""
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Valued attributes: (value, words meaning it) pairs used by the parser."""

    @property
    def kind(self) -> str:
        """"binary" (yes/no) or "valued"."""
        return "binary" if self.values == BINARY_VALUES else "valued"

    @property
    def labels(self) -> tuple[str, ...]:
        """Canonical labels, "not_visible" last."""
        return (*self.values, NOT_VISIBLE)

    @property
    def choices(self) -> tuple[str, ...]:
        """Scored answer texts, 1:1 with labels ("not visible" for "not_visible")."""
        return (*self.values, NOT_VISIBLE_CHOICE)


# (CelebA column, canonical name, display name, canonical question)
_CELEBA_ROWS = (
    ("5_o_Clock_Shadow", "5_o_clock_shadow", "5 o'clock shadow",
     "does the person have a five o'clock shadow?"),
    ("Arched_Eyebrows", "arched_eyebrows", "Arched eyebrows", "are the eyebrows arched?"),
    ("Attractive", "attractive", "Attractive", "is the person attractive?"),
    ("Bags_Under_Eyes", "bags_under_eyes", "Bags under eyes",
     "does the person have bags under the eyes?"),
    ("Bald", "bald", "Bald", "is the person bald?"),
    ("Bangs", "bangs", "Bangs", "does the person have bangs?"),
    ("Big_Lips", "big_lips", "Big lips", "does the person have big lips?"),
    ("Big_Nose", "big_nose", "Big nose", "does the person have a big nose?"),
    ("Black_Hair", "black_hair", "Black hair", "is the hair black?"),
    ("Blond_Hair", "blond_hair", "Blond hair", "is the hair blond?"),
    ("Blurry", "blurry", "Blurry", "is the photo blurry?"),
    ("Brown_Hair", "brown_hair", "Brown hair", "is the hair brown?"),
    ("Bushy_Eyebrows", "bushy_eyebrows", "Bushy eyebrows", "are the eyebrows bushy?"),
    ("Chubby", "chubby", "Chubby", "is the person chubby?"),
    ("Double_Chin", "double_chin", "Double chin", "does the person have a double chin?"),
    ("Eyeglasses", "eyeglasses", "Eyeglasses", "is the person wearing eyeglasses?"),
    ("Goatee", "goatee", "Goatee", "does the person have a goatee?"),
    ("Gray_Hair", "gray_hair", "Gray hair", "is the hair gray?"),
    ("Heavy_Makeup", "heavy_makeup", "Heavy makeup", "is the person wearing heavy makeup?"),
    ("High_Cheekbones", "high_cheekbones", "High cheekbones",
     "does the person have high cheekbones?"),
    ("Mouth_Slightly_Open", "mouth_slightly_open", "Mouth slightly open",
     "is the mouth slightly open?"),
    ("Mustache", "mustache", "Mustache", "does the person have a mustache?"),
    ("Narrow_Eyes", "narrow_eyes", "Narrow eyes", "are the eyes narrow?"),
    ("No_Beard", "beard", "Beard", "does the person have a beard?"),
    ("Oval_Face", "oval_face", "Oval face", "is the face oval?"),
    ("Pale_Skin", "pale_skin", "Pale skin", "is the skin pale?"),
    ("Pointy_Nose", "pointy_nose", "Pointy nose", "is the nose pointy?"),
    ("Receding_Hairline", "receding_hairline", "Receding hairline",
     "is the hairline receding?"),
    ("Rosy_Cheeks", "rosy_cheeks", "Rosy cheeks", "are the cheeks rosy?"),
    ("Sideburns", "sideburns", "Sideburns", "does the person have sideburns?"),
    ("Smiling", "smiling", "Smiling", "is the person smiling?"),
    ("Straight_Hair", "straight_hair", "Straight hair", "is the hair straight?"),
    ("Wavy_Hair", "wavy_hair", "Wavy hair", "is the hair wavy?"),
    ("Wearing_Earrings", "wearing_earrings", "Earrings", "is the person wearing earrings?"),
    ("Wearing_Hat", "wearing_hat", "Hat", "is the person wearing a hat?"),
    ("Wearing_Lipstick", "wearing_lipstick", "Lipstick", "is the person wearing lipstick?"),
    ("Wearing_Necklace", "wearing_necklace", "Necklace", "is the person wearing a necklace?"),
    ("Wearing_Necktie", "wearing_necktie", "Necktie", "is the person wearing a necktie?"),
    ("Young", "young", "Young", "does the person look young?"),
)

CELEBA40: dict[str, tuple[str, str | None, bool]] = {
    col: ("attribute", name, col == "No_Beard") for col, name, _, _ in _CELEBA_ROWS
}
"""CelebA column -> (task, attribute, invert). `Male` is the gender task, not an attribute."""
CELEBA40["Male"] = ("gender", None, False)

_VALUED = (
    AttributeSpec("hair_color", "Hair colour", "what color is the hair?",
                  ("black", "brown", "blond", "gray", "red"),
                  synonyms=(("black", ("black", "jet black", "raven", "very dark")),
                            ("brown", ("brown", "brunette", "brunet", "chestnut", "dark brown",
                                      "light brown")),
                            ("blond", ("blond", "blonde", "golden", "fair", "platinum")),
                            ("gray", ("gray", "grey", "silver", "white", "salt and pepper")),
                            ("red", ("red", "ginger", "auburn", "copper", "redhead")))),
    AttributeSpec("hair_length", "Hair length", "how long is the hair?",
                  ("bald", "short", "medium", "long"),
                  synonyms=(("bald", ("bald", "no hair", "shaved head", "hairless")),
                            ("short", ("short", "cropped", "buzz cut", "buzzed")),
                            ("medium", ("medium", "shoulder length", "chin length", "mid length")),
                            ("long", ("long", "very long", "waist length")))),
    AttributeSpec("hair_type", "Hair type", "is the hair straight, wavy or curly?",
                  ("straight", "wavy", "curly"),
                  synonyms=(("straight", ("straight", "sleek")),
                            ("wavy", ("wavy", "waves")),
                            ("curly", ("curly", "curls", "coily", "kinky", "frizzy", "afro")))),
    AttributeSpec("eye_color", "Eye colour", "what color are the eyes?",
                  ("brown", "blue", "green", "hazel", "gray"),
                  synonyms=(("brown", ("brown", "dark brown", "dark")),
                            ("blue", ("blue", "light blue")),
                            ("green", ("green",)),
                            ("hazel", ("hazel", "amber")),
                            ("gray", ("gray", "grey")))),
    AttributeSpec("facial_hair", "Facial hair", "what facial hair does the person have?",
                  ("none", "stubble", "mustache", "beard", "goatee"),
                  synonyms=(("none", ("none", "no facial hair", "clean shaven", "clean-shaven",
                                      "no beard", "nothing")),
                            ("stubble", ("stubble", "five o'clock shadow", "5 o'clock shadow")),
                            ("mustache", ("mustache", "moustache")),
                            ("beard", ("beard", "full beard", "bearded")),
                            ("goatee", ("goatee",)))),
    AttributeSpec("eyewear", "Eyewear", "what kind of glasses is the person wearing?",
                  ("none", "eyeglasses", "sunglasses"),
                  synonyms=(("none", ("none", "no glasses", "nothing", "not wearing")),
                            ("sunglasses", ("sunglasses", "shades", "sun glasses")),
                            ("eyeglasses", ("eyeglasses", "glasses", "spectacles",
                                            "reading glasses", "prescription")))),
    AttributeSpec("head_pose", "Head pose", "which way is the head turned?",
                  ("frontal", "left", "right", "up", "down"),
                  synonyms=(("frontal", ("frontal", "front", "straight ahead", "forward",
                                         "facing the camera", "toward the camera")),
                            ("left", ("left",)), ("right", ("right",)),
                            ("up", ("up", "upward", "upwards")),
                            ("down", ("down", "downward", "downwards")))),
)

ATTRIBUTES: dict[str, AttributeSpec] = {
    **{name: AttributeSpec(name, display, q, celeba=col, invert=col == "No_Beard")
       for col, name, display, q in _CELEBA_ROWS},
    **{a.name: a for a in _VALUED},
}
"""Every attribute by canonical name: 39 CelebA yes/no attributes, then the valued ones."""


def get_attribute(name: str) -> AttributeSpec:
    """The attribute called `name`; unknown names raise ConfigError listing the valid ones."""
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    if key not in ATTRIBUTES:
        raise ConfigError(f"unknown attribute {name!r}; valid: {', '.join(ATTRIBUTES)}")
    return ATTRIBUTES[key]


def celeba_attribute(column: str) -> tuple[str, str | None, bool]:
    """(task, attribute, invert) of a CelebA column name, e.g. No_Beard -> attribute beard."""
    if column not in CELEBA40:
        raise ConfigError(f"unknown CelebA column {column!r}; valid: {', '.join(CELEBA40)}")
    return CELEBA40[column]
