"""The word lists of :mod:`textkit.names` and the tests on one word that use them.

Titles (:data:`PERSON_TITLES`, :data:`LOWER_TITLES`, :data:`STYLES`), the words that make a name
an organisation or a place (:data:`ORGANISATION_WORDS`, :data:`PLACE_WORDS`, :data:`PLACES`),
the words that are never a name on their own (:data:`CALENDAR`, :data:`FUNCTION_WORDS`) and
the particles that join name words (:data:`CONNECTORS`). :mod:`textkit.names` re-exports every
list, so ``names.FUNCTION_WORDS`` and the rest keep working.

The tests on one word (:func:`is_title`, :func:`is_capitals`, :func:`is_plain`) are cached:
a corpus asks them about the same few thousand words again and again.
"""

from __future__ import annotations

import functools

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


@functools.lru_cache(maxsize=1 << 16)
def is_title(word: str) -> bool:
    """Tell whether a capitalised word is a title ("Minister", "Dr.", "Co-author", "Scientist").

    >>> [is_title(w) for w in ("Minister", "Dr.", "Co-author", "Clarke")]
    [True, True, True, False]
    """
    bare = word.rstrip(".")
    return bare in PERSON_TITLES or bare.lower() in LOWER_TITLES or bare.split("-")[-1].lower() in LOWER_TITLES


@functools.lru_cache(maxsize=1 << 16)
def is_capitals(word: str) -> bool:
    """Tell whether a word is written in capitals (two letters or more): NATO, NTSB.

    >>> [is_capitals(w) for w in ("NATO", "U.S.", "I", "Nato")]
    [True, True, False, False]
    """
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@functools.lru_cache(maxsize=1 << 16)
def is_plain(word: str) -> bool:
    """Tell whether a word can be part of a person's name (not a title, keyword or acronym).

    >>> [is_plain(w) for w in ("Clarke", "Minister", "Bank", "NATO", "van")]
    [True, False, False, False, False]
    """
    return not (is_title(word) or word in ORGANISATION_WORDS or word in PLACE_WORDS or is_capitals(word)
                or word in CONNECTORS)
