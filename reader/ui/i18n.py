"""UI language: Persian by default, English through Qt translations.

Source strings in the code are Persian; ``resources/translations/khana_en.ts``
holds their English. The compiled ``khana_en.qm`` is committed; rebuild it after
editing the .ts with:

    .venv/bin/pyside6-lupdate reader/ui/*.py -ts resources/translations/khana_en.ts
    .venv/bin/pyside6-lrelease resources/translations/khana_en.ts -qm resources/translations/khana_en.qm

Qt's own ``qtbase_fa`` translator is installed for Persian so standard dialogs
(buttons, file dialogs) speak Persian too. It leaves a few of the file dialog's labels
in English («Look in:», «Files of type:»); ``khana_fa.ts`` (hand-written, Qt's contexts)
fills them, installed after Qt's so it wins. Rebuild with:

    .venv/bin/pyside6-lrelease resources/translations/khana_fa.ts -qm resources/translations/khana_fa.qm
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.core.resources import resource_path

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def choose_language(preference: str = "", environ: dict[str, str] | None = None) -> str:
    """'fa' or 'en': the saved preference, else English only when the environment asks for it."""
    if preference in ("fa", "en"):
        return preference
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if value:
            return "en" if value.lower().startswith("en") else "fa"
    return "fa"


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's and Khana's translators for ``language``; keep the returned list alive."""
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    # For Persian: the gaps Qt's own catalogue leaves; for other languages: Khana's strings.
    own = QTranslator(app)
    if own.load(str(resource_path("translations", f"khana_{language}.qm"))):
        app.installTranslator(own)
        installed.append(own)
    return installed


def number(value: int, language: str) -> str:
    """An integer in the UI language's digits (۳ for Persian)."""
    text = str(value)
    return text.translate(PERSIAN_DIGITS) if language == "fa" else text


# Unicode isolates (UAX #9): a run inside keeps its own direction and leaves the line's alone.
LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"


def ltr(text: str) -> str:
    """``text`` (an ISO date, a number with its unit, a path) isolated left to right in any line."""
    return f"{LRI}{text}{PDI}"


def isolate(text: str) -> str:
    """``text`` (a file name, a reason from the system) isolated in the direction of its first letter."""
    return f"{FSI}{text}{PDI}"
