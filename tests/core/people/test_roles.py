"""Roles of every form news writes, each kept short of the next clause."""

from __future__ import annotations

import pytest
from testdata import marked_document

from reader.core.people import extract_entities


def role(marked: str) -> str | None:
    text, sentences, tags = marked_document(marked)
    (person,) = [e for e in extract_entities(text, sentences, tags) if e.type == "PER"]
    return person.role


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # Ranks and offices of foreign governments.
        ("[اولاف شولتس](PER)، صدراعظم [آلمان](LOC) به [پاریس](LOC) رفت.", "صدراعظم آلمان"),
        ("[لوید آستین](PER)، وزیر دفاع [آمریکا](LOC) دیدار کرد.", "وزیر دفاع آمریکا"),
        ("[جنت یلن](PER)، وزیر خزانه‌داری [آمریکا](LOC) به [پکن](LOC) رفت.", "وزیر خزانه‌داری آمریکا"),
        ("دریاسالار [راب بائر](PER) در [بروکسل](LOC) سخن گفت.", "دریاسالار"),
        ("ژنرال [مارک میلی](PER) به [کی‌یف](LOC) رفت.", "ژنرال"),
        # Party leaders and spokespeople.
        ("[کی‌یر استارمر](PER)، رهبر حزب کارگر [انگلیس](LOC) گفت.", "رهبر حزب کارگر انگلیس"),
        ("[ماریا زاخارووا](PER)، سخنگوی وزارت امور خارجه [روسیه](LOC) اعلام کرد.", "سخنگوی وزارت امور خارجه روسیه"),
        # Sports positions.
        ("[مهدی طارمی](PER)، مهاجم تیم ملی فوتبال [ایران](LOC) گل زد.", "مهاجم تیم ملی فوتبال ایران"),
        ("[علیرضا بیرانوند](PER)، دروازه‌بان [پرسپولیس](ORG) مصدوم شد.", "دروازه‌بان پرسپولیس"),
        # A long organisation name that a second comma closes.
        (
            "[محمد رضایی](PER)، مدیرعامل شرکت ملی پخش فرآورده‌های نفتی منطقه تهران، گفت.",
            "مدیرعامل شرکت ملی پخش فرآورده‌های نفتی منطقه تهران",
        ),
        ("[علی احمدی](PER)، وزیر امور اقتصادی و دارایی، گفت.", "وزیر امور اقتصادی و دارایی"),
        ("[علی هاشمی](PER)، دبیر ستاد مبارزه با مواد مخدر در تهران گفت.", "دبیر ستاد مبارزه با مواد مخدر"),
    ],
)
def test_role_forms(marked: str, expected: str) -> None:
    assert role(marked) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # Short of the next clause: a verb's noun, «و» before another person, an unclosed list.
        ("[سرگئی شویگو](PER)، وزیر دفاع روسیه دیدار کرد.", "وزیر دفاع روسیه"),
        ("[علی احمدی](PER)، وزیر خارجه در نشستی گفت.", "وزیر خارجه"),
        ("[علی احمدی](PER)، سخنگوی دولت که دیروز به مشهد رفت، گفت.", "سخنگوی دولت"),
    ],
)
def test_roles_stop_at_the_next_clause(marked: str, expected: str) -> None:
    assert role(marked) == expected


def test_a_list_of_people_each_keeps_their_own_role() -> None:
    text, sentences, tags = marked_document(
        "[پارک جین](PER)، وزیر امور خارجه [کره جنوبی](LOC) و [یوکو کامیکاوا](PER)، وزیر امور خارجه [ژاپن](LOC)، توافق کردند."
    )
    roles = {e.name: e.role for e in extract_entities(text, sentences, tags) if e.type == "PER"}
    assert roles == {"پارک جین": "وزیر امور خارجه کره جنوبی", "یوکو کامیکاوا": "وزیر امور خارجه ژاپن"}
