"""The data tables of ``ontology/data/``: countries (names, demonyms, capitals,
aliases, status, population) and given names with their sex."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..ontology import resource
from .errors import OntologyError


@dataclass(frozen=True)
class Country:
    """A state with the names the text may use for it."""

    name: str
    demonyms: tuple[str, ...]
    capital: str | None
    aliases: tuple[str, ...]
    status: str = "sovereign"  # "sovereign", "territory" or "former"
    population: int = 0


def country_key(name: str) -> str:
    """How the country index spells a name: lower case, without a leading "the"
    or accents ("YAOUNDE" is Yaoundé)."""
    key = unicodedata.normalize("NFKD", name.strip().lower())
    key = "".join(c for c in key if not unicodedata.combining(c))
    return key[4:] if key.startswith("the ") else key


def load_countries() -> tuple[Country, ...]:
    node = resource("data", "countries.tsv")
    if not node.is_file():
        raise OntologyError("ontology/data/countries.tsv is missing.")
    countries: list[Country] = []
    for number, line in enumerate(node.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith(("#", "name\t")):
            continue
        parts = line.split("\t")
        if len(parts) != 6 or parts[4] not in _STATUS_RANK:
            raise OntologyError(
                f"ontology/data/countries.tsv line {number}: expected 6 tab-separated "
                "columns (name, demonyms, capital, aliases, status, population) "
                "with status sovereign, territory or former."
            )
        name, demonyms, capital, aliases, status, population = parts
        if not population.isdigit():
            raise OntologyError(
                f"ontology/data/countries.tsv line {number}: population must be a "
                f"whole number, not '{population}'."
            )
        countries.append(
            Country(
                name=name,
                demonyms=tuple(d for d in demonyms.split("|") if d),
                capital=capital or None,
                aliases=tuple(a for a in aliases.split("|") if a),
                status=status,
                population=int(population),
            )
        )
    return tuple(countries)


def load_given_names() -> dict[str, str]:
    node = resource("data", "first-names.tsv")
    if not node.is_file():
        raise OntologyError("ontology/data/first-names.tsv is missing.")
    names: dict[str, str] = {}
    for number, line in enumerate(node.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith(("#", "name\t")):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[1] not in ("f", "m"):
            raise OntologyError(
                f"ontology/data/first-names.tsv line {number}: expected a name and "
                "f or m, tab-separated."
            )
        names[parts[0]] = parts[1]
    return names


#: Which row a name shared by several rows resolves to: a sovereign state before a
#: territory, a territory before a former state ("Indian" is India, not the
#: British Indian Ocean Territory); then the most populous ("Congolese").
_STATUS_RANK = {"sovereign": 0, "territory": 1, "former": 2}


def country_index(
    countries: tuple[Country, ...],
) -> tuple[dict[str, str], dict[str, str]]:
    index: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    countries = tuple(
        sorted(countries, key=lambda c: (_STATUS_RANK[c.status], -c.population))
    )
    # Names first, so a demonym or capital never shadows a country's own name.
    for country in countries:
        index.setdefault(country_key(country.name), country.name)
        index.setdefault(f"state of {country_key(country.name)}", country.name)
        for alias in country.aliases:
            if alias.replace(".", "").isupper() and len(alias) <= 5:
                acronyms.setdefault(alias, country.name)
                continue
            index.setdefault(country_key(alias), country.name)
            index.setdefault(f"state of {country_key(alias)}", country.name)
    for country in countries:
        for demonym in country.demonyms:
            index.setdefault(country_key(demonym), country.name)
        # Three-letter capitals ("Apia") are too often ordinary words.
        if country.capital and len(country.capital) > 3:
            index.setdefault(country_key(country.capital), country.name)
    return index, acronyms
