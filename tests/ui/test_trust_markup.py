"""No text from a document reaches Qt as rich text: a document full of markup is shown as text.

Qt treats any string that looks like HTML as rich text in a tooltip, a label in AutoText mode or
a message box, and would then load ``<img src="/dev/zero">`` (an ``openat`` on any path: the
window aborts on /dev/zero, freezes on a FIFO). The test opens such documents, walks every
tooltip, label, status text and message box the window builds from them, and checks that none
is rich text holding markup from the document. Nothing here renders the hostile strings.
"""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QWidget

from reader.core.document import Annotations, DateMention, DateRange, Entity, Quote, Span, annotations_to_dict
from reader.core.export.html import embed_json, render_annotated_html

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

# The image points at nothing: before the fix Qt opened it (with /dev/zero, as the adversary did,
# the window dies), so the probe must be harmless in the test runner itself.
PAYLOADS = ('<img src="/nonexistent/khana-probe.png">', '<a href="file:///etc/passwd">x</a>', "<table><tr><td>t</td></tr></table>",
            "<style>*{color:red}</style>", "<h1>big</h1>")
MARKUP = "".join(PAYLOADS)
# Tags only Khana's own rich text uses; anything else in a rich string came from a document.
_HOSTILE_TAG = re.compile(r"<\s*/?\s*(img|a|table|tr|td|style|h1)\b", re.IGNORECASE)


def _hostile() -> Annotations:
    text = f"{MARKUP} علی رضایی گفت: «{MARKUP} سلام.» روز ۲۰ مهر ۱۴۰۲ در تهران {MARKUP}."
    name = text.index("علی رضایی")
    place = text.index("تهران")
    quote_start, quote_end = text.index("«"), text.index("»") + 1
    day = text.index("۲۰ مهر ۱۴۰۲")
    return Annotations(
        text=text,
        title=MARKUP,
        entities=(
            Entity("e1", "PER", MARKUP + "علی", MARKUP, (Span(name, name + 9),)),
            Entity("e2", "LOC", MARKUP, None, (Span(place, place + 5),)),
            Entity("e3", "ORG", "سازمان" + MARKUP, MARKUP, (Span(0, len(MARKUP)),)),
        ),
        quotes=(Quote(quote_start, quote_end, "e1", MARKUP), Quote(quote_start + 1, quote_end - 1, None, MARKUP)),
        dates=(DateMention(day, day + 11, "date", DateRange("2023-10-12", "2023-10-12"), DateRange("1402-07-20", "1402-07-20")),),
    )


