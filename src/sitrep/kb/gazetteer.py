"""The offline gazetteer: GeoNames places, countries and governorates, a curated file of the field's places, and any
GeoNames country dumps a user imported.

Data (all shipped in ``sitrep/data/gazetteer/``, see the README there for origin and licence):

* ``geonames_places.tsv.gz``, ``geonames_admin1.tsv.gz``, ``geonames_countries.tsv.gz``: derived from GeoNames by
  ``sitrep.kb.gazetteer_build``;
* ``curated.yaml``: facilities, neighbourhoods, villages and regions city lists lack, with their spelling variants;
* ``admin1_names.yaml`` and ``countries.yaml``: canonical English names and variants of divisions and countries.

User imports (``sitrep gazetteer import SY.txt``) are written to the overlay directory, ``$SITREP_GAZETTEER_DIR``
or else ``$XDG_DATA_HOME/sitrep/gazetteer`` (``~/.local/share/sitrep/gazetteer``), one ``imported_*.tsv.gz`` per
dump, in the same compact format as ``geonames_places.tsv.gz``; every file there is loaded with the shipped data.

Every name of every entry is indexed under its transliteration skeleton (``sitrep.text.normalize.key``). The set of
skeletons and of their prefixes (``key_sets``) is a word-level automaton over all names: the place finder grows runs
of consecutive words only while they remain a prefix of some name, so a whole report is scanned in one pass and no
name is looked up that the text does not begin. ``Gazetteer.load()`` returns a process-wide instance.
"""
from __future__ import annotations

import csv
import gzip
import io
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitrep.text.normalize import fold, key

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
FOCUS_COUNTRIES = ("SY", "IQ", "LB", "JO", "IL", "PS")
KINDS = ("country", "region", "city", "district", "facility")

# Words that follow a governorate's name when the text means the governorate, not its capital.
ADMIN_SUFFIXES = ("governorate", "governorates", "province", "provinces", "muhafazah", "muhafazat", "region",
                  "countryside", "rural areas", "rif", "countryside areas", "desert", "badia")
ADMIN_PREFIXES = ("governorate of", "province of", "countryside of", "rural", "rural areas of", "rif")

try:  # the C loader where PyYAML has it
    _YAML_LOADER = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _YAML_LOADER = yaml.SafeLoader


@dataclass(slots=True)
class Entry:
    id: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    source: str = "geonames"           # geonames / curated / admin1 / country / user
    names: tuple[str, ...] = ()
    parent: str | None = None
    feature: str | None = None         # GeoNames feature code where known

    @property
    def precision(self) -> int:
        return 3 if self.kind in ("country", "region") else 1


@dataclass(slots=True)
class Candidate:
    entry: Entry
    score: float
    exact: bool          # the folded name matched, not only the skeleton
    bare_admin: bool = False   # a governorate named without "governorate"


