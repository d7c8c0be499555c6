"""What FaceVQA refuses, as data: identifying people, inferring sensitive traits from a face,
and attempts to override the instructions. The router checks these before anything else."""

from __future__ import annotations

import re
from dataclasses import dataclass

from facevqa.tasks.policy_proxies import PROXIES
from facevqa.tasks.policy_words import BEAUTY_WORDS, SCALE_WORDS, WORDS
from facevqa.tasks.routing_rules import drop_own_sight
from facevqa.tasks.routing_words import match_rule, match_words

_PERSON = r"(?:person|man|woman|guy|girl|boy|lady|kid|child|individual|subject|dude|face|people)"
_WHO = rf"(?:he|she|they|the {_PERSON}|this {_PERSON}|that {_PERSON})"
"""A person as the subject; a bare "this"/"it" could be an object ("what is this called?")."""
_SUBJ = rf"(?:{_WHO}|this|that|it)"
_OBJECTS = (r"(?:braids?|food|fries|shepherd|cat|dog|flag|style|hat|dress|clothing|outfit|"
            r"headdress|costume|jewel\w*|restaurant|text|writing|script|letters?|suit|cuisine|"
            r"architecture|landmark|building)")
"""Nouns after a nationality word that make it about a thing, not the person (French braid)."""
_NATIONS = (
    "asian|african(?:[- ]american)?|caucasian|hispanic|latin[oax]|latinx|arab|arabic|"
    "middle[- ]eastern|indian|pakistani|bangladeshi|chinese|japanese|korean|vietnamese|"
    "filipin[oa]|thai|indonesian|mexican|european|american|british|french|german|italian|"
    "spanish|russian|ukrainian|polish|nigerian|ethiopian|somali|kenyan|egyptian|turkish|"
    "persian|iranian|iraqi|syrian|afghan|israeli|palestinian|brazilian|colombian|irish|"
    "scottish|greek|native american|indigenous|aboriginal|mixed[- ]race|biracial|gypsy|"
    # not the city: "foto scattata a Roma", "di Roma" ("is she a Roma?" is)
    "(?<!di )(?<!da )(?<!ta a )(?<!to a )(?<!in )(?<!de )roma")

_NOT_NAMES = (
    "(?:Real|Fake|Genuine|Authentic|Photoshopped|Edited|Filtered|Live|Alive|Human|Person|Man|"
    "Woman|Girl|Boy|Guy|Lady|Kid|Child|Happy|Sad|Angry|Okay|Legit|True|False|Spoof|Printed|"
    "Screen|Photo|Picture|Image|Selfie|Mask|Really|Actually|Smiling|Old|Young|Male|Female|"
    "Makeup|Glasses|Art|Drawing|Painting|Cartoon|Video|Replay|Print|Paper)")
"""Capitalised words after "is this" that are not names ("Is this Real?")."""

_NOT_SOMEONE = (r"(?! (?:photo|picture|image|pic|person|man|woman|guy|lady|girl|boy|kid|"
                r"child|face|one)\b)")
"""Not a photo or a person noun after "is this": "is this person in their twenties?" asks an
age, "is this Brad Pitt in his twenties?" an identity."""
_YOUTH = (r"(?:when (?:he|she|they) (?:was|were) (?:young|younger|little|small|a kid|a child|a "
          r"baby|a teen\w*|a boy|a girl|in (?:school|college))|as a (?:kid|child|baby|teen\w*|"
          r"boy|girl|young (?:man|woman))|in (?:his|her|their) (?:youth|teens|twenties|20s|"
          r"younger (?:days|years))|back in the day|years ago)\b")
"""A time when the person was younger: asking whether a photo is someone then is identity."""
_UNDONE = (r"(?:without|with no|before|after) (?:(?:her|his|their|the|any) )?(?:make-?up|"
           r"plastic surgery|surgery|filters?|photoshop|botox|fame|getting famous)\b")
"""The person without their usual look (makeup, a filter, surgery): "is this <someone> without
makeup?" asks who it is, like asking about their youth."""

_HEADWEAR = (r"head ?scarf|head ?scarves|head ?covering|head ?wear|head ?dress|veil|scarf|hat|"
             r"cap|turban|kopftuch|kopfbedeckung|schleier|hoofddoek|hoofddeksel|sluier|платок|"
             r"платке|головн\w* убор\w*|покрывал\w*")
_HEADWEAR_AFTER = (r"pañuelo|velo|foulard|voile|lenço|véu|turbante|turban|copricapo|tocado|"
                   r"fazzoletto")
_RELIGIOUS = (r"religious|religi[öo]se[nrs]?|religios[oa]s?|religieu(?:x|se)|religieuze?|"
              r"религиозн\w*")
_RELIGIOUS_HEADWEAR = re.compile(
    rf"\b(?:{_RELIGIOUS})\s+(?=(?:{_HEADWEAR})\b)|\b({_HEADWEAR_AFTER})\s+(?:{_RELIGIOUS}|"
    r"(?:de|do|da) (?:candombl[ée]|umbanda|santer[ií]a|ax[ée]))\b",
    re.I)
"""'A religious headscarf' names headwear, an appearance attribute; the adjective is dropped
before the rules read the question ("is she religious?", "... for religious reasons" still
refuse)."""

_COSTUME = re.compile(
    r"\b(?:dressed(?: up)? as|disguised as|costumed as|cosplaying(?: as)?|(?:in|wearing) (?:a|an|"
    r"her|his|their) costume of)\s+(?:a |an |the )?\w+|\b(?:\w+ ){0,2}\w+ (?:costume|cosplay)\b"
    r"|\b(?:vestid[oa]|disfrazad[oa]|caracterizad[oa]) de\s+(?:una? )?\w+"
    r"|\bdisfraz de\s+(?:una? )?\w+"  # Spanish
    r"|\b(?:vestid[oa]|fantasiad[oa]) (?:de|como)\s+(?:um |uma )?\w+|\bfantasia de\s+\w+"  # pt
    r"|\bd[ée]guis[ée]e?s? en\s+(?:une? )?\w+|\b(?:costume|d[ée]guisement) de\s+\w+"  # French
    r"|\bverkleidet als\s+(?:eine?[nr]? )?\w+|\bals \w+ verkleidet\b|\b\w+kost[üu]m\b"  # German
    r"|\b(?:vestit[oa]|travestit[oa]|mascherat[oa]) da\s+(?:una? )?\w+|\bcostume da\s+\w+"  # it
    r"|\bverkleed als\s+(?:een )?\w+|\b\w+kostuum\b"  # Dutch
    r"|\b(?:переодет\w*|наряжен\w*) (?:в|как)\s+\w+|\bкостюм\w*\s+\w+"  # Russian
    r"|(?:扮成|打扮成|装扮成|cos成)[^\s，。？?！!的]{1,4}"  # Chinese
    r"|[^\s、。？?！!の]{1,6}(?:さん)?の(?:コスプレ|仮装|コスチューム)"  # Japanese
    r"|\bمتنكر[ةا]?(?: في زي| بزي)?\s+\S+|\bبزي\s+\S+"  # Arabic
    r"|\S+ (?:की|का) (?:ड्रेस|पोशाक|कॉस्ट्यूम)",  # Hindi
    re.I)
"""A costume or dress-up ("dressed as a nun for Halloween", "vestido de padre", "巫女さんの
コスプレ"): what a person is dressed as is clothing, not a trait, so the role is dropped
before the rules read the question."""
_ARTIFICIAL_INTELLIGENCE = re.compile(
    r"\bartificial intelligence\b|\bintelligen\w* artifici\w*|\binteligen\w* artifici\w*"
    r"|\bk[üu]nstlich\w* intelligenz\b|\bkunstmatige intelligentie\b"
    r"|\bискусственн\w* интеллект\w*"
    r"|(?:ال)?ذكاء (?:ال)?اصطناعي|人工智能|人工知能|कृत्रिम बुद्धि\S*|आर्टिफिशियल इंटेलिजेंस",
    re.I)
""""Artificial intelligence" in the supported languages: the maker of an image, not a
person's intelligence (a character trait)."""

_PHOTO_CUE = (r"(?:photo|foto|pic|picture|image|imagen|immagine|imagem|afbeelding|bild|shot|"
              r"selfie|taken|scattat|fatt[ao]|prise|tomad|tirad|gemacht|genomen|снят|снимок|"
              r"фото|照片|拍|写真|撮|صورة|फोटो|तस्वीर)")
_PHOTO_CUE_RE = re.compile(_PHOTO_CUE, re.I)
_THIS_IS_MY = re.compile(
    r"\b(?:this is|that is|here is|esse é|essa é|este é|esta é|aqui (?:está|é)|este es|esta es|"
    r"aquí está|c'est|voici|voilà|das ist|hier ist|dit is|hier is|questo è|questa è|ecco|это|вот)"
    r" (?:my|meu|minha|mi|mis|mon|ma|mes|mein|meine|mijn|mio|mia|il mio|la mia|o meu|a minha|"
    r"мой|моя|мои|наш|наша)\b", re.I)
"""Introducing one's own relative ("esse é meu avô no terreiro"): the question is about a photo,
as with a photo word."""
_WORSHIP_PLACES = (r"(?:mosques?|moschea|mezquita|mosqu[ée]e|moschee|moskee|mesquita|мечет\w*|"
                   r"churche?s?|chiesa|iglesia|[ée]glise|kirche|kerk|igreja|церкв\w*|церков\w*|"
                   r"храм\w*|tserkv\w*|cathedral|cattedrale|catedral|cath[ée]drale|dom|temples?|"
                   r"tempio|templo|tempel|synagogue|sinagoga|synagoge|terreiros?|shrines?|"
                   r"santu[áa]rios?|sanctuaires?|pagod[ae]s?|gurdwaras?)")
_EVENTS = (r"(?:procession|procesi[oó]n|processione|prozession|semana santa|settimana santa|"
           r"easter|pasqua|pascua|p[âa]ques|ostern|pasen|p[áa]scoa|пасх\w*|paskhal\w*|christmas|"
           r"natale|navidad|no[ëe]l|weihnacht\w*|kerst\w*|holi|diwali|eid|wedding|boda|"

           r"matrimonio|mariage|hochzeit|bruiloft|casamento|свадьб\w*|madame tussauds|"
           r"wax museum|museo delle cere|wachsfigurenkabinett|"
           r"election(?: night)?(?: party| rally| event)?|(?:campaign )?rall(?:y|ies)|"
           # a political gathering: the photo's setting, not the person's views
           r"campaign (?:event|speech|stop)|(?:protest|demonstration|demo)s?|"
           r"(?:comizi|mitin|com[ií]cio|meeting|manif|manifestaci[oó]n|manifestazione|"
           r"manifesta[çc][ãa]o|kundgebung|wahlkampf|wahlveranstaltung|betoging|"
           r"verkiezingsbijeenkomst|митинг|демонстраци)\w*(?: (?:elettoral|electoral|[ée]lectoral|"
           r"eleitoral|pol[ií]tic|politiqu)\w*)?|"
           # a party's own event ("Parteiveranstaltung", "congrès du parti", "съезд партии")
           r"partei(?:veranstaltung|tag|treffen|versammlung|kongress|fest)\w*|"
           r"partij(?:bijeenkomst|congres|dag)\w*|party (?:conference|convention|congress|event|"
           r"meeting|gathering)s?|(?:congr[eè]s|congreso|congresso|convention|r[ée]union|"
           r"reuni[oó]n|reuni[ãa]o|riunione|evento|[ée]v[ée]nement|festa|fiesta|f[êe]te) "
           r"(?:du|del|do|da|dello|of the) (?:parti|partido|partito|party)\b|"
           r"(?:съезд\w*|собрани\w*|мероприяти\w*) партии|партийн\w* (?:съезд|собрани|"
           r"мероприяти|митинг)\w*|(?:election|campaign|stump) speech(?:es)?|"
           # a hospital bed or maternity ward: where the photo was taken, not a health state
           r"hospital bed|maternity(?: ward)?|krankenhausbett\w*|kreißsaal|ziekenhuisbed\w*|"
           r"kraam(?:afdeling|zaal)|letto d'ospedale|maternit[àé]|lit d'h[ôo]pital|"
           r"cama d[eo] hospital|maternidad|maternidade|больничн\w* (?:койк|палат)\w*|роддом\w*)")
_AT = (r"\b(?:at|in front of|outside|inside|near|after|during|in|en|delante de|frente a|"
       r"fuera de|despu[ée]s de|durante|davanti(?: a)?|fuori(?: da)?|dopo|nella|nel|devant|"
       r"al|au|aux|am|beim|ao|à|auf|"
       # the way out of or into a venue ("à la sortie de la mosquée", "am Ausgang der Kirche")
       r"(?:sortie|entr[ée]e|salida|entrada|uscita|ingresso|sa[íi]da|ausgang|eingang|exit|"
       r"entrance|uitgang|ingang|выход\w*|вход\w*)(?: (?:de la|de l'|du|de|del|della|dell'|"
       r"dalla|da|do|der|des|of the|of|van de|van|из|в|у))?|"
       r"(?:photo|foto|pic|picture|bild|immagine|imagen|imagem)(?: (?:de|del|of|from|van|von|di|"
       r"della|do|da|du))?|"
       r"apr[èe]s|pendant|dans|bei|vom|vor|nach|im|w[äa]hrend|bij|voor|na|tijdens|op|em|no|"
       r"em frente (?:à|ao|a)|depois d[aoe]|в|во|на|у|с|со|возле|после|перед|v|posle|u)\s+"
       r"(?:(?:the|a|an|der|die|dem|den|einer|einem|la|el|le|il|l'|une|un|una|een|de|het|o|"
       r"al|alla|allo|della|del|des|du|da|do)\s+)?(?:[\w'-]+\s+){0,2}?")
_OF_TOWN = r"(?:\s+(?:di|de|of|in|von|van) (?:[\w'-]+\s+)?[\w'-]+)?"
_HOLIDAYS = (r"(?:ramadan|ramad[ãa]n|ramazan|рамадан\w*|iftar|ифтар\w*|hajj|umrah|navratri|"
             r"durga puja|hanukk?ah|chanukk?ah|yom kippur|rosh hashanah?|passover|pessach|p[eé]saj|"
             r"bar mitzvah?|bat mitzvah?|baptism|christening|bautizo|bautismo|bapt[êe]me|taufe|"
             r"doop|batismo|battesimo|крещени\w*|(?:first|primera|premi[èe]re|erste|prima|primeira|"
             r"eerste) (?:holy )?(?:communion|comuni[oó]n|kommunion|comunione|comunh[ãa]o|"
             r"communie))")
_HOLIDAY_SETTING = re.compile(
    r"\b(?:(?:photo|foto|pic|picture|selfie|bild|immagine|imagen|imagem|фото|снимок)s?\s+"
    r"(?:de|du|des|of|from|at|van|von|vom|di|del|della|do|da|dal|из|с|со)|during|pendant|durante|"
    r"w[äa]hrend|tijdens|во время|на|au|en|in|am|im|at|bei|beim|bij|al|nel|no|na)\s+"
    r"(?:(?:the|le|la|l'|el|il|lo|o|a|de|het|der|dem|den|die)\s*)?" + _HOLIDAYS + r"\b"
    r"|(?:رمضان|الإفطار|الافطار|العيد)\s*(?:صورة)?|ラマダン(?:の|で)|斋月(?:期间|时|的)"
    r"|(?:रमज़ान|रमजान|इफ्तार|नवरात्रि)\s+(?:की|के|में|वाली)", re.I)
"""A religious holiday or rite as when a photo was taken ("photo du ramadan", "foto van de
doop", "during iftar"): only right after a photo word or a time preposition, so "a tête à
faire le ramadan" (keeping it) still refuses."""
_SETTING = re.compile(
    rf"{_AT}{_EVENTS}\b(?:\s+(?:religios[oa]s?|religieuses?|religi[öo]se?[nr]?|religieuze?|"
    rf"religious|религиозн\w*|cat[oó]lic[oa]s?|catholiques?|cattolic[oa]))?{_OF_TOWN}"
    # the same with the place first (Chinese, Japanese, Hindi, Arabic)
    r"|在[^，。？?！!\s]{0,8}(?:庙会|婚礼|春节)[^，。？?！!\s]{0,4}"
    r"|[^、。？?！!\s]{0,8}(?:結婚式|お祭り)(?:で|にて)"
    r"|(?:होली|दिवाली|ईद|शादी)\s+(?:पार्टी\s+)?(?:की|के|में)\s+(?:फोटो|तस्वीर)"
    r"|(?:पार्टी\s+(?:की|के)\s+)?(?:चुनावी\s+)?(?:रैली|सभा)\s+में"
    r"|在[^，。？?！!\s]{0,8}(?:集会|竞选|游行|演讲|病床|产房)[^，。？?！!\s]{0,4}"
    r"|(?:竞选|选举)?(?:集会|演讲|游行)(?:上|时)?的(?:照片|图片)"
    r"|(?:選挙の?)?(?:街頭)?(?:演説|集会|デモ|党大会)会?(?:中|で|の会場|の(?:写真|画像|動画))|(?:病院の)?(?:ベッド|病床|産婦人科)で"
    r"|\b(?:من|في|خلال|أثناء) (?:صورة )?(?:ال)?(?:تجمع|مهرجان|مسيرة|مظاهرة|حملة|مؤتمر)"
    r"(?: ال?انتخابي\w*| ال?حزب\S*)?"
    r"|\b(?:من|في|أمام|بعد) (?:فرح|عرس|زفاف|حفلة|خطوبة|العيد)(?: \S+)?",
    re.I)
_PRIDE = (r"(?:(?:gay |lgbt\w*\+? )?pride(?: (?:parade|march|festival|event|week|month))?|"
          r"(?:gay|lgbt\w*\+?|queer|rainbow) (?:parade|march|pride)|"
          r"(?:desfile|marcha|fiesta) del orgullo(?: gay| lgbt\w*\+?)?|orgullo (?:gay|lgbt\w*\+?)|"
          r"marche des fiert[ée]s|gay pride|csd|christopher street day|"
          r"parada (?:do orgulho(?: gay| lgbt\w*\+?)?|gay|lgbt\w*\+?)|"
          r"parata (?:del pride|gay|lgbt\w*\+?)|canal ?parade|pride ?parade|roze zaterdag|"
          r"гей-парад\w*|парад\w* (?:гордости|лгбт)|прайд\w*)")
_PRIDE_SETTING = re.compile(
    rf"{_AT}{_PRIDE}\b{_OF_TOWN}"
    r"|(?:同性恋|同志|LGBT|彩虹)(?:骄傲)?(?:大)?游行|骄傲游行"
    r"|(?:レインボー|プライド)(?:パレード|マーチ)(?:で|にて|の)?"
    r"|\b(?:مسيرة|موكب|مهرجان) (?:ال)?(?:فخر|مثليين|مثلية)\S*"
    r"|(?:प्राइड|गे) (?:परेड|मार्च)(?: की| में| के)?",
    re.I)
"""A pride parade as where a photo was taken ("Foto vom CSD in Köln", "parada LGBT de São
Paulo"): dropped in a question about a photo, like a place of worship ("is he gay? photo from
pride" still refuses on "gay")."""
_WORSHIP_SETTING = re.compile(
    rf"{_AT}{_WORSHIP_PLACES}\b{_OF_TOWN}"
    r"|在[^，。？?！!\s]{0,8}(?:寺|庙|教堂|清真寺)[^，。？?！!\s]{0,4}"
    r"|[^、。？?！!\s]{0,8}(?:神社|お寺|教会|モスク)(?:で|にて|の前)"
    r"|(?:मंदिर|मस्जिद|चर्च|गुरुद्वारा)\s+(?:के सामने|में|की)\s*"
    r"|\b(?:من|في|أمام|بعد) (?:المسجد|مسجد|الكنيسة|كنيسة|الجامع)(?: \S+)?",
    re.I)
"""Where the photo was taken ("davanti alla moschea di Roma", "bei Madame Tussauds", "en la
procesión de Semana Santa", "من فرح أختي"): a venue or an event is the photo's setting, not a
trait of the person, so it is dropped before the rules read the question. A place of worship
counts only in a question about a photo ("is he a regular at the mosque?" still refuses);
going somewhere ("goes to church", "va a messa") is not a setting."""
_NAMED_PLACE = re.compile(
    r"\b(?:taken|shot|photographed|scattat[ao]|fatt[ao]|prises?|tomad[ao]|sacad[ao]|"
    r"aufgenommen|gemacht|genomen|gemaakt|tirad[ao]|feit[ao]|сделан[ао]?|снят[ао]?)\s+"
    r"(?:at|in|in front of|near|outside|a|davanti a|vicino a|à|au|devant|en|frente a|"
    r"delante de|vor|bei|an|am|im|bij|voor|em|na|no|em frente (?:à|ao)|в|на|у|возле)\s+"
    r"(?:(?:the|il|la|le|l'|el|der|die|dem|den|de|het|o|a|al|alla|du)\s+)?"
    r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'-]*|di|de|del|of|von|van))*")
_BEFORE_PLACE = re.compile(
    r"\b(?:in front of|next to|delante de|frente a|junto a|devant|davanti a|accanto a|vor|neben|"
    r"voor|naast|em frente (?:a|à|ao)|perto d[aeo]|перед|возле|у)\s+"
    r"(?:the|la|el|le|l'|il|lo|der|dem|den|die|de|het|o|a|al|alla|au|du|do|da)\s*"
    r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'-]*|di|de|del|of|von|van))*")
"""A named place someone stands before ("in front of the Golden Gate Bridge", "delante de la
Sagrada Familia"): an article before capitalised words names a place, not a person (cased)."""
"""A named place the photo was taken at ("taken in front of the Golden Gate Bridge"): its
capitalised words name a place, not a person (case-sensitive, so it only acts on the text as
typed)."""
_FIGURATIVE = re.compile(
    # slang "sick" / "ziek" for great, about a thing ("that beard is sick", "ziek goed")
    r"\b(?:beard|moustache|mustache|hair\w*|fade|tattoos?|outfit|fit|jacket|shoes|sneakers|"
    r"glasses|shades|photo|pic|picture|shot|selfie|edit|(?:the|his|her|that|this|whole|new) look|"
    r"style|drip)\s+(?:(?:is|looks|so|"
    r"totally|really|pretty|kinda|ekdum|bilkul|bahut|was|hai)\s+){0,2}sick\b"
    r"|\bsick (?:beard|photo|pic|shot|tattoo|haircut|fade|edit|fit|outfit|look)\b"
    r"|\bziek(?:e)? (?:goed|mooi|vet|gaaf|nice|lekker|hard|cool|grappig|leuk|chill|mooie)\b"
    # drunk / high with joy or laughter, a face "like a madman": an emotion, not a state
    r"|\b(?:ubriac\w*|ebri[oa]|borrach[oa]|ivres?|drunk|high|dronken|trunken|пьян\w*)\s+"
    r"(?:di|de|d'|with|on|van|vor|от)\s+(?:gioia|felicit[àa]|amore|alegr[ií]a|felicidad|joie|"
    r"bonheur|joy|happiness|life|love|geluk|vreugde|gl[üu]ck|freude|счасть\w*|радост\w*)\b"
    r"|\bt[êe]te de malade\b|\bcomme une? malade\b"
    r"|\b(?:مسطول|سكران|سكرانة|مسطولة)\s+من\s+(?:ال)?(?:ضحك|فرح|سعادة)",
    re.I)
"""Health words as slang or figures of speech ("sick" for great, "ubriacato di gioia",
"مسطول من الضحك"): they describe a thing or an emotion, not the person's health."""

_MOTIF = re.compile(
    r"\b(?:cannabis|marijuana|weed|pot|hanf|canapa|maconha|marihuana|wiet|конопл\w*)[- ]?"
    r"(?:blatt|bl[äa]tter|leaf|leaves|hoja|feuille|foglia|folha|blad|logo|print|motiv|aufdruck|"
    r"symbol|design|muster|pattern|лист\w*)\w*", re.I)
"""A drug's leaf or logo printed on clothing ("eine Mütze mit Cannabisblatt"): a motif on a
thing, not drug use."""

_NAME_WORD = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zà-öø-ÿа-яё']{2,}(?:-[A-ZÀ-ÖØ-ÞА-ЯЁ]?[a-zà-öø-ÿа-яё']+)*"
"""A capitalised word, hyphenated parts included ("Willem-Alexander", "Jean-Luc")."""
_NOT_NAME_WORDS = (r"(?:" + _NOT_NAMES[3:-1] + r"|Photoshop|Christmas|Easter|Thanksgiving|Diwali|"
                   r"Eid|Hanukkah|Navidad|Halloween|Carnaval|Pascua|No[ëe]l|"
                   r"Natale|Natal|Weihnachten|Kerst|Pasqua|P[aâ]ques|Ostern|Pasen|Verdad|Verdade|"
                   r"Vero|Vera|Vrai|Echt|Waar|Правда|Falso|Falsa|Faux|Foto|Bild|Selfie|Imagen|"
                   r"Immagine|Imagem|Afbeelding|Фото)")
