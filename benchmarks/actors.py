"""Benchmark: time of actor/person/outlet recognition against the rest of the pipeline, per report.

    .venv/bin/python benchmarks/actors.py [DIR ...] [--repeat N]

Reads the shared seed and dev reports (or the given directories of .txt files), runs the standard pipeline stage by
stage, and prints the mean time per report of each stage and the share the actors stage adds. The target: the actors
stage adds no more than a third to the time of the rest of the pipeline.
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import time

from sitrep.extract.model import Doc, ReportMeta

DEFAULT_DIRS = [pathlib.Path("/work/shared/seeds"), pathlib.Path("/work/shared/eval/dev/docs")]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=pathlib.Path)
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args(argv)
    files = [p for d in (a.dirs or DEFAULT_DIRS) if d.exists() for p in sorted(d.glob("*.txt"))]
    if not files:
        print("no reports to time (shared data absent); pass directories of .txt files")
        return 0
    texts = [p.read_text(encoding="utf-8") for p in files]

    t0 = time.perf_counter()
    from sitrep.extract.pipeline import build_pipeline
    try:
        pipeline = build_pipeline()
        stages = pipeline.stages
    except Exception as exc:   # other stages not ready: time actors against sentence splitting alone
        print(f"standard pipeline unavailable ({exc!r}); timing sentences + actors only")
        from sitrep.extract.actors import ActorFinder
        from sitrep.extract.sentences import split_sentences
        stages = [("sentences", split_sentences), ("actors", ActorFinder())]
    load = time.perf_counter() - t0

    totals = {name: 0.0 for name, _ in stages}
    n = 0
    for _ in range(a.repeat):
        for i, text in enumerate(texts):
            doc = Doc(text=text, meta=ReportMeta(id=str(i), origin=str(files[i])), body=[(0, len(text))])
            for name, stage in stages:
                s = time.perf_counter()
                doc = stage(doc)
                totals[name] += time.perf_counter() - s
            n += 1
    print(f"{len(texts)} reports x {a.repeat}; knowledge loaded in {load * 1000:.0f} ms")
    for name, t in totals.items():
        print(f"  {name:<12} {t / n * 1000:8.3f} ms/report")
    rest = sum(t for k, t in totals.items() if k != "actors")
    share = totals.get("actors", 0.0) / rest if rest else float("inf")
    print(f"actors adds {share:.0%} to the rest of the pipeline (target <= 33%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
