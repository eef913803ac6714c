"""Reading articles from files: plain text, HTML, JSON and JSON Lines.

Each input becomes either an `ArticleInput` or a rejection that names the
file (and line) and says what is wrong with it, so one bad record never
hides the good ones next to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .errors import InvalidInput
from .models import ArticleInput

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES


def decode(data: bytes, what: str) -> str:
    """Decode UTF-8 bytes, or say clearly that the file is not UTF-8 text."""
    if b"\x00" in data[:8192]:
        raise InvalidInput(f"{what} is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{what} is not UTF-8 text (byte {exc.start})") from None


@dataclass(frozen=True)
class Item:
    """One input: an article, or why it was rejected."""

    origin: str
    article: ArticleInput | None = None
    error: str | None = None


def _validation_message(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]


def _loads(text: str) -> object:
    """JSON, where nesting too deep to parse is a JSON error like any other, not a crash."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, 0) from None


def _from_object(origin: str, obj: object) -> Item:
    if not isinstance(obj, dict):
        return Item(origin, error="expected a JSON object with 'text' or 'html'")
    try:
        return Item(origin, ArticleInput.model_validate(obj))
    except ValidationError as exc:
        return Item(origin, error=_validation_message(exc))


def _read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        with path.open("rb") as fh:
            for number, raw in enumerate(fh, start=1):
                where = f"{origin}:{number}"
                if not raw.strip():
                    continue
                if len(raw) > max_bytes:
                    yield Item(where, error=f"record of {len(raw):,} bytes; the limit is {max_bytes:,}")
                    continue
                try:
                    obj = _loads(decode(raw, f"line {number}"))
                except (json.JSONDecodeError, InvalidInput) as exc:
                    yield Item(where, error=f"not valid JSON: {exc}")
                    continue
                yield _from_object(where, obj)
        return
    size = path.stat().st_size
    if size > max_bytes:
        yield Item(origin, error=f"file of {size:,} bytes; the limit is {max_bytes:,}")
        return
    try:
        content = decode(path.read_bytes(), origin)
    except InvalidInput as exc:
        yield Item(origin, error=str(exc))
        return
    if suffix in JSON_SUFFIXES:
        try:
            data = _loads(content)
        except json.JSONDecodeError as exc:
            yield Item(origin, error=f"not valid JSON: {exc}")
            return
        records = data if isinstance(data, list) else [data]
        for n, obj in enumerate(records, start=1):
            yield _from_object(origin if len(records) == 1 else f"{origin}[{n}]", obj)
    elif suffix in HTML_SUFFIXES:
        yield Item(origin, ArticleInput(html=content, source=None))
    else:
        yield Item(origin, ArticleInput(text=content))


def read_sources(paths: Iterable[Path], max_bytes: int) -> Iterator[Item]:
    """Items from files and folders; folders are searched for known file types."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                raise InvalidInput(f"no articles in folder {path} (looked for {', '.join(sorted(KNOWN_SUFFIXES))})")
            for file in files:
                yield from _read_file(file, max_bytes)
        elif path.is_file():
            yield from _read_file(path, max_bytes)
        else:
            raise InvalidInput(f"{path} does not exist")
