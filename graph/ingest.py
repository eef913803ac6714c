"""Ingesting articles: extraction, then one store transaction per article."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .errors import InvalidInput
from .extract import Extractor, paragraphs
from .models import Article, ArticleInput, Extraction
from .store import IngestResult, Store


# Articles extracted before any is stored, so that their topic terms are
# counted together (see graph.event_match); bounds the extractions held in memory.
TERM_BATCH = 500


@dataclass
class IngestSummary:
    """What an ingest run added, skipped and rejected."""

    articles: int = 0
    duplicates: int = 0
    events: int = 0
    actors: int = 0
    reactions: int = 0
    results: list[IngestResult] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)

    def add(self, result: IngestResult) -> None:
        """Count one stored article."""
        self.results.append(result)
        if not result.created:
            self.duplicates += 1
            return
        self.articles += 1
        self.events += result.event_created
        self.actors += result.actors_added
        self.reactions += result.reactions_added


def prepare(extractor: Extractor, item: ArticleInput, max_paragraphs: int) -> Article:
    """Normalise a submitted article, refusing one that would cost too much to extract.

    Each paragraph is parsed on its own, at a fixed cost (~5 ms) whatever
    its size: 10,000 one-word paragraphs cost 46 s though the text is
    small, so the paragraphs are bounded as the characters are.
    """
    article = extractor.prepare(item)
    count = len(paragraphs(article.text))
    if count > max_paragraphs:
        raise InvalidInput(f"the text has {count:,} paragraphs; the limit is {max_paragraphs:,}")
    return article


def prepare_all(extractor: Extractor, items: Iterable[tuple[str, ArticleInput]],
                summary: IngestSummary, max_paragraphs: int) -> list[Article]:
    """Normalise submitted articles, recording the ones that cannot be used."""
    articles = []
    for origin, item in items:
        try:
            articles.append(prepare(extractor, item, max_paragraphs))
        except InvalidInput as exc:
            summary.rejected.append(f"{origin}: {exc}")
    return articles


def ingest(articles: list[Article], extractor: Extractor, store: Store, *, event_id: str | None = None,
           n_process: int = 1, summary: IngestSummary | None = None,
           progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Extract and store `articles`; texts already stored are not extracted again."""
    summary = summary or IngestSummary()
    if event_id is not None:
        store.event(event_id)  # NotFound before any work is done
    known = store.known_articles([a.id for a in articles])
    fresh: dict[str, Article] = {}
    for article in articles:
        if article.id in known or article.id in fresh:
            summary.add(IngestResult(article.id, known.get(article.id, ""), False, False, 0, 0))
            if progress:
                progress(1)
        else:
            fresh[article.id] = article
    batch: list[Extraction] = []

    def flush() -> None:
        for result in store.add_many(batch, event_id=event_id):  # every article of the batch informs the matching of each
            summary.add(result)
            if progress:
                progress(1)
        batch.clear()

    for extraction in extractor.extract_many(fresh.values(), n_process=n_process):
        batch.append(extraction)
        if len(batch) >= TERM_BATCH:
            flush()
    flush()
    return summary
