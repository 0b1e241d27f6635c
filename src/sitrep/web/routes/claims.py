"""Claims: filtered and paged list, one claim with its review history, and review (accept, correct, reject)."""
from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from sitrep.store import ClaimFilter
from sitrep.store.review import ReviewError, history, review_claim, review_dict
from sitrep.web.common import claim_filter, claim_full, claim_summary, page, store_of
from sitrep.web.security import require_read, require_write

router = APIRouter(prefix="/api/claims", tags=["claims"])


@router.get("", dependencies=[Depends(require_read)])
def list_claims(request: Request, f: ClaimFilter = Depends(claim_filter), paging=Depends(page)):
    """Claims matching the filters (those of `sitrep claims`), newest first; `total` counts them all."""
    limit, offset = paging
    rows, total = store_of(request).claims(f, limit=limit, offset=offset)
    return {"items": [claim_summary(r) for r in rows], "total": total, "limit": limit, "offset": offset}


def _claim_or_404(store, claim_id: str):
    row = store.claim(claim_id) if len(claim_id) <= 32 else None
    if row is None:
        raise HTTPException(404, f"no claim with id {claim_id[:40]!r}")
    return row


@router.get("/{claim_id}", dependencies=[Depends(require_read)])
def one_claim(request: Request, claim_id: str):
    """One claim: every field (export shape, reviewed values), its report, its status and its review history."""
    store = store_of(request)
    row = _claim_or_404(store, claim_id)
    out = claim_full(row)
    r = store.report(row.report_id)
    out["report"] = {"id": r.id, "title": r.title, "published": r.published, "publisher": r.publisher,
                     "origin": r.origin}
    out["reviews"] = [review_dict(x) for x in history(store, claim_id)]
    return out


@router.get("/{claim_id}/reviews", dependencies=[Depends(require_read)])
def claim_reviews(request: Request, claim_id: str):
    store = store_of(request)
    _claim_or_404(store, claim_id)
    items = [review_dict(x) for x in history(store, claim_id)]
    return {"items": items, "total": len(items)}


class ReviewIn(BaseModel):
    action: Literal["accept", "correct", "reject"]
    reviewer: str = Field(min_length=1, max_length=100, description="Who reviews (kept in the audit trail)")
    changes: dict[str, Any] | None = Field(None, description="For 'correct': field -> new value; fields: type, "
                                                              "date, modality, actors, places, source")
    note: str | None = Field(None, max_length=2000)


@router.post("/{claim_id}/review", dependencies=[Depends(require_write)])
def review(request: Request, claim_id: str, body: ReviewIn):
    """Accept, correct or reject a claim. A correction is written into the claim (all readers and exports see it);
    the previous value is kept with who and when."""
    store = store_of(request)
    _claim_or_404(store, claim_id)
    try:
        review_claim(store, claim_id, body.action, body.reviewer, body.changes, body.note)
    except KeyError:
        raise HTTPException(404, f"no claim with id {claim_id!r}") from None
    except ReviewError as exc:
        raise HTTPException(422, str(exc)) from exc
    return one_claim(request, claim_id)