_IS_IT = (r"(?i:\b(?:is (?:it|that|this|he|she)|isn'?t (?:it|that|this)|was (?:it|that|this)|"
          r"(?:no )?es|ser[aá]|c'est|c est|ce serait|est-ce|(?:non )?è|e'|sar[aà]|(?:n[ãa]o )?é|"
          r"seria|is (?:dat|dit|het)|(?:dat|dit) is|это(?: не)?|неужели это))"
          r"\s+(?i:(?:the|el|la|le|il|lo|o|a)\s+|l')?"
          # a title before the name ("is dit koning Willem-Alexander ...")
          r"(?:(?:king|queen|prince|princess|president|pope|rey|"
          r"reina|pr[ií]ncipe|princesa|roi|reine|"
          r"prince|princesse|pr[ée]sident|pape|re|regina|principe|papa|rei|rainha|koning|koningin|"
          r"prins|prinses|paus|k[öo]nig|k[öo]nigin|prinz|prinzessin|papst|король|королева|принц|"
          r"принцесса|президент)\s+)?")
_WHERE_OR_LOOK = (
    # English
    r"(?:in|at|on) the (?:back|background|front|foreground|middle|center|centre|corner|left|right|"
    r"crowd|end|edge|side)\b|in (?:the|this|that) (?:photo|pic|picture|shot|image|selfie|video)\b|"
    r"with (?:the |a |his |her |short |long |no )?(?:\w+ )?(?:hair|beard|glasses|hat|cap|"
    r"mustache|moustache|haircut|tattoos?|sunglasses)\b|"
    r"without (?:\w+ )?(?:makeup|beard|glasses)\b|"
    r"(?:next to|behind|beside|standing|sitting|over there|from behind)\b|"
    # Spanish
    r"(?:el|la|los|las) (?:del|de la|de los|que)\b|(?:en|al) (?:el )?fondo\b|"
    r"(?:a|de) la (?:izquierda|derecha)\b|detr[aá]s\b|"
    r"en (?:el|la|esta|esa) (?:foto|imagen|esquina|centro|medio)\b|"
    r"(?:de|con) (?:el |la |los |las |unas? )?(?:pelo|cabello|barba|gafas|bigote|gorra|sombrero)\b|"
    r"sin (?:barba|gafas|maquillaje|bigote)\b|"
    # Italian
    r"quell[oa]\b|(?:a|sulla) (?:sinistra|destra)\b|(?:sullo|nello|in) sfondo\b|dietro\b|"
    r"(?:in|nella) foto\b|(?:con|coi) (?:i |la |il |gli |le |l')?(?:capelli|barba|occhiali|baffi|"
    r"cappello|berretto)\b|senza (?:barba|occhiali|trucco|baffi)\b|"
    # Portuguese
    r"(?:de|com) (?:o |a |os )?(?:cabelo|barba|[óo]culos|bigode|bon[ée]|chap[ée]u)\b|(?:no|ao) "
    r"fundo\b|(?:na|à) (?:esquerda|direita)\b|atr[áa]s\b|(?:nessa|nesta|na) foto\b|"
    r"sem (?:barba|[óo]culos|maquiagem|bigode)\b|(?:o|a) (?:da|do)\b|"
    # French
    r"(?:à|a) (?:gauche|droite)\b|au fond\b|(?:en|à l')arri[èe]re[- ]plan\b|derri[èe]re\b|"
    r"(?:sur|dans) (?:la|cette) photo\b|avec (?:les |la |le |des |une? )?(?:cheveux|barbe|lunettes|"
    r"moustache|casquette|chapeau)\b|sans (?:barbe|lunettes|maquillage)\b|"
    r"(?:celui|celle) (?:de|du|qui)\b|"
    # Dutch
    r"(?:links|rechts|achteraan|vooraan)\b|op de achtergrond\b|(?:op|in) (?:de|deze) foto\b|"
    r"met (?:het |de |een |kort |lang )?(?:\w+ )?(?:haar|baard|bril|snor|pet|hoed)\b|zonder "
    r"(?:baard|bril|snor)\b|"
    # Russian
    r"(?:слева|справа|сзади|на заднем плане|в центре|на фото|на фотке)|с (?:короткой|длинной|"
    r"бородой|усами|очками)|в (?:очках|кепке|шляпе)|без (?:бороды|очков|макияжа|усов)")
"""Where a person stands in the photo or how they look ("la del fondo", "de cabelo curto",
"in the back", "quello a sinistra"), in lowercase: after "is it <Name>" it says which face is
meant, so the question still asks who that face is."""
_IS_IT_NAMED = (rf"{_IS_IT}(?!{_NOT_NAME_WORDS}\b){_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
                rf"\s*,?\s+(?:{_WHERE_OR_LOOK})")
"""'¿es Shakira la del fondo?', 'é o Neymar de cabelo curto?', 'is that Messi in the back?': a
yes/no question whether a face is a capitalised name, said with the face's place or look."""
_IS_IT_NAMED_ALONE = (r"(?i:\b(?:(?:no )?es|ser[aá]|(?:non )?è|e'|sar[aà]|(?:n[ãa]o )?é|seria|"
                      r"это(?: не)?|неужели это))\s+(?i:(?:el|la|il|lo|o|a)\s+)?"
                      rf"(?!{_NOT_NAME_WORDS}\b){_NAME_WORD}(?:\s+{_NAME_WORD})?\s*(?:[?!.]*\s*$|\?\s)")
"""'¿es Shakira?', 'è Totti?', 'é a Anitta?': a capitalised word after a bare 'is' ending the
question (languages that do not capitalise nouns)."""
_JA_NAME = (r"(?:のは|って|これ|あれ|それ|この人|あの人|その人)(?:は|って|、)?\s*"
            r"(?![一-龯々]*(?:加工|画像|写真|合成|編集|生成|偽|本物|人形|仮面|化粧|整形|修正|撮影))"
            r"(?:(?![一-龯々]{2}(?:男性|女性|男子|女子)|[一-龯々]{3}(?:人|生|者|児|供|性|士|員))"
            r"[一-龯々]{4}(?![一-龯々])"
            r"|[一-龯々]{2,4}(?:さん|選手|氏|様|監督))"
            r"(?:じゃない|じゃね|ではない|ですか|なの|か|でしょ|だよね)?\s*[？?]")
"""Japanese '写ってるのは大谷翔平?': four kanji (a full name; not a noun ending in 人, 性, 生 ...)
or a name with an honorific after 'is it' (のは, って)."""
_ZH_NAME = (r"(?:是不是|就是|是)(?:刘|李|陈|杨|赵|吴|徐|孙|胡|郭|何|郑|梁|谢|宋|唐|韩|冯|邓|曹|彭|"
            r"曾|萧|蔡|潘|杜|蒋|魏|吕|沈|姚|卢|崔|钟|谭|陆|汪|廖|贾|邹|孟|秦|邱|薛|闫|郝|龚|邵|覃|"
            r"戴|孔|汤|周(?![末围边岁年日]))(?![式剧系版风国装体服])[^\s吗吧呢啊呀的了？?，,。]{2}(?:本人)?(?:吗|吧)?\s*[？?]?\s*$")
"""Chinese '背景里的是刘德华吗': a common surname and two more characters after 'is it'."""


_HARMED = (r"(?:stole|stolen|robbed|mugged|attacked|assaulted|scammed|stalked|harassed|"
           r"vol[ée]|agress[ée]|arnaqu[ée]|rob[oó]|asalt[oó]|atac[oó]|estaf[oó]|golpe[oó]|"
           r"rubat\w*|derubat\w*|aggredit\w*|truffat\w*|roubou|assaltou|atacou|agrediu|"
           r"geklaut|gestohlen|beklaut|angegriffen|bestohlen|ausgeraubt|betrogen|gestolen|"
           r"beroofd|aangevallen|opgelicht|укра\w*|ограб\w*|напал\w*|избил\w*|обманул\w*)")
_CULPRIT = (
    r"\b(?:is (?:this|that|it|he|she)|c'?est|est-ce|es|ser[aá]|[eè]|é|ist (?:das|es|er|sie)|"
    r"is (?:dit|dat|het|hij|zij)|это)\s+(?:(?:the|le|la|l'|el|il|lo|o|a|der|die|de|het|тот|та|"
    r"same|m[êe]me|mismo|misma|stess[oa]|mesm[oa]|selbe)\s+)*[\w'-]+,?\s+(?:who|that|qui|que|"
    rf"che|der|die|dat|который|которая|кто)\b[^?.!]{{0,50}}?\b{_HARMED}"
    # zh, ja, ar, hi: "偷我单车的那个人", "自転車を盗んだ奴", "اللي سرق", "जिसने ... चुराई"
    r"|(?:偷|抢|搶|打|骗|騙)了?我[^？?，,]{0,10}的(?:那个|那個|嗰個)?(?:人|男的|女的|家伙|傢伙|人吗)"
    r"|(?:盗んだ|盗った|パクった|殴った|襲った|騙した|ひったくった)(?:奴|やつ|ヤツ|人|男|女)"
    r"|(?:اللي|الذي|التي|يلي|لي)\s+(?:سرق|سرقني|سرقت|ضربني|هاجمني|نصب عليّ?|نشلني|نشل)"
    r"|(?:जिसने|जिस ने)\s+[^?]{0,30}(?:चुराई|चुराया|चुरा|लूटा|ठगा|पीटा)")
"""Matching the person to a wrong done ("is this the guy who stole my bike?", "ist das der Typ,
der mir das Velo geklaut hat?"): verifying who a particular person is."""
_REAL_OR_DOUBLE = (
    r"(?:\bthe real|\ble vrai|\bla vraie|\bel verdadero|\bla verdadera|\bil vero|\bla vera|"
    r"\bo verdadeiro|\ba verdadeira|\bder echte|\bdie echte|\bde echte|\bнастоящ\w*|本物の|"
    r"真的是?|正牌的?|ال\S+ الحقيقي|असली)\s*[^?？.!]{2,30}[?？]?\s*(?:(?:or|ou|o|oder|of|или|"
    r"それとも|还是|還是|ولا|أم|او|या)\s*)?(?:(?:just|juste|solo|nur|só|только|only)\s+)?"
    r"(?:(?:an?|un|une|uno|una|um|uma|ein|eine[nm]?|een)\s+)?(?:look-?alike|double|doble|"
    r"sosie|sosia|sósia|doppelg[äa]nger|dubbelganger|двойник\w*|そっくりさん|替え玉|影武者|"
    r"ものまね|モノマネ|替身|高仿|شبيه\S*|हमशक्ल|impersonator|imitador|imitateur|imitatore)")
"""The real <someone> or a look-alike ("これ本物の大谷翔平？そっくりさん？", "le vrai X ou un
sosie"): which person it is."""


@dataclass(frozen=True)
class PolicyRule:
    """One refusal category: why it is refused and the patterns that detect it."""

    category: str
    reason: str
    patterns: tuple[str, ...]
    """Regexes over the lowercased, cleaned question."""
    cased: tuple[str, ...] = ()
    """Regexes over the question with its case kept (names are capitalised)."""


_SAME_AS = (r"\b(?:dieselbe|derselbe|dasselbe|die gleiche|der gleiche|dezelfde|hetzelfde|"
            r"la misma|el mismo|la m[êe]me|le m[êe]me|la stessa|lo stesso|a mesma|o mesmo|"
            r"та же|тот же|одна и та же|один и тот же)\b|同一(?:个|人)|同じ人|同一人物|(?:نفس|ذات) "
            r"(?:ال)?(?:شخص|امرأة|رجل|المرأة|الرجل)|वही (?:व्यक्ति|आदमी|औरत|लड़की|लड़का)")
_ID_DOCUMENT = (r"\b(?:\w*ausweis\w*|reisepass\w*|passscan\w*|f[üu]hrerschein\w*|dni|pasaporte|"
                r"c[ée]dula|passeport|carte d'identit[ée]|permis de conduire|carta d'identit[àa]|"
                r"passaporto|patente|passaporte|carteira de identidade|rg|cnh|paspoort|rijbewijs|"
                r"identiteitskaart|id-kaart|паспорт\w*|удостоверени\w*)\b|身份证|护照|证件|"
                r"身分証|パスポート|免許証|マイナンバー|(?:ال)?هوية|جواز|पासपोर्ट|पहचान पत्र|आधार|"
                r"\baadhaa?r\b")
