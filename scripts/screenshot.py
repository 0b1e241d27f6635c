"""Take docs/workspace.png: ingest examples/reports into a temporary store, serve it, and shoot the workspace in
headless Chromium (Debian's chromium and chromium-driver).

    .venv/bin/python scripts/screenshot.py [--out docs/workspace.png] [--hash '#actor=Hezbollah']
"""
from __future__ import annotations

import argparse
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "docs" / "workspace.png"))
    ap.add_argument("--hash", default="", help="Open this view, e.g. '#claim=<id>' (default: the first claim shown)")
    ap.add_argument("--size", default="1600,950")
    args = ap.parse_args()

    import uvicorn
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from sitrep.ingest import ingest_paths
    from sitrep.store import open_store
    from sitrep.web import Settings, create_app

    tmp = Path(tempfile.mkdtemp(prefix="sitrep-shot-"))
    try:
        store = open_store(str(tmp / "examples.db"))
        summary = ingest_paths(store, [ROOT / "examples" / "reports"])
        print(f"ingested {len(summary.new)} reports, {store.stats()['claims']} claims")
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        server = uvicorn.Server(uvicorn.Config(create_app(store, Settings(token="screenshot")), log_level="warning"))
        threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        opts = webdriver.ChromeOptions()
        opts.binary_location = "/usr/bin/chromium"
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--hide-scrollbars", f"--window-size={args.size}",
                    f"--user-data-dir={tmp / 'profile'}"):
            opts.add_argument(arg)
        drv = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
        try:
            target = args.hash
            if not target:
                # A movement with a route makes the richest claim panel.
                cid = None
                for t in ("movement", "transfer", ""):
                    rows, _ = store.claims(__import__("sitrep.store", fromlist=["ClaimFilter"]).ClaimFilter(
                        type=t or None), limit=20)
                    located = [r for r in rows if r.lat is not None and (r.data.get("source") or {}).get("name")]
                    if located:
                        cid = located[0].id
                        break
                target = f"#claim={cid}" if cid else ""
            drv.get(url + "/" + target)
            for _ in range(200):
                if drv.execute_script("return document.body.dataset.ready === '1' && !document.body.dataset.loading"):
                    break
                time.sleep(0.1)
            time.sleep(2.5)          # basemap layers and marker animation
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            drv.save_screenshot(args.out)
            print(f"wrote {args.out} ({url}/{target})")
        finally:
            drv.quit()
            server.should_exit = True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
