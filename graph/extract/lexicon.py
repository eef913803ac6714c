"""The word lists extraction reads, by the names the code uses.

The lists themselves are data files in graph/words/ (one per list, each
with a header saying what belongs in it); this module only names them, so
a call site reads `lexicon.SPEECH_VERBS` and a reviewer finds the words in
graph/words/speech_verbs.txt. General English news lexicons, not lists of
the people or phrases of any particular article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..words import codes, entries, weights, words


def alternation(items: Iterable[str]) -> str:
    """A regular expression's alternatives for a word list's entries, escaped, the longest first (so "in
    response to" is tried before "in response")."""
    return "|".join(sorted((re.escape(w) for w in items), key=len, reverse=True))


SPEECH_VERBS = words("speech_verbs")
SPEECH_NOUNS = words("speech_nouns")
COURTESY_NOUNS = words("courtesy_nouns")  # "extended its congratulations": given in reaction, to a person
GIVING_VERBS = words("giving_verbs")  # "offered condolences": a courtesy given (courtesy nouns only)
SORROW_FOR = words("sorrow_for")  # "sympathy": oppose only as sorrow for the harmed
HARMED_NOUNS = words("harmed_nouns")  # "victims", "families", "deaths": whom sorrow is for
TOWN_NOUNS = words("town_nouns")  # "greetings from Tartu, her home town": a place, no speaker
THANKING_NOUNS = words("thanking_nouns")  # "gave her thanks to the voters": the agent answering helpers
PHRASAL_SPEECH_VERBS = words("phrasal_speech_verbs")  # "speak out": lemma and particle
UNNAMED_HEADS = words("unnamed_heads")
SUPPORT_CUES = weights("support_cues")
OPPOSE_CUES = weights("oppose_cues")
COMMITMENT_CUES = weights("commitment_cues")
NEUTRAL_CUES = words("neutral_cues")
WATCHING_PHRASES = words("watching_phrases")  # "following the case closely": neutral where the speaker watches
WATCHING_SUBJECTS = words("watching_subjects")  # "we", "her office": a watcher who is the speaker's own side
SETTLING_PHRASES = words("settling_phrases")  # "de-escalation": neutral where it is called for
PARTY_NOUNS = words("party_nouns")  # "both sides", "all parties": a settling phrase asked of them is a call
CALLING_VERBS = words("calling_verbs")  # "urged", "called for": what a settling phrase must be under
ADJECTIVE_CUES = words("adjective_cues")
HOPING_CUES = words("hoping_cues")  # "hope the deal will hold": a welcome, unless the hope is that it ends
HOPING_PHRASES = words("hoping_phrases")  # "look forward to ...": the hope lemma, checked like one
HARM_NOUNS = words("harm_nouns")  # "a step towards a crisis": a step to harm praises nothing
GLOOM_WORDS = words("gloom_words")  # "a grim milestone": a praise noun they modify praises nothing
EVENT_STANDINS = words("event_standins")  # "the deal", "the move": a subject that stands for the event
MOURNING_WORDS = words("mourning_words")  # "condolences": oppose only the harm they mourn
OTHER_MARKERS = words("other_markers")  # "an unrelated accident": not the event
PREDICATED_CUES = words("predicated_cues")  # "was a success": praise of its subject
PRAISE_CUES = words("praise_cues")  # "a milestone", "bode well": cues only when said of the event, negation read
ENDING_WORDS = words("ending_words")
CALLING_WORDS = words("calling_words")  # a hope that "all sides" calm down or talk: a call, no welcome
# Every word or phrase that judges the event, either way.
JUDGING_CUES = frozenset(SUPPORT_CUES) | frozenset(OPPOSE_CUES)
COUNTERING_VERBS = words("countering_verbs")
FUTILE_WORDS = words("futile_words")  # "failed to dispel fears", "nothing could resolve": the fear stands
POINTING_WORDS = words("pointing_words")  # "refrain from this escalation": may be the event itself
DECISION_VERBS = words("decision_verbs")
COUNTERMEASURE_VERBS = words("countermeasure_verbs")
DECISION_NOUNS = words("decision_nouns")
LEAVING_WORDS = words("leaving_words")
WITHDRAWAL_PHRASES = entries("withdrawal_phrases")  # in the file's order, for one regular expression
REACTING_WORDS = words("reacting_words")
ELICITING_VERBS = words("eliciting_verbs")  # "X sparked outrage": X is the event
REACTOR_NOUNS = words("reactor_nouns")
STANCE_HOLDERS = words("stance_holders")
OWN_ACT_VERBS = words("own_act_verbs")
ANSWERING_PHRASES = words("answering_phrases")  # "Peru recalls envoy after ...": a headline's act answering another
ANSWERING_ADVERBIALS = words("answering_adverbials")  # "in response": a sentence's act answering another
GOVERNMENT_ORGANS = words("government_organs")
OWN_ACCOUNT_ORGANS = words("own_account_organs")  # a court, a central bank: not the government
AGENT_LINKS = words("agent_links")  # "Trump and Kim", "Bank of England" in a label's opening names
NAME_LINKS = words("name_links")  # "Bank of Japan": inside one name
GENERIC_TERMS = words("generic_terms")
LABEL_DROPPED_PREPOSITIONS = words("label_dropped_prepositions")
PLAIN_SPEECH = words("plain_speech")
TITLE_WORDS = words("title_words")
RANK_MODIFIERS = words("rank_modifiers")  # "vice", "deputy", "former": another office than the bare title
VOICE_WORDS = words("voice_words")
LEADING_VERBS = words("leading_verbs")
ISSUING_VERBS = words("issuing_verbs")
JOINING_VERBS = words("joining_verbs")
DECLINING_WORDS = words("declining_words")  # "did not respond", "no comment", "silence"
REFUSING_VERBS = words("refusing_verbs")  # "declined to say", "refused to sign": the act after "to" not done
POSITION_VERBS = words("position_verbs")  # "does not support": a denial that is itself a position
PROMPT_ADJECTIVES = words("prompt_adjectives")
FOLLOWING_PHRASES = words("following_phrases")  # "follow suit": lemma and the object or adverb
STATE_HEADS = words("state_heads")
BODY_HEADS = words("body_heads")
BODY_NAME_WORDS = words("body_name_words")
STATE_ORGANS = words("state_organs")
HEADLINE_CLAUSE_BREAKS = words("headline_clause_breaks")
POSTED_TITLES = words("posted_titles")
INTERNATIONAL_BODIES = words("international_bodies")
MEDIA_NAMES = words("media_names")
MEDIA_LAST_WORDS = words("media_last_words")
MEDIA_DESCRIPTIONS = words("media_descriptions")
MEDIA_TRADES = words("media_trades")  # descriptions that are also a person's trade
PLATFORMS = words("platforms")
NAME_LINE_TAILS = words("name_line_tails")  # "in a statement" after a round-up's name line
CAPTION_MARKERS = words("caption_markers")  # "President X at the summit", "X (left)": a caption, no name line
MONTHS = words("months")
WEEKDAYS = words("weekdays")
TAIL_DETERMINERS = words("tail_determiners")  # "in a statement", "on her page"
REPORTER_TITLES = words("reporter_titles")  # "Staff Writer" on a byline
NAME_PARTICLES = words("name_particles")
SEATS_OF_GOVERNMENT = codes("seats_of_government")
INSTITUTIONS = codes("institutions")
BODY_POSTS = words("body_posts")  # "chairman": held inside a body, so its holder is of the body's country
STATE_ABBREVIATIONS = words("state_abbreviations")  # "PRC": a state's before its organs, a company's letters else
PARTY_COUNTRIES = codes("party_countries")  # "Republican": America's, to confirm a "Congress" is
SHARED_INSTITUTION_NAMES = words("shared_institution_names")  # "Congress": another state's body too
SUBDIVISIONS = codes("subdivisions")
STATE_LEADERS = codes("state_leaders")
STATE_OFFICIALS = codes("state_officials")  # foreign ministers, spokespeople, defence ministers, UN envoys
LEADER_TITLES = words("leader_titles")  # "Prime Minister Mark Phillips": a listed name, though common
INTERNATIONAL_OFFICIALS = words("international_officials")  # "Draghi": Italy's only as "Prime Minister Draghi"
BODY_SHARED_TITLES = words("body_shared_titles")  # "President": an ECB's as well as a state's
COMMON_SURNAMES = words("common_surnames")  # "Khan", "Lee", "May": no one leader by surname alone
OFFICE_COUNTRIES = codes("office_countries")
PAST_UNITS = words("past_units")  # "two years ago", "last year": said well before the event
HESITATING_VERBS = words("hesitating_verbs")  # "did not hesitate to condemn": the cue stands
ADDING_ADVERBS = words("adding_adverbs")  # "not just wrong": the cue stands
HARM_EVENTS = words("harm_events")  # "derails", "quake", "kills": a headline of a harm, which sorrow mourns
PAST_MARKERS = words("past_markers")  # "last month's floods": a harm dated before the event
DERIVATIONAL_SUFFIXES = words("derivational_suffixes")  # "derailment" / "derails": one stem
