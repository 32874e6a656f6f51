"""Text from a document, made safe for the places where Qt guesses whether a string is HTML.

Tooltips, labels in AutoText mode and message boxes show a string as rich text when
``Qt.mightBeRichText`` says it looks like HTML, and rich text loads images: an article quoting
``<img src="/dev/zero">`` would make Qt open that path. Every string built from a document goes
through ``plain`` before it reaches one of those places (labels are set to ``Qt.PlainText``
instead, where the widget allows it).
"""

from __future__ import annotations


def plain(text: str) -> str:
    """``text`` unchanged when Qt will show it as plain text anyway, else escaped rich text showing it."""
    # Imported when first used, after the window's first frame, which names no enum of the ``Qt``
    # namespace (see reader.ui.article_view); later calls cost an attribute lookup.
    from PySide6.QtGui import Qt

    if not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
