"""Line-level boilerplate: the promos, credits and link lists around a story, as text.

Shared by HTML extraction (applied to each block) and paste mode (applied to each line), so a
rule written once cleans both. Every rule must be specific enough never to match a sentence of
a story: they anchor on the start of the line, a price, or a line too short to be prose.
"""

from __future__ import annotations

import re

from .article import Block
from .paywall import is_paywall_prompt

_PRICE = r"(?:[£$€¥₹]\s?\d|\b(?:rs\.?|usd|eur|gbp)\s?\d|\d+\s?(?:p|pence|cents?)\b)"
_SOCIAL = r"(?:twitter|facebook|instagram|youtube|linkedin|tiktok|whatsapp|pinterest|threads)"

# Lines that are boilerplate, by how they start (matched at the start only, which is cheap).
_START_RULES = [
    # social follow / share prompts
    rf"(?:follow|like|find|join|connect with)\b.{{0,80}}\b(?:on|at|via)\s+{_SOCIAL}\b",
    rf"(?:follow|join)\b.{{0,60}}\b{_SOCIAL}\b.{{0,40}}$",
    r"share (?:on|via)\b|(?:like this (?:story|article)|enjoyed this (?:article|story)|"
    r"if you enjoyed this)\b",
    r"click to (?:share|email|print|tweet)\b|back to top$|permalink$",
    r"(?:have a (?:news )?tip|got a (?:news )?tip|tips?:)\b.{0,200}(?:@|reach|contact|email)",
    r"(?:reach|contact|email) (?:the )?(?:reporters?|writers?|authors?|us)\b.{0,120}"
    r"(?:@|twitter|email|https?://)",
    # appeals for money
    r"support (?:us|our (?:journalism|work|reporting)|[A-Z]\w+) (?:so|and|to|by|today)\b|"
    r"(?:donate|become a (?:member|patron|supporter|subscriber))\b",
    r"rating: \d+ votes?$|\(?view all\)?$|\d+ (?:minutes?|hours?|days?|weeks?) ago\b.{0,20}$",
    # site furniture
    r"(?:check out more|for more (?:from|on|of)|visit our|listen to (?:the|our)|"
    r"listen (?:live|back)|click here|tap here|advertisement|sponsored|promoted|"
    r"skip (?:to|ad)|filed under|posted in|tagged with|tags?:|categories:|"
    r"(?:reading|read) time|tempo de leitura|lesezeit|temps de lecture|tiempo de lectura|"
    r"tempo di lettura|leestijd|czas (?:czytania|lektury)|(?:ten )?(?:tekst|artykuł) "
    r"przeczytasz w|\d+\s*min(?:ute)?s? read)\b",
    r"(?:listen|download|itunes|spotify|watch|video|audio|photos?|gallery|see more|"
    r"more|also|also read|related(?: post| article| story)?|read (?:more|next|also)|"
    r"recommended|don'?t miss|trending|most read)\s*[:|]",
    # the same prompts and credits in the other languages Hark reads
    r"(?:lesen sie (?:auch|mehr)|lies auch|mehr zum thema|auch interessant|(?:à )?lire aussi|"
    r"voir aussi|(?:lea|lee) (?:también|más)|leggi anche|leia (?:também|mais)|veja também|"
    r"lees ook|czytaj (?:też|także|również)|zobacz (?:też|także|również)|"
    r"bild|fotos?|bildquelle|quelle|quellenangaben|titelbild|crédits? photos?|fuente|fonte|"
    r"teilen mit|partager sur)\s*[:|]",
    r"(?:síguenos|siguenos|folgen sie uns|folge uns|suivez-nous|seguici|siga-nos|volg ons|"
    r"obserwuj nas)\b",
    # advertising disclosures and calls to join, sign up or comment
    r"(?:\*?werbung|anzeige)\s*(?:[-–:,.|]|$)|advertising disclosure\b|(?:this|the) post "
    r"contains (?:affiliate|references)|dieser (?:beitrag|artikel) enthält (?:werbung|affiliate)",
    r"(?:hazte (?:miembro|socio)|werden sie mitglied|devenez membre|diventa socio)\b",
    r"(?:sign up|subscribe|register) (?:to get|for free|now and)\b|never miss (?:the latest|a "
    r"story|an update)\b|zum newsletter anmelden|newsletter abonnieren",
    r"(?:verraten sie (?:uns )?(?:gerne )?in den kommentaren|we want to hear what you think|"
    r"submit your letter|kommentare insgesamt|sie sind (?:aktuell |derzeit )?nicht "
    r"(?:eingeloggt|angemeldet))",
    # credits
    r"©",
    r"\(?(?:additional |editing |reporting )?(?:reporting|editing|writing) by\b",
    r"fot\.\s",  # Polish and Czech photo credits: "Fot. Name / Agency"
    r"(?:source|sources|via|image source|photo|photos|photograph|picture|image|credit|"
    r"illustration|video)s?\s*(?:credit)?\s*[:|]",
    # shortcodes and social profile addresses that leaked into text (an e-mail address on a
    # line of its own is where the story sends its reader, as reconcile.is_address has it)
    r"\[[a-z_]+[^\]]*\].*\[/[a-z_]+\]$",
    r"(?:https?://)?(?:www\.)?(?:twitter|facebook|instagram)\.com/\S+$",
    # datelines: "November 20, 2019 - 11:28 AMT", "5:45 AM PST 11/19/2019 by A Writer", and a
    # label with the date in brackets or written with dots, as Korean, German or Russian news
    # stamp it ("입력 :[ 2019-11-20 11:28 ]", "20.11.2019, 11:28 Uhr"); no sentence's full stop
    # before the time
    r"(?=(?:[^.]|(?<=\d)\.(?=\d))*\d{1,2}:\d{2})(?=.*(?:\b(?:19|20)\d{2}\b|\d{1,2}/\d{1,2}/\d{2,4}))"
    r"[\w ,./:()\[\]|-]{0,50}(?:\bby [\w .'’-]{2,40})?$",
]
_START_RULE = re.compile("|".join(f"(?:{r})" for r in _START_RULES[:-1]), re.I)
# Two rules are the costliest to try on a long line, and run apart, only where they can
# match (same result, less time): the dateline rule (the last above) needs a time ("11:28"),
# so a colon; the legal small print is a line of 300 characters at most.
_DATELINE_RULE = re.compile(_START_RULES[-1], re.I)
_LEGAL_MAX = 300
_LEGAL_RULE = re.compile(
    rf"(?=.{{0,{_LEGAL_MAX}}}$).*\b(?:user agreement|terms of (?:use|service)|privacy "
    r"(?:policy|notice)|may not be reproduced|community (?:rules|guidelines|standards))\b", re.I)

