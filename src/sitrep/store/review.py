"""Analyst review of claims: accept, correct (type, date, modality, actors, places, source) or reject.

A correction is written INTO the claim (its columns, its actor and place rows and its ``data``), so that every reader
(CLI, exports, API) sees the reviewed values; the previous value is kept in the ``reviews`` audit table with who and
when. Reviews are kept by claim id and re-applied after re-extraction (:func:`reapply`, called by
``Store.replace_extraction``).

    review_claim(store, claim_id, "correct", "analyst-1", {"date": "2024-03-11", "type": "transfer"})
    review_claim(store, claim_id, "reject", "analyst-1", note="not an event: a rumour the report refutes")
    history(store, claim_id)   # [ReviewRow, ...] oldest first
"""
from __future__ import annotations

import copy
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from sitrep.extract.serialize import ACLED_TIME_PRECISION
from sitrep.store.models import ClaimActorRow, ClaimPlaceRow, ClaimRow, ReviewRow
from sitrep.store.store import claim_point

ACTIONS = {"accept": "accepted", "correct": "corrected", "reject": "rejected"}
STATUSES = ("unreviewed", "accepted", "corrected", "rejected")
FIELDS = ("type", "date", "modality", "actors", "places", "source")
MODALITIES = ("occurred", "planned")


class ReviewError(ValueError):
    """A review that cannot be applied (unknown action or field, a malformed value): nothing is changed."""


@lru_cache(maxsize=1)
def event_types() -> tuple[str, ...]:
    """The event types the extractor knows (the top-level keys of the triggers lexicon)."""
    from importlib import resources

    import yaml
    try:
        text = resources.files("sitrep").joinpath("data/lexicons/triggers.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
        types = tuple(k for k in data if isinstance(k, str))
    except (OSError, ValueError, yaml.YAMLError):
        types = ()
    return types or ("movement", "transfer", "meeting", "training", "recruitment", "directive", "posture", "attack",
                     "seizure", "agreement", "establishment", "arrest")


def _text(value: Any, what: str, limit: int = 200, required: bool = True) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ReviewError(f"{what} is required")
        return None
    if not isinstance(value, str):
        raise ReviewError(f"{what} must be a string")
    value = " ".join(value.split())
    if len(value) > limit:
        raise ReviewError(f"{what} is too long (at most {limit} characters)")
    return value


def _number(value: Any, what: str, low: float, high: float) -> float | None:
    if value is None or value == "":
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ReviewError(f"{what} must be a number") from None
    if not (low <= x <= high):
        raise ReviewError(f"{what} must be between {low:g} and {high:g}")
    return round(x, 5)


def _date(value: Any) -> tuple[str | None, str | None]:
    """A corrected date and the precision its form gives (YYYY-MM-DD day, YYYY-MM month, YYYY year)."""
    from sitrep.store.store import check_date_bound

    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        raise ReviewError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        value = check_date_bound(value.strip())
    except ValueError as exc:
        raise ReviewError(str(exc)) from None
    return value, {10: "day", 7: "month"}.get(len(value), "year")


def _kb_actor(name: str):
    from sitrep.kb import actors as kb
    return kb.lookup(name)


def _actors(value: Any, previous: list[dict]) -> list[dict]:
    if not isinstance(value, list):
        raise ReviewError("actors must be a list of {name, role}")
    by_name = {a.get("name"): a for a in previous}
    out = []
    for item in value:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise ReviewError("each actor must be {name, role}")
        name = _text(item.get("name"), "actor name")
        role = _text(item.get("role"), "actor role", 32, required=False)
        entry = by_name.get(name)
        if entry is None:
            known = _kb_actor(name)
            if known is not None:
                name = known.name
            entry = by_name.get(name)
        if entry is not None:
            a = dict(entry)
            if role is not None:
                a["role"] = role
        else:
            known = _kb_actor(name)
            a = {"name": name, "mention": None, "role": role,
                 "kind": getattr(known, "kind", None), "parent": getattr(known, "parent", None)}
        out.append(a)
    return out


def _places(value: Any, previous: list[dict]) -> list[dict]:
    if not isinstance(value, list):
        raise ReviewError("places must be a list of {name, lat, lon, precision, role}")
    by_name = {p.get("name"): p for p in previous}
    out = []
    for item in value:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise ReviewError("each place must be {name, lat, lon, precision, role}")
        name = _text(item.get("name"), "place name")
        p = dict(by_name.get(name) or {"name": name, "mention": None, "kind": None, "country": None, "admin1": None,
                                        "gazetteer_id": None, "lat": None, "lon": None, "precision": None})
        lat = _number(item.get("lat"), "latitude", -90, 90)
        lon = _number(item.get("lon"), "longitude", -180, 180)
        if (lat is None) != (lon is None):
            raise ReviewError(f"place {name!r}: give both latitude and longitude, or neither")
        if lat is not None:
            p["lat"], p["lon"] = lat, lon
        if item.get("precision") not in (None, ""):
            try:
                precision = int(item["precision"])
            except (TypeError, ValueError):
                precision = 0
            if precision not in (1, 2, 3):
                raise ReviewError("place precision must be 1 (exact), 2 (near) or 3 (region)")
            p["precision"] = precision
        elif p.get("lat") is not None and p.get("precision") is None:
            p["precision"] = 2
        if "role" in item:
            p["role"] = _text(item.get("role"), "place role", 32, required=False)
        for key, limit in (("kind", 32), ("country", 2)):
            if item.get(key):
                p[key] = _text(item[key], f"place {key}", limit)
        out.append(p)
    return out


def _source(value: Any, previous: dict | None) -> dict | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict):
        raise ReviewError("source must be a name or {name, kind, sourcing, outlet_date}")
    name = _text(value.get("name"), "source name")
    prev = previous or {}
    same = prev.get("name") == name
    out = {"name": name,
           "kind": _text(value.get("kind"), "source kind", 32, required=False) or (prev.get("kind") if same
                                                                                     else "analyst"),
           "mention": prev.get("mention") if same else None,
           "publisher": prev.get("publisher"),
           "outlet_date": prev.get("outlet_date") if same else None,
           "footnote": prev.get("footnote") if same else None,
           "sourcing": _text(value.get("sourcing"), "sourcing", 64, required=False) or prev.get("sourcing")}
    if value.get("outlet_date"):
        out["outlet_date"] = _date(value["outlet_date"])[0]
    return out


