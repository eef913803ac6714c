"""Word lists that drive attribution and stance.

These are general English news lexicons (reporting verbs, stance cues, titles,
news outlets), not lists of the people or phrases of any particular article.
"""

from __future__ import annotations

# Verbs that introduce what someone said, wrote or did in response.
# "report" is left out on purpose: in news it is what journalists do.
SPEECH_VERBS = frozenset("""
say tell tweet write post warn welcome condemn criticize criticise add state announce declare
stress insist argue claim note respond react reply praise hail applaud commend denounce slam
blast reject deplore lament regret urge call describe caution express voice accuse blame
question suggest explain comment remark affirm reaffirm assert emphasise emphasize underline
underscore vow pledge promise decry lambast castigate oppose support back endorse celebrate
congratulate thank dismiss acknowledge admit concede predict observe maintain contend complain
protest demand appeal deny hit term label brand laud salute echo counter retort
fear worry regret tout defend justify characterise characterize summon
""".split())

# Nouns that carry a reaction when they come "from" someone: "criticism from X".
SPEECH_NOUNS = frozenset("""
criticism condemnation praise reaction response statement warning rebuke backlash support
welcome concern tweet comment remark message caution objection protest applause approval cheer
""".split())

# Subjects that are never reactors in their own right.
UNNAMED_HEADS = frozenset("""
official officials source sources diplomat diplomats analyst analysts expert experts observer
observers critic critics person people someone report reports aide aides insider insiders
""".split())

