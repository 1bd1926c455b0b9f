"""How related two statements are: content-word overlap and, for the rules
that pick one candidate (``select: best``), how plainly a rejection answers a
claim. SPARQL has no string similarity, so this is computed here."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rdflib.term import Node
from spacy.lang.en.stop_words import STOP_WORDS

from ...ontology.vocab import LEX
from ..lexicon import load_lexicon

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?")
#: Inflections dropped so "charged" and "charge" count as one word.
_SUFFIXES = ("ing", "ed", "es", "s", "e")


#: Irregular past forms of common verbs, so "found" meets "did not find" and
#: "paid" meets "did not pay" (English morphology, not a cue list).
_PAST = {
    "found": "find", "made": "make", "paid": "pay", "told": "tell", "said": "say",
    "knew": "know", "known": "know", "gave": "give", "given": "give",
    "took": "take", "taken": "take", "saw": "see", "seen": "see", "met": "meet",
    "sold": "sell", "bought": "buy", "brought": "bring", "thought": "think",
    "caught": "catch", "held": "hold", "kept": "keep", "sent": "send",
    "spent": "spend", "built": "build", "fought": "fight", "shot": "shoot",
    "struck": "strike", "fled": "flee", "broke": "break", "broken": "break",
    "stole": "steal", "stolen": "steal", "won": "win", "wrote": "write",
    "written": "write", "spoke": "speak", "spoken": "speak", "hid": "hide",
    "hidden": "hide", "drove": "drive", "driven": "drive", "threw": "throw",
    "thrown": "throw", "began": "begin", "begun": "begin", "ran": "run",
}  # fmt: skip


def _stem(word: str) -> str:
    word = _PAST.get(word, word)
    for suffix in _SUFFIXES:
        # A final "e" only off longer words: "charge" as "charged", "plane" kept.
        least = 5 if suffix == "e" else 4
        if word.endswith(suffix) and len(word) - len(suffix) >= least:
            return word[: -len(suffix)]
    return word


def _words(text: str, names: bool = True) -> set[str]:
    """Content words (spaCy's English stop words left out), lightly stemmed;
    with ``names=False`` capitalised words after the first are left out too."""
    found = _WORD.findall(text)
    words = (
        w.lower().replace("’", "'").removesuffix("'s")
        for n, w in enumerate(found)
        if names or n == 0 or not w[:1].isupper()
    )
    return {
        _stem(w)
        for w in words
        if (len(w) >= 4 or w[0].isdigit()) and w not in STOP_WORDS and "n't" not in w
    }


def word_overlap(first: str, second: str, *, names: bool = True) -> float:
    """Share of the shorter text's words (4+ letters, or numbers) the other has.

    Short and function words are left out; 0 when either text has fewer than
    two such words: short quotes ("the account") say too little to be one
    statement. ``names=False`` leaves out names ("Israel", "Russian"): two
    statements naming the same parties are not thereby about one proposition.
    """
    one, two = _words(first, names), _words(second, names)
    if min(len(one), len(two)) < 2:
        return 0.0
    return len(one & two) / min(len(one), len(two))


_HYPHENED = re.compile(r"(?i)\b(?:non|un)-[^\W\d_]+")
#: Negating prefixes, with the least length of the word they negate: "in" only
#: before longer words, so "inform" is no negated "form" ("inaccurate" is).
_NEGATING = (("non", 4), ("un", 4), ("in", 5), ("im", 5), ("il", 5), ("ir", 5))


def antonymous(first: str, second: str) -> bool:
    """Whether one text holds a negated form of a word of the other: "he was
    unarmed" and "the man was armed", "illegal" and "legal". The other text
    is the evidence that the rest of the word is a word."""
    one, two = _negatable(first), _negatable(second)
    return bool(one[0] & two[1] or two[0] & one[1])


@lru_cache(maxsize=4096)
def _negatable(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(stems a word of ``text`` negates, stems of its content words); a rule
    compares each statement with many others, so each text is read once."""
    hyphened = {w.replace("-", "").lower() for w in _HYPHENED.findall(text)}
    words = {w.lower().replace("’", "'") for w in _WORD.findall(text)} | hyphened
    negated = frozenset(
        _stem(word[len(prefix) :])
        for word in words
        for prefix, least in _NEGATING
        if word.startswith(prefix) and len(word) - len(prefix) >= least
    )
    return negated, frozenset(_stem(w) for w in words if w not in STOP_WORDS)


def _negators() -> frozenset[str]:
    """Words that negate what follows them: the lexicon's negation words and
    negative quantifiers (``factuality.ttl``)."""
    lx = load_lexicon()
    return lx.negation | lx.negative_quantifiers


def negated_apart(first: str, second: str) -> bool:
    """Whether the words the two texts share are negated in the first only:
    "there was no health risk" against "tests found no evidence of health
    risks" negate the same words and agree."""
    shared = _words(first, names=False) & _words(second, names=False)
    if not shared:
        return True
    found = [w.lower().replace("’", "'") for w in _WORD.findall(second)]
    negators = _negators()
    for n, word in enumerate(found):
        if _stem(word) in shared and not any(
            w in negators or w.endswith("n't") for w in found[max(0, n - 8) : n]
        ):
            return True
    return False


def _negated_words(text: str, shared: set[str]) -> set[str]:
    """Which of ``shared`` ``text`` negates right before them ("was never
    closed", "did not close")."""
    found = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    negators = _negators()
    return {
        _stem(word)
        for n, word in enumerate(found)
        if _stem(word) in shared
        and any(w in negators or w.endswith("n't") for w in found[max(0, n - 3) : n])
    }


def agrees_with_denial(denied: str, claim: str) -> bool:
    """Whether ``claim`` itself negates what a denial's content says: "denied
    that it had closed the pier" and "the pier was never closed" agree."""
    shared = _words(denied, names=False) & _words(claim, names=False)
    return bool(_negated_words(claim, shared)) and not _negated_words(denied, shared)


#: ``# require:`` tests by name (see :mod:`graph.detect.rules`).
REQUIRES = {"antonym": antonymous, "negated-apart": negated_apart}


#: A candidate must relate to the statement at least this much to be kept.
MIN_RELEVANCE = 0.3


#: Cue classes of claims a bare "the allegations" most likely answers.
_ALLEGING = frozenset({str(LEX.Claim), str(LEX.Accuse), str(LEX.Blame)})


def _figures() -> frozenset[str]:
    """Stems of words for numbers a rejection may call untrue ("the figures"):
    the counts' ``ckg:figureNoun`` words (``aspects.ttl``)."""
    lx = load_lexicon()
    return frozenset(
        _stem(word)
        for aspect in lx.aspects.values()
        for word in aspect.word_list("figureNoun")
    )


def _innocence() -> frozenset[str]:
    """Stems of the words of a plea of innocence (``ckg:Innocence``)."""
    return frozenset(_stem(word) for word in load_lexicon().innocence)


#: How far back (characters) a rejection that names no content looks for the
#: claim it answers; closer claims score higher.
_REACH = 3000


def _surname(label: object, text: str) -> bool:
    """A person named by the last word of their name ("Dorsey's fiction" for
    "Jack Dorsey"), capitalised in ``text`` and at least four letters long."""
    if label is None:
        return False
    words = str(label).split()
    last = words[-1] if len(words) >= 2 else ""
    found = {w.replace("’", "'").removesuffix("'s") for w in _WORD.findall(text)}
    return len(last) >= 4 and last[:1].isupper() and last in found


def _names(label: str, text: str, said: set[str]) -> bool:
    """Whether ``text`` names the actor ``label``: all its words; a one-word
    name only as an owner or agent ("Pakistan's military", "a claim by
    Pakistan"), since "Russian territory" names a place, not the party."""
    words = _words(label)
    if not words or not words <= said:
        return False
    if len(words) > 1:
        return True
    found = _WORD.findall(text)
    for n, word in enumerate(found):
        stem = _stem(word.lower().replace("’", "'").removesuffix("'s"))
        if stem in words and (
            word.endswith(("'s", "’s"))
            or n > 0
            and found[n - 1].lower() in ("by", "from", "of")
            or n > 1
            and found[n - 2].lower() in ("by", "from")
        ):
            return True
    return False


def relevance(row: dict[str, Any]) -> float:
    """How plainly ``?a1`` answers ``?a2``.

    1 when ``?a1`` names ``?a2``'s speaker or party: in its words ("the claim
    made by Pakistan's military") or as whose claim it rejects
    (``?target1``), plus the share of the shorter text's content words the two
    share. A rejection naming no content of its own (``?refersBack1``: "the
    allegations are false") answers a claim told before it: the threshold,
    plus a little for an allegation and for being closer.
    """
    first, second = str(row["value1"]), str(row["value2"])
    said = _words(first)
    # A name counts when all its words are there: "Financial Times", not "Times"
    # alone for "New York Times Co.".
    named = any(
        _names(str(row[key]), first, said)
        for key in ("speaker2", "party2")
        if row.get(key) is not None
    ) or _surname(row.get("speaker2"), first)
    target = row.get("target1")
    if target is not None and target in (row.get("s2"), row.get("p2")):
        named = True
    if row.get("targetParty1") is not None and row.get("targetParty1") == row.get("p2"):
        named = True
    # "Prosecutors allege that Lind lied": a claim naming the rejecting
    # speaker accuses them, and is what "maintained her innocence" answers.
    before = row.get("at1") is not None and 0 < int(row["at1"]) - int(
        row.get("at2") or 0
    )
    accused = (
        before
        and row.get("speaker1") is not None
        and row.get("refersBack1") is not None
        and (
            bool(label := _words(str(row["speaker1"])))
            and label <= _words(second)
            or _surname(row.get("speaker1"), second)
        )
    )
    # A claim that also calls other figures untrue ("fewer than half a million,
    # a fraction of the inflated figures") still gives its own figure.
    if row.get("rejecting2") is not None and not accused and row.get("number2") is None:
        # A rejection answers a claim, not another rejection, unless that one
        # accused the speaker before ("she lied", then "maintained her innocence").
        return 0.0
    if row.get("refersBack1") is None and agrees_with_denial(first, second):
        return 0.0  # "denied it closed the pier" / "the pier was never closed"
    if (
        not accused
        and row.get("refersBack1") is not None
        and said & _innocence()
        and str(row.get("verb2")) not in _ALLEGING
    ):
        # A plea ("pleaded not guilty", "maintained her innocence") answers an
        # accusation: a claim naming the speaker, or one alleged, not the
        # co-defendant's account or a witness's told just before it.
        return 0.0
    named = named or accused
    score = (1.0 if named else 0.0) + word_overlap(first, second)
    if row.get("number2") is not None and said & _figures():
        score += 0.2  # "the figures are laughable" answers a claim with a number
    if row.get("at1") is None:
        return score
    distance = int(row["at1"]) - int(row.get("at2") or 0)
    if 0 < distance <= _REACH:
        if row.get("refersBack1") is not None:
            score += MIN_RELEVANCE + 0.1 * (1 - distance / _REACH)
            score += 0.05 if str(row.get("verb2")) in _ALLEGING else 0.0
        elif named:
            # Of the named party's claims, the one told just before is answered.
            score += 0.01 * (1 - distance / _REACH)
    return score


def best(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For each ``?a1``, its most relevant ``?a2`` (ties: the lowest IRI)."""
    chosen: dict[Node, tuple[float, str, dict[str, Any]]] = {}
    for row in rows:
        score = relevance(row)
        if score < MIN_RELEVANCE:
            continue
        held = chosen.get(row["a1"])
        other = str(row["a2"])
        if held is None or (score, held[1]) > (held[0], other):
            chosen[row["a1"]] = (score, other, row)
    return [row for _, _, row in chosen.values()]
