"""Questions that ask about a named person, read from their shape rather than from a list of
names: "how old is Brad Pitt here?" (capitalised words inside an English sentence), "ma questo
è totti??" (a word after "is this" that no question FaceVQA knows uses) and "quanti anni ha
Gianna Nannini?" (a name where the subject of an age question goes)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from facevqa.tasks.policy import _NOT_NAMES
from facevqa.tasks.questions import generate_questions
from facevqa.tasks.routing_words import match_words
from facevqa.tasks.templates import all_templates

_WORD = r"[^\W\d_][\w'-]*"
_THIS_IS = (  # English first ("looks like <name>" asks the same)
    r"\b(?:is|was|isn't) (?:this|that|it)|\b(?:this|that) is|\blooks? like|\bresembles?",
    r"\b(?:esto|eso|este|esta|ese|esa) es",  # Spanish
    r"\bc'est(?: bien| vraiment)?|\best-ce(?! qu)",  # French
    r"\b(?:quest[oa]|quell[oa]) (?:[eè]|e')",  # Italian
    r"\b(?:isso|isto|esse|essa|este|esta) [eé]",  # Portuguese
    r"\bэто(?! \w+(?:ть|ться)\b)(?! (?:селфи|фото\w*|снимок|изображение|жив\w*|запись|повтор|"
    r"с[ъ]?[её]мк\w*|видео|реальн\w*|настоящ\w*|проверк\w*|попытк\w*|\w+(?:ая|ый|ий|ое|ые|ие))\b)",  # Russian
)
"""A demonstrative that stands alone before "is": what follows is what the thing is. Where the
demonstrative may also be a determiner ("¿es este señor feliz?", German "ist das Kind ...",
Dutch "is dit kind ..."), a name needs a second word (its surname) that no question uses."""
_THIS_IS_NOUN = (
    r"\bist (?:das|dies)|\bdas ist",  # German
    r"\bis (?:dit|dat)|\b(?:dit|dat) is",  # Dutch
    r"\bes (?:este|esta|ese|esa|eso)",  # Spanish
    r"\b[eè] (?:quest[oa]|quell[oa])",  # Italian
    r"\b[eé] (?:isso|isto|esse|essa|este|esta)",  # Portuguese
)
_HEDGE = (r"(?:\s+(?:not|really|actually|just|no|pas|nicht|niet|non|não|nao|realmente|"
          r"davvero|vraiment|wirklich|echt|же|не|ли|plut[ôo]t|rather|eher|eerder|piuttosto|"
          # "only": "c'est juste moi", "es solo él", "это просто я"
          r"juste|seulement|simplement|solo|sólo|soltanto|nur|alleen|apenas|só|только|просто|"
          r"случайно|точно|вообще))*")
_TWO = rf"\s+({_WORD})(?:\s+({_WORD}))?"
_NAMED = re.compile(rf"(?:{'|'.join(_THIS_IS)}){_HEDGE}{_TWO}")
_ENGLISH_THIS_IS = re.compile(_THIS_IS[0])
_NAMED_SURNAME = re.compile(rf"(?:{'|'.join(_THIS_IS_NOUN)}){_HEDGE}{_TWO}", re.I)
_NAMED_ALONE = re.compile(rf"(?:{'|'.join(_THIS_IS_NOUN[:2])}){_HEDGE}\s+({_WORD})\s*\?{{2,}}\s*$")
"""German and Dutch "is dit <one word>??" ending the question with a double question mark: no
noun follows the determiner, so the word is what it is ("is dit rutte??"); with a single one
it is too often an adjective ("ist das schlimm?")."""
_LATIN = r"[a-zà-öø-ÿа-яё][a-zà-öø-ÿа-яё0-9'-]*"
_CONTEXT = (r"(?:sin|sem|sans|senza|ohne|zonder|без|without)\s+[\w'-]+|young|younger|jong|joven|"
            r"jovem|giovane|jeune|jung|в молодости|в детстве|в юности|de joven|de jovem|"
            r"da giovane|als kind")
_DOUBT = (r"(?:or|o|ou|oder|of|или)\s+(?:(?:just|only|some|un|una|a|an|een|ein|juste|solo|só|"
          r"justo|un po')\s+)*(?:some|double|doble|doublure|lookalike|look-alike|sosie|sosia|"
          r"doppelg[äa]nger|dubbelganger|двойник|imitador|impersonator|tall|random|other|otro|"
          r"autre|altro|outro|ander)\b|no way|s[ée]rieux|serio|seriamente|davvero|echt|wirklich|"
          r"really|seriously|for real|de verdad|vraiment|é ele|es [ée]l|c'est (?:lui|elle)|"
          r"è (?:lui|lei)|это (?:он|она)|msm|mesmo|sério")
"""Doubt after a name and a question mark: "or just a lookalike", "sérieux", "no way"."""
_LEADING_NAME = re.compile(
    rf"^\W*(?:(?:es|is|ist|[eèé]|c'est|это)\s+)?(?:(?:la|el|le|il|o|a)\s+)?({_LATIN})"
    rf"(?:\s+({_LATIN}))?(?:\s*\?+\s*(?:{_DOUBT})|\s+(?:{_CONTEXT})\b)")
"""A question that opens on a name: one or two words, then a question mark and doubt
("?? sérieux", "? or just a lookalike"), or a change of look or age ("CR7 sem barba??",
"¿Es Pedro Sánchez sin corbata?", "Алла Борисовна в молодости")."""
def _task_word(word: str) -> bool:
    """A word the routing words route ("arrabbiata": an emotion), so not a name."""
    return match_words(word) is not None


_PREPOSITIONS = frozenset(
    "auf an am im in op aan bij mit met zu nach vor von aus seit während "  # German, Dutch
    "à au aux en dans chez sur sous pour par avec "  # French
    "al en con por para sobre sin "  # Spanish
    "di del della dello dei nel nella nello nei su per tra fra "  # Italian
    "no na nos nas em num numa com pelo pela "  # Portuguese
    "в во на у из с со к ко по за под при около после".split())  # Russian
"""A first word that starts a place ("ist das auf seinem Kopf ...", "c'est à l'église",
"это в церкви"), not a name."""
_PRONOUNS = frozenset(
    "me you him her us them moi toi lui elle nous vous eux elles yo tú él ella nosotros io "
    "lei noi voi loro eu ele ela nós ich du er sie wir ihr ik jij hij zij wij я ты он она мы "
    "вы они".split())
"""A pronoun after "is this" ("c'est juste moi ?", "это она?"): a person referred to, not named."""
_KATAKANA_LEAD = re.compile(r"^\s*([ァ-ヺー・]{2,})(?:じゃね|じゃない|だよね|でしょ|ですか|[？?])")
"""A question that opens on a katakana word and asks if it is so ("キムタクじゃね？")."""
_HINGLISH = re.compile(rf"\b(?:ye|yeh|yah|ya|wo|woh){_TWO}\s+(?:hai|h|he|hain)\b", re.I)
"""Romanised Hindi "ye <name> hai": spelling varies too much to trust one unknown word, so
it too needs two (first name and surname)."""
HINGLISH_NOT_NAMES = frozenset(
    "ladki ladka ladke larki larka aadmi admi aurat bachcha bacha bachchi bachi banda bandi "
    "insaan uncle aunty didi bhai baba dada dadi nana nani rahi raha rahe rha rhi gaya gayi gya "
    "gyi hua hui huyi sakta sakti sakte lagta lagti lagte bahut bohot kaafi kafi thoda thodi "
    "zyada jyada nahi nahin bhi laga lagi lage wala wali wale".split())
"""Romanised Hindi person nouns, progressive/perfect auxiliaries and adverbs: "ye ladki naabalig
hai" and "wo muskura rahi hai" are a noun and an adjective, or a verb phrase, not a name."""
_HINGLISH_ONE = re.compile(
    rf"\b(?:ye|yeh|yah|wo|woh)\s+({_WORD})\s+(?:hai|h|he)\s+(?:kya|kyaa|na)\b", re.I)
