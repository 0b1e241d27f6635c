"""Place-finding throughput on a generated corpus, and the gazetteer's load time and memory.

    .venv/bin/python benchmarks/places.py [--mb 4] [--repeat 4] [--sentences] [--place-share 0.5]

The corpus is generated from the team's own sentence templates (tests/data/place_mentions.tsv) shuffled with
filler prose, so it has a realistic density of names, spelling variants and organisation names: with the default
--place-share 0.5 about 7 place mentions per KB (the example reports and the dev set have about 9.7 per KB
of body text; a long analytical report fewer). Prints figures; asserts nothing.

Throughput is CPU time of this process ("one core"): on a shared machine the wall clock mostly measures the other
jobs. The first pass is reported apart (it fills the normaliser's and the finder's caches); the figure is the best
of the later passes. --sentences hands the finder sentence ranges, as the pipeline does, rather than whole chunks.
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


def corpus(mb: float, place_share: float = 0.5) -> str:
    with (ROOT / "tests" / "data" / "place_mentions.tsv").open(encoding="utf-8") as fh:
        rows = [r[0] for r in csv.reader((ln for ln in fh if not ln.startswith("#")), delimiter="\t",
                                         quoting=csv.QUOTE_NONE)][1:]
    rnd = random.Random(1)
    out, size = [], 0
    while size < mb * 1_000_000:
        para = " ".join(rnd.choice(rows) if rnd.random() < place_share else rnd.choice(FILLER) for _ in range(6))
        out.append(para)
        size += len(para) + 2
    return "\n\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--repeat", type=int, default=4)
    ap.add_argument("--sentences", action="store_true", help="sentence ranges, as the pipeline passes them")
    ap.add_argument("--place-share", type=float, default=0.5, help="share of template (place) sentences")
    args = ap.parse_args()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    from sitrep.kb.gazetteer import Gazetteer
    g = Gazetteer.load()
    load = time.perf_counter() - t
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from sitrep.extract.places import PlaceFinder
    pf = PlaceFinder(g)
    text = corpus(args.mb, args.place_share)
    # reports of ~5 KB each, as the pipeline sees them
    chunks = [text[i:i + 5000] for i in range(0, len(text), 5000)]
    if args.sentences:
        from sitrep.extract.sentences import iter_sentence_spans
        ranges = [list(iter_sentence_spans(c, 0, len(c))) for c in chunks]
    else:
        ranges = [None] * len(chunks)
    mb = len(text) / 1e6
    runs = []
    for _ in range(max(1, args.repeat)):
        w, c = time.perf_counter(), time.process_time()
        n = sum(len(pf.find(ch, r)) for ch, r in zip(chunks, ranges))
        runs.append((time.process_time() - c, time.perf_counter() - w))
    rss2 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu, wall = min(runs[1:] or runs)
    print(f"gazetteer: {len(g)} entries, {len(g.index)} name keys")
    print(f"load time: {load:.3f} s   (goal < 1 s)")
    print(f"memory: {rss1:.0f} MB after load (python {rss0:.0f} MB before), peak {rss2:.0f} MB   (goal < 300 MB)")
    print(f"corpus: {mb:.1f} MB in {len(chunks)} chunks{' of sentences' if args.sentences else ''}, {n} place "
          f"mentions = {n / (len(text) / 1000):.1f} per KB")
    print(f"first pass: {mb / runs[0][0]:.2f} MB/s cpu ({mb / runs[0][1]:.2f} MB/s wall)")
    print(f"throughput: {mb:.1f} MB in {cpu:.2f} s cpu = {mb / cpu:.2f} MB/s ({mb / wall:.2f} MB/s wall), best of "
          f"{len(runs[1:] or runs)}   (goal >= 2 MB/s on one core)")


if __name__ == "__main__":
    main()
