"""Benchmark: time of actor/person/outlet recognition against the rest of the pipeline, per report.

    .venv/bin/python benchmarks/actors.py [DIR ...] [--repeat N]

Reads the shared seed and dev reports and the example reports (or the given directories of .txt files), runs the
standard pipeline (``sitrep.extract.pipeline.build_pipeline()``) stage by stage, and prints the time per report of each
stage and the share the actors stage adds to all the other stages together. Target (issue 4): the actors stage adds no
more than a third to the time of the rest of the pipeline, and takes about 2 ms for a typical 3-5 KB report.

Each report runs ``--repeat`` times; a stage's time for a report is its fastest run (the least disturbed by other jobs
on a shared machine), and the figures are means of those over the reports. The first run also warms the caches, as a
long ingest does.
"""
from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import time

from sitrep.extract.model import Doc, ReportMeta

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [pathlib.Path("/work/shared/seeds"), pathlib.Path("/work/shared/eval/dev/docs"), ROOT / "examples" / "reports"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=pathlib.Path)
    ap.add_argument("--repeat", type=int, default=15)
    a = ap.parse_args(argv)
    files = [p for d in (a.dirs or DEFAULT_DIRS) if d.exists() for p in sorted(d.glob("*.txt"))]
    if not files:
        print("no reports to time (shared data absent); pass directories of .txt files")
        return 0
    texts = [p.read_text(encoding="utf-8") for p in files]

    t0 = time.perf_counter()
    from sitrep.extract.pipeline import build_pipeline
    stages = build_pipeline().stages
    load = time.perf_counter() - t0

    best = [{name: float("inf") for name, _ in stages} for _ in texts]
    for _ in range(max(1, a.repeat)):
        for i, text in enumerate(texts):
            doc = Doc(text=text, meta=ReportMeta(id=str(i), origin=str(files[i])), body=[(0, len(text))])
            for name, stage in stages:
                s = time.process_time()
                doc = stage(doc)
                t = time.process_time() - s
                if t < best[i][name]:
                    best[i][name] = t
    n = len(texts)
    sizes = [len(t.encode("utf-8")) for t in texts]
    print(f"{n} reports (median {statistics.median(sizes) / 1000:.1f} KB), fastest of {a.repeat} runs each; "
          f"pipeline built in {load * 1000:.0f} ms")
    for name, _ in stages:
        print(f"  {name:<12} {sum(b[name] for b in best) / n * 1000:8.3f} ms/report")
    actors = sum(b.get("actors", 0.0) for b in best) / n
    rest = sum(t for b in best for k, t in b.items() if k != "actors") / n
    print(f"  {'all others':<12} {rest * 1000:8.3f} ms/report")
    typical = [b["actors"] for b, s in zip(best, sizes) if 3000 <= s <= 5000 and "actors" in b]
    if typical:
        print(f"actors on 3-5 KB reports: {sum(typical) / len(typical) * 1000:.3f} ms/report ({len(typical)} reports)")
    total_mb = sum(sizes) / 1e6
    for name in ("places", "actors"):
        secs = sum(b.get(name, 0.0) for b in best)
        if secs:
            print(f"{name} throughput on these reports: {total_mb / secs:.2f} MB/s")
    share = actors / rest if rest else float("inf")
    print(f"actors / all other stages = {actors * 1000:.3f} / {rest * 1000:.3f} ms = {share:.0%} (target <= 33%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