def normalize(field: str, value: Any, data: dict) -> Any:
    """The value a correction writes for a field, checked and completed from the claim's current data."""
    if field == "type":
        t = _text(value, "type", 32)
        if t not in event_types():
            raise ReviewError(f"unknown event type {t!r}; one of: {', '.join(event_types())}")
        return t
    if field == "date":
        return _date(value)[0]
    if field == "modality":
        if value not in MODALITIES:
            raise ReviewError(f"modality must be one of: {', '.join(MODALITIES)}")
        return value
    if field == "actors":
        return _actors(value, data.get("actors") or [])
    if field == "places":
        return _places(value, data.get("places") or [])
    if field == "source":
        return _source(value, data.get("source"))
    raise ReviewError(f"cannot correct {field!r}; correctable fields: {', '.join(FIELDS)}")


def _set_field(s: Session, row: ClaimRow, field: str, value: Any) -> None:
    """Write one field's value into the claim's data and columns (and its actor/place rows)."""
    data = copy.deepcopy(row.data)
    data[field] = value
    if field == "type":
        row.type = value
    elif field == "modality":
        row.modality = value
    elif field == "date":
        row.date, precision = _date(value)
        row.date_precision = data["date_precision"] = precision
        data["time_precision"] = ACLED_TIME_PRECISION.get(precision) if precision else None
    elif field == "source":
        row.source = (value or {}).get("name")
    elif field == "actors":
        s.execute(delete(ClaimActorRow).where(ClaimActorRow.claim_id == row.id))
        for a in value:
            s.add(ClaimActorRow(claim_id=row.id, name=a["name"], mention=a.get("mention"), role=a.get("role")))
    elif field == "places":
        s.execute(delete(ClaimPlaceRow).where(ClaimPlaceRow.claim_id == row.id))
        for p in value:
            s.add(ClaimPlaceRow(claim_id=row.id, name=p["name"], mention=p.get("mention"), role=p.get("role"),
                                kind=p.get("kind"), country=p.get("country"), lat=p.get("lat"), lon=p.get("lon"),
                                precision=p.get("precision")))
        row.lat, row.lon, row.precision = claim_point(value)
    row.data = data