# Lines that are boilerplate wherever the tell-tale words stand. Each rule runs only when one
# of its keywords is in the line, so prose pays for a few substring tests, not every regex.
_ANYWHERE_RULES = [
    # calls to action that carry a price ("from £4.99 a month", "12 issues for £11.99")
    (("subscri", "sign up", "join", "trial", "membership", "issues", "as little as"),
     rf"(?:subscri\w*|sign up|\bjoin|free trial|membership|issues|for as little as)\b.{{0,80}}"
     rf"{_PRICE}|{_PRICE}[\d.,]*\s?(?:a|an|per|/|every)\s?(?:month|year|week|issue)\b.{{0,40}}"
     rf"\b(?:subscri|sign up|join|trial|cancel)"),
    (("delivered",), r"\bdelivered (?:to|through) your (?:door|letterbox|inbox)\b"),
    # newsletters and apps
    (("subscribe", "sign up", "newsletter", "inbox", " app"),
     r"\b(?:subscribe (?:now|today|here)|subscribe to (?:our|the) [\w'’ .-]{0,30}(?:newsletter|"
     r"channel|podcast|magazine)|sign up (?:now|today|here)|sign up (?:for|to) (?:our|the|"
     r"[\w'’]+['’]s) [\w'’ .-]{0,30}(?:newsletter|emails?|alerts|updates|briefing)|"
     r"newsletters?\b.{0,40}\b(?:inbox|sign up|subscribe)|right (?:in|to) your inbox|"
     r"download (?:our|the) app|get the app)\b"),
    (("share",), r"\bshare (?:this|it) (?:article|story|post|with a friend)\b"),
    (("new window",), r"\(opens in (?:a )?new window\)"),
    (("contribution", "donation"),
     r"\b(?:make|making) a (?:one-off |one-time |monthly )?(?:contribution|donation)\b"),
    # the site's comment policy, in the present or future tense a notice to its readers uses
    # ("Comments are moderated", "Os comentários ... não serão aprovados pelo moderador", "Die
    # Kommentare werden ... freigeschaltet"); a story tells what happened to comments
    (("comment", "coment", "kommentar", "reactie", "komentarz"),
     r"\b(?:comments?|comentários?|comentarios?|commentaires?|commenti|kommentare?|reacties?|"
     r"komentarze?)\b.{0,80}\b(?:are|is|will(?: not)? be|may be|werden|wird|sont|seront|"
     r"serão|são|sono|saranno|vengono|verranno|están|serán|son|worden|zostaną|są)\b.{0,60}"
     r"\b(?:moder\w*|modér\w*|freigeschaltet|freigegeben|approv\w*|aprova\w*|aproba\w*|"
     r"publicad\w*|publiés?|published|posted)|\b(?:we|wir|nous)\b.{0,30}\bmod[eé]r\w*.{0,30}"
     r"\b(?:comments?|kommentare|commentaires)\b"),
    # a post's meta line: two or more "label: value" fields of the post's author, category or
    # tags, each opening the line or after a separator ("05/10/2018 - Publicado por: Ana -
    # Categoria: Saúde - Tags: ...")
    ((":",),
     r"^(?=.{0,250}$)(?:(?:.*?[-–—|·•,/]\s*)?(?:(?:published|posted|written) by|author|"
     r"autor|auteur|autore|publicad[oa] por|escrit[oa] por|publié par|écrit par|"
     r"veröffentlicht von|geschrieben von|pubblicato da|scritto da|"
     r"categor(?:y|ies|ia|ias|ía|ías|ie|ien)|catégories?|kategorien?|kategorie|tags?|"
     r"etiquetas|marcadores|schlagwörter|filed under|rubri(?:k|que|ca)|"
     r"se[cç](?:ção|ción|tion)|sezione)\s*:){2}"),
    # cookie and privacy notices
    (("cookie", "site uses"),
     r"\bcookies?\b.{0,120}\b(?:website|our site|this site|browser|browsing|experience|"
     r"consent|accept|opt[ -]out|privacy policy|personali[sz]e)\b|\b(?:this|our) (?:website|"
     r"site) uses\b"),
    # credits and legal lines
    (("©", "copyright", "rights reserved", "droits réservés", "derechos reservados",
      "rechte vorbehalten", "diritti riservati", "prawa zastrzeżone", "direitos reservados"),
     r"\s©|\bcopyright\b|\ball rights reserved\b|\b(?:tous (?:les )?droits réservés|todos los "
     r"derechos reservados|alle rechte vorbehalten|tutti i diritti riservati|wszelkie prawa "
     r"zastrzeżone|todos os direitos reservados)\b"),
    (("contributed",), r"\bcontributed (?:reporting|to this (?:report|story|article))\b"),
    (("(",), r"\((?:photo|image|picture|credit|pictured|file photo)\b[^)]{0,80}\)\s*$"),
    (("getty", "shutterstock", "alamy", "ap photo", "afp", "pa media", "pa wire", "reuters",
      "epa", "istock"),
     r"(?:^|[/|(]|\bphoto\b[^.]{0,40})\s*(?-i:Getty Images|Shutterstock|Alamy|AP Photo|"
     r"AFP(?: via Getty)?|PA Media|PA Wire|Reuters|REUTERS|EPA|iStock)\b[^.]{0,40}\)?\.?$"),
]
_ANYWHERE = [(keys, re.compile(rule, re.I)) for keys, rule in _ANYWHERE_RULES]


