"""The article's corrections menu and its mention tooltips."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.core.document import ENTITY_TYPES, Annotations, Entity, Span
from reader.ui.entity_types import type_label
from reader.ui.i18n import PERSIAN_DIGITS

# Called by this plain name with literal arguments, so that pyside6-lupdate extracts the strings;
# the context stays the view's, which the translations were made under.
translate = QCoreApplication.translate


def tooltip_text(entity: Entity, language: str) -> str:
    """The rich-text tooltip of a mention: name, type, role and how often it is mentioned."""
    lines = [f"<b>{_escape(entity.name)}</b>", type_label(entity.type)]
    if entity.role:
        lines.append(_escape(entity.role))
    count = len(entity.mentions)
    mentions = QCoreApplication.translate("ArticleView", "%n اشاره", "", count)
    if language == "fa":
        # Qt writes %n in Latin digits whatever the locale; Persian text wants ۷, not 7.
        mentions = mentions.translate(PERSIAN_DIGITS)
    lines.append(mentions)
    return f"<div dir='rtl'>{'<br>'.join(lines)}</div>"


@dataclass(frozen=True)
class Corrections:
    """What the menu's actions call: the view's request signals' ``emit``."""

    add: Callable[[int, int, str], None]
    remove: Callable[[int, int], None]
    retype: Callable[[int, int, str], None]
    attach: Callable[[int, int, str], None]


def add_corrections(menu: QMenu, ann: Annotations, selection: tuple[int, int] | None,
                    found: tuple[Entity, Span] | None, calls: Corrections) -> None:
    """Put the corrections for ``selection`` (code points) and the mention ``found`` on top of ``menu``."""
    first = menu.actions()[0] if menu.actions() else None
    added: list[QAction] = []
    if selection is not None and selection[0] < selection[1]:
        mark = QMenu(translate("ArticleView", "علامت‌گذاری به عنوان"), menu)
        for etype in ENTITY_TYPES:
            action = mark.addAction(type_label(etype))
            action.triggered.connect(lambda _=False, s=selection, t=etype: calls.add(s[0], s[1], t))
        added.append(mark.menuAction())
    if found is not None:
        entity, span = found
        remove = QAction(translate("ArticleView", "حذف این اشاره"), menu)
        remove.triggered.connect(lambda _=False: calls.remove(span.start, span.end))
        added.append(remove)
        retype = QMenu(translate("ArticleView", "تغییر نوع"), menu)
        for etype in ENTITY_TYPES:
            if etype != entity.type:
                action = retype.addAction(type_label(etype))
                action.triggered.connect(lambda _=False, t=etype: calls.retype(span.start, span.end, t))
        added.append(retype.menuAction())
        others = [e for e in ann.entities if e.type == entity.type and e.id != entity.id]
        attach = QMenu(translate("ArticleView", "پیوستن به"), menu)
        attach.setEnabled(bool(others))
        for other in sorted(others, key=lambda e: e.name):
            action = attach.addAction(other.name)
            action.triggered.connect(lambda _=False, i=other.id: calls.attach(span.start, span.end, i))
        added.append(attach.menuAction())
    if added:
        for action in added:
            if first is None:
                menu.addAction(action)
            else:
                menu.insertAction(first, action)
        if first is None:
            menu.addSeparator()
        else:
            menu.insertSeparator(first)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
