"""Question phrasings per task and attribute: the router's nearest-neighbour index and the
question variety of generated training data. The first phrasing of each list is canonical."""

from __future__ import annotations

from facevqa.errors import ConfigError
from facevqa.tasks.labels import ATTRIBUTES, get_attribute

TASK_TEMPLATES: dict[str, tuple[str, ...]] = {
    "age": (
        "how old is this person?", "what is the age of this person?",
        "how old does the person look?", "estimate the age of the person.",
        "what age is the person in the photo?", "how many years old is this person?",
        "guess the person's age.", "what age group does the person belong to?",
        "is this person a child, a teenager or an adult?", "roughly how old is this face?",
        "in which decade of life is this person?", "is the person older than forty?",
        "could this person be under eighteen?", "what is the approximate age of the person?",
    ),
    "emotion": (
        "what emotion is shown?", "what is the facial expression of the person?",
        "how does this person feel?", "what emotion does the face express?",
        "what mood is the person in?", "which emotion best describes this face?",
        "is the person happy, sad, angry or surprised?", "what is the person feeling?",
        "does the person look angry?", "does the person look sad?", "does the person look scared?",
        "is the person surprised?", "does the face show disgust?", "is the expression neutral?",
        "what is the emotional expression on the face?",
    ),
    "gender": (
        "what is the perceived gender of this person?", "is this a man or a woman?",
        "is the person male or female?", "what gender does the person appear to be?",
        "does the person look male or female?", "what is the apparent sex of the person?",
        "is the person in the photo a man?", "is the person in the photo a woman?",
        "would this face be read as male or female?", "is this a boy or a girl?",
    ),
    "spoof": (
        "is this photo of a real person?", "is this a real face or a spoof?",
        "is this a live face or a presentation attack?", "is this a photo of a photo?",
        "is the face shown on a screen?", "is someone holding up a printed photo?",
        "is the person wearing a spoofing mask?", "is this a replay attack?",
        "is this face genuine or fake?", "was this image captured from a live person?",
        "would this face pass a liveness check?", "is this a print attack?",
        "is this a bona fide capture?", "is the face a printout or a real person?",
    ),
    "caption": (
        "describe this face.", "describe the person in the photo.",
        "write a caption for this face.", "what does this person look like?",
        "give a short description of the person's appearance.",
        "describe the facial features of this person.", "caption this image.",
        "provide a detailed description of the face.", "summarize the person's appearance.",
        "tell me about this person's appearance.",
    ),
}
"""Phrasings for tasks that are not attributes (open has none: it takes any question)."""

