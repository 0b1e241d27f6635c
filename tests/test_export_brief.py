"""The situation report: Markdown golden file, hostile text escaped, footnoted sources, figures as real PNGs,
region-level places never drawn as points, the `sitrep report` command, and the HTML in headless Chromium."""
from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from tests.test_export_common import build_sample_store, check_golden, sample_store  # noqa: F401 - fixture

from sitrep.export import brief, figures
from sitrep.export import mappings as m
from sitrep.store import ClaimFilter

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_markdown_golden(sample_store):
    check_golden("brief.md", brief.render_brief(sample_store, None, "md", figures=False))


def test_markdown_structure_and_citations(sample_store):
    text = brief.render_brief(sample_store, None, "md", figures=False)
    assert text.startswith("# Situation report\n\n**Dated 20 March 2024**")
    assert "## Summary" in text and "## Deir ez\\-Zor" not in text and "## Deir ez-Zor" in text
    refs = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    notes = set(re.findall(r"^\[\^(\d+)\]:", text, re.M))
    assert refs == notes and notes == {str(i) for i in range(1, len(notes) + 1)}
    assert "Sharq Horizon, 12 March 2024 (citing local sources" in text
    assert "Special Dispatch No. 11842, 14 March 2024" in text
    # every claim sentence quotes its evidence
    assert "\u201con the previous day the IRGC moved more than 40 operatives" in text
    # the restated headline is the same event: it appears once
    assert text.count("moved Fatemiyoun Brigade from Al-Bukamal") == 2   # latest developments + its area


def test_markdown_escapes_hostile_text(sample_store):
    text = brief.render_brief(sample_store, None, "md", figures=False)
    assert not re.search(r"(?<!\\)[<>]", text), "an unescaped angle bracket"
    assert "\\<script\\>alert(1)\\</script\\>" in text


def test_html_escapes_every_report_string(sample_store):
    page = brief.render_brief(sample_store, None, "html")
    assert "<script" not in page.lower() and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Euphrates Eye &lt;img src=x onerror=alert(2)&gt;" in page
    assert "onerror=alert(2)>" not in page
    assert page.count("<img ") == 2          # the two figures, nothing else


def test_html_embeds_nonempty_png_figures(sample_store):
    page = brief.render_brief(sample_store, None, "html")
    uris = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert len(uris) == 2
    for uri in uris:
        png = base64.b64decode(uri)
        assert png.startswith(PNG_MAGIC) and len(png) > 5000


def test_markdown_writes_figures_beside_it(sample_store, tmp_path):
    text = brief.render_brief(sample_store, None, "md", asset_dir=tmp_path, asset_stem="week11")
    for name in ("week11-map.png", "week11-timeline.png"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(PNG_MAGIC) and len(data) > 5000
        assert f"]({name})" in text


def test_figures_are_deterministic(sample_store):
    items = m.load_items(sample_store)
    assert figures.map_png(items) == figures.map_png(items)
    assert figures.timeline_png(items) == figures.timeline_png(items)


def test_region_level_places_are_never_points(sample_store):
    items = m.load_items(sample_store)
    exact, regions, paths, _ = figures.classify(items)
    assert all((p.get("precision") or 1) < 3 for _, _, p, _ in exact)
    assert {p["name"] for p, _ in regions} == {"Deir ez-Zor countryside", "Iraq"}
    assert figures._admin1_at(40.1408, 35.3359) is not None      # hatched as its governorate


def test_filters_and_empty_brief(sample_store):
    text = brief.render_brief(sample_store, ClaimFilter(place="Bukamal"), "md", figures=False)
    assert text.startswith("# Situation report: Bukamal") and "Filters: place: Bukamal" in text
    assert "Kata'ib Hezbollah" not in text
    empty = brief.render_brief(sample_store, ClaimFilter(since="2030-01-01"), "html")
    assert "No claims match." in empty


def test_report_command(tmp_path, monkeypatch):
    import typer
    from typer.testing import CliRunner

    from sitrep.cli import brief as brief_cli
    from sitrep.cli import common

    build_sample_store(tmp_path / "s.db")
    monkeypatch.setitem(common.STATE, "db", str(tmp_path / "s.db"))
    app = typer.Typer()
    brief_cli.register(app)
    app.command("noop")(lambda: None)          # a second command keeps `report` a sub-command
    runner = CliRunner()
    out = tmp_path / "out" / "brief.md"
    result = runner.invoke(app, ["report", "--since", "2024-03-10", "--actor", "Islamic Revolutionary Guard Corps",
                                 "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "brief-map.png").exists() and (tmp_path / "out" / "brief-timeline.png").exists()
    text = out.read_text()
    assert "Islamic Revolutionary Guard Corps" in text and "Badia Watch" not in text
    html_out = tmp_path / "brief.html"
    result = runner.invoke(app, ["report", "--format", "html", "-o", str(html_out)], catch_exceptions=False)
    assert result.exit_code == 0 and html_out.read_text().startswith("<!DOCTYPE html>")
    bad = runner.invoke(app, ["report", "--format", "pdf"])
    assert bad.exit_code != 0


def test_export_command_formats(cli, tmp_path):
    build_sample_store(cli.db)
    for fmt, first in (("acled", "event_id_cnty,"), ("geojson", '{"type": "FeatureCollection"'),
                       ("stix", "{"), ("plover", '{"id": "sitrep-')):
        out = tmp_path / f"export.{fmt}"
        result = cli("export", "--format", fmt, "--type", "movement,attack", "-o", out)
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").startswith(first)


CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.mark.browser
def test_html_opens_in_headless_chromium(sample_store, tmp_path):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("headless Chromium not installed (/usr/bin/chromium, /usr/bin/chromedriver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    page = tmp_path / "brief.html"
    page.write_text(brief.render_brief(sample_store, None, "html"), encoding="utf-8")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.get(page.as_uri())
        assert driver.title.startswith("Situation report")
        body = driver.find_element("tag name", "body").text
        assert "<script>alert(1)</script> Militia Drones Hit Base" in body      # shown as text
        assert driver.execute_script("return document.scripts.length") == 0
        widths = driver.execute_script(
            "return Array.from(document.images).map(i => i.complete ? i.naturalWidth : 0)")
        assert len(widths) == 2 and all(w > 100 for w in widths)
        links = driver.execute_script("return Array.from(document.querySelectorAll('sup a'))"
                                      ".every(a => document.getElementById(a.getAttribute('href').slice(1)))")
        assert links
    finally:
        driver.quit()