"""Hinglish "ye <name> hai kya" (is this <name>?): one word, when it is no known word."""
HINGLISH_WORDS = frozenset(
    "khush khushi udaas udas naraz naaraz gussa gusse gussa pareshan thaka thaki thake dukhi "
    "hairan asli nakli real fake edit edited mard aurat jawan budha buddha boodha budhi mota "
    "moti patla patli lamba lambi chhota chhoti chota choti bada badi bade sundar smart cute "
    "khubsurat gora gori kala kali dada daadi beard dadhi chashma topi normal theek thik sahi "
    "galat sach jhooth jhoot photo pic filter ai cartoon mask rang makeup screen".split())
"""Hinglish adjectives and image words that fill the slot ("ye khush hai kya"): not names."""
_COPULA_ONE = re.compile(
    rf"^\W*(?:(?:ma|mais|pero|aber|maar|mas|а|но|so|but)\s+)?(?:questo\s+|quello\s+)?"
    rf"(?:è|e'|es|é|c'est|это|is it|is that|ist das|ist es|is dat|is het)\s+({_LATIN})\s*\?+\s*$")
"""A whole question "è totti?": a copula and one word no question uses (lowercase as typed)."""
_LOOK_LIKE = re.compile(rf"\blooks? like\s+({_WORD})\s+({_WORD})\s*(?:[?!.,]+\s*)?"
                        r"(?:(?:or|,)\s+(?:am i|is it|not|what|no|just me|do i)\b[^?!.]*[?!.]*\s*)?$")
