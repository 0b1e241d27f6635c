"""The situation report's figures, drawn offline with matplotlib (Agg canvas, no pyplot state) over the Natural
Earth boundaries in ``data/basemap``: a map of the claims and a timeline. Each function returns PNG bytes.

The map is honest about precision: a place known to the town (ACLED geo_precision 1) is a filled marker, "near" a
place (2) a hollow one, and a region (3) is never drawn as a point: the governorate containing it is hatched and
labelled with "≈", or, for a whole country or where no governorate is found, a dashed circle of the place's
precision radius is drawn around its centre.
"""
from __future__ import annotations

import io
import json
import math
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Polygon
from matplotlib.path import Path

from sitrep.export import mappings as m

TYPE_COLOURS = {
    "movement": "#1f77b4", "transfer": "#17becf", "meeting": "#2ca02c", "training": "#bcbd22",
    "recruitment": "#9467bd", "directive": "#8c564b", "posture": "#e377c2", "attack": "#d62728",
    "seizure": "#ff7f0e", "agreement": "#7f7f7f", "establishment": "#393b79", "arrest": "#843c39",
}
DEFAULT_EXTENT = (34.0, 29.0, 49.0, 38.5)      # west, south, east, north: Syria, Iraq and Lebanon
PNG_META = {"Software": None}                  # no version string: the same data, the same bytes


def colour(claim_type: str | None) -> str:
    return TYPE_COLOURS.get(claim_type or "", "#333333")


@lru_cache(maxsize=3)
def _layer(name: str) -> list[dict[str, Any]]:
    path = resources.files("sitrep") / "data" / "basemap" / f"{name}.geojson"
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [poly[0] for poly in geometry["coordinates"]]
    return []


