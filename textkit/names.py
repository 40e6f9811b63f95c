"""Find capitalised names in text, with their titles, a guessed kind and their fullest form.

A **name** is a run of capitalised words ("Ann Clarke", "Thomas-Greenfield", "O'Brien",
"NTSB") joined by single spaces, by initials ("George W. Bush", "J.K. Rowling"), by name
particles ("Ludwig van Beethoven", "Bashar al-Assad"), by "of"/"for" after an organisation,
place or title word ("Bank of England", "Center for Food Safety"; so "Tristan Smith of
University College London" is two names) and by a possessive before an organisation word
("Alachua Sheriff's Office"). The possessive "'s" is otherwise not part of a name, and runs
never cross punctuation other than the stop of an initial or an abbreviated title ("Mr.").

The **first word of a sentence** (or of a quotation) is capitalised whatever it is, so it is
kept only when it is a name for another reason: a function word or sentence adverb ("The",
"It", "We", "I", "However") or a word ending in "-ly"/"-ing" that starts a run is dropped
("The Kremlin" -> "Kremlin"); a single word on its own is kept only when the text also
capitalises it in mid-sentence or uses it inside a longer name ("Clarke said" after "Ann
Clarke"), so "Officials said" is not a name. Days and months on their own, single letters,
titles on their own or ending a run ("President", "Senate Minority Leader": roles, not names)
are never names; letters after a name ("QC", "MP") and a country glued before a person's name
("to Germany Richard Grenell") are left out.

A **title** is the part of a run before the name that holds a title word ("Prime Minister",
"US Secretary of State", "Santa Barbara County Sheriff", "Mr" -- written without an
abbreviation's stop); lower-case titles right before a name ("prime minister Theresa May",
"spokesman John Kirby") are recorded too. Styles stay part of the name ("Pope Francis",
"Queen Elizabeth").

The **kind** is a guess from the words: ``organisation`` (an acronym, or a word such as
Ministry, Council, Party, Police, Inc); ``person`` (a person's title); ``place`` (a country, US
state, continent or large city, or a word such as Street, County, River, Airport); ``person``
(two to four plain name words not after "the"); else ``unknown``.

The **fullest form** (``full``) is the longest name of the text ending with the same words,
ignoring case and accents ("Clarke", "Mr Clarke" -> "Ann Clarke"; "Erdogan" -> "Recep Tayyip
Erdoğan") -- the nearest one before it in its paragraph, else the one the text introduces
first. A single word inside a person's longer name ("Rosselló" -> "Ricardo Rosselló Nevares")
or starting an organisation's ("Ford" -> "Ford Motor Company") takes that name, and an acronym
defined in parentheses takes the name before it ("CBCP" -> "Catholic Bishops' Conference of
the Philippines"). Each name takes the kind of its fullest form, and a name ever given a
person's title is a person everywhere in the text.

:func:`find` returns a table; :func:`records` the same rows as tuples, for loops (a corpus
calls :func:`records` per text and builds one table). Both are one pass over the text with
regular expressions, dictionaries and bisection: linear time. The pass visits only the
capitalised words -- one regular expression finds them, skipping the other words inside the
engine -- and the gap between two of them decides whether they join, so a text costs Python work
per capitalised word and per name, not per word.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from typing import NamedTuple

import numpy as np
import pandas as pd

#: Columns of the table :func:`find` returns.
COLUMNS = ("start", "end", "name", "title", "kind", "full")

#: Words that make a run before a name a title of a person (compared without a final stop).
PERSON_TITLES = frozenset(
    """
    Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Reverend Fr Father Sister Brother
    Hon Honourable Honorable President Vice Premier Chancellor Minister Secretary Ambassador Envoy
    Senator Sen Representative Rep Congressman Congresswoman Assemblyman Assemblywoman Governor Gov
    Mayor Councillor Councilor Councilman Councilwoman Alderman MP MEP MLA Speaker Chairman
    Chairwoman Chairperson Chair Judge Justice Magistrate Attorney Prosecutor Sheriff Marshal
    Commissioner Superintendent Supt Inspector Insp Detective Det Constable Officer Sergeant Sgt
    Corporal Cpl Private Pvt Lieutenant Lt Captain Capt Major Maj Colonel Col General Gen Admiral
    Adm Commander Cmdr Brigadier Brig Marshal Chief Director Coach Manager Spokesman Spokeswoman
    Spokesperson King Queen Prince Princess Emperor Empress Duke Duchess Earl Count Countess Baron
    Baroness Pope Cardinal Archbishop Bishop Rabbi Imam Sheikh Sheik Emir Sultan Ayatollah Pastor
    Deputy Dean Provost Rector Principal Founder CEO Chef Dame Nurse Doctor Leader Mufti Grand
    """.split()
)

#: Titles that stay part of the name they precede ("Pope Francis", "Queen Elizabeth").
STYLES = frozenset("Pope King Queen Prince Princess Emperor Empress Sheikh Sultan Emir".split())

#: Letters after a name that are not part of it ("Kama Melly QC").
POSTNOMINALS = frozenset("QC KC MP MEP MSP MLA OBE MBE CBE KBE DBE PhD".split())

#: Lower-case title words recognised right before a name ("prime minister Theresa May").
LOWER_TITLES = frozenset(
    """
    president minister secretary ambassador envoy senator governor mayor chancellor premier
    spokesman spokeswoman spokesperson chairman chairwoman chair judge justice prosecutor sheriff
    commissioner superintendent inspector detective officer sergeant lieutenant captain colonel
    general admiral commander chief director coach manager leader king queen prince princess
    professor lawyer attorney analyst expert researcher scientist economist author actor actress
    singer player striker goalkeeper midfielder defender rapper journalist reporter editor
    deputy founder ceo head representative congressman congresswoman councillor candidate
    co-author scholar academic activist campaigner commandant whip eyewitness witness fellow
    official spokesperson adviser advisor aide negotiator member chairperson student teacher
    nurse doctor engineer pilot farmer owner organiser organizer volunteer survivor resident
    mother father wife husband son daughter brother sister friend neighbour neighbor colleague
    """.split()
)

#: Words that make a name an organisation.
ORGANISATION_WORDS = frozenset(
    """
    Ministry Department Dept Agency Council Committee Commission Party Court University College
    School Institute Foundation Association Society Union League Federation Organisation
    Organization Company Corporation Corp Inc Ltd LLC plc PLC AG GmbH Group Bank Board Office
    Administration Authority Bureau Service Services Police Army Navy Force Forces Guard Guards
    Parliament Congress Senate Assembly Government Cabinet Club Team News Times Post Herald
    Journal Press Network Networks Airlines Airways Church Hospital Centre Center Museum Trust
    Fund Coalition Alliance Movement Front Brigade Tribune Telegraph Gazette Broadcasting
    Television Radio Media Studios Records Laboratory Laboratories Labs Systems Technologies
    Industries Holdings Partners Embassy Consulate Secretariat Tribunal Directorate Inspectorate
    Unit Squad Reuters Wikinews Wikipedia Google Facebook Twitter Microsoft Apple Amazon FC
    Commonwealth Conference Council Institution Initiative Project Program Programme Campaign
    """.split()
)

#: Words that make a name a place.
PLACE_WORDS = frozenset(
    """
    Street St Road Avenue Boulevard Lane Square City County Province Region District River Lake
    Sea Ocean Bay Gulf Island Islands Mountain Mountains Mount Valley Desert Park Bridge Airport
    Station Port Harbour Harbor Beach Coast Peninsula Strait Canal Village Town Township Borough
    Territory Territories Republic Kingdom Emirates Prefecture Oblast Canton Municipality Hills
    Falls Heights Springs Forest Reserve Stadium Arena Hall Palace Castle Cathedral Square
    """.split()
)

#: Countries, US states, continents and large cities (a place whatever the context).
PLACES = frozenset(
    line.strip()
    for line in """
    Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan
    Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia
    Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China
    Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti
    Dominica|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon
    Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary
    Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya
    Kiribati|Korea|North Korea|South Korea|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho
    Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta
    Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique
    Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|Norway|Oman
    Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal
    Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles
    Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Sudan|Spain|Sri Lanka
    Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga
    Trinidad|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE
    United Kingdom|UK|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|United States
    US|USA|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe
    Hong Kong|Macau|Greenland|Puerto Rico|Crimea|Gaza|West Bank|Kashmir|Tibet|Catalonia
    Africa|Asia|Europe|Antarctica|Oceania|North America|South America|Latin America|Middle East
    Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho
    Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan
    Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico
    New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island
    South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Washington
    Wisconsin|Wyoming|London|Paris|Berlin|Madrid|Rome|Moscow|Beijing|Tokyo|Delhi|New Delhi|Mumbai
    Sydney|Melbourne|Toronto|Montreal|Vancouver|Ottawa|Los Angeles|Chicago|Boston|Houston
    San Francisco|Seattle|Miami|Atlanta|Dallas|Philadelphia|Detroit|Las Vegas|Brussels|Vienna
    Geneva|Zurich|Amsterdam|Stockholm|Oslo|Copenhagen|Helsinki|Dublin|Edinburgh|Glasgow|Cardiff
    Belfast|Manchester|Birmingham|Liverpool|Leeds|Bristol|Athens|Istanbul|Ankara|Cairo|Tehran
    Baghdad|Damascus|Beirut|Jerusalem|Tel Aviv|Riyadh|Dubai|Doha|Kabul|Islamabad|Karachi|Lahore
    Dhaka|Bangkok|Jakarta|Manila|Seoul|Pyongyang|Shanghai|Wuhan|Taipei|Singapore|Kyiv|Kiev|Minsk
    Warsaw|Prague|Budapest|Bucharest|Sofia|Belgrade|Lagos|Nairobi|Johannesburg|Cape Town|Mexico City
    Havana|Caracas|Bogota|Lima|Santiago|Buenos Aires|Rio de Janeiro|Sao Paulo|Brasilia|Auckland
    Wellington|Canberra|Brisbane|Perth|Adelaide|Lisbon|Barcelona|Milan|Munich|Hamburg|Frankfurt
    """.replace("\n", "|").split("|")
    if line.strip()
)

#: Days and months: never a name on their own.
CALENDAR = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov
    Dec Mon Tue Tues Wed Thu Thurs Fri Sat Sun
    """.split()
)

