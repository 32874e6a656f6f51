"""Look-ups for the title and pronoun linker (``coref``) that a long text asks thousands of times.

Each answers as a walk over every person or every organisation mention would, from an index made
once: who holds a role a phrase names (by the role's head word), and which organisations of a
kind were named before an offset (their first mentions in order, bisected).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def role_matches(phrase: tuple[str, ...], role: tuple[str, ...]) -> bool:
    """Whether ``phrase`` names the office ``role``: the same head, then some of its words in order."""
    if not phrase or not role or phrase[0] != role[0]:
        return False
    at = 1
    for key in phrase[1:]:
        while at < len(role) and role[at] != key:
            at += 1
        if at == len(role):
            return False
        at += 1
    return True


class RoleIndex:
    """Who holds which role, for the title scan: ``roles`` (person → their roles' words) by head and whole.

    A long text asks about a phrase at every office word; the people whose role a phrase names
    share its head word (``role_matches``), so only they are compared, not every person.
    """

    def __init__(self, roles: dict[str, set[tuple[str, ...]]]) -> None:
        self._by_head: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self._by_role: dict[tuple[str, ...], set[str]] = {}
        for pid, held in roles.items():
            for role in held:
                if role:
                    self._by_head.setdefault(role[0], []).append((pid, role))
                self._by_role.setdefault(role, set()).add(pid)
        self._naming: dict[tuple[str, ...], frozenset[str]] = {}  # a few titles recur often

    def naming(self, phrase: tuple[str, ...]) -> set[str]:
        """The people holding a role that ``phrase`` names (``role_matches``): a new set."""
        known = self._naming.get(phrase)
        if known is None:
            candidates = self._by_head.get(phrase[0], ()) if phrase else ()
            known = self._naming[phrase] = frozenset(pid for pid, role in candidates if role_matches(phrase, role))
        return set(known)

    def holding(self, role: tuple[str, ...]) -> set[str]:
        """The people whose role is exactly ``role``: a new set."""
        return set(self._by_role.get(role, ()))


class OrganisationIndex:
    """Which organisations of a kind the article has named before an offset («این وزارتخانه»).

    ``order`` is every organisation mention as (offset, id); ``first_words`` each organisation's
    folded first word. The organisations' first mentions are kept in order by first word once,
    so a question is a bisection instead of a walk through every mention before it.
    """

    def __init__(self, order: Sequence[tuple[int, str]], first_words: dict[str, str]) -> None:
        first_at: dict[str, int] = {}  # each organisation at its first mention
        for at, org in sorted(order):
            first_at.setdefault(org, at)
        self._by_word: dict[str, list[tuple[int, str]]] = {}
        for org, at in first_at.items():  # in order of first mention
            self._by_word.setdefault(first_words[org], []).append((at, org))
        self._by_heads: dict[frozenset[str], tuple[list[int], list[str]]] = {}

    def only_one_before(self, heads: frozenset[str], offset: int) -> str | None:
        """The one organisation whose name opens with one of ``heads`` named before ``offset``, or None."""
        index = self._by_heads.get(heads)
        if index is None:
            ordered = sorted(pair for word in heads for pair in self._by_word.get(word, ()))
            index = self._by_heads[heads] = ([at for at, _ in ordered], [org for _, org in ordered])
        offsets, orgs = index
        return orgs[0] if bisect.bisect_left(offsets, offset) == 1 else None