def _lines(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "LineString":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiLineString":
        return list(geometry["coordinates"])
    return []


def _in_extent(ring, extent) -> bool:
    w, s, e, n = extent
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return not (max(xs) < w or min(xs) > e or max(ys) < s or min(ys) > n)


def _admin1_at(lon: float, lat: float) -> tuple[str, list] | None:
    for f in _layer("admin1"):
        for ring in _rings(f["geometry"]):
            if Path(ring).contains_point((lon, lat)):
                return f["properties"].get("name") or "", _rings(f["geometry"])
    return None


def _extent(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    if not points:
        return DEFAULT_EXTENT
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    w, e, s, n = min(xs), max(xs), min(ys), max(ys)
    cx, cy = (w + e) / 2, (s + n) / 2
    half_w = max((e - w) / 2 + 0.8, 2.0)
    half_h = max((n - s) / 2 + 0.8, 1.5)
    # keep a map-like aspect ratio (about 4:3 once latitude is accounted for)
    half_w = max(half_w, half_h * 1.33 / max(math.cos(math.radians(cy)), 0.3))
    return (cx - half_w, cy - half_h, cx + half_w, cy + half_h)


def _png(fig: Figure) -> bytes:
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, metadata=PNG_META)
    return buf.getvalue()


def classify(items: list[m.Item]) -> tuple[list, list, list, list]:
    """(exact, regions, paths, extent points): exact = [(lon, lat, place, claim)] drawn as markers (precision 1-2);
    regions = [(place, claim)] (precision 3: never a marker); paths = [(places, claim)] movement arrows."""
    exact: list[tuple[float, float, dict, dict]] = []
    regions: list[tuple[dict, dict]] = []
    paths: list[tuple[list[dict], dict]] = []
    coords: list[tuple[float, float]] = []
    for item in items:
        claim = item.claim
        path = m.path_places(claim) if claim.get("type") in ("movement", "transfer") else []
        if path:
            paths.append((path, claim))
        for place in claim.get("places") or []:
            if not m.located(place):
                continue
            lon, lat = float(place["lon"]), float(place["lat"])
            if (place.get("precision") or 1) >= 3:
                regions.append((place, claim))
                if place.get("kind") != "country":
                    coords.append((lon, lat))
            else:
                exact.append((lon, lat, place, claim))
                coords.append((lon, lat))
    return exact, regions, paths, coords


def map_png(items: list[m.Item]) -> bytes:
    """The claims on a map: points, movement arrows, hatched regions for region-level places."""
    exact, regions, paths, coords = classify(items)
    extent = _extent(coords)
    w, s, e, n = extent

    fig = Figure(figsize=(8, 7.4))
    ax = fig.add_axes((0.07, 0.20, 0.91, 0.78))
    ax.set_facecolor("#dfeaf2")
    polys = [r for f in _layer("countries") for r in _rings(f["geometry"]) if _in_extent(r, extent)]
    ax.add_collection(PolyCollection(polys, facecolors="#f4f1ea", edgecolors="none", zorder=1))
    admin = [r for f in _layer("admin1") for r in _rings(f["geometry"]) if _in_extent(r, extent)]
    ax.add_collection(PolyCollection(admin, facecolors="none", edgecolors="#c9c2b4", linewidths=0.4, zorder=2))
    borders = [ln for f in _layer("borders") for ln in _lines(f["geometry"])]
    outlines = [r for f in _layer("countries") for r in _rings(f["geometry"]) if _in_extent(r, extent)]
    ax.add_collection(LineCollection(outlines + borders, colors="#7d7466", linewidths=0.8, zorder=3))
    for f in _layer("countries"):
        name = f["properties"].get("name")
        rings = [r for r in _rings(f["geometry"]) if _in_extent(r, extent)]
        if not rings:
            continue
        ring = max(rings, key=len)
        cx = sum(p[0] for p in ring) / len(ring)
        cy = sum(p[1] for p in ring) / len(ring)
        if w < cx < e and s < cy < n:
            ax.text(cx, cy, name.upper(), fontsize=7, color="#9a9183", ha="center", va="center", zorder=3)

    # region-level places: hatched governorate or dashed circle, never a point
    drawn_regions: set[str] = set()
    for place, claim in regions:
        lon, lat = float(place["lon"]), float(place["lat"])
        key = f"{place.get('name')}|{claim.get('type')}"
        if key in drawn_regions:
            continue
        drawn_regions.add(key)
        c = colour(claim.get("type"))
        if place.get("kind") == "country":
            if w < lon < e and s < lat < n:
                ax.text(lon, lat, f"≈ {place.get('name')} (country)", fontsize=7, color=c, ha="center",
                        va="center", zorder=7, style="italic",
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
            continue
        found = _admin1_at(lon, lat)
        if found:
            for ring in found[1]:
                ax.add_patch(Polygon(ring, closed=True, facecolor="none", edgecolor=c, hatch="///",
                                     linewidth=0.8, alpha=0.7, zorder=4))
        else:
            radius = m.precision_m(place) / 111_000
            ax.add_patch(Circle((lon, lat), radius, facecolor="none", edgecolor=c, linestyle="--", linewidth=1.0,
                                zorder=4))
        ax.text(lon, lat, f"≈ {place.get('name')}", fontsize=7, color=c, ha="center", va="center", zorder=7,
                style="italic", bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})

    for path, claim in paths:
        c = colour(claim.get("type"))
        planned = claim.get("modality") == "planned"
        for a, b in zip(path, path[1:]):
            # a leg from or to a region-level place (a country, a governorate) is only a direction: dashed, faint
            vague = max(a.get("precision") or 1, b.get("precision") or 1) >= 3
            style = ":" if planned else "--" if vague else "-"
            last = b is path[-1]
            xy_a = (float(a["lon"]), float(a["lat"]))
            xy_b = (float(b["lon"]), float(b["lat"]))
            if last:
                ax.annotate("", xy=xy_b, xytext=xy_a, zorder=5,
                            arrowprops={"arrowstyle": "-|>", "color": c, "lw": 1.2, "linestyle": style,
                                        "alpha": 0.5 if vague else 1.0})
            else:
                ax.plot([xy_a[0], xy_b[0]], [xy_a[1], xy_b[1]], color=c, linewidth=1.2, linestyle=style,
                        alpha=0.5 if vague else 1.0, zorder=5)

    labelled: set[str] = set()
    for lon, lat, place, claim in exact:
        c = colour(claim.get("type"))
        near = (place.get("precision") or 1) == 2
        ax.plot(lon, lat, marker="o", markersize=7, markerfacecolor="white" if near else c, markeredgecolor=c,
                markeredgewidth=1.5, linestyle="none", zorder=6)
        name = place.get("name") or ""
        if name not in labelled:
            labelled.add(name)
            ax.text(lon + 0.08, lat + 0.08, ("near " if near else "") + name, fontsize=7, zorder=7,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6})

    ax.set_xlim(w, e)
    ax.set_ylim(s, n)
    ax.set_aspect(1 / max(math.cos(math.radians((s + n) / 2)), 0.3))
    ax.tick_params(labelsize=7)
    types = sorted({i.claim.get("type") for i in items if i.claim.get("type")})
    from matplotlib.lines import Line2D
    handles = [Line2D([], [], marker="o", linestyle="none", color=colour(t), label=t) for t in types]
    handles += [Line2D([], [], marker="o", linestyle="none", markerfacecolor="white", markeredgecolor="#333",
                       label="near a place (precision 2)"),
                Polygon([[0, 0], [1, 0], [1, 1]], facecolor="none", edgecolor="#333", hatch="///",
                        label="≈ region only (precision 3)")]
    if handles:
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.05), ncol=4, fontsize=7,
                  frameon=False)
    fig.text(0.02, 0.015, "Boundaries: Natural Earth (public domain). Markers show reported places, not verified "
                          "positions.", fontsize=6.5, color="#555555")
    return _png(fig)


