"""Word lists the entity layer reasons with: titles, honorifics, organisation heads, junk.

Heuristics as data: every list here is used by one rule in ``entity_rules``, ``entity_canon`` or
``roles``, and each rule has a test named for the news pattern it handles.
"""

from __future__ import annotations

# Word lists stay packed, several words a line, so each list reads at a glance.
# fmt: off

# Labels that name things; dates, times and numbers belong to the times and amounts layers.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)

# Words that head or build a person's title or job: "Kremlin spokesperson", "Secretary of State",
# "Trump's envoy". Lower case; abbreviations with their dot.
TITLE_WORDS = frozenset(
    {
        "president", "vice", "prime", "minister", "secretary", "spokesperson", "spokesman",
        "spokeswoman", "envoy", "ambassador", "chancellor", "king", "queen", "prince", "princess",
        "pope", "general", "gen.", "colonel", "col.", "lieutenant", "lt.", "major", "maj.", "captain",
        "capt.", "admiral", "adm.", "sergeant", "sgt.", "commander", "chief", "director", "chairman",
        "chairwoman", "chair", "ceo", "cfo", "coo", "cto", "founder", "co-founder", "executive",
        "officer", "senator", "sen.", "rep.", "representative", "congressman", "congresswoman",
        "governor", "gov.", "mayor", "judge", "justice", "attorney", "prosecutor", "analyst",
        "leader", "head", "adviser", "advisor", "aide", "deputy", "speaker", "premier", "emir",
        "sheikh", "ayatollah", "cardinal", "bishop", "archbishop", "rev.", "crown", "foreign",
        "defence", "defense", "interior", "finance", "health", "economy", "trade",
        "national", "security", "senior", "former", "acting", "assistant", "special", "top",
        "official", "negotiator", "diplomat", "commissioner", "inspector", "superintendent",
        "marshal", "brigadier", "corporal", "private", "lord", "baroness", "baron", "duke", "duchess",
        "sultan", "monarch", "dictator", "strongman", "vp", "md", "managing", "partner", "economist",
        "strategist", "researcher", "professor", "prof.", "correspondent", "editor", "reporter",
        "anchor", "presenter", "columnist", "coach", "manager", "owner", "chairperson", "host",
        # local and civic titles of the wire ("Sheriff Jack Campbell", "Councilwoman Ana Ruiz")
        "sheriff", "detective", "trooper", "constable", "pastor", "rabbi", "imam", "treasurer",
        "comptroller", "auditor", "councilman", "councilwoman", "councilor", "councillor", "alderman",
        "assemblyman", "assemblywoman", "legislator", "lawmaker",
    }
)

# Of these, the ones that can head a role phrase (the last word before the name, or the head of
# an apposition). Modifiers such as "former" or "foreign" cannot end a role.
ROLE_HEADS = TITLE_WORDS - frozenset(
    {
        "vice", "prime", "crown", "foreign", "defence", "defense", "interior", "finance", "health",
        "economy", "trade", "national", "security", "senior", "former", "acting", "assistant",
        "special", "top", "managing", "private",
    }
)

# Small words allowed inside a role phrase between title words: "Secretary of State",
# "Minister for Foreign Affairs".
ROLE_CONNECTORS = frozenset({"of", "for", "and", "&", "-"})

# Fixed titles that contain a word the model sometimes tags on its own ("State" in "Secretary of
# State"): a name mention lying wholly inside one of these is junk.
TITLE_PHRASES = (
    "secretary of state",
    "secretary of defense",
    "secretary of defence",
    "secretary of the treasury",
    "secretary of the interior",
    "secretary of homeland security",
    "secretary general",
    "secretary-general",
    "attorney general",
    "attorney-general",
    "surgeon general",
    "chief of staff",
    "head of state",
    "minister of state",
    "minister of defence",
    "minister of defense",
    "chief executive officer",
    "chief operating officer",
    "chief financial officer",
    "foreign secretary",
    "home secretary",
    "defence secretary",
    "defense secretary",
    "foreign minister",
    "defence minister",
    "defense minister",
    "prime minister",
    "vice president",
)

