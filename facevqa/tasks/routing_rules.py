# ruff: noqa: E501 (the multilingual own-device and own-sight lists are data, one language a line)
"""Routing rules as data: ordered (task, attribute, regex) rows over the lowercased question.

The first matching row wins, so specific rows come before general ones: spoof, age, emotion,
attributes (valued before yes/no, specific parts before general ones), gender, caption, and
"open" rows for things that are clearly not about the face (clothing, background), and last a
general "what do you see?" (caption) that names none of them.
"""

from __future__ import annotations

import re

from facevqa.tasks.labels import ATTRIBUTES

_NUM = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
        r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
        r"seventy|eighty|ninety|hundred|twenty[- ]one)")
_PERSON = r"(?:person|man|woman|guy|girl|boy|lady|kid|child|individual|subject|dude|face|people)"
_SUBJ = (rf"(?:he|she|they|it|this|that|the {_PERSON}|this {_PERSON}|that {_PERSON})"
         r"(?: in (?:the|this) (?:photo|picture|image|pic|shot))?")
_HAIR_COLORS = r"(?:black|brown|blond|blonde|gr[ae]y|red|white|silver|dark|light|ginger|auburn)"
_FACIAL = r"(?:beard|m(?:o|ou|u)stache|goatee|stubble)"
_EYE_COLORS = r"(?:blue|green|brown|hazel|gr[ae]y|dark|light|amber)"
EMOTION_EMOJI = (r"[\U0001F600-\U0001F636\U0001F641-\U0001F644\U0001F910\U0001F914\U0001F917"
                 r"\U0001F922-\U0001F925\U0001F928-\U0001F92F\U0001F970\U0001F972\U0001F973"
                 r"\U0001F979\U0001F97A\u2639\u263a]\ufe0f?")
"""A face emoji that shows a feeling (smileys, frowns, tears, anger; not a mask or a fever)."""
EMOJI_CHOICE = (rf"{EMOTION_EMOJI}\s*(?:or|/|,|\||vs\.?|o|ou|oder|of|или|还是|或者?|か|、|أم|أو|ولا|या|ya)"
                rf"\s*{EMOTION_EMOJI}")
"""Feelings offered as emoji choices ("😠 or 😢?", "😀/😐?"): the emotion, in every language.
Emoji side by side ("🙂🙂🙂", "😀❓") are decoration or unreadable: they choose nothing."""