#: Days of the week, dropped at either end of a longer run ("Monday Clarke" -> "Clarke").
DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())

#: Words that are capitalised only because they start a sentence (compared in lower case).
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those there here it its it's they them their we our us you your i
    i'm i've i'd i'll he she him her his hers my me mine who whom whose what which when where
    why how and but or nor so yet for if then than because although though while whereas unless
    until since after before during as at by from in into of on onto to with without within
    about above across against along among around behind below beneath beside besides between
    beyond despite down near off over past through throughout toward towards under underneath
    upon all any both each either every few many more most much neither no none not nothing
    other others several some such one two three four five six seven eight nine ten first second
    third last next new also however meanwhile moreover furthermore nevertheless nonetheless
    instead still otherwise thus hence therefore indeed anyway besides overall today yesterday
    tomorrow tonight now later earlier once already again even just only perhaps maybe yes
    according following including regarding speaking asked asked: is are was were be been being
    has have had do does did will would shall should can could may might must let please thank
    thanks oh well
    """.split()
)

#: Particles that join name words ("Bank of England", "Ludwig van Beethoven").
CONNECTORS = frozenset("of de del della der den van von da di du la le al el bin bint ibn y".split())

#: Abbreviations whose full stop does not end a run ("Mr. Smith", "St. Louis").
_DOTTED = frozenset(
    "Mr Mrs Ms Dr Prof Rev Fr Hon Sen Rep Gov Gen Lt Col Maj Capt Sgt Cmdr Adm Brig Supt Insp "
    "Det Cpl Pvt St Mt Ft Jr Sr".split()
)

_TITLE_MODIFIERS = frozenset(
    "prime vice foreign deputy interior defence defense finance health chief press assistant "
    "acting associate senior executive general state attorney".split()
)
_WORD = re.compile(r"(?<![\w@#'’-])(?:(?:al|el|ad|as|ash|at|bin|ibn|abu|bint)-)?[^\W\d_][\w]*(?:[-‐][\w]+|['’](?![sS]\b)\w+)*")
#: The word tokens that may be capitalised: a letter other than a-z first, or a hyphen inside
#: ("al-Assad", "ex-Muslim"); :func:`_capital` keeps those that are. The other words are skipped
#: inside the regular expression engine, so a text costs Python work only per capitalised word.
_CANDIDATE = re.compile(
    r"(?<![\w@#'’-])(?=[^\W\d_a-z]|[^\W\d_][\w'’\u2010]*-[^\W\d_a-z])"
    + _WORD.pattern.removeprefix(r"(?<![\w@#'’-])")
)
#: The lower-case words that may join two capitalised ones: " of ", " van ", " of the ".
_CONNECTOR_GAP = re.compile(r" ([a-z]+)(?: (the))? ")
_OPENERS = "\"'“‘„«([{"
_SPACES_OR_OPENERS = " \t" + _OPENERS
_SENTENCE_END = ".?!:;"
_WORD_BEFORE_STOP = re.compile(r"(\w+)\.$")
_LOWER_WORDS_BEFORE = re.compile(r"(?<![\w-])((?:[a-z-]+ ){1,2})$")
_LOWER_LETTERS = re.compile(r"[a-z-]*")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_ACRONYM_DEFINED = re.compile(r"\s*\(([A-Z][A-Z&.]{1,9})\)")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class Word(NamedTuple):
    """One word token of the text, with what a run needs to know about it."""

    start: int
    end: int
    text: str
    capital: bool  # starts with a capital letter (after an "al-" style particle)
    initial: bool  # the first word of a sentence or of a quotation


class Name(NamedTuple):
    """One name found in the text (a row of :func:`find`, before ``full``)."""

    start: int
    end: int
    name: str
    title: str
    kind: str


def find(text: str) -> pd.DataFrame:
    """Find the capitalised names of a text, with their titles and a guessed kind.

    Parameters
    ----------
    text : str
        A text, cleaned or not (see the module notes for what counts as a name).

    Returns
    -------
    pandas.DataFrame
        One row per name, in text order, with columns

        - ``start``, ``end`` (int): character offsets of the name (without its title);
        - ``name`` (str): the name as written, titles and the possessive "'s" left out;
        - ``title`` (str): the title written before it ("Prime Minister", "Mr", "spokesman"),
          ``""`` when none;
        - ``kind`` (str): ``person``, ``organisation``, ``place`` or ``unknown`` (a guess; see
          the module notes);
        - ``full`` (str): the fullest form of the name in the text ("Ann Clarke" for "Clarke"
          when the text names her fully anywhere), the name itself when none is longer.

    Examples
    --------
    >>> t = ("The minister, Ann Clarke, met Prime Minister Boris Johnson in London. "
    ...      "It went well, Mr Johnson said. Clarke left for the Ministry of Defence.")
    >>> found = find(t)
    >>> found[["start", "name", "title", "kind"]]
       start                 name           title          kind
    0     14           Ann Clarke                        person
    1     45        Boris Johnson  Prime Minister        person
    2     62               London                         place
    3     87              Johnson              Mr        person
    4    101               Clarke                        person
    5    121  Ministry of Defence                  organisation
    >>> found["full"].tolist()
    ['Ann Clarke', 'Boris Johnson', 'London', 'Boris Johnson', 'Ann Clarke', 'Ministry of Defence']
    """
    return _table(records(text))


def records(text: str) -> list[tuple]:
    """The rows of :func:`find` as plain tuples ``(start, end, name, title, kind, full)``, for
    callers that look names up in a loop (no DataFrame is built)."""
    runs = _runs(text)
    known = set()  # words capitalised in mid-sentence or used inside a longer name
    for run in runs:
        if len(run) > 1:
            known.update(w.text for w in run)
        elif not run[0].initial:
            known.add(run[0].text)
    known = {fold(word) for word in known}
    found = []
    for run in runs:
        run = _trim(run, known)
        if run:
            found.append(_name(text, run))
    paragraphs = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    return _with_full_forms(found, _acronyms(text, found), paragraphs)


def _acronyms(text: str, found: list[Name]) -> dict:
    """Map acronyms defined in parentheses to their names: "Federal Aviation Administration (FAA)"."""
    defined = {}
    for item in found:
        match = _ACRONYM_DEFINED.match(text[item.end : item.end + 14])
        if match and len(item.name.split()) > 1:
            defined.setdefault(match.group(1), item)
    return defined


def _runs(text: str) -> list[list[Word]]:
    """Group the capitalised words of ``text`` into runs: words joined by a space, an initial's
    stop, a possessive before an organisation word or a particle ("Bank of England").

    Only capitalised words are visited (:data:`_CANDIDATE` skips the others inside the regular
    expression engine); the gap between two of them decides whether they join. Only the first
    word of a run can start a sentence: the words after it follow a name word.
    """
    runs, run = [], []
    for match in _CANDIDATE.finditer(text):
        (start, end), token = match.span(), match.group()
        if not (token[0].isupper() or _capital(token)):
            continue
        if text[start - 1 : start] == "\u2010" and not _word_start(text, start):
            continue  # inside "Smith\u2010Jones": not a word of its own
        word = Word(start, end, token, True, False)
        if run:
            connectors = [] if text[run[-1].end : start] == " " else _join(text, run, word)
            if connectors is not None:
                run.extend(connectors)
                run.append(word)
                continue
            runs.append(run)
        run = [word._replace(initial=True)] if _initial(text, start) else [word]
    if run:
        runs.append(run)
    return runs


def _capital(token: str) -> bool:
    """Tell whether a word token is capitalised (after an "al-" style particle: "al-Assad")."""
    core = token.split("-", 1)[1] if "-" in token and token[0].islower() else token
    return core[:1].isupper()


def _word_start(text: str, pos: int) -> bool:
    """Tell whether a word token of :data:`_WORD` starts at ``pos`` (not inside "Smith\u2010Jones"),
    tokenizing from the whitespace before it (no token crosses whitespace)."""
    low = pos
    while low > 0 and not text[low - 1].isspace():
        low -= 1
    for match in _WORD.finditer(text, low):
        if match.start() >= pos:
            return match.start() == pos
    return False


def _initial(text: str, start: int) -> bool:
    """Tell whether the word at ``start`` begins a sentence or a quotation."""
    k = start
    while k > 0 and text[k - 1] in _SPACES_OR_OPENERS:
        if text[k - 1] in _OPENERS and text[k - 1] not in "([{":
            if k < 2 or text[k - 2].isspace() or text[k - 2] in _OPENERS:
                return True  # the first word of a quotation
            k -= 1  # a closing mark: what ends the quotation decides ('…," Psaki said')
            break
        k -= 1
    if k == 0 or text[k - 1] == "\n":
        return True
    if text[k - 1] not in _SENTENCE_END:
        return False
    if text[k - 1] == ".":
        before = _WORD_BEFORE_STOP.search(text, max(0, k - 12), k)
        if before and (before.group(1) in _DOTTED or len(before.group(1)) == 1):
            return False  # "Mr. Smith", "George W. Bush"
    return True


def _join(text: str, run: list[Word], word: Word) -> list[Word] | None:
    """Return the lower-case words joining ``word`` to ``run`` (``[]`` when none are needed), or
    ``None`` when ``word`` starts a new run."""
    last = run[-1]
    gap = text[last.end : word.start]
    if gap == " ":
        return []
    if gap in ("'s ", "\u2019s ", "' ", "\u2019 ") and (word.text in ORGANISATION_WORDS or word.text in PLACE_WORDS):
        return []  # "Alachua Sheriff's Office", "People's Party"
    if gap in (". ", "."):
        dotted = last.text in _DOTTED or (len(last.text) == 1 and last.text.isupper())
        return [] if dotted else None
    match = _CONNECTOR_GAP.fullmatch(gap)
    if match is None or not _connects(run, match.group(1)):
        return None
    if match.group(2) and match.group(1) not in ("of", "for", "on"):
        return None  # only "of the", "for the", "on the" take a second word
    first = Word(last.end + 1, match.end(1) + last.end, match.group(1), False, False)
    if not match.group(2):
        return [first]
    return [first, Word(first.end + 1, first.end + 4, "the", False, False)]


def _connects(run: list[Word], word: str) -> bool:
    """Tell whether a lower-case word may join a run to the next capitalised word.

    Name particles always may ("Ludwig van Beethoven"). "of" / "for" (with "the") may only
    follow a word that takes them -- an organisation, place or title word ("Bank of England",
    "Center for Food Safety", "Secretary of State") or a run of one word ("Isle of Man") -- so
    that "Dr. Tristan Smith of University College London" is two names, not one.
    """
    if word == "on":
        return run[-1].text in ORGANISATION_WORDS  # "Commission on International Religious Freedom"
    if word in ("of", "for"):
        last = run[-1].text
        keyed = last in ORGANISATION_WORDS or last in PLACE_WORDS or _is_title(last)
        return keyed or (word == "of" and len(run) == 1)
    return word in CONNECTORS


@functools.lru_cache(maxsize=1 << 14)
def _is_title(word: str) -> bool:
    """Tell whether a capitalised word is a title ("Minister", "Dr.", "Co-author", "Scientist")."""
    bare = word.rstrip(".")
    return bare in PERSON_TITLES or bare.lower() in LOWER_TITLES or bare.split("-")[-1].lower() in LOWER_TITLES


def _trim(run: list[Word], known: set[str]) -> list[Word]:
    """Drop words that are capitalised only by position, or days and months at the edges."""
    while run and run[0].initial and _positional(run, known):
        run = run[1:]
    while len(run) > 1 and run[0].text in DAYS:
        run = run[1:]
    while len(run) > 1 and run[-1].text in DAYS:
        run = run[:-1]
    if len(run) == 1 and (run[0].text in CALENDAR or len(run[0].text) == 1):
        return []  # "Monday", "May" on its own; "E." of "E. coli"
    if len(run) == 1 and run[0].text.lower() in FUNCTION_WORDS:
        return []
    while len(run) > 2 and run[-1].text.rstrip(".") in POSTNOMINALS:
        run = run[:-1]  # "Kama Melly QC"
    if all(_is_title(w.text) or w.text in CONNECTORS or w.text == "the" for w in run):
        return []  # a title alone is a role, not a name: "President", "Secretary of State", "MP"
    if _is_title(run[-1].text):
        return []  # a run ending in a title is a role: "Regents Professor", "Senate Minority Leader"
    return _without_place(run)


def _without_place(run: list[Word]) -> list[Word]:
    """Drop a country or city glued to the front of a person's name ("Germany Richard Grenell")."""
    for k in range(min(3, len(run) - 2), 0, -1):
        place = " ".join(w.text for w in run[:k])
        rest = run[k:]
        if place in PLACES and all(w.text not in CONNECTORS and w.text not in ORGANISATION_WORDS
                                   and w.text not in PLACE_WORDS and not _acronym(w.text) for w in rest):
            return rest
    return run


