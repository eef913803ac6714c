"""Agreement between two independent annotations of the same articles.

A corpus is only as good as its annotators agree: when two people reading
the same article with the same guideline find different reactors or
stances, the scores of any extractor inherit that noise. This measures it
the way the scorer compares an extraction with gold (same name matching,
optional reactions neither hits nor misses), treating annotator A as the
reference; actor F1 is symmetric, so the choice does not matter.

Run `python -m graph.agreement DIR_A DIR_B` on two folders of gold files
with the same file names.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .evaluate import GoldArticle, GoldReaction, load_gold, strip_name
from .models import STANCES, Stance


def _names(r: GoldReaction) -> set[str]:
    return {strip_name(n) for n in (r.actor, *r.aliases)}


def _same_actor(a: GoldReaction, b: GoldReaction) -> bool:
    """The scorer's rule, both ways: a shared name or alias, or, for two people, a shared surname."""
    if _names(a) & _names(b):
        return True
    if a.actor_type == b.actor_type == "person":
        sa, sb = strip_name(a.actor).split(), strip_name(b.actor).split()
        return bool(sa and sb) and max(len(sa), len(sb)) > 1 and sa[-1] == sb[-1]
    return False


@dataclass
class Agreement:
    """What two annotators agreed on, summed over articles."""

    both: int = 0  # non-optional reactors found by both
    only_a: int = 0
    only_b: int = 0
    optional_mismatch: int = 0  # found by both, optional on one side only
    pairs: list[tuple[Stance, Stance]] = field(default_factory=list)  # stances of the reactors found by both
    disagreements: list[str] = field(default_factory=list)

    @property
    def actor_f1(self) -> float:
        """F1 of B's reactors against A's (symmetric: the same with A against B)."""
        return 2 * self.both / (2 * self.both + self.only_a + self.only_b) if self.both else 0.0

    @property
    def strict_actor_f1(self) -> float:
        """Actor F1 where a reactor one annotator marked optional and the other not counts as a disagreement."""
        both = self.both
        return 2 * both / (2 * both + self.only_a + self.only_b + self.optional_mismatch) if both else 0.0

    @property
    def stance_agreement(self) -> float:
        """Share of the reactors found by both that got the same stance."""
        return sum(a == b for a, b in self.pairs) / len(self.pairs) if self.pairs else 0.0

    @property
    def kappa(self) -> float:
        """Cohen's kappa of the stances of the reactors found by both (chance-corrected agreement)."""
        n = len(self.pairs)
        if not n:
            return 0.0
        observed = self.stance_agreement
        ca, cb = Counter(a for a, _ in self.pairs), Counter(b for _, b in self.pairs)
        expected = sum(ca[s] * cb[s] for s in STANCES) / (n * n)
        return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def compare(a: GoldArticle, b: GoldArticle, into: Agreement | None = None) -> Agreement:
    """Add one article's agreement to `into` (a new `Agreement` when None)."""
    result = into if into is not None else Agreement()
    taken: set[int] = set()
    for ra in a.reactions:
        free = [j for j, rb in enumerate(b.reactions) if j not in taken and _same_actor(ra, rb)]
        # the same canonical name first: "White House" as an alias of a spokesman must not take the spokesman's place
        same_name = [j for j in free if strip_name(b.reactions[j].actor) == strip_name(ra.actor)]
        j = (same_name or free or [None])[0]
        if j is None:
            if not ra.optional:
                result.only_a += 1
                result.disagreements.append(f"{a.id}: only A: {ra.actor} ({ra.stance})")
            continue
        taken.add(j)
        rb = b.reactions[j]
        if ra.optional or rb.optional:
            if ra.optional != rb.optional:  # borderline for one of them: neither agreement nor disagreement,
                result.optional_mismatch += 1  # but counted for the strict figure
                result.disagreements.append(f"{a.id}: {ra.actor}: optional for {'A' if ra.optional else 'B'} only")
            continue
        result.both += 1
        result.pairs.append((ra.stance, rb.stance))
        if ra.stance != rb.stance:
            result.disagreements.append(f"{a.id}: {ra.actor}: A {ra.stance}, B {rb.stance}")
    for j, rb in enumerate(b.reactions):
        if j not in taken and not rb.optional:
            result.only_b += 1
            result.disagreements.append(f"{a.id}: only B: {rb.actor} ({rb.stance})")
    return result


def agreement(dir_a: Path, dir_b: Path) -> tuple[Agreement, int]:
    """Agreement over the articles both folders annotate (matched by id), and how many there were."""
    golds_b = {g.id: g for g in load_gold(dir_b)}
    total = Agreement()
    n = 0
    for g in load_gold(dir_a):
        if g.id in golds_b:
            compare(g, golds_b[g.id], total)
            n += 1
    return total, n


def _main(argv: Sequence[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m graph.agreement DIR_A DIR_B", file=sys.stderr)
        return 2
    total, n = agreement(Path(argv[0]), Path(argv[1]))
    for line in total.disagreements:
        print(line)
    print(f"articles {n}; reactors: both {total.both}, only A {total.only_a}, only B {total.only_b}, "
          f"optional for one only {total.optional_mismatch}")
    print(f"actor F1 {total.actor_f1:.3f} (strict {total.strict_actor_f1:.3f}); "
          f"stance agreement {total.stance_agreement:.3f} over {len(total.pairs)}; Cohen's kappa {total.kappa:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