"""English "does he look like brad pitt (or am i crazy)": two lowercase words ending the question that no
generated question uses read as a first name and surname (the English word list knows "brad"
and "pitt", so only FaceVQA's own question words count as known here)."""
_REPORTED = re.compile(
    r"\b(?:meint|meinen|sagt|sagen|glaubt|glauben|behauptet|denkt|schw[öo]rt|zegt|zeggen|"
    r"beweert|vindt),? (?:dass |dat )?(?:das|dies|dit|dat|es|er|sie|hij|zij) "
    r"(?:ist|sei|w[äa]re|is) "
    r"([A-ZÄÖÜ][\w'-]+)\s*[.?!,]\s*(?i:stimmt das|ist das (?:richtig|wahr)|ha[ts] (?:sie|er) recht|"
    r"klopt (?:dat|het)|is dat (?:zo|waar)|heeft (?:ze|hij) gelijk)"  # German, Dutch
    r"|\b(?:dice|dicen|cree|creen|jura|piensa|crede|credono|giura|pensa|diz|dizem|acha|acham)"
    r",? (?:que|che) (?:es|[eè]|é|sia|seja|era) ([A-ZÁÉÍÓÚÀÈÌÒÙ][\w'-]+)\s*[.?!,]\s*[¿¡]?"
    r"(?i:es (?:verdad|cierto)|tiene raz[oó]n|[eèé] (?:vero|verdade|ele|ela|lui|lei)|ha ragione|"
    r"tem raz[ãa]o|lo es|ser[aá])")  # es, it, pt
"""Someone's claim of who it is, to check ("Mein Opa meint, das ist Karajan. Stimmt das?",
"mi tía dice que es Raffaella, ¿es verdad?"): one capitalised word no question uses is a name."""
MIN_NAME_LEN = 3
_KATAKANA = re.compile(r"(?:これ|それ|あれ|この人|その人|あの人|こいつ|この(?:男性|女性|子))"
                       r"(?:って|は|、)?\s*([ァ-ヺー・]{2,})(?=\s*(?:[?？!！。]|じゃ|だよね|です|でしょ|か|$))")
"""Japanese "これって<katakana>？": a name in katakana (no spaces to find words by)."""
KATAKANA_IMAGE_WORDS = frozenset(
    "フェイク ディープフェイク マスク コスプレ フィルター アプリ イラスト アニメ マネキン ロボット "
    "モデル スクリーン プリント コピー ニセモノ ホンモノ セルフィー "
    # age and look slang: "アラサー？" (around thirty?), "ギャル？"
    "アラサー アラフォー アラフィフ アラカン アラツー アラハタ アラ還 ティーン ギャル オジサン "
    "オバサン イケオジ メガネ ヒゲ ピアス タトゥー キャップ ニット ハゲ スッピン ノーメイク".split())
"""Katakana image words and age/look slang that no generated question happens to use."""
_ARTICLES = frozenset(
    "a an the my your his her our their un une una uno unos unas el la los las le les l' des du "
    "ein eine einen der die das den dem il lo gli i o os as um uma een de het mijn mi mon ma "
    "mein meine mio mia meu minha мой моя su sus sua seu son sa ses sein seine ihr ihre zijn "
    "haar его её ее".split())
"""A first word that starts a noun phrase ("is this a deepfake?"), not a name."""
PHOTO_NOUNS = frozenset("foto bild photo selfie image imagen immagine imagem afbeelding фото "
                        "снимок face gesicht visage cara rosto viso volto gezicht лицо".split())
"""A first word that is the photo or the face itself: "ist das Foto KI-generiert?", "ist das
Gesicht KI-generiert?" say what it is."""