def _positional(run: list[Word], known: set[str]) -> bool:
    """Tell whether the first word of a sentence-initial run is not itself part of a name."""
    first = run[0].text
    lower = first.lower()
    if _acronym(first):
        return False  # "US Secretary of State", "NATO said"
    if lower in FUNCTION_WORDS or lower.replace("’", "'") in FUNCTION_WORDS:
        return True
    if len(run) > 1:
        return lower.endswith(("ly", "ing")) and len(first) > 4
    return fold(first) not in known and first not in PLACES


def _name(text: str, run: list[Word]) -> Name:
    """Split a run into title and name and guess its kind."""
    words = [w.text for w in run]
    split = _title_split(words)
    name_start = run[split].start
    title = text[run[0].start : run[split - 1].end] if split else ""
    lower = _lower_title(text, run[0].start)
    if lower and not title:
        title = lower
    if split and words[split - 1] in STYLES:
        name_start = run[split - 1].start  # "Pope Francis", "Prince Harry": the style stays
    end = run[-1].end
    name = text[name_start:end]
    if name.endswith(".") or text[end : end + 1] == "." and words[-1] in _DOTTED:
        name = name.rstrip(".")
    kind = _kind(words[split:], title, text, name_start)
    return Name(name_start, name_start + len(name), name, title, kind)


