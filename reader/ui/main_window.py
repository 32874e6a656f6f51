"""The reading window: the article, its sidebars, the find bar, menus, corrections and saving."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QStandardPaths, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6 import QtWidgets  # QtWidgets.QMessageBox…: PySide6 builds a class when first named
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from reader.ui import theme as themes
from reader.ui.article_view import ArticleView
from reader.ui.entity_types import type_label
from reader.ui.backend import CoreBackend, find_recovery, full_collections
from reader.ui.i18n import isolate, number
from reader.ui.plain import plain
from reader.ui.settings import Settings
from reader.ui.status import Phase

if TYPE_CHECKING:  # PySide6 builds a class when first named; the first frame needs no data model
    import datetime as dt
    from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
    from reader.core.document import Annotations, Block, Document
    from reader.ui.docks import Docks
    from reader.ui.find import FindBar
    from reader.ui.legend import Legend
    from reader.ui.status import StatusLine
    from reader.ui.tasks import TaskRunner

AUTOSAVE_IDLE_MS = 3000


class MainWindow(QMainWindow):
    """Khana's main window.

    Signals:
        documentShown(): a newly opened article's text is on screen.
        ready(): the analysed article, highlights and all, has been painted.
        loadFailed(str): an article could not be opened (the one-line reason).
        analysisFailed(str): the analysis of the open article failed (the one-line reason).
        firstPainted(): the window painted for the first time.
    """

    documentShown = Signal()
    ready = Signal()
    loadFailed = Signal(str)
    analysisFailed = Signal(str)
    firstPainted = Signal()

    def __init__(self, settings: Settings, backend: CoreBackend | None = None, language: str = "fa",
                 warm_up: bool = True, first_frame_only: bool = False) -> None:
        """``first_frame_only``: build just the article view now (``show_text_early`` may fill it) and
        the rest (find bar, legend, docks, status line, menus, toolbar, the analysis process) right
        after the window's first paint, so the first frame comes sooner (``run_gui`` asks for this).
        """
        super().__init__()
        self.settings = settings
        self.backend = backend or CoreBackend()
        self.language = language
        self._runner: TaskRunner | None = None
        self.undo_stack = QUndoStack(self)
        self.path: str | None = None
        self.document_: Document | None = None
        self.ann: Annotations | None = None
        self.copy_path: str | None = None
        self._restored = False
        self._pending_ready = False
        self._painted = False
        self._close_after_save = False
        self._walk = -1
        self._holding_gc = False
        # Bumped for every article shown (and every new analysis of it): a result carrying an
        # older number belongs to something no longer on screen and is dropped.
        self._generation = 0
        self._before_open: tuple[Phase, str, bool] = (Phase.IDLE, "", False)
        self._analysed_date: dt.date | None = None  # the article date the analysis found or was given
        self.theme = themes.theme(settings.theme())
        self._warm_up = warm_up
        self._built = False
        # An article put on screen before the window was complete (``show_text_early``).
        self._early: tuple[str, Document | None] | None = None
        self._shown_early: tuple[str, tuple[Block, ...]] | None = None

        # The first frame: the article view, in the window's size, zoom and theme.
        self.view = ArticleView(self)
        self.view.language = language
        central = QWidget(self)
        self._layout = QVBoxLayout(central)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self._room_timer = QTimer(self)
        self._room_timer.setSingleShot(True)
        self._room_timer.setInterval(0)
        self._room_timer.timeout.connect(self._keep_article_room)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_IDLE_MS)
        self._autosave.timeout.connect(self.on_autosave_timeout)
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.view.set_hidden_types(settings.hidden_types())
        self.view.set_zoom(settings.zoom())
        if first_frame_only:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                # Fusion already (launch's QApplication); made sure of with the rest (apply_theme).
                self.theme = themes.apply(app, self.theme.name, style=False)
            self.view.set_theme(self.theme)
            self._update_title()
        else:
            self._build_rest()

    @property
    def runner(self) -> TaskRunner:
        """The window's task runner, made when first asked for (after the first frame, as a rule)."""
        if self._runner is None:
            from reader.ui.tasks import TaskRunner

            self._runner = TaskRunner(self)
        return self._runner

    def _build_rest(self) -> None:
        """Everything but the article view: its bars, the docks, menus, toolbar, and the analysis warm-up."""
        from reader.ui.actions import build_menus
        from reader.ui.docks import Docks
        from reader.ui.find import FindBar
        from reader.ui.legend import Legend
        from reader.ui.status import StatusLine
        from reader.ui.toolbar import build_toolbar

        settings = self.settings
        self.find_bar: FindBar = FindBar(self.language, self)
        self.find_bar.set_runner(self.runner)
        self.find_bar.hide()
        self.legend: Legend = Legend(self)
        self._layout.insertWidget(0, self.find_bar)
        self._layout.addWidget(self.legend)
        self.docks: Docks = Docks(self)

        self.status: StatusLine = StatusLine(self.statusBar(), self.language)
        self.status_label = self.status.label
        self.progress = self.status.progress
        self.cancel_button = self.status.cancel_button

        self.actions_ = build_menus(self, self)
        self.toolbar = build_toolbar(self, self.actions_.by_name)
        self.view.leave_zoom_keys_to_shortcuts()
        self._built = True
        self._connect()
        state = settings.window_state()
        if state is None or not self.restoreState(state):
            self.docks.apply_default_sizes(self.width())
        self.legend.set_hidden_types(settings.hidden_types())
        self.apply_theme(self.theme.name)
        self._update_title()
        if self._warm_up:
            self.status.set_phase(Phase.WARMING, self.tr("در حال بارگذاری…"))
            self.runner.submit("warmup", lambda job: self.backend.warm_up(), self.on_warmed_up,
                               self.on_warm_up_failed, label=self.tr("در حال بارگذاری…"))

    def show_text_early(self, path: str, text: str, blocks: tuple[Block, ...] = (),
                        document: Document | None = None) -> None:
        """Put ``path``'s text in the view before the window is complete; it opens fully once it is."""
        self._early = (path, document)
        self._shown_early = (text, blocks)
        self.view.set_text(text, blocks)
        self.documentShown.emit()

    @Slot()
    def on_first_frame_painted(self) -> None:
        """Build the rest of the window, then open the article shown early (analysis and all)."""
        if self._built:
            return
        self._build_rest()
        QTimer.singleShot(0, self.docks.build_panels)
        if self._early is not None:
            path, document = self._early
            self._early = None
            self.open_path(path, document)

    @Slot()
    def _keep_article_room(self) -> None:
        if self._built:
            self.docks.keep_article_room(self.width())

    def _connect(self) -> None:
        self.runner.progressShown.connect(self.on_runner_progressShown)
        self.runner.progressHidden.connect(self.on_runner_progressHidden)
        self.status.cancelRequested.connect(self.on_cancel_button_clicked)
        self.status.reanalyseRequested.connect(self.reanalyse)
        self.status.changed.connect(self.on_status_changed)
        self.undo_stack.cleanChanged.connect(self.on_undo_stack_cleanChanged)
        self.view.entityClicked.connect(self.on_entity_activated)
        self.view.addEntityRequested.connect(self.on_view_addEntityRequested)
        self.view.removeMentionRequested.connect(self.on_view_removeMentionRequested)
        self.view.retypeMentionRequested.connect(self.on_view_retypeMentionRequested)
        self.view.attachMentionRequested.connect(self.on_view_attachMentionRequested)
        self.view.highlightingFinished.connect(self.on_view_highlightingFinished)
        self.view.zoomRequested.connect(self.on_view_zoomRequested)
        self.find_bar.matchesChanged.connect(self.on_find_bar_matchesChanged)
        self.find_bar.closed.connect(self.on_find_bar_closed)
        self.legend.hiddenTypesChanged.connect(self.on_legend_hiddenTypesChanged)
        self.docks.connect_to({
            "entityActivated": self.on_entity_activated,
            "quoteActivated": self.on_span_activated,
            "mentionActivated": self.on_span_activated,
            "dateActivated": self.on_span_activated,
            "articleDateChanged": self.on_article_date_changed,
            "mergeRequested": self.on_merge_requested,
            "renameRequested": self.on_rename_requested,
            "roleRequested": self.on_role_requested,
        })

    # ------------------------------------------------------------------ state

    def is_dirty(self) -> bool:
        return self._restored or not self.undo_stack.isClean()

    def _update_title(self) -> None:
        name = isolate(Path(self.path).name) if self.path else self.tr("بدون پرونده")
        self.setWindowTitle(f"{name}[*] — " + self.tr("خوانا"))
        self.setWindowModified(self.is_dirty())

    def show_status(self, text: str, msecs: int = 0) -> None:
        """A note over the status line's phase, for ``msecs`` (0: until the next note or phase)."""
        self.status.note(text, msecs)

    @Slot(str)
    def on_status_changed(self, _text: str) -> None:
        action = self.actions_.by_name.get("reanalyse") if hasattr(self, "actions_") else None
        if action is not None:
            action.setEnabled(self.document_ is not None and _has_words(self.document_.text)
                              and self.status.phase not in (Phase.OPENING, Phase.ANALYSING))

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()
            # After this frame has reached the screen: what the first frame did not need.
            QTimer.singleShot(0, self.docks.build_panels if self._built else self.on_first_frame_painted)

    # ------------------------------------------------------------------ opening

    def open_path(self, path: str, document: Document | None = None) -> None:
        """Load ``path`` off the GUI thread; analysis follows unless it's an annotated copy.

        ``document``: ``path`` already loaded (shown early); only the recovery lookup runs then.
        Asked before the window is complete (``first_frame_only``), it opens once the window is.
        """
        if not self._built:
            self._early = (path, document)
            return
        if not self.maybe_save():
            return
        path = os.path.abspath(path)
        self._before_open = self.status.snapshot()
        self.status.set_phase(Phase.OPENING, self.tr("در حال باز کردن %1…").replace("%1", isolate(Path(path).name)))
        self.runner.cancel("analyse")
        try:
            store = self.recovery_store()
        except Exception:  # noqa: BLE001 - a broken recovery never stops the article from opening
            store = None

        def load(job) -> tuple[Document, Annotations | None]:  # type: ignore[no-untyped-def]
            loaded = document if document is not None else self.backend.load_document(path)
            _has_words(loaded.text)  # here, not in the GUI thread (kept for it)
            # Looking for a recovery hashes the whole text: here, not in the GUI thread.
            return loaded, find_recovery(store, path, loaded)

        self.runner.submit(
            "load",
            load,
            lambda result: self.on_loaded(path, *result),
            lambda error: self.on_load_failed(path, error),
            label=self.tr("در حال باز کردن…"),
        )

    def on_loaded(self, path: str, document: Document, recovered: Annotations | None = None) -> None:
        self.path = path
        self.document_ = document
        # Only an HTML copy is saved over itself; a reopened JSON file gets its own NAME.khana.html.
        self.copy_path = path if document.annotations is not None and not path.lower().endswith(".json") else None
        self.undo_stack.clear()
        self._restored = False
        self.ann = None
        self.settings.add_recent_file(path)
        self.settings.set_last_folder(str(Path(path).parent))
        self._generation += 1
        early = self._shown_early == (document.text, document.blocks)  # its text is on screen already
        self._shown_early = None
        if not early:
            self.view.set_text(document.text, document.blocks)
        self.find_bar.set_text(document.text)
        # Nothing of the previous article stays listed (or clickable) while this one is analysed.
        self.docks.show_pending(self.tr("در حال تحلیل…"))
        self._update_title()
        if not early:
            self.documentShown.emit()
        if document.annotations is not None:
            self._show_fresh(document.annotations)
            self.status.set_phase(Phase.READY, self.tr("نسخهٔ ذخیره‌شده باز شد"))
        elif not _has_words(document.text):
            self.docks.show_pending(self.tr("متنی نیست"))
            self.status.set_phase(Phase.EMPTY, self.tr("این پرونده متنی ندارد: %1").replace("%1", isolate(Path(path).name)))
        else:
            restored = self._offer_recovery(path, recovered)
            if restored is not None:
                self._show_fresh(restored)
                self._restored = True
                self._update_title()
                self.status.set_phase(Phase.READY, self.tr("اصلاحات ذخیره‌نشده بازیابی شد"))
            else:
                self.analyse(document.article_date)
        self.status_label.setToolTip("")
        if document.warnings:
            self._show_warnings(document.warnings)

    def _show_warnings(self, warnings: tuple[str, ...]) -> None:
        """Every load warning: the first ones in the status bar, all of them in its tooltip."""
        from reader.core.messages import warning_text  # (a dataclass module: not before the first frame)
        warnings = tuple(warning_text(w, self.language) for w in warnings)
        shown = "؛ ".join(warnings[:_STATUS_WARNINGS])
        if len(warnings) > _STATUS_WARNINGS:
            more = number(len(warnings) - _STATUS_WARNINGS, self.language)
            shown += " " + self.tr("(و %1 هشدار دیگر)").replace("%1", more)
        listed = "\n".join(warnings[:_TOOLTIP_WARNINGS])
        if len(warnings) > _TOOLTIP_WARNINGS:
            listed += "\n…"
        self.show_status(shown, 15000)
        self.status_label.setToolTip(plain(listed))

    def analyse(self, article_date: dt.date | None) -> None:
        document = self.document_
        if document is None:
            return
        self.status.set_phase(Phase.ANALYSING, self.tr("در حال تحلیل متن…"))
        self._hold_gc(True)
        generation = self._generation
        self.runner.submit(
            "analyse",
            lambda job: self.backend.analyse(document, article_date, job.progress, job.cancelled),
            functools.partial(self._on_analysis_result, generation),
            self.on_analyse_failed,
            label=self.tr("در حال تحلیل…"),
        )

    def reanalyse(self) -> None:
        """Analyse the open article again (after Cancel or a failure; corrections are dropped)."""
        document = self.document_
        if document is None or not _has_words(document.text) or self.runner.is_running("analyse"):
            return
        if self.is_dirty():
            answer = QtWidgets.QMessageBox.question(
                self, self.tr("تحلیل دوباره"),
                self.tr("تحلیل دوباره اصلاحات این خبر را کنار می‌گذارد. ادامه می‌دهید؟"),
                QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No)
            if answer != QtWidgets.QMessageBox.StandardButton.Yes:
                return
        article_date = self.ann.article_date if self.ann is not None else document.article_date
        self._generation += 1
        self.undo_stack.clear()
        self._restored = False
        self.ann = None
        self.view.set_text(document.text, document.blocks)
        self.docks.show_pending(self.tr("در حال تحلیل…"))
        self._update_title()
        self.analyse(article_date)

    def _on_analysis_result(self, generation: int, ann: Annotations) -> None:
        self.on_analysed(ann, generation)

    def on_analysed(self, ann: Annotations, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return  # an older article's (or an older pass's) result
        self._show_fresh(ann)
        self.status.set_phase(Phase.READY, self.tr("تحلیل کامل شد"))

    def _show_fresh(self, ann: Annotations) -> None:
        self._analysed_date = ann.article_date
        self.undo_stack.clear()
        self._pending_ready = True
        self._apply(ann)
        self._update_title()

    def _hold_gc(self, hold: bool, freeze: bool = False) -> None:
        """No full garbage collection from the start of an analysis until its result is painted."""
        if hold and not self._holding_gc:
            full_collections.acquire()
        elif not hold and self._holding_gc:
            full_collections.release(freeze)
        self._holding_gc = hold

    def on_analyse_failed(self, error: BaseException) -> None:
        self._hold_gc(False)
        if self.backend.is_cancelled(error):
            self._show_cancelled()
        else:
            self.docks.show_pending(self.tr("تحلیل ناموفق بود"))
            self.status.set_phase(Phase.FAILED, self.tr("تحلیل ناموفق بود: %1").replace("%1", isolate(_one_line(error))))
            self.analysisFailed.emit(_one_line(error))

    def _show_cancelled(self) -> None:
        self.docks.show_pending(self.tr("تحلیل لغو شد"))
        self.status.set_phase(Phase.CANCELLED, self.tr("تحلیل لغو شد"))

    def on_load_failed(self, path: str, error: BaseException) -> None:
        message = _reason(error, self.language)
        # The article on screen (if any) stays, and so does what the status said about it.
        self.status.restore(self._before_open)
        if self.document_ is None:
            self.status.set_phase(Phase.FAILED, message, can_reanalyse=False)
        else:
            self.show_status(message)
        self.loadFailed.emit(message)
        if not getattr(self, "quiet_errors", False):
            QtWidgets.QMessageBox.warning(self, self.tr("باز کردن ناموفق"), plain(message))

    def _offer_recovery(self, path: str, restored: Annotations | None) -> Annotations | None:
        if restored is None:
            return None
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("بازیابی اصلاحات"),
            self.tr("اصلاحات ذخیره‌نشده‌ای از آخرین بار برای این خبر پیدا شد. بازیابی شوند؟"),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
        )
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            return restored
        self.recovery_store().clear(path)
        return None

    def recovery_store(self):  # type: ignore[no-untyped-def]
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        return self.backend.recovery(os.path.join(folder, "recovery"))

    @Slot(object)
    def on_warmed_up(self, _result: object = None) -> None:
        if self.status.phase == Phase.WARMING:
            self.status.set_phase(Phase.IDLE)
            self.show_status(self.tr("آماده"), 3000)

    def on_warm_up_failed(self, error: BaseException) -> None:
        message = self.tr("بارگذاری تحلیلگر ناموفق بود: %1").replace("%1", isolate(_one_line(error)))
        if self.status.phase == Phase.WARMING:
            self.status.set_phase(Phase.FAILED, message, can_reanalyse=False)
        else:
            self.show_status(message)

    # ------------------------------------------------------------------ showing annotations

    def _apply(self, ann: Annotations) -> None:
        """Show ``ann`` everywhere (the undo stack calls this too)."""
        self.ann = ann
        self.view.set_annotations(ann)
        self.docks.set_annotations(ann, self._date_source(ann))
        selected = self.view.selected_entity()
        if selected is not None:
            self.docks.show_entity(ann, selected, raise_dock=False)
        self._update_title()

    def _date_source(self, ann: Annotations) -> str:
        """Where ``ann``'s article date came from, in words ("" when it has none)."""
        date = ann.article_date
        if date is None:
            return ""
        if self.document_ is not None and date == self.document_.article_date:
            return self.tr("از خود صفحهٔ خبر")
        if date == self._analysed_date:
            return self.tr("از سطر تاریخ متن")
        return self.tr("تعیین‌شده به دست شما")

    @Slot()
    def on_view_highlightingFinished(self) -> None:
        if self._pending_ready:
            self._pending_ready = False
            self.view.viewport().repaint()
            self._hold_gc(False, freeze=True)
            self.ready.emit()

    def edit(self, label: str, change: Callable[[Annotations], Annotations]) -> bool:
        """Apply a correction through the undo stack; False (and a status line) if it can't apply."""
        from reader.core import editing
        from reader.ui.commands import AnnotationsCommand

        if self.ann is None:
            return False
        before = self.ann
        try:
            after = change(before)
        except editing.EditError as exc:
            self.show_status(str(exc), 5000)
            return False
        if after == before:
            return False
        self.undo_stack.push(AnnotationsCommand(label, before, after, self._apply))
        self._autosave.start()
        return True

    @Slot(bool)
    def on_undo_stack_cleanChanged(self, _clean: bool) -> None:
        self._update_title()

    # ------------------------------------------------------------------ corrections from the view and panels

    @Slot(int, int, str)
    def on_view_addEntityRequested(self, start: int, end: int, etype: str) -> None:
        from reader.core import editing

        self.edit(self.tr("علامت‌گذاری %1").replace("%1", type_label(etype)),
                  lambda ann: editing.add_entity(ann, start, end, etype)[0])

    @Slot(int, int)
    def on_view_removeMentionRequested(self, start: int, end: int) -> None:
        from reader.core import editing
        from reader.core.document import Span

        self.edit(self.tr("حذف اشاره"), lambda ann: editing.remove_mention(ann, Span(start, end)))

    @Slot(int, int, str)
    def on_view_retypeMentionRequested(self, start: int, end: int, etype: str) -> None:
        from reader.core import editing
        from reader.core.document import Span

        self.edit(self.tr("تغییر نوع"), lambda ann: editing.retype_mention(ann, Span(start, end), etype))

    @Slot(int, int, str)
    def on_view_attachMentionRequested(self, start: int, end: int, entity_id: str) -> None:
        from reader.core import editing
        from reader.core.document import Span

        self.edit(self.tr("پیوستن اشاره"), lambda ann: editing.attach_mention(ann, Span(start, end), entity_id))

    @Slot(str, str)
    def on_merge_requested(self, keep_id: str, other_id: str) -> None:
        from reader.core import editing

        self.edit(self.tr("ادغام"), lambda ann: editing.merge_entities(ann, keep_id, other_id))

    @Slot(str, str)
    def on_rename_requested(self, entity_id: str, name: str) -> None:
        from reader.core import editing

        self.edit(self.tr("تغییر نام"), lambda ann: editing.rename_entity(ann, entity_id, name))

    @Slot(str, str)
    def on_role_requested(self, entity_id: str, role: str) -> None:
        from reader.core import editing

        self.edit(self.tr("تغییر نقش"), lambda ann: editing.set_role(ann, entity_id, role))

    @Slot(object)
    def on_article_date_changed(self, date: object) -> None:
        import datetime as dt

        if isinstance(date, dt.date):
            self.edit(self.tr("تاریخ خبر"), lambda ann: self.backend.resolve_dates(ann, date))

    # ------------------------------------------------------------------ entity selection and mention walk

    @Slot(str)
    def on_entity_activated(self, entity_id: str) -> None:
        if self.ann is None or self.ann.entity(entity_id) is None:
            return
        self.view.select_entity(entity_id)
        self._walk = -1
        self.docks.show_entity(self.ann, entity_id)
        entity = self.ann.entity(entity_id)
        assert entity is not None
        self.show_status(f"{entity.name} — {type_label(entity.type)} — "
                         + self.tr("%1 اشاره").replace("%1", number(len(entity.mentions), self.language)))

    @Slot(int, int)
    def on_span_activated(self, start: int, end: int) -> None:
        self.view.show_span(start, end)
        self.view.setFocus()

    def walk_mentions(self, backward: bool = False) -> None:
        """Move to the next (previous) mention of the selected entity, wrapping; F3 / Shift+F3."""
        from reader.core.text.search import next_match

        entity_id = self.view.selected_entity()
        entity = self.ann.entity(entity_id) if self.ann is not None and entity_id else None
        if entity is None or not entity.mentions:
            self.show_status(self.tr("نخست روی یک نام کلیک کنید"), 3000)
            return
        spans = [(m.start, m.end) for m in entity.mentions]
        if 0 <= self._walk < len(spans) and self.view.cursor_code_point() == spans[self._walk][0]:
            index = (self._walk + (-1 if backward else 1)) % len(spans)
        else:
            found = next_match(spans, self.view.cursor_code_point() - (0 if backward else 1), backward)
            index = found if found is not None else 0
        self._walk = index
        self.view.show_span(*spans[index], centre=True)
        self.docks.set_current_mention(index)
        self.show_status(f"{entity.name}: " + self.tr("%1 از %2").replace("%1", number(index + 1, self.language))
                         .replace("%2", number(len(spans), self.language)))

    def dock_toggles(self) -> list[QAction]:
        return self.docks.toggle_actions()

    # ------------------------------------------------------------------ find

    def open_find(self) -> None:
        self.find_bar.set_position(self.view.cursor_code_point())
        self.find_bar.open()

    @Slot(object, int)
    def on_find_bar_matchesChanged(self, matches: object, current: int) -> None:
        spans = list(matches)  # type: ignore[call-overload]
        self.view.set_find_matches(spans, current)
        if 0 <= current < len(spans):
            cursor = self.view.textCursor()
            self.view.show_span(*spans[current])
            self.view.setTextCursor(cursor)  # keep the typing focus's selection out of the way
            self.view.show_span(*spans[current])

    @Slot()
    def on_find_bar_closed(self) -> None:
        self.view.set_find_matches([], -1)
        self.view.setFocus()

    # ------------------------------------------------------------------ appearance

    def apply_theme(self, name: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.theme = themes.apply(app, name)
        else:
            self.theme = themes.theme(name)
        self.settings.set_theme(self.theme.name)
        self.view.set_theme(self.theme)
        self.legend.set_theme(self.theme)
        for action in self.actions_.themes.values():
            action.setChecked(action.data() == self.theme.name)

    def zoom(self, step: int | None) -> None:
        steps = 0 if step is None else max(-8, min(24, self.settings.zoom() + step))
        self.settings.set_zoom(steps)
        self.view.set_zoom(steps)

    @Slot(int)
    def on_view_zoomRequested(self, step: int) -> None:
        self.zoom(step)

    @Slot(object)
    def on_legend_hiddenTypesChanged(self, hidden: object) -> None:
        types = set(hidden)  # type: ignore[call-overload]
        self.settings.set_hidden_types(types)
        self.view.set_hidden_types(types)

    # ------------------------------------------------------------------ progress

    @Slot(str, int, int)
    def on_runner_progressShown(self, label: str, done: int, total: int) -> None:
        self.status.show_progress(label, done, total)

    @Slot()
    def on_runner_progressHidden(self) -> None:
        self.status.hide_progress()

    @Slot()
    def on_cancel_button_clicked(self) -> None:
        for kind in self.runner.visible_kinds():
            if kind != "warmup":
                self.runner.cancel(kind)
                if kind == "analyse":
                    self._hold_gc(False)
                    self._show_cancelled()
                elif kind == "load":
                    self.status.restore(self._before_open)

    # ------------------------------------------------------------------ saving

    def save(self, ask: bool = False) -> bool:
        """Save the annotated copy (asking where the first time); False if nothing was started."""
        if self.ann is None or self.path is None:
            return False
        target = self.copy_path
        if ask or target is None:
            default = str(self.backend.default_copy_path(self.path))
            target, _filter = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("ذخیرهٔ نسخهٔ حاشیه‌نویسی‌شده"), default, self.tr("نسخهٔ خوانا (*.khana.html *.html)"))
            if not target:
                return False
        if os.path.abspath(target) == os.path.abspath(self.path) and self.copy_path != self.path:
            QtWidgets.QMessageBox.warning(self, self.tr("ذخیره نشد"),
                                self.tr("پروندهٔ اصلی خبر بازنویسی نمی‌شود؛ نام دیگری برگزینید."))
            return False
        ann, source = self.ann, self.path
        self.runner.submit("save", lambda job: self.backend.save_copy(target, ann),
                           lambda _r: self.on_saved(target, source),
                           self.on_save_failed, label=self.tr("در حال ذخیره…"))
        return True

    def on_saved(self, target: str, source: str) -> None:
        self.copy_path = target
        self.undo_stack.setClean()
        self._restored = False
        self._autosave.stop()
        try:
            self.recovery_store().clear(source)
        except Exception:  # noqa: BLE001 - a stale recovery file is harmless
            pass
        self._update_title()
        self.show_status(self.tr("ذخیره شد: %1").replace("%1", isolate(Path(target).name)), 5000)
        if self._close_after_save:
            self.close()

    def on_save_failed(self, error: BaseException) -> None:
        self._close_after_save = False
        QtWidgets.QMessageBox.critical(self, self.tr("ذخیره نشد"), plain(_one_line(error)))

    def export(self, fmt: str) -> None:
        if self.ann is None or self.path is None:
            return
        default = str(Path(self.path).with_suffix(""))
        base, _filter = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("برون‌بری"), default)
        if not base:
            return
        base = os.path.splitext(base)[0]
        ann = self.ann
        self.runner.submit("export", lambda job: self.backend.export(base, ann, fmt),
                           lambda paths: self.show_status(self.tr("برون‌بری شد: %1").replace(
                               "%1", self.tr("، ", "list separator").join(isolate(Path(p).name) for p in paths)), 6000),
                           self.on_save_failed, label=self.tr("در حال برون‌بری…"))

    @Slot()
    def on_autosave_timeout(self) -> None:
        if self.ann is None or self.path is None or not self.is_dirty():
            return
        ann, source, store = self.ann, self.path, self.recovery_store()
        self.runner.submit("autosave", lambda job: store.save(source, ann),
                           lambda _r: None, lambda error: self.show_status(_one_line(error), 5000))

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved corrections; True to go on."""
        if not self.is_dirty():
            return True
        button = QtWidgets.QMessageBox.StandardButton
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("اصلاحات ذخیره نشده"),
            self.tr("اصلاحات این خبر ذخیره نشده است. ذخیره شود؟"),
            button.Save | button.Discard | button.Cancel,
        )
        if answer == button.Save:
            self._close_after_save = True
            self.save()
            return False
        if answer == button.Discard:
            self.undo_stack.setClean()
            self._restored = False
            if self.path is not None:
                try:
                    self.recovery_store().clear(self.path)
                except Exception:  # noqa: BLE001
                    pass
            return True
        return False

    # ------------------------------------------------------------------ window events

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_after_save and not self.is_dirty():
            self._close_after_save = False
        elif not self.maybe_save():
            event.ignore()
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        self._autosave.stop()
        self.runner.cancel_all()
        self.runner.wait()
        self._hold_gc(False)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            # After the layout has taken the new width (the docks keep theirs until then).
            self._room_timer.start()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    def choose_file(self) -> None:
        path, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("باز کردن خبر"), self.settings.last_folder(),
            self.tr("خبرها (*.txt *.html *.htm *.md);;نسخه‌های خوانا (*.khana.html *.json);;همهٔ پرونده‌ها (*)"))
        if path:
            self.open_path(path)


# A tampered copy may hold thousands of bad parts: the status bar names a few, its tooltip more.
_STATUS_WARNINGS = 3
_TOOLTIP_WARNINGS = 200


@functools.lru_cache(maxsize=4)
def _has_words(text: str) -> bool:
    """Whether ``text`` holds a letter or digit (a file of spaces, joiners and marks reads as empty).

    The GUI thread asks at every change of the status: the answer is kept, and the loading
    thread asks first. On a text with none (a million «&») the walk takes 70 ms, and a regular
    expression as long, holding the interpreter lock throughout where this loop lets go."""
    return any(c.isalnum() for c in text)


def _reason(error: BaseException, language: str) -> str:
    """A failure in the UI language: the loader's catalogue message, else the error's one line, isolated."""
    from reader.core.messages import Message  # as in _show_warnings
    message = getattr(error, "message", None)
    if isinstance(message, Message):
        return message.text(language)
    return isolate(_one_line(error)) if language == "fa" else _one_line(error)


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
