"""Resolving country names, demonyms and capitals to ISO 3166-1 alpha-2 codes.

Names, alternative spellings, capitals and demonyms come from maintained
packages (countryinfo and pycountry). Only conventional English forms those
packages lack ("Britain", "America", "Scottish") are added, from graph/words/.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

import pycountry
from countryinfo import CountryInfo

from .words import codes

How = Literal["name", "demonym", "capital"]

# Conventional English forms missing from countryinfo and pycountry: data files in graph/words/.
_EXTRA_NAMES = codes("country_names")
_EXTRA_DEMONYMS = codes("country_demonyms")
_EXTRA_CAPITALS = codes("country_capitals")
_CAPITAL_SUFFIX = re.compile(r"\s+D\.?C\.?$")


@dataclass(frozen=True)
class CountryMatch:
    """A surface form resolved to a country, and how it named it."""

    code: str
    how: How


def _key(surface: str) -> str:
    surface = surface.strip()
    if surface.lower().startswith("the "):
        surface = surface[4:]
    if surface.endswith("'s"):
        surface = surface[:-2]
    elif surface.endswith("'"):
        surface = surface[:-1]
    # Short forms (US, UK, UAE) are only matched in capitals: "us" is a pronoun.
    return surface if len(surface) <= 3 else surface.lower()


class Gazetteer:
    """Surface form -> country; built once from the packages' data."""

    def __init__(self) -> None:
        self._table: dict[str, tuple[CountryMatch, int]] = {}
        self._names: dict[str, str] = {}
        for info in CountryInfo("FR").all().values():
            code = (info.get("ISO") or {}).get("alpha2")
            if not code or pycountry.countries.get(alpha_2=code) is None:
                continue
            weight = int(info.get("population") or 0)
            name = info["name"]
            self._names.setdefault(code, name)
            self._add(name, code, "name", weight)
            iso_codes = {code, (info.get("ISO") or {}).get("alpha3")}
            for alt in info.get("altSpellings") or []:
                if alt not in iso_codes and (len(alt) >= 4 or alt.isupper()):
                    self._add(alt, code, "name", weight)
            capitals = info.get("capital") or []
            for capital in [capitals] if isinstance(capitals, str) else capitals:
                self._add(_CAPITAL_SUFFIX.sub("", capital), code, "capital", weight)
            demonym = info.get("demonym")
            if demonym:
                self._add(demonym, code, "demonym", weight)
                if demonym[-1] in "in":  # Israelis, Iranians; not "Frenchs"
                    self._add(demonym + "s", code, "demonym", weight)
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    self._add(value, country.alpha_2, "name", 0)
                    self._names.setdefault(country.alpha_2, value)
        for surface, code in _EXTRA_NAMES.items():
            self._add(surface, code, "name", 10**12)
        for surface, code in _EXTRA_CAPITALS.items():
            self._add(surface, code, "capital", 10**12)
        for surface, code in _EXTRA_DEMONYMS.items():
            if code:
                self._add(surface, code, "demonym", 10**12)
            else:
                self._table.pop(_key(surface), None)

    def _add(self, surface: str, code: str, how: How, weight: int) -> None:
        key = _key(surface)
        if not key:
            return
        known = self._table.get(key)
        # Names beat capitals and demonyms; among equals the larger country wins
        # ("French" is France, not Martinique).
        rank = (how == "name", weight)
        if known is None or rank > (known[0].how == "name", known[1]):
            self._table[key] = (CountryMatch(code, how), weight)

    def lookup(self, surface: str) -> CountryMatch | None:
        """Resolve a name ("Britain"), demonym ("British") or capital ("Moscow")."""
        hit = self._table.get(_key(surface))
        return hit[0] if hit else None

    def name(self, code: str) -> str:
        """The conventional English name of a country ("Russia", not "Russian Federation")."""
        return self._names.get(code, code)


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built in ~0.1 s on first use)."""
    return Gazetteer()