def _title_split(words: list[str]) -> int:
    """Return how many leading words of a run are its title (0 when none).

    The name is the run's last plain words (not a title, organisation or place word, not an
    acronym, not after "of"); the words before it are a title when one of them is a title word:
    "US Secretary of State | Mike Pompeo", "Santa Barbara County Sheriff | Bill Brown".
    """
    lead = 0
    while lead < len(words) - 1 and words[lead].rstrip(".") in PERSON_TITLES:
        lead += 1
    if lead and all(_plain(w) or w in PLACE_WORDS for w in words[lead:]):
        return lead  # "Judge | Durham Hall", "Mr | Bridge": after a person's title, a person
    split = len(words)
    while split > 0 and _plain(words[split - 1]) and (split < 2 or words[split - 2] not in CONNECTORS):
        split -= 1
    if split == len(words) or split == 0:
        return 0
    return split if any(_is_title(w) for w in words[:split]) else 0


@functools.lru_cache(maxsize=1 << 14)
def _plain(word: str) -> bool:
    """Tell whether a word can be part of a person's name (not a title, keyword or acronym)."""
    return not (_is_title(word) or word in ORGANISATION_WORDS or word in PLACE_WORDS or _acronym(word)
                or word in CONNECTORS)


def _lower_title(text: str, start: int) -> str:
    """Return lower-case title words right before ``start`` ("prime minister"), or ""."""
    low = max(0, start - 40)
    last = text[text.rfind(" ", low, start - 1) + 1 or low : start - 1]  # the word before the space
    if _LOWER_LETTERS.fullmatch(last) and last not in LOWER_TITLES:
        return ""  # the quick answer: the word before is lower case and no title
    match = _LOWER_WORDS_BEFORE.search(text[low:start])
    if not match or match.group(1).split()[-1] not in LOWER_TITLES:
        return ""
    parts = match.group(1).split()
    return " ".join(parts if parts[0] in _TITLE_MODIFIERS else parts[-1:])