_IMAGE_WORDS = re.compile(
    r"(?:photoshop|edit|filter|retouch|fake|real|genuine|legit|blur|sharp|grain|pixel|stag|pos|"
    r"candid|selfie|deepfake|ai\b|generat|cgi|render|drawn|draw|paint|cartoon|anime|mannequin|"
    r"doll|statue|wax|print|screen|vero|vera|fals|fint|reale|ritocc|modific|sfocat|nitid|"
    r"fotoritocc|flou|net\b|nette|truqu|retouch|modifi|faux|fausse|vrai|r[ée]el|g[ée]n[ée]r|"
    r"filtr|retoc|edita|borros|n[ií]tid|montaj|trucad|desfoc|montag|echt|gef[äa]lscht|"
    r"bearbeit|retusch|unscharf|scharf|verschwomm|nep\b|bewerkt|wazig|scherp|gefotoshopt|vals|"
    r"фейк|фотошоп|подделк|настоящ|реальн|размыт|отредакт|сгенерир|фильтр|ч[её]тк|asli|nakli|"
    # German KI (AI), natural / made-up looks: "c'est naturel ?", "ist das KI-generiert?"
    r"ki\b|ki-|natur|естеств|натурал|maquill|geschmink|truccat|maquiad|"
    # what a spoof is shown on: "это экран телефона?", "c'est un écran ?"
    r"экран|[ée]cran|pantalla|schermo|tela\b|scherm|bildschirm|monitor|монитор|telefon|phone|"
    r"повтор|запис|видео|replay|v[ií]deo\b|video\b|жив|"
    r"t[ée]l[ée]phone|handy|m[óo]vil|celular|tablet|планшет|mask|masque|m[aá]scara|maschera|"
    r"masker|маск|распечат|ausdruck|afdruk|impres|stampa|"
    # people nouns: "is this guy ...", "es este señor ...", "è questo signore ..."
    r"se[ñn]or|t[ií][oa]\b|chic[oa]|chaval|signor|tizi|ragazz|mec\b|gars\b|meuf|monsieur|"
    r"madame|dame|type\b|mano\b|moç|rapaz|senhor|cara\b|kerel|jongen|meisje|vent\b|"
    r"mann|frau|typ\b|kerl|junge|mädchen|kind|мужик|парень|девушк|женщин|мужчин|челов|"
    r"bacha|bachcha|bachchi|ladk|aadmi|aurat|"
    # dialect and regional person nouns: Latin American "doñita", "chamaco", "nene/nena";
    # Quebec "ma blonde/mon chum"; Swiss "Bub", "Meitli"; Flemish "manneke"; Brazilian "galera"
    r"do[ñn]it[ao]|do[ñn]a\b|se[ñn]o\b|chamac|chav[oa]\b|pib[ea]|morr[oa]\b|nen[ea]s?\b|"
    r"gur[ií]|gur[ia]s?\b|guagua|cipot|patoj|carnal|compa\b|cuate|blonde\b|chum\b|"
    r"gar[çc]on|bub\b|buebe|meitl|maitl|gofe|manneke|mokske|galera|mano\b|menin|"
    r"moleque|brother\b|bhaiya|sahab|saab|sahib|khatoon|khatun|janab|begum|mohtarma)")
"""Stems of image and authenticity words in the supported languages ("c'est truqué ?", "это
фейк?"): after "is this" they describe the photo, not a name."""
_MADE = re.compile(r"(?:hech[oa]s?|fait(?:e|es|s)?|fatt[oaie]|feit[oa]s?|gemacht|gemaakt|made|"
                   r"cread[oa]s?|criad[oa]s?|cr[ée][ée]e?s?|created|erstellt|hergestellt|"
                   r"сделан\w*|создан\w*)$")
"""Made or created ("esto es hecho con ia", "c'est fait avec l'IA", "это сделано в ИИ"): what
follows says how the photo was made, not a name."""
_ADJECTIVE_END = re.compile(r"(?:at[oaie]|it[oaie]|ut[oaie]|os[oaie]|ad[oa]s?|id[oa]s?|ent[ei]|"
                            r"ant[ei]|[ée]e?s?|eux|euse|ed|ing|ый|ий|ой|ая|ен|на)$")
"""Adjective and participle endings ("è incazzato?", "es guapo?" aside): not a name alone."""

_PLACE_HEADS = ("San|Santa|Santo|Saint|Sainte|St|Sankt|Sint|São|Semana|Settimana|Piazza|Plaza|"
                "Place|Platz|Praça|Plein")
"""First words of a saint's, a square's or a holy week's name ("piazza San Pietro", "Semana
Santa"): a place or a feast, not a person."""
_CAPITALISED = re.compile(
    rf"(?<=[a-z,] )(?!(?:{_NOT_NAMES[3:-1]}|I|I'm|I've|I'd|AI|OK|{_PLACE_HEADS})\b)"
    r"([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)+)\b(?:\s+([a-z-]+))?")
"""Two or more capitalised words inside a sentence: a person's name ("how old is Brad Pitt"),
unless they end in or come before a thing ("Ray Ban glasses", "Apple Watch": a brand)."""
_SALUTATION = re.compile(r"(?:(?:Dear|Mr|Mrs|Ms|Miss|Sir|Madam|Mx|Dr)\.?\s*)+$")
"""A letter's salutation ("Dear Mr or Dear Ms?"): a form of address, not a name."""
_THINGS = frozenset(
    "hat cap shirt t-shirt jersey glasses sunglasses watch jacket hoodie headphones earbuds logo "
    "costume mask filter app brand phone bridge tower building cathedral church temple palace "
    "castle museum park square station statue monument beach mountain lake river street "
    "avenue hotel stadium arena garden gardens wall gate falls".split())
_DOCUMENT = re.compile(
    r"(?i:scan|ausweis|passport|paspoort|passfoto|passbild|führerschein|rijbewijs|webcam|"
    r"videocall|screenshot|cctv|camera|kamera|selfie|\bpass\b)")
"""A document or frame the photo is ("the person on the Passscan", "Personalausweis-Scan"): the
capitalised words name the image, not a person."""
TITLE_CASE_SHARE = 0.5
"""Share of capitalised words above which a question is in title case and capitals say
nothing ("How Old Is This Person?")."""