"""Saying "the same person" and naming an identity document, in the other languages: a
verification against the document (identity), not a spoof check."""
RULES: tuple[PolicyRule, ...] = (
    PolicyRule("race", "FaceVQA does not infer race, ethnicity, caste, nationality or "
               "immigration status from a face.", (
        r"\b(?:il|elle) vient d'o[ùu]\b|\bd'o[ùu] (?:il|elle) vient\b|दक्षिण भारतीय|उत्तर भारतीय|मद्रासी|"
        r"\b(?:south|north|northeast) indian\b|\bmadrasi\b",
        # the part of a country someone is from ("è del sud o del nord?")
        r"\b(?:[èe]|sei|es|est|is|ist) (?:del|dal|du|from the|aus dem|van het|do) (?:sud|nord|sur|"
        r"norte|south|north|s[üu]den|norden|zuiden|noorden|nordeste)\b",
        # "which race did she just run?": a running race
        r"\brac(?:e|es|ial|ially)\b(?!\s+(?:did|does|do|is|was|were|are)\s+(?:she|he|they|it)\s+"
        r"(?:just\s+)?(?:run|ran|win|won|finish|enter|compete|do)\b)",
        r"\bethnic\w*", r"\bnationalit\w*", r"\bcitizenship\b",
        rf"\bwhere (?:is|are|was|were|do|does|did) {_WHO}\b.{{0,30}}\b(?:from|born)\b",
        r"\b(?:what|which) (?:country|continent|part of the world)\b",
        r"\b(?:country|place|region|continent) of (?:origin|birth)\b",
        r"\b(?:descent|ancestry|heritage|ancestors?)\b",
        rf"\b(?:his|her|their|{_PERSON}'s) (?:origins?|roots|background)\b(?! (?:colou?r|image))",
        r"\b(?:his|her|their) (?:parents|family|ancestors|people) (?:are |come )?from\b",
        r"\bwhat languages? (?:does|do|would|might|could) (?:he|she|they)\b",
        rf"\b(?:{_NATIONS})\b(?![- ]{_OBJECTS})",
        rf"\b(?:is|are|was|looks?|appears?|seems?) {_WHO} (?:a |an )?(?:black|white|brown)"
        rf"(?:\s*\?|\s*$|\s+or\b|\s+{_PERSON}\b)",
        r"\bpeople of colou?r\b|\bpoc\b",
        r"\b(?:immigrants?|foreigners?|refugees?|migrants?|expats?|illegal alien)\b",
        r"\bcastes?\b|\b(?:dalit|brahmin|untouchable)s?\b|\btribe\b",
        r"\bimmigration\b|\bundocumented\b|\b(?:here|in the country) illegally\b"
        r"|\b(?:green card|residence permit|work visa|asylum)\b"
        r"|\bhave (?:his |her |their )?papers\b")),
    PolicyRule("religion", "FaceVQA does not infer religion from a face.", (
        r"\breligio\w*", r"\b(?:muslim|moslem|islamic|christian|catholic|protestant|jewish|jew|"
        r"hindu|sikh|buddhist|atheist|agnostic|mormon|evangelical|pagan|nun|priest|rabbi|imam|"
        r"monk)s?\b",
        r"\bbelieve[sd]? in god\b|\bbelievers?\b",
        r"\b(?:jehovah\w*|scientolog\w*|voodoo|wicca\w*|shinto\w*|jains?|zoroastr\w*|taoists?|"
        r"quakers?|amish|churchgoer\w*|churchgoing|devout|pious|bible[- ]?thumper\w*|born[- ]again|"
        r"god[- ]?fearing)\b",
        r"\b(?:faith|worship|prays?)\b",
        r"\b(?:go|goes|going|attends?|attending) (?:to )?(?:the )?(?:church|mosque|synagogue|"
        r"temple|mass)\b|\ba regular at (?:the )?(?:church|mosque|synagogue|temple)\b",
        # religiosity: never missing a service, praying every day
        r"\b(?:miss(?:es|ed)?|skips?|skipped) (?:\w+ )?(?:church|mass|sunday service|"
        r"friday prayers?|prayers?|temple|synagogue|shabbat|sabbath)\b"
        r"|\b(?:church|mass) (?:every|each) (?:sunday|week)\b")),
    PolicyRule("orientation",
               "FaceVQA does not infer sexual orientation or gender identity from a face.", (
        r"\b(?:gay|lesbian|bi-?sexual|bi(?!-)|homosexual|heterosexual|queer|asexual|pansexual|"
        r"transgender|transsexual|trans|non-?binary|lgbt\w*)\b",
        r"\bsexual\w*\b", r"\bsexuality\b",
        r"\bvan geslacht (?:is |zijn )?veranderd|\bgeslachtsverandering|\bcambi\w* de sexo|\bchang\w* "
        r"(?:(?:of|their|his|her) )?(?:sex|gender)\b|\bchangement de sexe|\bchang\w* de sexe|"
        r"\bgeschlechtsumwandlung|\bgeschlecht (?:ge)?(?:wechselt|ge[äa]ndert|umgewandelt)|\bcambi\w* "
        r"(?:di )?sesso|\bmud\w* de sexo|\bсмен\w* пол\w*|\bсменил\w* пол|性转|变性|性転換|تحويل الجنس|"
        r"تغيير الجنس|लिंग परिवर्तन",
        r"\ble (?:van|gustan|molan) (?:los |las )?(?:t[íi]os|t[íi]as|chicos|chicas|hombres|mujeres)\b",
        r"\b(?:seems?|looks?) straight\b(?!\s+(?:at|ahead|into|on|forward|to (?:the|his|her|its|camera|lens)))"
        r"|\b(?:he|she|they) (?:is|are) straight\b(?!\s+(?:at|ahead|into|on|forward|to (?:the|his|her|its|"
        r"camera|lens)))|(?:लड़कों|लड़कियों) में (?:इंटरेस्ट|दिलचस्पी|रुचि)"
        r"|\b(?:ladkon|ladkiyon|larkon|larkiyon) (?:mein|me) interest\b",
        r"\bкакой (?:(?:он|она|они) )?ориентации\b|\bориентаци\w* (?:у )?(?:него|неё|нее|них|этого|этой)\b",
        # the rainbow or trans flag asked of the person ("🏳️‍🌈?", "is he 🏳️‍🌈")
        # (the joiner inside the flag is a space once the question is cleaned)
        "\U0001F3F3\uFE0F?[\\s\u200D]?(?:\U0001F308|\u26A7\uFE0F?)\\s*[?？]"
        "|\\b(?:is|are) (?:he|she|they)\\s*\U0001F3F3",
        r"\bborn (?:as )?(?:a |an )?(?:man|woman|male|female|boy|girl)\b",
        r"\b(?:homos?|fag\w*|dykes?|tranny|trannies|twinks?|femboys?)\b",
        r"\bsexuell\w* orientierung\b|सेक्शुअल ओरिएंटेशन",
        r"\b(?:plays?|playing|bats?|batting) for the other team\b|\bswings? both ways\b"
        r"|\bfriend of dorothy\b",
        rf"\b(?:is|are|was) {_WHO} straight\b(?!\s+hair)",
        r"\b(?:likes?|into|attracted to|dates?|dating|prefers?)\s+(?:other\s+)?(?:men|women|guys|"
        r"girls|boys|males|females|the same sex)\b",
        r"\bused to be (?:a )?(?:man|woman|boy|girl|male|female|guy)\b",
        r"\bbiologically (?:a )?(?:man|woman|male|female|boy|girl)\b",
        r"\b(?:assigned|sex) at birth\b|\b(?:real|actual|original|birth) (?:gender|sex)\b",
        rf"\b(?:was|is|were) {_WHO} (?:once|formerly|originally|previously) (?:a )?(?:man|woman|"
        r"male|female|guy|girl|boy)\b")),
    PolicyRule("politics", "FaceVQA does not infer political views from a face.", (
        r"\bpolitic\w*", r"\b(?:likely|political|voting|preferred|favou?rite)[_ -]?party\b|\"party\"\s*:",
        r"\b(?:gaucho|facho|droitard|gauchiste|fascho|zecca|zecche|fasciomerda|коммуняк\w*)s?\b",
        r"\b(?:democrat\w*|republican\w*|liberal|conservative|leftist|"
        r"left[- ]wing(?:er)?|right[- ]wing(?:er)?|socialist|communist|fascist|libertarian|"
        r"tory|maga|far[- ](?:left|right)|feminist|pro[- ]?life|pro[- ]?choice|anarchist|"
        r"nationalist|marxist|centrist|lean(?:s)? (?:left|right))\b",
        r"\bvot(?:e|es|ed|er|ers|ing)\b", r"\belection\b",
        r"\b(?:lefty|lefties|leftie|libtard\w*|commie\w*|tankie\w*|rightie\w*|magats?)\b",
        r"\b(?:which|what) party (?:does|do|would|did|is) (?:\w+ ){1,2}(?:support|vote|belong|back|"
        r"like|prefer|in|for)\b",
        r"\b(?:trump|biden|obama|harris|putin|brexit)\b")),
    PolicyRule("health", "FaceVQA does not infer physical or mental health (pregnancy and "
               "disability included) from a face.", (
        r"\bpregnan\w*", r"\bpreg(?:ant|nat|nent|enant)\b|\bpreggo\b|\bpreggers\b",
        r"\bexpecting (?:a )?(?:baby|child)\b",
        r"\b(?:sick(?! (?:of|and tired|with (?:worry|fear|anger|jealousy|envy))\b)|ill|illness|"
        r"ailments?|diseases?|diseased|disorders?|syndrome|cancer|tumou?r|"
        r"diabet\w*|autis\w*|adhd|depression|depressed|anxiety|schizo\w*|bipolar|ocd|ptsd|"
        r"dementia|alzheimer\w*|parkinson\w*|medical|medications?|health\w*|disab\w*|"
        r"handicap\w*|obes\w*|overweight|bmi|addict\w*|alcoholic|drunk|hiv|aids|covid|"
        r"infected|infection|blind|deaf|stroke|diagnos\w*|symptoms?|anorex\w*|"
        r"bulimi\w*|eating disorder|menstrua\w*|menopaus\w*|asthma\w*|epilep\w*|"
        r"seizures?|allerg\w*|steroids?|hungover|hangover|insomnia\w*|dyslexi\w*|"
        r"chromosom\w*|genetic\w*|baby bump|disease|std|sti|hepatitis|paralys\w*|"
        r"wheelchair|prosthe\w*|surgery|cosmetic procedure|unwell|sickly|frail|dying|"
        r"life expectancy|lifespan|flu|fever|virus|stoned|intoxicated|meds|pills|addicted|"
        r"substance abuse|overdose|autoimmune|lupus|thyroid|jaundice|anemi\w*|cirrhosis|"
        r"heart disease|cholesterol|blood pressure|vitiligo|albin\w*|psychos\w*|psychotic)\b",
        rf"\b(?:is|are) {_WHO} expecting\b",
        r"\bcarrying (?:a |her |their )?(?:baby|child)\b(?! (?:in|on) )",
        r"\b(?:on|having|has|have) (?:her|their|a) period\b",
        r"\b(?:medical|health|skin|heart|genetic|mental|chronic|underlying) conditions?\b",
        r"\bhave (?:a|any) conditions?\b",
        r"\bmental(?:ly)?\b", r"\bpsychiatr\w*|\bpsycholog\w*", r"\bon drugs\b",
        r"\bon the spectrum\b",
        r"\bsuffer(?:s|ing)? from\b", rf"\bis {_WHO} high\b(?! cheek)",
        r"\b(?:meth|methamphetamine|cocaine|crackhead|heroin|marijuana|cannabis|stoner|junkie|"
        r"tweaker|tweaking|opioids?|fentanyl|ecstasy|mdma|lsd|ketamine|drug (?:user|addict)|"
        r"coked up|snort\w*)\b",
        r"💊|💉|\b(?:wasted|hammered|plastered|tipsy|high as a kite)\b",
        rf"\b(?:is|are) {_WHO} on something\b",
        r"\b(?:bun in the oven|with child|in the family way|up the duff|knocked up)\b",
        r"\b(?:uses?|using|does|do|doing|takes?|taking|on|smokes?|smoking|high on) (?:hard )?"
        r"(?:drugs|weed|pot|crack|coke|a joint|joints|blunts?)\b",
        # having drunk, psychiatric medication
        r"\b(?:been drinking|had (?:a few|too many|one too many)|sloshed|boozed|blazed|"
        r"zooted|drinks? (?:too much|a lot|heavily))\b",
        r"\b(?:anti-?depressants?|antipsychotics?|benzos?|xanax|adderall|ritalin|prozac|"
        r"psych meds|sedatives?|tranquili[sz]ers?)\b")),
    PolicyRule("character", "FaceVQA does not judge character (trustworthiness, criminality, "
               "intelligence, wealth or class) from a face, nor rate how attractive a person is.", (
        # a criminal record ("does he have a record?", "rap sheet")
        r"\b(?:nick|pinch|swipe|steal|shoplift|lift)\w* (?:stuff|things|from (?:shops|stores|you|"
        r"people))\b|\bfit or not\b|\b(?:proper|well|so) fit\b(?! (?:for|to)\b)",
        r"\b(?:has|have|had|got) (?:he|she|they )?(?:got )?(?:a |any )?(?:criminal |police |prison )?"
        r"record\b(?! (?:in|on|player|album|label|deal|collection|of (?:the|this|that) (?:photo|"
        r"picture|image)))|\brap sheet\b|\bbeen (?:to|in) (?:jail|prison)\b",
        r"\b(?:trust\w*|honest\w*|dishonest|liar|lies|criminals?|criminality|crimes?|crook|"
        r"thief|murderer|killer|terroris\w*|danger\w*|violent|evil|intelligen\w*|clever|"
        r"smart(?! (?:glasses|watch|phone|casual))|"
        r"stupid|dumb|iq|genius|idiot|moron|lazy|reliable|loyal|competent|personality|"
        r"character|(?<!le )morals?|moral(?:ity|ly)|psychopath\w*|sociopath\w*|shady|sketchy|"
        r"suspicious|guilty|pervert\w*|cheater|cheat|arrogant|rude|selfish|greedy|narcissis\w*|"
        r"manipulative|creep|creepy|untrustworthy|dodgy|scammer|"
        r"fraud(?:s|sters?|ulent)?|psycho|offenders?|"
        r"predators?|pedo\w*|paedo\w*|rapist|molester|gang member|gangster|thugs?|drug dealer|"
        r"prison|jail|convict\w*|felon\w*|arrested|educated|uneducated|education level)\b",
        r"\b(?:good|bad|reliable) (?:employee|husband|wife|father|mother|partner|parent|"
        r"boyfriend|girlfriend|leader|worker|hire|tenant|babysitter)\b",
        r"\bshould (?:i|we) (?:hire|trust|date|rent to)\b",
        # trusting someone with children; "the babysitting agency sent this photo" is a source
        r"\b(?:can|could|would|should|will) (?:she|he|they|this \w+) (?:\w+ )?babysit\b|"
        r"\b(?:trust|safe)\b.{0,30}\bbabysit\w*"
        r"|\bbabysit\w*\b.{0,30}\b(?:trust\w*|safe)\b",
        r"\b(?:would|will|could|might|going to) (?:\w+ ){0,2}(?:steal|rob|cheat|lie|hurt|attack|"
        r"kill|scam|harm|betray|murder|assault)\b",
        r"\b(?:good|bad|nice|kind|decent|mean) (?:person|guy|man|woman|human)\b",
        r"\bcommit (?:a )?crime\b",
        r"\b(?:con (?:artist|man|men)|conman|swindler\w*|grifter\w*|hustler|trailer trash|"
        r"white trash|on welfare|chav)\b",
        r"\b(?:rich|poor|wealthy|well[- ]off) or (?:rich|poor|wealthy|broke)\b",
        rf"\b(?:is|are|was|looks?|seems?) {_WHO} (?:\w+ )?(?:rich|poor|wealthy|broke|homeless)\b",
        r"\b(?:social|economic) (?:class|status)\b|\b(?:working|middle|upper|lower)[- ]class\b"
        r"|\b(?:income|salary|net worth)\b",
        # attractiveness ratings (the yes/no CelebA "attractive" attribute stays a task)
        r"\b(?:rate|rating|score|rank|grade)\b(?!\s+how\s+(?:surprised|happy|sad|angry|scared|afraid|"
        r"tired|excited|shocked|calm|nervous|bored|disgusted|upset|confused)\b)"
        r".{0,40}\b(?:attractive\w*|hot|beauty|beautiful|"
        r"looks|pretty|handsome|ugly|sexy|cute)\b",
        r"\b(?:attractive\w*|hot|beauty|beautiful|looks|pretty|handsome|ugly|sexy|cute)\b.{0,40}"
        r"\b(?:out of (?:10|ten|100|five|5)|scale|/10|score|rating|ranking|rank)\b",
        r"\b(?:ist|is) (?:der|die|sie|er|ze|hij|zij) (?:hei[ßs]|sexy|geil)\b|"
        r"\b(?:you|u) (?:call|find|consider) (?:him|her|them) (?:hot|sexy|pretty|beautiful|handsome|attractive|"
        r"ugly|cute|good[- ]looking)\b|\bfindest du (?:ihn|sie) (?:hei[ßs]|sexy|h[üu]bsch|sch[öo]n|"
        r"attraktiv|h[äa]sslich|s[üu][ßs])\b|\b[èe] (?:un[oa]? )?fig[oa]\b|\bкрасив\w* ли\b|"
        r"漂不漂亮|帅不帅|帥不帥|好不好看|丑不丑|美不美|(?:イケメン|美人|かわいい|可愛い|ブサイク)かどうか|"
        r"^\W*¿?\s*(?:(?:ella|[ée]l) )?est[áa] (?:muy |bien |re )?buen[oa](?: o qu[ée])?\s*[?？!]*\s*$|"
        r"^\W*(?:она|он)\s+(?:страшн\w*|уродлив\w*|некрасив\w*)\s*[?？]\s*$|"
        r"\bof (?:ze|hij|zij) (?:lelijk|knap|mooi) (?:is|zijn)\b|"
        r"(?:かわいい|可愛い|カワイイ|美人|イケメン|ブサイク)(?:です)?か?\s*[？?]\s*$|"
        r"\b(?:more|less) (?:attractive|beautiful|handsome|pretty|ugly|hot) than\b"
        r"|\b(?:hotter|prettier|uglier|sexier|cuter|better[- ]looking|handsomer) than\b",
        r"\b(?:how|what) (?:attractive|hot|beautiful|pretty|handsome|ugly|sexy)\b",
        r"\bhot or not\b|\bsmash or pass\b",
        # a beauty word against its opposite ("pretty or ugly", "cute or not") asks for a verdict
        r"\b(?:pretty|beautiful|handsome|cute|hot|gorgeous|sexy) or not\b",
        r"\b(?:pretty|beautiful|handsome|attractive|cute|hot|gorgeous|sexy|good[- ]looking) or "
        r"(?:ugly|plain|unattractive|homely)\b",
        r"\b(?:ugly|unattractive|plain|homely) or (?:pretty|beautiful|handsome|attractive|cute|hot|"
        r"gorgeous|sexy|good[- ]looking)\b", r"\bhotness",
        # lending money on a face's say-so; "would you smash?"
        r"\blend (?:\w+ ){0,4}money\b|\bloan (?:him|her|them|this \w+|that \w+) (?:\w+ )?money\b",
        r"\bwould (?:you|u) (?:smash|bang|tap that|hit that|date (?:her|him|them))\b")),
    PolicyRule("identity", "FaceVQA does not identify people or search for them (names, "
               "'who is this', finding other photos of a person).", (
        r"\bwho'?s\b(?!\s+(?:looking|holding|standing|sitting|behind|next|with|in the background))",
        r"\bwho (?:is|are|was|were)\b(?!\s+(?:\w+\s+)?(?:looking|holding|standing|sitting|behind|"
        r"next to|with|taking|in the background))",
        rf"\bwho {_SUBJ} (?:really |actually |truly )?(?:is|are|was|were)\b",
        r"\bwho(?:m)?\b.{0,40}\bbelongs? to\b|\bto whom (?:does|do|did|is|are)\b",
        r"\bwhose (?:\w+ )?(?:portrait|photo|picture|pic|image|selfie|headshot|mugshot|profile)s?\b"
        r"|\bwhose is (?:this|that|it)\b",
        r"\b(?:his|her|their|its) (?:full |real |first |last |user|actual |true |birth |legal )?names?\b",
        rf"\bname(?:s)? (?:of )?(?:{_WHO}|him|her|them|(?:this|that|it)(?!\s+[a-z]))",
        rf"^(?:please )?name (?:(?:the|this|that) {_PERSON}|him|her|them)\b",
        rf"\bwhat (?:is|'s|are) {_WHO} called\b",
        rf"\b(?:recogni[sz]e|know|identify|identif\w+)\s+(?:{_WHO}|him|her|them|who)\b",
        r"\bidentity\b", r"\bsame person\b", r"\bcatfish\w*",
        r"\bwhich (?:real |actual )?(?:person|celeb\w*|star|actor|actress|singer) (?:(?:this|that|it|"
        r"he|she) (?:is|was)|(?:is|was) (?:this|that|it|he|she))\b",
        r"\b(?:fill(?: in)?|complete|replace)\b.{0,40}\b(?:blank|gap|_{2,})\b.{0,30}\b(?:whoever|"
        r"who|name)\b",
        r"\b(?:mein|meine|my|mijn|mi|mon|ma|il mio|la mia|o meu|a minha)\s+(?:online[- ]?)?date\b"
        r"|\b(?:van|from|de|von|da|di) tinder\b|\bgeleende foto\b|\bvon jemand anderem\b",
        # who is behind a mask ("Wer steckt hinter der Sturmhaube?", "Кто скрывается под балаклавой?")
        r"\bwho(?:'s| is| are)? (?:really )?(?:behind|under(?:neath)?) (?:the|that|this|his|her) "
        r"(?:mask|balaclava|veil|helmet|hood|disguise|costume|sunglasses)\b"
        r"|\bqui[eé]n (?:hay|est[aá]|se esconde|se oculta) (?:detr[aá]s|debajo|bajo)\b"
        r"|\bqui se cache (?:sous|derri[eè]re)\b|\bwer steckt (?:hinter|unter)\b"
        r"|\bchi (?:c'[eè]|si nasconde|si cela) (?:dietro|sotto)\b"
        r"|\bquem (?:est[aá]|se esconde) (?:por tr[aá]s|atr[aá]s|debaixo|sob)\b"
        r"|\bwie (?:zit|zat|schuilt|verstopt zich) (?:er )?(?:achter|onder)\b"
        r"|\bкто (?:скрывается|прячется|стоит) (?:под|за)\b"
        r"|(?:面具|口罩|头套|面罩)(?:后面|下面|底下)(?:是谁|的人是谁)|(?:マスク|仮面|覆面)の(?:下|中|奥)(?:は誰|の人は誰)"
        r"|من (?:وراء|خلف|تحت) (?:ال)?(?:قناع|لثام)|(?:मास्क|नकाब) के (?:पीछे|नीचे) कौन",
        # a name among the fields asked ("Fill in: age, mood, name.", "fields name and occupation")
        r"(?:^|[:：,，、،]|\b(?:and|y|e|et|und|en|и|or|o|ou|oder|of)\b)\s*(?:(?:his|her|their|su|son|sa|"
        r"sein|ihr|il suo|la sua|o seu|a sua|zijn|haar|его|её)\s+)?(?:full |first |last |real )?"
        r"(?:name|nombre(?: completo)?|nom(?: complet)?|namen?|nome(?: completo)?|naam|имя|фио|姓名|"
        r"名字|名前|氏名|الاسم|नाम)\s*(?=[,，、.;。।]|$)",
        r"\b(?:son|sa|leur|avec son|en mettant son) pr[ée]nom\b|(?:असली|पूरा|सही|असल) नाम|\basli naam\b"
        r"|पिछली (?:फोटो|फ़ोटो|तस्वीर) (?:वाला|वाली|वाले|में)|\bpichli (?:photo|pic|foto) (?:wala|wali|wale)\b",
        r"\b(?:abbina\w*|associa\w*|emparej\w*|asocia\w*|relaciona\w*|vincula\w*|koppel\w*|"
        r"zuordn\w*|zuzuordnen|match\w*)\s+(?:(?:il|la|el|le|o|a|het|das|the|un|una|questo|questa|este|"
        r"esta|esse|essa|ce|cette|dit|deze|this|dieses|diese) )?(?:volto|"
        r"viso|face|gezicht|cara|rosto|visage|gesicht)\w*\s+(?:a|ad|to|aan|con|à|au|mit|ao|zu|with)\b",
        r"\b(?:fields?|keys?|columns?|campos?|champs?|felder|chiavi|velden|поля)\b.{0,30}\b(?:name|"
        r"nombre|nom|namen?|nome|naam|имя)\b",
        r"\bvollst[äa]ndige[nmr]? namen?\b|全名|フルネーム|पूरा नाम|\bcome[çc]ando pelo nome\b"
        r"|تبدأ باسم|नाम से शुरू|\bidentifi(?:c|q)\w* (?:il|la|lo|l'|i|le|gli|questo|questa|esse|essa|este|"
        r"esta|ese|esa|aquele|aquela|o|a|el|al|ao)\s*"
        r"(?!emo|espress|express|sentim|umor|humor|et[àa]\b|edad|idade|g[eé]ner|sess|sex|estado|"
        r"stato d)\w+",
        # a name field to fill, in a form or JSON ("Name: __ Age: __", '{"nombre": ?}')
        r"(?:^|[\s{,\"'(\[•*-])(?:full |first |last |real )?(?:name|nombre|nom|nome|naam|"
        r"имя|фио|姓名|名字|名前|氏名|الاسم|اسم|नाम)[\"']?\s*[:：=]\s*[\"']?\s*"
        r"(?:_{2,}|＿|\?|…|\.{3}|null\b|none\b|\[|\{|\}|,|$)"
        r"|[•·▪*-]\s*(?:full |first |last |real )?(?:name|nombre|nom|nome|naam|имя|фио|姓名|名字|"
        r"名前|氏名|الاسم|اسم|नाम)\s*(?=[•·▪*,;]|$)",
        r"\bsame (?:guy|girl|man|woman|dude|lady|face)\b.{0,40}\b(?:other|another|older|profile|"
        r"dating|tinder)\b.{0,20}\b(?:pics?|photos?|pictures?|profiles?|selfies?)\b",
        # a fact of the person's life, not of the photo ("which club did he play for?")
        r"\b(?:which|what) (?:club|team|band|company|show|movie|film)s? (?:does|did|do|is|was) "
        r"(?:he|she|they|this \w+|that \w+) (?:play|sing|work|star|act)\w*", r"\bfac(?:e|ial) (?:recognition|match\w*|search)\b",
        r"\breverse(?:[- ]image)? search|\bimage search\b",
        # a face search in any language ("gesicht suchen", "cerca questo volto", "بحث بالوجه")
        r"\b(?:recherch\w*|cherch\w*|such\w*|cerca\w*|ricerca|pesquis\w*|busca\w*|procur\w*|zoek\w*|"
        r"opzoeken|найти|найди|поиск|ищи)\b.{0,15}\b(?:visage|gesicht|volto|viso|rosto|cara|rostro|"
        r"gezicht|лиц[оау])\b|\b(?:visage|gesicht|volto|rosto|rostro|gezicht|лиц[оау])\b.{0,10}\b"
        r"(?:suchen|opzoeken|cercare|pesquisar|buscar|rechercher|найти)\b|بحث (?:بال|عن )?(?:ال)?وجه"
        r"|搜(?:索)?(?:这张)?(?:脸|人脸)|顔(?:で)?検索|चेहरा (?:सर्च|खोज)",
        # who, alone
        r"^\W*(?:who|wie|wer|qui|chi|qui[eé]n|quem|кто|谁|誰|من|कौन|kaun)\W*$",
        r"\bsearch (?:on |for )?(?:this|the) face\b",
        rf"\b(?:the |this |that )?{_PERSON}'s (?:full |real |first |last )?name\b",
        r"\b(?:his|her|their) (?:instagram|facebook|twitter|tiktok|linkedin|social media|"
        r"address|phone number|email|handle|username)\b",
        rf"\bseen (?:him|her|them|{_WHO}) (?:before|somewhere)\b",
        r"\bwhose face\b|\bwho dis\b|\bput a name\b|\bname to (?:this|the|that) face\b",
        r"\bremind(?:s)? (?:you|me) of (?:someone|somebody|anyone|anybody|a celeb\w*)\b"
        r"|\bwho (?:does|do|would|might) .{0,30}\bremind\b",
        r"\b(?:linkedin|instagram|facebook|twitter|tiktok|snapchat|onlyfans|social media)\b"
        r"(?! (?:filter|style|effect))",
        rf"\bmatch\w*\s+(?:him|her|them|{_WHO})\b",
        r"\bwhere\b.{0,40}\b(?:posted|uploaded|published)\b", rf"\btag (?:him|her|them|{_WHO})\b",
        r"\bthe (?:guy|girl|man|woman|actor|actress|person|lady) (?:from|who played|in the "
        r"movie)\b",
        r"\bfamous\b(?! (?:landmark|building|painting|place|monument|tower|bridge|city))",
        r"\b(?:celebrity|celeb|public figure|actor|actress|influencer|movie star|"
        r"pop star|rock star|footballer|politician)\b",
        r"\brecherche (?:d'image )?invers[ée]e|\breverse (?:image |face )?search|\bb[úu]squeda invers[ao]|"
        r"\bumgekehrte bildersuche|\bricerca inversa|\bpesquisa reversa|\bomgekeerd zoeken|"
        r"\bобратн\w* поиск\w*|以图搜图|以圖搜圖|画像検索|逆画像|البحث العكسي|रिवर्स (?:इमेज )?सर्च|"
        r"यूट्यूबर|इन्फ्लुएंसर|\bютубер\w*|\bблогер\w*|ユーチューバー|网红|網紅|博主|يوتيوبر|"
        r"\b(?:youtuber|tiktoker|streamer|instagrammer)s?\b|"
        r"\b(?:the|that) (?:man|woman|guy|girl|person|lady|boy|kid|neighbou?r) (?:who|that) "
        r"(?:lives|lived|works|worked|stays|parks|moved in)\b|"
        r"\b(?:surname|last name|family name|nachname\w*|familienname\w*|apellidos?|nom de famille|"
        r"cognome|sobrenome|achternaam|фамили[яюи])\b|\bpolizeicomputer\b|\b(?:gleich\w*|abgleich\w*)"
        r"\b.{0,30}\b(?:datenbank|kartei)\b|\b(?:face|gesicht|visage|cara|rosto|volto|gezicht|лицо)\b"
        r".{0,30}\b(?:database|datenbank|base de donn[ée]es|base de datos|banco de dados|databank|"
        r"banca dati|базе? данных)\b|"
        r"\bbn'?ers?\b|\bbekende nederlander\b|\b(?:echte|реальн\w*|настоящ\w*|vraie?|verdadeir[oa]|"
        r"ver[oa]|echt\w*)\s+(?:promi|star|звезд\w*|знаменитост\w*|celebrit\w*|c[ée]l[ée]brit[ée]|"
        r"celebridad|celebridade|beroemdheid|vip)\b",
        r"\b(?:more|other|similar|additional|different)\s+(?:photos?|pictures?|pics|images?|"
        r"shots|selfies|videos?)\s+of\b",
        rf"\b(?:find|search(?: for)?|look ?up|locate|track(?: down)?|google|stalk|dox+)\s+"
        rf"(?:for\s+)?(?:{_SUBJ}|him|her|them)\b(?=\s*(?:$|[?.!,]|online|on\b|in\b|again|"
        r"elsewhere|anywhere|for me|and\b|please))",
        r"\b(?:find|search|look ?up|locate|get)\b.{0,30}\b(?:social media|instagram|facebook|"
        r"twitter|tiktok|linkedin|profiles?|accounts?|address|phone number|contact details)\b",
        r"\b(?:match|compare|check(?!-in)|run)\b.{0,30}\b(?:database|"
        r"watch ?list|mugshots?|records)\b",
        # in a register of wanted or missing people ("consta no banco de dados de foragidos",
        # "in het politiesysteem")
        r"\b(?:database|banco de dados|base de (?:datos|donn[ée]es|dados)|datenbank|banca dati|"
        r"databank|system|systeem|sistema|syst[èe]me|registr[oy]|register|fichier|list[ae]?|"
        r"base|базе?|базы)\b.{0,25}\b(?:foragid|procurad|wanted|polic|politi|criminal|crimin|"
        r"fugitiv|suspect|sospett|sospechos|verd[äa]chtig|verdacht|gesucht|gezocht|buscad|"
        r"recherch|ricercat|розыск|преступ|"
        r"desaparecid|disparu|vermist|vermisst|missing)\w*"
        r"|\b(?:politie|polizei|police|polic[ií]a|pol[ií]cia|polizia)[- ]?(?:systeem|system|"
        r"datenbank|databank|database|sistema|syst[èe]me|register|registro|fichier|akte)\w*"
        r"|\bfahndungs\w*|\bwanted list\b|\bв розыске\b|\bрозыск\w*",
        # a name someone claims, to check ("op Tinder zegt hij dat hij Daan heet, klopt dat?")
        r"\b(?:zegt|says|said|claims?|dice|dit|sagt|behauptet|afirma|diz|говорит|утверждает)\b"
        r".{0,40}\b(?:(?:dat|that) (?:hij|zij|ze|he|she) \w+ heet|(?:his|her) name is|(?:he|she) is "
        r"called|se llama|s'appelle|hei(?:ß|ss)t|si chiama|se chama|зовут)\b",
        r"\b(?:id|passport|driver'?s licen[cs]e|licen[cs]e|id card|badge|mugshot)\b.{0,50}"
        r"\b(?:match\w*|same|compare\w*)\b",
        r"\b(?:match\w*|same (?:guy|girl|man|woman|person|face)|compare\w*)\b.{0,50}\b(?:id|"
        r"passport|driver'?s licen[cs]e|licen[cs]e|id card|badge|mugshot|profile (?:pic|photo))\b",
        # the same person as on an ID document, in the other languages ("ist die Frau im
        # Videocall dieselbe wie auf dem Ausweis-Scan?", "同じ人ですか…パスポート")
        rf"(?:{_SAME_AS}).{{0,60}}(?:{_ID_DOCUMENT})|(?:{_ID_DOCUMENT}).{{0,60}}(?:{_SAME_AS})",
        rf"\bwhere (?:does|do|did|can i find|is|are) {_WHO}\b.{{0,25}}\b(?:live|work|stay|"
        r"located|find)\b",
        r"\bwhere can i find\b",
        # "is this <someone> when he was young": the same person at another age
        rf"\b(?:is|was) (?:this|that|it)\b{_NOT_SOMEONE}.{{1,40}}\b{_YOUTH}",
        rf"\b(?:is|was) (?:this|that|it)\b{_NOT_SOMEONE}(?! (?:a|an|the|my|your|her|his|their|"
        rf"real|really|actually|just|natural|you|what|how)\b)(?: [a-z][\w'-]*){{1,3}} {_UNDONE}",
        r"\b(?:looks?|seems?) familiar\b|\bring (?:a|any) bells?\b|\bfamiliar face\b",
        # the same person in two photos, said with a person noun ("is it the same guy?")
        r"\b(?:it'?s|it is|they'?re|they are|is (?:it|this|that|he|she)|are (?:they|these|"
        r"those|both|the two)|was (?:it|this|that))(?: \w+){0,2} (?:the )?same (?:guy|girl|man|"
        r"woman|dude|lady|individual|bloke|chick|boy|fella|kid)\b",
        r"\b(?:these|those|both|the two|two) (?:faces|photos|pictures|pics|selfies|images) "
        r"(?:\w+ ){0,4}(?:match|belong to (?:the same|one))\b",
        # a look-alike among film or sports stars ("which bollywood star do I look like?")
        r"\b(?:which|what) (?:\w+ )?(?:stars?|idols?|celeb\w*|singers?|rappers?|footballers?|"
        r"cricketers?|athletes?|players?|models?|youtubers?|superstars?|heroes|heroines?)\b.{0,30}"
        r"\b(?:look|looks|resembl\w*|remind\w*|similar)\b",
        r"\b(?:bollywood|hollywood|tollywood|kollywood|nollywood)\b(?! (?:style|makeup|glam|look|"
        r"themed?|party|costume|filter|smile))",
        # a name asked beside another task ("tell me her age and her name", "age and name")
        r"\b(?:age|gender|emotion|mood|expression)s? (?:and|&|\+) (?:(?:his|her|their|the) )?"
        r"(?:full |real |first |last )?names?\b|\bnames? (?:and|&|\+) (?:age|gender)s?\b",
        r"\bwho (?:dat|dis)\b|\bhoo (?:is|dis)\b",
        _JA_NAME, _ZH_NAME, _CULPRIT, _REAL_OR_DOUBLE,
        # a few other languages: "who is this" / "what is their name"
        r"(?<!de )\bqui[eé]n es\b|\bc[oó]mo se llama\b|(?<!ce )\bqui est\b|\bcomment s'appelle\b"
        r"|\bwer ist\b|\bwie hei(?:ß|ss)t\b|\bchi [eè]\b|\bcome si chiama\b|(?<!de )\bquem [eé]\b"
        r"|\bkto (?:eto|to)\b|кто это|как (?:его|её|ее) зовут"
        r"|这是谁|他是谁|她是谁|是谁(?!拍|照)|誰ですか|だれ(?!が撮|か|も)"),
        cased=(r"\b(?:[Ii]s|[Ww]as|[Ii]sn't) (?:this|that|it|he|she)\s+(?:(?:my|our|your|the|a)"
               r"(?:\s+\w+){1,2}\s+)?(?!" + _NOT_NAMES + r"\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"
               r"\s*(?:[?.!,]|$)",
               # "is this <Name Surname>?" in other Latin / Cyrillic languages (German
               # capitalises nouns, so a name there is two capitalised words)
               r"(?i:\b(?:is dit|is dat|ist das|ist dies|es este|es esta|es [eé]l|es ella|"
               r"c'est|est-ce|[eè] questo|[eè] questa|[eé] este|[eé] esta|[eé] o|[eé] a|это)"
               # (not "Ist das Foto KI-generiert?": a photo word, then what it is)
               r")\s+(?!(?i:foto|bild|photo|selfie|image|imagen|immagine|imagem|afbeelding|фото)"
               r"\b)[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'-]+\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'-]+\s*[?.!]*\s*$",
               r"(?i:\b(?:es este|es esta|c'est|est-ce|[eè] questo|[eè] questa|[eé] este|"
               r"[eé] esta|это|is dit|is dat))\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'-]+\s*[?.!]*\s*$",
               _IS_IT_NAMED, _IS_IT_NAMED_ALONE)),
    PolicyRule("injection", "The question tries to override FaceVQA's instructions.", (
        r"\b(?:ignore|disregard|forget|override|bypass|drop)\b.{0,40}\b(?:instructions?|rules|"
        r"prompts?|guidelines|polic(?:y|ies)|restrictions|filters?|safety|guardrails|"
        r"everything|above|previous|prior|system)\b",
        r"\bsystem prompt\b", r"\byou are now\b", r"\bjailbreak\w*",
        r"\bdo anything now\b", r"\bno (?:restrictions|rules|limits|filters)\b",
        r"\bdeveloper mode\b", r"^\s*(?:system|assistant)\s*:", r"\bpretend (?:to be|you)\b"),
        # the "DAN" persona only in capitals: "dan" is Dutch for "than"
        cased=(r"\bDAN\b",)),
)
"""Checked in order; identity comes after the trait categories so that a question naming a
trait is refused under that trait, and instruction overrides last so the specific reason wins."""