def _rule_matches(text: str) -> bool:
    if (_START_RULE.match(text) or (":" in text and _DATELINE_RULE.match(text))
            or (len(text) <= _LEGAL_MAX + 1 and _LEGAL_RULE.match(text))):  # +1: "$" before "\n"
        return True
    low = text.lower()
    # plain loops, not nested any() generators: this runs on every line of every page
    for keys, rule in _ANYWHERE:
        for key in keys:
            if key in low:
                if rule.search(text):
                    return True
                break  # the rule's keyword is there but the rule does not match
    return False


# Short lines that are only a section label of the page, never of the story.
_LABELS = re.compile(
    r"^(?:comments?|\d+ comments?|leave a (?:comment|reply)|tell us what you think\W*|"
    r"share(?: this)?|tweet|email|print|advertisement|sponsored content|"
    r"updated|published|posted|subscribe|sign up|log ?in|register|menu|close|"
    r"teilen|drucken|kommentare?|wird geladen\W*|anmelden|partager|imprimer|commentaires?|"
    r"keine kommentare|inhaltsverzeichnis|table of contents|sommaire|índice|anzeige|"
    r"(?:aktualisiert|veröffentlicht|erschienen) am\b.{0,40}|letzte änderung\b.{0,40}|"
    r"(?:last modified|release date|mis à jour le|publié le|actualizado)\b.{0,40}|"
    r"bild anzeigen|beitragsbild|titelbild\W*|"
    r"compartir|comentarios?|condividi|stampa|commenti|compartilhe|comentários|delen|reacties|"
    r"(?:updated|published|posted|last updated)\b.{0,40}\d.{0,20}|"
    # "read on" links and account prompts standing alone, in the languages Hark reads
    r"(?:continue reading|(?:pour )?lire la suite|weiterlesen|leer más|seguir leyendo|"
    r"continua(?:re)? a leggere|leia mais|continue lendo|lees verder|czytaj dalej|"
    r"читать далее)\W*|(?:already have an account|(?:ou si )?vous avez déjà un compte|"
    r"(?:sie haben )?bereits ein konto|¿?ya tienes (?:una )?cuenta|hai già un account|"
    r"já tem (?:uma )?conta|create an account|cr[ée]{2}(?:r|z votre) (?:un )?compte|"
    r"konto erstellen|crear (?:una )?cuenta|crea(?:re)? un account|criar (?:uma )?conta|"
    r"connectez-vous(?: ici)?|einloggen|inicia(?:r)? sesión|accedi|faça login)\W*)$",
    re.I)