@cache
def katakana_words() -> frozenset[str]:
    """Katakana runs of the generated Japanese questions (names left out), and image words."""
    texts = [q.text for q in generate_questions()
             if q.lang == "ja" and not q.template.startswith("identity-name")]
    runs = {w for t in texts for w in re.findall(r"[ァ-ヺー・]{2,}", t)}
    return frozenset(runs) | KATAKANA_IMAGE_WORDS


@cache
def question_words() -> frozenset[str]:
    """Every word of the generated questions and English templates, names left out: words
    that FaceVQA's questions use."""
    texts = [q.text for q in generate_questions() if not q.template.startswith("identity-name")]
    texts += [q for _, _, q in all_templates()]
    return frozenset(w for t in texts for w in re.findall(r"[^\W\d_]+", t.lower()))


_FILLERS = frozenset(
    "schon noch auch jetzt hier da denn mal eigentlich already still al nog ook nu wel eens "
    "ya todavía déjà encore già ancora já ainda уже ещё еще".split())
"""Adverbs that stand where a surname would ("ist das kind schon ein teenager?")."""


def _ordinary(word: str, known: Callable[[str], bool]) -> bool:
    """A known word, an image word, a filler adverb, or a known word with two letters swapped
    (a typo)."""
    word = word.strip("'-")
    if known(word) or word in _FILLERS or _IMAGE_WORDS.match(word):
        return True
    swaps = (word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1))
    return any(known(w) for w in swaps)


_AFTER_LAST_QUESTION = re.compile(r"(?<=[?？؟])[^?？؟]*[^?？؟\s.!。！][^?？؟]*[.!。！]\s*$")


def asked_part(text: str) -> str:
    """The text up to its last question mark: a statement after it, closed by a full stop
    ("... in a cap? It's not allowed at school.", "... в кепке? Им это запрещено."), is a
    remark, not a name asked ("lebron?? or just some tall dude" is kept whole)."""
    return _AFTER_LAST_QUESTION.sub("", text)


def named_person(lowered: str, cased: str, known: Callable[[str], bool],
                 english: bool) -> str | None:
    """The text that names a person in the question, or None.

    `lowered` and `cased` are the cleaned question with and without its case; `known` says
    whether a lowercased word is a word FaceVQA's questions (or English) use; `english` turns
    on the capitalised-words rule (German capitalises every noun, so it is English only).
    """
    for pattern, surname in ((_NAMED, False), (_NAMED_SURNAME, True), (_HINGLISH, True)):
        for m in pattern.finditer(cased if surname else lowered):
            words = [w for w in m.groups() if w]
            if (pattern is _NAMED and len(words) == 2 and words[0] in _ARTICLE_BEFORE_NAME
                    and not _ENGLISH_THIS_IS.match(m.group(0))):
                words = words[1:]  # "essa é a Anitta": an article before a first name
            elif words[0].lower() in _ARTICLES | PHOTO_NOUNS | _PREPOSITIONS | _PRONOUNS \
                    or _MADE.match(words[0].lower()) or words[0].lower().startswith(("l'", "d'")):
                continue
            if surname and (len(words) < 2 or words[0][0].isupper() != words[1][0].isupper()
                            or _person_word(words[0], known)):
                continue  # "Ist das Kleinkind verärgert?": a noun and an adjective, not a name
            if pattern is _HINGLISH and any(w.lower() in HINGLISH_NOT_NAMES for w in words):
                continue
            odd = [len(w) >= MIN_NAME_LEN and not _ordinary(w.lower(), known) for w in words]
            if odd[-1] if surname else any(odd):
                return m.group(0)
    m = _HINGLISH_ONE.search(lowered)
    if m and len(m[1]) >= MIN_NAME_LEN and m[1] not in HINGLISH_NOT_NAMES | HINGLISH_WORDS \
            and m[1] not in question_words() and not _IMAGE_WORDS.match(m[1]) \
            and not _task_word(m[1]):  # English words are no test here ("salman")
        return m.group(0)
    m = _COPULA_ONE.search(lowered)
    if m and len(m[1]) >= 4 and not _ordinary(m[1], known) and not _task_word(m[1]) \
            and not _ADJECTIVE_END.search(m[1]):
        return m.group(0)
    m = _LOOK_LIKE.search(lowered)
    if m and all(len(w) >= MIN_NAME_LEN and w not in question_words() and not _task_word(w)
                 and w not in _ARTICLES | SUBJECT_WORDS and not _IMAGE_WORDS.match(w)
                 and not _FAMILY.match(w) for w in m.groups()):
        return m.group(0)
    for m in _REPORTED.finditer(cased):
        word = m[1] or m[2]
        if len(word) >= MIN_NAME_LEN and not _ordinary(word.lower(), known):
            return m.group(0)
    m = _NAMED_ALONE.search(lowered)
    if m and len(m[1]) >= MIN_NAME_LEN and not _ordinary(m[1], known):
        return m.group(0)
    m = _LEADING_NAME.search(cased.lower())  # as typed: "cr7" is no typo
    if m and any(len(w) >= MIN_NAME_LEN and not _task_word(w)
                 and (not _ordinary(w, known) or re.search(r"\d", w))
                 for w in m.groups() if w):  # "cr7": letters and a number, a nickname
        return m.group(0)
    for pattern in (_KATAKANA, _KATAKANA_LEAD):
        m = pattern.search(cased)
        if m and m[1] not in katakana_words():
            return m.group(0)
    if english:
        words = re.findall(r"[^\W\d_]+", cased)[1:]  # the first word is capitalised anyway
        capitals = sum(w[0].isupper() for w in words)
        if words and capitals <= TITLE_CASE_SHARE * len(words):
            for m in _CAPITALISED.finditer(cased):
                last = [m[1].split()[-1].lower(), m[2] or ""]
                if _DOCUMENT.search(m[1]) or _SALUTATION.match(m[1]):
                    continue
                if not any(w in _THINGS or w[:-1] in _THINGS for w in last):
                    return m[1]
    return None


