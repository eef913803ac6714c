"""From domain views to API response bodies.

Bodies are built as plain JSON-ready dicts, in the shape of the models in
`api.schemas` (which document them, and which schemathesis checks every
response against): building and dumping a pydantic model per row was most
of the time of a page of 50. Dates stay dates: `api.routes.dumps` writes them
as ISO 8601 days (orjson natively), cheaper than a conversion per row.
"""

from __future__ import annotations

from typing import Any

from graph import queries as q
from graph.models import Actor

Body = dict[str, Any]


def actor_ref(actor: Actor) -> Body:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country, "role": actor.role,
            "organization": actor.organization}


def actor_out(actor: Actor) -> Body:
    return {**actor_ref(actor), "aliases": list(actor.aliases), "reviewed": actor.reviewed}


def actor_counts(counts: q.ActorCounts) -> Body:
    return {**counts.by_stance, "total": counts.total}


def event_ref(event_id: str, label: str) -> Body:
    return {"id": event_id, "label": label}


def reaction_out(view: q.ReactionView) -> Body:
    # From the row's values (see q.REACTION_FIELDS), not its models: a page of 50 makes 50 of these.
    (id_, actor_id, event_id, article_id, stance, confidence, evidence, span_start, span_end, cue, reviewed, note,
     actor_name, actor_kind, actor_country, actor_role, actor_organization, _, event_label, article_title,
     published) = view.fields
    return {"id": id_,
            "actor": {"id": actor_id, "name": actor_name, "kind": actor_kind, "country": actor_country,
                      "role": actor_role, "organization": actor_organization},
            "event": event_ref(event_id, event_label),
            "article": {"id": article_id, "title": article_title, "published": published},
            "stance": stance, "confidence": confidence, "evidence": evidence, "span": [span_start, span_end],
            "cue": cue, "reviewed": bool(reviewed), "note": note}


def event_out(summary: q.EventSummary) -> Body:
    e = summary.event
    return {"id": e.id, "label": e.label, "date": e.date, "articles": summary.articles,
            "counts": dict(summary.counts), "actors": actor_counts(summary.actors)}


def event_detail(detail: q.EventDetail) -> Body:
    return {**event_out(detail.summary),
            "article_list": [{"id": a["id"], "title": a["title"], "published": a["published"]}
                             for a in detail.article_list],
            "by_country": {k: dict(v) for k, v in detail.by_country.items()}}


def article_summary(item: q.ArticleSummary) -> Body:
    a = item.article
    return {"id": a.id, "title": a.title, "url": a.url, "published": a.published, "source": a.source,
            "event_id": item.event_id, "reactions": item.reactions}


def page(items: list[Body], next_cursor: str | None, **fields: Any) -> Body:
    """A page of a list: other fields first, then items and the next cursor."""
    return {**fields, "items": items, "next_cursor": next_cursor}