def _span(claim: dict[str, Any], report: m.ReportInfo) -> tuple[date, date] | None:
    value = claim.get("date")
    if not value:
        day, _, _ = m.event_date(claim, report)
        if not day:
            return None
        d = date.fromisoformat(day)
        return d, d
    parts = value.split("-")
    try:
        if len(parts) == 3:
            d = date.fromisoformat(value)
            if claim.get("date_precision") == "week":
                return d - timedelta(days=3), d + timedelta(days=3)
            return d, d
        if len(parts) == 2:
            first = date(int(parts[0]), int(parts[1]), 1)
            nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None


def timeline_png(items: list[m.Item]) -> bytes:
    """Claims over time, one row per type: a dot for a day, a bar for a week, month or year; hollow if planned,
    a cross if the report says it did not happen."""
    from matplotlib import dates as mdates

    rows = sorted({i.claim.get("type") or "claim" for i in items}) or ["(no claims)"]
    fig = Figure(figsize=(8, 0.45 * len(rows) + 1.4))
    ax = fig.add_axes((0.16, 0.28 if len(rows) < 3 else 0.18, 0.80, 0.66 if len(rows) < 3 else 0.76))
    spans = []
    for item in items:
        sp = _span(item.claim, item.report)
        if sp is None:
            continue
        spans.append(sp)
        y = rows.index(item.claim.get("type") or "claim")
        c = colour(item.claim.get("type"))
        a, b = sp
        if a != b:
            ax.plot([mdates.date2num(a), mdates.date2num(b)], [y, y], color=c, linewidth=5, alpha=0.35,
                    solid_capstyle="butt")
        mid = a + (b - a) / 2
        if item.claim.get("negated"):
            ax.plot(mdates.date2num(mid), y, marker="x", color=c, markersize=7, linestyle="none")
        else:
            planned = item.claim.get("modality") == "planned"
            ax.plot(mdates.date2num(mid), y, marker="o", markersize=6, markeredgecolor=c, markeredgewidth=1.5,
                    markerfacecolor="white" if planned else c, linestyle="none")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(rows, fontsize=8)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    if spans:
        lo = min(a for a, _ in spans) - timedelta(days=2)
        hi = max(b for _, b in spans) + timedelta(days=2)
        ax.set_xlim(mdates.date2num(lo), mdates.date2num(hi))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(axis="x", labelsize=7)
    ax.grid(axis="x", color="#dddddd", linewidth=0.5)
    fig.text(0.16, 0.02, "dot: a day; bar: a week, month or year; hollow: planned; x: reported not to have happened",
             fontsize=6.5, color="#555555")
    return _png(fig)