_RATING = rf"^(?=.*(?:{'|'.join(SCALE_WORDS)}))(?=.*(?:{'|'.join(BEAUTY_WORDS)}))"
"""A score or scale and a beauty word, in any supported language: an attractiveness rating."""


def _patterns(rule: PolicyRule) -> tuple[str, ...]:
    """The rule's English patterns, then its words in the other languages (policy_words), then
    the category asked through what would follow from it (policy_proxies)."""
    foreign = tuple(p for words in WORDS.get(rule.category, {}).values() for p in words)
    return (rule.patterns + foreign + PROXIES.get(rule.category, ())
            + ((_RATING,) if rule.category == "character" else ()))


_COMPILED = tuple(
    (rule, tuple(re.compile(p, re.S) for p in _patterns(rule)),
     tuple(re.compile(p) for p in rule.cased))
    for rule in RULES)


_NOT_ASKING = re.compile(
    r"\b(?:without|but (?:do not|don'?t)|no need to|not asking (?:you )?to) (?:tell|say|nam|"
    r"identif|guess|mention)\w*(?: (?:me|us))? (?:who|their name|his name|her name|the name)\b"
    r"[^.?!]*"
    # "I don't care who it is", "no quiero saber quién es", "chi sia non m'interessa", ...
    # "sin decir quién es", "ohne zu sagen, wer es ist", "不说是谁", "من دون أن تقول من هو"
    r"|\b(?:sin|sem|sans|senza|ohne|zonder) (?:(?:mir|uns|me|nos|te) )?(?:te |zu |me |nos )?"
    r"(?:decir(?:me|nos)?|dizer|"
    r"dire|dirmi|sagen|zeggen|nombrar|nomear|nommer|nominare|nennen|noemen|identificar|"
    r"identifier|identificare|identifizieren|identificeren|adivinar|adivinhar|deviner|"
    r"indovinare|raten|raden|revelar|r[ée]v[ée]ler|rivelare|verraten|onthullen)(?:,? (?:me|nous|"
    r"mir|uns|ci|mi))?,? (?:qui[eé]n|quem|qui|chi|wer|wie|el nombre|o nome|le nom|il nome|"
    r"den namen|de naam)\b[^.?!:;,–—¿،，。？]*"
    r"|\bне (?:называя|говоря|уточняя|угадывая)(?: (?:имени|имя|мне))?,?(?: кто)?\b"
    r"[^.?!:;,–—¿،，。？]*"
    r"|\bбез (?:имени|имён|имен|указания (?:имени|личности))\b"
    r"|(?:不用|不要|别|不必|无需|不)(?:说|告诉我|猜|指出)(?:他|她|这)?是谁|(?:不用|不要|别)(?:说|提)名字"
    r"|誰(?:か|なのか|だか)?(?:は)?(?:言わず|言わない|言わなくて)[^。？?]*?(?:に|で)|名前(?:は|を)?"
    r"(?:言わず|出さず)に"
    r"|(?:من )?(?:دون|بدون) (?:أن )?(?:تقول|تذكر|تحدد|تخمن|ذكر|تحديد)(?: لي)? (?:من (?:هو|هي|يكون|"
    r"تكون)|(?:ال)?اسم\S*)"
    r"|(?:यह |ये )?बिना बताए (?:कि )?(?:यह |ये |वो )?कौन(?: है)?|कौन है (?:यह )?बताए बिना"
    r"|\b(?:bina bataye|bataye bina) (?:ki )?(?:ye |yeh |woh? )?kaun(?: hai)?\b"
    r"|\b(?:i )?(?:do not|don'?t|dont) (?:care|need to know|want to know|wanna know) who\b"
    r"[^.?!:,;–—]*"
    r"|\bno (?:me importa|quiero saber|necesito saber) qui[eé]n\b[^.?!:,;–—]*"
    r"|\b(?:me )?da (?:igual|lo mismo) qui[eé]n\b[^.?!:,;–—]*|\btanto faz quem\b[^.?!:,;–—]*"
    r"|\bnon (?:m')?importa chi\b[^.?!:,;–—]*|\b(?:je )?m'en fous (?:de )?qui\b[^.?!:,;–—]*"
    r"|\b(?:мне )?(?:вс[её] равно|неважно|пофиг),? кто\b[^.?!:,;–—]*"
    r"|\b(?:je )?(?:me fiche|m'en fiche|ne veux pas savoir|n'ai pas besoin de savoir|"
    r"peu importe) qui\b[^.?!:,;–—]*"
    r"|\b(?:ist mir egal|will nicht wissen|muss nicht wissen),? wer\b[^.?!:,;–—]*"
    r"|\begal,? wer\b[^.?!:,;–—]*|\bwer (?:das|er|sie|es) ist,? ist (?:mir )?egal\b"
    r"|\bwie (?:het|dat|hij|zij|ze) is,? maakt (?:me |mij )?(?:niet|niks) uit\b"
    r"|\bqui c'est,? (?:peu importe|on s'en fiche|je m'en fiche)\b"
    r"|\bqui[eé]n (?:sea|es),? (?:da igual|no importa|me da igual)\b"
    r"|\bchi (?:sia|[eè]) non (?:m'interessa|mi interessa|importa)\b|\bnon (?:m'interessa|mi "
    r"interessa|voglio sapere) chi\b[^.?!:,;–—]*"
    r"|\bn[ãa]o (?:quero|preciso) saber quem\b[^.?!:,;–—]*"
    r"|\bn[ãa]o (?:me )?importa quem\b[^.?!:,;–—]*"
    r"|\b(?:ik )?(?:wil|hoef) niet (?:te )?weten wie\b[^.?!:,;–—]*"
    r"|\bmaakt (?:me )?niet uit wie\b[^.?!:,;–—]*"
    r"|\bне (?:важно|хочу знать|нужно знать|интересно),? кто\b[^.?!:,;–—]*"
    r"|(?:我)?(?:不关心|不在乎|不想知道|不需要知道|不管)(?:他|她|这|那)?(?:个人)?(?:是谁|是哪位)"
    r"|誰(?:か|だか|なのか)(?:は)?(?:どうでもいい|知りたくない|気にしない|興味ない)"
    r"|\b(?:ما بدي|لا أريد|لا اريد|مش عايز|ما يهمني|لا يهمني) (?:أعرف |اعرف |معرفة )?(?:مين|من) "
    r"(?:هو|هي|يكون|تكون)\b"
    r"|(?:मुझे )?(?:नहीं जानना|जानना नहीं|फर्क नहीं पड़ता)(?: है)?(?: कि)? (?:वो |वह |ये |यह )?कौन "
    r"(?:है|हैं)"
    # "don't tell me who it is", "non dirmi chi è", "не говори, кто это", "कौन है मत बताओ"
    r"|(?:^|[,.;:!?–—-]\s*)(?:please |just |but )?(?:do not|don'?t|dont) (?:tell|say|name)(?: (?:me|us))?"
    r",? who\b[^.?!:,;–—]*"
    r"|\bno (?:me |nos )?(?:digas|diga|digan|dig[aá]is) qui[eé]n\b[^.?!:,;–—]*"
    r"|\bne (?:me |nous )?(?:dis|dites) pas qui\b[^.?!:,;–—]*"
    r"|\bsag(?:en sie| mal)? (?:mir |uns )?nicht,? wer\b[^.?!:,;–—]*"
    r"|\bnon (?:mi |ci )?(?:dirmi|dire|dici|dirci|dica|nominare) chi\b[^.?!:,;–—]*"
    r"|\bn[ãa]o (?:me )?(?:diga|digas|fala|fale|conta|conte) quem\b[^.?!:,;–—]*"
    r"|\bsem (?:me )?(?:falar|contar) quem\b[^.?!:,;–—]*"
    r"|\bzeg (?:me |ons )?niet wie\b[^.?!:,;–—]*"
    r"|\bне (?:говори|говорите|называй|называйте|пиши|пишите)(?: мне)?,? кто\b[^.?!:,;–—]*"
    r"|(?:لا|ما) (?:تقل|تقولي|تقول|تذكر)(?: لي)? (?:مين|من) (?:هو|هي|يكون|تكون)"
    r"|कौन (?:है|हैं) (?:ये |यह |वो )?मत बताओ|मत बताओ (?:कि )?(?:ये |यह |वो )?कौन (?:है|हैं)"
    r"|\bkaun (?:hai|he|h) (?:ye |yeh |wo )?mat batao\b|\bmat batao (?:ki )?kaun\b"
    # "just whether she is sad, not who she is", "pas qui c'est", "nicht wer sie ist"
    r"|(?:^|[,.;:!?–—-])\s*(?:(?:but|mais|aber|ma|pero|mas|maar|но|и|just|juste|solo|nur|"
    r"and|et|und|e|y)\s+)?(?:not|pas|nicht|non|não|nao|niet|no|не)\s+(?:who|qui|wer|chi|"
    r"qui[eé]n|quem|wie|кто)\b[^.?!:,;–—]*"
    # "I'm not asking who she is", "je ne vous demande pas qui c'est", "non ti chiedo chi sia"
    r"|\b(?:i am |i'?m |i )?not asking (?:you )?who\b[^.?!:,;–—]*"
    r"|\b(?:i )?(?:do not|don'?t) ask(?: you)? who\b[^.?!:,;–—]*"
    r"|\bno (?:te |le |les )?(?:pregunto|estoy preguntando) qui[eé]n\b[^.?!:,;–—]*"
    r"|\b(?:je )?ne (?:vous |te )?demande pas qui\b[^.?!:,;–—]*"
    r"|\bnon (?:ti |le |vi )?(?:chiedo|sto chiedendo|domando) chi\b[^.?!:,;–—]*"
    r"|\bn[ãa]o (?:te |lhe |vos )?(?:pergunto|estou (?:te )?perguntando|to perguntando) quem\b"
    r"[^.?!:,;–—]*"
    r"|\b(?:ich )?frage (?:dich |sie |euch )?nicht,? wer\b[^.?!:,;–—]*"
    r"|\b(?:ik )?vraag (?:je |u )?niet,? wie\b[^.?!:,;–—]*"
    r"|\bне (?:спрашиваю|спрашиваем|прошу сказать),? кто\b[^.?!:,;–—]*"
    r"|(?:我)?(?:不是要问|不是问|不问|没问|不打听)(?:你)?(?:他|她|这|那)?(?:个人|位)?(?:是谁|是哪位)"
    r"|誰(?:か|なのか|だか)(?:は|を)?(?:聞きません|聞かない|聞いてない|聞いていません|尋ねません|"
    r"訊きません)"
    r"|\b(?:لا|ما|مش) (?:أسأل|اسأل|بسأل|بسال|أسألك|اسالك)(?: عن)? (?:مين|من) (?:هو|هي|يكون|تكون)\b"
    r"|नहीं पूछ (?:रहा|रही|रहे)(?: हूँ| हूं)?(?: कि)? (?:वो |वह |ये |यह )?कौन (?:है|हैं)"
    r"|\bnahi(?:n)? puch (?:raha|rahi)(?: hu| hoon)?(?: ki)? (?:wo |woh |ye |yeh )?kaun "
    r"(?:hai|he|h)\b"
    # "not her religion", "pas sa religion", "без политики": a trait the asker rules out
    # (in a clause of its own, after a comma or a full stop: "does she have no religion?" asks)
    r"|(?:^|[,.;:!?–—-])\s*(?:[^,.;:!?]{0,25}?\s)?(?:not|pas|nicht|non|não|nao|niet|sin|sem|sans|"
    r"senza|ohne|zonder|без)\s+(?:(?:about|"
    r"the|his|her|their|sa|son|leur|la|a|o|sua|seu|su|ihre|seine|die|de|zijn|haar)\s+)?"
    r"(?:religion|religi[oó]n|religi[ãa]o|religione|religie|politics|politique|pol[ií]tica|"
    r"politica|politik|politiek|политики|религии|background|origins?|ethnicity|race|"
    r"nationality|health|origen|origine|herkunft|afkomst|origem|etnia|ethnie|salud|sant[ée]|"
    r"gesundheit|gezondheid|sa[úu]de|salute)\b"
    r"|धर्म नहीं|(?:不是|不问|无关)(?:宗教|政治)|(?:宗教|政治)(?:の話)?(?:じゃなくて|ではなく)|(?:مش|ليس|وليس) "
    r"(?:ال)?(?:دين|سياسة)", re.I)
"""A clause that says not to identify ("describe her without telling me who she is", "no
quiero saber quién es") or rules a trait out ("just the accessory, not the religion"): only
an explicit negated who / trait clause; "who is it? just kidding, but who is it" still asks."""

_TRAIT_NOUNS = (
    r"(?:religions?|religi[oó]n|religi[ãa]o|religione|religie|faith|beliefs?|croyances?|foi|"
    r"fede|cren[çc]as?|creencias?|glauben?|konfession|geloof|politics|political views|"
    r"politique|pol[ií]tica|politik|politiek|races?|raza|ra[çc]a|razza|rasse|ras|"
    r"ethnicity|ethnie|etnia|ethnizit[äa]t|etniciteit|etnicidad|origins?|origine|origen|"
    r"origem|herkunft|afkomst|nationality|nationalit[ée]|nacionalidad|nazionalit[àa]|"
    r"nacionalidade|nationalit[äa]t|nationaliteit|caste|casta|kaste|sexual orientation|"
    r"orientation|orientaci[oó]n|orienta[çc][ãa]o|orientamento|orientierung|ori[ëe]ntatie|"
    r"sexualit[yé]|sexualidad|health|sant[ée]|salud|salute|sa[úu]de|gesundheit|gezondheid|"
    r"религи\w*|вер[аыуеой]|вероисповедани\w*|политик\w*|национальност\w*|рас[аыуе]|"
    r"происхождени\w*|ориентаци\w*|здоровь\w*)")
_DECLINE_LATIN = (
    r"(?:i'?m |i am |we'?re )?not asking(?: you)?(?: about)?|i (?:do not|don'?t|dont) (?:care|need "
    r"to know|want to know|wanna know)(?: about)?|(?:without|never mind|forget|leaving aside|"
    r"setting aside)(?: (?:talking|asking|getting) (?:about|into))?"  # English
    r"|no (?:me importa|me interesa|te pregunto|le pregunto|pregunto|estoy preguntando|quiero "
    r"saber|necesito saber)(?: (?:por|sobre|de))?|sin (?:hablar|preguntar) (?:de|por|sobre)|"
    r"(?:me )?da igual|olv[ií]da(?:te)? (?:de )?"  # Spanish
    r"|sans parler d[e']|je ne (?:te |vous )?demande pas|(?:je )?ne veux pas savoir|peu importe|"
    r"(?:je|on) (?:me|m'en|s'en) fiche(?: d[e'])?|(?:je )?(?:demande|parle) pas d[e']"  # French
    r"|(?:ich )?frage (?:dich |sie |euch )?nicht nach|nicht nach|ohne (?:über|nach)|egal,? "
    r"(?:welche[rs]?)?|unabh[äa]ngig von"  # German
    r"|non (?:mi interessa|m'interessa|ti chiedo|chiedo|voglio sapere|importa)(?: (?:di|della|"
    r"del|sulla))?|senza parlare d[i']|lasciamo stare"  # Italian
    r"|n[ãa]o (?:quero saber|(?:te |lhe )?pergunt[oa]|estou perguntando|preciso saber|me "
    r"importa|me interessa)(?: (?:sobre|de|da|do))?|sem falar d[eao]|tanto faz"  # Portuguese
    r"|(?:ik )?vraag (?:je |u )?niet naar|(?:ik )?wil (?:niet weten|\w+ niet weten)|zonder "
    r"(?:over|naar)|los van|niet naar"  # Dutch
    r"|не (?:спрашиваю|спрашиваем|интересует|важн[ао]|про|об?)(?: (?:про|о|об|насч[её]т))?|"
    r"без (?:вопросов|разговоров) (?:о|об|про)|неважно,? как\w*")  # Russian
_DETERMINERS = (r"(?:(?:the|her|his|their|its|su|sus|la|el|de|del|qu[eé]|sa|son|ses|leur|le|"
                r"ihre[nmr]?|seine[nmr]?|die|der|welche[rs]?|sua|seu|il|a|o|da|do|haar|zijn|"
                r"het|её|ее|его|их|какая|какой|quale|qual)\s+){0,3}")
_DECLINED_TRAIT = re.compile(
    rf"(?:^|(?<=[,.;:!?¿¡–—\-]))\s*(?:{_DECLINE_LATIN})\s+{_DETERMINERS}{_TRAIT_NOUNS}\b"
    r"[^.?!,;:–—]*"
    rf"|(?:^|(?<=[,.;:!?–—\-]))\s*{_DETERMINERS}{_TRAIT_NOUNS}\s+(?:(?:is|"
    rf"ist|es|est|[eè]|é|is)\s+)?"
    r"(?:aside|beiseite|aparte|[àa] part|a parte|[àa] parte|terzijde|egal|niet belangrijk|"
    r"doesn'?t matter|не важн[аоы])\b[^.?!,;:–—]*"
    # Chinese: "我不是問她的宗教", "不管他的政治立場", "跟宗教無關", "宗教唔緊要"
    r"|(?:我)?(?:並|并)?(?:不是要?|沒有|没有|唔係|不)(?:問|问|打聽|打听|管|在乎|關心|关心)(?:你)?"
    r"(?:她|他|佢|他們|他们)?(?:的|嘅)?(?:宗教|信仰|政治(?:立場|立场)?|種族|种族|民族|國籍|国籍|"
    r"性取向|健康|病情)[^，,。？?！!；;：:]*"
    r"|(?:跟|和|与|與)(?:宗教|信仰|政治|種族|种族|民族|國籍|国籍|性取向|健康)(?:无关|無關|没关系|沒關係)"
    r"|(?:宗教|信仰|政治|種族|种族|民族|國籍|国籍|性取向)(?:不重要|无所谓|無所謂|唔緊要|我不管|我唔理)"
    # Japanese, Kansai too: "宗教のことは聞いてへん", "政治は関係なく", "国籍は抜きで"
    r"|(?:宗教|信仰|政治|人種|民族|国籍|性的指向|健康|病気)(?:のこと|について)?(?:は|を|とか)?"
    r"(?:聞いてへん|聞いてない|聞いていない|聞いてません|聞いていません|聞きません|聞かへん|"
    r"聞かない|訊いてない|関係なく|関係ない|関係あらへん|どうでもいい|どうでもええ|抜きで|"
    r"置いといて|置いておいて)(?:けど|から|よ|で|ので|です)*[^。？?！!、：:]*"
    r"|(?:病気|病|宗教|政治|国籍)(?:かどうか|なのか)?(?:じゃなくて|ではなくて|ではなく)"
    r"|(?:لا|ما|مش)\s*(?:أسأل|اسأل|بسأل)\s+(?:إن|إذا|اذا|ان|لو)\s+(?:كان|كانت)\S*\s+مريض\S*"
    r"|बीमार(?: है)?(?: या नहीं)?,?\s*(?:ये |यह )?नहीं पूछ\s*(?:रहा|रही)?(?: हूँ| हूं)?"
    # Arabic, dialects too: "مش بسأل عن دينها", "ما كنسولش على", "دينها مش مهم"
    r"|(?:مش|ما|لا|مو|ماني|مانيش)\s*(?:بسأل|بسال|أسأل|اسأل|نسأل|أسألك|اسألك|بسألك|كنسول\S*|"
    r"يهمني|يهمنيش|تهمني|يهم|بدي أعرف|بدي اعرف|عايز أعرف|عايز اعرف|أبغى أعرف|ابغى اعرف)\s+"
    r"(?:عن |على |في )?(?:ال)?(?:دين|ديان|مذهب|سياس|عرق|جنسي|أصل|اصل|صحت|صحة|مرض)[^،,.؟?!:؛]*"
    r"|(?:بدون|من غير|بلا)\s+(?:ما\s+)?(?:نتكلم|نحكي|الكلام|الحديث|نسأل)\s+(?:عن|على)\s+(?:ال)?"
    r"(?:دين|ديان|مذهب|سياس|عرق|جنسي|أصل|اصل|صحة)[^\s،,.؟?!]*"
    r"|(?:ال)?(?:دين|ديانة|مذهب|سياسة|عرق|جنسية|أصل|اصل)[^\s،,.؟?!]*\s+(?:مش|مو|ليس|ماهو|موب)\s+مهم"
    # Hindi / Urdu: "मज़हब नहीं पूछ रहा", "धर्म के बारे में नहीं पूछ रही", "जाति से मतलब नहीं"
    r"|(?:(?:उनका|उनकी|इसका|इसकी|उसका|उसकी|इनका|इनकी)\s+)?(?:धर्म|मज़हब|मजहब|जाति|ज़ात|जात|"
    r"राजनीति|सियासत|नस्ल|सेहत|स्वास्थ्य|क़ौम|कौम|बीमारी)(?:\s+(?:के बारे में|की बात|का सवाल|से))?"
    r"\s+(?:(?:कोई\s+)?(?:मतलब|लेना-देना|लेना देना)\s+नहीं|नहीं\s+(?:पूछ|जानना|पूछना)|की बात नहीं|"
    r"छोड़िए|छोड़ो|छोड़ दो)[^,।?!:]*"
    r"|\b(?:dharm|dharam|mazhab|majhab|jaati|jati|religion)\s+(?:nahi|nahin|nhi)\s+(?:puch|pooch)"
    r"\s*(?:raha|rahi|rahe)\b[^,.?!:]*",
    re.I)