@dataclass
class Gazetteer:
    entries: list[Entry] = field(default_factory=list)
    # skeleton -> [(entry index, folded name, bare-admin flag)]
    index: dict[str, list[tuple[int, str, bool]]] = field(default_factory=dict)
    by_id: dict[str, int] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)       # cc -> entry index
    admin1: dict[tuple[str, str], int] = field(default_factory=dict)  # (cc, key of name or code) -> entry index
    demonyms: dict[str, str] = field(default_factory=dict)        # fold("Syrian") -> "SY"

    _instance = None

    # ---- loading ---------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, overlay: Path | None = None, refresh: bool = False) -> "Gazetteer":
        if cls._instance is None or refresh or overlay is not None:
            g = cls()
            g._load_all(overlay_dir() if overlay is None else overlay)
            if overlay is not None:
                return g
            cls._instance = g
        return cls._instance

    def _load_all(self, overlay: Path | None):
        self._load_countries()
        self._load_admin1()
        self._load_places(DATA_DIR / "geonames_places.tsv.gz", "geonames")
        self._load_curated(DATA_DIR / "curated.yaml")
        if overlay and overlay.is_dir():
            for path in sorted(overlay.glob("*.tsv.gz")):
                self._load_places(path, "user")

    def _add(self, e: Entry, extra_keys: list[tuple[str, bool]] = ()) -> int:
        i = len(self.entries)
        self.entries.append(e)
        self.by_id[e.id] = i
        seen = set()
        for n in (e.name, *e.names):
            k = key(n)
            if len(k) < 3 or k in seen:
                continue
            seen.add(k)
            self.index.setdefault(k, []).append((i, fold(n), False))
        for k, bare in extra_keys:
            if k and k not in seen:
                seen.add(k)
                self.index.setdefault(k, []).append((i, "", bare))
        return i

    def _load_countries(self):
        extra = yaml.load((DATA_DIR / "countries.yaml").read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
        for line in _read_tsv(DATA_DIR / "geonames_countries.tsv.gz"):
            gid, name, lat, lon, cc, names = line[:6]
            x = extra.get(cc) or {}
            e = Entry(id=gid, name=x.get("name", name), kind="country", country=cc, admin1=None, lat=float(lat),
                      lon=float(lon), population=10**8, source="country",
                      names=tuple(dict.fromkeys([name, *names.split("|"), *(x.get("names") or [])])))
            self.countries[cc] = self._add(e)
            for d in x.get("demonyms") or []:
                self.demonyms[fold(d)] = cc

    def _load_admin1(self):
        extra = yaml.load((DATA_DIR / "admin1_names.yaml").read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
        for line in _read_tsv(DATA_DIR / "geonames_admin1.tsv.gz"):
            gid, name, lat, lon, cc, code, names = line[:7]
            x = extra.get(gid) or {}
            bare = list(dict.fromkeys([*names.split("|"), *(x.get("names") or [])]))
            canonical = x.get("name") or f"{name} {'Governorate' if cc in FOCUS_COUNTRIES else 'Province'}"
            keys = []
            for n in bare:
                keys.append((key(n), True))
                for s in ADMIN_SUFFIXES[:6]:
                    keys.append((key(f"{n} {s}"), False))
                for p in ADMIN_PREFIXES[:2]:
                    keys.append((key(f"{p} {n}"), False))
            e = Entry(id=gid, name=canonical, kind="region", country=cc, admin1=code, lat=float(lat),
                      lon=float(lon), population=10**7, source="admin1", names=(canonical,))
            i = self._add(e, keys)
            self.admin1[(cc, code)] = i
            for n in bare:
                self.admin1[(cc, key(n))] = i

    def _load_places(self, path: Path, source: str):
        for line in _read_tsv(path):
            gid, name, lat, lon, kind, fcode, cc, a1, pop, names = line[:10]
            self._add(Entry(id=gid, name=name, kind=kind, country=cc or None, admin1=a1 or None,
                            lat=float(lat), lon=float(lon), population=int(pop or 0), source=source,
                            names=tuple(n for n in names.split("|") if n), feature=fcode or None))

    def _load_curated(self, path: Path):
        items = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or []
        for it in items:
            self._add(Entry(id=f"curated:{it['id']}", name=it["name"], kind=it["kind"], country=it.get("cc"),
                            admin1=it.get("adm"), lat=it.get("lat"), lon=it.get("lon"),
                            population=int(it.get("pop") or 0), source="curated",
                            names=tuple(str(n) for n in it.get("names") or []),
                            parent=f"curated:{it['parent']}" if it.get("parent") else None))

    def key_sets(self) -> tuple[frozenset[str], frozenset[str]]:
        """The name keys, and every string that begins a longer one (what a scanner may still grow into a key)."""
        ks = self.__dict__.get("_key_sets")
        if ks is None:
            keys = frozenset(self.index)
            prefixes = frozenset(k[:i] for k in keys for i in range(1, len(k)))
            ks = self.__dict__["_key_sets"] = (keys, prefixes)
        return ks

    # ---- queries ---------------------------------------------------------------------------------------------
    def entry(self, id_: str) -> Entry | None:
        i = self.by_id.get(id_)
        return None if i is None else self.entries[i]

    def country(self, cc: str) -> Entry | None:
        i = self.countries.get(cc)
        return None if i is None else self.entries[i]

    def admin1_of(self, e: Entry) -> Entry | None:
        """The governorate an entry lies in, where known."""
        if not e.country or not e.admin1:
            return None
        i = self.admin1.get((e.country, e.admin1))
        if i is None:
            i = self.admin1.get((e.country, key(e.admin1)))
        return None if i is None else self.entries[i]

    def raw_candidates(self, k: str, surface: str = "") -> list[Candidate]:
        f = fold(surface) if surface else ""
        out = []
        for i, fn, bare in self.index.get(k, ()):
            e = self.entries[i]
            out.append(Candidate(e, prior(e, bare), bool(f) and f == fn, bare))
        return out

    def candidates(self, name: str, country: str | None = None, limit: int = 10) -> list[Candidate]:
        """Entries a name may stand for, best first; ``country`` favours that country."""
        cands = self.raw_candidates(key(name), name)
        if not cands:
            # the name with a leading "the" or a trailing generic word dropped
            alt = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.I)
            if alt != name:
                cands = self.raw_candidates(key(alt), alt)
        for c in cands:
            if c.exact:
                c.score += 0.5
            if country and c.entry.country == country.upper():
                c.score += 3.0
        best: dict[str, Candidate] = {}
        for c in sorted(cands, key=lambda c: -c.score):
            best.setdefault(c.entry.id, c)
        return list(best.values())[:limit]

    def __len__(self) -> int:
        return len(self.entries)


def prior(e: Entry, bare_admin: bool = False) -> float:
    """How likely an entry is meant when its name appears, before context: source, kind, size, region."""
    s = {"curated": 6.0, "country": 7.0, "admin1": 4.0, "geonames": 2.0, "user": 1.0}.get(e.source, 1.0)
    if bare_admin:
        s -= 3.0
    if e.population:
        s += min(3.0, math.log10(e.population + 1) / 2.0)
    if e.country in FOCUS_COUNTRIES:
        s += 2.0
    elif e.country in ("TR", "IR", "SA", "KW", "EG", "CY"):
        s += 0.5
    if e.source == "user" and e.kind not in ("city", "facility"):
        s -= 0.5
    return s


def overlay_dir() -> Path:
    env = os.environ.get("SITREP_GAZETTEER_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "sitrep" / "gazetteer"


def _read_tsv(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line:
                yield line.split("\t")


# ---- GeoNames dump import ---------------------------------------------------------------------------------------

# Feature codes worth a place in the gazetteer, and the kind each becomes.
_FACILITY_CODES = {"AIRB", "AIRF", "AIRP", "AIRH", "AIRQ", "BDG", "CMP", "CMPRF", "DAM", "FT", "INSM", "MILB", "NVB",
                   "PSTB", "PSTC", "PRT", "OILP", "OILR", "PRN", "RSTN", "HSP", "MSTY", "CSTL", "RUIN", "OILW",
                   "GASF", "OILF", "PS", "PSH", "PSN", "ANS", "INDS", "OILJ", "OILT", "TRIG", "MNMT"}
_REGION_CODES = {"ADM1", "ADM2", "RGN", "AREA", "PLN", "VAL", "DSRT", "MTS", "PLAT", "OAS", "STM", "LK", "RSV",
                 "CST", "PEN", "ISL"}


def feature_kind(fclass: str, fcode: str) -> str | None:
    if fclass == "P":
        return "district" if fcode in ("PPLX",) else "city"
    if fcode in _FACILITY_CODES:
        return "facility"
    if fcode in _REGION_CODES:
        return "region"
    return None


def import_geonames_dump(path: Path, overlay: Path | None = None) -> tuple[Path, int, dict[str, int]]:
    """Reads a standard 19-column GeoNames dump (e.g. ``SY.txt``) into the overlay directory.

    Returns (file written, rows kept, count per kind). Rows of other feature classes (springs, hills, roads,
    schools...) are left out: they would only add ambiguity.
    """
    from sitrep.kb.gazetteer_build import usable_names

    overlay = overlay or overlay_dir()
    overlay.mkdir(parents=True, exist_ok=True)
    rows, counts = [], {}
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        for col in reader:
            if len(col) < 19 or not col[0].isdigit():
                continue
            kind = feature_kind(col[6], col[7])
            if kind is None:
                continue
            names = usable_names(col[1], [col[2], *col[3].split(",")] if col[3] else [col[2]])
            if not names:
                continue
            try:
                lat, lon = round(float(col[4]), 5), round(float(col[5]), 5)
            except ValueError:
                continue
            rows.append([f"geonames:{col[0]}", col[1], lat, lon, kind, col[7], col[8], col[10],
                         int(col[14] or 0), "|".join(names)])
            counts[kind] = counts.get(kind, 0) + 1
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", Path(path).name.split(".")[0])
    out = overlay / f"imported_{stem}.tsv.gz"
    buf = io.StringIO()
    for r in rows:
        buf.write("\t".join(str(v) for v in r) + "\n")
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        fh.write(buf.getvalue())
    Gazetteer._instance = None
    return out, len(rows), counts
