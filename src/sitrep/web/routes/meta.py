"""What the workspace needs to start: the server's configuration and the store's totals."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from sitrep.store.review import FIELDS, MODALITIES, STATUSES, event_types
from sitrep.web.common import store_of
from sitrep.web.security import require_read

router = APIRouter(prefix="/api", tags=["meta"])


@router.get("/config")
def config(request: Request):
    """Open to all: whether writing is enabled, whether reading needs the token, the vocabulary, the tile layer."""
    st = request.app.state.settings
    return {"writable": st.writable, "read_requires_token": not st.read_open, "max_upload": st.max_upload,
            "tiles": st.tiles, "tiles_attribution": st.tiles_attribution, "event_types": list(event_types()),
            "modalities": list(MODALITIES), "statuses": list(STATUSES), "correctable": list(FIELDS)}


@router.get("/stats", dependencies=[Depends(require_read)])
def stats(request: Request):
    return store_of(request).stats()
