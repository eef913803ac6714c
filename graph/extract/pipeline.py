"""The extraction pipeline: article text in, event and reactions out."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from ..errors import InvalidInput
from ..models import (Article, ArticleInput, EventDraft, ExtractedActor, ExtractedReaction,
                      Extraction, article_id)
from . import lexicon
from .attribution import Statement, find_statements
from ..countries import gazetteer
from .event import (HEADLINE_WEIGHT, agents, decision_phrase, headline_event, is_caption, is_roundup, is_withdrawal,
                    label_from, reacted_after, reacted_to, topic)
from .headline import Casing, is_title_case
from .mentions import Candidate, Registry
from .nlp import DEFAULT_MODEL, load_pipeline
from .stance import decide, for_event
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
    `extract_many` streams articles through `nlp.pipe` for throughput.
    """

    def __init__(self, model: str = DEFAULT_MODEL, max_chars: int = DEFAULT_MAX_CHARS) -> None:
        self.nlp = load_pipeline(model)
        self.max_chars = max_chars
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
                if any(map(is_title_case, lines)):
                    # The body's casing, not the headline's own capitals: "React" there is no name.
                    body = "\n\n".join(line for line in lines if not is_title_case(line))
                    casing = Casing(body, lambda word: self._gazetteer.lookup(word) is not None)
                    lines = [casing.sentence_case(line) for line in lines]
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

    def _extract_in_workers(self, articles: Iterable[Article], n_process: int) -> Iterator[Extraction]:
        # Forked workers inherit this extractor (the loaded model is shared, not reloaded).
        with multiprocessing.get_context("fork").Pool(n_process, initializer=_adopt, initargs=(self,)) as pool:
            for batch in pool.imap(_extract_batch, _batches(articles, _WORKER_BATCH)):
                yield from batch

    def _analyse(self, job: _Job, docs: list[Doc], title_doc: Doc) -> Extraction:
        registry = Registry([*docs, title_doc], self._gazetteer)
        title = job.article.title
        statements = find_statements(docs, job.lines, job.paras, registry,
                                     (title_doc, title) if title and not job.title_is_text else None)
        title_index = len(docs)
        lead = next((i for i, d in enumerate(docs)
                     if len(d) >= 12 and not (job.title_is_text and i == 0) and not is_caption(job.lines[i])), None)
        roundup = bool(title) and is_roundup(title)
        label_doc = title_doc
        if roundup and lead is not None:
            label_doc = docs[lead]  # "World reacts to ..." names the reactions, the lead names the event
        deciders = agents(title_index, title_doc, registry)
        lead_sentence = None  # where the lead tells the decision, in article offsets
        if lead is not None:
            deciders |= agents(lead, docs[lead], registry)
            first = next(iter(docs[lead].sents))
            lead_sentence = job.paras[lead].start + first.start_char, job.paras[lead].start + first.end_char
        body = [(i, d, HEADLINE_WEIGHT if lead is not None and i <= lead else 1) for i, d in enumerate(docs)
                if not is_caption(job.lines[i]) and not (job.title_is_text and i == 0)]
        terms = topic([(title_index, title_doc, HEADLINE_WEIGHT), *body], registry)
        label = decision_phrase(title_doc) or (reacted_to(title_doc) if roundup else None) \
            or (decision_phrase(docs[lead]) if lead is not None else None) \
            or (headline_event(title) or reacted_after(title_doc) if roundup else None) or label_from(label_doc)
        event = EventDraft(label=label, date=job.article.published, terms=terms)
        opening = " ".join(job.lines[:min(4, len(docs))])  # the headline and lead paragraphs name the event
        withdrawal = is_withdrawal(" ".join(x for x in (job.article.title, event.label, opening) if x))
        speakers = _by_speaker(statements, registry)
        reactions = tuple(self._reaction(job.article.text, registry.candidates[key], stmts, key in deciders,
                                         withdrawal) for key, stmts in speakers.items()
                          if not (key in deciders and _only_announces(stmts, lead_sentence)))
        return Extraction(article=job.article, event=event, reactions=reactions)

    @staticmethod
    def _reaction(text: str, cand: Candidate, stmts: list[Statement], decider: bool,
                  withdrawal: bool) -> ExtractedReaction:
        cues = for_event([c for s in stmts for c in s.cues], withdrawal)
        stance, confidence, cue = decide(cues)
        reason = cue.text if cue else next((s.neutral for s in stmts if s.neutral), None) or "no stance cue"
        if decider:
            # Who made the decision stands by it; what they condemn is what they acted against
            # ("the countries had failed to stop the flow of fentanyl", "a disastrous deal").
            if stance != "support":
                reason = "defends own decision"
            stance, confidence = "support", max(confidence, 0.7) if stance == "support" else 0.7
        chosen = stmts[0]
        if cue is not None:
            chosen = next((s for s in stmts if s.start <= cue.start < s.end), max(
                stmts, key=lambda s: sum(c.weight for c in s.cues) * (1 if stance == "support" else -1)))
        start, end = chosen.start, chosen.end
        evidence = text[start:end]
        if chosen.quote is not None:  # from a title that is not part of the text: no span to point at
            evidence, start, end = chosen.quote, 0, 0
        actor = ExtractedActor(name=cand.name, kind=cand.kind, country=cand.country, role=cand.role,
                               organization=cand.organization,
                               aliases=tuple(sorted(a for a in cand.aliases if a != cand.name)))
        return ExtractedReaction(actor=actor, stance=stance, confidence=confidence,
                                 evidence=evidence, span=(start, end), cue=reason)


def _only_announces(stmts: list[Statement], lead_sentence: tuple[int, int] | None) -> bool:
    """The decision-maker only announced the decision: that is the event, not a reaction to it.

    Announcing words anywhere ("Trump announced the withdrawal"), and, in
    the lead's first sentence, plain "said" about what the speaker will do,
    without a stance cue: that tells the decision itself ("Trump said on
    Tuesday he would halt funding to the WHO"; not "Trump said the funds
    were wasted" or "said they have defeated ISIS", a defence of it).
    """
    def announces(stmt: Statement) -> bool:
        words = {w.strip().lower() for w in stmt.trigger.split(",")}
        if all(w.startswith(("announc", "declar", "decid", "unveil")) for w in words):
            return True
        return lead_sentence is not None and lead_sentence[0] <= stmt.start < lead_sentence[1] \
            and words <= lexicon.PLAIN_SPEECH and stmt.about_self and not stmt.cues

    return all(map(announces, stmts))


def _by_speaker(statements: list[Statement], registry: Registry) -> dict[str, list[Statement]]:
    """Statements grouped by speaker, less headlines that sum up a more specific speaker.

    "Israel supportive of strike" over "Netanyahu said he backed it": the
    country of the headline reacts through the person or body the text
    quotes, which is the reaction to keep.
    """
    grouped: dict[str, list[Statement]] = {}
    for stmt in statements:
        grouped.setdefault(stmt.key, []).append(stmt)
    quoted = {registry.candidates[key].country for key, stmts in grouped.items()
              if registry.candidates[key].kind != "country" and not all(s.headline for s in stmts)}
    return {key: stmts for key, stmts in grouped.items()
            if not (registry.candidates[key].kind == "country" and registry.candidates[key].country in quoted
                    and all(s.headline for s in stmts))}
