"""Derive the bundled basemap from the Natural Earth files in ../shared/data/naturalearth (public domain).

Keeps a few attributes and rounds coordinates to 3 decimals (~100 m), which is plenty for a regional map and keeps
the files small enough to serve to the browser and to draw the situation report's map figure offline.

    python scripts/derive_basemap.py ../shared/data/naturalearth src/sitrep/data/basemap
"""
import json
import sys
from pathlib import Path


def rounded(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 3), round(coords[1], 3)]
    out = [rounded(c) for c in coords]
    # Drop consecutive duplicates that rounding creates.
    if out and isinstance(out[0][0], (int, float)):
        dedup = [out[0]] + [p for prev, p in zip(out, out[1:]) if p != prev]
        return dedup
    return out


def derive(src: Path, dst: Path, name: str, keep: dict, bbox=None):
    data = json.loads(src.read_text(encoding="utf-8"))
    features = []
    for f in data["features"]:
        props = {new: f["properties"].get(old) for new, old in keep.items()}
        geom = f["geometry"]
        if geom is None:
            continue
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": geom["type"], "coordinates": rounded(geom["coordinates"])}})
    out = {"type": "FeatureCollection", "features": features}
    (dst / name).write_text(json.dumps(out, separators=(",", ":")), encoding="utf-8")
    print(name, len(features), (dst / name).stat().st_size)


def main():
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    dst.mkdir(parents=True, exist_ok=True)
    derive(src / "ne_50m_admin_0_countries.geojson", dst, "countries.geojson",
           {"name": "NAME", "iso_a2": "ISO_A2", "iso_a3": "ISO_A3"})
    derive(src / "ne_10m_admin_1_mideast_qgis_generalized.geojson", dst, "admin1.geojson",
           {"name": "name", "iso_a2": "iso_a2", "fips": "fips", "admin": "admin"})
    derive(src / "ne_10m_admin_0_boundary_lines_land_mideast.geojson", dst, "borders.geojson", {})


if __name__ == "__main__":
    main()
