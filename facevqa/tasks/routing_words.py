# ruff: noqa: E501 (word lists are data: one task or attribute per line, all languages together)
"""Routing words for the supported languages other than English, as data: ordered
(task, attribute, regex) rows over the lowercased question, like facevqa.tasks.routing_rules.

The first matching row wins: a fake smile (an expression), spoof, age, smiling, emotion, the
attributes (specific before general: moustache before beard), gender, caption, open (lighting,
background, blur), and last a general "what do you see?" (caption) that names none of those.
attribute None on an attribute row leaves the attribute to the question classifier. These run
after the refusal policy; a question they route needs the classifier to be nearly sure before it
is refused (facevqa.refusal.RULE_OVERRIDE), except for open, where it gets the usual bars.
"""

from __future__ import annotations

import re

from facevqa.tasks.routing_rules import COMPILED as RULES
from facevqa.tasks.routing_rules import (
    EMOJI_CHOICE,
    drop_own_device,
    first_asked,
    first_match,
    match_field,
)

WORDS: tuple[tuple[str, str | None, str], ...] = (
    # a mood or a fright named before "describe" or "smile" is read ("الحالة المزاجية", "吓到了还是在笑")
    ("emotion", None, r"الحالة المزاجية|\bgemoedstoestand\b|\bstemming\b|吓到|吓着|被吓|\bdoet (?:ze|hij) (?:maar )?alsof\b"),
    # a face mask worn, in Japanese ("マスクをしていますか"); "マスクですか" stays a spoof question
    ("attribute", None, r"^(?!.*(?:なりすまし|変装|シリコン|ラテックス|ゴム|偽|騙|だま|顔認証)).*マスク(?:を)?(?:して|つけ|着け|着用)"),
    # Dutch ages before "haar" (her) is read as hair: "is hij al achttien?", "dertig of veertig"
    ("age", None, r"\b(?:al|nog geen|bijna) (?:achttien|zestien|twaalf|eenentwintig|1[2-9]|21)\b(?! (?:foto|jaar geleden))"
                  r"|\b(?:twintig|dertig|veertig|vijftig|zestig|zeventig) of (?:dertig|veertig|vijftig|zestig|zeventig|tachtig)\b"),
    # a genuine or a forced smile is an expression ("echtes Lächeln oder gequält?"), not a spoof;
    # laughing "with joy" names the feeling ("lacht er vor Freude?")
    ("emotion", None, r"\bvor (?:freude|gl[üu]ck|wut|angst|trauer|schreck)\b|\bl[äa]cheln (?:\w+ )?(?:echt|gestellt|falsch|gezwungen)\b|\bsonrisa (?:\w+ )?(?:es |est[áa] )?(?:real|falsa|forzada|sincera)\b"
                      r"|\bsorriso (?:\w+ ){0,2}(?:sincero|for[çc]ado|falso|verdadeiro|finto|forzato)\b|\bnep ?glimlach|\becht\w* glimlach"
                      r"|ابتسامة (?:\S+ )?(?:حقيقية|مصطنعة)|(?:मुस्कान|हँसी|हंसी) (?:असली|नकली)|"
                      r"\becht\w* l[äa]cheln|\bgequ[äa]lt\w*|\bsonrisa (?:real|falsa|forzada|sincera)\b|\bvrai sourire\b"
                      r"|\bfaux sourire\b|\bsourire forc[ée]\b|\bsorriso (?:vero|finto|forzato|sincero|falso|for[çc]ado)\b"
                      r"|\becht\w* lach\w*|\bnep ?lach|\bискренн\w* улыбк|\bнатянут\w* улыбк|假笑|作り笑い"
                      r"|(?:ضحكته|ضحكتها|ابتسامته|ابتسامتها) (?:\S+ )?(?:حقيقية|مصطنعة)"
                      r"|(?:असली|नकली) (?:हँसी|हंसी|मुस्कान)|\bglimlach (?:\w+ ){0,2}gemeend|\bgemeende glimlach"
                      r"|笑容.{0,4}(?:真心|真诚|真誠|发自内心|發自內心)|(?:真心|真诚|真誠)的笑"),
    # a montage or a real photo ("c'est un montage IA ou une vraie photo ?")
    ("spoof", None, r"\bmontage (?:ia|photo|photoshop)\b|\bvraie photo\b|\bfausse photo\b"
                    r"|\bg[ée]n[ée]r[ée]e? par (?:l')?ia\b"),
    # mascara as make-up ("est-ce qu'elle a du mascara"), before the spoof rows' "máscara" (a mask)
    ("attribute", "heavy_makeup", r"\b(?:du|le|son|her|wearing|any|some|mit|met|il) mascara\b"),
    # the facial expression named, or bored / in a good mood (set-16 class): before "describe"
    ("emotion", None, r"gesichtsausdruck(?! und)|gezichtsuitdrukking(?! en)|\bruhig\b|\baufgeregt\b|\bnerv[öo]s\b|\bcalme\b|\btranquil[oa]\b|\bcalm[oa]\b|\bcalmad[oa]\b|\bспокойн\w*|\bвзволнован\w*|落ち着|هادئ|متوتر|выражени\w* лица|\bexpresi[oó]n facial|\bexpression (?:du visage|faciale)|"
                      r"\bespressione (?:del viso|facciale)|\bexpress[ãa]o facial|التعبير العاطفي|تعبير الوجه|التعبير\S*\s+(?:اللي\s+|الذي\s+)?(?:على|في)\s+وجه|面部表情|चेहरे के भाव|\bchehre ka expression|"
                      r"\baburrid[oa]\b|\bs'ennuie\b|\bennuy[ée]e?\b|\bgelangweilt\b|\bannoiat[oa]\b|\bentediad[oa]\b|\bverveeld\b|\bскуча\w*|无聊|退屈|"
                      r"\bزهقان|\bملل|ऊब|\bgut gelaunt\b|\bsereine?\b|\bchatead[oa]\b|受到了惊吓|惊吓"),
    # a gender offered as two leanings ("男性寄り、女性寄り", "ذكورياً أم أنثوياً")
    ("spoof", None, r"\bлицо (?:\w+ )?(?:настоящ\w*|реальн\w*|живо\w*|фальшив\w*|поддельн\w*)"),
    ("gender", None, r"^\W*(?:ذكر|أنثى|انثى|رجل|امرأة|بنت|ولد)\s*[؟?]|^\W*(?:क्या )?(?:ये |यह )?(?:लड़का|लड़की|आदमी|औरत) (?:है|हैं)\s*\??\s*$"
                     r"|\bse[ñn]or o se[ñn]ora\b|\bse[ñn]ora o se[ñn]or\b|\bestimad[oa] o estimad[oa]\b|\bsr\.? o sra\.?"
                     r"|\bmadame ou (?:par )?monsieur\b|\bmonsieur ou (?:par )?madame\b"
                     r"|\bsehr geehrte[r]? (?:frau|herr) oder\b|\bfrau oder herr\b|\bherr oder frau\b"
                     r"|\bsignora o (?:gentile )?signore\b|\bsignore o (?:gentile )?signora\b"
                     r"|\bsr\.? ou sra\.?|\bsenhor ou senhora\b|\bsenhora ou senhor\b"
                     r"|\bheer of (?:geachte )?mevrouw\b|\bmevrouw of (?:geachte )?heer\b|\bmeneer of mevrouw\b"
                     r"|\bуважаем(?:ый|ая) или уважаем(?:ый|ая)\b|\bгосподин или госпожа\b"
                     r"|先生还是女士|女士还是先生|السيد أم السيدة|السيدة أم السيد"
                     r"|श्रीमान (?:\S+ )?या (?:श्रीमती|सुश्री)|(?:श्रीमती|सुश्री) (?:\S+ )?या श्रीमान|"
                     r"^\W*(?:на фото )?(?:это )?(?:парень|девушка|мужчина|женщина|мальчик|девочка)\s*\?|男(?:性)?っぽい\S{0,3}女(?:性)?っぽい|"
                     r"\bist das (?:eine?) (?:frau|mann|junge|m[äa]dchen)\b|"
                     r"(?:女性|男性|女の人|男の人)に見え|\bcelui d'une? (?:femme|homme)\b|男性(?:寄り|っぽい|的)\S{0,6}女性(?:寄り|っぽい|的)|女性(?:寄り|っぽい|的)\S{0,6}男性(?:寄り|っぽい|的)"
                     r"|ذكوري\S*\s+(?:أم|او|أو)\s+أنثوي|أنثوي\S*\s+(?:أم|او|أو)\s+ذكوري"),
    # a caption asked by its name ("pie de foto neutro", "neutrale Bildunterschrift"): not the emotion "neutral"
    ("caption", None, r"ماذا (?:يظهر|ترى|نرى|يوجد) (?:في|ب)\s*(?:هذه )?(?:ال)?صور[ةه]|(?:चेहरे|फोटो|फ़ोटो|तस्वीर) के बारे में बताओ|"
                      r"\bнейтральн\w* (?:подпис|описани)\w*|تعليق محايد|"
                      r"\bneutrale[nr]? \w*beschreibung\b|\bneutrale \w*beschrijving\b|"
                      r"\bpie de foto\b|\bl[ée]gende\b|\bbildunterschrift\b|\bdidascalia\b|\blegenda\b|\bbijschrift\b|"
                      r"\bподпис\w* к (?:снимку|фото\w*|изображению)|图片说明|キャプション|تعليق (?:محايد )?على الصورة|कैप्शन"),
    # feelings offered as emoji ("😠 ou 😢?"); a fake or forced smile is an expression, not a
    # spoofed face nor a plain smile
    ("emotion", None, EMOJI_CHOICE + r"|\bfake[- ]?(?:smile|l[äa]cheln|sourire|sonrisa|sorriso|glimlach)|\b(?:gezwungen|falsch|aufgesetzt)\w* l[äa]cheln|\bsourire (?:forc[ée]|faux)|\bfaux sourire|\bsonrisa (?:falsa|forzada)|\bsorriso (?:falso|forzato|for[çc]ado|amarelo)|"
                      r"\bnep(?:pe)? glimlach|\bgeforceerde glimlach|\b(?:фальшив|натянут|неискренн)\w* улыбк|假笑|强颜欢笑|作り笑い|愛想笑い|\bابتسامة (?:مزيفة|مصطنعة|مفتعلة)|नकली मुस्कान"),
    # alt text for a screen reader is a caption (before the screen words of spoof)
    ("caption", None, r"\balt[- ]?(?:text|tag|tekst)|\btexto alternativo|\btexte alternatif|\balternativtext|\bbild\w*beschreibung|\balternativer text|\btesto alternativo|\balternatieve tekst|\bальт(?:ернативн\w*)?[- ]?текст|替代(?:文本|文字)|代替テキスト|\bالنص البديل|\bنص بديل|वैकल्पिक (?:पाठ|टेक्स्ट)|ऑल्ट टेक्स्ट|"
                      r"\bscreen ?reader|\blector(?:es)? de pantalla|\blecteurs? d'[ée]cran|\bbildschirmleser|\bleitor(?:es)? de (?:tela|ecr[ãa])|\blettor[ei] di schermo|\bschermlezer|\bэкранн\w* (?:чтец|диктор)|\bскринридер|读屏|屏幕阅读器|スクリーンリーダー|読み上げ|\bقارئ (?:ال)?شاشة|स्क्रीन रीडर"),
    # a costume's real or fake beard or moustache is that attribute, not a spoofed face
    ("attribute", "mustache", r"\b(?:bigote|mostacho)s? (?:postiz|fals|de verdad|real|pegad)|\bfausses? moustaches?|\bmoustaches? (?:postiche|fausse|vraie|coll[ée]e)|\bvraie moustache|\b(?:falsche[rn]?|echte[rn]?|angeklebte[rn]?) (?:schnurrbart|schnauzer)|\b(?:schnurrbart|schnauzer) (?:echt|falsch|angeklebt)|\bbaffi (?:fint|fals|ver|posticc)|"
                              r"\bbigode (?:postiç|fals|de verdade|verdadeir|colad)|\bnep ?snor|\b(?:valse|echte) snor|\bнакладн\w* ус|\bус(?:ы)? (?:настоящ|накладн|фальшив)|假(?:的)?(?:小胡子|八字胡)|付け(?:口)?髭|つけひげ|\bشارب (?:مستعار|مزيف|حقيقي|اصطناعي)|नकली मूंछ|असली मूंछ"),
    ("attribute", "beard", r"\bbarba (?:postiz|fals|de verdad|real|pegad|fint|ver[ao]\b|posticc|verdadeir|colad|de verdade)|\bbarbes? (?:postiche|fausse|vraie|coll[ée]e)|\b(?:fausse|vraie) barbe|\b(?:falsche[rn]?|echte[rn]?|angeklebte[rn]?|künstliche[rn]?) (?:voll)?bart|\b(?:voll)?bart (?:echt|falsch|angeklebt)|"
                           r"\bnep ?baard|\b(?:valse|echte) baard|\bbaard (?:echt|nep)|\bнакладн\w* бород|\bбород\w* (?:настоящ|накладн|фальшив)|\bнастоящ\w* бород|假(?:的)?胡子|胡子是(?:真|假)|付け(?:ひげ|髭|ヒゲ)|(?:ひげ|髭|ヒゲ)は(?:本物|偽物)|\bلحية (?:مستعارة|مزيفة|حقيقية|اصطناعية)|नकली दाढ़ी|असली दाढ़ी|"
                           r"(?:\bvraie|\bvrai|\bfausse|\breal|\bfals[ao]|\becht|\bnep|\bнастоящ\w*|\bfint[ao]|\bverdadeir[ao]|\bde verdad)\b.{0,30}\b(?:barb[ae]|bart|baard|бород\w*)\b.{0,30}\b(?:fausse|fake|falsch\w*|fals[ao]|nep|накладн\w*|fint[ao]|postiz\w*|postiche)\b"),
    # a face mask over mouth and nose (CCTV stills, clinics): worn, not a spoofing mask, so
    # before the mask words of spoof; which attribute is left to the question classifier (a
    # plain Japanese マスク stays with spoof: it is as often a disguise)
    ("attribute", None, r"\bmascarillas?\b|\bcubrebocas\b|\btapabocas\b|\bmasques? (?:chirurgica|sanitaire|de protection|ffp2)|\bmund-?(?:nasen-?)?schutz|\b(?:ffp2|op|atemschutz)-?maske|"
                        r"\bmascherin[ae]\b|\bm[áa]scaras? (?:cir[úu]rgica|facial|de prote[çc][ãa]o|ffp2|hospitalar)|\bmondkap(?:je|jes)\b|\bmondmasker|\b(?:медицинск|защитн)\w* маск|"
                        r"口罩|(?:不織布|医療用|サージカル|ウレタン)マスク|\bكمام|(?:फेस|सर्जिकल) मास्क"),
    # made by a generator ("real or generated?"), any language
    ("spoof", None, r"\b(?:ai[- ])?generated\b|\bsynthetic\b|\bgenerad[ao]s?\b|\bgénérée?s?\b|\bgeneriert\w*|\bgenerat[ao]\b|\bgerad[ao]s?\b|\bgegenereerd\b|"
                    r"\bsint[ée]tic[ao]s?\b|\bsynth[ée]tiques?\b|\bsynthetisch\w*|\bсгенерирова\w*|\bсинтетическ\w*|(?:是|还是|是不是)(?:ai)?生成的|生成的(?:吗|？|\?)|生成された|ai生成|"
                    r"مولّد|\bمولدة? (?:بالذكاء|آلي)|\bمصطنع|जनरेटेड|\bgenerated\b"),
    ("spoof", None, r"\bfals[oa]s?\b|\bfalsificad|\bimpres[oa]\b|\bpantalla|\bm[aá]scara|\ben vivo\b|\bpersona real\b|\bfoto de una foto\b|\bsuplant|\bdeepfake|\bengañar|"
                    r"\bfau(?:x|sse)\b|\bimprim[ée]|\b[ée]cran|\bmasque|\bpersonne r[ée]elle\b|\bvraie personne\b|\bphoto d'une photo\b|\busurpation|\btromper\b|"
                    r"\bf[äa]lschung|\bgef[äa]lscht|\bausgedruckt|\b(?:papier|farb|foto)ausdruck|\bh[äa]lt\b.{0,30}\b(?:einen|ein|den|diesen) (?:\w+ )?ausdruck\b|\bh[äa]lt (?:jemand|er|sie) (?:ein|das|ein anderes) (?:foto|bild)\b.{0,20}\b(?:in|vor) die (?:web)?(?:cam|kamera)|\blive-gesicht|\bausdruck\b.{0,40}\b(?:hoch\b|vor (?:die|der|das|den) (?:web)?(?:cam|kamera|linse|objektiv))|\bausdruck (?:eines|von einem|des) (?:fotos|bildes)|\bbildschirm|\b(?:handy|smartphone|tablet|computer|laptop)bildschirm|\bmaske\b|\bechte[rn]? (?:person|mensch)|\bist (?:das|sie|er|es) echt\b|\bfoto eines fotos\b|\btäuschen\b|"
                    r"\bstampat|\bschermo|\bmaschera|\bdal vivo\b|\bpersona (?:reale|vera)\b|\bfoto di una foto\b|\bingannare\b|"
                    r"\bfraude\b|\bimpress[oa]\b|\btela\b|\becr[ãa]\b|\bao vivo\b|\bpessoa (?:real|de verdade)\b|\bfoto de uma foto\b|\benganar\b|"
                    r"\bnep\b|\bgeprint|\bafgedrukt|\bafdruk\b.{0,30}\b(?:voor|op) de (?:camera|lens|webcam)|\bscherm|\b(?:telefoon|beeld|mobiel)scherm|\bmasker|\becht(?:e)? persoon\b|\bfoto van een foto\b|\bmisleiden\b|"
                    r"\bподделк|\bфальшив|\bненастоящ|\bнастоящ\w* (?:человек|лицо)|\bживой человек|\bреальн\w* человек|\bраспечат|\bнапечатан|\bэкран|\bмаск[аиуео]?\b|\bобмануть|\bдипфейк|"
                    r"真人|假的|假人|是假|伪造|打印|屏幕|面具|活体|翻拍|欺骗|"
                    r"本物|偽物|偽の|なりすまし|印刷|(?<!监控)(?<!监视)(?<!监视器)(?<!监控器)(?<!录像)(?<!视频)(?<!摄像头)(?<!カメラの)(?<!カメラ)画面|スクリーン|マスク|仮面|生身|騙|ディープフェイク|"
                    r"\bحقيقي|\bمزيف|\b(?:7a2i2i|haqiqi|ha2i2i)|\bmatbo3a|\bmatbou3a|\bmzayaf|\bmozayaf|\bمطبوع|\bشاشة|\bقناع|\bخداع|\bتزييف|"
                    # made by AI, in each language ("générée par IA", "KI-generiert", "AI生成")
                    r"\bgenerad[oa]s? (?:por|con) (?:la )?(?:ia|ai)\b|\b(?:hech|cread|generad|hizo|cre[oó]|gener[oó])\w*\b.{0,20}\b(?:una|la|por|con) (?:ia|ai)\b|\b(?:una|la) (?:ia|ai) (?:la |lo )?(?:ha )?(?:hech|cread|generad|hizo|cre[oó]|gener[oó])|"
                    r"\b(?:cr[ée]{2}e?|faite?|g[ée]n[ée]r[ée]e?) (?:par|avec) (?:une |l'|l’)?(?:ia|ai)\b|\b(?:fatt|creat|generat)[oa] (?:da|con) (?:un'|una |l')?(?:ia|ai)\b|\bdall'(?:ia|ai)\b|\b(?:feit|criad|gerad)[oa]s? (?:por|com|pela) (?:uma |a )?(?:ia|ai)\b|"
                    r"\b(?:von|mit|durch) (?:einer |der )?ki\b|\b(?:door|met) (?:een |de )?(?:ai|ki)\b|\bии\b|ai ?(?:做|画|生成|合成|换脸|整(?:出|嘅|咗|的))|换脸|(?:ai|ＡＩ)(?:画像|生成)|合成写真|生成画像|\bذكاء اصطناعي|\bمولدة? (?:بال|ب)?(?:ذكاء|ai)|\bai (?:se|ne) (?:bana|banaya|banai|generate)|\bg[ée]n[ée]r[ée]e?s? (?:par|avec) (?:l'|une )?(?:ia|ai)\b|\bki[- ]?(?:generiert|erstellt|bild)|\bvon (?:einer )?ki\b|"
                    r"\bgenerat[oa]\b.{0,12}\b(?:ia|ai|intelligenza artificiale)\b|\bgerad[oa]s? (?:por|com) (?:ia|ai)\b|\bai[- ]gegenereerd|\bgegenereerd (?:door|met) (?:ai|ki)\b|"
                    r"\bсгенерирова|\bнейросет|\b(?:inteligencia|intelligence|intelligenza|intelig[eê]ncia) artificiale?\b|\bkünstliche[rn]? intelligenz|\bkunstmatige intelligentie|\bискусственн\w* интеллект|"
                    r"ai生成|ai合成|人工智能|ai(?:で|が)?(?:生成|作っ|作成)|生成ai|الذكاء الاصطناعي|एआई|\bai se bana|"
                    r"\b(?:tablet|ipad|handy|smartphone|telefon|phone|celular|m[óo]vil|t[ée]l[ée]phone|portable|telefonino|cellulare|telefoon|mobiel|телефон|планшет)\w*.{0,50}(?:vor (?:die|der) kamera|delante de la c[aá]mara|devant la cam[ée]ra|davanti alla (?:tele)?camera|(?:na )?frente (?:da|à) c[aâ]mera|voor de camera|перед камер|in die kamera|frente a la c[aá]mara|in de camera|к камере)|\b(?:handy|tablet|smartphone)-?(?:display|bildschirm)|\blive-?(?:foto|bild|aufnahme)\b|"
                    r"(?:手机|平板|屏幕).{0,10}(?:对着|放在)(?:镜头|摄像头)|(?:スマホ|タブレット).{0,15}カメラの前|\b(?:موبايل|جوال|هاتف|تابلت).{0,30}أمام الكاميرا|(?:फोन|मोबाइल|टैबलेट).{0,30}कैमरे के सामने|"
                    r"\becht\w* gesicht|\bvrai visage|\bvisage r[ée]el|\brostro real|\bcara real\b|\bvolto (?:vero|reale)|\brosto real|\becht gezicht|\bdeep ?fake|дипфейк|ديب ?فيك|深度伪造|深伪|"
                    r"\basli\b|\bnakli\b|असली|नकली|नक़ली|फर्जी|प्रिंट|स्क्रीन|मास्क|जीवित|धोखा|डीपफेक|"
                    # real or AI ("vraie ou IA", "echt of AI", "real ou ia", "настоящее или ИИ"), made with AI
                    r"\b(?:real|reale?|reais|r[ée]el(?:le)?s?|vrai(?:e)?s?|verdadeir[oa]s?|de verdad|ver[oa]|echt|настоящ\w*|реальн\w*)\s+(?:o|ou|oder|of|или)\s+(?:una |uma |een |eine |un'|l'|la |a )?(?:ia|ai|ki|ии)\b|"
                    r"\bai[- ]?gemaakt|\bgemaakt (?:door|met) (?:de |een )?(?:ai|ki)\b|\bki[- ]gemacht|\bmit (?:der )?ki gemacht|\bai (?:se|ne) (?:bani|banayi|banaya)\b|\bai (?:से|ने) (?:बन|बना|जनरेट)"),
    ("age", None, r"\b(?:ему|ей|мне) (?:уже |всего |только |почти )?\d{1,2}\b(?! ?(?:%|кг|см|раз))|\bet[áa]ri[oa]s?\b|"
                  # over or under a number of years ("tem mais de 60?", "ему за 60?", "60歳以上"): age, whoever it is asked of
                  r"\b(?:m[aá]s|menos|mayor|menor|plus|moins|più|meno|mais|meer|minder) (?:de |di |que |dan )?(?:los |les |i |os )?(?:1[2-9]|[2-9]\d)(?=\s*(?:años|anos|ans|anni|jaar)\b|\s*[?!.,)]|\s*$)|"
                  r"(?:\büber|\bunter|\bälter als|\bjünger als|\bouder dan|\bjonger dan|\bboven de|\bonder de|\bsopra i|\bsotto i|\bacima d?os|\babaixo d?os|\bстарше|\bмоложе|\bмладше|\bбольше|\bменьше|\bза) (?:1[2-9]|[2-9]\d)(?=\s*(?:jahre|jaar|anni|anos|лет)\b|\s*[?!.,)]|\s*$)|"
                  r"(?:超过|大于|小于|不到|不满)(?:1[2-9]|[2-9]\d)(?![\d人个张位])|(?<!\d)(?:1[2-9]|[2-9]\d)(?:以上|以下|未満|を超え|超え)|\b(?:أكثر|أقل|أكبر|أصغر) من (?:1[2-9]|[2-9]\d)\b|(?<!\d)(?:1[2-9]|[2-9]\d) (?:साल |वर्ष )?से (?:ज़्यादा|ज्यादा|अधिक|ऊपर|कम|बड़ा|बड़ी)|\b(?:1[2-9]|[2-9]\d) (?:saal )?se (?:zyada|jyada|upar|kam|bada|badi)\b|"
                  r"(?<![a-z])age\s*(?:字段|field|フィールド|項目|حقل)|年龄字段|年齢(?:フィールド|項目)|\bnan ?sai\b|\b3[ou]mr|\bedad\b|\bcu[aá]ntos años\b|\bnaci[oó]\b|\ba[nñ]o naci|\b[âa]ge\b|\bquel [âa]ge\b|\bann[ée]e de naissance|\balter\b|\bwie alt\b|\bjahre alt\b|\bgeboren\b|\bgeburtsjahr|"
                  r"\bet[àa]\b|\bquanti anni\b|\banno di nascita|\bidade\b|\bquantos anos\b|\bnasceu\b|\bleeftijd|\bhoe oud\b|\bjaar oud\b|\bgeboortejaar|"
                  r"\bвозраст|\bсколько (?:ему|ей|им)? ?лет\b|\bлет\b|\bродил|\bгод рождения|年龄|多大|几岁|岁|年纪|出生|哪年生|年齢|何歳|歳|なんさい|何才|生まれ|アラ(?:サー|フォー|フィフ|カン|還|ハタ)|"
                  r"\bumr\b|\bumra\b|\bumar\b|\bkitne saal|\b(?:ال)?عمر(?!و|ة|ان\b)|"
                  # the decade of life ("en qué década está", "la cinquantaine", "50代") and adult or minor
                  r"\b[1-9]0 (?:e|y) (?:poucos|pouco|tantos|pocos|tantos|pico|muitos)\b|\b[1-9]0 et quelques\b|\b[1-9]0 e (?:rotti|qualcosa)\b|"
                  r"\bd[ée]cada (?:est[aá]|anda|tiene|de (?:su )?vida|va|se encuentra)|\bqu[eé] d[ée]cada\b(?!.{0,30}\b(?:foto|imagen|tomad|sacad|fue|era))|\b(?:cinquant|quarant|trent|soixant|vingt)aine\b|\bd[ée]cennie\b(?!.{0,30}\b(?:photo|image|prise))|\bjahrzehnt\b(?!.{0,30}\b(?:foto|bild|aufgenommen))|\bin den (?:zwanzig|dreißig|dreissig|vierzig|fünfzig|fuenfzig|sechzig|siebzig|achtzig)ern\b|\bmitte (?:zwanzig|dreißig|vierzig|fünfzig|sechzig)\b|"
                  r"\bdecennio\b(?!.{0,30}\b(?:foto|immagine|scattat))|\bsulla (?:ventina|trentina|quarantina|cinquantina|sessantina|settantina)\b|\bd[ée]cada (?:de vida|ele|ela)\b|\b(?:trint|quarent|cinquent|sessent)[ãa]o\b|\b(?:trint|quarent|cinquent|sessent)ona\b|\bdecennium\b(?!.{0,30}\b(?:foto|genomen))|\b(?:twintig|dertig|veertig|vijftig|zestig|zeventig)ers?\b|"
                  r"\bдесятилети|\bза (?:двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят)\b|[2-9]0代|[二三四五六七八九]十代|(?:二|三|四|五|六|七|八|九)十(?:多|来)?岁|\bفي (?:ال)?(?:عشرينات|ثلاثينات|أربعينات|خمسينات|ستينات|سبعينات)|\bالعقد (?:ال)?(?:ثالث|رابع|خامس|سادس|سابع)|दशक|\b(?<!')[2-9]0'?s\b|"
                  r"\bmajeur|\bmineur|\bvolljährig|\bminderjährig|\bmaggiorenne|\bminorenne|\bmaior de idade|\bmenor de idade|\bmeerderjarig|\bminderjarig|\bсовершеннолет|\bнесовершеннолет|未成年|成年人|成年了|\bقاصر|\bبالغ(?:ة|ا)?\b|बालिग|नाबालिग|\b(?:naa?)?baa?lig\b|\bكم سنة|\bكام سنة|\bشحال (?:ف|في )?(?:ال)?عمر|\bفعمر(?:ه|ها|و)?\b|(?:年|歳|とし)?いくつ(?:ぐらい|くらい)(?:や|だ|です|に見え|と思)|几多岁|\bسن(?:ه|ها)\b|(?<!هذا )(?<!هاد )(?<!هادا )(?<!ده )\bولد(?!\s+(?:ولا|أم|او|أو)\s)|\bمواليد|उम्र|आयु|कितने साल|कितने वर्ष|पैदा|जन्म"),
    # a neutral description ("descrivi il viso in modo neutro", "中性地描述") is a caption, not
    # the emotion "neutral"; "¿parece neutral?" stays an emotion
    ("caption", None, r"\bdescr[ií]b\w*.{0,40}\b(?:de (?:forma|manera|modo) neutra?l?|neutralmente|con neutralidad)|\bdescripci[oó]n (?:neutral|neutra)\b|"
                      r"\bd[ée]cri[rstv]\w*.{0,40}\b(?:de (?:fa[çc]on|mani[èe]re) neutre|neutralement|avec neutralit[ée])|\bdescription neutre|"
                      r"\bbeschreib\w*.{0,40}\bneutral\b|\bneutrale[nr]? beschreibung|"
                      r"\bdescriv\w*.{0,40}\b(?:in (?:modo|maniera) neutr[oa]|neutralmente|con neutralit[àa])|\bdescrizione neutra|"
                      r"\bdescrev\w*.{0,40}\b(?:de (?:forma|maneira|modo) neutra|neutramente|neutralmente|com neutralidade)|\bdescri[çc][ãa]o neutra|"
                      r"\bbeschrijf\w*.{0,40}\bneutraal\b|\bbeschrijving.{0,20}\bneutraal\b|\bneutrale beschrijving|"
                      r"\bопи(?:ши|шите|сать)\b.{0,40}\bнейтрально\b|\bнейтральн\w* описани|\bописани\w* нейтральн|"
                      r"(?:中性|中立|客观)(?:地|的)?(?:描述|描写|配文|说明|文案|标题|文字)|\bneutra\w* (?:onderschrift|bijschrift)|(?:描述|描写).{0,10}(?:中性|中立)(?:一点|一些|地)|"
                      r"(?:中立的|ニュートラル|客観的|中性的)(?:に|な)(?:説明|描写|記述)|"
                      r"\b(?:ص\u0650?ف|وصف|اوصف|أوصف)\w*.{0,40}(?:محايد|بحياد)|"
                      r"(?:तटस्थ|निष्पक्ष) (?:रूप से |तरीके से |ढंग से )?(?:वर्णन|विवरण)|(?:वर्णन|विवरण).{0,30}(?:तटस्थ|निष्पक्ष)|\bneutral (?:tarike|tareeke|tarah|dhang) se (?:describe|varnan|batao)"),
    # crying or laughing, a child's "boy or girl": emotion and gender before the smiling row
    # and the child nouns of the age rows
    ("emotion", None, r"\b(?:schockiert|geschockt|erschrocken|[üu]berrascht|traurig|w[üu]tend|sauer|[äa]ngstlich|verängstigt) (?:\w+ )?oder lacht|"
                      r"\b(?:geschrokken|geschokt|verbaasd|verrast|boos|bang|verdrietig) (?:\w+ )?of lacht|"
                      r"\b(?:sorprendid|asustad|enfadad|impactad|espantad)[oa] o (?:se )?r[ií]e|\b(?:surprise|choqu[ée]|effray[ée]|f[âa]ch[ée])e? ou (?:il |elle )?rit|"
                      r"\b(?:sorpres|scioccat|spaventat|arrabbiat)[oa] o ride|\b(?:surpres|assustad|chocad|brav)[oa] ou (?:est[áa] )?(?:rindo|ri)\b|"
                      r"\b(?:удивл|испуган|шокирован|зл|грустн)\w* или сме[её]\w*|"
                      r"\bllora o (?:se )?r[ií]e|\bpleure ou (?:il |elle )?rit|\bweint (?:\w+ )?oder lacht|\bpiange o ride|\bchora ou ri|\bhuilt (?:\w+ )?of lacht|\bплач\w* или сме[её]\w*|哭还是(?:在)?笑|笑还是(?:在)?哭|(?:哭|喊)定(?:系|係|是|在)?笑|笑定(?:系|係|是|在)?(?:哭|喊)|嬲|泣いて(?:る|いる)?の?か笑|笑って(?:る|いる)?の?か泣|\b(?:ي|ت|بي|بت)عيط|\bمن الضحك\b|रो रहा है या हंस|रो रही है या हंस"),
    # regional words for the two answers: Swiss and Austrian "Bub oder Meitli", Latin American
    # "nene o nena", "chavo o chava", Brazilian "guri ou guria", Quebec "gars ou fille", Flemish
    # "ventje of meiske", Gulf "ريال ولا حرمة", Cantonese "男定女", Hindi with a verb between
    # ("लड़का लगता है या लड़की")
    ("gender", None, r"\b(?:bub|bueb|b[üu]ebli|knabe|junge|bursch)\w* oder (?:ein |e )?(?:m[äa]dchen|m[äa]del|meitli|maitli|dirndl|madl)\b|\b(?:m[äa]dchen|m[äa]del|meitli|maitli|dirndl|madl) oder (?:ein |e )?(?:bub|bueb|knabe|junge)\b|"
                     r"\b(?:nen|chav|pib|cham|chamac|cabr|carajit|chiquit|guagu|bebit|bichit|gur)o o (?:una? )?(?:nen|chav|pib|cham|chamac|cabr|carajit|chiquit|guagu|bebit|bichit|gur)a\b|\b(?:nen|chav|pib|cham|chamac|cabr|carajit|chiquit|guagu|bebit|bichit)a o (?:una? )?(?:nen|chav|pib|cham|chamac|cabr|carajit|chiquit|guagu|bebit|bichit)o\b|\bnene o (?:una )?nena\b|\bnena o (?:un )?nene\b|\bvar[oó]n o (?:una? )?(?:nena|chica|mujer)\b|"
                     r"\b(?:guri|moleque|garoto|menino|rapaz|cara|homem) ou (?:uma? )?(?:guria|menina|garota|mina|mo[çc]a|mulher)\b|\b(?:guria|menina|garota|mina|mo[çc]a) ou (?:um )?(?:guri|moleque|garoto|menino|rapaz)\b|"
                     r"\b(?:gars|gar[çc]on|mec|homme|monsieur) ou (?:une )?(?:fille|femme|madame|meuf|dame)\b|\b(?:fille|femme|madame|dame) ou (?:un )?(?:gars|gar[çc]on|mec|homme|monsieur)\b|"
                     r"\b(?:ventje|manneke|jongen|gast|vent|man) of (?:een |e )?(?:meiske|meisje|madam|vrouw|griet|wijf)\b|\b(?:meiske|meisje|griet|vrouw) of (?:een |e )?(?:ventje|manneke|jongen|gast|vent|man)\b|"
                     r"(?:^|\s)(?:ل|لل|ال)?(?:ريال|رجال|رجّال|راجل|رايل|ولد|شب|صبي|عيل|واد|زلمة|زلمه) (?:ولا|ولّا|وإلا|او|أو|أم|ام) (?:ل|لل|ال)?(?:حرمة|حرمه|مرة|مره|مرا|امرأة|امراة|بنت|بنية|عيلة|صبية|ست|شابة)(?=$|[\s?؟.!،])|(?:^|\s)(?:ل|لل|ال)?(?:حرمة|حرمه|مرة|مره|مرا|امرأة|امراة|بنت|بنية|صبية|ست) (?:ولا|ولّا|وإلا|او|أو|أم|ام) (?:ل|لل|ال)?(?:ريال|رجال|راجل|رايل|ولد|شب|صبي|واد|زلمة|زلمه)(?=$|[\s?؟.!،])|"
                     # English answer words mixed into another language ("guy ですか girl ですか", "是 guy
                     # 还是 girl", "un guy ou une fille", "ein Typ oder eine Frau", "guy ou girl")
                     r"(?<![a-z])(?:guy|boy|man|dude|bloke|typ|kerl|mec|gars|tipo|tizio|cara|kerel)(?![a-z])[^.?!？。،]{0,6}?(?:\s(?:or|ou|o|oder|of|ya|ili)\s|\s*(?:ですか|か|还是|還是|或者|或是|или|ولا|أم|या)\s*)(?:(?:a|an|une?|una|uma|eine?|een|la|el)\s+)?(?:girl|woman|lady|gal|frau|fille|femme|meuf|nana|chica|mujer|donna|ragazza|mulher|mina|meisje|vrouw)(?![a-z])|"
                     r"(?<![a-z])(?:girl|woman|lady|gal)(?![a-z])[^.?!？。،]{0,6}?(?:\s(?:or|ou|o|oder|of|ya|ili)\s|\s*(?:ですか|か|还是|還是|或者|或是|или|ولا|أم|या)\s*)(?:(?:a|an|une?|una|uma|eine?|een|el)\s+)?(?:guy|boy|man|dude|bloke|typ|kerl|mec|gars|tipo|homme|hombre|mann|uomo|homem|man|jongen)(?![a-z])|"
                     r"(?:男|女)(?:仔|人|嘅|生|孩|性)?定(?:系|係|是)?(?:男|女)|是(?:一)?位(?:女士|先生|男士)|"
                     r"(?:महिला|औरत|आदमी|पुरुष|लड़की|लड़का) (?:लग|दिख) (?:रही|रहा) (?:है|हैं)|"
                     r"(?:लड़का|लड़की|आदमी|मर्द|औरत|पुरुष|महिला|ख़ातून|खातून)(?:\s+[\u0900-\u097f]+){1,3}\s+या\s+(?:लड़का|लड़की|आदमी|मर्द|औरत|पुरुष|महिला|ख़ातून|खातून)(?![\u0900-\u097f])|"
                     r"\b(?:ladka|larka|ladki|larki|aadmi|admi|mard|aurat)(?:\s+\w+){1,3}\s+(?:ya|yaa)\s+(?:ladka|larka|ladki|larki|aadmi|admi|mard|aurat)\b"),
    # counting women and men in a (group) photo asks the perceived genders ("Hoeveel vrouwen?",
    # "Wie viele Männer?", "女性は何人?"); counting people is open
    ("gender", None, r"\bcu[aá]nt[oa]s (?:hombres|mujeres|varones|señoras|señores|chicas|chicos)\b|\bcombien (?:d'|de )(?:hommes|femmes|gars|filles|gar[çc]ons|messieurs|dames)\b|\bwie ?viele (?:frauen|m[äa]nner|damen|herren)\b|\bquant[ie] (?:uomini|donne|maschi|femmine|signore|signori)\b|\bquant[oa]s (?:homens|mulheres|mo[çc]as|rapazes)\b|\bhoeveel (?:vrouwen|mannen|dames|heren)\b|\bсколько (?:мужчин|женщин|парней|девушек)\b|"
                     r"(?:几|多少)(?:个|位|名)?(?:男|女)(?:的|人|生|性|士)|(?:男|女)(?:的|人|生|性|士)?(?:有)?(?:几|多少)(?:个|位|名)|男女(?:各)?(?:有)?(?:几|多少)|(?:女性|男性|男の人|女の人|男子|女子)(?:は|が)?(?:何人|なんにん)|"
                     r"\b(?:كم|كام|شحال) (?:رجل|رجال|راجل|رجالة|امرأة|امراة|نساء|ستات|سيدة|سيدات|حريم|ولد|بنت|بنات)\b|कितन(?:े|ी) (?:आदमी|मर्द|पुरुष|औरतें|औरत|महिलाएं|महिलाएँ|ख़वातीन)|\bkitn(?:e|i) (?:aadmi|mard|aurat\w*|ladk\w*)\b"),
    ("gender", None, r"(?:\b(?:ist|is) (?:das|des|es|er|sie|die person|der typ) (?:ein|eine|n|'n|ne|'ne) (?:mann|frau|junge|m[äa]dchen|kerl|typ)|\b(?:es|eso es|esto es) (?:un|una) (?:hombre|mujer|chico|chica|niñ[oa])|\bc'est (?:un|une) (?:homme|femme|mec|meuf|gar[çc]on|fille)|\b(?:[èe]|[èe] un|[èe] una) (?:uomo|donna|ragazz[oa]|maschio|femmina)|\b(?:[ée]|é um|é uma|e um|e uma) (?:homem|mulher|rapaz|moça|menin[oa])|\b(?:is (?:het|dit|dat)|is ie|is hij|is ze) (?:een |n )?(?:man|vrouw|jongen|meisje)|\b(?:это|eto) (?:мужчин\w*|женщин\w*|парен\w*|девушк\w*|мальчик\w*|девочк\w*|muzh\w*|zhensh\w*|paren\w*|devushk\w*|malchik\w*|devochk\w*)|(?:^|\s)(?:هذا|هذه|هذي|هاد|هادا|هاي|ده|دي|هو|هي) (?:بنت|ولد|رجل|راجل|امرأة|امراة|مرة|مره|شاب|صبي|فتاة|ست|زلمة)|\b(?:ye|yeh|yah|wo|woh) (?:ladka|ladki|larka|larki|aadmi|aurat|mard) (?:hai|h|he)(?: kya)?|(?:ये|यह|वो|वह) (?:लड़का|लड़की|आदमी|औरत|मर्द|महिला) (?:है)(?: क्या)?)\s*[?？؟.!]*$|\bmaschio o (?:una )?femmina|\bfemmina o (?:un )?maschio|\bmacho o (?:una )?hembra|\bhembra o (?:un )?macho|\bm[âa]le ou (?:une )?femelle|\bjongen of (?:een )?meisje|\bmeisje of (?:een )?jongen|"
                     r"\bm[äa]nnlich oder weiblich|\bweiblich oder m[äa]nnlich|\bmasculino o femenino|\bfemenino o masculino|\bmasculin ou f[ée]minin|\bmaschile o femminile|\bmasculino ou feminino|\bmannelijk of vrouwelijk|"
                     r"\bniñ[oa] o (?:una |un )?niñ[oa]\b|\bchic[oa] o (?:una |un )?chic[oa]\b|\bvar[oó]n o (?:una )?(?:hembra|niña)\b|\bmaschiett[oa] o (?:una )?femminuccia|\bfemminuccia o (?:un )?maschietto|\bbambin[oa] o (?:una |un )?bambin[oa]\b|\bragazz[oa] o (?:una |un )?ragazz[oa]\b|"
                     r"\bm[ei]nin[oa] ou (?:uma |um )?m[ei]nin[oa]\b|\bпарен[ьяю]? или девушк|\bдевушк\w* или парен|男生还是女生|女生还是男生|\brapaz ou (?:uma )?(?:moça|rapariga)|\bmoça ou (?:um )?rapaz|\bgar[çc]on ou (?:une )?fille\b|\bfille ou (?:un )?gar[çc]on\b|\bjunge oder (?:ein )?m[äa]dchen|\bm[äa]dchen oder (?:ein )?junge|\bjongen of (?:een )?meisje|\bmeisje of (?:een )?jongen|"
                     r"\bhombre o (?:una )?mujer|\bmujer o (?:un )?hombre|\bhomme ou (?:une )?femme|\bfemme ou (?:un )?homme|\bmann oder (?:eine )?frau|\bfrau oder (?:ein )?mann|\buomo o (?:una )?donna|\bdonna o (?:un )?uomo|\bhomem ou (?:uma )?mulher|\bmulher ou (?:um )?homem|\bman of (?:een )?vrouw|\bvrouw of (?:een )?man|"
                     r"\bмужчина или женщина|\bженщина или мужчина|男的还是女的|女的还是男的|男还是女|男性还是女性|是男是女|男性か女性|女性か男性|(?:男性|女性|男|女)(?:の(?:人|方|子))?(?:です|でしょう|だ)?か[、,？?\s]*(?:男性|女性|男|女)(?:の(?:人|方|子))?(?:です|でしょう|だ)?か|男性[・/／]女性|女性[・/／]男性|男女(?:の)?どちら|男性と女性のどちら|女性と男性のどちら|\bرجل أم امرأة|\bامرأة أم رجل|\bذكر أم أنثى|पुरुष या (?:महिला|स्त्री)|(?:महिला|स्त्री) या पुरुष|(?:आदमी|मर्द) (?:है )?या (?:औरत|महिला)|(?:औरत|महिला) (?:है )?या (?:आदमी|मर्द)|\baadmi (?:hai )?ya aurat|\baurat (?:hai )?ya aadmi|\bmard (?:hai )?ya aurat|\baurat (?:hai )?ya mard|"
                     r"是(?:个|一个)?(?:男生|女生|男的|女的|男孩子?|女孩子?|男人|女人)(?:吗|吧|啊|嘛)|\bмальчик или девочка|\bдевочка или мальчик|男孩(?:还是|或)女孩|女孩(?:还是|或)男孩|男の子か女の子|女の子か男の子|(?:男|女)の(?:人|子)(?:[？?]|です|か|なの|だよね|じゃ)|(?:男|女)の子っぽい[？?].{0,8}(?:男|女)の子っぽい|लड़का (?:है )?या लड़की|लड़की (?:है )?या लड़का"),
    # mood idioms: low or high spirits said with a set phrase ("broie du noir", "moral por los
    # suelos", "giù di morale", "pra baixo", "in de put", "не в духе", "闷闷不乐", "落ち込んで",
    # "مضايق", "मूड खराब") ask the emotion
    ("emotion", None, r"\bmoral por los suelos\b|\b(?:de|con el) (?:baj[oó]n|[aá]nimo (?:bajo|por los suelos))\b|\bde capa ca[ií]da\b|\bdeca[ií]d[oa]s?\b|\bde (?:buen|mal) humor\b|"
                      r"\bbroi(?:e|es|ent|er) du noir\b|\bmoral dans les chaussettes\b|\b(?:a|avoir) la (?:p[êe]che|banane|frite)\b|\bfai(?:t|re) la (?:t[êe]te|gueule)\b|\btire la tronche\b|"
                      r"\btr[üu]bsal\b|\bniedergeschlagen\b|\bbedr[üu]ckt\b|\bgeknickt\b|\b(?:mies|schlecht|gut) gelaunt\b|\b(?:schlechte|gute|miese) laune\b|"
                      r"\b(?:gi[uù]|su) di morale\b|\bdi (?:buon|cattivo) umore\b|\bla luna storta\b|\bfa (?:il broncio|il muso)\b|\babbattut[oa]\b|"
                      r"\b(?:est[aá]|t[aá]|anda|parece|meio|ficou) (?:\w+ )?(?:pra|para) baixo\b|\bna fossa\b|\bde (?:bom|mau) humor\b|\bcabisbaix[oa]\b|\bchatead[oa]\b|\bbolad[oa]\b|"
                      r"\bin de put\b|\bneerslachtig\b|\b(?:goed|slecht)gehumeurd\b|\bchagrijnig\b|\bin een (?:goede|slechte|rotte) bui\b|"
                      r"\bне в духе\b|\bханд(?:рит|рить|ра)\b|\bподавлен\w*|\bрасстроен\w*|\bповесил\w* нос\b|\bнос повесил\w*|"
                      r"闷闷不乐|垂头丧气|心情(?:不好|很好|好吗|低落|不错)|情绪低落|郁闷|[没無无]精打采|"
                      r"落ち込んで|元気(?:がない|がなさそう|そう|ですか)|機嫌が(?:いい|良さそう|よさそう|悪い|悪そう)|不機嫌|しょんぼり|へこんで|"
                      r"مضايق|متضايق|مهموم|نفسيت(?:ه|ها) (?:تعبانة|زفت|حلوة|منيحة)|مزاج(?:ه|ها)|"
                      r"मूड (?:खराब|अच्छा|ठीक|ऑफ)|मुँह लटका|\bmood (?:kharab|off|accha|achha|theek)\b|\bmuh latka\w*"),
    ("attribute", "smiling", r"\bsonr[ií]e|\bsonriendo|\bsonrisa|\bsourit|\bsourire|\bsouriant|\bl[äa]chelt|\bl[äa]cheln|\blacht\b|\bsorrid|\bsorriso|\bsorri\b|\bsorrindo|"
                             r"\bglimlach|\bmuskura|\bулыба|笑|\bيبتسم|\bتبتسم|\bابتسام|\bمبتسم|मुस्कुरा|मुस्करा|मुस्कान"),
    ("emotion", None, r"\bverlegen\b|\bcansad[oa]s?\b|\bfatigu[ée]e?s?\b|\bm[üu]de\b|\banimad[oa]\b|\bersch[öo]pft\w*|\bexhausted\b|\bépuis[ée]e?\b|\bagotad[oa]\b|\besaust[oa]\b|\bexaust[oa]\b|\bvermoeid\b|\buitgeput\b|\bcom sono\b|\bsonolent[oa]\b|\bcon sueño\b|\bsomnolient[oa]\b|\bendormie?\b|\bassonnat[oa]\b|\bslaperig\b|\bschl[äa]frig\b|\bсонн\w*|\bstanc[oa]\b|\bmoe\b|\bустал\w*|\bуставш\w*|\bизмотан\w*|累|疲れ|疲惫|疲憊|疲倦|眠そう|眠たそう|نعسان|مرهق|नींद|"
                      r"थका|थकी|थके|\bopvrolijken\b|\bsomber\b|\baufmunter\w*|\bgefreut\b|\bобрадова\w*|فرحت|انبسطت|"
                      r"\banimar(?:lo|la)\b|\btirarl[oa] su\b|\bstreng\b|مرتاح|उत्साहित|\bincazzat|\bseren[oa]\b|\bfai?t la (?:tronche|gueule)\b|\bfreu(?:t|en) (?:\w+ )?sich\b|\bнапуган|\bдовольн|"
                      r"غضبان|زعلان|مبسوط|فرحان|\ble cafard\b|\b(?:a|avoir|le) (?:bon |mauvais )?moral\b|\bbien dans sa peau\b|\bemoci[oó]n|\bemocional|\bsentimiento|\bse siente\b|\bqu[eé] siente\b|\bestado de [aá]nimo|\bexpresi[oó]n|\bfeliz(?:es)?\b|\btristes?\b|\btristi\b|\benojad|\benfadad|\bsorprendid|\basustad|\bmiedo\b|\basco\b|\bneutral|\bcontent[oa]s?\b|\bllora|\bmala leche\b|\bmal humor\b|\bcabread|\bestresad|\bangustiad|\bpreocupad|\bagobiad|\binquiet[oa]|\ben p[áa]nico|\btranquil[oa]s?\b|"
                      r"\b[ée]motion|\bressent|\bse sent\b|\bhumeur\b|\bexpression\b|\bheureu|\ben col[èe]re\b|\bf[âa]ch[ée]|\bsurpris|\bpeur\b|\beffray|\bd[ée]go[ûu]t|\bneutre\b|\bpleure|\bcontente?s?\b|\bg[êe]n[ée]e?\b|\bconcentr[ée]e?\b|\bchoqu[ée]e?\b|\bstress[ée]e?s?\b|\bangoiss|\binqui[eè]te?s?\b|\banxieu|\bpaniqu[ée]|\btendue?s?\b|\bcalme\b|"
                      r"\bemotion|\bgef[üu]hl|\bf[üu]hlt\b|\bstimmung|\bausdruck|\bgl[üu]cklich|\bfroh\b|\btraurig|\bw[üu]tend|\bver[äa]rgert|\b[üu]berrascht|\bangst|\b[äa]ngstlich|\bekel|\bangewidert|\bweint\b|\bwut\b|\bsauer\b|\b(?:gut|schlecht|mies) drauf\b|\bgestresst|\bangespannt|\bbesorgt|\bbeunruhigt|\bpanisch|\bver[äa]ngstigt|"
                      r"\bemozion|\bsentiment|\bsi sente\b|\bumore\b|\bespressione|\bfelic[ei]\b|\barrabbiat|\bsorpres|\bpaura\b|\bspaventat|\bdisgust|\bpiange|\bcommoss|\bemozionat|\bstressat|\bpreoccupat|\bansios|\bagitat|\bin ansia\b|\bin panico\b|\btranquill[oa]\b|"
                      r"\bemo[çc][ãa]o|\bemo[çc][õo]es|\bsentimento|\bse sente\b|\bhumor\b|\bexpress[ãa]o|\bzangad|\bbrav[oa]s?\b|\bfelizes\b|\birritad|\bsurpres|\bmedo\b|\bassustad|\bnojo\b|\bneutr|\bchora|\bestressad|\bstressad|\bpreocupad|\bansios|\baflit|\bem p[âa]nico|\btranquil[oa]\b|"
                      r"\bemotie|\bgevoel|\bvoelt\b|\bstemming|\buitdrukking|\bblij\b|\bgelukkig|\bverdrietig|\bboos\b|\bkwaad\b|\bverrast|\bbang\b|\bwalging|\bneutraal|\bhuilt\b|\bgestrest|\bgespannen\b|\bzenuwachtig|\bongerust|\bbezorgd|\bangstig|\bin paniek|\blachen\b|\bdubbel van het lach|"
                      r"\bэмоци|\bчувству|\bнастроени|\bвыражени|\bсчастлив|\bрад\b|\bрадост|\bгруст|\bпечал|\bзл(?:ой|ая|ится)\b|\bсердит|\bудивл|\bиспуг|\bстрах|\bбоит|\bотвращ|\bнейтральн|\bплач|\bвстревож|\bтревож|\bобеспокоен|\bбеспоко|\bвзволнован|\bнапряж[её]нн|\bрастерян|\bпаник|\bспокойн|"
                      r"情绪|情感|表情|感受|心情|感觉|高兴|开心|快乐|难过|伤心|悲伤|生气|愤怒|惊讶|吃惊|害怕|恐惧|厌恶|恶心|平静|中性|哭|慌张|慌乱|惊慌|焦虑|不安|担心|担忧|镇定|冷静|嫌弃|鄙视|不屑|厌烦|无语|尴尬|委屈|得意|紧张|兴奋|失望|沮丧|郁闷|一脸(?!胡|的胡|络腮|雀斑|痘|皱纹)|"
                      r"感情|表情|気持ち|気分|楽しそう|楽しげ|嬉し|うれし|幸せ|悲し|怒|驚|びっくり|怖|恐(?!れ入|縮)|嫌悪|無表情|泣|落ち着|慌て|あわて|焦っ|不安|動揺|怯え|おびえ|ストレス|リラックス|穏やか|"
                      r"\bمشاعر|\bعاطف|\bشعور|\bيشعر|\bتشعر|\bمزاج|\bمود\b|\bتعبير|\bسعيد|\bحزين|\bغاضب|\bمتفاجئ|\bمندهش|\bخائف|\bخوف|\bاشمئزاز|\bمحايد|\bيبكي|\bتبكي|\bتعابير|\bخايف|\bزعلان|\bمبسوط|\bفرحان|\bمتضايق|\bمعصب|\bمصدوم|\bمرعوب|\bقلقان|\bمتوتر|\bقرفان|\bقلق|\bمضطرب|\bمرتبك|\bمذعور|\bهادئ|"
                      r"\bqu[eé] cara (?:pone|est[aá] poniendo)\b|\bquelle t[êe]te (?:il |elle )?fait\b|\bwas für ein gesicht (?:macht|zieht)|\bche faccia (?:fa|sta facendo)\b|\bque cara (?:ele |ela )?(?:faz|est[aá] fazendo)\b|\bwat voor gezicht (?:trekt|maakt)|\bкакую (?:рожу|мину|гримасу|рожицу) (?:корчит|делает|строит)|做(?:了)?什么鬼脸|どんな顔をして|"
                      r"\bserio\b|\b(?:cara|faccia|expresi[oó]n|espressione) seria\b|\b(?:sembra|[eè]|est[aá]) seria\b|\bs[ée]rieu(?:x|se)|\bernst|\bserieus|\bсерь[её]зн|\bnervios|\bnervos[oa]|\bnerveu(?:x|se)|\bnerv[öo]s|\bnerveus|\bнервн|\bволну|"
                      r"\borgullos|\bfier\b|\bfi[eè]re\b|\bfier[oa]\b|\borgulhos|\bstolz|\btrots\b|\bгорд|\bfurieu|\bfurios|\bjoyeu|\balegre|\bgioios|\bfr[öo]hlich|\bvrolijk|\bвесел|"
                      r"\bdoe[tn]? (?:\w+ )?alsof|\bfai(?:t|re) semblant|\bfing(?:e|iendo)\b|\btut (?:\w+ )?(?:nur )?so,? als\b|\bfa finta|\bпритворя|喜ん|喜び|緊張|誇らし|骄傲(?!游行|月|节)|自豪|假装|\bفخور|\bmetwatt?er|\bmtwatt?er|\bm3a?s?sab|\bza3lan|\bmabsou?t|\bfar7an|\b7a?zi?n|\bkhayf|गर्व|घबरा|नर्वस|"
                      r"\bfai(?:t|re) la (?:gueule|t[êe]te)|\bboud(?:e|er|eu|euse)\b|\bgrimac|\benfurruñad|\bde morros|\bpucheros|\bmala cara|\bmueca|\bschmoll|\bbeleidigt|\beingeschnappt|\bm[üu]rrisch|\bgrimmig|\bimbronciat|\bbroncio|\b(?:fa|tiene|mette) il muso|\bemburrad|\bamuad|\bcara (?:feia|amarrada)|\bfazendo bico|\bchagrijnig|\bmokt\b|\bpruil|\bnors\b|\bдует(?:ся|сь)|\bнадул|\bобижен|\bхмур|\bнасуп|撅嘴|嘟嘴|生闷气|闹别扭|板着脸|拉着脸|绷着脸|ふくれ|むっと|ムッと|不機嫌|しかめ|仏頂面|(?<!で)(?<!ま)すね(?:て|た|る)|拗ね|\bعابس|\bمتجهم|\bمكشر|\bمبوز|मुंह फुला|मुँह फुला|रूठ|नाराज|\bmunh phula|\bnaraz\b|\brooth|"
                      r"\bkhush\b|\budaas|\bgusse?\b|\bgussa|\bdar(?:a|i|e)? hu|\bdar gay|\bro rah|\bmood\b|भावना|भाव|महसूस|मूड|मनोदशा|अभिव्यक्ति|खुश|दुखी|उदास|गुस्स|क्रोध|हैरान|आश्चर्य|डर|घृणा|तटस्थ|रो रह|तनाव|चिंतित|बेचैन|परेशान|शांत"),
    ("caption", None, r"(?:^|\s)(?:صفه|صفها|صفهم|اوصفه|اوصفها)(?:\s|$)|\bdescr[ií]b|\bd[ée]crire\b|\bdescripci|\bleyenda|\bpie de foto|\bd[ée]cri[st]|\bdescription|\bl[ée]gende|\bbeschreib|\bbildunterschrift|\bdescriv|\bdescrizione|\bdidascalia|\bdescrev|\bdescri[çc]|\blegenda|"
                      r"\bbeschrijf|\bbeschrijv|\bopishi\b|\bopisat|\bbijschrift|\bonderschrift|\bопиши|\bописани|\bподпис|描述|描写|配文|长什么样|(?:图|圖|照片|图片|圖片|相片)(?:里|裡|中|上)(?:都|面)?有(?:什么|什麼|啥)|拍的是什么|拍的是什麼|写真全体|様子を教えて|\bчто (?:вообще |там |же )?изображено\b|説明|描写|キャプション|どんな顔|\bصف\b|\bوصف|\b[اأ]وصف|(?:讲|講)(?:下|吓|一下)(?:张|呢张|幅|啲)?(?:相|照片|图)|\bتعليق|वर्णन|\bvarnan|\bcaption\b|कैप्शन|विवरण"),
    ("attribute", "eyeglasses", r"サングラス|墨镜|太阳镜|\bzonnebril|\bgafas|\blentes\b|\banteojos|\blunettes|\bbrille\b|\bocchiali|\b[óo]culos|\bbril\b|\bочк|眼镜|眼鏡|メガネ|めがね|\bنظار|चश्म|ऐनक|\bchashm"),
    ("attribute", "wearing_hat", r"\bsombrero|\bgorr[ao]\b|\bpañuelo|\bvelo\b|\bhiyab|\bturbante|\bchapeau|\bcasquette|\bbonnet\b|\bfoulard|\bvoile\b|\bhijab|\bturban|\bhut\b|\bm[üu]tze|\bkappe\b|\bkopftuch|\bschleier|"
                                 r"\bcappell(?:o|ino)|\bberrett|\bchap[ée]u|\bbon[ée]\b|\blen[çc]o\b|\bv[ée]u\b|\bhoed\b|\bpet\b|\bmuts\b|\bhoofddoek|\bsluier|\btulband|\bшляп|\bкепк|\bшапк|\bплат(?:ок|ке)\b|\bхиджаб|\bтюрбан|\bголовн\w* убор|"
                                 r"帽|头巾|面纱|头饰|キャップ|スカーフ|ヒジャブ|ターバン|頭巾|\bقبعة|\bطاقية|\bكاب\b|\bكاسكيت|\bبرنيط|\bحجاب|\bوشاح|\bعمامة|\bغطاء (?:ال)?رأس|टोपी|दुपट्टा|हिजाब|पगड़ी|كوفية|साफा|घूंघट|सिर पर (?:स्कार्फ़|स्कार्फ|कपड़ा|चुन्नी)|\btopi\b|\bpagdi\b|\bpagri\b"),
    ("attribute", "mustache", r"\bbigote|\bmoustache|\bschnurrbart|\bschnauzer|\bbaffi\b|\bbigode|\bsnor\b|\bус(?:ы|ов|ами)\b|小胡子|八字胡|口ひげ|口髭|\bشارب|\bشنب|मूंछ|मूँछ|\bmoonch|\bmooch"),
    ("attribute", "beard", r"ملتح|\bafeitad[oa]\b|\b(?:glatt )?rasiert\b|\bsbarbat[oa]\b|\bbarbead[oa]\b|\bglad ?geschoren\b|\bпобри(?:лся|т|ты)\b|\bвыбрит\w*|刮(?:了)?胡子|"
     r"\bدقن|\bذقن|\bحالق|\bمحلوق|\bbarba\b|\bbarbe\b|\bbart\b|\bvollbart|\bbaard|\bбород|胡子|胡须|ひげ|ヒゲ|髭|\bلحي|दाढ़ी|दाढी|\bdaadhi|\bdadhi"),
    ("attribute", "mouth_slightly_open", r"\bboca abierta|\bbouche (?:est )?ouverte|\bmund (?:ist )?(?:offen|ge[öo]ffnet)|\boffenen mund|\bbocca aperta|\bboca aberta|\bmond (?:is )?open|\bopen mond|\bрот открыт|\bоткрыт\w* рот|张(?:着|开)?嘴|嘴巴张|嘴张|口が開|口を開|\bفم(?:ه|ها)? مفتوح|मुंह खुला|मुँह खुला"),
    ("attribute", "bald", r"\bcalv[oa]\b|\bchauve|\bglatze|\bkahl|\bcareca|\bkaal\b|\bлыс|秃|はげ|ハゲ|禿|\bأصلع|\bصلع|गंज|\bganja\b|\bganji\b"),
    ("attribute", "wearing_lipstick", r"\bpintalabios|\blabial|\bl[áa]piz labial|\brouge [àa] l[èe]vres|\blippenstift|\brossetto|\bbatom|\bпомад|口红|唇膏|口紅|リップ|\bأحمر (?:ال)?شفاه|\bروج|लिपस्टिक|\blipstick"),
    ("attribute", "heavy_makeup", r"\bmaquill|\bmaquiag|\bgeschminkt|\bmake-?up|\bmekap\b|\bschminke|\btruccat|\btrucco|\bmaquiad|\bmaquilh|\bopgemaakt|\bмакияж|\bнакрашен|化妆|化了妆|化粧|メイク|\bمكياج|\bماكياج|मेकअप|श्रृंगार"),
    ("attribute", "wearing_earrings", r"\bpendientes\b|\baretes|\bboucles? d'oreilles|\bohrring|\borecchin|\bbrinco|\boorbel|\bсерьг|\bсер[её]ж|耳环|耳钉|イヤリング|ピアス|\bأقراط|\bقرط|कान की बाली|झुमके|बालियां|\bjhum?k[ae]\b|\bjhumke\b|\bbaaliy[ao]n\b|\bbaliyan\b|\bkaan (?:ki|mein|me) baal(?:i|iyan)\b|\bearrings?\b"),
    ("attribute", "wearing_necklace", r"\bcollar\b|\bcollier|\bhalskette|\bcollana|\bcolar\b|\bketting|\bожерель|\bцепочк|\bкулон|项链|ネックレス|\bقلادة|नेकलेस|हार पहन"),
    ("attribute", "wearing_necktie", r"\bcorbata|\bcravate|\bkrawatte|\bschlips|\bcravatta|\bgravata|\bstropdas|\bгалстук|领带|ネクタイ|\bربطة عنق|\bكرافت|टाई"),
    ("attribute", "eye_color", r"\bcolor de (?:los )?ojos|\bcouleur des yeux|\baugenfarbe|\bcolore degli occhi|\bcor dos olhos|\boogkleur|\bцвет глаз|眼睛(?:是)?什么颜色|眼睛的颜色|瞳色|目の色|瞳の色|\bلون (?:ال)?عين|आँखों का रंग|आंखों का रंग"),
    ("attribute", "head_pose", r"(?<!foto )(?<!fotos )(?<!imagen )(?<!photo )(?<!image )\bde perfil\b|\bde frente\b|(?<!photo )(?<!image )\bde profil\b|\bde face\b|\bt[êe]te (?:tourn[ée]e|pench[ée]e)|\bim profil\b|\bkopfhaltung|\bkopf (?:gedreht|geneigt)|\bdi profilo|\btesta (?:girata|inclinata)|\bcabe[çz]a (?:virada|inclinada|girada)|"
                               r"\ben profil\b|\bvan opzij\b|\bkant kijkt|\bkijkt (?:ze|hij) (?:naar )?(?:links|rechts)|\bhoofd (?:gedraaid|gekanteld)|\bв профиль|\bанфас|\bповернут\w* голов|\bнаклон\w* голов|侧脸|正脸|朝向|横顔|顔の向き|首を傾|\bجانبي|\bوضعية (?:ال)?رأس|सिर (?:झुका|घुमा)"),
    # bangs: a fringe of hair over the forehead ("tem franja?", "mit Pony?", "челка", "前髪")
    ("attribute", "bangs", r"\bcerquillo|\bfleco\b|\bchasquilla|\bcapul\b|\bpollina\b|\btoupet\b|\bstirnfransen|\bponyfransen|\bflequillo|\bfrange\b|\bfrangia\b|\bfrangett[ae]\b|\bfranjas?\b|\bpony\b|\bponyfrisur|\bч[её]лк|刘海|前髪|\bغرة|\bقصة (?:على|فوق) (?:ال)?جبين|बैंग्स|फ्रिंज|माथे पर बाल"),
    ("attribute", None, r"タトゥー|入れ墨|刺青|\bbindi\b|बिंदी|\bpelo\b|\bcabello|\brubi[oa]|\bpelirroj|\bcanos|\bcanas\b|刘海|斜刘海|前髪|\bcheveux|\bblond|\brou(?:x|sse)\b|\bhaar|\brothaarig|\bcapelli|\bbiond|\bcabelo|\bloir|\bruiv|\bgrisalh|\bволос|\bблонд|\bрыж|\bсед(?:ой|ая|ые)\b|头发|发色|金发|髪|金髪|\b(?:ال)?شعر|\bأشقر|\bشقراء|बाल(?![\u0900-\u097f])|बालों|\bbaal\b|\bbaalon\b|"
                        r"\bojos\b|\byeux\b|\baugen\b|\bocchi\b|\bolhos\b|\bogen\b|\bглаз|眼睛|目は|\bعيون|आँख|आंख|\baankh(?:en|on)?\b"),
    ("age", None, r"(?<!\d)[1-9]0 (?:साल )?के (?:आसपास|क़रीब|करीब)|\b[1-9]0 (?:saal )?ke (?:aas ?paas|kareeb|qareeb)\b|\babbastanza grande per\b|\bassez grand(?:e)? pour\b|\bgroß genug\b|\bgrande o suficiente\b|(?:كبير|كبيرة)\S* بما يكفي|\bquant'?anni\b|\b(?:sui |sugli |los |les |um die |rond de |около )?[1-9]0(?:ish|aine)? (?:o|ou|oder|of|или) "
                  r"(?:sui |sugli |los |les |um die |rond de )?[1-9]0\b(?! ?(?:%|euro|€|\$|kg|cm|km|min))"
                  r"|[二三四五六七八九]十几(?:岁)?还是[二三四五六七八九]十几|未就学児|子供料金|小人料金|儿童票|\b(?:tu|vous) lui donne[sz]? combien\b|\blui donnerai[st]? combien\b|\bjoven\b|\bviej[oa]\b|\bniñ[oa]\b|\badolescente|\bmenor de edad\b|\badult[oa]\b|\bjeune\b|\bvieu(?:x|ille)\b|\benfant\b|\bmineur|\badulte\b|"
                  r"\bjung\b|\bkind\b|\bteenager|\bjugendlich|\bminderj[äa]hrig|\berwachsen|\bgiovane\b|\bvecchi[oa]\b|\bbambin[oa]\b|\bminorenne\b|\badulto\b|"
                  r"\bjovem\b|\bvelh[oa]\b|\bcrian[çc]a\b|\bmenor de idade\b|\b[eé] de (?:maior|menor)\b|\bmaior de idade\b|\bjong\b|\btiener|\bminderjarig|\bvolwassen|"
                  r"\bмолод|\bстар(?:ый|ая|ше)\b|\bреб[её]н|\bподрост|\bнесовершеннолет|\bвзросл|年轻|老人|孩子|小孩|未成年|成年|"
                  r"若い|年寄|子供|子ども|未成年|成人|大人|\bشاب|\bعجوز|\bكبير في السن|\bطفل|\bمراهق|\bقاصر|\bبالغ|\bbachch?[aei]\b|\bbuddh?[aei]\b|जवान|बूढ़|बच्च|किशोर|नाबालिग|वयस्क"),
    ("gender", None, r"\bg[ée]nero\b|\bsexo\b|\bhombre o (?:una )?mujer|\bmujer o (?:un )?hombre|\bmasculin|\bfemenin|\bgenre\b|\bsexe\b|\bhomme ou (?:une )?femme|\bfemme ou (?:un )?homme|\bf[ée]minin|"
                     r"\bgeschlecht|\bmann oder (?:eine )?frau|\bfrau oder (?:ein )?mann|\bm[äa]nnlich|\bweiblich|\bgenere\b|\bsesso\b|\buomo o (?:una )?donna|\bdonna o (?:un )?uomo|\bmaschil|\bfemmin|"
                     r"\bg[êe]nero\b|\bhomem ou (?:uma )?mulher|\bmulher ou (?:um )?homem|\bgeslacht|\bgender\b|\bman of (?:een )?vrouw|\bvrouw of (?:een )?man|\bmannelijk|\bvrouwelijk|"
                     r"\bпол\b|\bмужчина или женщина|\bженщина или мужчина|\bмужск|\bженск|性别|男的还是女的|男还是女|男性还是女性|是男是女|性別|男性か女性|女性か男性|男か女|男(?:性)?[？?、,]\s*女|小哥哥还是小姐姐|小姐姐还是小哥哥|"
                     r"\bالجنس\b|\b(?:ولد|صبي|شب|شاب|رجل|راجل) (?:ولا|أم|او|أو) (?:بنت|فتاة|امرأة|مرة|صبية)\b|\b(?:بنت|فتاة|امرأة) (?:ولا|أم|او|أو) (?:ولد|صبي|شب|شاب|رجل|راجل)\b|\bجنس(?:ه|ها)?\b|\bذكر أم أنثى|\bرجل أم امرأة|\bامرأة أم رجل|लिंग|पुरुष या (?:महिला|स्त्री)|महिला या पुरुष|लड़का या लड़की|लड़की या लड़का|\bladka (?:hai )?ya ladki|\bladki (?:hai )?ya ladka|\baadmi (?:hai )?ya aurat|\baurat (?:hai )?ya aadmi"),
    ("open", None, r"\bsosteniendo|\bsujeta\b|\btient\b|\bh[äa]lt\b|\bin mano\b|\bsegurando|\bsegura\b|\bvasthoudt|\bдержит|拿着|持って|\bيحمل|\bتحمل|पकड़|\biluminaci|\btremid|\bв помещении|\bна улице|\bна природе|\bluz\b|\bfondo\b|\bborros|\bdesenfoc|\bcalidad|\bresoluci|\b[ée]clairage|\blumi[èe]re|\barri[èe]re-plan|\bflou|\bqualit[ée]|\br[ée]solution|\bbeleuchtung|\blicht\b|\bhintergrund|\bunscharf|\bverschwommen|\bqualit[äa]t|\baufl[öo]sung|"
                   r"\billuminazion|\bluce\b|\bsfondo|\bsfocat|\bqualit[àa]|\brisoluzione|\bilumina|\bfundo\b|\bdesfocad|\bborrad|\bqualidade|\bresolu[çc]|\bbelichting|\bachtergrond|\bwazig|\bonscherp|\bkwaliteit|\bresolutie|"
                   r"\bосвещени|\bфон\b|\bразмыт|\bнеч[её]тк|\bкачеств|\bразрешени|光线|灯光|背景|模糊|清晰|画质|分辨率|室内|室外|照明|ぼやけ|ピンぼけ|画質|解像度|屋内|屋外|"
                   r"\b(?:ال)?إضاءة|\bضوء|\b(?:ال)?خلفية|\bضباب|\bغير واضح|\bجودة|\broshni\b|\bbackground\b|रोशनी|प्रकाश|घर के अंदर|अंदर (?:ली|खींची)|बाहर (?:ली|खींची)|पृष्ठभूमि|बैकग्राउंड|धुंधल|गुणवत्ता|क्वालिटी"),
    # what the photo shows, with no thing named by a row above: a caption (an unaccented "que"
    # only where it opens the question: "el sujeto que aparece" is a relative clause)
    ("caption", None, r"(?:\bqué|(?:^|¿|\bdime |\bdecime |\bdígame |\bsabes )\s*(?:que|q|k|ke)) (?:ves|veis|puedes ver|hay|se ve|se puede ver|aparece|(?:est[aá] )?pasa(?:ndo)?|ocurre|sucede)\b|\bque (?:vois-tu|voyez-vous)\b|\bqu'est-ce que (?:tu vois|vous voyez|tu peux voir|l'on voit|on voit)\b|\bqu'(?:y a-t-il|est-ce qu'il y a) (?:sur|dans)\b|\btu vois quoi\b|\b(?:il )?y a quoi (?:sur|dans)\b|\bc'est quoi (?:cette|la|ta|sur la|sur cette) (?:photo|image)\b|\bon voit quoi\b|\bque se passe-t-il\b|\bqu'est-ce qui se passe\b|\bil se passe quoi\b|\bque voit-on\b|\bqu'(?:est-ce qu')?on (?:peut )?voi[tr]\b|"
                      r"\bwas (?:siehst du|sehen sie|seht ihr|erkennst du|sieht man|kann man sehen|ist zu sehen|passiert|ist (?:hier )?los|ist? (?:denn )?(?:alles )?(?:auf|in) (?:dem|diesem|den|das) (?:foto|bild)|zeigt (?:das|dieses) (?:foto|bild))\b|\b(?:che )?cosa (?:vedi|vede|si vede|si pu[oò] vedere|c'[eè]|mostra|(?:sta )?succede(?:ndo)?|sta accadendo)\b|\bche succede\b|\bche vedi\b|"
                      r"\b(?:o que|oq|o q|oque) (?:voc[eê] )?(?:v[eê]|tem|h[aá]|aparece|mostra|se v[eê]|d[aá] (?:para|pra) ver|(?:est[aá] |t[aá] )?acontece(?:ndo)?|se passa)\b|\bwat (?:zie je|ziet u|zien jullie|staat er op|is er te zien|valt er te zien|kun je zien|toont|gebeurt er)\b|\bчто (?:ты )?(?:видишь|видите|видно|можно увидеть|изображено|показано|(?:тут |здесь )?происходит|на (?:фото|снимке|фотографии|картинке|изображении))\b|"
                      r"(?:照片|图片|图像|相片|画面|图)(?:里|中|上|里面)(?:有|是)(?:什么|啥)|你?看到了?什么|(?:能|可以)看到什么|发生了什么|(?:何|なに)が?(?:写って|見え|映って)|(?:何|なに)が(?:起き|起こ)|(?:写真|画像)(?:に|には|で)(?:何|なに)|何を見|"
                      r"\bماذا (?:ترى|تشاهد|يوجد|في|يحدث)\b|\bما الذي يحدث\b|\bشو (?:عم )?(?:يصير|بصير)\b|\bايش (?:يصير|قاعد يصير)\b|\bما (?:الذي )?(?:تراه|يظهر)\b|\bشو (?:في|بتشوف|تشوف)\b|\bايش (?:في|تشوف)\b|क्या दिख|(?:फोटो|फ़ोटो|तस्वीर|चित्र) में क्या|क्या हो रहा|\bkya dikh|\bkya ho raha|\b(?:photo|foto|pic|picture|image|tasveer|tasvir) (?:me|mein|mai|mei) kya\b"),
)