"""A clause that rules a trait out before a benign question ("Not asking her religion,
only whether she wears a head covering", "No me importa de qué religión sea", "宗教のことは
聞いてへん", "मज़हब नहीं पूछ रहा"): an explicit negated trait clause of its own, dropped like
a declined identity. A trait asked outside the clause ("..., but is she Muslim?") still
refuses on its own words."""

_EXCLUDED_ITEMS = (
    r"(?:religio\w*|religi[oó]n|religi[ãa]o|faith|glaube|geloof|konfession|vera|politic\w*|"
    r"pol[ií]tic\w*|politi[kq]\w*|politiek\w*|race|raza|ra[çc]a|razza|rasse|ethni\w*|etni\w*|"
    r"этни\w*|national\w*|nacional\w*|nazional\w*|национальн\w*|origin\w*|origen|origem|"
    r"herkunft|afkomst|происхождени\w*|caste|casta|kaste|sexualit\w*|sexualidad|sessualit\w*|"
    r"sexuell\w*|seksualiteit|orientation|orientaci[oó]n|orienta[çc][ãa]o|orientamento|"
    r"orientierung|geaardheid|ориентаци\w*|health|sant[ée]|salud|salute|sa[úu]de|gesundheit|"
    r"surnames?|nachnamen?|apellidos?|cognome|achternaam|stranier[oa]|extranjer[oa]|[ée]tranger|[ée]trang[èe]re|ausl[äa]nder\w*|buitenlander|"
    r"estrangeir[oa]|иностран\w*|foreign\w*|"
    r"gezondheid|здоровь\w*|sick|ill|unwell|enferm[oa]|malade|krank|malat[oa]|doente|ziek|illness|"
    r"disease|maladie|malattia|enfermedad|krankheit|ziekte|doen[çc]a|болезн\w*|"
    r"бол(?:ен|ьна|ьны|еет)|names?|nombre|nom|namens?|nome|naam|имени|имя|trust\w*|fiar|"
    r"confi\w*|vertrauen\w*|betrouwba\w*|честн\w*|guap[oa]|fe[oa]|beau|belle|laid|h[üu]bsch|"
    r"sch[öo]n|bell[oa]|brutt[oa]|bonit[oa]|fei[oa]|knap|mooi|красив\w*|attractive\w*|pretty|"
    r"(?:his |her |their )looks|looks(?=\s*(?:$|[,.;!?)]|or\b|and\b))|region|identit\w*|identidad\w*|(?:l['’])?identifi\w*|naming|who (?:he|she|they|it) (?:is|are)|chi (?:sia|[eè])|quem (?:[ée]|seja)|qui (?:c'est|il est|"
    r"elle est)|wer (?:er|sie|das|es) ist|qui[eé]n (?:es|sea)|кто (?:это|он|она))")
_EXCLUDED_ITEMS_CJK = (r"(?:外国人|أجنبي|विदेशी|种族|宗教|信仰|政治|健康|有没有病|有沒有病|生病|疾病|病気|مرض|बीमारी|好不好看|漂不漂亮|帅不帅|"
                       r"(?:美人|イケメン|かわいい)かどうか|性取向|名字|姓名|籍贯|民族|可信|漂亮|人種|国籍|出身|"
                       r"性的指向|名前|信用|美人|عرق|دين|ديان|سياس|صحت|صحة|ميول|اسم|جنسي|अंदाज़ा|"
                       r"जाति|धर्म|सेहत|सेक्शुअलिटी|नाम|सुंदर|भरोसेमंद|राजनीति|身份|是谁|هويت|هوية|कौन)")
_EXCLUDED = re.compile(
    # "without mentioning race or religion", "sin opinar sobre si parece de fiar", "no speculation
    # about health, sexuality or politics", "bewerte nicht, ob sie hübsch ist", "без имени"
    r"\b(?:without|no|not|don'?t|do not|never|leave out|nothing about|sin|ni|nada de|sans|pas|"
    r"ohne|keine?|nicht|senza|niente|non|sem|nada|n[ãa]o|zonder|geen|niet|без|не|ни)\b"
    r"(?:[^.;!?:。？！：,，、،]|,\s*(?=(?:ob|si|se|whether|if|of|ли|que|\w+ ли)\b)){0,60}?"
    rf"\b{_EXCLUDED_ITEMS}\b[^.;!?:。？！：,，、،]*"
    rf"(?:[,，、،]\s*[^.;!?:。？！：,，、،]{{0,30}}?\b{_EXCLUDED_ITEMS}\b[^.;!?:。？！：,，、،]*)*"
    # "laat mijn naam en etniciteit weg", "ob er vertrauenswürdig ist, will ich gar nicht wissen"
    rf"|\b{_EXCLUDED_ITEMS}\b[^.;!?:。？！：]{{0,40}}?\b(?:weg|will ich (?:gar |auch )?nicht wissen|"
    r"not what i(?:'m| am) asking|nahi|nahin)\b[^.;!?:。？！：,，、]*"
    # "不要提种族或宗教", "人種や宗教には触れずに", "دون ذكر عرقه أو دينه", "जाति या धर्म का ज़िक्र मत करना"
    rf"|(?:不要|别|不用|无需|不是问|不是問|دون|بدون|بلا|من غير)[^.;!?:。？！：,，、،]{{0,20}}?{_EXCLUDED_ITEMS_CJK}"
    r"[^.;!?:。？！：,，、،]*"
    rf"|{_EXCLUDED_ITEMS_CJK}[^.;!?:。？！：,，、،]{{0,30}}?(?:触れずに|書かずに|出さずに|推測はなしで|なしで|は要らない|"
    r"はいらない|はいりません|は要りません|は聞きません|聞きません|"
    r"抜きで|聞いていません|聞いてない|का ज़िक्र मत|मत (?:करना|बताना|लिखना)|नहीं पूछ|कोई अंदाज़ा नहीं|"
    r"यह मत बताना|नहीं)",
    re.I)
"""A clause that leaves sensitive items out of what is asked ("describe him without mentioning
race or religion", "niente ipotesi su salute, orientamento sessuale o idee politiche",
"名前も出身も書かずに"): dropped when the rest asks a task (a description, the age)."""
_EVADE_RECOGNITION = re.compile(
    r"\b(?:fool|trick|beat|evade|bypass|defeat|dodge|avoid|tromper|contourner|d[ée]jouer|"
    r"enga[ñn]ar|burlar|evitar|ingannare|eludere|aggirare|enganar|driblar|t[äa]uschen|austricksen|"
    r"umgehen|misleiden|omzeilen|обмануть|обойти)\b\s+(?:\S+\s+){0,2}?(?:(?:face|facial) "
    r"recognition|reconnaissance facial\w*|reconocimiento facial|riconoscimento faccial\w*|"
    r"reconhecimento facial|gezichtsherkenning|распознавани\w* лиц|(?:систем\w* )?распознавани\w*)"
    r"|\b(?:gesichtserkennung|gezichtsherkenning)\s+(?:\S+\s+){0,2}?(?:zu )?(?:t[äa]uschen|"
    r"austricksen|umgehen|misleiden|omzeilen)"
    r"|(?:骗过|欺骗|躲避|绕过)(?:人脸识别|面部识别)|顔認証を(?:騙|だま|欺|回避|すり抜け)"
    r"|(?:خداع|تضليل) (?:نظام )?(?:التعرف على الوجه|بصمة الوجه)"
    r"|(?:फेस रिकग्निशन|चेहरा पहचान)\S* (?:को )?(?:धोखा|चकमा)"
    # passing an identity or biometric check with a photo, a screen or a mask
    r"|\b(?:pass|get (?:past|through)|fool|trick|beat)\s+(?:the |an |a )?(?:id|identity|"
    r"biometric|face|selfie|kyc|liveness)\s*(?:check|verification|control|scan)s?"
    r"|\bpass\w* (?:la |le |une |les )?(?:v[ée]rif\w*|contr[ôo]le|check) d'identit[ée]"
    r"|\bpass\w* (?:la |le )?(?:biom[ée]tri\w*|reconnaissance)"
    r"|\bpasar (?:la |el )?(?:verificaci[oó]n|control|comprobaci[oó]n) de identidad"
    r"|\bpasar (?:la )?biometr[ií]a"
    r"|\b(?:identit[äa]tspr[üu]fung|ausweiskontrolle|biometrie)\w* (?:zu )?(?:bestehen|umgehen|"
    r"t[äa]uschen|austricksen|passieren)|\bdurch die (?:identit[äa]tspr[üu]fung|biometrie)"
    r"|\bsuperare (?:la |il )?(?:verifica|controllo) (?:d'|dell'|di )?identit[àa]"
    r"|\bsuperare (?:la )?biometri\w*"
    r"|\bpassar (?:na |pela |a )?(?:verifica[çc][ãa]o|checagem|valida[çc][ãa]o) (?:de )?identidade"
    r"|\bpassar (?:na |pela )?biometria"
    r"|\b(?:identiteitscontrole|id-check|biometrie)\b.{0,20}\b(?:te )?(?:passeren|omzeilen|"
    r"misleiden|halen)|\bdoor de (?:identiteitscontrole|biometrie)"
    r"|\bпройти (?:\S+ )?(?:биометри\w*|проверк\w* личности|верификаци\w*|идентификаци\w*)"
    r"|(?:通过|骗过|绕过)(?:人脸|身份|实名)?(?:验证|认证|核验|识别)"
    r"|(?:本人確認|顔認証|生体認証)を?(?:通|突破|パス|すり抜)"
    r"|(?:اجتياز|تجاوز|يتجاوز|يجتاز) (?:ال)?(?:تحقق من الهوية|التحقق|بصمة الوجه|البصمة)"
    r"|(?:वेरिफिकेशन|केवाईसी|बायोमेट्रिक)\S* (?:पास|को धोखा)", re.I)
"""Fooling face recognition (a mask "pour tromper la reconnaissance faciale") or passing an
identity check with a screen is a spoof question: the check is what is being defeated, not
asked for."""


_CUSTODY_VISIT = re.compile(
    r"\b(?:(?:prison|jail)(?:'s)? (?:visit\w*|visiting (?:room|hours|day))|visiting (?:room|hours|"
    r"day)(?: (?:at|in|of) (?:the |a )?(?:prison|jail))?"
    r"|visit(?:ing|ed)? (?:\w+ ){0,3}(?:at|in|to) (?:the |a )?(?:prison|jail))\b"
    r"|\bvisitas? (?:\w+ ){0,3}(?:en|a) (?:la |el )?(?:c[áa]rcel|prisi[óo]n|penal|"
    r"penitenciar[ií]a|reclusorio)\b"
    r"|\bsala de visitas(?: de la (?:c[áa]rcel|prisi[óo]n))?"  # Spanish
    r"|\bparloir(?: de (?:la )?(?:prison|maison d'arr[êe]t))?"
    r"|\bvisites? (?:\w+ ){0,3}(?:en|à la|a la) prison\b"  # French
    r"|\bgef[äa]ngnisbesuch\w*|\bbesuch\w* (?:\w+ ){0,3}(?:im|ins) gef[äa]ngnis\b|\bbesuch\w* "
    r"(?:in der|in die) (?:jva|haftanstalt)\b|\bbesucherraum (?:des|im) gef[äa]ngnis\w*"  # German
    r"|\b(?:visita|colloqui\w*) (?:\w+ ){0,3}in (?:carcere|prigione)\b|\bsala (?:dei )?colloqui"
    r"(?: del carcere)?"  # Italian
    r"|\bvisitas? (?:\w+ ){0,3}(?:na|à|a|no) (?:pris[ãa]o|cadeia|penitenci[áa]ria|pres[íi]dio)\b"
    r"|\bdia de visita(?: na cadeia| no pres[íi]dio)?"  # Portuguese
    r"|\bbezoek\w* (?:\w+ ){0,3}(?:aan|in) de gevangenis\b|\bgevangenisbezoek\w*|\bbezoekruimte"
    r"(?: van de gevangenis)?"  # Dutch
    r"|\bсвидани\w* (?:\w+ ){0,3}в (?:тюрьм|колони|сизо)\w*|\bв (?:тюрьм|колони|сизо)\w* на "
    r"свидании|\bкомнат\w* свиданий"  # Russian
    r"|(?:在)?监狱(?:里)?(?:探视|探访|探望|会见)(?:室)?|探监|探视室|会见室"  # Chinese
    r"|(?:刑務所|拘置所|留置場)(?:での|の|で)?面会(?:室)?|面会室"  # Japanese
    r"|زيارة (?:\S+ ){0,2}(?:في |إلى |الى )?(?:ال|لل)?سجن\S*"  # Arabic
    r"|जेल में मुलाकात|जेल (?:की )?मुलाकात|\bjail (?:me|mein|main) (?:mulakat|milne)",  # Hindi
    re.I)
"""A prison visit ("visita familiar en la cárcel", "au parloir", "监狱探视", "刑務所の面会"): the
photo's setting, not the person's record, so it is dropped. Only the visit: "is he in prison?",
"¿tiene pinta de haber estado en la cárcel?" still refuse."""
_HOSPITAL_SETTING = re.compile(
    r"\b(?:(?:photo|pic|picture|selfie|shot)s? (?:\w+ ){0,2}?(?:from|at|in) (?:the |a )?hospital|"
    r"taken (?:at|in) (?:the |a )?hospital|(?:hospital|clinic|doctor's|er) (?:waiting room|"
    r"corridor|hallway|lobby|cafeteria|parking lot|entrance)|waiting room)\b"
    r"|\b(?:foto|selfie)s? (?:\w+ ){0,2}?(?:del|en el|de un|en un) hospital\b"
    r"|\b(?:tomad|sacad)\w* en (?:el |un )?hospital\b"
    r"|\bsala de espera(?: del hospital| de urgencias)?"  # Spanish
    r"|\b(?:photo|selfie)s? (?:prises? )?(?:à|a) l'h[ôo]pital|\bprises? (?:à|a) l'h[ôo]pital|"
    r"\bsalle d'attente(?: de l'h[ôo]pital| des urgences)?"  # French
    r"|\b(?:foto|bild|selfie)\w* (?:\w+ ){0,2}?(?:aus dem|im) krankenhaus\b|\bim krankenhaus "
    r"(?:gemacht|aufgenommen)|\b(?:krankenhaus)?wartezimmer\w*|\bwartebereich\w*"  # German
    r"|\b(?:foto|selfie) (?:\w+ ){0,2}?(?:in |dall'|all')ospedale\b|\b(?:scattat|fatt)\w* in "
    r"ospedale\b|\bsala d'attesa(?: dell'ospedale)?"  # Italian
    r"|\b(?:foto|selfie)s? (?:\w+ ){0,2}?(?:do|no|num) hospital\b|\b(?:tirad|feit)\w* no hospital\b"
    r"|\bsala de espera(?: do hospital)?"  # Portuguese
    r"|\b(?:foto|selfie)\w* (?:\w+ ){0,2}?(?:uit|in) het ziekenhuis\b|\bin het ziekenhuis "
    r"(?:genomen|gemaakt)|\bwachtkamer\w*"  # Dutch
    r"|\b(?:фото\w*|снимок|селфи) (?:\w+ ){0,2}?(?:из|в) больниц\w*|\b(?:сделан|снят)\w* в "
    r"больнице|\bв больнице (?:сделан|снят)\w*|\bбольничн\w* (?:коридор|холл|при[её]мн)\w*"
    r"|\bзал\w* ожидания"  # Russian
    r"|(?<!精神)(?:在)?医院(?:的)?(?:病房|候诊室|走廊|大厅|门口)?里?(?:拍|照)的?|(?:在)?(?:病房|候诊室)里?拍的?"
    r"|(?<!精神)病院(?:の(?:待合室|ロビー|廊下|病室|前))?で(?:撮(?:った|影した)?|の写真)|(?:病院の)?待合室(?:で|にて)"
    r"|(?:病院の)?夜勤明けで"
    r"|(?:صورة|سيلفي) (?:\S+ ){0,2}?(?:من|في) (?:ال)?مستشفى|(?:التقطت|ملتقطة|مأخوذة) في "
    r"(?:ال)?مستشفى|غرفة (?:ال)?انتظار"  # Arabic
    r"|अस्पताल (?:में|की|के) (?:ली गई |खींची गई )?(?:फोटो|तस्वीर)|(?:अस्पताल के )?वेटिंग रूम"
    # a GP surgery or a clinic front desk taking a patient-file photo
    r"|\b(?:gp'?s?|doctors?'?s?|dental|dentist'?s?|vet'?s?) surger(?:y|ies)\b"
    r"|诊所(?:的)?(?:前台|挂号处)?|病历(?:照片|照|档案|卡)?"
    # a hospital's own card or badge
    r"|\bhospital (?:id|badge|card|pass)\b|\bkrankenhausausweis\w*|\bкарт\w* (?:в|для) больниц\w*"
    r"|(?:病院の)?診察券|\bcarte d'h[ôo]pital\b|\btessera (?:dell')?ospedal\w*",
    re.I)
"""A photo taken at a hospital or in a waiting room ("фото из больницы", "病院の待合室で撮った"):
where it was taken, not the person's health. Being there is still a health question ("is
she in hospital?")."""
_KIN = (r"(?:cousin|brother|sister|mother|mom|mum|father|dad|grand(?:ma|pa|mother|father)|wife|"
        r"husband|son|daughter|aunt|uncle|friend|partner|boyfriend|girlfriend|"
        r"prim[oa]|herman[oa]|madre|mam[áa]|padre|pap[áa]|abuel[oa]|espos[oa]|marido|hij[oa]|"
        r"t[íi][oa]|amig[oa]|novi[oa]|cousine|fr[èe]re|s(?:œ|oe)ur|m[èe]re|p[èe]re|grand-m[èe]re|"
        r"grand-p[èe]re|femme|mari|fils|fille|oncle|tante|amie?|copain|copine|cugin[oa]|"
        r"fratello|sorella|nonn[oa]|moglie|marito|figli[oa]|zi[oa]|amic[oa]|ragazz[oa]|"
        r"irm[ãa]o?|m[ãa]e|pai|av[óô]|filh[oa]|namorad[oa]|vetter|bruder|schwester|mutter|mama|"
        r"vater|papa|oma|opa|frau|mann|sohn|tochter|onkel|freund(?:in)?|neef|nicht|broer|zus|"
        r"moeder|vader|vrouw|zoon|dochter|oom|vriend(?:in)?|брат|сестр[аы]|мам[аы]|мать|отец|"
        r"пап[аы]|бабушк[аи]|дедушк[аи]|жен[аы]|муж|сын|доч[ьи]|"
        r"т[её]т[яи]|дяд[яи]|друг|подруг[аи])")
_HEALTH_EVENT = (r"(?:dement\w*|alzheimer\w*|деменци\w*|surgery|operation|chemo\w*|hospital\w*|stroke|cirug[íi]a|operaci[óo]n|operad[oa]|"
                 r"quimio\w*|chimio\w*|op[ée]r[ée]e?|h[ôo]pital|chirurgie|operat[oa]|operazione|"
                 r"chemio\w*|ospedale|cirurgia|krankenhaus|klinik|operiert|operation|"
                 r"geopereerd|operatie|ziekenhuis|операци\w*|прооперир\w*|хими\w*|больниц\w*|"
                 # a long illness stated as the asker's family's story ("mon père a un cancer")
                 r"cancer|c[áa]ncer|krebs|kanker|cancro|рак|diabet\w*|диабет\w*|autis\w*|аутизм\w*|"
                 r"d[ée]pression|depresi[óo]n|depressione|depress[ãa]o|depressie|депресси\w*|"
                 r"ansia|ansiedad|ansiedade|anxiety|angstst[öo]rung|anxi[ée]t[ée])")
_KIN_HEALTH_STORY = re.compile(
    rf"(?:^|(?<=[.;:!?]))\s*(?:my|mi|mis|mon|ma|mes|mein\w*|il mio|la mia|mio|mia|o meu|a minha|"
    rf"meu|minha|mijn|м(?:ой|оя|ои))\s+(?:\w+\s+)?{_KIN}\b[^.;:!?—–]*?\b{_HEALTH_EVENT}\b"
    r"[^.;:!?—–]*(?:[.;:!—–]|,(?=[^,]*\?|[^,]*,[^,]*\?))"
    rf"|(?:^|(?<=[.;:!?]))\s*у (?:мамы|папы|брата|сестры|бабушки|дедушки|сына|дочери|дочки|мужа|жены|"
    rf"друга|подруги)\b[^.;:!?—–]*?\b{_HEALTH_EVENT}\b[^.;:!?—–]*(?:[.;:!—–]|,(?=[^,]*\?))"
    # zh, ja, ar, hi: "我表哥上个月做了手术，", "兄が先月手術して、", "أخوي عمل عملية،", "मेरे भाई का ऑपरेशन हुआ,"
    r"|(?:我|我的)(?:表哥|表姐|表弟|表妹|哥哥|姐姐|弟弟|妹妹|妈妈|媽媽|爸爸|奶奶|爷爷|爺爺|外婆|"
    r"老公|老婆|儿子|兒子|女儿|女兒|朋友|叔叔|阿姨|妈|媽|爸|哥|姐|弟|妹)[^，,。；;？?]*?(?:手术|手術|化疗|化療|住院)"
    r"[^，,。；;？?]*[，,。；;]"
    r"|(?:兄|弟|姉|妹|母|父|祖母|祖父|いとこ|友達|夫|妻|娘|息子|おかん|おとん)(?:が|は)[^。、？?]*?"
    r"(?:手術|入院|抗がん剤|化学療法)[^。、？?]*[。、]"
    r"|(?:أخوي|أخويا|اخوي|اخويا|أخي|اخي|أختي|اختي|أمي|امي|ماما|أبوي|ابوي|أبي|ابي|بابا|جدي|جدتي|"
    r"زوجي|زوجتي|ابني|بنتي|صاحبي|صاحبتي|ابن عمي|بنت عمي)\s[^،,.؟?]*?(?:عملية|عمليه|كيماوي|"
    r"مستشفى|المستشفى|المستشفي|السكري|سكري|السرطان|سرطان)[^،,.؟?]*[،,.]"
    r"|(?:मेरे|मेरी|मेरा)\s+(?:भाई|बहन|माँ|मां|मम्मी|पापा|पिताजी|दादी|दादा|नानी|नाना|चाचा|चाची|"
    r"कज़िन|कजिन|दोस्त|पत्नी|पति|बेटा|बेटी|बेटे)[^,।?]*?(?:ऑपरेशन|सर्जरी|कीमो|अस्पताल|"
    r"हॉस्पिटल|शुगर|डायबिटीज़?|कैंसर|डिप्रेशन)[^,।?]*[,।]", re.I)
"""A back-story about the asker's relative's surgery or hospital stay before a benign
question ("My cousin had eye surgery last month; is he wearing glasses?", "mio fratello è in
ospedale, sorride?"): dropped only when the rest asks a task; a health question in the rest
still refuses on its own words."""
_POSTER = re.compile(
    r"\b(?:election|campaign|electoral) (?:posters?|billboards?|flyers?|leaflets?)|\bwahlplakat\w*"
    r"|\baffiches? (?:[ée]lectorale?s?|de campagne)|\bcartel\w* (?:electoral\w*|de campaña)"
    r"|\bmanifest\w* elettoral\w*|\bcartaz\w* (?:eleitora\w*|de campanha)|\bverkiezings(?:poster|"
    r"affiche|bord)\w*|\b(?:предвыборн|агитационн)\w* (?:плакат|баннер|листовк)\w*"
    r"|(?:竞选|选举|競選)海报|選挙ポスター|ملصق\S* (?:ال)?انتخابي\S*|(?:चुनावी|चुनाव) (?:पोस्टर|बैनर)"
    r"|\b\w+-(?:plakat|poster|affiche)\w*",
    re.I)
_POSTER_OF = re.compile(r"\bposter\s+(?:of|van|von|de|des|du|der|della|del|da|do)(?:\s+(?:the|de|der|"
                        r"la|le|het|l'))?\s*\w+")
"""Whose poster it is ("verkiezingsposter van de PVV"): the poster's, not the person's."""
"""An election poster is what the photo shows, not the person's views: read as a plain poster
in the question's script ("which party is the candidate on this poster from?" still refuses)."""