RULES: tuple[tuple[str, str | None, str], ...] = (
    # --- alt text for a screen reader is a caption (before the "screen" of spoof)
    ("caption", None, r"\balt[- ]?(?:text|tag)s?\b|\balternative text\b|\bscreen ?readers?\b"),
    # --- a costume's real or fake beard is the beard, not a spoofed face
    ("attribute", "mustache", r"\b(?:fake|false|real|genuine|glued?[- ]on|stick[- ]on|costume|prop)"
                              r"\b.{0,12}\bm(?:o|ou|u)stache|\bm(?:o|ou|u)stache\b.{0,20}\b(?:real"
                              r"|fake|false|genuine|glued|stuck)\b"),
    ("attribute", "beard", r"\b(?:fake|false|real|genuine|glued?[- ]on|stick[- ]on|costume|prop)\b"
                           r".{0,12}\bbeard|\bbeard\b.{0,20}\b(?:real|fake|false|genuine|glued"
                           r"|stuck)\b"),
    # --- spoof: liveness and presentation attacks
    ("spoof", None, r"\bspoof\w*|\banti-?spoof\w*|\bliveness\b|\bpresentation attack"
                    r"|\breplay\w*|\b(?:print|mask|screen|paper|photo|video|display) attack"
                    r"|\bbona ?fide\b|\bdeep ?fakes?\b"
                    r"|\bai[- ]?(?:generated|made|gen)\b|\b(?:real|fake|"
                    r"legit) or (?:ai|a\.i\.)\b|\bai or (?:real|not)\b|"
                    r"\b(?:generated|made|created|rendered|produced) "
                    r"(?:by|with|using) (?:an? |the )?(?:ai|artificial intelligence|midjourney"
                    r"|stable diffusion|dall-?e)\b|\bartificial intelligence\b"
                    r"|\bsynthetic (?:face|image|photo|person)\b"
                    r"|\bphysically (?:present|there)\b|\bactually there\b"
                    r"|\b(?:photo|picture|image|print) of a (?:photo|picture|screen|print)"
                    r"|\bprint(?:ed|out)\b|\b(?:3d|silicone|latex|rubber|paper) mask"
                    r"|\b(?:phone|tablet|laptop|monitor|computer|tv) screen\b"
                    r"|\b(?:from|on) (?:a|the) (?:monitor|screen|display)\b"
                    r"|\bholding (?:up )?(?:a |an )?(?:photo|picture|print|printout)\b"
                    r"|\bholding up (?:a |an )?(?:tablet|phone|screen)\b|\bheld up\b"
                    r"|\bcut-?out\b|\bmagazine\b|\bmannequin\b|\bactual (?:person|human|face)\b"
                    r"|\bin front of the camera\b|\bphoto of one\b"
                    r"|\b(?:fool|trick|deceive|cheat)\w* (?:the )?(?:camera|face (?:id|unlock))\b"
                    r"|\b(?:live|real|fake) (?:person|face|human|capture|subject|sample)\b"
                    r"|\breal (?:or (?:fake|not|a photo|photo|spoof|"
                    r"(?:an? )?(?:mask|print(?:out)?|replay|screen|"
                    r"deepfake|generated|ai|computer[- ]generated))|human)\b"
                    rf"|\b(?:is|was) {_SUBJ}(?: (?:image|photo|picture))? (?:a |an )?"
                    r"(?:real|fake|authentic|genuine|live|spoofed|forged|mask|masked|printout|"
                    r"print|printed|replay|deepfake|screenshot|photo of a photo)\b"
                    r"(?!\s+(?:smile|expression|emotion|laugh|hair|tears|eyelashes|tan))"),
    # --- age
    ("age", None, r"\bcloser to (?:\d0|\d\d) or (?:to )?\d\d\b|\b(?:age )?brackets?\b.{0,60}\b\d\d ?[-–+]|"
                  r"\b(?:child|kid'?s?|children'?s?|senior|junior|youth)(?:'s)? (?:ticket|fare|price|"
                  r"discount|menu|rate|pass)\b|"
                  r"\b(?:how|hw|hoe|hpw) ?(?:old|young)\b|\b(?<!for )(?<!in )ages?\b(?! ago\b)|\baged\b|\byears? old\b"
                  # "an adult or still a minor?", "is she underage?"
                  r"|\b(?:adult|grown-?up)s? or (?:a |an |still a |"
                  r"still an )?(?:minor|child|kid|teen(?:ager)?)\b"
                  r"|\b(?:minor|child|kid|teen(?:ager)?) or (?:an? )?(?:adult|"
                  r"grown-?up)\b|\bunder-?age\b"
                  r"|\b(?:is|are) (?:she|he|they) (?:still )?(?:a )?minors?\b"
                  # a stated age to check against the face ("she says she's 25, does she look it?")
                  r"|\b(?:says|said|claims?|claimed|told me)\s+(?:she|he|they)\s+(?:is|are|was|"
                  r"were)\s+\d{1,2}\b"
                  r"|\bhow many (?:years|birthdays)\b|\byears? (?:has|have)\b"
                  # a birthday photo or party is the setting, not a question of age
                  r"|\bbirthdays?\b(?! (?:photo|pic|picture|party|cake|"
                  r"card|selfie|dinner|celebration|shot|snap)s?\b)"
                  r"|\bborn\b|\bold enough\b"
                  # terse guesses: "30 or 40?", "30ish", "25 yo", "she's like 30"
                  r"|\b(?:1[2-9]|[2-9]\d)(?:ish|\+)? ?(?:or|/|-) ?(?:1[2-9]|"
                  r"[2-9]\d)(?:ish|\+)?\b(?! ?(?:%|percent|people"
                  r"|persons|faces|photos|pics|pictures|images|kg|lbs?|"
                  r"pounds|cm|mm|m\b|meters|feet|ft|min|sec|degrees|"
                  r"fps|mp))"
                  r"|\b(?:1[2-9]|[2-9]\d)ish\b|\b\d{1,2} ?(?:yo|y/o|yrs?|yr old)\b|\byrs? old\b"
                  r"|\b(?:he|she|they)(?:'?s| is| are) (?:like |about |"
                  r"around |maybe |prob(?:ably)? |roughly )?"
                  r"(?:1[2-9]|[2-9]\d)\s*[?.!]*$"
                  r"|\b(?:older|younger) than\b"
                  rf"|\b(?:over|under|above|below|at least) (?:the age of )?{_NUM}\b"
                  # adult or minor; the decade of life a person is in
                  r"|\bunder-?aged?\b|\b(?:an )?adult or (?:a )?minor\b|"
                  r"\b(?:a )?minor or (?:an )?adult\b"
                  r"|\bwhich decade (?:is|are|was|were) (?:he|she|they|the \w+)\b"
                  r"|\bdecade (?:is|are) (?:he|she|they) in\b"
                  r"|\b(?:early |mid |late )?(?:\d0'?s|teens|twenties|thirties|forties|fifties"
                  r"|sixties|seventies|eighties|nineties)\b|\bdecade of\b"
                  rf"|\b(?:is|was|are|were) {_SUBJ} (?:still )?(?:a |an )?(?:\w+ )?(?:child|kid"
                  r"|children|kids|baby|infant"
                  r"|toddler|teen|teenager|adolescent|minor|adult|grown-?up|senior|elderly|old"
                  r"|pensioner|newborn|school ?kid|retiree)\b"
                  # the age noun is what is asked, not the subject of another verb ("what is
                  # this child feeling?", "is this kid smiling?")
                  r"(?:\s+(?:man|woman|person|girl|boy|lady|guy))?"
                  r"(?=\s*(?:[?.!,;:)]|$|(?:or|and|in|on|at|here|there|yet|now|already|still|"
                  r"anymore|to me|from|of|with|right|yes|no|though)\b))"),
    # --- a neutral description ("describe the face neutrally") is a caption, not the emotion
    # "neutral"; "does she look neutral?" stays an emotion
    ("caption", None, r"\bneutral(?:ly)? (?:description|caption|summary|account|portrait)\b"
                      r"|\bdescri(?:be|ption|bing)\b.{0,40}\b(?:neutrally|"
                      r"in an? (?:neutral|objective)"
                      r" (?:way|manner|tone|style)|in (?:neutral|objective|"
                      r"plain) (?:terms|words|language)"
                      r"|neutral(?:ly)?\s*[.!]?$)"),
    # --- emotion
    ("emotion", None, EMOJI_CHOICE + r"|\bwhat (?:kind of |sort of )?face (?:is|was|are|were) "
                      r"(?:he|she|they|it|the \w+) (?:making|pulling)\b|"
                      r"\b(?:making|pulling) (?:a |that "
                      r"|this )?(?:funny |weird |strange |sour )?face\b|"
                      r"\bemotion\w*|\bemot\w*|\bfeel(?:s|ing|ings)?\b|"
                      r"\bmood\b|\bexpression\b"
                      r"|\bexpress(?:es|ing)?\b|\bvibe\b|\b(?:happy|happiness|sad|sadness|unhappy"
                      r"|angry|anger|mad|furious|annoyed|irritated|upset|surprised?|shocked"
                      r"|astonished|amazed|scared|afraid|fear(?:ful)?|frightened|terrified"
                      r"|disgust(?:ed)?|grossed out|contempt(?:uous)?|disdain|neutral|calm"
                      r"|cheerful|gloomy|pleased|joyful|crying|tearful|bored|nervous|worried"
                      r"|anxious|excited|smug|displeased|sorrowful|frustrated|grumpy|miffed|relieved"
                      r"|chuffed|gutted|stressed|stroppy|narked|peeved|glum|tired|exhausted|sleepy"
                      r"|knackered|fatigued|fatigue|worn out)\b"
                      r"|\bcheer (?:him|her|them) up\b|\b(?:a bit|so|really|quite|kinda|rather) down\b"
                      r"|\blaugh\w*|\bfrown\w*|\bscowl\w*|\bpout\w*|\bsmirk\w*|\bsulk\w*"
                      r"|\btears\b"),
    # --- "is that a guy or a girl?": a gender asked as two answers, whatever else is said
    # ("is the person in the beanie a man or a woman?": the beanie only says which person)
    ("gender", None, r"\b(?:is|was) (?:that|this|it|the \w+(?: \w+)?) (?:a |an )?(?:man|woman|guy|"
                     r"girl|boy|lady|dude|gal|male|female) or (?:a |an )?(?:man|woman|guy|girl|boy|"
                     r"lady|dude|gal|male|female)\b"
                     r"|(?<![\w/])(?:m ?/ ?f|m or f|f ?/ ?m|f or m|h ?/ ?f)(?![\w/])"
                     r"|\b(?:man|woman|guy|girl|boy|male|female) ?/ ?(?:man|"
                     r"woman|guy|girl|boy|male|female)\b"
                     r"|\b(?:a|an) (?:man|woman|guy|girl|boy|lady|male|female) or (?:a|an) (?:man"
                     r"|woman|guy|girl|boy|lady|male|female)\b|\bmale or female\b|"
                     r"\bfemale or male\b"
                     # counting women and men in a (group) photo asks their perceived genders
                     r"|\bhow many (?:of (?:them|the people) )?(?:are )?(?:men|women|males|females"
                     r"|ladies|gentlemen|guys and girls|boys and girls|girls and boys)\b"),
    # --- valued attributes (which value?)
    ("attribute", "hair_color", r"\bhair ?colou?r|\b(?:colou?r|shade)\b.{0,25}\bhair\b"
                                r"|\bhair\b.{0,15}\bcolou?r\b|\bred ?head\b|\bginger\b|\bred hair"
                                r"|\bauburn\b|\bhair dye\b"
                                rf"|\bdyed\b(?!.{{0,12}}\b{_HAIR_COLORS}\b)"
                                rf"|^(?=.*\bhair\b).*\b{_HAIR_COLORS}(?:,? {_HAIR_COLORS})*,? "
                                rf"(?:or|and/or) {_HAIR_COLORS}\b"),
    ("attribute", "eye_color", r"\beye ?colou?r|\bcolou?r\b.{0,20}\beyes?\b"
                               rf"|\beyes?\b.{{0,12}}\b{_EYE_COLORS}\b|\b{_EYE_COLORS}[- ]eyed\b"
                               rf"|\b{_EYE_COLORS} eyes\b"),
    ("attribute", "hair_length", r"\bhair ?length|\bhow long\b.{0,25}\bhair\b"
                                 r"|\b(?:short|long|medium)(?:[- ]length)? or (?:short|long|medium)"
                                 r"|\blength of\b.{0,15}\bhair\b|\b(?:long|short|shoulder[- ]length"
                                 r"|medium[- ]length|cropped)\s+hair\b|\bhair\b.{0,10}\b(?:long"
                                 r"|short)\b"),
    ("attribute", "hair_type", r"\bcurly\b|\bcurls\b|\bhair (?:type|texture)\b|\bafro\b"
                               r"|\b(?:texture|type|kind) of hair\b|\btexture\b.{0,25}\bhair\b"),
    ("attribute", "facial_hair", r"\bfacial hair\b|\b(?:kind|type|style|sort) of beard\b"
                                 rf"|\bbeard (?:style|type)\b|\b{_FACIAL}(?:,? (?:an? )?{_FACIAL})*"
                                 rf",? (?:or|and) (?:an? )?{_FACIAL}\b"),
    ("attribute", "eyewear", r"\bsun ?glasses\b|\bshades\b|\beyewear\b|\bglasses or\b"
                             r"|\b(?:kind|type|sort|style) of (?:glasses|spectacles)\b"),
    ("attribute", "head_pose", r"\bhead (?:pose|turned|tilted|orientation|position|angle|rotat)"
                               r"|\b(?:head|face) (?:is )?(?:turned|tilted|rotated)\b"
                               r"|\bprofile\b(?! ?(?:pic|picture|photo|image|shot)s?\b)"
                               r"|\bfrontal\b|\bfacing\b|\bwhich way\b|\bhead pose\b"
                               r"|\blooking away\b"
                               r"|\bturned (?:to the |to |towards )?(?:the )?"
                               r"(?:left|right|side)\b"),
    # --- yes/no attributes: specific parts first
    ("attribute", "5_o_clock_shadow", r"\b(?:5|five) ?o'?clock\b|\bstubbl\w*"),
    ("attribute", "goatee", r"\bgoatee\b"),
    ("attribute", "mustache", r"\bmou?stach\w*|\bmustach\w*"),
    ("attribute", "beard", r"\bbeard(?:ed|s)?\b|\bclean[- ]?shaven\b|\bshav(?:ed|en)\b"),
    ("attribute", "sideburns", r"\bside ?burns?\b"),
    ("attribute", "arched_eyebrows", r"\barch\w*\b.{0,15}\b(?:eye)?brows?\b"
                                     r"|\b(?:eye)?brows?\b.{0,20}\barch\w*"),
    ("attribute", "bushy_eyebrows", r"\b(?:bushy|thick|heavy|full|dense|big|unibrow)\b.{0,10}"
                                    r"\b(?:eye)?brows?\b|\b(?:eye)?brows?\b.{0,15}\b(?:bushy|thick"
                                    r"|heavy)\b"),
    ("attribute", "bags_under_eyes", r"\bbags\b|\bunder[- ]?eye\b|\bdark circles\b|\bpuffy eyes\b"),
    ("attribute", "narrow_eyes", r"\bnarrow\w*\b.{0,10}\beyes?\b|\beyes?\b.{0,10}\bnarrow\b"
                                 r"|\bsquint\w*|\bsmall eyes\b"),
    ("attribute", "eyeglasses", r"\b(?:eye)?glasses\b|\bspectacles\b|\bspecs\b|\bbifocals\b"),
    ("attribute", "receding_hairline", r"\breced\w*|\bhairline\b|\bbalding\b"),
    ("attribute", "bald", r"\bbald\b|\blost (?:all )?(?:of )?(?:his |her |their )?hair\b"
                          r"|\bno hair\b|\bhairless\b"),
    ("attribute", "bangs", r"\bbangs\b|\bfringe\b|\bhair\b.{0,20}\bforehead\b"),
    # a face mask over mouth and nose (CCTV stills, clinics): worn, not a spoofing mask (the
    # silicone and latex masks of spoof come first); which attribute is left to the classifier
    ("attribute", None, r"(?<!silicone )(?<!latex )(?<!rubber )(?<!paper )(?<!3d )\b(?:face|surgical|medical|covid|n95|ffp2|cloth|dust|protective|hygiene)"
                        r" ?masks?\b|\bmask (?:over|covering) (?:the |his |her |their )?(?:lower "
                        r"(?:half of the )?face|mouth|nose|chin)\b|\bbalaclava\b"),
    ("attribute", "wearing_hat", r"\bhats?\b|\bcaps?\b|\bbeanie\b|\bheadwear\b|\bfedora\b"
                                 r"|\bbonnet\b|\bhelmet\b|\bhead ?scarf\b|\bhijab\b|\bturban\b"
                                 r"|\bheadband\b|\bhead covering\b|\bbandana\b|\bheaddress\b"
                                 r"|\byarmulkes?\b|\bkippah?s?\b|\bskull ?caps?\b|\bveil\b"),
    ("attribute", "wearing_earrings", r"\bear ?rings?\b|\bhoops? (?:in|on) (?:her|his|their|the) ears?\b"),
    ("attribute", "wearing_necklace", r"\bnecklaces?\b|\bpendant\b"),
    ("attribute", "wearing_necktie", r"\bneck ?ties?\b|\bbow ?tie\b|\bties?\b"),
    ("attribute", "wearing_lipstick", r"\blipstick\b|\blippy\b|\blip ?gloss\b|\blips? (?:are )?painted\b"),
    ("attribute", "heavy_makeup", r"\bmake[- ]?up\b|\bcosmetics\b|\bmascara\b|\beyeliner\b"),
    ("attribute", "high_cheekbones", r"\bcheek ?bones?\b"),
    ("attribute", "rosy_cheeks", r"\b(?:rosy|red|pink|flushed|ruddy|blush\w*)\b.{0,10}\bcheeks?\b"
                                 r"|\bcheeks?\b.{0,10}\b(?:rosy|red|pink|flushed|ruddy)\b"
                                 r"|\bblush(?:ing)?\b"),
    ("attribute", "mouth_slightly_open", r"\bmouth\b.{0,25}\bopen\b|\bopen\b.{0,10}\bmouth\b"
                                         r"|\blips\b.{0,10}\bpart(?:ed|ing)\b|\bparted lips\b"),
    ("attribute", "big_lips", r"\b(?:big|full|large|thick|plump|fat|huge)\b.{0,10}\blips\b"
                              r"|\blips\b.{0,15}\b(?:big|full|large|thick|plump)\b"),
    ("attribute", "pointy_nose", r"\b(?:pointy|pointed|sharp)\b.{0,10}\bnose\b"
                                 r"|\bnose\b.{0,10}\b(?:pointy|pointed|sharp)\b"),
    ("attribute", "big_nose", r"\b(?:big|large|huge|long|wide|prominent)\b.{0,10}\bnose\b"
                              r"|\bnose\b.{0,10}\b(?:big|large|huge|wide|prominent)\b"),
    ("attribute", "oval_face", r"\boval\b"),
    ("attribute", "double_chin", r"\bdouble[- ]chin\b|\bchins\b"),
    ("attribute", "chubby", r"\bchubb\w*|\bplump\b|\bround[- ]faced\b|\bfull[- ]faced\b"),
    ("attribute", "pale_skin", r"\bpale\b|\bfair[- ]skinned\b|\bpallid\b|\blight skin"),
    ("attribute", "blurry", r"\bblur\w*|\bout of focus\b|\bunfocused\b|\bin focus\b|\bfuzzy\b"
                            r"|\bsharp\b"),
    ("attribute", "attractive", r"\battractive\b|\bgood[- ]looking\b|\bpretty\b|\bhandsome\b"
                                r"|\bbeautiful\b|\bhot\b|\bcute\b|\bgorgeous\b|\bugly\b"),
    # a genuine or a forced smile is an expression, not the smile attribute
    ("emotion", None, r"\bsmile (?:\w+ )?(?:genuine|forced|fake|real|sincere|put on|natural)\b"
                      r"|\b(?:genuine|forced|fake|sincere|polite|real|true|honest) smile\b"
                      r"|\bsmil\w*\b.{0,40}\b(?:forc|fak)(?:e|es|ed|ing) it\b"),
    ("attribute", "smiling", r"\bsmil\w*|\bgrin\w*|\bbeaming\b"),
    ("attribute", "young", r"\byoung\b|\byouthful\b"),
    ("attribute", "blond_hair", r"\bblond\w*"),
    ("attribute", "gray_hair", r"\b(?:gr[ae]y|silver|white)(?:ing)?\b.{0,10}\bhair"
                               r"|\bhair\b.{0,15}\b(?:gr[ae]y|silver|white)\b|\bgoing gr[ae]y\b"
                               r"|\bgr[ae]ying\b"),
    ("attribute", "brown_hair", r"\bbrown\b.{0,10}\bhair|\bhair\b.{0,15}\bbrown\b|\bbrunett?e?\b"
                                r"|\bchestnut\b"),
    ("attribute", "black_hair", r"\bblack\b.{0,10}\bhair|\bhair\b.{0,15}\bblack\b"
                                r"|\bdark[- ]haired\b|\bdark hair\b|\bjet[- ]black\b"),
    ("attribute", "straight_hair", r"\bstraight\b.{0,5}\bhair\b|\bhair\b.{0,15}\bstraight\b"),
    ("attribute", "wavy_hair", r"\bwav(?:y|es)\b"),
    # --- perceived gender
    ("gender", None, r"\bgender\b|\bsex\b|\bmale\b|\bfemale\b|\bmasculine\b|\bfeminine\b"
                     # how to address them ("Dear Mr or Dear Ms?")
                     r"|\b(?:mr|mister|sir)\.? or (?:dear )?(?:mrs|ms|miss|madam|ma'am)\b"
                     r"|\b(?:mrs|ms|miss|madam|ma'am)\.? or (?:dear )?(?:mr|mister|sir)\b"
                     # two emoji offered ("👦 or 👧?", "👨/👩")
                     "|(?:\U0001F466|\U0001F468|\U0001F9D4|\u2642)\\s*\\S{0,6}\\s*(?:\U0001F467|\U0001F469|\u2640)"
                     "|(?:\U0001F467|\U0001F469|\u2640)\\s*\\S{0,6}\\s*(?:\U0001F466|\U0001F468|\U0001F9D4|\u2642)"
                     r"|\b(?:man|woman|guy|girl|boy|lady|dude|gentleman|gal|men|women|bloke|lass|lad|"
                     r"fella|chap|geezer) or (?:a )?"
                     r"(?:man|woman|guy|girl|boy|lady|dude|gal|men|women|bloke|lass|lad|fella|chap)\b"
                     r"|\b(?:man|woman|men|women|boy|girl|lady)'s face\b"
                     r"|\blooks? like a (?:man|woman|guy|girl|boy|lady)\s*[?.!]*$"
                     rf"|\b(?:is|was) (?:{_SUBJ}|the {_PERSON} in the \w+)\s+(?:a|an)\s+"
                     r"(?:man|woman|guy|girl|boy|lady|dude|gentleman|gal|male|female)\s*[?.!]*$"),
    # --- caption
    ("caption", None, r"\bdesc\w*b\w*|\bdescr?\b|\bdescription\b|\bcaption\w*|\bappearance\b|\bsummari[sz]e\b"
                      r"|\bwhat does\b.{0,25}\blook like\b|\bfacial features\b"
                      r"|\bnotable features\b|\btell me about (?:this|the|him|her)\b"
                      r"|\bin words\b"),
    # --- clearly not about the face itself: free answer
    ("open", None, r"\bwear(?:s|ing)?\b|\bbackground\b|\bbehind\b|\bholding\b|\bcolou?r\b"
                   r"|\bweather\b|\bindoors?\b|\boutdoors?\b|\broom\b|\bwall\b|\bwatermark\b"
                   r"|\b(?:what|which) (?:kind of )?party (?:is|are|was|were) (?:he|she|they) at\b"
                   r"|\bat (?:a|the|this) (?:party|birthday party|wedding)\b"
                   r"|\bhow many\b|\btattoo\w*|\bponytail\b|\bbraid\w*|\bpigtails\b"
                   r"|\bbun\b|\bdreadlocks\b|\bfreckle\w*|\bscars?\b|\bpiercing\w*|\bsunburn\w*"
                   r"|\btan(?:ned)?\b|\bsweat\w*|\bwrinkle\w*|\bmoles?\b|\bdimples?\b"),
    # --- what the photo shows, with no thing named above: a caption
    ("caption", None, r"\bwh?at (?:do|can|did) (?:you|u|ya) see\b|\bwh?at(?:'?s| is|s)? (?:in|on) (?:da |dis |ur )?(?:pic|photo|picture|image|img|selfie)\b|\b(?:tell me|say|describe) what you (?:can )?"
                      r"(?:see|notice)\b|\bwhat(?:'?s| is)? (?:in|on) (?:this|the|that) "
                      r"(?:photo|picture|image|pic|shot|selfie|snap)\b"
                      # what is happening in it, what can be seen, what is shown
                      r"|\bwhat(?:'?s| is) (?:happening|going on|shown|visible|depicted)\b"
                      r"|\bwhat (?:can|could) (?:be|one|i|we) (?:seen?|make out)\b"
                      r"|\bwhat does (?:this|the) (?:photo|picture|image|pic) show\b"),
)
"""Routing rows in priority order: (task, attribute or None, regex)."""