_TONES = {"a": "[aāáǎà]", "e": "[eēéěè]", "i": "[iīíǐì]", "o": "[oōóǒò]", "u": "[uūúǔù]",
          "v": "(?:v|ü|u:|[ǖǘǚǜ])"}


def _py(*words: str) -> str:
    """Pinyin words as a regex: each vowel with or without its tone mark ("kāixīn", "kaixin"),
    syllables joined or apart ("kai xin"); v stands for ü as people type it ("nv", "nü")."""
    def one(word: str) -> str:
        return r"\b" + "".join(r"[ -]?" if c == " " else _TONES.get(c, re.escape(c))
                               for c in word) + r"\b"
    return "|".join(one(w) for w in words)


def _rj(*words: str) -> str:
    """Romaji words as a regex: a long vowel typed doubled, with a macron or short ("hyoujou",
    "hyōjō", "hyojo"); written "ou" or "uu" or "oo" here."""
    long = {"ou": "(?:ou|oo|ō|o)", "oo": "(?:oo|ou|ō|o)", "uu": "(?:uu|ū|u)", "aa": "(?:aa|ā|a)"}
    return "|".join(r"\b" + re.sub(r"ou|oo|uu|aa", lambda m: long[m.group(0)], w) for w in words)


ROMANIZED: tuple[tuple[str, str | None, str], ...] = (
    # Russian in Latin letters, Arabic in Latin letters and digits (Arabizi), Japanese romaji,
    # Chinese pinyin and Hindi in Latin letters (Hinglish), as people type them on a phone; and
    # the "real or AI?" of every language. These are read after the rows above, and also after
    # the English rules miss (match_rule below), since a terse
    # transliterated question often looks English to the language check.
    ("spoof", None, r"\b(?:real|reale?|r[ée]el(?:le)?|vrai(?:e)?|verdadeir[oa]|de verdad|ver[oa]|echt|nastoyashch\w*|asli|7a2i2i\w*|ha2i2i\w*|haqiqi\w*|zhen ?de|honmono)"
                    r"\s+(?:or|o|ou|oder|of|ili|ya|wala|walla|aw|2aw|haishi|hai shi|ka)\s+(?:una |uma |een |eine |un'|l'|la |a |an )?(?:ia|ai|ki|a\.i\.)\b|"
                    r"\b(?:ia|ai|ki)\s+(?:o|ou|oder|of|ili|ya|wala|aw|or)\s+(?:real|reale?|vrai(?:e)?|r[ée]el(?:le)?|verdadeir[oa]|ver[oa]|echt|asli|7a2i2i|haqiqi)\b|"
                    r"\bai[- ]?gemaakt|\bgemaakt (?:door|met) (?:de |een )?(?:ai|ki)\b|\bki[- ]gemacht|\bmit (?:der )?ki gemacht|"
                    # ru (Latin letters)
                    r"\bs ekrana\b|\bekran\w*|\bvzhivu?yu\b|\bvzhivuju\b|\bpoddel\w*|\bfe[ij]k\w*|\braspechat\w*|\bnastoyashch\w* (?:chelovek|lico|litso)|\bzhivoj chelovek|\bnejroset\w*|\bneiroset\w*|"
                    # ar (Arabizi)
                    r"\bmzayy?af\w*|\bmozayy?af\w*|\bmzayf\w*|\b(?:za|tha|dha)ka2 (?:e|i)?stina3i|\bshashe\b|\bshasha\b|"
                    # ja (romaji), zh (pinyin)
                    + _rj(r"honmono\b", r"nisemono\b", r"gamen\b", r"insatsu\b", r"ai ?seisei\b", r"seisei ?ai\b", r"nari ?sumashi\b") + "|"
                    + _py("zhen ren", "jia de", "jia ren", "ping mu", "da yin", "huo ti", "wei zao", "ai sheng cheng", "ren gong zhi neng") + "|"
                    # hi (Hinglish)
                    r"\bai (?:se|ne) (?:ban|bana|bani|banaya|banayi|banai|generate)\w*|\bnakl[iy]\b|\basl[iy] (?:hai|insaan|insan|chehra|photo|foto|wali)\b|\bzinda insaan\b|"
                    # hi (Devanagari with the Latin "AI")
                    r"\bai (?:से|ने) (?:बन|बना|जनरेट)"),
    ("age", None, r"\bskol'?k[oa] (?:(?:emu|ej|ey|jej|yey|im|tebe) )?(?:let|godik\w*)\b|\bvozrast\w*|\bgod rozhdeniya\b|\bskol'?k[oa] (?:emu|ej|ey|jej|yey|im)\b|"
                  r"\b(?:kam|2ade?sh|adde?sh|adesh|gadd?esh|kadd?esh|kaddaish) (?:3omr|3umr|omr|umr|sana|sene|seneh|sin)\w*|\b3[ou]mr\w*|\b(?:omr|umr)(?:o|oh|ha|aha|ak|ek|i)\b|"
                  + _rj(r"nan ?sai\b", r"ikutsu\b", r"nenrei\b", r"toshi ?ue\b", r"ara ?(?:sa|fo|fi)(?:a|ā|aa|ー)?\b", r"jyuu ?dai\b", r"juu ?dai\b") + r"|\b(?:[2-9]0|1[0-9]) ?(?:sai|dai)\b|"
                  + _py("duo da", "ji sui", "nian ling", "nian ji", "duo shao sui", "ji ling hou", "cheng nian") + r"|\b\d{1,2} ?sui\b|"
                  r"\bkitn[ei] (?:saal|sal|baras|varsh)\w*|\bkitni umr?a?\b|\bum(?:a|e)?r\b|\bumra\b|\b\d{1,2} (?:saal|sal) (?:ka|ki|ke)\b"),
    ("attribute", "smiling", r"\bulyba\w*|\bulibaet\w*|\bbtebtesem\b|\bbyebtesem\b|\bbtebtsim\b|\bmbtas(?:e|i)?m\w*|\bmebtes(?:e|i)m\w*|"
                             + _rj(r"warat?te\w*", r"egao\b", r"hohoe\w*", r"niko ?niko\b") + "|" + _py("wei xiao", "zai xiao", "xiao le") + r"|\bmuskur\w*|\bmuskaan\b"),
    ("emotion", None, r"\bgrustn\w*|\bpechaln\w*|\bvesel\w*|\bvesyol\w*|\bschastliv\w*|\bzl(?:oj|oy|oi|aya|itsya)\b|\bserdit\w*|\bispugan\w*|\budivl[eyё]n\w*|\bplach\w*|\bnastroeni\w*|\bemotsi\w*|\bemocii\b|\bvyrazheni\w* lica|\bnervnich\w*|\bobizhen\w*|"
                      r"\bmabs(?:oo|ou|u|o)t\w*|\bfar7an\w*|\bfarhan(?:a|eh|e)\b|\bza3lan\w*|\bzaalan\w*|\b7az(?:ee|ii|i)n\w*|\b7azna\w*|\bhazeen\w*|\bgh?a(?:d|z)ban\w*|\bkhay(?:e|i)?f\w*|\bkha2(?:e|i)f\w*|\bmetda(?:y|2)i2\w*|\bmitdayi2\w*|\bmdaye2\w*|\bm3as+ab\w*|\bmetwatter\w*|\bmasdoom\w*|\bmasdoum\w*|\bbyed(?:7|h)ak\b|\bbted(?:7|h)ak\b|\bbyi?d7ak\b|\bbti?d7ak\b|\bbyib?ki\b|\bbtib?ki\b|\bmood\w*|\bmazaj\w*|\bmazag\w*|"
                      + _rj(r"kanashi\w*", r"ureshi\w*", r"okott?e\w*", r"ikatt?e\w*", r"odoroi\w*", r"bikkuri\w*", r"kowa(?:i|gatte|gatteru|sou|so)\b", r"tanoshi\w*", r"kimochi\b", r"kibun\b", r"hyoujou\b", r"naite\w*", r"shiawase\w*", r"kanjou\b", r"fukigen\w*", r"kinchou\w*") + "|"
                      + _py("kai xin", "gao xing", "kuai le", "nan guo", "shang xin", "bei shang", "sheng qi", "fen nu", "jing ya", "chi jing", "hai pa", "kong ju", "qing xu", "xin qing", "biao qing", "zai ku", "ku le", "yan wu", "jin zhang", "shi wang") + "|"
                      r"\bdukhi\b|\bpareshaa?n\b|\bhairaa?n\b|\bheraa?n\b|\bghabra\w*|\bha(?:n)?s (?:raha|rahi|rhe|rahe|rha|rhi)\b|\bbhaa?v\b|\bkhushi?\b|\budaa?s\w*|\bgussa\w*|\bnaraa?z\w*|\bchid(?:a|e|i) hu\w*|\bdar(?:a|i|e) hu\w*"),
    ("attribute", "eyeglasses", r"\bochk(?:i|ah|akh|ami)\b|\bv ochk\w*|\bnadd?ara\w*|\bnadd?arat\b|\bnazzara\w*|\bnaddarat\b|\bchashm\w*|\bainak\b|"
                                + _rj(r"megane\b") + "|" + _py("dai yan jing", "dai zhe yan jing", "dai le yan jing", "yan jing ma") + r"|\bbril\b|\bbrille\b|\bgafas\b|\blunettes\b|\bocchiali\b|\b[óo]culos\b|\bglasses\b|\bspecs\b"),
    ("attribute", "wearing_hat", r"\bshapk\w*|\bshlyap\w*|\bkepk\w*|\bkepochk\w*|\bplatk?(?:ok|ke|om)\b|\bbarn(?:ee|i|ie)ta\b|\bburneta\b|\bkab\b|\bcap\b|\bta2iy+a\b|\btagiy+a\b|\bshmagh\b|\bshemagh\b|\bghutra\b|\b7ijab\b|"
                                 + _rj(r"boushi\b", r"kyappu\b") + "|" + _py("mao zi", "dai mao") + r"|\btopi\b|\bpag(?:a|)ri\b|\bpagdi\b|\bdupatta\b|\bghoonghat\b"),
    ("attribute", "mustache", r"\busy\b|\busami\b|\busiki\b|\bshanab\w*|\bshanb\b|\bshareb\w*|\bsharib\b|" + _rj(r"kuchi ?hige\b") + "|" + _py("xiao hu zi", "ba zi hu") + r"|\bmoo?nchh?\w*|\bmooch\w*|\bmuchh\w*"),
    ("attribute", "beard", r"\bborod\w*|\bla7y(?:e|a|eh)\b|\bl7y(?:e|a)\b|\blihya\b|\bda2n\b|\bdaqn\b|" + _rj(r"hige\b") + "|" + _py("hu zi", "hu xu") + r"|\bdaa?dh?i\b"),
    ("attribute", "bald", r"\blys(?:yj|yi|iy|aya|ina)\b|\blys\b|\b2asla3\b|\basla3\b|\bsal3a\b|" + _rj(r"hage\b") + "|" + _py("tu tou", "guang tou") + r"|\bganj(?:a|i|e|apan)\b"),
    ("attribute", "bangs", r"\bch(?:e|yo|ё)lk\w*|\bghorra\b|\bgurra\b|\bqussa\b|\bqossa\b|" + _rj(r"maegami\b") + "|" + _py("liu hai") + r"|\bfringe\b"),
    ("attribute", "heavy_makeup", r"\bmakiyazh\w*|\bnakrashen\w*|\bmakyaj\b|\bmakeyaj\b|" + _rj(r"keshou\b", r"meiku\b") + "|" + _py("hua zhuang", "hua le zhuang") + r"|\bmakeup\b|\bmake ?up\b"),
    ("attribute", "wearing_lipstick", r"\bpomad\w*|" + _rj(r"kuchibeni\b") + "|" + _py("kou hong") + r"|\blipstick\b"),
    ("attribute", "wearing_earrings", r"\bser(?:yo|e|ё)zhk\w*|\bhala2\b|\b7ala2\b|\bhalaq\b|" + _rj(r"piasu\b", r"iyaringu\b") + "|" + _py("er huan", "er ding") + r"|\bjhumk\w*|\bbaali(?:yan|yaan)?\b"),
    ("attribute", None, r"\bvolos\w*|\bsha3r\w*|\bsh3r\b|\bsha3er\b|" + _rj(r"kami ?no ?ke\b", r"kami\b") + "|" + _py("tou fa") + r"|\bbaal\b|\bbaalon\b"),
    # the age nouns (child, teenager, adult, old) after the feelings and attributes
    ("age", None, r"\bmolod\w*|\bstar(?:yj|yi|iy|aya|ushk\w*)\b|\brebenok\b|\brebyonok\b|\bpodrost\w*|\bvzrosl\w*|\b(?:tifl|tefl|mourahe2|murahiq|mrahe2)\w*|"
                  r"\bbach(?:ch|h)?(?:a|e|i)\b|\bbudh?(?:a|e|i)\b|\bjawaan?\b|\bnaa?baa?lig\b|\bbaa?lig\b"),
    ("gender", None, r"\bpol\b|\b(?:eto|это) (?:muzh\w*|zhensh\w*|paren\w*|devushk\w*|malchik\w*|devochk\w*|мужчин\w*|женщин\w*|парен\w*|девушк\w*|мальчик\w*|девочк\w*)\s*[?.!]*$|\b(?:muzh\w*|paren\w*|malchik\w*) ili (?:zhensh\w*|devushk\w*|devochk\w*)\b|\b(?:zhensh\w*|devushk\w*|devochk\w*) ili (?:muzh\w*|paren\w*|malchik\w*)\b|"
                     r"\b(?:walad|wlad|sabi|shab|shabb|rajul|rajel|ragel|ragl|zalame\w*|rejjal|dakar|thakar)\s+(?:wala|walla|willa|wela|aw|ow|2aw|am|2am|ola|ya)\s+(?:bint|bent|binet|fatat|mara|mar2a|imra2a|sit|set|untha|ontha|sabiyye|sabiyya)\b|"
                     r"\b(?:bint|bent|binet|fatat|mara|mar2a|imra2a|sit|set|untha|ontha)\s+(?:wala|walla|willa|wela|aw|ow|2aw|am|2am|ola|ya)\s+(?:walad|sabi|shab|rajul|rajel|ragel|zalame\w*|dakar|thakar)\b|\bjins(?:o|ha|uh)?\b|"
                     + _rj(r"seibetsu\b", r"(?:otoko|dansei|onna|josei)(?: no (?:hito|ko))?(?: ka| or|/|,)? ?(?:otoko|dansei|onna|josei)\b", r"(?:otoko|onna)(?: no (?:hito|ko))? ?(?:desu ?ka|ka)?\s*[?？]?$") + "|"
                     + _py("xing bie", "nan de nv de", "nan de hai shi nv de", "nan hai shi nv", "nan sheng nv sheng", "nan sheng hai shi nv sheng", "nan ren hai shi nv ren", "nan hai nv hai", "shi nan de ma", "shi nv de ma", "shi nan sheng ma", "shi nv sheng ma") + "|"
                     r"\b(?:ladka|larka|ladki|larki|aadmi|admi|mard|aurat|orat|auraat)\s+(?:hai\s+)?(?:ya|yaa|or)\s+(?:ladka|larka|ladki|larki|aadmi|admi|mard|aurat|orat|auraat)\b|\bling\b|"
                     # a gender in two letters ("m/f", "h/f" in French and Spanish, "m/w" in German, "м/ж")
                     r"(?<![\w/])(?:m ?(?:/|or|o|ou|oder|of) ?(?:f|w|v|ж)|f ?(?:/|or|ou|o) ?(?:m|h)|h ?(?:/|ou|o) ?(?:f|m)|w ?(?:/|oder) ?m|v ?(?:/|of) ?m|м ?(?:/|или) ?ж|ж ?(?:/|или) ?м)(?![\w/])"),
    ("caption", None, r"\bopishi\w*|\bopisa\w*|\bopisani\w*|\bchto (?:na|v) (?:foto|fotke|snimke|kartinke|izobrazhenii)\b|\bchto (?:ty )?vidish\b|\bchto vidno\b|\bchto tam\b|"
                      r"\bwasf\w*|\bwsf\b|\bosof\b|\busuf\b|\b(?:shu|sho|shou|eish|esh|aysh|ayesh|eh|eah) (?:fi|fe|fee|fih|bi|b|bel|fel|3am)\b|"
                      + _rj(r"setsumei\b", r"byousha\b", r"kyapushon\b", r"nani (?:ga )?(?:utsutte|mie|mieru|miete|utsu)\w*", r"nani ga aru\b") + "|"
                      + _py("miao shu", "miao xie", "li you shen me", "shang you shen me", "you shen me", "kan dao shen me", "kan dao le shen me", "shen me nei rong") + "|"
                      r"\bvarnan\b|\bvivaran\b|\bbatao (?:photo|foto|pic|tasveer|tasvir) (?:me|mein|mai|mei)\b|\bkya (?:hai|h|he) (?:photo|foto|pic|tasveer|tasvir) (?:me|mein|mai|mei)\b|\bbayan karo\b"),
)
"""Transliterated and terse rows, in the priority order of WORDS: read when WORDS (or, for a
question that looks English, the English rules) find nothing."""
ROMANIZED = ROMANIZED + (
    # one or two words alone, which often pass as English ("moe?", "bart?", "humor?", "man?")
    ("emotion", None, r"^\W*(?:moe|fatigue|humor|bom humor|mau humor|gl[üu]e?cklich|traurig|triste|"
                      r"feliz|content[ea]?|blij|boos|w[üu]e?tend|sauer|arrabbiat[oa]|enfadad[oa])\W*$"),
    ("attribute", "beard", r"^\W*(?:bart|barba|barbe|baard)\W*$"),
    ("gender", None, r"^\W*(?:(?:is it |es |c'est |ist es )?(?:an? |un |una |une |ein |eine )?(?:man|woman|male|"
                     r"female|boy|girl|guy|chic[oa]|hombre|mujer|homme|femme|mann|frau|junge|m[äa]dchen)|"
                     r"(?:ladka|ladki|larka|larki) (?:hai|h|he)(?: kya)?|kya (?:ye )?(?:ladka|ladki) (?:hai|h|he))"
                     r"\s*\?*\s*$"),
    ("spoof", None, r"\bscreen ki (?:photo|foto|pic|tasveer|tasvir)\b"),
)

