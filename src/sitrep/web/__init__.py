"""The analysts' workspace: an HTTP JSON API and a browser workspace (map, timeline, network, evidence) in one server.

    app = create_app(open_store("sitrep.db"), Settings(token="s3cret"))
    uvicorn.run(app, host="127.0.0.1", port=8000)
"""
from sitrep.web.app import create_app
from sitrep.web.settings import Settings

__all__ = ["create_app", "Settings"]