COMPILED: tuple[tuple[str, str | None, re.Pattern], ...] = tuple(
    (task, attribute, re.compile(pattern)) for task, attribute, pattern in RULES)


OPPOSITES: dict[str, re.Pattern] = {
    "beard": re.compile(r"\bclean[- ]?shaven\b|\bshav(?:ed|en)\b|\bafeitad[oa]\b|\bras[ée] de pr[èe]s\b|\bbien ras[ée]\b"
                        r"|\b(?:glatt )?rasiert\b|\bsbarbat[oa]\b|\bbarbead[oa]\b|"
                        r"\bglad ?geschoren\b|\bgeschoren\b"
                        r"|\bпобри(?:лся|т|ты)\b|\bвыбрит\w*|刮(?:了)?胡子|"
                        r"胡子刮|(?:ひげ|ヒゲ|髭)を?剃|\bحالق|\bمحلوق"
                        r"|दाढ़ी (?:बना|बनवा)"),
    "blurry": re.compile(r"\bin focus\b|\bsharp\b"),
}
"""Yes/no attributes and the phrasings that ask their opposite: "is he clean-shaven?" asks
beard = no, so its answer swaps yes and no to reply to the question as asked."""


_ASKED_PART = re.compile(r"[^.!。！?？؟]*[?？؟]")


