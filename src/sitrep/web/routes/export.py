"""Exports through `sitrep.export.FORMATS`: every format the exporters register appears here by itself."""
from __future__ import annotations

import importlib
import io

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from sitrep.store import ClaimFilter
from sitrep.web.common import claim_filter, store_of
from sitrep.web.security import require_read

router = APIRouter(prefix="/api", tags=["export"])

def formats() -> dict[str, str]:
    from sitrep.export import FORMATS
    return dict(FORMATS)


@router.get("/export/formats", dependencies=[Depends(require_read)])
def export_formats():
    return {"items": sorted(formats())}


@router.get("/export", dependencies=[Depends(require_read)])
def export(request: Request, format: str = Query(..., description="An export format (see /api/export/formats)"),
           f: ClaimFilter = Depends(claim_filter)):
    """The matching claims (reviewed values; rejected claims left out) in an export format, as a download."""
    known = formats()
    if format not in known:
        raise HTTPException(422, f"unknown format {format!r}; one of: {', '.join(sorted(known))}")
    writer = importlib.import_module(known[format])
    binary = getattr(writer, "BINARY", False)
    out = io.BytesIO() if binary else io.StringIO()
    n = writer.write(store_of(request), out, f)   # always a filter: it leaves rejected claims out
    data = out.getvalue()
    import sitrep.export as registry
    # Each format's media type and file extension are registered beside it in sitrep.export.
    media = registry.MEDIA_TYPES.get(format) or ("application/octet-stream" if binary else "text/plain; charset=utf-8")
    ext = registry.EXTENSIONS.get(format, ".txt").lstrip(".")
    if not binary and media.startswith("text/") and "charset" not in media:
        media += "; charset=utf-8"
    return Response(data if binary else data.encode("utf-8"), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="sitrep-{format}.{ext}"',
                             "X-Sitrep-Count": str(n)})
