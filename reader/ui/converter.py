"""The Jalali ⇄ Gregorian date converter and the article-date picker under the timeline.

All calendar arithmetic goes through ``reader.core.dates.calendar`` (jdatetime); Qt's QCalendar
has a different Jalali leap rule and is never used, not even for the picker's day range.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.core.dates.calendar import (
    JALALI_MONTHS,
    to_persian_digits,
    Conversion,
    DateInputError,
    conversion_for,
    gregorian_to_jalali,
    jalali_month_length,
    jalali_to_gregorian,
    parse_user_date,
)

from reader.ui.i18n import ltr

# A run of digits joined by slashes or dashes (۱۴۰۲/۱۳/۰۱, 2023-09-13) inside a message.
_DATE_RUN = re.compile(r"[0-9۰-۹]+(?:[/\-][0-9۰-۹]+)+")


class ConverterWidget(QWidget):
    """A Jalali ⇄ Gregorian converter box and the article-date picker.

    Signals:
        articleDateChanged(object): the user set the article date (a ``datetime.date``).
    """

    articleDateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input = QLineEdit(self)
        self.input.setPlaceholderText(self.tr("مثلاً ۲۲ شهریور ۱۴۰۲ یا 2023-09-13"))
        self.input.setToolTip(self.tr("تاریخ شمسی یا میلادی، مثلاً ۱۴۰۲/۰۶/۲۲ یا ۲۲ شهریور ۱۴۰۲ یا 2023-09-13"))
        self.input.setClearButtonEnabled(True)
        self.jalali_label = QLabel(self)
        self.gregorian_label = QLabel(self)
        self.weekday_label = QLabel(self)
        self.hijri_label = QLabel(self)
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        error_palette = self.error_label.palette()
        error_palette.setColor(QPalette.ColorRole.WindowText, QColor("#d32f2f"))
        self.error_label.setPalette(error_palette)
        for label in (self.jalali_label, self.gregorian_label, self.weekday_label, self.hijri_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        results = QFormLayout()
        results.addRow(self.tr("شمسی:"), self.jalali_label)
        results.addRow(self.tr("میلادی:"), self.gregorian_label)
        results.addRow(self.tr("روز هفته:"), self.weekday_label)
        results.addRow(self.tr("قمری (جدولی، تقریبی):"), self.hijri_label)

        converter = QGroupBox(self.tr("تبدیل تاریخ"), self)
        box = QVBoxLayout(converter)
        box.addWidget(self.input)
        box.addWidget(self.error_label)
        box.addLayout(results)

        persian = _persian_locale()
        self.year_spin = QSpinBox(self)
        self.year_spin.setLocale(persian)
        self.year_spin.setRange(1200, 1600)
        self.month_combo = QComboBox(self)
        self.month_combo.addItems(list(JALALI_MONTHS))
        self.day_spin = QSpinBox(self)
        self.day_spin.setLocale(persian)
        self.day_spin.setRange(1, 31)
        self.set_button = QPushButton(self.tr("تنظیم تاریخ خبر"), self)
        self.article_label = QLabel(self)
        picker = QGroupBox(self.tr("تاریخ خبر"), self)
        row = QHBoxLayout()
        row.addWidget(self.day_spin)
        row.addWidget(self.month_combo, 1)
        row.addWidget(self.year_spin)
        row.addWidget(self.set_button)
        picker_box = QVBoxLayout(picker)
        picker_box.addLayout(row)
        picker_box.addWidget(self.article_label)

        # Stacked, not side by side: the panel lives in the side column beside the article,
        # and two boxes abreast would force that column to ~650 px.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(picker)
        layout.addWidget(converter)

        self.input.textChanged.connect(self.on_input_textChanged)
        self.year_spin.valueChanged.connect(self.on_year_spin_valueChanged)
        self.month_combo.currentIndexChanged.connect(self.on_month_combo_currentIndexChanged)
        self.set_button.clicked.connect(self.on_set_button_clicked)
        self._conversion: Conversion | None = None
        self._source = ""
        self.article_label.setWordWrap(True)
        self.on_input_textChanged("")
        self.set_article_date(None)

    # ----------------------------------------------------------------- converter

    def conversion(self) -> Conversion | None:
        return self._conversion

    def error_text(self) -> str:
        return self.error_label.text()

    @Slot(str)
    def on_input_textChanged(self, text: str) -> None:
        self._conversion = None
        self.error_label.clear()
        self.error_label.hide()
        if text.strip():
            try:
                self._conversion = parse_user_date(text)
            except DateInputError as exc:
                # The reason echoes what was typed as numbers: in Persian digits, the date isolated
                # so its slashes keep their order in the right-to-left line.
                self.error_label.setText(_persian_reason(str(exc)))
                self.error_label.show()
        c = self._conversion
        self.jalali_label.setText(c.jalali_text() if c else "—")
        self.gregorian_label.setText(f"{c.gregorian_text()}  ({ltr(c.gregorian.isoformat())})" if c else "—")
        self.weekday_label.setText(c.weekday_fa if c else "—")
        self.hijri_label.setText(c.hijri_text() if c else "—")

    # ----------------------------------------------------------------- picker

    def picked_date(self) -> dt.date:
        return jalali_to_gregorian(self.year_spin.value(), self.month_combo.currentIndex() + 1, self.day_spin.value())

    def set_article_date(self, date: dt.date | None, source: str = "", guess: dt.date | None = None) -> None:
        """Show ``date`` in the picker without emitting ``articleDateChanged``.

        ``source`` says where the date came from. With no date the picker starts at ``guess``
        (the text's latest full date), else at today, and the line under it says which.
        """
        shown = date or guess or dt.date.today()
        if date is None:
            source = self.tr("پیشنهاد: تازه‌ترین تاریخ کامل متن") if guess else self.tr("پیشنهاد: امروز؛ تاریخ کاملی در متن نیامده")
        self._source = source
        y, m, d = gregorian_to_jalali(shown)
        for widget in (self.year_spin, self.month_combo, self.day_spin):
            widget.blockSignals(True)
        self.year_spin.setValue(y)
        self.month_combo.setCurrentIndex(m - 1)
        self._fit_days()
        self.day_spin.setValue(d)
        for widget in (self.year_spin, self.month_combo, self.day_spin):
            widget.blockSignals(False)
        self._show_article_date(date)

    def _show_article_date(self, date: dt.date | None) -> None:
        if date is None:
            text = self.tr("تاریخ خبر تعیین نشده است")
        else:
            c = conversion_for(date)
            # Weekday and month names are the calendar core's Persian, in either UI language.
            text = (
                self.tr("اکنون: %1 %2 (%3)")
                .replace("%1", c.weekday_fa)
                .replace("%2", c.jalali_text())
                .replace("%3", c.gregorian_text())
            )
        self.article_label.setText(f"{text}\n{self._source}" if self._source else text)

    def source_text(self) -> str:
        """Where the picker's date came from, as the line under it says."""
        return self._source

    def _fit_days(self) -> None:
        # The day range follows the month and the Jalali leap year (from the core, not Qt).
        self.day_spin.setMaximum(jalali_month_length(self.year_spin.value(), self.month_combo.currentIndex() + 1))

    @Slot(int)
    def on_year_spin_valueChanged(self, _value: int) -> None:
        self._fit_days()

    @Slot(int)
    def on_month_combo_currentIndexChanged(self, _index: int) -> None:
        self._fit_days()

    @Slot()
    def on_set_button_clicked(self) -> None:
        date = self.picked_date()
        self._source = self.tr("تعیین‌شده به دست شما")
        self._show_article_date(date)
        self.articleDateChanged.emit(date)


def _persian_reason(reason: str) -> str:
    """A date error's reason with its numbers in Persian digits and each date isolated left to right."""
    return _DATE_RUN.sub(lambda m: ltr(m.group(0)), to_persian_digits(reason))


def _persian_locale():
    from PySide6.QtCore import QLocale

    locale = QLocale(QLocale.Language.Persian, QLocale.Country.Iran)
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale

