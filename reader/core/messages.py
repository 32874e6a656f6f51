"""The one catalogue of what Khana tells a user about a file: English for the command line, Persian for the window.

A loader error or warning carries a ``Message``: an id and its arguments. ``str()`` of the error
is the English line (the CLI prints it); the window shows ``message.persian()``. The Persian line
isolates each left-to-right argument (a file name, a path, a system's reason) with Unicode
isolates, so «07.txt» never turns into «txt.07» in a right-to-left line, and writes its numbers
in Persian digits. No Qt here: the CLI uses it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FSI, PDI = "\u2068", "\u2069"
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# id: (English, Persian). Placeholders name the arguments; {kind} is a KINDS id.
CATALOGUE: dict[str, tuple[str, str]] = {
    "not-an-article": ("{name} is {kind}, not an article", "«{name}» {kind} است، نه خبر"),
    "no-such-file": ("no such file: {path}", "چنین پرونده‌ای نیست: {path}"),
    "cannot-open": ("cannot open {path}: {reason}", "{path} باز نشد: {reason}"),
    "folder": ("{path} is a folder, not an article", "{path} پوشه است، نه خبر"),
    "not-regular": ("{path} is not a regular file", "{path} پروندهٔ معمولی نیست"),
    "too-big": ("{name} is {mb} MB; Khana opens articles up to {limit} MB",
                "«{name}» {mb} مگابایت است؛ خوانا خبرهای تا {limit} مگابایت را باز می‌کند"),
    "too-many-words": ("{name} holds about {count} words and signs; Khana analyses up to {limit} in one article",
                       "«{name}» حدود {count} واژه و نشانه دارد؛ خوانا خبرهای تا {limit} واژه و نشانه را تحلیل می‌کند"),
    "grew-too-big": ("{name} is larger than {limit} MB", "«{name}» از {limit} مگابایت بزرگ‌تر است"),
    "cannot-read": ("cannot read {path}: {reason}", "{path} خوانده نشد: {reason}"),
    "binary": ("{name} is a binary file, not an article", "«{name}» پرونده‌ای دودویی است، نه خبر"),
    "bad-utf8-mixed": ("{name} is not valid UTF-8: bad byte at offset {offset} (mixed encodings?)",
                       "«{name}» UTF-8 درستی نیست: بایت نادرست در جایگاه {offset} (چند رمزگذاری درهم؟)"),
    "bad-utf8": ("{name} is not valid UTF-8: bad byte at offset {offset}",
                 "«{name}» UTF-8 درستی نیست: بایت نادرست در جایگاه {offset}"),
    "bad-utf16": ("{name} is not valid UTF-16: bad data at byte {offset}",
                  "«{name}» UTF-16 درستی نیست: دادهٔ نادرست در بایت {offset}"),
    "unknown-encoding": ("{name} is not text Khana can read (not UTF-8, UTF-16 or Windows-1256)",
                         "«{name}» متنی نیست که خوانا بتواند بخواند (نه UTF-8، نه UTF-16، نه Windows-1256)"),
    "unreadable-text": ("{name} is not text Khana can read", "«{name}» متنی نیست که خوانا بتواند بخواند"),
    "damaged-copy": ("{name} is a damaged Khana copy: {reason}", "«{name}» نسخهٔ خوانای آسیب‌دیده‌ای است: {reason}"),
    "bad-json": ("{name}: {reason}", "«{name}»: {reason}"),
    "empty": ("{name} holds no text", "«{name}» متنی ندارد"),
    "not-persian": ("{name} is declared as {charset} and holds no Persian text",
                    "«{name}» با رمزگذاری {charset} است و متن فارسی ندارد"),
    "no-article-text": ("{name}: no article text found", "«{name}»: متن خبری در این صفحه پیدا نشد"),
    "cut-character": ("the file ends in the middle of a character; that character was left out",
                      "پرونده در میانهٔ یک نویسه تمام می‌شود؛ آن نویسه کنار گذاشته شد"),
}

# What a binary file turned out to be: id -> (English with its article, Persian).
KINDS: dict[str, tuple[str, str]] = {
    "png": ("a PNG image", "تصویر PNG"),
    "jpeg": ("a JPEG image", "تصویر JPEG"),
    "gif": ("a GIF image", "تصویر GIF"),
    "pdf": ("a PDF document", "سند PDF"),
    "zip": ("a ZIP archive (or an Office document)", "بایگانی ZIP (یا سند آفیس)"),
    "program": ("a program", "برنامه"),
    "gzip": ("a gzip archive", "بایگانی gzip"),
    "media": ("a media file", "پروندهٔ صوتی یا تصویری"),
    "icon": ("an icon", "نماد (آیکون)"),
    "bzip2": ("a bzip2 archive", "بایگانی bzip2"),
    "7z": ("a 7-Zip archive", "بایگانی 7-Zip"),
    "old-office": ("an old Office document", "سند قدیمی آفیس"),
}

# Arguments that are names or reasons in their own script: isolated in a Persian line.
_ISOLATED = {"name", "path", "reason"}


@dataclass(frozen=True)
class Message:
    """One thing to tell the user: a catalogue id and its arguments."""

    id: str
    args: dict[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        template = CATALOGUE[self.id][0]
        args = dict(self.args)
        if "kind" in args:
            args["kind"] = KINDS[args["kind"]][0]
        return template.format(**args)

    def persian(self) -> str:
        template = CATALOGUE[self.id][1]
        args: dict[str, str] = {}
        for key, value in self.args.items():
            if key == "kind":
                args[key] = KINDS[value][1]
            elif key in _ISOLATED:
                args[key] = f"{FSI}{value}{PDI}"
            else:
                args[key] = str(value).translate(_PERSIAN_DIGITS)
        return template.format(**args)

    def text(self, language: str) -> str:
        return self.persian() if language == "fa" else self.english()

    def __str__(self) -> str:
        return self.english()


def message(message_id: str, **args: Any) -> Message:
    if message_id not in CATALOGUE:
        raise KeyError(f"no message {message_id!r} in the catalogue")
    return Message(message_id, args)


def warning_text(warning: str, language: str) -> str:
    """A loader warning (``Document.warnings`` holds the English line) in ``language``."""
    if language != "fa":
        return warning
    for english, persian in CATALOGUE.values():
        if english == warning:
            return persian
    return f"{FSI}{warning}{PDI}"
