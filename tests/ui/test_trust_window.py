"""The window's save never replaces a file that is not a Khana HTML copy (a reopened .json above all)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sample_data import TEXT, sample_annotations

from reader.core.document import annotations_to_json
from reader.core.export.html import render_annotated_html
from reader.core.storage import is_khana_copy

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _open(qtbot, window, path):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.ready, timeout=20000):
        window.open_path(str(path))
    return window


def _correct(window) -> None:  # type: ignore[no-untyped-def]
    at = TEXT.index("خبرگزاری مهر")
    window.view.addEntityRequested.emit(at, at + 5, "ORG")
    assert window.isWindowModified()


def test_ctrl_s_on_a_reopened_json_writes_a_khana_html_and_keeps_the_json(qtbot, make_window, tmp_path, monkeypatch):
    source = tmp_path / "a.khana.json"
    source.write_text(annotations_to_json(sample_annotations()), encoding="utf-8")
    before = source.read_bytes()
    window = _open(qtbot, make_window(), source)
    _correct(window)
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (offered.append(a[2]) or a[2], ""))
    with qtbot.waitSignal(window.undo_stack.cleanChanged, timeout=20000):
        assert window.save()
    assert offered == [str(tmp_path / "a.khana.html")]
    assert source.read_bytes() == before
    assert is_khana_copy(tmp_path / "a.khana.html")


def test_save_refuses_to_replace_a_file_that_is_not_a_khana_copy(qtbot, make_window, tmp_path, monkeypatch):
    copy = tmp_path / "a.khana.html"
    copy.write_text(render_annotated_html(sample_annotations()), encoding="utf-8")
    window = _open(qtbot, make_window(), copy)
    _correct(window)
    # Meanwhile the user put their own page under that name.
    copy.write_text("<!DOCTYPE html><p>my own page</p>", encoding="utf-8")
    refused = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: refused.append(a[2]))
    assert window.save()
    qtbot.waitUntil(lambda: bool(refused), timeout=20000)
    assert "not a Khana annotated copy" in refused[0]
    assert copy.read_text(encoding="utf-8") == "<!DOCTYPE html><p>my own page</p>"
    assert window.isWindowModified()


@pytest.mark.parametrize("day", ["0622-03-22", "9000-12-31", "1000-01-01"])
def test_a_copy_with_dates_at_the_edges_of_the_accepted_range_opens(qtbot, make_window, tmp_path, day):
    import json

    from reader.core.document import annotations_from_dict

    data = {
        "format": "khana-annotations", "version": 1, "text": "روز اول مهر خبر بود.", "title": None,
        "article_date": day, "entities": [], "quotes": [],
        "dates": [{"start": 0, "end": 11, "kind": "date", "gregorian": {"start": day, "end": day},
                   "jalali": {"start": "0001-01-01", "end": "9377-12-29"}}],
    }
    annotations_from_dict(data)  # accepted by the validator, so it must open
    source = tmp_path / "edge.khana.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    window = _open(qtbot, make_window(), source)
    assert window.ann is not None and window.ann.article_date is not None
    window.docks.set_annotations(window.ann)