COMPILED = tuple((task, attribute, re.compile(regex)) for task, attribute, regex in WORDS)
ROMANIZED_COMPILED = tuple((task, attribute, re.compile(regex)) for task, attribute, regex in ROMANIZED)
_SMILING = next(regex for _, attribute, regex in COMPILED if attribute == "smiling")
_EMOTION = [regex for task, _, regex in COMPILED if task == "emotion"][-1]
_ALTERNATIVE = re.compile(r"\b(?:o|ou|oder|of|или|ولا|أم|او|أو)\b|还是|或者|それとも|या|\bya\b|[?？].+[?？]|か[、,]")
""""Or" between two answers, in each language (Japanese offers them as two questions:
"笑っていますか、怒っていますか")."""


_TRADITIONAL = str.maketrans(
    "監個還嗎麼們這說話麗開興傷難過氣憤驚訝懼噁惡靜慮擔憂鎮緊張奮喪悶臉鬍鬚髮頭鏡齡紀歲幾緒別禿環項鍊鏈領帶紅妝圖裡裏長樣寫顯現場邊側視線燈質畫內區裝飾釘紋輕兒學嬰閉轉雙種類膚黃綠藍顏亂捲鬢絡脣沒無問誰認為實偽螢瀏劉戴罩喫淚歡樂愛鬱厭煩尷尬委屈嚇驚慌靜應該會對幫講張啲嘅係",
    "监个还吗么们这说话丽开兴伤难过气愤惊讶惧恶恶静虑担忧镇紧张奋丧闷脸胡须发头镜龄纪岁几绪别秃环项链链领带红妆图里里长样写显现场边侧视线灯质画内区装饰钉纹轻儿学婴闭转双种类肤黄绿蓝颜乱卷鬓络唇没无问谁认为实伪萤浏刘戴罩吃泪欢乐爱郁厌烦尴尬委屈吓惊慌静应该会对帮讲张啲嘅係")
