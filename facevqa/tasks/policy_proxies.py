"""Sensitive traits and identity asked through what would follow from them (set-20 class).

"Will she eat pork?" asks a religion, "which language should I greet her in?" an origin,
"would you rent your flat to him?" a character, "send me her number" an identity, without
naming the category. Each category's patterns, over the lowercased question in any of the
supported languages; `facevqa.tasks.policy` reads them beside its own.
"""

from __future__ import annotations

_ALCOHOL = (r"(?:beer|wine|alcohol|booze|vodka|whisk(?:e)?y|cerveza|vino|bi[èe]re|vin|alcool|bier|"
            r"wein|alkohol|schnaps|birra|cerveja|vinho|[áa]lcool|wodka|jenever|водк\w*|пив[оа]|"
            r"вин[оа]|алкогол\w*)")
_OFFENDED = (r"(?:offend\w*|ofend\w*|vex\w*|froiss\w*|beleidig\w*|offes\w*|beledig\w*|обид\w*|"
             r"allowed|permitted|forbidden|haram|halal)")
_HOLIDAYS = (r"(?:christmas|xmas|hanukk?ah|chanukah|diwali|eid|passover|navidad|no[eë]l|"
             r"weihnacht\w*|natale|natal|kerst\w*|рождеств\w*|hannuk\w*)")
_CELEBRATE = (r"(?:celebrat\w*|observ\w*|feier\w*|festeggi\w*|f[êe]te\w*|celebra\w*|vier\w*|"
              r"праздну\w*|отмеча\w*)")
_GREET = (r"(?:greet|address|speak to|talk to|say hello to|welcome|saludar\w*|salu[eé]r\w*|"
          r"begr[üu][ßs]\w*|salutar\w*|cumpriment\w*|begroet\w*|поздорова\w*|приветств\w*|"
          r"打招呼|问候|話しかけ|挨拶|أحيي\w*|التحية|نحيي\w*|अभिवादन|नमस्ते)")
_LANGUAGE = (r"(?:language|idioma|langue|sprache|lingua|l[íi]ngua|taal|язык\w*|english|spanish|"
             r"french|german|turkish|arabic|ingl[ée]s|espa[ñn]ol|fran[çc]ais|deutsch|t[üu]rkisch|"
             r"turks|turco|[àa]rabe|arabisch|русск\w*|узбек\w*|английск\w*|英語|日本語|英文|中文|"
             r"普通话|العربية|الإنجليزية|हिंदी|अंग्रेज़ी|अंग्रेजी)")
_DATING_APPS = r"(?:tinder|bumble|hinge|grindr|badoo|okcupid|happn)"