# A named subject of a task question: "how old is <name> in this pic?" asks who it is. The subject
# of a task question is a pronoun, a demonstrative or a person noun; anything else is a name.
_AGE_FRAMES = (
    r"\bhow old (?:is|was|does|did)", r"\bwhat age is",  # English
    r"\bqu[eé] edad (?:tiene|ten[ií]a|aparenta)", r"\bcu[aá]ntos años (?:tiene|ten[ií]a|aparenta|parece tener)",
    r"\bquel [âa]ge (?:a|avait|fait)(?: l'air d'avoir| semble avoir)?", r"\bwie alt (?:ist|war|wirkt|sieht)",
    r"\bquanti anni (?:ha|aveva|dimostra)", r"\bquantos anos(?>(?: (?:tem|tinha|aparenta|parece ter|parece))?)",
    r"\bhoe oud (?:is|was|lijkt|oogt|ziet)",
    r"\bсколько лет(?: (?:на вид|выглядит|выглядят|выглядел[аи]?|можно дать|дашь))?", r"\bكم (?:يبدو |تبدو )?عمر",
)
_AFTER_FRAME = re.compile(rf"(?:{'|'.join(_AGE_FRAMES)})\s+({_WORD})(?:\s+({_WORD}))?", re.I)
SUBJECT_WORDS = frozenset(
    "this that these those the a an he she they it him her his my your our their someone "
    "anyone everyone everybody somebody you i we one roughly approximately about around "
    "probably really actually exactly el la los las este esta ese esa aquel aquella él ella "
    "usted mi tu su más menos aproximadamente ce cet cette il elle on t til telle mon ma ton ta "
    "son sa "
    "environ der die das dieser diese dieses er sie es mein meine dein deine sein seine ihr "
    "ihre man ungefähr etwa wohl hier da il lo quest questo questa quello quella lui lei mio "
    "mia più circa secondo o os as um uma este esta esse essa ele ela você voce meu minha seu "
    "sua mais aproximadamente de het deze die dit dat hij zij ze mijn jouw zijn haar ongeveer "
    "этот эта это этому этой тому той ему ей им его её ее моему моей ваш вашему примерно на "
    "вид может было будет peu près pres "
    "هذا هذه ذلك تلك هو هي "
    "tem tinha aparenta "
    "ahí aquí allí allá acá là ici qui lì là hier dort daar aí aqui ali lá тут здесь там "
    # spoken pronouns: Dutch "hoe oud is ie", "hoe oud is 'm"; Russian "сколько лет он"
    "ie 'ie em 'm ze он она оно они "
    # "how old would you say": the asker as the subject ("сколько лет ты бы дал", "quanti
    # anni gli daresti")
    "ты вы бы you tú tu du jij je ты бы вы бы".split())
"""Subjects of an age question other than person nouns: pronouns, demonstratives, articles,
possessives, hedges and place adverbs ("¿qué edad aparenta ahí?"), in the supported
languages; and the frame's own verb when nothing
follows it ("..., quantos anos tem?")."""
_ARTICLE_BEFORE_NAME = frozenset("a o la il el lo le".split())
"""Articles that also go before a first name in speech ("o Neymar", "la Ferragni")."""
_FAMILY = re.compile(
    r"(?:abuel|padre|madre|pap[aá]|mam[aá]|niñ|beb[eéê]|hij|herman|nonn|bambin|figli|fratel|"
    r"sorel|av[ôó]|vov|pai\b|m[ãa]e|filh|irm|opa|oma|vater|mutter|baby|bruder|schwester|"
    r"vader|moeder|broer|zus|папа|мама|дед|бабушк|реб[её]н|сын|доч|брат|сестр|p[èe]re|m[èe]re|"
    r"grand|enfant|fils|fille|fr[èe]re|s(?:œ|oe)ur|grandpa|grandma|mom|dad|son\b|daughter|"
    r"padrinh|madrinh|padrin|madrin|parrain|marraine|godfather|godmother|peetoom|peettante|"
    r"крёстн|крестн|"
    r"(?:جد|جدة|جدي|جدتي|أبي|ابي|أبو|ابو|أمي|امي|أخي|اخي|أختي|اختي|ابني|ابنتي|بنتي|ولدي|طفلي|"
    r"عمي|عمتي|خالي|خالتي|زوجي|زوجتي|حفيدي|حفيدتي)\b)")