"""Traditional characters (Taiwan, Hong Kong) and their simplified forms, for the characters
of the Chinese routing words ("幾歲" is "几岁", "還是" is "还是", "瀏海" the fringe)."""
_KANA = re.compile(r"[\u3040-\u30ff]")


def simplified(lowered: str) -> str:
    """Chinese text with its traditional characters simplified (see _TRADITIONAL), so that one
    set of Chinese words serves both scripts; Japanese text (any kana) is left as it is, since
    Japanese keeps some traditional forms ("驚く") in its own words."""
    if _KANA.search(lowered) or not re.search(r"[\u4e00-\u9fff]", lowered):
        return lowered
    return lowered.translate(_TRADITIONAL).replace("甚么", "什么").replace("浏海", "刘海")


def _match_text(lowered: str) -> tuple[str, str | None, str] | None:
    """The first WORDS or ROMANIZED row matching; a smile offered against another emotion
    ("wütend oder lacht sie?") asks for the emotion."""
    hit = first_match(COMPILED, lowered) or first_match(ROMANIZED_COMPILED, lowered)
    if (hit is not None and hit[1] == "smiling" and _ALTERNATIVE.search(lowered)
            and _EMOTION.search(_SMILING.sub(" ", lowered))):
        return "emotion", None, hit[2]
    return hit