def asks_opposite(attribute: str | None, question: str) -> bool:
    """Whether the question asks the opposite of the yes/no attribute it routes to. Only the
    last part asked is read: "he says he shaved it off. does he have a beard?" asks beard."""
    regex = OPPOSITES.get(attribute or "")
    if not regex:
        return False
    asked = _ASKED_PART.findall(question.lower())
    return bool(regex.search(asked[-1] if asked else question.lower()))


_DESCRIBE = re.compile(
    r"\bdesc\w*b\w*|\bdescription\b|\bdescr[ií]b|\bdescripci|\bd[ée]cri[rstv]|\bbeschreib|\bdescriv"
    r"|\bdescrizione|\bdescrev|\bdescri[çc]|\bbeschrij[fv]|\bопиш|\bописа|描述|描写|説明して|\bصف\b"
    r"|\b[اأ]?وصف|वर्णन|विवरण")
"""A request to describe (a caption), in each language."""
_THEN = re.compile(
    r"\b(?:and|also|then|plus|y|tambi[ée]n|et|aussi|puis|und|auch|dann|e|anche|poi|tamb[ée]m|en|ook"
    r"|daarna|и|а также|потом|ещё|еще|then)\b|和|并|並|还|還|再|然后|それと|あと|そして|(?:^|\s)و|और|\bfir\b"
    r"|[,;?？؟،、]")