"""Family nouns: "how old is grandpa here?" asks an age, not a name."""
_ZH_SUBJECT = re.compile(r"的(?!看起来|看上去)([^的\s，,。？?！!]{1,8}?)"
                         r"(?:看起来|看上去|大概|大约|现在|今年)?有?(?:多大|几岁|多少岁)")
_ZH_LEAD = re.compile(r"^\W*([^\W\d]{2,4}?)在(?:这张|这个|这|照片|图片|图|画面)[^，,。？?！!\s]{0,8}?"
                      r"(?:看起来|看上去)?(?:大概|大约)?有?(?:多大|几岁|多少岁)")
"""A Chinese age question that opens on its subject ("刘德华在这张照片里看起来多大？")."""
_JA_SUBJECT = re.compile(r"の([^の\s、,。？?！!]{1,10}?(?:さん|ちゃん|くん|様)?)(?:って|は|、)?\s*"
                         r"(?:おおよそ|およそ|だいたい|大体|大概|実際)?\s*"
                         r"(?:何歳|なんさい|何才|いくつ)")
_JA_KIN = re.compile(r"^(?:お?(?:ばあ|じい|ばば|じじ|ねえ|にい|かあ|とう|婆|爺|姉|兄|母|父)|"
                     r"おば|おじ|おっ|おかん|おとん|にい|ねえ|ぼん|坊|"
                     r"赤|息子|娘|孫|祖母|祖父|妹|弟|奥|旦那|嫁)(?:さん|ちゃん|くん|様|さま|はん)?$")
"""Japanese kinship and person nouns with or without an honorific, Kansai ones too
("このおばあちゃん何歳？", "このおっちゃん", "おばはん", "おかん"): not a name."""
_HI_SUBJECT = re.compile(r"(\S+)\s+(\S+)\s+(?:कितने साल|कितनी उम्र|की उम्र)")
ZH_PERSON_NOUNS = frozenset(
    "人 男人 女人 男性 女性 男子 女子 男生 女生 孩子 小孩 小孩子 宝宝 婴儿 老人 女孩 "
    "男孩 女孩子 男孩子 小伙子 姑娘 人物 他 她 这个人 那个人 这位 先生 女士 阿姨 叔叔 "
    "大叔 小朋友 美女 帅哥".split())
JA_PERSON_NOUNS = frozenset(
    "人 方 子 男性 女性 男 女 子ども 子供 彼 彼女 人物 赤ちゃん 少年 少女 おじさん おばさん "
    "おじいさん おばあさん お年寄り 若者 学生 モデル 男子 女子 人たち".split())
HI_PERSON_NOUNS = frozenset(
    "लड़के लड़का लड़की आदमी औरत महिला पुरुष बच्चे बच्चा बच्ची व्यक्ति इंसान शख्स बंदा बंदे बंदी "
    "अंकल आंटी ये यह वो वह "
    # Urdu-flavoured and polite person nouns and honorifics ("इन साहब की उम्र", "ख़ातून की उम्र")
    "साहब साहिब साहिबा ख़ातून खातून शख़्स शख्स जनाब बेगम मोहतरमा हज़रत हजरत बुज़ुर्ग बुजुर्ग "
    "सज्जन महोदय महोदया भाईसाहब भाई बहन बहनजी दीदी भैया भाभी चाचा चाची मामा मामी बाबा "
    "बालक बालिका नौजवान जवान बूढ़ा बूढ़ी बुढ़िया मियाँ बीबी "
    # institutional person nouns ("मरीज़ की उम्र", "उम्मीदवार की उम्र")
    "मरीज़ मरीज उपयोगकर्ता ग्राहक उम्मीदवार मेहमान यात्री कर्मचारी छात्र छात्रा".split())
"""Person nouns between の/的 and the age word ("照片里的女人多大了？"), and Hindi person nouns
and pronouns before it ("रंग लगे लड़के की उम्र", "ये कितने साल का है")."""
_JA_CLAUSE = re.compile(r"(?:けど|けれど|から|ので|して|てる|ている|ます|です|だ|とき|時|頃|ころ|当時)$")
"""A segment ending like a clause ("巫女さんのコスプレしてるけど、何歳"): not a subject."""