_HOSTS = (r"(?:party|partido|parti|partito|partei|partij|партии|"  # a party's rally
          r"trump|biden|obama|harris|putin|maga|brexit|afd|pegida|cdu|csu|spd|npd|fdp|"
          r"labour|tory|tories|bjp|congress|aap|lega|m5s|psoe|vox|podemos|bolsonar\w*|lula|rn|lfi|"
          r"pvv|fvd|blm|lgbt\w*\+?|lgbtq\w*|gay|queer|trans|feminist\w*|f[ée]ministe?s?|"
          r"femminist\w*|feminista?s?|pro-[\w-]+|anti-[\w-]+|climate|climat|clima|klima\w*|"
          r"[ée]lectorale?s?|elettoral\w*|eleitora\w*|electoral|campaign|campagne|campaña|"
          r"лгбт|навальн\w*|оппозици\w*)")
_GATHERINGS = (r"(?:rall(?:y|ies)|demos?|protests?|march(?:es)?|parade|pride|manif\w*|"
               r"manifestaci[oó]n\w*|manifestazion\w*|manifesta[çc][ãa]o|manifesta[çc][õo]es|"
               r"comizi\w*|mitin\w*|com[ií]cios?|kundgebung\w*|betoging\w*|demonstrati\w*|"
               r"corteo|desfile|marcha|marche|parata|митинг\w*|демонстраци\w*|шестви\w*)")
_POLITICAL_ADJ = (r"(?:(?:a|an|une?|una?|uma|een|einer|eine[rn]?|la|le|el|il|o|a|de|der|die)\s+)?"
                  r"(?:political|politique|pol[ií]tic[oa]|politic[oa]|politischen?|politieke|"
                  r"политическ\w*)?\s*")
_HOSTED_GATHERING = re.compile(
    rf"\b{_HOSTS}[- ]{_GATHERINGS}\b"
    rf"|\b{_GATHERINGS} (?:(?:de la|du|des|de|del|della|di|dei|van de|van|von der|der|of the|of|"
    rf"do|da|dos|das|за|против)\s+)?{_POLITICAL_ADJ}{_HOSTS}\b"
    # one-word compounds: "Parteikundgebung", "Wahlkampfveranstaltung", "verkiezingsbijeenkomst"
    r"|\b(?:partei|wahlkampf|wahl|parteitags?|partij|verkiezings|campagne)(?:kundgebung|demo|"
    r"veranstaltung|versammlung|rally|rede|bijeenkomst|betoging|manifestatie|meeting)\w*"
    # zh, ja, ar, hi: "竞选集会", "選挙演説", "مظاهرة حزبية", "चुनावी रैली"
    r"|(?:政党|竞选|競選|选举|選舉|政治)(?:集会|集會|造势|造勢|游行|遊行|大会|大會|活动|活動)"
    r"|(?:選挙|政党|政治)(?:演説|集会|デモ|キャンペーン)"
    r"|(?:مظاهرة|مسيرة|تجمع|مهرجان|تظاهرة)\s+(?:ل|لل)?(?:حزب|ال?حزبي|ال?انتخابي|ال?سياسي)\S*"
    r"|(?:चुनावी|राजनीतिक|पार्टी की|सियासी)\s+(?:रैली|सभा|जलसा|जुलूस|प्रदर्शन|मीटिंग)"
    r"|\b(?:chunavi|chunaavi|party ki|political)\s+(?:rally|rallies|sabha|jalsa|julus)\b", re.I)
"""A gathering named by its host or cause ("trump rally pic", "afd demo foto", "photo de la
manif lgbt", "al gay pride"): the photo's setting. Dropped only in a question about a photo or
one whose rest asks a task ("... is he angry"); "does he go to trump rallies?" still refuses."""
_ROLE = re.compile(
    r"\b(?:the|this|that|our|my|your|(?:photo|picture|image|selfie) of an?|el|la|le|der|die|den|"
    r"dem|de|il|lo|o|het|onze|unser\w*|nuestr[oa]|notre|nostr[oa]|"
    r"noss[oa])\s+"
    r"(?:(?:local|parish|new|old|young|village|head)\s+)?(?:priest|"
    r"imam|rabbi|pastor|vicar|nun|monk|bishop|reverend|preacher|"
    r"sacerdote|cura|monja|rabino|im[aá]n|pr[êe]tre|cur[ée]|rabbin|"
    r"pasteur|religieuse|moine|[ée]v[êe]que|priester|pfarrer|"
    r"rabbiner|nonne|m[öo]nch|bischof|prete|parroco|rabbino|suora|"
    r"monaco|vescovo|padre|freira|monge|bispo|pastoor|dominee|"
    r"rabbijn|monnik|politician|candidate|senator|mayor|congressman|congresswoman|mp|"
    r"pol[ií]tic[oa]|candidat[oa]|candidate?|politiker(?:in)?|kandidat(?:in)?|politicus|kandidaat|"
    r"politicien(?:ne)?|patient|paciente|paziente|pati[ëe]nt)\b(?:'s)?|\bneta ?ji\b|नेता ?जी"
    r"|\b(?:этот |наш )?(?:священник\w*|батюшк\w*|имам\w*|раввин\w*|монах\w*|монахин\w*|пастор\w*)"
    r"|(?:这位|那位|这个)?(?:牧师|神父|和尚|修女|伊玛目|阿訇)|(?:この|あの)?(?:牧師|神父|お坊さん|僧侶|住職|修道女|イマーム)(?:さん)?"
    r"|\bال(?:إمام|امام|شيخ|قس|كاهن|راهب|راهبة|حاخام)\b|(?:पुजारी|"
    r"पंडित|इमाम|मौलवी|पादरी|साधु)(?: जी)?",
    re.I)
"""A religious role or a political office as who the photo shows ("is the priest smiling?",
"draagt de imam een bril?"):
the asker names the role, no faith is inferred; read as "the person" when the question asks a
task ("is he a priest?" keeps its article and still refuses)."""
def _the_person(m: re.Match) -> str:
    return " the person's " if m.group(0).endswith("'s") else " the person "


_SETTING_BREAK = re.compile(r"[.;:。：；—–](?=[^.;:。：；—–?？؟]*[?？؟]\s*$)")
"""The last break before the final question: what stands before it is the photo's setting when
it names the photo and asks nothing."""
_CLAUSE_BREAK = re.compile(r"[,，、،](?=[^.;:。：；—–?？؟]*[?？؟]\s*$)")
"""A comma in the final question: what stands before it is a setting when it is a statement
("Mein Bruder ist schwul, kannst du mir nur sagen, ob er lächelt?"); the last such comma."""
_QUESTION_WORD = re.compile(
    r"^\W*(?:is|are|was|were|am|does|do|did|can|could|would|will|has|have|should|may|might|ist|"
    r"sind|hat|kann|sieht|tr[äa]gt|heeft|zijn|kan|ziet|draagt|est-ce|a-t-il|a-t-elle)\b"
    r"|\b(?:what|which|who|whom|whose|how|whether|why|qu[ée]|cu[áa]l\w*|qui[ée]n\w*|c[óo]mo|"
    r"cu[áa]nt\w*|quel\w*|qui|comment|combien|welche?\w*|wer|wie|ob|warum|chi|cosa|quale|"
    r"quant\w*|perch[ée]|qual|quem|porqu[êe]|wat|welk\w*|hoe|waarom|ли|кто|что|как\w*|какой|"
    r"сколько|почему|kya|kaun|kaise|kitn\w*)\b|¿|吗|嗎|呢|什么|什麼|谁|誰|哪|几|幾|多少|怎么|怎麼|"
    r"是不是|是否|何|どう|どこ|いくつ|か$|هل|ماذا|كيف|كم|أي|क्या|कौन|कैसे|कितन",
    re.I)
"""A clause that asks (a question word, or a verb first): not a setting, even without "?"."""
_LOCATIVE_START = re.compile(r"^\W*(?:(?:it's|it is|this is|this was|es|est|c'est|è|é|das ist|dit is|"
                             r"het is)\s+)?(?:in|at|on|from|en|na|no|em|à|a|au|dans|im|am|bei|auf|"
                             r"nel|nella|al|alla|all'|op|в|во|на|de|di|da|du|van|von|с|في|عند)\b"
                             r"|^\W*在"
                             r"|^\W*(?:er|sie|he|she|il|elle|[ée]l|ella|lei|lui|ele|ela|hij|zij|ze|он|она|هو|هي)"
                             r"\s+(?:\w+\s+)?(?:auf|an|in|bei|at|on|à|au|dans|en|na|no|em|op|a|в|на|في)\s", re.I)
"""A clause that opens on where ("Na clínica de reabilitação, ele parece calmo?", "es de una
marcha, ¿sonríe?")."""


_RELATIVE_START = re.compile(r"^\s*(?:что|который|которая|которое|где|that|which|who|where|whom|que|"
                             r"qui|dont|où|che|cui|dove|die|dat|waar|der|das|wo|welche[rs]?)\b", re.I)
"""A clause that goes on the one before ("Это тот же человек, что на фото в паспорте?"): the
comma before it does not end a setting."""


_WHO_AS_GENDER = re.compile(
    r"\bкто (?:на (?:снимке|фото\w*|картинке)|это)\s*[—–:,-]?\s*(?=(?:мальчик|девочка|мужчина|женщина|"
    r"парень|девушка) или )"
    r"|\bwho(?:'s| is) (?:in|on) (?:the|this) (?:photo|picture|pic|image)\s*[—–:,-]\s*(?=(?:an? )?(?:man|"
    r"woman|boy|girl|guy) or )", re.I)
""""Who is in the photo: a boy or a girl?" asks the perceived gender, not who it is."""
_NEGATION = re.compile(r"\b(?:not|no|nicht|kein\w*|pas|ne|non|n[ãa]o|niet|geen|не|ни|nahi|nahin)\b"
                       r"|不|没|沒|ない|なく|لا|مش|ما |मत|नहीं", re.I)
"""A negation: a clause with one ("Не спрашиваю, ...") is not a setting to drop at its comma."""
_ONLY = re.compile(r"\b(?:just|only|simply|juste|seulement|solo|s[óo]lo|nur|blo[ßs]|alleen|gewoon|"
                   r"только|просто|apenas|s[óo])\b|只|だけ|فقط|बस|सिर्फ़?", re.I)
"""What marks the one thing asked after a story ("..., tu peux juste me dire s'il porte une
barbe ?")."""


def _asks_identity(text: str) -> bool:
    return any(p.search(text) for rule, patterns, _ in _COMPILED if rule.category == "identity"
               for p in patterns)


def _is_setting(setting: str, rest: str, comma: bool) -> bool:
    """Whether `setting` (the text before the last break) only sets the scene for `rest`: it
    asks and requests nothing, and names the photo (or, a statement, is followed by a question
    about the photo or opens on a place)."""
    if (_REQUEST.search(setting) or not _asks_task(rest) or _FICTION_CONTEXT.search(setting)
            or _RELATIVE_START.match(rest) or _asks_identity(setting)):
        return False  # "in this charcoal sketch, is the character ...": read with the sketch
    statement = not _QUESTION_WORD.search(setting) and not (comma and _NEGATION.search(setting))
    if _PHOTO_CUE_RE.search(setting) and (statement or not comma):
        return True
    return statement and bool(_PHOTO_CUE_RE.search(rest) or _LOCATIVE_START.match(setting)
                              or _ONLY.search(rest))
_FAITH_OR_STATE_SOURCE = re.compile(
    r"\b(?:church|mosque|temple|synagogue|parish|congregation|immigration|asylum|visa)\s+"
    r"(?:newsletter|committee|bulletin|magazine|website|office|"
    r"board|records?|archive|file|form|desk|officers?|"
    r"authority|services?|photo|portal)\b"
    r"|\b(?:bolet[ií]n|comit[ée]|oficina|hoja) (?:de la |del |"
    r"de )?(?:iglesia|parroquia|mezquita|inmigraci[oó]n|extranjer[ií]a)\b"
    r"|\b(?:bulletin|comit[ée]|bureau|service|journal) (?:de la |"
    r"du |de l'|des )?(?:paroisse|[ée]glise|mosqu[ée]e|immigration)\b|"
    r"\bpr[ée]fecture\b"
    r"|\b(?:gemeindebrief|pfarrbrief|ausl[äa]nderbeh[öo]rde|einwanderungsbeh[öo]rde|"
    r"moscheeverein|kirchengemeinde)\w*"
    r"|\b(?:bollettino|comitato|ufficio|giornalino) (?:della |"
    r"parrocchiale|dell'|del )?(?:parrocchia|chiesa|moschea|immigrazione)?\b(?=.{0,3}[:,])"
    r"|\bquestura\b|\b(?:boletim|comit[êe]|escrit[óo]rio|jornal) da (?:igreja|"
    r"par[óo]quia|mesquita|imigra[çc][ãa]o)\b"
    r"|\b(?:moskee|kerk|parochie|synagoge)(?:nieuwsbrief|bestuur|blad|krant)\b|\bimmigratiedienst\b"
    r"|\bмиграционн\w+ служб\w+|\bприходск\w+ (?:газет\w+|листк\w+)"
    r"|(?:教会|清真寺|寺庙)(?:的)?(?:通讯|委员会|简报)|移民局|(?:教会|モスク|寺)の(?:会報|委員会)|入管|出入国在留管理"
    r"|(?:نشرة|لجنة) (?:ال)?(?:مسجد|كنيسة)|(?:مكتب|دائرة) (?:ال)?هجرة|"
    r"(?:मंदिर|मस्जिद|चर्च) (?:समिति|पत्रिका)|इमिग्रेशन ऑफिस",
    re.I)
"""Where the question comes from, not a trait: a parish newsletter, a mosque committee, an
immigration office ("Immigration office photo: is this a live capture?"); dropped when the rest
asks a task ("is he an immigrant? (immigration office)" still refuses on "immigrant")."""


_ONLY_ASKING = re.compile(
    r"\b(?:but|mais|aber|pero|ma|mas|maar|но|и)\s+(?:i (?:just |only )?want to know|"
    r"ich (?:will|m[öo]chte) (?:nur|blo[ßs]|doch nur|lediglich) wissen|je veux (?:juste|seulement) "
    r"savoir|(?:yo )?solo quiero saber|voglio solo sapere|(?:eu )?s[óo] quero saber|ik wil "
    r"(?:alleen|gewoon|enkel) weten|я (?:только|просто) хочу знать|"
    r"my (?:only )?question is|i(?:'m| am) only asking|"
    r"i only ask|the question is|ma (?:seule )?question(?: est)?|je demande juste|ich frage nur|"
    r"meine frage(?: ist)?|mi pregunta(?: es)?|solo pregunto|la mia domanda(?: [èe])?|chiedo solo|"
    r"minha pergunta(?: [ée])?|s[óo] pergunto|ik vraag alleen|mijn vraag(?: is)?|вопрос другой|"
    r"вопрос в другом|я спрашиваю только|мой вопрос)\s*[:：,]?"
    r"|(?:لكن|بس|فقط) (?:أبغى|ابغى|أبي|ابي|أريد|اريد|بدي|عايز|عاوز) (?:أعرف|اعرف)\s*[:：,]?"
    r"|(?:لكن|بس) (?:سؤالي|أسأل فقط|اسأل بس)\s*[:：,]?|(?:लेकिन|पर) (?:मेरा सवाल|सिर्फ़? (?:ये )?पूछ "
    r"(?:रहा|रही) (?:हूँ|हूं))\s*[:：,]?|(?:但是?|不过)我(?:只是)?(?:想)?问[:：,，]?"
    r"|(?:でも|ただ)(?:聞きたいのは|質問は)[:：、]?",
    re.I)
"""What marks the question after a story ("Mijn broer heeft autisme, maar ik vraag alleen: lacht
hij?"): the text before it is dropped when what follows asks a task."""
_SPOOF_SUBJECT = re.compile(
    r"(?:\b(?:of|de|van|di|von|do|da|du|des)\s+|\bd')(?:an?|un|una|une|een|einem|einer|um|uma|some|"
    r"alg[uú]n|un certo)?\s*(?:famous|well-known|bekende?|famos[oa]|c[ée]l[èe]bre|ber[üu]hmt\w*|conocid[oa]|"
    r"celebrity|celeb|star|actor|actress|acteur|actrice|schauspieler\w*|attore|attrice|ator|atriz|"
    r"singer|cantante|chanteu\w*|s[äa]nger\w*|zanger\w*|politician|politic[oa])(?:\s+(?:actor|"
    r"actress|singer|person|nederlander|acteur|actrice|chanteuse|chanteur|sänger\w*))?"
    r"(?:\s+(?:connue?s?|conocid[oa]|famos[oa]|c[ée]l[èe]bre|bekannte?n?))?\b"
    r"|\b(?:een|ein|un|una|a|an)\s+(?:bekende?|famous|famos[oa]|ber[üu]hmte?r?|c[ée]l[èe]bre|"
    r"well-known)?\s*(?:promi|zanger\w*|singer|s[äa]nger\w*|actor|actress|acteur|actrice|attore|"
    r"attrice|atriz|ator|schauspieler\w*|chanteu\w*|cantante|cantora|star|celebrity|"
    r"footballer|voetballer|calciatore)(?=\s+(?:op|on|auf|sur|su|en|em|на)\s+(?:een|a|an|einem|einer|"
    r"un|una|um|uma|le|la|el|the)?\s*\S*(?:scherm|screen|bildschirm|[ée]cran|schermo|pantalla|tela|"
    r"tablet|laptop|phone|handy|poster))"
    r"|\b(?:фото|постер\w*|плакат\w*)\s+известн\w+\s+\w+"
    r"|(?:\b(?:poster|affiche|plakat|cartaz|manifesto|foto|photo)\s+(?:di|de|van|von|of|do|da|du)\s+"
    r"(?:un|una|a|an|een|einem|um|uma)\s+)(?:calciatore|futbolista|jogador|footballeur|fu[ßs]baller|"
    r"voetballer|footballer)(?:\s+famos[oa])?"
    r"|明星(?=海报|的海报|照片|的照片)|"
    r"某(?:个)?(?:明星|名人)的?|(?:明星|名人)的(?=换脸|AI|假)|有名人の|\b(?:celebrity|promi|star)[- ]?(?:wax ?figure|"
    r"wachsfigur|fake|deepfake)s?\b|\bwax ?figure of (?:a |some )?(?:celebrity|star)\b|\b(?:circul\w*|going around|viral|gepost\w*|posted|shared|"
    r"compartid\w*|partag\w*|geteilt|condivis\w*) (?:on|sur|en|auf|su|no|na|op) (?:facebook|instagram|"
    r"tiktok|twitter|whatsapp|social media|les r[ée]seaux)\b",
    re.I)
"""Who a spoof question is about, unnamed ("a deepfake of a famous actor", "某明星的换脸", a photo
going round on Facebook): dropped when the rest asks a task."""
_LEGAL_AGE = re.compile(
    r"\b(?:old enough|(?:the )?age|edad|[âa]ge|alter|et[àa]|idade|leeftijd|возраст\w*) "
    r"(?:\w+ ){0,2}(?:to |para |de |pour |zum |per |om te )?(?:vote|votar|voter|w[äa]hlen|votare|"
    r"stemmen|голосовать)\b|\bregister(?:ing|ed)? to vote\b|\bvoter (?:id|registration|card)\b"
    r"|\b(?:bier|alkohol|zigaretten|alcohol|cerveza|alcool|bi[èe]re|birra|cerveja|wodka) "
    r"(?:\w+ )?(?:verkaufen|vender(?:le)?|vendre|vendergli|verkopen)\b"
    r"|\b(?:en|in|alle|aux|bei|bij|на|nas) (?:las |le |den |de |the )?(?:pr[óo]ximas |next |prochaines |"
    r"n[äa]chsten |prossime |volgende )?(?:elecciones|elezioni|[ée]lections|elections|wahlen|"
    r"verkiezingen|выборах|elei[çc][õo]es)\b"
    r"|\bvote (?:dalne|daalne|dene) ki (?:umar|umr)\b|वोट (?:डालने|देने) की उम्र"
    r"|\bt[íi]tulo de eleitor\b|\b(?:puede|pode|peut|pu[òo]|darf|mag|может)(?: (?:ya|j[áa]|d[ée]j[àa]|"
    r"gi[àa]|schon|al|уже))? (?:votar|voter|votare|w[äa]hlen|stemmen|голосовать)\b(?: (?:en|alle|"
    r"aux|bei|bij|на) (?:las |le |den |de )?(?:pr[óo]ximas |elezioni|[ée]lections|wahlen|"
    r"verkiezingen|выборах)\w*)?|\belezioni\b|\bизбирательн\w* участк\w*|投票所(?:の受付)?"
    r"|\b(?:buy|comprare|comprar|acheter|kaufen|kopen) (?:\w+ )?(?:alcohol|alcolici|alcol|alcool|"
    r"alkohol|beer|birra|cerveza|bi[èe]re|bier|cigarettes|sigarette|cigarrillos|zigaretten)\b"
    r"|वोटर आईडी|\bsell (?:him|her|them) (?:alcohol|beer|cigarettes)\b|\bможно (?:ли )?продавать "
    r"(?:алкоголь|сигареты)\b|お酒を出しても大丈夫な",
    re.I)
"""A legal age in view ("registering to vote, does she look over 18?", "お酒を出しても大丈夫な
年齢"): an age question, not politics or drinking."""
_ID_PHOTO_PURPOSE = re.compile(
    r"\b(?:for|per|pour|para|f[üu]r|voor|для) (?:the |la |una |a |il |le |het |de |den |an? )?"
    r"(?:foto |photo )?(?:(?:della|de la|do|da|des|van de|vom|на) )?(?:id|carta d'identit[àa]|"
    r"carte d'identit[ée]|documento de identidad|dni|passport|pasaporte|passaporte|passeport|"
    r"reisepass|personalausweis|paspoort|identiteitskaart|паспорт\w*)(?: (?:photo|foto|picture))?\b"
    r"|\b(?:para|pour|for|zur|per|voor|для|na)\s+(?:(?:la|le|the|a|die|de|het)\s+)?(?:verificar|"
    r"comprobar|v[ée]rifier|v[ée]rif|v[ée]rification|verify(?:ing)?|verification|check(?:ing)?|"
    r"pr[üu]fung|[üu]berpr[üu]fung|verifica(?:re)?|verifica[çc][ãa]o|controle(?:ren)?|проверки|"
    r"верификации)\s+(?:(?:la|l'|the|der|de|a|die|d'|di|da|della|van)\s*)?(?:identidad|identit[ée]|"
    r"identity|identit[äa]t|identit[àa]|identidade|identiteit|личности)\b(?: (?:en|in|dans|bei|nel|"
    r"na|в|at|on) (?:\w+ ){0,4}?(?:banco|banque|bank|app|appli\w*|aplicaci[óo]n|aplicativo|"
    r"банке|приложени\w*))?"
    r"|\b(?:for|para|pour)\s+(?:the |an? )?(?:identity|id|kyc) (?:verification|check)\b(?: (?:in|on|at) "
    r"(?:\w+ ){0,4}?(?:bank|app)\w*)?",
    re.I)
"""A photo taken for an identity document ("per la foto della carta d'identità"): why the
question is asked, dropped when a task is asked."""
_WORN_SIGN = re.compile(
    # a party's pin, cap or shirt
    r"\b(?:pins?|badges?|buttons?|caps?|hats?|shirts?|t-shirts?|stickers?|scarf|flags?|banners?|"
    r"spilla|cappellino|maglietta|bandiera|gorra|chapa|camiseta|camisa|bandera|bon[ée]|broche|"
    r"casquette|drapeau|anstecker|kappe|fahne|speldje|pet|vlag|значок|кепк\w*|футболк\w*|флаг) "
    r"(?:of (?:the|a) |from the |del |di un |do |da |de (?:la |un |uma |um )?|du |d'un |der |"
    r"eine[rs]? |van (?:de |een )?)?(?:party|partito|partido|parti|partei|partij|candidat[oae]?|"
    r"kandidat\w*)\b|значок партии|партийн\w* (?:значок|флаг|футболк\w*)"
    r"|\b(?:party|campaign|partei|wahlkampf|wahl)(?:[- ]| of the )?(?:pin|badge|button|cap|hat|shirt|"
    r"sticker|fahne|flagge|flag|plakat|poster)s?\b|\bpartei(?:fahne|flagge|plakat|abzeichen)\w*"
    r"|選挙の(?:缶)?バッジ|缶バッジ|(?:चुनाव|रैली|पार्टी)(?: रैली)? का बैज"
    # hospital clothing
    r"|\bhospital (?:gown|bed|wristband|bracelet)s?\b|\bkrankenhaus(?:hemd|kittel|bett)\w*"
    r"|\bbata de hospital\b|\bblouse d'h[ôo]pital\b|\bcamice (?:ospedaliero|d'ospedale|da ospedale)\b"
    r"|\bcamisola (?:de|do) hospital\b|\bziekenhuis(?:hemd|bed)\w*"
    r"|\bбольничн\w* (?:халат|рубашк|сорочк|койк|пижам)\w*|病号服|病員服|入院着|病衣|病院のガウン"
    r"|(?:ثوب|لباس|ملابس) (?:ال)?(?:مستشفى|مرضى)|(?:في (?:ال)?مستشفى )?بلباس (?:ال)?مرضى"
    r"|अस्पताल (?:का |की )?(?:गाउन|ड्रेस)",
    re.I)