def _rich(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    if fmt == Qt.TextFormat.PlainText:
        return False
    return fmt == Qt.TextFormat.RichText or QtGuiNamespace.mightBeRichText(text)


class _Seen:
    """Every string the window handed to a rich-text-capable place, with where it went."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, bool]] = []

    def add(self, where: str, text: str | None, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> None:
        if text:
            self.items.append((where, text, _rich(text, fmt)))

    def unsafe(self) -> list[tuple[str, str]]:
        return [(where, text[:120]) for where, text, rich in self.items if rich and _HOSTILE_TAG.search(text)]

    def from_document(self) -> int:
        return sum(1 for _where, text, _rich in self.items if "img" in text and "khana-probe" in text)


def _model_tooltips(seen: _Seen, view: QAbstractItemView) -> None:
    model = view.model()
    if model is None:
        return
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        try:
            columns = max(1, model.columnCount(parent))
        except TypeError:  # a list model keeps columnCount private: one column
            columns = 1
        for row in range(model.rowCount(parent)):
            for column in range(columns):
                index = model.index(row, column, parent)
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                seen.add(f"{type(view).__name__} tooltip {row},{column}", tip if isinstance(tip, str) else None)
            stack.append(model.index(row, 0, parent))


def _walk(window) -> _Seen:  # type: ignore[no-untyped-def]
    seen = _Seen()
    widgets: list[QWidget] = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        name = type(widget).__name__
        seen.add(f"{name} tooltip", widget.toolTip())
        seen.add(f"{name} whatsThis", widget.whatsThis())
        if isinstance(widget, QLabel):
            seen.add(f"{name} text", widget.text(), widget.textFormat())
        if isinstance(widget, QAbstractItemView):
            _model_tooltips(seen, widget)
        for action in widget.actions():
            seen.add("action tooltip", action.toolTip())
            seen.add("action status tip", action.statusTip())
    ann = window.ann
    if ann is not None:
        for entity in ann.entities:
            seen.add("article tooltip", window.view.tooltip_text(entity))
    timeline = window.docks.panels.get("timeline")
    if timeline is not None:
        view = getattr(timeline, "view", timeline)
        for index in range(len(getattr(view, "_markers", []))):
            seen.add("timeline tooltip", view.tooltip_html(index))
    return seen


@pytest.fixture()
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(*args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append(args[2] if len(args) > 2 else kwargs.get("text", ""))
        return QMessageBox.StandardButton.No

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


def test_every_text_the_window_builds_from_a_hostile_copy_is_plain(qtbot, make_window, tmp_path, messages) -> None:
    ann = _hostile()
    data = annotations_to_dict(ann)
    data["quotes"].append({"start": 1, "end": 5, "speaker": MARKUP, "speaker_text": None})  # a repair warning
    data["entities"][0]["mentions"].append({"start": 0, "end": 10**9, "note": MARKUP})
    page = render_annotated_html(ann).replace(embed_json(ann), json.dumps(data).replace("<", "\\u003c"))
    copy = tmp_path / f"{MARKUP.replace('/', '∕')}.khana.html"
    copy.write_text(page, encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.ready, timeout=20000):
        window.open_path(str(copy))
    qtbot.waitUntil(lambda: window.docks.panels is not None, timeout=20000)
    window.docks.set_annotations(window.ann)
    for entity in window.ann.entities:
        window.docks.show_entity(window.ann, entity.id)
    seen = _walk(window)
    for text in messages:
        seen.add("message box", text)
    assert seen.from_document() >= 5, seen.items  # the walk reached the document's own text
    assert [where for where, _text in seen.unsafe()] == []


def test_a_refused_copy_says_why_in_plain_text(qtbot, make_window, tmp_path, messages) -> None:
    ann = Annotations(text="سلام")
    data = annotations_to_dict(ann)
    data["format"] = '<img src="/nonexistent/p">'  # short enough to be quoted whole in the message
    copy = tmp_path / "tampered.khana.html"
    copy.write_text(render_annotated_html(ann).replace(embed_json(ann), json.dumps(data).replace("<", "\\u003c")),
                    encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.loadFailed, timeout=20000):
        window.open_path(str(copy))
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    seen = _walk(window)
    for text in messages:
        seen.add("message box", text)
    assert any("img src" in text for text in messages)  # the markup is there, escaped
    assert [where for where, _text in seen.unsafe()] == []


def test_all_load_warnings_are_listed_not_only_the_last(qtbot, make_window, tmp_path, messages) -> None:
    ann = Annotations(text="علی رضایی گفت.", entities=(Entity("e1", "PER", "علی رضایی", None, (Span(0, 9),)),))
    data = annotations_to_dict(ann)
    data["entities"][0]["mentions"] += [{"start": 0, "end": 999}, {"start": -1, "end": 3}]
    data["quotes"] = [{"start": 0, "end": 3, "speaker": "nobody"}]
    copy = tmp_path / "a.khana.html"
    copy.write_text(render_annotated_html(ann).replace(embed_json(ann), json.dumps(data)), encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.ready, timeout=20000):
        window.open_path(str(copy))
    warnings = window.document_.warnings
    assert len(warnings) >= 3
    shown = window.status_label.text() + "\n" + window.status_label.toolTip()
    assert all(w[:30] in shown for w in warnings), (shown, warnings)