def _kind(words: list[str], title: str, text: str, start: int) -> str:
    """Guess the kind of a name from its words, its title and the word before it."""
    name = " ".join(words)
    if any(w in ORGANISATION_WORDS for w in words) or (len(words) == 1 and _acronym(name)):
        return "organisation"
    if title and _is_title(title.split()[-1]):
        return "person"  # "Judge Durham Hall"
    if name in PLACES or any(w in PLACE_WORDS for w in words[1:]):
        return "place"
    before = text[max(0, start - 5) : start]
    after_the = "he" in before and _THE_BEFORE.search(before) is not None
    plain = all(w not in CONNECTORS and not _acronym(w) for w in words)
    if 2 <= len(words) <= 4 and plain and not after_the and words[0] != "The":
        return "person"
    return "unknown"


@functools.lru_cache(maxsize=1 << 14)
def _acronym(word: str) -> bool:
    """Tell whether a word is written in capitals (two letters or more): NATO, NTSB."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _with_full_forms(found: list[Name], acronyms: dict, paragraphs: list[int]) -> list[tuple]:
    """Give each name its fullest form in the text and that form's kind."""
    longer, opening, inner = {}, {}, {}  # longer names by their last words, first word, middle words
    for item in found:
        parts = item.name.split()
        for k in range(1, len(parts)):
            longer.setdefault(fold(" ".join(parts[k:])), []).append(item)
        if len(parts) > 1 and item.kind == "organisation":
            opening.setdefault(fold(parts[0]), []).append(item)
        if len(parts) > 2 and item.kind == "person":
            for part in parts[1:-1]:
                inner.setdefault(fold(part), []).append(item)  # "Rosselló" in "Ricardo Rosselló Nevares"
    person_titled = {fold(n.name) for n in found if n.kind == "person" and n.title}
    choices = {}  # key -> (longest candidates, their starts), built once per key
    rows = []
    for item in found:
        key = fold(item.name)
        if key not in choices:
            single = " " not in key
            choices[key] = _longest(longer.get(key) or (opening.get(key, []) + inner.get(key, []) if single else []))
        full = _fullest(item, *choices[key], paragraphs)
        full = acronyms.get(item.name, full) if full is item else full
        kind = full.kind if full is not item and full.kind != "unknown" else item.kind
        if item.kind == "unknown" and (key in person_titled or fold(full.name) in person_titled):
            kind = "person"
        rows.append((item.start, item.end, item.name, item.title, kind, full.name))
    return rows


