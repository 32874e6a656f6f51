"""The one place Khana's preferences live: typed getters with defaults over ``QSettings``.

No ``QSettings`` exists at import time; ``Settings()`` makes one when a window
needs it, so tests can point the store somewhere private before anything reads it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
THEMES = ("light", "dark")
LANGUAGES = ("fa", "en")


class Settings:
    """Typed access to the user's preferences (theme, language, zoom, recent files, window layout)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    def _bool(self, key: str, default: bool) -> bool:
        return bool(self._store.value(key, default, type=bool))

    def _int(self, key: str, default: int) -> int:
        try:
            value: Any = self._store.value(key, default, type=int)
            return int(value)
        except (TypeError, ValueError):
            return default

    def _str(self, key: str, default: str) -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    # appearance
    def theme(self) -> str:
        value = self._str("view/theme", "light")
        return value if value in THEMES else "light"

    def set_theme(self, theme: str) -> None:
        self._store.setValue("view/theme", theme if theme in THEMES else "light")

    def zoom(self) -> int:
        """Steps of one point above (or below) the default article font size."""
        return max(-8, min(24, self._int("view/zoom", 0)))

    def set_zoom(self, steps: int) -> None:
        self._store.setValue("view/zoom", int(steps))

    def hidden_types(self) -> set[str]:
        value = self._str("view/hidden_types", "")
        return {t for t in value.split(",") if t}

    def set_hidden_types(self, types: set[str]) -> None:
        self._store.setValue("view/hidden_types", ",".join(sorted(types)))

    # language: '' means "from the environment"
    def language(self) -> str:
        value = self._str("ui/language", "")
        return value if value in LANGUAGES else ""

    def set_language(self, language: str) -> None:
        self._store.setValue("ui/language", language if language in LANGUAGES else "")

    # files
    def recent_files(self) -> list[str]:
        value: Any = self._store.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if isinstance(v, str) and v][:MAX_RECENT]

    def add_recent_file(self, path: str) -> list[str]:
        recent = [path] + [p for p in self.recent_files() if p != path]
        self._store.setValue("files/recent", recent[:MAX_RECENT])
        return recent[:MAX_RECENT]

    def clear_recent_files(self) -> None:
        self._store.setValue("files/recent", [])

    def last_folder(self) -> str:
        return self._str("files/last_folder", "")

    def set_last_folder(self, folder: str) -> None:
        self._store.setValue("files/last_folder", folder)

    # window
    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, data: QByteArray) -> None:
        self._store.setValue("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        value = self._store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, data: QByteArray) -> None:
        self._store.setValue("window/state", data)

    def sync(self) -> None:
        self._store.sync()
