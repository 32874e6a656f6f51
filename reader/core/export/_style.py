"""The annotated copy's inline style sheet and its optional embedded font.

Colours: every highlight is a light tint under near-black text (contrast well
above WCAG AA's 4.5:1) with a darker underline in the same hue; the underline
style differs by type as well, so the types stay apart without colour vision
and on a black-and-white printout.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

import reader
from reader.core import palette

FONT_STACK = 'Vazirmatn, Tahoma, "Noto Naskh Arabic", sans-serif'
# Above this the copy gets too heavy to mail or open quickly; fall back to installed fonts.
MAX_COPY_BYTES = 2_000_000

# The window's light palette (reader.core.palette), so a copy looks like the window it came from.
_LINES = {"PER": "solid", "LOC": "dashed", "ORG": "double", "DAT": "dotted", "TIM": "dotted", "MON": "solid",
          "PCT": "dashed"}
# type: (background tint, underline colour, underline style)
TYPE_STYLES = {t: (palette.LIGHT.entity[t], palette.LIGHT.line[t], _LINES[t]) for t in palette.TYPE_ORDER}
QUOTE_STYLE = (palette.LIGHT.quote, palette.LIGHT.quote_line)
DATE_STYLE = (palette.LIGHT.entity["DAT"], palette.LIGHT.date_line)


def font_path() -> Path:
    # resources/ sits beside the reader/ package in a checkout and in a frozen build.
    return Path(reader.__file__).resolve().parents[1] / "resources" / "fonts" / "Vazirmatn-Regular.ttf"


@lru_cache(maxsize=1)
def _font_face_cached(path: str, mtime_ns: int, size: int) -> str:
    data = Path(path).read_bytes()
    encoded = base64.b64encode(data).decode("ascii")
    return (
        "@font-face{font-family:Vazirmatn;font-style:normal;font-weight:400;"
        f"src:url(data:font/ttf;base64,{encoded}) format(\"truetype\");}}\n"
    )


def font_face(budget: int) -> str:
    """An @font-face rule embedding Vazirmatn, or "" when the font is missing or over ``budget`` bytes."""
    path = font_path()
    try:
        info = path.stat()
    except OSError:
        return ""
    if info.st_size * 4 // 3 + 200 > budget:
        return ""
    try:
        return _font_face_cached(str(path), info.st_mtime_ns, info.st_size)
    except OSError:
        return ""


def style_sheet() -> str:
    rules = [
        f"body{{font-family:{FONT_STACK};line-height:2;color:#111;background:#fff;"
        "max-width:46em;margin:2em auto;padding:0 1.5em;}",
        "h1{font-size:1.6em;line-height:1.5;margin:0 0 .3em}",
        "h2{font-size:1.25em;margin:2em 0 .5em;border-bottom:1px solid #ccc}",
        ".meta{color:#444;margin:0 0 1em}",
        ".article p{white-space:pre-wrap;margin:0 0 .8em;text-align:justify}",
        ".article p:empty{min-height:1em}",
        "mark{color:inherit;background:none;padding:0 .1em;border-radius:.2em}",
        f".quote{{background:{QUOTE_STYLE[0]};border-inline-start:3px solid {QUOTE_STYLE[1]};"
        "padding-inline-start:.3em}",
        ".quote.cont{border-inline-start:none;padding-inline-start:0}",
        f"mark.date{{background:{DATE_STYLE[0]};border-bottom:2px dotted {DATE_STYLE[1]}}}",
        ".legend{display:flex;flex-wrap:wrap;gap:.4em 1em;font-size:.9em;padding:.5em;"
        "border:1px solid #ddd;border-radius:.4em;margin:0 0 1.5em}",
        "table{border-collapse:collapse;width:100%;font-size:.95em}",
        "th,td{border:1px solid #ccc;padding:.2em .5em;text-align:start;vertical-align:top}",
        "th{background:#f3f3f3}",
        "td.n{text-align:center}",
        f"blockquote{{margin:.3em 0;padding:.2em .8em;background:{QUOTE_STYLE[0]};"
        f"border-inline-start:3px solid {QUOTE_STYLE[1]}}}",
        ".speaker{margin:0 0 1em;color:#333}",
        "footer{margin-top:3em;font-size:.8em;color:#555}",
        "@media print{body{max-width:none;margin:0;padding:0;font-size:11pt;line-height:1.8}"
        "mark,.quote,blockquote,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
        "tr,blockquote,.legend{break-inside:avoid}h2{break-after:avoid}}",
    ]
    for etype, (tint, line, style) in TYPE_STYLES.items():
        width = "3px" if style == "double" else "2px"
        rules.append(f"mark.ent.{etype}{{background:{tint};border-bottom:{width} {style} {line}}}")
    # Title and pronoun mentions: the same underline, thinner, over no tint.
    rules.append("mark.ent.ref{background:none;border-bottom-width:1px}")
    return "\n".join(rules) + "\n"