# Stance cues: lemma (or lowercase phrase) -> polarity weight toward the event.
SUPPORT_CUES: dict[str, float] = {
    "welcome": 2, "praise": 2, "hail": 2, "applaud": 2, "commend": 2, "congratulate": 2,
    "endorse": 2, "celebrate": 2, "laud": 2, "salute": 2, "appreciate": 1, "thank": 1,
    "support": 1.5, "right": 1, "correct": 1, "justified": 1.5, "wise": 1,
    "brave": 1.5, "courageous": 1.5, "bold": 1, "good": 1, "good news": 1.5,
    "positive": 1, "victory": 1, "defeat": 1, "prospect": 1.5, "opportunity": 1,
    "overdue": 1.5, "success": 1, "achievement": 1, "delighted": 2, "pleased": 1.5,
    "glad": 1.5, "happy": 1, "cheer": 2, "step in the right direction": 2, "no longer need": 1,
    "long overdue": 2, "important step": 1.5, "right decision": 2, "agree": 1,
    "independence day": 1, "win": 0.5, "supportive": 2, "upbeat": 1, "hopeful": 1, "relieved": 1,
    "thrilled": 2, "jubilant": 2, "elated": 2, "in favour of": 1.5, "in favor of": 1.5,
    "backed the": 1.5, "backs the": 1.5,  # "back" alone is also "came back", "back down"
    "congratulations": 2, "congratulatory": 2, "joy": 1.5, "joyful": 1.5,
}
OPPOSE_CUES: dict[str, float] = {
    "condemn": 2, "condemnation": 2, "criticize": 2, "criticise": 2, "criticism": 2,
    "denounce": 2, "deplore": 2, "decry": 2, "slam": 2, "blast": 2, "lambast": 2,
    "castigate": 2, "reject": 2, "regret": 2, "regrettable": 2, "mistake": 2, "error": 2,
    "wrong": 1.5, "blunder": 2, "dangerous": 1.5, "danger": 1, "threat": 1, "threaten": 1,
    "risk": 1, "concern": 1.5, "concerned": 1.5, "worry": 1.5, "worried": 1.5,
    "disappoint": 2, "disappointed": 2, "disappointment": 2, "disappointing": 2,
    "dismay": 2, "alarm": 1.5, "alarmed": 1.5, "sad": 1.5, "saddened": 1.5, "shame": 1.5,
    "shameful": 2, "deplorable": 2, "unacceptable": 2, "illegal": 2, "violation": 2,
    "violate": 2, "undermine": 1.5, "destabilize": 1.5, "destabilise": 1.5,
    "provocative": 1.5, "provocation": 1.5, "reckless": 2, "irresponsible": 2,
    "betrayal": 2, "betray": 2, "abandon": 1.5, "catastrophic": 2, "disaster": 2,
    "disastrous": 2, "blow": 1, "setback": 1.5, "oppose": 2, "opposition": 1.5,
    "outrage": 2, "outrageous": 2, "anger": 1.5, "angry": 1.5, "fury": 2, "caution": 1,
    "warn": 1, "warning": 1, "grave": 1, "null": 1.5, "void": 1, "unilateral": 1,
    "counterproductive": 2, "harmful": 2, "damage": 1.5, "damaging": 1.5, "rebuke": 2,
    "backlash": 1.5, "objection": 1.5, "protest": 1, "deeply": 0.5, "sorry": 1,
    "serious consequences": 1.5, "win for": 1.5, "unfortunate": 1.5, "negative": 1,
    "indignation": 2, "reverse": 1.5, "reconsider": 1.5, "fail": 1, "failure": 1.5,
    "erroneous": 2, "flawed": 2, "hasty": 1.5, "abrupt": 1, "premature": 1.5,
    "isolate": 1, "isolated": 1, "irreversible": 1, "lament": 2, "nonsense": 2,
    "disrespect": 2, "insult": 2, "alive": 0.5, "worrying": 1.5, "warfare": 2, "aggression": 2,
    "aggressive": 1.5, "jeopardise": 1.5, "jeopardize": 1.5, "backwards": 1, "misguided": 2, "shock": 1.5,
    "shocked": 1.5, "wake-up call": 1.5, "sadness": 1.5, "dangerously": 1.5,
    "furious": 2, "livid": 2, "incensed": 2, "appalled": 2, "dismayed": 2, "troubled": 1.5, "unhappy": 1.5,
    "wary": 1, "sceptical": 1.5, "skeptical": 1.5, "critical of": 2, "uneasy": 1.5,
    "alarming": 1.5, "troubling": 1.5, "weaken": 1, "harm": 1.5, "hurt": 1,
    # condemning an act of force, and vowing to answer it
    "heinous": 2, "barbaric": 2, "brutal": 1.5, "cowardly": 2, "atrocity": 2, "evil": 1.5, "criminal": 1.5,
    "punish": 1.5, "revenge": 2, "retaliate": 1.5, "retaliation": 1.5, "avenge": 2, "vengeance": 2,
    "angrily": 1.5, "furiously": 2, "dismiss": 1.5,
    "devastating": 2, "horrific": 2, "cruel": 2, "appalling": 2, "disgraceful": 2, "heartbreaking": 2,
    "terrible": 1.5, "awful": 1.5, "tragic": 1.5, "dark day": 2, "sad day": 2, "horrendous": 2,
    "opposed": 2,  # "remained opposed to the move" (the adjective; the verb's lemma is "oppose")
    "are against": 2, "is against": 1.5, "am against": 2,
    "retaliatory": 2, "countermeasure": 1.5, "countermeasures": 1.5, "counter-measures": 1.5,
    "not recognise": 2, "not recognize": 2, "never recognise": 2, "never recognize": 2, "not allow": 1.5,
}
# Verbs that make a decision: their subject is who decided ("Washington decided"),
# and a headline clause built on one tells the event ("EU imposes sanctions"), not a reaction.
DECISION_VERBS = frozenset("""
decide announce declare order withdraw pull quit leave exit abandon scrap ditch recognise recognize
approve launch impose ban sign veto move
""".split())
# Cues that judge as adjectives, not as nouns naming things: "goods", "human
# rights" and "the right to return" judge nothing.
ADJECTIVE_CUES = frozenset("good right wrong correct positive negative bold wise brave grave".split())
# Every word or phrase that judges the event, either way.
JUDGING_CUES = frozenset(SUPPORT_CUES) | frozenset(OPPOSE_CUES)
# Commitment to what the event abandons ("China would uphold the pact"): opposes
# a withdrawal; the pipeline keeps these only for withdrawal events.
COMMITMENT_CUES: dict[str, float] = {
    "uphold": 1.5, "commitment": 1.5, "committed": 1.5, "commit": 1, "abide": 1.5, "honour": 1, "honor": 1,
    "preserve": 1.5, "safeguard": 1.5, "irreversible": 1.5, "remain in": 1.5, "stay in": 1.5, "stand by": 1.5,
    "implement": 1, "cannot be renegotiated": 2,
}
# Verbs that turn a threat into something fought, not feared ("counter threats").
COUNTERING_VERBS = frozenset("counter fight combat tackle defeat confront eliminate eradicate address".split())

