"""Numbers, units and comparators in news text: "under two minutes", "all 12"."""

from __future__ import annotations

import re

from ..models import Comparator

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
    "half": 0.5,
    "several": 3,
    "few": 3,
}
#: Multipliers written as words: "1.2 million", "half a million"; Indian English
#: counts in lakhs (100,000) and crores (10,000,000): "3.15 lakh", "1.2 crore".
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "lakh": 1e5,
    "lakhs": 1e5,
    "million": 1e6,
    "crore": 1e7,
    "crores": 1e7,
    "billion": 1e9,
}
UNITS = {
    "second": 1,
    "seconds": 1,
    "minute": 60,
    "minutes": 60,
    "hour": 3600,
    "hours": 3600,
    "day": 86400,
    "days": 86400,
    "week": 604800,
    "weeks": 604800,
}
_LESS = (
    "less than",
    "under",
    "fewer than",
    "only",
    "just",
    "barely",
    "within",
    "up to",
)
_MORE = ("more than", "over", "at least", "upwards of")
_ABOUT = ("about", "around", "roughly", "some", "nearly", "almost", "approximately")


def number(text: str) -> float | None:
    """The number ``text`` spells: "1,600", "2.5", "fifteen"; digit groups may be
    Western ("315,235") or Indian ("3,15,235", "2,73,69,093"): commas only
    group, so both read the same."""
    cleaned = text.lower().replace(",", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        return float(NUMBERS[cleaned]) if cleaned in NUMBERS else None


def comparator(prefix: str) -> Comparator:
    prefix = prefix.lower()
    if any(prefix.endswith(w) for w in _LESS):
        return "lt"
    if any(prefix.endswith(w) for w in _MORE):
        return "ge" if prefix.endswith("at least") else "gt"
    if any(prefix.endswith(w) for w in _ABOUT):
        return "approx"
    return "eq"


_LEAD = re.compile(
    r"((?:less than|fewer than|more than|at least|about|around|only|just|"
    r"under|over|some|nearly|almost|barely)\s+)?"
    r"(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"fifteen|twenty|thirty|forty|fifty|several|few|half an?)\s+"
    r"(seconds?|minutes?|hours?|days?|weeks?)\s*$",
    re.I,
)


def duration_before(text: str) -> tuple[float, Comparator] | None:
    """Seconds and comparator of a duration ending ``text``: "only two minutes"."""
    match = _LEAD.search(re.sub(r"[\u201c\u201d\"']", "", text))
    if not match:
        return None
    amount = match.group(2).lower()
    value = 0.5 if amount.startswith("half") else number(amount)
    if value is None:
        return None
    return value * UNITS[match.group(3).lower()], comparator(
        (match.group(1) or "").strip()
    )