# Headers of link lists: the lines under them are headlines, not story.
LINK_LIST_HEADERS = re.compile(
    r"^(?:read more|read next|more like this|related|related (?:articles|stories|content|"
    r"posts|links|coverage|reading|news)|more (?:on|about|from) [\w'’ .-]{1,40}|more stories|"
    r"more news|more|also|also read|see also|you (?:may|might) (?:also )?(?:like|enjoy)|"
    r"recommended(?: for you| reading| stories)?|most (?:read|popular|viewed|shared)\b.{0,30}|"
    r"popular(?: now| stories)?|trending(?: now| stories)?|latest(?: news| stories)?|"
    r"top stories|editor'?s? picks|don'?t miss|what to read next|further reading|"
    r"(?:weitere|ähnliche|verwandte|passende|empfohlene|beliebte|neueste|aktuelle) (?:artikel|"
    r"beiträge|nachrichten|themen|news|meldungen|stories|posts)(?: zum thema)?|"
    r"mehr (?:zum thema|dazu|zu diesem thema)|auch interessant|das (?:könnte|dürfte) "
    r"(?:sie|dich) auch interessieren|lesen sie auch|lies auch|siehe auch|meistgelesen|"
    r"(?:à )?lire aussi|sur le même sujet|articles? (?:similaires|liés|recommandés)|"
    r"(?:les )?plus lus|voir aussi|dans la même rubrique|(?:lea|lee) también|"
    r"noticias relacionadas|artículos relacionados|te puede interesar|(?:lo )?más leído|"
    r"leggi anche|articoli correlati|potrebbe interessarti|(?:i )?più letti|"
    r"leia (?:também|mais)|veja também|notícias relacionadas|mais lidas|lees ook|"
    r"gerelateerde artikelen|meest gelezen|czytaj (?:też|także|również)|"
    r"zobacz (?:też|także|również)|polecane|"
    r"(?:auch|schon) gelesen\??|(?:auch|bitte) lesen|zum weiterlesen|mehr themen|"
    r"weitere (?:themen|informationen|infos)|lesen sie auch die folgenden \w+|"
    r"(?:le|te) puede interesar|notas relacionadas|más sobre [\w .'’-]{1,40}|"
    r"dowiedz się więcej|meist-?(?:gelesen|diskutiert|kommentiert)|"
    # "you may also like" in the languages Hark reads
    r"você (?:também )?(?:pode|poderá|vai) gostar|(?:también )?(?:te|le) (?:puede|podría) "
    r"gustar|vous (?:aimerez|pourriez aimer)(?: aussi| peut-être| également)?|"
    r"(?:ti )?potrebbero? (?:piacerti|interessarti|anche piacerti)|"
    r"dit vind je (?:misschien )?ook (?:leuk|interessant)|może ci się (?:też |także )?spodobać|"
    r"może cię (?:też |także )?zainteresować|вам (?:также )?может понравиться|"
    r"читайте также|смотрите также|похожие (?:статьи|записи|новости)|"
    r"関連記事|あわせて読みたい|こちらもおすすめ|관련 ?기사|추천 ?기사|"
    r"(?:our |the )?(?:latest|top|more|other|best|great)\b.{0,30}\b(?:stories|articles|"
    r"reads|posts|news|videos|coverage)|in case you missed it|"
    # the post's tags and keywords, a list of topic links, in the languages Hark reads
    r"tags|tagged|keywords|schlagwörter|schlagworte|stichwörter|stichworte|etiquetas|"
    r"marcadores|palavras-chave|palabras clave|étiquettes|mots-clés|parole chiave|tag|"
    r"trefwoorden|tagi|słowa kluczowe|теги|метки|ключевые слова|タグ|태그)"
    r"\s*[:.…!]*\s*$",
    re.I)
