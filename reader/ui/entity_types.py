"""Reader-facing names of the entity types (PER, LOC…) and of quotes, in the UI language.

The one place the UI turns a type code into words: the legend, the entities tree, the article's
menus and tooltips and the status bar all ask here. The Persian words are the palette's
(``reader.core.palette``), the same the saved copy uses; English is their Qt translation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reader.core import palette


def type_label(etype: str, plural: bool = False) -> str:
    """The name of entity type ``etype`` («شخص»), or of a group of them («اشخاص») when ``plural``."""
    if etype == palette.QUOTE:
        word = palette.WORDS["quotes" if plural else "quote"]
    else:
        word = (palette.TYPE_PLURALS if plural else palette.TYPE_NAMES).get(etype, etype)
    return QCoreApplication.translate("EntityTypes", word)


# The palette's words as literals, so that pyside6-lupdate keeps their English in the catalogue
# (a test checks they are the palette's).
MARKED = (
    QT_TRANSLATE_NOOP("EntityTypes", "شخص"), QT_TRANSLATE_NOOP("EntityTypes", "مکان"),
    QT_TRANSLATE_NOOP("EntityTypes", "سازمان"), QT_TRANSLATE_NOOP("EntityTypes", "تاریخ"),
    QT_TRANSLATE_NOOP("EntityTypes", "زمان"), QT_TRANSLATE_NOOP("EntityTypes", "پول"),
    QT_TRANSLATE_NOOP("EntityTypes", "درصد"), QT_TRANSLATE_NOOP("EntityTypes", "اشخاص"),
    QT_TRANSLATE_NOOP("EntityTypes", "مکان‌ها"), QT_TRANSLATE_NOOP("EntityTypes", "سازمان‌ها"),
    QT_TRANSLATE_NOOP("EntityTypes", "تاریخ‌ها"), QT_TRANSLATE_NOOP("EntityTypes", "نقل قول"),
    QT_TRANSLATE_NOOP("EntityTypes", "نقل قول‌ها"),
)
