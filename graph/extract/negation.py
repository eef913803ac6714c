"""Whether a negation denies a stance cue: the "not" that governs the cue itself ("does not welcome", "is
not a mistake"), not one elsewhere in the clause ("must not lose sight of the threat"), nor the "not just"
that adds to it. Its own module because both the cue finder (stance.py) and the readers of praise
(praise.py) ask it.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon

_GOVERNED = {"attr", "acomp", "dobj", "oprd", "xcomp", "ccomp"}


def _denies(neg: Token, cue: Token) -> bool:
    """A "not" that denies, not the "not just" / "not only" that adds to what is said of the event ("is
    not just wrong, it is cruel", "not merely a mistake", "not simply misguided": the cue and more, so its
    side stands). On a verb of acting the same words still refuse ("will not simply welcome a deal
    that...", "cannot just accept"); a participle is said of the event ("not just misguided")."""
    nxt = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return nxt is None or nxt.lower_ not in lexicon.ADDING_ADVERBS or cue.tag_ in ("VB", "VBP", "VBZ", "VBD", "VBG")


def _introduces(tok: Token) -> bool:
    """A clause that introduces what follows it, parsed as that quote's complement: "The ministry welcomed
    the accord: 'It will not be easy'" hangs "welcomed" under the quote's "be", whose "not" is the quote's
    own and does not deny the welcome. A complement comes after the verb it completes ("does not think
    they should condemn it"); one before it (after a colon or not) is the speaker's own clause."""
    return tok.dep_ == "ccomp" and tok.i < tok.head.i


def negated(tok: Token) -> bool:
    """Whether a negation denies the cue `tok`: one on the cue, on the verb that governs it (not a verb of
    hesitating, nor a quote's own "not" over the clause that introduces it), or "no"/"not"/"never" just
    before it."""
    if any(c.dep_ == "neg" and _denies(c, tok) for c in tok.children):
        return True
    if tok.dep_ in _GOVERNED and any(c.dep_ == "neg" and _denies(c, tok) for c in tok.head.children) \
            and tok.head.lemma_.lower() not in lexicon.HESITATING_VERBS \
            and not _introduces(tok):  # (not "did not hesitate to condemn")
        return True
    doc = tok.doc
    for j in (tok.i - 1, tok.i - 2):
        if j >= tok.sent.start and doc[j].lower_ in ("no", "not", "never", "n't") and (j == tok.i - 1 or doc[j + 1].pos_ == "DET"):
            return True
    return False