"""A second request joined on ("and also guess her age", "y dime si", "et", "وواش", "और")."""
_DESCRIBE_ONLY = re.compile(
    r"\W*(?:\w+\W+){0,3}?(?:(?:only|just|solo|s[óo]lo|seulement|uniquement|juste|nur|alleen|s[óo]|"
    r"somente|apenas|только|sirf)\b|只|だけ|فقط|सिर्फ|केवल"
    r"|(?:hair ?style|haircut|peinado|coiffure|frisur|acconciatura|penteado|kapsel|"
    r"прич[её]ск\w*)\b|\S{0,6}(?:发型|髪型|تسريحة|हेयरस्टाइल))")
_COLON_QUESTION = re.compile(r"[:：][^?？؟]*[?？؟]")
"""What narrows a description to the features asked after it: "describe only the hairstyle and
the earrings", "je veux décrire ce visage : il a une barbe ?", "描述一下她的发型和刘海"."""
_OR_NEXT = re.compile(r"^\W*(?:(?:or|o|ou|oder|of|или|ili|أم|ولا|او|أو|या|ya|wala)\b|还是|還是|或者|それとも"
                      r"|或是|抑或)")
"""A second question that offers another answer to the first ("笑ってる？それとも悲しそう？")."""
_FIRST_QUESTION = re.compile(r"^(.+?[?？؟])\s*(\S.*)$", re.S)


_STATEMENT_FIRST = re.compile(r"^([^?？؟]+?[.;。；])\s*([^.;。；?？؟]+[?？؟]\s*)$")
"""A statement, then one question after a full stop or a semicolon."""


def first_asked(match, lowered: str) -> tuple[str, str | None, str] | None:
    """match(lowered) (a function returning (task, attribute, matched text) or None), with two
    benign tasks in one question going by the first asked: the first of two questions ("how old
    is he? is he wearing glasses?") when the whole question's match lies in the second and the
    first names a closed task (an open hit, as a setting, leaves the whole question to decide; a
    second question that starts with "or" or is two words, "20s? 30s?", offers answers), and a
    description asked before another task that is joined on ("describe her and also guess her
    age", "décris la tenue et l'expression") is a caption. The task rows' own priority stays for
    the words of one request."""
    statement = _STATEMENT_FIRST.match(lowered)
    if statement:  # "la dame porte un foulard ; a-t-elle l'air sereine ?": the question is asked
        asked = match(statement.group(2))
        if asked is not None and asked[0] != "open":
            return asked
    hit = match(lowered)
    split = _FIRST_QUESTION.match(lowered)
    if (split and hit is not None and lowered.find(hit[2]) >= len(split.group(1))
            and not _OR_NEXT.match(split.group(2)) and len(split.group(2).split()) != 2):
        first = match(split.group(1))
        if first is not None and first[0] != "open":
            return first
    if hit is None or hit[2] == "":
        return hit
    describe = _DESCRIBE.search(lowered)
    if hit[0] == "caption" and describe is not None and _narrowed(lowered[describe.end():]):
        narrowed = match(lowered[describe.end():])  # "describe only her earrings"
        if narrowed is not None and narrowed[0] not in ("caption", "open"):
            return narrowed
    if hit[0] in ("caption", "open"):
        return hit
    at = lowered.find(hit[2])
    if describe is not None and 0 <= describe.end() <= at and _THEN.search(
            lowered, describe.end(), at) and not _narrowed(lowered[describe.end():at]):
        return "caption", None, describe.group(0)
    return hit


def _narrowed(after: str) -> bool:
    """A description narrowed to the features named after it (_DESCRIBE_ONLY)."""
    return bool(_DESCRIBE_ONLY.match(after) or _COLON_QUESTION.search(after))


def first_match(rows, lowered: str) -> tuple[str, str | None, str] | None:
    """(task, attribute, matched text) of the first compiled row matching `lowered`."""
    for task, attribute, regex in rows:
        m = regex.search(lowered)
        if m:
            return task, attribute, m.group(0)
    return None


_FIELDS: dict[str, tuple[str, str | None]] = {
    **{name: ("attribute", name) for name in ATTRIBUTES},
    "glasses": ("attribute", "eyeglasses"), "hat": ("attribute", "wearing_hat"),
    "smile": ("attribute", "smiling"), "earrings": ("attribute", "wearing_earrings"),
    "necklace": ("attribute", "wearing_necklace"), "lipstick": ("attribute", "wearing_lipstick"),
    "necktie": ("attribute", "wearing_necktie"), "makeup": ("attribute", "heavy_makeup"),
    "age": ("age", None), "emotion": ("emotion", None), "expression": ("emotion", None),
    "gender": ("gender", None), "sex": ("gender", None), "liveness": ("spoof", None),
    "spoof": ("spoof", None), "real": ("spoof", None), "live": ("spoof", None),
    "fake": ("spoof", None), "genuine": ("spoof", None), "caption": ("caption", None),
    "alt_text": ("caption", None), "description": ("caption", None),
    # the same fields named in the other Latin-script languages ("edad_estimada", "genre_apparent")
    **{name: ("age", None) for name in ("edad", "eta", "idade", "alter", "leeftijd")},
    **{name: ("gender", None) for name in ("genero", "genre", "genere", "geschlecht", "geslacht",
                                           "sexo", "sesso")},
    **{name: ("emotion", None) for name in ("emocion", "emozione", "emocao", "stimmung",
                                            "humeur", "umore", "humor", "emotie")},
    **{name: ("attribute", "wearing_hat") for name in ("gorra", "sombrero", "chapeau",
                                                       "casquette", "cappello", "bone", "mutze",
                                                       "muetze", "pet", "hoed")},
    **{name: ("attribute", "eyeglasses") for name in ("gafas", "lunettes", "brille", "occhiali",
                                                      "oculos", "bril")},
    **{name: ("attribute", "beard") for name in ("barba", "barbe", "bart", "baard")},
}
"""Field names of an API-style request ("return JSON {estimated_age}", "boolean wearing_hat"):
the attributes by their own names, a few short names, and the tasks' fields."""
_FIELD_AFFIX = re.compile(r"^(?:(?:is|has|have|wears|wearing|estimated|apparent|predicted|"
                          r"perceived|dominant|facial|image|face|person|main|top|lleva|usa|tiene|"
                          r"porta|trae|tem|hat|tragt|traegt|heeft|draagt|est|a|ha)_)+|(?:_(?:score"
                          r"|prob|probability|conf|confidence|estimate|years|range|group|bracket"
                          r"|label|class|flag|bool|value|yes_no|estimad[ao]|estimee?|stimat[ao]|"
                          r"geschaetzt|geschatt|percibid[ao]|percebid[ao]|apparente?|aparente|"
                          r"percepit[ao]|apparent|visible|aproximad[ao]|approx))+$")
