"""Aliases: mentions spelled alike are one entity, and a partial name joins the one fuller name holding it.

«کیم جونگ اون», «کیم جونگاون» and «کیم جونگ‌اون» fold to one key; «پوتین» joins
«ولادیمیر پوتین» when he is the only person in the article whose name contains it.
"""

from __future__ import annotations

from reader.core.people.mentions import Group, Mention


def group_by_spelling(mentions: list[Mention]) -> list[Group]:
    by_key: dict[tuple[str, str], Group] = {}
    for mention in mentions:
        group = by_key.setdefault((mention.kind, mention.key), Group(mention.kind))
        group.mentions.append(mention)
    return list(by_key.values())


# The longest part of a name that can stand for the whole («رضایی», «علی رضایی», «کیم جونگ اون»).
# Bounded, so a mention the tagger made of a whole unpunctuated page (thousands of tokens of
# «محمد رضا محمد رضا …») has a number of parts linear in its length, not quadratic, each short.
MAX_PART_TOKENS = 4


def _runs(keys: tuple[str, ...]) -> set[str]:
    """Every contiguous part of a name shorter than the whole, of at most ``MAX_PART_TOKENS``, joined."""
    n = len(keys)
    longest = min(n - 1, MAX_PART_TOKENS)
    return {"".join(keys[a : a + size]) for size in range(1, longest + 1) for a in range(n - size + 1)}


def merge_partial_names(groups: list[Group]) -> list[Group]:
    """Join a person's partial name to the one fuller name in the article that contains it."""
    people = sorted(
        (g for g in groups if g.kind == "PER"),
        key=lambda g: -max(len(m.keys) for m in g.mentions),
    )
    others = [g for g in groups if g.kind != "PER"]
    merged: list[Group] = []
    lengths: list[int] = []
    # Every part of a kept name, to the kept groups holding it: one lookup per key instead of
    # recomputing every kept name's parts for every person (quadratic on a long text).
    holders: dict[str, set[int]] = {}

    indexed: set[tuple[int, tuple[str, ...]]] = set()

    def index(at: int, mentions: list[Mention]) -> None:
        # Once per distinct spelling: «سلام» said 40,000 times is one name's parts, not 40,000.
        for mention in mentions:
            if (at, mention.keys) in indexed:
                continue
            indexed.add((at, mention.keys))
            for run in _runs(mention.keys):
                holders.setdefault(run, set()).add(at)

    for group in people:
        length = max(len(m.keys) for m in group.mentions)
        keys = {m.key for m in group.mentions}
        owners = {at for key in keys for at in holders.get(key, ()) if lengths[at] > length}
        if len(owners) == 1:
            owner = owners.pop()
            merged[owner].mentions.extend(group.mentions)
            index(owner, group.mentions)
        else:
            # No fuller name, or several people share this part: it stays its own entity.
            merged.append(group)
            lengths.append(length)
            index(len(merged) - 1, group.mentions)
    return merged + others