# Closing quotation marks and brackets of every language's convention: English ” ’, German “ ‘
# (after „ ‚), French » › with a space inside, Danish and German books «, Japanese 」 』.
# Punctuation alone never makes a line boilerplate: a sentence may end inside any of them.
CLOSING_MARKS = "\"'”’“‘»«›‹」』)）]"
_CLOSERS = re.escape(CLOSING_MARKS)


def sentence_end(terminals: str, bare_closers: str = "") -> re.Pattern[str]:
    """A pattern for a line that ends a sentence: one of `terminals`, then any closing marks
    (spaced or not, as French sets them), or one of `bare_closers` alone."""
    bare = f"|[{re.escape(bare_closers)}]" if bare_closers else ""
    return re.compile(rf"(?:[{re.escape(terminals)}](?:\s*[{_CLOSERS}])*{bare})\s*$")


# What ends a sentence, in the scripts espeak-ng reads: Latin, Cyrillic and Greek . ! ? …,
# CJK 。！？, Devanagari । ॥ (danda), Arabic ؟ and Urdu ۔, Ethiopic ።, Armenian ։.
TERMINALS = ".!?…。！？।॥؟۔።։"
_SENTENCE_END = sentence_end(TERMINALS, "\"”’)]」』")


def is_boilerplate_line(line: str) -> bool:
    """True for one line that is clearly not the story (promo, credit, label, link header)."""
    text = line.strip()
    if not text:
        return True
    if len(text) < 80 and (_LABELS.match(text) or LINK_LIST_HEADERS.match(text)):
        return True
    return len(text) < 600 and (_rule_matches(text) or is_paywall_prompt(text))


