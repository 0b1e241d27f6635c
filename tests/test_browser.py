"""The workspace in headless Chromium, as an analyst uses it: markers on the map, a filter narrows them, a marker's
evidence, a review that survives a restart, and a hostile report that runs nothing.

Needs Debian's `chromium` and `chromium-driver` (installed by .ci/run); skipped cleanly without them.
"""
from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

from sitrep.store import open_store
from sitrep.web import Settings, create_app
from tests.web_fixtures import seeded_store

pytestmark = pytest.mark.browser

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "reports"
TOKEN = "browser-token"


class LiveServer:
    """The app served by uvicorn in a thread, on a free loopback port."""

    def __init__(self, store, settings: Settings):
        import uvicorn
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(store, settings), log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        for _ in range(100):
            if self.server.started:
                break
            time.sleep(0.05)

    def stop(self):
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


@pytest.fixture(scope="module")
def driver():
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("headless Chromium absent: apt-get install chromium chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="sitrep-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900", f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    drv.set_page_load_timeout(30)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait(drv, condition, timeout=40, message=""):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(drv, timeout, poll_frequency=0.1).until(lambda d: condition(d), message)


def open_workspace(drv, url, hash_=""):
    drv.get("about:blank")
    drv.get(url + "/" + hash_)
    wait(drv, lambda d: d.execute_script("return document.body.dataset.ready === '1' && "
                                         "!document.body.dataset.loading"), message="workspace did not load")


def shown_on_map(drv) -> int:
    return drv.execute_script("return document.querySelectorAll('.leaflet-marker-icon.mk, .marker-cluster, "
                              "path.region-area').length")


def click_a_marker(drv):
    """Click a claim marker, zooming into clusters until one is visible."""
    for _ in range(8):
        markers = [m for m in drv.find_elements("css selector", ".leaflet-marker-icon.mk") if m.is_displayed()]
        if markers:
            claim_id = markers[0].find_element("css selector", ".glyph").get_attribute("data-claim-id")
            markers[0].click()
            return claim_id
        clusters = drv.find_elements("css selector", ".marker-cluster")
        if not clusters:
            break
        clusters[0].click()
        time.sleep(0.6)
    raise AssertionError("no clickable marker")


@pytest.fixture(scope="module")
def examples_server(tmp_path_factory):
    """The bundled example reports through the real pipeline."""
    from sitrep.ingest import ingest_paths
    if not any(EXAMPLES.glob("*.*")):
        pytest.skip("no example reports")
    store = open_store(str(tmp_path_factory.mktemp("examples") / "ex.db"))
    summary = ingest_paths(store, [EXAMPLES])
    assert summary.new and not summary.failed
    server = LiveServer(store, Settings(token=TOKEN))
    yield server
    server.stop()


def test_workspace_shows_markers_a_filter_narrows_them_and_a_marker_opens_its_evidence(driver, examples_server):
    open_workspace(driver, examples_server.url)
    wait(driver, lambda d: shown_on_map(d) > 0, message="no markers on the map")
    everything = int(driver.find_element("id", "map").get_attribute("data-count"))
    assert everything > 1
    assert driver.execute_script("return document.querySelectorAll('#panel-claims li.claim-item').length") > 0
    assert driver.execute_script("return document.querySelectorAll('#timeline rect.bar').length") > 0

    # A filter narrows the map: the event type with the fewest located claims.
    counts = {}
    for feature in driver.execute_script(
            "return fetch('/api/geo/claims').then(r => r.json()).then(fc => fc.features"
            ".filter(f => f.geometry.type === 'Point' && f.properties.precision < 3)"
            ".map(f => f.properties.type))"):
        counts[feature] = counts.get(feature, 0) + 1
    rare = min(counts, key=counts.get)
    driver.find_element("css selector", f"#type-list input[value='{rare}']").click()
    wait(driver, lambda d: d.find_element("id", "map").get_attribute("data-count") != str(everything)
         and not d.execute_script("return document.body.dataset.loading"), message="the filter changed nothing")
    narrowed = int(driver.find_element("id", "map").get_attribute("data-count"))
    assert 0 < narrowed < everything
    total_text = driver.find_element("id", "claims-total").text
    assert total_text.split()[0].isdigit()

    # Clicking a marker shows its claim with the evidence highlighted in the report's text.
    claim_id = click_a_marker(driver)
    wait(driver, lambda d: d.find_elements("css selector", "#evidence mark.evidence"), message="no evidence shown")
    assert driver.execute_script("return decodeURIComponent(location.hash)") == f"#claim={claim_id}"
    # The highlight may come in pieces where a field's span (a source, an actor) is marked inside it.
    pieces = [m.text for m in driver.find_elements("css selector", "#evidence mark.evidence") if m.text.strip()]
    claim = driver.execute_script(f"return fetch('/api/claims/{claim_id}').then(r => r.json())")
    assert claim["type"] == rare
    evidence_text = " ".join(claim["evidence"]["text"].split())
    assert pieces and evidence_text.startswith(" ".join(pieces[0].split()))
    assert all(" ".join(p.split()) in evidence_text for p in pieces)
    assert driver.find_element("css selector", ".chain").text           # the source chain is shown


def test_actor_and_report_views(driver, examples_server):
    open_workspace(driver, examples_server.url)
    actor = driver.execute_script("return fetch('/api/actors?limit=1').then(r => r.json()).then(d => d.items[0].name)")
    driver.execute_script("location.hash = arguments[0]", "#actor=" + actor)
    wait(driver, lambda d: d.find_elements("css selector", "#panel-detail svg.network, #panel-detail .actor-name"))
    assert driver.find_element("css selector", ".actor-name").text == actor
    report = driver.execute_script("return fetch('/api/reports?limit=1').then(r => r.json()).then(d => d.items[0].id)")
    driver.execute_script("location.hash = arguments[0]", "#report=" + report)
    wait(driver, lambda d: d.find_elements("css selector", "#report-text"))
    assert driver.find_elements("css selector", "#report-text mark[data-claim-id]")


def test_a_review_is_saved_and_survives_a_restart(driver, tmp_path):
    store, ids = seeded_store(tmp_path / "review.db")
    claim_id = ids["test/report_b.txt"]["claims"][0]
    server = LiveServer(store, Settings(token=TOKEN))
    try:
        open_workspace(driver, server.url)
        driver.execute_script("localStorage.setItem('sitrep.settings', JSON.stringify(arguments[0]))",
                              {"reviewer": "analyst-7", "token": TOKEN})
        open_workspace(driver, server.url, f"#claim={claim_id}")
        wait(driver, lambda d: d.find_elements("id", "review-accept"))
        driver.find_element("id", "review-accept").click()
        wait(driver, lambda d: d.execute_script(
            "const s = document.querySelector('#panel-detail .claim-head .status');"
            "const m = document.querySelector('#panel-detail .review-msg');"
            "return (s && s.textContent === 'accepted') || (m && m.textContent.startsWith('Not saved'))"))
        assert driver.find_element("css selector", "#panel-detail .claim-head .status").text == "accepted"
    finally:
        server.stop()
        store.engine.dispose()
    # A new server process over the same database file.
    again = LiveServer(open_store(str(tmp_path / "review.db")), Settings(token=TOKEN))
    try:
        open_workspace(driver, again.url, f"#claim={claim_id}")
        wait(driver, lambda d: d.find_elements("css selector", "#panel-detail .claim-head .status"))
        assert driver.find_element("css selector", "#panel-detail .claim-head .status").text == "accepted"
        assert "analyst-7: accept" in driver.find_element("css selector", ".history").text
    finally:
        again.stop()


def test_a_report_carrying_script_and_markup_runs_nothing(driver, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException

    store, ids = seeded_store(tmp_path / "xss.db")
    xss = ids["test/report_xss.txt"]
    server = LiveServer(store, Settings(token=TOKEN))
    try:
        for hash_ in ("", f"#report={xss['id']}", f"#claim={xss['claims'][0]}",
                      "#actor=" + "<b>Unknown</b> <script>window.__pwned=4</script>"):
            open_workspace(driver, server.url, hash_)
            time.sleep(0.5)
            assert driver.execute_script("return window.__pwned") is None
            with pytest.raises(NoAlertPresentException):
                driver.switch_to.alert.text
            # The markup is shown as text, and never became elements.
            assert driver.execute_script("return document.querySelectorAll('body script, #panel img, "
                                         "#panel b, #panel i, #filters b').length") == 0
        body = driver.find_element("tag name", "body").text
        assert "<script>" in body                       # visible, as text
        scripts = driver.execute_script("return [...document.scripts].map(s => s.src)")
        assert all(s.startswith(server.url + "/static/") for s in scripts)
    finally:
        server.stop()