# Honorifics: stripped from names, not kept as roles.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "madam"})

# The trade a company names itself by, after its own name: "Orion Semiconductor", "Apex
# Pharmaceuticals". Such a name ends an organisation's name, and its own name alone is the company
# ("Orion said"). Not "Systems" or "Motors" (MEANTIME's "… Systems" programmes and divisions).
COMPANY_TRADES = frozenset(
    {
        "semiconductor", "semiconductors", "technologies", "holdings", "pharmaceuticals", "electronics",
        "laboratories", "securities", "communications", "petroleum", "chemicals", "studios", "insurance",
    }
)

# The trade words a company's own name may carry before its corporate endings: "Ford Motor Co." is
# "Ford" ("Motor" ends no organisation's name on its own: see COMPANY_TRADES).
NAME_TRADES = COMPANY_TRADES | {"motor", "motors"}

# First words that name no company alone: "National Semiconductor" is not "National".
GENERIC_NAME_WORDS = frozenset(
    {
        "national", "international", "american", "united", "general", "global", "first", "new",
        "great", "royal", "western", "eastern", "northern", "southern", "central", "pacific",
        "atlantic", "advanced", "applied", "standard", "universal", "world", "the",
    }
)

# Words that end an organisation's name: "Syrian Democratic Forces", "Ministry of Defence".
ORG_HEADS = frozenset(
    {
        "forces", "force", "army", "navy", "council", "party", "brigade", "brigades", "battalion",
        "regiment", "division", "corps", "command", "ministry", "department", "agency", "office",
        "committee", "commission", "parliament", "assembly", "congress", "senate", "court",
        "government", "administration", "coalition", "alliance", "front", "movement", "organisation",
        "organization", "union", "association", "institute", "university", "college", "bank",
        "group", "company", "corporation", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "co.", "corp.",
        "foundation", "fund", "federation", "league", "network", "service", "services", "authority",
        "bureau", "guard", "guards", "militia", "police", "directorate", "secretariat", "mission",
        "programme", "program", "board", "cabinet", "airlines", "airways", "press", "news", "times",
        "post", "television", "tv", "radio", "broadcasting", "church", "taliban", "hezbollah",
        "hamas", "state", "aircraft", "industries", "airmen", "marines", "soldiers", "sailors",
        "guardsmen",
    }
) | COMPANY_TRADES

# Service members named as a body, capitalised in military style: "300 ANG Airmen", "U.S. Marines",
# "the Reserve Airmen". OntoNotes types them as an organisation, never a place or a nationality.
SERVICE_MEMBER_HEADS = frozenset({"airmen", "marines", "soldiers", "sailors", "guardsmen"})

# Words that open an organisation's name before "of": "Ministry of Defence", "Council of Europe".
ORG_OPENERS = frozenset(
    {
        "ministry", "department", "council", "office", "bureau", "army", "league", "organisation",
        "organization", "union", "court", "house", "board", "bank", "commission", "committee",
        "federation", "university", "government", "assembly", "parliament", "embassy", "consulate",
        "agency", "institute", "secretariat", "directorate", "coalition", "friends", "people",
        "republic", "kingdom", "state", "states",
    }
)

# Words that make a capitalised run a place rather than an organisation: "Ninewa province".
LOC_HEADS = frozenset(
    {
        "province", "governorate", "district", "region", "city", "county", "state", "valley",
        "river", "sea", "ocean", "gulf", "strait", "island", "islands", "mountains", "mountain",
        "desert", "peninsula", "border", "airport", "base", "camp", "square", "street", "bridge",
        "port", "harbour", "harbor", "bay", "lake", "plain", "plains", "hills", "coast", "oblast",
    }
)

# Last words of a facility's name: "Samarra Barrage", "the Brandbergen Mosque" (the model often
# calls them people or organisations).
FAC_NAME_HEADS = frozenset(
    {"barrage", "dam", "mosque", "airfield", "airbase", "stadium", "palace", "prison", "refinery", "shrine"}
)