def match_words(lowered: str) -> tuple[str, str | None, str] | None:
    """(task, attribute, matched text) of an API field name ("верни JSON с полем wearing_hat"),
    else of the first row matching a lowercased question (WORDS, then ROMANIZED), the asker's
    own screen dropped ("我手机屏幕太小") and traditional Chinese simplified; a smile offered
    against another emotion ("wütend oder lacht sie?") asks for the emotion. Two tasks in one
    question go by the first asked (facevqa.tasks.routing_rules.first_asked)."""
    field = match_field(lowered)
    if field is not None:
        return field
    lowered = simplified(drop_own_device(lowered))
    return first_asked(_match_text, lowered)


def match_romanized(lowered: str) -> tuple[str, str | None, str] | None:
    """(task, attribute, matched text) of the first ROMANIZED row matching a lowercased question
    (the asker's own screen dropped): for a question the English rules miss, since "skolko emu
    let" or "ladka ya ladki" can pass the English language check."""
    return first_match(ROMANIZED_COMPILED, drop_own_device(lowered))


def match_rule(lowered: str, typed: str | None = None) -> tuple[str, str | None, str] | None:
    """(task, attribute, matched text) of an API field name, else of the first rule matching the
    lowercased question (the asker's own screen dropped), else of a transliterated or terse row
    (ROMANIZED: "skolko emu let" can pass as English). `typed` is
    the question before typo correction, if `lowered` was corrected: the transliterated rows
    read it first, since correction turns romanized words into English ones ("shapke" into
    "shape")."""
    return (match_field(lowered)
            or first_asked(lambda text: first_match(RULES, text), drop_own_device(lowered))
            or (typed is not None and match_romanized(typed)) or match_romanized(lowered))