ATTRIBUTE_TEMPLATES: dict[str, tuple[str, ...]] = {
    "5_o_clock_shadow": ("does the person have stubble?", "is there stubble on the face?",
                         "is there a five o'clock shadow on the face?"),
    "arched_eyebrows": ("are the eyebrows curved in an arch?", "does the person have arched brows?",
                        "are the person's eyebrows arched?"),
    "attractive": ("is the person good-looking?", "would people find this person attractive?",
                   "is this face attractive?"),
    "bags_under_eyes": ("are there bags under the eyes?",
                        "does the person have puffy under-eye bags?",
                        "are there dark circles under the eyes?"),
    "bald": ("does the person have no hair on the head?", "is the head bald?",
             "is this person bald-headed?"),
    "bangs": ("does the person have a fringe?", "is there hair covering the forehead?",
              "does the hair have bangs?"),
    "big_lips": ("are the lips big?", "does the person have full lips?",
                 "are the person's lips large?"),
    "big_nose": ("is the nose big?", "does the person have a large nose?",
                 "is the person's nose large?"),
    "black_hair": ("does the person have black hair?", "is the person's hair black?",
                   "is the hair dark black?"),
    "blond_hair": ("does the person have blond hair?", "is the person blonde?",
                   "is the person's hair blond?"),
    "blurry": ("is the image blurry?", "is the photo out of focus?", "is this picture blurred?"),
    "brown_hair": ("does the person have brown hair?", "is the person's hair brown?",
                   "is the person a brunette?"),
    "bushy_eyebrows": ("does the person have bushy eyebrows?", "are the eyebrows thick?",
                       "are the person's eyebrows bushy?"),
    "chubby": ("does the person look chubby?", "is the face chubby?", "is this person plump?"),
    "double_chin": ("is there a double chin?", "does the face have a double chin?",
                    "does the person have two chins?"),
    "eyeglasses": ("does the person wear glasses?", "is the person wearing glasses?",
                   "are there glasses on the face?", "is the person wearing spectacles?"),
    "goatee": ("is there a goatee?", "does the person have a goatee beard?",
               "does the man have a goatee?"),
    "gray_hair": ("does the person have gray hair?", "is the person's hair grey?",
                  "is the person going gray?"),
    "heavy_makeup": ("is the person wearing a lot of makeup?", "is the makeup heavy?",
                     "does the person have heavy make-up on?"),
    "high_cheekbones": ("are the cheekbones high?", "does the face have high cheekbones?",
                        "are the person's cheekbones prominent?"),
    "mouth_slightly_open": ("is the person's mouth a little open?", "are the lips parted?",
                            "is the mouth open slightly?"),
    "mustache": ("is there a moustache?", "does the person have a moustache?",
                 "does the man have a mustache?"),
    "narrow_eyes": ("does the person have narrow eyes?", "is the person squinting?",
                    "are the person's eyes narrow?"),
    "beard": ("is the person clean-shaven?", "does the man have a beard?", "is there a beard?",
              "does the person have a full beard?"),
    "oval_face": ("does the person have an oval face?", "is the face shape oval?",
                  "is the person's face oval-shaped?"),
    "pale_skin": ("does the person have pale skin?", "is the person's skin pale?",
                  "is the complexion pale?"),
    "pointy_nose": ("does the person have a pointy nose?", "is the nose pointed?",
                    "is the person's nose sharp and pointy?"),
    "receding_hairline": ("does the person have a receding hairline?", "is the hair receding?",
                          "is the person's hairline going back?"),
    "rosy_cheeks": ("does the person have rosy cheeks?", "are the cheeks pink?",
                    "are the person's cheeks red?"),
    "sideburns": ("does the person have sideburns?", "are there sideburns?",
                  "does the man have long sideburns?"),
    "smiling": ("is the person smiling?", "is the person grinning?",
                "is there a smile on the face?"),
    "straight_hair": ("does the person have straight hair?", "is the person's hair straight?",
                      "is the hair straight rather than wavy?"),
    "wavy_hair": ("does the person have wavy hair?", "is the person's hair wavy?",
                  "is the hair wavy?"),
    "wearing_earrings": ("is the person wearing earrings?", "does the person have earrings on?",
                         "are there earrings on the ears?"),
    "wearing_hat": ("is the person wearing a hat?", "does the person have a hat on?",
                    "is the person wearing a cap?"),
    "wearing_lipstick": ("is the person wearing lipstick?", "does the person have lipstick on?",
                         "are the lips painted with lipstick?"),
    "wearing_necklace": ("is the person wearing a necklace?",
                         "is there a necklace around the neck?",
                         "does the person have a necklace on?"),
    "wearing_necktie": ("is the person wearing a tie?", "is the person wearing a necktie?",
                        "does the man have a tie on?"),
    "young": ("is the person young?", "does this person look youthful?", "is this a young face?"),
    "hair_color": ("what is the person's hair color?", "what colour is the person's hair?",
                   "what shade is the hair?", "is the hair black, brown, blond, gray or red?"),
    "hair_length": ("is the hair short or long?", "how long is the person's hair?",
                    "what is the hair length?", "does the person have long hair?"),
    "hair_type": ("is the hair curly?", "what texture is the person's hair?",
                  "does the person have curly hair?", "what type of hair does the person have?"),
    "eye_color": ("what is the person's eye color?", "what colour are the person's eyes?",
                  "are the eyes blue, brown or green?", "what color eyes does the person have?"),
    "facial_hair": ("what kind of facial hair does the person have?",
                    "does the person have any facial hair?",
                    "does the man have a beard, a mustache or stubble?"),
    "eyewear": ("is the person wearing sunglasses?", "is the person wearing glasses or sunglasses?",
                "what type of eyewear is the person wearing?"),
    "head_pose": ("is the face frontal or in profile?", "is the head turned to the side?",
                  "is the person facing the camera?", "what is the head pose?",
                  "is the head tilted up or down?"),
}
"""Extra phrasings per attribute; the attribute's canonical question comes first at lookup."""


def question_templates(task: str, attribute: str | None = None) -> list[str]:
    """Phrasings of a task's question (canonical first); attribute tasks need `attribute`."""
    if task == "attribute":
        if attribute is None:
            raise ConfigError("task 'attribute' needs an attribute; valid: "
                              + ", ".join(ATTRIBUTES))
        spec = get_attribute(attribute)
        return [spec.question, *ATTRIBUTE_TEMPLATES.get(spec.name, ())]
    if task not in TASK_TEMPLATES:
        valid = ", ".join([*TASK_TEMPLATES, "attribute"])
        raise ConfigError(f"no question templates for task {task!r}; valid: {valid}")
    return list(TASK_TEMPLATES[task])


def all_templates() -> list[tuple[str, str | None, str]]:
    """Every (task, attribute, question) phrasing, for the router's nearest-neighbour index."""
    rows = [(task, None, q) for task, qs in TASK_TEMPLATES.items() for q in qs]
    for name in ATTRIBUTES:
        rows += [("attribute", name, q) for q in question_templates("attribute", name)]
    return rows