"""Prefixes and suffixes of a field name around the attribute or task it names."""
_API = re.compile(r"\bjson\b|\bapi\b|\bbool(?:ean)?\b|\btrue ?/ ?false\b|\bschema\b|\bfield\b"
                  r"|\bendpoint\b|[{}]|поле|字段|フィールド|حقل|फ़ील्ड|फील्ड|\bcampo\b|\bchamp\b"
                  r"|\bfeld\b|\bveld\b")
"""A developer's request: its plain words (age, emotion) are field names too."""
_FIELD_TOKEN = re.compile(r"(?<![a-z0-9_])[a-z0-9]+(?:_[a-z0-9]+)*(?![a-z0-9_])")


def match_field(lowered: str) -> tuple[str, str | None, str] | None:
    """(task, attribute, field) of the first field name in an API-style request: a snake_case
    name anywhere ("wearing_hat", "estimated_age"), a plain one only beside JSON, API or
    boolean words. None when there is none."""
    api = _API.search(lowered) is not None
    for m in _FIELD_TOKEN.finditer(lowered):
        name = m.group(0)
        if "_" not in name and not api:
            continue
        key = name if name in _FIELDS else _FIELD_AFFIX.sub("", name)
        if key in _FIELDS:
            return (*_FIELDS[key], name)
    return None


_OWN_SIGHT = re.compile(
    r"\b(?:i(?:'m| am) (?:not wearing|without) |i (?:don't|do not|"
    r"didn't|did not) (?:have|bring|wear) (?:on )?"
    r"|i (?:forgot|lost|left|broke) |without )?my (?:eyes?|eye ?sight|"
    r"vision|sight|(?:eye|reading )?glasses|specs"
    r"|spectacles|contacts|contact lenses)\b(?: on\b)?|\bi(?:'m|"
    r" am) (?:half[- ])?blind\b|\bi(?:'m| am) (?:visually impaired"
    r"|(?:short|near|far|long)[- ]?sighted)\b|\bi (?:can(?:'|no)?t|cannot|can not) see (?:well"
    r"|clearly|properly|very well|much|a thing|anything|it)\b|\bi (?:have|got) (?:bad|poor|weak"
    r"|low|terrible) (?:eye ?sight|vision|eyes)\b|"
    r"\bmis (?:ojos|gafas|lentes|anteojos)\b|\bmi (?:vista|visi[oó]n)\b|"
    r"\b(?:no (?:tengo|llevo)|olvid[eé]|perd[ií]) (?:puest[ao]s )?(?:las |"
    r"los |mis )?(?:gafas|lentes|anteojos)(?: puest[ao]s)?\b|"
    r"\bsin mis (?:gafas|lentes|anteojos)\b|\bveo (?:muy |bastante )?(?:mal|"
    r"fatal|poco)\b|\bno veo (?:bien|nada)\b|"
    r"\bmes (?:yeux|lunettes)\b|\bma (?:vue|vision)\b|\b(?:je n'ai pas|"
    r"j'ai pas|j'ai oubli[ée]|sans) mes lunettes\b|\bje (?:ne )?vois (?:mal|"
    r"pas bien|rien)\b|\bj'y vois (?:mal|rien)\b|"
    r"\bmeine(?:n|r)? (?:augen|brille|sehkraft|sicht)\b|\bohne meine brille\b|"
    r"\bich (?:seh|sehe) (?:so |sehr |ziemlich |echt |nicht )?(?:schlecht|"
    r"gut)\b|\bich (?:kann|kan) (?:das |es )?(?:nicht|kaum) (?:gut |"
    r"richtig )?(?:sehen|erkennen)\b|"
    r"\b(?:i )?miei (?:occhi|occhiali)\b|\b(?:la )?mia vista\b|"
    r"\bnon ho (?:gli |i miei )?occhiali\b|\bsenza (?:i )?miei occhiali\b|"
    r"\b(?:ci )?vedo (?:poco|male)\b|\bnon ci vedo\b|"
    r"\bmeus (?:olhos|[óo]culos)\b|\bminha (?:vista|vis[ãa]o)\b|"
    r"\b(?:estou|to|tô|t[ôo]) sem (?:os |meus )?[óo]culos\b|\bn[ãa]o (?:tenho|"
    r"estou com|to com|tô com) (?:os |meus )?[óo]culos\b|\besqueci (?:os |"
    r"meus )?[óo]culos\b|\b(?:n[ãa]o )?enxergo (?:mal|bem|direito|"
    r"nada)\b|\bvejo mal\b|"
    r"\bmijn (?:ogen|bril|zicht)\b|\bzonder mijn bril\b|\bik zie (?:het )?(?:slecht|"
    r"niet goed|weinig)\b|"
    r"\bмои (?:глаза|очки)\b|\bмо[её] зрение\b|\bу меня (?:\w+ )?зрение\b|"
    r"\bу меня глаза\b|\bя (?:сейчас |сегодня )?без очков\b|\bзабыл[аи]? (?:свои |"
    r"мои )?очки\b|\bплохо вижу\b|\bзрение (?:плохое|слабое|село|"
    r"подводит)\b|"
    r"我(?:的)?(?:眼神|眼睛|视力|眼镜)(?:不好|不太好|很差|差|不行|不太行|花了?)?|我(?:没|没有)(?:戴|带)眼镜|我(?:看不清|看不太清|眼花)|老花眼?|"
    r"(?:私|僕|俺|自分)の(?:目|視力|メガネ|眼鏡)|目が(?:悪|わる)(?:い|くて)|視力が(?:弱|"
    r"悪|落ち)\w*|老眼|(?:メガネ|眼鏡|めがね)を(?:忘れ|なくし)|(?:メガネ|眼鏡|めがね)が(?:なくて|"
    r"ないので|手元に)|(?:私|僕|俺|自分)(?:は|、)?(?:今)?(?:メガネ|眼鏡|めがね)を?(?:かけてない|"
    r"かけていない|していない|してない)|よく見えな(?:い|くて)|よく見えません|"
    r"\bنظري\b|\bعيوني\b|\bنظار(?:تي|اتي)\b|\bلا أرى جيدا|\bما بشوف منيح|"
    r"मेरी (?:आँखें|आंखें|आँखे|आंखे|नज़र|नजर|दृष्टि)|मेरा चश्मा|"
    r"मेरे चश्मे|मुझे (?:ठीक से |साफ़ |साफ |अच्छे से )?(?:नहीं )?दिख(?:ता|"
    r"ाई)|"
    r"\bmeri (?:aankh(?:en|ein|e)?|ankh(?:en|ein|e)?|nazar|najar)\b|"
    r"\bmera chashma\b|\bmere chashme\b|\bmujhe (?:theek se |"
    r"thik se |saaf )?(?:nahi|nahin) dikh\w*")