def _longest(candidates: list[Name]) -> tuple[list[Name], list[int]]:
    """The candidates with the most words, in text order, and their starts."""
    if not candidates:
        return [], []
    best = max(len(c.name.split()) for c in candidates)
    longest = sorted((c for c in candidates if len(c.name.split()) == best), key=lambda c: c.start)
    return longest, [c.start for c in longest]


def fold(name: str) -> str:
    """Fold a name for comparison: case and accents ignored ("Erdoğan" == "erdogan").

    >>> fold("Recep Tayyip Erdoğan") == fold("recep tayyip erdogan")
    True
    """
    if name.isascii():
        return name.lower()  # the same, quicker: ASCII has no accents and folds to lower case
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\u0131", "i")


def _fullest(item: Name, longest: list[Name], starts: list[int], paragraphs: list[int]) -> Name:
    """Return the nearest longest candidate before ``item`` in its paragraph, else the one the
    text introduces first (the person a bare surname usually means), else ``item``."""
    if not longest or _acronym(item.name) or item.kind == "place":
        return item
    i = bisect.bisect_left(starts, item.start) - 1
    same = i >= 0 and bisect.bisect_right(paragraphs, starts[i]) == bisect.bisect_right(paragraphs, item.start)
    return longest[i] if same else longest[0]


def _table(rows: list[tuple]) -> pd.DataFrame:
    """Build the table of :func:`find`, with its column types: each column is made once with its
    type (text ``object``, offsets ``int64``), so pandas infers and converts nothing."""
    columns = list(zip(*rows)) if rows else [()] * len(COLUMNS)
    texts = {name: np.array(values, dtype=object) for name, values in zip(COLUMNS[2:], columns[2:])}
    table = pd.DataFrame(texts, dtype=object, copy=False)
    table.insert(0, "end", np.array(columns[1], dtype="int64"))
    table.insert(0, "start", np.array(columns[0], dtype="int64"))
    return table
