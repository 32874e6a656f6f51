"""The desktop entry, AppStream metadata and icon are valid and agree on one application id."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
APP_ID = "io.github.khana.Khana"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON = PACKAGING / f"{APP_ID}.svg"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def test_desktop_entry_validates() -> None:
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout


def test_metainfo_validates_offline() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_files_agree_on_the_application_id() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Icon"] == APP_ID
    assert section["Name[fa]"] == "خوانا"
    assert section["Exec"].split()[0] == "khana"
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert {n.get(lang) for n in root.findall("name")} == {None, "fa"}
    assert {n.get(lang) for n in root.findall("summary")} == {None, "fa"}
    assert root.find("content_rating").get("type", "").startswith("oars-")  # type: ignore[union-attr]


def test_icon_is_a_square_svg() -> None:
    root = ET.parse(ICON).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == root.get("height")


def test_icon_renders() -> None:
    rsvg = shutil.which("rsvg-convert")
    if rsvg is None:
        pytest.skip("rsvg-convert is not installed")
    result = subprocess.run([rsvg, "-w", "64", "-h", "64", str(ICON)], capture_output=True)
    assert result.returncode == 0 and result.stdout.startswith(b"\x89PNG")


def test_the_app_registers_the_same_id() -> None:
    source = (Path(__file__).resolve().parents[1] / "reader" / "ui" / "launch.py").read_text(encoding="utf-8")
    assert f'"{APP_ID}"' in source