"""The asker's own eyes, glasses or sight ("my eyes are bad", "no tengo las gafas puestas",
"我眼神不好"): nothing about the person in the photo, so dropped before the routing words are
read (like the asker's own screen below)."""

_OWN_ACCESS = re.compile(
    # a description for someone who cannot see it ("for my blind friend", "視覚障害のある友人のために")
    r"\bfor (?:my|a|our) (?:blind|visually[- ]impaired|partially sighted|low[- ]vision) \w+\b|"
    r"\bpara (?:mi|un|una|nuestr[oa]) \w+ (?:cieg[oa]|invidente|con baja visi[oó]n)\b|"
    r"\bpour (?:mon|ma|un|une) \w+ (?:aveugle|malvoyante?|non[- ]voyante?)\b|"
    r"\bf[üu]r (?:meine?n?|eine?n?) (?:blinde[nr]?|sehbehinderte[nr]?) \w+\b|"
    r"\bper (?:il mio|la mia|un|una) \w+ (?:cieco|cieca|ipovedente|non vedente)\b|"
    r"\bpara (?:o meu|a minha|meu|minha|um|uma) \w+ (?:cego|cega|deficiente visual)\b|"
    r"\bvoor (?:mijn|een) (?:blinde|slechtziende) \w+\b|"
    r"\bдля (?:моего|моей) (?:слепого|слепой|незрячего|незрячей|слабовидящего|слабовидящей) \w+\b|"
    r"(?:视障|失明|盲人)的?(?:朋友|家人|奶奶|爷爷|妈妈|爸爸)|視覚障害のある\S{1,4}のために|"
    r"(?:صديقي|صديقتي|جدتي|جدي) (?:الكفيف|الكفيفة|ضعيف البصر|ضعيفة البصر)|"
    r"(?:अंधे|नेत्रहीन|दृष्टिबाधित) (?:दोस्त|मित्र|दादी|दादा)|"
    r"\b(?:i(?:'m| am) (?:using|on) |i (?:use|rely on|listen (?:to \w+ )?(?:with|"
    r"through|via)) |with |through |via )?"
    r"(?:(?:a|my) )?(?:screen ?reader|text[- ]to[- ]speech|voice ?over|"
    r"read[- ]aloud \w+)\b(?: app| software)?|"
    r"\bi(?:'m| am) (?:totally |completely |legally |partially |"
    r"almost )?(?:blind|partially sighted|low[- ]vision)\b|"
    r"\bi (?:have|got) (?:low vision|face blindness|prosopagnosia)\b|"
    r"\bi (?:can(?:'|no)?t|cannot|can not) (?:read|recogni[sz]e|"
    r"tell) faces\b[^.?!,;:]*|"
    r"\b(?:since|after) (?:my|i had a|i had my) (?:stroke|eye surgery|cataract \w+)\b|"
    r"\bi (?:can(?:'|no)?t|cannot|can not|barely|hardly) see (?:the|"
    r"my) (?:screen|display|phone)\b(?: (?:well|clearly|properly))?|"
    # Spanish
    r"\b(?:uso|utilizo|con) (?:un |el |mi )?lector de (?:pantalla|"
    r"voz)\b|\bsoy (?:ciega|ciego|invidente|persona ciega)\b|"
    r"\btengo (?:baja visi[oó]n|poca vista|la vista (?:mal|cansada))\b|"
    r"\b(?:no )?veo (?:bien |mal |muy mal |casi )?(?:la|mi) pantalla\b|"
    r"\bdesde (?:mi|el) ictus\b|\bcada vez veo menos\b|"
    # French
    r"\b(?:j'utilise|avec|je me sers d'?) ?(?:un |mon )?lecteur (?:d'[ée]cran|"
    r"vocal)\b|\bje suis (?:aveugle|malvoyante?|non[- ]voyante?)\b|"
    r"\bje vois (?:mal|pas bien|plus bien) (?:l'|mon )[ée]cran\b|"
    r"\bdepuis mon avc\b|\bma vue baisse\b|"
    # German
    r"\b(?:ich (?:nutze|benutze|verwende|h[öo]re mir \w+ (?:per|"
    r"mit|[üu]ber))|mit|per) (?:einem |einen |meinem |meinen |"
    r"dem |den )?"
    r"(?:screenreader|bildschirmleser|vorlesefunktion|vorleseprogramm|"
    r"sprachausgabe)\b|\bich bin (?:blind|sehbehindert|erblindet)\b|"
    r"\bich sehe (?:den|meinen) bildschirm (?:kaum|schlecht|nicht gut)(?: noch)?\b|"
    r"\bseit meinem schlaganfall\b|\bmeine augen werden schlechter\b|"
    # Italian
    r"\b(?:uso|utilizzo|con) (?:il |un |la )?(?:lettore di schermo|"
    r"sintesi vocale)\b|\bsono (?:cieco|cieca|ipovedente|non vedente)\b|"
    r"\bnon vedo bene (?:lo|il mio) schermo\b|\bdopo (?:il mio|l')ictus\b|\bci vedo sempre meno\b|"
    # Portuguese
    r"\b(?:uso|utilizo|com) (?:o |um )?leitor de (?:tela|ecr[ãa]|"
    r"voz)\b|\bsou (?:cega|cego|deficiente visual)\b|"
    r"\btenho baixa vis[ãa]o\b|\bn[ãa]o (?:estou )?(?:enxergando|"
    r"vejo) bem (?:a|o) (?:tela|ecr[ãa])\b|\bdepois do (?:meu )?avc\b|"
    r"\bminha vista est[áa] fraca\b|"
    # Dutch
    r"\b(?:ik gebruik|met) (?:een |mijn )?(?:schermlezer|voorleesfunctie|"
    r"voorleessoftware)\b|\bik ben (?:blind|slechtziend)\b|"
    r"\bik zie het scherm (?:slecht|niet goed)\b|\bsinds mijn beroerte\b|"
    r"\bik laat alles voorlezen\b|\bmijn ogen gaan achteruit\b|"
    # Russian
    r"\b(?:я )?(?:пользуюсь|использую|слушаю \w+ через) (?:экранн\w+ (?:диктор\w*|"
    r"чтец\w*|чтени\w*)|скринридер\w*|программ\w+ озвучк\w*)|"
    r"\bя (?:слеп(?:ой|ая)|незряч(?:ий|ая)|слабовидящ(?:ий|ая))\b|"
    r"\bу меня слабое зрение\b|\bплохо вижу экран\b|\bпосле (?:моего )?инсульта\b|"
    r"\bзрение садится\b|"
    # Chinese, Japanese
    r"我(?:用|在用|使用)(?:读屏软件|读屏|语音朗读(?:功能)?)(?:听图片|看图)?|我是盲人|我(?:眼睛不好|"
    r"视力(?:很)?(?:弱|差))，?(?:看不清(?:楚)?屏幕)?|看不清(?:楚)?屏幕|我中风(?:以后|"
    r"之后)|"
    r"(?:スクリーンリーダー|音声読み上げ)を?(?:使って(?:います|る)|で(?:画像を)?聞いています)|"
    r"(?:私は)?(?:目が見えない|全盲|弱視)(?:ので|です|なので)?|画面がよく見えません|視力が落ちてきて|"
    # Arabic, Hindi
    r"(?:أستخدم|أستعمل|استخدم|استعمل) (?:قارئ الشاشة|برنامج قراءة صوتية)|"
    r"(?:أنا|انا) (?:كفيف|كفيفة|أعمى|عمياء)\b|نظري ضعيف|بصري يضعف|"
    r"मैं स्क्रीन रीडर (?:इस्तेमाल|का इस्तेमाल) (?:करता|करती) (?:हूँ|"
    r"हूं)|मैं (?:अंधा|अंधी|नेत्रहीन|दृष्टिहीन) (?:हूँ|हूं)|मुझे स्क्रीन (?:ठीक से |"
    r"साफ़ )?नहीं दिखती|"
    r"\bmain screen reader (?:use|istemal) kar(?:ta|ti) (?:hu|hoon|hun)\b",
    re.I)
