"""The bundled sample: its seven people keep their names and roles, and gain their title mentions."""

from __future__ import annotations

import datetime as dt

import pytest
from testdata import SAMPLE, SAMPLE_PEOPLE

from reader.core.document import NAME, TITLE, Annotations, Entity
from reader.core.loading import load_document
from reader.core.pipeline import analyse
from reader.core.text import fold_key


@pytest.fixture(scope="module")
def sample() -> Annotations:
    return analyse(load_document(SAMPLE), dt.date(2023, 9, 23))


def person(ann: Annotations, name: str) -> Entity:
    return next(e for e in ann.entities if e.type == "PER" and fold_key(e.name) == fold_key(name))


def titles(ann: Annotations, entity: Entity) -> list[str]:
    return [fold_key(ann.text[m.start : m.end]) for m in entity.mentions if m.kind == TITLE]


def test_kim_and_putin_have_their_title_mentions_alone_and_beside_the_name(sample: Annotations) -> None:
    kim, putin = person(sample, "کیم جونگ اون"), person(sample, "ولادیمیر پوتین")
    # «رهبر کره شمالی» twice beside the name, twice alone («رهبر کره شمالی در سفر اخیر …», «از رهبر کره شمالی»).
    assert titles(sample, kim) == [fold_key("رهبر کره شمالی")] * 4
    assert titles(sample, putin) == [fold_key("رئیس‌جمهور روسیه")] * 4
    alone = sample.text.index("از رهبر کره شمالی") + 3
    assert any(m.start == alone and m.kind == TITLE for m in kim.mentions)


def test_still_seven_people_with_their_names_and_roles_and_six_quotes(sample: Annotations) -> None:
    people = {fold_key(e.name): e for e in sample.entities if e.type == "PER"}
    assert set(people) == {fold_key(n) for n in SAMPLE_PEOPLE}
    for name, role in SAMPLE_PEOPLE.items():
        entity = people[fold_key(name)]
        assert entity.role is not None and fold_key(entity.role) == fold_key(role)
        assert fold_key(sample.text[entity.mentions[0].start : entity.mentions[0].end]) == fold_key(name) or any(
            m.kind == NAME for m in entity.mentions
        )
    assert len(sample.quotes) == 6
    # «سران کره شمالی و روسیه» is both leaders, so no one person's title.
    both = sample.text.index("سران کره شمالی")
    assert not any(m.start <= both < m.end for e in sample.entities if e.type == "PER" for m in e.mentions)