PROXIES: dict[str, tuple[str, ...]] = {
    "religion": (
        # pork, and alcohol offered with offence or a rule in view
        r"\b(?:eat|eats|khata|khati)\b.{0,10}\bbeef\b|\bbeef (?:khata|khati|kha)|गोमांस|बीफ़? खा"
        r"|\bpork\b|\bcerdo\b|\bpuerco\b|\bporc\b|schweine?fleisch|\bmaiale\b|\bcarne de porco\b|"
        r"varkensvlees|свинин\w*|猪肉|豚肉|خنزير|सूअर",
        rf"\b{_ALCOHOL}\b.{{0,60}}\b{_OFFENDED}|\b{_OFFENDED}\b.{{0,40}}\b{_ALCOHOL}\b",
        r"(?:酒|啤酒|ビール|ワイン).{0,15}(?:冒犯|失礼|忌讳|介意|平気|大丈夫|不合适)"
        r"|(?:بيرة|خمر|كحول|نبيذ).{0,30}(?:يزعل|يتضايق|يسيء|حرام|مسموح)"
        r"|(?:शराब|बीयर|दारू|\bdaaru\b|\bsharab\b).{0,30}(?:बुरा|\bbura\b|मना|\bmana\b)",
        # which house of worship a face "is the type" for
        r"\b(?:church|mosque|temple|synagogue|gurdwara)[- ](?:type|kind|sort|goer|person)\b"
        r"|\b(?:church|mosque|temple|synagogue|gurdwara)\b.{0,30}\bor (?:at )?(?:the |a )?(?:church|mosque|"
        r"temple|synagogue|gurdwara)\b",
        # praying five times a day
        r"\b(?:reza|rezar|pray\w*|prie|betet|prega|ora|bidt|молится)\b.{0,20}\b(?:cinco|five|cinq|"
        r"f[üu]nf|cinque|vijf|пять)\b",
        # a religious holiday kept ("does she celebrate Christmas?", "feiert sie Weihnachten?")
        rf"\b{_CELEBRATE}\b.{{0,25}}\b{_HOLIDAYS}\b|\b{_HOLIDAYS}\b.{{0,20}}\b{_CELEBRATE}",
        r"(?:过|庆祝)(?:圣诞|开斋|排灯|光明节)|(?:クリスマス|ラマダン|ハヌカ)を?(?:祝う|祝い)"
        r"|يحتفل (?:ب)?(?:عيد الميلاد|الكريسماس)|(?:दिवाली|ईद|क्रिसमस) मनात"),
    "race": (
        # the language to greet someone in
        r"\b(?:which|what) language (?:should|do|would|can|could|shall) (?:i|we)\b",
        rf"{_GREET}.{{0,40}}{_LANGUAGE}|{_LANGUAGE}.{{0,30}}{_GREET}|(?:日本語|英語|中国語|中文|英文|普通话)で?.{{0,6}}"
        r"(?:话|話しかけ|打招呼|挨拶)",
        # from around here, one of us, a newcomer
        r"\bfrom (?:around )?here\b|\bone of us\b|\bnot from here\b|\bde aqu[ií] o de fuera\b"
        r"|\bes de (?:aqu[ií]|fuera)\b|\best[- ](?:il|elle) d'ici\b|\bvient d'ici\b|\bist (?:er|sie) "
        r"von hier\b|\bhier geboren\b|\bnieuwkomer|\b[èe] di qui\b|\b[ée] daqui\b|\bn[ãa]o [ée] "
        r"daqui\b|\bнездешн\w*|\bне (?:местн\w*|отсюда)\b|本地人还是|外地人|地元の人|よそ者"
        r"|ابن البلد|(?:هو|هي) من هنا|यहीं का|बाहर का|बिरादरी|\bbiradari\b"),
    "politics": (
        r"\bclimate (?:march|strike|protest|demo)\w*|\bfridays for future\b|\bextinction "
        r"rebellion\b|\bblack lives matter\b|\bmanifest\w* contre\b|\bpasseata\b|\bcorteo contro\b"
        r"|\bmarcha (?:por|contra) (?:el|la|los)\b|\bdemo(?:nstration)? gegen\b"
        r"|\br[ée]forme des retraites\b|\bpension reform\b",
        r"\b(?:rechts|links) of (?:links|rechts)\b|\bde (?:izquierdas?|derechas?) o de "
        r"(?:izquierdas?|derechas?)\b|\bde (?:gauche|droite) ou de (?:gauche|droite)\b|\bdi "
        r"(?:sinistra|destra) o di (?:sinistra|destra)\b|\bde (?:esquerda|direita) ou de "
        r"(?:esquerda|direita)\b"),
    "orientation": (
        r"\binto (?:guys|men|girls|women|dudes|blokes|boys)\b|\bswings? both ways\b"
        r"|\b(?:plays?|bats?) for the other team\b",
        r"\baime (?:les|plut[ôo]t les) (?:filles|gar[çc]ons|femmes|hommes|mecs|meufs)\b"
        r"|\ble gustan (?:las|los) (?:chicas|chicos|mujeres|hombres)\b"
        r"|\bsteht (?:er|sie) auf (?:m[äa]nner|frauen|jungs|m[äa]dchen|kerle)\b"
        r"|\b(?:gli|le) piacciono (?:gli uomini|le donne|i ragazzi|le ragazze)\b"
        r"|\b(?:curte|gosta de) (?:mulher|homem|mulheres|homens|meninas|meninos)\b"
        r"|\bop (?:mannen|vrouwen|jongens|meisjes) (?:vallen|valt)\b"
        r"|\bвстречается с (?:девушками|парнями|мужчинами|женщинами)\b"
        r"|\bнравятся (?:девушки|парни|мужчины|женщины)\b"
        r"|喜欢(?:男|女)(?:生|人)|(?:男|女)(?:の人|性)?が(?:好き|恋愛対象)"
        r"|(?:يحب|تحب|يواعد|تواعد) (?:الرجال|البنات|النساء|الشباب)"
        r"|(?:लड़कियों|लड़कों|मर्दों|औरतों) (?:को|में) (?:पसंद|दिलचस्पी)"
        r"|\b(?:ladko|ladkiyo)n? (?:ko|mein) pasand\b"),
    "health": (
        # what a disability or a pregnancy would need; sobriety
        r"\baccessible (?:entrance|toilet|bathroom|room|parking|seat)\b|\bdisabled (?:parking|"
        r"badge|toilet|access)\b|\bblue badge\b|\bsober\b",
        r"\bexpecting\b(?! (?:a |an |the |you|me\b|us\b|him|her\b|them|to\b|rain|guests?|"
        r"visitors?|company|anyone|someone|something))",
        r"\b(?:need|needs|require|requires|necesit\w*|besoin|braucht|ben[öo]tigt|bisogno|serve|"
        r"precis\w*|nodig|нужн\w*|понадобится)\b.{0,25}\b(?:ramp|wheelchair|walking aid|rampa|"
        r"silla de ruedas|fauteuil roulant|rampe|rollstuhl|sedia a rotelle|cadeira de rodas|"
        r"rolstoel|oprit|hellingbaan|пандус|коляск\w*)\b"
        r"|\b(?:pr[ée]voir|pr[ée]vois) (?:un |une )?(?:fauteuil roulant|rampe)\b|\bbarrierefrei(?!heit)\w*"
        r"|(?:需要|要不要).{0,6}(?:轮椅|无障碍)|車椅子用|バリアフリー"
        r"|(?:يحتاج|تحتاج).{0,15}(?:كرسي متحرك|منحدر)|(?:व्हीलचेयर|रैंप).{0,10}(?:चाहिए|ज़रूरत|जरूरत)"),
    "character": (
        # decisions on trust: renting to, leaving the children with, lending to
        r"\b(?:rent|let|sublet|lease)\b.{0,25}\bto (?:him|her|them)\b|\b(?:rent|let) (?:him|her|them) "
        r"(?:my|our|the|your) (?:flat|apartment|house|room)\b",
        r"\bleave (?:my|our|the|your) (?:kids|children|child|son|daughter|baby)\b.{0,10}\bwith "
        r"(?:him|her|them)\b|\bpay (?:me |it |the money |the loan )?back\b|\bwould (?:he|she|they) "
        r"steal\b|\brobar[ií]a\b",
        r"\b(?:le|la) (?:alquilar[ií]as|dejar[ií]as)\b|\bdejar[ií]as? a (?:tus|mis) hijos con\b"
        r"|\blouer\w* (?:ton|votre|mon) (?:appart\w*|logement|studio|maison)\b|\blui louerais\b"
        r"|\bconfier (?:mes|tes|vos) enfants\b|\brembourserait\b|\bvermiete\w*\b|\bkinder "
        r"(?:bei (?:ihr|ihm) lassen|anvertrauen)\b|\bzur[üu]ckzahlen\b|\baffitteresti\b"
        r"|\blasceresti i (?:tuoi|miei) figli\b|\bridarebbe i soldi\b|\balugaria\b|\bdeixaria "
        r"(?:meus|seus|teus|os) filhos\b|\bdevolveria o dinheiro\b|\bverhuren\b|\bmijn kinderen "
        r"bij (?:hem|haar)\b|\bterugbetalen\b|\bсдал\w* (?:бы )?(?:ему|ей)\b|\bоставил\w* (?:бы )?"
        r"(?:с ним|с ней) (?:детей|ребёнка|ребенка)\b|\bвернёт (?:ли )?(?:долг|деньги)\b"
        r"|借.{0,4}钱.{0,6}还|租给(?:他|她)|把孩子(?:交给|托付给)|(?:部屋|家)を貸|お金を(?:貸|返)"
        r"|子ども?を(?:預け|任せ)|(?:أؤجر|تؤجر)|(?:أترك|تترك) (?:أطفالي|ولادي)|(?:يرجع|يرد) "
        r"(?:الفلوس|الدين|المال)|(?:किराए पर|\bkiraye (?:pe|par)) (?:दूँ|दूं|\bdun?\b)"
        r"|पैसे (?:वापस|लौटा)|\bpaise wapas\b|किराय?े पर (?:देना|दूँ|दूं)",
        # dating: a match, a league
        rf"\bmatch with me\b|\b{_DATING_APPS}\b.{{0,25}}\b(?:match|swipe|like me|date me)\b"
        rf"|\b(?:match|swipe|like|date|leuk vinden|gefallen|m[öo]gen|piacer\w*|gostar\w*|gustar\w*|"
        rf"plaire)\w*\b.{{0,20}}\b(?:on |op |en |sur |auf |su |no |na )?{_DATING_APPS}\b|\bout of my league\b"
        r"|\b(?:too|so) (?:good[- ]looking|hot|pretty|handsome) for me\b|\bfuera de mi liga\b"
        r"|\btrop (?:beau|belle|bien) pour moi\b|\bvoudrait de moi\b|\bzu (?:gut|sch[öo]n|h[üu]bsch)"
        r" f[üu]r mich\b|\btroppo per me\b|\bal suo livello\b|\bme daria match\b|\bte (?:mooi|knap|"
        r"goed) voor mij\b|\bне (?:моего|моей) уровня\b|\bслишком (?:красив\w*|хорош\w*) для меня\b"
        r"|配不上|高攀|釣り合わ|मेरी लीग|\bmeri league\b"),
    "identity": (
        # in the news, on TV
        r"\b(?:been|was|appeared|seen) (?:in|on) the news\b|\bin the (?:news|papers)\b"
        r"|\bsalid[oa] en (?:las noticias|la tele|la televisi[oó]n|el peri[oó]dico)\b"
        r"|\bpass[ée]e? (?:[àa] la t[ée]l[ée]|aux infos|au journal)\b|\bfinit[oa] (?:sui giornali|in "
        r"tv|al tg)\b|\bin den nachrichten\b|\bim fernsehen\b|\bapareceu (?:na tv|no jornal|nas "
        r"not[ií]cias)\b|\bin het nieuws\b|\bв новостях\b|\bпо телевизору\b|上过(?:新闻|电视)"
        r"|ニュースに出|テレビに出|ظهرت? في (?:الأخبار|التلفزيون)|(?:न्यूज़|खबरों|टीवी) (?:में|पर) "
        r"(?:आया|आई|दिखा)",
        # tag them
        r"\betiqu[eé]ta(?:la|lo|los|las)\b|\bmarque[sz]?[- ](?:la|le|les)\b|\bmarkier\w* (?:ihn|sie)"
        r"\b|\btagga(?:la|lo|li|le)\b|\bmarca (?:ele|ela|eles|elas)\b|\btag (?:hem|haar)\b"
        r"|\bотметь\w* (?:его|её|ее|их)\b|(?:标记|圈出)(?:他|她)|タグ付け|(?:اعمل|سوي) (?:له|لها) "
        r"(?:إشارة|منشن|تاغ)|टैग कर(?:ो| दो)|\btag kar(?:o| do)\b",
        # contact details, surname, workplace, school, neighbourhood, handles
        r"\b(?:e-?mail(?: address)?|adresse (?:e-?)?mail|correo|telefoonnummer|phone number|"
        r"n[uú]mero de (?:tel[ée]fono|celular|telefone)|num[ée]ro de t[ée]l[ée]phone|"
        r"handynummer|telefonnummer|numero di telefono|номер телефона)\b"
        r"|电话号码|手机号|電話番号|رقم (?:هاتفه|هاتفها|جواله|جوالها|تلفونه|تلفونها)|फ़?ोन नंबर",
        r"\b(?:zijn|haar) adres\b|\b(?:ghar ka|home|house) address\b|(?:किस|कौन से) (?:मोहल्ले|इलाके) में"
        r"|عنوان (?:بيتها|بيته|سكنها|سكنه)|\b(?:his|her|their) "
        r"(?:surname|last name|family name)\b|\bsobrenome\b|\bapellidos?\b|\bnom de famille\b"
        r"|\bnachname\b|\bcognome\b|\bachternaam\b|\bфамили[яю]\b|姓什么|本名|苗字|اسم العائلة|सरनेम",
        r"\bwhich (?:school|college|university|uni|high school|company|firm) (?:does|did|do|is|was)\b"
        r"|\ben qu[eé] (?:empresa|compañ[ií]a|oficina|colegio|escuela|universidad|instituto) "
        r"(?:trabaja|estudi\w*)\b|\bop welke (?:\w+ )?(?:school|universiteit|hogeschool)\b|\bbij welk "
        r"bedrijf\b|\bв каком (?:вузе|университете|институте|колледже)\b|\bв какой (?:школе|"
        r"компании|фирме)\b|\bгде (?:она|он) (?:работает|учится|учился|училась)\b|\bdans quelle "
        r"(?:entreprise|bo[iî]te|[ée]cole|fac)\b|\bo[uù] (?:il|elle) (?:travaille|bosse)\b|\bbei "
        r"welche[rm] (?:firma|unternehmen)\b|\bwo (?:arbeitet|studiert) (?:er|sie)\b|\bin quale "
        r"(?:azienda|ditta|scuola|universit[àa])\b|\bdove (?:lavora|studia)\b|\bem qual "
        r"(?:empresa|escola|faculdade)\b|\bonde (?:ele|ela) (?:trabalha|estuda)\b"
        r"|在哪(?:里|儿)?(?:上班|工作|上学|读书)|哪个(?:公司|学校|大学)|どこで働いて|どこの(?:会社|学校|大学)"
        r"|(?:وين|أين) (?:يشتغل|تشتغل|يعمل|تعمل|يدرس|تدرس)|कहाँ (?:काम करता|काम करती)",
        r"\b(?:which|what) (?:neighbou?rhood|part of town|street) (?:does|do|is|did) (?:he|she|"
        r"they)\b|\b(?:por|en) qu[eé] barrio\b|抖音号|微信号|小红书号|\b(?:his|her|their) @",
        r"\b(?:the )?(?:one|girl|guy|woman|man|lady|dude) from my (?:gym|work|office|class|school|"
        r"building|street|yoga class)\b"),
}
"""Category -> patterns over the lowercased question, in any supported language."""
