"""Reports: list, one report with its text and claims, its original, and upload (the CLI's ingestion)."""
from __future__ import annotations

from pathlib import PurePath

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select

from sitrep.store.models import ClaimRow
from sitrep.web.common import claim_summary, page, store_of
from sitrep.web.security import require_read, require_write

router = APIRouter(prefix="/api/reports", tags=["reports"])


def report_summary(r, claims: int | None = None) -> dict:
    return {"id": r.id, "title": r.title, "published": r.published, "publisher": r.publisher,
            "dispatch": r.dispatch, "origin": r.origin, "content_type": r.content_type,
            "ingested_at": r.ingested_at.isoformat(timespec="seconds") + "Z" if r.ingested_at else None,
            "claims": claims}


def get_report(store, report_id: str):
    if len(report_id) > 64:
        raise HTTPException(404, "no report with that id")
    r = store.report(report_id)
    if r is None:
        raise HTTPException(404, f"no report with id {report_id!r} (or the prefix is ambiguous)")
    return r


@router.get("", dependencies=[Depends(require_read)])
def list_reports(request: Request, paging=Depends(page),
                 search: str | None = Query(None, alias="q", max_length=500, description="Full-text words")):
    """Stored reports, newest first."""
    store = store_of(request)
    limit, offset = paging
    rows, total = store.reports(limit=limit, offset=offset, search=search or None)
    counts = store.claim_counts([r.id for r in rows])
    return {"items": [report_summary(r, counts.get(r.id, 0)) for r in rows], "total": total, "limit": limit,
            "offset": offset}


@router.get("/{report_id}", dependencies=[Depends(require_read)])
def one_report(request: Request, report_id: str):
    """One report: its text (as text, never markup), body ranges, footnotes and every claim (rejected ones
    included, with their status) with its evidence span."""
    store = store_of(request)
    r = get_report(store, report_id)
    with store.session() as s:
        claims = list(s.scalars(select(ClaimRow).where(ClaimRow.report_id == r.id).order_by(ClaimRow.seq)))
    out = report_summary(r, len(claims))
    out.update({"text": r.text, "body": r.body, "encoding": r.encoding, "extractor_version": r.extractor_version,
                "footnotes": [{"number": f.number, "text": f.text, "outlet": f.outlet, "date": f.date,
                               "start": f.start, "end": f.end, "markers": f.markers} for f in r.footnotes],
                "entities": r.entities, "claim_items": [claim_summary(c) for c in claims]})
    return out


@router.get("/{report_id}/original", dependencies=[Depends(require_read)])
def original(request: Request, report_id: str):
    """The original bytes as uploaded, as a download (never rendered by the browser)."""
    r = get_report(store_of(request), report_id)
    name = PurePath(r.origin).name or "report"
    safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)[:100] or "report"
    return Response(r.raw, media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{safe}"',
                             "Content-Security-Policy": "sandbox; default-src 'none'"})


SUFFIX_TYPES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}


async def _read_capped(request: Request, cap: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise HTTPException(413, f"upload too large: at most {request.app.state.settings.max_upload} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise HTTPException(413, f"upload too large: at most {request.app.state.settings.max_upload} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post("", status_code=201, dependencies=[Depends(require_write)],
             openapi_extra={"requestBody": {"content": {
                 "multipart/form-data": {"schema": {"type": "object", "properties": {
                     "file": {"type": "string", "format": "binary"}}, "required": ["file"]}},
                 "text/plain": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}}}}})
async def upload(request: Request, filename: str | None = Query(None, max_length=300,
                                                                 description="Name for a raw (non-multipart) body")):
    """Upload one report (.txt .md .html .htm) as multipart `file`, or as the raw request body with `?filename=`.
    Same ingestion as `sitrep ingest`: 201 new, 200 already stored, 413 too large, 415 unsupported type,
    422 unreadable (nothing stored)."""
    from sitrep.ingest import UnreadableReport, ingest_bytes

    settings = request.app.state.settings
    ctype = (request.headers.get("content-type") or "").lower()
    body = await _read_capped(request, settings.max_upload + 64 * 1024)
    if ctype.startswith("multipart/form-data"):
        request._body = body     # parse the capped body we already hold
        form = await request.form()
        item = form.get("file")
        if item is None or isinstance(item, str):
            raise HTTPException(422, "no file: send the report as the multipart field 'file'")
        raw = await item.read()
        name = item.filename or filename or "upload"
    else:
        raw, name = body, filename or "upload"
        if not filename and "html" in ctype:
            name = "upload.html"
    if len(raw) > settings.max_upload:
        raise HTTPException(413, f"upload too large: at most {settings.max_upload} bytes")
    if not raw.strip():
        raise HTTPException(422, "empty report: the upload holds no text")
    suffix = PurePath(name).suffix.lower()
    if suffix and suffix not in SUFFIX_TYPES:
        raise HTTPException(415, f"unsupported file type {suffix}: expected .txt, .md, .html or .htm")
    content_type = SUFFIX_TYPES.get(suffix) or ("html" if "html" in ctype else None)
    store = store_of(request)
    try:
        rid, outcome = await run_in_threadpool(ingest_bytes, store, raw, f"upload:{PurePath(name).name}",
                                               content_type)
    except UnreadableReport as exc:
        raise HTTPException(422, f"unreadable report: {exc}") from exc
    counts = store.claim_counts([rid])
    return JSONResponse({"id": rid, "status": outcome, "claims": counts.get(rid, 0)},
                        status_code=201 if outcome == "new" else 200)