# Cues of a deliberately neutral reaction: naming them gives a reason, not a polarity.
NEUTRAL_CUES = frozenset("""
calm restraint study examine monitor dialogue acknowledge note respect cautious measured silent mixed divided
""".split())

NEGATIONS = frozenset({"not", "no", "never", "n't", "neither", "nor", "without"})

# Titles and role words: they describe a person, they are not part of a name.
TITLE_WORDS = frozenset("""
president vice prime minister ministers chancellor secretary secretary-general senator senators
congressman congresswoman representative ambassador envoy spokesman spokeswoman spokesperson
king queen prince princess emir sheikh pope leader chief head governor mayor general admiral
commander chairman chairwoman chair director deputy mr mrs ms dr sir lord lady ayatollah
supreme speaker premier president-elect former retired acting first mp lawmaker legislator
commissioner executive foreign defence defense interior finance state affairs cabinet
ambassador-at-large counterpart chief-of-staff brigadier colonel major lieutenant sergeant
crown monarch sultan rep sen gov attorney justice judge high representative official
undersecretary under-secretary minister-president taoiseach
""".split())

# Seats of government that news uses for the government itself ("the Kremlin
# said", "Downing Street rejected"): the same speaker as "Moscow", "the Russian
# government" or "Russia", so they become the country's actor. Keys are folded
# (names.fold: lowercase, no accents), so "Élysée" is "elysee".
SEATS_OF_GOVERNMENT = {
    "kremlin": "RU", "white house": "US", "elysee": "FR", "elysee palace": "FR", "downing street": "GB", "number 10": "GB", "no 10": "GB", "zhongnanhai": "CN",
    "blue house": "KR", "palazzo chigi": "IT", "casa rosada": "AR", "palacio de la moneda": "CL",
    "la moneda": "CL", "planalto": "BR", "los pinos": "MX", "malacanang": "PH",
}
# Names of other bodies that belong to a country without naming it.
INSTITUTIONS = {
    "pentagon": "US", "state department": "US", "congress": "US", "us senate": "US",
    "whitehall": "GB", "foreign office": "GB", "bundestag": "DE", "knesset": "IL", "quai d'orsay": "FR",
    "duma": "RU",
}

# News organisations, and the last words that mark a name as one ("The Wall
# Street Journal", "TRT World"): the people they name are reporters.
MEDIA_NAMES = frozenset("""
reuters afp ap bloomberg bbc cnn xinhua tass efe ansa dpa kyodo yonhap irna isna wam sana
anadolu sputnik interfax trt trtworld euronews euobserver politico axios nbc cbs abc fox msnbc
npr pbs wion getty epa rex aljazeera
""".split()) | frozenset({"associated press", "agence france-presse", "al jazeera", "ria novosti"})
MEDIA_LAST_WORDS = frozenset("""
news times post journal herald tribune guardian telegraph gazette daily press television tv
radio channel newspaper magazine wire world standard observer chronicle images photos
""".split())
PLATFORMS = frozenset("twitter facebook instagram youtube telegram tiktok weibo x".split())
