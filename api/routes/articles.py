"""Articles: ingest, list, read, delete."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app

from werkzeug.exceptions import ServiceUnavailable

from graph.ingest import ingest, prepare
from graph.models import ArticleInput

from .. import convert, schemas as s
from ..services import services
from . import READ_ERRORS, WRITE_ERRORS, WRITE_SECURITY, blueprint, json_response, page_response

bp = blueprint("articles", "News articles and the reactions extracted from them")


def article_detail(article_id: str) -> dict[str, Any]:
    """An article with its text and reactions (an `ArticleDetail`)."""
    store = services().store
    article, event_id = store.article(article_id)
    reactions = store.reactions(article=article_id, by_confidence=True, limit=500).items
    event = store.event(event_id)
    return {"id": article.id, "title": article.title, "url": article.url,
            "published": article.published.isoformat() if article.published else None, "source": article.source,
            "event": convert.event_ref(event.id, event.label), "text": article.text,
            "reactions": [convert.reaction_out(v) for v in reactions]}


@bp.post("/articles", responses={201: s.Ingested, 200: s.Ingested, **WRITE_ERRORS, 503: s.Problem},
         security=WRITE_SECURITY)
def post_article(body: s.ArticleIn) -> Response:
    """Ingest an article: extract and store it. 200 when that text was already stored; 503 when busy."""
    svc = services()
    if not svc.ingest_slots.acquire(blocking=False):
        raise ServiceUnavailable(f"{current_app.config['MAX_CONCURRENT_INGESTS']} articles are being extracted; "
                                 "try again shortly", retry_after=2)
    try:
        item = ArticleInput(**body.model_dump(exclude={"event_id"}))
        article = prepare(svc.extractor, item, current_app.config["MAX_ARTICLE_PARAGRAPHS"])
        summary = ingest([article], svc.extractor, svc.store, event_id=body.event_id, n_process=1)
    finally:
        svc.ingest_slots.release()
    result = summary.results[0]
    detail = article_detail(result.article_id)
    event = svc.store.event_detail(result.event_id)
    current_app.logger.info("ingested article %s (created=%s)", result.article_id, result.created)
    return json_response({"article": detail, "event": convert.event_out(event.summary),
                          "reactions": detail["reactions"], "created": result.created},
                         201 if result.created else 200)


@bp.get("/articles", responses={200: s.ArticlePage, **READ_ERRORS})
def list_articles(query: s.PageQuery) -> Response:
    """Articles, most recently ingested first."""
    page = services().store.articles(cursor=query.cursor, limit=query.limit)
    return page_response(convert.page([convert.article_summary(a) for a in page.items], page.next_cursor),
                         page.next_cursor)


@bp.get("/articles/<id>", responses={200: s.ArticleDetail, **READ_ERRORS})
def get_article(path: s.IdPath) -> Response:
    """An article: text, metadata, and its reactions with their spans."""
    return json_response(article_detail(path.id))


@bp.delete("/articles/<id>", responses={204: None, **WRITE_ERRORS}, security=WRITE_SECURITY)
def delete_article(path: s.IdPath) -> Response:
    """Delete an article; its reactions go, and so do actors and events left without any."""
    services().store.delete_article(path.id)
    return Response(status=204)