# Lower-case nouns right after a name that make it a place: "the Tigris river", "Al-Raqqa province".
PLACE_NOUNS_AFTER = {
    "river": "LOC", "mountains": "LOC", "valley": "LOC", "desert": "LOC", "lake": "LOC",
    "province": "GPE", "governorate": "GPE", "district": "GPE", "region": "GPE",
}

# Regions and areas the country/city gazetteer does not list.
EXTRA_PLACES: dict[str, str] = {
    "middle east": "LOC",
    "near east": "LOC",
    "far east": "LOC",
    "levant": "LOC",
    "gulf": "LOC",
    "persian gulf": "LOC",
    "arabian peninsula": "LOC",
    "balkans": "LOC",
    "caucasus": "LOC",
    "sahel": "LOC",
    "horn of africa": "LOC",
    "north africa": "LOC",
    "west africa": "LOC",
    "east africa": "LOC",
    "southeast asia": "LOC",
    "central asia": "LOC",
    "south asia": "LOC",
    "east asia": "LOC",
    "latin america": "LOC",
    "central america": "LOC",
    "south america": "LOC",
    "north america": "LOC",
    "eastern europe": "LOC",
    "western europe": "LOC",
    "scandinavia": "LOC",
    "mediterranean": "LOC",
    "black sea": "LOC",
    "red sea": "LOC",
    "baltic": "LOC",
    "pacific": "LOC",
    "atlantic": "LOC",
    "arctic": "LOC",
    "gaza": "GPE",
    "gaza strip": "GPE",
    "west bank": "GPE",
    "crimea": "GPE",
    "donbas": "GPE",
    "donbass": "GPE",
    "kurdistan": "GPE",
    "darfur": "GPE",
    "kashmir": "GPE",
    "golan heights": "GPE",
    "sinai": "LOC",
    "england": "GPE",
    "scotland": "GPE",
    "wales": "GPE",
    "northern ireland": "GPE",
    "britain": "GPE",
    "great britain": "GPE",
    "the uk": "GPE",
    "uk": "GPE",
    "u.k.": "GPE",
    "us": "GPE",
    "u.s.": "GPE",
    "usa": "GPE",
    "u.s.a.": "GPE",
    "america": "GPE",
    "uae": "GPE",
    "the netherlands": "GPE",
    "holland": "GPE",
    "russia": "GPE",
    "syria": "GPE",
    "iran": "GPE",
    "south korea": "GPE",
    "north korea": "GPE",
    "vatican": "GPE",
    "taiwan": "GPE",
    "palestine": "GPE",
    "kosovo": "GPE",
    "washington": "GPE",
    "moscow": "GPE",
    "kyiv": "GPE",
    "kiev": "GPE",
    "aleppo": "GPE",
    "raqqa": "GPE",
    "mosul": "GPE",
    "idlib": "GPE",
    "homs": "GPE",
    "fallujah": "GPE",
    "ramadi": "GPE",
    "tikrit": "GPE",
    "kirkuk": "GPE",
    "benghazi": "GPE",
    "tripoli": "GPE",
    "sanaa": "GPE",
    "aden": "GPE",
}

# Capitalised words the gazetteer lists as places but that are mostly something else in news.
NOT_PLACES = frozenset(
    {
        "of", "the", "and", "march", "may", "june", "july", "april", "august", "mobile", "reading",
        "bath", "split", "nice", "orange", "victoria", "university", "independence", "police",
        "president", "general", "union", "liberty", "phoenix", "aurora", "temple", "florence",
        "charlotte", "sale", "hope", "deal", "well", "david", "mary", "santa", "george", "eastern",
        "western", "northern", "southern",
        "central", "national", "federal", "lincoln", "hamilton", "wellington", "kingston",
        "columbia", "trump", "obama", "bush", "regina", "irving", "norman", "troy", "kent",
        "mercedes", "as", "am", "to", "or", "in", "on", "de", "la", "san", "man", "best", "says",
        "deputy", "minister", "spokesperson", "leader", "chief", "saint", "st", "sur",
    }
)