@cache
def _learned_subjects() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Subjects of the generated age questions (Latin/Cyrillic/Arabic first words, Chinese and
    Japanese segments): every subject FaceVQA's own questions use is a known subject."""
    texts = [q.text for q in generate_questions() if not q.template.startswith("identity")]
    words = {m[1] for t in texts for m in _AFTER_FRAME.finditer(t.lower())}
    zh = {m[1] for t in texts for m in _ZH_SUBJECT.finditer(t)}
    ja = {m[1] for t in texts for m in _JA_SUBJECT.finditer(t)}
    return frozenset(words), frozenset(zh) | ZH_PERSON_NOUNS, frozenset(ja) | JA_PERSON_NOUNS


@cache
def hindi_words() -> frozenset[str]:
    """Whitespace-separated words of the generated Hindi questions (vowel signs split \\w)."""
    texts = [q.text for q in generate_questions()
             if q.lang == "hi" and not q.template.startswith("identity")]
    return frozenset(w.strip("?।.,!") for t in texts for w in t.split())


_PERSON_STEMS = re.compile(
    r"(?:мальчик|мальчишк|девоч|девушк|парн|пацан|мужчин|женщин|человек|реб[её]н|подрост|"
    r"малыш|старик|старушк|дяд|т[её]т|персонаж|геро|"  # Russian, any case ("мальчику")
    r"personaj|personnag|personaggi|personag|figur|character|hero|villain|protagon|"
    # institutional person nouns ("quanti anni dimostra il paziente", "the guest pictured")
    r"pazient|patient|pacient|patiënt|пациент|client|klant|kund|клиент|guest|ospit|hu[ée]sped|"
    r"gast|гост|passeng|passegg|pasajer|viajer|travel|voyageu|reisend|viaggiator|viajant|reiziger|"
    r"candidat|applicant|solicitant|bewerber|sollicitant|кандидат|employ|impiegat|empleado|"
    r"mitarbeiter|medewerker|сотрудник|student|alunn|alumn|[ée]l[èe]ve|sch[üu]ler|leerling|учени|"
    r"user|utent|usuari|utilisat|nutzer|gebruiker|пользовател)")
"""Person and character nouns in any case or gender ("сколько лет мальчику", "этому
персонажу", "quel âge a ce personnage"): a subject, not a name."""


_CJK_PRONOUNS = frozenset("我 你 他 她 它 我们 你们 他们 她们 私 僕 俺 あなた 彼 彼女".split())
"""A pronoun between 的/の and the age word ("照片里的我几岁"): someone referred to, not named."""


def _person_word(word: str, known: Callable[[str], bool]) -> bool:
    """A subject word, a person noun (image/person stems) or a learned subject."""
    word = word.lower().strip("'-")
    if word.startswith(("l'", "d'")):  # "quel âge a l'enfant"
        word = word[2:]
    return (word in SUBJECT_WORDS or word in _learned_subjects()[0] or word.startswith("ال")
            or bool(_IMAGE_WORDS.match(word) or _FAMILY.match(word)
                    or _PERSON_STEMS.match(word)))


def _no_nukta(word: str) -> str:
    """A Devanagari word without its nukta ("ख़ातून" and "खातून" are typed both ways)."""
    return unicodedata.normalize("NFD", word).replace("\u093c", "")


def named_subject(cased: str, known: Callable[[str], bool]) -> str | None:
    """The name in the subject slot of an age question ("quanti anni ha Gianna Nannini"), or None.

    The word after "how old is" (and its translations) must be a subject word or person noun;
    after an article that also goes before names ("o Neymar"), the next word must be known
    and lowercase. Chinese and Japanese: the segment between 的/の and the age word must be a
    person noun; Hindi: one of the two words before the age word must be a known word.
    `cased` is the cleaned question with its case kept; `known` as for named_person.
    """
    for m in _AFTER_FRAME.finditer(cased):
        first, second = m[1], m[2] or ""
        if first.lower() in _ARTICLE_BEFORE_NAME and second:
            if second[0].isupper() or not (_ordinary(second.lower(), known)
                                           or _person_word(second, known)):
                return m.group(0)
        elif not _person_word(first, known) and first.lower() not in _PRONOUNS:
            return m.group(0)  # "на сколько лет я выгляжу": the asker, no name
    _, zh, ja = _learned_subjects()
    for pattern, nouns in ((_ZH_SUBJECT, zh), (_ZH_LEAD, zh), (_JA_SUBJECT, ja)):
        for m in pattern.finditer(cased):
            if pattern is _JA_SUBJECT and (_JA_CLAUSE.search(m[1]) or _JA_KIN.match(m[1])):
                continue
            if m[1] not in nouns and not any(m[1].endswith(n) for n in nouns) \
                    and m[1] not in _CJK_PRONOUNS:
                return m.group(0)
    for m in _HI_SUBJECT.finditer(cased):
        if not (m[1] in hindi_words() or m[2] in hindi_words()
                or _no_nukta(m[2]) in {_no_nukta(w) for w in HI_PERSON_NOUNS}):
            return m.group(0)
    return None
