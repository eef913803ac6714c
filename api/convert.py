"""From domain views to API response models."""

from __future__ import annotations

from graph import queries as q
from graph.models import Actor

from . import schemas as s


def actor_ref(actor: Actor) -> s.ActorRef:
    return s.ActorRef(id=actor.id, name=actor.name, kind=actor.kind, country=actor.country, role=actor.role,
                      organization=actor.organization)


def actor_out(actor: Actor) -> s.ActorOut:
    return s.ActorOut(**actor_ref(actor).model_dump(), aliases=list(actor.aliases))


def reaction_out(view: q.ReactionView) -> s.ReactionOut:
    r = view.reaction
    return s.ReactionOut(id=r.id, actor=actor_ref(view.actor), event=s.EventRef(id=r.event, label=view.event_label),
                         article=s.ArticleRef(id=r.article, title=view.article_title, published=view.published),
                         stance=r.stance, confidence=r.confidence, evidence=r.evidence, span=r.span, cue=r.cue,
                         reviewed=r.reviewed, note=r.note)


def event_out(summary: q.EventSummary) -> s.EventOut:
    e = summary.event
    return s.EventOut(id=e.id, label=e.label, date=e.date, articles=summary.articles,
                      counts=s.StanceCounts(**summary.counts))


def event_detail(detail: q.EventDetail) -> s.EventDetail:
    return s.EventDetail(**event_out(detail.summary).model_dump(),
                         article_list=[s.ArticleRef(**a) for a in detail.article_list],
                         by_country={k: s.StanceCounts(**v) for k, v in detail.by_country.items()})


def article_summary(item: q.ArticleSummary) -> s.ArticleSummary:
    a = item.article
    return s.ArticleSummary(id=a.id, title=a.title, url=a.url, published=a.published, source=a.source,
                            event_id=item.event_id, reactions=item.reactions)
