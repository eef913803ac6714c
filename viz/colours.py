"""One colour per country, the same on every page.

A colour picked per page (alphabetical order into a palette) made the US
pink on one page and brown on the next. Here the colour is a function of the
ISO code alone: the code's index among the 676 two-letter codes walks the
hue circle by the golden angle, so codes that are neighbours in the alphabet
(AE, AF, AG, ...) land far apart, and three lightness levels separate the
codes whose hues still come close. Hues near the event's gold are skipped,
so a country is never mistaken for an event.
"""

from __future__ import annotations

import colorsys
import hashlib

_GOLDEN_ANGLE = 137.50776405003785
_LIGHTNESS = (0.30, 0.48, 0.64)
_SATURATION = (0.70, 0.60, 0.62)
_EVENT_HUE = 45.0  # the event star's gold (#f2b705)
_EVENT_HUE_GAP = 14.0


def _index(code: str) -> int:
    """0..675 for a two-letter code; any other string maps there by a stable hash."""
    code = code.upper()
    if len(code) == 2 and code.isascii() and code.isalpha():
        return (ord(code[0]) - 65) * 26 + (ord(code[1]) - 65)
    return int.from_bytes(hashlib.sha256(code.encode("utf-8")).digest()[:4], "big") % 676


def country_colour(code: str) -> str:
    """The colour of a country's nodes and legend key, as `#rrggbb`, derived from its code alone."""
    i = _index(code)
    # The circle less the band around the event's gold, so no two codes are pushed onto one hue.
    hue = (i * _GOLDEN_ANGLE) % 360.0 * (360.0 - 2 * _EVENT_HUE_GAP) / 360.0
    if hue >= _EVENT_HUE - _EVENT_HUE_GAP:
        hue += 2 * _EVENT_HUE_GAP
    r, g, b = colorsys.hls_to_rgb(hue / 360.0, _LIGHTNESS[i % 3], _SATURATION[i % 3])
    return "#{:02x}{:02x}{:02x}".format(round(r * 255), round(g * 255), round(b * 255))
