"""Reader-facing names of the entity types (PER, LOC…), in the UI language.

The one place the UI turns a type code into words: the legend, the entities tree,
the article's menus and tooltips and the status bar all ask here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def type_label(etype: str, plural: bool = False) -> str:
    """The name of entity type ``etype`` («شخص»), or of a group of them («اشخاص») when ``plural``."""
    # Literal calls, one per string, so that pyside6-lupdate finds every one of them.
    if plural:
        names = {
            "PER": QCoreApplication.translate("EntityTypes", "اشخاص"),
            "LOC": QCoreApplication.translate("EntityTypes", "مکان‌ها"),
            "ORG": QCoreApplication.translate("EntityTypes", "سازمان‌ها"),
            "DAT": QCoreApplication.translate("EntityTypes", "تاریخ‌ها"),
            "TIM": QCoreApplication.translate("EntityTypes", "زمان"),
            "MON": QCoreApplication.translate("EntityTypes", "پول"),
            "PCT": QCoreApplication.translate("EntityTypes", "درصد"),
        }
    else:
        names = {
            "PER": QCoreApplication.translate("EntityTypes", "شخص"),
            "LOC": QCoreApplication.translate("EntityTypes", "مکان"),
            "ORG": QCoreApplication.translate("EntityTypes", "سازمان"),
            "DAT": QCoreApplication.translate("EntityTypes", "تاریخ"),
            "TIM": QCoreApplication.translate("EntityTypes", "زمان"),
            "MON": QCoreApplication.translate("EntityTypes", "پول"),
            "PCT": QCoreApplication.translate("EntityTypes", "درصد"),
        }
    return names.get(etype, etype)