# Upper-case words that are not organisations when they stand alone (transcript and desk labels
# too: "QUESTION:", "UPDATE (3 August):").
# Common nouns for a kind of business or body that a headline or a sentence's first word capitalises and
# the tagger may take for a name ("Chipmaker warns of weaker sales", "Automaker recalls …", "Hospital
# spokeswoman Ann Gregg said"); also any word ending in "maker".
# Never a person's name ("Brewer", "Shoemaker" are surnames), nor a company's ("Carrier").
TRADE_NOUNS = frozenset(
    {
        "automaker", "carmaker", "chipmaker", "drugmaker", "planemaker", "automakers", "carmakers",
        "chipmakers", "drugmakers", "retailer", "retailers", "lender", "lenders", "insurer", "insurers",
        "regulator", "regulators", "airline", "airlines", "startup", "conglomerate", "exporter",
        "importer", "supplier", "hospital", "university", "college", "school", "company", "firm", "union",
    }
)

NOT_ACRONYMS = frozenset(
    {
        "I", "A", "AM", "PM", "TV", "OK", "CEO", "CFO", "COO", "CTO", "GDP", "USD", "EUR", "GBP",
        "UTC", "GMT", "EST", "EDT", "PST", "AD", "BC", "II", "III", "IV", "VI", "VII", "VIII", "IX",
        "XI", "XII", "XIV", "XV", "XVI", "HIV", "AIDS", "COVID", "IED", "IEDS", "RPG", "ID", "PC",
        "DNA", "FAQ", "PDF", "URL", "MP", "MPS", "VIP", "Q1", "Q2", "Q3", "Q4", "AP", "NO", "OF",
        "THE", "AND", "IN", "ON", "TO", "BY", "IT", "GB", "MB", "KB", "TB", "GHZ", "MHZ", "KM", "MPH",
        "QUESTION", "ANSWER", "UPDATE", "UPDATED", "CORRECTION", "EDITOR",
    }
)

# Leading words dropped when a mention becomes a name: "the United States" is "United States".
LEADING_DETERMINERS = frozenset({"the", "a", "an"})

# Corporate endings that do not change which company is meant: "Chrysler LLC" is "Chrysler".
CORPORATE_SUFFIXES = frozenset(
    {
        "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.",
        "limited", "llc", "plc", "group", "n.v.", "nv", "ag", "sa", "s.a.", "gmbh", "holdings",
    }
)

# Small words skipped when an acronym is built from a name's initials: "Ministry of Defence" → MOD.
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "&", "de", "al"})

# Spellings of one place: each maps to the form used as the entity's name.
PLACE_ALIASES: dict[str, str] = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "united kingdom": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "uae": "United Arab Emirates",
    "united arab emirates": "United Arab Emirates",
    "kiev": "Kyiv",
    "kyiv": "Kyiv",
}

# Abbreviated titles, written with or without the dot ("Staff Sgt Albert Connelly").
TITLE_ABBREVIATIONS = frozenset(
    {
        "gen", "brig", "col", "lt", "maj", "capt", "adm", "cmdr", "cdr", "sgt", "cpl", "pvt", "pfc", "spc",
        "sen", "rep", "gov", "prof", "rev", "supt", "insp",
    }
)

# Prepositions a sentence-initial capital glues to a name: "Near Ar Raqqah, 15 strikes…".
LEADING_PREPOSITIONS = frozenset(
    {"near", "in", "at", "from", "outside", "inside", "to", "on", "with", "by", "around", "across", "into"}
)

# Words before a capitalised name that say it is a place: "strikes near Daquq", "the town of Sinjar".
PLACE_CUES = frozenset({"near", "in", "outside", "around", "across", "into", "towards", "toward", "from"})
STRONG_PLACE_CUES = frozenset({"near", "outside", "around"})
PLACE_NOUN_CUES = frozenset(
    {"city", "town", "village", "province", "district", "region", "governorate", "area", "suburb", "capital"}
)