"""What a person wears that names a party or a hospital ("the guy with the party pin", "der Mann
im Krankenhaushemd", "穿病号服的男人"): which person is meant, dropped when a task is asked."""
_MOBILITY_AID = re.compile(
    r"\b(?:in (?:a|the|his|her) wheelchair|(?:with|using) (?:a |"
    r"the |his |her )?(?:white cane|walking stick|cane|crutches|"
    r"walker)"
    r"|en (?:silla de ruedas|la silla de ruedas)|(?:en|dans un) fauteuil roulant|"
    r"im rollstuhl|in (?:sedia a rotelle|carrozzina)"
    r"|(?:na|em) cadeira de rodas|in (?:een|de) rolstoel|в (?:инвалидной )?коляске)\b"
    r"|坐(?:着)?轮椅的|車椅子の|على (?:ال)?كرسي (?:ال)?متحرك|व्हीलचेयर (?:पर|वाले|वाली)"
    r"|\bwheelchair (?:pe|par|mein|wala|wali|wale)(?: baith\w*(?: hai| h)?)?\b",
    re.I)
"""A mobility aid that says who is meant ("is the person in the wheelchair smiling?"): what the
photo shows, not a health inference; dropped when the rest asks a task ("is he disabled?"
still refuses)."""


_DECLINED_ANYWHERE = re.compile(
    # no names wanted: "sin nombres", "ohne Namensnennung", "不涉及姓名", "氏名に触れない"
    r"\b(?:without|no) (?:any |giving |mentioning )?names?\b|\bsin (?:dar |mencionar )?nombres?\b"
    r"|\bsans (?:nommer (?:quiconque|personne)|noms?)\b|\bohne (?:namen|"
    r"namensnennung|namentliche \w+)\b"
    r"|\bsenza (?:fare )?nomi\b|\bsem (?:citar )?nomes\b|\bzonder namen\b|"
    r"\bбез (?:указания )?им[её]н\b"
    r"|不涉及(?:姓名|名字|身份)|(?:氏名|名前)に(?:は)?触れない|دون ذكر (?:أي )?(?:أسماء|اسم)"
    r"|बिना (?:किसी का )?नाम (?:लिए|बताए)"
    # no inference of a trait wanted: "without making any assumptions about her faith"
    r"|\bwithout (?:making |drawing )?(?:any )?(?:assumptions?|"
    r"inferences?|conclusions?|guess(?:es)?) "
    r"(?:about|regarding|on|as to) (?:her|his|their|the person's) \w+"
    r"|\bsin hacer (?:ninguna )?suposici[oó]n(?:es)? (?:sobre|acerca de) (?:su |sus )?\w+"
    r"|\bsans rien (?:supposer|pr[ée]sumer) (?:de|sur) (?:ses|sa|son|leur) \w+"
    r"|\bohne (?:etwas |irgendetwas )?(?:über (?:ihre|seine|deren) \w+ )?anzunehmen\b"
    r"|\bsenza (?:fare )?(?:alcuna )?(?:ipotesi|supposizion\w*) (?:sulla|"
    r"sul|sulle|sui) (?:sua |suo |sue |suoi )?\w+"
    r"|\bsem fazer (?:nenhuma )?suposi[çc](?:[ãa]o|[õo]es) sobre (?:a |o )?\w+(?: del[ae])?"
    r"|\bzonder iets over (?:haar|zijn|hun) \w+ aan te nemen\b"
    r"|\bне делая (?:никаких )?выводов о (?:её|ее|его|их) \w+"
    r"|不对其?(?:宗教信仰|宗教|信仰|国籍|民族|种族|健康)做任何推测"
    r"|(?:信仰|宗教|国籍|民族)(?:について)?は一切推測せずに|دون (?:أي )?افتراض (?:عن|حول) \S+"
    r"|(?:उनके|उसके|इनके) (?:धर्म|जाति|मज़हब)[^,]{0,20}अनुमान लगाए बिना"
    # nationality or origin ruled out ("die Staatsangehörigkeit spielt keine Rolle")
    r"|\bnothing about (?:her |his |their )?(?:nationality|origin|religion|ethnicity|background)\b"
    r"|\b(?:nationality|origin|religion|ethnicity|background) (?:plays no role|"
    r"does not matter|doesn'?t "
    r"matter|is irrelevant)\b"
    r"|\bnot (?:where|which country) (?:s?he|they|the person|"
    r"the traveller) (?:is|are|comes?) from\b"
    r"|\bsu (?:nacionalidad|origen|religi[oó]n) no me interesa\b|"
    r"\bno me interesa su (?:nacionalidad|origen)\b"
    r"|\bje ne m'int[ée]resse pas (?:à|a) (?:l'origine|la nationalit[ée]|la religion)[^,.;:?]*"
    r"|\bdie (?:staatsangeh[öo]rigkeit|nationalit[äa]t|herkunft|religion) spielt keine rolle\b"
    r"|\bnaar de (?:nationaliteit|herkomst|afkomst) vraag ik niet\b"
    r"|\bde (?:herkomst|afkomst|nationaliteit)[^,.;:?]{0,30} doet er niet toe\b"
    r"|\b(?:гражданство|национальность|происхождение)[^,.;:?]{0,20} не (?:спрашиваю|"
    r"важн\w*|интересует)"
    r"|\b(?:e )?n[ãa]o de onde (?:a pessoa|ele|ela) (?:vem|[ée])\b"
    r"|不涉及(?:其)?(?:国籍|民族|宗教|种族)|(?:国籍|宗教|民族)(?:について)?は(?:伺いません|お尋ねしておりません|問いません|聞きません)"
    r"|(?:ولا |لا )(?:يهمني|تهمني) (?:أصل|جنسية|دين)\S*(?: \S+)?"
    r"|(?:मैं )?(?:राष्ट्रीयता|धर्म|जाति) नहीं पूछ (?:रहा|रही)(?: हूँ| हूं)?"
    # no medical judgement wanted: "without any medical assessment"
    r"|\bwithout (?:any )?medical (?:assessment|opinion|judg(?:e)?ment|evaluation)\b"
    r"|\bsin (?:ninguna )?valoraci[oó]n m[ée]dica\b|\bsans (?:aucun )?avis m[ée]dical\b"
    r"|\bohne (?:jede )?medizinische (?:einsch[äa]tzung|bewertung)\b|"
    r"\bsenza alcuna valutazione medica\b"
    r"|\bsem (?:qualquer )?avalia[çc][ãa]o m[ée]dica\b|\bzonder (?:enig )?medisch oordeel\b"
    r"|\bбез (?:всякой |какой-либо )?медицинской оценки\b|不做任何医学判断"
    r"|医学的な判断(?:は)?(?:抜きで|なしで)"
    r"|دون (?:أي )?تقييم طبي|किसी (?:चिकित्सीय|मेडिकल) राय के बिना",
    re.I)
"""Clauses that decline what would be refused, wherever they stand: no names wanted, no
inference about a trait, nationality or origin ruled out, no medical judgement ("Customs: is
this passport photo a printed copy? Nationality plays no role."). Dropped before the trait
words are read; a trait asked outside them still refuses."""


_WAIVED_TOPIC = (rf"(?:{_DETERMINERS}(?:{_TRAIT_NOUNS}|{_GATHERINGS}|geloof|fede|f[ée]|vera|glaube|"
                 r"marcha|march|event|evento|[ée]v[ée]nement|veranstaltung|evenement))")
_WAIVER = re.compile(
    r"(?:"
    # the topic ruled out, topic first: "Religion ist mir egal", "la politica non c'entra",
    # "Politiek maakt me niet uit", "Политика тут ни при чём", "politics doesn't matter"
    rf"{_WAIVED_TOPIC}\s+(?:(?:is|ist|es|est|[eè]|é|does)\s+)?(?:(?:really|"
    rf"totally|hier|aqui|aqu[ií]|ici|qui|hier)\s+)?"
    r"(?:doesn'?t matter|is irrelevant|is beside the point|aside|"
    r"non c'entra|non importa|non mi interessa|"
    r"no importa|me da igual|da igual|n'importe pas|on s'en fiche|(?:mir )?(?:egal|wurscht|wurst)|"
    r"maakt (?:me |mij |niks |niets )?(?:niet )?uit|doet er niet toe|boeit (?:me |mij )?niet|"
    r"(?:тут |здесь )?ни при ч[её]м|не важн\w*|неважн\w*|n[ãa]o importa|"
    r"n[ãa]o interessa|tanto faz)\b"
    # the topic ruled out, verb first: "forget the march", "esquece a política", "I don't need to
    # know anything about religion", "Ik vraag niks over geloof", "het gaat niet om zijn gezondheid"
    r"|\b(?:forget|never mind|ignore|olvida(?:te de)?|olvide|"
    r"oublie(?:z)?|laisse(?:z)? tomber|vergiss|"
    r"vergeten sie|lascia(?:mo)? (?:perdere|stare)|dimentica|"
    r"esque[çc]a|esquece|vergeet|забудь(?:те)?(?: про| о| об)?|"
    r"i (?:don'?t|do not) (?:need|want) to know (?:anything|much|"
    r"nothing) about|i'?m not asking (?:anything )?about|"
    r"(?:it'?s|it is|this is) not about|no pregunto nada (?:de|"
    r"sobre)|no se trata de|il ne s'agit pas d[e']|"
    r"es geht (?:mir )?nicht um|non si tratta d[i']|n[ãa]o quero saber nada (?:de|"
    r"sobre)|n[ãa]o se trata d[aeo]|"
    r"(?:ik )?vraag (?:je |u )?(?:niks|niets) over|het gaat (?:me |mij )?niet om|речь не о)\s+"
    rf"{_DETERMINERS}[^\W\d_]+\b"
    # the asker's suspicion denied: "it's not that I think she's ill", "Non è che penso che ..."
    r"|\b(?:it'?s |it is )?not that i (?:think|suspect|believe|"
    r"worry)\b|\bno es que (?:yo )?(?:crea|piense|sospeche)\b"
    r"|\bce n'est pas que je|\bnon pas que je|\bnicht,? dass ich (?:denke|"
    r"glaube|vermute)\b[^.?!:;]*?(?=,\s*(?:aber|sondern|ich|nur)\b)"
    r"|\bnon (?:è|e') che (?:io )?(?:penso|pensi|creda|credo|"
    r"sospetti)\b|\bn[ãa]o (?:é|e) que eu (?:ache|pense|desconfie|"
    r"suspeite)\b"
    r"|\bniet dat ik (?:denk|vermoed|geloof)\b|дело не в том,? что[^.?!:;]*?(?=,\s*(?:просто|"
    r"а|но|я)\b)|\bне то чтобы"
    r"|(?:不是说|并不是说|倒不是说?)(?:我)?(?:觉得|认为|怀疑)|[^。、？?]*(?:疑って|思って)(?:いる|"
    r"る)?わけ(?:じゃ|では)(?:ない|ありません)(?:んです|です)?(?:が|けど)"
    r"|(?:مش|ليس|مو) (?:إني|لأني|انو|إنو|أني|اني) (?:بشك|أشك|"
    r"شاكك|أظن|فاكر)|ऐसा नहीं (?:है )?कि (?:मुझे लगता|मैं सोच)"
    r"|\baisa nahi(?:n)? (?:hai )?ki (?:mujhe lagta|main soch)"
    # who it is waived: "I don't care who it's meant to be", "sea quien sea", "誰であれ"
    r"|\bi (?:don'?t|do not) (?:care|need to know|want to know) who\b|"
    r"\bwhoever (?:it|he|she|they) (?:is|are|may be|might be|"
    r"is meant to be)\b|\bno matter who\b"
    r"|\bsea quien sea\b|\bno (?:me importa|quiero saber) qui[eé]n\b|"
    r"\bpeu importe qui\b|\bje me fiche de qui\b|\bje ne veux pas savoir qui\b"
    r"|\begal,? wer\b|\bwer (?:es|das|er|sie) (?:sein soll|ist),? ist (?:mir )?(?:egal|"
    r"wurscht|wurst)|\bich will nicht wissen,? wer\b"
    r"|\bchiunque sia\b|\bchi sia non mi importa|\bnon (?:mi importa|"
    r"voglio sapere) chi\b|\bseja quem for\b|\bn[ãa]o (?:me importa|"
    r"quero saber) quem\b"
    r"|\bwie het (?:ook )?(?:is|moet zijn|mag zijn)\b|\bik wil niet weten wie\b|"
    r"\bневажно,? кто\b|\bне хочу знать,? кто\b"
    r"|\bкто (?:это|он|она) (?:должен быть|такой|такая),? (?:неважно|не важно)"
    r"|不管是谁|无论是谁|是谁我不(?:关心|在乎|管)|我不想知道(?:他|她)?是谁|誰であれ|誰(?:のつもり)?か?は関係(?:なく|ない)|誰か(?:は)?知りたくない"
    r"|(?:لا يهمني|مش مهم|ما يهمني|لا أريد أن أعرف|لا اريد ان اعرف|"
    r"مش عايز أعرف|ما بدي أعرف) (?:من|مين) (?:يكون|هو|هي|تكون|"
    r"يكون)"
    r"|أياً? كان|أيا كان|कौन है (?:उससे |इससे )?(?:मतलब|फर्क) नहीं|"
    r"मुझे नहीं जानना (?:कि )?(?:वो |यह )?कौन|\b(?:jo|koi) bhi ho\b"
    # topic first in zh, ja, ar, hi: "政治はどうでもいいので", "السياسة لا تهمني", "politics chhodo"
    r"|(?:宗教|信仰|政治|人種|民族|国籍|國籍|種族|种族|健康|病気|性取向|性的指向)(?:のこと|について)?(?:は|を|とか)?"
    r"(?:どうでもいい|関係ない|関係なく|不重要|无所谓|無所謂|我不管|不关心|无关|無關)"
    r"|(?:ال)?(?:دين|ديانة|سياسة|سياسه|عرق|صحة|مذهب)\S*\s+(?:لا|"
    r"ما|مش|مو)\s+(?:تهمني|يهمني|تهم|يهم|مهمة|مهم|تفرق)"
    r"|(?:\b(?:politics|religion|dharm|dharam|mazhab|siyasat|"
    r"rajneeti)\b|राजनीति|धर्म|मज़हब|सियासत)\s+"
    r"(?:chhodo|chodo|chhodiye|chodiye|rehne do|छोड़ो|छोड़िए|रहने दो))"
    r"[^.!:;,，。、：،?？؟\n]*[.!:;,，。、：،]?",
    re.I)
"""A clause that waives what would be refused, in a message whose question comes after it:
the topic of a setting ("La politica non c'entra", "Politiek maakt me niet uit"), the asker's
suspicion ("it's not that I think she's ill, but ...") or who it is ("I don't care who it's
meant to be"). The statements before it and the clause itself are dropped when the rest asks
a task and nothing before it asks or requests (_REQUEST): "Who is she? Politics aside, is she
smiling?" still refuses."""
_REQUEST = re.compile(
    r"[?？؟]|\b(?:tell|give|show|name|identify|find|search|guess|"
    r"say|look up|want|need|wonder\w*|curious)\b|\b(?:dime|d[ií]game|decime|dinos|"
    r"dis[- ]moi|dites[- ]moi|sag(?:en sie)? mir|nenne|dimmi|"
    r"mi dica|diz(?:-me)?|me diga|zeg|noem|скажи\w*|"
    r"назови\w*)\b|告诉|说出|教えて|言って|قل لي|قولي|أخبرني|बताओ|बताइए|\bbatao\b|\bbataiye\b",
    re.I)


_PRISON_PHOTO = re.compile(
    r"\b(?:photo|pic|picture|selfie|shot|mugshot)s? (?:\w+ ){0,2}?(?:from|in|at|inside) "
    r"(?:the |a )?(?:prison|jail)\b|\b(?:prison|jail) (?:photo|pic|picture|selfie|shot)s?\b"
    r"|\b(?:foto|imagen|selfie)s? (?:\w+ ){0,2}?(?:de la|desde la|en la|del|en el) "
    r"(?:c[áa]rcel|prisi[óo]n|penal)\b"  # Spanish
    r"|\bphotos? (?:\w+ ){0,2}?(?:de la|en|depuis la|à la) prison\b"  # French
    r"|\b(?:foto|bild|selfie)\w* (?:\w+ ){0,2}?(?:aus dem|im) gef[äa]ngnis\b|\bgef[äa]ngnisfoto\w*"
    r"|\b(?:foto|immagine|selfie) (?:\w+ ){0,2}?(?:dal|in|nel) (?:carcere|prigione)\b"  # Italian
    r"|\b(?:foto|imagem|selfie)s? (?:\w+ ){0,2}?(?:da|na|do|no) (?:pris[ãa]o|cadeia|pres[íi]dio)\b"
    r"|\b(?:foto|selfie)\w* (?:\w+ ){0,2}?(?:uit|in) de gevangenis\b|\bgevangenisfoto\w*"  # Dutch
    r"|\b(?:фото\w*|снимок|селфи) (?:\w+ ){0,2}?(?:из|в) (?:тюрьм|колони|сизо)\w*"  # Russian
    r"|(?:在)?监狱(?:里)?(?:拍|照)的?(?:照片)?|监狱里的照片"  # Chinese
    r"|(?:刑務所|拘置所)(?:の中)?(?:で撮った|の)(?:写真|画像)"  # Japanese
    r"|(?:صورة|سيلفي) (?:\S+ ){0,2}?(?:من|في|داخل) (?:ال)?سجن\S*"  # Arabic
    r"|जेल (?:वाली|की|में|के अंदर की) (?:फोटो|तस्वीर)"
    r"|\bjail (?:wali|ki|me|mein) (?:photo|pic|foto)",
    re.I)
"""A photo taken in a prison ("foto uit de gevangenis", "фото из тюрьмы", "जेल वाली फोटो"):
where it was taken, like a prison visit; "is he in prison?" still refuses."""
_POLITICIAN_PHOTO = re.compile(
    r"\b(?:photo|pic|picture|image|foto|bild|imagen|immagine|imagem|afbeelding|фото\w*|снимок)\s+"
    r"(?:of|de|di|del|do|da|van|von|eines|einer|d'|d')\s*(?:(?:a|an|the|um|uma|un|une|una|uno|een|"
    r"de|het|el|la|il|lo|o|a|dem|der)\s+)?(?:politician|candidate|senator|minister|mayor|"
    r"pol[ií]tic[oa]s?|politicien\w*|politiker\w*|politicus|politici|candidat\w*|kandidat\w*|"
    r"kandidaat|политик\w*|депутат\w*|кандидат\w*)\b"
    r"|(?:政治家|政治人物|政客|候选人|候補者?)的?の?(?:照片|图片|写真|画像)"
    r"|(?:صورة|صوره) (?:ل|لل)?(?:ال)?(?:سياسي|مرشح)\S*"
    r"|(?:नेता|नेताजी|उम्मीदवार) (?:की|का|वाली) (?:फोटो|तस्वीर)"
    r"|\bneta(?:ji)? (?:ki|wali) (?:photo|pic)",
    re.I)
"""A photo of a politician as what the photo shows ("essa foto de político é real?"): read as
a plain photo; "is this politician corrupt?" still refuses on its own words."""
_ROMAN_WORSHIP = re.compile(
    r"\b(?:mandir|masjid|church|gurudwara|gurdwara|dargah|temple)\s+(?:wali|wala|waali|ki|ke|me|"
    r"mein)\s+(?=photo|pic|foto|tasveer|tasvir)", re.I)
"""Romanised Hindi "mandir wali photo": where the photo was taken."""


_PHOTO_WORD = re.compile(r"\b(?:photo|pic|picture|image|selfie|shot|mugshot|foto|imagen|bild|"
                         r"immagine|imagem|afbeelding|фото|снимок|селфи)\b|照片|图片|写真|画像|"
                         r"صورة|صوره|सेल्फी|फोटो|तस्वीर", re.I)


def _photo_word(m: re.Match) -> str:
    """The photo word of a setting phrase ("фото из тюрьмы" -> "фото"): the photo is kept."""
    word = _PHOTO_WORD.search(m.group(0))
    return f" {word.group(0)} " if word else " "


def _asks_task(text: str) -> bool:
    """Whether a question asks one of FaceVQA's tasks by its routing words or rules."""
    lowered = text.lower()
    return match_words(lowered) is not None or match_rule(lowered) is not None


def _plain_poster(m: re.Match) -> str:
    for word in ("海报", "ポスター", "ملصق", "पोस्टर"):
        if word in m.group(0):
            return word
    return "poster"


_ALT_TEXT = re.compile(r"\balt[- ]?te(?:xt|xte|xto|sto)\b", re.I)
""""Alt text" is an image description (a caption), not text about the person."""

_HEARSAY_MARK = (
    r"apparently|supposedly|allegedly|reportedly|so[- ]called|they (?:say|said|claim)|people say|"
    r"rumou?r has it|word is"
    r"|dicen que|supuestamente|al parecer|se supone que|seg[úu]n dicen|me dijeron que|supuest[oa]"
    r"|apparemment|soi-disant|para[îi]t-il|il para[îi]t que|on dit que|on m'a dit que|"
    r"pr[ée]tendu\w*"
    r"|angeblich\w*|anscheinend|man sagt|es hei(?:ß|ss)t|sogenannt\w*|vermeintlich\w*"
    r"|dicono che|si dice che|a quanto pare|presunt[oa]|cosiddett[oa]|mi hanno detto che"
    r"|dizem que|supostamente|aparentemente|pelo visto|disseram que|falaram que|supost[oa]"
    r"|naar verluidt|blijkbaar|schijnbaar|ze zeggen(?: dat)?|zogenaamd\w*|vermeend\w*"
    r"|говорят(?:,? что)?|якобы|по слухам|так называем\w*|мне сказали(?:,? что)?"
    r"|据说|听说|有人说|号称|所谓的?|いわゆる"
    r"|يقولون|يقال|قالوا|على ما يبدو|ما يسمى|بيقولوا"
    r"|कहते हैं(?: कि)?|सुना है(?: कि)?|कहा जाता है(?: कि)?|तथाकथित|\bsuna hai|\bkehte hain")
_SPOOF_ASKED = (
    r"deep ?fake|fake|f[äa]lschung|gef[äa]lscht|ki-gener|ai[- ]?gener|photoshop|mask|masque|"
    r"m[áa]scara|maschera|maske|masker|маск|фейк|дипфейк|screen|[ée]cran|pantalla|schermo|"
    r"bildschirm|scherm|экран|面具|假脸|换脸|深度伪造|屏幕|マスク|ディープフェイク|偽|قناع|مزيف|"
    r"شاشة|मास्क|डीपफेक|स्क्रीन|नकली")
_HEARSAY = re.compile(
    rf"(?:(?:\b|(?<=\W)|^)(?:{_HEARSAY_MARK})[^.,;:!?–—،，。？！、]{{0,80}}(?=[.,;:!?–—،，。？！、])"
    r")"
    rf"(?=.*?(?:{_SPOOF_ASKED}))", re.I | re.S)
"""Hearsay about the person ("apparently this is a leaked celeb pic", "Angeblich ist das ein
Bundestagsabgeordneter", "dicono che sia un boss mafioso"), when the question goes on to ask
whether the face is a deepfake or a mask: the asker states a rumour, the question asks a
spoof, so the rumour is dropped. Without a spoof question ("they say he's a criminal, is it
true?") nothing is dropped; a capitalised name in the rumour is kept for the name checks."""
_INDEFINITE = r"(?:a|an|ein|eine|einer|einen|un|una|uno|une|um|uma|een|некий|какой-то)\s"
_NAME_IN_CLAUSE = re.compile(
    r"(?<!\ba )(?<!\ban )(?<!\bein )(?<!\beine )(?<!\bun )(?<!\buna )(?<!\buno )(?<!\bune )"
    r"(?<!\bum )(?<!\buma )(?<!\been )(?<=\s)(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zà-öø-ÿа-яё]+)"
    # "this is <x>" with no indefinite article: a name, even in lowercase ("this is tom hanks")
    r"|\b(?:this is|that is|it is|it's|he is|he's|she is|she's|das ist|ist das|ist er|ist sie|"
    r"sia|sei|es|est|c'est|è|é|это|dit is|is dit|dat is)\s+(?!" + _INDEFINITE + r")\w", re.I)
