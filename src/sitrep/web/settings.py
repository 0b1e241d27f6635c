"""What the server is started with: the write token, who may read, the upload limit, an optional tile server."""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass

DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return host == "localhost"
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Settings:
    token: str | None = None              # writing (upload, review) needs "Authorization: Bearer <token>"
    host: str = "127.0.0.1"               # where the server is bound: reading is open on loopback only
    allow_remote_read: bool = False       # open reading on a non-loopback host too
    max_upload: int = DEFAULT_MAX_UPLOAD  # bytes
    tiles: str | None = None              # optional tile URL template (https://tiles.example/{z}/{x}/{y}.png)
    tiles_attribution: str | None = None

    @property
    def read_open(self) -> bool:
        return is_loopback(self.host) or self.allow_remote_read

    @property
    def writable(self) -> bool:
        return bool(self.token)