# Lower-case nouns that turn a country, people or group before them into an organised actor:
# "U.S. forces", "Iraqi security forces", "ISIL fighters". Not "government": OntoNotes keeps "the
# U.S. government" a GPE mention ("U.S."), and so do most annotators.
FORCE_HEADS = frozenset(
    {
        "forces", "force", "troops", "military", "army", "navy", "regime", "militants", "fighters",
        "militia", "militias", "rebels", "insurgents", "police", "soldiers", "units", "unit",
    }
)
FORCE_MODIFIERS = frozenset(
    {
        "security", "armed", "military", "special", "government", "regular", "coalition", "opposition",
        "rebel", "ground", "air", "naval", "federal", "state", "tactical", "allied", "partner", "local",
        "pro-government", "regime", "terrorist",
    }
)

# Currency words after a country code: "US$", "US dollars" are money, not the country.
CURRENCY_AFTER = frozenset({"$", "dollar", "dollars", "cents"})

# Name endings that make an organisation-looking name an event (OntoNotes EVENT).
EVENT_HEADS = frozenset(
    {"conference", "summit", "show", "expo", "games", "olympics", "festival", "championship"}
)

# Widely known armed groups and alliances the small model often types as places or people.
KNOWN_ORGS = frozenset(
    {
        "daesh", "da'esh", "da’esh", "isil", "isis", "islamic state", "al-qaida", "al-qaeda", "al qaeda",
        "al qaida", "al-qaeda in iraq", "taliban", "hezbollah", "hizbollah", "hamas", "houthis", "houthi",
        "al-shabab", "al-shabaab", "boko haram", "peshmerga", "ypg", "pkk", "nusra front", "al-nusra",
        "jabhat al-nusra", "hayat tahrir al-sham", "wagner", "nato", "un", "u.n.", "eu", "opec",
        "interpol", "kremlin", "pentagon",
    }
)

# Nouns after a one-word name that mark it as a company or body: "Ryanair CEO", "Apple shares".
ORG_CUES_AFTER = frozenset(
    {
        "ceo", "cfo", "chairman", "spokesman", "spokeswoman", "spokesperson", "shares", "stock",
        "headquarters", "employees", "workers", "executive", "executives", "board", "subsidiary",
        "division", "unit", "plant", "factory", "brand", "customers", "shareholders", "union", "militia",
    }
)

# Common nouns right before a name that make it an organisation: "airline Ryanair", "German magazine
# Der Spiegel", "retailer Best Buy", "automaker Chrysler".
ORG_CUES_BEFORE = frozenset(
    {
        "airline", "carrier", "magazine", "newspaper", "daily", "weekly", "broadcaster", "channel",
        "network", "agency", "company", "firm", "retailer", "manufacturer", "automaker", "carmaker",
        "maker", "airframer", "group", "band", "label", "bank", "insurer", "publisher", "website",
        "startup", "conglomerate", "giant", "rival", "subsidiary", "studio", "studios", "party",
        "militia", "faction", "movement", "organisation", "organization", "charity", "ngo",
        "division", "unit", "affiliate",
    }
)

# First words that make "<word> <country>" a company named after the country: "Air China",
# "Air France" (airlines), where the model sees only the place.
PLACE_NAMED_ORG_OPENERS = frozenset({"air"})

# Single capitalised words that name a body when written mid-sentence: "the Coalition", "Parliament".
SINGLE_ORG_WORDS = frozenset(
    {
        "coalition", "army", "navy", "government", "parliament", "congress", "senate", "pentagon",
        "kremlin", "cabinet", "council", "ministry", "commission", "assembly", "opposition",
        "administration", "alliance", "regime", "junta", "politburo", "knesset", "duma", "bundestag",
        "majlis",
    }
)

# Titles that name one person on their own when capitalised: "the Foreign Secretary said", "The
# President added". Multi-word titles ("Prime Minister", "Defence Secretary") need a head from
# ROLE_HEADS; a single word must be one of these.
STANDALONE_TITLES = frozenset(
    {
        "president", "chancellor", "pope", "king", "queen", "prince", "princess", "premier",
        "ambassador", "minister", "governor", "mayor", "senator", "emir", "sultan", "envoy",
    }
)
# fmt: on