def _mark(row: ClaimRow, status: str, reviewer: str, at: datetime, corrected: list[str] | None = None) -> None:
    data = copy.deepcopy(row.data)
    info = dict(data.get("review") or {})
    fields = sorted(set(info.get("corrected") or []) | set(corrected or []))
    data["review"] = {"status": status, "reviewer": reviewer, "at": at.isoformat(timespec="seconds") + "Z",
                      "corrected": fields}
    row.data = data
    row.status = status


def review_claim(store, claim_id: str, action: str, reviewer: str, changes: dict[str, Any] | None = None,
                 note: str | None = None) -> ClaimRow:
    """Apply one analyst decision in one transaction. Raises KeyError (no such claim) or ReviewError."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r}; one of: {', '.join(ACTIONS)}")
    reviewer = _text(reviewer, "reviewer", 100)
    note = _text(note, "note", 2000, required=False)
    changes = changes or {}
    if not isinstance(changes, dict):
        raise ReviewError("changes must be an object of field -> new value")
    if action == "correct" and not changes:
        raise ReviewError("a correction needs at least one changed field")
    if action != "correct" and changes:
        raise ReviewError(f"{action} takes no changes; use action 'correct'")
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    with store._sessions.begin() as s:
        row = s.get(ClaimRow, claim_id)
        if row is None:
            raise KeyError(claim_id)
        if action == "correct":
            corrected = []
            for field, value in changes.items():
                new = normalize(field, value, row.data)
                previous = copy.deepcopy(row.data.get(field))
                if new == previous:
                    continue
                _set_field(s, row, field, new)
                s.add(ReviewRow(claim_id=row.id, report_id=row.report_id, action="correct", field=field,
                                previous=previous, new=new, reviewer=reviewer, note=note, created_at=now))
                corrected.append(field)
            if not corrected:
                raise ReviewError("nothing to correct: every given value equals the current one")
            _mark(row, "corrected", reviewer, now, corrected)
        else:
            status = ACTIONS[action]
            s.add(ReviewRow(claim_id=row.id, report_id=row.report_id, action=action, field=None,
                            previous={"status": row.status}, new={"status": status}, reviewer=reviewer, note=note,
                            created_at=now))
            _mark(row, status, reviewer, now)
        s.flush()
        s.expunge(row)
    return row


def history(store, claim_id: str) -> list[ReviewRow]:
    with store.session() as s:
        return list(s.scalars(select(ReviewRow).where(ReviewRow.claim_id == claim_id).order_by(ReviewRow.id)))


def reapply(s: Session, report_id: str) -> int:
    """Replay the stored reviews of a report's claims onto a fresh extraction (matched by claim id), in order.

    Runs inside the caller's transaction (``Store.replace_extraction``). Reviews of claims that the new extraction no
    longer makes are kept, unapplied, in case a later extraction makes them again. Returns the claims re-reviewed.
    """
    reviews = list(s.scalars(select(ReviewRow).where(ReviewRow.report_id == report_id).order_by(ReviewRow.id)))
    if not reviews:
        return 0
    touched = {}
    for r in reviews:
        row = touched.get(r.claim_id) or s.get(ClaimRow, r.claim_id)
        if row is None:
            continue
        touched[r.claim_id] = row
        if r.action == "correct" and r.field in FIELDS:
            _set_field(s, row, r.field, copy.deepcopy(r.new))
            _mark(row, "corrected", r.reviewer, r.created_at, [r.field])
        elif r.action in ACTIONS:
            _mark(row, ACTIONS[r.action], r.reviewer, r.created_at)
    s.flush()
    return len(touched)


def orphaned(s: Session, report_id: str) -> int:
    """How many of a report's reviewed claims the current extraction no longer makes (their reviews are kept)."""
    reviewed = select(ReviewRow.claim_id).where(ReviewRow.report_id == report_id).distinct().subquery()
    return s.scalar(select(func.count()).select_from(reviewed).where(
        reviewed.c.claim_id.not_in(select(ClaimRow.id).where(ClaimRow.report_id == report_id)))) or 0


def review_dict(r: ReviewRow) -> dict[str, Any]:
    return {"id": r.id, "claim_id": r.claim_id, "action": r.action, "field": r.field, "previous": r.previous,
            "new": r.new, "reviewer": r.reviewer, "note": r.note,
            "created_at": r.created_at.isoformat(timespec="seconds") + "Z"}