"""The asker's own screen reader, blindness or low vision, a stroke that took their reading of
faces, a screen they cannot see ("I'm blind and my friend sent me ...", "Uso leitor de tela.",
"Ik ben blind."): the asker's situation, not the person in the photo's (whose blindness is
still a health question), so dropped before the routing words and the policy's trait words
are read."""

_OWN_DEVICE = re.compile(
    r"\bmy (?:(?:phone|tablet|laptop|computer|monitor)(?:'s)? )?(?:screen|display)\b"
    r"|\bon my (?:phone|tablet|laptop|computer|monitor)\b|"
    r"\bmi (?:pantalla|m[oó]vil|celular|tel[eé]fono)\b|\bpantalla de mi (?:m[oó]vil|"
    r"celular|tel[eé]fono)\b|"
    r"\bmon (?:[ée]cran|t[ée]l[ée]phone|portable|mobile)\b|\b[ée]cran de mon (?:t[ée]l[ée]phone|"
    r"portable|mobile)\b|"
    r"\bmein(?:em|en|e)? (?:bildschirm|display|handy(?:display|"
    r"bildschirm)?|telefon)\b|\b(?:bildschirm|display) (?:von )?meine[ms] (?:handys?|"
    r"telefons?)\b|"
    r"\b(?:mio|mio piccolo) (?:schermo|telefono|cellulare)\b|"
    r"\bschermo del mio (?:telefono|cellulare)\b|"
    r"\bminha tela\b|\bmeu (?:ecr[ãa]|celular|telem[óo]vel|telefone)\b|"
    r"\btela do meu (?:celular|telefone)\b|"
    r"\bmijn (?:scherm|telefoon(?:scherm)?|mobiel)\b|\bscherm van mijn (?:telefoon|mobiel)\b|"
    r"\b(?:мой|моём|моем|моего|мой) (?:экран|телефон)\w*|\bэкран (?:моего )?телефона у меня\b|"
    r"\bу меня (?:маленький )?экран\b|"
    r"我(?:的)?(?:手机|电脑|平板)?(?:的)?屏幕|我(?:的)?手机|"
    r"(?:私|僕|俺|自分)の(?:スマホ|携帯|パソコン)?の?(?:画面|スクリーン)|(?:スマホ|携帯)の画面が(?:小さ|割れ|暗)|"
    r"\bشاشتي|\bشاشة (?:جوالي|موبايلي|هاتفي|تلفوني)|\bجوالي|\bموبايلي|"
    r"मेरे (?:फोन|फ़ोन|मोबाइल) की स्क्रीन|मेरी स्क्रीन|\bmere phone ki screen|\bmeri screen")
"""The asker's own screen or phone ("my phone screen is too small to see"): no replay attack,
so it is dropped before the routing words are read."""


_ROLE_PLAY = re.compile(
    r"^\W*(?:(?:"
    r"(?:please |ok,? |okay,? |now |let's say )?(?:pretend|imagine|"
    r"suppose|act as if) (?:that )?(?:you(?:'re| are| were)|to be)|"
    r"(?:act|role-?play) as|play the (?:role|part) of|you(?:'re|"
    r" are) now|"
    r"(?:finge|finjamos|haz como si|imagina|imag[ií]nate|sup[oó]n|"
    r"act[uú]a como si) (?:que )?(?:(?:t[uú] )?eres|fueras|fueses|"
    r"usted es|ser)|"
    r"(?:fais|faites) comme si (?:tu [ée]tais|vous [ée]tiez)|"
    r"imagine(?:z)? que (?:tu es|vous [êe]tes)|joue(?:z)? le r[ôo]le d|"
    r"mets-toi dans la peau d|"
    r"tu(?:n sie)? so,? als (?:ob )?(?:w[äa]r(?:e)?st du|w[äa]ren sie|"
    r"du)|stell dir vor,? du (?:bist|w[äa]r(?:e)?st)|stellen sie sich vor,? sie (?:sind|"
    r"w[äa]ren)|"
    r"(?:fai|fate|facciamo) finta (?:di essere|che (?:tu )?sia)|"
    r"immagina(?:te)? (?:di essere|che tu sia)|"
    r"(?:finge|finja|imagina|imagine|faz de conta|fa[çc]a de conta) (?:que )?(?:(?:tu |"
    r"voc[eê] |voce )?(?:[ée]s?|fosses?|est[aá]s?)|ser)\b|"
    r"(?:doe|doet u) (?:alsof|als of) (?:je|jij|u)|stel (?:je|jij|u) voor (?:dat )?(?:je|jij|u)|"
    r"(?:представь(?:те)?|вообрази|притворись|притворитесь),? (?:себе,? )?(?:что|будто) (?:ты|вы)|"
    r"(?:假装|假设|想象|假如)你是|"
    r"(?:تخيل|تخيلي|تظاهر|تظاهري|افترض|افترضي) (?:أنك|انك|نفسك)|"
    r"(?:मान लो|मान लीजिए|कल्पना करो|कल्पना कीजिए|सोचो) (?:कि )?(?:तुम|"
    r"आप)|(?:maan lo|man lo|socho|imagine karo) (?:ki )?(?:tum|"
    r"aap|tu)\b"
    r")[^:;—–?？：。]{0,60}|[^:;—–?？：。、]{1,20}(?:になりきって|のふりをして|だと思って))"
    r"\s*[:;—–,，：、]\s*")
"""A role-play preface addressed to the assistant ("Pretend you're a makeup artist:",
"Finge que é maquiadora:", "假装你是化妆师：", "メイクさんになりきって、"): whom the assistant plays,
nothing about the face, so dropped before the routing words are read ("finge", "fa finta",
"假装" are otherwise a person pretending: an expression). Whether the role-play itself is
allowed is the policy's business (facevqa.tasks.policy)."""


def drop_own_sight(text: str) -> str:
    """The question without the asker's own screen reader, blindness or low vision (_OWN_ACCESS),
    in any case: the policy reads it before its trait words."""
    return _OWN_ACCESS.sub(" ", text)


def drop_own_device(lowered: str) -> str:
    """The question without a role-play preface (_ROLE_PLAY), the asker's own screen reader or
    blindness (_OWN_ACCESS), screen or phone, eyes, glasses or sight (_OWN_DEVICE, _OWN_SIGHT)."""
    return _OWN_SIGHT.sub(" ", _OWN_DEVICE.sub(" ", drop_own_sight(_ROLE_PLAY.sub("", lowered, count=1))))
