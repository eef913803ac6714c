"""Alignment and coalitions on a store whose stances were chosen by hand (tests/world.py)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from graph import alignment as al
from graph.coalitions import coalitions
from graph.errors import InvalidInput, NotFound
from graph.store import Store

from .world import World, build


@pytest.fixture
def world(store: Store) -> World:
    return build(store)


def _pairs(store: Store, scope: al.Scope = al.Scope(), k: int = 2) -> dict[frozenset[str], al.Pair]:
    m = al.matrix(al.positions(store.engine, scope, min_events=k))
    return {frozenset((p.a.id, p.b.id)): p for p in al.pairs(m, min_events=k)}


def _counts(p: al.Pair) -> tuple[int, int, int, int, float]:
    return p.events, p.same, p.opposite, p.neutral, p.score


def test_actor_pairs_match_the_hand_count(store: Store, world: World) -> None:
    a = world.actors
    found = _pairs(store)
    assert _counts(found[frozenset((a["macron"], a["sunak"]))]) == (4, 3, 1, 0, 0.5)
    assert _counts(found[frozenset((a["putin"], a["lavrov"]))]) == (4, 4, 0, 0, 1.0)
    assert _counts(found[frozenset((a["macron"], a["putin"]))]) == (4, 0, 4, 0, -1.0)
    assert _counts(found[frozenset((a["sunak"], a["putin"]))]) == (4, 1, 3, 0, -0.5)
    # Scholz supported E4 in one article and opposed it in another: a tie, so neutral there.
    assert _counts(found[frozenset((a["macron"], a["scholz"]))]) == (4, 2, 0, 2, 0.5)
    # Neutral events count in the denominator and on neither side.
    assert _counts(found[frozenset((a["xi"], a["putin"]))]) == (3, 2, 0, 1, 0.6667)
    assert _counts(found[frozenset((a["guterres"], a["macron"]))]) == (2, 0, 0, 2, 0.0)
    # Xi and Guterres share one event only: below k = 2, no pair.
    assert frozenset((a["xi"], a["guterres"])) not in found
    # k = 1 lets it in.
    assert _counts(_pairs(store, k=1)[frozenset((a["xi"], a["guterres"]))]) == (1, 0, 0, 1, 0.0)


def test_the_events_behind_a_pair_carry_both_positions(store: Store, world: World) -> None:
    a, e = world.actors, world.events
    pos = al.positions(store.engine, al.Scope())
    pair = al.pairs(al.matrix(pos), party=a["macron"], other=a["scholz"])[0]
    shared = al.with_events(pos, pair).shared
    assert pair.a.id == a["macron"]
    assert [(s.id, s.a, s.b) for s in shared] == [
        (e["E4"], "support", "neutral"), (e["E3"], "support", "neutral"), (e["E2"], "oppose", "oppose"),
        (e["E1"], "support", "support")]


def test_countries_aggregate_their_officials_and_bodies(store: Store, world: World) -> None:
    found = _pairs(store, al.Scope(by="country"))
    # France on E4: Macron supports, the ministry opposes -> a tie, neutral. Britain: Sunak and the UK oppose.
    # On E5 Manu Elysee (French) and Sunak support: France and Britain share five events.
    assert _counts(found[frozenset(("FR", "GB"))]) == (5, 4, 0, 1, 0.8)
    assert _counts(found[frozenset(("RU", "GB"))]) == (4, 1, 3, 0, -0.5)
    parties = {p.id: p for p in al.positions(store.engine, al.Scope(by="country")).parties}
    assert parties["GB"].name == "United Kingdom" and parties["GB"].kind == "country"
    assert "Antonio Guterres" not in {p.name for p in parties.values()}  # no country, no country party


def test_a_merged_actor_brings_its_positions(store: Store, world: World) -> None:
    a = world.actors
    store.merge_actors(a["manu"], into=a["macron"])
    assert _counts(_pairs(store)[frozenset((a["macron"], a["sunak"]))]) == (5, 4, 1, 0, 0.6)
    # France already counted him: the country view does not change.
    assert _counts(_pairs(store, al.Scope(by="country"))[frozenset(("FR", "GB"))]) == (5, 4, 0, 1, 0.8)


def test_scopes_narrow_the_events(store: Store, world: World) -> None:
    a, e = world.actors, world.events
    two = _pairs(store, al.Scope(events=(e["E1"], e["E2"])))
    assert _counts(two[frozenset((a["macron"], a["putin"]))]) == (2, 0, 2, 0, -1.0)
    spring = _pairs(store, al.Scope(since=dt.date(2024, 3, 1), until=dt.date(2024, 4, 30)))
    assert _counts(spring[frozenset((a["macron"], a["sunak"]))]) == (2, 1, 1, 0, 0.0)
    russia = _pairs(store, al.Scope(country="RU"))
    assert list(russia) == [frozenset((a["putin"], a["lavrov"]))]
    with pytest.raises(NotFound):
        al.positions(store.engine, al.Scope(events=("ev-nothing",)))
    with pytest.raises(InvalidInput):
        al.Scope(since=dt.date(2024, 5, 1), until=dt.date(2024, 1, 1))


def test_orders_and_the_party_filter(store: Store, world: World) -> None:
    a = world.actors
    m = al.matrix(al.positions(store.engine, al.Scope()))
    best = al.pairs(m, order="agreement")[0]
    assert {best.a.id, best.b.id} == {a["putin"], a["lavrov"]} and best.score == 1.0
    worst = al.pairs(m, order="disagreement")[:3]  # Macron against Putin and against Lavrov, then Xi/Macron
    assert [p.score for p in worst] == [-1.0, -1.0, -0.6667]
    assert all(a["macron"] in (p.a.id, p.b.id) for p in worst[:2]) and a["xi"] in (worst[2].a.id, worst[2].b.id)
    mine = al.pairs(m, party=a["xi"])
    assert mine and all(p.a.id == a["xi"] for p in mine)
    with pytest.raises(NotFound):
        al.pairs(m, party="ac-nobody")


def test_top_keeps_the_most_active_and_says_how_many_were_left_out(store: Store, world: World) -> None:
    pos = al.positions(store.engine, al.Scope(), top=3)
    assert len(pos.parties) == 3 and pos.left_out == 6
    assert world.actors["sunak"] in {p.id for p in pos.parties} and all(p.events >= 4 for p in pos.parties)
    kept = al.positions(store.engine, al.Scope(), top=1, include=(world.actors["guterres"],))
    assert world.actors["guterres"] in {p.id for p in kept.parties}


def test_coalitions_are_the_two_blocs(store: Store, world: World) -> None:
    a, e = world.actors, world.events
    m = al.matrix(al.positions(store.engine, al.Scope()))
    groups = coalitions(m)
    # The ministry and the UK side with Sunak on both their events; Manu Elysee has one event (< k).
    assert [sorted(p.id for p in g.members) for g in groups] == [
        sorted(a[k] for k in ("macron", "quai", "sunak", "uk", "scholz")), sorted(a[k] for k in ("putin", "lavrov", "xi"))]
    west, east = groups
    assert (west.id, east.id) == ("c1", "c2")  # the larger first
    assert east.cohesion == pytest.approx((1.0 + 0.6667 + 0.6667) / 3, abs=1e-3) and east.pairs == 3
    # nine member pairs share two events or more (the ministry and the UK only E4): 0.5 * 3 + 0 + 0 + 1 + 1 + 0.5 + 0.5
    assert west.cohesion == pytest.approx(0.5, abs=1e-3) and west.pairs == 9
    assert {d.id for d in east.events[:2]} == {e["E1"], e["E3"]}  # all three opposed
    assert all(d.stance == "oppose" and d.members == 3 for d in east.events[:2])
    assert {(d.id, d.stance, d.members) for d in east.events[2:]} == {(e["E2"], "support", 2), (e["E4"], "oppose", 2)}
    # Guterres agrees with nobody: in no coalition.
    assert a["guterres"] not in {p.id for g in groups for p in g.members}


def test_country_coalitions(store: Store, world: World) -> None:
    m = al.matrix(al.positions(store.engine, al.Scope(by="country")))
    assert [sorted(p.id for p in g.members) for g in coalitions(m)] == [["DE", "FR", "GB"], ["CN", "RU"]]


def test_coalitions_are_stable_across_stores_built_in_another_order(tmp_path, world: World, store: Store) -> None:
    from graph import migrate
    from graph.store import make_engine

    from . import world as w

    url = f"sqlite:///{tmp_path / 'again.sqlite3'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    other = Store.open(url)
    try:
        saved = w.ARTICLES
        w.ARTICLES = list(reversed(saved))
        try:
            w.build(other)
        finally:
            w.ARTICLES = saved

        def names(s: Store) -> list[list[str]]:
            m = al.matrix(al.positions(s.engine, al.Scope()))
            return [[p.name for p in g.members] for g in coalitions(m)]

        assert names(store) == names(other) == names(store)
    finally:
        other.close()


# -- the pair counts as a class: any stances, any parties ---------------------------------

@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from([None, "support", "oppose", "neutral"]), min_size=6, max_size=6),
                min_size=2, max_size=6))
def test_matrix_counts_equal_a_direct_count(rows: list[list[str | None]]) -> None:
    sign = np.array([[al._SIGN.get(x or "neutral", 0) if x else 0 for x in row] for row in rows], dtype=np.float32)
    present = np.array([[1 if x else 0 for x in row] for row in rows], dtype=np.float32)
    parties = [al.Party(f"p{i}", f"p{i}", "person", None, int(present[i].sum())) for i in range(len(rows))]
    m = al.matrix(al.Positions(parties, [f"e{j}" for j in range(6)], sign, present, 0))
    for i in range(len(rows)):
        for j in range(len(rows)):
            both = [(x, y) for x, y in zip(rows[i], rows[j]) if x and y]
            kinds = Counter("same" if x == y != "neutral" else "opposite" if {x, y} == {"support", "oppose"}
                            else "neutral" for x, y in both)
            assert (m.common[i, j], m.same[i, j], m.opposite[i, j], m.neutral[i, j]) == (
                len(both), kinds["same"], kinds["opposite"], kinds["neutral"])
            score = float(m.score()[i, j])
            assert -1.0 <= score <= 1.0
            if both:
                assert score == pytest.approx((kinds["same"] - kinds["opposite"]) / len(both))


@given(st.dictionaries(st.sampled_from(["support", "oppose", "neutral"]), st.integers(0, 5)))
def test_position_is_the_majority_side_and_neutral_on_ties(counts: dict[str, int]) -> None:
    c = Counter(counts)
    side = al.position(c)
    if c["support"] == c["oppose"]:
        assert side == "neutral"
    else:
        assert side == ("support" if c["support"] > c["oppose"] else "oppose")


def test_cursors_of_computed_lists_round_trip_and_reject_forgeries() -> None:
    assert al.read_offset(al.offset_cursor(120)) == 120
    assert al.read_offset(None) == 0
    for bad in ("x", al.offset_cursor(-1), "eyJvIjogIjEifQ", "bnVsbA"):
        with pytest.raises(InvalidInput):
            al.read_offset(bad)
