"""Extraction of events, actors, stances and quotes from English news text."""

from .nlp import DEFAULT_MODEL
from .pipeline import DEFAULT_MAX_CHARS, Extractor

__all__ = ["DEFAULT_MAX_CHARS", "DEFAULT_MODEL", "Extractor"]