"""What keeps a rumour for the name checks: a capitalised word not after an indefinite article,
or a copula not followed by one ("apparently this is tom hanks")."""
_INDEFINITE_OTHER = re.compile(r"(?:是|像)?(?:一)?(?:个|位|名)|\bएक\b|\b(?:واحد|واحدة|أحد|إحدى)\b")
"""Chinese, Hindi and Arabic "a ..." in a rumour ("据说是个议员"): a role, not a name."""


def _drop_hearsay(m: re.Match) -> str:
    clause = m.group(0)
    if re.search(r"[a-zа-яё]", clause, re.I):
        keep = _NAME_IN_CLAUSE.search(clause)
    else:
        keep = not _INDEFINITE_OTHER.search(clause)
    return clause if keep else " "


_FILLER = re.compile(
    r"\b(?:honestly|(?:to )?be honest|tbh|in all honesty|frankly|sinceramente|honn[êe]tement|"
    # "be honest, ...": addressed to the assistant
    r"s[ée] sincer[oa]|sois honn[êe]te|sei ehrlich|sii onest[oa]|seja honest[oa]|wees eerlijk|"
    r"будь(?:те)? честн\w*|"
    r"franchement|ehrlich gesagt|offen gesagt|onestamente|francamente|eerlijk gezegd|"
    r"честно говоря|если честно|по правде говоря)\b"
    r"|说实话|老实说|说真的|正直(?:に言うと|なところ|言って)|ईमानदारी से|\bsach (?:kahun|bolun)\b|"
    r"بصراحة|بكل صراحة"
    # Italian "tipo" and French "genre" as fillers ("allora tipo è più sui 40"), Russian
    # "это самое" ("ну это самое, какого цвета"): not a type, a genre or a subject
    r"|(?:^|(?<=\ballora )|(?<=\bcioè )|(?<=\bma )|(?<=\be ))tipo\b(?=,? (?:[èeé]|ha|sembra|"
    r"quanti|com|di|sui|sul|più)\b)|(?:^|(?<=\bmais )|(?<=\bet )|(?<=\bbah )|(?<=\bdu coup ))"
    r"genre\b(?=,? (?:il|elle|on|c'est|ça|est-ce|t'as|tu)\b)|\bэто самое\b",
    re.I)
"""Fillers ("honestly", "ehrlich gesagt", "说实话") that contain a character word: the asker's
manner of speech, not a question about the person's honesty."""
_DRAWING = re.compile(
    r"\b(?:character|charakter|karakter)[- ]?(?:references?|ref|design|sheets?|art|sketch\w*|"
    r"concepts?|models?|referenz\w*|entw[üu]rf\w*|bogen|skizze\w*|ontwerp\w*)\b"
    r"|\b(?:original|an? (?:anime|cartoon|game|comic|fictional)) characters?\b"
    # the asker's own character in a story or game ("a character bible", "for my D&D character")
    r"|\bcharacter (?:bible|descriptions?|profiles?|portraits?|cards?)\b"
    r"|\b(?:for|of) (?:my|our) (?:d&d |dnd |rpg |game |story |novel |book |film |movie )?"
    r"characters?\b|\b(?:my|our) (?:d&d|dnd|rpg|game|story|novel|book|film|movie) characters?\b"
    r"|\b(?:novel|kahani|kahaani|story|kitab|game)\b.{0,60}\bcharacter\b",
    re.I)
"""A drawn character ("a character reference from this photo", "Charakterdesign"): art, not
the person's character."""
_ASKER_DRAWING = re.compile(
    r"(?:^|(?<=[.;:!?]))\s*(?:"
    r"i'?m (?:making|drawing|painting|doing|sketching) (?:a |an )?(?:drawing|portrait|sketch|"
    r"painting|caricature) (?:of|for) (?:him|her|them)"  # English
    r"|(?:estoy haciendo|hago|voy a hacer|le hago|le estoy haciendo) un (?:dibujo|retrato)"
    r"(?: de (?:él|ella))?|(?:lo|la) estoy dibujando"  # Spanish
    r"|je (?:fais|dessine|peins) (?:un )?(?:dessin|portrait)(?: (?:de lui|d'elle))?"
    r"|je (?:le|la) dessine"  # French
    r"|ich (?:mache|zeichne|male) (?:ein|eine|einen) (?:zeichnung|portr[äa]t|bild|skizze)"
    r"(?: von (?:ihm|ihr))?|ich zeichne (?:ihn|sie)"  # German
    r"|(?:sto facendo|faccio|gli faccio|le faccio) un (?:disegno|ritratto)(?: di (?:lui|lei))?"
    r"|(?:lo|la) sto disegnando"  # Italian
    r"|(?:estou fazendo|estou a fazer|fa[çc]o|vou fazer) um (?:desenho|retrato)"
    r"(?: (?:dele|dela))?|estou desenhando (?:ele|ela)"  # Portuguese
    r"|ik (?:maak|teken) een (?:tekening|portret|schets)(?: van (?:hem|haar))?"
    r"|ik teken (?:hem|haar)"  # Dutch
    r"|я (?:рисую|делаю|пишу) (?:его |её |ее )?(?:портрет|рисунок)|я рисую (?:его|её|ее)"  # Russian
    r"|我(?:在|正在|要)?(?:给|為|为)(?:他|她)画(?:一张|一幅)?(?:画像|肖像|素描)?"  # Chinese
    r"|(?:彼|彼女|この人)の(?:似顔絵|肖像画|絵)を描(?:いて|く|きたい)"  # Japanese
    r"|(?:أنا )?(?:برسم|أرسم|بارسم|عم برسم)(?: (?:له|لها))? (?:صورة|بورتريه|لوحة|رسمة)"  # Arabic
    r"|मैं (?:उनका|उसका|इनका|इसका) (?:स्केच|चित्र|पोर्ट्रेट) बना (?:रहा|रही)"  # Hindi
    r")[^.;!?。？！؟।]*[.;!。！।]?",
    re.I)
"""The asker's own drawing of the person ("Ik maak een tekening van hem voor zijn verjaardag"):
why they ask, not a question about a drawing, so the statement is dropped when a question or a
task remains (a "who is he?" beside it still refuses on its own words)."""
_FOR_SOCIAL = re.compile(
    r"\b(?:for|para|pa'?|pro|pour|f[üu]r|per|voor|для)\s+(?:(?:my|mi|mon|ma|meu|minha|mein|"
    r"meinen|il mio|mijn|мой|el|le|o|a|un|una|une|uno|um|uma|a|an|een|ein|einen|eine|la)\s+)?"
    # a post noun before the network: "pour une publication Facebook", "para un post de Insta"
    r"(?:(?:publication|post|publicaci[oó]n|publica[çc][ãa]o|pubblicazione|beitrag|bericht|"
    r"пост\w*)\s+(?:(?:on|sur|en|em|auf|op|su|на|de|di|do|no|"
    r"in)\s+)?)?(?:instagram|insta|ig|tiktok|"
    r"facebook|fb|twitter|snapchat|whatsapp|linkedin|story|stories|post|reel|инстаграм\w*)\b"
    r"|(?:发|用于|配)(?:朋友圈|小红书|抖音|微博|ins)|インスタ(?:用|に(?:載せ|投稿))"
    r"|(?<!\S)لل?(?:انستغرام|انستجرام|انستا)|इंस्टाग्राम के लिए",
    re.I)
"""Where a caption will be posted ("un caption pa' instagram"): a destination, not the person's
account (the caption word is required, see _CAPTION_WORD)."""
_CAPTION_WORD = re.compile(
    r"caption|alt[- ]?text|descri|d[ée]cri|beschreib|beschrijf|"
    r"légende|legende|pie de foto|didascalia|legenda|bijschrift|"
    r"bildunterschrift|beschrift|подпис|описа|文案|配文|描述|キャプション|説明|تعليق|وصف|कैप्शन|"
    r"विवरण|post|texto", re.I)
_RUBBER = re.compile(r"\b(m[áa]scaras?|luvas?|bonec[oa]s?|rosto|pele|feit[oa]s?) de borracha\b",
                     re.I)
"""Portuguese "de borracha" is rubber ("máscara de borracha"), not Spanish "borracha"
(drunk)."""
_ARABIC_PHOTO_OF_MINE = re.compile(
    r"(?<!هل )\b((?:هذه|هذي|دي|هاي) (?:ال)?صورة) (?:أخي|اخي|أختي|اختي|زوجي|زوجتي|صديقي|صديقتي|"
    r"خطيبي|خطيبتي)\b(?!\s*(?:[؟?]|أم\b|او\b|أو\b|ولا\b|والا\b))")
"""A statement that the photo is of the asker's brother, wife, friend ("هذه صورة أخي لحظة ..."):
the asker says who it is; "هل هذه صورة أخي؟" still asks."""


def drop_religious_headwear(text: str) -> str:
    """"a religious headscarf" -> "a headscarf": headwear is an appearance attribute (the
    router's classifier reads the question this way too)."""
    return _RELIGIOUS_HEADWEAR.sub(lambda m: m[1] or "", text)


_ZH_CLINIC = re.compile(r"诊所|病历|建档|挂号")
"""A Chinese clinic's paperwork: there 病人 / 患者 is "the patient", not "sick"."""
_THING_COLOUR = re.compile(
    r"\b((?:cappell|berrett|vestit|abit|magli|maglion|magliett|camici|giacc|cappott|felp|gonn|"
    r"pantalon|sciarp|foulard|bors|zain|occhial|montatur|sfond|mur|macchin|scarp|guant|"
    r"cravatt|capell|barb)[oaie]|chapeaux?|casquettes?|bonnets?|robes?|t-shirts?|tee-shirts?|"
    r"chemises?|vestes?|manteaux?|pulls?|jupes?|pantalons?|[ée]charpes?|foulards?|voiles?|sacs?|"
    r"lunettes|montures?|fond|murs?|voitures?|cravates?|chaussures?|cheveux|barbe)"
    r" (?:è|e'|est|sont|sono|sembra|semble|para[iî]t) "
    r"(?=(?:tout |tutt[oa] |un peu |pi[uù] |plus )?(?:ner[oaie]|noire?s?|bianc[oaih]+|"
    r"blanc(?:he)?s?)\b)", re.I)
"""A thing's colour ("il cappello è nero", "le chapeau est noir"): "è nero" of a person asks
race, of a hat its colour, so the verb is replaced before the rules read the question."""
_KYC = re.compile(
    r"\b(?:e-?kyc|kyc)\b|\b(?:identity|id) verification\b|\bv[ée]rification d'identit[ée]\b"
    r"|\bcontr[ôo]le d'identit[ée]\b|\bidentit[äa]tskontrolle\b|\bcontrol de identidad\b"
    r"|\bcontrollo (?:dell'|d')identit[àa]\b|\bcontrole de identidade\b|\bidentiteitscontrole\b"
    r"|\bidentit[äa]tspr[üu]fung\b|\bverifica (?:dell'|d')identit[àa]\b|\bverifica[çc][ãa]o de "
    r"identidade\b|\bverificaci[oó]n de identidad\b|\bidentiteitsverificatie\b|\bпроверк\w* "
    r"личности\b|本人確認|身元確認|实名认证|身份(?:验证|认证|核验)|\bالتحقق من الهوية\b|"
    r"पहचान (?:सत्यापन|जांच)", re.I)
_LIVENESS = re.compile(
    r"\blive(?:ness)?\b|\breplay|\bscreen|\bprint(?:ed|out)|\bspoof|\bdeepfake|\ben direct\b"
    r"|\b[ée]cran|\bimprim|\blive-|\bbildschirm|\babfotografiert|\bdal vivo\b|\bschermo|\bstampat"
    r"|\bao vivo\b|\btela\b|\bimpress[ao]|\ben vivo\b|\bpantalla|\bscherm|\bgeprint|\bвживую\b"
    r"|\bэкран|\bраспечат|ライブ|再撮影|画面|印刷|なりすまし|活体|翻拍|屏幕|打印|\bشاشة|\bمطبوع"
    r"|लाइव|स्क्रीन", re.I)
"""eKYC wording in a liveness question ("本人確認（eKYC）… ライブ撮影ですか"): the check is
live capture against a replayed screen or a print (spoof), so the verification words are
dropped; matching a selfie to an ID document still refuses on its own words."""

_OVERRIDE_WORDS = (
    r"rules?|regla|r[èe]gle|regel|regole|regras|правил|规则|ルール|قواعد|नियम|niyam|"
    r"allowed|permitted|erlaubt|autoris|permit|permess|разреш|允许|許可|مسموح|अनुमति|"
    r"restrict|filter|limit|l[íi]mite|grenzen|ограничен|限制|制限|قيود|censor|jailbreak|"
    r"\bdan\b|developer|unfiltered|uncensored|evil|no longer|keine|sans|sin|senza|sem|"
    r"zonder|без|没有|ない|بلا|बिना|instruction|prompt|system|ai\b|ia\b|ki\b|ии\b")
_ROLE_PLAY = re.compile(
    r"^\W*(?:"
    r"(?:let'?s |now )?(?:pretend|imagine|suppose|act as if|act like|say) (?:that )?"
    r"(?:you'?re|you are|you were|to be)|(?:act|play|role-?play) as|you are playing"  # English
    r"|(?:finge|imagina|supón|pon) que (?:eres|fueras|seas|tú eres)|haz como si (?:fueras|"
    r"tú fueras)|act[úu]a como|hazte pasar por"  # Spanish
    r"|(?:finge|imagina|faz de conta) que (?:é|és|você é|voc[êe] fosse|tu és|fosses)"
    r"|age como"  # Portuguese
    r"|fais comme si tu [ée]tais|imagine que tu es|imaginons que tu es|fais semblant d'[êe]tre"
    r"|joue le r[ôo]le d(?:e|u|')"  # French
    r"|stell dir vor,? du (?:bist|w[äa]rst)|tu so,? als (?:ob du|w[äa]rst du)|spiel (?:mal )?"
    r"(?:den|die|einen|eine)|du bist jetzt (?:ein|eine|der|die)"  # German
    r"|(?:immagina|fai finta|fingi) di essere|fai come se fossi"  # Italian
    r"|doe alsof je|stel je voor,? dat je|beeld je in dat je|speel (?:even )?(?:de|een)"  # Dutch
    r"|(?:представь|вообрази|притворись),? (?:что )?(?:ты|вы)|притворись|сыграй роль"  # Russian
    r"|(?:假装|想象|假设)(?:你|您)是|(?:请)?(?:你)?扮演"  # Chinese
    # Japanese ("あなたは美容師だと思って", "メイクさんになりきって")
    r"|(?:(?:あなた|君)は)?(?=[^。、？?：:]{1,20}(?:になりきって|になったつもりで|のつもりで|"
    r"だと思って|のふりをして))"
    r"|(?:تخيل|تخيّل|تظاهر|افترض|تصرف)(?: أنك| بأنك| كأنك)"  # Arabic
    r"|(?:मान लो|सोचो कि|कल्पना करो कि) (?:तुम|आप)|\b(?:maan lo|socho ki?|imagine karo) "
    r"(?:tum|aap|tu)"  # Hindi
    rf")(?![^:;—–\-.!?？：、。\n]*(?:{_OVERRIDE_WORDS}))"
    r"[^:;—–.!?？：。、\n]{1,60}?"
    r"(?:になりきって|になったつもりで|のつもりで|だと思って|のふりをして|として)?"
    r"(?:\s*[:;—–.!：。、]|\s+-\s|,(?=\s))", re.I)
"""A role-play preface ("Pretend you're a museum guide:", "Finge que é maquiadora:", "Stell dir
vor, du bist Maskenbildner:", "假装你是化妆师："): routed tasks never pass the user's text to the
model, so a role before a question is no instruction override. Dropped only when no override
word (rules, allowed, filters, DAN, "no ...") is in the role and the rest is a question; the
rest is then read like any question, so "pretend you're a cop: is he a criminal?" refuses."""
_FICTION = re.compile(
    r"\b(?:crime|detective|mystery|murder) (?:novel|story|stories|book|thriller|fiction|comic|"
    r"game|film|movie|series|show|script|screenplay)s?\b"
    r"|\b(?:novela|historia) (?:criminal|polic[ií]aca|negra)\b|\broman (?:criminel|policier|noir)"
    r"\b|\bromanzo (?:criminale|giallo|poliziesco)\b|\bromance (?:policial|criminal)\b"
    r"|\bkrimi(?:roman|nalroman)\w*|\bmisdaad(?:roman|verhaal|serie)\w*"
    r"|\bкриминальн\w* (?:роман|рассказ|истори|сериал)\w*"
    # a fictional character: drawn, played or written
    r"|\b(?:bas(?:e|es|ed|ing)|model(?:l?ed|l?ing|s)?|inspir\w*|creat\w*|writ\w*|draw\w*) "
    r"(?:a|an|my|the|our|this) (?:\w+ )?characters?\b"
    r"|\b(?:cartoon|anime|manga|comic|game|video ?game|fictional|novel'?s?|story'?s?|book'?s?|"
    r"film'?s?|movie'?s?|main|lead|side|playable) characters?\b", re.I)
_FICTION_CONTEXT = re.compile(
    r"\b(?:drawing|drawn|sketch\w*|painting|painted|illustrat\w*|cartoon|comic|anime|manga|"
    r"novel|story|book|game|film|movie|script|animat\w*|doodle|fiction\w*)\b", re.I)
_THE_CHARACTER = re.compile(r"\b(?:the|this|that|my|our|a) characters?\b"
                            r"|\bcharacter(?= (?:ladka|ladki|hai|h|he)\b)", re.I)
"""Fiction: a crime novel or a fictional character (with a drawing, novel or film word, "the
character" too) ("basing a character on this face", "in
this pencil drawing, does the character have a beard?", "cartoon character ladka hai ya
ladki"): a genre or a role, not the person's character or crimes. "What's his character
like?" and "is he a criminal?" still refuse."""
_MUSEUM_LABEL = re.compile(r"بطاقة تعريف\S*(?: (?:في|ب|داخل) ?(?:ال)?متحف\S*)"
                           r"|\bmuseum (?:label|card|placard)\b|\bcartel(?:a|ito)? de museo\b")
"""A museum label ("بطاقة تعريف في متحف", literally an identification card): a description of
the artwork, not an identity document."""


def drop_non_traits(text: str) -> str:
    """"dressed as a nun" -> "costume", "intelligenza artificiale" -> "AI": a costume names
    clothing and AI an image's maker, not a trait; a photo's setting ("at the mosque"), slang
    ("that beard is sick"), a clause declining to identify or ruling a trait out ("I don't care
    who it is") and fooling face recognition are dropped (the router's classifier reads the
    question this way too)."""
    text = drop_own_sight(text)  # "I'm blind, ...": the asker, not the person in the photo
    if _ZH_CLINIC.search(text):  # before the clinic setting is dropped
        text = text.replace("病人", "人").replace("患者", "人")
    for pattern, replacement in ((_FAITH_OR_STATE_SOURCE, " "), (_ROLE, _the_person),
                                 (_MOBILITY_AID, " "), (_WORN_SIGN, " "), (_LEGAL_AGE, " age "),
                                 (_ID_PHOTO_PURPOSE, " "), (_SPOOF_SUBJECT, " "),
                                 (_WHO_AS_GENDER, " ")):
        rest = pattern.sub(replacement, text)
        if rest != text and _asks_task(rest):
            text = rest
    breaks = list(_SETTING_BREAK.finditer(text))[-1:] + list(_CLAUSE_BREAK.finditer(text))[::-1]
    for brk in breaks:  # "Photo from a charity run: is she happy?", "..., tu peux juste ..."
        if _is_setting(text[:brk.start()], text[brk.end():], brk.group(0) not in ".;:。：；—–"):
            text = text[brk.end():]
            break
    asked = list(_ONLY_ASKING.finditer(text))
    if asked and _asks_task(text[asked[-1].end():]):  # "..., but my question is: is she smiling?"
        text = text[asked[-1].end():]
    waivers = list(_WAIVER.finditer(text))
    if waivers:
        rest = text[waivers[-1].end():]
        if not _REQUEST.search(text[:waivers[-1].start()]) and _asks_task(rest):
            text = rest
    rest = _EXCLUDED.sub(" ", text)
    if rest != text and _asks_task(rest):  # "describe him without mentioning race or religion"
        text = rest
    text = _EVADE_RECOGNITION.sub("fool the camera", _DECLINED_ANYWHERE.sub(" ", text))
    text = _NOT_ASKING.sub(" ", text)
    text = _DECLINED_TRAIT.sub(" ", text)
    rest = _ROLE_PLAY.sub(" ", text, count=1)
    if rest != text and ("?" in rest or "？" in rest or "؟" in rest or _asks_task(rest)):
        text = rest
    text = _MUSEUM_LABEL.sub("وصف", _FICTION.sub("drawing", text))
    if _FICTION_CONTEXT.search(text):  # "in this drawing, does the character have a beard?"
        text = _THE_CHARACTER.sub("the figure", text)
    rest = _HOSTED_GATHERING.sub(" ", text)  # before _SETTING reads "rally" alone
    if rest != text and (_PHOTO_CUE_RE.search(text) or _asks_task(rest)):
        text = rest
    text = _HOLIDAY_SETTING.sub(_photo_word, _SETTING.sub(_photo_word, text))
    text = _MOTIF.sub("motif", _FIGURATIVE.sub(" ", text))
    text = _BEFORE_PLACE.sub(" ", _NAMED_PLACE.sub(" ", text))
    text = _POSTER.sub(_plain_poster, text)
    text = _HOSPITAL_SETTING.sub(" ", _CUSTODY_VISIT.sub(" ", _POSTER_OF.sub("poster", text)))
    rest = _KIN_HEALTH_STORY.sub(" ", text)
    if rest != text and _asks_task(rest):
        text = rest
    text = _HEARSAY.sub(_drop_hearsay, _FILLER.sub(" ", _DRAWING.sub("drawing", text)))
    rest = _ASKER_DRAWING.sub(" ", text)
    if rest != text and (any(mark in rest for mark in "?？؟") or _asks_task(rest)):
        text = rest
    text = _RUBBER.sub(r"\1 rubber", _ARABIC_PHOTO_OF_MINE.sub(r"\1", text))
    text = _ALT_TEXT.sub("description", text)
    text = _THING_COLOUR.sub(r"\1 colour ", text)
    if _LIVENESS.search(text):
        text = _KYC.sub(" ", text)
    if _CAPTION_WORD.search(text):
        text = _FOR_SOCIAL.sub(" ", text)
    text = _PRISON_PHOTO.sub(_photo_word, _POLITICIAN_PHOTO.sub(_photo_word, text))
    if _PHOTO_CUE_RE.search(text) or _THIS_IS_MY.search(text):
        text = _PRIDE_SETTING.sub(" ", _WORSHIP_SETTING.sub(" ", _ROMAN_WORSHIP.sub(" ", text)))
    else:  # no photo word: a setting only before a task question ("al gay pride sta sorridendo")
        rest = _PRIDE_SETTING.sub(" ", text)
        if rest != text and _asks_task(rest):
            text = rest
    return _ARTIFICIAL_INTELLIGENCE.sub("AI", _COSTUME.sub("costume", text))


def check_policy(lowered: str, cased: str) -> tuple[PolicyRule, str] | None:
    """First rule whose pattern matches, with the matched text; None when nothing is refused.

    `lowered` is the cleaned question in lowercase, `cased` the same text with its case kept.
    A clause that explicitly asks not to identify the person is not read as asking to, nor
    "religious" before headwear as asking about religion, nor a costume ("dressed as a nun")
    or "artificial intelligence" as a trait.
    """
    lowered, cased = drop_religious_headwear(lowered), drop_religious_headwear(cased)
    lowered, cased = drop_non_traits(lowered), drop_non_traits(cased)
    for rule, patterns, cased_patterns in _COMPILED:
        for regex in patterns:
            m = regex.search(lowered)
            if m:
                return rule, m.group(0)
        for regex in cased_patterns:
            m = regex.search(cased)
            if m:
                return rule, m.group(0)
    return None
