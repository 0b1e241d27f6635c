"""Place-finding throughput on a generated corpus, and the gazetteer's load time and memory.

    .venv/bin/python benchmarks/places.py [--mb 4]

The corpus is generated from the team's own sentence templates (tests/data/place_mentions.tsv) shuffled with
filler prose, so it has a realistic density of names, spelling variants and organisation names. Prints figures;
asserts nothing.
"""
from __future__ import annotations

import argparse
import csv
import random
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILLER = [
    "The report did not say how many vehicles took part in the operation.",
    "Local sources added that the movement was carried out at night to avoid surveillance.",
    "The website released a short video that allegedly shows the convoy.",
    "These reports follow others published earlier this month about the same groups.",
    "Officials declined to comment on the claims, which could not be independently verified.",
]


def corpus(mb: float) -> str:
    with (ROOT / "tests" / "data" / "place_mentions.tsv").open(encoding="utf-8") as fh:
        rows = [r[0] for r in csv.reader((ln for ln in fh if not ln.startswith("#")), delimiter="\t",
                                         quoting=csv.QUOTE_NONE)][1:]
    rnd = random.Random(1)
    out, size = [], 0
    while size < mb * 1_000_000:
        para = " ".join(rnd.choice(rows) if rnd.random() < 0.5 else rnd.choice(FILLER) for _ in range(6))
        out.append(para)
        size += len(para) + 2
    return "\n\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0)
    args = ap.parse_args()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    from sitrep.kb.gazetteer import Gazetteer
    g = Gazetteer.load()
    load = time.perf_counter() - t
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from sitrep.extract.places import PlaceFinder
    pf = PlaceFinder(g)
    text = corpus(args.mb)
    # reports of ~5 KB each, as the pipeline sees them
    chunks = [text[i:i + 5000] for i in range(0, len(text), 5000)]
    t = time.perf_counter()
    n = sum(len(pf.find(c)) for c in chunks)
    dt = time.perf_counter() - t
    rss2 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"gazetteer: {len(g)} entries, {len(g.index)} name keys")
    print(f"load time: {load:.3f} s   (goal < 1 s)")
    print(f"memory: {rss1:.0f} MB after load (python {rss0:.0f} MB before), peak {rss2:.0f} MB   (goal < 300 MB)")
    print(f"throughput: {len(text) / 1e6:.1f} MB in {dt:.2f} s = {len(text) / 1e6 / dt:.2f} MB/s, "
          f"{n} place mentions   (goal >= 2 MB/s on one core)")


if __name__ == "__main__":
    main()
