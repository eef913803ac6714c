"""The extraction pipeline: article text in, event and reactions out."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from ..errors import InvalidInput
from ..countries import gazetteer
from ..models import Article, ArticleInput, EventDraft, Extraction, article_id
from .attribution import find_statements
from .roundups import is_name_line
from .event import HEADLINE_WEIGHT, agents, is_caption, seats_of, topic
from .headline import Casing, is_capitals, is_title_case
from .judge import EventView, StanceJudge
from .label import Headline, label
from .mentions import Registry
from .nlp import DEFAULT_MODEL, load_pipeline
from .policy import reactions
from .stance import LexiconJudge
from .text import Paragraph, check_text, normalise, paragraphs, read_html

DEFAULT_MAX_CHARS = 1_000_000
_TITLE_MAX = 200


_WORKER_BATCH = 8  # articles per task sent to a worker process
_worker: "Extractor | None" = None  # in a worker process: the extractor it inherited


def _adopt(extractor: "Extractor") -> None:
    global _worker
    _worker = extractor


def _extract_batch(articles: list[Article]) -> list[Extraction]:
    if _worker is None:
        raise RuntimeError("_extract_batch runs only in a worker process started by Extractor.extract_many")
    return list(_worker.extract_many(articles))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(frozen=True)
class _Job:
    article: Article
    paras: list[Paragraph]
    title_is_text: bool  # the title is the text's own first paragraph
    lines: list[str]  # the texts parsed, paragraphs then title (what Doc.text rebuilds token by token)


class Extractor:
    """Finds the event, the actors who reacted, their stances and quotes.

    Holds the loaded spaCy pipeline, so one instance serves many articles;
    `extract_many` streams articles through `nlp.pipe` for throughput. The
    stages, in order: paragraphs parsed into docs, the mentions registry,
    the event label, statements, the stance `judge` (the lexicon judge
    unless another is given), the policy step, the event's topic terms.
    """

    def __init__(self, model: str = DEFAULT_MODEL, max_chars: int = DEFAULT_MAX_CHARS,
                 judge: StanceJudge | None = None) -> None:
        self.nlp = load_pipeline(model)
        self.max_chars = max_chars
        self.judge: StanceJudge = judge if judge is not None else LexiconJudge()
        self._gazetteer = gazetteer()

    def prepare(self, item: ArticleInput) -> Article:
        """Normalise a submitted article (text or HTML) into a storable `Article`."""
        title, published, source, url = item.title, item.published, item.source, item.url
        if item.html is not None:
            if len(item.html) > self.max_chars * 4:
                raise InvalidInput(f"the HTML page has {len(item.html):,} characters; the limit is {self.max_chars * 4:,}")
            page = read_html(item.html)
            raw = page.text
            title, published = title or page.title, published or page.published
            source, url = source or page.source, url or page.url
        else:
            raw = item.text or ""
        text = check_text(raw, self.max_chars)
        if title is None:
            first = paragraphs(text)
            if len(first) >= 3 and len(first[0].text) <= _TITLE_MAX:
                title = first[0].text
        title, url, source = (normalise(" ".join(x.split())) or None if x else None for x in (title, url, source))
        return Article(id=article_id(text), title=title, url=url, published=published, source=source, text=text)

    def extract(self, article: Article) -> Extraction:
        """Extract one article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], n_process: int = 1, batch_size: int = 64) -> Iterator[Extraction]:
        """Extract many articles, in order, parsing them with `nlp.pipe`.

        With `n_process` > 1, whole articles go to that many worker
        processes, each parsing and analysing its own. (spaCy's own
        `n_process` parses in workers but leaves the analysis to this
        process, which then competes with them for the cores: 0.70x raw
        `nlp.pipe` throughput on 2 cores, against 0.8x and more this way.)
        """
        if n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
            yield from self._extract_in_workers(articles, n_process)
            return
        jobs: dict[int, _Job] = {}

        def units() -> Iterator[tuple[str, tuple[int, int]]]:
            for n, article in enumerate(articles):
                paras = paragraphs(article.text)
                title_is_text = bool(article.title) and bool(paras) and paras[0].text == article.title
                lines = [p.text for p in paras] + [article.title or (paras[0].text if paras else article.text)]
                if any(is_title_case(line) or is_capitals(line) for line in lines):
                    # The body's casing, not the headline's own capitals: "React" there is no name.
                    body = "\n\n".join(line for line in lines if not is_title_case(line) and not is_capitals(line))
                    casing = Casing(body, lambda word: self._gazetteer.lookup(word) is not None)
                    lines = [self._cased(casing, line, lines[i + 1] if i + 1 < len(lines) - 1 else "")
                             for i, line in enumerate(lines)]
                jobs[n] = _Job(article, paras, title_is_text, lines)
                for line in lines[:-1]:
                    yield line, (n, 0)
                yield lines[-1], (n, 1)

        current: list[Doc] = []
        for doc, (n, is_title) in self.nlp.pipe(units(), as_tuples=True, n_process=n_process, batch_size=batch_size):
            if not is_title:
                current.append(doc)
                continue
            job = jobs.pop(n)
            yield self._analyse(job, current, doc)
            current = []

    @staticmethod
    def _cased(casing: Casing, line: str, next_line: str) -> str:
        """The line as parsed: a line in capitals written as a name is ("PENNY WONG" is a name the NER
        can read), and a name line keeps its capitals, which a headline's lose."""
        if is_capitals(line):
            return casing.name_case(line)
        return line if is_name_line(line, next_line) else casing.sentence_case(line)

    def _extract_in_workers(self, articles: Iterable[Article], n_process: int) -> Iterator[Extraction]:
        # Forked workers inherit this extractor (the loaded model is shared, not reloaded).
        with multiprocessing.get_context("fork").Pool(n_process, initializer=_adopt, initargs=(self,)) as pool:
            for batch in pool.imap(_extract_batch, _batches(articles, _WORKER_BATCH)):
                yield from batch

    def _analyse(self, job: _Job, docs: list[Doc], title_doc: Doc) -> Extraction:
        registry = Registry([*docs, title_doc], self._gazetteer)
        title = job.article.title
        title_index = len(docs)
        lead = next((i for i, d in enumerate(docs)
                     if len(d) >= 12 and not (job.title_is_text and i == 0) and not is_caption(job.lines[i])), None)
        event_label = label(Headline(title, title_doc, docs[lead] if lead is not None else None))
        opening = " ".join(job.lines[:min(4, len(docs))])  # the headline and lead paragraphs name the event
        event = EventView(event_label, " ".join(x for x in (title, event_label, opening) if x), title or "",
                          docs[lead].text if lead is not None else "")
        statements = find_statements(docs, job.lines, job.paras, registry,
                                     (title_doc, title) if title and not job.title_is_text else None, self.judge, event,
                                     job.article.published.year if job.article.published else None)
        named: set[str] = set()  # the deciders named as themselves (`seats_of`)
        deciders = agents(title_index, title_doc, registry, named)
        lead_sentence = None  # where the lead tells the decision, in article offsets
        if lead is not None:
            deciders |= agents(lead, docs[lead], registry, named)
            first = next(iter(docs[lead].sents))
            lead_sentence = job.paras[lead].start + first.start_char, job.paras[lead].start + first.end_char
        deciders |= seats_of(named, registry)
        body = [(i, d, HEADLINE_WEIGHT if lead is not None and i <= lead else 1) for i, d in enumerate(docs)
                if not is_caption(job.lines[i]) and not (job.title_is_text and i == 0)]
        terms = topic([(title_index, title_doc, HEADLINE_WEIGHT), *body], registry)
        return Extraction(article=job.article, event=EventDraft(label=event_label, date=job.article.published, terms=terms),
                          reactions=reactions(job.article.text, statements, registry, deciders, lead_sentence,
                                              self.judge, event, named))