def is_headline_like(line: str) -> bool:
    """A short line without closing punctuation: a title, a label or a link's text."""
    return len(line) < 160 and not _SENTENCE_END.search(line.strip())


_ITEM_SEPARATORS = re.compile(r"\s*[,;|·•]\s*")


def _item_list(line: str) -> bool:
    """A line of short items between commas or bars, not ending a sentence: a list of tags or
    topics however long it runs."""
    items = _ITEM_SEPARATORS.split(line.strip())
    return (len(items) >= 3 and all(len(item) <= 40 for item in items)
            and not _SENTENCE_END.search(line.strip()))


def drop_boilerplate_blocks(blocks: list[Block], prompts: list[str] | None = None) -> list[Block]:
    """Blocks minus promo/credit lines, link-list headers and the headlines listed under them.

    Subscriber prompts dropped on the way are appended to `prompts` when it is given.
    """
    kept: list[Block] = []
    in_link_list = False
    for block in blocks:
        text = block.text
        if len(text) < 80 and LINK_LIST_HEADERS.match(text):
            in_link_list = True
            continue
        if in_link_list and (is_headline_like(text) or _item_list(text)):
            continue
        in_link_list = False
        if prompts is not None and is_paywall_prompt(text):
            prompts.append(text)
            continue
        if is_boilerplate_line(text):
            text = trim_promo(text)  # a real sentence may carry a promo glued onto its end
            if not text or is_boilerplate_line(text):
                continue
            block = Block(block.kind, text)
        kept.append(block)
    # a heading with nothing under it introduced something we dropped; a heading that is a
    # sentence (a pull quote set as a heading) is story, not a section's title
    while kept and kept[-1].kind == "heading" and is_headline_like(kept[-1].text):
        kept.pop()
    return kept


# Where a call to action starts inside a sentence; pasted text can glue it to the previous
# word ("on Netflixsign up for Netflix from £4.99 a month").
_CTA_START = re.compile(
    r"(?:(?<=\s)|(?<=[a-z])|^)(?:sign up|subscribe|join now|join today|try [\w ]{1,30} today|"
    r"get \d+ issues|start (?:your|a) free trial|for as little as)\b", re.I)
_AVAILABLE = re.compile(r"^[\w' +]{1,40} is (?:also )?available (?:on|to stream on|via|from)\b",
                        re.I)
# Where one sentence ends and the next begins: a full stop, a space, and a capital or a digit
# (after an opening quote or bracket), in the cased scripts: Latin with its accented capitals
# (Über, État), Cyrillic, Greek. A lowercase word after a full stop follows an abbreviation.
_CAPITALS = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽŐŰĞİŞА-ЯЁЄІЇЎΑ-ΩΆΈΉΊΌΎΏ"
_SENTENCES = re.compile(rf"(?<=[.!?])\s+(?=[\"“‘'(\[«„¿¡]?[0-9{_CAPITALS}])")


def trim_promo(line: str) -> str:
    """The line without sentences that are calls to action; a promo glued onto a real sentence
    is cut off at its first word. Returns "" when nothing but promo is left."""
    if len(line) >= 600 or not _rule_matches(line):
        return line
    kept: list[str] = []
    for sentence in _SENTENCES.split(line):
        if not _rule_matches(sentence):
            if not (kept and _AVAILABLE.match(sentence)):
                kept.append(sentence)
            continue
        m = _CTA_START.search(sentence)
        head = sentence[:m.start()].rstrip(" –—-,;:") if m else ""
        if len(head.split()) >= 4:
            kept.append(head + ("" if head[-1] in ".!?" else "."))
    return " ".join(kept)
